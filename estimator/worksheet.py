"""The engine's working copy of a plan line while the rules are applied in order (spec section 7)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from estimator.model import Explanation, FeeLine, LabLine, LineClass, LineResult, PlanLine, Severity

KIND_ORDER = {"fee": 0, "lab": 1}


class Report(Protocol):
    """Records a finding; rules call it instead of raising."""

    def __call__(
        self,
        severity: Severity,
        code: str,
        message: str,
        *,
        sheet: str = "",
        row: int | None = None,
        column: str = "",
        section: str = "",
    ) -> None: ...


@dataclass
class Work:
    """One line under computation; turned into an immutable LineResult at the end."""

    line: PlanLine
    index: int
    date: dt.date
    line_class: LineClass = LineClass.B
    class_by_hand: bool = False
    preparatory: bool = False
    accident: bool = False
    billed: Decimal = Decimal("0.00")
    eligible: Decimal = Decimal("0.00")
    rate: Decimal = Decimal("0.00")
    benefit: Decimal = Decimal("0.00")
    explanations: list[Explanation] = field(default_factory=list)

    @property
    def fee(self) -> FeeLine:
        assert isinstance(self.line, FeeLine)
        return self.line

    @property
    def lab(self) -> LabLine:
        assert isinstance(self.line, LabLine)
        return self.line

    @property
    def is_fee(self) -> bool:
        return isinstance(self.line, FeeLine)

    @property
    def order_key(self) -> tuple[dt.date, int, int]:
        """Treatment date, then fee lines before lab lines, then plan order (spec section 7)."""
        return (self.date, KIND_ORDER[self.line.kind], self.index)

    def explain(self, rule: str, text: str, before: Decimal | None = None, after: Decimal | None = None) -> None:
        self.explanations.append(Explanation(rule, text, before, after))

    def set_eligible(self, amount: Decimal, rule: str, text: str) -> None:
        """Lower the eligible amount, recording why."""
        if amount != self.eligible:
            self.explain(rule, text, self.eligible, amount)
            self.eligible = amount

    def set_benefit(self, amount: Decimal, rule: str, text: str) -> None:
        if amount != self.benefit:
            self.explain(rule, text, self.benefit, amount)
            self.benefit = amount

    def exclude(self, rule: str, text: str) -> None:
        """Class X: eligible and benefit 0, with the reason."""
        self.line_class = LineClass.X
        self.explain(rule, text, self.eligible, Decimal("0.00"))
        self.eligible = Decimal("0.00")
        self.benefit = Decimal("0.00")

    def result(self) -> LineResult:
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
        )


def line_label(line: PlanLine) -> str:
    """How a message names a line: "GOZ 2210, Zahn 16"."""
    what = f"{line.schedule.value} {line.number}" if isinstance(line, FeeLine) else f"Labor {line.code}"
    return f"{what}, Zahn {line.teeth.text}" if line.teeth.text else what
