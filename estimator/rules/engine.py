"""The tariff engine: (plan, catalogues, Auslegung settings) -> estimate. Pure: no clock, no globals."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import Decimal

from estimator.model import Cause, Estimate, FeeLine, Finding, Limits, LineClass, Person, Plan, PlanLine, Severity, Totals
from estimator.money import ZERO, cents, eur, german_date, percent
from estimator.rules.amounts import JawCounts, RelatedFees, fee_amounts, lab_amounts, resolve_fee_number
from estimator.rules.billing import UnitAllowance, beside_prophylaxis
from estimator.rules.classify import (
    FeeIndex,
    apply_manual_class,
    classify_fee_lines,
    classify_lab_line,
    lab_accident,
    orthodontics_begin,
    orthodontics_findings,
    orthodontics_is_young,
    surcharges_follow_their_service,
)
from estimator.rules.limits import Deductible, StagedCap, implant_limit, pzr_limit
from estimator.rules.worksheet import Report, Work, line_label
from estimator.tariff.catalogues import Catalogues, Profile

RULE_RATE_A = "Nr. II.3.2 a"
RULE_RATE_B = "Nr. II.3.2 b"


class SettingError(ValueError):
    """An Auslegung setting that the tariff profile does not know, or a value it does not allow."""


def resolve_settings(profile: Profile, overrides: Mapping[str, object] | None = None) -> dict[str, object]:
    """The profile's Auslegung settings with the user's overrides, checked against the allowed values."""
    settings = dict(profile.auslegung)
    for name, value in (overrides or {}).items():
        if name not in profile.auslegung_choices:
            known = ", ".join(sorted(profile.auslegung_choices))
            raise SettingError(f"Unbekannte Auslegung „{name}“; bekannt sind: {known}")
        choices = profile.auslegung_choices[name]
        chosen = value
        if isinstance(value, str) and isinstance(choices[0], bool):
            chosen = {
                "true": True,
                "ja": True,
                "on": True,
                "1": True,
                "false": False,
                "nein": False,
                "off": False,
                "0": False,
            }.get(value.lower(), value)
        if chosen not in choices:
            allowed = ", ".join(str(c).lower() if isinstance(c, bool) else str(c) for c in choices)
            raise SettingError(f"Auslegung {name}={value} ist nicht erlaubt; erlaubt: {allowed}")
        settings[name] = chosen
    return settings


def estimate(plan: Plan, catalogues: Catalogues, overrides: Mapping[str, object] | None = None) -> Estimate:
    """Apply the tariff rules in the order of spec section 7 and explain every amount."""
    profile = catalogues.profile
    settings = resolve_settings(profile, overrides)
    person = plan.person
    findings: list[Finding] = list(plan.input_findings)

    def report(
        severity: Severity,
        code: str,
        message: str,
        *,
        sheet: str = "",
        row: int | None = None,
        column: str = "",
        section: str = "",
    ) -> None:
        findings.append(Finding(severity, code, message, sheet, row, column, section))

    if person.variant not in profile.variants:
        raise SettingError(f"Tarif „{person.variant}“ unbekannt; erlaubt: {', '.join(profile.variants)}")

    fee_works: list[Work] = []
    lab_works: list[Work] = []
    groups: tuple[tuple[Sequence[PlanLine], list[Work]], ...] = ((plan.fee_lines, fee_works), (plan.lab_lines, lab_works))
    for lines, target in groups:
        for index, line in enumerate(lines):
            day = line.date or plan.plan_date
            if day is None:
                report(
                    Severity.ERROR,
                    "line.no_date",
                    "Kein Behandlungsdatum und kein Planungsdatum; Zeile nicht berechnet",
                    sheet=line.sheet,
                    row=line.row,
                    column="Datum",
                )
            elif isinstance(line, FeeLine):
                number, analogue = resolve_fee_number(line, catalogues)
                target.append(Work(line, index, day, number, analogue, accident=line.accident or person.accident))
            else:
                target.append(Work(line, index, day, line.code))

    begin = orthodontics_begin(fee_works + lab_works, person)
    young = orthodontics_is_young(begin, person, profile.orthodontics_age_limit)
    classify_fee_lines(fee_works, catalogues, settings, young=young, report=report)
    allowance, related = UnitAllowance(profile, settings), RelatedFees(fee_works)
    for work in sorted(fee_works, key=lambda w: w.order_key):
        fee_amounts(work, catalogues, related, allowance=allowance, rounding=str(settings["fee_rounding"]), report=report)
    beside_prophylaxis(fee_works, profile, report)
    orthodontics_findings(fee_works + lab_works, begin, person, young, report)

    fees = FeeIndex(fee_works)
    for work in lab_works:
        owners = classify_lab_line(work, fees, young)
        apply_manual_class(work, work.lab.manual_class)
        work.accident = lab_accident(owners, fees, person.accident)
    jaw_counts = JawCounts(profile.lab_per_jaw_limits)
    for work in sorted(lab_works, key=lambda w: w.order_key):
        lab_amounts(work, catalogues, report, jaw_counts)

    works = fee_works + lab_works
    _not_yet_insured(works, person, report)
    implants = implant_limit(works, person, profile, report)
    _apply_overrides(works, plan, report)
    surcharges_follow_their_service(fee_works)
    for work in works:
        if work.line_class is LineClass.X and work.eligible:
            work.exclude("Nr. II.3.1", "nicht erstattungsfähig (Klasse X)", work.excluded_by or Cause.NOT_ELIGIBLE)
    pzr = pzr_limit(works, person, plan.plan_date, profile)

    for work in works:
        _apply_rate(work, person.cooperating, profile)
    cap = StagedCap(person, profile, str(settings["insurance_year"]))
    deductible = Deductible(person, plan.plan_date, profile)
    before_caps = settings["deductible_order"] == "before_caps"
    for work in sorted(works, key=lambda w: w.order_key):
        if before_caps:
            deductible.apply(work)
        if work.line_class is LineClass.A and not work.accident:
            cap.apply(work)
        if not before_caps:
            deductible.apply(work)

    _plan_findings(works, person, profile, report)
    located = tuple(replace(f, column=plan.cell_column(f.sheet, f.column)) if f.column else f for f in findings)
    results = tuple(w.result() for w in sorted(works, key=lambda w: (w.line.kind != "fee", w.index)))
    totals = Totals(
        billed=sum((r.billed for r in results), ZERO),
        eligible=sum((r.eligible for r in results), ZERO),
        benefit=sum((r.benefit for r in results), ZERO),
    )
    limits = Limits(staged_cap=cap.report(), deductible=deductible.report(), pzr=pzr, implants=implants)
    return Estimate(plan, results, located, totals, limits, settings, catalogues.versions())


def _apply_overrides(works: Sequence[Work], plan: Plan, report: Report) -> None:
    """A reviewer's class or eligible amount replaces the rules' result; said in the line and in the findings."""
    by_place = {(w.line.sheet, w.line.row): w for w in works}
    for override in plan.overrides:
        work = by_place.get((override.sheet, override.row))
        if work is None:
            report(
                Severity.ERROR,
                "override.unknown_line",
                f"Prüfung ({override.reviewer}): keine Zeile {override.row} im Blatt {override.sheet}; Änderung nicht angewandt",
                sheet=override.sheet,
                row=override.row,
            )
            continue
        said = []
        if override.line_class is not None and override.line_class is not work.line_class:
            work.explain(
                "Prüfung",
                f"{override.reviewer}: Klasse {work.line_class.value} → {override.line_class.value} – {override.reason}",
            )
            said.append(f"Klasse {work.line_class.value} → {override.line_class.value}")
            work.line_class, work.class_by_hand = override.line_class, True
            if override.line_class is not LineClass.X:
                work.include_again("Prüfung", f"{override.reviewer}: nicht mehr ausgeschlossen")
        if override.eligible is not None:
            amount = min(max(Decimal("0.00"), cents(override.eligible)), work.billed)
            said.append(f"erstattungsfähig {eur(work.eligible)} → {eur(amount)}")
            work.set_eligible(
                amount,
                "Prüfung",
                f"{override.reviewer}: erstattungsfähig auf {eur(amount)} gesetzt – {override.reason}",
                Cause.OVERRIDE,
            )
        if said:
            report(
                Severity.INFO,
                "override.applied",
                f"{line_label(work.line)}: Prüfung durch {override.reviewer}: {', '.join(said)} – {override.reason}",
                sheet=override.sheet,
                row=override.row,
            )


def _apply_rate(work: Work, cooperating: bool, profile: Profile) -> None:
    """Benefit = eligible x rate of the class, rounded to cents (Nr. II.3.2)."""
    line_class = work.line_class
    if line_class is LineClass.A:
        key, rule = ("A_cooperating" if cooperating else "A"), RULE_RATE_A
        text = "Zahnersatz mit Kooperationszahnarzt" if cooperating else "Zahnersatz"
    elif line_class is LineClass.X:
        work.rate, work.benefit = profile.rates["X"], ZERO
        return
    else:
        key = line_class.value
        rule = RULE_RATE_B if line_class is LineClass.B else "Nr. II.3.1"
        text = "Zahnbehandlung" if line_class is LineClass.B else "Prophylaxe, ohne Selbstbehalt"
    work.rate = profile.rates[key]
    work.benefit = work.benefit_at_rate = cents(work.eligible * work.rate)
    work.explain(rule, f"Erstattungssatz {percent(work.rate)} ({text})", work.eligible, work.benefit)


def _not_yet_insured(works: list[Work], person: Person, report: Report) -> None:
    """Treatment before insurance start is not covered (spec 6a)."""
    start = person.insurance_start
    if start is None:
        return
    for work in works:
        if work.date < start:
            work.exclude("§ 2 AVB Teil I", f"Behandlung am {german_date(work.date)} vor Versicherungsbeginn {german_date(start)}")
            report(
                Severity.ERROR,
                "date.before_insurance_start",
                f"Behandlungsdatum {german_date(work.date)} liegt vor dem Versicherungsbeginn {german_date(start)}; "
                "kein Versicherungsschutz",
                sheet=work.line.sheet,
                row=work.line.row,
                column="Datum",
            )


def _plan_findings(works: list[Work], person: Person, profile: Profile, report: Report) -> None:
    lab_total = sum((w.billed for w in works if not w.is_fee), ZERO)
    if lab_total > profile.lab_cost_estimate_threshold:
        report(
            Severity.INFO,
            "lab.cost_estimate",
            f"Laborkosten {eur(lab_total)} über {eur(profile.lab_cost_estimate_threshold)}: der Zahnarzt muss einen "
            "gesonderten Kostenvoranschlag anbieten (GOZ § 9 Abs. 2)",
            section="Nr. II.3.3",
        )
    if any(w.accident for w in works):
        report(
            Severity.INFO,
            "accident.proof",
            "Unfall: die Zahnstaffel entfällt nur für Aufwendungen, die nachweislich auf einen Unfall zurückzuführen "
            "sind; bitte den Nachweis beifügen",
            section="Nr. II.3.2",
        )
    if person.insurance_start is None:
        report(
            Severity.WARNING,
            "person.no_insurance_start",
            "Versicherungsbeginn fehlt: die Zahnstaffel ist wie im ersten Versicherungsjahr angesetzt",
            sheet="Patient",
            column="B",
            section="Nr. II.3.2",
        )
