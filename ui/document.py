"""The open case: the plan, the person and the edits, its estimate, undo and redo, saving and autosave."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from estimator import figures, wording
from estimator.auslegung import SettingError
from estimator.case import DRAFT, EDITABLE, NUMBER_FIELDS, Case, CaseError, EditKey
from estimator.files import atomic_write_text, file_problem, resolved
from estimator.io.casefile import case_digest, case_json, is_case_file, save_case
from estimator.model import MAX_NOTE, MAX_NOTE_LINES, Estimate, Override, Person, note_fits
from estimator.personvalues import FIELD_LABELS, given_since, is_unread
from estimator.rules.engine import estimate, tariff_of
from estimator.tariff.catalogues import Tariff, load_tariffs
from ui import formats
from ui.autosave import autosave_path
from ui.editnotes import EditNotes, eligible_of
from ui.language import language, status_text

CASE_SUFFIX = ".hkp.json"
MAX_STEM = 60  # a name made of the patient's stays a short file name
AUTOSAVE_DELAY_MS = 0  # right after the change is shown: a crash loses no edit


def _stem(path: Path) -> str:
    """A file's name without its kind: „mueller“ of mueller.hkp.json and of mueller.xlsx."""
    return path.name[: -len(CASE_SUFFIX)] if path.name.lower().endswith(CASE_SUFFIX) else path.stem


class _EditCommand(QUndoCommand):
    def __init__(self, document: CaseDocument, before: Case, after: Case, text: str, after_estimate: Estimate) -> None:
        super().__init__(text)
        self.document, self.before, self.after = document, before, after
        self.pending: Estimate | None = after_estimate  # computed when the edit was checked: shown at once

    def redo(self) -> None:
        self.document._set_case(self.after, self.pending)
        self.pending = None

    def undo(self) -> None:
        self.document._set_case(self.before)


def note_size(text: str) -> tuple[str, int, str, int]:
    """A note's characters and lines and the most a letter takes, as the messages about it say them (2.243, 2.000)."""
    return formats.plain(Decimal(len(text)), 0), text.count("\n") + 1, formats.plain(Decimal(MAX_NOTE), 0), MAX_NOTE_LINES


class CaseDocument(QObject):
    """Holds the case; every change goes through the undo stack and recomputes the estimate at once."""

    changed = Signal()  # the case and its estimate changed
    saved_state_changed = Signal(bool)  # True when everything is saved
    refused = Signal(str)  # an edit was not taken; the reason, to be shown at once
    unchanged = Signal()  # an edit was taken that changes nothing (a value typed as it stands)
    noted = Signal(str)  # an edit was taken; something about it to check (the status bar says it)
    standing_changed = Signal()  # where the case stands with the insurer, or whether it may be changed, changed
    autosave_failed = Signal(str)  # why the unsaved state could not be kept (a crash would lose it); "" when it is again

    def __init__(
        self,
        case: Case,
        path: Path | None = None,
        source: Path | None = None,
        autosave: bool = True,
        result: Estimate | None = None,
    ) -> None:
        """result: the case's estimate when it was already computed (off the GUI thread, while opening)."""
        super().__init__()
        self.case = case
        self.path = path  # the case file it was saved to or opened from
        self.source = source  # the workbook it was read from
        self.tariffs = load_tariffs()
        self.estimate: Estimate = result or estimate(case.plan(), self.tariffs, dict(case.settings))
        self.undo_stack = QUndoStack(self)
        self.edit_notes = EditNotes(self)
        self.undo_stack.cleanChanged.connect(self.saved_state_changed)
        self.autosave_enabled = autosave
        self._autosave_timer = QTimer(self, singleShot=True, interval=AUTOSAVE_DELAY_MS)
        self._autosave_timer.timeout.connect(self.autosave)
        self.autosave_problem = ""  # why the last autosave failed, or ""
        self.sent_unlocked = False  # a case no longer a draft takes edits once the user said so (unlock_sent)
        self.draft_of: Path | None = None  # the sent case's file this draft was made from (edit_as_draft)
        self.disk_digest = case_digest(case) if path is not None else ""  # the file's case as read: changed elsewhere when not

    @property
    def tariff(self) -> Tariff:
        """The tariff of the plan's variant: its newest profile names the variants, cap years and settings offered."""
        return tariff_of(self.estimate.plan, self.tariffs)[0]

    @property
    def is_saved(self) -> bool:
        return self.undo_stack.isClean()

    def title(self) -> str:
        if self.path is None and self.draft_of is not None:
            return self.tr("Entwurf aus {0}").format(self.draft_of.name)
        for path in (self.path, self.source):
            if path:
                return path.name
        return self.tr("Neuer Plan")

    def file_stem(self) -> str:
        """The name a save dialog suggests: a draft of a sent case's that case file's with „-entwurf“; else the plan's
        workbook's or the case file's; else the patient's."""
        if self.path is None and self.draft_of is not None:
            return f"{_stem(self.draft_of)}-entwurf"
        for path in (self.source, self.path):
            if path:
                return _stem(path)
        return re.sub(r"[^\w]+", "-", self.case.person.name).strip("-").lower()[:MAX_STEM].rstrip("-") or "fall"

    def _set_case(self, case: Case, result: Estimate | None = None) -> None:
        # where the case stands with the insurer is set in the register (ui.cases), not undone with the edits
        self.case = dataclasses.replace(case, status=self.case.status, paid=self.case.paid)
        self.estimate = result or estimate(case.plan(), self.tariffs, dict(case.settings))
        self.changed.emit()
        if self.autosave_enabled:
            self._autosave_timer.start()

    def _push(self, make: Callable[[], Case], text: str, where: str = "", typed: str | None = None) -> bool:
        """Take an edit: the changed case must be valid and estimable, else it is refused with its reason at once
        and the document stays as it was (further edits, autosave and save go on working). `typed`: the number as
        the user typed it, which a refusal quotes."""
        if self.is_locked:
            self.refused.emit(
                self.tr(
                    "{0}Änderung nicht übernommen: der Fall ist {1} – links oben „Als neuen Entwurf bearbeiten“ "
                    "oder „Diesen Fall ändern“ wählen"
                ).format(where, status_text(self.case.status))
            )
            return False
        try:
            after = make()
            if after == self.case:
                self.unchanged.emit()
                return True
            result = estimate(after.plan(), self.tariffs, dict(after.settings))
        except (CaseError, SettingError) as error:
            phrase = error.phrase if isinstance(error, CaseError) else None
            phrase = figures.as_typed(phrase, typed) if phrase is not None and typed is not None else phrase
            self.refused.emit(f"{where}{wording.text(phrase, language()) if phrase else error}")
            return False
        except Exception as error:  # the engine failed on this input: refuse it rather than leave a broken document
            self.refused.emit(
                self.tr("{0}Änderung nicht übernommen, die Schätzung ist daran gescheitert ({1})").format(
                    where, type(error).__name__
                )
            )
            return False
        self.undo_stack.push(_EditCommand(self, self.case, after, text, result))
        return True

    def refusal(self, edit: Callable[[], object]) -> str:
        """Make an edit; the reason it was refused, or "" when it was taken."""
        reasons: list[str] = []
        self.refused.connect(reasons.append)
        try:
            edit()
        finally:
            self.refused.disconnect(reasons.append)
        return reasons[0] if reasons else ""

    def edit_line(self, key: EditKey, text: str | None) -> bool:
        """Change one field of one line as typed (a number in the window's language); False (and `refused` with the
        reason) when it cannot be taken."""
        kind, index, name = key
        typed = text if text is not None and name in NUMBER_FIELDS else None
        text = formats.typed(typed) if typed is not None else text
        lines = self.case.original.fee_lines if kind == "fee" else self.case.original.lab_lines
        known = 0 <= index < len(lines)
        label = self.tr("{0} Zeile {1}").format(lines[index].sheet, lines[index].row) if known else str(index + 1)
        field = self.field_name(name)
        where = f"{label}, {field}: " if known else ""
        before = eligible_of(self.estimate, kind, lines[index]) if known and name == "description" else None
        found = frozenset(f.phrase.code for f in self.edit_notes.found(lines[index])) if known else frozenset()
        changed = self.tr("{0}: {1} geändert").format(label, field)
        taken = self._push(lambda: self.case.with_edit(key, text), changed, where, typed)
        if taken and known:
            self.edit_notes.after(key, label, before, found)
        return taken

    def field_name(self, name: str) -> str:
        """A line's field as its column is called in the window's language."""
        names = {
            "date": self.tr("Datum"),
            "teeth": self.tr("Zahn"),
            "number": self.tr("Nr."),
            "code": self.tr("Nr."),
            "description": self.tr("Leistung"),
            "count": self.tr("Anzahl"),
            "quantity": self.tr("Menge"),
            "factor": self.tr("Faktor"),
            "unit_price": self.tr("Einzelpreis"),
            "vat_percent": self.tr("MwSt"),
            "amount": self.tr("Betrag"),
            "justification": self.tr("Begründung"),
            "accident": self.tr("Unfall"),
            "manual_class": self.tr("Klasse"),
        }
        return names.get(name, EDITABLE.get("fee", {}).get(name, name))

    def set_override(self, sheet: str, row: int, override: Override | None) -> bool:
        """A reviewer's decision on one line (None: take it back); undoable like every edit."""
        return self._push(
            lambda: self.case.with_override(override, sheet, row), self.tr("Prüfung {0} Zeile {1}").format(sheet, row)
        )

    def edit_person(self, **changes: Any) -> bool:
        """Change the person's fields in one undoable step, named by the field (Bearbeiten → Rückgängig: Tarif)."""
        return self.give_person([label for name in changes for label in FIELD_LABELS.get(name, ())], **changes)

    def give_person(self, labels: Sequence[str], **changes: Any) -> bool:
        """edit_person, the values of these Patient labels given by the user: a value the plan held but that could not
        be read is given now, also as none (estimator.personvalues), and the letter no longer waits for it."""
        names = {
            "name": self.tr("Patient"),
            "insurance_number": self.tr("Versicherungsnr."),
            "street": self.tr("Straße"),
            "postcode": self.tr("PLZ"),
            "city": self.tr("Ort"),
            "variant": self.tr("Tarif"),
            "birth_date": self.tr("Geburtsdatum"),
            "insurance_start": self.tr("Versicherungsbeginn"),
            "cooperating": self.tr("Kooperationszahnarzt"),
            "accident": self.tr("Unfallfolge"),
            "prior_class_a": self.tr("ZE-Erstattung bisher"),
            "deductible_used": self.tr("Selbstbehalt verbraucht"),
            "pzr_reimbursed": self.tr("PZR erstattet"),
            "implants_upper": self.tr("Implantate OK"),
            "implants_lower": self.tr("Implantate UK"),
            "orthodontics_start": self.tr("KFO-Behandlungsbeginn"),
        }
        said = [names[name] for name in changes if name in names]
        text = self.tr("Person: {0} geändert").format(", ".join(said)) if said else self.tr("Person geändert")
        original = given_since(self.case.original, labels)
        person = dataclasses.replace(self.case.person, **changes)
        return self._push(lambda: dataclasses.replace(self.case, original=original, person=person), text)

    def is_unread(self, labels: Sequence[str]) -> bool:
        """Whether the plan held a value of one of these Patient labels that could not be read, not given since: setting
        it as it stands (none, „nein“, 0) is an edit then."""
        return is_unread(self.case.original, labels)

    def replace_person(self, person: Person, text: str) -> bool:
        """The person as a whole (the register's history taken over), in one undoable step."""
        return self._push(lambda: dataclasses.replace(self.case, person=person), text)

    def take_status(self, status: str, paid: Decimal | None) -> None:
        """The status and the amount paid as the register wrote them into this case's file just now."""
        if status not in (self.case.status, DRAFT):  # sent now (or again): its amounts are what the insurer has
            self.sent_unlocked, unsaved = False, not self.is_saved
            self.undo_stack.clear()  # no undo or redo changes it; unsaved edits stay unsaved (saved only as chosen)
            if unsaved:
                self.undo_stack.resetClean()
        self.case = dataclasses.replace(self.case, status=status, paid=paid)
        self.standing_changed.emit()

    @property
    def is_locked(self) -> bool:
        """A case sent to the insurer (its status no longer Entwurf) keeps the amounts it was sent with, which count for
        the person's later plans, until the user chooses to change it or to make a new draft of it."""
        return self.case.status != DRAFT and not self.sent_unlocked

    def unlock_sent(self) -> None:
        """The sent case itself is to be changed (a correction the insurer is told of): edits are taken from now on."""
        self.sent_unlocked = True
        self.standing_changed.emit()
        self.noted.emit(self.tr("Änderungen am Fall werden übernommen; er bleibt {0}").format(status_text(self.case.status)))

    def edit_as_draft(self) -> None:
        """A new draft made from the sent case: not yet sent, nothing paid, saved under a name of its own (the sent
        case's file stays as it was sent)."""
        self.draft_of = self.path or self.source
        self.path = None
        self.case = dataclasses.replace(self.case, status=DRAFT, paid=None)
        self.standing_changed.emit()
        if self.draft_of is not None:
            self.noted.emit(
                self.tr("Neuer Entwurf aus {0}; diese Datei bleibt unverändert – Speichern fragt nach einem Namen").format(
                    self.draft_of.name
                )
            )

    def edit_dates(self, dates: Sequence[tuple[str, int, dt.date]], text: str) -> bool:
        """Set the treatment date of several lines in one undoable step (the staged-cap planner's suggestion)."""

        def moved() -> Case:
            case = self.case
            for kind, index, day in dates:
                case = case.with_value((str(kind), index, "date"), day)
            return case

        return self._push(moved, text)

    def change_settings(self, settings: Mapping[str, str]) -> bool:
        """The case's Auslegung settings (those that differ from the profile's defaults), checked like --set; the same
        readings written otherwise („ja“ for true) are no change."""
        with contextlib.suppress(SettingError):  # a setting not allowed is refused below, with its reason
            if self.tariff.profile.settings(settings) == self.estimate.settings:
                return True
        return self._push(lambda: dataclasses.replace(self.case, settings=dict(settings)), self.tr("Auslegung geändert"))

    def change_lines(self, change: Callable[[Case], Case], text: str) -> bool:
        """A change of the plan's lines (added, duplicated, deleted, moved: estimator.planlines), undoable."""
        return self._push(lambda: change(self.case), text)

    def edit_note(self, text: str) -> bool:
        """The note to the patient that the letter prints; refused when longer than a letter takes."""
        if not note_fits(text):
            self.refused.emit(
                self.tr("Der Text an den Patienten hat {0} Zeichen in {1} Zeile(n); höchstens {2} Zeichen in {3} Zeilen.").format(
                    *note_size(text)
                )
            )
            return False
        return self._push(lambda: dataclasses.replace(self.case, note=text), self.tr("Text an den Patienten geändert"))

    def edit_plan_date(self, value: Any) -> bool:
        return self._push(lambda: dataclasses.replace(self.case, plan_date=value), self.tr("Planungsdatum geändert"))

    @property
    def person(self) -> Person:
        return self.case.person

    def save(self, path: Path) -> None:
        if not is_case_file(path):
            path = path.with_name(path.name + CASE_SUFFIX)
        case = self.case
        if self.path is not None and resolved(path) != resolved(self.path):
            # a copy under a new name is a case of its own: not yet sent to the insurer, nothing paid for it
            case = dataclasses.replace(case, status=DRAFT, paid=None)
        save_case(case, path)
        self.case = case
        self.path = path
        self.disk_digest = case_digest(case)
        self.undo_stack.setClean()
        self.discard_autosave()

    def autosave(self) -> None:
        """Keep the unsaved state in the user's data folder, written atomically and owner-only."""
        if not self.autosave_enabled:
            return
        if self.is_saved:
            self.discard_autosave()
            return
        record = {
            "case": case_json(self.case),
            "path": str(self.path or ""),
            "source": str(self.source or ""),
            "draft_of": str(self.draft_of or ""),
            "sent_unlocked": self.sent_unlocked,
            "disk_digest": self.disk_digest,
        }
        try:
            atomic_write_text(autosave_path(), json.dumps(record) + "\n")  # ASCII: a name that is not UTF-8 comes back
        except OSError as error:  # the folder read-only, the disk full: the user keeps working, told that nothing is kept
            self._autosave_said(file_problem(error))
        else:
            self._autosave_said("")

    def _autosave_said(self, problem: str) -> None:
        if problem != self.autosave_problem:
            self.autosave_problem = problem
            self.autosave_failed.emit(problem)

    def discard_autosave(self) -> None:
        if self.autosave_enabled:
            with contextlib.suppress(OSError):  # a folder that cannot be written: nothing was kept in it either
                autosave_path().unlink(missing_ok=True)
