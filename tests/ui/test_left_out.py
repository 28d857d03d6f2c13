"""A row the import left out, corrected in the window: opened from its finding, refused while it has an error,
taken as a line in its place (undoable), or dropped; the plan saved as a workbook keeps a row not yet corrected."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from estimator.io.casefile import load_case
from estimator.io.excel import read_plan
from tests.estimator.test_import_broken import fee, plan_with


def opened_for(window: Any, sheet: str, row: int) -> Any:
    model = window.findings_model
    number = next(i for i, f in enumerate(model.findings) if (f.sheet, f.row, f.code) == (sheet, row, "input.line_skipped"))
    window.findings_view.activated.emit(model.index(number, 0))
    dialog = window.line_actions.left_out_dialog
    assert dialog.isVisible()
    return dialog


def test_a_left_out_row_is_corrected_into_a_line_and_undone(open_window: Any, tmp_path: Path) -> None:
    window = open_window(plan_with(tmp_path, fee(Zahn="99", Faktor=3.0)))
    assert len(window.fee_model.lines) == 1
    clicked = window.findings_model.findings
    number = next(i for i, f in enumerate(clicked) if f.code == "input.line_skipped")
    window.findings_view.clicked.emit(window.findings_model.index(number, 0))  # a single click says how
    assert "Doppelklick oder Enter: Zeile korrigieren" in window.statusBar().currentMessage()
    dialog = opened_for(window, "Leistungen", 3)
    assert dialog.fields["Zahn"].text() == "99" and dialog.fields["Faktor"].text() == "3"
    assert "Einzelpreis" not in dialog.fields and "MwSt" not in dialog.fields  # the plan has its own Labor sheet
    dialog.fields["Zahn"].setText("19")
    dialog.take_button.click()
    assert dialog.isVisible() and "Leistungen!B3 (Zahn)" in dialog.message.text()  # refused, said, kept open
    assert len(window.fee_model.lines) == 1
    dialog.fields["Zahn"].setText("17")
    dialog.take_button.click()
    assert not dialog.isVisible() and window.statusBar().currentMessage() == "Zeile 3 übernommen"
    assert [(line.row, line.teeth.text) for line in window.fee_model.lines] == [(2, "16"), (3, "17")]
    row_3 = [f.code for f in window.document.estimate.findings if (f.sheet, f.row) == ("Leistungen", 3)]
    assert row_3 == ["input.line_corrected", "fee.above_threshold"]  # the import's errors gone; estimated (3,0 asks)
    assert window.document.estimate.totals.billed > 0 and window.document.case.original.left_out == ()
    model = window.fee_model  # the row is marked corrected, what the sheet had kept
    assert [model.headerData(i, Qt.Orientation.Vertical) for i in (0, 1)] == ["2", "3 ✎"]
    said = model.headerData(1, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert "Zeile 3: ausgelassene Zeile von Hand korrigiert übernommen; im Plan stand: " in said and "Zahn 99;" in said
    assert model.data(model.index(1, 1), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(0, 1), Qt.ItemDataRole.BackgroundRole) is None
    window.document.save(tmp_path / "fall.hkp.json")
    assert any(f.code == "input.line_corrected" for f in load_case(tmp_path / "fall.hkp.json").original.input_findings)
    window.undo_action.trigger()
    assert len(window.fee_model.lines) == 1 and len(window.document.case.original.left_out) == 1


def test_a_row_not_corrected_stays_in_the_saved_workbook_and_can_be_dropped(open_window: Any, tmp_path: Path) -> None:
    window = open_window(plan_with(tmp_path, fee(Zahn="99")))
    assert window.line_actions.save_workbook(tmp_path / "gespeichert.xlsx")
    assert [left.cell("Zahn") for left in read_plan(tmp_path / "gespeichert.xlsx").left_out] == ["99"]
    window.line_actions.correct_left_out()  # Bearbeiten → Ausgelassene Zeile korrigieren …: the first one
    dialog = window.line_actions.left_out_dialog
    dialog.drop_button.click()
    assert window.document.case.original.left_out == ()
    said = [f for f in window.document.estimate.findings if (f.sheet, f.row) == ("Leistungen", 3)]
    assert [f.code for f in said] == ["input.line_dropped"]
    assert not window.line_actions.correct_left_out()
    assert window.statusBar().currentMessage() == "Keine ausgelassenen Zeilen"


def test_in_the_english_window_a_number_typed_is_read_the_english_way_and_a_cell_left_as_written_as_written(
    open_window: Any, qapp: Any, tmp_path: Path
) -> None:
    from ui.app import install_translation  # noqa: PLC0415
    from ui.language import set_language  # noqa: PLC0415

    translators = install_translation(qapp, "en")
    try:
        window = open_window(plan_with(tmp_path, fee(Zahn="99", Anzahl=2, Faktor="2,3")))
        dialog = opened_for(window, "Leistungen", 3)
        assert dialog.fields["Faktor"].text() == "2,3"  # as the workbook wrote it: left so, read so
        dialog.fields["Zahn"].setText("17")
        dialog.fields["Anzahl"].setText("1.500")  # one and a half; in the German window fifteen hundred
        dialog.take_button.click()
        line = window.fee_model.lines[1]
        assert (line.count, line.factor) == (Decimal("1.5"), Decimal("2.3"))
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        set_language("de")


def test_the_warning_of_a_row_left_out_has_a_button_that_opens_it_to_be_corrected(open_window: Any, tmp_path: Path) -> None:
    """The row is in no table; the menu's and the finding's ways to it were not found by a new user: a button beside
    the red warning opens it, and goes once no row is left out."""
    window = open_window(plan_with(tmp_path, fee(Zahn="99")))
    button = window.totals.correct
    assert window.totals.missing.isVisible() and button.isVisible() and button.text() == "Zeile korrigieren …"
    button.click()
    dialog = window.line_actions.left_out_dialog
    assert dialog.isVisible() and dialog.fields["Zahn"].text() == "99"
    dialog.fields["Zahn"].setText("17")
    dialog.take_button.click()
    assert not button.isVisible() and not window.totals.missing.isVisible()
    window.undo_action.trigger()
    assert button.isVisible()
