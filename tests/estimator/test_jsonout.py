"""The estimate as JSON (hkp-estimate/2): plain JSON types, amounts as strings in cents, German texts, the versions."""

import json
import re
from decimal import Decimal as D
from typing import Any

import pytest

from estimator.io.excel import read_plan
from estimator.model import Override
from estimator.output.jsonout import estimate_json
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from tests.conftest import GOLDEN
from tests.estimator.builders import fee, lab, plan

AMOUNT = re.compile(r"-?[0-9]+\.[0-9]{2}")
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def golden_json(name: str) -> dict[str, Any]:
    return estimate_json(estimate(read_plan(GOLDEN / f"{name}.xlsx"), load_tariffs()))


@pytest.fixture(scope="module")
def staged() -> dict[str, Any]:
    return golden_json("staged_cap_year1")


def line_at(data: dict[str, Any], sheet: str, row: int) -> dict[str, Any]:
    return next(line for line in data["lines"] if (line["sheet"], line["row"]) == (sheet, row))


def test_the_estimate_is_plain_json_and_survives_a_round_trip(staged: dict[str, Any]) -> None:
    assert json.loads(json.dumps(staged, ensure_ascii=False)) == staged  # no Decimal, date or enum left in it
    assert staged["schema"] == "hkp-estimate/2"
    assert staged["person"]["insurance_start"] == "2026-01-01" and staged["plan_date"] == "2026-03-10"
    assert staged["person"]["orthodontics_start"] is None and staged["person"]["cooperating"] is False


def test_every_amount_is_a_string_with_two_places(staged: dict[str, Any]) -> None:
    amounts = [*staged["totals"].values(), *staged["reductions"].values()]
    for line in staged["lines"]:
        amounts += [line["billed"], line["eligible"], line["benefit"], *line["reductions"].values()]
        amounts += [e[key] for e in line["explanations"] for key in ("before", "after") if e[key] is not None]
    for year in staged["limits"]["staged_cap"]:
        amounts += [year[key] for key in ("cumulative_cap", "used_before", "used_by_plan", "left")]
    assert amounts and all(isinstance(a, str) and AMOUNT.fullmatch(a) for a in amounts), amounts


def test_totals_and_reductions_by_cause_are_the_golden_figures(staged: dict[str, Any]) -> None:
    assert staged["totals"] == {"billed": "1615.00", "eligible": "1615.00", "benefit": "1000.00", "patient_share": "615.00"}
    assert {k: v for k, v in staged["reductions"].items() if D(v)} == {"rate": "322.96", "staged_cap": "292.04"}
    assert all(v == "0.00" for k, v in staged["reductions"].items() if k not in ("rate", "staged_cap"))


def test_the_line_where_the_staged_cap_runs_out(staged: dict[str, Any]) -> None:
    line = line_at(staged, "Labor", 7)  # 0602 on 26: 1.000,00 - 965,38 already paid = 34,62 left
    assert (line["kind"], line["code"], line["schedule"], line["tooth"]) == ("lab", "0602", "B 269", "26")
    assert (line["billed"], line["benefit"], line["unit_price"], line["count"]) == ("84.10", "34.62", "78.60", "1")
    assert line["reductions"] == {"rate": "16.82", "staged_cap": "32.66"}
    assert "factor" not in line and line["rate"] == "0.80" and line["date"] == "2026-03-10"
    last = line["explanations"][-1]
    assert (last["code"], last["rule"], last["before"], last["after"]) == ("step.staged_cap", "Nr. II.3.2", "67.28", "34.62")
    assert last["text"].endswith("noch frei 34,62\u00a0€")


def test_a_fee_line_has_its_schedule_count_and_factor(staged: dict[str, Any]) -> None:
    line = line_at(staged, "Leistungen", 3)
    assert (line["kind"], line["code"], line["schedule"], line["factor"], line["count"]) == ("fee", "2210", "GOZ", "2.3", "1")
    assert "unit_price" not in line and line["class"] == "A" and line["class_by_hand"] is False
    assert line["reductions"] == {"rate": "43.41"}  # 217,06 - 80 % = 217,06 - 173,65


def test_staged_cap_years_are_listed_with_their_dates(staged: dict[str, Any]) -> None:
    years = staged["limits"]["staged_cap"]
    assert [(y["insurance_year"], y["from"], y["to"], y["cumulative_cap"]) for y in years] == [
        (1, "2026-01-01", "2026-12-31", "1000.00"),
        (2, "2027-01-01", "2027-12-31", "2000.00"),
        (3, "2028-01-01", "2028-12-31", "3000.00"),
        (4, "2029-01-01", "2029-12-31", "4000.00"),
    ]
    assert (years[0]["used_by_plan"], years[0]["left"]) == ("1000.00", "0.00")
    assert [y["used_before"] for y in years[1:]] == ["1000.00"] * 3
    # the earlier years' use is this plan's: „vor diesem Plan erstattet 0,00 €, dieser Plan bis dahin 1.000,00 €“
    assert [(y["used_before"], y["of_which_this_plan"]) for y in years] == [("0.00", "0.00")] + [("1000.00", "1000.00")] * 3


def test_the_versions_are_listed_each_once_with_iso_dates(staged: dict[str, Any]) -> None:
    versions = staged["versions"]
    assert len({(v["kind"], v["version"]) for v in versions}) == len(versions) == 4
    assert all(v["name"] and ISO_DAY.fullmatch(v["valid_from"]) for v in versions)
    by_kind = {v["kind"]: (v["version"], v["valid_from"]) for v in versions}
    assert by_kind["tariff_profile"] == ("BM5-2026.2.15", "2026-01-01") and by_kind["goz"] == ("GOZ-2012", "2012-01-01")


def test_settings_keep_their_json_types(staged: dict[str, Any]) -> None:
    settings = staged["settings"]
    assert settings["preparatory_by_tooth"] is True and settings["checkup_is_prevention"] is True
    assert settings["deductible_order"] == "before_caps" and settings["insurance_year"] == "calendar"


def test_prorated_deductible_pzr_limit_and_located_findings() -> None:
    data = golden_json("deductible_first_year_prorated")
    assert data["person"]["tariff"] == "BM5/3" and data["person"]["insurance_start"] == "2026-04-01"
    (deductible,) = data["limits"]["deductible"]  # BM5/3 adults 1.600 €, less 3/12 for January to March
    assert (deductible["calendar_year"], deductible["amount"], deductible["used_by_plan"], deductible["left"]) == (
        2026,
        "1200.00",
        "848.28",
        "351.72",
    )
    assert deductible["note"] == "BM5/3, Erwachsene: 1.600,00\u00a0€, im ersten Kalenderjahr um 3/12 gemindert"
    assert data["limits"]["pzr"] == [{"calendar_year": 2026, "limit": "100.00", "used_before": "0.00", "used_by_plan": "100.00"}]
    above = [f for f in data["findings"] if f["code"] == "fee.amount_above_maximum_kept"]
    assert [(f["severity"], f["sheet"], f["row"], f["column"], f["section"]) for f in above] == [
        ("warning", "Leistungen", 2, "H", "Nr. II.3.1 Fn. 8"),
        ("warning", "Leistungen", 3, "H", "Nr. II.3.1 Fn. 8"),
    ]
    assert "Betrag 350,00\u00a0€ über der Gebühr zum Höchstsatz 3,5 (336,41\u00a0€)" in above[0]["message"]
    assert not [f for f in data["findings"] if f["code"] == "fee.amount_mismatch"]  # the finding above says it


def test_implants_per_jaw_with_covered_and_excluded_sites() -> None:
    data = golden_json("implant_limit")
    lower = next(j for j in data["limits"]["implants"] if j["jaw"] == "UK")
    assert lower == {"jaw": "UK", "present": 7, "planned": 2, "limit": 8, "covered_sites": [36], "excluded_sites": [37]}
    (finding,) = data["findings"]
    assert (finding["code"], finding["severity"], finding["section"], finding["row"]) == (
        "implant.limit",
        "warning",
        "Nr. II.3.1",
        None,
    )
    assert finding["message"].startswith("Unterkiefer: 7 vorhandene und 2 geplante Implantate")


def test_a_reviewers_decision_is_listed_and_reduces_by_override() -> None:
    decision = Override("Leistungen", 2, "M. Prüfer", "Gutachten", eligible=D(50))
    data = estimate_json(estimate(plan(fee("2210", "16"), lab("0344", "16", "61.50"), overrides=(decision,)), load_tariffs()))
    assert data["overrides"] == [
        {"sheet": "Leistungen", "row": 2, "reviewer": "M. Prüfer", "reason": "Gutachten", "eligible": "50.00", "class": None}
    ]
    crown = line_at(data, "Leistungen", 2)
    assert (crown["billed"], crown["eligible"], crown["benefit"]) == ("217.06", "50.00", "40.00")
    assert crown["reductions"] == {"override": "167.06", "rate": "10.00"}


def test_a_tiny_count_is_written_as_a_plain_decimal_not_in_exponent_form() -> None:
    from tests.estimator.builders import run  # noqa: PLC0415

    data = estimate_json(run(fee("2210", "16", count="0.0000000001"), lab("0344", "16", "61.50", quantity="0.0000000001")))
    assert [line["count"] for line in data["lines"]] == ["0.0000000001", "0.0000000001"]  # was "1E-10"
