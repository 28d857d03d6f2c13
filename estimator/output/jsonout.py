"""The estimate as JSON, schema hkp-estimate/2: amounts as strings "1234.56", dates ISO, texts in German with
the code of each finding and step; versions as a list of the price lists and profiles used, each once; the rows the
import left out with their cells (they are missing from every amount)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from estimator.model import Estimate, FeeLine, LineResult
from estimator.money import plain, price_places
from estimator.rules.engine import tariff_of
from estimator.rules.labprices import vat_percent
from estimator.rules.reserve import reserve_of, reserve_sentence
from estimator.tariff.catalogues import Tariff, load_tariffs
from estimator.wording import finding_text, left_out_text, rule_text, step_text, text

SCHEMA = "hkp-estimate/2"


def _amount(value: Decimal | None) -> str | None:
    return None if value is None else plain(value)


def line_json(result: LineResult, lab_list: str, tariff: Tariff) -> dict[str, Any]:
    line = result.line
    data: dict[str, Any] = {
        "sheet": line.sheet,
        "row": line.row,
        "kind": line.kind,
        "code": line.number,
        "schedule": line.schedule.value if isinstance(line, FeeLine) else lab_list,
        "tooth": line.teeth.text,
        "date": result.date.isoformat(),
        "session": line.session,  # the session the plan names instead of a day, "" for none
        "description": line.description,
        "class": result.line_class.value,
        "class_by_hand": result.class_by_hand,
        "accident": result.accident,
        "rate": f"{result.rate:.2f}",
        "billed": plain(result.billed),
        "eligible": plain(result.eligible),
        "benefit": plain(result.benefit),
        "reductions": {cause.value: plain(amount) for cause, amount in result.reductions.items()},
        "explanations": [
            {
                "rule": rule_text(e.rule),
                "code": e.phrase.code.value,
                "text": step_text(e),
                "before": _amount(e.before),
                "after": _amount(e.after),
            }
            for e in result.explanations
        ],
    }
    if isinstance(line, FeeLine):
        data.update(count=f"{line.count:f}", factor=f"{line.factor:f}", justification=line.justification)
    else:
        vat = vat_percent(line, tariff.on(result.date).profile)
        data.update(
            count=f"{line.quantity:f}",
            unit_price=f"{line.unit_price:.{price_places(line.unit_price)}f}",
            vat_percent=f"{vat.normalize():f}",
        )  # "19"
    return data


def _reserve_json(estimate: Estimate) -> dict[str, Any] | None:
    """What of the benefit the insurer may still cut (estimator.rules.reserve); None when nothing."""
    reserve = reserve_of(estimate)
    if reserve is None:
        return None
    return {
        "benefit_at_most": plain(reserve.total),
        "above_fee": {  # lines counted above the fee at their own factor, of them above the fee at the maximum too
            "lines": reserve.lines,
            "above_maximum_too": reserve.at_maximum,
            "above_maximum_with_reason": reserve.reasoned,
            "above": plain(reserve.above),
            "benefit_at_most": plain(reserve.benefit),
        },
        "implants": [
            {"jaw": jaw.jaw, "over_limit_unlocated": jaw.excluded_unlocated, "benefit_at_most": plain(amount)}
            for jaw, amount in reserve.implants
        ],
        "message": reserve_sentence(reserve),
    }


def estimate_json(estimate: Estimate) -> dict[str, Any]:
    plan, person, limits = estimate.plan, estimate.plan.person, estimate.limits
    tariff = tariff_of(plan, load_tariffs())[0]
    return {
        "schema": SCHEMA,
        "source": plan.source,
        "person": {
            "tariff": estimate.variant,
            "tariff_name": estimate.tariff_name,
            "birth_date": person.birth_date.isoformat() if person.birth_date else None,
            "insurance_start": person.insurance_start.isoformat() if person.insurance_start else None,
            "cooperating": person.cooperating,
            "accident": person.accident,
            "orthodontics_start": person.orthodontics_start.isoformat() if person.orthodontics_start else None,
        },
        "plan_date": plan.plan_date.isoformat() if plan.plan_date else None,
        "totals": {
            "billed": plain(estimate.totals.billed),
            "eligible": plain(estimate.totals.eligible),
            "benefit": plain(estimate.totals.benefit),
            "patient_share": plain(estimate.totals.patient_share),
        },
        "reductions": {cause.value: plain(amount) for cause, amount in estimate.reductions.items()},
        "reserve": _reserve_json(estimate),
        "lines": [line_json(r, estimate.lab_list_name, tariff) for r in estimate.lines],
        "left_out": [
            {"sheet": left.sheet, "row": left.row, "kind": left.kind, "what": left_out_text(left), "cells": dict(left.cells)}
            for left in estimate.rows_missing
        ],
        "without_amount": [  # fee lines at 0,00 € (a number no schedule knows, no amount): in no figure either
            {"sheet": left.sheet, "row": left.row, "what": left_out_text(left)} for left in estimate.rows_without_amount
        ],
        "findings": [
            {
                "severity": f.severity.value,
                "code": f.code,
                "sheet": f.sheet,
                "row": f.row,
                "column": f.column,
                "section": f.section,
                "message": finding_text(f),
            }
            for f in estimate.findings
        ],
        "limits": {
            "staged_cap": [
                {
                    "insurance_year": y.year,
                    "from": y.start.isoformat(),
                    "to": y.end.isoformat(),
                    "cumulative_cap": plain(y.cumulative_cap),
                    "used_before": plain(y.used_before),
                    "of_which_this_plan": plain(y.plan_before),  # the letter's „dieser Plan bis dahin“
                    "used_by_plan": plain(y.used_by_plan),
                    "left": plain(y.left),
                    "left_held_by_years": y.held_by[0] if y.held_by else None,  # the years 1 to n whose cap leaves less
                }
                for y in limits.staged_cap
            ],
            "deductible": [
                {
                    "calendar_year": d.year,
                    "amount": plain(d.amount),
                    "used_before": plain(d.used_before),
                    "used_by_plan": plain(d.used_by_plan),
                    "left": plain(d.left),
                    "note": text(d.note()),
                }
                for d in limits.deductible
            ],
            "pzr": [
                {
                    "calendar_year": p.year,
                    "limit": plain(p.limit),
                    "used_before": plain(p.used_before),
                    "used_by_plan": plain(p.used_by_plan),
                }
                for p in limits.pzr
            ],
            "implants": [
                {
                    "jaw": j.jaw,
                    "present": j.present,
                    "planned": j.planned,
                    "limit": j.limit,
                    "covered_sites": list(j.covered_sites),
                    "excluded_sites": list(j.excluded_sites),
                }
                for j in limits.implants
            ],
        },
        "overrides": [
            {
                "sheet": o.sheet,
                "row": o.row,
                "reviewer": o.reviewer,
                "reason": o.reason,
                "eligible": _amount(o.eligible),
                "class": o.line_class.value if o.line_class else None,
            }
            for o in plan.overrides
        ],
        "settings": dict(estimate.settings.items()),
        "versions": [
            {"kind": v.kind, "name": v.name, "version": v.version, "valid_from": v.valid_from.isoformat()}
            for v in estimate.versions
        ],
    }
