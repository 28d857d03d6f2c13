"""Engine invariants beyond the rule tests: limits per year are never exceeded, removing a line never helps."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from estimator.model import Plan
from tests.estimator.test_properties import PROPERTY, SETTINGS, assert_class_a_within_cumulative_caps, plans, run


@PROPERTY
@given(plans(), SETTINGS)
def test_staged_cap_is_never_exceeded_in_any_insurance_year(plan: Plan, chosen: dict[str, object]) -> None:
    for year in run(plan, chosen).limits.staged_cap:
        assert year.used_by_plan >= 0
        assert year.used_before + year.used_by_plan <= max(year.cumulative_cap, year.used_before)


@PROPERTY
@given(plans(), SETTINGS)
def test_deductible_is_never_exceeded_in_any_calendar_year(plan: Plan, chosen: dict[str, object]) -> None:
    for year in run(plan, chosen).limits.deductible:
        assert Decimal(0) <= year.used_by_plan <= max(Decimal(0), year.amount - year.used_before)


@PROPERTY
@given(plans(), SETTINGS)
def test_pzr_limit_is_never_exceeded(plan: Plan, chosen: dict[str, object]) -> None:
    for year in run(plan, chosen).limits.pzr:
        assert year.used_by_plan <= max(Decimal(0), year.limit - year.used_before)


@PROPERTY
@given(plans(), SETTINGS, st.data())
def test_removing_a_line_never_lets_the_others_exceed_the_caps(
    plan: Plan, chosen: dict[str, object], data: st.DataObject
) -> None:
    """The others may gain (cap room or deductible freed, or a preparatory line no longer class A – the
    total is not monotone by the tariff's own rules), but never beyond what the caps and limits allow."""
    lines = [("fee", i) for i in range(len(plan.fee_lines))] + [("lab", i) for i in range(len(plan.lab_lines))]
    if not lines:
        return
    kind, index = data.draw(st.sampled_from(lines))
    fees, labs = list(plan.fee_lines), list(plan.lab_lines)
    del (fees if kind == "fee" else labs)[index]
    smaller = dataclasses.replace(plan, fee_lines=tuple(fees), lab_lines=tuple(labs))
    without = run(smaller, chosen)
    assert all(line.benefit <= line.eligible for line in without.lines)
    assert_class_a_within_cumulative_caps(without, plan.person, str(chosen["insurance_year"]))
    for deductible in without.limits.deductible:
        assert deductible.used_by_plan <= max(Decimal(0), deductible.amount - deductible.used_before)


@PROPERTY
@given(plans(), SETTINGS)
def test_equal_input_gives_equal_output_also_across_copies(plan: Plan, chosen: dict[str, object]) -> None:
    copy = dataclasses.replace(plan, fee_lines=tuple(plan.fee_lines), lab_lines=tuple(plan.lab_lines))
    first, second = run(plan, chosen), run(copy, dict(chosen))
    assert first.totals == second.totals and first.lines == second.lines and first.findings == second.findings
