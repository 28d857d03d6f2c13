"""Rows and columns hidden in the spreadsheet program: read like any other (nothing of a plan is lost unseen) and
said, naming the sheet and the rows or the column's cell – the printed plan does not show what the estimate
counts. Excel's files (read whole or streamed) and LibreOffice's .ods alike."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from estimator.codes import Code
from estimator.io.excel import read_plan
from estimator.io.sheets import open_workbook
from estimator.io.workbook import write_workbook
from estimator.kinds import Severity
from estimator.model import Finding
from estimator.output.pdf import build_pdf
from estimator.resources import example_plan_path
from estimator.rules.engine import estimate
from estimator.samples import synthetic_plan
from estimator.tariff.catalogues import load_tariffs
from estimator.wording import finding_text
from tests.estimator.test_ods import CROWN, HEADER, ods
from tests.estimator.test_pdf import ISSUED, pdf_text


def hidden_findings(findings: tuple[Finding, ...]) -> list[Finding]:
    return [f for f in findings if f.phrase.code in (Code.INPUT_HIDDEN_ROWS, Code.INPUT_HIDDEN_COLUMN)]


def example_with(tmp_path: Path, *, rows: tuple[int, ...] = (), column: str = "") -> Path:
    book = openpyxl.load_workbook(example_plan_path())
    sheet = book["Leistungen"]
    for row in rows:
        sheet.row_dimensions[row].hidden = True
    if column:
        sheet.column_dimensions[column].hidden = True
    path = tmp_path / "plan.xlsx"
    book.save(path)
    return path


def test_the_example_hides_nothing() -> None:
    assert hidden_findings(read_plan(example_plan_path()).input_findings) == []


def test_hidden_rows_are_counted_and_said(tmp_path: Path) -> None:
    plain = read_plan(example_plan_path())
    plan = read_plan(example_with(tmp_path, rows=(3, 5)))
    assert [line.row for line in plan.fee_lines] == [line.row for line in plain.fee_lines]
    tariffs = load_tariffs()
    assert estimate(plan, tariffs).totals == estimate(plain, tariffs).totals
    (finding,) = hidden_findings(plan.input_findings)
    assert (finding.severity, finding.sheet, finding.row) == (Severity.WARNING, "Leistungen", 3)
    assert finding_text(finding) == (
        "Blatt Leistungen: 2 ausgeblendete Zeilen gelesen und mitgerechnet (Zeilen 3, 5); was nicht zum Plan gehört, "
        "bitte löschen, das andere einblenden"
    )
    assert finding_text(finding, "en").startswith("Sheet Leistungen: 2 hidden rows read and counted (rows 3, 5)")


def test_one_hidden_row_is_said_in_the_singular(tmp_path: Path) -> None:
    (finding,) = hidden_findings(read_plan(example_with(tmp_path, rows=(4,))).input_findings)
    assert "eine ausgeblendete Zeile gelesen und mitgerechnet (Zeile 4)" in finding_text(finding)


def test_a_hidden_empty_row_below_the_plan_is_not_said(tmp_path: Path) -> None:
    assert hidden_findings(read_plan(example_with(tmp_path, rows=(200,))).input_findings) == []


def test_streamed_and_whole_readers_see_the_same_hidden_rows_and_columns(tmp_path: Path) -> None:
    path = example_with(tmp_path, rows=(3, 5), column="G")
    whole, streamed = open_workbook(path, streamed=False)["leistungen"], open_workbook(path, streamed=True)["leistungen"]
    assert whole.hidden_rows == streamed.hidden_rows == {3, 5}
    assert whole.hidden_columns == streamed.hidden_columns == {6}


def test_a_hidden_column_read_is_said_at_its_header(tmp_path: Path) -> None:
    plan = read_plan(example_with(tmp_path, column="G"))
    assert plan.fee_lines == read_plan(example_plan_path()).fee_lines
    (finding,) = hidden_findings(plan.input_findings)
    assert (finding.severity, finding.row, finding.column) == (Severity.WARNING, 1, "G")
    assert finding_text(finding) == (
        "Leistungen!G1: die Spalte „Faktor“ ist ausgeblendet und wurde gelesen; bitte einblenden und prüfen"
    )


def test_a_hidden_column_not_read_is_not_said(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(example_plan_path())
    book["Leistungen"].column_dimensions["Z"].hidden = True
    book.save(tmp_path / "plan.xlsx")
    assert hidden_findings(read_plan(tmp_path / "plan.xlsx").input_findings) == []


@pytest.mark.parametrize("visibility", ["collapse", "filter"])
def test_an_ods_row_and_column_hidden_are_said(tmp_path: Path, visibility: str) -> None:
    hidden_crown = CROWN.replace("<table:table-row>", f'<table:table-row table:visibility="{visibility}">', 1)
    columns = '<table:table-column/><table:table-column table:visibility="collapse"/><table:table-column/>'
    path = ods(tmp_path / "plan.ods", columns + HEADER + CROWN + hidden_crown)
    plan = read_plan(path)
    assert [line.row for line in plan.fee_lines] == [2, 3]
    rows, column = hidden_findings(plan.input_findings)
    assert "(Zeile 3)" in finding_text(rows)
    assert finding_text(column).startswith("Leistungen!B1: die Spalte „Faktor“ ist ausgeblendet")


def test_many_hidden_rows_are_listed_to_ten(tmp_path: Path) -> None:
    write_workbook(synthetic_plan(60), tmp_path / "plan.xlsx")
    book = openpyxl.load_workbook(tmp_path / "plan.xlsx")
    for row in range(2, 14):
        book["Leistungen"].row_dimensions[row].hidden = True
    book.save(tmp_path / "plan.xlsx")
    (finding,) = hidden_findings(read_plan(tmp_path / "plan.xlsx").input_findings)
    assert "12 ausgeblendete Zeilen gelesen und mitgerechnet (Zeilen 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …)" in finding_text(finding)


def test_the_letter_leaves_the_files_hidden_rows_to_the_practice(tmp_path: Path) -> None:
    """The letter lists every line counted; which of them the practice's file hides is for the practice (window,
    workbook, JSON)."""
    result = estimate(read_plan(example_with(tmp_path, rows=(3,), column="G")), load_tariffs())
    assert len(hidden_findings(result.findings)) == 2
    _, text = pdf_text(build_pdf(result, load_tariffs(), ISSUED))
    assert "ausgeblendet" not in text and "0090" in text


def test_a_hidden_column_of_a_lab_table_below_the_fees_is_said_at_its_header(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Leistungen"
    for row in (
        ["Datum", "Zahn", "GO", "Nr", "Leistung", "Faktor", "Betrag"],  # no column H: only the lab table's reads it
        ["10.03.2026", "16", "GOZ", "2210", "Vollkrone", 2.3, 217.06],
        ["Datum", "Zahn", None, "Nr", "Leistung", "Menge", "MwSt", "Einzelpreis"],
        ["10.03.2026", "16", None, "0001", "Modell", 2, 7, 5.70],
    ):
        sheet.append(row)
    sheet.column_dimensions["H"].hidden = True
    book.save(tmp_path / "plan.xlsx")
    plan = read_plan(tmp_path / "plan.xlsx")
    assert [line.unit_price for line in plan.lab_lines] == [Decimal("5.70")]
    assert [finding_text(f) for f in hidden_findings(plan.input_findings)] == [
        "Leistungen!H3: die Spalte „Einzelpreis“ ist ausgeblendet und wurde gelesen; bitte einblenden und prüfen",
    ]


def test_hidden_is_read_with_spaces_and_visible_is_not_hidden(tmp_path: Path) -> None:
    path = example_with(tmp_path, rows=(3,))
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = next(name for name, data in parts.items() if b'hidden="1"' in data)
    parts[sheet] = parts[sheet].replace(b'hidden="1"', b'hidden=" 1 "')
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert [f.row for f in hidden_findings(read_plan(path).input_findings)] == [3]
    shown = CROWN.replace("<table:table-row>", '<table:table-row table:visibility="Visible">', 1)
    assert hidden_findings(read_plan(ods(tmp_path / "plan.ods", HEADER + shown)).input_findings) == []


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_a_hidden_sheet_is_read_and_said_by_both_readers(tmp_path: Path, state: str) -> None:
    # a „very hidden“ lab sheet (no menu of Excel shows it) was counted without a word
    book = openpyxl.load_workbook(example_plan_path())
    book["Labor"].sheet_state = state
    book.save(tmp_path / "plan.xlsx")
    for streamed in (False, True):
        assert open_workbook(tmp_path / "plan.xlsx", streamed=streamed)["labor"].hidden
    plain, plan = read_plan(example_plan_path()), read_plan(tmp_path / "plan.xlsx")
    assert len(plan.lab_lines) == len(plain.lab_lines) > 0
    [said] = [f for f in plan.input_findings if f.phrase.code is Code.INPUT_HIDDEN_SHEET]
    assert (said.severity, said.sheet) == (Severity.WARNING, "Labor")
    assert finding_text(said).startswith("Blatt Labor ist ausgeblendet; seine Zeilen wurden gelesen und mitgerechnet")
    assert not open_workbook(example_plan_path())["labor"].hidden
