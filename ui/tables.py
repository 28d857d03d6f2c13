"""The window's tables: how a table view of lines, findings or explanation steps is set up."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QAbstractSpinBox,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from ui.models import LinesModel, ToothFilter


class MovingOn(QStyledItemDelegate):
    """Enter takes the cell's value and opens the next editable cell of the line (Tab does so too, Escape
    leaves the cell as it was): a line is typed in one go from the keyboard."""

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if (
            isinstance(editor, QWidget)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)
            return True
        return super().eventFilter(editor, event)


def table_view(model: QAbstractItemModel, editable: bool = True) -> QTableView:
    """A table of the window: whole rows selected, one at a time; line tables editable, with their column widths."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setDefaultSectionSize(22)
    view.horizontalHeader().setHighlightSections(False)
    if editable:
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.setItemDelegate(MovingOn(view))
        source = model.sourceModel() if isinstance(model, ToothFilter) else model
        for column, spec in enumerate(source.columns if isinstance(source, LinesModel) else []):
            view.setColumnWidth(column, spec.key.width)
    else:
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return view


def finish_typing(focused: QWidget | None, views: Sequence[QAbstractItemView]) -> None:
    """What is being typed goes in: the focused field as when it loses its focus (each field takes a value only
    when it changed), and an open cell editor of these tables as Tab would (through the same checks)."""
    if isinstance(focused, QLineEdit | QAbstractSpinBox) and not _in_a_table(focused):
        focused.editingFinished.emit()
    for view in views:
        editor = view.indexWidget(view.currentIndex())
        if editor is not None and view.state() == QAbstractItemView.State.EditingState:
            view.commitData(editor)
            view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)


def _in_a_table(widget: QWidget) -> bool:
    """Whether a widget is the editor of a table cell (those commit through their table)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False
