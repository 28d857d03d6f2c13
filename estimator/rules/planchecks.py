"""What is asked about the plan as a whole: treatment before the insurance began, a person's data missing or
impossible (born after the treatment), lab costs that call for an estimate of their own, treatment days far from the
plan date, lab work dated in another insurance year of the staged caps than its services, a tooth crowned twice, an
accident marked on some of a tooth's services of a day; and what is no longer said of a line the rules made class X."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from estimator.cells import short_text
from estimator.codes import Code
from estimator.kinds import LineClass, Schedule, Severity
from estimator.model import MAX_CAP_YEARS, Finding, Person, Plan
from estimator.money import ZERO
from estimator.phrases import Money, say, some
from estimator.rules.classify import age_on
from estimator.rules.materials import is_material
from estimator.rules.worksheet import Report, Work
from estimator.tariff.profile import Profile

# findings that call a line's amount eligible (as billed, or kept): not said of a line the rules then make class X
SAYS_ELIGIBLE = frozenset(
    {Code.FEE_ABOVE_THRESHOLD, Code.FEE_GOAE_NOT_FOR_DENTISTS, Code.LAB_MATERIAL_REVIEW, Code.LAB_VAT_UNUSUAL}
)


def unsaid_of_class_x(works: Sequence[Work], findings: list[Finding]) -> None:
    """Drops from `findings` what calls the amount of a line eligible that the rules made class X after (an implant
    over the limit, a reviewer's class X, the work on them): its explanation says why it is not."""
    not_eligible = {(w.line.sheet, w.line.row) for w in works if w.line_class is LineClass.X}
    if not_eligible:
        findings[:] = [f for f in findings if f.phrase.code not in SAYS_ELIGIBLE or (f.sheet, f.row) not in not_eligible]


def not_yet_insured(works: list[Work], person: Person, report: Report) -> None:
    """Treatment before insurance start is not covered (spec 6a)."""
    start = person.insurance_start
    if start is None:
        return
    for work in works:
        if work.date < start:
            work.exclude(work.profile.sections.insurance_start, say(Code.STEP_BEFORE_INSURANCE, date=work.date, start=start))
            phrase = say(Code.DATE_BEFORE_INSURANCE_START, date=work.date, start=start)
            section = work.profile.sections.insurance_start
            report(Severity.ERROR, phrase, sheet=work.line.sheet, row=work.line.row, column="Datum", section=section)


def plan_findings(works: list[Work], person: Person, profile: Profile, report: Report) -> None:
    """The lab costs above which the dentist owes an estimate of their own (GOZ § 9 Abs. 2: dental technicians' work,
    not material billed beside a fee); an accident's proof; the person's data missing, or a birth date after the
    first treatment day or the insurance start (a two-digit year read in the wrong century), which would give a child's
    deductible."""
    sections = profile.sections
    lab_total = sum((w.billed for w in works if not w.is_fee and not is_material(w)), ZERO)
    if lab_total > profile.lab_cost_estimate_threshold:
        phrase = say(Code.LAB_COST_ESTIMATE, total=Money(lab_total), threshold=Money(profile.lab_cost_estimate_threshold))
        report(Severity.INFO, phrase, section=sections.cost_estimate)
    if any(w.accident for w in works):
        report(Severity.INFO, say(Code.ACCIDENT_PROOF), section=sections.accident)
    if person.insurance_start is None:
        report(Severity.WARNING, say(Code.PERSON_NO_INSURANCE_START), sheet="Patient", column="B", section=sections.staged_cap)
    if person.birth_date is None:
        report(Severity.WARNING, say(Code.PERSON_NO_BIRTH_DATE), sheet="Patient", column="B", section=sections.deductible)
    first = min(works, key=lambda w: (w.date, w.is_fee is False, w.line.row), default=None)
    if person.birth_date is not None and first is not None and person.birth_date > first.date:
        line = first.line  # its date may be the slip: named, as the birth date is
        phrase = say(Code.PERSON_BORN_AFTER_TREATMENT, birth=person.birth_date, date=first.date, sheet=line.sheet, row=line.row)
        report(Severity.ERROR, phrase, sheet="Patient", column="B", section=sections.deductible)
    elif person.birth_date and person.insurance_start and person.birth_date > person.insurance_start:  # „1.1.26“: 2026
        phrase = say(Code.PERSON_BORN_AFTER_START, birth=person.birth_date, start=person.insurance_start)
        report(Severity.ERROR, phrase, sheet="Patient", column="B", section=sections.deductible)


def sessions_named(works: list[Work], report: Report) -> None:
    """One finding a sheet for the lines that name a session instead of a day, as long as they do (a day given, in
    the window or by the Zahnstaffel-Planung, ends it): each session a treatment day of its own for the limits per
    session and day, the staged caps and the deductible by the plan date – asking for the days."""
    by_sheet: dict[str, list[Work]] = {}
    for work in works:
        if work.line.session and work.line.date is None:
            by_sheet.setdefault(work.line.sheet, []).append(work)
    for sheet, named in by_sheet.items():
        named.sort(key=lambda work: work.line.row)
        rows = tuple(work.line.row for work in named)
        texts = tuple(dict.fromkeys(short_text(work.line.session, 30) for work in named))
        shown = texts[:5] + (("…",) if len(texts) > 5 else ())
        phrase = say(Code.INPUT_SESSIONS, sheet=sheet, count=len(rows), texts=shown, rows=rows[:10], more=len(rows) > 10)
        report(Severity.WARNING, phrase, sheet=sheet, row=rows[0], column="Datum")


MILK_TEETH_GONE = 14  # the age by which a child's last primary teeth are normally replaced


def milk_teeth_of_adults(works: list[Work], person: Person, report: Report) -> None:
    """A primary tooth (quadrants 5–8) named one by one for a person of 14 or more on the treatment day is asked
    about: most often a slip for the permanent tooth at its place or the digits turned round („61“ for 16) – the
    tooth decides which services on it go together. Said once a line, the first such tooth."""
    birth = person.birth_date
    if birth is None:
        return
    for work in works:
        teeth = work.line.teeth
        if teeth.whole_jaw or not teeth.teeth or max(teeth.teeth) < 51:  # most lines: no primary tooth
            continue
        age = age_on(birth, work.date)
        if age < MILK_TEETH_GONE:
            continue
        tooth = min(t for t in teeth.teeth if t >= 51)
        turned = (tooth % 10) * 10 + tooth // 10  # 61 -> 16, a permanent tooth only when its digits make one
        meant = (tooth - 40, *((turned,) if 1 <= turned // 10 <= 4 and 1 <= turned % 10 <= 8 else ()))
        phrase = say(Code.LINE_MILK_TOOTH, line=work.ref, tooth=tooth, date=work.date, age=age, meant=meant)
        report(Severity.WARNING, phrase, sheet=work.line.sheet, row=work.line.row, column="Zahn")


def teeth_restored_again(fee_works: list[Work], report: Report) -> None:
    """A crown or bridge anchor on a tooth that has one already in the plan (the profile's asked_again_per_tooth: a
    crown beside an anchor, or one on another day or session – the same number twice in a session is billed once by
    its limit, said there) is asked about – a row copied or the tooth typed wrong – and billed as the plan says. Said
    at each later line, with the tooth's first one; a line not eligible (class X) is none."""
    crowns = [
        work
        for work in fee_works
        if work.number in work.profile.fee_limits.asked_again_per_tooth
        and work.line_class is not LineClass.X
        and not work.fee.teeth.whole_jaw
        and not work.analogue
        and work.fee.schedule is Schedule.GOZ
    ]
    first_of: dict[int, Work] = {}  # each tooth's first crown or anchor in treatment order
    for work in crowns:
        for tooth in work.fee.teeth.teeth:
            if work.order_key < first_of.setdefault(tooth, work).order_key:
                first_of[tooth] = work
    for work in crowns:
        again = [
            (tooth, first)
            for tooth in sorted(work.fee.teeth.teeth)
            if (first := first_of[tooth]) is not work and (first.day != work.day or first.number != work.number)
        ]
        if again:  # the first of each tooth comes before this line
            tooth, first = again[0]
            other, day, session = first.ref, first.date, first.line.session
            phrase = say(Code.LINE_TOOTH_AGAIN, line=work.ref, tooth=tooth, other=other, date=day, session=session)
            report(Severity.WARNING, phrase, sheet=work.line.sheet, row=work.line.row, column="Zahn")


def accident_in_part(fee_works: list[Work], capped: Callable[[Work], bool], report: Report) -> None:
    """A class-A line the staged caps hold, on a tooth and day with a line marked as an accident's, not marked itself:
    asked about, and estimated as marked (the caps do not hold an accident's work; a service of the same treatment
    left unmarked stays under them)."""
    marked: dict[tuple[int, dt.date], Work] = {}
    for work in fee_works:
        if work.fee.accident and not work.fee.teeth.whole_jaw:
            for tooth in work.fee.teeth.teeth:
                marked.setdefault((tooth, work.date), work)
    for work in fee_works if marked else ():
        if work.accident or work.line_class is not LineClass.A or not capped(work):
            continue
        shared = next((t for t in sorted(work.fee.teeth.teeth) if (t, work.date) in marked), None)
        if shared is not None:
            phrase = say(Code.ACCIDENT_IN_PART, line=work.ref, other=marked[(shared, work.date)].ref, tooth=shared)
            section = work.profile.sections.accident
            report(Severity.WARNING, phrase, sheet=work.line.sheet, row=work.line.row, column="Unfall", section=section)


EARLY, LATE = dt.timedelta(days=31), dt.timedelta(days=731)  # a treatment day this far from the plan date is asked about


def dates_far_from_plan(works: list[Work], plan_date: dt.date | None, report: Report) -> None:
    """A treatment day before the plan date (a plan comes before its treatment) or more than two years after it is
    likely a typo in the year: it is estimated as given, and said once per such day, at its first line."""
    if plan_date is None:
        return
    far: dict[dt.date, list[Work]] = {}
    for work in works:
        day = work.line.date
        if day is not None and not plan_date - EARLY <= day <= plan_date + LATE:
            far.setdefault(day, []).append(work)
    for day, on_it in sorted(far.items()):
        first = min(on_it, key=lambda w: w.order_key)
        ref = first.ref if len(on_it) == 1 else say(Code.PART_LINES_OF_DAY, line=first.ref, others=len(on_it) - 1)
        code = Code.DATE_BEFORE_PLAN if day < plan_date else Code.DATE_LONG_AFTER_PLAN
        phrase = say(code, line=ref, date=day, plan_date=plan_date)
        report(Severity.WARNING, phrase, sheet=first.line.sheet, row=first.line.row, column="Datum")


def dates_not_carried(fee_works: list[Work], plan_date: dt.date | None, report: Report) -> None:
    """Fee lines without a date right below one with another day than the plan date (a date written only on a
    session's first row): computed on the plan date, as the template says an empty date means – said once for each
    run of them, so that a session's lines are not counted in another year unseen. (A lab line without a date takes
    its services' day: estimator.rules.engine.)"""
    if plan_date is None:
        return  # the lines without a date are not computed, and said so
    runs: list[tuple[dt.date, list[Work]]] = []  # the day above, and the lines without one below it
    last: dict[str, Work] = {}  # by sheet, the line above as the plan orders them (the window's order: lines added, moved)
    for work in fee_works:
        line, above = work.line, last.get(work.line.sheet)
        last[line.sheet] = work
        if line.date is None and not line.session and above is not None:  # a line in a session says where it belongs
            if above.line.date is not None and above.line.date != plan_date:
                runs.append((above.line.date, [work]))
            elif above.line.date is None and not above.line.session and runs and runs[-1][1][-1] is above:
                runs[-1][1].append(work)
    for day, run in runs:
        phrase = say(Code.DATE_NOT_CARRIED, line=run[0].ref, count=len(run), plan_date=plan_date, above=day)
        report(Severity.WARNING, phrase, sheet=run[0].line.sheet, row=run[0].line.row, column="Datum")


def lab_in_another_cap_year(
    fee_works: list[Work], lab_works: list[Work], year_of: Callable[[dt.date], int], report: Report
) -> None:
    """A class-A lab line dated in another insurance year than every class-A service on its teeth, one of them within
    the staged caps (a crown of 10.12.2025, its lab work of 05.01.2026): the caps count by „Behandlungstage“ (the
    profile's staged_cap section), and the insurer may count the lab work on its services' day – computed on its own
    date, and asked about."""
    days: dict[int, set[dt.date]] = {}
    for work in fee_works:
        if work.line_class is LineClass.A:
            for tooth in work.fee.teeth.teeth:
                days.setdefault(tooth, set()).add(work.date)
    known: dict[frozenset[int], tuple[tuple[dt.date, ...], set[int]]] = {}  # once for all lab lines on the same teeth
    for work in lab_works:
        if work.line_class is not LineClass.A or work.accident or work.lab.date is None:
            continue
        if (teeth := work.lab.teeth.teeth) not in known:
            services = set().union(*(days.get(tooth, set()) for tooth in teeth))
            known[teeth] = (tuple(sorted(services)), {year_of(day) for day in services})
        ordered, years = known[teeth]
        year = year_of(work.date)
        if years and year not in years and min(years | {year}) <= len(work.profile.staged_caps):
            phrase = say(Code.LAB_OTHER_CAP_YEAR, line=work.ref, date=work.date, year=year, dates=some(ordered))
            section = work.profile.sections.staged_cap
            report(Severity.WARNING, phrase, sheet=work.line.sheet, row=work.line.row, column="Datum", section=section)


def earlier_benefits_assumed(works: list[Work], plan: Plan, year_of: Callable[[dt.date], int], report: Report) -> None:
    """Class-A work of the plan in a later capped insurance year while the earlier benefit of a year before it is given
    nowhere – not on the Patient sheet (a 0 there is given), nor typed in the window, nor taken from the case register:
    the staged cap is computed as if the insurer had paid nothing for it – said, as the letter states what the cap leaves
    free on that ground."""
    person = plan.person
    if person.insurance_start is None or person.prior_source:
        return
    years = [
        year_of(w.date)
        for w in works
        if w.line_class is LineClass.A and not w.accident and 1 < year_of(w.date) <= len(w.profile.staged_caps)
    ]
    given = set(range(1, len(person.prior_class_a) + 1)) | {
        k for k in range(1, MAX_CAP_YEARS + 1) if f"Jahr {k}" in plan.patient_cells
    }
    if years and not set(range(1, min(years))) <= given:
        section = works[0].profile.sections.staged_cap
        report(Severity.INFO, say(Code.HISTORY_CAP_ASSUMED, years=min(years) - 1), sheet="Patient", section=section)
