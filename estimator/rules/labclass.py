"""Class and accident of lab lines (spec section 2 and 5.4): from the fee lines on the same teeth, else by code."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal

from estimator.codes import Code
from estimator.kinds import LineClass
from estimator.phrases import say
from estimator.rules.classify import is_orthodontic, is_tooth_level_a_service
from estimator.rules.worksheet import Work
from estimator.tariff.profile import in_any

A, B, X = LineClass.A, LineClass.B, LineClass.X


class FeeIndex:
    """The fee lines by tooth, so that a lab line finds the fee lines it belongs to without scanning them all."""

    def __init__(self, fee_works: Sequence[Work]) -> None:
        self.fee_works = fee_works
        self.by_tooth: dict[int, list[Work]] = defaultdict(list)
        for work in fee_works:
            for tooth in work.fee.teeth.teeth:
                self.by_tooth[tooth].append(work)
        self.tooth_level_a = {id(w) for w in fee_works if is_tooth_level_a_service(w)}
        self._billed_by_class: dict[LineClass, Decimal] | None = None

    def owners(self, teeth: Iterable[int]) -> list[Work]:
        """The fee lines on any of these teeth, in plan order, each once."""
        found = {id(w): w for tooth in teeth for w in self.by_tooth.get(tooth, ())}
        return sorted(found.values(), key=lambda w: w.index)

    def billed_by_class(self) -> dict[LineClass, Decimal]:
        """The plan's billed fee amount of classes A and B (computed once: fee amounts are final by now)."""
        if self._billed_by_class is None:
            self._billed_by_class = {c: sum((f.billed for f in self.fee_works if f.line_class is c), Decimal(0)) for c in (A, B)}
        return self._billed_by_class


def classify_lab_line(work: Work, fees: FeeIndex, young: bool | None) -> list[Work]:
    """Inherit the class of the fee lines on the same teeth, else a default by lab code.

    Orthodontic lab lines follow the age at the start of the orthodontic treatment. Returns the fee lines
    the lab line belongs to.
    """
    owners = fees.owners(work.lab.teeth.teeth)
    code, profile = work.lab.code, work.profile
    section = profile.sections.lab_class
    if is_orthodontic(work) and not young:
        work.line_class = X
        label, limit = profile.orthodontics_lab.label, profile.orthodontics_age_limit
        work.explain(section, say(Code.STEP_LAB_ORTHODONTICS_OLD, code=code, label=label, age=limit, cls=X))
        return owners
    if owners:
        classes = {o.line_class for o in owners}
        numbers = tuple(sorted({o.fee.number for o in owners}))
        if classes == {X}:
            work.line_class = X
            work.explain(section, say(Code.STEP_LAB_OWNERS_EXCLUDED, numbers=numbers, cls=X))
        else:
            work.line_class = A if A in classes else B
            work.explain(section, say(Code.STEP_LAB_FROM_OWNERS, numbers=numbers, cls=work.line_class))
        return owners
    rule = next((r for r in profile.lab_classes if in_any(code, r.codes)), None)
    if rule is not None:
        work.line_class = rule.line_class
        work.explain(section, say(Code.STEP_LAB_BY_CODE, code=code, label=rule.label, cls=rule.line_class))
        return owners
    billed_by_class = fees.billed_by_class()
    work.line_class = A if billed_by_class[A] >= billed_by_class[B] else B
    work.explain(section, say(Code.STEP_LAB_BY_SHARE, code=code, cls=work.line_class))
    return owners


def lab_accident(owners: Sequence[Work], fees: FeeIndex, whole_plan: bool) -> bool:
    """A lab line is accident-caused when its tooth-level A-services all are, else when all its fee lines are (5.4)."""
    if whole_plan:
        return True
    services = [o for o in owners if id(o) in fees.tooth_level_a]
    deciding = services or owners
    return bool(deciding) and all(o.accident for o in deciding)
