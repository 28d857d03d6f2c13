"""The register's rows: an entry as a row of the cases table and back, every value read back checked as hostile
input."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal, DecimalException
from typing import Any, NamedTuple

from estimator.case import STATUSES
from estimator.register.entry import CalendarYear, Entry, YearBenefit, number_key
from estimator.register.persons import name_key
from estimator.teeth import VALID_TEETH

COLUMNS = [
    "path",
    "name",
    "name_key",
    "birth_date",
    "insurance_number",
    "number_key",
    "tariff",
    "insurance_start",
    "plan_date",
    "day",
    "treatment_dates",
    "status",
    "paid",
    "billed",
    "benefit",
    "years",
    "saved",
    "class_a",
    "calendar",
    "offered",
    "teeth",
]


MAX_CALENDAR_YEARS = 200  # calendar years one case's treatment days may span
MAX_AMOUNT, CENT = Decimal("1000000.00"), Decimal("0.01")  # what a case file holds as an amount (estimator.cells)
MAX_TOTAL = Decimal("10000000000.00")  # a plan's totals: 20,000 lines of up to a million each, and then some
UNREADABLE = (ValueError, TypeError, KeyError, DecimalException, OverflowError, RecursionError)  # a row not as written


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def row_of(entry: Entry) -> tuple[Any, ...]:
    years = [
        {
            "year": y.year,
            "start": y.start.isoformat(),
            "end": y.end.isoformat(),
            "class_a": str(y.class_a),
            "before": str(y.before),
        }
        for y in entry.years
    ]
    calendar = None
    if entry.calendar is not None:
        calendar = json.dumps(
            [
                {
                    "year": c.year,
                    "deductible": str(c.deductible),
                    "pzr": str(c.pzr),
                    "deductible_before": str(c.deductible_before),
                    "pzr_before": str(c.pzr_before),
                }
                for c in entry.calendar
            ]
        )
    return (
        entry.path,
        entry.name,
        name_key(entry.name),
        _iso(entry.birth_date),
        entry.insurance_number,
        number_key(entry.insurance_number),
        entry.tariff,
        _iso(entry.insurance_start),
        _iso(entry.plan_date),
        entry.day.isoformat(),
        json.dumps([d.isoformat() for d in entry.treatment_dates]),
        entry.status,
        None if entry.paid is None else str(entry.paid),
        str(entry.billed),
        str(entry.benefit),
        json.dumps(years),
        entry.saved.isoformat(),
        None if entry.class_a is None else str(entry.class_a),
        calendar,
        None if entry.offered is None else int(entry.offered),
        None if entry.teeth is None else json.dumps(sorted(entry.teeth)),
    )


def _date(value: Any) -> dt.date | None:
    """A day as the register writes one, in the years a plan can have (from 1900 up to 2200)."""
    if value is None:
        return None
    day = dt.date.fromisoformat(str(value))
    if not 1900 <= day.year <= 2200:
        raise ValueError(value)
    return day


def _money(value: Any) -> Decimal:
    """An amount of the register: from 0 to what a plan's totals can reach, in euros and cents."""
    amount = Decimal(str(value))
    if not amount.is_finite() or not 0 <= amount <= MAX_TOTAL or amount != amount.quantize(CENT):
        raise ValueError(value)
    return amount


def entry_from(values: tuple[Any, ...]) -> Entry:
    """An entry from a row as the file holds it (id, then COLUMNS); ValueError when the row is not one this program
    wrote."""
    row = dict(zip(("id", *COLUMNS), values, strict=True))
    years = json.loads(row["years"])
    dates = json.loads(row["treatment_dates"])
    if not isinstance(years, list) or not isinstance(dates, list) or row["status"] not in STATUSES:
        raise ValueError(row["id"])
    return Entry(
        path=str(row["path"]),
        name=str(row["name"]),
        birth_date=_date(row["birth_date"]),
        insurance_number=str(row["insurance_number"]),
        tariff=str(row["tariff"]),
        insurance_start=_date(row["insurance_start"]),
        plan_date=_date(row["plan_date"]),
        treatment_dates=tuple(dt.date.fromisoformat(str(d)) for d in dates),
        status=str(row["status"]),
        paid=None if row["paid"] is None else _money(row["paid"]),
        billed=_money(row["billed"]),
        benefit=_money(row["benefit"]),
        years=tuple(
            YearBenefit(
                int(y["year"]),
                _date(y["start"]) or dt.date.min,
                _date(y["end"]) or dt.date.min,
                _money(y["class_a"]),
                _money(y.get("before", "0.00")),
            )
            for y in years
        ),
        saved=dt.datetime.fromisoformat(str(row["saved"])),
        number=int(row["id"]),
        class_a=None if row["class_a"] is None else _money(row["class_a"]),
        calendar=None if row["calendar"] is None else _calendar(row["calendar"]),
        offered=None if row["offered"] is None else bool(int(row["offered"])),
        teeth=_teeth(row["teeth"]),
    )


def _teeth(value: Any) -> frozenset[int] | None:
    """The teeth of a case; None (not known) when the column is not as this program writes it."""
    try:
        teeth = json.loads(str(value)) if value is not None else None
    except UNREADABLE:
        return None
    if not isinstance(teeth, list) or len(teeth) > len(VALID_TEETH) or not all(t in VALID_TEETH for t in teeth):
        return None
    return frozenset(teeth)


def _calendar(value: Any) -> tuple[CalendarYear, ...] | None:
    """What a case used per calendar year; None (not known) when the column is not as this program writes it: the
    rest of the entry stays usable."""
    try:
        years = json.loads(str(value))
        if not isinstance(years, list) or len(years) > MAX_CALENDAR_YEARS:
            return None
        found = []
        for item in years:
            year = item["year"]
            if type(year) is not int or not 1900 <= year <= 9999:
                return None
            amounts = [_cents(item.get(key, "0")) for key in ("deductible", "pzr", "deductible_before", "pzr_before")]
            found.append(CalendarYear(year, *amounts))
    except (*UNREADABLE, AttributeError):
        return None
    return tuple(found) if len({c.year for c in found}) == len(found) else None


def _cents(value: Any) -> Decimal:
    """An amount as the register writes one: a text of euros and cents, from 0 to what a case file holds."""
    if not isinstance(value, str):
        raise TypeError(value)
    amount = Decimal(value)
    if not amount.is_finite() or not 0 <= amount <= MAX_AMOUNT or amount != amount.quantize(CENT):
        raise ValueError(value)
    return amount


class Listed(NamedTuple):
    """A case as a list shows it: what a search returns (the whole entry: Register.get)."""

    number: int
    path: str
    name: str
    birth_date: dt.date | None
    insurance_number: str
    day: dt.date
    status: str
    billed: Decimal
    benefit: Decimal
    paid: Decimal | None


LISTED = "id, path, name, birth_date, insurance_number, day, status, billed, benefit, paid"


def listed_from(row: tuple[Any, ...]) -> Listed:
    number, path, name, birth, insurance_number, day, status, billed, benefit, paid = row
    if status not in STATUSES:
        raise ValueError(number)
    return Listed(
        int(number),
        str(path),
        str(name),
        _date(birth),
        str(insurance_number),
        dt.date.fromisoformat(day),
        status,
        _money(billed),
        _money(benefit),
        None if paid is None else _money(paid),
    )
