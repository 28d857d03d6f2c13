"""What of an estimate the insurer may still cut, counted in the customer's favour where the plan leaves it open:
amounts above the fee at the maximum factor that the Auslegung amount_above_maximum counts as billed (its default,
the worked examples' reading), and implant work that may sit on an implant over the limit per jaw whose place the
plan does not say. The letter, the terminal and the window say it beside the expected benefit, so that such a
figure is not taken for a promise."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from estimator.codes import Code
from estimator.kinds import LineClass
from estimator.model import Estimate, FeeLine, JawImplants, LineResult
from estimator.money import ZERO, cents, eur
from estimator.rules.engine import tariff_of
from estimator.tariff.catalogues import load_tariffs
from estimator.wording import jaw_name

KEPT = frozenset({Code.FEE_AMOUNT_ABOVE_MAXIMUM_KEPT, Code.FEE_AMOUNT_ABOVE_SINGLE_RATE_KEPT})


@dataclass(frozen=True)
class Reserve:
    """Fee lines counted as billed above the fee at their maximum: how many, their eligible amount above it, and the
    benefit at most that rests on it (that amount at the line's rate, no more than the line's benefit); implants over
    the limit of unknown place: per jaw how many and the benefit at most of the lab and dental work that may sit on
    them (the sites worth most)."""

    lines: int
    above: Decimal
    benefit: Decimal
    implants: tuple[tuple[JawImplants, Decimal], ...] = ()

    @property
    def total(self) -> Decimal:
        return self.benefit + sum((amount for _, amount in self.implants), ZERO)


def reserve_of(estimate: Estimate) -> Reserve | None:
    """The reserve of an estimate, None when nothing is counted so."""
    lines, above, benefit = _above_maximum(estimate)
    implants = tuple((jaw, amount) for jaw in estimate.limits.implants if (amount := _on_unlocated(estimate, jaw)) > 0)
    return Reserve(lines, above, benefit, implants) if benefit > 0 or implants else None


def _above_maximum(estimate: Estimate) -> tuple[int, Decimal, Decimal]:
    kept = [finding for finding in estimate.findings if finding.phrase.code in KEPT]
    if not kept:  # most plans: the lines are not looked up (the window asks at each edit)
        return 0, ZERO, ZERO
    by_place: dict[tuple[str, int | None], LineResult] = {
        (r.line.sheet, r.line.row): r for r in estimate.lines if r.kind == "fee"
    }
    lines, above, benefit = 0, ZERO, ZERO
    for finding in kept:
        if (result := by_place.get((finding.sheet, finding.row))) is None:
            continue
        billed, fee = finding.phrase.get("billed"), finding.phrase.get("fee")
        if result.line_class is LineClass.X or not isinstance(billed, Decimal) or not isinstance(fee, Decimal):
            continue
        over = min(result.eligible, billed - fee)
        if over > 0:
            lines, above, benefit = lines + 1, above + over, benefit + min(result.benefit, cents(over * result.rate))
    return (lines, above, benefit) if benefit > 0 else (0, ZERO, ZERO)


def _on_unlocated(estimate: Estimate, jaw: JawImplants) -> Decimal:
    """The benefit at most of the class-A work on the sites that may carry the jaw's implants over the limit of
    unknown place: the sites worth most, as many as there are such implants (a line over several of them counted
    once)."""
    if not jaw.excluded_unlocated or not jaw.unlocated_sites:
        return ZERO
    sites = set(jaw.unlocated_sites)
    insertions = tariff_of(estimate.plan, load_tariffs())[0].profile.implant_numbers  # cut by the limit already
    on_sites = [
        r
        for r in estimate.lines
        if r.line_class is LineClass.A
        and not r.line.teeth.whole_jaw
        and r.line.teeth.teeth & sites
        and r.benefit > 0
        and not (isinstance(r.line, FeeLine) and r.line.number in insertions)
        and not (r.owner is not None and r.owner.number in insertions)  # the insertion's surcharge goes with it
    ]
    worth = {site: sum((r.benefit for r in on_sites if site in r.line.teeth.teeth), ZERO) for site in sites}
    most = sorted(worth, key=lambda site: worth[site], reverse=True)[: jaw.excluded_unlocated]
    return sum((r.benefit for r in on_sites if r.line.teeth.teeth & set(most)), ZERO)


def reserve_sentence(reserve: Reserve) -> str:
    """The reserve said for the patient (German, as the letter)."""
    said = []
    if reserve.lines:
        lines = "Der Betrag einer Leistung liegt" if reserve.lines == 1 else f"Die Beträge von {reserve.lines} Leistungen liegen"
        said.append(
            f"{lines} über der Gebühr zum Höchstsatz, ohne Begründung besonderer Schwierigkeiten (zusammen "
            f"{eur(reserve.above)} darüber). Diese Schätzung rechnet {'ihn' if reserve.lines == 1 else 'sie'} wie "
            f"berechnet; kürzt der Versicherer auf die Gebühr zum Höchstsatz, ist die Erstattung um bis zu "
            f"{eur(reserve.benefit)} geringer."
        )
    for jaw, amount in reserve.implants:
        count = "liegt 1 Implantat" if jaw.excluded_unlocated == 1 else f"liegen {jaw.excluded_unlocated} Implantate"
        named = [str(site) for site in jaw.unlocated_sites]
        sites = f"den Zähnen {', '.join(named[:-1])} und {named[-1]}" if len(named) > 1 else f"Zahn {''.join(named)}"
        said.append(
            f"Im {jaw_name(jaw.jaw)} {count} über der Grenze von {jaw.limit} je Kiefer, ohne dass der Plan sagt, an "
            f"welchem Zahn; der Zahnersatz darauf ist nicht erstattungsfähig. Diese Schätzung rechnet den Zahnersatz an "
            f"{sites} voll; sitzt er auf {'diesem Implantat' if jaw.excluded_unlocated == 1 else 'diesen Implantaten'}, "
            f"ist die Erstattung um bis zu {eur(amount)} geringer."
        )
    return "Vorbehalt: " + " ".join(said)
