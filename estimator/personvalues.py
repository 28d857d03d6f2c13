"""The person's values that the figures depend on, and one of them the plan held but that could not be read: the
estimate counts it as none (no deductible used, no PZR reimbursed, no earlier benefit, no implant, no accident), so a
letter would put a benefit without it in writing."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable

from estimator.codes import Code
from estimator.kinds import Severity
from estimator.model import MAX_CAP_YEARS, Estimate, Finding, Person, Plan


def _no_benefit_in(year: int) -> Callable[[Person], bool]:
    return lambda person: not any(person.prior_class_a[year - 1 : year])


# The Patient sheet's values the figures depend on, and whether the person still holds none of the value
FIGURE_VALUES: dict[str, Callable[[Person], bool]] = {
    "Geburtsdatum": lambda person: person.birth_date is None,
    "Versicherungsbeginn": lambda person: person.insurance_start is None,
    "Kooperationszahnarzt": lambda person: not person.cooperating,
    "Unfall": lambda person: not person.accident,
    "Selbstbehalt verbraucht": lambda person: not person.deductible_used,
    "PZR erstattet": lambda person: not person.pzr_reimbursed,
    "Implantate OK": lambda person: not person.implants_upper,
    "Implantate UK": lambda person: not person.implants_lower,
    "KFO-Behandlungsbeginn": lambda person: person.orthodontics_start is None,
    **{f"Jahr {k}": _no_benefit_in(k) for k in range(1, MAX_CAP_YEARS + 1)},
}
UNREAD = frozenset({Code.INPUT_PATIENT, Code.INPUT_FORMULA, Code.INPUT_TOO_LONG})  # a value refused: said with its field
# The Patient sheet's labels of each of the person's fields above, as the window names the field that the user sets
FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "birth_date": ("Geburtsdatum",),
    "insurance_start": ("Versicherungsbeginn",),
    "cooperating": ("Kooperationszahnarzt",),
    "accident": ("Unfall",),
    "deductible_used": ("Selbstbehalt verbraucht",),
    "pzr_reimbursed": ("PZR erstattet",),
    "implants_upper": ("Implantate OK",),
    "implants_lower": ("Implantate UK",),
    "orthodontics_start": ("KFO-Behandlungsbeginn",),
    "prior_class_a": tuple(f"Jahr {k}" for k in range(1, MAX_CAP_YEARS + 1)),
}


def line_places(plan: Plan) -> set[tuple[str, int]]:
    """Where the plan's lines are, read or left out: a finding there is the line's, never of a Patient value (a column
    „Unfall“ of the lines is named as the Patient sheet's value)."""
    places = {(line.sheet, line.row) for line in plan.fee_lines} | {(line.sheet, line.row) for line in plan.lab_lines}
    return places | {(left.sheet, left.row) for left in plan.left_out}


def given_since(plan: Plan, labels: Iterable[str]) -> Plan:
    """The plan with its findings that a Patient value of these labels could not be read kept as warnings: the value
    has been given since (an option, the window's field – also as none, „nein“ or 0), so that neither the estimate nor its
    letter counts without it any longer."""
    given, lines = frozenset(labels), line_places(plan)
    findings = tuple(f if (f.sheet, f.row) in lines else _given(f, given) for f in plan.input_findings)
    return plan if findings == plan.input_findings else dataclasses.replace(plan, input_findings=findings)


def is_unread(plan: Plan, labels: Iterable[str]) -> bool:
    """Whether a Patient value of one of these labels was not read and has not been given since (given_since)."""
    return given_since(plan, labels) is not plan


def _given(finding: Finding, given: frozenset[str]) -> Finding:
    unread = finding.phrase.code in UNREAD and finding.severity is Severity.ERROR
    return dataclasses.replace(finding, severity=Severity.WARNING) if unread and finding.phrase.get("field") in given else finding


def patient_unread(result: Estimate) -> Finding | None:
    """The finding that a Patient value the figures depend on could not be read („40“ in a cell formatted as a date,
    a formula without a result), while none has been given since (the window's field, an option)."""
    lines, person = line_places(result.plan), result.plan.person
    for finding in result.findings:
        if (finding.sheet, finding.row) in lines:  # a line's cell (a column „Unfall“): the line says it
            continue
        field = finding.phrase.get("field") if finding.phrase.code in UNREAD else None
        unset = FIGURE_VALUES.get(field) if finding.severity is Severity.ERROR and isinstance(field, str) else None
        if unset is not None and unset(person):
            return finding
    return None
