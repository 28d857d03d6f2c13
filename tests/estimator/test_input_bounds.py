"""Every value in range, every text bounded: from workbook cells, options and reviewer decisions alike."""

from __future__ import annotations

import datetime as dt
import json
import math
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from estimator.cells import MAX_TEXT, CellError, parse_amount, parse_count, parse_date, parse_factor, parse_vat
from estimator.command.cli import main
from tests.estimator.hostile import (
    HEADER_ROW,
    many_cells_row,
    one_huge_row,
    one_sheet_workbook,
    rows,
    shared_string_in_rows,
    texts_in_rows,
    workbook_with_parts,
)
from tests.estimator.test_import_broken import fee, lab, plan_with, run_measured

RANGE_CASES: dict[str, tuple[Callable[[Path], Path], str, str]] = {
    # name: (builder, "Sheet!Cell", words the message holds)
    "amount over a million": (lambda p: plan_with(p, fee(Betrag=1_000_000.01)), "Leistungen!H3", "bis 1.000.000"),
    "amount 1e400 as text": (lambda p: plan_with(p, fee(Betrag="1e400")), "Leistungen!H3", "Zahl erwartet"),
    "factor 25": (lambda p: plan_with(p, fee(Faktor=25)), "Leistungen!G3", "Faktor größer als 0 und höchstens 20"),
    "factor 0": (lambda p: plan_with(p, fee(Faktor=0)), "Leistungen!G3", "Faktor größer als 0 und höchstens 20"),
    "count 20,000": (lambda p: plan_with(p, fee(Anzahl=20_000)), "Leistungen!F3", "Anzahl größer als 0 und höchstens 10.000"),
    "date in 1850": (lambda p: plan_with(p, fee(Datum="01.01.1850")), "Leistungen!A3", "zwischen 1900 und 2200"),
    "Excel date in 2310": (lambda p: plan_with(p, fee(Datum=150_000)), "Leistungen!A3", "zwischen 1900 und 2200"),
    "lab price of two millions": (lambda p: plan_with(p, None, lab(Einzelpreis=2e6)), "Labor!F3", "bis 1.000.000"),
    "VAT 150 %": (lambda p: plan_with(p, None, lab(MwSt=150)), "Labor!G3", "MwSt-Satz von 0 bis 100"),
    "quantity 1e30": (lambda p: plan_with(p, None, lab(Menge="1e30")), "Labor!E3", "Zahl erwartet"),
    "factor 1E-999999": (lambda p: plan_with(p, fee(Faktor="1E-999999")), "Leistungen!G3", "Zahl erwartet"),
    "eleven decimal places": (lambda p: plan_with(p, fee(Faktor="2,30000000001")), "Leistungen!G3", "10 Nachkommastellen"),
    "earlier benefit of two millions": (
        lambda p: plan_with(p, patient={"Bisherige ZE-Erstattung Jahr 1": 2e6}),
        "Patient!B10",
        "bis 1.000.000",
    ),
    "negative deductible used": (
        lambda p: plan_with(p, patient={"Selbstbehalt verbraucht": -5}),
        "Patient!B10",
        "Betrag von 0",
    ),
    "17 implants in a jaw": (lambda p: plan_with(p, patient={"Implantate OK": 17}), "Patient!B10", "von 0 bis 16"),
    "insurance start in 2300": (
        lambda p: plan_with(p, patient={"Versicherungsbeginn": "01.01.2300"}),
        "Patient!B6",
        "zwischen 1900 und 2200",
    ),
}


@pytest.mark.parametrize("name", sorted(RANGE_CASES))
def test_value_out_of_range_is_a_finding_with_its_cell(name: str, tmp_path: Path) -> None:
    build, cell, words = RANGE_CASES[name]
    out = tmp_path / "out.json"
    assert main(["estimate", str(build(tmp_path)), "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    sheet = cell.split("!")[0]
    messages = [f["message"] for f in data["findings"] if f["sheet"] == sheet and f["severity"] == "error"]
    assert any(words in m and (sheet == "Patient" or cell in m) for m in messages), messages
    assert "2210" in [line["code"] for line in data["lines"]]


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--insurance-start", "01.01.2300"),
        ("--birth-date", "31.12.1899"),
        ("--plan-date", "kein Datum"),
        ("--kfo-start", "01.01.1800"),
    ],
)
def test_option_out_of_range_exits_2_naming_the_option(
    option: str, value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["estimate", str(plan_with(tmp_path)), option, value])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert option in err and "Traceback" not in err


@pytest.mark.parametrize("value", ["1e9", "-5", "NaN", "1" * 5000])
def test_reviewer_amount_out_of_range_exits_2(value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    override = f"Leistungen!2:erstattungsfähig={value}:zu hoch"
    try:
        code = main(["estimate", str(plan_with(tmp_path)), "--reviewer", "M. Prüfer", "--override", override])
    except SystemExit as stop:  # argparse refuses what does not have the form
        code = int(str(stop.code))
    assert code == 2
    err = capsys.readouterr().err
    assert "--override" in err and len(err.strip().splitlines()[-1]) < 300


@pytest.mark.parametrize(
    ("parse", "text"),
    [
        (parse_amount, "1000000,01"),
        (parse_factor, "20,1"),
        (parse_count, "10001"),
        (parse_vat, "-1"),
        (parse_date, "10000-01-01"),
        (parse_date, 2_958_465),
    ],
)
def test_each_range_is_checked_where_values_are_read(parse: Callable[[Any], object], text: object) -> None:
    with pytest.raises(CellError):
        parse(text)


def test_bounds_at_their_edges_are_accepted() -> None:
    assert parse_amount("1.000.000,00") == 1_000_000
    assert parse_factor("20") == 20 and parse_count("10.000") == 10_000 and parse_vat("100 %") == 100
    assert parse_date("31.12.2200") == dt.date(2200, 12, 31) and parse_date("01.01.1900") == dt.date(1900, 1, 1)


# --- bounded work: each shape of hostile workbook costs a few hundred MB at most (its time: bench/bench.py) ---


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bounds")


def test_ten_megabyte_shared_string_in_200_rows_is_cut_and_estimated(hostile: Path) -> None:
    strings, sheet = shared_string_in_rows(10, 200)
    path = one_sheet_workbook(hostile / "geteilt.xlsx", sheet, strings)
    assert path.stat().st_size < 100_000
    run, peak = run_measured(path)
    assert run.returncode == 0, run.stderr
    assert peak < 300, peak
    out = hostile / "geteilt.json"
    assert main(["estimate", str(path), "--json", str(out), "--plan-date", "10.03.2026"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["lines"]) == 200 and all(len(line["description"]) == MAX_TEXT for line in data["lines"])
    cut = [f for f in data["findings"] if f["code"] == "input.text_cut"]
    assert len(cut) == 200 and "10.485.760 Zeichen" in cut[0]["message"] and cut[0]["severity"] == "warning"
    assert out.stat().st_size < 2_000_000


def test_sixty_megabyte_row_is_read_in_bounded_memory(hostile: Path) -> None:
    path = one_sheet_workbook(hostile / "zeile.xlsx", one_huge_row(60))
    assert path.stat().st_size < 400_000
    run, peak = run_measured(path)
    assert run.returncode == 0, run.stderr
    assert peak < 400, peak


def test_row_of_two_million_cells_is_refused_in_bounded_memory(hostile: Path) -> None:
    path = one_sheet_workbook(hostile / "breit.xlsx", many_cells_row(1_500_000))
    run, peak = run_measured(path)
    assert run.returncode == 2 and "mehr als 1.024 Zellen" in run.stderr and "Traceback" not in run.stderr
    assert peak < 300, peak


def test_workbook_with_more_text_than_the_budget_is_refused(hostile: Path) -> None:
    path = one_sheet_workbook(hostile / "text.xlsx", texts_in_rows(9_000, 1_900))
    run, peak = run_measured(path)
    assert run.returncode == 2 and "Zeichen Text" in run.stderr and "Traceback" not in run.stderr
    assert peak < 400, peak


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.XML", "xl/sheet1.xml", "xl/worksheets/blatt.bin.xml"])
def test_a_worksheet_under_an_unusual_name_is_checked_like_any_other(hostile: Path, part: str) -> None:
    path = workbook_with_parts(hostile / "umbenannt.xlsx", part, many_cells_row(1_500_000))
    run, peak = run_measured(path)
    refused = "mehr als 1.024 Zellen" in run.stderr or "MB belegen" in run.stderr  # cells counted, or the part too big
    assert run.returncode == 2 and refused and "Traceback" not in run.stderr, run.stderr
    assert peak < 300, peak


def test_a_worksheet_named_in_other_letter_case_is_checked_as_the_reader_finds_it(hostile: Path) -> None:
    # the relationship says "Worksheets/Sheet1.xml", the part is xl/worksheets/sheet1.xml: the reader opens it all
    # the same, and it took 19 s and 2,7 GB unchecked
    path = workbook_with_parts(
        hostile / "gross.xlsx", "xl/worksheets/sheet1.xml", many_cells_row(1_500_000), target="Worksheets/Sheet1.xml"
    )
    run, peak = run_measured(path)
    assert run.returncode == 2 and "mehr als 1.024 Zellen" in run.stderr and "Traceback" not in run.stderr, run.stderr
    assert peak < 300, peak


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        (b'<row r="99999999999999"><c r="A99999999999999"><v>1</v></c></row>', "Zeile 99.999.999.999.999"),  # the reader aborted
        (b'<row r="100000000"><c r="A100000000"><v>1</v></c></row>', "Zeile 100.000.000"),  # 9 s for empty rows
        (b'<row r="2"><c r="ABCDEFGHIJKLM2"><v>1</v></c></row>', "eine Spalte"),
        (b'<row r="2"><c r="' + b"Z" * 240_000 + b'2"><v>1</v></c></row>', "eine Spalte"),  # took 12 s, then no message
        (b'<row r="' + b"9" * 5_000 + b'"><c><v>1</v></c></row>', "eine Zeile"),
        (b'<row r="2"><c><v>1</v></c></row><row r="123456789012345"><c><v>2</v></c></row>', "Zeile 123.456.789.012.345"),
    ],
)
def test_a_place_beyond_the_last_row_or_column_of_a_sheet_is_refused(
    cell: bytes, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = one_sheet_workbook(tmp_path / "weit.xlsx", [HEADER_ROW, cell])
    assert main(["estimate", str(path), "--plan-date", "10.03.2026"]) == 2
    err = capsys.readouterr().err
    assert said in err and "jenseits der letzten Zeile (1.048.576) und Spalte (XFD)" in err, err


@pytest.mark.parametrize(
    ("second", "said"),
    [
        ("xl/worksheets/Sheet1.XML", "„xl/worksheets/Sheet1.XML“ mehrfach"),  # checked one, read the other: an abort
        ("xl/worksheets/sheet1.xml", "„xl/worksheets/sheet1.xml“ mehrfach"),
        ("xl\\worksheets\\sheet1.xml", "„xl\\worksheets\\sheet1.xml“ mit einem Rückwärtsschrägstrich"),
    ],
)
def test_a_part_a_reader_may_take_for_another_is_refused_before_any_reader_opens_it(
    second: str, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the checks took the harmless part, python-calamine the one with a cell at XFD1048576 – and reserved 512 GB
    path = one_sheet_workbook(tmp_path / "zwei.xlsx", [HEADER_ROW])
    far = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    far += b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>'
    with zipfile.ZipFile(path, "a") as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile's own: „Duplicate name“
        archive.writestr(second, far)
    assert main(["estimate", str(path), "--plan-date", "10.03.2026"]) == 2
    err = capsys.readouterr().err
    assert said in err and "aus Sicherheitsgründen nicht gelesen" in err, err


@pytest.mark.parametrize("error", ["#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#BUSY!", "#CONNECT!", "#UNKNOWN!"])
def test_an_error_value_of_a_newer_excel_is_the_cells_finding_not_the_whole_workbooks_refusal(
    error: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # python-calamine knows the error values of Excel 2019 only: the whole workbook was refused, its sheet named
    line = b'<row r="2"><c r="A2" t="inlineStr"><is><t>2210</t></is></c><c r="B2"><v>2.3</v></c></row>'
    bad = f'<row r="3"><c r="A3" t="inlineStr"><is><t>0010</t></is></c><c r="B3" t="e"><v>{error}</v></c></row>'
    path = one_sheet_workbook(tmp_path / "neu.xlsx", [HEADER_ROW, line, bad.encode()])
    assert main(["estimate", str(path), "--plan-date", "10.03.2026", "--json", str(tmp_path / "s.json")]) == 0
    said = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert [line["code"] for line in said["lines"]] == ["2210"]  # the line with the error value left out, said
    assert any(f"B3 (Faktor): die Formel ergibt den Fehler „{error}“" in f["message"] for f in said["findings"]), said


def test_one_worksheet_named_by_several_sheets_is_refused(hostile: Path) -> None:
    # each sheet naming it had it read again (250 sheets of one part of 10 KB: half an hour); no program writes so
    path = workbook_with_parts(hostile / "geteilt.xlsx", "xl/worksheets/sheet1.xml", rows(60_000), sheets=20)
    run, peak = run_measured(path)
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
    assert "die Blätter Leistungen und Leistungen1 verweisen auf denselben Inhalt (xl/worksheets/sheet1.xml)" in run.stderr
    assert peak < 300, peak


def test_a_shared_strings_count_beyond_any_plan_is_refused_before_a_reader_reserves_memory_for_it(hostile: Path) -> None:
    # python-calamine reserved 103 GB for uniqueCount="4294967295" and the allocator ended the process (exit 134);
    # run in a process of its own, as a failure here would end the tests' process
    strings = b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="0004294967295"><si><t>x</t></si></sst>'
    path = one_sheet_workbook(hostile / "zaehler.xlsx", rows(10), shared_strings=strings)
    run, _ = run_measured(path)
    assert run.returncode == 2 and "xl/sharedStrings.xml kündigt mehr als 400.000 Texte an" in run.stderr, run.stderr
    existing = hostile / "ausgabe.xlsx"  # the same file where an output would go: looked at before it is replaced
    path.rename(existing)
    fine = workbook_with_parts(hostile / "gut.xlsx", "xl/worksheets/sheet1.xml", rows(10))
    run, _ = run_measured(fine, "--xlsx", str(existing))
    assert run.returncode == 2 and "keine Arbeitsmappe einer Schätzung dieses Programms" in run.stderr, run.stderr


@pytest.mark.parametrize(
    "head",
    [
        b'<sst a=">" uniqueCount="4294967295" count="1">',  # a quoted „>“ before the count
        b'<!-- <sst> --><sst uniqueCount="4294967295" count="1">',  # a head in a comment first
        b'<?x <sst>?><sst uniqueCount="4294967295" count="1">',  # … or in a processing instruction
        b'<\xc3\xa4:sst xmlns:\xc3\xa4="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="4294967295">',
        b'<sst uniqueCount="&#52;294967295" count="1">',  # a digit as a character reference
    ],
)
def test_a_shared_strings_count_is_found_wherever_the_head_hides_it(hostile: Path, head: bytes) -> None:
    closing = b"</\xc3\xa4:sst>" if head.startswith(b"<\xc3") else b"</sst>"
    strings = b'<?xml version="1.0" encoding="UTF-8"?>' + head + b"<si><t>x</t></si>" + closing
    path = one_sheet_workbook(hostile / "kopf.xlsx", rows(10), shared_strings=strings)
    run, _ = run_measured(path)  # in a process of its own: a count that got through ends it (exit 134)
    assert run.returncode == 2 and "kündigt mehr als 400.000 Texte an" in run.stderr, run.stderr


def test_an_output_larger_than_a_plan_is_still_known_as_the_programs_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # whether a file there is an earlier output is asked of the reader's traps only, not of a plan's limits: a
    # 19.000-line estimate workbook has more cells than a plan may, and was taken for another file
    from estimator.command.overwrite import is_our_estimate_workbook  # noqa: PLC0415
    from estimator.io import sheetscan  # noqa: PLC0415

    out = tmp_path / "schaetzung.xlsx"
    assert main(["estimate", "--xlsx", str(out)]) == 0  # the example plan
    monkeypatch.setattr(sheetscan, "MAX_CELLS", 20)  # a plan's limit far below this output's cells
    assert is_our_estimate_workbook(out)


def test_the_checks_list_an_archives_names_once_however_many_relationships_it_has(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # each relationship listed and searched the names again: 90.000 relationships took minutes
    from estimator.io.xlsxguard import worksheet_parts  # noqa: PLC0415

    path = one_sheet_workbook(tmp_path / "plan.xlsx", rows(10))
    relations = "".join(
        f'<Relationship Id="x{i}" Type="http://x/image" Target="media/bild{i}.png"/>' for i in range(2_000)
    ).encode()
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", relations + b"</Relationships>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    listed: list[int] = []
    namelist = zipfile.ZipFile.namelist
    monkeypatch.setattr(zipfile.ZipFile, "namelist", lambda self: listed.append(1) or namelist(self))
    with zipfile.ZipFile(path) as archive:
        assert worksheet_parts(archive)[0] == [("Leistungen", "xl/worksheets/sheet1.xml")]
    assert len(listed) < 20, len(listed)


def test_more_than_255_sheets_are_refused(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = workbook_with_parts(hostile / "blaetter.xlsx", "xl/worksheets/sheet1.xml", rows(10), sheets=300)
    assert main(["estimate", str(path)]) == 2
    assert "mehr als 255 Tabellenblätter" in capsys.readouterr().err


@pytest.mark.parametrize(("column", "value"), [("Zahn", "²"), ("Zahn", "1²"), ("Nr", "22¹0"), ("Zahn", "16\n" * 120)])
def test_unusual_digits_and_line_breaks_in_a_cell_are_a_finding(column: str, value: str, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    assert (
        main(["estimate", str(plan_with(tmp_path, fee(**{column: value}))), "--json", str(out), "--pdf", str(tmp_path / "s.pdf")])
        == 0
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    assert any(f["sheet"] == "Leistungen" and f["row"] == 3 for f in data["findings"]), data["findings"]


def test_a_cell_openpyxl_cannot_convert_names_its_sheet(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = b'<row><c><v>10</v></c><c><v>2.3</v></c></row><row><c t="d"><v>10000-01-01</v></c></row>'
    path = one_sheet_workbook(hostile / "datum.xlsx", [bad])
    assert main(["estimate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Blatt Leistungen" in err and "Traceback" not in err


def test_styles_of_more_than_4_mb_are_refused_before_they_are_parsed(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = one_sheet_workbook(hostile / "stile.xlsx", rows(10))
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/styles.xml", b"<styleSheet>" + b"<xf/>" * 1_000_000 + b"</styleSheet>")
    assert main(["estimate", str(path)]) == 2
    assert "xl/styles.xml" in capsys.readouterr().err


def test_more_formats_than_excel_keeps_are_refused_before_a_reader_makes_objects_of_them(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 3,3 MB of formats (under the 4 MB of a styles part) took 17 s and 437 MB where the streamed reader parses them
    path = one_sheet_workbook(hostile / "formate.xlsx", rows(10))
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/styles.xml", b"<styleSheet><cellXfs>" + b"<xf/>" * 70_000 + b"</cellXfs></styleSheet>")
    assert main(["estimate", str(path), "--plan-date", "10.03.2026"]) == 2
    assert "xl/styles.xml hat mehr als 65.536 Formate" in capsys.readouterr().err


def test_reading_findings_beyond_2000_are_counted_in_one(hostile: Path, tmp_path: Path) -> None:
    bad = b"<row><c><v>10</v></c><c><v>99</v></c></row>" * 3_000
    path = one_sheet_workbook(hostile / "fehler.xlsx", [HEADER_ROW, b"<row><c><v>10</v></c><c><v>2.3</v></c></row>", bad])
    out = tmp_path / "out.json"
    assert main(["estimate", str(path), "--json", str(out), "--plan-date", "10.03.2026"]) == 0
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    more = [f for f in findings if f["code"] == "input.more_findings"]
    assert len(more) == 1 and "4.002 weitere" in more[0]["message"] and len(findings) < 2_010  # the missing columns are said too


@pytest.mark.parametrize("number", [1e308, float("nan"), float("inf"), 1e20])
def test_a_number_cell_far_beyond_any_fee_number_is_no_fee_number_of_309_digits(number: float) -> None:
    from estimator.catalogueforms import normalize_fee_number, normalize_lab_code  # noqa: PLC0415
    from estimator.cells import code_within  # noqa: PLC0415

    if math.isfinite(number):
        assert len(normalize_fee_number(number, "GOZ")) <= 20 and len(normalize_lab_code(number)) <= 20
    else:
        with pytest.raises(CellError):
            code_within(number)
