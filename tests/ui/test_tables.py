"""The window's tables read whole: the findings' cell and section sized to their text, the line tables' room
given to the service text and the justification, and every cut cell's whole text in its tooltip."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem, QToolTip

from tests.estimator.workbooks import write_workbook
from tests.ui.conftest import column
from ui.models import LineColumn

LONG_REASON = "Eingehende Untersuchung bei erschwerter Zugänglichkeit wegen eingeschränkter Mundöffnung"


def tooltip_of(view: QAbstractItemView, row: int, col: int) -> str:
    """What hovering a cell shows."""
    QToolTip.hideText()
    index = view.model().index(row, col)
    centre = view.visualRect(index).center()
    event = QHelpEvent(QEvent.Type.ToolTip, centre, view.viewport().mapToGlobal(centre))
    shown = view.itemDelegateForIndex(index).helpEvent(event, view, QStyleOptionViewItem(), index)
    return QToolTip.text() if shown else ""


def plan(tmp_path: Path) -> Path:
    fees = [
        ["20.01.2026", "16", "GOZ", "2210", None, 1, 2.3, None, None, None, None],
        ["20.01.2026", "16", "GOZ", "2210", None, 1, 3.8, None, LONG_REASON, None, None],
        ["20.01.2026", "12", "GOZ", "2060", None, "zwei", 2.3, None, None, None, None],  # left out: a finding of Leistungen!F4
    ]
    return write_workbook(tmp_path / "plan.xlsx", fees)


def test_findings_show_their_cell_and_section_whole(open_window: Any, tmp_path: Path) -> None:
    window = open_window(plan(tmp_path))
    window.resize(1366, 768)
    window.detail_tabs.setCurrentWidget(window.findings_view)  # measured when shown
    view, model = window.findings_view, window.findings_model
    metrics = view.fontMetrics()
    for col in (1, 3):  # Zelle, Abschnitt
        texts = [str(model.data(model.index(row, col))) for row in range(model.rowCount())]
        assert any(texts)
        widest = max(metrics.horizontalAdvance(text) for text in texts)
        assert view.columnWidth(col) >= widest + 6, (col, texts)  # „Leistungen!F4“ was cut to „Leistungen!...“


def test_line_tables_give_their_room_to_the_texts_and_show_a_cut_text_whole(open_window: Any, tmp_path: Path) -> None:
    window = open_window(plan(tmp_path))
    window.resize(1366, 768)
    view, model = window.fee_view, window.fee_model
    service, reason = column(model, LineColumn.SERVICE), column(model, LineColumn.REASON)
    widths = [view.columnWidth(c) for c in range(model.columnCount())]
    assert widths[service] > LineColumn.SERVICE.width and widths[reason] > LineColumn.REASON.width
    assert sum(widths) <= view.viewport().width() <= sum(widths) + 4  # no room left empty on the right
    assert tooltip_of(view, 1, reason) == LONG_REASON  # cut in the cell, whole in the tooltip
    assert tooltip_of(view, 0, column(model, LineColumn.TOOTH)) == ""  # a cell shown whole has no tooltip
    window.resize(700, 768)  # a narrow window: the texts keep their own width, the table scrolls
    assert view.columnWidth(service) == LineColumn.SERVICE.width


def test_a_lines_explanation_steps_are_wrapped_whole_in_their_column(open_window: Any) -> None:
    from tests.conftest import ROOT  # noqa: PLC0415

    window = open_window(ROOT / "resources/examples/beispielplan.xlsx")
    window.resize(1366, 768)
    window.select_row("fee", [line.number for line in window.fee_model.lines].index("0090"))
    view, model = window.explanation_view, window.explanation_model
    texts = [str(model.data(model.index(row, 1))) for row in range(model.rowCount())]
    long = next(row for row, text in enumerate(texts) if "vorbereitende Maßnahme" in text)
    lines = -(-view.fontMetrics().horizontalAdvance(texts[long]) // view.columnWidth(1))  # at least this many
    assert lines >= 2 and view.rowHeight(long) >= lines * view.fontMetrics().height()  # it was one row, cut
    short = next(row for row, text in enumerate(texts) if row != long)
    assert view.rowHeight(short) >= 22  # a step of one line keeps the tables' row height


def test_keys_of_a_field_being_typed_in_stay_the_fields_and_tab_leaves_a_table(open_window: Any, qtbot: Any) -> None:
    from PySide6.QtCore import Qt  # noqa: PLC0415
    from PySide6.QtTest import QTest  # noqa: PLC0415

    from tests.conftest import GOLDEN  # noqa: PLC0415

    window = open_window(GOLDEN / "crown_basic.xlsx")
    window.activateWindow()
    window.fee_view.selectRow(1)
    street = window.person_panel.street
    street.setFocus()
    qtbot.waitUntil(street.hasFocus)
    QTest.keyClicks(street, "Hauptstraße 5")
    for key in (Qt.Key.Key_Delete, Qt.Key.Key_D):  # Strg+Entf deletes a word here, not the plan line
        QTest.keyClick(street, key, Qt.KeyboardModifier.ControlModifier)
    keypad = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.KeypadModifier
    QTest.keyClick(street, Qt.Key.Key_Delete, keypad)  # Entf of the number pad (Num off) too
    assert len(window.document.case.plan().fee_lines) == 3 and window.document.undo_stack.count() == 0
    assert street.text() == "Hauptstraße 5"
    delete = next(a for a in window.edit_menu.actions() if a.text() == "Zeile lö&schen")
    delete.trigger()  # chosen in the menu while the street is being typed: the street goes in first
    assert len(window.document.case.plan().fee_lines) == 2 and window.document.person.street == "Hauptstraße 5"
    window.fee_view.setFocus()
    qtbot.waitUntil(window.fee_view.hasFocus)
    QTest.keyClick(window.fee_view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert len(window.document.case.plan().fee_lines) == 1  # in the table, the key deletes the line
    QTest.keyClick(window.fee_view, Qt.Key.Key_Tab)
    assert not window.fee_view.hasFocus()  # on to the next part of the window


def test_the_current_cell_of_a_line_table_is_framed(open_window: Any, qtbot: Any) -> None:
    from PySide6.QtGui import QColor  # noqa: PLC0415

    from tests.conftest import GOLDEN  # noqa: PLC0415

    window = open_window(GOLDEN / "crown_basic.xlsx")
    window.activateWindow()
    view = window.fee_view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    current = window.fee_filter.index(1, column(window.fee_model, LineColumn.FACTOR))
    view.setCurrentIndex(current)  # the whole row is shown selected: the frame says which cell typing goes to
    picture = view.viewport().grab().toImage()
    cell, other = view.visualRect(current), view.visualRect(current.siblingAtColumn(current.column() + 1))
    frame = QColor(picture.pixel(cell.left() + 1, cell.center().y()))
    beside = QColor(picture.pixel(other.left() + 1, other.center().y()))
    assert frame.lightness() < 80 and beside.lightness() > 80  # dark on the row's blue, not the blue itself


def test_a_line_action_chosen_while_a_cell_is_typed_in_acts_on_that_line(open_window: Any, qtbot: Any) -> None:
    from PySide6.QtTest import QTest  # noqa: PLC0415
    from PySide6.QtWidgets import QLineEdit  # noqa: PLC0415

    from tests.conftest import GOLDEN  # noqa: PLC0415

    window = open_window(GOLDEN / "crown_basic.xlsx")
    window.activateWindow()
    window.filters.tooth(16)  # the three lines of tooth 16
    view = window.fee_view
    cell = window.fee_filter.index(0, column(window.fee_model, LineColumn.TOOTH))  # 0090's tooth
    view.setFocus()
    view.setCurrentIndex(cell)
    view.edit(cell)
    editor = view.indexWidget(cell)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    QTest.keyClicks(editor, "17")  # once taken, the line leaves the filter of tooth 16
    delete = next(a for a in window.edit_menu.actions() if a.text() == "Zeile lö&schen")
    delete.trigger()
    assert [line.number for line in window.document.case.plan().fee_lines] == ["2210", "2197"]  # 0090 went, not the crown
