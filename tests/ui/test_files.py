"""Files from the window: save and reopen, an unreadable file, recent files, the PDF export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import GOLDEN
from tests.ui.conftest import column, finish
from ui.models import LineColumn

CROWN = GOLDEN / "crown_basic.xlsx"
DEDUCTIBLE = GOLDEN / "deductible_first_year_prorated.xlsx"


def test_save_and_reopen_gives_the_same_estimate(open_window: Any, tmp_path: Path) -> None:
    window = open_window(CROWN)
    window.fee_model.setData(window.fee_model.index(1, column(window.fee_model, LineColumn.FACTOR)), "3,5")
    window.fee_model.setData(window.fee_model.index(1, column(window.fee_model, LineColumn.REASON)), "tief zerstörter Zahn")
    window.person_panel.cooperating.setChecked(True)
    assert window.files.save_to(tmp_path / "fall.hkp.json")
    assert window.document.is_saved and not window.windowTitle().endswith("*")
    reopened = open_window(tmp_path / "fall.hkp.json")
    assert reopened.document.estimate.totals == window.document.estimate.totals
    assert reopened.document.case.edits == window.document.case.edits
    assert reopened.document.is_saved


def test_an_unreadable_file_is_reported_and_the_case_stays(open_window: Any, tmp_path: Path, qtbot: Any) -> None:
    window = open_window(CROWN)
    errors: list[str] = []
    window.show_error = lambda title, text: errors.append(text)
    bad = tmp_path / "kaputt.xlsx"
    bad.write_bytes(b"kein Excel")
    task = finish(qtbot, window.files.open_path(bad))
    assert task.error is not None and "keine Arbeitsmappe (Excel" in errors[0]
    assert "keine Arbeitsmappe (Excel" in window.statusBar().currentMessage()
    assert window.document.source == CROWN and window.centralWidget().isEnabled()


def test_opening_remembers_recent_files(open_window: Any, qtbot: Any, tmp_path: Path) -> None:
    window = open_window(CROWN)
    assert window.files.save_to(tmp_path / "fall.hkp.json")
    assert window.statusBar().currentMessage().startswith("Gespeichert: ")
    assert finish(qtbot, window.files.open_path(DEDUCTIBLE)).error is None
    assert not window.statusBar().currentMessage().startswith("Gespeichert")  # said of the file before, not this one
    assert window.document.source == DEDUCTIBLE
    assert window.files.recent_files()[0] == str(DEDUCTIBLE)
    assert [a.text() for a in window.recent_menu.actions()] == [DEDUCTIBLE.name, "fall.hkp.json"]


def test_pdf_export_writes_the_estimate(open_window: Any, tmp_path: Path, qtbot: Any) -> None:
    window = open_window(CROWN)
    task = finish(qtbot, window.files.export_pdf(tmp_path / "schaetzung.pdf", open_after=False))
    assert task.result.read_bytes().startswith(b"%PDF")
    assert "PDF geschrieben" in window.statusBar().currentMessage()


def test_a_letter_missing_rows_of_the_plan_is_written_only_when_the_user_says_so(
    open_window: Any, tmp_path: Path, qtbot: Any
) -> None:
    from tests.estimator.test_import_broken import fee, plan_with  # noqa: PLC0415

    window = open_window(plan_with(tmp_path, fee(Zahn="99")))  # a row left out: in no figure
    asked: list[str] = []
    answers = iter([False, False])

    def answer(title: str, text: str) -> bool:
        asked.append(f"{title}: {text}")
        return next(answers)

    window.files.letter_checks.write_incomplete = answer
    answers = iter([False, False])
    assert window.files.export_pdf(tmp_path / "brief.pdf", open_after=False) is None  # the default answer: nothing
    assert not (tmp_path / "brief.pdf").exists() and window.files.print_letter() is None
    answers = iter([False])
    assert window.files.preview_letter() is None and len(asked) == 3  # the preview prints too: asked as well
    assert asked[0].startswith("Schätzung unvollständig: 1 Zeile des Plans fehlt in allen Beträgen dieser Schätzung")
    assert "Den Brief trotzdem schreiben?" in asked[0]
    answers = iter([True])
    finish(qtbot, window.files.export_pdf(tmp_path / "brief.pdf", open_after=False))
    assert (tmp_path / "brief.pdf").read_bytes().startswith(b"%PDF")
    asked.clear()
    finish(qtbot, open_window(CROWN).files.export_pdf(tmp_path / "ganz.pdf", open_after=False))  # a whole plan: no question
    assert asked == [] and (tmp_path / "ganz.pdf").exists()


def test_what_is_still_being_typed_is_saved_written_and_asked_about(open_window: Any, tmp_path: Path, qtbot: Any) -> None:
    window = open_window(CROWN)
    window.activateWindow()
    view, model = window.fee_view, window.fee_model
    factor = view.model().index(1, column(model, LineColumn.FACTOR))
    view.setFocus()
    view.setCurrentIndex(factor)
    view.edit(factor)
    editor = view.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "3,5")  # no Enter: the cell is still open when the user saves
    assert window.files.save_to(tmp_path / "fall.hkp.json")
    saved = open_window(tmp_path / "fall.hkp.json")
    assert window.document.case.edits and saved.document.case.edits == window.document.case.edits
    assert window.document.is_saved
    street = window.person_panel.street
    street.setFocus()
    qtbot.keyClicks(street, "Neue Straße 99")  # no Tab: the field still has the focus
    asked: list[str] = []
    window.ask_on_close = lambda _title, text: (
        asked.append(text) or __import__("PySide6.QtWidgets").QtWidgets.QMessageBox.StandardButton.Discard
    )
    window.close()
    assert asked and window.document.case.person.street == "Neue Straße 99"


def test_no_letter_for_a_plan_without_lines_and_the_typing_counts_before_the_question(
    open_window: Any, tmp_path: Path, qtbot: Any
) -> None:
    from tests.estimator.test_import_broken import GOOD_FEE, fee  # noqa: PLC0415
    from tests.estimator.workbooks import write_workbook  # noqa: PLC0415

    window = open_window(write_workbook(tmp_path / "plan.xlsx", [GOOD_FEE, fee(Nr="9999", Betrag=100)], []))
    errors: list[str] = []
    window.show_error = lambda title, text: errors.append(f"{title}: {text}")
    asked: list[str] = []
    window.files.letter_checks.write_incomplete = lambda title, text: asked.append(text) or False
    view, model = window.fee_view, window.fee_model
    amount = view.model().index(1, column(model, LineColumn.AMOUNT))
    view.setCurrentIndex(amount)
    view.edit(amount)
    editor = view.focusWidget()
    editor.setText("")  # the unknown number's amount cleared and the cell not left: its row is in no figure now
    assert window.files.export_pdf(tmp_path / "brief.pdf", open_after=False) is None
    assert asked and "1 Zeile des Plans fehlt" in asked[0] and not (tmp_path / "brief.pdf").exists()
    empty = open_window(write_workbook(tmp_path / "leer.xlsx", [GOOD_FEE], []))
    empty.show_error = lambda title, text: errors.append(f"{title}: {text}")
    empty.fee_view.selectRow(0)
    assert empty.line_actions.delete() and not empty.document.estimate.lines
    assert empty.files.export_pdf(tmp_path / "leer.pdf", open_after=False) is None  # it would say 0,00 € to the patient
    assert errors[-1].startswith("Kein Brief: Der Plan hat keine Zeile, die zu berechnen ist")
    unpriced = open_window(write_workbook(tmp_path / "unbekannt.xlsx", [fee(Nr="9999")], []))  # `hkp` refuses it too
    unpriced.show_error = lambda title, text: errors.append(f"{title}: {text}")
    unpriced.files.letter_checks.write_incomplete = lambda title, text: asked.append(text) or True
    assert unpriced.files.export_pdf(tmp_path / "unbekannt.pdf", open_after=False) is None
    assert errors[-1].startswith("Kein Brief: Keine Zeile des Plans ist zu berechnen (1 ohne Betrag): der Brief")
    assert not (tmp_path / "unbekannt.pdf").exists()
