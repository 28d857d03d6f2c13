"""The worked examples, committed as golden files: every line's class and amounts to the cent."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from estimator.io.excel import read_plan
from estimator.output.jsonout import estimate_json
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from tests.conftest import GOLDEN

EXAMPLES = sorted(GOLDEN.glob("*.xlsx"))


def test_golden_examples_are_present() -> None:
    assert {p.stem for p in EXAMPLES} >= {
        "crown_basic",
        "staged_cap_year1",
        "implant_limit",
        "deductible_first_year_prorated",
        "deductible_before_caps",
        "preparatory_narrow",
    }


@pytest.mark.parametrize("workbook", EXAMPLES, ids=lambda p: p.stem)
def test_worked_example_matches_to_the_cent(workbook: Path) -> None:
    expected = json.loads(workbook.with_suffix(".expected.json").read_text(encoding="utf-8"))
    got = estimate_json(estimate(read_plan(workbook), load_tariffs()))
    for key, value in expected["totals"].items():
        assert Decimal(got["totals"][key]) == Decimal(value), key
    lines = {(line["sheet"], line["row"]): line for line in got["lines"]}
    assert len(lines) == len(expected["lines"])
    for want in expected["lines"]:
        have = lines[(want["sheet"], want["row"])]
        assert (have["code"], have["class"]) == (want["nr"], want["class"])
        for amount in ("billed", "eligible", "benefit"):
            assert Decimal(have[amount]) == Decimal(want[amount]), (want["sheet"], want["row"], amount)
        assert sum(map(Decimal, have["reductions"].values()), Decimal(0)) == Decimal(have["billed"]) - Decimal(have["benefit"])
    for cause, amount in expected["reductions"].items():
        assert Decimal(got["reductions"][cause]) == Decimal(amount), cause
    billed_minus_benefit = Decimal(got["totals"]["billed"]) - Decimal(got["totals"]["benefit"])
    assert sum(map(Decimal, got["reductions"].values()), Decimal(0)) == billed_minus_benefit
