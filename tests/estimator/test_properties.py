"""Invariants over random plans (hypothesis): amounts ordered, totals exact, caps held, accident never hurts."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from estimator.kinds import Cause, LineClass
from estimator.model import Estimate, FeeLine, LabLine, Override, Person, Plan
from estimator.rules.engine import estimate
from estimator.rules.limits import insurance_year
from estimator.tariff.catalogues import load_tariffs
from estimator.teeth import PERMANENT, parse_teeth

CATALOGUES = load_tariffs()
FEE_NUMBERS = [
    "0010",
    "0090",
    "2060",
    "2170",
    "2197",
    "2210",
    "2200",
    "3000",
    "4050",
    "5010",
    "1040",
    "9010",
    "0500",
    "0530",
    "6030",
    "7000",
    "8000",
    "2230",
    "9999",
    "0120",
    "1000",
    "1010",
    "1020",
    "1030",
    "2410",
    "4080",
    "7070",
    "2197a",
]
LAB_CODES = ["0001", "0322", "0323", "0344", "0602", "0901", "I 111", "I 112", "I 115", "0726", "0999"]
FACTORS = [Decimal(f) for f in ("1.0", "1.8", "2.3", "3.0", "3.5", "4.0")]
DAYS = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2030, 12, 31))
TEETH = st.one_of(st.just(""), st.sampled_from([str(t) for t in PERMANENT]), st.sampled_from(["OK", "UK", "14,15", "13-23"]))
AMOUNT = st.decimals(min_value=0, max_value=3000, places=2)


@st.composite
def fee_lines(draw: st.DrawFn) -> FeeLine:
    return FeeLine(
        sheet="Leistungen",
        row=0,
        number=draw(st.sampled_from(FEE_NUMBERS)),
        date=draw(DAYS),
        teeth=parse_teeth(draw(TEETH)),
        count=Decimal(draw(st.integers(1, 4))),
        factor=draw(st.sampled_from(FACTORS)),
        amount=draw(st.one_of(st.none(), AMOUNT)),
        justification=draw(st.sampled_from(["", "Befund erschwert"])),
        accident=draw(st.booleans()),
        manual_class=draw(st.one_of(st.none(), st.sampled_from(list(LineClass)))),
    )


@st.composite
def lab_lines(draw: st.DrawFn) -> LabLine:
    return LabLine(
        sheet="Labor",
        row=0,
        code=draw(st.sampled_from(LAB_CODES)),
        unit_price=draw(st.decimals(0, 300, places=2)),
        date=draw(DAYS),
        teeth=parse_teeth(draw(TEETH)),
        quantity=Decimal(draw(st.integers(1, 3))),
        vat_percent=draw(st.sampled_from([None, Decimal(7), Decimal(19), Decimal(0)])),
    )


@st.composite
def people(draw: st.DrawFn) -> Person:
    return Person(
        birth_date=draw(st.dates(dt.date(1940, 1, 1), dt.date(2020, 12, 31))),
        variant=draw(st.sampled_from(["BM5/0", "BM5/1", "BM5/2", "BM5/3"])),
        insurance_start=draw(st.dates(dt.date(2020, 1, 1), dt.date(2029, 12, 1))),
        cooperating=draw(st.booleans()),
        prior_class_a=tuple(draw(st.decimals(0, 1200, places=2)) for _ in range(4)),  # type: ignore[arg-type]
        deductible_used=draw(st.decimals(0, 500, places=2)),
        pzr_reimbursed=draw(st.decimals(0, 150, places=2)),
        implants_upper=draw(st.integers(0, 9)),
        implants_lower=draw(st.integers(0, 9)),
        orthodontics_start=draw(st.one_of(st.none(), st.dates(dt.date(2015, 1, 1), dt.date(2026, 12, 31)))),
    )


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    fees = draw(st.lists(fee_lines(), max_size=14))
    labs = draw(st.lists(lab_lines(), max_size=8))
    return Plan(
        fee_lines=tuple(dataclasses.replace(f, row=i + 2) for i, f in enumerate(fees)),
        lab_lines=tuple(dataclasses.replace(f, row=i + 2) for i, f in enumerate(labs)),
        person=draw(people()),
        plan_date=dt.date(2026, 3, 10),
    )


SETTINGS = st.fixed_dictionaries(
    {
        "insurance_year": st.sampled_from(["calendar", "anniversary"]),
        "deductible_order": st.sampled_from(["after_caps", "before_caps"]),
        "preparatory_by_tooth": st.booleans(),
        "checkup_is_prevention": st.booleans(),
        "fee_rounding": st.sampled_from(["exact", "simple_fee_first"]),
        "prophylaxis_frequency": st.sampled_from(["goz2012", "tariff_annex"]),
        "lab_owners": st.sampled_from(["named_teeth", "overlapping"]),
        "undated_lab_day": st.sampled_from(["services", "plan_date"]),
    }
)
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def run(plan: Plan, chosen: dict[str, object]) -> Estimate:
    return estimate(plan, CATALOGUES, chosen)


@PROPERTY
@given(plans(), SETTINGS)
def test_benefit_within_eligible_within_billed(plan: Plan, chosen: dict[str, object]) -> None:
    for line in run(plan, chosen).lines:
        assert Decimal(0) <= line.benefit <= line.eligible <= line.billed


@PROPERTY
@given(plans(), SETTINGS)
def test_every_line_benefit_is_in_whole_cents(plan: Plan, chosen: dict[str, object]) -> None:
    result = run(plan, chosen)
    assert all(r.benefit == r.benefit.quantize(Decimal("0.01")) for r in result.lines)


def assert_class_a_within_cumulative_caps(result: Estimate, person: Person, insurance_year_rule: str) -> None:
    """Class-A benefit of insurance years 1..k (not accident-caused) stays within the cumulative cap of year k."""
    start = person.insurance_start
    assert start is not None
    per_year = [Decimal(0)] * 4
    for line in result.lines:
        k = insurance_year(line.date, start, insurance_year_rule)
        if line.line_class is LineClass.A and not line.accident and 1 <= k <= 4:
            per_year[k - 1] += line.benefit
    for k in range(1, 5):
        allowed = max(Decimal(0), Decimal(1000 * k) - sum(person.prior_class_a[:k], Decimal(0)))
        assert sum(per_year[:k], Decimal(0)) <= allowed


@PROPERTY
@given(plans(), SETTINGS)
def test_class_a_benefit_never_exceeds_the_cumulative_cap(plan: Plan, chosen: dict[str, object]) -> None:
    assert_class_a_within_cumulative_caps(run(plan, chosen), plan.person, str(chosen["insurance_year"]))


@PROPERTY
@given(plans(), SETTINGS)
def test_marking_the_plan_as_accident_never_lowers_the_benefit(plan: Plan, chosen: dict[str, object]) -> None:
    accident = dataclasses.replace(plan, person=dataclasses.replace(plan.person, accident=True))
    assert run(accident, chosen).totals.benefit >= run(plan, chosen).totals.benefit


@PROPERTY
@given(plans(), SETTINGS, st.randoms(use_true_random=False))
def test_order_of_rows_with_distinct_dates_does_not_matter(plan: Plan, chosen: dict[str, object], rng: object) -> None:
    days = iter(dt.date(2026, 1, 1) + dt.timedelta(days=i) for i in range(1000))
    fees = [dataclasses.replace(f, date=next(days)) for f in plan.fee_lines]
    labs = [dataclasses.replace(f, date=next(days)) for f in plan.lab_lines]
    dated = dataclasses.replace(plan, fee_lines=tuple(fees), lab_lines=tuple(labs))
    rng.shuffle(fees)  # type: ignore[attr-defined]
    rng.shuffle(labs)  # type: ignore[attr-defined]
    shuffled = dataclasses.replace(plan, fee_lines=tuple(fees), lab_lines=tuple(labs))
    first, second = run(dated, chosen), run(shuffled, chosen)
    assert first.totals == second.totals
    by_line = {(r.line.sheet, r.line.row): (r.line_class, r.eligible, r.benefit) for r in first.lines}
    assert by_line == {(r.line.sheet, r.line.row): (r.line_class, r.eligible, r.benefit) for r in second.lines}


@PROPERTY
@given(plans(), SETTINGS)
def test_equal_input_gives_equal_output(plan: Plan, chosen: dict[str, object]) -> None:
    assert run(plan, chosen) == run(plan, chosen)


@st.composite
def reviewed_plans(draw: st.DrawFn) -> Plan:
    """A plan with a reviewer's decisions on some of its lines: an eligible amount, a class, or both."""
    plan = draw(plans())
    places = [(line.sheet, line.row) for line in (*plan.fee_lines, *plan.lab_lines)]
    chosen = draw(st.lists(st.sampled_from(places), unique=True, max_size=3)) if places else []
    overrides = tuple(
        Override(
            sheet,
            row,
            "M. Prüfer",
            "Prüfung",
            eligible=draw(st.one_of(st.none(), AMOUNT)),
            line_class=draw(st.one_of(st.none(), st.sampled_from(list(LineClass)))),
        )
        for sheet, row in chosen
    )
    return dataclasses.replace(plan, overrides=overrides)


@PROPERTY
@given(reviewed_plans(), SETTINGS)
def test_reductions_by_cause_sum_to_billed_minus_benefit(plan: Plan, chosen: dict[str, object]) -> None:
    result = run(plan, chosen)
    for line in result.lines:
        assert sum(line.reductions.values(), Decimal(0)) == line.billed - line.benefit
        assert all(amount >= 0 for cause, amount in line.reductions.items() if cause is not Cause.OVERRIDE)
        if line.line_class is LineClass.X:
            assert len(line.reductions) <= 1  # the whole billed amount goes to the one cause that made it X
    assert sum(result.reductions.values(), Decimal(0)) == result.totals.billed - result.totals.benefit
    assert list(result.reductions) == list(Cause)


HALF_FEES = [n for n in FEE_NUMBERS if n not in ("6030", "9999")]
HALF_LABS = ["0322", "0323", "0344", "0602", "I 111", "I 115"]  # no plan-wide share or per-jaw count decides these


@st.composite
def plans_across_two_insurance_years(draw: st.DrawFn) -> tuple[Plan, int]:
    """Insurance year k on the upper jaw, year k + 1 on the lower jaw (calendar insurance years)."""
    person = dataclasses.replace(draw(people()), orthodontics_start=None, accident=False)
    start = person.insurance_start
    assert start is not None
    k = draw(st.integers(1, 4))
    year = start.year + k - 1
    first_days = st.dates(max(start, dt.date(year, 1, 1)), dt.date(year, 12, 31))
    second_days = st.dates(dt.date(year + 1, 1, 1), dt.date(year + 1, 12, 31))
    lines: list[FeeLine | LabLine] = []
    for days, jaw in ((first_days, "OK"), (second_days, "UK")):
        teeth = st.sampled_from(["", jaw, *(str(t) for t in PERMANENT if (t // 10 in (1, 2)) == (jaw == "OK"))])
        for line in draw(st.lists(fee_lines(), max_size=8)):
            number = draw(st.sampled_from(HALF_FEES))
            lines.append(dataclasses.replace(line, number=number, date=draw(days), teeth=parse_teeth(draw(teeth))))
        for lab in draw(st.lists(lab_lines(), max_size=4)):
            code, tooth = draw(st.sampled_from(HALF_LABS)), draw(teeth.filter(bool))
            lines.append(dataclasses.replace(lab, code=code, date=draw(days), teeth=parse_teeth(tooth)))
    fees = [line for line in lines if isinstance(line, FeeLine)]
    labs = [line for line in lines if isinstance(line, LabLine)]
    plan = Plan(
        fee_lines=tuple(dataclasses.replace(f, row=i + 2) for i, f in enumerate(fees)),
        lab_lines=tuple(dataclasses.replace(f, row=i + 2) for i, f in enumerate(labs)),
        person=person,
        plan_date=dt.date(2026, 3, 10),
    )
    return plan, year


def paid_class_a(result: Estimate) -> Decimal:
    return sum((r.benefit for r in result.lines if r.line_class is LineClass.A and not r.accident), Decimal(0))


@PROPERTY
@given(plans_across_two_insurance_years())
def test_before_caps_one_plan_equals_its_two_halves_with_history(plan_and_year: tuple[Plan, int]) -> None:
    """With the deductible before the staged cap, splitting a plan at the turn of the insurance year changes
    nothing, once the first half's paid class-A benefit is the second half's history (spec 5.5)."""
    plan, year = plan_and_year
    chosen: dict[str, object] = {"insurance_year": "calendar", "deductible_order": "before_caps"}
    whole = run(plan, chosen)

    def half(keep: bool) -> Plan:
        return dataclasses.replace(
            plan,
            fee_lines=tuple(f for f in plan.fee_lines if ((f.date or plan.plan_date).year == year) is keep),  # type: ignore[union-attr]
            lab_lines=tuple(f for f in plan.lab_lines if ((f.date or plan.plan_date).year == year) is keep),  # type: ignore[union-attr]
        )

    first = run(half(True), chosen)
    k = year - plan.person.insurance_start.year  # type: ignore[union-attr]
    prior = list(plan.person.prior_class_a)
    prior[k] += paid_class_a(first)
    implants = {j.jaw: j.planned - j.excluded for j in first.limits.implants}
    history = dataclasses.replace(
        plan.person,
        prior_class_a=tuple(prior),  # type: ignore[arg-type]
        implants_upper=plan.person.implants_upper + implants["OK"],
        implants_lower=plan.person.implants_lower + implants["UK"],
    )
    second = run(dataclasses.replace(half(False), person=history), chosen)
    assert first.totals.benefit + second.totals.benefit == whole.totals.benefit
    halves = {(r.line.sheet, r.line.row): r.benefit for r in (*first.lines, *second.lines)}
    assert halves == {(r.line.sheet, r.line.row): r.benefit for r in whole.lines}
