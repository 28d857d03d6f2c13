"""Billed and eligible amounts of fee lines (Nr. II.3.1 with footnote 8) and lab lines (B 269)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TypedDict

from estimator.catalogues import Catalogues, Fee, FeeSchedule
from estimator.model import Schedule, Severity
from estimator.money import ZERO, cents, eur, german_factor
from estimator.worksheet import Report, Work, line_label

# Fee numbers without points, derived from a related fee on the same tooth (GOZ Anlage 1).
DERIVED_FEES: dict[str, tuple[tuple[int, int], Decimal]] = {
    "2230": ((2200, 2220), Decimal("0.5")),
    "2240": ((2200, 2220), Decimal("0.75")),
    "5050": ((5000, 5040), Decimal("0.5")),
    "5060": ((5000, 5040), Decimal("0.75")),
}
GOZ_0120_MAXIMUM = Decimal("68.00")
RULE_FEES = "Nr. II.3.1 Fn. 8"


class Where(TypedDict):
    sheet: str
    row: int


def schedule_of(catalogues: Catalogues, schedule: Schedule) -> FeeSchedule:
    return catalogues.goz if schedule is Schedule.GOZ else catalogues.goae


def unit_fees(fee_points: Decimal, point_value: Decimal, factor: Decimal, schedule: Schedule) -> tuple[Decimal, ...]:
    """The fee for one unit, rounded to cents; for GOÄ both disputed rounding points (spec 6a)."""
    final = cents(fee_points * point_value * factor)
    if schedule is Schedule.GOAE:
        return (final, cents(cents(fee_points * point_value) * factor))
    return (final,)


def fee_amounts(work: Work, catalogues: Catalogues, fee_works: Sequence[Work], report: Report) -> None:
    """Billed amount, arithmetic check, factor limits and the eligible amount of one fee line (spec 3, 6a)."""
    line = work.fee
    schedule = schedule_of(catalogues, line.schedule)
    fee = schedule.get(line.number)
    where: Where = {"sheet": line.sheet, "row": line.row}
    label = line_label(line)
    points = _points(work, fee, schedule, fee_works) if fee else None

    def fee_for(factor: Decimal) -> Decimal | None:
        if points is None:
            return None
        return line.count * unit_fees(points, schedule.point_value, factor, line.schedule)[0]

    computed = fee_for(line.factor)
    if line.amount is not None:
        work.billed = cents(line.amount)
    elif computed is not None:
        work.billed = cents(computed)
        work.explain(
            "GOZ § 5" if line.schedule is Schedule.GOZ else "GOÄ § 5",
            f"Betrag berechnet: {german_factor(line.count)} × {eur(computed / line.count)} (Faktor {german_factor(line.factor)})",
            None,
            work.billed,
        )
    else:
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
            f"{label}: Gebührennummer {line.number} steht nicht im Gebührenverzeichnis der "
            f"{line.schedule.value}; nicht erstattungsfähig, bis sie bestätigt ist",
            column="Nr",
            section="Nr. II.3.1",
            **where,
        )
        if not line.confirmed:
            work.set_eligible(ZERO, "Nr. II.3.1", f"Gebührennummer {line.number} nicht im Gebührenverzeichnis")
        else:
            work.explain("von Hand", f"Gebührennummer {line.number} von Hand bestätigt")
        return

    if points is not None and line.amount is not None:
        options = [line.count * u for u in unit_fees(points, schedule.point_value, line.factor, line.schedule)]
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

    profile = catalogues.profile
    if fee.category == "single_rate":
        if line.factor != 1:
            at_single = fee_for(Decimal(1))
            report(
                Severity.ERROR,
                "fee.single_rate_only",
                f"{label}: nur mit dem einfachen Satz berechenbar, Faktor {german_factor(line.factor)} angegeben; "
                "erstattungsfähig mit Faktor 1,0",
                column="Faktor",
                section=RULE_FEES,
                **where,
            )
            if at_single is not None and at_single < work.eligible:
                work.set_eligible(cents(at_single), RULE_FEES, "nur einfacher Satz (Faktor 1,0) berechenbar")
        _cap_0120(work, fee)
        return

    key = "GOZ" if line.schedule is Schedule.GOZ else f"GOÄ.{fee.category}"
    maximum = profile.max_factors[key]
    threshold = schedule.thresholds.get(fee.category, schedule.thresholds["personal"])
    at_maximum = fee_for(maximum)
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


def _points(work: Work, fee: Fee, schedule: FeeSchedule, fee_works: Sequence[Work]) -> Decimal | None:
    if fee.points is not None:
        return Decimal(fee.points)
    derived = DERIVED_FEES.get(fee.nr)
    if derived is None:
        return None
    (first, last), fraction = derived
    for other in fee_works:
        number = other.fee.number
        if (
            other.fee.schedule is Schedule.GOZ
            and number.isdigit()
            and first <= int(number) <= last
            and other.fee.teeth.overlaps(work.fee.teeth)
        ):
            related = schedule.get(number)
            if related is not None and related.points is not None:
                return Decimal(related.points) * fraction
    return None


def _cap_0120(work: Work, fee: Fee) -> None:
    if fee.nr == "0120" and fee.schedule == "GOZ":
        cap = GOZ_0120_MAXIMUM * work.fee.count
        if work.eligible > cap:
            work.set_eligible(cap, RULE_FEES, "GOZ 0120: höchstens 68,00 € je Behandlungstag")


def lab_amounts(
    work: Work, catalogues: Catalogues, report: Report, jaw_counts: dict[tuple[str, frozenset[str]], Decimal]
) -> None:
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
        work.set_eligible(ZERO, "B 269, Hinweise", "Lagerhaltungs- und Regiekosten/Depotführung nicht erstattungsfähig")
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
        work.set_eligible(ZERO, "Nr. II.3.1", f"Laborcode {line.code} nicht in B 269 aufgeführt")
        return

    quantity = line.quantity
    limit = profile.lab_per_jaw_limits.get(line.code)
    if limit is not None:
        key = (line.code, line.teeth.jaws)
        allowed = Decimal(limit * max(1, len(line.teeth.jaws))) - jaw_counts.get(key, Decimal(0))
        jaw_counts[key] = jaw_counts.get(key, Decimal(0)) + quantity
        if quantity > allowed:
            quantity = max(Decimal(0), allowed)
            report(
                Severity.WARNING,
                "lab.quantity_limit",
                f"{label}: nach B 269 höchstens {limit}× je Kiefer; "
                f"{german_factor(line.quantity - quantity)} Einheit(en) darüber nicht erstattungsfähig",
                column="Menge",
                section="B 269",
                **where,
            )

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
    if eligible != work.eligible:
        reasons = []
        if unit != line.unit_price:
            reasons.append(f"Höchstbetrag {eur(price.max_price)} je Einheit nach B 269 zzgl. {german_factor(vat)} % MwSt")
        if quantity != line.quantity:
            reasons.append(f"höchstens {limit}× je Kiefer nach B 269")
        work.set_eligible(eligible, "Nr. II.3.1, B 269", "; ".join(reasons) or "nach B 269")
