"""How often the GOZ lets a fee count (spec 3 and 6a): the surcharges 0500-0530 and GOZ 0120 once per treatment
day, individual prophylaxis so often per calendar year, and what needs a reason beside GOZ 1000 and 1010."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from estimator.model import Cause, Schedule, Severity
from estimator.money import ZERO, german_date, german_factor
from estimator.rules.worksheet import Report, Work, line_label
from estimator.tariff.catalogues import Profile

RULE_PER_DAY = "GOZ Abschnitte A und L"
RULE_PROPHYLAXIS = "GOZ Abschnitt B"


class UnitAllowance:
    """The units of each line that count, asked in treatment order (date, then plan order)."""

    def __init__(self, profile: Profile, settings: dict[str, object]) -> None:
        self.reading = str(settings["prophylaxis_frequency"])
        self.per_year = profile.prophylaxis_frequency[self.reading]
        self.per_day_groups = (profile.surcharge_numbers, frozenset({profile.laser_number}))
        self.used_on_day: dict[tuple[int, dt.date], Decimal] = {}
        self.used_in_year: dict[tuple[str, int], Decimal] = {}

    def allowed(self, work: Work, report: Report) -> Decimal:
        """How many of the line's units count; the others are not eligible (a finding says why)."""
        count = work.fee.count
        if work.fee.schedule is not Schedule.GOZ:
            return count
        for group_index, group in enumerate(self.per_day_groups):
            if work.number in group:
                day = (group_index, work.date)
                units = max(ZERO, min(count, 1 - self.used_on_day.get(day, ZERO)))
                self.used_on_day[day] = self.used_on_day.get(day, ZERO) + units
                if units < count:
                    kind = "Der Laserzuschlag (GOZ 0120)" if group_index else "Ein Zuschlag nach GOZ 0500–0530"
                    why = f"{kind} ist je Behandlungstag nur einmal berechnungsfähig (am {german_date(work.date)})"
                    _report_units(work, report, (Severity.ERROR, "fee.once_per_day", why), count - units)
                return units
        limit = self.per_year.get(work.number)
        if limit is None:
            return count
        key = (work.number, work.date.year)
        units = max(ZERO, min(count, limit - self.used_in_year.get(key, ZERO)))
        self.used_in_year[key] = self.used_in_year.get(key, ZERO) + units
        if units < count:
            why = (
                f"GOZ {work.number} ist innerhalb eines Jahres höchstens {limit}-mal berechnungsfähig "
                f"(Kalenderjahr {work.date.year}; Auslegung prophylaxis_frequency={self.reading})"
            )
            _report_units(work, report, (Severity.WARNING, "fee.frequency_limit", why), count - units)
        return units


def _report_units(work: Work, report: Report, finding: tuple[Severity, str, str], excess: Decimal) -> None:
    severity, code, why = finding
    report(
        severity,
        code,
        f"{line_label(work.line)}: {why}; {german_factor(excess)} Einheit(en) nicht erstattungsfähig",
        sheet=work.line.sheet,
        row=work.line.row,
        column="Anzahl",
        section=RULE_PER_DAY if code == "fee.once_per_day" else RULE_PROPHYLAXIS,
    )


def beside_prophylaxis(fee_works: Sequence[Work], profile: Profile, report: Report) -> None:
    """GOZ 0010, 4000, 8000 and GOÄ advice on the day of a 1000 or 1010 count only with a reason (GOZ Abschnitt B)."""
    prophylaxis_days: dict[dt.date, Work] = {}
    for work in fee_works:
        if work.fee.schedule is Schedule.GOZ and work.number in profile.prophylaxis_exclusive:
            prophylaxis_days.setdefault(work.date, work)
    for work in fee_works:
        needs_reason = profile.needs_reason_beside_prophylaxis.get(work.fee.schedule.value, frozenset())
        prophylaxis = prophylaxis_days.get(work.date)
        if prophylaxis is None or work.number not in needs_reason or work.fee.justification.strip() or not work.eligible:
            continue
        beside = f"GOZ {prophylaxis.fee.number} ({prophylaxis.line.sheet} Zeile {prophylaxis.line.row})"
        report(
            Severity.ERROR,
            "fee.beside_prophylaxis",
            f"{line_label(work.line)}: am selben Tag wie {beside}; daneben nur berechnungsfähig, wenn die Leistung "
            "anderen Zwecken dient und dies in der Rechnung begründet wird – ohne Begründung nicht erstattungsfähig",
            sheet=work.line.sheet,
            row=work.line.row,
            column="Begründung",
            section=RULE_PROPHYLAXIS,
        )
        work.set_eligible(ZERO, RULE_PROPHYLAXIS, f"neben {beside} ohne Begründung nicht berechnungsfähig", Cause.NOT_ELIGIBLE)
