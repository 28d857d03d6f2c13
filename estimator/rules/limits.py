"""Limits of the tariff: implants per jaw, PZR, staged caps by insurance year, deductible (spec 5)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from decimal import ROUND_CEILING, Decimal

from estimator.auslegung import SettingNames
from estimator.codes import Code
from estimator.kinds import Cause, LineClass, Schedule, Severity
from estimator.limitrecords import CapYear, DeductibleYear, JawImplants, Limits, PzrYear
from estimator.model import MAX_CAP_YEARS, Person
from estimator.money import ZERO, cents
from estimator.phrases import Jaw, Money, Number, Phrase, say
from estimator.rules.materials import is_material
from estimator.rules.worksheet import Report, Work
from estimator.tariff.profile import Profile, Sections, in_any
from estimator.teeth import jaw_of


def _implant_units(work: Work, report: Report) -> int:
    """Implants a line places: its count, "je Implantat" (spec 5.1); a fraction counts as a whole implant."""
    count = work.fee.count
    units = max(1, int(count.to_integral_value(rounding=ROUND_CEILING)))
    if units != count:
        _report_implant(
            work, report, Severity.WARNING, say(Code.IMPLANT_FRACTIONAL_COUNT, line=work.ref, count=Number(count), units=units)
        )
    return units


def _report_implant(work: Work, report: Report, severity: Severity, phrase: Phrase) -> None:
    line = work.fee
    report(severity, phrase, sheet=line.sheet, row=line.row, column="Zahn", section=work.profile.sections.implants)


def implant_limit(
    works: Sequence[Work], person: Person, profile: Profile, report: Report, *, preparatory_too: bool = True
) -> tuple[JawImplants, ...]:
    """At most N implants per jaw incl. those present; later ones and what sits on them become X – the preparatory
    measures on them too when `preparatory_too` (Auslegung implant_limit_scope), else they stay eligible.

    A line places as many implants as its count; its teeth say where when it names one tooth per implant, else
    only the jaw. Excluded units are counted in treatment order, then plan order, then ascending tooth number.
    The limit is the one of the profile in force on the treatment day; the plan's report shows the last one.
    """
    limit = profile.implants_per_jaw
    present = {"OK": person.implants_upper, "UK": person.implants_lower}
    counted = dict(present)
    planned = {"OK": 0, "UK": 0}
    covered: dict[str, list[int]] = {"OK": [], "UK": []}
    excluded: dict[str, list[int]] = {"OK": [], "UK": []}
    unlocated: dict[str, int] = {"OK": 0, "UK": 0}
    cut_days: set[dt.date] = set()  # the days of an insertion over the limit (by date: material names no session)
    insertions = sorted(
        (
            w
            for w in works
            if w.is_fee
            and w.fee.schedule is Schedule.GOZ
            and w.number in w.profile.implant_numbers
            and w.line_class is not LineClass.X
        ),
        key=lambda w: (w.date, w.index),
    )
    for work in insertions:
        limit = work.profile.implants_per_jaw
        section = work.profile.sections.implants
        units, sites = _implant_units(work, report), sorted(work.fee.teeth.teeth)
        jaws = sorted({jaw_of(t) for t in sites})
        if len(sites) != units and len(jaws) == 2:
            _report_implant(work, report, Severity.ERROR, say(Code.IMPLANT_BOTH_JAWS, line=work.ref, units=units))
            work.set_eligible(ZERO, section, say(Code.STEP_IMPLANTS_NO_JAW), Cause.NOT_ELIGIBLE)
            continue
        if not sites:  # counted where there is more room, as the lab list's per-jaw limits count a lab line without a tooth
            jaws = [max(("OK", "UK"), key=lambda jaw: (limit - counted[jaw], jaw == "OK"))]
            phrase = say(Code.IMPLANT_NO_TOOTH, line=work.ref, units=units, jaw=Jaw(jaws[0]), limit=limit)
            _report_implant(work, report, Severity.WARNING, phrase)
        elif len(sites) < units:  # 3 implants at "36": the jaw is known, the place of each is not (a region is a place)
            phrase = say(Code.IMPLANT_SITES_UNEVEN, line=work.ref, units=units, sites=len(sites), jaw=Jaw(jaws[0]))
            _report_implant(work, report, Severity.WARNING, phrase)
        located = len(sites) == units
        places: list[tuple[str, int | None]] = [(jaw_of(t), t) for t in sites] if located else [(jaws[0], None)] * units
        kept = 0
        for jaw, site in places:
            planned[jaw] += 1
            if counted[jaw] < limit:
                counted[jaw] += 1
                kept += 1
                if site is not None:
                    covered[jaw].append(site)
            elif site is not None:
                excluded[jaw].append(site)
            else:
                unlocated[jaw] += 1
        if kept == units:
            continue
        cut_days.add(work.date)
        if kept == 0:
            phrase = say(Code.STEP_IMPLANTS_OVER_LIMIT, units=units, teeth=work.fee.teeth.text, limit=limit)
            work.exclude(section, phrase, Cause.IMPLANT_LIMIT)
        else:
            phrase = say(Code.STEP_IMPLANTS_PARTLY_OVER_LIMIT, excess=units - kept, units=units, limit=limit)
            work.set_eligible(cents(work.eligible * kept / work.fee.count), section, phrase, Cause.IMPLANT_LIMIT)

    excluded_sites = frozenset(excluded["OK"] + excluded["UK"])
    if cut_days:
        _exclude_what_sits_on(works, insertions, excluded_sites, cut_days, report, preparatory_too=preparatory_too)
    jaws_report = []
    for jaw in ("OK", "UK"):
        if excluded[jaw] or unlocated[jaw]:
            lost_sites = tuple(str(t) for t in excluded[jaw])
            lost = ([say(Code.PART_IMPLANT_SITES, sites=lost_sites, several=len(lost_sites) > 1)] if lost_sites else []) + (
                [say(Code.PART_IMPLANTS_UNLOCATED, count=unlocated[jaw])] if unlocated[jaw] else []
            )
            phrase = say(
                Code.IMPLANT_LIMIT, jaw=Jaw(jaw), present=present[jaw], planned=planned[jaw], limit=limit, lost=tuple(lost)
            )
            report(Severity.WARNING, phrase, section=profile.sections.implants)
        maybe = _implant_work_sites(works, jaw, {*covered[jaw], *excluded[jaw]}) if unlocated[jaw] else ()
        jaws_report.append(
            JawImplants(jaw, present[jaw], planned[jaw], tuple(covered[jaw]), tuple(excluded[jaw]), limit, unlocated[jaw], maybe)
        )
    return tuple(jaws_report)


def _implant_work_sites(works: Sequence[Work], jaw: str, placed: set[int]) -> tuple[int, ...]:
    """The teeth of a jaw with eligible lab work on an implant where no implant of the plan is placed by tooth: the
    sites an implant over the limit whose place the plan does not say may carry (estimator.rules.reserve)."""
    return tuple(
        sorted(
            {
                tooth
                for w in works
                if not w.is_fee
                and w.line_class is LineClass.A
                and not w.lab.teeth.whole_jaw  # a drill template for the jaw names no implant's place
                and in_any(w.lab.code, w.profile.implant_lab_codes)
                for tooth in w.lab.teeth.teeth
                if jaw_of(tooth) == jaw and tooth not in placed
            }
        )
    )


def _exclude_what_sits_on(
    works: Sequence[Work],
    insertions: Sequence[Work],
    excluded_sites: frozenset[int],
    cut_days: set[dt.date],
    report: Report,
    *,
    preparatory_too: bool,
) -> None:
    """Class-A lines all on excluded implant sites become X; a line spanning covered and excluded sites is flagged, and
    so is material without teeth on the day of an insertion over the limit (it may be the implant not paid)."""
    placing = {id(w) for w in insertions}
    said: dict[tuple[str, int, bool], Phrase] = {}  # teeth, limit, preparatory -> the step, one for the lines on the sites
    for work in works:
        teeth = work.line.teeth.teeth
        if work.line_class is not LineClass.A or id(work) in placing:
            continue
        section = work.profile.sections.implants
        spared = work.preparatory and not preparatory_too  # the limit as the tariff words it: nothing to lose
        if not teeth and work.date in cut_days and not work.is_fee and is_material(work):
            phrase = say(Code.IMPLANT_REVIEW_MATERIAL, line=work.ref, limit=work.profile.implants_per_jaw)
            report(Severity.WARNING, phrase, sheet=work.line.sheet, row=work.line.row, column="Zahn", section=section)
        elif not teeth:
            continue
        elif teeth <= excluded_sites and spared:
            names = work.profile.auslegung_names
            setting = names.reading("implant_limit_scope", "implants_and_dentures")
            limit = work.profile.implants_per_jaw
            work.explain(
                section, say(Code.STEP_PREPARATORY_NOT_LIMITED, teeth=work.line.teeth.text, limit=limit, setting=setting)
            )
        elif teeth <= excluded_sites:
            key = (work.line.teeth.text, work.profile.implants_per_jaw, work.preparatory)
            if key not in said:
                said[key] = _on_excluded_implant(work.profile.auslegung_names, *key)
            work.exclude(section, said[key], Cause.IMPLANT_LIMIT)
        elif teeth & excluded_sites and not spared:
            report(
                Severity.WARNING,
                say(Code.IMPLANT_REVIEW, line=work.ref),
                sheet=work.line.sheet,
                row=work.line.row,
                column="Zahn",
                section=section,
            )


def _on_excluded_implant(names: SettingNames, teeth: str, limit: int, preparatory: bool) -> Phrase:
    """Why a class-A line on the sites of implants over the limit is not eligible: it sits on one, or it prepares its
    site (Auslegung implant_limit_scope with_preparatory)."""
    if not preparatory:
        return say(Code.STEP_ON_EXCLUDED_IMPLANT, teeth=teeth, limit=limit)
    setting = names.reading("implant_limit_scope", "with_preparatory")
    return say(Code.STEP_PREPARATORY_ON_EXCLUDED_IMPLANT, teeth=teeth, limit=limit, setting=setting)


def pzr_limit(works: Sequence[Work], person: Person, used_day: dt.date | None) -> tuple[PzrYear, ...]:
    """PZR eligible at most the profile's limit per calendar year, a higher one with a cooperating dentist; the
    limit of a year is the one of the profile in force on its first PZR line."""
    used: dict[int, Decimal] = defaultdict(Decimal)
    before: dict[int, Decimal] = {}
    limits: dict[int, Decimal] = {}
    pzr = [
        w
        for w in works
        if w.is_fee and w.fee.schedule is Schedule.GOZ and w.number in w.profile.pzr_numbers and w.line_class is not LineClass.X
    ]
    for work in sorted(pzr, key=lambda w: w.order_key):
        year, profile = work.date.year, work.profile
        limit = limits.setdefault(year, profile.pzr_limit_cooperating if person.cooperating else profile.pzr_limit)
        before.setdefault(year, person.pzr_reimbursed if used_day and year == used_day.year else ZERO)
        remaining = max(ZERO, limit - before[year] - used[year])
        if work.eligible > remaining:
            phrase = say(
                Code.STEP_PZR_LIMIT,
                cooperating=person.cooperating,
                limit=Money(limit),
                year=year,
                used=Money(before[year] + used[year]),
            )
            work.set_eligible(remaining, profile.sections.pzr, phrase, Cause.PZR_LIMIT)
        used[year] += work.eligible
    return tuple(PzrYear(y, limits[y], before[y], used[y]) for y in sorted(before))


def insurance_year(day: dt.date, start: dt.date, convention: str) -> int:
    """Insurance year of a treatment day: 1 from the start (Auslegung insurance_year)."""
    if convention == "anniversary":
        return day.year - start.year - ((day.month, day.day) < (start.month, start.day)) + 1
    return day.year - start.year + 1


def insurance_year_span(k: int, start: dt.date, convention: str) -> tuple[dt.date, dt.date]:
    if convention == "anniversary":
        first = _add_years(start, k - 1)
        return first, _add_years(start, k) - dt.timedelta(days=1)
    first = start if k == 1 else dt.date(start.year + k - 1, 1, 1)
    return first, dt.date(start.year + k - 1, 12, 31)


def _add_years(day: dt.date, years: int) -> dt.date:
    """The anniversary of a day, which begins an insurance year; that of 29 February is 1 March in a year without
    one (the year before ends on 28 February, as insurance_year counts a day)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return dt.date(day.year + years, 3, 1)


class StagedCap:
    """Cumulative caps for class A in the first insurance years from insurance start; a line is held
    against the caps of the profile in force on its treatment day, the report shows those of the plan's profile."""

    def __init__(self, person: Person, profile: Profile, convention: str) -> None:
        self.caps = profile.staged_caps
        self.prior = tuple(cents(v) for v in person.prior_class_a)
        self.used = [ZERO] * MAX_CAP_YEARS
        self.start = person.insurance_start
        self.convention = convention

    def year_of(self, day: dt.date) -> int:
        """The insurance year of a treatment day; a day before the start (covered only by a reviewer's decision)
        counts in the first year."""
        return max(1, insurance_year(day, self.start, self.convention)) if self.start else 1

    def tightest(self, k: int, caps: tuple[Decimal, ...]) -> tuple[Decimal, int]:
        """What is left under the tightest cumulative cap from year k on, and its year j (the first of a tie): a
        line of year 1 may be held by the cap of years 1 and 2 when year 2 already used much of it."""
        left, j = min((caps[j - 1] - sum(self.prior[:j], ZERO) - sum(self.used[:j], ZERO), j) for j in range(k, len(caps) + 1))
        return max(ZERO, left), j

    def applies(self, work: Work) -> bool:
        """Whether a line's treatment day lies in one of the capped insurance years."""
        return self.year_of(work.date) <= len(work.profile.staged_caps)

    def apply(self, work: Work) -> None:
        caps = work.profile.staged_caps
        k = self.year_of(work.date)
        if k > len(caps):
            return
        remaining, binding = self.tightest(k, caps)
        kept = min(work.benefit, remaining)
        if kept < work.benefit:  # the cap that holds the line is the one said
            phrase = say(Code.STEP_STAGED_CAP, years=binding, cap=Money(caps[binding - 1]), left=Money(remaining))
            work.set_benefit(kept, work.profile.sections.staged_cap, phrase, Cause.STAGED_CAP)
        self.used[k - 1] += kept

    def report(self) -> tuple[CapYear, ...]:
        if self.start is None:
            return ()
        years = []
        for k, cap in enumerate(self.caps, start=1):
            first, last = insurance_year_span(k, self.start, self.convention)
            used_before = sum(self.prior[:k], ZERO) + sum(self.used[: k - 1], ZERO)
            later = self.tightest(k + 1, self.caps) if k < len(self.caps) else None
            held = (later[1], later[0]) if later and later[0] < cap - used_before - self.used[k - 1] else None
            years.append(CapYear(k, first, last, cap, used_before, self.used[k - 1], sum(self.used[: k - 1], ZERO), held))
        return tuple(years)


def completed_year(birth: dt.date, years: int, civil_law: bool) -> int:
    """The calendar year in which a person completes a year of life; from the next one the deductible of the older
    age group applies (the tariff's deductible section). Read as the year of that birthday (spec 5.5: Y − B ≤ 19,
    the default, Auslegung year_of_life=birthday); or by §§ 187 Abs. 2, 188 Abs. 2 BGB (civil_law), where a year of
    life ends with the day before the birthday: for a person born on 1 January, on 31 December of the year before."""
    if civil_law and (birth.month, birth.day) == (1, 1):
        return birth.year + years - 1
    return birth.year + years


def months_missing(start: dt.date | None, year: int, *, begun_missing: bool) -> int:
    """The months the insurance misses of its first calendar year, each lowering that year's deductible by 1/12: the
    months before the start month, and the start month itself when the insurance begins after its 1st and
    `begun_missing` (the default, in the customer's favour: it is not insured in full; spec 5.5 counts only the
    whole months before it, Auslegung partial_start_month=insured)."""
    if start is None or start.year != year:
        return 0
    return start.month - 1 + (1 if begun_missing and start.day > 1 else 0)


class Deductible:
    """The deductible per calendar year by variant and age group, prorated in the start year; a year's
    amount is the one of the profile in force on the first line of that year that the deductible applies to."""

    def __init__(self, person: Person, variant: str, used_day: dt.date | None, *, civil_law: bool, begun_missing: bool) -> None:
        """used_day: the day in whose calendar year the person's deductible used lies (the plan date)."""
        self.person = person
        self.variant = variant
        self.used_day = used_day
        self.civil_law = civil_law  # Auslegung year_of_life
        self.begun_missing = begun_missing  # Auslegung partial_start_month
        self.used: dict[int, Decimal] = {}
        self.years: dict[int, DeductibleYear] = {}

    def _year(self, year: int, profile: Profile) -> DeductibleYear:
        found = self.years.get(year)
        if found is not None:
            return found
        person = self.person
        adult = person.birth_date is None or year > completed_year(
            person.birth_date, profile.deductible_youth_until, self.civil_law
        )
        variant = profile.variant(self.variant)
        full = (variant.deductible_adult if adult else variant.deductible_youth) if variant else ZERO
        reduced = months_missing(person.insurance_start, year, begun_missing=self.begun_missing) if full else 0
        amount = cents(full * (12 - reduced) / 12)
        found = self.years[year] = DeductibleYear(
            year, amount, self.used_before(year), ZERO, self.variant, adult, reduced, cents(full)
        )
        return found

    def used_before(self, year: int) -> Decimal:
        return cents(self.person.deductible_used) if self.used_day and year == self.used_day.year else ZERO

    def apply(self, work: Work) -> None:
        if work.line_class in (LineClass.P, LineClass.X):
            return
        year = work.date.year
        the_year = self._year(year, work.profile)
        self.used.setdefault(year, ZERO)
        left = max(ZERO, the_year.amount - the_year.used_before - self.used[year])
        take = min(left, work.benefit)
        if take > 0:
            amount, note = Money(the_year.amount), the_year.note()
            phrase = say(Code.STEP_DEDUCTIBLE, year=year, note=note, amount=amount, left=Money(left), taken=Money(take))
            work.set_benefit(work.benefit - take, work.profile.sections.deductible, phrase, Cause.DEDUCTIBLE)
        self.used[year] += take

    def report(self) -> tuple[DeductibleYear, ...]:
        return tuple(dataclasses.replace(self.years[y], used_by_plan=self.used[y]) for y in sorted(self.used))


def history_findings(limits: Limits, sections: Sections, report: Report) -> None:
    """What the person's earlier amounts cannot be: more deductible used than a year has, more earlier class-A
    benefit than an insurance year's cap, more PZR reimbursed than its limit – estimated as given, and asked about."""
    for year in limits.deductible:
        if year.used_before > year.amount:
            said = say(Code.HISTORY_DEDUCTIBLE, year=year.year, used=Money(year.used_before), amount=Money(year.amount))
            report(Severity.WARNING, said, sheet="Patient", column="Selbstbehalt verbraucht", section=sections.deductible)
    for cap in limits.staged_cap:
        earlier = cap.used_before - cap.plan_before
        if earlier > cap.cumulative_cap:
            said = say(Code.HISTORY_CAP, year=cap.year, used=Money(earlier), cap=Money(cap.cumulative_cap))
            report(Severity.WARNING, said, sheet="Patient", section=sections.staged_cap)
    for pzr in limits.pzr:
        if pzr.used_before > pzr.limit:
            said = say(Code.HISTORY_PZR, year=pzr.year, used=Money(pzr.used_before), limit=Money(pzr.limit))
            report(Severity.WARNING, said, sheet="Patient", column="PZR erstattet", section=sections.pzr)
