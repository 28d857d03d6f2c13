"""Hostile input in the desktop application: crafted case files open with a message, bad edits change nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import GOLDEN
from tests.estimator.test_case_files import CASES, write


@pytest.mark.parametrize("name", sorted(CASES))
def test_crafted_case_file_opens_with_a_message_in_the_window(name: str, open_window: Any, tmp_path: Path) -> None:
    window = open_window(GOLDEN / "crown_basic.xlsx")
    shown: list[tuple[str, str]] = []
    window.show_error = lambda title, text: shown.append((title, text))
    build, words = CASES[name]
    before = window.document
    assert window.open_path(write(tmp_path, name, build())) is False
    assert len(shown) == 1 and words in shown[0][1] and "fall.hkp.json" in shown[0][1]
    assert window.document is before
