"""The tariff engine: (plan, catalogues, Auslegung settings) -> estimate. Pure: no clock, no globals."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import replace

from estimator.auslegung import Auslegung, SettingError
from estimator.case import Case
from estimator.codes import Code
from estimator.kinds import Cause, LineClass, Severity
from estimator.limitrecords import Limits
from estimator.model import Estimate, FeeLine, Finding, LeftOutLine, Plan, PlanLine, Totals
from estimator.money import ZERO, cents
from estimator.phrases import Percent, Phrase, say, some
from estimator.rules.billing import UnitAllowance, beside_on_day, beside_prophylaxis, tooth_rules
from estimator.rules.classify import (
    apply_manual_class,
    apply_review_class,
    classify_fee_lines,
    is_orthodontic,
    orthodontics_begin,
    orthodontics_findings,
    orthodontics_is_young,
    surcharges_follow_their_service,
)
from estimator.rules.fees import fee_amounts, resolve_fee_number
from estimator.rules.jawhalves import jaw_half_rules
from estimator.rules.labclass import FeeIndex, Owners, classify_lab_line, code_rule, lab_accident
from estimator.rules.labprices import lab_amounts, lab_jaw_limits
from estimator.rules.limits import Deductible, StagedCap, history_findings, implant_limit, insurance_year, pzr_limit
from estimator.rules.materials import Materials, is_material
from estimator.rules.planchecks import (
    accident_in_part,
    dates_far_from_plan,
    dates_not_carried,
    earlier_benefits_assumed,
    lab_in_another_cap_year,
    milk_teeth_of_adults,
    not_yet_insured,
    plan_findings,
    sessions_named,
    teeth_restored_again,
    unsaid_of_class_x,
)
from estimator.rules.relatedfees import RelatedFees
from estimator.rules.reviews import amounts_on_class_x, apply_overrides, reviewed_amounts_cut
from estimator.rules.worksheet import Report, Work, line_ref
from estimator.tariff.catalogues import Catalogues, Tariff, Tariffs, load_tariffs, versions_used
from estimator.tariff.profile import Profile
from estimator.teeth import ToothError, parse_teeth

YearsOf = Callable[[dt.date], tuple[int, int]]  # a day's calendar and insurance year
LabDays = tuple[frozenset[dt.date], tuple[dt.date, ...], frozenset[tuple[int, int]]]  # days, in order, their years


def resolve_settings(profile: Profile, overrides: Mapping[str, object] | None = None) -> Auslegung:
    """The profile's Auslegung settings with the user's overrides, checked against the allowed values."""
    return profile.settings(overrides)


def tariff_of(plan: Plan, tariffs: Tariffs) -> tuple[Tariff, str]:
    """The tariff offering the person's variant, and the variant (the tariff's default when none is named)."""
    variant = plan.person.variant
    tariff = tariffs.for_variant(variant)
    if tariff is None:
        raise SettingError(f"Tarif „{variant}“ unbekannt; erlaubt: {', '.join(tariffs.variants)}")
    return tariff, variant or tariff.profile.default_variant


def plan_profile(tariff: Tariff, first_day: dt.date | None) -> Profile:
    """The plan's profile, for its plan-wide limits and sections: the one in force on its first treatment day."""
    return tariff.on(first_day).profile if first_day else tariff.profile


def estimate(plan: Plan, tariffs: Tariffs, overrides: Mapping[str, object] | None = None) -> Estimate:
    """Apply the tariff rules in the order of spec section 7 and explain every amount."""
    with _collector_paused():
        return _estimate(plan, tariffs, overrides)


def estimate_case(case: Case) -> Estimate:
    """The estimate of a case with its own settings, by the tariffs the program carries."""
    return estimate(case.plan(), load_tariffs(), dict(case.settings))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector waits while an estimate is made: the engine builds tens of thousands of small
    records and no cycles among them, and each full collection would walk them all again (for 30,000 lines that
    is a third of the time). What is left over is collected after. (Handing the records kept straight to the oldest
    generation – gc.freeze, then gc.unfreeze – would spare the young collection after, a tenth of the time for 30,000
    lines, but made the window's tests crash in a later collection: not done.)"""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _estimate(plan: Plan, tariffs: Tariffs, overrides: Mapping[str, object] | None) -> Estimate:
    tariff, variant = tariff_of(plan, tariffs)
    settings = resolve_settings(tariff.profile, overrides)
    person = plan.person
    findings: list[Finding] = list(plan.input_findings)

    def report(
        severity: Severity, phrase: Phrase, *, sheet: str = "", row: int | None = None, column: str = "", section: str = ""
    ) -> None:
        findings.append(Finding(severity, phrase, sheet, row, column, section))

    start, convention = person.insurance_start, settings.insurance_year

    def years_of(day: dt.date) -> tuple[int, int]:  # what the deductible and the staged caps count a day by
        return day.year, insurance_year(day, start, convention) if start else 0

    lab_days = years_of if settings.undated_lab_day == "services" else None
    fee_works, lab_works, used, undated = _works(plan, tariff, report, lab_days)
    if plan.overrides:  # a review's class acts from the classification on (estimator.rules.classify)
        by_place = {(w.line.sheet, w.line.row): w for w in (*fee_works, *lab_works)}
        for override in plan.overrides:
            if (work := by_place.get((override.sheet, override.row))) is not None:
                work.review = override
    if not person.variant:
        report(
            Severity.WARNING,
            say(Code.TARIFF_ASSUMED, variant=variant),
            sheet="Patient",
            section=tariff.profile.sections.deductible,
        )
    for catalogues in used.values():
        try:
            catalogues.profile.settings(overrides)
        except SettingError as error:
            raise SettingError(f"Tarifprofil {catalogues.profile.source.version}: {error}") from None
        if catalogues.profile.variant(variant) is None:
            raise SettingError(f"Tarif „{variant}“ gibt es im Tarifprofil {catalogues.profile.source.version} nicht")
    works = fee_works + lab_works
    first_day = min((w.date for w in works), default=plan.plan_date)
    profile = plan_profile(tariff, first_day)

    begin = orthodontics_begin(works, person)
    young = orthodontics_is_young(begin, person, (tariff.on(begin).profile if begin else profile).orthodontics_age_limit)
    classify_fee_lines(fee_works, settings, young=young, report=report)
    allowance, related = UnitAllowance(settings, fee_works), RelatedFees(fee_works)
    rounding, capped = settings.fee_rounding, settings.amount_above_maximum == "capped"
    laser_line, factor_cap = settings.laser_basis == "line", settings.amount_vs_factor == "factor"
    reason_capped = settings.reason_above_maximum == "capped"
    for work in sorted(fee_works, key=lambda w: w.order_key):
        fee_amounts(
            work,
            related,
            allowance=allowance,
            rounding=rounding,
            capped=capped,
            report=report,
            laser_line=laser_line,
            factor_cap=factor_cap,
            reason_capped=reason_capped,
        )
    beside_prophylaxis(fee_works, report)
    tooth_rules(fee_works, report)
    beside_on_day(fee_works, report)
    jaw_half_rules(fee_works, report)
    orthodontics_findings(works, begin, person, young=young, profile=profile, report=report)

    fees = FeeIndex(fee_works, named_teeth=settings.lab_owners == "named_teeth")
    materials: Materials | None = None  # summed up at the plan's first material line, if it has one
    held_a: set[int] = set()  # the lab lines that a class-A fee line read makes class A
    for work in lab_works:
        if is_material(work):
            materials = materials or Materials(fee_works)
            owners = materials.classify(work)
        else:
            owners = classify_lab_line(work, fees, young)
        if LineClass.A in owners.classes:
            held_a.add(id(work))
        apply_manual_class(work, work.lab.manual_class)
        apply_review_class(work)
        _lab_class_doubt(work, owners, report)
        work.accident = lab_accident(owners, person.accident)
    _beside_left_out([w for w in lab_works if id(w) not in held_a], plan.left_out, report)
    for work in sorted(lab_works, key=lambda w: w.order_key):  # findings in treatment order
        lab_amounts(work, report)

    not_yet_insured(works, person, report)
    implants = implant_limit(works, person, profile, report, preparatory_too=settings.implant_limit_scope == "with_preparatory")
    reviewed = apply_overrides(works, plan, undated, report)
    lab_jaw_limits(lab_works, report)
    surcharges_follow_their_service(fee_works, listed=settings.surcharges_listed)
    amounts_on_class_x(reviewed, report)
    for work in works:
        if work.line_class is LineClass.X and work.eligible:
            work.exclude(work.profile.sections.not_eligible, say(Code.STEP_CLASS_X), work.excluded_by or Cause.NOT_ELIGIBLE)
    unsaid_of_class_x(works, findings)
    used_day = _used_day(plan, report)
    pzr = pzr_limit(works, person, used_day)
    reviewed_amounts_cut(reviewed, report)

    for work in works:
        _apply_rate(work, person.cooperating)
    cap = StagedCap(person, profile, settings.insurance_year)
    deductible = Deductible(
        person,
        variant,
        used_day,
        civil_law=settings.year_of_life == "civil_law",
        begun_missing=settings.partial_start_month == "missing",
    )
    before_caps = settings.deductible_order == "before_caps"
    for work in sorted(works, key=_turn(cap, capped_first=settings.same_day_order == "capped_first")):
        if before_caps:
            deductible.apply(work)
        if work.line_class is LineClass.A and not work.accident:
            cap.apply(work)
        elif work.line_class is LineClass.A and cap.applies(work):  # an accident's class-A line: said why it is not held
            work.explain(work.profile.sections.accident, say(Code.STEP_ACCIDENT_NO_CAP))
        if not before_caps:
            deductible.apply(work)

    limits = Limits(cap.report(), deductible.report(), pzr, implants, profile.sections.staged_cap)
    earlier_benefits_assumed(works, plan, cap.year_of, report)
    history_findings(limits, profile.sections, report)
    plan_findings(works, person, profile, report)
    milk_teeth_of_adults(works, person, report)
    teeth_restored_again(fee_works, report)
    accident_in_part(fee_works, cap.applies, report)
    sessions_named(works, report)
    dates_far_from_plan(works, plan.plan_date, report)
    dates_not_carried(fee_works, plan.plan_date, report)
    if person.insurance_start is not None:  # without one every day is in the first year
        lab_in_another_cap_year(fee_works, lab_works, cap.year_of, report)
    located = tuple(replace(f, column=plan.cell_column(f.sheet, f.column)) if f.column else f for f in findings)
    results = tuple(w.result() for w in works)  # fee lines, then lab lines, each in plan order
    totals = Totals(
        billed=sum((r.billed for r in results), ZERO),
        eligible=sum((r.eligible for r in results), ZERO),
        benefit=sum((r.benefit for r in results), ZERO),
    )
    versions = versions_used(used or {0: tariff.on(first_day or tariff.profile.source.valid_from)})
    return Estimate(
        plan, results, located, totals, limits, settings, versions, profile.display_name, profile.lab_list_name, variant, undated
    )


def _used_day(plan: Plan, report: Report) -> dt.date | None:
    """The day in whose calendar year the person's deductible used and PZR reimbursed lie (Plan.used_day); without a
    plan date said, so that the amounts are not taken for another year unseen."""
    person, day = plan.person, plan.used_day()
    if plan.plan_date is None and day is not None and (person.deductible_used or person.pzr_reimbursed):
        report(Severity.WARNING, say(Code.USED_YEAR_ASSUMED, year=day.year), sheet="Patient", column="Planungsdatum")
    return day


def _turn(cap: StagedCap, *, capped_first: bool) -> Callable[[Work], tuple[object, ...]]:
    """The order in which the deductible and the staged cap take the lines: by treatment day, then plan order (spec
    5.2 and 7, the default); with `capped_first` (Auslegung same_day_order) on one day – one bill, which the tariff
    gives no order within – the class-A lines the cap holds first: the deductible then takes from what the cap would
    cut, which leaves the patient at least what plan order does, in any row order."""

    def turn(work: Work) -> tuple[object, ...]:
        held = capped_first and work.line_class is LineClass.A and not work.accident and cap.applies(work)
        return (work.date, 0 if held else 1, *work.order_key[1:])

    return turn


def _works(
    plan: Plan, tariff: Tariff, report: Report, lab_days: YearsOf | None
) -> tuple[list[Work], list[Work], dict[int, Catalogues], tuple[LeftOutLine, ...]]:
    """The plan's lines as work, each with the profile and price lists in force on its treatment day; the lines
    without one, said, as rows in no figure. A lab line without a date is done on a day of the services on its teeth
    or their jaw (_lab_day; `lab_days` gives the years a day counts in – None: Auslegung undated_lab_day=plan_date),
    else on the plan date."""
    person = plan.person
    fee_works: list[Work] = []
    lab_works: list[Work] = []
    used: dict[int, Catalogues] = {}
    early: list[Work] = []
    undated: list[LeftOutLine] = []
    first_version = tariff.first_day
    groups: tuple[tuple[Sequence[PlanLine], list[Work]], ...] = ((plan.fee_lines, fee_works), (plan.lab_lines, lab_works))
    service_days: dict[int, set[dt.date]] = {}  # tooth -> the days of the fee lines on it or its jaw
    on_teeth: dict[frozenset[int], LabDays] = {}  # teeth -> those days, in order, and their years
    for lines, target in groups:
        for index, line in enumerate(lines):
            day = line.date or plan.plan_date
            if line.date is None and not isinstance(line, FeeLine) and lab_days is not None:
                if (teeth := line.teeth.teeth) not in on_teeth:  # once for all lab lines on these teeth
                    days = frozenset().union(*(service_days.get(tooth, ()) for tooth in teeth))
                    on_teeth[teeth] = (days, tuple(sorted(days)), frozenset(lab_days(d) for d in days))
                day = _lab_day(line, day, on_teeth[teeth], lab_days, (report, tariff.profile.sections.staged_cap))
            if day is None:
                report(Severity.ERROR, say(Code.LINE_NO_DATE), sheet=line.sheet, row=line.row, column="Datum")
                undated.append(LeftOutLine.of_line(line))
                continue
            catalogues = tariff.on(day)
            used.setdefault(id(catalogues), catalogues)
            if isinstance(line, FeeLine):
                for tooth in line.teeth.teeth:  # every line, a jaw's too: a day that is not sure is asked about
                    service_days.setdefault(tooth, set()).add(day)
                number, analogue = resolve_fee_number(line, catalogues)
                work = Work(line, index, day, catalogues, number, analogue, accident=line.accident or person.accident)
            else:
                work = Work(line, index, day, catalogues, line.code)
            target.append(work)
            if day < first_version:
                early.append(work)
    if early:
        first = min(early, key=lambda w: w.date)
        report(Severity.INFO, say(Code.TARIFF_BEFORE_FIRST_VERSION, date=first.date, lines=len(early)))
    return fee_works, lab_works, used, tuple(undated)


def _lab_day(
    line: PlanLine, plan_day: dt.date | None, on_teeth: LabDays, years_of: YearsOf, said: tuple[Report, str]
) -> dt.date | None:
    """The treatment day of a lab line without a date: that of the services on its teeth or their jaw when they all
    share one (the staged caps count by "Behandlungstage", and the lab work is part of their treatment), said; the
    last of them (the lab's work is fitted last) when they lie in one calendar and insurance year (`years_of`) and the
    plan date does not – its years hold no treatment of these teeth –, asked about; else the plan date, asked about
    when those services lie on other days or in more than one year (`on_teeth`: their days, in order, their years)."""
    report, section = said
    days, ordered, years = on_teeth
    if len(days) == 1 and plan_day not in days:
        (day,) = days
        phrase = say(Code.LAB_DAY_OF_SERVICES, line=line_ref(line), date=day)
        report(Severity.INFO, phrase, sheet=line.sheet, row=line.row, column="Datum", section=section)
        return day
    if len(days) > 1 and len(years) == 1 and (plan_day is None or years_of(plan_day) not in years):
        phrase = say(Code.LAB_DAY_LAST, line=line_ref(line), date=ordered[-1], dates=some(ordered))
        report(Severity.WARNING, phrase, sheet=line.sheet, row=line.row, column="Datum", section=section)
        return ordered[-1]
    if len(days) > 1 and plan_day is not None and (plan_day not in days or len(years) > 1):  # no plan date: not computed
        phrase = say(Code.LAB_DAY_UNCLEAR, line=line_ref(line), dates=some(ordered), plan=plan_day)
        report(Severity.WARNING, phrase, sheet=line.sheet, row=line.row, column="Datum", section=section)
    return plan_day


def _lab_class_doubt(work: Work, owners: Owners, report: Report) -> None:
    """A crown's or denture's lab code that takes class B from the fee lines on its teeth (a filling there, no
    crown) most likely names the wrong tooth: estimated as the rule says, and asked about – not when a fee line's class
    B was set by the user or a reviewer (the class is theirs, not a slip of the tooth)."""
    if not owners or work.line_class is not LineClass.B or work.class_by_hand or owners.by_hand:  # a class by hand stands
        return
    rule = code_rule(work)
    if rule is None or rule.line_class is not LineClass.A:
        return
    lab = work.lab
    teeth = len(lab.teeth.teeth)
    phrase = say(Code.LAB_CLASS_DOUBT, line=work.ref, teeth=teeth, numbers=tuple(sorted(owners.numbers)), label=rule.label)
    report(Severity.WARNING, phrase, sheet=lab.sheet, row=lab.row, column="Zahn", section=work.profile.sections.lab_class)


def _beside_left_out(lab_works: list[Work], left_out: tuple[LeftOutLine, ...], report: Report) -> None:
    """A lab line on the teeth of a fee row the import left out takes its class from the fee lines that were read (a
    crown's lab work beside a filling on its tooth as class B), or from its code where none was read: said, as the row
    corrected may change it – not for a line a class-A fee line read holds at A (no row added makes it less), nor one
    by hand or by the orthodontic age rule (the caller passes the others)."""
    rows: dict[int, LeftOutLine] = {}  # tooth -> the first fee row left out on it
    for row in left_out:
        if row.kind == "fee":
            with suppress(ToothError):
                for tooth in parse_teeth(row.cell("Zahn")).teeth:
                    rows.setdefault(tooth, row)
    for work in lab_works if rows else ():
        if work.class_by_hand or is_orthodontic(work):
            continue
        lab = work.lab
        beside = next((rows[t] for t in sorted(lab.teeth.teeth) if t in rows), None)
        if beside is not None:
            teeth = len(lab.teeth.teeth)
            phrase = say(Code.LAB_BESIDE_LEFT_OUT, line=work.ref, teeth=teeth, sheet=beside.sheet, row=beside.row)
            report(Severity.WARNING, phrase, sheet=lab.sheet, row=lab.row, column="Zahn", section=work.profile.sections.lab_class)


def _apply_rate(work: Work, cooperating: bool) -> None:
    """Benefit = eligible x rate of the class, rounded to cents."""
    profile, line_class = work.profile, work.line_class
    if line_class is LineClass.X:
        work.rate, work.benefit = profile.rates["X"], ZERO
        return
    key = "A_cooperating" if line_class is LineClass.A and cooperating else line_class.value
    work.rate = profile.rates[key]
    work.benefit = work.benefit_at_rate = cents(work.eligible * work.rate)
    sections = profile.sections
    rule = {LineClass.A: sections.rate_A, LineClass.B: sections.rate_B}.get(line_class, sections.rate_P)
    if line_class is LineClass.P:
        phrase = say(Code.STEP_RATE_PROPHYLAXIS, rate=Percent(work.rate))
    else:
        phrase = say(
            Code.STEP_RATE, rate=Percent(work.rate), cls=line_class, cooperating=cooperating and line_class is LineClass.A
        )
    work.explain(rule, phrase, work.eligible, work.benefit)
