"""A case as the register keeps it, and what a person's earlier cases used of the tariff's limits: class-A benefits
per insurance year, deductible and PZR per calendar year.

The staged caps of the first insurance years count what the insurer already paid for class-A work (Zahnersatz)
in each year. An earlier case counts with what it was paid when it is marked `erstattet` with the amount from
the insurer's letter, with nothing when it was `abgelehnt`, and else with its estimate; the deductible it took and
the PZR it had reimbursed count as its estimate says, and not at all when it was `abgelehnt`. A draft (`Entwurf`)
was never sent to the insurer: it is not counted (saved alternatives of one treatment would else count twice).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from estimator.case import DRAFT, REFUSED, REIMBURSED, Case
from estimator.kinds import LineClass
from estimator.model import Estimate, Person
from estimator.money import cents, eur, german_date
from estimator.wording import english_number

ZERO = Decimal("0.00")
MAX_SOURCE = 1_500  # characters of the named plans in a source: a case file's text holds at most MAX_TEXT


@dataclass(frozen=True)
class YearBenefit:
    """The class-A benefit of one case that falls in insurance year `year` (start to end)."""

    year: int
    start: dt.date
    end: dt.date
    class_a: Decimal


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

    @property
    def patient_share(self) -> Decimal:
        return self.billed - self.benefit

    @property
    def day(self) -> dt.date:
        """The day the case is dated by: its plan date, else its first treatment, else the day it was saved."""
        return self.plan_date or (self.treatment_dates[0] if self.treatment_dates else self.saved.date())

    def class_a_by_year(self) -> dict[int, Decimal]:
        """What the case counts with in each insurance year of the staged caps (see the module's text)."""
        estimated = {y.year: y.class_a for y in self.years}
        if self.status in (REFUSED, DRAFT):
            return dict.fromkeys(estimated, ZERO)
        if self.status != REIMBURSED or self.paid is None:
            return estimated
        first_year = self._year_of(self.treatment_dates[0] if self.treatment_dates else self.day)
        return _shared(self.paid, estimated, self.class_a, first_year)

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


UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})  # after casefold, which makes ß "ss"


def name_key(name: str) -> str:
    """A name as the register compares it: case, spacing and the spelling of umlauts (Müller, Mueller) do not
    matter, nor a comma between the parts („Schmidt, Erika“)."""
    return " ".join(name.casefold().translate(UMLAUTS).replace(",", " ").split())


def number_key(number: str) -> str:
    """An insurance number as the register compares it: spaces and case do not matter."""
    return "".join(number.split()).casefold()


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
        years=tuple(YearBenefit(y.year, y.start, y.end, y.used_by_plan) for y in result.limits.staged_cap),
        saved=modified,
        class_a=sum((line.benefit for line in result.lines if line.line_class is LineClass.A and not line.accident), ZERO),
        calendar=_calendar(result, typed=not person.prior_source),
    )


def _calendar(result: Estimate, typed: bool) -> tuple[CalendarYear, ...]:
    """What the case used per calendar year, and what it knew was used before it – only when that was typed (a use
    elsewhere), not taken from the register, whose cases count with their own use (so none is counted twice, and a
    case refused later no longer counts through another)."""
    deductible = {d.year: d for d in result.limits.deductible}
    pzr = {p.year: p for p in result.limits.pzr}
    person, plan_date = result.plan.person, result.plan.plan_date
    typed_year = plan_date.year if typed and plan_date and (person.deductible_used or person.pzr_reimbursed) else None
    years = []
    for year in sorted({*deductible, *pzr, *([typed_year] if typed_year else [])}):
        d, p = deductible.get(year), pzr.get(year)
        known = typed and year == typed_year  # the person's values hold for the plan date's year (spec, Patient sheet)
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


def used_through(uses: list[tuple[Decimal, Decimal]]) -> Decimal:
    """What a calendar year's earlier cases used in all, from each case's (used before it, used by it) in the order
    of the cases: the most any case knew before it, with what it and every later case took – what the practice
    typed as used elsewhere is kept, and no case is counted twice."""
    most, after = ZERO, ZERO
    for before, own in reversed(uses):
        after += own
        most = max(most, before + after)
    return most


@dataclass(frozen=True)
class History:
    """What a person's earlier cases give for the limits: class-A benefit per insurance year for the staged caps;
    deductible taken and PZR reimbursed in the plan's calendar year (None when not known)."""

    amounts: tuple[Decimal, ...]  # insurance years 1, 2, ...
    counted: tuple[Entry, ...]
    left_out: tuple[Entry, ...]  # earlier cases with another insurance start (or none): their years are others
    insurance_start: dt.date | None
    drafts: tuple[Entry, ...] = ()  # earlier drafts: never sent to the insurer, not counted
    same: tuple[Entry, ...] = ()  # cases with a treatment day of this plan: the same treatment (a copy), not counted
    copies: tuple[Entry, ...] = ()  # earlier cases sharing a treatment day with a counted one: counted once
    plan_year: int | None = None  # the calendar year of the plan date, whose deductible and PZR count
    deductible_used: Decimal | None = None
    pzr_reimbursed: Decimal | None = None

    def summary(self, language: str = "de") -> str:
        """ "aus 2 früheren Plänen: Jahr 1 812,40 €, Jahr 2 0,00 €; 2026: Selbstbehalt 300,00 €, PZR 0,00 €" (or in
        English; the calendar year when they used any of it), and the earlier cases not counted."""
        count = len(self.counted)
        english = language == "en"
        if not count:
            parts = self._not_counted(english, explained=True)
            if english:
                return f"not counted for this person: {' and '.join(parts)} – File → Cases …"
            return f"nicht gezählt für diese Person: {' und '.join(parts)} – Datei → Fälle …"
        deductible, pzr = self.deductible_used or ZERO, self.pzr_reimbursed or ZERO
        calendar = deductible > 0 or pzr > 0
        capped = self.insurance_start is not None  # without an insurance start there are no years of staged caps
        parts = self._not_counted(english, explained=False)
        if english:
            said = [", ".join(f"year {k} €{english_number(a)}" for k, a in enumerate(self.amounts, start=1))] if capped else []
            said += (
                [f"{self.plan_year}: deductible €{english_number(deductible)}, PZR €{english_number(pzr)}"] if calendar else []
            )
            head = f"from {'one earlier plan' if count == 1 else f'{count} earlier plans'}"
            return head + (f": {'; '.join(said)}" if said else "") + (f" ({' and '.join(parts)} not counted)" if parts else "")
        said = [", ".join(f"Jahr {k} {eur(amount)}" for k, amount in enumerate(self.amounts, start=1))] if capped else []
        said += [f"{self.plan_year}: Selbstbehalt {eur(deductible)}, PZR {eur(pzr)}"] if calendar else []
        head = f"aus {'einem früheren Plan' if count == 1 else f'{count} früheren Plänen'}"
        return head + (f": {'; '.join(said)}" if said else "") + (f" ({' und '.join(parts)} nicht gezählt)" if parts else "")

    def _not_counted(self, english: bool, *, explained: bool) -> list[str]:
        """The earlier cases not counted, each kind with how many (explained: with why, when nothing is counted)."""
        left, drafts, same, copies = len(self.left_out), len(self.drafts), len(self.same), len(self.copies)
        if english:
            kinds = [
                (left, f"{left} with another insurance start"),
                (
                    drafts,
                    f"{drafts} {'draft' if drafts == 1 else 'drafts'}"
                    + (" (a plan counts once it is submitted)" if explained else ""),
                ),
                (same, f"{same} {'plan' if same == 1 else 'plans'} with a treatment day of this plan (the same treatment?)"),
                (copies, f"{copies} {'copy' if copies == 1 else 'copies'} of a plan counted (the same treatment days)"),
            ]
        else:
            kinds = [
                (left, f"{left} mit anderem Versicherungsbeginn"),
                (
                    drafts,
                    f"{drafts} {'Entwurf' if drafts == 1 else 'Entwürfe'}"
                    + (" (ein Plan zählt, sobald er eingereicht ist)" if explained else ""),
                ),
                (same, f"{same} {'Plan' if same == 1 else 'Pläne'} mit einem Behandlungstag dieses Plans (dieselbe Behandlung?)"),
                (copies, f"{copies} {'Kopie' if copies == 1 else 'Kopien'} eines gezählten Plans (gleiche Behandlungstage)"),
            ]
        return [text for number, text in kinds if number]

    def source(self) -> str:
        """Where the amounts come from, for the explanation of the staged cap: the latest plans, as many as fit in
        a text of the case file, and how many older ones there are (linear in the number of plans)."""
        names = [f"Plan vom {german_date(entry.day)} ({_counted_as(entry)})" for entry in self.counted]
        fits, length = 0, 0
        for name in reversed(names):  # the latest first, as many as fit
            length += len(name) + 2
            if length > MAX_SOURCE:
                break
            fits += 1
        shown, rest = names[len(names) - fits :], len(names) - fits
        older = "einem älteren Plan" if rest == 1 else f"{rest} älteren Plänen"
        return "dem Fallregister: " + ", ".join(shown) + (f" und {older}" if rest else "")

    def person_with(self, person: Person) -> Person:
        """The person with these amounts, their source, and what the latest earlier case knows and the person
        does not yet (name, birth date, insurance number, tariff, insurance start); drafts alone give nothing."""
        if not self.counted:
            return person
        latest = max(self.counted, key=lambda entry: (entry.day, entry.number))
        known: dict[str, Any] = {
            "name": latest.name,
            "birth_date": latest.birth_date,
            "insurance_number": latest.insurance_number,
            "variant": latest.tariff,
            "insurance_start": self.insurance_start,
        }
        missing = {name: value for name, value in known.items() if not getattr(person, name) and value}
        calendar = {"deductible_used": self.deductible_used, "pzr_reimbursed": self.pzr_reimbursed}
        # more than the person holds: what the person holds may count use elsewhere too, and is never lowered
        missing.update({name: value for name, value in calendar.items() if value and value > getattr(person, name)})
        if self.insurance_start is None:  # no insurance years to put class-A benefits in; the source marks the values
            return dataclasses.replace(person, prior_source=self.source(), **missing)  # as the register's (entry_of)
        return dataclasses.replace(person, prior_class_a=self.amounts, prior_source=self.source(), **missing)


def _counted_as(entry: Entry) -> str:
    if entry.status == REIMBURSED and entry.paid is not None:
        return f"erstattet {eur(entry.paid)}"
    if entry.status == REFUSED:
        return "abgelehnt, 0,00 €"
    return f"{entry.status}, geschätzt"


def history(
    person: Person,
    first_day: dt.date | None,
    own_path: str,
    entries: list[Entry],
    cap_years: int,
    *,
    plan_year: int | None = None,
    days: frozenset[dt.date] = frozenset(),
    year_limits: tuple[Decimal | None, Decimal | None] = (None, None),
) -> History | None:
    """The history of a person from the register's entries of that person (estimator.register.store finds them):
    the cases dated on or before this plan's first day (all, when it has none), except the case itself and drafts;
    None when there is none. A case with one of this plan's treatment days (days) is the same treatment, a copy or
    an earlier version: not counted either. With plan_year, also the deductible and PZR of that calendar year, when
    every counted case knows them, at most the year's deductible and PZR limit (year_limits) when known."""
    earlier = [e for e in entries if e.path != own_path and (first_day is None or e.day <= first_day)]
    if not earlier:
        return None
    start = person.insurance_start
    if start is None:
        dated = [e for e in earlier if e.insurance_start is not None]
        start = max(dated, key=lambda e: (e.day, e.number)).insurance_start if dated else None
    same = tuple(e for e in earlier if days.intersection(e.treatment_dates))
    drafts = tuple(e for e in earlier if e.status == DRAFT and e not in same)
    candidates = [e for e in earlier if e.status != DRAFT and e not in same]
    left_out = tuple(e for e in candidates if e.insurance_start not in (start, None))  # another contract's years
    counted, copies = _one_per_treatment([e for e in candidates if e not in left_out])
    if not counted:  # drafts, copies and other contracts alone are said, and give nothing to take
        notice = drafts or same or left_out or copies
        return History((), (), left_out, start, drafts, same, copies, plan_year=plan_year) if notice else None
    amounts = [ZERO] * cap_years
    for entry in counted:
        for year, amount in entry.class_a_by_year().items():
            if 1 <= year <= cap_years:
                amounts[year - 1] += amount
    ordered = tuple(sorted(counted, key=lambda e: (e.day, e.number)))
    in_treatment_order = sorted(counted, key=lambda e: (e.treatment_dates[:1] or (e.day,), e.number))
    used = [entry.used_in(plan_year) for entry in in_treatment_order] if plan_year is not None else [None]
    known = [u for u in used if u is not None]
    deductible = pzr = None
    if len(known) == len(used):
        deductible = _at_most(used_through([(u.deductible_before, u.deductible) for u in known]), year_limits[0])
        pzr = _at_most(used_through([(u.pzr_before, u.pzr) for u in known]), year_limits[1])
    return History(
        tuple(amounts),
        ordered,
        left_out,
        start,
        drafts,
        same,
        copies,
        plan_year=plan_year,
        deductible_used=deductible,
        pzr_reimbursed=pzr,
    )


def _one_per_treatment(entries: list[Entry]) -> tuple[list[Entry], tuple[Entry, ...]]:
    """The cases counted, one per treatment: of cases sharing a treatment day (copies, versions of one plan) the one
    the insurer paid, else the latest; and the others."""
    kept: list[Entry] = []
    copies: list[Entry] = []
    for entry in sorted(entries, key=lambda e: (e.status == REIMBURSED and e.paid is not None, e.number), reverse=True):
        days = set(entry.treatment_dates)
        (copies if any(days.intersection(other.treatment_dates) for other in kept) else kept).append(entry)
    return kept, tuple(copies)


def _at_most(amount: Decimal, limit: Decimal | None) -> Decimal:
    """No more of a year's deductible or PZR limit than there is (earlier plans estimated each without the other
    may together take more)."""
    return amount if limit is None else min(amount, limit)
