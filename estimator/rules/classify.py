"""Line classification of fee lines (spec section 2): every line gets exactly one class, by the ranges of the
tariff profile, preparatory measures, the user's class, and surcharges from the service they belong to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

from estimator.auslegung import Auslegung
from estimator.codes import Code
from estimator.kinds import Cause, LineClass, Schedule, Severity
from estimator.model import Person
from estimator.phrases import BY_HAND, REVIEW, Phrase, say
from estimator.rules.worksheet import Day, Report, Work
from estimator.tariff.profile import ClassRule, Profile, in_any

A, B, P, X = LineClass.A, LineClass.B, LineClass.P, LineClass.X


class DefaultClass(NamedTuple):
    """The class a fee number has by itself, why, and whether it may be preparatory or belongs to another service."""

    line_class: LineClass
    rule: str
    reason: Phrase
    preparatory_capable: bool = False
    surcharge: bool = False


def _goz_in(work: Work, rule: ClassRule) -> bool:
    return work.fee.schedule is Schedule.GOZ and in_any(work.number, rule.codes)


def is_orthodontic(work: Work) -> bool:
    """A fee line or a lab line of the profile's orthodontic ranges."""
    profile = work.profile
    if work.is_fee:
        return _goz_in(work, profile.orthodontics)
    return in_any(work.lab.code, profile.orthodontics_lab.codes)


def is_tooth_level_a_service(work: Work, line_class: LineClass | None = None) -> bool:
    """A class-A crown, prosthetic or implant line on single teeth, a list or a range - not a whole jaw."""
    teeth = work.fee.teeth
    return (
        (line_class or work.line_class) is A
        and bool(teeth.teeth)
        and not teeth.whole_jaw
        and work.fee.schedule is Schedule.GOZ
        and in_any(work.number, work.profile.tooth_level_services)
    )


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def orthodontics_begin(works: Sequence[Work], person: Person) -> dt.date | None:
    """Start of the orthodontic treatment: the person's KFO-Behandlungsbeginn, else its earliest line."""
    if person.orthodontics_start is not None:
        return person.orthodontics_start
    fee_dates = [w.date for w in works if w.is_fee and is_orthodontic(w)]
    dates = fee_dates or [w.date for w in works if not w.is_fee and is_orthodontic(w)]
    return min(dates, default=None)


def orthodontics_is_young(begin: dt.date | None, person: Person, age_limit: int) -> bool | None:
    """Whether the person was under the age limit when the orthodontic treatment began; None when unknown."""
    if begin is None or person.birth_date is None:
        return None
    return age_on(person.birth_date, begin) < age_limit


def _from_rule(rule: ClassRule) -> DefaultClass:
    return DefaultClass(rule.line_class, rule.section, say(Code.REASON_RANGE, label=rule.label), rule.preparatory)


def default_fee_class(work: Work, settings: Auslegung, young: bool | None) -> DefaultClass:
    """Class of a fee line by the profile's ranges; GOÄ lines and numbers in no range by the profile's defaults."""
    profile, number = work.profile, work.number
    sections = profile.sections
    if work.fee.schedule is Schedule.GOAE:
        return _from_rule(profile.goae_class)
    if number in profile.checkup_numbers:
        label = profile.checkup_label
        setting = profile.auslegung_names.reading("checkup_is_prevention", None if settings.checkup_is_prevention else False)
        if settings.checkup_is_prevention:
            reason = say(Code.REASON_CHECKUP_PREVENTION, label=label, number=number, setting=setting)
            return DefaultClass(P, sections.rate_P, reason)
        return DefaultClass(B, sections.rate_B, say(Code.REASON_CHECKUP_GENERAL, number=number, setting=setting), True)
    if number in profile.surcharge_numbers:
        return DefaultClass(B, sections.surcharge, say(Code.REASON_RANGE, label=profile.surcharge_label), surcharge=True)
    if number == profile.laser_number:
        return DefaultClass(B, sections.surcharge, say(Code.REASON_LASER, number=number), surcharge=True)
    if _goz_in(work, profile.orthodontics):
        label, limit = profile.orthodontics.label, profile.orthodontics_age_limit
        if young:
            return DefaultClass(B, sections.orthodontics, say(Code.REASON_ORTHODONTICS_YOUNG, label=label, age=limit))
        return DefaultClass(X, sections.orthodontics, say(Code.REASON_ORTHODONTICS_OLD, label=label, age=limit))
    if _goz_in(work, profile.splints):
        splint_class = LineClass(settings.splints_class)
        setting = profile.auslegung_names.reading("splints_class", settings.splints_class)
        reason = say(Code.REASON_SPLINT, label=profile.splints.label, setting=setting)
        return DefaultClass(splint_class, profile.splints.section, reason)
    rule = next((r for r in profile.fee_classes if in_any(number, r.codes)), profile.other_class)
    return _from_rule(rule)


def classify_fee_lines(works: Sequence[Work], settings: Auslegung, *, young: bool | None, report: Report) -> None:
    """Default class, preparatory measures, the user's own class, then surcharges from the service they belong to."""
    known: dict[tuple[int, Schedule, str], tuple[DefaultClass, Phrase]] = {}  # a plan bills a few numbers many times
    defaults = {}
    for work in works:
        key = (id(work.profile), work.fee.schedule, work.number)
        if (found := known.get(key)) is None:
            default = default_fee_class(work, settings, young)
            found = known[key] = default, say(Code.STEP_CLASS, reason=default.reason, cls=default.line_class)
        default, said = found
        defaults[id(work)] = default
        work.line_class = default.line_class
        if not default.surcharge:  # a surcharge's class is said with the service it belongs to (or without one)
            work.explain(default.rule, said)
    if settings.preparatory_by_tooth:
        _preparatory(works, {id(w) for w in works if defaults[id(w)].preparatory_capable})
    surcharges = [w for w in works if defaults[id(w)].surcharge]
    for work in works:
        if not defaults[id(work)].surcharge:
            apply_manual_class(work, work.fee.manual_class)
            apply_review_class(work)
    if surcharges:
        listed = settings.surcharges_listed
        surgery = _ServiceIndex(works, lambda w: _is_surgical(w, listed))
        lasered = _lasered_fee if settings.laser_basis == "line" else _points
        laser = _ServiceIndex(works, _is_lasered, rank=lasered)
        for work in surcharges:
            if work.number == work.profile.laser_number:
                _laser_owner(work, laser.owner(work))
            else:
                _surcharge_owner(work, surgery.owner(work), report, said_by_fees=listed and work.day not in surgery.of_day)
            apply_manual_class(work, work.fee.manual_class)
            apply_review_class(work)


class _ServiceIndex:
    """The lines a surcharge may belong to, the best of each day and of each tooth on a day (most points, then
    plan order), so that finding a surcharge's service looks at its teeth only, not at all lines of its day; `rank`:
    what "most" counts (the laser surcharge: the simple fee it is measured by)."""

    def __init__(
        self, works: Sequence[Work], accepts: Callable[[Work], bool], rank: Callable[[Work], Decimal | int] | None = None
    ) -> None:
        measure = rank or _points
        self.rank: dict[int, tuple[Decimal | int, int]] = {}
        self.of_day: dict[Day, Work] = {}
        self.on_tooth: dict[tuple[Day, int], Work] = {}
        for work in works:
            if not accepts(work):
                continue
            self.rank[id(work)] = (measure(work), -work.index)
            self._keep(self.of_day, work.day, work)
            for tooth in work.fee.teeth.teeth:
                self._keep(self.on_tooth, (work.day, tooth), work)

    def _keep(self, best: dict[Any, Work], key: Any, work: Work) -> None:
        if key not in best or self.rank[id(work)] > self.rank[id(best[key])]:
            best[key] = work

    def owner(self, surcharge: Work) -> Work | None:
        """The service of the surcharge's day, on its teeth if it names any."""
        teeth = surcharge.fee.teeth.teeth
        if not teeth:
            return self.of_day.get(surcharge.day)
        found = [self.on_tooth[(surcharge.day, t)] for t in teeth if (surcharge.day, t) in self.on_tooth]
        return max(found, key=lambda w: self.rank[id(w)], default=None)


def _preparatory(works: Sequence[Work], capable: set[int]) -> None:
    """A B line that may be preparatory and whose teeth all carry tooth-level A-services is A; it names the service
    of each tooth with the most points (the implant it prepares, not the analysis before it)."""
    anchors: dict[int, Work] = {}
    for work in works:
        if (_given_class(work) or work.line_class) is A and is_tooth_level_a_service(work):
            for tooth in work.fee.teeth.teeth:
                if tooth not in anchors or _points(work) > _points(anchors[tooth]):
                    anchors[tooth] = work
    for work in works:
        teeth = work.fee.teeth.teeth
        if id(work) not in capable or work.line_class is not B or not teeth or not teeth <= anchors.keys():
            continue
        services = tuple(dict.fromkeys(anchors[t] for t in sorted(teeth)))
        work.line_class = A
        work.preparatory = True
        work.explain(
            work.profile.sections.preparatory,
            say(
                Code.STEP_PREPARATORY,
                services=tuple(s.ref for s in services),
                setting=work.profile.auslegung_names.reading("preparatory_by_tooth"),
            ),
        )


def _points(work: Work) -> int:
    schedule = work.cat.goz if work.fee.schedule is Schedule.GOZ else work.cat.goae
    fee = schedule.get(work.number)
    return fee.points or 0 if fee else 0


def _lasered_fee(work: Work) -> Decimal:
    """What the laser surcharge is measured by when it takes the lasered line as billed (Auslegung laser_basis=line):
    its points for all its units."""
    return _points(work) * work.fee.count


def _is_lasered(work: Work) -> bool:
    """A service the laser surcharge may belong to (the profile's lasered numbers)."""
    return work.fee.schedule is Schedule.GOZ and work.number in work.profile.lasered_numbers


def _is_surgical(work: Work, listed: bool) -> bool:
    """A service a surgery surcharge may belong to: of the surgical sections, or – `listed` (Auslegung
    surcharge_services goz_list) – one GOZ Abschnitt L names."""
    profile = work.profile
    if listed:
        return work.fee.schedule is Schedule.GOZ and profile.surgical_listed.holds(work.number)
    if work.fee.schedule is Schedule.GOAE:
        fee = work.cat.goae.get(work.number)
        return fee is not None and fee.section in profile.surgical_goae_sections
    return in_any(work.number, profile.surgical)


def _take_owner_class(work: Work, owner: Work, code: Code) -> None:
    work.owner = owner
    work.line_class = owner.line_class
    work.explain(work.profile.sections.surcharge, say(code, service=owner.ref, cls=owner.line_class))


def _surcharge_owner(work: Work, owner: Work | None, report: Report, *, said_by_fees: bool) -> None:
    """A surcharge belongs to the surgical line of its day with the most points (on its teeth, if named); without
    one it is asked about – unless the fee step says it is not billable (`said_by_fees`: none that day, Auslegung
    surcharge_services goz_list)."""
    if owner is not None:
        _take_owner_class(work, owner, Code.STEP_SURCHARGE_OWNER)
        return
    section = work.profile.sections.surcharge
    work.explain(section, say(Code.STEP_SURCHARGE_NO_SURGERY, date=work.date, cls=B))
    if said_by_fees:
        return
    report(
        Severity.WARNING,
        say(
            Code.SURCHARGE_NO_SURGERY,
            line=work.ref,
            surgical=work.profile.surgical_label,
            date=work.date,
            on_teeth=bool(work.fee.teeth.teeth),
        ),
        sheet=work.line.sheet,
        row=work.line.row,
        column="Nr",
        section=section,
    )


def _laser_owner(work: Work, owner: Work | None) -> None:
    """The laser surcharge belongs to the lasered service of its day (on its teeth, if named) with most points."""
    if owner is not None:
        _take_owner_class(work, owner, Code.STEP_LASER_OWNER)
    else:
        work.explain(work.profile.sections.surcharge, say(Code.STEP_LASER_NO_SERVICE, date=work.date, cls=B))


def surcharges_follow_their_service(works: Sequence[Work], *, listed: bool) -> None:
    """A surcharge takes its service's class as it stands after the implant limit and the reviewer's decisions:
    a surcharge of an excluded implant is not eligible either (spec section 2) – unless another service it may
    belong to, worth as many points or with points the surcharge is for, stays on that day (on its teeth, if it
    names any): then it belongs to that one (two equal extractions, one of them refused by a review, keep the day's
    surcharge; a bone augmentation beside an excluded sinus lift, both in the band of the day's surcharge, keeps it;
    an extraction of fewer points than that band does not take the implant's surcharge)."""
    days: dict[Day, list[Work]] | None = None
    left: dict[tuple[object, ...], Work | None] = {}  # what _service_left depends on -> its answer, found once
    for work in works:
        owner = work.owner
        if owner is None or work.class_by_hand:
            continue
        if owner.line_class is X:
            days = days if days is not None else _services_by_day(works, listed)
            key = (work.day, work.number, work.fee.teeth.teeth, _points(owner))
            if key not in left:
                left[key] = _service_left(work, owner, days.get(work.day, ()), listed)
            other = left[key]
            if other is not None:
                work.explain(work.profile.sections.surcharge, say(Code.STEP_SURCHARGE_MOVED, service=owner.ref, other=other.ref))
                work.owner = owner = other
        if work.line_class is owner.line_class:
            continue
        section = work.profile.sections.surcharge
        if owner.line_class is X:
            work.exclude(
                section, say(Code.STEP_SURCHARGE_OF_EXCLUDED, service=owner.ref), owner.excluded_by or Cause.NOT_ELIGIBLE
            )
        else:
            work.include_again(section, say(Code.STEP_SURCHARGE_OF_INCLUDED, service=owner.ref))
            work.line_class = owner.line_class
            work.explain(section, say(Code.STEP_CLASS_OF_SERVICE, service=owner.ref, cls=owner.line_class))


def _services_by_day(works: Sequence[Work], listed: bool) -> dict[Day, list[Work]]:
    """The lines a surcharge may belong to (surgical or lasered), by treatment day, the most points first."""
    days: dict[Day, list[Work]] = {}
    for work in works:
        if _is_lasered(work) or _is_surgical(work, listed):
            days.setdefault(work.day, []).append(work)
    for services in days.values():
        services.sort(key=lambda w: (-_points(w), w.index))
    return days


def _service_left(surcharge: Work, excluded: Work, services: Sequence[Work], listed: bool) -> Work | None:
    """The service of its kind a surcharge may belong to instead of its excluded one: not excluded, on the
    surcharge's teeth if it names any, worth at least its points or – a surgery surcharge – with points this
    surcharge is for (GOZ Abschnitt L Nr. 5: the day's surcharge would be the same for it alone); the most points
    first."""
    laser = surcharge.number == surcharge.profile.laser_number
    teeth, worth = surcharge.fee.teeth.teeth, _points(excluded)
    band = None if laser else surcharge.profile.surcharge_points.get(surcharge.number)
    for w in services:  # the most points first: the first that fits is the one
        points = _points(w)
        if points < worth and band is None:
            return None  # none after it is worth as much
        if (
            w.line_class is not X
            and (_is_lasered(w) if laser else _is_surgical(w, listed))
            and (not teeth or teeth & w.fee.teeth.teeth)
            and (
                points >= worth or (w.fee.schedule is Schedule.GOZ and band is not None and band.fits(w.number, Decimal(points)))
            )
        ):
            return w
    return None


def _given_class(work: Work) -> LineClass | None:
    """The class a reviewer or the user gave the line, the reviewer's first; a refusal (X) acts on its line alone."""
    review = work.review.line_class if work.review else None  # a reviewer's X: the user's class stands beside it
    return next((given for given in (review, work.fee.manual_class) if given is not None and given is not X), None)


def apply_review_class(work: Work) -> None:
    """A reviewer's class replaces the rules' and the user's where the user's own would stand: before anything
    follows from the line's class – the lab lines and preparatory measures on its teeth, its surcharge, the
    implants counted per jaw (a refused implant leaves its place to the next)."""
    review = work.review
    if review is None or review.line_class is None:
        return
    work.class_by_hand = True
    if review.line_class is work.line_class:  # the rules' class confirmed: said, with who and why
        phrase = say(
            Code.STEP_REVIEW_CLASS_CONFIRMED, reviewer=review.reviewer, cls=review.line_class.value, reason=review.reason
        )
        work.explain(REVIEW, phrase)
        return
    old, new = work.line_class, review.line_class
    phrase = say(Code.STEP_REVIEW_CLASS, reviewer=review.reviewer, old=old.value, new=new.value, reason=review.reason)
    work.explain(REVIEW, phrase)
    work.take_class(new, by_review=True)


def apply_manual_class(work: Work, manual: LineClass | None) -> None:
    if manual is not None and manual is not work.line_class:
        work.take_class(manual)
        work.class_by_hand = True
        work.explain(BY_HAND, say(Code.STEP_MANUAL_CLASS, cls=manual))
    elif manual is not None:
        work.class_by_hand = True


def orthodontics_findings(
    works: Sequence[Work], begin: dt.date | None, person: Person, *, young: bool | None, profile: Profile, report: Report
) -> None:
    """Say once why orthodontic lines are not eligible."""
    orthodontic = [w for w in works if is_orthodontic(w)]
    if not orthodontic or young:
        return
    section = profile.sections.orthodontics
    if young is None:
        report(Severity.WARNING, say(Code.ORTHODONTICS_NO_BIRTH_DATE), sheet="Patient", column="B", section=section)
        return
    assert begin is not None and person.birth_date is not None
    phrase = say(
        Code.ORTHODONTICS_ADULT,
        begin=begin,
        given=person.orthodontics_start is not None,
        age=age_on(person.birth_date, begin),
        limit=profile.orthodontics_age_limit,
        lines=len(orthodontic),
    )
    report(Severity.WARNING, phrase, section=section)
