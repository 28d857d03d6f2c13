"""Fuzzing case files and edits: every case file, and every sequence of edits a user can type, gives an estimate
or one clear refusal, never a traceback, and the estimate keeps its invariants.

The seed is fixed so CI runs the same cases; a longer run: HKP_FUZZ_EXAMPLES=2000 .venv/bin/python -m pytest tests/estimator/test_fuzz_cases.py
"""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from estimator.case import EDITABLE, Case, CaseError
from estimator.io.casefile import case_json, load_case
from estimator.io.excel import read_plan
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from tests.conftest import GOLDEN
from tests.estimator.test_fuzz import EXAMPLES, FUZZ

BASE = case_json(Case.from_plan(read_plan(GOLDEN / "implant_limit.xlsx")))
JSON_VALUE = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**40), 10**40),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=20),
        st.sampled_from(["1e30", "-400.00", "NaN", "2210", "16", "OK/UK", "2026-02-30", "9999-12-31", "BM5/3", "A", "X"]),
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=6,
)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON document, as a path of keys and indexes."""
    found = [prefix]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += paths(inner, (*prefix, index))
    return found


PLACES = [p for p in paths(BASE) if p]


@st.composite
def case_documents(draw: st.DrawFn) -> str:
    """The base case with a few values replaced by any JSON, or removed."""
    data = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(PLACES))
        target: Any = data
        try:
            for key in path[:-1]:
                target = target[key]
            if draw(st.booleans()) and isinstance(target, dict):
                target.pop(path[-1], None)
            else:
                target[path[-1]] = draw(JSON_VALUE)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed the place
    return json.dumps(data)


def assert_sound(case: Case) -> None:
    result = estimate(case.plan(), load_tariffs(), dict(case.settings))
    assert sum(result.reductions.values(), Decimal(0)) == result.totals.billed - result.totals.benefit
    assert all(Decimal(0) <= line.benefit <= line.eligible <= line.billed for line in result.lines)


@FUZZ
@given(case_documents())
def test_any_case_file_gives_an_estimate_or_one_message(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.mktemp("faelle") / "fall.hkp.json"
    path.write_text(text, encoding="utf-8")
    try:
        case = load_case(path)
    except CaseError as error:
        assert str(error).startswith("fall.hkp.json") and "\n" not in str(error) and len(str(error)) < 600
        return
    assert_sound(case)


TYPED = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        ["", "0", "-1", "1e30", "NaN", "20,1", "3,5", "10.000", "1.000.001", "99", "11-48", "OK", "ja", "X", "31.02.2026"]
    ),
    st.sampled_from(["01.01.1899", "31.12.2200", "2,3", "1.234,56", "18-28", "x" * 3000]),
)
KINDS_FIELDS = [(kind, field) for kind, fields in EDITABLE.items() for field in fields]


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(KINDS_FIELDS), st.integers(-1, 12), TYPED), max_size=8))
def test_any_sequence_of_typed_edits_is_taken_or_refused(edits: list[tuple[tuple[str, str], int, str]]) -> None:
    case = Case.from_plan(read_plan(GOLDEN / "implant_limit.xlsx"))
    for (kind, field), index, text in edits:
        try:
            case = case.with_edit((kind, index, field), text)
        except CaseError as error:
            assert str(error) and "\n" not in str(error)
            continue
        assert_sound(case)


def test_fuzz_runs_enough_examples() -> None:
    assert EXAMPLES >= 40
    assert len(PLACES) > 100
    assert Path(GOLDEN / "implant_limit.xlsx").exists()
