"""Class and accident of lab lines (spec section 2 and 5.4): from the fee lines on the same teeth, else by code."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from estimator.codes import Code
from estimator.kinds import LineClass, Schedule
from estimator.money import ZERO
from estimator.phrases import say
from estimator.rules.classify import is_orthodontic, is_tooth_level_a_service
from estimator.rules.worksheet import Work
from estimator.tariff.profile import ClassRule, Profile, in_any

A, B, X = LineClass.A, LineClass.B, LineClass.X


@dataclass
class Owners:
    """What the fee lines on some teeth say about a lab line on them: their classes and numbers, whether one of
    them is written as a whole jaw, and whether they (and their tooth-level class-A services) were all caused by an
    accident. Merged per tooth, so a lab line costs as many steps as it has teeth, however many fee lines a tooth
    carries."""

    classes: set[LineClass] = field(default_factory=set)
    beside: set[LineClass] = field(default_factory=set)  # their classes as a line beside them takes them (Work.class_beside)
    numbers: set[str] = field(default_factory=set)
    lines: bool = False
    lines_accident: bool = True
    services: bool = False
    services_accident: bool = True
    jaw: bool = False
    by_hand: bool = False  # a line's class set by the user or a reviewer

    def take(self, work: Work, service: bool) -> None:
        self.classes.add(work.line_class)
        self.beside.add(work.class_beside)
        self.by_hand |= work.class_by_hand
        self.numbers.add(work.fee.number if work.fee.schedule is Schedule.GOZ else f"{work.fee.schedule.value} {work.fee.number}")
        self.lines = True
        self.lines_accident &= work.accident
        self.jaw |= work.fee.teeth.whole_jaw
        if service:
            self.services = True
            self.services_accident &= work.accident

    def add(self, other: Owners) -> None:
        self.classes |= other.classes
        self.beside |= other.beside
        self.numbers |= other.numbers
        self.lines |= other.lines
        self.lines_accident &= other.lines_accident
        self.services |= other.services
        self.services_accident &= other.services_accident
        self.jaw |= other.jaw
        self.by_hand |= other.by_hand

    def __bool__(self) -> bool:
        return self.lines


class FeeIndex:
    """The fee lines summed up by tooth once their classes are final; a lab line asks its teeth, not every line.

    `named_teeth` (Auslegung lab_owners): on a tooth that an eligible fee line names (not as its whole jaw), the lab
    line belongs to those lines – an inlay's lab work to the inlay, not to a splint or a denture on the jaw (the
    tariff pays lab costs at the rate "zu dem die jeweiligen Aufwendungen für die zahnärztlichen Leistungen ersetzt
    werden") – unless its code is of crown, denture or implant work (class A by its group) and a class-A line lies on
    the tooth or its jaw: a denture's lab work beside extractions that name its teeth is the denture's. Otherwise, and
    always with `overlapping`, every fee line on the tooth or its jaw (spec 2)."""

    def __init__(self, fee_works: Sequence[Work], *, named_teeth: bool = True) -> None:
        self.fee_works = fee_works
        self.by_tooth: dict[int, Owners] = defaultdict(Owners)
        self.named: dict[int, Owners] = defaultdict(Owners)
        for work in fee_works:
            service = is_tooth_level_a_service(work, work.class_beside)  # a refused crown's accident too
            teeth = work.fee.teeth
            named = named_teeth and not teeth.whole_jaw and work.class_beside is not X
            for tooth in teeth.teeth:
                self.by_tooth[tooth].take(work, service)
                if named:
                    self.named[tooth].take(work, service)
        self._shares: Shares | None = None

    def owners(self, teeth: Iterable[int], work_of_class_a: bool = False) -> Owners:
        """What the fee lines a lab line on these teeth belongs to say; `work_of_class_a`: its code is of crown,
        denture or implant work."""
        found, every = Owners(), Owners()
        for tooth in teeth:
            if tooth in self.by_tooth:
                every.add(self.by_tooth[tooth])
            if tooth in self.named:
                found.add(self.named[tooth])
            elif tooth in self.by_tooth:
                found.add(self.by_tooth[tooth])
        return every if work_of_class_a and A in every.beside and A not in found.beside else found

    def billed_by_class(self) -> Shares:
        """The plan's billed fee amounts a lab line without a tooth is measured by; computed once: fee amounts are final
        by now."""
        if self._shares is None:
            works = self.fee_works
            self._shares = Shares(
                a=sum((f.billed for f in works if f.class_beside is A), ZERO),
                b=sum((f.billed for f in works if f.class_beside is B), ZERO),
                x=sum((f.billed for f in works if f.line_class is X and _draws_lab_work(f)), ZERO),
                refused=sum((f.billed for f in works if f.refused_from in (A, B)), ZERO),
            )
        return self._shares


class Shares(NamedTuple):
    """A and B: the lines by the class a line beside them takes (a refused crown's is A: refusing it raises no lab
    work to B); x: the lines X that draw lab work with them (_draws_lab_work), of which `refused` were A or B."""

    a: Decimal
    b: Decimal
    x: Decimal
    refused: Decimal

    def line_class(self) -> LineClass:
        """X when the lines X that draw lab work bill more than the lines paid, else A or B by their share, A on a tie."""
        return X if self.x > self.a + self.b - self.refused else A if self.a >= self.b else B


def _draws_lab_work(work: Work) -> bool:
    """A class-X fee line whose share of the plan takes a lab line without a tooth with it: an orthodontic one not
    eligible for the age, or one refused by hand (Work.take_class) – not a slip, such as an unknown number."""
    return is_orthodontic(work) or work.refused_from is not None


def classify_lab_line(work: Work, fees: FeeIndex, young: bool | None) -> Owners:
    """Inherit the class of the fee lines on the same teeth, else a default by lab code.

    Orthodontic lab lines follow the age at the start of the orthodontic treatment, also on the teeth of a crown (the
    appliance is paid at the rate of the orthodontic treatment it belongs to). Returns what the fee lines
    the lab line belongs to say (its accident follows them).
    """
    rule = code_rule(work)
    owners = fees.owners(work.lab.teeth.teeth, work_of_class_a=rule is not None and rule.line_class is A)
    code, profile = work.lab.code, work.profile
    teeth = len(work.lab.teeth.teeth)
    section = profile.sections.lab_class
    if is_orthodontic(work) and (not young or not _treatment_refused(owners, profile)):  # also on a crown's teeth
        work.line_class = B if young else X
        label, limit = profile.orthodontics_lab.label, profile.orthodontics_age_limit
        step = Code.STEP_LAB_ORTHODONTICS_YOUNG if young else Code.STEP_LAB_ORTHODONTICS_OLD
        work.explain(section, say(step, code=code, label=label, age=limit, cls=work.line_class))
        return owners
    if owners:
        classes = owners.classes
        numbers = tuple(sorted(owners.numbers))
        if classes == {X}:
            work.line_class = X
            work.explain(section, say(Code.STEP_LAB_OWNERS_EXCLUDED, numbers=numbers, teeth=teeth, jaw=owners.jaw, cls=X))
        else:
            work.line_class = A if A in owners.beside else B  # a refusal beside others raises nothing (take_class)
            phrase = say(Code.STEP_LAB_FROM_OWNERS, numbers=numbers, teeth=teeth, jaw=owners.jaw, cls=work.line_class)
            work.explain(section, phrase)
        return owners
    place = say(Code.PART_LAB_NO_SERVICE, teeth=teeth) if teeth else say(Code.PART_LAB_NO_TOOTH)  # no fee line there
    if rule is not None:
        work.line_class = rule.line_class
        work.explain(section, say(Code.STEP_LAB_BY_CODE, place=place, code=code, label=rule.label, cls=rule.line_class))
        return owners
    work.line_class = fees.billed_by_class().line_class()  # X only when more of the plan's fees are refused than paid
    work.explain(section, say(Code.STEP_LAB_BY_SHARE, place=place, code=code, cls=work.line_class))
    return owners


def _treatment_refused(owners: Owners, profile: Profile) -> bool:
    """Whether the fee lines on a lab line's teeth are all not eligible, an orthodontic one among them."""
    return owners.classes == {X} and any(in_any(n, profile.orthodontics.codes) for n in owners.numbers)


def code_rule(work: Work) -> ClassRule | None:
    """The range of the lab price list the line's code is in, with its class and name (None: in no range)."""
    return work.profile.lab_class_rule(work.lab.code)


def lab_accident(owners: Owners, whole_plan: bool) -> bool:
    """A lab line is accident-caused when its tooth-level A-services all are, else when all its fee lines are (5.4)."""
    if whole_plan:
        return True
    if owners.services:
        return owners.services_accident
    return owners.lines and owners.lines_accident
