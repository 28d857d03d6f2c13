"""A reviewer's decisions on lines (spec section 7): a class or an eligible amount replaces the rules' result, each
said with who decided and why, and what keeps a decision from acting as set."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

from estimator.codes import Code
from estimator.kinds import Cause, LineClass, Severity
from estimator.model import FeeLine, LeftOutLine, Override, Plan, PlanLine
from estimator.money import cents
from estimator.phrases import REVIEW, Money, Phrase, say
from estimator.rules.worksheet import Report, Work
from estimator.tariff.profile import in_any

SEEN_DIGITS = 24  # of the digest a decision keeps of its line


def line_seen(line: PlanLine, day: dt.date, billed: Decimal) -> str:
    """What a reviewer's decision is about, as a digest of what its line is computed from: the number, the set of teeth,
    the treatment day (the plan date's for a line without one), count and factor with the reason or quantity and price,
    and the amount billed – a value typed again otherwise („16,17“ for „16, 17“, 2,30 for 2,3, the shown amount) is
    no change."""
    if isinstance(line, FeeLine):
        parts: tuple[object, ...] = (line.schedule.value, line.number, line.count, line.factor, line.justification.strip())
    else:
        parts = ("Labor", line.code, line.quantity, line.unit_price)
    values = (*parts, ",".join(map(str, sorted(line.teeth.teeth))), line.teeth.whole_jaw, day.isoformat(), billed)
    text = "|".join(f"{v.normalize():f}" if isinstance(v, Decimal) else str(v) for v in values)
    import hashlib  # noqa: PLC0415 - loads with the first decision, not at the window's start

    return hashlib.sha256(text.encode()).hexdigest()[:SEEN_DIGITS]


class Reviewed(NamedTuple):
    """A decision, its line and the line's reductions right after it (what a limit after it cut is the rest)."""

    override: Override
    work: Work
    reductions: dict[Cause, Decimal]


def apply_overrides(works: Sequence[Work], plan: Plan, undated: Sequence[LeftOutLine], report: Report) -> list[Reviewed]:
    """A reviewer's class or eligible amount replaces the rules' result; said in the line and in the findings.
    Returns each decision with the line it is on."""
    by_place = {(w.line.sheet, w.line.row): w for w in works if w.review is not None}  # placed in estimator.rules.engine
    reviewed: list[Reviewed] = []
    refused: list[Work] = []  # fee lines a review refuses: what stays beside them is said once all decisions act
    for override in plan.overrides:
        work = by_place.get((override.sheet, override.row))
        reviewer, reason = override.reviewer, override.reason
        if work is None:
            place = (override.sheet, override.row)
            left_out = any((left.sheet, left.row) == place for left in plan.left_out)
            without_day = any((left.sheet, left.row) == place for left in undated)
            code = (
                Code.OVERRIDE_LEFT_OUT_LINE
                if left_out
                else Code.OVERRIDE_UNDATED_LINE
                if without_day
                else Code.OVERRIDE_UNKNOWN_LINE
            )
            report(
                Severity.ERROR,
                say(code, reviewer=reviewer, sheet=override.sheet, row=override.row),
                sheet=override.sheet,
                row=override.row,
            )
            continue
        if override.seen and override.seen != line_seen(work.line, work.date, work.billed):  # decided on the line then
            phrase = say(Code.OVERRIDE_LINE_CHANGED, line=work.ref, reviewer=reviewer)
            report(Severity.WARNING, phrase, sheet=override.sheet, row=override.row)
        said: list[Phrase] = []
        new = override.line_class
        if new is not None and work.class_before_review is not None:  # set at the classification
            said.append(say(Code.PART_REVIEW_CLASS, old=work.class_before_review.value, new=new.value))
        elif new is not None and new is work.line_class:  # the rules' class, confirmed (estimator.rules.classify)
            said.append(say(Code.PART_REVIEW_CLASS_CONFIRMED, cls=new.value))
        if new is not None and new is not work.line_class:  # a rule changed it since (the implant limit): the review stands
            old = work.line_class
            work.explain(REVIEW, say(Code.STEP_REVIEW_CLASS, reviewer=reviewer, old=old.value, new=new.value, reason=reason))
            if work.class_before_review is None:
                said.append(say(Code.PART_REVIEW_CLASS, old=old.value, new=new.value))
            work.take_class(new)
            work.class_by_hand = True
            if new is not LineClass.X:
                work.include_again(REVIEW, say(Code.STEP_REVIEW_INCLUDED, reviewer=reviewer))
        if override.eligible is not None and work.line_class is not LineClass.X:
            amount, asked = _taken(override.eligible, work), Money(cents(override.eligible))
            phrase = say(Code.STEP_REVIEW_ELIGIBLE, reviewer=reviewer, amount=Money(amount), reason=reason)
            if amount < asked:  # the line bills less than the reviewer set (changed since): said so, never as set
                billed = Money(work.billed)
                report_phrase = say(Code.OVERRIDE_ABOVE_BILLED, line=work.ref, reviewer=reviewer, amount=asked, billed=billed)
                report(Severity.WARNING, report_phrase, sheet=override.sheet, row=override.row)
                phrase = say(Code.STEP_REVIEW_ELIGIBLE_CAPPED, reviewer=reviewer, asked=asked, amount=billed, reason=reason)
            said.append(say(Code.PART_REVIEW_ELIGIBLE, old=Money(work.eligible), new=Money(amount)))
            if amount == work.eligible:  # the decision changes nothing now: its step is shown all the same
                work.explain(REVIEW, phrase)
            if amount > work.eligible:  # above the rules' result: the review's amount replaces the rules' cuts
                work.reductions = {Cause.OVERRIDE: work.billed - work.eligible}
            work.set_eligible(amount, REVIEW, phrase, Cause.OVERRIDE)  # below it: the rules' cuts, then the review's
        if said:
            phrase = say(Code.OVERRIDE_APPLIED, line=work.ref, reviewer=reviewer, changes=tuple(said), reason=reason)
            report(Severity.INFO, phrase, sheet=override.sheet, row=override.row)
        if work.is_fee and override.line_class is LineClass.X:
            refused.append(work)
        reviewed.append(Reviewed(override, work, dict(work.reductions)))
    if refused:
        beside = _Beside(works)
        for work in dict.fromkeys(refused):
            beside.said(work, report)
    return reviewed


def _taken(eligible: Decimal, work: Work) -> Decimal:
    """A reviewer's eligible amount as it acts on a line: in cents, from 0,00 € up to what the line bills."""
    return min(max(Decimal("0.00"), cents(eligible)), work.billed)


def reviewed_amounts_cut(reviewed: Sequence[Reviewed], report: Report) -> None:
    """A reviewer's eligible amount that a plan-wide limit applied after the review cut further (the PZR limit of the
    year, a lab list's limit per jaw): said, with what cut it, so that the decision is not taken to pay as set."""
    for override, work, at_review in reviewed:
        if override.eligible is None or work.line_class is LineClass.X:
            continue
        amount = _taken(override.eligible, work)
        causes = tuple(c for c, cut in work.reductions.items() if c is not Cause.OVERRIDE and cut > at_review.get(c, 0))
        if work.eligible < amount and causes:
            phrase = say(
                Code.OVERRIDE_CUT_AFTER,
                line=work.ref,
                reviewer=override.reviewer,
                amount=Money(amount),
                causes=causes,
                eligible=Money(work.eligible),
            )
            report(Severity.WARNING, phrase, sheet=override.sheet, row=override.row)


class _Beside:
    """The lines by tooth, and how many fee lines (not on a whole jaw) name and still pay each tooth, built once for
    all refusals of a plan: each looks at the lines on its own teeth (1.924 refusals of a 10.000-line plan, the
    reserve's, took a minute when each looked at every line)."""

    def __init__(self, works: Sequence[Work]) -> None:
        self.place = {id(w): i for i, w in enumerate(works)}
        self.on_tooth: dict[int, list[Work]] = defaultdict(list)
        self.named: Counter[int] = Counter()
        self.paid: Counter[int] = Counter()
        self.found: dict[tuple[object, ...], tuple[int, tuple[str, ...]]] = {}  # how many and which stay, said once
        for w in works:
            for tooth in w.line.teeth.teeth:
                self.on_tooth[tooth].append(w)
            if w.is_fee and not w.fee.teeth.whole_jaw:
                self.named.update(w.fee.teeth.teeth)
                if w.line_class is not LineClass.X:
                    self.paid.update(w.fee.teeth.teeth)

    def said(self, work: Work, report: Report) -> None:
        """A review that refuses a fee line leaves the lines beside it as the rules computed them (Work.take_class; the
        reviewer decides each): said, so that a crown refused with its lab work still paid is looked at. A crown, a
        denture, an implant (and the crown on it) or a bite splint names the lab lines on its teeth or jaw (a splint's
        lab work on its jaw takes its class from every line there); another service – an inlay – the lab lines on its
        teeth that no other fee line still paid names (a refused anaesthesia beside a crown names nothing: the work is
        the crown's)."""
        profile, teeth = work.profile, work.fee.teeth
        implant = work.number in profile.implant_numbers
        whole = implant or in_any(work.number, profile.tooth_level_services) or in_any(work.number, profile.splints.codes)
        refused = work.line_class is LineClass.X  # as a review leaves it: the same for all refused alike
        key = (teeth.teeth, teeth.whole_jaw, implant, whole) if refused else (id(work),)
        if key not in self.found:
            on_it = [w for w in self._beside(work, implant=implant, whole=whole) if w is not work]
            self.found[key] = len(on_it), tuple(dict.fromkeys(w.line.number for w in on_it))
        count, numbers = self.found[key]
        if count:
            phrase = say(Code.OVERRIDE_LAB_STAYS, line=work.ref, count=count, numbers=numbers)
            report(Severity.INFO, phrase, sheet=work.line.sheet, row=work.line.row)

    def _beside(self, work: Work, *, implant: bool, whole: bool) -> tuple[Work, ...]:
        teeth = work.fee.teeth
        own = teeth.teeth if not teeth.whole_jaw else frozenset()  # the refused line's own naming is no other's
        paid_own = own if work.line_class is not LineClass.X else frozenset()
        named = set(self.named) if teeth.whole_jaw else set()  # a jaw's own line is none of those naming teeth
        candidates = {id(w): w for tooth in teeth.teeth for w in self.on_tooth.get(tooth, ())}
        return tuple(
            w
            for w in sorted(candidates.values(), key=lambda w: self.place[id(w)])
            if w.line_class is not LineClass.X
            and (not w.is_fee or (implant and w.line_class is LineClass.A))
            and not (teeth.whole_jaw and w.line.teeth.teeth <= named)  # on a jaw: not the work of a line naming its teeth
            and (whole or not any(self.paid[t] > (t in paid_own) for t in w.line.teeth.teeth))
        )


def amounts_on_class_x(reviewed: Sequence[Reviewed], report: Report) -> None:
    """A reviewer's eligible amount on a line that ends in class X (set so by the review itself, by the rules, or as
    the surcharge of an excluded service) does not act: said, so that no output seems to apply it."""
    for override, work, _ in reviewed:
        if override.eligible is None or work.line_class is not LineClass.X:
            continue
        code = Code.OVERRIDE_ELIGIBLE_WITH_X if override.line_class is LineClass.X else Code.OVERRIDE_ELIGIBLE_ON_X
        phrase = say(code, line=work.ref, reviewer=override.reviewer, amount=Money(cents(override.eligible)))
        report(Severity.WARNING, phrase, sheet=override.sheet, row=override.row)
