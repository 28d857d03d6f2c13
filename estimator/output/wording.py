"""German sentences about an estimate that the terminal text, the PDF and the desktop app share."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from estimator.model import Cause, Estimate
from estimator.money import eur, german_date

JAW_NAMES = {"OK": "Oberkiefer", "UK": "Unterkiefer"}


def limit_sentences(estimate: Estimate) -> list[str]:
    """One sentence per limit the tariff applied to this plan (Nr. II.3.1, II.3.2, II.8)."""
    limits, sentences = estimate.limits, []
    first_day = min((r.date for r in estimate.lines), default=None)
    relevant = [y for y in limits.staged_cap if first_day is None or y.end >= first_day]
    for y in relevant:
        sentences.append(
            f"Zahnstaffel {y.year}. Versicherungsjahr ({german_date(y.start)} – {german_date(y.end)}): "
            f"kumuliert höchstens {eur(y.cumulative_cap)}; bisher {eur(y.used_before)}, "
            f"dieser Plan {eur(y.used_by_plan)}, frei {eur(y.left)}"
        )
    if limits.staged_cap and not relevant:
        sentences.append("Zahnstaffel: Behandlung ab dem 5. Versicherungsjahr, keine Höchstbeträge (Nr. II.3.2)")
    for d in limits.deductible:
        if d.amount:
            sentences.append(
                f"Selbstbehalt {d.year} ({d.note}): {eur(d.amount)}; bisher {eur(d.used_before)}, "
                f"dieser Plan {eur(d.used_by_plan)}, offen {eur(d.left)}"
            )
        else:
            sentences.append(f"Selbstbehalt {d.year}: keiner ({d.note})")
    for p in limits.pzr:
        sentences.append(
            f"Professionelle Zahnreinigung {p.year}: höchstens {eur(p.limit)}; bisher {eur(p.used_before)}, "
            f"dieser Plan {eur(p.used_by_plan)}"
        )
    for j in limits.implants:
        if j.present or j.planned:
            unlocated = [f"{j.excluded_unlocated} ohne Lage"] if j.excluded_unlocated else []
            excluded = ", ".join([*map(str, j.excluded_sites), *unlocated]) or "keine"
            sentences.append(
                f"Implantate {JAW_NAMES[j.jaw]}: {j.present} vorhanden, {j.planned} geplant, "
                f"höchstens {j.limit} je Kiefer; nicht erstattungsfähig: {excluded}"
            )
    return sentences or ["Keine Grenze des Tarifs betrifft diesen Plan."]


def setting_value(value: object) -> str:
    """An Auslegung value as it is set with --set: true/false in lower case."""
    return str(value).lower() if isinstance(value, bool) else str(value)


def reductions_that_apply(reductions: Mapping[Cause, Decimal]) -> list[tuple[Cause, Decimal]]:
    """The causes of the patient's share that are not zero, in the order the rules apply (spec 7, step 9)."""
    return [(cause, reductions[cause]) for cause in Cause if reductions.get(cause)]


def reductions_sentence(reductions: Mapping[Cause, Decimal]) -> str:
    """ "davon Erstattungssatz 80,74 €, Selbstbehalt 400,00 €": what the patient pays, by cause, in words."""
    parts = [f"{cause.label} {eur(amount)}" for cause, amount in reductions_that_apply(reductions)]
    return "davon " + ", ".join(parts) if parts else "keine Kürzung"
