"""The engine's cost is linear in the lines of a plan: counted, not timed. The count is the lines of the engine's
own code executed (each loop turn included), so a loop over all lines inside a loop over all lines shows."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from types import FrameType
from typing import Any

import estimator
from estimator.kinds import LineClass
from estimator.model import Override, Plan
from estimator.rules.engine import estimate
from estimator.samples import synthetic_plan
from estimator.tariff.catalogues import load_tariffs
from tests.estimator.builders import fee, lab, plan

PACKAGE = str(Path(estimator.__file__).resolve().parent)


def engine_lines_executed(lines: int | Plan) -> int:
    plan, tariffs = synthetic_plan(lines) if isinstance(lines, int) else lines, load_tariffs()
    count = 0

    def tracer(frame: FrameType, event: str, _arg: Any) -> Any:
        nonlocal count
        if event == "call":
            return tracer if frame.f_code.co_filename.startswith(PACKAGE) else None
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        estimate(plan, tariffs)
    finally:
        sys.settrace(None)
    return count


def test_ten_times_the_lines_cost_at_most_twelve_times_the_work() -> None:
    estimate(synthetic_plan(50), load_tariffs())  # loads and caches outside the count
    small, large = engine_lines_executed(300), engine_lines_executed(3_000)
    assert small > 10_000  # the count sees the engine at work
    assert large <= 12 * small, (small, large, large / small)


def surcharges_of_a_refused_implant(count: int) -> Plan:
    """An implant a reviewer's class X refuses, and `count` surgeries with `count` surcharges on its tooth and day:
    each surcharge looks for another service to belong to (it looked at every service of the day)."""
    lines = [fee("9010", "16", manual_class="X")]
    lines += [fee("3000", "16") for _ in range(count)] + [fee("0530", "16", factor="1.0") for _ in range(count)]
    return plan(*lines)


def undated_lab_work_on_a_tooth_of_many_days(count: int) -> Plan:
    """`count` fee lines on a tooth, each on its own day, and `count` lab lines there without a date: each looked at
    every day (and said them all)."""
    days = [dt.date(2026, 1, 1) + dt.timedelta(days=i) for i in range(count)]
    return plan(*[fee("2060", "16", date=day) for day in days], *[lab("0001", "16", "10.00", date=None) for _ in days])


def crowns_refused_beside_their_lab_work(count: int) -> Plan:
    """`count` crowns on one tooth, each refused by a reviewer, and `count` lab lines there: each refusal looked at
    every line for the lab work that stays beside it (the reserve refuses implants of unknown place so, by the
    thousand)."""
    refusals = tuple(
        Override("Leistungen", row, "M. Prüfer", "nicht notwendig", line_class=LineClass.X) for row in range(2, count + 2)
    )
    return plan(
        *[fee("2210", "16") for _ in range(count)], *[lab("0001", "16", "10.00") for _ in range(count)], overrides=refusals
    )


def test_shapes_that_were_quadratic_cost_at_most_twelve_times_the_work_at_ten_times_the_lines() -> None:
    shapes = (surcharges_of_a_refused_implant, undated_lab_work_on_a_tooth_of_many_days, crowns_refused_beside_their_lab_work)
    for shape in shapes:
        small, large = engine_lines_executed(shape(100)), engine_lines_executed(shape(1_000))
        assert large <= 12 * small, (shape.__name__, small, large, large / small)
