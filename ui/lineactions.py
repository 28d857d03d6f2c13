"""The plan's lines from the window: a new plan, services added with the picker, lines duplicated, deleted and
moved (each undoable), rows the import left out corrected, and the plan saved as a workbook in the canonical
format."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from estimator.case import Case
from estimator.files import file_problem
from estimator.model import FeeLine, Finding, LabLine, Person, Plan
from estimator.planlines import add_lines, delete_lines, duplicate_line, move_line
from estimator.wording import finding_text
from ui.document import CaseDocument
from ui.language import language

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class LineActions(QObject):
    """What the window does with the plan's lines; the window shows what they produce."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def new_plan(self) -> bool:
        """An empty plan dated today, with the person panel to fill and the picker to add services."""
        window = self.window
        if window.tasks.say_busy() or not window.may_discard():
            return False
        window.document.discard_autosave()
        case = Case.from_plan(Plan(person=Person(), plan_date=dt.date.today()))  # the tariff to choose, a finding asks
        window.set_document(CaseDocument(case, None, None, window.document.autosave_enabled))
        window.statusBar().showMessage(
            self.tr("Neuer Plan: Tarif und Person links ausfüllen, Leistungen mit Strg+Einfg hinzufügen"), 10000
        )
        return True

    def pick(self) -> None:
        from ui.picker import ServicePicker  # noqa: PLC0415 - the catalogues are listed when the picker is first opened

        self.picker = ServicePicker(self.window)
        self.picker.show()

    def add(self, kind: str, lines: Sequence[FeeLine | LabLine]) -> bool:
        """New lines after the selected line of their kind (at the end when none is), then selected."""
        chosen = self.window.current_line()
        at = chosen[1] if chosen and chosen[0].kind == kind else None
        count = len(
            self.window.document.case.original.fee_lines if kind == "fee" else self.window.document.case.original.lab_lines
        )
        where = count - 1 if at is None else at
        text = self.tr("1 Zeile hinzugefügt") if len(lines) == 1 else self.tr("{0} Zeilen hinzugefügt").format(len(lines))
        if not self.window.document.change_lines(lambda case: add_lines(case, kind, lines, at=where), text):
            return False
        self.window.select_row(kind, where + 1)
        self.window.statusBar().showMessage(text, 5000)  # what was done, as Bearbeiten → Rückgängig names it
        return True

    def _change(self, change: Callable[[Case, str, int], Case], text: str, then: Callable[[int], int]) -> bool:
        chosen = self.window.current_line()
        if chosen is None:
            self.window.statusBar().showMessage(self.tr("Bitte zuerst eine Zeile wählen"), 5000)
            return False
        model, index = chosen
        kind = model.kind
        if not self.window.document.change_lines(lambda case: change(case, kind, index), text):
            return False
        self.window.select_row(kind, then(index))
        self.window.statusBar().showMessage(text, 5000)
        return True

    def duplicate(self) -> bool:
        return self._change(duplicate_line, self.tr("Zeile dupliziert"), lambda index: index + 1)

    def delete(self) -> bool:
        return self._change(lambda case, kind, index: delete_lines(case, kind, [index]), self.tr("Zeile gelöscht"), lambda i: i)

    def move(self, offset: int) -> bool:
        """The selected line one up (-1) or down (+1); False at the top or the bottom."""
        chosen = self.window.current_line()
        if chosen is not None and not 0 <= chosen[1] + offset < len(chosen[0].lines):
            return False
        if self.window.fee_filter.filtering() or self.window.lab_filter.filtering():
            self.window.statusBar().showMessage(self.tr("Verschieben nur, wenn alle Zeilen zu sehen sind"), 5000)
            return False
        change: Callable[[Case, str, int], Case] = lambda case, kind, index: move_line(case, kind, index, offset)  # noqa: E731
        return self._change(change, self.tr("Zeile verschoben"), lambda index: index + offset)

    def finding_without_line(self, finding: Finding, correct: bool) -> None:
        """A finding of no line chosen: said in the status bar; one of a row the import left out opens it to be
        corrected (correct: double click or Enter) or says how."""
        if correct and self.correct_left_out(finding.sheet, finding.row):
            return
        text = finding_text(finding, language())
        if any((left.sheet, left.row) == (finding.sheet, finding.row) for left in self.window.document.case.original.left_out):
            text = self.tr("{0} – Doppelklick oder Enter: Zeile korrigieren").format(text)
        self.window.statusBar().showMessage(text, 10000)

    def correct_left_out(self, sheet: str | None = None, row: int | None = None) -> bool:
        """The dialog to correct the row the import left out at this sheet and row (None: the first one)."""
        from ui.leftout import LeftOutDialog, left_out_index  # noqa: PLC0415 - the dialog loads when a row is corrected

        rows = self.window.document.case.original.left_out
        index = (0 if rows else None) if sheet is None else left_out_index(self.window, sheet, row)
        if index is None:
            if sheet is None:
                self.window.statusBar().showMessage(self.tr("Keine ausgelassenen Zeilen"), 5000)
            return False
        self.left_out_dialog = LeftOutDialog(self.window, index)
        self.left_out_dialog.open()
        return True

    def save_workbook(self, path: Path | None = None) -> bool:
        """The plan as it stands (edits included) as a workbook in the canonical format, which `hkp` and the
        window read again."""
        window = self.window
        window.take_typing()
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                window,
                self.tr("Plan als Arbeitsmappe speichern"),
                window.files.suggested(f"{window.document.file_stem()}-plan.xlsx"),
                "Excel (*.xlsx)",
                options=QFileDialog.Option.DontConfirmOverwrite,  # asked with what the file is (ui.replacing)
            )
            path = Path(name) if name else None
        path = window.files.replacing.output(path, "plan") if path is not None else None
        if path is None:
            return False
        from estimator.io.workbook import write_workbook  # noqa: PLC0415 - openpyxl writes when asked

        try:
            write_workbook(window.document.case.plan(), path)
        except OSError as error:
            window.show_error(self.tr("Nicht geschrieben"), file_problem(error))
            return False
        case = window.document.case
        if case.overrides or case.note:  # a workbook has no place for them: say so, they stay in the case
            window.show_note(
                self.tr("Plan gespeichert"),
                self.tr(
                    "{0}\n\nDie Arbeitsmappe enthält die Zeilen und die Person. Prüfungen und der Text an den Patienten "
                    "stehen nur im Fall: bitte auch „Fall speichern“."
                ).format(path),
            )
        window.statusBar().showMessage(self.tr("Plan gespeichert: {0}").format(path), 10000)
        return True
