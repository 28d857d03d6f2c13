"""Every layout variant of the corpus reads to the same estimate as the canonical workbook."""

from __future__ import annotations

from pathlib import Path

import pytest

from estimator.io.excel import read_plan
from estimator.kinds import Severity
from estimator.model import Estimate
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from estimator.wording import finding_text
from tests.estimator.variants import VARIANTS, canonical


def outcome(result: Estimate) -> tuple[object, ...]:
    lines = sorted(
        (r.kind, r.line.number, str(r.line.teeth), r.line_class, r.billed, r.eligible, r.benefit) for r in result.lines
    )
    return (result.totals, tuple(lines))


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, ...]:
    path = canonical().write(tmp_path_factory.mktemp("canonical") / "plan.xlsx")
    result = estimate(read_plan(path), load_tariffs())
    assert len(result.lines) == 11
    assert not [f for f in result.findings if f.code.startswith("input.")]
    return outcome(result)


def test_the_corpus_has_at_least_25_variants() -> None:
    assert len(VARIANTS) >= 25


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_variant_reads_to_the_canonical_estimate(name: str, tmp_path: Path, expected: tuple[object, ...]) -> None:
    path = VARIANTS[name](canonical()).write(tmp_path / name)
    plan = read_plan(path)
    errors = [finding_text(f) for f in plan.input_findings if f.severity is Severity.ERROR]
    assert errors == []
    assert outcome(estimate(plan, load_tariffs())) == expected
