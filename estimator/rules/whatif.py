"""What-if: the estimate under alternatives, and the staged-cap planner.

In insurance years 1-4 class-A benefit is capped cumulatively (Nr. II.3.2). When a plan hits the cap,
moving all the work on some teeth to the first day of the next insurance year can raise the total
benefit. The planner tries every choice of teeth groups (all of them while there are few and the plan is
small, greedily beyond, never estimating more than WORK_BUDGET lines in all) and reports the best, or that
not moving is best.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from estimator.model import Estimate, FeeLine, LabLine, LineClass, Plan
from estimator.rules.engine import estimate, resolve_settings
from estimator.rules.limits import insurance_year, insurance_year_span
from estimator.tariff.catalogues import Catalogues

EXHAUSTIVE_GROUPS = 10  # up to 2**10 estimates; beyond, groups are added greedily
WORK_BUDGET = 60_000  # lines estimated in all at the most: every choice for small plans, greedy and bounded beyond
CAPPED_YEARS = range(1, 5)


@dataclass(frozen=True)
class Scenario:
    name: str
    estimate: Estimate


@dataclass(frozen=True)
class Move:
    """The work on these teeth moves from one insurance year to the first day of the next."""

    teeth: str
    from_year: int
    to_date: dt.date


@dataclass(frozen=True)
class Split:
    moves: tuple[Move, ...]
    estimate: Estimate
    gain: Decimal  # over the plan as it is


def alternatives(plan: Plan, catalogues: Catalogues, settings: Mapping[str, object] | None = None) -> list[Scenario]:
    """The plan as it is, then with the other choice of cooperating dentist and of accident."""
    person = plan.person
    variants = [
        ("wie geplant", person),
        (
            "mit Kooperationszahnarzt" if not person.cooperating else "ohne Kooperationszahnarzt",
            dataclasses.replace(person, cooperating=not person.cooperating),
        ),
        (
            "als Unfallfolge" if not person.accident else "nicht als Unfallfolge",
            dataclasses.replace(person, accident=not person.accident),
        ),
    ]
    return [Scenario(name, estimate(dataclasses.replace(plan, person=p), catalogues, settings)) for name, p in variants]


def _groups(plan: Plan) -> list[tuple[frozenset[int], list[tuple[str, int]]]]:
    """Lines joined when they share a tooth: (teeth, [(kind, index)]); lines without teeth are not movable."""
    groups: list[tuple[set[int], list[tuple[str, int]]]] = []
    lines: list[tuple[str, int, FeeLine | LabLine]] = [("fee", i, line) for i, line in enumerate(plan.fee_lines)]
    lines += [("lab", i, line) for i, line in enumerate(plan.lab_lines)]
    for kind, index, line in lines:
        teeth = set(line.teeth.teeth)
        if not teeth:
            continue
        joined = [g for g in groups if g[0] & teeth]
        merged: tuple[set[int], list[tuple[str, int]]] = (teeth, [(kind, index)])
        for group in joined:
            groups.remove(group)
            merged = (merged[0] | group[0], merged[1] + group[1])
        groups.append(merged)
    return [(frozenset(teeth), members) for teeth, members in groups]


def _teeth_text(teeth: frozenset[int]) -> str:
    return ", ".join(str(t) for t in sorted(teeth))


def _candidates(plan: Plan, current: Estimate, convention: str) -> list[tuple[Move, list[tuple[str, int]]]]:
    """Groups with capped class-A work in insurance years 1-4, each with its move to the next year."""
    start = plan.person.insurance_start
    if start is None:
        return []
    by_place = {(r.kind, r.line.sheet, r.line.row): r for r in current.lines}
    found = []
    for teeth, members in _groups(plan):
        results = [by_place.get((kind, line.sheet, line.row)) for kind, line in _members(plan, members)]
        days = [r.date for r in results if r]
        capped = [r for r in results if r and r.line_class is LineClass.A and not r.accident]
        if not capped or not days:
            continue
        year = insurance_year(max(days), start, convention)
        if year not in CAPPED_YEARS:
            continue
        _, last_day = insurance_year_span(year, start, convention)
        found.append((Move(_teeth_text(teeth), year, last_day + dt.timedelta(days=1)), members))
    return found


def _members(plan: Plan, members: Sequence[tuple[str, int]]) -> list[tuple[str, FeeLine | LabLine]]:
    return [(kind, plan.fee_lines[i] if kind == "fee" else plan.lab_lines[i]) for kind, i in members]


def _moved(plan: Plan, chosen: Sequence[tuple[Move, list[tuple[str, int]]]]) -> Plan:
    fees, labs = list(plan.fee_lines), list(plan.lab_lines)
    for move, members in chosen:
        for kind, index in members:
            if kind == "fee":
                fees[index] = dataclasses.replace(fees[index], date=move.to_date)
            else:
                labs[index] = dataclasses.replace(labs[index], date=move.to_date)
    return dataclasses.replace(plan, fee_lines=tuple(fees), lab_lines=tuple(labs))


def best_split(plan: Plan, catalogues: Catalogues, settings: Mapping[str, object] | None = None) -> Split:
    """The choice of teeth to move to the next insurance year that gives the highest total benefit.

    Ties go to fewer moves; with no gain the split is empty (not moving is best)."""
    convention = str(resolve_settings(catalogues.profile, settings)["insurance_year"])
    current = estimate(plan, catalogues, settings)
    best = Split((), current, Decimal(0))
    candidates = _candidates(plan, current, convention)

    def consider(chosen: Sequence[tuple[Move, list[tuple[str, int]]]]) -> Split:
        result = estimate(_moved(plan, chosen), catalogues, settings)
        return Split(tuple(move for move, _ in chosen), result, result.totals.benefit - current.totals.benefit)

    lines = max(1, len(plan.fee_lines) + len(plan.lab_lines))
    if len(candidates) <= EXHAUSTIVE_GROUPS and 2 ** len(candidates) * lines <= WORK_BUDGET:
        for size in range(1, len(candidates) + 1):
            for chosen in itertools.combinations(candidates, size):
                split = consider(chosen)
                if split.gain > best.gain:
                    best = split
        return best
    chosen_so_far: list[tuple[Move, list[tuple[str, int]]]] = []
    remaining = list(candidates)
    spent = 0
    while remaining and spent + len(remaining) * lines <= WORK_BUDGET:
        spent += len(remaining) * lines
        options = [(consider([*chosen_so_far, c]), c) for c in remaining]
        split, candidate = max(options, key=lambda option: option[0].gain)
        if split.gain <= best.gain:
            break
        best = split
        chosen_so_far.append(candidate)
        remaining.remove(candidate)
    return best


def whatif_text(plan: Plan, catalogues: Catalogues, settings: Mapping[str, object] | None = None) -> str:
    """The alternatives side by side and the planner's advice, in German, for the terminal and the app."""
    from estimator.money import eur, german_date  # noqa: PLC0415

    scenarios = alternatives(plan, catalogues, settings)
    base = scenarios[0].estimate.totals.benefit
    width = max(len(s.name) for s in scenarios) + 2
    lines = [f"{'Variante':<{width}}{'erstattungsfähig':>18}{'Erstattung':>14}{'Eigenanteil':>14}{'Unterschied':>14}"]
    for scenario in scenarios:
        totals = scenario.estimate.totals
        difference = totals.benefit - base
        lines.append(
            f"{scenario.name:<{width}}{eur(totals.eligible):>18}{eur(totals.benefit):>14}{eur(totals.patient_share):>14}"
            f"{('+' if difference > 0 else '') + eur(difference) if difference else '–':>14}"
        )
    split = best_split(plan, catalogues, settings)
    lines.append("")
    lines.append("Zahnstaffel-Planung (Nr. II.3.2):")
    if not split.moves:
        lines.append(
            "  Nicht verschieben ist am besten: kein Verlegen von Behandlungen in ein späteres Versicherungsjahr bringt mehr."
        )
    else:
        for move in split.moves:
            lines.append(
                f"  Zahn {move.teeth}: aus dem {move.from_year}. Versicherungsjahr auf den {german_date(move.to_date)} verlegen"
            )
        lines.append(
            f"  Erstattung dann {eur(split.estimate.totals.benefit)} statt {eur(base)}: {eur(split.gain)} mehr "
            "(vorausgesetzt, die Behandlung kann medizinisch warten)"
        )
    return "\n".join(lines) + "\n"
