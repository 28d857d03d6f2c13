"""A case: the plan as read, the person, the user's edits and Auslegung settings (saved by estimator.io.casefile).

The case holds the whole plan, so it opens without the workbook it came from; the edits are kept
apart from the plan as read, so a reviewer sees what was changed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from estimator import figures, wording
from estimator.catalogueforms import normalize_fee_number, normalize_lab_code
from estimator.cells import (
    MAX_CODE,
    MAX_TEXT,
    CellError,
    amount_as_taken,
    cell_error,
    in_cents,
    parse_amount,
    parse_class,
    parse_code,
    parse_count,
    parse_date,
    parse_factor,
    parse_quantity,
    parse_vat,
    parse_yes_no,
    shown,
)
from estimator.codes import Code
from estimator.invisible import printable_text, quoted
from estimator.kinds import LineClass
from estimator.model import MAX_REVIEWER, FeeLine, LabLine, Override, Person, Plan
from estimator.phrases import Phrase, say
from estimator.sessionnames import day_beside_session, session_of
from estimator.teeth import ToothError, parse_teeth

SCHEMA = "hkp-case/2"
DRAFT, SUBMITTED, REIMBURSED, REFUSED = "Entwurf", "eingereicht", "erstattet", "abgelehnt"
STATUSES = (DRAFT, SUBMITTED, REIMBURSED, REFUSED)  # where a case stands with the insurer (the register lists it)


def paid_as_counted(status: str, paid: Decimal | None) -> Decimal | None:
    """The amount the insurer paid as it counts: the one of a case erstattet; an amount kept under another status
    (the case set abgelehnt or back to Entwurf later) counts not and is shown nowhere as paid."""
    return paid if status == REIMBURSED else None


# What a user may correct in a line, by line kind: field -> German column name.
EDITABLE: dict[str, dict[str, str]] = {
    "fee": {
        "date": "Datum",
        "teeth": "Zahn",
        "number": "Nr",
        "description": "Leistung",
        "count": "Anzahl",
        "factor": "Faktor",
        "amount": "Betrag",
        "justification": "Begründung",
        "accident": "Unfall",
        "manual_class": "Klasse",
    },
    "lab": {
        "date": "Datum",
        "teeth": "Zahn",
        "code": "Nr",
        "description": "Leistung",
        "quantity": "Menge",
        "unit_price": "Einzelpreis",
        "vat_percent": "MwSt",
        "amount": "Betrag",
        "manual_class": "Klasse",
    },
}
# empty: computed, the plan date, the class by the rules, the tariff's usual VAT
MAY_BE_EMPTY = frozenset({"amount", "date", "manual_class", "vat_percent"})
AMOUNT_INPUTS = ("count", "factor", "quantity", "unit_price", "vat_percent")  # edits that change what a line's amount must be
EditKey = tuple[str, int, str]  # (kind, index of the line among its kind, field)


class CaseError(ValueError):
    """A case file or an edit that cannot be taken; the message says why in German, and for an edit the phrase
    (estimator.wording) says it in the app's language."""

    def __init__(self, message: str, phrase: Phrase | None = None) -> None:
        super().__init__(message)
        self.phrase = phrase


def _amount(text: str) -> Decimal | None:
    """An amount in whole cents (a third place is a slip: „12,345“), or None for an empty text: the amount is then
    computed from the catalogue."""
    return in_cents(parse_amount(text), text) if text.strip() else None


def _day_or_session(text: str) -> dt.date | str | None:
    """A line's day, or the session typed instead of one („2. Sitzung“, as a workbook's date column may name it: the
    line is then on a day of its own); None for an empty text: the plan date."""
    if not text.strip():
        return None
    try:
        return parse_date(day_beside_session(text) or text)
    except CellError as error:
        if session := session_of(text):
            return session
        if error.phrase.code is Code.CELL_DATE:  # no day in it at all: said with what else the cell takes
            raise CellError(say(Code.CELL_DAY_OR_SESSION, value=quoted(text))) from None
        raise


def _unit_price(text: str) -> Decimal:
    """A lab line's price per unit, never empty: a cleared price would put the line in the plan at 0,00 € unsaid."""
    if not text.strip():
        raise CellError(say(Code.CELL_NUMBER))
    return amount_as_taken(text)


def _text(text: str) -> str:
    """A text a user typed, such as a justification: at most MAX_TEXT characters, kept as a letter prints it."""
    if len(text) > MAX_TEXT:
        raise CellError(say(Code.CELL_TEXT_TOO_LONG, limit=MAX_TEXT, length=len(text)))
    return printable_text(text).strip()


NUMBER_FIELDS = frozenset({"count", "quantity", "factor", "unit_price", "vat_percent", "amount"})  # typed as numbers
PARSERS: dict[str, Any] = {
    "date": _day_or_session,
    "teeth": parse_teeth,
    "number": parse_code,
    "code": parse_code,
    "count": parse_count,
    "quantity": parse_quantity,
    "factor": parse_factor,
    "unit_price": _unit_price,
    "vat_percent": lambda text: parse_vat(text) if text.strip() else None,
    "amount": _amount,
    "justification": _text,
    "description": _text,
    "accident": parse_yes_no,
    "manual_class": parse_class,
}

SCHEMA_1_PARSERS: dict[str, Any] = {  # the fields whose text the version that wrote case files of schema 1 took otherwise
    "unit_price": lambda text: amount_as_taken(text) if text.strip() else Decimal(0),
    "amount": lambda text: amount_as_taken(text) if text.strip() else None,
}


def _catalogue_form(line: FeeLine | LabLine, typed: str) -> str:
    """A corrected number as the fee schedule or the lab price list writes it (a case file's too); refused when that
    form is empty or too long (Ä alone, an upper-cased ß …), so that no case is saved that cannot be read again."""

    def form(text: str) -> str:
        return normalize_fee_number(text, line.schedule.value) if isinstance(line, FeeLine) else normalize_lab_code(text)

    number = form(typed)
    if not number or len(number) > MAX_CODE or form(number) != number:  # read again, it must stay as it is
        error = cell_error(Code.CELL_CODE, typed, limit=MAX_CODE)
        raise CaseError(wording.text(error.phrase), error.phrase)
    return number


def parse_edit(field_name: str, text: str, *, typed: bool = True) -> Any:
    """The value a user's text means for a field; CaseError saying why when it means nothing. typed=False: an edit
    a case file of schema 1 kept as text, read as that version took it (a cleared unit price as 0, an amount as typed)."""
    parse = PARSERS[field_name] if typed else SCHEMA_1_PARSERS.get(field_name, PARSERS[field_name])
    try:
        return parse(text)
    except (CellError, ToothError) as error:  # a field cleared: said so, not „… erwartet, „“ gefunden“
        phrase = error.phrase if text.strip() else say(Code.CELL_EMPTY)
        raise CaseError(wording.text(phrase), phrase) from None


def edit_text(line: FeeLine | LabLine, field_name: str, language: str = "de") -> str:
    """A line's field as the user sees and types it (numbers and dates in the window's language)."""
    value = getattr(line, field_name)
    if value is None:
        return line.session if field_name == "date" else ""  # a session the plan named instead of a day
    if isinstance(value, bool):
        return ("ja" if value else "nein") if language == "de" else ("yes" if value else "no")
    if isinstance(value, dt.date):
        return figures.date(value, language)
    if isinstance(value, LineClass):
        return value.value
    if field_name == "factor":
        return figures.factor(value, language)
    if isinstance(value, Decimal) and field_name in ("amount", "unit_price"):
        return figures.plain(value, language, figures.price_places(value))
    if isinstance(value, Decimal):  # a count as stored, every place of it: 0,125 (not 0,13), 1,5
        return figures.number(value, language)
    return str(value)


@dataclass(frozen=True)
class Case:
    """The plan as read, the person as it stands, and the user's edits of lines."""

    original: Plan
    person: Person
    plan_date: dt.date | None = None
    edits: Mapping[EditKey, Any] = field(default_factory=dict)  # typed values: Decimal, date, Teeth, bool, class, text
    settings: Mapping[str, str] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()  # a reviewer's decisions, one per line
    note: str = ""  # the text to the patient that the letter prints above its tables
    status: str = DRAFT  # one of STATUSES
    paid: Decimal | None = None  # what the insurer paid for its class-A work (Zahnersatz), from its letter

    def __post_init__(self) -> None:  # the note as the letter prints it, from the window and a case file alike
        object.__setattr__(self, "note", printable_text(self.note))

    @classmethod
    def from_plan(cls, plan: Plan) -> Case:
        return cls(plan, plan.person, plan.plan_date)

    def plan(self) -> Plan:
        """The plan with the person and every edit applied."""
        fees, labs = list(self.original.fee_lines), list(self.original.lab_lines)
        for (kind, index, name), value in self.edits.items():
            lines: list[Any] = fees if kind == "fee" else labs
            changes = {name: value}
            if name in AMOUNT_INPUTS and (kind, index, "amount") not in self.edits:
                changes["amount"] = None  # the amount as read no longer fits; it is computed from the new input
            if name == "date":  # a day typed replaces a session the plan named instead of one; a session, the day
                changes = {"date": None, "session": value} if isinstance(value, str) else {"date": value, "session": ""}
            lines[index] = dataclasses.replace(lines[index], **changes)
        return dataclasses.replace(
            self.original,
            fee_lines=tuple(fees),
            lab_lines=tuple(labs),
            person=self.person,
            plan_date=self.plan_date,
            overrides=self.overrides,
        )

    def with_override(self, override: Override | None, sheet: str, row: int) -> Case:
        """This case with the reviewer's decision on one line replaced (None: removed); CaseError when the
        decision cannot be kept as the case file keeps it."""
        if override is not None and not (0 < len(override.reviewer.strip()) <= MAX_REVIEWER):
            raise CaseError(f"Prüfer: 1 bis {MAX_REVIEWER} Zeichen")
        if override is not None and not (0 < len(override.reason.strip()) <= MAX_TEXT):
            raise CaseError(f"Grund: 1 bis {MAX_TEXT} Zeichen")
        kept = tuple(o for o in self.overrides if (o.sheet, o.row) != (sheet, row))
        return dataclasses.replace(self, overrides=kept + ((override,) if override else ()))

    def with_edit(self, key: EditKey, text: str | None) -> Case:
        """This case with one field edited as the user typed it (None: back to the value as read)."""
        self.check_editable(key)
        return self.with_value(key, None if text is None else parse_edit(key[2], text), back=text is None)

    def check_editable(self, key: EditKey) -> None:
        kind, index, name = key
        lines = self.original.fee_lines if kind == "fee" else self.original.lab_lines
        if not 0 <= index < len(lines):
            raise CaseError(f"{'Leistung' if kind == 'fee' else 'Laborzeile'} Nr. {index + 1} gibt es im Plan nicht")
        if name not in EDITABLE.get(kind, {}):
            line = lines[index]
            raise CaseError(f"{line.sheet} Zeile {line.row}: Feld „{shown(name)}“ ist nicht änderbar")

    def with_value(self, key: EditKey, value: Any, *, back: bool = False) -> Case:
        """This case with one field set to a typed value (back: to the value as read); an edit that gives the value
        as read is no edit."""
        edits = dict(self.edits)
        self._edit(edits, key, value, back=back)
        return dataclasses.replace(self, edits=edits)

    def with_values(self, changes: Iterable[tuple[EditKey, Any]]) -> Case:
        """This case with many fields set at once, as with_value sets one (a case file's edits: copied once, not
        once for each – 95.000 edits took a minute)."""
        edits = dict(self.edits)
        for key, value in changes:
            self._edit(edits, key, value, back=False)
        return dataclasses.replace(self, edits=edits)

    def _edit(self, edits: dict[EditKey, Any], key: EditKey, value: Any, *, back: bool) -> None:
        self.check_editable(key)
        kind, index, name = key
        if value is None and not back and name not in MAY_BE_EMPTY:
            raise CaseError(f"{EDITABLE[kind][name]} der Zeile {index + 1}: ein Wert ist nötig")
        lines = self.original.fee_lines if kind == "fee" else self.original.lab_lines
        line = lines[index]
        if name in ("number", "code") and isinstance(value, str):
            value = _catalogue_form(line, value)
        typed_session = name == "date" and isinstance(value, str) and line.session  # a date cell: a day or a session
        read = line.session if typed_session else getattr(line, name)
        if back or value == read or (isinstance(read, str) and value == read.strip()):  # a text is kept stripped
            edits.pop(key, None)
        else:
            edits[key] = value
