"""The engine's cost is linear in the lines of a plan: counted, not timed. The count is the lines of the engine's
own code executed (each loop turn included), so a loop over all lines inside a loop over all lines shows."""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType
from typing import Any

import estimator
from estimator.rules.engine import estimate
from estimator.samples import synthetic_plan
from estimator.tariff.catalogues import load_tariffs

PACKAGE = str(Path(estimator.__file__).resolve().parent)


def engine_lines_executed(lines: int) -> int:
    plan, tariffs = synthetic_plan(lines), load_tariffs()
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
