"""Material billed beside a fee (Sachkosten): a line of the lab table whose number is no lab code and whose text
names material – an implant, a membrane, bone substitute, an anaesthetic, impression material. The lab price list
pays such costs where the fee schedules let them be billed apart from the fee: beside the services the profile's
fee_limits.materials_with lists, impression material beside any GOZ service (GOZ Abschnitt A, Allgemeine
Bestimmungen Nr. 2), and beside a GOÄ service on the same teeth; otherwise the fee includes them.
Eligible as billed, with the class of the services it is billed beside, and asked about."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence

from estimator.codes import Code
from estimator.kinds import Cause, LineClass, Schedule, Severity
from estimator.money import ZERO
from estimator.phrases import Money, say
from estimator.rules.classify import is_tooth_level_a_service
from estimator.rules.labclass import Owners
from estimator.rules.worksheet import Report, Work

LAB_CODE = re.compile(r"[0-9]{1,4}|I ?[0-9]{1,3}", re.IGNORECASE)  # what a lab price list's code looks like
A, B, X = LineClass.A, LineClass.B, LineClass.X


def is_material(work: Work) -> bool:
    """A lab-table line for material: not in the lab price list, its number no lab code („Material“, „Auslagen“,
    an article number), its number or text naming material or impression material."""
    lab = work.lab
    if work.cat.lab.get(lab.code) is not None or LAB_CODE.fullmatch(lab.code.strip()):
        return False
    text, limits = f"{lab.code} {lab.description}".lower(), work.profile.fee_limits
    return any(word in text for word in limits.material_words) or any(word in text for word in limits.impression_words)


def is_impression(work: Work) -> bool:
    """Material for impressions („Abformmaterial“), which the GOZ lets be billed beside any of its services."""
    return any(word in f"{work.lab.code} {work.lab.description}".lower() for word in work.profile.fee_limits.impression_words)


class Materials:
    """The services beside which material may be billed apart from the fee – those the profile lists, and for
    impression material every GOZ service –, each summed up by tooth and by day (_Services)."""

    def __init__(self, fee_works: Sequence[Work]) -> None:
        self.fee_works = fee_works
        self.listed = _Services(fee_works, every=False)
        self.every: _Services | None = None  # made at the plan's first impression material

    def classify(self, work: Work) -> Owners:
        """The material's services (_Services.owners) – for impression material without one on its teeth, those of
        its day – and its class from them: A beside a class-A service, X when all are X, else B; impression material
        beside the day's services, which it cannot be told to belong to, B beside a class-B one."""
        beside_any = False  # impression material beside the day's services, none on its teeth: B where one is B
        if is_impression(work):
            self.every = self.every or _Services(self.fee_works, every=True)
            owners = self.every.owners(work)
            if not owners:
                owners, beside_any = self.every.on_day.get(work.date, Owners()), True
        else:
            owners = self.listed.owners(work)
        work.material = tuple(sorted(owners.numbers))
        if not owners:
            work.line_class = B  # not eligible (material_eligible): its class says nothing
            return owners
        if owners.classes == {X}:
            work.line_class = X
        elif beside_any:  # which of the day's services it belongs to is unknown: the customer's class, B, where one is B
            work.line_class = B if B in owners.beside else A
        else:
            work.line_class = A if A in owners.beside else B
        work.explain(work.profile.sections.lab_class, say(Code.STEP_MATERIAL_CLASS, numbers=work.material, cls=work.line_class))
        return owners


class _Services:
    """The services beside which material may be billed, summed up by tooth and by day, so that a material line asks
    its teeth (or its day), not every line of the plan: the GOZ services fee_limits.materials_with lists (`every`: all
    of them) and the GOÄ services. By date, whatever the session a plan names instead of a day: a material line, on
    the Labor sheet or dated, seldom names one."""

    def __init__(self, fee_works: Sequence[Work], *, every: bool) -> None:
        self.on_tooth: dict[int, Owners] = defaultdict(Owners)  # the services on a tooth, on any day
        self.on_tooth_day: dict[tuple[int, dt.date], Owners] = defaultdict(Owners)  # … on one day
        self.toothless: dict[dt.date, Owners] = defaultdict(Owners)  # GOZ services without a tooth, by day
        self.on_day: dict[dt.date, Owners] = defaultdict(Owners)  # the GOZ services of a day, for one without teeth
        for work in fee_works:
            goae = work.fee.schedule is Schedule.GOAE
            if not goae and not every and not work.profile.fee_limits.materials_with.holds(work.number):
                continue
            one = _owner(work)
            for tooth in work.fee.teeth.teeth:
                self.on_tooth[tooth].add(one)
                self.on_tooth_day[(tooth, work.date)].add(one)
            if goae:
                continue  # a GOÄ service lets material through on its teeth only (one without: an X-ray)
            self.on_day[work.date].add(one)
            if not work.fee.teeth.teeth:  # may be on any tooth
                self.toothless[work.date].add(one)

    def owners(self, work: Work) -> Owners:
        """A material line's services: those on its teeth that day, or on any day when its row gives no date (it
        takes the plan date; the implant has its own), and a GOZ service without a tooth that day, which may be on
        any; without a tooth, the GOZ services of its day."""
        teeth, owners, dated = work.lab.teeth.teeth, Owners(), work.lab.date is not None
        for tooth in teeth:
            owners.add(self.on_tooth_day.get((tooth, work.date), Owners()) if dated else self.on_tooth.get(tooth, Owners()))
        owners.add((self.toothless if teeth else self.on_day).get(work.date, Owners()))
        return owners


def _owner(work: Work) -> Owners:
    """One service as what a material beside it learns from it: its class, its name, its accident."""
    service = is_tooth_level_a_service(work, work.class_beside)
    return Owners(
        classes={work.line_class},
        beside={work.class_beside},
        numbers={f"{work.fee.schedule.value} {work.fee.number}"},
        lines=True,
        lines_accident=work.accident,
        services=service,
        services_accident=work.accident or not service,
    )


def material_eligible(work: Work, report: Report) -> None:
    """A material line's billed amount is eligible beside a service that lets it be billed apart, and asked
    about; without one the fee includes it (the lab price list's checks of the amount came before)."""
    line, sections = work.lab, work.profile.sections
    if not work.material:
        report(
            Severity.ERROR,
            say(Code.LAB_MATERIAL_INCLUDED, line=work.ref),
            sheet=line.sheet,
            row=line.row,
            column="Nr",
            section=sections.materials_included,
        )
        work.set_eligible(ZERO, sections.materials_included, say(Code.STEP_MATERIAL_INCLUDED), Cause.NOT_ELIGIBLE)
        return
    if is_impression(work):
        step = say(Code.STEP_IMPRESSION_MATERIAL, numbers=work.material)
        work.explain(sections.impression_material, step, None, work.billed)
    else:
        work.explain(sections.materials, say(Code.STEP_MATERIAL_BESIDE, numbers=work.material), None, work.billed)
    said = say(Code.LAB_MATERIAL_REVIEW, line=work.ref, numbers=work.material, amount=Money(work.billed))
    report(Severity.WARNING, said, sheet=line.sheet, row=line.row, column="Betrag", section=sections.materials)
