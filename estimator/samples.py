"""Synthetic but realistic plans of any size, for benchmarks, screenshots and tests."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from estimator.model import FeeLine, LabLine, Person, Plan, Schedule
from estimator.teeth import PERMANENT, parse_teeth

# A crown with its preparation and lab work; a filling; an implant; prophylaxis: typical HKP building blocks.
CROWN = (("0090", "2.3"), ("2197", "2.3"), ("2210", "2.3"))
CROWN_LAB = (("0001", "5.70", 2), ("0344", "61.50", 1), ("0602", "78.60", 1))
INLAY = (("0090", "2.3"), ("2170", "2.3"))
INLAY_LAB = (("0322", "107.10", 1),)
IMPLANT = (("9010", "2.3"), ("0530", "1.0"), ("2200", "2.3"))
IMPLANT_LAB = (("I 111", "200.00", 1), ("I 115", "73.40", 1))
BLOCKS = ((CROWN, CROWN_LAB), (INLAY, INLAY_LAB), (IMPLANT, IMPLANT_LAB))
SURCHARGES = ("0530",)


def synthetic_plan(lines: int, seed: int = 1, start: dt.date = dt.date(2026, 1, 1)) -> Plan:
    """A plan of about `lines` fee and lab lines, spread over the year, deterministic for a seed."""
    rng = random.Random(seed)
    fees: list[FeeLine] = []
    labs: list[LabLine] = []
    day = dt.date(2026, 2, 2)
    surcharge_days: set[dt.date] = set()
    while len(fees) + len(labs) < lines:
        tooth = str(rng.choice(PERMANENT))
        block_fees, block_labs = rng.choice(BLOCKS)
        for number, factor in block_fees:
            if number in SURCHARGES:
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
        variant="BM5/1",
        insurance_start=start,
    )
    return Plan(tuple(fees), tuple(labs)[: max(0, lines - len(fees))], person, dt.date(2026, 2, 1), "synthetisch")
