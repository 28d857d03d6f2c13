"""What the GOZ allows of a bone augmentation and what lies beside it on a treatment day (the profile's fee_limits):
a number billable at a share of its fee beside another in the same jaw half (beside a sinus lift), and two numbers
of which only one is billable beside the other (in one region: a jaw half's side teeth or a jaw's front teeth). A
line is cut only where its teeth say where it is and it bills one unit: a line without a tooth, of several units,
on a whole jaw or – for the share – on the front teeth (a region of its own) may be elsewhere, and is not cut for a
place it may not be (the customer's reading)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from estimator.codes import Code
from estimator.kinds import Cause, Severity
from estimator.money import cents
from estimator.phrases import say
from estimator.rules.billing import line_at, paid_as_itself, refuse
from estimator.rules.worksheet import Day, Report, Work
from estimator.teeth import QUADRANT, region

Place = tuple[Day, int]  # a treatment day and a jaw half


def jaw_halves(work: Work) -> frozenset[int]:
    """The jaw halves (quadrants 1–4) the line's teeth lie in."""
    return frozenset(QUADRANT[tooth // 10] for tooth in work.fee.teeth.teeth)


def jaw_half_rules(fee_works: Sequence[Work], report: Report) -> None:
    """First the shares (a line cut to its share may then be worth less than the other of a pair), then of two
    numbers billable only one beside the other in a jaw half on a day, those of the number worth less are not
    eligible. Each line is looked at once per jaw half it touches."""
    paid = [w for w in fee_works if paid_as_itself(w)]
    touching: dict[Place, list[Work]] = defaultdict(list)  # every paid line in each jaw half it touches
    for work in paid:
        for half in jaw_halves(work):
            touching[(work.day, half)].append(work)
    _shares(paid, touching, report)
    _either_or(paid, report)


def _one_place(work: Work) -> Place | None:
    """The day and jaw half of a line that bills one unit in one jaw half, else None."""
    halves = jaw_halves(work)
    return (work.day, next(iter(halves))) if len(halves) == 1 and work.fee.count <= 1 else None


def _shares(paid: Sequence[Work], touching: dict[Place, list[Work]], report: Report) -> None:
    first: dict[Place, dict[str, Work]] = {}  # each number's first line in a jaw half on a day (the shares leave
    for work in paid:  # these as they are: a line cut to its share is of another number)
        divisors = work.profile.fee_limits.divided_beside.get(work.number)
        place = _one_place(work) if divisors else None
        if divisors is None or place is None or any(tooth % 10 < 4 for tooth in work.fee.teeth.teeth):
            continue  # the front teeth are a region of their own, not „dieselbe Kieferhälfte“
        if place not in first:
            first[place] = {}
            for other in touching[place]:
                first[place].setdefault(other.number, other)
        found = [(divisors[n], o.index, o) for n, o in first[place].items() if n in divisors]
        if not found:
            continue
        divisor, _, other = min(found, key=lambda item: item[:2])  # the larger share
        beside, section = line_at(other), work.profile.sections.fee_units
        phrase = say(Code.FEE_SHARE_IN_JAW_HALF, line=work.ref, beside=beside, divisor=divisor)
        report(Severity.WARNING, phrase, sheet=work.line.sheet, row=work.line.row, column="Betrag", section=section)
        step = say(Code.STEP_SHARE_IN_JAW_HALF, beside=beside, divisor=divisor)
        work.set_eligible(cents(work.eligible / divisor), section, step, Cause.FEE_LIMITS)


def _either_or(paid: Sequence[Work], report: Report) -> None:
    """Of a pair billable only one beside the other, in one region on a day – a jaw half's side teeth, or the front
    teeth of a jaw, as the GOZ bills them („je Kieferhälfte oder Frontzahnbereich“) – the lines of the number worth
    less there are not eligible. A line of several units, on a whole jaw or over two regions may be elsewhere: not
    cut."""
    in_region: dict[tuple[Day, tuple[str, int]], list[Work]] = defaultdict(list)
    for work in paid:
        regions = {region(tooth) for tooth in work.fee.teeth.teeth}
        single = work.fee.count <= 1 and not work.fee.teeth.whole_jaw and len(regions) == 1
        if single and any(work.number in pair for pair in work.profile.fee_limits.either_or):
            in_region[(work.day, next(iter(regions)))].append(work)
    for here in in_region.values():
        for pair in {pair for w in here for pair in w.profile.fee_limits.either_or if w.number in pair}:
            best = [max((w for w in here if w.number == n and w.eligible), key=_worth, default=None) for n in pair]
            if None in best:
                continue
            kept = max((w for w in best if w is not None), key=_worth)
            for work in here:
                if work.number in pair and work.number != kept.number and work.eligible:
                    _refuse(work, kept, report)


def _worth(work: Work) -> tuple[object, int]:
    return work.eligible, -work.index


def _refuse(work: Work, kept: Work, report: Report) -> None:
    beside, section = line_at(kept), work.profile.sections.fee_units
    refuse(
        work,
        report,
        say(Code.FEE_EITHER_IN_JAW_HALF, line=work.ref, beside=beside),
        say(Code.STEP_NOT_BESIDE, beside=beside),
        section,
    )
