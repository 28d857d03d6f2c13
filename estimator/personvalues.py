"""The person's values that the figures depend on, and one of them the plan held but that could not be read: the
estimate counts it as none (no deductible used, no PZR reimbursed, no earlier benefit, no implant, no accident), so a
letter would put a benefit without it in writing."""

from __future__ import annotations

from collections.abc import Callable

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


def line_places(plan: Plan) -> set[tuple[str, int]]:
    """Where the plan's lines are, read or left out: a finding there is the line's, never of a Patient value (a column
    „Unfall“ of the lines is named as the Patient sheet's value)."""
    places = {(line.sheet, line.row) for line in plan.fee_lines} | {(line.sheet, line.row) for line in plan.lab_lines}
    return places | {(left.sheet, left.row) for left in plan.left_out}


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
