"""What of an estimate the insurer may still cut, counted in the customer's favour where the plan leaves it open:
amounts above the fee at the maximum factor or at the line's own factor that the Auslegung amount_above_maximum and
amount_vs_factor count as billed (their defaults, the worked examples' reading), a factor above the maximum whose
reason the Auslegung reason_above_maximum accepts (the insurer decides whether it names a difficulty due to the illness
or the findings), and implant work that may sit on
an implant over the limit per jaw whose place the plan does not say. The letter, the terminal, the window, the
workbook and the JSON say it beside the expected benefit, so that such a figure is not taken for a promise."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from estimator.auslegung import Auslegung, setting_value
from estimator.codes import Code
from estimator.kinds import LineClass
from estimator.limitrecords import JawImplants
from estimator.model import Estimate, FeeLine, Override
from estimator.money import ZERO, eur
from estimator.rules.engine import estimate as engine_estimate
from estimator.rules.engine import tariff_of
from estimator.tariff.catalogues import load_tariffs
from estimator.wording import jaw_name

ABOVE_MAXIMUM = frozenset(  # a line's amount above the fee at the maximum: counted or cut, with or without a reason
    {
        Code.FEE_AMOUNT_ABOVE_MAXIMUM_KEPT,
        Code.FEE_AMOUNT_ABOVE_SINGLE_RATE_KEPT,
        Code.FEE_AMOUNT_ABOVE_MAXIMUM,
        Code.FEE_AMOUNT_ABOVE_SINGLE_RATE,
        Code.FEE_AMOUNT_ABOVE_MAXIMUM_JUSTIFIED,
    }
)
REASONED = frozenset({Code.FEE_ABOVE_MAXIMUM_JUSTIFIED, Code.FEE_AMOUNT_ABOVE_MAXIMUM_JUSTIFIED})  # above it with a reason
ABOVE_A_FEE = ABOVE_MAXIMUM | REASONED | {Code.FEE_AMOUNT_MISMATCH}  # … or above the fee at its own factor


@dataclass(frozen=True)
class Reserve:
    """Fee lines counted above the fee at their own factor: how many (`at_maximum` of them above the fee at the
    maximum too), their eligible amount above it, and the benefit at most that rests on them; implants over the limit of unknown place: per jaw how many and the benefit at
    most that rests on the lab and dental work that may sit on them (the sites worth most); `total`: what rests on all
    of them. Each "at most" is the estimate's benefit less that of the estimate with those amounts cut – a cut moves
    the deductible and the staged cap onto other lines, so that it may cost more than the lines' own benefit."""

    lines: int
    above: Decimal
    benefit: Decimal
    implants: tuple[tuple[JawImplants, Decimal], ...]
    total: Decimal
    at_maximum: int = 0
    reasoned: int = 0  # of the lines, those above the fee at the maximum (by their factor or amount) with a reason


_LAST: list[tuple[Estimate, Reserve | None]] = []  # the last estimate asked about: the window, the letter ask again


def reserve_of(estimate: Estimate) -> Reserve | None:
    """The reserve of an estimate, None when nothing is counted so (computed once for the estimate asked about last:
    a reserve computes the estimate again)."""
    last = _LAST[-1] if _LAST else None
    if last is not None and last[0] is estimate:
        return last[1]
    reserve = _reserve(estimate)
    _LAST[:] = [(estimate, reserve)]
    return reserve


def _reserve(estimate: Estimate) -> Reserve | None:
    lines, at_maximum, reasoned, above, benefit = _amounts(estimate)
    on_jaws = [(jaw, places) for jaw in estimate.limits.implants if (places := _on_unlocated(estimate, jaw))]
    implants = tuple((jaw, cut) for jaw, places in on_jaws if (cut := _cut(estimate, places)) > 0)
    parts = [benefit] * (benefit > 0) + [amount for _, amount in implants]
    if not parts:
        return None
    together: Cuts = {}
    for _, places in on_jaws:  # a line on both jaws („OK/UK“) carries the share of each
        for place, share in places.items():
            before = together.get(place, ZERO)
            together[place] = None if share is None or before is None else before + share
    total = parts[0] if len(parts) == 1 else _cut(estimate, together, insurer=benefit > 0)
    return Reserve(lines, above, benefit, implants, total, at_maximum, reasoned)


def _again(estimate: Estimate, cuts: Cuts, *, insurer: bool) -> Estimate:
    """The estimate once more with the insurer's readings of amounts above a fee (`insurer`: amount_above_maximum
    capped, amount_vs_factor factor) and the lines at `cuts` cut by so much (None: not eligible)."""
    settings = {name: setting_value(getattr(estimate.settings, name)) for name in Auslegung.names()}
    if insurer:
        settings.update(amount_above_maximum="capped", amount_vs_factor="factor", reason_above_maximum="capped")
    plan = estimate.plan
    if cuts:
        eligible = {(r.line.sheet, r.line.row): r.eligible for r in estimate.lines}
        kept = tuple(o for o in plan.overrides if (o.sheet, o.row) not in cuts)
        added = tuple(
            Override(sheet, row, "", "", line_class=LineClass.X)
            if cut is None
            else Override(sheet, row, "", "", eligible=max(ZERO, eligible[(sheet, row)] - cut))
            for (sheet, row), cut in sorted(cuts.items())
        )
        plan = replace(plan, overrides=kept + added)
    return engine_estimate(plan, load_tariffs(), settings)


def _cut(estimate: Estimate, cuts: Cuts, *, insurer: bool = False) -> Decimal:
    """How much less the estimate pays so (_again)."""
    return max(ZERO, estimate.totals.benefit - _again(estimate, cuts, insurer=insurer).totals.benefit)


def _amounts(estimate: Estimate) -> tuple[int, int, int, Decimal, Decimal]:
    """The fee lines whose amount the insurer's readings would lower (above the fee at their own factor or at the
    maximum, counted as billed by the Auslegung's defaults or with a reason), how many of them lie above the fee at
    the maximum, how many bill a factor above the maximum with a reason, how much less is then eligible and how much
    less paid – lines and figures of one computation."""
    settings, none = estimate.settings, (0, 0, 0, ZERO, ZERO)
    if (settings.amount_above_maximum, settings.amount_vs_factor, settings.reason_above_maximum) == (
        "capped",
        "factor",
        "capped",
    ):
        return none  # the insurer's readings already
    said: dict[tuple[str, int | None], set[Code]] = {}
    for finding in estimate.findings:
        if finding.phrase.code in ABOVE_A_FEE:
            said.setdefault((finding.sheet, finding.row), set()).add(finding.phrase.code)
    if not said:  # most plans: nothing computed again (the window asks at each edit)
        return none
    again = _again(estimate, {}, insurer=True)
    before = {(r.line.sheet, r.line.row): r.eligible for r in estimate.lines if r.kind == "fee"}
    lowered = [
        (r.line.sheet, r.line.row) for r in again.lines if r.kind == "fee" and r.eligible < before[(r.line.sheet, r.line.row)]
    ]
    if not lowered:
        return none
    at_maximum = sum(bool(said.get(place, set()) & ABOVE_MAXIMUM) for place in lowered)
    reasoned = sum(bool(said.get(place, set()) & REASONED) for place in lowered)
    above = estimate.totals.eligible - again.totals.eligible
    return len(lowered), at_maximum, reasoned, above, max(ZERO, estimate.totals.benefit - again.totals.benefit)


Cuts = dict[tuple[str, int], Decimal | None]  # (sheet, row) -> how much of its eligible amount is cut, None: all


def _on_unlocated(estimate: Estimate, jaw: JawImplants) -> Cuts:
    """The class-A work that may sit on the jaw's implants over the limit of unknown place: on the sites worth most,
    as many as there are such implants (a line over several of them counted once), not eligible; of a line for the
    whole jaw with one unit for each implant planned there („I 111“ × 9 on „OK“) the share of those implants."""
    if not jaw.excluded_unlocated:
        return {}
    sites = set(jaw.unlocated_sites)
    insertions = tariff_of(estimate.plan, load_tariffs())[0].profile.implant_numbers  # cut by the limit already
    work = [
        r
        for r in estimate.lines
        if r.line_class is LineClass.A
        and r.benefit > 0
        and r.line.row is not None  # a line of the plan, which an override can name
        and not (isinstance(r.line, FeeLine) and r.line.number in insertions)
        and not (r.owner is not None and r.owner.number in insertions)  # the insertion's surcharge goes with it
    ]
    on_sites = [r for r in work if not r.line.teeth.whole_jaw and r.line.teeth.teeth & sites]
    worth = {site: sum((r.benefit for r in on_sites if site in r.line.teeth.teeth), ZERO) for site in sites}
    most = set(sorted(worth, key=lambda site: worth[site], reverse=True)[: jaw.excluded_unlocated])
    cuts: Cuts = {(r.line.sheet, r.line.row): None for r in on_sites if r.line.teeth.teeth & most}
    quadrants = {"OK": (1, 2), "UK": (3, 4)}[jaw.jaw]
    for r in work:
        if r.line.teeth.whole_jaw and any(t // 10 in quadrants for t in r.line.teeth.teeth):
            units = r.line.count if isinstance(r.line, FeeLine) else r.line.quantity
            if units >= max(jaw.planned, 1):  # one for each implant; a drill template or a bar serves them all
                cuts[(r.line.sheet, r.line.row)] = r.eligible * Decimal(jaw.excluded_unlocated) / units
    return cuts


def reserve_sentence(reserve: Reserve) -> str:
    """The reserve said for the patient (German, as the letter)."""
    said = []
    if reserve.reasoned:
        said.append(_reasoned_sentence(reserve))
    elif reserve.lines:  # every amount above the fee at the maximum is above the fee at the line's own factor too
        several, maximum = reserve.lines > 1, reserve.at_maximum
        also = f"; bei {maximum} davon liegt der Betrag auch" if several else "; ihr Betrag liegt auch"
        said.append(
            f"Bei {f'{reserve.lines} Leistungen' if several else 'einer Leistung'} rechnet diese Schätzung mit mehr als "
            f"der Gebühr zum angegebenen Faktor ({'zusammen ' * several}{eur(reserve.above)} mehr"
            f"{f'{also} über der Gebühr zum Höchstsatz' if maximum else ''}). Kürzt der Versicherer auf {'diese Gebühren' if several else 'diese Gebühr'}, ist "
            f"die Erstattung um bis zu {eur(reserve.benefit)} geringer."
        )
    for jaw, amount in reserve.implants:
        count = "liegt 1 Implantat" if jaw.excluded_unlocated == 1 else f"liegen {jaw.excluded_unlocated} Implantate"
        named = [str(site) for site in jaw.unlocated_sites]
        sites = f"den Zähnen {', '.join(named[:-1])} und {named[-1]}" if len(named) > 1 else f"Zahn {''.join(named)}"
        sites = sites if named else f"für den ganzen {jaw_name(jaw.jaw)}"  # a line of the jaw: a share of it
        one = jaw.excluded_unlocated == 1
        these, to_these = ("dieses Implantat", "diesem Implantat") if one else ("diese Implantate", "diesen Implantaten")
        said.append(  # the work of the implant (its exposure, its parts) as well as the crown on it
            f"Im {jaw_name(jaw.jaw)} {count} über der Grenze von {jaw.limit} je Kiefer, ohne dass der Plan sagt, an "
            f"welchem Zahn; was für {these} geleistet wird und darauf sitzt, ist nicht erstattungsfähig. Diese Schätzung "
            f"rechnet die Leistungen {'an ' if named else ''}{sites} voll; "
            f"{f'gehören sie zu {to_these},' if named else f'ohne den Teil für {these}'} "
            f"ist die Erstattung um bis zu {eur(amount)} geringer."
        )
    return "Vorbehalt: " + " ".join(said)


def _reasoned_sentence(reserve: Reserve) -> str:
    """The reserve of lines above the fee at the maximum with the practice's reason (German, as the letter)."""
    reasoned, others = reserve.reasoned, reserve.lines - reserve.reasoned
    lines = "einer Leistung" if reasoned == 1 else f"{reasoned} Leistungen"
    amounts = "einem von der Praxis begründeten Betrag" if reasoned == 1 else "von der Praxis begründeten Beträgen"
    more = f", bei {'einer weiteren' if others == 1 else f'{others} weiteren'} mit mehr als der Gebühr zum angegebenen Faktor"
    reasons = "die Begründung" if reasoned == 1 else "die Begründungen"
    fees = "diese Gebühr" if reserve.lines == 1 else "diese Gebühren"
    difficulty = "als krankheits- bzw. befundbedingte Erschwernis"
    cut = (  # the lines without a reason need none refused to be cut
        f"Kürzt der Versicherer auf {fees} – {'die begründete' if reasoned == 1 else 'die begründeten'}, wenn er {reasons} "
        f"nicht {difficulty} anerkennt –,"
        if others
        else f"Erkennt der Versicherer {reasons} nicht {difficulty} an und kürzt er auf {fees},"
    )
    return (
        f"Bei {lines} rechnet diese Schätzung mit {amounts} über der Gebühr zum Höchstsatz{more if others else ''} "
        f"({'zusammen ' * (reserve.lines > 1)}{eur(reserve.above)} mehr als {'die Gebühr' if reserve.lines == 1 else 'die Gebühren'}). "
        f"{cut} ist die Erstattung um bis zu {eur(reserve.benefit)} geringer."
    )
