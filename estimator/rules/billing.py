"""How often the fee schedule lets a fee count (spec 3 and 6a): surcharges, the laser surcharge and the other numbers
the profile names once per treatment day, individual prophylaxis and the profile's other numbers so often per calendar
year, a surcharge only beside its services, and what needs a reason beside prophylaxis."""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

from estimator.auslegung import Auslegung
from estimator.codes import Code
from estimator.kinds import Cause, LineClass, Schedule, Severity
from estimator.money import ZERO, cents
from estimator.phrases import Number, Param, Phrase, say
from estimator.rules.sessions import SessionLimits
from estimator.rules.worksheet import Day, Report, Work, report_units
from estimator.tariff.checked import OPEN_END, PointBand
from estimator.tariff.feelimits import is_reason
from estimator.tariff.profile import Profile

SURCHARGES = "surcharges"  # the surgery surcharges' one unit a day, whichever of them takes it


class Units(NamedTuple):
    """The units of a line that count and, where fewer than billed, the rule that says so and its section."""

    units: Decimal
    rule: Phrase | None = None
    section: str = ""


class UnitAllowance:
    """The units of each line that count, asked in treatment order (date, then plan order). Of several surgery
    surcharges on one day the one for the points of the day's surgical service with the most points counts (GOZ
    Abschnitt L Nr. 5), whatever the rows' order; `fee_works` have their surcharges' services (classify_fee_lines)."""

    def __init__(self, settings: Auslegung, fee_works: Sequence[Work]) -> None:
        self.reading = settings.prophylaxis_frequency
        self.surcharges_listed = settings.surcharges_listed
        self.used_on_day: dict[tuple[str, Day], Decimal] = {}
        self.numbers_on_day: dict[Day, set[str]] = {}  # the services billed as themselves (no analogue)
        for work in fee_works:
            if work.fee.schedule is Schedule.GOZ and not work.analogue:
                self.numbers_on_day.setdefault(work.day, set()).add(work.number)
        self.prophylaxis_days = prophylaxis_days(fee_works)
        self.used_in_year: dict[tuple[str, int], Decimal] = {}
        self.sessions = SessionLimits()
        self.fits = {id(work): surcharge_fit(work) for work in fee_works if _is_surcharge(work)}
        self.fitting_first: set[int] = set()  # surcharges that take their day's unit before the others of the day
        fitting = [(work, fit) for work in fee_works if (fit := self.fits.get(id(work))) is not None and fit.fits]
        for work, _ in sorted(fitting, key=lambda pair: (pair[0].date, -pair[1].points, pair[0].order_key)):
            if (SURCHARGES, work.day) not in self.used_on_day:
                self.fitting_first.add(id(work))
                self.used_on_day[(SURCHARGES, work.day)] = min(work.fee.count, Decimal(1))  # its unit, asked for later

    def services_missing(self, work: Work) -> tuple[str, ...]:
        """The services a surcharge belongs to (the profile's with_service; a surgery surcharge's, GOZ Abschnitt L's
        list, with the Auslegung surcharge_services goz_list) when none of them is billed on its day; empty when one
        is, or when the line needs none."""
        profile = work.profile
        own = work.fee.schedule is Schedule.GOZ and not work.analogue  # an analogue borrows the fee, not these limits
        on_day = self.numbers_on_day.get(work.day, set())
        if self.surcharges_listed and own and work.number in profile.surcharge_numbers:
            if any(profile.surgical_listed.holds(number) for number in on_day):
                return ()
            return tuple(c.first if c.first == c.last else f"{c.first}–{c.last}" for c in profile.surgical_listed)
        needed = profile.fee_limits.with_service.get(work.number)
        if not needed or not own or needed & on_day:
            return ()
        return tuple(sorted(needed))

    def allowed(self, work: Work, report: Report) -> Units:
        """How many of the line's units count, and by which rule; the others are not eligible (a finding says why)."""
        count = work.fee.count
        if work.fee.schedule is not Schedule.GOZ:
            return Units(count)
        profile = work.profile
        group = _once_a_day_group(profile, work.number, work.analogue)  # a surcharge's class may follow another service
        unpaid = work.line_class is LineClass.X or refused_beside(work, self.prophylaxis_days)
        if unpaid and group is None:
            return Units(count)  # not paid anyway: it takes none of the units its year allows another line
        if group is not None:
            day = (group, work.day)
            if id(work) in self.fitting_first:
                units = min(count, Decimal(1))  # its day's unit was kept for it
            else:
                units = max(ZERO, min(count, 1 - self.used_on_day.get(day, ZERO)))
                self.used_on_day[day] = self.used_on_day.get(day, ZERO) + units
            if group == SURCHARGES and units:
                _ask_about_points(work, self.fits.get(id(work)), report)
            if units < count:
                phrase = say(
                    Code.FEE_ONCE_PER_DAY,
                    line=work.ref,
                    what=_once_a_day(profile, group),
                    date=work.date,
                    session=work.line.session,
                    excess=Number(count - units),
                )
                report_units(work, report, Severity.ERROR, phrase, profile.sections.per_day)
            return Units(units, say(Code.PART_ONCE_A_DAY, what=_once_a_day(profile, group)), profile.sections.per_day)
        session = self.sessions.allowed(work, report)
        if session is not None:
            return Units(*session)
        prophylaxis = profile.prophylaxis_frequency[self.reading].get(work.number)
        limit = profile.fee_limits.per_year.get(work.number) if prophylaxis is None and not work.analogue else prophylaxis
        if limit is None:
            return Units(count)
        key = (work.number, work.date.year)
        units = max(ZERO, min(count, limit - self.used_in_year.get(key, ZERO)))
        self.used_in_year[key] = self.used_in_year.get(key, ZERO) + units
        if units < count:
            said: dict[str, Param] = {"line": work.ref, "limit": limit, "year": work.date.year}
            said["excess"] = Number(count - units)
            if prophylaxis is None:
                phrase, section = say(Code.FEE_YEARLY_LIMIT, **said), profile.sections.fee_units
            elif len({limits.get(work.number) for limits in profile.prophylaxis_frequency.values()}) == 1:  # one in all
                phrase, section = say(Code.FEE_YEARLY_LIMIT, **said), profile.sections.prophylaxis
            else:
                reading = profile.auslegung_names.reading("prophylaxis_frequency", self.reading)
                phrase, section = say(Code.FEE_FREQUENCY_LIMIT, reading=reading, **said), profile.sections.prophylaxis
            report_units(work, report, Severity.WARNING, phrase, section)
            return Units(units, say(Code.PART_PER_YEAR, number=work.number, limit=limit, year=work.date.year), section)
        return Units(units)


def _is_surcharge(work: Work) -> bool:
    return work.fee.schedule is Schedule.GOZ and work.number in work.profile.surcharge_numbers


class SurchargeFit(NamedTuple):
    """A surgery surcharge's band of points, the service it belongs to and that service's points."""

    band: PointBand
    service: Work
    points: Decimal

    @property
    def fits(self) -> bool:
        """Whether the surcharge is the one for its service's points (GOZ Abschnitt L Nr. 5)."""
        return self.band.fits(self.service.number, self.points)


def surcharge_fit(work: Work) -> SurchargeFit | None:
    """A surcharge's band and its service with the points; None when the fit cannot be told: no service, a GOÄ
    service, one without points, a number without a band in the profile."""
    band, service = work.profile.surcharge_points.get(work.number), work.owner
    if band is None or service is None or service.fee.schedule is not Schedule.GOZ:
        return None
    fee = service.cat.goz.get(service.number)
    return None if fee is None or fee.points is None else SurchargeFit(band, service, Decimal(fee.points))


def _ask_about_points(work: Work, fit: SurchargeFit | None, report: Report) -> None:
    """A surcharge not for the points of its service: estimated as billed (spec section 2), and asked about."""
    if fit is None or fit.fits:
        return
    band, service, points = fit
    bands = sorted(work.profile.surcharge_points.items())
    fitting = next((number for number, other in bands if other.fits(service.number, points)), "")
    span = (
        say(Code.PART_POINTS_FROM, low=band.low)
        if band.high >= OPEN_END
        else say(Code.PART_POINTS_BETWEEN, low=band.low, high=band.high)
    )
    phrase = say(
        Code.SURCHARGE_POINTS,
        line=work.ref,
        span=span,
        service=service.ref,
        points=int(points),
        fitting=fitting,
        unfit=not fitting,
    )
    section = work.profile.sections.surcharge_points
    report(Severity.WARNING, phrase, sheet=work.line.sheet, row=work.line.row, column="Nr", section=section)


def prophylaxis_days(fee_works: Sequence[Work]) -> dict[Day, Work]:
    """The days of an individual prophylaxis beside which some numbers need a reason, each with its first line."""
    days: dict[Day, Work] = {}
    for work in fee_works:
        if work.fee.schedule is Schedule.GOZ and work.number in work.profile.prophylaxis_exclusive:
            days.setdefault(work.day, work)
    return days


def refused_beside(work: Work, days: dict[Day, Work]) -> bool:
    """Whether the line is one that needs a reason beside that day's individual prophylaxis and has none."""
    if work.day not in days:
        return False
    needs_reason = work.profile.needs_reason_beside_prophylaxis.get(work.fee.schedule.value, frozenset())
    return work.number in needs_reason and not is_reason(work.fee.justification)


def beside_prophylaxis(fee_works: Sequence[Work], report: Report) -> None:
    """Some numbers on the day of an individual prophylaxis count only with a reason (GOZ Abschnitt B)."""
    days = prophylaxis_days(fee_works)
    for work in fee_works:
        if not refused_beside(work, days) or not work.eligible:
            continue
        beside = line_at(days[work.day])
        section = work.profile.sections.prophylaxis
        report(
            Severity.ERROR,
            say(Code.FEE_BESIDE_PROPHYLAXIS, line=work.ref, beside=beside),
            sheet=work.line.sheet,
            row=work.line.row,
            column="Begründung",
            section=section,
        )
        work.set_eligible(ZERO, section, say(Code.STEP_BESIDE_PROPHYLAXIS, beside=beside), Cause.NOT_ELIGIBLE)


def _once_a_day_group(profile: Profile, number: str, analogue: bool) -> str | None:
    """What a GOZ number shares its one unit a day with: the surgery surcharges all together, another number by itself;
    None for a number without that limit (and for an analogue measured by one of the profile's once_a_day numbers)."""
    if number in profile.surcharge_numbers:
        return SURCHARGES
    return number if number == profile.laser_number or (number in profile.fee_limits.once_a_day and not analogue) else None


def _once_a_day(profile: Profile, group: str) -> Phrase:
    """What may be billed once a day: the surgery surcharges, the laser surcharge or another number."""
    if group == SURCHARGES:
        surcharges = sorted(profile.surcharge_numbers)
        return say(Code.PART_SURGERY_SURCHARGE, first=surcharges[0], last=surcharges[-1])
    if group == profile.laser_number:
        return say(Code.PART_LASER_SURCHARGE, number=group)
    return say(Code.PART_GOZ_NUMBER, number=group)


def tooth_rules(fee_works: Sequence[Work], report: Report) -> None:
    """What the GOZ allows of one tooth (the profile's fee_limits), over the lines still paid, in treatment order: a
    number not beside others on its day and tooth (a build-up beside the inlay that includes it) is not eligible; a
    number billable once per tooth counts for each tooth once (a second build-up of a tooth is not eligible). A
    surcharge whose services of the day are all refused so has no service left to belong to (_services_refused)."""
    refused = _refuse_by_tooth(fee_works, report)
    if refused:
        _services_refused(fee_works, refused, report)
    _beside_without_teeth(fee_works, report)


def _beside_without_teeth(fee_works: Sequence[Work], report: Report) -> None:
    """A number not billable beside another on the same day and tooth, the two on one day and one of them without
    teeth (a PZR exported without them): not cut – a line without teeth may be on any (the customer's reading) –, but
    asked about, once a line, naming the first such other line."""
    involved: dict[int, frozenset[str]] = {}  # a profile's numbers in a not_beside rule, either side
    for limits in {id(w.profile.fee_limits): w.profile.fee_limits for w in fee_works}.values():
        involved[id(limits)] = frozenset(limits.not_beside).union(*limits.not_beside.values())
    works = [w for w in fee_works if w.number in involved[id(w.profile.fee_limits)] and paid_as_itself(w)]
    first: dict[tuple[Day, str], Work] = {}  # each number's first line on a day, still paid
    untoothed: dict[tuple[Day, str], Work] = {}  # and its first line there without teeth
    for work in works:
        for found in (first, untoothed) if not work.fee.teeth.teeth else (first,):
            known = found.setdefault((work.day, work.number), work)
            if work.order_key < known.order_key:
                found[(work.day, work.number)] = work
    for work in works:
        besides = work.profile.fee_limits.not_beside.get(work.number)
        if not besides:
            continue
        found = first if not work.fee.teeth.teeth else untoothed
        others = [other for number in sorted(besides) if (other := found.get((work.day, number))) is not None]
        if others:
            beside = line_at(min(others, key=lambda o: o.order_key))
            phrase = say(Code.FEE_BESIDE_WITHOUT_TEETH, line=work.ref, beside=beside)
            section = work.profile.sections.fee_units
            report(Severity.WARNING, phrase, sheet=work.line.sheet, row=work.line.row, column="Zahn", section=section)


def _refuse_by_tooth(fee_works: Sequence[Work], report: Report) -> list[Work]:
    """tooth_rules' own: the lines refused whole."""
    paid = [w for w in fee_works if paid_as_itself(w)]
    first: dict[tuple[Day, int, str], Work] = {}  # each number's first line on a tooth on a day
    for work in sorted(paid, key=lambda w: w.order_key):
        for tooth in work.fee.teeth.teeth:
            first.setdefault((work.day, tooth, work.number), work)
    used: set[tuple[str, int]] = set()
    refused: list[Work] = []
    for work in sorted(paid, key=lambda w: w.order_key):
        limits, teeth = work.profile.fee_limits, work.fee.teeth.teeth
        besides = limits.not_beside.get(work.number, frozenset())
        # on the same tooth: a line without one may be on any – not cut for that (the customer's reading)
        # on each tooth the earliest such line, whatever the order of the numbers in the set (a finding names it)
        found = {t: [o for n in besides if (o := first.get((work.day, t, n))) is not None] for t in teeth} if besides else {}
        others = {t: min(lines, key=lambda o: o.order_key) for t, lines in found.items() if lines}
        section = work.profile.sections.fee_units
        lost = _units_shared(work, frozenset(others)) if others else ZERO
        shared, count = frozenset(others), work.fee.count
        if lost:
            beside = line_at(min(others.values(), key=lambda o: o.order_key))
            report_units(work, report, Severity.ERROR, say(Code.FEE_NOT_BESIDE, line=work.ref, beside=beside), section)
            eligible = cents(work.eligible * (count - lost) / count)
            work.set_eligible(eligible, section, say(Code.STEP_NOT_BESIDE, beside=beside), Cause.NOT_ELIGIBLE)
            if lost == count:
                refused.append(work)
                continue
        if work.number not in limits.once_per_tooth or not teeth:
            continue
        left = count - lost  # the units the teeth not shared keep, each of them once per tooth in the plan
        free = [tooth for tooth in sorted(teeth - shared if lost else teeth) if (work.number, tooth) not in used]
        units = min(left, Decimal(len(free)))
        used.update((work.number, tooth) for tooth in free[: math.ceil(units)])  # half a build-up is its tooth's too
        if units < left:
            excess = Number(left - units)
            report_units(
                work,
                report,
                Severity.ERROR,
                say(Code.FEE_ONCE_PER_TOOTH, line=work.ref, excess=excess),
                section,
            )
            phrase = say(Code.STEP_UNITS_ALLOWED, units=Number(units), count=Number(left))
            work.set_eligible(cents(work.eligible * units / left), section, phrase, Cause.NOT_ELIGIBLE)
            if not units:
                refused.append(work)
    return refused


def _units_shared(work: Work, shared: frozenset[int]) -> Decimal:
    """The units of a line that lie on the teeth it shares with a line it is not billable beside: all when all its
    teeth are shared; on a whole jaw (the teeth present) or at least a unit a tooth, one for each tooth shared; else
    those that cannot lie on its other teeth (one build-up on „16,17“ beside an inlay on 16 may be on 17)."""
    count, teeth = work.fee.count, work.fee.teeth
    if teeth.teeth <= shared:
        return count
    if teeth.whole_jaw or count >= len(teeth.teeth):
        return min(count, Decimal(len(shared)))
    return max(ZERO, count - len(teeth.teeth - shared))


def _services_refused(fee_works: Sequence[Work], refused: list[Work], report: Report) -> None:
    """A surcharge still paid whose services of its day (the profile's with_service) are all refused by the tooth
    rules – the microscope's surcharge on the day of a build-up beside the inlay that includes it – is not eligible:
    it is billable only with one of those services, and none is billable that day."""
    gone = {id(w) for w in refused}
    billable: dict[Day, set[str]] = {}
    for work in fee_works:
        if work.fee.schedule is Schedule.GOZ and not work.analogue and id(work) not in gone:
            billable.setdefault(work.day, set()).add(work.number)
    for work in fee_works:
        needed = work.profile.fee_limits.with_service.get(work.number)
        if not needed or not paid_as_itself(work) or needed & billable.get(work.day, set()):
            continue
        service = line_at(next(w for w in refused if w.day == work.day and w.number in needed))
        section = work.profile.sections.fee_limits
        phrase = say(Code.FEE_SERVICE_NOT_BILLABLE, line=work.ref, service=service)
        refuse(work, report, phrase, say(Code.STEP_SERVICE_NOT_BILLABLE, service=service), section)


def beside_on_day(fee_works: Sequence[Work], report: Report) -> None:
    """A GOZ number not billable beside others on its treatment day, whatever their teeth, is not eligible: the
    profile's not_beside_goae (the surgery surcharges beside the GOÄ's own for the same session) and not_beside_on_day
    (beside GOZ lines still paid as themselves); one of asked_beside_on_day (the PZR 1040 beside the fluoridation 1020
    it includes: which the insurer pays, the GOZ leaves open) is paid as planned and asked about."""
    on_day: dict[tuple[Day, Schedule], list[Work]] = {}
    for work in fee_works:
        if work.fee.schedule is Schedule.GOAE or paid_as_itself(work):
            on_day.setdefault((work.day, work.fee.schedule), []).append(work)
    for work in fee_works:
        limits, sections = work.profile.fee_limits, work.profile.sections
        asked = limits.asked_beside_on_day.get(work.number)
        if work.number not in limits.not_beside_goae and work.number not in limits.not_beside_on_day and not asked:
            continue
        if not paid_as_itself(work):
            continue
        for besides, schedule, section in (
            (limits.not_beside_goae.get(work.number), Schedule.GOAE, sections.surcharges_beside_goae),
            (limits.not_beside_on_day.get(work.number), Schedule.GOZ, sections.fee_units),
            (asked, Schedule.GOZ, sections.fee_units),
        ):
            other = next((o for o in on_day.get((work.day, schedule), ()) if o.number in (besides or ())), None)
            if other is not None and besides is asked:
                phrase = say(Code.FEE_BESIDE_ASKED, line=work.ref, beside=line_at(other))
                report(Severity.WARNING, phrase, sheet=work.line.sheet, row=work.line.row, column="Nr", section=section)
            elif other is not None:
                beside = line_at(other)
                phrase = say(Code.FEE_NOT_BESIDE_ON_DAY, line=work.ref, beside=beside)
                refuse(work, report, phrase, say(Code.STEP_NOT_BESIDE, beside=beside), section)
                break


def paid_as_itself(work: Work) -> bool:
    """A GOZ line billed under its own number (no analogue) and still paid: what the GOZ's rules of one tooth, one
    day or one jaw half look at."""
    return work.fee.schedule is Schedule.GOZ and not work.analogue and bool(work.eligible) and work.line_class is not LineClass.X


def refuse(work: Work, report: Report, finding: Phrase, step: Phrase, section: str) -> None:
    """A line the fee schedule does not let be billed: an error at its number, and not eligible."""
    report(Severity.ERROR, finding, sheet=work.line.sheet, row=work.line.row, column="Nr", section=section)
    work.set_eligible(ZERO, section, step, Cause.NOT_ELIGIBLE)


def line_at(work: Work) -> Phrase:
    """Another line as a finding names it: its number and teeth, its sheet and row."""
    return say(Code.PART_LINE_AT, line=work.ref, sheet=work.line.sheet, row=work.line.row)
