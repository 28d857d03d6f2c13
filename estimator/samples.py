"""Synthetic but realistic plans of any size, for benchmarks, screenshots and tests."""

from __future__ import annotations

import datetime as dt
import random
import tomllib
from decimal import Decimal
from functools import cache
from typing import Any

from estimator.kinds import Schedule
from estimator.model import FeeLine, LabLine, Person, Plan
from estimator.resources import RESOURCES
from estimator.teeth import PERMANENT, parse_teeth


@cache
def _blocks() -> tuple[tuple[Any, ...], frozenset[str], str]:
    """Typical building blocks of a plan (resources/examples/samples.toml): fee and lab lines on one tooth."""
    data = tomllib.loads((RESOURCES / "examples" / "samples.toml").read_text(encoding="utf-8"))
    blocks = tuple((tuple(map(tuple, b["fees"])), tuple(map(tuple, b["labs"]))) for b in data["blocks"])
    return blocks, frozenset(data["surcharges"]), str(data["variant"])


def synthetic_plan(lines: int, seed: int = 1, start: dt.date = dt.date(2026, 1, 1)) -> Plan:
    """A plan of about `lines` fee and lab lines, spread over the year, deterministic for a seed."""
    blocks, surcharges, variant = _blocks()
    rng = random.Random(seed)
    fees: list[FeeLine] = []
    labs: list[LabLine] = []
    day = dt.date(2026, 2, 2)
    surcharge_days: set[dt.date] = set()
    while len(fees) + len(labs) < lines:
        tooth = str(rng.choice(PERMANENT))
        block_fees, block_labs = rng.choice(blocks)
        for number, factor in block_fees:
            if number in surcharges:
                if day in surcharge_days:
                    continue  # one surcharge per treatment day, as a practice bills it
                surcharge_days.add(day)
            fees.append(
                FeeLine("Leistungen", len(fees) + 2, number, Schedule.GOZ, day, parse_teeth(tooth), factor=Decimal(factor))
            )
        for code, price, quantity in block_labs:
            over = Decimal(rng.choice(["0.00", "0.00", "0.00", "4.50"]))
            labs.append(
                LabLine("Labor", len(labs) + 2, code, Decimal(price) + over, day, parse_teeth(tooth), quantity=Decimal(quantity))
            )
        if rng.random() < 0.3:
            day += dt.timedelta(days=rng.randint(5, 30))
    person = Person(
        name="Max Beispiel",
        birth_date=dt.date(1980, 4, 12),
        insurance_number="B987654321",
        practice="Zahnarztpraxis Dr. Muster",
        practice_address="Hauptstraße 1, 50667 Köln",
        variant=variant,
        insurance_start=start,
    )
    return Plan(tuple(fees), tuple(labs)[: max(0, lines - len(fees))], person, dt.date(2026, 2, 1), "synthetisch")
