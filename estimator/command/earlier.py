"""`hkp estimate` and the person's earlier cases in the case register, as the window offers them: taken into the
estimate with --history, else said – an estimate that does not know what earlier plans used of the staged caps, the
deductible and the PZR limit pays too much."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path

from estimator.case import Case
from estimator.files import file_problem
from estimator.io.casefile import is_case_file
from estimator.model import Estimate, Person, Plan
from estimator.money import eur
from estimator.register import RegisterError
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs


def earlier_cases(plan: Plan, result: Estimate, settings: Mapping[str, str], source: Path) -> tuple[Plan | None, str]:
    """The plan with the amounts of the person's earlier cases (None when the register adds nothing: no register, no
    earlier case, or the plan holds them already) and what to say about them, in German ("" when nothing)."""
    from estimator.register.cases import history_for  # noqa: PLC0415 - SQLite loads only when there is a register
    from estimator.register.store import Register, default_path  # noqa: PLC0415

    path = default_path(create=False)
    try:
        if not path.is_file():  # no case saved yet: nothing to ask, and neither folder nor register is made
            return None, ""
        case = dataclasses.replace(Case.from_plan(plan), settings=dict(settings))
        with Register(path, read_only=True) as register:
            found = history_for(register, case, result, source if is_case_file(source) else None)
    except RegisterError as error:
        return None, f"{error}; frühere Pläne dieser Person nicht berücksichtigt"
    except OSError as error:
        return None, f"Fallregister {path}: {file_problem(error)}; frühere Pläne dieser Person nicht berücksichtigt"
    if found is None:
        return None, ""
    person = found.person_with(plan.person)
    if not found.counted or person == plan.person:
        return None, f"Im Fallregister: {found.summary(terminal=True)}" if not found.counted else ""
    return dataclasses.replace(plan, person=person), f"Im Fallregister: {found.summary(terminal=True)}{_replaced(plan, person)}"


def _replaced(plan: Plan, person: Person) -> str:
    """What the plan said of earlier class-A benefits that the register's amounts replace when taken, where they
    differ: a benefit outside the register would be lost unsaid."""
    after = dict(enumerate(person.prior_class_a, start=1))
    said = [
        f"Jahr {k} {eur(amount)}"
        for k, amount in enumerate(plan.person.prior_class_a, start=1)
        if amount and amount != after.get(k)
    ]
    if not said:
        return ""
    return (
        f" (laut Plan bisher {', '.join(said)}: von den Beträgen des Registers ersetzt, wenn sie übernommen werden – "
        "eine Erstattung außerhalb des Registers bitte dazurechnen)"
    )


def with_register(
    plan: Plan, result: Estimate, settings: Mapping[str, str], source: Path, *, take: bool
) -> tuple[Estimate, str, bool]:
    """The estimate with the person's earlier cases of the register taken in when `take` (--history, as „Übernehmen“
    in the window), what is said of them and whether the estimate took them in ("" when nothing), and whether the
    register has such cases that were left out."""
    with_history, said = taken_in(plan, result, settings, source, take=take)
    if with_history is not None and take:
        result = estimate(with_history, load_tariffs(), dict(settings))
    return result, said, with_history is not None and not take


def taken_in(plan: Plan, result: Estimate, settings: Mapping[str, str], source: Path, *, take: bool) -> tuple[Plan | None, str]:
    """earlier_cases, and what is said of them saying whether they are taken in (`take`, --history) or not."""
    with_history, said = earlier_cases(plan, result, settings, source)
    if said:
        said += "" if with_history is None else " – eingerechnet" if take else " – nicht eingerechnet; mit --history übernehmen"
    return with_history, said
