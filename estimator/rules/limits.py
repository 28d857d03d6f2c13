"""Limits of the tariff: implants per jaw, PZR, staged caps by insurance year, deductible (spec 5)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from decimal import ROUND_CEILING, Decimal

from estimator.model import CapYear, Cause, DeductibleYear, JawImplants, LineClass, Person, PzrYear, Schedule, Severity
from estimator.money import ZERO, cents, eur, german_factor
from estimator.rules.worksheet import Report, Work
from estimator.tariff.catalogues import Profile
from estimator.teeth import JAW_NAMES, jaw_of

RULE_IMPLANTS = "Nr. II.3.1"
RULE_PZR = "Nr. II.3.1"
RULE_CAP = "Nr. II.3.2"
RULE_DEDUCTIBLE = "Nr. II.8"


def _implant_units(work: Work, report: Report) -> int:
    """Implants a line places: its count, "je Implantat" (spec 5.1); a fraction counts as a whole implant."""
    count = work.fee.count
    units = max(1, int(count.to_integral_value(rounding=ROUND_CEILING)))
    if units != count:
        _report_implant(
            work,
            report,
            Severity.WARNING,
            "implant.fractional_count",
            f"Anzahl {german_factor(count)} ist keine ganze Zahl von Implantaten; für die Grenze als {units} gezählt",
        )
    return units


def _report_implant(work: Work, report: Report, severity: Severity, code: str, message: str) -> None:
    line = work.fee
    where = f", Zahn {line.teeth.text}" if line.teeth.text else ""
    report(
        severity,
        code,
        f"GOZ {line.number}{where}: {message}",
        sheet=line.sheet,
        row=line.row,
        column="Zahn",
        section=RULE_IMPLANTS,
    )


def implant_limit(works: Sequence[Work], person: Person, profile: Profile, report: Report) -> tuple[JawImplants, ...]:
    """At most N implants per jaw incl. those present; later ones and what sits on them become X (Nr. II.3.1).

    A line places as many implants as its count; its teeth say where when it names one tooth per implant, else
    only the jaw. Excluded units are counted in treatment order, then plan order, then ascending tooth number.
    """
    limit = profile.implants_per_jaw
    present = {"OK": person.implants_upper, "UK": person.implants_lower}
    counted = dict(present)
    planned = {"OK": 0, "UK": 0}
    covered: dict[str, list[int]] = {"OK": [], "UK": []}
    excluded: dict[str, list[int]] = {"OK": [], "UK": []}
    unlocated: dict[str, int] = {"OK": 0, "UK": 0}
    insertions = sorted(
        (
            w
            for w in works
            if w.is_fee
            and w.fee.schedule is Schedule.GOZ
            and w.number in profile.implant_numbers
            and w.line_class is not LineClass.X
        ),
        key=lambda w: (w.date, w.index),
    )
    for work in insertions:
        units, sites = _implant_units(work, report), sorted(work.fee.teeth.teeth)
        jaws = sorted({jaw_of(t) for t in sites})
        if len(sites) != units and len(jaws) == 2:
            _report_implant(
                work,
                report,
                Severity.ERROR,
                "implant.both_jaws",
                f"{units} Implantat(e) in beiden Kiefern ohne Lage; Implantate je Kiefer angeben (eine Zeile je Kiefer "
                "oder ein Zahn je Implantat) – bis dahin nicht erstattungsfähig",
            )
            work.set_eligible(ZERO, RULE_IMPLANTS, "Implantate je Kiefer nicht angegeben", Cause.NOT_ELIGIBLE)
            continue
        if not sites:  # counted where there is more room, as B 269's per-jaw limits count a lab line without a tooth
            jaws = [max(("OK", "UK"), key=lambda jaw: (limit - counted[jaw], jaw == "OK"))]
            _report_implant(
                work,
                report,
                Severity.WARNING,
                "implant.no_tooth",
                f"{units} Implantat(e) ohne Zahnangabe, im {JAW_NAMES[jaws[0]]} gezählt (dort ist mehr Platz bis zur "
                f"Grenze von {limit} je Kiefer); bitte Zahn oder Kiefer angeben",
            )
        located = len(sites) == units
        places: list[tuple[str, int | None]] = [(jaw_of(t), t) for t in sites] if located else [(jaws[0], None)] * units
        kept = 0
        for jaw, site in places:
            planned[jaw] += 1
            if counted[jaw] < limit:
                counted[jaw] += 1
                kept += 1
                if site is not None:
                    covered[jaw].append(site)
            elif site is not None:
                excluded[jaw].append(site)
            else:
                unlocated[jaw] += 1
        if kept == units:
            continue
        where = f" an Zahn {work.fee.teeth.text}" if work.fee.teeth.text else ""
        if kept == 0:
            placed = f"{units} Implantate" if units > 1 else "Implantat"
            text = f"{placed}{where} über der Grenze von {limit} Implantaten je Kiefer"
            work.exclude(RULE_IMPLANTS, text, Cause.IMPLANT_LIMIT)
        else:
            text = f"{units - kept} von {units} Implantaten über der Grenze von {limit} Implantaten je Kiefer"
            work.set_eligible(cents(work.eligible * kept / work.fee.count), RULE_IMPLANTS, text, Cause.IMPLANT_LIMIT)

    excluded_sites = frozenset(excluded["OK"] + excluded["UK"])
    if excluded_sites:
        _exclude_what_sits_on(works, insertions, excluded_sites, limit, report)
    jaws_report = []
    for jaw in ("OK", "UK"):
        if excluded[jaw] or unlocated[jaw]:
            sites_text = ", ".join(str(t) for t in excluded[jaw])
            lost = ([f"Zahn {sites_text} und der darauf befestigte Zahnersatz"] if sites_text else []) + (
                [f"{unlocated[jaw]} Implantat(e), Lage unbekannt: der Zahnersatz darauf wird geprüft"] if unlocated[jaw] else []
            )
            report(
                Severity.WARNING,
                "implant.limit",
                f"{JAW_NAMES[jaw]}: {present[jaw]} vorhandene und {planned[jaw]} geplante Implantate; erstattungsfähig "
                f"sind höchstens {limit} je Kiefer. Nicht erstattungsfähig: {'; '.join(lost)}",
                section=RULE_IMPLANTS,
            )
        jaws_report.append(
            JawImplants(jaw, present[jaw], planned[jaw], tuple(covered[jaw]), tuple(excluded[jaw]), limit, unlocated[jaw])
        )
    return tuple(jaws_report)


def _exclude_what_sits_on(
    works: Sequence[Work], insertions: Sequence[Work], excluded_sites: frozenset[int], limit: int, report: Report
) -> None:
    """Class-A lines all on excluded implant sites become X; a line spanning covered and excluded sites is flagged."""
    placing = {id(w) for w in insertions}
    for work in works:
        teeth = work.line.teeth.teeth
        if work.line_class is not LineClass.A or not teeth or id(work) in placing:
            continue
        if teeth <= excluded_sites:
            work.exclude(
                RULE_IMPLANTS,
                f"auf nicht erstattungsfähigem Implantat (Zahn {work.line.teeth.text}, über {limit} Implantate je Kiefer)",
                Cause.IMPLANT_LIMIT,
            )
        elif teeth & excluded_sites:
            report(
                Severity.WARNING,
                "implant.review",
                f"{work.line.teeth.text}: die Leistung umfasst erstattungsfähige und nicht erstattungsfähige "
                "Implantate; zur Prüfung durch den Versicherer",
                sheet=work.line.sheet,
                row=work.line.row,
                column="Zahn",
                section=RULE_IMPLANTS,
            )


def pzr_limit(works: Sequence[Work], person: Person, plan_date: dt.date | None, profile: Profile) -> tuple[PzrYear, ...]:
    """PZR eligible at most 100 EUR (200 EUR with a cooperating dentist) per calendar year (Nr. II.3.1)."""
    limit = profile.pzr_limit_cooperating if person.cooperating else profile.pzr_limit
    used: dict[int, Decimal] = defaultdict(Decimal)
    before: dict[int, Decimal] = {}
    pzr = [
        w
        for w in works
        if w.is_fee and w.fee.schedule is Schedule.GOZ and w.number in profile.pzr_numbers and w.line_class is not LineClass.X
    ]
    for work in sorted(pzr, key=lambda w: w.order_key):
        year = work.date.year
        before.setdefault(year, person.pzr_reimbursed if plan_date and year == plan_date.year else ZERO)
        remaining = max(ZERO, limit - before[year] - used[year])
        if work.eligible > remaining:
            kind = "mit Kooperationszahnarzt " if person.cooperating else ""
            work.set_eligible(
                remaining,
                RULE_PZR,
                f"PZR {kind}höchstens {eur(limit)} je Kalenderjahr {year}; "
                f"bereits erstattet oder verplant {eur(before[year] + used[year])}",
                Cause.PZR_LIMIT,
            )
        used[year] += work.eligible
    return tuple(PzrYear(y, limit, before[y], used[y]) for y in sorted(before))


def insurance_year(day: dt.date, start: dt.date, convention: str) -> int:
    """Insurance year of a treatment day: 1 from the start (Nr. II.3.2; Auslegung insurance_year)."""
    if convention == "anniversary":
        return day.year - start.year - ((day.month, day.day) < (start.month, start.day)) + 1
    return day.year - start.year + 1


def insurance_year_span(k: int, start: dt.date, convention: str) -> tuple[dt.date, dt.date]:
    if convention == "anniversary":
        first = _add_years(start, k - 1)
        return first, _add_years(start, k) - dt.timedelta(days=1)
    first = start if k == 1 else dt.date(start.year + k - 1, 1, 1)
    return first, dt.date(start.year + k - 1, 12, 31)


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class StagedCap:
    """Cumulative caps for class A in insurance years 1-4 from insurance start (Nr. II.3.2)."""

    def __init__(self, person: Person, profile: Profile, convention: str) -> None:
        self.caps = profile.staged_caps
        self.prior = tuple(cents(v) for v in person.prior_class_a)
        self.used = [ZERO] * len(self.caps)
        self.start = person.insurance_start
        self.convention = convention

    def year_of(self, day: dt.date) -> int:
        """The insurance year of a treatment day; a day before the start (covered only by a reviewer's decision)
        counts in the first year."""
        return max(1, insurance_year(day, self.start, self.convention)) if self.start else 1

    def remaining(self, k: int) -> Decimal:
        """What a line in year k may still take: the tightest cumulative cap from year k to the last."""
        if k > len(self.caps):
            return Decimal("Infinity")
        return max(
            ZERO,
            min(self.caps[j - 1] - sum(self.prior[:j], ZERO) - sum(self.used[:j], ZERO) for j in range(k, len(self.caps) + 1)),
        )

    def apply(self, work: Work) -> None:
        k = self.year_of(work.date)
        if k > len(self.caps):
            return
        remaining = self.remaining(k)
        kept = min(work.benefit, remaining)
        if kept < work.benefit:
            cap = self.caps[k - 1]
            years = "im ersten Versicherungsjahr" if k == 1 else f"in den ersten {k} Versicherungsjahren"
            state = "ausgeschöpft" if remaining == 0 else f"noch frei {eur(remaining)}"
            work.set_benefit(
                kept, RULE_CAP, f"Zahnstaffel: {years} insgesamt höchstens {eur(cap)} für Zahnersatz; {state}", Cause.STAGED_CAP
            )
        self.used[k - 1] += kept

    def report(self) -> tuple[CapYear, ...]:
        if self.start is None:
            return ()
        years = []
        for k, cap in enumerate(self.caps, start=1):
            first, last = insurance_year_span(k, self.start, self.convention)
            years.append(
                CapYear(k, first, last, cap, sum(self.prior[:k], ZERO) + sum(self.used[: k - 1], ZERO), self.used[k - 1])
            )
        return tuple(years)


class Deductible:
    """The deductible per calendar year by variant and age group, prorated in the start year (Nr. II.8)."""

    def __init__(self, person: Person, plan_date: dt.date | None, profile: Profile) -> None:
        self.person = person
        self.plan_date = plan_date
        self.profile = profile
        self.used: dict[int, Decimal] = {}
        self.notes: dict[int, str] = {}

    def amount(self, year: int) -> Decimal:
        person = self.person
        adult = person.birth_date is None or year - person.birth_date.year > self.profile.deductible_youth_until
        table = self.profile.deductible_adult if adult else self.profile.deductible_youth
        full = table.get(person.variant, ZERO)
        group = "Erwachsene" if adult else "Kinder und Jugendliche"
        start = person.insurance_start
        if start is not None and start.year == year and start.month > 1 and full:
            months = 12 - (start.month - 1)
            self.notes[year] = f"{person.variant}, {group}: {eur(full)}, im ersten Kalenderjahr um {start.month - 1}/12 gemindert"
            return cents(full * months / 12)
        self.notes[year] = f"{person.variant}, {group}"
        return cents(full)

    def used_before(self, year: int) -> Decimal:
        return cents(self.person.deductible_used) if self.plan_date and year == self.plan_date.year else ZERO

    def apply(self, work: Work) -> None:
        if work.line_class in (LineClass.P, LineClass.X):
            return
        year = work.date.year
        self.used.setdefault(year, ZERO)
        left = max(ZERO, self.amount(year) - self.used_before(year) - self.used[year])
        take = min(left, work.benefit)
        if take > 0:
            work.set_benefit(
                work.benefit - take,
                RULE_DEDUCTIBLE,
                f"Selbstbehalt {year} ({self.notes[year]}): {eur(self.amount(year))}, davon hier angerechnet {eur(take)}",
                Cause.DEDUCTIBLE,
            )
        self.used[year] += take

    def report(self) -> tuple[DeductibleYear, ...]:
        return tuple(
            DeductibleYear(y, self.amount(y), self.used_before(y), self.used[y], self.notes.get(y, "")) for y in sorted(self.used)
        )
