"""What an edit of a line, just taken, asks the user to check: said in the status bar (CaseDocument.noted)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from estimator.case import AMOUNT_INPUTS, EditKey
from estimator.codes import Code
from estimator.kinds import Severity
from estimator.model import Estimate, Finding, PlanLine
from estimator.wording import finding_text
from ui import formats
from ui.language import language

if TYPE_CHECKING:
    from ui.document import CaseDocument


def eligible_of(estimate: Estimate, kind: str, line: PlanLine) -> Decimal | None:
    """A line's eligible amount in the estimate shown (None for a line the estimate leaves out)."""
    found = (r for r in estimate.lines if r.kind == kind and (r.line.sheet, r.line.row) == (line.sheet, line.row))
    return next((r.eligible for r in found), None)


class EditNotes(QObject):
    def __init__(self, document: CaseDocument) -> None:
        super().__init__(document)
        self.document = document
        self.said = 0  # how many notes were said

    def after(self, key: EditKey, label: str, before: Decimal | None, found: frozenset[Code]) -> None:
        """What an edit just taken asks to check: a corrected number keeps its line's text, which was written for the
        number before; a text that now names an analogue („entsprechend GOZ …“) changes how the line is measured; a
        reviewer's decision about the line stays – made about the line as it was, or, for its class, standing above
        the class typed; else a question or problem of a kind the line did not have before the edit (`found`: the kinds
        it had), such as an amount typed without its comma."""
        document, count = self.document, self.said
        kind, index, name = key
        line = (document.estimate.plan.fee_lines if kind == "fee" else document.estimate.plan.lab_lines)[index]
        review = next((o for o in document.case.overrides if (o.sheet, o.row) == (line.sheet, line.row)), None)
        if review is not None:
            said = (
                self.tr("{0}: Klasse eingetragen – es gilt die Klasse der Prüfung ({1}: {2}), solange sie besteht")
                if name == "manual_class" and review.line_class is not None
                else self.tr("{0}: {3} geändert – die Prüfung ({1}: {2}) gilt weiter; bitte prüfen, ob sie noch passt")
            )
            self.say(said.format(label, review.reviewer, review.reason[:60], document.field_name(name)))
            return
        if name in ("number", "code") and key in document.case.edits and line.description:
            self.say(
                self.tr(
                    "{0}: Nr. geändert – der Leistungstext „{1}“ bleibt; bitte in der Spalte Leistung prüfen, ob er passt"
                ).format(label, line.description[:60])
            )
        typed = document.case.edits.get((kind, index, "amount")) if name in AMOUNT_INPUTS else None
        if typed is not None:  # an amount typed by hand does not follow its line's inputs: said, with the way back
            inputs = self.tr("Faktor und Anzahl") if kind == "fee" else self.tr("Menge, Einzelpreis und MwSt")
            self.say(
                self.tr(
                    "{0}: {1} geändert – der von Hand eingetragene Betrag {2} bleibt; damit er aus {3} berechnet wird, "
                    "die Zelle Betrag leeren"
                ).format(label, document.field_name(name), formats.money(typed), inputs)
            )
        elif name in AMOUNT_INPUTS and key in document.case.edits and (read := self._read_amount(kind, index)) is not None:
            # the plan's amount left for a computed one: said too (not when the value typed is the plan's again)
            self.say(
                self.tr(
                    "{0}: {1} geändert – statt des Betrags {2} aus dem Plan gilt jetzt der berechnete; Rückgängig stellt "
                    "ihn wieder her"
                ).format(label, document.field_name(name), formats.money(read))
            )
        after = eligible_of(document.estimate, kind, line) if before is not None else None  # asked for a text's edit only
        if before is not None and after is not None and after != before:
            self.say(
                self.tr("{0}: Leistungstext geändert – erstattungsfähig jetzt {1} statt {2}; siehe Hinweise").format(
                    label, formats.money(after), formats.money(before)
                )
            )

        if self.said == count and (new := [f for f in self.found(line) if f.phrase.code not in found]):
            more = self.tr(" (und {0} weitere, siehe Hinweise)").format(len(new) - 1) if len(new) > 1 else ""
            self.say(self.tr("{0} – bitte prüfen: {1}{2}").format(label, finding_text(new[0], language()), more))

    def found(self, line: PlanLine) -> list[Finding]:
        """The questions and problems the estimate shown has about a line, in its order."""
        place = (line.sheet, line.row)
        return [f for f in self.document.estimate.findings if (f.sheet, f.row) == place and f.severity is not Severity.INFO]

    def say(self, text: str) -> None:
        self.said += 1
        self.document.noted.emit(text)

    def _read_amount(self, kind: str, index: int) -> Decimal | None:
        case = self.document.case
        return (case.original.fee_lines if kind == "fee" else case.original.lab_lines)[index].amount
