"""What a plan used of the tariff's limits, year by year: the staged caps, the deductible, the PZR limit and the
implants per jaw (estimator.rules.limits works them out; an estimate carries them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from estimator.codes import Code
from estimator.phrases import Money, Phrase, say


@dataclass(frozen=True)
class CapYear:
    """Staged cap of one insurance year k: cumulative limit, what was used, what is left."""

    year: int
    start: dt.date
    end: dt.date
    cumulative_cap: Decimal
    used_before: Decimal  # in the years before this one: earlier benefits and this plan's
    used_by_plan: Decimal
    plan_before: Decimal = Decimal("0.00")  # the part of used_before that is this plan's
    held_by: tuple[int, Decimal] | None = None  # a later year whose cumulative cap leaves less, and what it leaves

    @property
    def left(self) -> Decimal:
        own = max(Decimal("0.00"), self.cumulative_cap - self.used_before - self.used_by_plan)
        return min(own, self.held_by[1]) if self.held_by else own

    @property
    def before_plan(self) -> Decimal:
        """Reimbursed before this plan, up to this year."""
        return self.used_before - self.plan_before

    @property
    def plan_so_far(self) -> Decimal:
        """This plan's benefit counted up to this year (its earlier years count in the cumulative cap too)."""
        return self.plan_before + self.used_by_plan


@dataclass(frozen=True)
class DeductibleYear:
    """Deductible of one calendar year."""

    year: int
    amount: Decimal
    used_before: Decimal
    used_by_plan: Decimal
    variant: str = ""
    adult: bool = True
    reduced_months: int = 0  # months of the start year before insurance start (the amount is reduced by so many 12ths)
    full: Decimal = Decimal("0.00")  # the amount of a whole year

    @property
    def left(self) -> Decimal:
        return max(Decimal("0.00"), self.amount - self.used_before - self.used_by_plan)

    def note(self) -> Phrase:
        """ "<variant>, Erwachsene" - and how the first year is reduced."""
        if self.reduced_months:
            full, months = Money(self.full), self.reduced_months
            return say(Code.PART_DEDUCTIBLE_REDUCED, variant=self.variant, adult=self.adult, full=full, months=months)
        return say(Code.PART_DEDUCTIBLE_GROUP, variant=self.variant, adult=self.adult)


@dataclass(frozen=True)
class PzrYear:
    """PZR limit of one calendar year."""

    year: int
    limit: Decimal
    used_before: Decimal
    used_by_plan: Decimal


@dataclass(frozen=True)
class JawImplants:
    """Implants of one jaw against the limit."""

    jaw: str
    present: int
    planned: int
    covered_sites: tuple[int, ...]
    excluded_sites: tuple[int, ...]
    limit: int
    excluded_unlocated: int = 0  # excluded implants of lines that name the jaw but not the sites
    unlocated_sites: tuple[int, ...] = ()  # then the teeth whose implant lab work may sit on them

    @property
    def excluded(self) -> int:
        return len(self.excluded_sites) + self.excluded_unlocated


@dataclass(frozen=True)
class Limits:
    staged_cap: tuple[CapYear, ...] = ()
    deductible: tuple[DeductibleYear, ...] = ()
    pzr: tuple[PzrYear, ...] = ()
    implants: tuple[JawImplants, ...] = ()
    cap_section: str = ""  # the section of the staged caps, as the tariff names it
