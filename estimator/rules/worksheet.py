"""The engine's working copy of a plan line while the rules are applied in order (spec section 7)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol, cast

from estimator.kinds import Cause, LineClass, Severity
from estimator.model import Explanation, FeeLine, LabLine, LineResult, Override, PlanLine
from estimator.phrases import LineRef, Phrase, Rule
from estimator.tariff.catalogues import Catalogues
from estimator.tariff.profile import Profile

Day = dt.date | tuple[dt.date, str]  # a treatment day: its date, with the session a plan names instead of one (casefolded)
CAUSE_RANK = {cause: rank for rank, cause in enumerate(Cause)}  # a line's reductions are listed in this order


def _cause_rank(item: tuple[Cause, Decimal]) -> int:
    return CAUSE_RANK[item[0]]


class Report(Protocol):
    """Records a finding; rules call it instead of raising."""

    def __call__(
        self,
        severity: Severity,
        phrase: Phrase,
        *,
        sheet: str = "",
        row: int | None = None,
        column: str = "",
        section: str = "",
    ) -> None: ...


def report_units(work: Work, report: Report, severity: Severity, phrase: Phrase, section: str) -> None:
    """A finding about how many of a line's units count, at its Anzahl cell."""
    report(severity, phrase, sheet=work.line.sheet, row=work.line.row, column="Anzahl", section=section)


@dataclass(eq=False, slots=True)
class Work:
    """One line under computation; turned into an immutable LineResult at the end.

    Every change of the eligible amount or the benefit goes through set_eligible / set_benefit / exclude with
    its cause, so that the line's reductions by cause sum to billed - benefit (spec section 7, step 9).
    """

    line: PlanLine
    index: int
    date: dt.date
    cat: Catalogues  # the profile and price lists in force on the treatment date
    number: str = ""  # the catalogue number the rules read: a fee number (without an analogue's suffix) or a lab code
    analogue: bool = False  # billed by analogy to `number` (GOZ § 6 Abs. 1, GOÄ § 6 Abs. 2)
    owner: Work | None = None  # for a surcharge or a derived laser fee: the service it belongs to
    line_class: LineClass = LineClass.B
    class_by_hand: bool = False
    refused_from: LineClass | None = None  # the rules' class of a line the user or a reviewer refused (take_class)
    review: Override | None = None  # a reviewer's decision on the line; its class acts as the user's own would
    class_before_review: LineClass | None = None  # the class the rules gave, when a reviewer's class replaced it
    preparatory: bool = False
    accident: bool = False
    billed: Decimal = Decimal("0.00")
    eligible: Decimal = Decimal("0.00")
    rate: Decimal = Decimal("0.00")
    benefit_at_rate: Decimal = Decimal("0.00")  # the benefit right after the rate, before deductible and staged cap
    benefit: Decimal = Decimal("0.00")
    explanations: list[Explanation] = field(default_factory=list)
    reductions: dict[Cause, Decimal] = field(default_factory=dict)
    excluded_by: Cause | None = None  # what made the line class X, when a rule did
    eligible_before_exclusion: Decimal = Decimal("0.00")
    material: tuple[str, ...] | None = None  # a material line's services, named (estimator.rules.materials); None: none
    # read for every line at nearly every step: plain attributes, not computed again each time. `fee` and `lab`
    # are the line under its type; only the one of its kind is read (the caller asks is_fee first).
    is_fee: bool = field(init=False)
    profile: Profile = field(init=False)
    fee: FeeLine = field(init=False)
    lab: LabLine = field(init=False)
    # treatment date, then fee lines before lab lines, then plan order (spec section 7): sorted by often
    order_key: tuple[dt.date, int, int] = field(init=False)
    # the treatment day of the limits per day and session: the date, and the session a plan names instead of a day
    day: Day = field(init=False)

    def __post_init__(self) -> None:
        self.is_fee = isinstance(self.line, FeeLine)
        self.profile = self.cat.profile
        self.fee = cast(FeeLine, self.line)
        self.lab = cast(LabLine, self.line)
        self.order_key = (self.date, 0 if self.is_fee else 1, self.index)
        session = self.line.session  # most plans name none: the date alone, whose hash Python keeps
        self.day = (self.date, session.casefold()) if session else self.date

    def take_class(self, given: LineClass, *, by_review: bool = False) -> None:
        """A class the user or a reviewer gave. A refusal (X) acts on this line alone: the lines beside it – the lab
        work and preparatory measures on its teeth, material beside it – are computed with the class the rules gave it
        (class_beside), so that refusing a crown never raises what its lab work and preparation pay – lab work whose
        lines are all refused goes with them (estimator.rules.labclass); another class acts on them too (a crown set to
        B takes its lab work with it). `by_review`: the class before is kept as the rules' (class_before_review)."""
        if by_review:
            self.class_before_review = self.line_class
        if given is LineClass.X:
            self.refused_from = self.refused_from or (None if self.line_class is LineClass.X else self.line_class)
        else:
            self.refused_from = None
        self.line_class = given

    @property
    def class_beside(self) -> LineClass:
        """The class the lines beside this one are computed with (take_class)."""
        return self.refused_from or self.line_class

    @property
    def ref(self) -> LineRef:
        return line_ref(self.line)

    def explain(self, rule: Rule, phrase: Phrase, before: Decimal | None = None, after: Decimal | None = None) -> None:
        self.explanations.append(Explanation(rule, phrase, before, after))

    def _reduce(self, cause: Cause, amount: Decimal) -> None:
        self.reductions[cause] = self.reductions.get(cause, Decimal("0.00")) + amount

    def set_eligible(self, amount: Decimal, rule: Rule, phrase: Phrase, cause: Cause) -> None:
        """Change the eligible amount, recording why and by which cause."""
        if amount != self.eligible:
            self.explain(rule, phrase, self.eligible, amount)
            self._reduce(cause, self.eligible - amount)
            self.eligible = amount

    def set_benefit(self, amount: Decimal, rule: Rule, phrase: Phrase, cause: Cause) -> None:
        if amount != self.benefit:
            self.explain(rule, phrase, self.benefit, amount)
            self._reduce(cause, self.benefit - amount)
            self.benefit = amount

    def exclude(self, rule: Rule, phrase: Phrase, cause: Cause = Cause.NOT_ELIGIBLE) -> None:
        """Class X: eligible and benefit 0, with the reason; the whole billed amount goes to the cause."""
        if self.excluded_by is None:
            self.eligible_before_exclusion = self.eligible
        self.line_class = LineClass.X
        self.excluded_by = cause
        self.explain(rule, phrase, self.eligible, Decimal("0.00"))
        self.eligible = Decimal("0.00")
        self.benefit = Decimal("0.00")

    def include_again(self, rule: Rule, phrase: Phrase) -> None:
        """Out of class X again (a reviewer's class): the eligible amount the exclusion took comes back."""
        if self.excluded_by is None:
            return
        self.explain(rule, phrase, self.eligible, self.eligible_before_exclusion)
        self.eligible = self.eligible_before_exclusion
        self.excluded_by = None

    def result(self) -> LineResult:
        if self.line_class is LineClass.X:  # most lines of a long plan over the implant limit: one cause, nothing to sort
            reductions = {self.excluded_by or Cause.NOT_ELIGIBLE: self.billed} if self.billed else {}
        else:
            reductions = dict(self.reductions)
            reductions[Cause.RATE] = self.eligible - self.benefit_at_rate
            reductions = {cause: amount for cause, amount in sorted(reductions.items(), key=_cause_rank) if amount}
        return LineResult(
            line=self.line,
            date=self.date,
            line_class=self.line_class,
            rate=self.rate,
            billed=self.billed,
            eligible=self.eligible,
            benefit=self.benefit,
            accident=self.accident,
            class_by_hand=self.class_by_hand,
            explanations=tuple(self.explanations),
            reductions=reductions,
            owner=self.owner.line if self.owner is not None else None,
        )


def line_ref(line: PlanLine) -> LineRef:
    """How a message names a line: "GOZ nnnn, Zahn 16" (estimator.wording words it)."""
    return LineRef(line.schedule if isinstance(line, FeeLine) else None, line.number, line.teeth.text)
