"""Small builders for plans in tests: a fee line, a lab line, a person, a plan, an estimate."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

from estimator.kinds import LineClass, Schedule
from estimator.model import Estimate, FeeLine, LabLine, LineResult, Override, Person, Plan
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from estimator.teeth import parse_teeth

PLAN_DATE = dt.date(2026, 3, 10)
OLD_START = dt.date(2010, 1, 1)  # insurance year > 4: no staged cap


def fee(number: str, tooth: str = "", **fields: Any) -> FeeLine:
    schedule = fields.pop("schedule", Schedule.GOZ)
    values: dict[str, Any] = {"date": PLAN_DATE, "factor": Decimal("2.3"), **fields}
    for name in ("factor", "count", "amount"):
        if name in values and values[name] is not None:
            values[name] = Decimal(str(values[name]))
    if "manual_class" in values and isinstance(values["manual_class"], str):
        values["manual_class"] = LineClass(values["manual_class"])
    return FeeLine(sheet="Leistungen", row=0, number=number, schedule=schedule, teeth=parse_teeth(tooth), **values)


def goae(number: str, tooth: str = "", **fields: Any) -> FeeLine:
    return fee(number, tooth, schedule=Schedule.GOAE, **fields)


def lab(code: str, tooth: str = "", price: str | Decimal = "10.00", **fields: Any) -> LabLine:
    values: dict[str, Any] = {"date": PLAN_DATE, **fields}
    for name in ("quantity", "vat_percent", "amount"):
        if name in values and values[name] is not None:
            values[name] = Decimal(str(values[name]))
    return LabLine(sheet="Labor", row=0, code=code, unit_price=Decimal(str(price)), teeth=parse_teeth(tooth), **values)


def person(**fields: Any) -> Person:
    values: dict[str, Any] = {"birth_date": dt.date(1975, 6, 15), "insurance_start": OLD_START, "variant": "BM5/0", **fields}
    if "prior_class_a" in values:
        values["prior_class_a"] = tuple(Decimal(str(v)) for v in values["prior_class_a"])
    for name in ("deductible_used", "pzr_reimbursed"):
        if name in values:
            values[name] = Decimal(str(values[name]))
    return Person(**values)


def plan(
    *lines: FeeLine | LabLine, plan_date: dt.date | None = PLAN_DATE, overrides: tuple[Override, ...] = (), **person_fields: Any
) -> Plan:
    """A plan with rows numbered as in a workbook (header in row 1), with a reviewer's decisions if given."""
    fees = [line for line in lines if isinstance(line, FeeLine)]
    labs = [line for line in lines if isinstance(line, LabLine)]
    return Plan(
        fee_lines=tuple(dataclasses.replace(line, row=i + 2) for i, line in enumerate(fees)),
        lab_lines=tuple(dataclasses.replace(line, row=i + 2) for i, line in enumerate(labs)),
        person=person(**person_fields),
        plan_date=plan_date,
        overrides=overrides,
    )


def run(*lines: FeeLine | LabLine, settings: dict[str, object] | None = None, **person_fields: Any) -> Estimate:
    return estimate(plan(*lines, **person_fields), load_tariffs(), settings)


def line(result: Estimate, sheet: str, row: int) -> LineResult:
    return next(r for r in result.lines if r.line.sheet == sheet and r.line.row == row)


def fee_result(result: Estimate, position: int = 0) -> LineResult:
    return [r for r in result.lines if r.kind == "fee"][position]


def lab_result(result: Estimate, position: int = 0) -> LineResult:
    return [r for r in result.lines if r.kind == "lab"][position]


def codes(result: Estimate) -> list[str]:
    return [f.code for f in result.findings]


def money(text: str) -> Decimal:
    return Decimal(text)
