"""The streamed workbook of the batch summary: what spreadsheet programs read back from it."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from estimator.output.xlsxstream import StreamedWorkbook
from estimator.sheetcells import column_letter

COLUMNS = (("Name", 20, None), ("Tag", 12, "DD.MM.YYYY"), ("Betrag", 13, '#,##0.00" €"'), ("Anzahl", 8, None))


def _written(rows: list[list[object]], tmp_path: Path) -> Path:
    book = StreamedWorkbook()
    sheet = book.sheet("Übersicht", COLUMNS)
    for row in rows:
        sheet.add(row)
    path = tmp_path / "summe.xlsx"
    path.write_bytes(book.finish())
    assert sheet.file.closed
    return path


def test_column_letters_run_from_a_to_xfd() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 51, 52, 701, 702, 16_383)] == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]


def test_values_read_back_as_written_and_text_never_as_a_formula(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ['=HYPERLINK("http://x")', dt.date(2026, 12, 31), Decimal("1234.56"), 3],
        ["a < b & c \x07", dt.datetime(2026, 1, 2), 0.1, None],
        ["  Leerzeichen  ", None, float("nan"), True],
        ["groß", None, Decimal("1e400"), 10**5000],
    ]
    path = _written(rows, tmp_path)
    sheet = openpyxl.load_workbook(path)["Übersicht"]
    assert [c.value for c in sheet[1]] == ["Name", "Tag", "Betrag", "Anzahl"]
    assert sheet["A2"].value == '=HYPERLINK("http://x")' and sheet["A2"].data_type == "s"
    assert sheet["B2"].value == dt.datetime(2026, 12, 31) and sheet["B2"].number_format == "DD.MM.YYYY"
    assert sheet["C2"].value == 1234.56 and sheet["C2"].number_format == '#,##0.00" €"'
    assert sheet["D2"].value == 3
    assert sheet["A3"].value == "a < b & c " and sheet["C3"].value == 0.1 and sheet["D3"].value is None
    assert sheet["A4"].value == "  Leerzeichen  " and sheet["C4"].value == "nan" and sheet["D4"].value is True
    assert sheet["C5"].value == "1E+400" and sheet["D5"].value == "(int zu groß)"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:D5"
    assert sheet["A1"].font.b and sheet["A1"].fill.fgColor.rgb.endswith("1F4E79")
    assert sheet.column_dimensions["A"].width == 20
    grid = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Übersicht").to_python()
    assert grid[1][:3] == ['=HYPERLINK("http://x")', dt.date(2026, 12, 31), 1234.56]


def test_many_rows_are_not_held_in_memory_but_all_arrive(tmp_path: Path) -> None:
    book = StreamedWorkbook()
    sheets = [book.sheet("Übersicht", COLUMNS), book.sheet("Hinweise", COLUMNS[:2])]
    for number in range(5_000):  # interleaved, as the batch writes a plan's row and then its findings
        sheets[0].add([f"Plan {number}", dt.date(2026, 1, 1), number, number])
        sheets[1].add([f"Hinweis {number}"])
    assert sheets[0].file.tell() > 300_000 and sheets[1].file.tell() > 200_000  # the rows wait in the files
    data = book.finish()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    assert workbook.sheetnames == ["Übersicht", "Hinweise"]
    rows = list(workbook["Hinweise"].iter_rows(values_only=True))
    assert len(rows) == 5_001 and rows[-1][0] == "Hinweis 4999"


def test_dates_read_back_as_the_same_days_also_before_march_1900(tmp_path: Path) -> None:
    days = [dt.date(1900, 1, 1), dt.date(1900, 2, 28), dt.date(1900, 3, 1), dt.date(2026, 2, 28), dt.date(2200, 12, 31)]
    path = _written([["Tag", day] for day in days], tmp_path)
    sheet = openpyxl.load_workbook(path)["Übersicht"]
    assert [sheet.cell(row=2 + i, column=2).value.date() for i in range(len(days))] == days


def test_whole_numbers_stay_whole_and_empty_texts_stay_cells(tmp_path: Path) -> None:
    path = _written([["", None, None, 2**53 + 1]], tmp_path)
    sheet = openpyxl.load_workbook(path)["Übersicht"]
    assert sheet["D2"].value == 2**53 + 1 and isinstance(sheet["D2"].value, int)
    book = openpyxl.load_workbook(path, read_only=True)
    rows = list(book["Übersicht"].iter_rows(min_row=2, values_only=True))
    book.close()
    assert len(rows[0]) == 4


def test_a_sheet_name_a_spreadsheet_program_refuses_is_refused() -> None:
    book = StreamedWorkbook()
    book.sheet("Übersicht", COLUMNS)
    for name in ("übersicht", "", "x" * 32, "a[1]", "a/b", "a\\b", "Glocke\x07", "'zitiert'"):
        with pytest.raises(ValueError, match="Blattname"):
            book.sheet(name, COLUMNS)
    book.close()


def test_a_sheet_beyond_the_zip_size_of_two_gigabytes_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zipfile, "ZIP64_LIMIT", 2_000)  # stands for 2 GiB: the same code path, in a moment
    path = _written([[f"Zeile {n}", None, n, n] for n in range(200)], tmp_path)
    book = openpyxl.load_workbook(path, read_only=True)
    assert len(list(book["Übersicht"].iter_rows())) == 201
    book.close()


def test_a_carriage_return_and_a_character_beyond_the_basic_plane_read_back_as_written(tmp_path: Path) -> None:
    long = "😀" * 16_383 + "ab"  # 32.766 + 2 units: one character more than a cell holds
    path = _written([["Zeile 1\r\nZeile 2\rEnde", None, None, None], [long, None, None, None]], tmp_path)
    sheet = openpyxl.load_workbook(path)["Übersicht"]
    assert sheet["A2"].value == "Zeile 1\r\nZeile 2\rEnde"
    assert sheet["A3"].value == "😀" * 16_383 + "a"


def test_rows_beyond_what_a_sheet_holds_are_counted_in_its_last_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("estimator.output.xlsxstream.MAX_ROWS", 5)
    path = _written([[f"Plan {n}", None, n, n] for n in range(1, 2_001)], tmp_path)
    rows = list(openpyxl.load_workbook(path)["Übersicht"].iter_rows(values_only=True))
    assert len(rows) == 5 and [row[0] for row in rows[1:4]] == ["Plan 1", "Plan 2", "Plan 3"]
    assert rows[4][0] == "… und 1.997 weitere Zeilen, die ein Tabellenblatt nicht mehr fasst"
