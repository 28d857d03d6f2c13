"""What-if as text for the terminal and the app: the alternatives side by side and the staged-cap planner's advice."""

from __future__ import annotations

from collections.abc import Mapping

from estimator.figures import money
from estimator.kinds import Cause
from estimator.model import Estimate, Plan
from estimator.money import ZERO
from estimator.phrases import Money
from estimator.rules.whatif import Move, Split, alternatives, best_split
from estimator.tariff.catalogues import Tariffs
from estimator.wording import LANGUAGES, left_out_text, sentence


def whatif_text(plan: Plan, tariffs: Tariffs, settings: Mapping[str, object] | None = None, language: str = "de") -> str:
    """The alternatives with their totals and differences, then the planner's advice, in the language asked for."""
    scenarios = alternatives(plan, tariffs, settings)
    base = scenarios[0].estimate.totals.benefit
    names = [sentence(f"scenario_{s.name}", language) for s in scenarios]
    width = max(len(name) for name in names) + 2
    heads = [sentence(key, language) for key in ("column_scenario", "column_eligible", "column_benefit", "column_share")]
    lines = [f"{heads[0]:<{width}}{heads[1]:>18}{heads[2]:>14}{heads[3]:>14}{sentence('column_difference', language):>14}"]
    for name, scenario in zip(names, scenarios, strict=True):
        totals = scenario.estimate.totals
        difference = totals.benefit - base
        shown = ("+" if difference > 0 else "−") + money(abs(difference), language) if difference else "–"  # a real minus
        figures = (totals.eligible, totals.benefit, totals.patient_share)
        lines.append(
            f"{name:<{width}}{money(figures[0], language):>18}{money(figures[1], language):>14}"
            f"{money(figures[2], language):>14}{shown:>14}"
        )
    missing = scenarios[0].estimate.rows_missing
    if missing:  # in no variant's figures
        rows = "; ".join(left_out_text(left, language) for left in missing[:5]) + (" …" if len(missing) > 5 else "")
        lines += ["", sentence("whatif_missing", language, count=len(missing), rows=rows)]
    split = best_split(plan, tariffs, settings)
    lines += ["", sentence("planner", language, section=split.estimate.limits.cap_section)]
    if not split.moves:
        capped = scenarios[0].estimate.reductions.get(Cause.STAGED_CAP)
        lines.append("  " + sentence("planner_stay" if capped else "planner_no_cap", language))
    else:
        lines += [f"  {move_text(move, language)}" for move in split.moves]
        if split.toothless:
            lines.append("  " + sentence("planner_with", language, lines="; ".join(split.toothless)))
        lines.append("  " + gain_text(split, scenarios[0].estimate, language))
    return "\n".join(lines) + "\n"


def gain_text(split: Split, before: Estimate, language: str = "de") -> str:
    """What the planner's moves gain, and by what: the staged caps cutting less, the deductible taking less (a move
    out of a year whose deductible only this treatment used) – or more, where the other gains more."""
    why = ""
    for cause, name in ((Cause.STAGED_CAP, "planner_cap"), (Cause.DEDUCTIBLE, "planner_deductible")):
        less = before.reductions.get(cause, ZERO) - split.estimate.reductions.get(cause, ZERO)
        if less:
            key = "planner_less" if less > 0 else "planner_more"
            why += sentence(key, language, cause=sentence(name, language), amount=Money(abs(less)))
    after, base = split.estimate.totals.benefit, before.totals.benefit
    return sentence("planner_gain", language, benefit=Money(after), base=Money(base), gain=Money(split.gain), why=why)


def move_text(move: Move, language: str = "de") -> str:
    """One move of the planner: „Zähne 14, 15: aus dem 1. Versicherungsjahr …“, a denture's „Oberkiefer: …“."""
    words = LANGUAGES[language]
    place = words.JAW_PLACES[move.jaw] if move.jaw else f"{words.LINE['tooth' if move.count == 1 else 'teeth']} {move.teeth}"
    said = sentence(
        "planner_move", language, place=place, year=move.from_year, date=move.to_date, spread=move.spread, later=move.later
    )
    if move.healing is not None:  # the implant's later work left on its day: how much closer it comes
        day, now, planned = move.healing
        said += sentence("planner_healing", language, date=day, now=now, planned=planned)
    return said[:1].upper() + said[1:]
