"""A case sent to the insurer keeps the amounts it was sent with until the user chooses: a new draft made from it,
or the sent case itself changed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from estimator.case import DRAFT, REIMBURSED, SUBMITTED
from estimator.io.casefile import load_case
from tests.ui.conftest import cell, column
from tests.ui.test_cases import case_file
from ui.models import LineColumn


def factor_edit(window: Any, text: str) -> bool:
    model = window.fee_model
    return bool(model.setData(model.index(0, column(model, LineColumn.FACTOR)), text))


def test_a_sent_case_takes_no_edit_and_a_draft_made_from_it_is_saved_beside_it(open_window: Any, tmp_path: Path) -> None:
    path = case_file(tmp_path, "mueller", dt.date(2026, 3, 10))
    sent = path.read_bytes()
    window = open_window(path)
    window.document.path = path  # opened as the case file it is
    errors: list[str] = []
    window.show_error = lambda _title, text: errors.append(text)
    assert window.sent_bar.isVisible() and "Dieser Fall ist eingereicht." in window.sent_bar.text.text()
    before = window.document.estimate.totals.benefit
    assert not factor_edit(window, "3,5")
    assert "Änderung nicht übernommen: der Fall ist eingereicht" in window.statusBar().currentMessage()
    assert window.document.estimate.totals.benefit == before and window.document.is_saved
    window.sent_bar.draft_button.click()
    assert not window.sent_bar.isVisible() and window.document.case.status == DRAFT
    assert window.windowTitle().startswith("Entwurf aus mueller.hkp.json")
    assert window.statusBar().currentMessage().startswith("Neuer Entwurf aus mueller.hkp.json; die Datei bleibt")
    assert factor_edit(window, "3,5") and cell(window.fee_model, 0, LineColumn.FACTOR) == "3,5"
    assert window.document.file_stem() == "mueller-entwurf"
    assert not window.files.save_to(path)  # the sent case's own file: refused, said
    assert errors and "mueller.hkp.json ist der eingereichte Fall" in errors[0] and path.read_bytes() == sent
    assert window.files.save_to(tmp_path / "mueller-entwurf.hkp.json")
    draft = load_case(tmp_path / "mueller-entwurf.hkp.json")
    assert draft.status == DRAFT and draft.plan().fee_lines[0].factor == Decimal("3.5")
    assert path.read_bytes() == sent


def test_the_sent_case_itself_is_changed_when_chosen_and_locked_again_when_sent_again(open_window: Any, tmp_path: Path) -> None:
    path = case_file(tmp_path, "mueller", dt.date(2026, 3, 10))
    window = open_window(path)
    window.document.path = path
    window.sent_bar.change_button.click()
    assert not window.sent_bar.isVisible()
    assert factor_edit(window, "3,5") and window.files.save_to(path)
    saved = load_case(path)
    assert saved.status == SUBMITTED and saved.plan().fee_lines[0].factor == Decimal("3.5")
    window.document.take_status(REIMBURSED, None)  # Fälle …: the insurer's letter came
    assert window.sent_bar.isVisible() and "Dieser Fall ist erstattet." in window.sent_bar.text.text()
    assert not factor_edit(window, "2,3")
