"""What a person's earlier cases used of the tariff's limits, for a new plan of that person: class-A benefits per
insurance year for the staged caps, deductible and PZR in the plan's calendar year; and what is not counted, said
(drafts, copies of one treatment, this plan's own treatment, another insurance start, another person's cases under
the same insurance number)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from estimator import figures
from estimator.case import DRAFT, REFUSED, paid_as_counted
from estimator.cells import short_text
from estimator.model import Person
from estimator.money import eur, german_date
from estimator.register.entry import MAX_SOURCE, ZERO, Entry
from estimator.register.persons import Persons, persons_of
from estimator.rules.limits import insurance_year

UNDECIDED_NOTES = {  # what tells the plans of a number several persons have apart: German, English
    "birth": (
        "welche Person dieser Plan betrifft, sagt erst ihr Geburtsdatum: bitte eintragen",
        "only the birth date tells which person this plan is for: please enter it",
    ),
    "name": (
        "mehrere Personen dieser Versicherungsnummer haben dieses Geburtsdatum: bitte den vollständigen Namen eintragen",
        "several persons of this insurance number have this birth date: please enter the full name",
    ),
    "register": (
        "die nicht gezählten Pläne können auch einer anderen Person dieser Versicherungsnummer gehören: bitte dort im "
        "Fallregister den vollständigen Namen und das Geburtsdatum eintragen",
        "the plans not counted may be another person's of this insurance number: please enter the full name and the "
        "birth date there in the register",
    ),
}
TYPED_AFTER = " – danach von Hand geändert"  # said after the register's source when class-A amounts were typed (ui.person)


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
    unaware: tuple[Entry, ...] = ()  # counted cases estimated without the register's offer although cases came before
    unreadable: int = 0  # the person's register rows that could not be read: not counted
    others: tuple[Entry, ...] = ()  # cases of the insurance number with another birth date or first name
    undecided: tuple[Entry, ...] = ()  # cases of a number of several persons this plan does not tell apart
    partly: tuple[Entry, ...] = ()  # among the undecided: named partly alike (maybe this person, renamed)
    undecided_by: str = ""  # what would tell the undecided apart (Persons.undecided_by)
    plan_year: int | None = None  # the calendar year of the plan date, whose deductible and PZR count
    deductible_used: Decimal | None = None
    pzr_reimbursed: Decimal | None = None

    def summary(self, language: str = "de", *, terminal: bool = False) -> str:
        """ "aus 2 früheren Plänen: Jahr 1 812,40 €, Jahr 2 0,00 €; 2026: Selbstbehalt 300,00 €, PZR 0,00 €" (or in
        English; the calendar year when they used any of it), and the earlier cases not counted, with where they are
        listed (`terminal`: the command that lists them, else the window's menu)."""
        count = len(self.counted)
        english = language == "en"
        if not count:
            parts = self._not_counted(english, explained=True)
            listed = "hkp register list" if terminal else "File → Cases …" if english else "Datei → Fälle …"
            if english:
                return f"not counted for this person: {' and '.join(parts)} – {listed}" + self._person_notes(english)
            return f"nicht gezählt für diese Person: {' und '.join(parts)} – {listed}" + self._person_notes(english)
        deductible, pzr = self.deductible_used or ZERO, self.pzr_reimbursed or ZERO
        calendar = deductible > 0 or pzr > 0
        capped = self.insurance_start is not None  # without an insurance start there are no years of staged caps
        parts = self._not_counted(english, explained=False)
        if english:
            said = (
                [", ".join(f"year {k} €{figures.english_number(a)}" for k, a in enumerate(self.amounts, start=1))]
                if capped
                else []
            )
            said += (
                [f"{self.plan_year}: deductible €{figures.english_number(deductible)}, PZR €{figures.english_number(pzr)}"]
                if calendar
                else []
            )
            head = f"from {'one earlier plan' if count == 1 else f'{count} earlier plans'}"
            text = head + (f": {'; '.join(said)}" if said else "") + (f" ({' and '.join(parts)} not counted)" if parts else "")
            return text + self._person_notes(english) + self._unaware_warning(english)
        said = [", ".join(f"Jahr {k} {eur(amount)}" for k, amount in enumerate(self.amounts, start=1))] if capped else []
        said += [f"{self.plan_year}: Selbstbehalt {eur(deductible)}, PZR {eur(pzr)}"] if calendar else []
        head = f"aus {'einem früheren Plan' if count == 1 else f'{count} früheren Plänen'}"
        text = head + (f": {'; '.join(said)}" if said else "") + (f" ({' und '.join(parts)} nicht gezählt)" if parts else "")
        return text + self._person_notes(english) + self._unaware_warning(english)

    def with_persons(self, persons: Persons) -> History:
        """The history with what is said of the cases of other persons and of those not told apart."""
        return dataclasses.replace(
            self, others=persons.others, undecided=persons.undecided, undecided_by=persons.undecided_by, partly=persons.partly
        )

    def _person_notes(self, english: bool) -> str:
        """What to do when the register's cases of the insurance number may be another person's, or are counted
        although named otherwise."""
        notes = []
        if self.partly:  # among the undecided: a name that agrees in part
            name = short_text(self.partly[-1].name, 40)
            notes.append(
                f"the register has a plan of this insurance number named “{name}”: if it is this person's, please enter "
                "the birth date here and there"
                if english
                else f"im Fallregister ist ein Plan dieser Versicherungsnummer auf „{name}“: ist es dieselbe Person, bitte "
                "das Geburtsdatum hier und dort eintragen"
            )
        elif self.undecided:
            notes.append(UNDECIDED_NOTES[self.undecided_by][1 if english else 0])
        elif self.others:
            notes.append(
                "if the plans not counted are this person's, please enter first name and birth date as the register has them"
                if english
                else "sind die nicht gezählten Pläne doch die dieser Person, bitte Vorname und Geburtsdatum wie im "
                "Fallregister eintragen"
            )
        return "".join(f" – {'Note' if english else 'Hinweis'}: {note}" for note in notes)

    def _unaware_warning(self, english: bool) -> str:
        """A counted plan estimated without the earlier ones (the offer not taken) took the deductible again and
        recorded too little class-A benefit: what it gives the staged caps may be too low, and this plan's too high."""
        if not self.unaware:
            return ""
        shown = [figures.date(e.day, "en" if english else "de") for e in self.unaware[:3]]
        days = ", ".join(shown) + (" …" if len(self.unaware) > 3 else "")
        if english:
            return (
                f" – Note: plan(s) of {days} were estimated without the earlier plans; their amounts may be too low "
                "and this plan's too high: open them, take the register's offer and save them again first"
            )
        return (
            f" – Achtung: Plan vom {days} wurde ohne die früheren Pläne geschätzt; seine Beträge können zu niedrig und "
            "die dieses Plans zu hoch sein: bitte zuerst dort „Übernehmen“ und speichern"
        )

    def _not_counted(self, english: bool, *, explained: bool) -> list[str]:
        """The earlier cases not counted, each kind with how many (explained: with why, when nothing is counted)."""
        left, drafts, same, copies, unreadable, others, undecided = (
            len(self.left_out),
            len(self.drafts),
            len(self.same),
            len(self.copies),
            self.unreadable,
            len(self.others),
            len(self.undecided),
        )
        kinds = [  # how many, in German, in English
            (left, f"{left} mit anderem Versicherungsbeginn", f"{left} with another insurance start"),
            (
                others,
                f"{others} {'Plan' if others == 1 else 'Pläne'} einer anderen Person mit dieser Versicherungsnummer",
                f"{others} {'plan' if others == 1 else 'plans'} of another person with this insurance number",
            ),
            (
                undecided,
                f"{undecided} {'Plan' if undecided == 1 else 'Pläne'} unter dieser Versicherungsnummer ohne eindeutige Person",
                f"{undecided} {'plan' if undecided == 1 else 'plans'} under this insurance number without a clear person",
            ),
            (
                drafts,
                f"{drafts} {'Entwurf' if drafts == 1 else 'Entwürfe'}"
                + (" (ein Plan zählt, sobald er eingereicht ist)" if explained else ""),
                f"{drafts} {'draft' if drafts == 1 else 'drafts'}"
                + (" (a plan counts once it is submitted)" if explained else ""),
            ),
            (
                same,
                f"{same} {'Plan' if same == 1 else 'Pläne'} mit einem Behandlungstag dieses Plans (dieselbe Behandlung?)",
                f"{same} {'plan' if same == 1 else 'plans'} with a treatment day of this plan (the same treatment?)",
            ),
            (
                copies,
                f"{copies} {'Kopie' if copies == 1 else 'Kopien'} eines gezählten Plans (gleiche Behandlungstage und Zähne)",
                f"{copies} {'copy' if copies == 1 else 'copies'} of a plan counted (the same treatment days and teeth)",
            ),
            (
                unreadable,
                f"{unreadable} im Fallregister nicht lesbar (hkp register rebuild ORDNER)",
                f"{unreadable} unreadable in the register (hkp register rebuild FOLDER)",
            ),
        ]
        return [en if english else de for number, de, en in kinds if number]

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
        typed, source = person.prior_class_a, person.prior_source
        by_hand = any(typed) and (not source or source.endswith(TYPED_AFTER))  # may count benefits paid elsewhere too
        if self.insurance_start is None:  # no insurance years to put class-A benefits in; the source marks the values
            kept = self.source() + (TYPED_AFTER if by_hand else "")  # as the register's (entry_of), typed ones as typed
            return dataclasses.replace(person, prior_source=kept, **missing)
        if not by_hand:  # the register's, taken before, or none: what it says now (a case refused since counts 0,00 €)
            return dataclasses.replace(person, prior_class_a=self.amounts, prior_source=self.source(), **missing)
        amounts = tuple(max(a, typed[k] if k < len(typed) else ZERO) for k, a in enumerate(self.amounts))  # never lower
        kept_typed = any(k < len(typed) and typed[k] > a for k, a in enumerate(self.amounts))  # a typed amount stays: said
        source = self.source() + (TYPED_AFTER if kept_typed else "")
        return dataclasses.replace(person, prior_class_a=amounts, prior_source=source, **missing)


def _counted_as(entry: Entry) -> str:
    if (paid := paid_as_counted(entry.status, entry.paid)) is not None:
        return f"erstattet {eur(paid)}"
    if entry.status == REFUSED:
        return f"abgelehnt, {eur(ZERO)}"
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
    teeth: frozenset[int] | None = None,
    year_limits: tuple[Decimal | None, Decimal | None] = (None, None),
    convention: str = "calendar",
) -> History | None:
    """The history of a person from the register's entries of that person (estimator.register.store finds them):
    the cases dated on or before this plan's first day (all, when it has none), except the case itself, drafts and
    the cases of another person under the same insurance number (said); None when there is none. A case with one of
    this plan's treatment days (days) is the same treatment, a copy or an earlier version: not counted either. With
    plan_year, also the deductible and PZR of that calendar year, when every counted case knows them, at most the
    year's deductible and PZR limit (year_limits) when known."""
    earlier = [e for e in entries if e.path != own_path and (first_day is None or _first_day(e) <= first_day)]
    persons = persons_of(person, earlier)
    earlier, others, undecided = persons.mine, persons.others, persons.undecided
    if not earlier:
        notice = History((), (), (), person.insurance_start, plan_year=plan_year)
        return notice.with_persons(persons) if others or undecided else None
    start = person.insurance_start
    if start is None:
        dated = [e for e in earlier if e.insurance_start is not None]
        start = max(dated, key=lambda e: (e.day, e.number)).insurance_start if dated else None
    same = tuple(e for e in earlier if e.same_treatment(days, teeth))
    drafts = tuple(e for e in earlier if e.status == DRAFT and e not in same)
    candidates = [e for e in earlier if e.status != DRAFT and e not in same]
    left_out = tuple(e for e in candidates if e.insurance_start not in (start, None))  # another contract's years
    counted, copies = _one_per_treatment([e for e in candidates if e not in left_out])
    if not counted:  # drafts, copies and other contracts alone are said, and give nothing to take
        if not (drafts or same or left_out or copies or others or undecided):
            return None
        return History((), (), left_out, start, drafts, same, copies, plan_year=plan_year).with_persons(persons)
    ordered = tuple(sorted(counted, key=lambda e: (e.day, e.number)))
    in_treatment_order = sorted(counted, key=lambda e: (_first_day(e), e.number))
    amounts = _class_a_years(in_treatment_order, cap_years, start, convention)
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
        unaware=_unaware(in_treatment_order),
    ).with_persons(persons)


def _unaware(entries: list[Entry]) -> tuple[Entry, ...]:
    """The cases (in treatment order) estimated without the register's offer that took a deductible in a year an
    earlier case had taken one too: they took it twice, so their class-A benefit is recorded too low."""
    found = []
    for k, entry in enumerate(entries):
        if entry.offered is not False or not entry.calendar:
            continue
        years = [c.year for c in entry.calendar if c.deductible > 0]
        before = entries[:k]
        if any((used := other.used_in(year)) is not None and used.deductible > 0 for year in years for other in before):
            found.append(entry)
    return tuple(found)


def _first_day(entry: Entry) -> dt.date:
    """The day a case's treatment begins (its plan date when it has none): what comes before this plan's."""
    return entry.treatment_dates[0] if entry.treatment_dates else entry.day


def _class_a_years(entries: list[Entry], cap_years: int, start: dt.date | None, convention: str) -> tuple[Decimal, ...]:
    """Class-A benefit per insurance year from the cases in treatment order: each year as used_through counts it
    (what was typed as paid before a case, and what it and every later case took). A case without insurance start
    counts in the insurance year of its treatment days by this plan's start, when they lie in one."""
    cases = []  # per case, once: what was typed as paid before it, and what it took, by insurance year
    for entry in entries:
        placed = None
        if not entry.years and start is not None and entry.treatment_dates:
            years = {max(1, insurance_year(day, start, convention)) for day in entry.treatment_dates}
            placed = years.pop() if len(years) == 1 else None
        own = entry.class_a_by_year(placed)
        cases.append(({y.year: y.before for y in entry.years}, own))
    return tuple(
        used_through([(before.get(k, ZERO), own.get(k, ZERO)) for before, own in cases]) for k in range(1, cap_years + 1)
    )


def _one_per_treatment(entries: list[Entry]) -> tuple[list[Entry], tuple[Entry, ...]]:
    """The cases counted, one per treatment: of cases sharing a treatment day (copies, versions of one plan) the one
    the insurer paid, else one submitted, else the latest; and the others."""
    kept: list[Entry] = []
    copies: list[Entry] = []
    for entry in sorted(entries, key=lambda e: (_standing(e), e.number), reverse=True):
        (copies if any(other.same_treatment(entry.treatment_dates, entry.teeth) for other in kept) else kept).append(entry)
    return kept, tuple(copies)


def _standing(entry: Entry) -> int:
    """How much a case says of what the insurer does: paid with an amount, submitted or paid, refused."""
    if paid_as_counted(entry.status, entry.paid) is not None:
        return 2
    return 0 if entry.status == REFUSED else 1


def _at_most(amount: Decimal, limit: Decimal | None) -> Decimal:
    """No more of a year's deductible or PZR limit than there is (earlier plans estimated each without the other
    may together take more)."""
    return amount if limit is None else min(amount, limit)
