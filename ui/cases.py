"""Datei → Fälle …: the case register as a list, searched by name or insurance number, date range and status,
sorted by any column; a row opens its case; status and the amount paid are changed here (in the case file and
the register together, estimator.register.cases)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from estimator.case import REIMBURSED, STATUSES, paid_as_counted
from estimator.cells import CellError, parse_amount, parse_date
from estimator.files import resolved
from estimator.register import RegisterError
from estimator.register.cases import update_case
from estimator.register.rows import Listed
from estimator.register.store import Register
from estimator.wording import text
from ui import formats
from ui.language import language, status_text
from ui.models import RIGHT
from ui.plaintext import tip

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.tasks import Task

Index = QModelIndex | QPersistentModelIndex
STATUS, PAID = 5, 8  # the editable columns


TEXTS: tuple[Callable[[Listed], str], ...] = (
    lambda e: str(e.number),
    lambda e: formats.day(e.day),
    lambda e: e.name,
    lambda e: formats.day(e.birth_date),
    lambda e: e.insurance_number,
    lambda e: status_text(e.status),
    lambda e: formats.money(e.billed),
    lambda e: formats.money(e.benefit),
    lambda e: formats.money(paid) if (paid := paid_as_counted(e.status, e.paid)) is not None else "",
    lambda e: Path(e.path).name,
)
KEYS: dict[int, Callable[[Listed], Any]] = {
    0: lambda e: e.number,
    1: lambda e: e.day,
    3: lambda e: e.birth_date or dt.date.min,
    6: lambda e: e.billed,
    7: lambda e: e.benefit,
    8: lambda e: e.paid if e.paid is not None else Decimal(-1),
}


class CasesModel(QAbstractTableModel):
    """The cases found, one row each, sorted by the column the user chose."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Listed] = []
        self.titles = [
            self.tr("Nr."),
            self.tr("Datum"),
            self.tr("Name"),
            self.tr("Geburtsdatum"),
            self.tr("Versicherungsnr."),
            self.tr("Status"),
            self.tr("Rechnung"),
            self.tr("Erstattung geschätzt"),
            self.tr("erstattet (ZE)"),
            self.tr("Falldatei"),
        ]
        self.edit: Any = None  # (entry, column, text) -> taken: set by the dialog
        self.order: tuple[int, bool] | None = None  # the column sorted by, and whether descending

    def show(self, entries: list[Listed]) -> None:
        self.beginResetModel()
        self.entries = entries
        if self.order is not None:
            column, descending = self.order
            self.entries.sort(key=lambda entry: self._key(entry, column), reverse=descending)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() in (STATUS, PAID) else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry, column = self.entries[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.EditRole and column == STATUS:
            return entry.status  # the stored word: the list of statuses shows each in the window's language
        if role == Qt.ItemDataRole.EditRole and column == PAID:  # an amount kept under another status is not offered
            return formats.plain(paid) if (paid := paid_as_counted(entry.status, entry.paid)) is not None else ""
        if role == Qt.ItemDataRole.EditRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 6, 7, 8):
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(entry.path) if column == 9 else self.tr("Doppelklick oder Enter öffnet den Fall")
        return None

    def _text(self, entry: Listed, column: int) -> str:
        return str(TEXTS[column](entry))

    def _key(self, entry: Listed, column: int) -> Any:
        """What a column sorts by: amounts and numbers as they are, dates in order, texts without case."""
        key = KEYS.get(column)
        return key(entry) if key else self._text(entry, column).casefold()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here, in one pass over the rows (a sorting proxy would ask each row's key once per comparison)."""
        self.layoutAboutToBeChanged.emit()
        self.order = (column, order == Qt.SortOrder.DescendingOrder)
        self.entries.sort(key=lambda entry: self._key(entry, column), reverse=self.order[1])
        self.layoutChanged.emit()

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or self.edit is None:
            return False
        entry = self.entries[index.row()]
        return bool(self.edit(entry, index.column(), str(value)))


class StatusDelegate(QStyledItemDelegate):
    """The status column edited with a list of the four statuses."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.column() != STATUS:
            return super().createEditor(parent, option, index)
        box = QComboBox(parent)
        for status in STATUSES:
            box.addItem(status_text(status), status)
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        else:
            super().setModelData(editor, model, index)


class CasesDialog(QDialog):
    """The register's cases; opening one opens it in the window."""

    def __init__(self, window: MainWindow, register: Register) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Fälle im Fallregister"))
        self.window_, self.register = window, register
        self.resize(1100, 560)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name oder Versicherungsnummer"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(100)
        self.status = QComboBox()
        self.status.addItem(self.tr("alle Status"), "")
        for status in STATUSES:
            self.status.addItem(status_text(status), status)
        self.first, self.last = QLineEdit(), QLineEdit()
        for field in (self.first, self.last):
            field.setPlaceholderText(self.tr("TT.MM.JJJJ"))
            field.setMaxLength(10)
            field.setFixedWidth(96)
            field.textChanged.connect(lambda _text: self.refresh())
        self.search.textChanged.connect(lambda _text: self.refresh())
        self.status.currentIndexChanged.connect(lambda _index: self.refresh())
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status)
        filters.addWidget(QLabel(self.tr("Datum von")))
        filters.addWidget(self.first)
        filters.addWidget(QLabel(self.tr("bis")))
        filters.addWidget(self.last)

        self.model = CasesModel()
        self.model.edit = self.change
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setItemDelegate(StatusDelegate(self.view))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.SelectedClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)  # the case file; the name is shown whole
        self.view.activated.connect(self.open_case)

        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.count = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton(self.tr("Öffnen"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(lambda: self.open_case(self.view.currentIndex()))
        buttons.rejected.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Status: Zelle anklicken und wählen; „erstattet (ZE)“: was der Versicherer laut seinem Schreiben für "
                    "Zahnersatz (Klasse A) gezahlt hat, ohne PZR und Zahnbehandlung."
                )
            )
        )
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.refresh()
        self.view.horizontalHeader().setResizeContentsPrecision(200)  # the widths from the first rows, not all
        self.view.resizeColumnsToContents()
        widest = max(self.view.fontMetrics().horizontalAdvance(status_text(status)) for status in STATUSES)
        self.view.setColumnWidth(STATUS, max(self.view.columnWidth(STATUS), widest + 32))  # any status, chosen later

    def _date(self, field: QLineEdit, label: str) -> tuple[dt.date | None, str]:
        if not field.text().strip():
            return None, ""
        try:
            return parse_date(field.text()), ""
        except CellError as error:
            return None, f"{label}: {text(error.phrase, language())}"

    def refresh(self) -> None:
        """Search again with what the fields say; a date that is no date is said and left out of the search."""
        first, first_problem = self._date(self.first, self.tr("Datum von"))
        last, last_problem = self._date(self.last, self.tr("bis"))
        try:
            found = self.register.search(self.search.text(), self.status.currentData() or "", first, last)
        except RegisterError as error:
            found, first_problem = [], str(error)
        self.model.show(found)
        self.count.setText(self.tr("{0} Fälle").format(len(found)) if len(found) != 1 else self.tr("1 Fall"))
        unreadable = self.tr("{0} Einträge nicht lesbar").format(self.register.unreadable) if self.register.unreadable else ""
        self.say(first_problem or last_problem or unreadable)

    def say(self, problem: str) -> None:
        self.message.setStyleSheet("color: #b3261e" if problem else "")
        self.message.setText(problem)

    def open_case(self, index: QModelIndex) -> Task | None:
        """Open the case of a row in the window (which asks first about unsaved changes of the case open now)."""
        if not index.isValid():
            self.say(self.tr("Bitte zuerst einen Fall wählen"))
            return None
        entry = self.model.entries[index.row()]
        if not Path(entry.path).is_file():
            self.say(self.tr("Die Falldatei gibt es nicht mehr: {0}").format(entry.path))
            return None
        return self.window_.files.open_path(Path(entry.path))

    def change(self, entry: Listed, column: int, value: str) -> bool:
        """A status chosen or an amount paid typed: written to the case file and the register, or said why not."""
        try:
            if column == STATUS:
                changed = update_case(self.register, entry.number, value, path=entry.path)
            else:
                paid = formats.number(value, parse_amount) if value.strip() else None
                if paid is None and entry.status != REIMBURSED:  # an empty cell left empty: nothing to change
                    return True
                changed = update_case(self.register, entry.number, REIMBURSED if paid is not None else None, paid, entry.path)
        except CellError as error:
            self.say(self.tr("erstattet: {0}").format(text(error.phrase, language())))
            return False
        except RegisterError as error:
            self.say(str(error))
            return False
        document = self.window_.document
        if document.path is not None and str(resolved(document.path)) == changed.path:
            document.take_status(changed.status, changed.paid)
            self.window_.refresh_title()
        self.say("")
        QTimer.singleShot(0, self.refresh)  # after the editor has let go of the row
        self.window_.register.check_offer()
        return True
