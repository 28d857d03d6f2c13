"""The case file (`*.hkp.json`, schema hkp-case/2; hkp-case/1 is still read): written atomically and owner-only,
read as hostile input.

A case file comes from disk like a workbook and is checked as strictly: its size, its nesting, its types,
every value's range (the same parsers as workbook cells) and the number of its lines. A file that cannot be
used gives one CaseError naming the file and the field; nothing in it can crash the program or make it
compute without end.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from estimator.auslegung import SettingError
from estimator.case import DRAFT, EDITABLE, SCHEMA, STATUSES, Case, CaseError, EditKey, parse_edit
from estimator.cells import (
    MAX_INSURANCE_NUMBER,
    MAX_TEXT,
    SHEET_NAME_LIMIT,
    CellError,
    parse_postcode,
    parse_variant,
    shown,
)
from estimator.codes import Code
from estimator.files import atomic_write_text, json_text
from estimator.invisible import without_invisible
from estimator.io.boundedjson import bounded_json
from estimator.io.casefields import (
    EDIT_READERS,
    Fields,
    cents_value,
    field_names,
    iso_date,
    left_out_json,
    left_out_line,
    line_class_value,
    number_reader,
    schedule_value,
    teeth_value,
)
from estimator.io.phrasejson import PhraseDataError, phrase_data, phrase_from_data
from estimator.kinds import Schedule, Severity
from estimator.model import (
    MAX_CAP_YEARS,
    MAX_LINES,
    MAX_NOTE,
    MAX_REVIEWER,
    MAX_SEEN,
    FeeLine,
    Finding,
    LabLine,
    Override,
    Person,
    Plan,
    PlanLine,
)
from estimator.phrases import say
from estimator.sessionnames import session_value
from estimator.tariff.catalogues import load_tariffs
from estimator.teeth import Teeth, parse_teeth
from estimator.wording import text

MAX_RECORDS = 100_000  # findings, edits, overrides
MAX_ROW = 1_048_576  # a worksheet row number
CASE_KEYS = frozenset(
    {
        "schema",
        "note",
        "source",
        "plan_date",
        "person",
        "settings",
        "fee_lines",
        "lab_lines",
        "input_findings",
        "columns",
        "patient_cells",
        "overrides",
        "edits",
        "status",
        "paid",
        "left_out",
    }
)
EDIT_KEYS = frozenset({"kind", "index", "field", "value"})
EDIT_KEYS_1 = frozenset({"kind", "index", "field", "text"})  # hkp-case/1 kept the text the user typed
SCHEMA_1 = "hkp-case/1"


def _value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")  # "0.0000001", never "1E-7": the reader takes digits and a point only
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_value(v) for v in value]
    if isinstance(value, Teeth):
        return value.text
    return value


def _record(item: Any) -> dict[str, Any]:
    return {f.name: _value(getattr(item, f.name)) for f in dataclasses.fields(item) if f.init}


def _finding_record(finding: Finding) -> dict[str, Any]:
    record = _record(finding)
    record["phrase"] = phrase_data(finding.phrase)
    return record


def case_json(case: Case) -> dict[str, Any]:
    plan = case.original
    return {
        "schema": SCHEMA,
        "source": plan.source,
        "plan_date": _value(case.plan_date),
        "person": _record(case.person),
        "settings": dict(case.settings),
        "fee_lines": [_record(line) for line in plan.fee_lines],
        "lab_lines": [_record(line) for line in plan.lab_lines],
        "input_findings": [_finding_record(finding) for finding in plan.input_findings],
        "columns": plan.columns,
        "patient_cells": plan.patient_cells,
        "overrides": [_record(o) for o in case.overrides],
        "edits": [{"kind": k, "index": i, "field": f, "value": _value(v)} for (k, i, f), v in sorted(case.edits.items())],
        "note": case.note,
        "status": case.status,
        "paid": _value(case.paid),
    } | left_out_json(plan)


def _fee_line(data: Any, where: str) -> FeeLine:
    fields = Fields(data, where, field_names(FeeLine))
    return FeeLine(
        sheet=fields.text("sheet", required=True, limit=SHEET_NAME_LIMIT),
        row=int(fields.whole("row", 0, MAX_ROW, required=True) or 0),
        number=without_invisible(fields.text("number", required=True, limit=20)),  # as a workbook's is read
        schedule=fields.parsed("schedule", schedule_value) or Schedule.GOZ,
        date=fields.parsed("date", iso_date),
        teeth=fields.parsed("teeth", teeth_value) or parse_teeth(None),
        description=fields.text("description"),
        count=fields.parsed("count", number_reader("count"), required=True),
        factor=fields.parsed("factor", number_reader("factor"), required=True),
        amount=fields.parsed("amount", number_reader("amount")),
        justification=fields.text("justification"),
        accident=fields.flag("accident"),
        manual_class=fields.parsed("manual_class", line_class_value),
        confirmed=fields.flag("confirmed"),
        session=fields.parsed("session", session_value) or "",
    )


def _lab_line(data: Any, where: str) -> LabLine:
    fields = Fields(data, where, field_names(LabLine))
    return LabLine(
        sheet=fields.text("sheet", required=True, limit=SHEET_NAME_LIMIT),
        row=int(fields.whole("row", 0, MAX_ROW, required=True) or 0),
        code=without_invisible(fields.text("code", required=True, limit=20)),
        unit_price=fields.parsed("unit_price", number_reader("amount"), required=True),
        date=fields.parsed("date", iso_date),
        teeth=fields.parsed("teeth", teeth_value) or parse_teeth(None),
        description=fields.text("description"),
        quantity=fields.parsed("quantity", number_reader("quantity"), required=True),
        vat_percent=fields.parsed("vat_percent", number_reader("vat")),
        amount=fields.parsed("amount", number_reader("amount")),
        manual_class=fields.parsed("manual_class", line_class_value),
        session=fields.parsed("session", session_value) or "",
    )


def _person(data: Any) -> Person:
    fields = Fields(data, "person", field_names(Person))
    prior = fields.records("prior_class_a", MAX_CAP_YEARS)
    amount = number_reader("amount")
    try:
        years = tuple(amount(value) for value in prior)
    except CellError as error:
        raise CaseError(f"person, Feld „prior_class_a“: {text(error.phrase)}") from None
    return Person(
        name=fields.text("name"),
        birth_date=fields.parsed("birth_date", iso_date),
        insurance_number=fields.text("insurance_number", limit=MAX_INSURANCE_NUMBER),
        practice=fields.text("practice"),
        practice_address=fields.text("practice_address"),
        variant=fields.parsed("variant", _variant) or "",
        insurance_start=fields.parsed("insurance_start", iso_date),
        cooperating=fields.flag("cooperating"),
        accident=fields.flag("accident"),
        prior_class_a=years,
        prior_source=fields.text("prior_source"),
        deductible_used=fields.parsed("deductible_used", amount) or Decimal(0),
        pzr_reimbursed=fields.parsed("pzr_reimbursed", amount) or Decimal(0),
        implants_upper=int(fields.whole("implants_upper", 0, 16) or 0),
        implants_lower=int(fields.whole("implants_lower", 0, 16) or 0),
        orthodontics_start=fields.parsed("orthodontics_start", iso_date),
        street=fields.text("street"),
        postcode=fields.parsed("postcode", _postcode) or "",
        city=fields.text("city"),
    )


def _postcode(value: Any) -> str:
    return "" if value == "" else parse_postcode(value)


def _variant(value: Any) -> str:
    return "" if value == "" else parse_variant(value, load_tariffs().variants)


def _finding(data: Any, where: str, first_schema: bool) -> Finding:
    fields = Fields(data, where, frozenset({"severity", "code", "message", "sheet", "row", "column", "section", "phrase"}))
    severity = fields.text("severity", required=True, limit=10)
    if severity not in {s.value for s in Severity}:
        raise CaseError(f"{where}, Feld „severity“: error, warning oder info erwartet")
    if first_schema:  # hkp-case/1 kept a finding's German sentence: it stays a note in its own words
        fields.text("code", required=True, limit=60)
        phrase = say(Code.INPUT_NOTE, text=fields.text("message", required=True, limit=4 * MAX_TEXT))
    else:
        try:
            phrase = phrase_from_data(fields.mapping("phrase"))
        except PhraseDataError as error:
            raise CaseError(f"{where}, Feld „phrase“: {error}") from None
    return Finding(
        Severity(severity),
        phrase,
        fields.text("sheet", limit=SHEET_NAME_LIMIT),
        fields.whole("row", 0, MAX_ROW, default=None),
        fields.text("column", limit=40),
        fields.text("section", limit=60),
    )


def _override(data: Any, where: str) -> Override:
    fields = Fields(data, where, field_names(Override))
    return Override(
        fields.text("sheet", required=True, limit=SHEET_NAME_LIMIT),
        int(fields.whole("row", 0, MAX_ROW, required=True) or 0),
        fields.text("reviewer", required=True, limit=MAX_REVIEWER),
        fields.text("reason", required=True),
        fields.parsed("eligible", cents_value),
        fields.parsed("line_class", line_class_value),
        fields.text("seen", limit=MAX_SEEN),
    )


def _text_map(value: dict[str, Any], where: str) -> dict[str, str]:
    if not all(isinstance(k, str) and isinstance(v, str) and len(k) <= 100 and len(v) <= 100 for k, v in value.items()):
        raise CaseError(f"{where}: Texte erwartet")
    return dict(value)


def _each_place_once(plan: Plan) -> None:
    """A sheet's row holds one line of the plan: two lines of a file at one place are refused (a reviewer's decision
    and every note about that row would act on one of them unsaid)."""
    seen: dict[tuple[str, int], str] = {}
    named: list[tuple[PlanLine, str]] = [(line, f"Leistung {i + 1}") for i, line in enumerate(plan.fee_lines)]
    named += [(line, f"Labor {i + 1}") for i, line in enumerate(plan.lab_lines)]
    for line, where in named:
        if (first := seen.setdefault((line.sheet, line.row), where)) != where:
            raise CaseError(
                f"{first} und {where}: beide Blatt „{shown(line.sheet)}“ Zeile {line.row} – jede Zeile des Plans nur einmal"
            )


def case_from_json(data: Any) -> Case:
    """A case from its JSON form; CaseError naming what is wrong when it is not a valid case."""
    if not isinstance(data, dict) or data.get("schema") not in (SCHEMA, SCHEMA_1):
        raise CaseError(f"keine Falldatei ({SCHEMA})")
    first_schema = data["schema"] == SCHEMA_1
    fields = Fields(data, "Fall", CASE_KEYS)
    fee_data = fields.records("fee_lines", MAX_LINES, required=True)
    lab_data = fields.records("lab_lines", MAX_LINES, required=True)
    left_data = fields.records("left_out", MAX_LINES)
    if len(fee_data) + len(lab_data) + len(left_data) > MAX_LINES:
        raise CaseError(f"mehr als {MAX_LINES} Zeilen; so große Pläne werden nicht gelesen")
    columns = fields.mapping("columns")
    plan = Plan(
        tuple(_fee_line(d, f"Leistung {i + 1}") for i, d in enumerate(fee_data)),
        tuple(_lab_line(d, f"Labor {i + 1}") for i, d in enumerate(lab_data)),
        _person(fields.mapping("person", required=True)),
        fields.parsed("plan_date", iso_date),
        fields.text("source", limit=4_096),
        tuple(_finding(d, f"Hinweis {i + 1}", first_schema) for i, d in enumerate(fields.records("input_findings", MAX_RECORDS))),
        {str(sheet): _text_map(Fields(letters, "columns").data, "columns") for sheet, letters in columns.items()},
        _text_map(fields.mapping("patient_cells"), "patient_cells"),
        left_out=tuple(left_out_line(d, f"ausgelassene Zeile {i + 1}", MAX_ROW) for i, d in enumerate(left_data)),
    )
    _each_place_once(plan)
    if any(line.session for line in plan.fee_lines) or any(line.session for line in plan.lab_lines):
        # the estimate says the sessions as they stand; what a version saved of them as read goes
        said = tuple(f for f in plan.input_findings if f.phrase.code not in (Code.INPUT_SESSION_DATE, Code.INPUT_SESSIONS))
        plan = dataclasses.replace(plan, input_findings=said)
    overrides = tuple(_override(d, f"Prüfung {i + 1}") for i, d in enumerate(fields.records("overrides", MAX_RECORDS)))
    if len({(o.sheet, o.row) for o in overrides}) < len(overrides):
        raise CaseError("overrides: mehr als eine Prüfung für eine Zeile")
    settings = _text_map(fields.mapping("settings"), "settings")
    tariff = load_tariffs().for_variant(plan.person.variant) or load_tariffs().default
    try:
        tariff.profile.settings(settings)
    except SettingError as error:
        raise CaseError(str(error)) from None
    note = fields.text("note", limit=MAX_NOTE)
    status, paid = _standing(fields)
    case = Case(plan, plan.person, plan.plan_date, settings=settings, overrides=overrides, note=note, status=status, paid=paid)
    changes: list[tuple[EditKey, Any]] = []
    for index, edit in enumerate(fields.records("edits", MAX_RECORDS)):
        where = f"Änderung {index + 1}"
        edit_fields = Fields(edit, where, EDIT_KEYS_1 if first_schema else EDIT_KEYS)
        key: EditKey = (
            edit_fields.text("kind", required=True, limit=10),
            int(edit_fields.whole("index", 0, MAX_LINES, required=True) or 0),
            edit_fields.text("field", required=True, limit=40),
        )
        if first_schema:
            case.check_editable(key)  # as with_edit checks before it parses
            changes.append((key, parse_edit(key[2], edit_fields.text("text", required=True), typed=False)))
        elif key[2] not in EDITABLE.get(key[0], {}):
            raise CaseError(f"{where}: Feld {shown(key[2])} ist nicht änderbar")
        else:
            changes.append((key, edit_fields.parsed("value", EDIT_READERS[key[2]]) if "value" in edit else None))
    return case.with_values(changes)


def _standing(fields: Fields) -> tuple[str, Decimal | None]:
    """Where the case stands with the insurer: its status and the amount paid."""
    status = fields.text("status", limit=20) or DRAFT
    if status not in STATUSES:
        raise CaseError(f"Feld „status“: {', '.join(STATUSES)} erwartet, „{shown(status)}“ gefunden")
    return status, fields.parsed("paid", number_reader("amount"))


def saved_state(path: Path) -> tuple[str, Decimal | None, str]:
    """The status and amount paid the case file holds now (set meanwhile by the register, the command line or
    another workstation), and the digest of its case (case_digest); CaseError when the file cannot be read."""
    data = bounded_json(Path(path))
    if not isinstance(data, dict) or data.get("schema") not in (SCHEMA, SCHEMA_1):
        raise CaseError(f"{Path(path).name}: keine Falldatei ({SCHEMA})")
    try:
        status, paid = _standing(Fields(data, "Fall", CASE_KEYS))
        return status, paid, case_digest(case_from_json(data))
    except CaseError as error:
        raise CaseError(f"{Path(path).name}: {error}") from None


def case_digest(case: Case) -> str:
    """A digest of a case besides its status and amount paid (which the register sets), as this version writes it:
    a file whose digest differs from the one taken when it was read or written here was changed by someone else."""
    import hashlib  # noqa: PLC0415 - OpenSSL loads when a case file is, not at each start and estimate

    data = {key: value for key, value in case_json(case).items() if key not in ("status", "paid")}
    return hashlib.sha256(json_text(data).encode("utf-8", "surrogatepass")).hexdigest()


def save_case(case: Case, path: Path) -> None:
    """Write the case atomically, readable by its owner only."""
    atomic_write_text(path, json_text(case_json(case)))


def load_case(path: Path) -> Case:
    """A case from a file; CaseError with the file's name and one reason when it cannot be used."""
    path = Path(path)
    data = bounded_json(path)
    try:
        return case_from_json(data)
    except CaseError as error:
        raise CaseError(f"{path.name}: {error}") from None


def is_case_file(path: Path) -> bool:
    """Case file or workbook: the one place that decides, by the file's name."""
    return path.name.lower().endswith(".json")


def open_case(path: Path, tariff: str = "") -> Case:
    """A case from a case file or from a workbook (.xlsx, .xlsm, .ods); PlanReadError or CaseError when it cannot be read.
    A tariff given (`hkp --tariff`) takes the place of the workbook's, also of one that does not exist."""
    if is_case_file(path):
        return load_case(path)
    from estimator.io.excel import read_plan  # noqa: PLC0415 - the workbook reader loads when a workbook is opened

    return Case.from_plan(read_plan(path, tariff))
