"""Before a letter to the patient is written or printed: the person's tariff chosen, a birth date that can be, and
the person's values read and the figures complete, or the user's word that the letter is to be written all the same."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from estimator.command.reviews import birth_impossible, undrawn_in_letter
from estimator.personvalues import patient_unread
from estimator.wording import finding_text
from ui.dialogs import choose
from ui.language import language
from ui.letter import stored_letterhead

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class LetterChecks(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.write_incomplete: Callable[[str, str], bool] = self.ask_incomplete  # tests answer in its place

    def refused(self) -> bool:
        """Whether the letter is not to be written now (said or asked), for the case with what is still being typed
        in it (a cell cleared and not yet left would otherwise be checked as it was)."""
        self.window.take_typing()
        return (
            self.without_tariff()
            or self.impossible_birth()
            or self.without_lines()
            or self.unread_refused()
            or self.undrawn()
            or self.incomplete_refused()
            or self.long_note_refused()
        )

    def without_lines(self) -> bool:
        """Whether the plan has no line that could be computed, said: a letter would tell the patient 0,00 € (`hkp`
        refuses it too) – no line at all, or only rows left out and lines without an amount."""
        estimate = self.window.document.estimate
        unpriced = len(estimate.rows_without_amount)
        if len(estimate.lines) > unpriced:  # a line computed: rows missing beside it are asked about below
            return False
        if not unpriced and not estimate.rows_missing:
            text = self.tr("Der Plan hat keine Zeile, die zu berechnen ist: bitte zuerst Leistungen eintragen.")
        else:
            left_out = len(estimate.rows_missing)  # the parts as `hkp` says them
            parts = [self.tr("{0} ausgelassen").format(left_out)] if left_out else []
            parts += [self.tr("{0} ohne Betrag").format(unpriced)] if unpriced else []
            text = self.tr(
                "Keine Zeile des Plans ist zu berechnen ({0}): der Brief nennte 0,00 €. Bitte zuerst die Zeilen "
                "berichtigen, wie die Hinweise es sagen."
            ).format(", ".join(parts))
        self.window.show_error(self.tr("Kein Brief"), text)
        return True

    def without_tariff(self) -> bool:
        """Whether the person's tariff is not chosen, said: then no letter is written or printed (it would promise the
        benefit of the tariff without a deductible), as `hkp estimate --pdf` writes none."""
        if self.window.document.person.variant:
            return False
        self.window.show_error(
            self.tr("Kein Tarif gewählt"),
            self.tr(
                "Bitte zuerst den Tarif der versicherten Person wählen (bei der Person, „Tarif“): ohne ihn ist der "
                "Selbstbehalt unbekannt, und die Schätzung nennte die Erstattung von {0}, dem Tarif ohne Selbstbehalt."
            ).format(self.window.document.estimate.variant),
        )
        return True

    def impossible_birth(self) -> bool:
        """Whether the birth date cannot be (estimator.command.reviews.birth_impossible: after the first treatment day,
        the insurance start or today), said: a year mistyped would put a deductible and age limits of the wrong age in
        writing (`hkp` writes no letter then either)."""
        said = birth_impossible(self.window.document.estimate)
        if said is None:
            return False
        self.window.show_error(
            self.tr("Geburtsdatum prüfen"),
            self.tr(
                "{0}.\n\nDer Brief nennte den Selbstbehalt und die Altersgrenzen dazu. Bitte zuerst das Geburtsdatum "
                "berichtigen (bei der Person, „Geburtsdatum“)."
            ).format(finding_text(said, language())),
        )
        return True

    def undrawn(self) -> bool:
        """Whether a text of the letter holds characters its font cannot draw (a name in Arabic or Chinese script),
        said: the letter would show empty boxes in their place (`hkp` writes no letter then either)."""
        document = self.window.document
        said = undrawn_in_letter(document.estimate, stored_letterhead(self.window.settings)[0], document.case.note)
        if not said:
            return False
        self.window.show_error(self.tr("Schriftzeichen prüfen"), said.removeprefix("kein Brief: ") + ".")
        return True

    def unread_refused(self) -> bool:
        """Whether a letter is not to be written while a value of the person the figures depend on was not read from
        the plan and none has been given since (estimator.personvalues.patient_unread; `hkp` writes no letter):
        asked, the answer that writes nothing the default – the value may be none indeed."""
        said = patient_unread(self.window.document.estimate)
        if said is None:
            return False
        text = self.tr(
            "{0}.\n\nDie Schätzung rechnet ohne diesen Wert, als wäre er keiner. Bitte bei der Person eintragen. Den Brief "
            "trotzdem schreiben?"
        ).format(finding_text(said, language()))
        return not self.write_incomplete(self.tr("Angabe zur Person nicht gelesen"), text)

    def incomplete_refused(self) -> bool:
        """Whether a letter whose figures miss rows of the plan is not to be written: asked first, the answer that
        writes nothing the default (the letter would give the patient a total and an own share without them)."""
        estimate = self.window.document.estimate
        if not estimate.figures_incomplete:
            return False
        rows = len(estimate.rows_missing) + len(estimate.rows_without_amount)
        parts = [self.tr("{0} Zeilen des Plans fehlen in allen Beträgen dieser Schätzung").format(rows)] if rows > 1 else []
        parts += [self.tr("1 Zeile des Plans fehlt in allen Beträgen dieser Schätzung")] if rows == 1 else []
        parts += [
            self.tr("Blatt „{0}“ nicht gelesen: seine Zeilen fehlen in allen Beträgen").format(s)
            for s in estimate.sheets_not_read
        ]
        missing = "; ".join(parts) or self.tr("Zeilen des Plans fehlen in allen Beträgen dieser Schätzung")
        text = self.tr(
            "{0} (siehe Hinweise). Der Brief an den Patienten nennt Gesamtkosten und Eigenanteil ohne sie und bittet, sie "
            "zu klären.\n\nBesser erst den Plan berichtigen. Den Brief trotzdem schreiben?"
        ).format(missing)
        return not self.write_incomplete(self.tr("Schätzung unvollständig"), text)

    def long_note_refused(self) -> bool:
        """Whether a letter is not to be written while the note shown is too long for it: asked first, the answer that
        writes nothing the default (the letter holds the note the case keeps – the last that fitted –, not the one
        shown; saving says the same)."""
        said = self.window.note_editor.not_kept()
        if not said:
            return False
        text = self.tr(
            "{0}\n\nDer Brief enthielte den Text, den der Fall behält, nicht den hier gezeigten. Den Brief trotzdem schreiben?"
        ).format(said)
        return not self.write_incomplete(self.tr("Text an den Patienten zu lang"), text)

    def ask_incomplete(self, title: str, text: str) -> bool:
        answer = choose(self.window, title, text, [("write", self.tr("Trotzdem schreiben")), ("no", self.tr("Abbrechen"))], "no")
        return answer == "write"
