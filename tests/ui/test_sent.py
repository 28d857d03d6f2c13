"""A case sent to the insurer keeps the amounts it was sent with until the user chooses: a new draft made from it,
or the sent case itself changed."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from estimator.case import DRAFT, REFUSED, SUBMITTED
from estimator.io.casefile import load_case, open_case, save_case
from estimator.register.cases import update_case
from estimator.register.store import Register
from tests.ui.conftest import cell, column
from tests.ui.test_cases import case_file, registered
from ui.autosave import end_session
from ui.cases import STATUS
from ui.document import CaseDocument, autosave_path
from ui.main_window import MainWindow
from ui.models import LineColumn
from ui.recovery import recoverable


def opened(qtbot: Any, settings: QSettings, path: Path, autosave: bool = False) -> MainWindow:
    """A case file opened as the program opens one (ui.app, ui.files): the file is the case's path."""
    window = MainWindow(CaseDocument(open_case(path), path, None, autosave=autosave), settings)
    window.ask_on_close = lambda _title, _text: QMessageBox.StandardButton.Discard  # closed after the test: no question
    qtbot.addWidget(window)
    window.show()
    return window


def factor_edit(window: Any, text: str) -> bool:
    model = window.fee_model
    return bool(model.setData(model.index(0, column(model, LineColumn.FACTOR)), text))


def factor(path: Path) -> Decimal:
    return load_case(path).plan().fee_lines[0].factor


def test_a_sent_case_takes_no_edit_and_a_draft_made_from_it_is_saved_beside_it(
    qtbot: Any, settings: QSettings, tmp_path: Path
) -> None:
    path = case_file(tmp_path, "mueller", dt.date(2026, 3, 10))
    sent = path.read_bytes()
    window = opened(qtbot, settings, path)
    errors: list[str] = []
    window.show_error = lambda _title, text: errors.append(text)
    assert window.sent_bar.isVisible() and "Dieser Fall ist eingereicht." in window.sent_bar.text.text()
    assert window.note_editor.text.isReadOnly()  # nothing typed there that the case would not take
    before = window.document.estimate.totals.benefit
    assert not factor_edit(window, "3,5")
    assert "Änderung nicht übernommen: der Fall ist eingereicht" in window.statusBar().currentMessage()
    assert window.document.estimate.totals.benefit == before and window.document.is_saved
    window.sent_bar.draft_button.click()
    assert not window.sent_bar.isVisible() and window.document.case.status == DRAFT
    assert not window.note_editor.text.isReadOnly()
    assert window.windowTitle().startswith("Entwurf aus mueller.hkp.json")
    assert window.statusBar().currentMessage().startswith("Neuer Entwurf aus mueller.hkp.json; diese Datei bleibt unverändert")
    assert factor_edit(window, "3,5") and cell(window.fee_model, 0, LineColumn.FACTOR) == "3,5"
    assert window.files.suggested(window.document.file_stem() + ".hkp.json") == str(tmp_path / "mueller-entwurf.hkp.json")
    for name in ("mueller.hkp.json", "mueller"):  # the sent case's own file, also named without its ending
        assert not window.files.save_to(tmp_path / name)
        assert "„mueller.hkp.json“ ist ein Fall mit dem Status eingereicht und wird nicht überschrieben" in errors.pop()
        assert path.read_bytes() == sent
    assert window.files.save_to(tmp_path / "mueller-entwurf.hkp.json")
    draft = load_case(tmp_path / "mueller-entwurf.hkp.json")
    assert draft.status == DRAFT and draft.plan().fee_lines[0].factor == Decimal("3.5")
    assert factor_edit(window, "4,0") and not window.files.save_to(path)  # saved once, the draft still not over it
    assert "ist ein Fall mit dem Status eingereicht" in errors.pop() and path.read_bytes() == sent


def test_the_sent_case_itself_is_changed_when_chosen_and_locked_again_when_set_in_the_register(
    qtbot: Any, settings: QSettings, tmp_path: Path
) -> None:
    path = case_file(tmp_path, "mueller", dt.date(2026, 3, 10))
    registered(path)
    window = opened(qtbot, settings, path)
    errors: list[str] = []
    window.show_error = lambda _title, text: errors.append(text)
    window.sent_bar.change_button.click()
    assert not window.sent_bar.isVisible()
    assert factor_edit(window, "3,5") and window.files.save_to(path)
    assert (load_case(path).status, factor(path)) == (SUBMITTED, Decimal("3.5"))
    assert factor_edit(window, "4,0")  # not saved when the insurer's letter comes
    window.register.show_cases()
    dialog = window.register.cases
    qtbot.addWidget(dialog)
    assert dialog.model.setData(dialog.model.index(0, STATUS), "erstattet")  # Fälle …: the insurer's letter came
    assert window.sent_bar.isVisible() and "Dieser Fall ist erstattet." in window.sent_bar.text.text()
    assert not window.document.undo_stack.canUndo() and not factor_edit(window, "2,3")  # no undo into the sent case
    assert not window.document.is_saved and not window.files.save_to(path)  # the edit before: not into it either
    assert "„mueller.hkp.json“ ist inzwischen erstattet; die Änderungen hier sind nicht darin gespeichert" in errors[-1]
    assert (load_case(path).status, factor(path)) == ("erstattet", Decimal("3.5"))
    window.sent_bar.draft_button.click()  # the edit kept, as a draft of its own
    assert window.files.save_to(tmp_path / "mueller-neu.hkp.json") and factor(tmp_path / "mueller-neu.hkp.json") == 4


def test_edits_of_a_draft_go_not_into_the_file_when_it_was_sent_meanwhile(
    qtbot: Any, settings: QSettings, tmp_path: Path
) -> None:
    path = case_file(tmp_path, "mueller", dt.date(2026, 3, 10), status=DRAFT)
    registered(path)
    window = opened(qtbot, settings, path)
    errors: list[str] = []
    window.show_error = lambda _title, text: errors.append(text)
    assert factor_edit(window, "3,5")
    with Register() as register:  # `hkp register status 1 eingereicht` at another workstation
        update_case(register, 1, SUBMITTED)
    assert not window.files.save_to(path)
    assert "ist inzwischen eingereicht" in errors[0] and window.sent_bar.isVisible()
    assert (load_case(path).status, factor(path)) == (SUBMITTED, Decimal("2.3"))


def test_a_draft_of_a_sent_case_and_a_case_being_changed_stay_so_after_a_crash(
    qtbot: Any, settings: QSettings, tmp_path: Path
) -> None:
    path = case_file(tmp_path, "mueller", dt.date(2026, 3, 10))
    window = opened(qtbot, settings, path, autosave=True)
    window.sent_bar.draft_button.click()
    assert factor_edit(window, "3,5")
    qtbot.waitUntil(autosave_path().exists)
    end_session()  # the program ends here, as in a crash
    draft = recoverable().document
    assert draft is not None and draft.title() == "Entwurf aus mueller.hkp.json" and draft.file_stem() == "mueller-entwurf"
    assert draft.path is None and draft.draft_of == path and draft.case.status == DRAFT
    save_case(dataclasses.replace(load_case(path), status=SUBMITTED), path)
    window.close()  # the first window's autosave gone with it (it was discarded)
    autosave_path().unlink(missing_ok=True)
    other = opened(qtbot, settings, path, autosave=True)
    other.sent_bar.change_button.click()
    assert factor_edit(other, "3,5")
    qtbot.waitUntil(autosave_path().exists)
    end_session()
    changing = recoverable().document
    assert changing is not None and changing.path == path and not changing.is_locked and not changing.is_saved


def test_the_note_says_what_a_status_means(qtbot: Any, settings: QSettings, tmp_path: Path) -> None:
    refused = opened(qtbot, settings, case_file(tmp_path, "abgelehnt", dt.date(2026, 3, 10), status=REFUSED))
    assert refused.sent_bar.text.text().startswith("Dieser Fall ist abgelehnt. So hat der Versicherer ihn abgelehnt.")
    assert "zählen für spätere Pläne" not in refused.sent_bar.text.text()
    long_name = case_file(tmp_path, "lang", dt.date(2026, 3, 10), status=DRAFT, name="Ä" * 200)
    document = CaseDocument(open_case(long_name))
    assert document.file_stem() == "ä" * 60  # a plan without a file: named after the patient, short
