"""The window's tables: how a table view of lines, findings or explanation steps is set up."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QHelpEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QAbstractSpinBox,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from ui.models import LineColumn, LinesModel, ToothFilter
from ui.plaintext import text_and_tip

SPARE_TO = {LineColumn.SERVICE: 2, LineColumn.REASON: 1}  # the columns a wider window widens, by shares of the room


class FullText(QStyledItemDelegate):
    """A cell whose text is cut shows it whole in its tooltip (above what its tooltip says otherwise)."""

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if event.type() == QEvent.Type.ToolTip and text and cut(view, index, text):
            own = index.data(Qt.ItemDataRole.ToolTipRole)
            QToolTip.showText(event.globalPos(), text_and_tip(text, own), view)
            return True
        return super().helpEvent(event, view, option, index)


def cut(view: QAbstractItemView, index: QModelIndex | QPersistentModelIndex, text: str) -> bool:
    """Whether a cell's text is wider than the cell shows (its margins and a check box taken off)."""
    room = view.visualRect(index).width() - 8 - (20 if index.data(Qt.ItemDataRole.CheckStateRole) is not None else 0)
    return view.fontMetrics().horizontalAdvance(text) > room


class MovingOn(FullText):
    """Enter and Tab take the cell's value and open the next cell of the line that takes one, past the columns the
    window fills itself (GO, erstattungsfähig, …); Escape leaves the cell as it was: a line is typed in one go from
    the keyboard."""

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        view = self.parent()
        if (
            isinstance(editor, QWidget)
            and isinstance(view, QAbstractItemView)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            following = next_editable(view, view.currentIndex())
            if following.isValid():
                view.setCurrentIndex(following)
                view.edit(following)
            return True
        return super().eventFilter(editor, event)


def next_editable(view: QAbstractItemView, index: QModelIndex) -> QModelIndex:
    """The next cell after index that takes a value, in its row and then in the rows below (none: invalid)."""
    model = view.model()
    if not index.isValid():
        return QModelIndex()
    hidden = view.isColumnHidden if isinstance(view, QTableView) else (lambda _column: False)
    row, column = index.row(), index.column() + 1
    while row < model.rowCount():
        for place in range(column, model.columnCount()):
            found = model.index(row, place)
            if not hidden(place) and found.flags() & Qt.ItemFlag.ItemIsEditable:
                return found
        row, column = row + 1, 0
    return QModelIndex()


CURRENT_CELL = "QTableView::item:focus { border: 2px solid #1b2631; }"  # where typing goes: the row alone does not say


def table_view(model: QAbstractItemModel, editable: bool = True) -> QTableView:
    """A table of the window: whole rows selected, one at a time; line tables editable, with their column widths."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)  # Tab leaves the table for the next part of the window; Enter goes on in the line
    view.verticalHeader().setDefaultSectionSize(22)
    view.horizontalHeader().setHighlightSections(False)
    if editable:
        view.setStyleSheet(CURRENT_CELL)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.setItemDelegate(MovingOn(view))
        source = model.sourceModel() if isinstance(model, ToothFilter) else model
        if isinstance(source, LinesModel):
            for column, spec in enumerate(source.columns):
                view.setColumnWidth(column, spec.key.width)
            view.viewport().installEventFilter(SpareWidth(view, source))
    else:
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setItemDelegate(FullText(view))
    return view


class SpareWidth(QObject):
    """The room a line table has beyond its columns goes to the service text and the justification, which are
    the ones cut first; they never get narrower than their own width."""

    def __init__(self, view: QTableView, model: LinesModel) -> None:
        super().__init__(view)
        self.view, self.model = view, model
        model.modelReset.connect(self.sessions_fitted)  # another plan, or lines added: its sessions may need the room
        model.dataChanged.connect(lambda *_: self.sessions_fitted())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.widen()
        return False

    def sessions_fitted(self) -> None:
        """After a change of the lines: the spare room shared again only when the date column had to grow (an edit of
        a long plan recomputes without laying out its columns again)."""
        if self._fit_sessions():
            self.widen()

    def widen(self) -> None:
        self._fit_sessions()
        columns = [(number, spec.key) for number, spec in enumerate(self.model.columns) if spec.key in SPARE_TO]
        others = sum(self.view.columnWidth(n) for n in range(len(self.model.columns)) if n not in dict(columns))
        room = self.view.viewport().width() - others - sum(key.width for _, key in columns)
        shares = sum(SPARE_TO[key] for _, key in columns)
        for number, key in columns:
            self.view.setColumnWidth(number, key.width + max(0, room) * SPARE_TO[key] // shares)

    def _fit_sessions(self) -> bool:
        """The date column wide enough for the sessions a plan names instead of days („10.03.2026 (2. Sitzung)“);
        whether it had to grow."""
        sessions = {line.session for line in self.model.lines if line.session}
        date = next((n for n, spec in enumerate(self.model.columns) if spec.key is LineColumn.DATE), None)
        if not sessions or date is None:
            return False
        needed = max(self.view.fontMetrics().horizontalAdvance(f"28.12.2026 ({s})") for s in sessions) + 12
        if needed <= self.view.columnWidth(date):
            return False
        self.view.setColumnWidth(date, needed)
        return True


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
