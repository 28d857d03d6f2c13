"""Billed and eligible amounts of fee lines (the tariff's fee limits): the fee from the fee schedule in force
on the treatment day, analogue fees, derived fees, the laser surcharge, units that count and the factor limits."""

from __future__ import annotations

import re
from decimal import Decimal

from estimator.catalogueforms import normalize_fee_number
from estimator.cells import short_text
from estimator.codes import Code
from estimator.kinds import Cause, Schedule, Severity
from estimator.model import FeeLine
from estimator.money import ZERO, cents
from estimator.phrases import BY_HAND, Factor, Money, Number, Param, Phrase, say
from estimator.rules.billing import UnitAllowance
from estimator.rules.relatedfees import RelatedFees, laser_points
from estimator.rules.worksheet import Report, Work
from estimator.tariff.catalogues import Catalogues
from estimator.tariff.feelimits import is_reason
from estimator.tariff.pricelists import Fee, FeeSchedule
from estimator.tariff.profile import in_any

# an analogue's number as practices write it: „2197a“, „2197 a“, „2197 analog“, „analog 2197“, „2197a analog“
ANALOGUE_NUMBER = re.compile(r"(analog\s*)?([0-9]{1,4})(\s?a)?(\s*analog)?", re.IGNORECASE)
# "entsprechend GOZ nnnn", "analog GOZ-Nr. nnnn": the number the service is measured by, with its schedule
ANALOGUE_REFERENCE = re.compile(
    r"\b(?:entsprechend|analog(?:\s+zu)?)\s+(GOZ|GOÄ|GOAE)[\s-]*(?:Nr\.?\s*)?([0-9]{1,4})a?\b", re.IGNORECASE
)
ANALOGUE_WORD = re.compile(r"\banalog(?:\b|leistung|berechnung|e\s+(?:berechnung|leistung))", re.IGNORECASE)


def schedule_of(catalogues: Catalogues, schedule: Schedule) -> FeeSchedule:
    return catalogues.goz if schedule is Schedule.GOZ else catalogues.goae


def resolve_fee_number(line: FeeLine, catalogues: Catalogues) -> tuple[str, bool]:
    """The catalogue number whose points apply, and whether the line is billed by analogy (GOZ § 6 Abs. 1).

    An analogue is written "nnnna" (ANALOGUE_NUMBER), or its description reads "analog" or "entsprechend GOZ nnnn"
    (GOZ § 10 Abs. 4): a number of the line's own schedule named so is the one the service is measured by."""
    reference = ANALOGUE_REFERENCE.search(line.description)
    if reference and (reference[1].upper() == "GOZ") == (line.schedule is Schedule.GOZ):
        return normalize_fee_number(reference[2], line.schedule.value), True
    schedule = schedule_of(catalogues, line.schedule)
    if " " in line.number and schedule.get(line.number) is None:  # „269 a“: the GOÄ's own 269a
        compact = normalize_fee_number(line.number.replace(" ", ""), line.schedule.value)
        if schedule.get(compact) is not None:
            return compact, False
    written = ANALOGUE_NUMBER.fullmatch(line.number)
    marked = written is not None and any(written[k] for k in (1, 3, 4))
    if written and marked and schedule.get(line.number) is None:
        return normalize_fee_number(written[2], line.schedule.value), True
    return line.number, bool(ANALOGUE_WORD.search(line.description))


def unit_fee(points: Decimal, point_value: Decimal, factor: Decimal, rounding: str) -> Decimal:
    """The fee for one unit, rounded to cents as the Auslegung fee_rounding says (spec section 3)."""
    if rounding == "simple_fee_first":
        return cents(cents(points * point_value) * factor)
    return cents(points * point_value * factor)


def _accepted_unit_fees(points: Decimal, point_value: Decimal, factor: Decimal) -> tuple[Decimal, ...]:
    """Both rounding points of a fee: billed amounts matching either are right (spec 6a)."""
    return (unit_fee(points, point_value, factor, "exact"), unit_fee(points, point_value, factor, "simple_fee_first"))


class _FeeLineCheck:
    """One fee line against its fee schedule: reports go to the line's cell, sections from the profile."""

    def __init__(self, work: Work, report: Report) -> None:
        self.work, self._report = work, report
        self.sections = work.profile.sections

    @property
    def fee_section(self) -> str:
        """The section of the fee schedule the line is billed by (GOZ or GOÄ)."""
        return self.sections.goz_fee if self.work.fee.schedule is Schedule.GOZ else self.sections.goae_fee

    @property
    def single_rate_section(self) -> str:
        """The section of a number billed at the simple rate only: the GOZ's (Abschnitte A und L), the GOÄ's by footnote."""
        return self.sections.single_rate if self.work.fee.schedule is Schedule.GOZ else self.sections.fee_limits

    def report(self, severity: Severity, phrase: Phrase, column: str, section: str = "") -> None:
        line = self.work.line
        self._report(severity, phrase, sheet=line.sheet, row=line.row, column=column, section=section)


def fee_amounts(
    work: Work,
    related: RelatedFees,
    *,
    allowance: UnitAllowance,
    rounding: str,
    capped: bool,
    report: Report,
    laser_line: bool,
    factor_cap: bool = False,
    reason_capped: bool = False,
) -> None:
    """Billed amount, arithmetic check, units that count, factor limits and the eligible amount of a fee line;
    `capped`: an amount above the fee at the maximum factor is eligible up to that fee only (Auslegung
    amount_above_maximum); `laser_line`: the laser surcharge is measured by its lasered line with all its units, not
    by one unit (Auslegung laser_basis); `factor_cap`: an amount above the fee at the line's own factor is eligible up
    to that fee (Auslegung amount_vs_factor); `reason_capped`: a factor above the maximum whose reason names a difficulty
    is eligible up to the fee at the maximum too (Auslegung reason_above_maximum)."""
    line, profile = work.fee, work.profile
    check = _FeeLineCheck(work, report)
    sections = check.sections
    schedule = schedule_of(work.cat, line.schedule)
    fee = schedule.get(work.number)
    laser = fee is not None and work.number == profile.laser_number
    points = (laser_points(work, schedule, laser_line) if laser else related.points(work, fee, schedule)) if fee else None

    def fee_for(factor: Decimal, units: Decimal = line.count) -> Decimal | None:
        if points is None:
            return None
        one = unit_fee(points, schedule.point_value, factor, rounding)
        return units * (min(one, profile.laser_maximum) if laser else one)

    # „2,5“: a typo for 2 or 25, or a lab quantity in the wrong table (implants: estimator.rules.limits says it) – asked
    # before any rule below ends the line's checks (an unknown number confirmed is paid as billed)
    if line.count != line.count.to_integral_value() and work.number not in profile.implant_numbers:
        check.report(Severity.WARNING, say(Code.FEE_FRACTIONAL_COUNT, line=work.ref, count=Number(line.count)), "Anzahl")
    derived = profile.derived_fees.get(work.number) if fee is not None and line.schedule is Schedule.GOZ else None
    if derived is not None and fee is not None and fee.points is None and points is None:
        numbers = f"{derived.related.first}–{derived.related.last}"  # the fee's points come from one of these
        check.report(
            Severity.WARNING, say(Code.FEE_DERIVED_WITHOUT_RELATED, line=work.ref, related=numbers), "Nr", sections.goz_fee
        )
    computed = fee_for(Decimal(1) if laser else line.factor)
    if line.amount is not None:
        work.billed = cents(line.amount)
        if work.billed != line.amount:  # „12,505“: a bill is in cents, the figure is asked about
            phrase = say(Code.AMOUNT_ROUNDED, line=work.ref, amount=Number(line.amount), rounded=Money(work.billed))
            check.report(Severity.WARNING, phrase, "Betrag")
    elif computed is not None:
        work.billed = cents(computed)
        unit, count, factor = Money(computed / line.count), Number(line.count), Factor(line.factor)
        phrase = (
            say(Code.STEP_FEE_COMPUTED, count=count, unit=unit, factor=factor)
            if rounding == "exact"
            else say(
                Code.STEP_FEE_COMPUTED_ROUNDED,
                count=count,
                unit=unit,
                factor=factor,
                reading=work.profile.auslegung_names.reading("fee_rounding", rounding),
            )
        )
        work.explain(check.fee_section, phrase, None, work.billed)
    elif not laser:
        work.billed = ZERO
        check.report(Severity.ERROR, say(Code.FEE_AMOUNT_MISSING, line=work.ref), "Betrag")
    work.eligible = work.billed

    if fee is None:
        phrase = say(Code.FEE_UNKNOWN_NUMBER, line=work.ref, number=work.number, schedule=line.schedule.value)
        check.report(Severity.ERROR, phrase, "Nr", sections.unknown_fee)
        if not line.confirmed:
            work.set_eligible(ZERO, sections.unknown_fee, say(Code.STEP_UNKNOWN_NUMBER, number=work.number), Cause.NOT_ELIGIBLE)
        else:
            work.explain(BY_HAND, say(Code.STEP_NUMBER_CONFIRMED, number=work.number))
        return
    if line.schedule is Schedule.GOAE and not fee.dentist_billable:
        phrase = say(Code.FEE_GOAE_NOT_FOR_DENTISTS, line=work.ref)
        check.report(Severity.WARNING, phrase, "Nr", sections.goae_for_dentists)
    if work.analogue:
        law = sections.goz_analogue if line.schedule is Schedule.GOZ else sections.goae_analogue
        schedule_name = line.schedule.value
        phrase = say(Code.FEE_ANALOGUE, line=work.ref, schedule=schedule_name, number=work.number, text=short_text(fee.text, 80))
        check.report(Severity.WARNING, phrase, "Nr", law)
        work.explain(law, say(Code.STEP_ANALOGUE, schedule=schedule_name, number=work.number))
    if laser and work.owner is None:
        lasered = tuple(sorted(profile.lasered_numbers))
        check.report(
            Severity.ERROR, say(Code.FEE_LASER_WITHOUT_SERVICE, line=work.ref, lasered=lasered), "Nr", sections.laser_cap
        )  # the surcharge is measured by its lasered service: the fee schedule's Bemessungsgrundsätze
        work.set_eligible(ZERO, sections.laser_cap, say(Code.STEP_LASER_WITHOUT_SERVICE, number=work.number), Cause.NOT_ELIGIBLE)
        return
    services = allowance.services_missing(work)
    if services:
        shown = services if len(services) <= 8 else (*services[:6], "…")  # the surgery surcharges': 34 numbers
        phrase = say(Code.FEE_WITHOUT_SERVICE, line=work.ref, services=shown)
        check.report(Severity.ERROR, phrase, "Nr", sections.fee_limits)
        work.set_eligible(ZERO, sections.fee_limits, say(Code.STEP_WITHOUT_SERVICE, number=work.number), Cause.NOT_ELIGIBLE)
        return

    at_factor = factor_cap and fee is not None and fee.category != "single_rate"  # cut to its factor's fee below
    checked = points if line.amount is not None and not laser else None  # an amount billed, to check against its fee
    said_above = checked is not None and not at_factor and _said_above_top(work, fee, checked, schedule)
    if checked is not None and not said_above:
        options = [line.count * u for u in _accepted_unit_fees(checked, schedule.point_value, line.factor)]
        tolerance = Decimal("0.01") * max(line.count, Decimal(1))
        if all(abs(work.billed - option) > tolerance for option in options):
            kept = not at_factor or work.billed < max(options)  # else cut to the fee at its factor (_cap_at_own_factor)
            values: dict[str, Param] = {"billed": Money(work.billed), "fee": Money(options[0]), "kept": kept}
            phrase = say(Code.FEE_AMOUNT_MISMATCH, line=work.ref, count=Number(line.count), factor=Factor(line.factor), **values)
            check.report(Severity.WARNING, phrase, "Betrag", check.fee_section)

    if _tooth_missing(work):
        check.report(Severity.WARNING, say(Code.FEE_NO_TOOTH, line=work.ref), "Zahn")
    units, rule, section = allowance.allowed(work, report)
    if units < line.count and rule is not None:
        phrase = say(Code.STEP_UNITS_LIMITED, rule=rule, units=Number(units), count=Number(line.count))
        work.set_eligible(cents(work.billed * units / line.count), section, phrase, Cause.NOT_ELIGIBLE)
    if at_factor and checked is not None:
        _cap_at_own_factor(check, checked, schedule, units)
    if laser:
        _cap_laser(work, fee_for(Decimal(1), units))
        _single_rate_only(check)
        return
    if fee.category == "single_rate":
        at_single = fee_for(Decimal(1), units)
        if line.factor != 1:
            _single_rate_only(check)
            if at_single is not None and at_single < work.eligible:
                work.set_eligible(cents(at_single), check.single_rate_section, say(Code.STEP_SINGLE_RATE_ONLY), Cause.FEE_LIMITS)
        elif said_above:
            _amount_above_top(check, Decimal(1), said=fee_for(Decimal(1)), cap=at_single, capped=capped)
        return
    maximum = profile.max_factors[_max_key(line, fee)]
    at_maximum = fee_for(maximum, units) if line.factor > maximum or said_above else None  # read only then
    _factor_limits(check, fee, schedule, at_maximum=at_maximum, reason_capped=reason_capped)
    if said_above:
        _amount_above_top(check, maximum, said=fee_for(maximum), cap=at_maximum, capped=capped, reason_capped=reason_capped)


def _cap_at_own_factor(check: _FeeLineCheck, points: Decimal, schedule: FeeSchedule, units: Decimal) -> None:
    """A billed amount above the fee at the line's own factor is eligible up to it: the tariff pays fees "… und deren
    Bemessungsgrundsätzen entsprechen" (Auslegung amount_vs_factor=factor; spec 3 keeps the amount, the default)."""
    work = check.work
    line = work.fee
    own = _highest_fee(points, schedule.point_value, line.factor, units)
    if not _above(work.eligible, own, units):
        return
    reading = work.profile.auslegung_names.reading("amount_vs_factor", "factor")
    phrase = say(Code.STEP_AMOUNT_ABOVE_FACTOR, factor=Factor(line.factor), fee=Money(cents(own)), reading=reading)
    work.set_eligible(cents(own), check.fee_section, phrase, Cause.FEE_LIMITS)


def _tooth_missing(work: Work) -> bool:
    """A service on one tooth (a crown, a bridge anchor or pontic; the profile's needs_tooth) without its tooth: no
    lab line or preparatory measure can belong to it."""
    line = work.fee
    return not line.teeth.teeth and line.schedule is Schedule.GOZ and in_any(work.number, work.profile.needs_tooth)


def _said_above_top(work: Work, fee: Fee, points: Decimal, schedule: FeeSchedule) -> bool:
    """Whether the billed amount lies above the fee at the highest factor the line's number allows, its own factor
    within it: the finding about that says the amount, the arithmetic check's finding would only repeat it."""
    line = work.fee
    top = Decimal(1) if fee.category == "single_rate" else work.profile.max_factors[_max_key(line, fee)]
    if line.factor > top or (fee.category == "single_rate" and line.factor != 1):
        return False
    if work.billed <= line.count * unit_fee(points, schedule.point_value, line.factor, "exact"):
        return False  # not above the fee at its own factor, which lies within the top (most lines: no more to do)
    return _above(work.billed, _highest_fee(points, schedule.point_value, top, line.count), line.count)


SETTING = "amount_above_maximum"  # the Auslegung setting that reads an amount above the fee at the maximum


def _highest_fee(points: Decimal, point_value: Decimal, factor: Decimal, units: Decimal) -> Decimal:
    """The fee for `units` at a factor by the rounding that gives more (a billed amount up to it is right)."""
    return max(units * unit for unit in _accepted_unit_fees(points, point_value, factor))


def _above(billed: Decimal, fee: Decimal, units: Decimal) -> bool:
    """Whether a billed amount lies above a fee by more than a cent per unit (the arithmetic check's tolerance)."""
    return billed - fee > Decimal("0.01") * max(units, Decimal(1))


def _amount_above_top(
    check: _FeeLineCheck, top: Decimal, *, said: Decimal | None, cap: Decimal | None, capped: bool, reason_capped: bool = False
) -> None:
    """A billed amount above the fee at the highest factor its number allows (`top`; 1,0 for a number billable at
    the simple rate only) while the line's factor lies within it. Spec section 3: the billed amount stays the
    basis; the tariff: eligible as far as the fees lie within the maximum factors. With a reason of difficulty it
    counts as a factor above the maximum does (_with_reason; not at the simple rate, spec 6a); without one, as the
    Auslegung amount_above_maximum reads it: as billed (the default), or up to that fee. `said`: the fee for the
    line's count; `cap`: for the units that count, by the Auslegung's rounding."""
    if said is None or cap is None:
        return  # a fee without points: nothing to compare with
    work, sections = check.work, check.sections
    single_rate = top == 1
    section = check.single_rate_section if single_rate else sections.fee_limits
    values: dict[str, Param] = {"line": work.ref, "billed": Money(work.billed), "fee": Money(cents(said))}
    if not single_rate:
        values["maximum"] = Factor(top)
        if work.profile.fee_limits.names_difficulty(work.fee.justification):
            phrase = say(Code.FEE_AMOUNT_ABOVE_MAXIMUM_JUSTIFIED, **values)
            check.report(Severity.WARNING, phrase, "Betrag", sections.fee_limits)
            _with_reason(check, top, cap, reason_capped=reason_capped)
            return
    reading = work.profile.auslegung_names.reading(SETTING, "capped" if capped else "billed")
    if single_rate:
        finding = Code.FEE_AMOUNT_ABOVE_SINGLE_RATE if capped else Code.FEE_AMOUNT_ABOVE_SINGLE_RATE_KEPT
    else:
        finding = Code.FEE_AMOUNT_ABOVE_MAXIMUM if capped else Code.FEE_AMOUNT_ABOVE_MAXIMUM_KEPT
    gross = work.billed > 2 * said  # twice the highest fee: more likely a slip of the keyboard than a bill
    severity = Severity.ERROR if gross else Severity.WARNING
    check.report(severity, say(finding, **values, reading=reading), "Betrag", section)
    if not capped:
        work.explain(section, say(Code.STEP_AMOUNT_ABOVE_MAXIMUM_KEPT, maximum=Factor(top), reading=reading))
        return
    step = (
        say(Code.STEP_SINGLE_RATE_ONLY)
        if single_rate
        else say(Code.STEP_AMOUNT_ABOVE_MAXIMUM, maximum=Factor(top), reading=reading)
    )
    work.set_eligible(min(work.eligible, cents(cap)), section, step, Cause.FEE_LIMITS)


def _with_reason(check: _FeeLineCheck, maximum: Decimal, cap: Decimal | None, *, reason_capped: bool) -> None:
    """A factor or an amount above the maximum with a reason of difficulty: counted in full (the practice's reason), or
    – `reason_capped`, Auslegung reason_above_maximum – up to the fee at the maximum (`cap`), as the insurer may not
    take the reason for a difficulty due to the illness or the findings."""
    work, sections = check.work, check.sections
    if not reason_capped or cap is None:
        work.explain(sections.fee_limits, say(Code.STEP_ABOVE_MAXIMUM_JUSTIFIED, maximum=Factor(maximum)))
        return
    reading = work.profile.auslegung_names.reading("reason_above_maximum", "capped")
    step = say(Code.STEP_ABOVE_MAXIMUM_REASON_CAPPED, maximum=Factor(maximum), reading=reading)
    work.set_eligible(min(work.eligible, cents(cap)), sections.fee_limits, step, Cause.FEE_LIMITS)


def _max_key(line: FeeLine, fee: Fee) -> str:
    return "GOZ" if line.schedule is Schedule.GOZ else f"GOÄ.{fee.category}"


def _single_rate_only(check: _FeeLineCheck) -> None:
    work = check.work
    if work.fee.factor == 1:
        return
    phrase = say(Code.FEE_SINGLE_RATE_ONLY, line=work.ref, factor=Factor(work.fee.factor))
    check.report(Severity.ERROR, phrase, "Faktor", check.single_rate_section)


def _factor_limits(
    check: _FeeLineCheck, fee: Fee, schedule: FeeSchedule, *, at_maximum: Decimal | None, reason_capped: bool
) -> None:
    """Above the maximum factor only with a reason of difficulty (and then, `reason_capped`, up to the fee at the
    maximum all the same); above the threshold a warning."""
    work, sections = check.work, check.sections
    line = work.fee
    maximum = work.profile.max_factors[_max_key(line, fee)]
    threshold = schedule.thresholds.get(fee.category, schedule.thresholds["personal"])
    justified = is_reason(line.justification)
    above = line.factor > maximum
    factor = Factor(line.factor)
    if above and work.profile.fee_limits.names_difficulty(line.justification):
        phrase = say(Code.FEE_ABOVE_MAXIMUM_JUSTIFIED, line=work.ref, factor=factor, maximum=Factor(maximum))
        check.report(Severity.WARNING, phrase, "Faktor", sections.fee_limits)
        _with_reason(check, maximum, at_maximum, reason_capped=reason_capped)
    elif above and at_maximum is not None:
        said = Code.FEE_ABOVE_MAXIMUM_AGREEMENT if justified else Code.FEE_ABOVE_MAXIMUM  # a reason naming no difficulty
        phrase = say(said, line=work.ref, factor=factor, maximum=Factor(maximum))
        check.report(Severity.WARNING, phrase, "Begründung" if justified else "Faktor", sections.fee_limits)
        work.set_eligible(
            min(work.eligible, cents(at_maximum)),
            sections.fee_limits,
            say(Code.STEP_ABOVE_MAXIMUM, maximum=Factor(maximum)),
            Cause.FEE_LIMITS,
        )
    elif line.factor > threshold and not justified:
        law = sections.goz_threshold if line.schedule is Schedule.GOZ else sections.goae_threshold
        phrase = say(Code.FEE_ABOVE_THRESHOLD, line=work.ref, factor=factor, threshold=Factor(threshold))
        check.report(Severity.WARNING, phrase, "Begründung", law)
    if line.factor < 1:
        check.report(Severity.WARNING, say(Code.FEE_BELOW_SINGLE_RATE, line=work.ref, factor=factor), "Faktor")


def _cap_laser(work: Work, derived: Decimal | None) -> None:
    """The laser surcharge: 100 % of the lasered service's simple fee, at most the profile's maximum a day."""
    if derived is None or work.owner is None or work.eligible <= derived:
        return
    profile = work.profile
    phrase = say(Code.STEP_LASER_CAP, number=work.number, service=work.owner.ref, maximum=Money(profile.laser_maximum))
    work.set_eligible(cents(derived), profile.sections.laser_cap, phrase, Cause.FEE_LIMITS)
