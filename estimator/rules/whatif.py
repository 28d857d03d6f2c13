"""What-if: the estimate under alternatives, and the staged-cap planner.

In the first insurance years class-A benefit is capped cumulatively (the staged caps of the profile). When a plan hits the cap,
moving the work on some teeth of one insurance year into the next can raise the total benefit. The planner tries every
choice of teeth groups (all of them while there are few and the plan is small, step by step beyond, never estimating
more than WORK_BUDGET lines in all) and reports the best, or that not moving is best.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from estimator.kinds import LineClass, LineKind
from estimator.model import Estimate, FeeLine, LabLine, LineResult, Plan
from estimator.rules.engine import estimate, resolve_settings, tariff_of
from estimator.rules.limits import insurance_year, insurance_year_span
from estimator.tariff.catalogues import Tariffs
from estimator.tariff.profile import Profile
from estimator.teeth import jaw_of
from estimator.workdays import first_working_day

EXHAUSTIVE_GROUPS = 10  # up to 2**10 estimates; beyond, groups are added greedily
PATIENCE = 3  # steps in a row without a new best before the step-by-step search ends
WORK_BUDGET = 60_000  # lines estimated in all at the most: every choice for small plans, greedy and bounded beyond


@dataclass(frozen=True)
class Scenario:
    """The plan as it is, or with one choice changed; name: as_planned, cooperating, not_cooperating, accident or
    no_accident (estimator.wording names it)."""

    name: str
    estimate: Estimate


@dataclass(frozen=True)
class Move:
    """The work on these teeth moves from one insurance year into the next, beginning on its first working day; work
    on several days keeps the days between them (an implant's healing before its crown)."""

    teeth: str
    from_year: int
    to_date: dt.date
    spread: bool = False  # the work lies on several days: it moves by as many days, „ab dem“
    jaw: str = ""  # the work names no single tooth (a denture): its jaw, "OK", "UK" or "OK/UK", said instead of teeth
    count: int = 1  # how many teeth `teeth` names
    later: bool = False  # an implant's work of later years moves along
    healing: tuple[dt.date, int, int] | None = None  # an implant's later work left: its day, days after it now, as planned


@dataclass(frozen=True)
class Split:
    moves: tuple[Move, ...]
    estimate: Estimate
    gain: Decimal  # over the plan as it is
    dates: tuple[tuple[LineKind, int, dt.date], ...] = ()  # each line moved: (kind, its index among its kind, new date)
    toothless: tuple[str, ...] = ()  # the lines without teeth that move with the teeth: „Leistungen Zeile 3 (Nr. 8000)“


def alternatives(plan: Plan, tariffs: Tariffs, settings: Mapping[str, object] | None = None) -> list[Scenario]:
    """The plan as it is, then with the other choice of cooperating dentist and of accident."""
    person = plan.person
    variants = [
        ("as_planned", person),
        (
            "cooperating" if not person.cooperating else "not_cooperating",
            dataclasses.replace(person, cooperating=not person.cooperating),
        ),
        (
            "accident" if not person.accident else "no_accident",
            dataclasses.replace(person, accident=not person.accident),
        ),
    ]
    return [Scenario(name, estimate(dataclasses.replace(plan, person=p), tariffs, settings)) for name, p in variants]


Members = list[tuple[LineKind, int]]
Held = list[tuple[tuple[LineKind, int], LineResult, FeeLine | LabLine]]  # lines of a group: where, result, line
Moved = dict[tuple[LineKind, int], dt.date]  # (kind, index among its kind) -> the day a line moves to


def _groups(plan: Plan) -> list[tuple[frozenset[int], Members]]:
    """Lines joined when they share a tooth: (teeth, [(kind, index)]); a service on a whole jaw (a denture) joins the
    other services on that jaw, not the work on each of its teeth. Lines without teeth and lab lines on a whole jaw
    move only with what they belong to (_followers): a model on „OK“ would tie every crown of the jaw together."""
    groups: list[tuple[set[int], Members]] = []
    for kind, index, line in _lines(plan):
        teeth = {-tooth for tooth in line.teeth.teeth} if line.teeth.whole_jaw else set(line.teeth.teeth)
        if not _movable(kind, line):
            continue
        joined = [g for g in groups if g[0] & teeth]
        merged: tuple[set[int], Members] = (teeth, [(kind, index)])
        for group in joined:
            groups.remove(group)
            merged = (merged[0] | group[0], merged[1] + group[1])
        groups.append(merged)
    return [(frozenset(teeth), members) for teeth, members in groups]


def _movable(kind: LineKind, line: FeeLine | LabLine) -> bool:
    """Whether a line is moved as the work on its teeth (else it follows the work it belongs to)."""
    return bool(line.teeth.teeth) and not (line.teeth.whole_jaw and kind is LineKind.LAB)


def _teeth_text(teeth: frozenset[int]) -> str:
    return ", ".join(str(t) for t in sorted(teeth))


def _candidates(plan: Plan, current: Estimate, convention: str, profile: Profile) -> list[tuple[Move, Moved]]:
    """The work of a group of teeth in one staged-cap year with capped class-A work in it, each with its move into the
    next year: from the first capped line on, the lines move by as many days as its first one does to the next year's
    first working day (an earlier filling on the tooth stays, an implant's crown keeps its weeks of healing). Work
    before the plan date is done and stays; so does a group's work of another year (the crowns of the first year are
    not moved for a scaling of the second) – but where an implant is placed in the work moved, what follows it on its
    teeth in later years is a choice: moved along, keeping its weeks of healing (offered first, so that it is taken
    when it gains as much), or left on its day, the move then saying how much closer it comes to the implant."""
    start = plan.person.insurance_start
    if start is None:
        return []
    by_place = {(r.kind, r.line.sheet, r.line.row): r for r in current.lines}
    found = []
    for _, members in _groups(plan):
        by_year: dict[int, Held] = {}
        for member, (kind, line) in zip(members, _members(plan, members), strict=True):
            result = by_place.get((kind, line.sheet, line.row))
            done = result is not None and plan.plan_date is not None and result.date < plan.plan_date
            if result is not None and not done:  # a line without a treatment day is in no figure: it does not move
                by_year.setdefault(insurance_year(result.date, start, convention), []).append((member, result, line))
        for year, of_year in sorted(by_year.items()):
            capped = [r.date for _, r, _ in of_year if r.line_class is LineClass.A and not r.accident]
            if not capped or not 1 <= year <= profile.cap_years:
                continue
            held = [(member, r, line) for member, r, line in of_year if r.date >= min(capped)]
            _, last_day = insurance_year_span(year, start, convention)
            first_day = first_working_day(last_day + dt.timedelta(days=1))
            shift = first_day - min(capped)
            implants = [r.date for _, r, line in held if isinstance(line, FeeLine) and line.number in profile.implant_numbers]
            later = [entry for then, entries in by_year.items() if then > year for entry in entries] if implants else []
            if later:  # the implant's later work moved along, first; then left where it is
                along = held + later
                found.append((_move(along, held, year, first_day, later=True), _shifted(along, shift)))
                placed, follows = first_working_day(max(implants) + shift), min(r.date for _, r, _ in later)
                healing = (follows, (follows - placed).days, (follows - max(implants)).days)
                found.append((_move(held, held, year, first_day, healing=healing), _shifted(held, shift)))
            else:
                found.append((_move(held, held, year, first_day), _shifted(held, shift)))
    return found


def _shifted(held: Held, shift: dt.timedelta) -> Moved:
    return {member: first_working_day(r.date + shift) for member, r, _ in held}


def _move(
    moved: Held, teeth_of: Held, year: int, day: dt.date, *, later: bool = False, healing: tuple[dt.date, int, int] | None = None
) -> Move:
    """The move of these lines to `day`, named by the teeth of `teeth_of` (a jaw's template names no tooth)."""
    treated = [line.teeth.teeth for _, _, line in teeth_of if not line.teeth.whole_jaw]
    teeth = frozenset().union(*(treated or [line.teeth.teeth for _, _, line in teeth_of]))
    jaw = "" if treated else "/".join(sorted({jaw_of(tooth) for tooth in teeth}, reverse=True))  # OK before UK
    spread = len({r.date for _, r, _ in moved}) > 1
    return Move(_teeth_text(teeth), year, day, spread=spread, jaw=jaw, count=len(teeth), later=later, healing=healing)


def _members(plan: Plan, members: Sequence[tuple[LineKind, int]]) -> list[tuple[LineKind, FeeLine | LabLine]]:
    return [(kind, plan.fee_lines[i] if kind == "fee" else plan.lab_lines[i]) for kind, i in members]


class Followers(NamedTuple):
    """What the lines without teeth of a plan go with, worked out once per plan (_followers): the lines with teeth of
    each treatment day with their teeth, and each line without teeth with its day, the service it belongs to and,
    for a lab line on a whole jaw, the jaw's teeth."""

    toothed: dict[dt.date, list[tuple[tuple[LineKind, int], frozenset[int]]]]
    toothless: list[tuple[tuple[LineKind, int], dt.date, tuple[LineKind, int] | None, frozenset[int]]]


def _followers(plan: Plan, current: Estimate) -> Followers:
    results = {(r.kind, r.line.sheet, r.line.row): r for r in current.lines}
    index = {(kind, line.sheet, line.row): (kind, i) for kind, i, line in _lines(plan)}
    followers = Followers({}, [])
    for kind, i, line in _lines(plan):
        result = results.get((kind, line.sheet, line.row))
        if result is None:  # without a treatment day: in no figure, it does not move
            continue
        if _movable(kind, line):
            followers.toothed.setdefault(result.date, []).append(((kind, i), line.teeth.teeth))
        else:
            owner = result.owner
            service = index.get((owner.kind, owner.sheet, owner.row)) if owner is not None else None
            followers.toothless.append(((kind, i), result.date, service, line.teeth.teeth))
    return followers


def _moved(plan: Plan, followers: Followers, chosen: Sequence[tuple[Move, Moved]]) -> tuple[Plan, Moved]:
    """The plan with the chosen teeth's work moved, and the lines that move – a line without teeth with them when
    it belongs to one that moves (a surgery surcharge stays with its surgery: left behind, it would be a surcharge
    without one, paid at another class) or when all the work with teeth of its day moves to one day."""
    moved: Moved = {member: day for _, days in chosen for member, day in days.items()}
    _follow(followers, moved)
    fees, labs = list(plan.fee_lines), list(plan.lab_lines)
    for (kind, index), day in moved.items():  # the day replaces a session named instead of one, as a day typed does
        if kind == "fee":
            fees[index] = dataclasses.replace(fees[index], date=day, session="")
        else:
            labs[index] = dataclasses.replace(labs[index], date=day, session="")
    return dataclasses.replace(plan, fee_lines=tuple(fees), lab_lines=tuple(labs), used_on=plan.used_day()), moved


def _follow(followers: Followers, moved: Moved) -> None:
    """Adds to `moved` the lines without teeth that go with the work moved (_moved): when all the work with teeth of
    their day moves to one day – for a lab line on a whole jaw, the work on that jaw (a denture's lab work goes with
    the denture, a crown in the other jaw stays) – or with the service they belong to."""
    toothless = [entry for entry in followers.toothless if entry[0] not in moved]
    goes_to: dict[tuple[dt.date, frozenset[int]], dt.date | None] = {}  # worked out once per day and jaw
    for member, day, _, jaw in toothless:
        if (day, jaw) not in goes_to:
            days = {moved.get(other) for other, teeth in followers.toothed.get(day, ()) if not jaw or teeth & jaw}
            goes_to[(day, jaw)] = days.pop() if len(days) == 1 else None
        if (to := goes_to[(day, jaw)]) is not None:
            moved[member] = to
    for member, _, service, _ in toothless:  # with the service it belongs to
        if service is not None and service in moved:
            moved[member] = moved[service]


def _lines(plan: Plan) -> list[tuple[LineKind, int, FeeLine | LabLine]]:
    lines: list[tuple[LineKind, int, FeeLine | LabLine]] = [(LineKind.FEE, i, line) for i, line in enumerate(plan.fee_lines)]
    return lines + [(LineKind.LAB, i, line) for i, line in enumerate(plan.lab_lines)]


def best_split(plan: Plan, tariffs: Tariffs, settings: Mapping[str, object] | None = None) -> Split:
    """The choice of teeth to move to the next insurance year that gives the highest total benefit.

    Ties go to fewer moves; with no gain the split is empty (not moving is best)."""
    profile = tariff_of(plan, tariffs)[0].profile
    convention = resolve_settings(profile, settings).insurance_year
    current = estimate(plan, tariffs, settings)
    best = Split((), current, Decimal(0))
    candidates = _candidates(plan, current, convention, profile)
    followers = _followers(plan, current)

    def consider(chosen: Sequence[tuple[Move, Moved]]) -> Split:
        moved_plan, moved = _moved(plan, followers, chosen)
        result = estimate(moved_plan, tariffs, settings)
        dates = tuple((kind, index, day) for (kind, index), day in moved.items())
        named = {member for _, days in chosen for member in days}
        toothless = tuple(
            f"{line.sheet} Zeile {line.row} (Nr. {line.number})"
            for kind, line in _members(plan, [member for member in moved if member not in named])
        )
        return Split(tuple(move for move, _ in chosen), result, result.totals.benefit - current.totals.benefit, dates, toothless)

    lines = max(1, len(plan.fee_lines) + len(plan.lab_lines))
    if len(candidates) <= EXHAUSTIVE_GROUPS and 2 ** len(candidates) * lines <= WORK_BUDGET:
        for size in range(1, len(candidates) + 1):
            for chosen in itertools.combinations(candidates, size):
                split = consider(chosen)
                if split.gain > best.gain:
                    best = split
        return best
    chosen_so_far: list[tuple[Move, Moved]] = []
    best_chosen: list[tuple[Move, Moved]] = []
    remaining, spent, idle = list(candidates), 0, 0
    while remaining and idle < PATIENCE and spent + len(remaining) * lines <= WORK_BUDGET:
        # the best next step, taken also when it gains nothing yet: one crown moved alone may only pay the next year's
        # deductible, five of them fill the next year's cap
        spent += len(remaining) * lines
        options = [(consider([*chosen_so_far, c]), c) for c in remaining]
        split, candidate = max(options, key=lambda option: option[0].gain)
        chosen_so_far.append(candidate)
        remaining.remove(candidate)
        if split.gain > best.gain:
            best, best_chosen, idle = split, list(chosen_so_far), 0
        else:
            idle += 1
    for candidate in list(best_chosen):  # a move taken on the way that the best gain does not need: dropped
        fewer = [c for c in best_chosen if c is not candidate]
        trial = consider(fewer)
        if fewer and trial.gain >= best.gain:
            best, best_chosen = trial, fewer
    return best
