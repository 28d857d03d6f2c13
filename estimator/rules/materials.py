"""Material billed beside a fee (Sachkosten): a line of the lab table whose number is no lab code and whose text
names material – an implant, a membrane, bone substitute, an anaesthetic. The lab price list pays such costs
where the fee schedules let them be billed apart from the fee: beside the services the profile's
fee_limits.materials_with lists, and beside a GOÄ service; otherwise the fee includes them. Eligible as billed,
with the class of the services it is billed beside, and asked about."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from estimator.codes import Code
from estimator.kinds import Cause, LineClass, Schedule, Severity
from estimator.money import ZERO, cents
from estimator.phrases import Money, Number, say
from estimator.rules.labclass import Owners
from estimator.rules.labprices import vat_percent
from estimator.rules.worksheet import Report, Work

LAB_CODE = re.compile(r"[0-9]{1,4}|I ?[0-9]{1,3}", re.IGNORECASE)  # what a lab price list's code looks like
A, B, X = LineClass.A, LineClass.B, LineClass.X


def is_material(work: Work) -> bool:
    """A lab-table line for material: not in the lab price list, its number no lab code („Material“, „Auslagen“,
    an article number), its number or text naming material."""
    lab = work.lab
    if work.cat.lab.get(lab.code) is not None or LAB_CODE.fullmatch(lab.code.strip()):
        return False
    text = f"{lab.code} {lab.description}".lower()
    return any(word in text for word in work.profile.fee_limits.material_words)


class Materials:
    """The services of each treatment day beside which material may be billed apart from the fee."""

    def __init__(self, fee_works: Sequence[Work]) -> None:
        self.on_day: dict[dt.date, list[Work]] = {}
        for work in fee_works:
            allows = work.fee.schedule is Schedule.GOAE or work.profile.fee_limits.materials_with.holds(work.number)
            if allows:
                self.on_day.setdefault(work.date, []).append(work)

    def classify(self, work: Work) -> Owners:
        """The material's services – those of its day, on its teeth when it names some (a service without a tooth
        may be on any) – and its class from them: A beside a class-A service, X when all are X, else B."""
        teeth = work.lab.teeth.teeth
        services = [s for s in self.on_day.get(work.date, []) if not teeth or not s.fee.teeth.teeth or teeth & s.fee.teeth.teeth]
        work.material = tuple(services)
        owners = Owners()
        for service in services:
            owners.classes.add(service.line_class)
            owners.numbers.add(service.fee.number)
            owners.lines = True
            owners.lines_accident &= service.accident
        section = work.profile.sections.lab_class
        if not services:
            work.line_class = B  # not eligible (material_amounts): its class says nothing
            return owners
        work.line_class = X if owners.classes == {X} else A if A in owners.classes else B
        numbers = _numbers(services)
        work.explain(section, say(Code.STEP_MATERIAL_CLASS, numbers=numbers, cls=work.line_class))
        return owners


def material_amounts(work: Work, report: Report) -> None:
    """Billed as the line says (quantity × unit price with VAT, or its amount); eligible as billed beside a service
    that allows it, and asked about; else not eligible."""
    line, sections = work.lab, work.profile.sections
    vat = vat_percent(line, work.profile)
    computed = cents(line.quantity * line.unit_price * (1 + vat / 100))
    work.billed = cents(line.amount) if line.amount is not None else computed
    if line.amount is None:
        phrase = say(Code.STEP_LAB_COMPUTED, quantity=Number(line.quantity), unit=Money(line.unit_price), vat=Number(vat))
        work.explain(sections.lab_list, phrase, None, computed)
    work.eligible = work.billed
    services = work.material or ()
    if not services:
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
    numbers = _numbers(services)
    work.explain(sections.materials, say(Code.STEP_MATERIAL_BESIDE, numbers=numbers), None, work.billed)
    said = say(Code.LAB_MATERIAL_REVIEW, line=work.ref, numbers=numbers, amount=Money(work.billed))
    report(Severity.WARNING, said, sheet=line.sheet, row=line.row, column="Betrag", section=sections.materials)


def _numbers(services: Sequence[Work]) -> tuple[str, ...]:
    """The services as a finding names them: their schedule and number."""
    return tuple(sorted({f"{s.fee.schedule.value} {s.fee.number}" for s in services}))
