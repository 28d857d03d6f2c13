"""A reviewer's decision on the selected line of the window: asked for, taken, or taken back (each undoable)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from estimator.cells import CellError, parse_amount, parse_class
from estimator.kinds import Severity
from estimator.model import FeeLine, LabLine, LineResult, Override
from estimator.money import cents
from estimator.rules.reviews import line_seen
from estimator.wording import text
from ui import formats
from ui.language import language
from ui.settings import REVIEWER

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def review_text(review: Override) -> str:
    """A reviewer's decision in one line, as the line tables show it: who, what, why."""
    decided = []
    if review.eligible is not None:
        decided.append(QCoreApplication.translate("Reviews", "erstattungsfähig {0}").format(formats.money(review.eligible)))
    if review.line_class is not None:
        decided.append(QCoreApplication.translate("Reviews", "Klasse {0}").format(review.line_class.value))
    said = QCoreApplication.translate("Reviews", "Prüfung durch {0}: {1} – {2}")
    return said.format(review.reviewer, ", ".join(decided), review.reason)


class Reviews(QObject):
    """Edit → Prüfung der gewählten Zeile … (Strg+R) and … entfernen (Strg+Umschalt+R)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def take(self, reviewer: str, eligible: str, line_class: str, reason: str) -> str:
        """Set a reviewer's decision on the selected line as the form gives it – its eligible amount and/or class; a
        field left empty decides nothing, so a field of an earlier decision cleared takes that part back (the form
        shows the earlier decision to keep or change); returns a problem, or ""."""
        document = self.window.document
        line = self.window.current_plan_line()
        if line is None:
            return self.tr("Bitte zuerst eine Zeile wählen")
        if not reviewer.strip() or not reason.strip():
            return self.tr("Prüfer und Grund sind nötig")
        try:
            amount = formats.number(eligible, parse_amount) if eligible.strip() else None
        except CellError as error:  # the message in words (str() is the code, for logs), with the field it is about
            return self.tr("erstattungsfähig: {0}").format(text(error.phrase, language()))
        result, field = self.result(line.sheet, line.row), self.tr("erstattungsfähig")
        billed = result.billed if result is not None else line.amount  # a line in no figure (no day): as the plan bills it
        if amount is not None and cents(amount) != amount:  # as `hkp` and the person panel take amounts
            return f"{field}: " + self.tr("Betrag in Euro mit höchstens 2 Nachkommastellen")
        if amount is not None and billed is not None and amount > billed:  # as typed, it would count when the bill grows
            return f"{field}: " + self.tr("höchstens der berechnete Betrag {0}").format(formats.money(billed))
        try:
            klasse = parse_class(line_class) if line_class.strip() else None
        except CellError as error:
            return self.tr("Klasse: {0}").format(text(error.phrase, language()))
        if amount is None and klasse is None and self.of(line.sheet, line.row) is not None:  # both cleared: taken back
            return document.refusal(lambda: document.set_override(line.sheet, line.row, None))
        if amount is None and klasse is None:
            return self.tr("Bitte einen erstattungsfähigen Betrag oder eine Klasse angeben")
        seen = line_seen(result.line, result.date, result.billed) if result is not None else ""  # a line with a day
        override = Override(line.sheet, line.row, reviewer.strip(), reason.strip(), amount, klasse, seen)
        return document.refusal(lambda: document.set_override(line.sheet, line.row, override))

    def result(self, sheet: str, row: int) -> LineResult | None:
        """The line's result in the estimate shown; None for a line in no figure (without a treatment day)."""
        return next((r for r in self.window.document.estimate.lines if (r.line.sheet, r.line.row) == (sheet, row)), None)

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
        """The decision asked for in one form, the earlier one shown to be kept or changed; a problem is said in the
        form, which keeps what was typed; then said what the review could not do as asked (an amount above the
        bill …), else that it was taken."""
        window = self.window
        line = window.current_plan_line()
        if line is None:
            window.statusBar().showMessage(self.tr("Bitte zuerst eine Zeile wählen"), 5000)
            return
        dialog = self.form(line.sheet, line.row)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.taken(line.sheet, line.row)

    def form(self, sheet: str, row: int) -> ReviewForm:
        """The form for the line of sheet and row, filled with its earlier decision and the last reviewer."""
        line = self.tr("{0} Zeile {1}").format(sheet, row)
        result, plan = self.result(sheet, row), self.window.document.case.plan()
        lines: tuple[FeeLine | LabLine, ...] = (*plan.fee_lines, *plan.lab_lines)
        shown = next((x for x in lines if (x.sheet, x.row) == (sheet, row)), None)
        lab = self.tr("Labor")  # outside the f-string: the translation tools find it here only
        service = f"{shown.schedule.value if isinstance(shown, FeeLine) else lab} {shown.number}" if shown else line
        teeth = shown.teeth.text if shown is not None and shown.teeth.text else "–"
        if result is None:
            now = self.tr("{0}, Zahn {1} · in keiner Summe (ohne Behandlungstag)").format(service, teeth)
        else:
            now = self.tr("{0}, Zahn {1} · berechnet {2} · jetzt Klasse {3}, erstattungsfähig {4}").format(
                service, teeth, formats.money(result.billed), result.line_class.value, formats.money(result.eligible)
            )
        earlier = self.of(sheet, row)  # who decided before: OK in this form makes it the decision of the name below
        now += self.tr(" · bisher geprüft von {0}").format(earlier.reviewer) if earlier is not None else ""
        return ReviewForm(self, line, now, self.window.settings.get(REVIEWER), earlier)

    def taken(self, sheet: str, row: int) -> None:
        """Say what the review taken could not do as asked, else that it was taken."""
        window = self.window
        said = [
            text(f.phrase, language())
            for f in window.document.estimate.findings
            if (f.sheet, f.row) == (sheet, row) and f.code.startswith("override.") and f.severity is Severity.WARNING
        ]
        window.statusBar().showMessage(" · ".join(said) or self.tr("Prüfung übernommen"), 15000)


class ReviewForm(QDialog):
    """Prüfer, erstattungsfähig, Klasse and Grund in one form; OK takes them (the reviewer's name kept for the next
    review), or says in the form what is wrong, with the field, and keeps everything typed."""

    def __init__(self, reviews: Reviews, line: str, now: str, reviewer: str, before: Override | None) -> None:
        super().__init__(reviews.window)
        self.reviews = reviews
        self.setWindowTitle(self.tr("Prüfung – {0}").format(line))
        self.now = QLabel(now)  # what is decided about: the service, its bill, its class and amount now
        self.now.setTextFormat(Qt.TextFormat.PlainText)
        self.now.setWordWrap(True)
        self.reviewer = QLineEdit(reviewer)
        self.eligible = QLineEdit(formats.plain(before.eligible) if before and before.eligible is not None else "")
        self.line_class = QLineEdit(before.line_class.value if before and before.line_class else "")
        self.reason = QLineEdit(before.reason if before else "")
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.now)
        form.addRow(self.tr("Prüfer:"), self.reviewer)
        form.addRow(self.tr("erstattungsfähig in € (leer: nach den Regeln):"), self.eligible)
        form.addRow(self.tr("Klasse A, B, P oder X (leer: nach den Regeln):"), self.line_class)
        form.addRow(self.tr("Grund:"), self.reason)
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.take)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, self.sizeHint().height())

    def take(self) -> bool:
        typed = (self.reviewer.text(), self.eligible.text(), self.line_class.text(), self.reason.text())
        problem = self.reviews.take(*typed)
        if problem:
            self.message.setText(problem)
            return False
        self.reviews.window.settings.set(REVIEWER, typed[0].strip())
        self.accept()
        return True
