"""OpenDocument spreadsheets (.ods): a plan saved by LibreOffice reads as the same plan as from Excel, formulas
give their saved results, comments are no values, and a hostile file is refused with one message in bounded
time and memory, like a workbook from Excel."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest

from estimator.cells import PlanReadError
from estimator.command.cli import main
from estimator.io.excel import read_plan
from estimator.io.sheets import open_workbook
from estimator.io.sheetscan import UNCACHED
from estimator.resources import example_plan_path
from estimator.wording import finding_text
from tests.estimator.test_fuzz import estimate_or_refuse, mutations
from tests.estimator.test_import_broken import run_measured

DATA = Path(__file__).parent / "data"
HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0">'
    "<office:body><office:spreadsheet>"
)
TAIL = "</office:spreadsheet></office:body></office:document-content>"
HEADER = (
    "<table:table-row>"
    + "".join(
        f'<table:table-cell office:value-type="string"><text:p>{name}</text:p></table:table-cell>'
        for name in ("Nr", "Faktor", "Leistung")
    )
    + "</table:table-row>"
)
CROWN = (
    '<table:table-row><table:table-cell office:value-type="string"><text:p>2210</text:p></table:table-cell>'
    '<table:table-cell office:value-type="float" office:value="2.3"><text:p>2,3</text:p></table:table-cell></table:table-row>'
)


def ods(path: Path, *sheets: str, before: str = "", manifest: bytes = b"", content: bytes | None = None) -> Path:
    """An .ods with these sheets (each the XML of its rows, named Leistungen, Labor, ...)."""
    names = ("Leistungen", "Labor", "Patient")
    tables = "".join(f'<table:table table:name="{names[k]}">{rows}</table:table>' for k, rows in enumerate(sheets))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("content.xml", content if content is not None else (before + HEAD + tables + TAIL).encode())
        if manifest:
            archive.writestr("META-INF/manifest.xml", manifest)
    return path


def rows_of(path: Path, sheet: str = "leistungen") -> dict[int, tuple[object, ...]]:
    return dict(open_workbook(path)[sheet].rows)


def test_a_plan_saved_by_libreoffice_is_the_plan_from_excel(tmp_path: Path) -> None:
    from_excel, from_ods = read_plan(example_plan_path()), read_plan(DATA / "beispielplan.ods")
    assert from_ods.fee_lines == from_excel.fee_lines and from_ods.lab_lines == from_excel.lab_lines
    assert from_ods.person == from_excel.person and from_ods.input_findings == from_excel.input_findings == ()
    outputs = []
    for plan in (example_plan_path(), DATA / "beispielplan.ods"):
        out = tmp_path / f"{plan.suffix}.json"
        assert main(["estimate", str(plan), "--json", str(out)]) == 0
        outputs.append(json.loads(out.read_text(encoding="utf-8"))["totals"])
    assert outputs[0] == outputs[1] and outputs[0]["benefit"] != "0.00"


def test_formulas_give_their_saved_results_and_a_comment_is_no_value(tmp_path: Path) -> None:
    rows = rows_of(DATA / "formeln.ods")  # saved by LibreOffice from Excel's =ROUND(F2*G2*5.82,2), =1/0, a comment on E3
    assert rows[2] == (dt.date(2026, 3, 10), None, "GOZ", "0010", "Eingehende Untersuchung", 1, 2.3, 13.39)
    assert rows[3][4] == "Infiltrationsanästhesie"
    assert rows[4][4] == "Adhäsive   Befestigung\nmit Zeilenumbruch"
    assert rows[5][7] == "#DIV/0!"
    out = tmp_path / "out.json"
    assert main(["estimate", str(DATA / "formeln.ods"), "--json", str(out)]) == 0
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    assert any("Leistungen!H5" in f["message"] and "#DIV/0!" in f["message"] for f in findings), findings


def test_cells_as_opendocument_writes_them(tmp_path: Path) -> None:
    row = (
        "<table:table-row>"
        '<table:table-cell table:formula="of:=[.B1]*2"/>'  # a formula whose result was never saved
        '<table:table-cell table:number-columns-repeated="2"/>'
        '<table:table-cell office:value-type="string"><text:p>a<text:s text:c="3"/>b<text:tab/>c</text:p>'
        "<text:p>zweite <text:span>Zeile</text:span></text:p>"
        "<office:annotation><text:p>Kommentar</text:p></office:annotation></table:table-cell>"
        '<table:table-cell office:value-type="boolean" office:boolean-value="true"/>'
        '<table:table-cell office:value-type="date" office:date-value="2026-03-10T14:30:00"/>'
        '<table:table-cell office:value-type="percentage" office:value="0.19"><text:p>19 %</text:p></table:table-cell>'
        '<table:table-cell office:value-type="float" office:value="7" table:number-columns-repeated="100000"/>'
        "</table:table-row>"
    )
    found = rows_of(ods(tmp_path / "zellen.ods", HEADER + row))[2]
    assert found[:7] == (UNCACHED, None, None, "a   b\tc\nzweite Zeile", True, dt.datetime(2026, 3, 10, 14, 30), 0.19)
    assert found[7:] == (7,) * 57 and len(found) == 64  # a repeated cell fills the columns read, no more


def test_empty_rows_repeated_to_the_sheets_end_cost_nothing(tmp_path: Path) -> None:
    empty = '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    path = ods(tmp_path / "leer.ods", HEADER + CROWN + empty)
    assert list(rows_of(path)) == [1, 2]
    late = ods(tmp_path / "spaet.ods", HEADER + empty + CROWN)  # content after them keeps its row number
    assert list(rows_of(late)) == [1, 1_048_002]


def test_a_long_text_is_cut_and_its_length_kept(tmp_path: Path) -> None:
    cell = (
        '<table:table-row><table:table-cell office:value-type="string"><text:p>'
        + "x" * 5000
        + "</text:p></table:table-cell></table:table-row>"
    )
    text = rows_of(ods(tmp_path / "lang.ods", HEADER + cell))[2][0]
    assert len(text) == 2000 and getattr(text, "length", 0) == 5000


def _without_content(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    return path


@pytest.mark.parametrize(
    ("name", "make", "said"),
    [
        (
            "entitaeten.ods",
            lambda p: ods(p, HEADER, before='<!DOCTYPE x [<!ENTITY a "aaaa">]>'),
            "unzulässige XML-Entitäten",
        ),
        ("kennwort.ods", lambda p: ods(p, HEADER, manifest=b"<manifest:encryption-data/>"), "kennwortgeschützt"),
        (
            "zeilen.ods",
            lambda p: ods(p, HEADER + CROWN.replace("<table:table-row>", '<table:table-row table:number-rows-repeated="25000">')),
            "mehr als 20.000 Zeilen mit Inhalt",
        ),
        (
            "hochzahl.ods",  # a digit to Python's str.isdigit, no number to int()
            lambda p: ods(p, HEADER.replace("<table:table-row>", '<table:table-row table:number-rows-repeated="²">')),
            "keine Wiederholung",
        ),
        (
            "nullen.ods",  # leading zeros hide the size from a look at the first digits
            lambda p: ods(
                p, HEADER.replace("<table:table-row>", '<table:table-row table:number-rows-repeated="00000001000000000">')
            ),
            "keine Wiederholung",
        ),
        (
            "wiederholung.ods",
            lambda p: ods(p, HEADER.replace("<table:table-row>", '<table:table-row table:number-rows-repeated="-1">')),
            "keine Wiederholung",
        ),
        ("kaputt.ods", lambda p: ods(p, content=b"<office:document-content"), "beschädigt"),
        ("ohne.ods", _without_content, "content.xml fehlt"),
    ],
)
def test_a_hostile_or_broken_file_is_refused_with_one_message(tmp_path: Path, name: str, make: object, said: str) -> None:
    path = make(tmp_path / name)  # type: ignore[operator]
    with pytest.raises(PlanReadError, match=said) as refused:
        read_plan(path)
    assert str(refused.value).startswith(name)


def test_a_file_unpacking_beyond_the_limit_is_refused_before_reading_in_bounded_memory(tmp_path: Path) -> None:
    padding = HEADER + "<table:table-row>" + "<table:table-cell/>" * (4_000_000) + "</table:table-row>"
    path = ods(tmp_path / "gross.ods", padding)
    assert path.stat().st_size < 2 * 1024 * 1024
    run, peak = run_measured(path)
    assert run.returncode == 2 and "(content.xml: 7" in run.stderr and "Traceback" not in run.stderr
    assert peak < 300, peak


def test_a_batch_takes_ods_files_beside_workbooks(tmp_path: Path) -> None:
    import openpyxl  # noqa: PLC0415

    folder = tmp_path / "plaene"
    folder.mkdir()
    (folder / "excel.xlsx").write_bytes(example_plan_path().read_bytes())
    (folder / "calc.ods").write_bytes((DATA / "beispielplan.ods").read_bytes())
    out = tmp_path / "uebersicht.xlsx"
    assert main(["batch", str(folder), "--out", str(out), "--jobs", "1"]) == 0
    sheet = openpyxl.load_workbook(out)["Übersicht"]
    header = [cell.value for cell in sheet[1]]
    rows = {row[0]: dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {"excel.xlsx", "calc.ods"}
    assert {k: v for k, v in rows["calc.ods"].items() if k != header[0]} == {
        k: v for k, v in rows["excel.xlsx"].items() if k != header[0]
    }


def test_mutations_of_a_libreoffice_file_and_of_its_xml_never_crash(tmp_path: Path) -> None:
    original = (DATA / "beispielplan.ods").read_bytes()
    with zipfile.ZipFile(DATA / "beispielplan.ods") as archive:
        content = archive.read("content.xml")
    outcomes: dict[str, int] = {"estimate": 0, "refused": 0}
    cases = [(f"datei-{name}", data) for name, data in mutations(original, seed=20261205, count=40)]
    for name, xml in mutations(content, seed=20261206, count=80):  # the XML itself, not its compressed bytes
        cases.append((f"xml-{name}", (ods(tmp_path / "x.ods", content=xml)).read_bytes()))
    for name, data in cases:
        path = tmp_path / f"{name}.ods"
        path.write_bytes(data)
        outcomes[estimate_or_refuse(path)] += 1
        path.unlink()
    assert outcomes["refused"] > 0 and outcomes["estimate"] > 0 and sum(outcomes.values()) == 120


def test_long_and_many_sheet_names_give_a_short_message(tmp_path: Path) -> None:
    tables = "".join(f'<table:table table:name="{k}{"N" * 100_000}"><table:table-row/></table:table>' for k in range(200))
    path = ods(tmp_path / "namen.ods", content=(HEAD + tables + TAIL).encode())
    with pytest.raises(PlanReadError) as refused:
        read_plan(path)
    said = str(refused.value)
    assert len(said) < 1_500 and "und 190 weitere" in said and "NNN…" in said


def test_many_repeated_cells_with_content_are_refused_in_bounded_memory(tmp_path: Path) -> None:
    row = (
        '<table:table-row table:number-rows-repeated="20020">'
        '<table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="64"/></table:table-row>'
    )
    tables = "".join(f'<table:table table:name="T{k}">{row}</table:table>' for k in range(255))
    path = ods(tmp_path / "zellen.ods", content=(HEAD + tables + TAIL).encode())
    assert path.stat().st_size < 10_000
    run, peak = run_measured(path)
    assert run.returncode == 2 and "mehr als 400.000 Zellen mit Inhalt" in run.stderr and peak < 300, (run.stderr, peak)


def test_shapes_pictures_and_nested_tables_in_a_cell_are_not_its_text(tmp_path: Path) -> None:
    cell = (
        '<table:table-row><table:table-cell office:value-type="string"><text:p>A</text:p>'
        "<draw:frame><draw:image/><svg:title>Logo</svg:title><svg:desc>Beschreibung</svg:desc></draw:frame>"
        "<draw:custom-shape><text:p>ENTWURF</text:p></draw:custom-shape>"
        '<table:table table:name="innen"><table:table-row><table:table-cell><text:p>INNEN</text:p>'
        "</table:table-cell></table:table-row></table:table></table:table-cell></table:table-row>"
    )
    head = HEAD.replace(
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
        'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
    )
    content = head + '<table:table table:name="Leistungen">' + HEADER + cell + "</table:table>" + TAIL
    path = ods(tmp_path / "bilder.ods", content=content.encode())
    assert rows_of(path)[2] == ("A",)


def test_a_flood_of_empty_elements_is_refused_before_it_is_parsed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # six million empty paragraphs in one cell (100 KB packed) took 15 s: an .ods has the element limit of a worksheet
    flood = f'<table:table-row><table:table-cell office:value-type="string">{"<text:p/>" * 1_700_000}</table:table-cell></table:table-row>'
    path = ods(tmp_path / "flut.ods", CROWN + flood)
    assert main(["estimate", str(path), "--plan-date", "10.03.2026"]) == 2
    assert "flut.ods: mehr als 1.600.000 XML-Elemente" in capsys.readouterr().err


def test_two_tables_of_one_name_are_not_merged_and_the_second_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = f'<table:table table:name="Leistungen">{HEADER}{CROWN}</table:table>'
    path = ods(tmp_path / "doppelt.ods", content=(HEAD + table + table.replace("2210", "2060") + TAIL).encode())
    assert main(["estimate", str(path), "--plan-date", "10.03.2026"]) == 0
    said = capsys.readouterr().out
    assert said.count("Leistungen!2 ") == 1  # both tables' rows were taken as one sheet's: two lines 2
    assert "Blatt „Leistungen (2)“ nicht gelesen" in said


def test_a_cell_merged_down_is_each_rows_value_as_in_a_workbook_from_excel(tmp_path: Path) -> None:
    def cell(value: str, extra: str = "") -> str:
        return f'<table:table-cell office:value-type="string"{extra}><text:p>{value}</text:p></table:table-cell>'

    covered = "<table:covered-table-cell/>"
    down = ' table:number-rows-spanned="3"'
    square = ' table:number-rows-spanned="2" table:number-columns-spanned="2"'
    rows = (
        f"<table:table-row>{cell('2210')}{cell('2,3')}{cell('Krone', down)}</table:table-row>"
        f"<table:table-row>{cell('2197')}{cell('2,3')}{covered}</table:table-row>"
        f"<table:table-row>{cell('0090')}{cell('2,3')}{covered}</table:table-row>"
        f"<table:table-row>{cell('2060')}{cell('2,3')}{covered}</table:table-row>"  # below the merged cells: its own
        f"<table:table-row>{cell('2080')}{cell('2,3', square)}{covered}</table:table-row>"
        f'<table:table-row>{cell("2100")}<table:covered-table-cell table:number-columns-repeated="2"/></table:table-row>'
    )
    found = rows_of(ods(tmp_path / "verbunden.ods", HEADER + rows))
    assert [found[number][2] if len(found[number]) > 2 else None for number in range(2, 6)] == ["Krone", "Krone", "Krone", None]
    assert found[7] == ("2100",)  # a cell merged over two columns stays as it is read, as in Excel's files


def test_a_cell_whose_value_cannot_be_read_is_said_in_its_cell_and_the_rest_is_read(tmp_path: Path) -> None:
    """A year 99999 or a number that is none: the cell reads as the text it shows, the importer names it, and
    the plan's other lines are estimated."""

    def row(number: str, factor: str, date: str) -> str:
        return (
            f'<table:table-row><table:table-cell office:value-type="string"><text:p>{number}</text:p></table:table-cell>'
            f'<table:table-cell office:value-type="float" office:value="{factor}"><text:p>{factor}</text:p></table:table-cell>'
            f'<table:table-cell office:value-type="date" office:date-value="{date}"><text:p>{date}</text:p></table:table-cell>'
            "</table:table-row>"
        )

    header = HEADER.replace("Leistung<", "Datum<")
    path = ods(
        tmp_path / "werte.ods",
        header + row("2210", "2.3", "99999-01-01") + row("2200", "zwei", "2026-03-10") + row("0010", "2.3", "2026-03-10"),
    )
    plan = read_plan(path)
    messages = [finding_text(f) for f in plan.input_findings]
    assert any("Leistungen!C2" in m and "99999-01-01" in m for m in messages), messages
    assert any("Leistungen!B3" in m and "zwei" in m for m in messages), messages
    assert [line.number for line in plan.fee_lines] == ["0010"]
