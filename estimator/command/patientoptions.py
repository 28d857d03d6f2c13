"""The command line's values for the person and the plan date, over the workbook's Patient sheet: each one that
replaces a value the sheet gives is said at its cell."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt

from estimator.codes import Code
from estimator.kinds import Severity
from estimator.model import Finding, Plan
from estimator.money import german_date
from estimator.phrases import say


def apply_options(plan: Plan, options: argparse.Namespace) -> Plan:
    """Command-line values override the workbook's Patient sheet."""
    changes = {
        "variant": options.tariff,
        "insurance_start": options.insurance_start,
        "birth_date": options.birth_date,
        "orthodontics_start": options.kfo_start,
        "cooperating": options.cooperating,
        "accident": options.accident,
    }
    person = dataclasses.replace(plan.person, **{k: v for k, v in changes.items() if v is not None})
    plan_date = options.plan_date or plan.plan_date
    said = tuple(_replaced(plan, {**changes, "plan_date": options.plan_date}))
    return dataclasses.replace(plan, person=person, plan_date=plan_date, input_findings=plan.input_findings + said)


OPTION_LABELS = {  # the Patient sheet's label of each value an option replaces
    "variant": "Tarif",
    "insurance_start": "Versicherungsbeginn",
    "birth_date": "Geburtsdatum",
    "orthodontics_start": "KFO-Behandlungsbeginn",
    "cooperating": "Kooperationszahnarzt",
    "accident": "Unfall",
    "plan_date": "Planungsdatum",
}


def _replaced(plan: Plan, changes: dict[str, object]) -> list[Finding]:
    """A Patient value the command line replaces with another: said at its cell, so that neither goes unseen."""
    found = []
    for name, new in changes.items():
        label = OPTION_LABELS[name]
        cell = plan.patient_cells.get(label)
        old = plan.plan_date if name == "plan_date" else getattr(plan.person, name)
        if new is None or cell is None or new == old:
            continue
        values = {"field": label, "old": _said(old), "new": _said(new)}
        phrase = say(Code.INPUT_OPTION_REPLACES, cell=f"Patient!{cell}", **values)
        found.append(Finding(Severity.INFO, phrase, "Patient", int(cell.lstrip("BCDE")), cell[0]))
    return found


def _said(value: object) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nein"
    return german_date(value) if isinstance(value, dt.date) else str(value)
