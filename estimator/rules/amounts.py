"""Billed and eligible amounts of fee lines (Nr. II.3.1 with footnote 8) and lab lines (B 269)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_FLOOR, Decimal
from typing import TypedDict

from estimator.model import Cause, FeeLine, LineClass, Schedule, Severity
from estimator.money import ZERO, cents, eur, german_factor
from estimator.rules.billing import UnitAllowance
from estimator.rules.worksheet import Report, Work, line_label
from estimator.tariff.catalogues import Catalogues, Fee, FeeSchedule, normalize_fee_number
from estimator.teeth import JAW_NAMES, jaw_of

# Fee numbers without points, derived from a related fee on the same tooth (GOZ Anlage 1). GOZ 5240 is a half
# up to the jaw relation and three quarters beyond: the larger share, in the customer's favour, as the limit.
DERIVED_FEES: dict[str, tuple[tuple[int, int], Decimal]] = {
    "2230": ((2200, 2220), Decimal("0.5")),
    "2240": ((2200, 2220), Decimal("0.75")),
    "5050": ((5000, 5040), Decimal("0.5")),
    "5060": ((5000, 5040), Decimal("0.75")),
    "5240": ((5200, 5230), Decimal("0.75")),
}
RULE_FEES = "Nr. II.3.1 Fn. 8"
RULE_LAB = "Nr. II.3.1, B 269"
ANALOGUE_SUFFIX = re.compile(r"([0-9]{1,4})a", re.IGNORECASE)
# "entsprechend GOZ 2210", "analog GOZ-Nr. 2210": the number the service is measured by, with its schedule
ANALOGUE_REFERENCE = re.compile(
    r"\b(?:entsprechend|analog(?:\s+zu)?)\s+(GOZ|GOÄ|GOAE)[\s-]*(?:Nr\.?\s*)?([0-9]{1,4})a?\b", re.IGNORECASE
)
ANALOGUE_WORD = re.compile(r"\banalog(?:\b|leistung|berechnung|e\s+(?:berechnung|leistung))", re.IGNORECASE)
ANALOGUE_LAW = {Schedule.GOZ: "GOZ § 6 Abs. 1", Schedule.GOAE: "GOÄ § 6 Abs. 2"}


class Where(TypedDict):
    sheet: str
    row: int


def schedule_of(catalogues: Catalogues, schedule: Schedule) -> FeeSchedule:
    return catalogues.goz if schedule is Schedule.GOZ else catalogues.goae


def resolve_fee_number(line: FeeLine, catalogues: Catalogues) -> tuple[str, bool]:
    """The catalogue number whose points apply, and whether the line is billed by analogy (GOZ § 6 Abs. 1).

    An analogue is written "2197a", or its description reads "analog" or "entsprechend GOZ 2197" (GOZ § 10 Abs. 4);
    a number of the line's own fee schedule named so in the description is the one the service is measured by.
    """
    reference = ANALOGUE_REFERENCE.search(line.description)
    if reference and (reference[1].upper() == "GOZ") == (line.schedule is Schedule.GOZ):
        return normalize_fee_number(reference[2], line.schedule.value), True
    suffix = ANALOGUE_SUFFIX.fullmatch(line.number)
    if suffix and schedule_of(catalogues, line.schedule).get(line.number) is None:
        return normalize_fee_number(suffix[1], line.schedule.value), True
    return line.number, bool(ANALOGUE_WORD.search(line.description))


def unit_fee(points: Decimal, point_value: Decimal, factor: Decimal, rounding: str) -> Decimal:
    """The fee for one unit, rounded to cents as the Auslegung fee_rounding says (spec section 3)."""
    if rounding == "simple_fee_first":
        return cents(cents(points * point_value) * factor)
    return cents(points * point_value * factor)


def _accepted_unit_fees(points: Decimal, point_value: Decimal, factor: Decimal) -> tuple[Decimal, ...]:
    """Both rounding points of a fee: billed amounts matching either are right (spec 6a)."""
    return (unit_fee(points, point_value, factor, "exact"), unit_fee(points, point_value, factor, "simple_fee_first"))


def fee_amounts(
    work: Work,
    catalogues: Catalogues,
    related: RelatedFees,
    *,
    allowance: UnitAllowance,
    rounding: str,
    report: Report,
) -> None:
    """Billed amount, arithmetic check, units that count, factor limits and the eligible amount of a fee line."""
    line = work.fee
    schedule = schedule_of(catalogues, line.schedule)
    fee = schedule.get(work.number)
    where: Where = {"sheet": line.sheet, "row": line.row}
    label = line_label(line)
    laser = fee is not None and work.number == catalogues.profile.laser_number
    points = (_laser_points(work, schedule) if laser else related.points(work, fee, schedule)) if fee else None

    def fee_for(factor: Decimal, units: Decimal = line.count) -> Decimal | None:
        if points is None:
            return None
        one = unit_fee(points, schedule.point_value, factor, rounding)
        return units * (min(one, catalogues.profile.laser_maximum) if laser else one)

    computed = fee_for(Decimal(1) if laser else line.factor)
    if line.amount is not None:
        work.billed = cents(line.amount)
    elif computed is not None:
        work.billed = cents(computed)
        work.explain(
            "GOZ § 5" if line.schedule is Schedule.GOZ else "GOÄ § 5",
            f"Betrag berechnet: {german_factor(line.count)} × {eur(computed / line.count)} (Faktor {german_factor(line.factor)}"
            f"{'' if rounding == 'exact' else ', Auslegung fee_rounding=' + rounding})",
            None,
            work.billed,
        )
    elif not laser:
        work.billed = ZERO
        report(
            Severity.ERROR,
            "fee.amount_missing",
            f"{label}: Betrag fehlt und lässt sich nicht berechnen; bitte Betrag eintragen",
            column="Betrag",
            **where,
        )
    work.eligible = work.billed

    if fee is None:
        report(
            Severity.ERROR,
            "fee.unknown_number",
            f"{label}: Gebührennummer {work.number} steht nicht im Gebührenverzeichnis der "
            f"{line.schedule.value}; nicht erstattungsfähig, bis sie bestätigt ist",
            column="Nr",
            section="Nr. II.3.1",
            **where,
        )
        if not line.confirmed:
            work.set_eligible(
                ZERO, "Nr. II.3.1", f"Gebührennummer {work.number} nicht im Gebührenverzeichnis", Cause.NOT_ELIGIBLE
            )
        else:
            work.explain("von Hand", f"Gebührennummer {work.number} von Hand bestätigt")
        return
    if work.analogue:
        law = ANALOGUE_LAW[line.schedule]
        report(
            Severity.WARNING,
            "fee.analogue",
            f"{label}: Analogleistung, bemessen nach {line.schedule.value} {work.number} ({fee.text[:60]}); "
            "der Versicherer prüft die Gleichwertigkeit",
            column="Nr",
            section=law,
            **where,
        )
        work.explain(law, f"Analogleistung: Punktzahl, Abschnitt und Höchstsatz von {line.schedule.value} {work.number}")
    if laser and work.owner is None:
        report(
            Severity.ERROR,
            "fee.laser_without_service",
            f"{label}: Laserzuschlag ohne gelaserte Leistung (GOZ {', '.join(sorted(catalogues.profile.lasered_numbers))}) "
            "am selben Tag; nicht erstattungsfähig",
            column="Nr",
            section=RULE_FEES,
            **where,
        )
        work.set_eligible(ZERO, RULE_FEES, "GOZ 0120 ohne gelaserte Leistung am selben Tag", Cause.NOT_ELIGIBLE)
        return

    if points is not None and line.amount is not None and not laser:
        options = [line.count * u for u in _accepted_unit_fees(points, schedule.point_value, line.factor)]
        tolerance = Decimal("0.01") * max(line.count, Decimal(1))
        if all(abs(work.billed - option) > tolerance for option in options):
            report(
                Severity.WARNING,
                "fee.amount_mismatch",
                f"{label}: Betrag {eur(work.billed)} weicht von der Gebühr {eur(options[0])} "
                f"({german_factor(line.count)} × Faktor {german_factor(line.factor)}) ab; der Betrag bleibt Grundlage",
                column="Betrag",
                **where,
            )

    units = allowance.allowed(work, report)
    if units < line.count:
        work.set_eligible(
            cents(work.billed * units / line.count),
            "GOZ",
            f"{german_factor(units)} von {german_factor(line.count)} Einheiten berechnungsfähig",
            Cause.NOT_ELIGIBLE,
        )
    if laser:
        _cap_laser(work, fee_for(Decimal(1), units), units, catalogues)
        _single_rate_only(work, label, where, report)
        return
    if fee.category == "single_rate":
        if line.factor != 1:
            _single_rate_only(work, label, where, report)
            at_single = fee_for(Decimal(1), units)
            if at_single is not None and at_single < work.eligible:
                work.set_eligible(cents(at_single), RULE_FEES, "nur einfacher Satz (Faktor 1,0) berechenbar", Cause.FEE_LIMITS)
        return
    at_maximum = fee_for(catalogues.profile.max_factors[_max_key(line, fee)], units)
    _factor_limits(work, fee, schedule, at_maximum=at_maximum, catalogues=catalogues, report=report)


def _max_key(line: FeeLine, fee: Fee) -> str:
    return "GOZ" if line.schedule is Schedule.GOZ else f"GOÄ.{fee.category}"


def _single_rate_only(work: Work, label: str, where: Where, report: Report) -> None:
    if work.fee.factor == 1:
        return
    report(
        Severity.ERROR,
        "fee.single_rate_only",
        f"{label}: nur mit dem einfachen Satz berechenbar, Faktor {german_factor(work.fee.factor)} angegeben; "
        "erstattungsfähig mit Faktor 1,0",
        column="Faktor",
        section=RULE_FEES,
        **where,
    )


def _factor_limits(
    work: Work, fee: Fee, schedule: FeeSchedule, *, at_maximum: Decimal | None, catalogues: Catalogues, report: Report
) -> None:
    """Above the maximum factor only with a reason of difficulty; above the threshold a warning (Nr. II.3.1 Fn. 8)."""
    line = work.fee
    where: Where = {"sheet": line.sheet, "row": line.row}
    label = line_label(line)
    maximum = catalogues.profile.max_factors[_max_key(line, fee)]
    threshold = schedule.thresholds.get(fee.category, schedule.thresholds["personal"])
    justified = bool(line.justification.strip())
    above = line.factor > maximum
    if above and justified:
        report(
            Severity.WARNING,
            "fee.above_maximum_justified",
            f"{label}: Faktor {german_factor(line.factor)} über dem Höchstsatz {german_factor(maximum)}, "
            "begründet – der Versicherer prüft die Begründung",
            column="Faktor",
            section=RULE_FEES,
            **where,
        )
        work.explain(
            RULE_FEES,
            f"über dem Höchstsatz {german_factor(maximum)}, mit Begründung voll angesetzt – Prüfung durch den Versicherer",
        )
    elif above and at_maximum is not None:
        report(
            Severity.WARNING,
            "fee.above_maximum",
            f"{label}: Faktor {german_factor(line.factor)} über dem Höchstsatz {german_factor(maximum)} ohne Begründung "
            "krankheits- bzw. befundbedingter Erschwernisse; erstattungsfähig bis zum Höchstsatz",
            column="Faktor",
            section=RULE_FEES,
            **where,
        )
        work.set_eligible(
            min(work.eligible, cents(at_maximum)),
            RULE_FEES,
            f"Höchstsatz {german_factor(maximum)} ohne Begründung überschritten: Gebühr zum Höchstsatz",
            Cause.FEE_LIMITS,
        )
    elif line.factor > threshold and not justified:
        law = "GOZ § 10 Abs. 3" if line.schedule is Schedule.GOZ else "GOÄ § 12 Abs. 3"
        report(
            Severity.WARNING,
            "fee.above_threshold",
            f"{label}: Faktor {german_factor(line.factor)} über dem Schwellenwert {german_factor(threshold)} "
            f"ohne schriftliche Begründung ({law}); der Betrag bleibt erstattungsfähig",
            column="Begründung",
            **where,
        )
    if line.factor < 1:
        report(
            Severity.WARNING,
            "fee.below_single_rate",
            f"{label}: Faktor {german_factor(line.factor)} unter dem einfachen Satz",
            column="Faktor",
            **where,
        )


class RelatedFees:
    """For the fee numbers without points: the first GOZ line of each related number range on each tooth, so a
    derived fee finds its related fee without looking at every line of the plan."""

    def __init__(self, fee_works: Sequence[Work]) -> None:
        self.first: dict[tuple[str, int], Work] = {}
        for work in fee_works:
            number = work.number
            if work.fee.schedule is not Schedule.GOZ or not (number.isascii() and number.isdigit()):
                continue
            for derived, ((low, high), _) in DERIVED_FEES.items():
                if low <= int(number) <= high:
                    for tooth in work.fee.teeth.teeth:
                        self.first.setdefault((derived, tooth), work)

    def points(self, work: Work, fee: Fee, schedule: FeeSchedule) -> Decimal | None:
        """The points of a fee line: its own, or a share of the related fee on the same tooth (GOZ Anlage 1)."""
        if fee.points is not None:
            return Decimal(fee.points)
        derived = DERIVED_FEES.get(fee.nr)
        if derived is None:
            return None
        related = [self.first[(fee.nr, t)] for t in work.fee.teeth.teeth if (fee.nr, t) in self.first]
        for other in sorted(related, key=lambda w: w.index):
            entry = schedule.get(other.number)
            if entry is not None and entry.points is not None:
                return Decimal(entry.points) * derived[1]
        return None


def _laser_points(work: Work, schedule: FeeSchedule) -> Decimal | None:
    """GOZ 0120 is worth the simple fee of its lasered service: that service's points (spec section 3)."""
    service = schedule.get(work.owner.number) if work.owner is not None else None
    return Decimal(service.points) if service is not None and service.points is not None else None


def _cap_laser(work: Work, derived: Decimal | None, units: Decimal, catalogues: Catalogues) -> None:
    """GOZ 0120: 100 % of the lasered service's simple fee, at most 68,00 EUR, for the unit that counts."""
    if derived is None or work.owner is None or work.eligible <= derived:
        return
    owner = work.owner
    work.set_eligible(
        cents(derived),
        RULE_FEES,
        f"GOZ 0120: 100 % des einfachen Satzes von GOZ {owner.fee.number}{' an Zahn ' + owner.fee.teeth.text if owner.fee.teeth.text else ''}, "
        f"höchstens {eur(catalogues.profile.laser_maximum)} je Behandlungstag",
        Cause.FEE_LIMITS,
    )


class JawCounts:
    """Units of lab codes limited per jaw in B 269 (I 112, I 113 once, 0726 twice), counted over the whole plan."""

    def __init__(self, limits: dict[str, int]) -> None:
        self.limits = limits
        self.used: dict[tuple[str, str], Decimal] = {}

    def allowed(self, work: Work, report: Report) -> Decimal:
        """How many of the line's units are within the limits; a line on both jaws spreads them (spec 6a)."""
        line = work.lab
        limit = self.limits.get(line.code)
        if limit is None:
            return line.quantity
        jaws = sorted({jaw_of(t) for t in line.teeth.teeth})
        if not jaws:
            jaws = [max(("OK", "UK"), key=lambda jaw: (limit - self.used.get((line.code, jaw), ZERO), jaw == "OK"))]
            report(
                Severity.WARNING,
                "lab.quantity_limit_no_jaw",
                f"{line_label(line)}: höchstens {limit}× je Kiefer nach B 269; ohne Zahnangabe im "
                f"{JAW_NAMES[jaws[0]]} gezählt – bitte den Kiefer angeben",
                sheet=line.sheet,
                row=line.row,
                column="Zahn",
                section="B 269",
            )
        if len(jaws) == 2:
            lower = (line.quantity / 2).to_integral_value(rounding=ROUND_FLOOR)
            shares = {"OK": line.quantity - lower, "UK": lower}
        else:
            shares = {jaws[0]: line.quantity}
        allowed = ZERO
        for jaw, share in shares.items():
            key = (line.code, jaw)
            within = max(ZERO, min(share, limit - self.used.get(key, ZERO)))
            self.used[key] = self.used.get(key, ZERO) + within
            allowed += within
        if allowed < line.quantity:
            report(
                Severity.WARNING,
                "lab.quantity_limit",
                f"{line_label(line)}: nach B 269 höchstens {limit}× je Kiefer; "
                f"{german_factor(line.quantity - allowed)} Einheit(en) darüber nicht erstattungsfähig",
                sheet=line.sheet,
                row=line.row,
                column="Menge",
                section="B 269",
            )
        return allowed


def lab_amounts(work: Work, catalogues: Catalogues, report: Report, jaw_counts: JawCounts) -> None:
    """Billed and eligible amount of a lab line against B 269 (Nr. II.3.1, spec 4 and 6a)."""
    line = work.lab
    profile = catalogues.profile
    where: Where = {"sheet": line.sheet, "row": line.row}
    label = line_label(line)
    vat = line.vat_percent if line.vat_percent is not None else profile.lab_default_vat
    factor = 1 + vat / 100
    computed = cents(line.quantity * line.unit_price * factor)
    if line.amount is not None:
        work.billed = cents(line.amount)
        if abs(work.billed - computed) > Decimal("0.01"):
            report(
                Severity.WARNING,
                "lab.amount_mismatch",
                f"{label}: Betrag {eur(work.billed)} weicht von Menge × Einzelpreis zzgl. MwSt ({eur(computed)}) ab",
                column="Betrag",
                **where,
            )
    else:
        work.billed = computed
        work.explain(
            "B 269",
            f"Betrag berechnet: {german_factor(line.quantity)} × {eur(line.unit_price)} zzgl. {german_factor(vat)} % MwSt",
            None,
            computed,
        )
    work.eligible = work.billed
    if vat not in profile.lab_usual_vat:
        report(
            Severity.WARNING,
            "lab.vat_unusual",
            f"{label}: MwSt {german_factor(vat)} %; zahntechnische Leistungen tragen 7 % (UStG § 12 Abs. 2 Nr. 6), "
            "zugekaufte Teile können anders besteuert sein – bitte den Satz prüfen; erstattungsfähig wie berechnet",
            column="MwSt",
            section="B 269",
            **where,
        )

    words = [w for w in profile.never_eligible_words if w.lower() in line.description.lower()]
    if words:
        report(
            Severity.ERROR,
            "lab.never_eligible",
            f"{label}: Lagerhaltungs- und Regiekosten/Depotführung sind nicht erstattungsfähig",
            column="Leistung",
            section="B 269, Hinweise",
            **where,
        )
        work.set_eligible(
            ZERO, "B 269, Hinweise", "Lagerhaltungs- und Regiekosten/Depotführung nicht erstattungsfähig", Cause.NOT_ELIGIBLE
        )
        return
    price = catalogues.b269.get(line.code)
    if price is None:
        report(
            Severity.ERROR,
            "lab.unlisted",
            f"{label}: Laborcode {line.code} steht nicht im Preis- und Leistungsverzeichnis B 269; nicht erstattungsfähig",
            column="Nr",
            section="Nr. II.3.1",
            **where,
        )
        work.set_eligible(ZERO, "Nr. II.3.1", f"Laborcode {line.code} nicht in B 269 aufgeführt", Cause.NOT_ELIGIBLE)
        return

    quantity = jaw_counts.allowed(work, report) if work.line_class is not LineClass.X else line.quantity
    unit = line.unit_price
    if unit > price.max_price:
        report(
            Severity.WARNING,
            "lab.over_maximum",
            f"{label}: Einzelpreis {eur(unit)} über dem Höchstbetrag {eur(price.max_price)} nach B 269 "
            f"(Differenz {eur(unit - price.max_price)} je Einheit)",
            column="Einzelpreis",
            section="Nr. II.3.1",
            **where,
        )
        unit = price.max_price
    eligible = min(work.billed, cents(quantity * unit * factor))
    reasons = []
    if unit != line.unit_price:
        reasons.append(f"Höchstbetrag {eur(price.max_price)} je Einheit nach B 269 zzgl. {german_factor(vat)} % MwSt")
    if quantity != line.quantity:
        reasons.append(f"höchstens {profile.lab_per_jaw_limits[line.code]}× je Kiefer nach B 269")
    work.set_eligible(eligible, RULE_LAB, "; ".join(reasons) or "nach B 269", Cause.LAB_PRICES)
