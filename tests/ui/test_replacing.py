"""Nothing the user wrote is lost by a file the window writes, nor by the note editor: a name typed without its ending
that names another file, an export over the practice's plan or a scan, a save over another patient's case, a note
too long for the letter, a recovery question closed with Esc."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from estimator.io.casefile import load_case
from tests.conftest import GOLDEN
from tests.ui.conftest import finish

CROWN = GOLDEN / "crown_basic.xlsx"


def answering(window: Any, answer: bool) -> list[str]:
    asked: list[str] = []
    window.files.replacing.confirm = lambda title, text: asked.append(text) or answer
    return asked


def test_a_name_typed_without_its_ending_does_not_replace_another_patients_case_unasked(open_window: Any, tmp_path: Path) -> None:
    other = open_window(CROWN)
    other.document.edit_person(name="Schmidt, Anna")
    assert other.files.save_to(tmp_path / "schmidt.hkp.json")
    before = (tmp_path / "schmidt.hkp.json").read_bytes()
    window = open_window(GOLDEN / "implant_limit.xlsx")
    asked = answering(window, False)
    assert not window.files.save_to(tmp_path / "schmidt")  # as typed in the save dialog: the ending is added
    assert (tmp_path / "schmidt.hkp.json").read_bytes() == before
    assert asked and "der gespeicherte Fall von Schmidt, Anna" in asked[0]
    answering(window, True)
    assert window.files.save_to(tmp_path / "schmidt")
    assert load_case(tmp_path / "schmidt.hkp.json").person.name != "Schmidt, Anna"


def test_saving_the_open_case_again_asks_nothing(open_window: Any, tmp_path: Path) -> None:
    window = open_window(CROWN)
    asked = answering(window, False)
    assert window.files.save_to(tmp_path / "fall.hkp.json")
    window.document.edit_person(city="Dresden")
    assert window.files.save() and asked == []


def test_an_export_never_replaces_the_plan_it_was_read_from(open_window: Any, tmp_path: Path) -> None:
    plan = tmp_path / "HKP_Mueller_2026.xlsx"
    shutil.copyfile(CROWN, plan)
    window = open_window(plan)
    errors: list[str] = []
    window.show_error = lambda title, text: errors.append(text)
    assert not window.files.export_estimate("xlsx", plan)
    assert plan.read_bytes() == CROWN.read_bytes() and "Datei dieses Falls oder seines Plans" in errors[0]


def test_an_export_over_a_file_of_another_kind_is_asked_about_and_an_earlier_one_written_anew(
    open_window: Any, tmp_path: Path, qtbot: Any
) -> None:
    window = open_window(CROWN)
    scan = tmp_path / "brief.pdf"
    scan.write_bytes(b"%PDF-1.4 ein Scan des unterschriebenen Plans")
    asked = answering(window, False)
    assert window.files.export_pdf(scan, open_after=False) is None
    assert scan.read_bytes().endswith(b"Plans") and "kein Brief dieses Programms" in asked[0]
    finish(qtbot, window.files.export_pdf(tmp_path / "neu", open_after=False))  # typed without .pdf
    assert (tmp_path / "neu.pdf").read_bytes().startswith(b"%PDF") and not (tmp_path / "neu").exists()
    finish(qtbot, window.files.export_pdf(tmp_path / "neu.pdf", open_after=False))  # its own letter: written anew
    assert len(asked) == 1
    notes = tmp_path / "notizen.json"
    notes.write_text('{"termine": []}', encoding="utf-8")
    assert not window.files.export_estimate("json", notes)
    assert notes.read_text(encoding="utf-8") == '{"termine": []}' and "keine Schätzung" in asked[-1]


def test_the_plan_saved_as_a_workbook_over_its_own_workbook_is_asked_about(open_window: Any, tmp_path: Path) -> None:
    plan = tmp_path / "praxis.xlsx"
    shutil.copyfile(CROWN, plan)
    window = open_window(plan)
    asked = answering(window, False)
    assert not window.line_actions.save_workbook(plan)
    assert plan.read_bytes() == CROWN.read_bytes() and "aus der dieser Plan gelesen wurde" in asked[0]


def test_typing_on_after_the_note_was_taken_keeps_the_cursor_and_the_order(open_window: Any) -> None:
    window = open_window(CROWN)
    editor = window.note_editor
    editor.text.setFocus()
    QTest.keyClicks(editor.text, "Liebe Frau Mustermann,")
    assert editor.take()  # the pause: taken into the case
    QTest.keyClicks(editor.text, " bitte Termin")
    assert editor.take()
    assert window.document.case.note == "Liebe Frau Mustermann, bitte Termin"
    window.undo_action.trigger()
    assert editor.text.toPlainText() == "Liebe Frau Mustermann,"
    assert editor.text.textCursor().position() == len("Liebe Frau Mustermann,")


def test_a_note_too_long_is_said_beside_it_when_saving_and_when_closing(open_window: Any, tmp_path: Path) -> None:
    window = open_window(CROWN)
    window.note_editor.text.setPlainText("Bitte Termin vereinbaren.")
    assert window.files.save_to(tmp_path / "fall.hkp.json")
    window.note_editor.text.setPlainText("x" * 2_001)
    errors: list[str] = []
    window.show_error = lambda title, text: errors.append(f"{title}: {text}")
    assert window.files.save()
    assert errors and errors[0].startswith("Ohne den Text an den Patienten gespeichert: Der Text an den Patienten ist zu lang")
    assert not window.note_editor.problem.isHidden() and "2.001 Zeichen" in window.note_editor.problem.text()
    asked: list[str] = []
    window.ask_on_close = lambda title, text: asked.append(text) or QMessageBox.StandardButton.Cancel
    assert not window.may_discard()
    assert "zu lang für den Brief" in asked[0] and "Speichern speichert den Fall ohne ihn" in asked[0]
    window.note_editor.text.setPlainText("Kurz.")
    assert window.note_editor.take() and window.note_editor.problem.isHidden()


def test_the_recovery_question_closed_with_esc_restores(open_window: Any) -> None:
    from ui.recovery import _ask_recovery  # noqa: PLC0415

    window = open_window(CROWN)

    def press_escape() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "Verwerfen löscht sie endgültig" in box.text()
        QTest.keyClick(box, Qt.Key.Key_Escape)

    stuck: list[bool] = []

    def close_if_stuck() -> None:  # Esc that does nothing would leave the test waiting: closed, and said
        if isinstance(box := QApplication.activeModalWidget(), QMessageBox):
            stuck.append(True)
            box.done(0)

    QTimer.singleShot(0, press_escape)
    QTimer.singleShot(3000, close_if_stuck)
    import datetime as dt  # noqa: PLC0415

    assert _ask_recovery(window, "fall.hkp.json", dt.datetime(2026, 12, 7, 6, 30)) and not stuck


def test_a_failed_letter_says_why_in_german(open_window: Any, tmp_path: Path, qtbot: Any) -> None:
    window = open_window(CROWN)
    errors: list[str] = []
    window.show_error = lambda title, text: errors.append(text)
    task = finish(qtbot, window.files.export_pdf(tmp_path / "fehlt" / "brief.pdf", open_after=False))  # no such folder
    assert task.error is not None and errors and "Errno" not in errors[0] and "nicht gefunden" in errors[0]
