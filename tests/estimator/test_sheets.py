"""The two ways a workbook is read: whole as a grid (python-calamine) when the check says it fits in bounded
memory, else streamed (openpyxl). Both give the same rows; the check sends each shape to the right one."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from estimator.cells import PlanReadError
from estimator.command.cli import main
from estimator.io import sheets
from estimator.io.sheets import open_workbook
from estimator.io.sheetscan import UNCACHED, survey_workbook
from tests.estimator.hostile import HEADER_ROW, TEXT_HEADER_ROW, one_sheet_workbook, shared_string_in_rows
from tests.estimator.test_import_broken import run_measured
from tests.estimator.variants import VARIANTS, add_formulas, canonical

GOOD_ROW = b'<row r="2"><c r="A2"><v>2210</v></c><c r="B2"><v>2.3</v></c></row>'
AMOUNT_HEADER = b'<row r="1"><c r="A1" t="inlineStr"><is><t>Nr</t></is></c><c r="B1" t="inlineStr"><is><t>Faktor</t></is></c>'


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_grid_and_streamed_reading_give_the_same_rows(name: str, tmp_path: Path) -> None:
    path = VARIANTS[name](canonical()).write(tmp_path / name)
    assert survey_workbook(path).fits_grid
    grid, streamed = open_workbook(path, streamed=False), open_workbook(path, streamed=True)
    assert list(grid) == list(streamed)
    for key, sheet in grid.items():
        assert sheet.rows == streamed[key].rows, key
        assert all(
            type(a) is type(b)
            for (_, left), (_, right) in zip(sheet.rows, streamed[key].rows, strict=True)
            for a, b in zip(left, right, strict=True)
        )


def test_a_formula_without_a_result_is_marked_in_both_readings(tmp_path: Path) -> None:
    path = canonical().write(tmp_path / "plan.xlsx")
    add_formulas(path, {("Leistungen", "H2"): "=F2*2"}, cached=False)
    for streamed in (False, True):
        row = dict(open_workbook(path, streamed=streamed)["leistungen"].rows)[2]
        assert row[7] is UNCACHED


def test_an_error_value_is_a_finding_with_its_cell(tmp_path: Path) -> None:
    error_row = b'<row r="3"><c r="A3"><v>2210</v></c><c r="B3"><v>2.3</v></c><c r="C3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>'
    header = AMOUNT_HEADER + b'<c r="C1" t="inlineStr"><is><t>Betrag</t></is></c></row>'
    path = one_sheet_workbook(tmp_path / "fehler.xlsx", [header, GOOD_ROW, error_row])
    assert survey_workbook(path).fits_grid
    out = tmp_path / "out.json"
    assert main(["estimate", str(path), "--json", str(out), "--plan-date", "10.03.2026"]) == 0
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    assert any("Leistungen!C3" in f["message"] and "#DIV/0!" in f["message"] for f in findings), findings


def test_a_cell_far_out_is_read_streamed_in_bounded_memory(tmp_path: Path) -> None:
    far = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    path = one_sheet_workbook(tmp_path / "weit.xlsx", [HEADER_ROW, GOOD_ROW, far])
    survey = survey_workbook(path)
    assert not survey.fits_grid and survey.scans["xl/worksheets/sheet1.xml"].rows == 1_048_576
    run, peak = run_measured(path)
    assert run.returncode == 0, run.stderr
    assert peak < 300, peak


def test_a_workbook_named_as_another_kind_is_read_by_its_content(tmp_path: Path) -> None:
    path = one_sheet_workbook(tmp_path / "plan.ods", [HEADER_ROW, GOOD_ROW])  # an .xlsx under the name of an .ods
    assert [number for number, _ in open_workbook(path)["leistungen"].rows] == [1, 2]


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (
            lambda part: part.replace(b'<c r="B2"><v>2.3</v>', b'<c r="B2" t="n"><v>abc</v>'),
            "eine als Zahl gespeicherte Zelle enthält keine Zahl",
        ),
        (None, "das Blatt fehlt in der Datei, obwohl ihr Inhaltsverzeichnis es nennt"),
    ],
)
def test_what_the_reader_cannot_take_from_a_sheet_is_said_in_words(change: Any, said: str, tmp_path: Path) -> None:
    path = one_sheet_workbook(tmp_path / "plan.xlsx", [HEADER_ROW, GOOD_ROW])
    broken = tmp_path / "kaputt.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                if change is None:
                    continue  # named in the workbook, missing in the file
                data = change(data)
            target.writestr(item, data)
    with pytest.raises(PlanReadError) as refused:
        open_workbook(broken)
    assert str(refused.value) == f"kaputt.xlsx, Blatt Leistungen: {said}; bitte die Datei in Excel öffnen und neu speichern"


def test_the_empty_rows_up_to_a_cell_far_below_are_passed_over_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    far = b'<row r="1048576"><c r="K1048576"><v>7</v></c></row>'  # one cell: a million rows in between
    path = one_sheet_workbook(tmp_path / "weit.xlsx", [HEADER_ROW, GOOD_ROW, far])
    assert not survey_workbook(path).fits_grid  # read streamed
    looked_at: list[int] = []
    real = sheets._values
    monkeypatch.setattr(
        sheets, "_values", lambda cells, number, special: looked_at.append(number) or real(cells, number, special)
    )
    rows = open_workbook(path)["leistungen"].rows
    assert [number for number, _ in rows] == [1, 2, 1_048_576] and rows[-1][1][10] == 7
    assert len(looked_at) < 10  # the rows the sheet has, and one of the put-in empty ones; not a million


@pytest.mark.parametrize(
    "cell",
    [
        b'<c s=">" r="XFD900000"><v>1</v></c>',  # a ">" in an attribute does not hide the reference after it
        b"<c r = 'XFD900000'><v>1</v></c>",  # spaces and single quotes
        b'<x:c r="XFD900000"><v>1</v></x:c>',  # a namespace prefix
    ],
)
def test_the_check_finds_a_cell_reference_however_it_is_written(cell: bytes, tmp_path: Path) -> None:
    path = one_sheet_workbook(tmp_path / "weit.xlsx", [HEADER_ROW, GOOD_ROW, b'<row r="3">' + cell + b"</row>"])
    scan = survey_workbook(path).scans["xl/worksheets/sheet1.xml"]
    assert (scan.rows, scan.columns) == (900_000, 16_384)


def test_cells_without_references_take_their_places_in_order(tmp_path: Path) -> None:
    compact = b'<row r="7"><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>'
    path = one_sheet_workbook(tmp_path / "kompakt.xlsx", [HEADER_ROW, compact])
    scan = survey_workbook(path).scans["xl/worksheets/sheet1.xml"]
    assert (scan.rows, scan.columns) == (8, 2)
    assert open_workbook(path)["leistungen"].rows[1:] == [(7, (1, 2)), (8, (3,))]


def test_a_long_shared_string_in_many_cells_is_read_streamed(tmp_path: Path) -> None:
    strings, sheet = shared_string_in_rows(1, 200)
    path = one_sheet_workbook(tmp_path / "geteilt.xlsx", sheet, strings)
    survey = survey_workbook(path)
    assert survey.longest_shared > 1 << 20 and not survey.fits_grid


def test_entity_declarations_in_a_sheet_are_refused_before_any_reader(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = one_sheet_workbook(tmp_path / "dtd.xlsx", [b'<!DOCTYPE x [<!ENTITY e "x">]>', TEXT_HEADER_ROW])
    assert main(["estimate", str(path)]) == 2
    assert "XML-Entitäten" in capsys.readouterr().err


def test_only_sheets_with_formulas_or_errors_are_read_in_detail(tmp_path: Path) -> None:
    path = canonical().write(tmp_path / "plan.xlsx")  # its lists of allowed values hold <formula1>, no cell formula
    assert not any(scan.detailed for scan in survey_workbook(path).scans.values())
    add_formulas(path, {("Leistungen", "H2"): "=F2*2"})
    detailed = {part for part, scan in survey_workbook(path).scans.items() if scan.detailed}
    assert len(detailed) == 1


@pytest.mark.parametrize("streamed", [False, True])
def test_two_sheets_of_one_name_but_for_case_and_spaces_are_two_sheets_and_the_second_is_said(
    streamed: bool, tmp_path: Path
) -> None:
    from openpyxl import Workbook  # noqa: PLC0415

    book = Workbook()
    first = book.active
    first.title = "Leistungen"
    first.append(["Nr", "Faktor", "Betrag"])
    first.append(["2210", 2.3, 217.06])
    second = book.create_sheet("LEISTUNGEN ")
    second.append(["Nr", "Faktor", "Betrag"])
    second.append(["2060", 2.3, 88.17])
    book.save(tmp_path / "doppelt.xlsx")
    read = open_workbook(tmp_path / "doppelt.xlsx", streamed=streamed)
    assert [sheet.name for sheet in read.values()] == ["Leistungen", "LEISTUNGEN  (2)"]  # the first was overwritten
    assert read["leistungen"].rows[1][1][0] == "2210"


def test_merged_ranges_fill_each_cell_once_however_many_a_file_declares() -> None:
    from estimator.io.sheets import _carried_down, merged_ranges  # noqa: PLC0415

    class Grid(list[list[object]]):
        """Counts the rows the filling looks at."""

        looked = 0

        def __getitem__(self, index: Any) -> Any:
            found = super().__getitem__(index)
            if isinstance(index, slice):
                Grid.looked += len(found)
            return found

        def __iter__(self) -> Any:
            for row in super().__iter__():
                Grid.looked += 1
                yield row

    rows = 2_000
    grid = Grid([["Datum", "Zahn"], ["10.03.2026", "16"], *[[None, None] for _ in range(rows - 2)]])
    grid[5][1] = "15"
    same = [((1, 0), (rows - 1, 0))] * 1_000  # a thousand times the same range: a 3 KB file could declare them
    nested = [((k, 1), (rows - 1, 1)) for k in range(1, 1_000)]  # ranges over ranges
    filled = [cells for _, cells in _carried_down(enumerate(grid, start=1), merged_ranges([*same, *nested]))]
    assert Grid.looked <= 2 * rows  # each row looked at once per column, not once per range (3 million)
    assert all(row[0] == "10.03.2026" for row in filled[1:])
    assert [row[1] for row in filled[1:7]] == ["16", "16", "16", "16", "15", "16"]  # a value of its own stays


def _with_unknown_elements(count: int) -> Any:
    from tests.estimator import hostile  # noqa: PLC0415

    yield hostile.HEADER_ROW
    yield b'<row r="2"><c r="A2"><v>10</v></c><c r="B2"><f>1+1.3</f><v>2.3</v></c></row>'  # a formula: read in detail
    yield b"<x/>" * count  # elements no spreadsheet program writes


def test_elements_a_sheet_should_not_hold_are_not_kept_while_it_is_read(tmp_path: Path) -> None:
    import tracemalloc  # noqa: PLC0415

    from estimator.io.sheetscan import special_cells  # noqa: PLC0415
    from tests.estimator import hostile  # noqa: PLC0415

    path = hostile.workbook_with_parts(tmp_path / "p.xlsx", "xl/worksheets/sheet1.xml", _with_unknown_elements(200_000))
    tracemalloc.start()
    try:
        found = special_cells(path, "xl/worksheets/sheet1.xml")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert found == {}  # the formula has its saved result
    assert peak < 5_000_000, peak  # kept until the sheet's end, 200.000 elements took some 40 MB


def test_a_sheet_of_far_more_elements_than_cells_is_refused_before_any_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from estimator.io import sheetscan  # noqa: PLC0415
    from tests.estimator import hostile  # noqa: PLC0415

    monkeypatch.setattr(sheetscan, "MAX_ELEMENTS", 10_000)  # 4 × 400.000 in the program: files of megabytes
    path = hostile.workbook_with_parts(tmp_path / "p.xlsx", "xl/worksheets/sheet1.xml", _with_unknown_elements(20_000))
    with pytest.raises(PlanReadError, match=r"mehr als 10\.000 XML-Elemente"):
        open_workbook(path)


def test_the_streamed_reader_carries_merged_cells_down_as_the_grid_reader_does(tmp_path: Path) -> None:
    """A sheet too large for a grid (a stray cell far below the plan) is streamed: its dates merged down over lines
    were lost there, and the lines took the plan date."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Leistungen"
    sheet.append(["Datum", "Zahn", "Nr"])
    for row in range(2, 12):
        sheet.append([f"1{row}.03.2026" if row in (2, 6) else None, None if row in (4, 9) else str(row), "2060"])
    sheet["B4"] = None
    for merged in ("A2:A4", "A3:A5", "A6:A9", "B3:B4", "C2:D5"):  # overlapping, and one over two columns (not carried)
        sheet.merge_cells(merged)
    book.save(tmp_path / "merged.xlsx")
    whole = open_workbook(tmp_path / "merged.xlsx", streamed=False)["leistungen"].rows
    streamed = open_workbook(tmp_path / "merged.xlsx", streamed=True)["leistungen"].rows
    read = dict(streamed)
    assert list(read) == [1, 2, 3, 5, 6, 7, 8, 9, 10, 11]  # row 4 holds nothing of its own (the grid: only the merged values)
    assert {number: values[:2] for number, values in whole if number in read} == {n: v[:2] for n, v in read.items()}
    assert [read[n][0] for n in (2, 3, 5, 6, 7, 8, 9, 10)] == ["12.03.2026"] * 3 + ["16.03.2026"] * 4 + [None]
    assert [read[n][1] for n in (2, 3, 5)] == ["2", "3", "5"]


@pytest.mark.parametrize(
    "row",
    [
        b'<row r="3"><c r="A3"><v>2210</v></c><c r="B3" t="b"><v>2</v></c></row>',  # a boolean of 2
        b'<row r="3"><c r="A3"><v>2210</v></c><c r="B0"><v>2.3</v></c></row>',  # a cell of row 0
    ],
)
def test_a_cell_the_whole_reader_refuses_refuses_the_workbook_in_words(row: bytes, tmp_path: Path) -> None:
    # the other reader would take a boolean „2“ as WAHR (an accident) and pass over a row 0 unsaid: refused, and the
    # message names no reader („(CalamineError)“ before)
    path = one_sheet_workbook(tmp_path / "plan.xlsx", [HEADER_ROW, GOOD_ROW, row])
    with pytest.raises(PlanReadError) as refused:
        open_workbook(path)
    assert str(refused.value) == (
        "plan.xlsx, Blatt Leistungen: eine Zelle oder ihre Adresse ist beschädigt; bitte die Datei in Excel öffnen und "
        "neu speichern"
    )


def test_a_cell_named_twice_refuses_the_workbook_naming_it(tmp_path: Path) -> None:
    # two <c r="B2"> of 2,3 and 3,5: the reader took the later unsaid
    twice = b'<row r="2"><c r="A2"><v>2210</v></c><c r="B2"><v>2.3</v></c><c r="B2"><v>3.5</v></c></row>'
    with pytest.raises(PlanReadError) as refused:
        open_workbook(one_sheet_workbook(tmp_path / "plan.xlsx", [HEADER_ROW, twice]))
    assert str(refused.value).startswith("plan.xlsx, Blatt Leistungen: die Zelle B2 steht zweimal in der Datei")
    assert [
        number
        for number, _ in open_workbook(one_sheet_workbook(tmp_path / "gut.xlsx", [HEADER_ROW, GOOD_ROW]))["leistungen"].rows
    ] == [1, 2]
