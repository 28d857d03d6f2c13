"""The command line's values for the person and the plan date, over the workbook's Patient sheet: each one that
replaces a value the sheet gives is said at its cell."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt

from estimator.auslegung import NO, YES
from estimator.io.patientsheet import option_replaced
from estimator.model import Finding, Plan
from estimator.personvalues import given_since
from estimator.phrases import Param


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
    options_given = {**changes, "plan_date": options.plan_date}
    said = tuple(_replaced(plan, options_given))
    given = given_since(plan, (OPTION_LABELS[name] for name, value in options_given.items() if value is not None))
    return dataclasses.replace(given, person=person, plan_date=plan_date, input_findings=given.input_findings + said)


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
        if new is not None and cell is not None and new != old:
            found.append(option_replaced(cell, label, _said(old), _said(new)))
    return found


def _said(value: object) -> Param:
    """A value as a phrase shows it in the reader's language: a date as a date, yes or no as words."""
    if isinstance(value, bool):
        return YES if value else NO
    return value if isinstance(value, dt.date) else str(value)
