"""A case as the register keeps it: who, when, where it stands with the insurer, and what it used of the tariff's
limits – class-A benefit per insurance year, deductible and PZR per calendar year (estimator.register.history
adds up a person's earlier cases).

The staged caps of the first insurance years count what the insurer already paid for class-A work (Zahnersatz)
in each year. An earlier case counts with what it was paid when it is marked `erstattet` with the amount from
the insurer's letter, with nothing when it was `abgelehnt`, and else with its estimate; the deductible it took and
the PZR it had reimbursed count as its estimate says, and not at all when it was `abgelehnt`. A draft (`Entwurf`)
was never sent to the insurer: it is not counted (saved alternatives of one treatment would else count twice).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from estimator.case import DRAFT, REFUSED, Case, paid_as_counted
from estimator.invisible import without_invisible
from estimator.kinds import LineClass
from estimator.model import Estimate
from estimator.money import cents

ZERO = Decimal("0.00")
MAX_SOURCE = 1_500  # characters of the named plans in a source: a case file's text holds at most MAX_TEXT


@dataclass(frozen=True)
class YearBenefit:
    """The class-A benefit of one case that falls in insurance year `year` (start to end)."""

    year: int
    start: dt.date
    end: dt.date
    class_a: Decimal
    before: Decimal = ZERO  # the class-A benefit typed as paid before it in that year (not the register's offer)


@dataclass(frozen=True)
class CalendarYear:
    """What one case used in calendar year `year` of the limits counted by calendar year."""

    year: int
    deductible: Decimal  # the deductible the case's estimate took
    pzr: Decimal  # the PZR amount it counted against the PZR limit
    deductible_before: Decimal = ZERO  # what the case knew was used before it (its „Selbstbehalt verbraucht“)
    pzr_before: Decimal = ZERO  # and its „PZR erstattet“


@dataclass(frozen=True)
class Entry:
    """One saved case: who, when, where it stands with the insurer, its totals and class-A benefit per year."""

    path: str
    name: str
    birth_date: dt.date | None
    insurance_number: str
    tariff: str
    insurance_start: dt.date | None
    plan_date: dt.date | None
    treatment_dates: tuple[dt.date, ...]
    status: str
    paid: Decimal | None
    billed: Decimal
    benefit: Decimal
    years: tuple[YearBenefit, ...]
    saved: dt.datetime
    number: int = 0  # its number in the register; 0 before it is recorded
    class_a: Decimal | None = None  # the whole class-A benefit, also after the capped years (None: the years' sum)
    calendar: tuple[CalendarYear, ...] | None = None  # deductible and PZR per calendar year (None: not known)
    offered: bool | None = None  # estimated with the register's offer taken (None: not known)
    teeth: frozenset[int] | None = None  # the teeth its lines name (None: not known, a case entered before version 5)

    def same_treatment(self, days: Collection[dt.date], teeth: frozenset[int] | None) -> bool:
        """Whether this case is the treatment of these days and teeth – a copy or another version of its plan: one of
        its days, and one of its teeth when both name teeth (two plans of one day for other teeth are two)."""
        if not set(self.treatment_dates).intersection(days):
            return False
        return not self.teeth or not teeth or bool(self.teeth & teeth)

    @property
    def patient_share(self) -> Decimal:
        return self.billed - self.benefit

    @property
    def day(self) -> dt.date:
        """The day the case is dated by: its plan date, else its first treatment, else the day it was saved."""
        return self.plan_date or (self.treatment_dates[0] if self.treatment_dates else self.saved.date())

    def class_a_by_year(self, placed: int | None = None) -> dict[int, Decimal]:
        """What the case counts with in each insurance year of the staged caps (see the module's text). placed: for
        a case without insurance years (no insurance start), the insurance year its treatment lies in by another
        plan's start; it counts there with its whole class-A benefit."""
        estimated = {y.year: y.class_a for y in self.years}
        if not self.years and placed is not None:
            estimated = {placed: self.class_a or ZERO}
        if self.status in (REFUSED, DRAFT):
            return dict.fromkeys(estimated, ZERO)
        paid = paid_as_counted(self.status, self.paid)
        if paid is None:
            return estimated
        first_year = self._year_of(self.treatment_dates[0] if self.treatment_dates else self.day) if self.years else placed
        return _shared(paid, estimated, self.class_a, first_year)

    def used_in(self, year: int) -> CalendarYear | None:
        """What the case counts with in calendar year `year` for the deductible and the PZR limit (see the module's
        text); None when the register does not know it (an entry of a program version before 2026-12)."""
        if self.calendar is None:  # known for a year the case has no treatment in: nothing
            return None if any(day.year == year for day in self.treatment_dates) else CalendarYear(year, ZERO, ZERO)
        found = next((c for c in self.calendar if c.year == year), CalendarYear(year, ZERO, ZERO))
        if self.status in (REFUSED, DRAFT):  # it took nothing; what it knew of the year before it still holds
            return dataclasses.replace(found, deductible=ZERO, pzr=ZERO)
        return found

    def _year_of(self, day: dt.date) -> int | None:
        return next((y.year for y in self.years if y.start <= day <= y.end), None)


def _shared(paid: Decimal, estimated: dict[int, Decimal], whole: Decimal | None, first_year: int | None) -> dict[int, Decimal]:
    """The amount paid shared as the estimate had the class-A benefit: each capped year its part of the whole
    (which may reach past the capped years); when the capped years hold it all, the last of them takes the
    rounding rest. An estimate without class-A benefit puts it all in the year of the first treatment."""
    in_years = sum(estimated.values(), ZERO)
    total = max(in_years, whole or ZERO)
    shares = dict.fromkeys(estimated, ZERO)
    if total <= 0:
        if first_year is not None:
            shares[first_year] = cents(paid)
        return shares
    years = [year for year, amount in sorted(estimated.items()) if amount > 0]
    for year in years:
        shares[year] = cents(paid * estimated[year] / total)
    if years and in_years == total:
        shares[years[-1]] = cents(paid) - sum((shares[year] for year in years[:-1]), ZERO)
    return shares


def number_key(number: str) -> str:
    """An insurance number as the register compares it: spaces, case and characters that print as nothing do not matter."""
    return "".join(without_invisible(number).split()).casefold()


def teeth_of(result: Estimate) -> frozenset[int]:
    """The teeth an estimate's lines name: what tells two plans of one day apart (Entry.same_treatment)."""
    return frozenset(tooth for line in result.lines for tooth in line.line.teeth.teeth)


def entry_of(case: Case, result: Estimate, path: Path) -> Entry:
    """The register's entry for a case saved at path, with the estimate of the case as it was saved."""
    person = case.person
    modified = dt.datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
    return Entry(
        path=str(path.resolve()),
        name=person.name,
        birth_date=person.birth_date,
        insurance_number=person.insurance_number,
        tariff=result.variant,
        insurance_start=person.insurance_start,
        plan_date=case.plan_date or result.plan.plan_date,
        treatment_dates=tuple(sorted({line.date for line in result.lines})),
        status=case.status,
        paid=case.paid,
        billed=result.totals.billed,
        benefit=result.totals.benefit,
        years=_years(result, typed=not person.prior_source),
        saved=modified,
        class_a=sum((line.benefit for line in result.lines if line.line_class is LineClass.A and not line.accident), ZERO),
        calendar=_calendar(result, typed=not person.prior_source),
        offered=bool(person.prior_source),
        teeth=teeth_of(result),
    )


def _years(result: Estimate, typed: bool) -> tuple[YearBenefit, ...]:
    """The class-A benefit per insurance year, and what was typed as paid before it (see _calendar)."""
    prior = result.plan.person.prior_class_a if typed else ()
    return tuple(
        YearBenefit(y.year, y.start, y.end, y.used_by_plan, cents(prior[y.year - 1]) if y.year <= len(prior) else ZERO)
        for y in result.limits.staged_cap
    )


def _calendar(result: Estimate, typed: bool) -> tuple[CalendarYear, ...]:
    """What the case used per calendar year, and what it knew was used before it – only when that was typed (a use
    elsewhere), not taken from the register, whose cases count with their own use (so none is counted twice, and a
    case refused later no longer counts through another)."""
    deductible = {d.year: d for d in result.limits.deductible}
    pzr = {p.year: p for p in result.limits.pzr}
    person, used_day = result.plan.person, result.plan.used_day()
    typed_year = used_day.year if typed and used_day and (person.deductible_used or person.pzr_reimbursed) else None
    years = []
    for year in sorted({*deductible, *pzr, *([typed_year] if typed_year else [])}):
        d, p = deductible.get(year), pzr.get(year)
        known = typed and year == typed_year  # the person's values hold for the plan date's year (Plan.used_day)
        years.append(
            CalendarYear(
                year,
                d.used_by_plan if d else ZERO,
                p.used_by_plan if p else ZERO,
                cents(person.deductible_used) if known else ZERO,
                cents(person.pzr_reimbursed) if known else ZERO,
            )
        )
    return tuple(years)
