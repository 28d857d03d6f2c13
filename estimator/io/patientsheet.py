"""The Patient sheet of an HKP workbook: the insured person, the contract and the earlier benefits, each value
checked where it is read; a bad value is a finding with its cell, and the rest is read."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from estimator.cells import (
    MAX_INSURANCE_NUMBER,
    MAX_TEXT,
    CellError,
    PlanReadError,
    parse_amount,
    parse_birth_date,
    parse_date,
    parse_implants,
    parse_postcode,
    parse_variant,
    parse_yes_no,
    short_text,
    within,
)
from estimator.cells import text_key as _key
from estimator.codes import Code
from estimator.io.columns import ONE_SHEET_COLUMNS
from estimator.io.sheetroles import find_header, is_person_sheet
from estimator.io.sheets import CutText, Sheet, day_from_1900
from estimator.io.sheetscan import UNCACHED
from estimator.kinds import Severity
from estimator.model import MAX_CAP_YEARS, Finding, Person
from estimator.phrases import Param, Phrase, say
from estimator.sheetcells import column_letter
from estimator.tariff.catalogues import load_tariffs
from estimator.wording import text

PATIENT_LABELS = {
    "name": "Name",
    "patient": "Name",
    "patientin": "Name",
    "patientenname": "Name",
    "namevorname": "Name",
    "vornamename": "Name",
    "versicherteperson": "Name",
    "straße": "Straße",
    "strasse": "Straße",
    "straßeundhausnummer": "Straße",
    "plz": "PLZ",
    "postleitzahl": "PLZ",
    "ort": "Ort",
    "wohnort": "Ort",
    "geburtsdatum": "Geburtsdatum",
    "gebdatum": "Geburtsdatum",
    "geboren": "Geburtsdatum",
    "geboreneam": "Geburtsdatum",
    "gebam": "Geburtsdatum",
    "gebdat": "Geburtsdatum",
    "geburtstag": "Geburtsdatum",
    "versicherungsnummer": "Versicherungsnummer",
    "versnr": "Versicherungsnummer",
    "versicherungsnr": "Versicherungsnummer",
    "versichertennummer": "Versicherungsnummer",
    "versichertennr": "Versicherungsnummer",
    "zahnarzt": "Zahnarzt",
    "praxis": "Zahnarzt",
    "praxisanschrift": "Praxisanschrift",
    "anschrift": "Praxisanschrift",
    "tarif": "Tarif",
    "versicherungsbeginn": "Versicherungsbeginn",
    "versichertseit": "Versicherungsbeginn",
    "beginnderversicherung": "Versicherungsbeginn",
    "versbeginn": "Versicherungsbeginn",
    "versicherungsbeginnam": "Versicherungsbeginn",
    "vertragsbeginn": "Versicherungsbeginn",
    "planungsdatum": "Planungsdatum",
    "plandatum": "Planungsdatum",
    "hkpdatum": "Planungsdatum",
    "hkpvom": "Planungsdatum",
    "planvom": "Planungsdatum",
    "datumdeshkp": "Planungsdatum",
    "datumhkp": "Planungsdatum",
    "datumdesplans": "Planungsdatum",
    "kooperationszahnarzt": "Kooperationszahnarzt",
    "unfall": "Unfall",
    **{f"bisherigezeerstattungjahr{k}": f"Jahr {k}" for k in range(1, MAX_CAP_YEARS + 1)},
    "selbstbehaltverbraucht": "Selbstbehalt verbraucht",
    "pzrerstattet": "PZR erstattet",
    "quellebisherigeerstattung": "Quelle bisherige Erstattung",
    "implantateok": "Implantate OK",
    "implantateuk": "Implantate UK",
    **{
        f"{before}implantate{after}": f"Implantate {jaw}"
        for jaw, names in (("OK", ("ok", "oberkiefer")), ("UK", ("uk", "unterkiefer")))
        for before in ("", "vorhandene", "anzahl")
        for after in names
    },
    "kfobehandlungsbeginn": "KFO-Behandlungsbeginn",
    "kfobeginn": "KFO-Behandlungsbeginn",
    "beginnkfobehandlung": "KFO-Behandlungsbeginn",
    "beginnderkieferorthopädischenbehandlung": "KFO-Behandlungsbeginn",
}


def patient_sheet(sheets: dict[str, Sheet], plan_sheet: Sheet | None, header_position: int | None) -> tuple[Sheet | None, bool]:
    """Where the person is written, and whether as a block above the plan's table: the sheet Patient, else one
    whose name says so („Patientendaten“), else the rows above the plan table's header when they name one of the
    Patient sheet's labels („Patient: Müller, Hans“)."""
    if "patient" in sheets:
        return sheets["patient"], False
    named = next(
        (sheet for key, sheet in sheets.items() if is_person_sheet(key) and find_header(sheet, ONE_SHEET_COLUMNS) is None), None
    )
    if named is not None or plan_sheet is None or not header_position:
        return named, False
    above = plan_sheet.rows[:header_position]
    labelled = any(len(row) > 1 and _label(row[0]) for row in (_split(cells) for _, cells in above))
    return (Sheet(plan_sheet.name, above, from_1904=plan_sheet.from_1904), True) if labelled else (None, False)


def block_read(block: Sheet, cells: dict[str, str]) -> Finding | None:
    """That the person was read from the rows above a plan's table, which rows, when any value was."""
    rows = sorted(_place(cell)[1] for cell in cells.values())
    if not rows:
        return None
    said = str(rows[0]) if rows[0] == rows[-1] else f"{rows[0]}–{rows[-1]}"
    phrase = say(Code.INPUT_PATIENT_BLOCK, sheet=block.name, rows=said, several=rows[0] != rows[-1])
    return Finding(Severity.INFO, phrase, block.name, rows[0], "A")


Entry = tuple[int, str, str | None, str, Any, bool]  # row, the label as written, the label, the value's column, the value,
# and whether it stood in a row of labels over a row of values


def _entries(rows: list[tuple[int, tuple[Any, ...]]], block: bool) -> Iterator[Entry]:
    """The labels and values of a Patient sheet, a label in column A and its value beside it (B, or C–E beside a
    merged label; „Geburtsdatum: 08.08.1970“ in one cell); in a block above a plan's table also side by side – a row of labels
    („Name | Geb.-Datum | Tarif“) over a row of their values. A block's address in a row of labels without the name
    is the practice's letter head, not the person's: not read from there (one in rows of their own: read_patient)."""
    across = -1  # the row of values under a row of labels
    for position, (number, cells) in enumerate(rows):
        labels = [_label(cell) for cell in cells]
        if block and position + 1 < len(rows) and sum(label is not None for label in labels) >= 2:
            below = rows[position + 1]
            for index, label in enumerate(labels):
                if label and (label not in ADDRESS or "Name" in labels) and index < len(below[1]) and not _empty(below[1][index]):
                    yield below[0], str(cells[index]), label, column_letter(index), below[1][index], True
            across = position + 1
            continue
        row = _split(cells)
        if position == across or len(row) < 2 or row[0] is None:
            continue
        label = _label(row[0])
        letter, value = _value_of(row, label)
        yield number, str(row[0]), label, "A" if row is not cells else letter, value, False


def _split(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A row as label and value: „Geburtsdatum: 08.08.1970“ written in one cell is the label with its value (a
    letter's head does so); other rows as they are."""
    first = row[0] if row else None
    if not isinstance(first, str) or ":" not in first or any(not _empty(value) for value in row[1:]):
        return row
    label, _, value = first.partition(":")
    return (label, value.strip()) if value.strip() and _label(label) else row


def _label(cell: Any) -> str | None:
    """The Patient sheet's label a cell names („Geb.-Datum:“: Geburtsdatum), or None."""
    return None if cell is None else PATIENT_LABELS.get(_key(str(cell).rstrip(": ")))


def _parse_tariff(value: Any) -> str:
    return parse_variant(value, load_tariffs().variants)


PARSERS: dict[str, Any] = {  # the labels whose values have a kind (a text label's value is read from column B only)
    "Geburtsdatum": parse_birth_date,
    **dict.fromkeys(("Versicherungsbeginn", "Planungsdatum", "KFO-Behandlungsbeginn"), parse_date),
    **dict.fromkeys(("Kooperationszahnarzt", "Unfall"), parse_yes_no),
    **dict.fromkeys(
        (*(f"Jahr {k}" for k in range(1, MAX_CAP_YEARS + 1)), "Selbstbehalt verbraucht", "PZR erstattet"), parse_amount
    ),
    **dict.fromkeys(("Implantate OK", "Implantate UK"), parse_implants),
    "Tarif": _parse_tariff,
    "PLZ": parse_postcode,
    "Versicherungsnummer": lambda value: within(str(value).strip(), MAX_INSURANCE_NUMBER),
}
# labels of the insurance that practices write instead of „Tarif“ – read as it when the value names a tariff variant
INSURANCE_LABELS = frozenset(
    {"versicherung", "versicherungstarif", "tarifversicherung", "pkvtarif", "kostenträger", "krankenversicherung", "versicherer"}
)
ADDRESS = ("Straße", "PLZ", "Ort", "Praxisanschrift")  # above a plan's table: the practice's letter head
PRACTICE = ("Zahnarzt", "Praxisanschrift")  # the practice's details: an address below them is the practice's
PATIENT_TEXT = ("Name", "Versicherungsnummer", "Zahnarzt", "Praxisanschrift", "Straße", "Ort", "Quelle bisherige Erstattung")


def _patient_cell_problem(label: str, value: Any, cell: str) -> tuple[Severity, Phrase] | None:
    """What is wrong with a Patient value before it is parsed: a formula without a result, an over-long text."""
    if value is UNCACHED:
        return Severity.ERROR, say(Code.INPUT_FORMULA, cell=cell, field=label)
    if isinstance(value, CutText):
        if label in PATIENT_TEXT:
            return Severity.WARNING, say(Code.INPUT_TEXT_CUT, cell=cell, field=label, length=value.length, limit=MAX_TEXT)
        return Severity.ERROR, say(Code.INPUT_TOO_LONG, cell=cell, field=label, length=value.length)
    return None


def _variant(values: dict[str, Any], cells: dict[str, str], sheet: str) -> str:
    """The tariff named, or "" when none is; a tariff that does not exist stops the plan, as every amount depends
    on it (estimating with another one would tell the patient wrong figures)."""
    if "Tarif" not in values:
        return ""
    try:
        return parse_variant(values["Tarif"], load_tariffs().variants)
    except CellError as error:
        raise PlanReadError(
            f"{sheet}!{cells['Tarif']} (Tarif): {text(error.phrase)}; ohne den Tarif der versicherten Person "
            "ist keine Schätzung möglich, bitte ihn eintragen"
        ) from None


def read_patient(
    sheet: Sheet | None, findings: list[Finding], tariff: str = "", *, block: bool = False
) -> tuple[Person, dt.date | None, dict[str, str]]:
    """The Patient sheet's person, plan date and the cells they were read from (with the sheet's name when it is
    not „Patient“); `tariff`, when given, is taken instead of the sheet's. A `block` is the rows above a plan
    table's header („Patient: Müller, Hans“ over the lines): a title there is no label, a text ending in a colon is."""
    values: dict[str, Any] = {}
    cells: dict[str, str] = {}
    name = sheet.name if sheet else "Patient"
    insurance: tuple[int, str, str, Any, str] | None = None  # a label of the insurance, its value naming a variant
    named = False  # the person's name read in a row of its own: an address in the rows below it is the person's, up
    # to the practice's own details (Zahnarzt, Praxisanschrift); one in a row of labels beside Name is too (_entries)
    for number, title, read_as, letter, value, across in _entries(sheet.rows if sheet else [], block):
        theirs = block and named and read_as == "Praxisanschrift" and _key(title.rstrip(": ")) == "anschrift"
        label = "Straße" if theirs else read_as  # „Anschrift: Lindenallee 12“ under the patient's name: theirs
        named = (named or (label == "Name" and not across)) and label not in PRACTICE
        if value is None or (block and not label and not title.rstrip().endswith(":")):
            continue
        if not label and not insurance and (variant := _tariff_named(title, value)):  # „Versicherung: … (variant)“
            insurance = (number, title, letter, value, variant)  # taken below, where no Tarif is given
            continue
        if not label:  # a value under a label the program does not know: said, so that nothing is lost unseen
            phrase = say(Code.INPUT_PATIENT_LABEL, cell=f"{name}!A{number}", label=short_text(title, 40))
            findings.append(Finding(Severity.WARNING, phrase, name, number, "A"))
            continue
        if block and label in ADDRESS and not across and (label == "Praxisanschrift" or not named):  # the letter head's
            phrase = say(Code.INPUT_BLOCK_ADDRESS, cell=f"{name}!{letter}{number}", field=label)
            findings.append(Finding(Severity.INFO, phrase, name, number, letter))
            continue
        said = _said_where(label, letter, number, cells.get(label), name)
        if said and not (block and said.code is Code.INPUT_PATIENT_COLUMN):  # a block has no column B to keep
            findings.append(Finding(Severity.WARNING, said, name, number, letter))
        problem = _patient_cell_problem(label, value, f"{name}!{letter}{number}")
        if problem:
            severity, phrase = problem
            findings.append(Finding(severity, phrase, name, number, letter))
            if severity is Severity.ERROR:
                continue
        dated = PARSERS.get(label) in (parse_date, parse_birth_date)  # a date as a plain number, in its workbook's count
        values[label] = day_from_1900(value, sheet is not None and sheet.from_1904) if dated else value
        cells[label] = f"{letter}{number}"

    def get(label: str, default: Any) -> Any:
        if label not in values:
            return default
        try:
            return PARSERS[label](values[label])
        except CellError as error:
            cell = cells[label]
            phrase = say(Code.INPUT_PATIENT, cell=f"{name}!{cell}", field=label, problem=error.phrase)
            letters, row = _place(cell)
            findings.append(Finding(Severity.ERROR, phrase, name, row, letters))
            return default

    if insurance is not None:
        _insurance_read(insurance, values, cells, name, findings)
    if tariff and "Tarif" in values and _key(values["Tarif"]) != _key(tariff):  # the command line's: said
        findings.append(option_replaced(_placed(cells["Tarif"], name), "Tarif", str(values["Tarif"]), tariff))
    person = Person(
        name=str(values.get("Name", "")).strip(),
        variant=tariff or _variant(values, cells, name),
        birth_date=get("Geburtsdatum", None),
        insurance_number=get("Versicherungsnummer", ""),
        practice=str(values.get("Zahnarzt", "")).strip(),
        insurance_start=get("Versicherungsbeginn", None),
        cooperating=get("Kooperationszahnarzt", False),
        accident=get("Unfall", False),
        prior_class_a=_prior_years([get(f"Jahr {k}", Decimal(0)) for k in range(1, MAX_CAP_YEARS + 1)]),
        deductible_used=get("Selbstbehalt verbraucht", Decimal(0)),
        pzr_reimbursed=get("PZR erstattet", Decimal(0)),
        prior_source=str(values.get("Quelle bisherige Erstattung", "")).strip(),  # the register's, when taken from it
        implants_upper=get("Implantate OK", 0),
        implants_lower=get("Implantate UK", 0),
        practice_address=str(values.get("Praxisanschrift", "")).strip(),
        orthodontics_start=get("KFO-Behandlungsbeginn", None),
        street=str(values.get("Straße", "")).strip(),
        postcode=get("PLZ", ""),
        city=str(values.get("Ort", "")).strip(),
    )
    return person, get("Planungsdatum", None), {label: _placed(cell, name) for label, cell in cells.items()}


def _tariff_named(title: str, value: Any) -> str:
    """The tariff variant a label of the insurance („Versicherung“, „Kostenträger“, „PKV-Tarif“) names in full, read
    as the Tarif when none is given; "" for none (a value naming none, „DKV“, or a figure alone, „1“, stays a label
    not read, as before)."""
    if _key(title.rstrip(": ")) not in INSURANCE_LABELS:
        return ""
    try:
        variant = parse_variant(value, load_tariffs().variants)
    except CellError:
        return ""
    return variant if re.sub(r"[\s/-]", "", variant).upper() in re.sub(r"[\s/-]", "", str(value)).upper() else ""


def _insurance_read(
    insurance: tuple[int, str, str, Any, str], values: dict[str, Any], cells: dict[str, str], sheet: str, findings: list[Finding]
) -> None:
    """The tariff a label of the insurance names, taken as the Tarif when the sheet gives none – a warning at its
    cell, as every amount depends on it; beside a Tarif it is a label not read (said)."""
    number, title, letter, value, variant = insurance
    cell, label = f"{sheet}!{letter}{number}", short_text(title, 40)
    if "Tarif" in values:
        findings.append(
            Finding(Severity.WARNING, say(Code.INPUT_PATIENT_LABEL, cell=f"{sheet}!A{number}", label=label), sheet, number, "A")
        )
        return
    values["Tarif"], cells["Tarif"] = value, f"{letter}{number}"
    findings.append(
        Finding(Severity.WARNING, say(Code.INPUT_TARIFF_LABEL, cell=cell, label=label, variant=variant), sheet, number, letter)
    )


def _placed(cell: str, sheet: str) -> str:
    """A Patient value's cell as the plan keeps it: „B5“ on the sheet Patient, „HKP!B5“ on another."""
    return cell if sheet == "Patient" else f"{sheet}!{cell}"


def option_replaced(cell: str, field: str, old: Param, new: Param) -> Finding:
    """A Patient value („B5“, or „HKP!B5“ on another sheet) that a value given when the program is called replaces:
    said at its cell."""
    sheet = cell.rpartition("!")[0] or "Patient"
    letters, row = _place(cell)
    phrase = say(Code.INPUT_OPTION_REPLACES, cell=f"{sheet}!{letters}{row}", field=field, old=old, new=new)
    return Finding(Severity.INFO, phrase, sheet, row, letters)


def _place(cell: str) -> tuple[str, int]:
    """A cell's column letters and row number („B5“, „HKP!AB12“)."""
    place = cell.rpartition("!")[2]
    letters = place.rstrip("0123456789")
    return letters, int(place[len(letters) :])


def _value_of(row: tuple[Any, ...], label: str | None) -> tuple[str, Any]:
    """A label's value and its column: B; or – B empty, as beside a label merged over A and B – the first of C to E
    that holds a value of the label's kind (a date, an amount, ja/nein: a note there, „nur bei laufender KFO“, is
    none, and stays unread) or, for a text label, any text; None for none."""
    filled = [(index, value) for index, value in enumerate(row[1:5], start=1) if not _empty(value)]
    if not filled or filled[0][0] == 1:
        return "B", filled[0][1] if filled else None
    index, value = filled[0]
    if label in PATIENT_TEXT or label == "Tarif":  # beside its merged label: read, and said (_said_where); a tariff
        # that is none stops the plan as in column B, never dropped for the default one
        return "BCDE"[index - 1], value
    parse = PARSERS.get(label or "")
    if parse is None:
        return "B", None
    try:
        parse(value)
    except CellError:
        return "B", None
    return "BCDE"[index - 1], value


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _said_where(label: str, letter: str, row: int, before: str | None, sheet: str) -> Phrase | None:
    """A value read from another column than B, or a label given twice (its last value counts): said."""
    field = f"Bisherige ZE-Erstattung {label}" if label.startswith("Jahr ") else label  # as the sheet names it
    if before is not None:
        return say(Code.INPUT_PATIENT_TWICE, cell=f"{sheet}!{letter}{row}", field=field, before=f"{sheet}!{before}")
    if letter != "B":
        return say(Code.INPUT_PATIENT_COLUMN, cell=f"{sheet}!{letter}{row}", field=field)
    return None


def _prior_years(amounts: list[Decimal]) -> tuple[Decimal, ...]:
    """The earlier class-A benefits of insurance years 1, 2, ... up to the last one given."""
    while amounts and not amounts[-1]:
        amounts.pop()
    return tuple(amounts)
