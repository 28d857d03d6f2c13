"""A row the import left out, corrected in the window: its cells as the sheet had them, read again by the same
reading as the workbook's rows when the user takes it, or dropped on purpose (both undoable)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from estimator.case import EDITABLE, NUMBER_FIELDS
from estimator.cells import MAX_TEXT
from estimator.io.leftout import fields_of, line_from_cells
from estimator.kinds import Severity
from estimator.model import FeeLine, LabLine, LeftOutLine
from estimator.planlines import drop_left_out, take_left_out
from estimator.wording import finding_text
from ui import formats
from ui.language import language

# the columns read as numbers: those of the fields typed as numbers (estimator.case), and the VAT
NUMBER_CELLS = frozenset({"MwSt"} | {name for fields in EDITABLE.values() for f, name in fields.items() if f in NUMBER_FIELDS})

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def left_out_index(window: MainWindow, sheet: str, row: int | None) -> int | None:
    """The index of the left-out row read from this sheet and row, None when no row there was left out."""
    rows = window.document.case.original.left_out
    return next((i for i, left in enumerate(rows) if (left.sheet, left.row) == (sheet, row)), None)


class LeftOutDialog(QDialog):
    """The cells of one left-out row to correct; „Übernehmen“ takes it as a line once reading it finds no error."""

    def __init__(self, window: MainWindow, index: int) -> None:
        super().__init__(window)
        self.window_, self.index = window, index
        self.left: LeftOutLine = window.document.case.original.left_out[index]
        left = self.left
        kind = self.tr("Laborzeile") if left.kind == "lab" else self.tr("Leistungszeile")
        self.setWindowTitle(self.tr("Ausgelassene Zeile korrigieren"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("{0}, Zeile {1} wurde beim Einlesen ausgelassen ({2}). Bitte die Zellen korrigieren:").format(
                left.sheet, left.row, kind
            )
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)  # the sheet's name as written
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        letters = window.document.case.original.columns.get(left.sheet, {})
        for name in fields_of(left, letters):
            field = QLineEdit(left.cell(name))
            field.setMaxLength(MAX_TEXT)
            field.setMinimumWidth(320)
            self.fields[name] = field
            form.addRow(name, field)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.take_button = QPushButton(self.tr("Übernehmen"))
        self.take_button.setDefault(True)
        self.drop_button = QPushButton(self.tr("Zeile verwerfen"))
        buttons.addButton(self.take_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.drop_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.take_button.clicked.connect(self.take)
        self.drop_button.clicked.connect(self.drop)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.read()

    def read(self) -> FeeLine | LabLine | None:
        """The row as the fields hold it read again: the line, or None with the errors shown. A number the user
        typed is read as the window's language writes it; a cell left as the workbook wrote it, as the workbook."""
        written = dict(self.left.cells)
        cells = {
            name: formats.typed(field.text()) if name in NUMBER_CELLS and field.text() != written.get(name) else field.text()
            for name, field in self.fields.items()
        }
        letters = self.window_.document.case.original.columns.get(self.left.sheet, {})
        line, found = line_from_cells(self.left, cells, letters)
        self.found = found
        errors = [finding_text(f, language()) for f in found if f.severity is Severity.ERROR]
        self.message.setText("\n".join(errors))
        return None if errors else line

    def take(self) -> None:
        line = self.read()
        if line is None:
            return
        index, window = self.index, self.window_
        text = self.tr("Zeile {0} übernommen").format(self.left.row)
        notes = tuple(self.found)
        if window.document.change_lines(lambda case: take_left_out(case, index, line, notes), text):
            window.select_line(self.left.sheet, self.left.row)
            window.statusBar().showMessage(text, 5000)  # in place of the hint to correct it
            self.accept()

    def drop(self) -> None:
        index, text = self.index, self.tr("Zeile verworfen")
        if self.window_.document.change_lines(lambda case: drop_left_out(case, index), text):
            self.window_.statusBar().showMessage(text, 5000)
            self.accept()
