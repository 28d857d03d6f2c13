"""Fuzzing the importer: generated workbooks and byte-level mutations of real ones.

Every input gives an estimate or one clear message (exit 2), never a traceback. The seed is fixed so CI
runs the same cases every time; a longer run: HKP_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest tests/estimator/test_fuzz.py
"""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from estimator.cells import PlanReadError
from estimator.command.cli import main
from estimator.io.excel import read_plan
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from tests.estimator.variants import FEE_HEADER, LAB_HEADER, canonical

EXAMPLES = int(os.environ.get("HKP_FUZZ_EXAMPLES", "80"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))

CELL = st.one_of(
    st.none(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["2210", "0010", "I 111", "0344", "GOZ", "GOÄ", "Labor", "BEB", "16", "13-23", "OK", "99", "x", "ja"]),
    st.sampled_from(["1.234,56", "2,3", "7 %", "12,50 €", "-1", "1e400", "NaN", "31.02.2026", "10.03.2026", "Summe"]),
    st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(2100, 1, 1)),
    st.booleans(),
)
HEADER = st.one_of(st.sampled_from(FEE_HEADER + LAB_HEADER + ["Nr.", "Ziffer", "E-Preis", "Gesamt"]), st.text(max_size=12))


def excel_safe(value: Any) -> Any:
    """openpyxl refuses control characters in text; the fuzzer's other values go in as they are."""
    if isinstance(value, str):
        return "".join(ch for ch in value if ch.isprintable())
    return value


@st.composite
def workbooks(draw: st.DrawFn) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    names = draw(
        st.lists(st.sampled_from(["Patient", "Leistungen", "Labor", "HKP", "Tabelle1"]), min_size=1, max_size=4, unique=True)
    )
    for name in names:
        sheet = workbook.create_sheet(name)
        if name == "Patient":
            for label in draw(
                st.lists(
                    st.sampled_from(["Name", "Geburtsdatum", "Tarif", "Versicherungsbeginn", "Unfall", "Implantate OK"]),
                    max_size=6,
                )
            ):
                sheet.append([label, excel_safe(draw(CELL))])
            continue
        for _ in range(draw(st.integers(0, 3))):
            sheet.append([excel_safe(draw(CELL))])
        header = draw(st.one_of(st.just(FEE_HEADER if name != "Labor" else LAB_HEADER), st.lists(HEADER, max_size=12)))
        sheet.append([excel_safe(h) for h in header])
        for _ in range(draw(st.integers(0, 8))):
            sheet.append([excel_safe(draw(CELL)) for _ in range(len(header) + draw(st.integers(-2, 2)))])
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def estimate_or_refuse(path: Path) -> str:
    """'estimate' or 'refused'; anything else (an exception of another kind) fails the test."""
    try:
        plan = read_plan(path)
    except PlanReadError as error:
        assert str(error) and "Traceback" not in str(error)
        return "refused"
    result = estimate(plan, load_tariffs())
    assert all(0 <= line.benefit <= line.eligible for line in result.lines)
    return "estimate"


@FUZZ
@given(workbooks())
def test_generated_workbooks_give_an_estimate_or_a_clear_refusal(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "plan.xlsx"
    path.write_bytes(data)
    assert estimate_or_refuse(path) in ("estimate", "refused")


def canonical_bytes(tmp: Path) -> bytes:
    return canonical().write(tmp / "base.xlsx").read_bytes()


def rewrite(data: bytes, change: dict[str, bytes | None]) -> bytes:
    """The workbook with some zip entries replaced (None: removed) or added."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in change:
                replacement = change[info.filename]
                if replacement is not None:
                    target.writestr(info.filename, replacement)
            else:
                target.writestr(info, source.read(info))
        for name, content in change.items():
            if name not in source.namelist() and content is not None:
                target.writestr(name, content)
    return out.getvalue()


SHEET = "xl/worksheets/sheet2.xml"
HEAD = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
STRUCTURAL = {
    "sheet removed": {SHEET: None},
    "workbook.xml removed": {"xl/workbook.xml": None},
    "content types removed": {"[Content_Types].xml": None},
    "styles garbage": {"xl/styles.xml": b"\x00\xff garbage"},
    "sheet is not XML": {SHEET: b"hello, I am not XML"},
    "sheet deeply nested": {SHEET: HEAD + b"<row>" + b"<c>" * 50_000 + b"</c>" * 50_000 + b"</row></sheetData></worksheet>"},
    "huge cell": {
        SHEET: HEAD
        + b'<row r="1"><c r="A1" t="inlineStr"><is><t>'
        + b"A" * 5_000_000
        + b"</t></is></c></row></sheetData></worksheet>"
    },
    "absurd row number": {SHEET: HEAD + b'<row r="999999999"><c r="D999999999"><v>2210</v></c></row></sheetData></worksheet>'},
    "absurd column": {
        SHEET: HEAD + b'<row r="1"><c r="XFD1"><v>1</v></c><c r="ZZZZ1"><v>1</v></c></row></sheetData></worksheet>'
    },
    "bad shared string index": {SHEET: HEAD + b'<row r="1"><c r="A1" t="s"><v>99999</v></c></row></sheetData></worksheet>'},
    "external entity": {
        SHEET: b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        + HEAD[21:]
        + b'<row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>'
    },
}


@pytest.mark.parametrize("name", sorted(STRUCTURAL))
def test_wrong_zip_entries_are_refused_or_survived(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(rewrite(canonical_bytes(tmp_path), STRUCTURAL[name]))
    code = main(["estimate", str(path)])
    captured = capsys.readouterr()
    assert code in (0, 2) and "Traceback" not in captured.err
    if code == 2:
        assert captured.err.startswith("hkp: plan.xlsx") and len(captured.err.strip().splitlines()) == 1
    assert "root:" not in captured.out  # the entity was not resolved


def mutations(data: bytes, seed: int, count: int) -> list[tuple[str, bytes]]:
    rng = random.Random(seed)
    cases: list[tuple[str, bytes]] = []
    for number in range(count):
        kind = ("truncate", "flip", "overwrite", "duplicate")[number % 4]
        mutated = bytearray(data)
        if kind == "truncate":
            mutated = mutated[: rng.randrange(len(data))]
        elif kind == "flip":
            for _ in range(rng.randint(1, 20)):
                mutated[rng.randrange(len(mutated))] ^= 1 << rng.randrange(8)
        elif kind == "overwrite":
            start = rng.randrange(len(mutated))
            mutated[start : start + 64] = bytes(rng.randrange(256) for _ in range(64))
        else:
            start = rng.randrange(len(mutated))
            mutated[start:start] = mutated[start : start + rng.randint(1, 500)]
        cases.append((f"{kind}-{number}", bytes(mutated)))
    return cases


def test_byte_mutations_of_a_real_workbook_never_crash(tmp_path: Path) -> None:
    outcomes: dict[str, int] = {"estimate": 0, "refused": 0}
    for name, data in mutations(canonical_bytes(tmp_path), seed=20261122, count=max(40, EXAMPLES * 2)):
        path = tmp_path / f"{name}.xlsx"
        path.write_bytes(data)
        outcomes[estimate_or_refuse(path)] += 1
        path.unlink()
    assert outcomes["refused"] > 0 and sum(outcomes.values()) == max(40, EXAMPLES * 2)
