"""A plan made and changed in the window: a new plan, services added with the picker for the teeth chosen on
the chart, lines duplicated, moved, deleted and brought back, Enter moving on through a line, the plan saved as
a workbook that reads back to the same estimate."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from estimator.io.excel import read_plan
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from tests.conftest import GOLDEN
from tests.estimator.workbooks import write_workbook
from tests.ui.conftest import cell, column
from ui.models import REVIEWED, LineColumn

CROWN = GOLDEN / "crown_basic.xlsx"


def click_tooth(window: Any, qtbot: Any, tooth: int, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    centre = window.tooth_chart._cell(tooth).center()
    qtbot.mouseClick(window.tooth_chart, Qt.MouseButton.LeftButton, modifier, QPoint(int(centre.x()), int(centre.y())))


def pick(window: Any, query: str, number: str) -> None:
    picker = window.line_actions.picker
    picker.query.setText(query)
    row = next(r for r, service in enumerate(picker.found) if service.number == number)
    picker.table.selectRow(row)
    assert picker.insert()


def test_a_three_line_plan_made_from_nothing_with_the_picker_and_the_chart(open_window: Any, qtbot: Any, tmp_path: Path) -> None:
    window = open_window(CROWN)
    assert window.line_actions.new_plan()
    assert window.document.estimate.lines == () and window.windowTitle().startswith("Neuer Plan")
    tariff = window.person_panel.variant  # no tariff taken for granted: BM5/0 has no deductible
    assert tariff.currentIndex() == -1 and tariff.placeholderText() == "bitte wählen"
    assert tariff.toolTip() == "Kein Tarif gewählt: gerechnet mit BM5/0"
    assert any(f.code == "tariff.assumed" for f in window.document.estimate.findings)
    tariff.setCurrentText("BM5/0")  # the tariff the estimate assumed, chosen: taken
    assert window.document.person.variant == "BM5/0"
    assert window.document.undo_stack.undoText() == "Person: Tarif geändert"  # what Rückgängig takes back
    assert not any(f.code == "tariff.assumed" for f in window.document.estimate.findings)
    window.line_actions.pick()
    click_tooth(window, qtbot, 16)
    click_tooth(window, qtbot, 26, Qt.KeyboardModifier.ControlModifier)
    assert window.tooth_chart.chosen == [16, 26] and "16, 26" in window.line_actions.picker.teeth.text()
    pick(window, "krone vollkrone", "2210")  # a crown on each tooth chosen: two lines
    assert window.document.undo_stack.undoText() == "2 Zeilen hinzugefügt"
    click_tooth(window, qtbot, 26, Qt.KeyboardModifier.ControlModifier)  # 26 no longer chosen
    pick(window, "labor modell", "0001")
    result = window.document.estimate
    assert [(r.line.number, r.line.teeth.text) for r in result.lines] == [("2210", "16"), ("2210", "26"), ("0001", "16")]
    assert result.totals.billed == Decimal("440.22")  # 2 x 217,06 € and 5,70 € with 7 % VAT
    assert (
        window.lines_tabs.tabText(0) == "Leistungen (1 von 2)" and cell(window.fee_model, 1, LineColumn.AMOUNT) == "217,06\u00a0€"
    )
    saved = tmp_path / "neu.xlsx"
    assert window.line_actions.save_workbook(saved)
    assert estimate(read_plan(saved), load_tariffs()).totals == result.totals


def test_a_tooth_typed_beside_the_words_of_the_search_is_the_new_lines_tooth(open_window: Any) -> None:
    window = open_window(CROWN)
    assert window.line_actions.new_plan()
    window.line_actions.pick()
    pick(window, "krone 16", "2210")  # found nothing before: the 16 was searched for as a word
    assert "Für Zahn 16 (aus der Suche)" in window.line_actions.picker.teeth.text()
    pick(window, "füllung 36 37", "2050")
    assert [(r.line.number, r.line.teeth.text) for r in window.document.estimate.lines] == [
        ("2210", "16"),
        ("2050", "36"),
        ("2050", "37"),
    ]
    pick(window, "2080 36", "2080")  # a fee's number and a tooth: found nothing before
    assert [r.line.teeth.text for r in window.document.estimate.lines if r.line.number == "2080"] == ["36"]
    picker = window.line_actions.picker
    picker.query.setText("labor 0001 16 17")
    assert picker.typed_teeth == [16, 17] and picker.found[0].number == "0001"
    for query, number in (("2210", "2210"), ("GOÄ 34", "34"), ("labor 11", "0011")):  # a number and its list: no tooth
        picker.query.setText(query)
        assert picker.typed_teeth == [] and picker.found[0].number == number, query


def test_lines_are_duplicated_moved_deleted_and_brought_back(open_window: Any) -> None:
    window = open_window(CROWN)
    numbers = lambda: [line.number for line in window.document.estimate.plan.fee_lines]  # noqa: E731
    before = numbers()
    window.select_row("fee", 1)
    assert window.line_actions.duplicate() and numbers() == [before[0], before[1], before[1], *before[2:]]
    assert window.line_actions.move(-1) and window.line_actions.move(-1)  # the copy goes to the top
    assert numbers() == [before[1], *before] and window.line_actions.move(-1) is False
    assert window.line_actions.delete() and numbers() == before
    assert window.statusBar().currentMessage() == "Zeile gelöscht"
    for _ in range(4):
        window.undo_action.trigger()
    assert numbers() == before and window.document.is_saved


def test_enter_takes_a_value_and_moves_on_to_the_next_cell(open_window: Any, qtbot: Any) -> None:
    window = open_window(CROWN)
    view, model = window.fee_view, window.fee_model
    factor = view.model().index(1, column(model, LineColumn.FACTOR))
    view.setCurrentIndex(factor)
    view.edit(factor)
    editor = view.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "3,5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert cell(model, 1, LineColumn.FACTOR) == "3,5"
    assert view.currentIndex().column() == column(model, LineColumn.REASON)  # the next cell that takes a value


def test_enter_and_tab_pass_the_columns_the_window_fills_itself(open_window: Any, qtbot: Any) -> None:
    # Datum, Zahn, then Nr: GO and the computed columns take no value, so the line is typed on in one go
    window = open_window(CROWN)
    view, model = window.fee_view, window.fee_model
    visited = []
    view.setCurrentIndex(view.model().index(0, column(model, LineColumn.DATE)))
    view.edit(view.currentIndex())
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Return, Qt.Key.Key_Return, Qt.Key.Key_Return):
        qtbot.keyClick(view.focusWidget(), key)
        index = view.currentIndex()
        assert view.model().flags(index) & Qt.ItemFlag.ItemIsEditable and view.state() == view.State.EditingState
        visited.append(index.column())
    assert visited == sorted(set(visited)) and column(model, LineColumn.SCHEDULE) not in visited
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Escape)


def test_review_findings_of_the_new_plan_paths(open_window: Any, qtbot: Any, tmp_path: Path) -> None:
    window = open_window(CROWN)
    assert window.line_actions.new_plan()
    assert [f for f in window.document.estimate.findings if f.code == "tariff.assumed"]  # the tariff to choose: asked
    window.line_actions.pick()
    picker = window.line_actions.picker
    qtbot.keyClicks(picker.query, "2210")
    qtbot.keyClick(picker.query, Qt.Key.Key_Return)
    assert len(window.document.estimate.lines) == 1 and picker.isVisible()  # Enter inserts, the picker stays
    assert window.line_actions.new_plan() and not picker.isVisible()  # a new case closes the old case's picker
    window = open_window(GOLDEN / "implant_limit.xlsx")
    window.waterfall.choose(next(cause for cause, amount in window.document.estimate.reductions.items() if amount))
    hidden = next(r for r in range(len(window.fee_model.lines)) if not window.fee_filter.filterAcceptsRow(r, QModelIndex()))
    window.select_row("fee", hidden)  # selecting a line the cause hides shows all lines again
    assert window.current_line() is not None and not window.fee_filter.filtering()
    window.fee_filter.set_tooth(36)
    window.select_row("fee", 0)
    assert window.line_actions.move(1) is False and "Verschieben nur" in window.statusBar().currentMessage()


def test_a_note_typed_a_moment_ago_is_kept_by_saving_and_closing(open_window: Any, tmp_path: Path) -> None:
    window = open_window(CROWN)
    window.note_editor.text.setPlainText("Bitte Termin vereinbaren.")  # the pause timer has not fired yet
    assert window.files.save_to(tmp_path / "fall.hkp.json")
    assert window.document.case.note == "Bitte Termin vereinbaren." and window.document.is_saved
    window.note_editor.text.setPlainText("x" * 2_001)
    asked: list[str] = []
    window.ask_on_close = lambda title, text: asked.append(title) or QMessageBox.StandardButton.Cancel
    assert not window.may_discard() and asked  # refused as too long, but not lost: the text stays in the editor
    window.person_panel.city.setText("Dresden")
    window.person_panel.city.setModified(True)
    window.person_panel.city.editingFinished.emit()
    assert window.note_editor.text.toPlainText() == "x" * 2_001


def test_saving_a_reviewed_plan_as_a_workbook_says_what_stays_in_the_case(open_window: Any, tmp_path: Path) -> None:
    window = open_window(CROWN)
    window.fee_view.selectRow(1)
    assert window.reviews.take("M. Prüfer", "100,00", "", "zu hoch") == ""
    notes: list[str] = []
    window.show_note = lambda title, text: notes.append(text)
    assert window.line_actions.save_workbook(tmp_path / "plan.xlsx")
    assert len(notes) == 1 and "Prüfungen" in notes[0]


def test_the_picker_puts_the_services_a_word_names_before_those_that_only_mention_it(open_window: Any, qtbot: Any) -> None:
    window = open_window(CROWN)
    assert window.line_actions.new_plan()
    window.line_actions.pick()
    picker = window.line_actions.picker
    picker.query.setText("krone")
    numbers = [service.number for service in picker.found]
    assert numbers[:3] == ["2200", "2210", "2220"]  # Vollkrone, Vollkrone, Teilkrone
    assert numbers.index("2180") > numbers.index("2250")  # a build-up „zur Aufnahme einer Krone“ after the crowns
    qtbot.keyClick(picker.query, Qt.Key.Key_Return)  # Enter inserts the service preselected
    assert [line.number for line in window.document.estimate.plan.fee_lines] == ["2200"]
    picker.query.setText("implantat")
    assert [service.number for service in picker.found][:2] == ["9000", "9010"]  # „Implantatinsertion“ before mentions
    picker.query.setText("2210")  # a number stays first
    assert picker.found[0].number == "2210"
    picker.query.setText("röntgen")  # words the texts say otherwise keep the search's order: the teeth's X-ray first
    assert [service.number for service in picker.found][:2] == ["6020", "5000"]
    picker.query.setText("füllung")  # a practice's filling is the plastic one, not the inlay („Einlagefüllung“)
    assert [service.number for service in picker.found][:4] == ["2050", "2060", "2070", "2080"]


def test_arrow_keys_in_the_search_choose_the_service_that_enter_inserts(open_window: Any, qtbot: Any) -> None:
    window = open_window(CROWN)
    window.line_actions.pick()
    picker = window.line_actions.picker
    qtbot.keyClicks(picker.query, "krone")
    assert len(picker.found) > 3
    chosen, first = picker.found[2], picker.found[0]
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Up):  # three down, one up: the third
        qtbot.keyClick(picker.query, key)
    assert picker.query.hasFocus() or picker.query.text() == "krone"  # the search keeps what was typed

    def numbers() -> list[str]:
        plan = window.document.estimate.plan
        return [line.number for line in (*plan.fee_lines, *plan.lab_lines)]

    before = numbers()
    qtbot.keyClick(picker.query, Qt.Key.Key_Return)
    after = numbers()
    assert after.count(chosen.number) == before.count(chosen.number) + 1
    assert chosen.number == first.number or after.count(first.number) == before.count(first.number)


def test_a_reviewed_line_is_marked_in_its_table_with_who_decided_what_and_why(open_window: Any) -> None:
    window = open_window(CROWN)
    window.ask_on_close = lambda _title, _text: QMessageBox.StandardButton.Discard
    model = window.fee_model
    window.fee_view.selectRow(1)
    eligible, klasse = model.index(1, column(model, LineColumn.ELIGIBLE)), model.index(1, column(model, LineColumn.CLASS))
    assert model.data(eligible, Qt.ItemDataRole.BackgroundRole) is None
    assert window.reviews.take("M. Prüfer", "0,00", "", "nicht notwendig") == ""  # an amount of 0,00 € is a decision too
    row = model.lines[1].row
    assert model.headerData(1, Qt.Orientation.Vertical) == f"{row} ✓"
    said = "Prüfung durch M. Prüfer: erstattungsfähig 0,00\u00a0€ – nicht notwendig"
    assert model.headerData(1, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole) == said
    assert model.data(eligible, Qt.ItemDataRole.BackgroundRole).color() == REVIEWED
    assert model.data(eligible, Qt.ItemDataRole.ToolTipRole) == said
    assert model.data(klasse, Qt.ItemDataRole.BackgroundRole) is None  # the class was not decided
    assert model.headerData(0, Qt.Orientation.Vertical) == str(model.lines[0].row)  # other lines unmarked
    assert window.reviews.take("M. Prüfer", "", "", "doch nicht") == ""  # taken back: the marks go
    assert model.headerData(1, Qt.Orientation.Vertical) == str(row)
    assert model.data(eligible, Qt.ItemDataRole.BackgroundRole) is None


def test_a_line_edited_after_its_review_is_said_in_the_findings_until_reviewed_again(open_window: Any) -> None:
    window = open_window(CROWN)
    window.ask_on_close = lambda _title, _text: QMessageBox.StandardButton.Discard
    window.fee_view.selectRow(1)
    assert window.reviews.take("M. Prüfer", "100,00", "", "Faktor zu hoch") == ""
    codes = lambda: [f.code for f in window.document.estimate.findings]  # noqa: E731
    assert "override.line_changed" not in codes()
    assert window.document.edit_line(("fee", 1, "factor"), "2,0")  # the practice changed the line: said lastingly
    assert "override.line_changed" in codes()  # (it was a status-bar message that went away)
    window.fee_view.selectRow(1)
    assert window.reviews.take("M. Prüfer", "100,00", "", "Faktor zu hoch") == ""  # confirmed for the line as it is
    assert "override.line_changed" not in codes()


def test_a_service_added_after_a_line_is_on_that_lines_day_not_the_plan_date(open_window: Any, tmp_path: Path) -> None:
    # a plan dated in December with its lines in February: a crown added on the plan date fell into another year
    # and took a second year's deductible
    fees = [
        [dt.datetime(2026, 2, 10), "16", "GOZ", "2210", "Krone", 1, 2.3],
        [dt.datetime(2026, 2, 12), "15", "GOZ", "2210", "Krone", 1, 2.3],
        ["2. Sitzung", "14", "GOZ", "2210", "Krone", 1, 2.3],
    ]
    plan = write_workbook(tmp_path / "plan.xlsx", fees, patient={"Planungsdatum": dt.datetime(2025, 12, 15)})
    window = open_window(plan)
    window.line_actions.pick()
    window.select_row("fee", 0)
    pick(window, "2210 26", "2210")
    added = window.document.case.plan().fee_lines[1]
    assert (added.teeth.text, added.date, added.session) == ("26", dt.date(2026, 2, 10), "")
    assert [r.date.year for r in window.document.estimate.lines][:3] == [2026, 2026, 2026]
    window.select_row("fee", 3)  # the session's line: the new line is in that session, on the plan date as it is
    pick(window, "2210 27", "2210")
    added = window.document.case.plan().fee_lines[4]
    assert (added.teeth.text, added.date, added.session) == ("27", None, "2. Sitzung")
