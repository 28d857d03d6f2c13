"""What the GOZ allows of one jaw half on a treatment day (the profile's fee_limits): a number billable at a share of
its fee beside another in the same jaw half (a bone augmentation beside a sinus lift), and two numbers of which only
one is billable beside the other there. A line is cut only where its teeth say the jaw half: a line without a tooth,
or one billing several jaw halves, may be anywhere – not cut for a place it may not be (the customer's reading)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from estimator.codes import Code
from estimator.kinds import Cause, LineClass, Schedule, Severity
from estimator.money import ZERO, cents
from estimator.phrases import say
from estimator.rules.billing import line_at
from estimator.rules.worksheet import Report, Work

QUADRANT = {1: 1, 2: 2, 3: 3, 4: 4, 5: 1, 6: 2, 7: 3, 8: 4}  # FDI: the deciduous quadrants lie in the same halves


def jaw_halves(work: Work) -> frozenset[int]:
    """The jaw halves (quadrants 1–4) the line's teeth lie in."""
    return frozenset(QUADRANT[tooth // 10] for tooth in work.fee.teeth.teeth)


def jaw_half_rules(fee_works: Sequence[Work], report: Report) -> None:
    """Of two numbers billable only one beside the other in a jaw half on a day, the one worth less is not eligible;
    then a number billable at a share beside another in its jaw half gets that share of its fee (the larger share
    where two apply)."""
    on_day: dict[dt.date, list[Work]] = {}
    for work in fee_works:
        if work.fee.schedule is Schedule.GOZ and not work.analogue and work.eligible and work.line_class is not LineClass.X:
            on_day.setdefault(work.date, []).append(work)
    for works in on_day.values():
        if len(works) > 1:
            _either_or(works, report)
            _shares(works, report)


def _either_or(works: Sequence[Work], report: Report) -> None:
    for work in works:
        pairs = work.profile.fee_limits.either_or
        if not work.eligible or not any(work.number in pair for pair in pairs):
            continue
        halves = jaw_halves(work)
        rivals = [
            other
            for other in works
            if other is not work
            and other.eligible
            and any({work.number, other.number} == pair for pair in pairs)
            and halves & jaw_halves(other)
        ]
        kept = max((work, *rivals), key=lambda w: (w.eligible, -w.index))
        for other in (work, *rivals):
            if other is not kept:
                _refuse(other, kept, report)


def _refuse(work: Work, kept: Work, report: Report) -> None:
    beside, section = line_at(kept), work.profile.sections.fee_units
    phrase = say(Code.FEE_EITHER_IN_JAW_HALF, line=work.ref, beside=beside)
    report(Severity.ERROR, phrase, sheet=work.line.sheet, row=work.line.row, column="Nr", section=section)
    work.set_eligible(ZERO, section, say(Code.STEP_NOT_BESIDE, beside=beside), Cause.NOT_ELIGIBLE)


def _shares(works: Sequence[Work], report: Report) -> None:
    for work in works:
        divisors = work.profile.fee_limits.divided_beside.get(work.number)
        halves = jaw_halves(work)
        if not divisors or not work.eligible or len(halves) != 1 or work.fee.count > 1:
            continue
        found = [(divisors[o.number], o) for o in works if o.number in divisors and o.eligible and halves & jaw_halves(o)]
        if not found:
            continue
        divisor, other = min(found, key=lambda pair: (pair[0], pair[1].index))  # the larger share
        beside, section = line_at(other), work.profile.sections.fee_units
        phrase = say(Code.FEE_SHARE_IN_JAW_HALF, line=work.ref, beside=beside, divisor=divisor)
        report(Severity.WARNING, phrase, sheet=work.line.sheet, row=work.line.row, column="Betrag", section=section)
        step = say(Code.STEP_SHARE_IN_JAW_HALF, beside=beside, divisor=divisor)
        work.set_eligible(cents(work.eligible / divisor), section, step, Cause.FEE_LIMITS)
