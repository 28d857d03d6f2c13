"""Crash safety: a session killed with SIGKILL after editing loses no edit; the next start recovers them."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from estimator.io.casefile import open_case
from tests.conftest import GOLDEN, ROOT
from ui.app import offer_recovery
from ui.document import CaseDocument, autosave_path
from ui.main_window import MainWindow

CHILD = Path(__file__).with_name("crash_child.py")


def test_killed_session_is_recovered_with_every_edit(tmp_path: Path, monkeypatch: Any, qtbot: Any) -> None:
    monkeypatch.setenv("HKP_DATA_DIR", str(tmp_path))
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(GOLDEN / "crown_basic.xlsx")], stdout=subprocess.PIPE, text=True, env=environment
    )
    try:
        benefit = child.stdout.readline().strip()  # type: ignore[union-attr]
        assert benefit, "the session did not start"
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
        child.stdout.close()  # type: ignore[union-attr]
    assert stat.S_IMODE(os.stat(autosave_path()).st_mode) == 0o600

    window = MainWindow(
        CaseDocument(open_case(ROOT / "resources/examples/beispielplan.xlsx")),
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
    )
    qtbot.addWidget(window)
    window.ask_on_close = lambda title, text: QMessageBox.StandardButton.Discard
    assert offer_recovery(window, ask=lambda window, title: True)
    document = window.document
    assert str(document.estimate.totals.benefit) == benefit
    assert document.case.edits == {
        ("fee", 1, "factor"): Decimal("3.5"),
        ("fee", 1, "justification"): "tief zerstörter Zahn",
        ("lab", 0, "quantity"): Decimal("3"),
    }
    assert document.person.cooperating and document.source == GOLDEN / "crown_basic.xlsx"
    document.save(tmp_path / "fall")
    assert not autosave_path().exists()


def test_declining_recovery_discards_the_autosave(tmp_path: Path, monkeypatch: Any, qtbot: Any) -> None:
    monkeypatch.setenv("HKP_DATA_DIR", str(tmp_path))
    document = CaseDocument(open_case(GOLDEN / "crown_basic.xlsx"))
    document.edit_person(accident=True)
    document.autosave()
    window = MainWindow(
        CaseDocument(open_case(GOLDEN / "crown_basic.xlsx")), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    assert not offer_recovery(window, ask=lambda window, title: False)
    assert not autosave_path().exists() and not window.document.person.accident


def test_a_damaged_autosave_is_set_aside_not_fatal(tmp_path: Path, monkeypatch: Any, qtbot: Any) -> None:
    monkeypatch.setenv("HKP_DATA_DIR", str(tmp_path))
    autosave_path().write_text("{kaputt", encoding="utf-8")
    window = MainWindow(
        CaseDocument(open_case(GOLDEN / "crown_basic.xlsx")), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    assert not offer_recovery(window, ask=lambda window, title: True)
    assert autosave_path().with_suffix(".beschaedigt").exists()


def test_a_failed_save_leaves_the_old_case_file_intact(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("HKP_DATA_DIR", str(tmp_path))
    document = CaseDocument(open_case(GOLDEN / "crown_basic.xlsx"))
    target = tmp_path / "fall.hkp.json"
    document.save(target)
    before = target.read_bytes()
    document.edit_person(accident=True)

    def broken_fsync(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        document.save(target)
    monkeypatch.undo()
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".fall")] == []
    assert not document.is_saved


def test_a_workbook_whose_name_is_not_utf8_is_autosaved_and_recovered(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("HKP_DATA_DIR", str(tmp_path))
    source = Path(os.fsdecode(bytes(tmp_path) + b"/plan-\xff.xlsx"))  # a name from another system's encoding
    source.write_bytes((GOLDEN / "crown_basic.xlsx").read_bytes())
    document = CaseDocument(open_case(source), source=source)
    assert document.edit_line(("fee", 0, "factor"), "3,0")
    document.autosave()
    from ui.recovery import recoverable  # noqa: PLC0415

    recovered = recoverable()
    assert recovered is not None and recovered.source == source and recovered.case == document.case
