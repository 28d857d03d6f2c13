"""What the GOZ lets be billed so often per session, a treatment day (the profile's fee_limits): of the day, of each
tooth (an implant), or of each region – a jaw half's side teeth, a jaw's front teeth.

A line names its places by its teeth; one on several places may lie on any of them. The units paid of a number on a
day are the most its lines' places can hold, whatever the rows' order: each line takes what is free, and where its
places are full, an earlier line on several places moves to another of its places to make room (an augmenting path
of a flow from lines to places). What cannot be placed is cut from the line later in treatment order. A line without
teeth, where the places are teeth or regions, may be anywhere and is not cut."""

from __future__ import annotations

from collections import deque
from decimal import Decimal
from itertools import pairwise

from estimator.codes import Code
from estimator.kinds import Severity
from estimator.money import ZERO
from estimator.phrases import Number, Param, Phrase, say
from estimator.rules.worksheet import Day, Report, Work, report_units
from estimator.teeth import region

Place = object  # the day ("day"), a tooth, or a region
FINDINGS = {"day": Code.FEE_PER_SESSION, "tooth": Code.FEE_PER_SESSION_TOOTH, "region": Code.FEE_PER_SESSION_REGION}
PARTS = {"day": Code.PART_PER_SESSION, "tooth": Code.PART_PER_SESSION_TOOTH, "region": Code.PART_PER_SESSION_REGION}


class SessionLimits:
    """The units of each line limited per session, asked in treatment order."""

    def __init__(self) -> None:
        self.groups: dict[tuple[str, Day], _Places] = {}

    def allowed(self, work: Work, report: Report) -> tuple[Decimal, Phrase, str] | None:
        """The line's units that count, the rule and its section; None for a line without such a limit."""
        found = _limit(work)
        if found is None:
            return None
        kind, limit, places = found
        group = self.groups.setdefault((work.number, work.day), _Places(limit))
        count, section = work.fee.count, work.profile.sections.fee_units
        units = group.take(id(work), count, places)
        if units < count:
            excess = Number(count - units)
            said: dict[str, Param] = {"date": work.date, "session": work.line.session, "excess": excess}
            phrase = say(FINDINGS[kind], line=work.ref, limit=limit, **said)
            report_units(work, report, Severity.ERROR, phrase, section)
        return units, say(PARTS[kind], number=work.number, limit=limit), section


def _limit(work: Work) -> tuple[str, int, tuple[Place, ...]] | None:
    if work.analogue:
        return None
    limits, teeth = work.profile.fee_limits, work.fee.teeth.teeth
    if (limit := limits.per_session.get(work.number)) is not None:
        return "day", limit, ("day",)
    if teeth and (limit := limits.per_session_tooth.get(work.number)) is not None:
        return "tooth", limit, tuple(sorted(teeth))
    if teeth and (limit := limits.per_session_region.get(work.number)) is not None:
        return "region", limit, tuple(dict.fromkeys(region(tooth) for tooth in sorted(teeth)))
    return None


class _Places:
    """One number's places on one day: what each holds still, and which line holds how much where."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.free: dict[Place, Decimal] = {}
        self.places_of: dict[int, tuple[Place, ...]] = {}
        self.held: dict[Place, dict[int, Decimal]] = {}  # place -> line -> units it holds there

    def take(self, line: int, count: Decimal, places: tuple[Place, ...]) -> Decimal:
        for place in places:
            self.free.setdefault(place, Decimal(self.limit))
            self.held.setdefault(place, {})
        self.places_of[line] = places
        units = ZERO
        while units < count and any(self.free.values()):  # a full day costs no search
            path = self._path(line)
            if path is None:
                break
            units += self._move(path, count - units)
        return units

    def _path(self, line: int) -> list[tuple[int, Place]] | None:
        """Steps (line, place) from the new line to a place with room: each line after the first gives up the place
        before it and takes its own step's place instead."""
        before: dict[Place, tuple[int, Place | None]] = {}
        queue: deque[tuple[int, Place | None]] = deque([(line, None)])
        seen_lines = {line}
        while queue:
            current, came = queue.popleft()
            for place in self.places_of[current]:
                if place in before or place == came:
                    continue
                before[place] = (current, came)
                if self.free[place] > 0:
                    return self._steps(place, before)
                for other, units in self.held[place].items():
                    if units > 0 and other not in seen_lines:
                        seen_lines.add(other)
                        queue.append((other, place))
        return None

    @staticmethod
    def _steps(end: Place, before: dict[Place, tuple[int, Place | None]]) -> list[tuple[int, Place]]:
        steps: list[tuple[int, Place]] = []
        place: Place | None = end
        while place is not None:
            line, came = before[place]
            steps.append((line, place))
            place = came
        return steps[::-1]

    def _move(self, steps: list[tuple[int, Place]], wanted: Decimal) -> Decimal:
        """Move as much as the path lets along it: the new line takes its first place, each line after it leaves
        the place before and takes its own; the last place gives its room."""
        amount = min(wanted, self.free[steps[-1][1]])
        for (_, given_up), (line, _) in pairwise(steps):
            amount = min(amount, self.held[given_up][line])
        for line, place in steps:
            self.held[place][line] = self.held[place].get(line, ZERO) + amount
        for (_, given_up), (line, _) in pairwise(steps):
            self.held[given_up][line] -= amount
        self.free[steps[-1][1]] -= amount
        return amount
