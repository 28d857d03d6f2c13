"""A reviewer's decision on the selected line of the window: asked for, taken, or taken back (each undoable)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from estimator.cells import CellError, parse_amount, parse_class
from estimator.kinds import Severity
from estimator.model import Override
from estimator.wording import text
from ui import formats
from ui.language import language
from ui.settings import REVIEWER

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class Reviews(QObject):
    """Edit → Prüfung der gewählten Zeile … (Strg+R) and … entfernen (Strg+Umschalt+R)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def take(self, reviewer: str, eligible: str, line_class: str, reason: str) -> str:
        """Set a reviewer's eligible amount and/or class for the selected line (an empty field keeps what an earlier
        review of the line decided); returns a problem, or ""."""
        document = self.window.document
        line = self.window.current_plan_line()
        if line is None:
            return self.tr("Bitte zuerst eine Zeile wählen")
        before = self.of(line.sheet, line.row)
        if not reviewer.strip() or not reason.strip():
            return self.tr("Prüfer und Grund sind nötig")
        try:
            amount = formats.number(eligible, parse_amount) if eligible.strip() else before.eligible if before else None
            klasse = parse_class(line_class) if line_class.strip() else before.line_class if before else None
        except CellError as error:
            return text(error.phrase, language())  # the message in words (str() is the code, for logs)
        if amount is None and klasse is None:
            return self.tr("Bitte einen erstattungsfähigen Betrag oder eine Klasse angeben")
        override = Override(line.sheet, line.row, reviewer.strip(), reason.strip(), amount, klasse)
        return document.refusal(lambda: document.set_override(line.sheet, line.row, override))

    def of(self, sheet: str, row: int) -> Override | None:
        return next((o for o in self.window.document.case.overrides if (o.sheet, o.row) == (sheet, row)), None)

    def remove(self) -> None:
        """The reviewer's decision on the selected line taken back (undoable)."""
        line, bar = self.window.current_plan_line(), self.window.statusBar()
        if line is None or self.of(line.sheet, line.row) is None:
            bar.showMessage(self.tr("Die gewählte Zeile hat keine Prüfung"), 5000)
        elif self.window.document.set_override(line.sheet, line.row, None):
            bar.showMessage(self.tr("Prüfung {0} Zeile {1} entfernt").format(line.sheet, line.row), 5000)

    def ask(self) -> None:
        """The decision asked for field by field, the earlier one shown to be kept or changed; then said what the
        review could not do as asked (an amount above the bill …), else that it was taken."""
        from PySide6.QtWidgets import QInputDialog  # noqa: PLC0415

        window = self.window
        line = window.current_plan_line()
        if line is None:
            window.statusBar().showMessage(self.tr("Bitte zuerst eine Zeile wählen"), 5000)
            return
        before = self.of(line.sheet, line.row)
        amount = formats.plain(before.eligible) if before and before.eligible is not None else ""
        klasse = before.line_class.value if before and before.line_class else ""
        title = self.tr("Prüfung")
        reviewer, ok = QInputDialog.getText(window, title, self.tr("Prüfer:"), text=window.settings.get(REVIEWER))
        if not ok:
            return
        eligible, ok = QInputDialog.getText(window, title, self.tr("erstattungsfähig in € (leer: unverändert):"), text=amount)
        if not ok:
            return
        line_class, ok = QInputDialog.getText(window, title, self.tr("Klasse A, B, P oder X (leer: unverändert):"), text=klasse)
        if not ok:
            return
        reason, ok = QInputDialog.getText(window, title, self.tr("Grund:"), text=before.reason if before else "")
        if not ok:
            return
        window.settings.set(REVIEWER, reviewer.strip())
        problem = self.take(reviewer, eligible, line_class, reason)
        if problem:
            window.show_error(self.tr("Prüfung nicht übernommen"), problem)
            return
        said = [
            text(f.phrase, language())
            for f in window.document.estimate.findings
            if (f.sheet, f.row) == (line.sheet, line.row) and f.code.startswith("override.") and f.severity is Severity.WARNING
        ]
        window.statusBar().showMessage(" · ".join(said) or self.tr("Prüfung übernommen"), 15000)
