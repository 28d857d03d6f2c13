"""A case: the plan as read, the person, the user's edits and Auslegung settings; saved as JSON (hkp-case/1).

The case file holds the whole plan, so it opens without the workbook it came from; the edits are kept
apart from the plan as read, so a reviewer sees what was changed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from estimator.cells import CellError, parse_amount, parse_class, parse_count, parse_date, parse_factor, parse_yes_no
from estimator.files import atomic_write_text
from estimator.model import FeeLine, Finding, LabLine, LineClass, Override, Person, Plan, Schedule, Severity
from estimator.money import german_date, german_factor, german_number
from estimator.teeth import ToothError, parse_teeth

SCHEMA = "hkp-case/1"
OWNER_ONLY = 0o600

# What a user may correct in a line, by line kind: field -> German column name.
EDITABLE: dict[str, dict[str, str]] = {
    "fee": {
        "date": "Datum",
        "teeth": "Zahn",
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
        "quantity": "Menge",
        "unit_price": "Einzelpreis",
        "amount": "Betrag",
        "manual_class": "Klasse",
    },
}
AMOUNT_INPUTS = ("count", "factor", "quantity", "unit_price")  # edits that change what a line's amount must be
EditKey = tuple[str, int, str]  # (kind, index of the line among its kind, field)


class CaseError(ValueError):
    """A case file or an edit that cannot be taken; the message says why in German."""


def _amount(text: str) -> Decimal | None:
    """An amount, or None for an empty text: the amount is then computed from the catalogue."""
    return parse_amount(text) if text.strip() else None


PARSERS: dict[str, Any] = {
    "date": lambda text: parse_date(text) if text.strip() else None,
    "teeth": parse_teeth,
    "count": parse_count,
    "quantity": parse_count,
    "factor": parse_factor,
    "unit_price": lambda text: _amount(text) or Decimal(0),
    "amount": _amount,
    "justification": str.strip,
    "accident": parse_yes_no,
    "manual_class": parse_class,
}


def parse_edit(field_name: str, text: str) -> Any:
    """The value a user's text means for a field; CaseError with a German message when it means nothing."""
    try:
        return PARSERS[field_name](text)
    except (CellError, ToothError) as error:
        raise CaseError(str(error)) from None


def edit_text(line: FeeLine | LabLine, field_name: str) -> str:
    """A line's field as the user sees and types it (German numbers and dates)."""
    value = getattr(line, field_name)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, dt.date):
        return german_date(value)
    if isinstance(value, LineClass):
        return value.value
    if field_name == "factor":
        return german_factor(value)
    if isinstance(value, Decimal):
        return german_number(value, 2 if field_name in ("amount", "unit_price") else 0 if value == value.to_integral() else 2)
    return str(value)


@dataclass(frozen=True)
class Case:
    """The plan as read, the person as it stands, and the user's edits of lines."""

    original: Plan
    person: Person
    plan_date: dt.date | None = None
    edits: Mapping[EditKey, str] = field(default_factory=dict)
    settings: Mapping[str, str] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()  # a reviewer's decisions, one per line

    @classmethod
    def from_plan(cls, plan: Plan) -> Case:
        return cls(plan, plan.person, plan.plan_date)

    def plan(self) -> Plan:
        """The plan with the person and every edit applied."""
        fees, labs = list(self.original.fee_lines), list(self.original.lab_lines)
        for (kind, index, name), text in self.edits.items():
            lines: list[Any] = fees if kind == "fee" else labs
            changes = {name: parse_edit(name, text)}
            if name in AMOUNT_INPUTS and (kind, index, "amount") not in self.edits:
                changes["amount"] = None  # the amount as read no longer fits; it is computed from the new input
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
        """This case with the reviewer's decision on one line replaced (None: removed)."""
        kept = tuple(o for o in self.overrides if (o.sheet, o.row) != (sheet, row))
        return dataclasses.replace(self, overrides=kept + ((override,) if override else ()))

    def with_edit(self, key: EditKey, text: str | None) -> Case:
        """This case with one field edited (text None: back to the value as read). Checks the text first."""
        kind, index, name = key
        lines = self.original.fee_lines if kind == "fee" else self.original.lab_lines
        if name not in EDITABLE.get(kind, {}) or not 0 <= index < len(lines):
            raise CaseError(f"Feld {name} der Zeile {index + 1} ist nicht änderbar")
        edits = dict(self.edits)
        if text is None or text == edit_text(lines[index], name):
            edits.pop(key, None)
        else:
            parse_edit(name, text)
            edits[key] = text
        return dataclasses.replace(self, edits=edits)


def _value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_value(v) for v in value]
    if hasattr(value, "teeth") and hasattr(value, "text"):
        return value.text
    return value


def _record(item: Any) -> dict[str, Any]:
    return {f.name: _value(getattr(item, f.name)) for f in dataclasses.fields(item) if f.init}


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
        "input_findings": [_record(finding) for finding in plan.input_findings],
        "columns": plan.columns,
        "patient_cells": plan.patient_cells,
        "overrides": [_record(o) for o in case.overrides],
        "edits": [{"kind": k, "index": i, "field": f, "text": t} for (k, i, f), t in sorted(case.edits.items())],
    }


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _decimal(text: str | None) -> Decimal | None:
    return Decimal(text) if text is not None else None


def _fee_line(data: dict[str, Any]) -> FeeLine:
    return FeeLine(
        sheet=str(data["sheet"]),
        row=int(data["row"]),
        number=str(data["number"]),
        schedule=Schedule(data["schedule"]),
        date=_date(data.get("date")),
        teeth=parse_teeth(data.get("teeth") or None),
        description=str(data.get("description", "")),
        count=Decimal(data["count"]),
        factor=Decimal(data["factor"]),
        amount=_decimal(data.get("amount")),
        justification=str(data.get("justification", "")),
        accident=bool(data.get("accident", False)),
        manual_class=LineClass(data["manual_class"]) if data.get("manual_class") else None,
        confirmed=bool(data.get("confirmed", False)),
    )


def _lab_line(data: dict[str, Any]) -> LabLine:
    return LabLine(
        sheet=str(data["sheet"]),
        row=int(data["row"]),
        code=str(data["code"]),
        unit_price=Decimal(data["unit_price"]),
        date=_date(data.get("date")),
        teeth=parse_teeth(data.get("teeth") or None),
        description=str(data.get("description", "")),
        quantity=Decimal(data["quantity"]),
        vat_percent=_decimal(data.get("vat_percent")),
        amount=_decimal(data.get("amount")),
        manual_class=LineClass(data["manual_class"]) if data.get("manual_class") else None,
    )


def _person(data: dict[str, Any]) -> Person:
    prior = tuple(Decimal(v) for v in data.get("prior_class_a", ["0"] * 4))
    if len(prior) != 4:
        raise CaseError("prior_class_a braucht vier Beträge (Versicherungsjahre 1 bis 4)")
    return Person(
        name=str(data.get("name", "")),
        birth_date=_date(data.get("birth_date")),
        insurance_number=str(data.get("insurance_number", "")),
        practice=str(data.get("practice", "")),
        practice_address=str(data.get("practice_address", "")),
        variant=str(data.get("variant", "BM5/0")),
        insurance_start=_date(data.get("insurance_start")),
        cooperating=bool(data.get("cooperating", False)),
        accident=bool(data.get("accident", False)),
        prior_class_a=(prior[0], prior[1], prior[2], prior[3]),
        deductible_used=Decimal(data.get("deductible_used", "0")),
        pzr_reimbursed=Decimal(data.get("pzr_reimbursed", "0")),
        implants_upper=int(data.get("implants_upper", 0)),
        implants_lower=int(data.get("implants_lower", 0)),
        orthodontics_start=_date(data.get("orthodontics_start")),
    )


def _finding(data: dict[str, Any]) -> Finding:
    return Finding(
        Severity(data["severity"]),
        str(data["code"]),
        str(data["message"]),
        str(data.get("sheet", "")),
        data.get("row"),
        str(data.get("column", "")),
        str(data.get("section", "")),
    )


def case_from_json(data: Any) -> Case:
    """A case from its JSON form; CaseError naming what is wrong when it is not a valid case."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise CaseError(f"keine Falldatei ({SCHEMA})")
    try:
        plan = Plan(
            tuple(_fee_line(d) for d in data["fee_lines"]),
            tuple(_lab_line(d) for d in data["lab_lines"]),
            _person(data["person"]),
            _date(data.get("plan_date")),
            str(data.get("source", "")),
            tuple(_finding(d) for d in data.get("input_findings", [])),
            dict(data.get("columns", {})),
            dict(data.get("patient_cells", {})),
        )
        overrides = tuple(
            Override(
                str(o["sheet"]),
                int(o["row"]),
                str(o["reviewer"]),
                str(o["reason"]),
                _decimal(o.get("eligible")),
                LineClass(o["line_class"]) if o.get("line_class") else None,
            )
            for o in data.get("overrides", [])
        )
        settings = {str(k): str(v) for k, v in data.get("settings", {}).items()}
        case = Case(plan, plan.person, plan.plan_date, settings=settings, overrides=overrides)
        for edit in data.get("edits", []):
            case = case.with_edit((str(edit["kind"]), int(edit["index"]), str(edit["field"])), str(edit["text"]))
    except (KeyError, TypeError, ValueError, InvalidOperation, ToothError) as error:
        raise CaseError(f"Falldatei beschädigt ({type(error).__name__}: {error})") from None
    return case


def save_case(case: Case, path: Path) -> None:
    """Write the case atomically, readable by its owner only."""
    atomic_write_text(path, json.dumps(case_json(case), ensure_ascii=False, indent=1) + "\n", OWNER_ONLY)


def load_case(path: Path) -> Case:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CaseError(f"{Path(path).name}: nicht lesbar ({type(error).__name__})") from None
    try:
        return case_from_json(data)
    except CaseError as error:
        raise CaseError(f"{Path(path).name}: {error}") from None
