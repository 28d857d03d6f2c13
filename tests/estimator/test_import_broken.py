"""Broken workbooks: each gives its specific finding (the rest is estimated) or one clear message and exit 2."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from estimator.command.cli import main
from estimator.io.excel import read_plan
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from tests.estimator.hostile import entity_bomb, one_sheet_workbook, padding, rows
from tests.estimator.variants import add_formulas
from tests.estimator.workbooks import write_workbook

GOOD_FEE = [dt.datetime(2026, 3, 10), "16", "GOZ", "2210", "Vollkrone", 1, 2.3, None, None, None, None]
GOOD_LAB = [dt.datetime(2026, 3, 10), "16", "0344", "Vollkrone Metall", 1, 61.5, 7, None, None]


def fee(**changes: Any) -> list[Any]:
    """GOOD_FEE with columns changed by header name (Datum, Zahn, GO, Nr, ...)."""
    names = ["Datum", "Zahn", "GO", "Nr", "Leistung", "Anzahl", "Faktor", "Betrag", "Begründung", "Unfall", "Klasse"]
    row = list(GOOD_FEE)
    for name, value in changes.items():
        row[names.index(name)] = value
    return row


def lab(**changes: Any) -> list[Any]:
    names = ["Datum", "Zahn", "Nr", "Leistung", "Menge", "Einzelpreis", "MwSt", "Betrag", "Klasse"]
    row = list(GOOD_LAB)
    for name, value in changes.items():
        row[names.index(name)] = value
    return row


def plan_with(path: Path, bad_fee: list[Any] | None = None, bad_lab: list[Any] | None = None, **options: Any) -> Path:
    """A plan with a good fee line and a good lab line, then the bad one in row 3 of its sheet."""
    fees = [GOOD_FEE, *([bad_fee] if bad_fee else [])]
    labs = [GOOD_LAB, *([bad_lab] if bad_lab else [])]
    return write_workbook(path / "plan.xlsx", fees, labs, **options)


def estimate_json(path: Path, tmp_path: Path) -> dict[str, Any]:
    out = tmp_path / "out.json"
    assert main(["estimate", str(path), "--json", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


LINE_CASES: dict[str, tuple[Callable[[Path], Path], str, str, str]] = {
    # name: (builder, finding code, "Sheet!Cell", words the message holds)
    "tooth 99": (lambda p: plan_with(p, fee(Zahn="99")), "input.cell", "Leistungen!B3", "FDI"),
    "negative count": (
        lambda p: plan_with(p, fee(Anzahl=-1)),
        "input.cell",
        "Leistungen!F3",
        "Anzahl größer als 0 und höchstens 10.000",
    ),
    "text in an amount": (lambda p: plan_with(p, fee(Betrag="zwölf Euro")), "input.cell", "Leistungen!H3", "Zahl erwartet"),
    "unknown GO": (lambda p: plan_with(p, fee(GO="BEMA")), "input.cell", "Leistungen!C3", "GOZ oder GOÄ"),
    "impossible date": (lambda p: plan_with(p, fee(Datum="31.02.2026")), "input.cell", "Leistungen!A3", "TT.MM.JJJJ"),
    "unknown class": (lambda p: plan_with(p, fee(Klasse="Z")), "input.cell", "Leistungen!K3", "Klasse A, B, P oder X"),
    "accident neither yes nor no": (lambda p: plan_with(p, fee(Unfall="vielleicht")), "input.cell", "Leistungen!J3", "„ja“"),
    "fee number missing": (lambda p: plan_with(p, fee(Nr=None)), "input.missing_number", "Leistungen!D3", "fehlt"),
    "negative lab quantity": (
        lambda p: plan_with(p, None, lab(Menge=-2)),
        "input.cell",
        "Labor!E3",
        "Menge größer als 0 und höchstens 10.000",
    ),
    "lab price missing": (lambda p: plan_with(p, None, lab(Einzelpreis=None)), "input.missing_value", "Labor!F3", "Einzelpreis"),
    "text in a lab price": (lambda p: plan_with(p, None, lab(Einzelpreis="auf Anfrage")), "input.cell", "Labor!F3", "Zahl"),
    "bad birth date": (
        lambda p: plan_with(p, patient={"Geburtsdatum": "15.13.1975"}),
        "input.patient",
        "Patient!B2",
        "Datum TT.MM.JJJJ",
    ),
}


@pytest.mark.parametrize("name", sorted(LINE_CASES))
def test_bad_cell_is_named_and_the_rest_is_estimated(name: str, tmp_path: Path) -> None:
    build, code, cell, words = LINE_CASES[name]
    data = estimate_json(build(tmp_path), tmp_path)
    sheet, reference = cell.split("!")
    matching = [f for f in data["findings"] if f["code"] == code and f["sheet"] == sheet]
    assert matching, data["findings"]
    assert f"{cell}" in matching[0]["message"] and words in matching[0]["message"]
    assert matching[0]["row"] == int(reference[1:]) and matching[0]["column"] == reference[0]
    assert [line["code"] for line in data["lines"]][:1] == ["2210"]
    assert "0344" in [line["code"] for line in data["lines"]]


def test_bad_line_is_listed_as_left_out(tmp_path: Path) -> None:
    data = estimate_json(plan_with(tmp_path, fee(Zahn="99")), tmp_path)
    skipped = [f for f in data["findings"] if f["code"] == "input.line_skipped"]
    assert [(f["sheet"], f["row"]) for f in skipped] == [("Leistungen", 3)]
    assert [line["row"] for line in data["lines"] if line["sheet"] == "Leistungen"] == [2]


def test_formula_without_a_saved_result_is_an_error_for_its_cell(tmp_path: Path) -> None:
    path = plan_with(tmp_path, None, lab(Betrag=65.81))
    add_formulas(path, {("Labor", "H3"): "ROUND(E3*F3*1.07,2)"}, cached=False)
    data = estimate_json(path, tmp_path)
    formula = [f for f in data["findings"] if f["code"] == "input.formula"]
    assert formula and "Labor!H3" in formula[0]["message"] and "in Excel öffnen und speichern" in formula[0]["message"]


@pytest.mark.parametrize(
    ("code", "build"),
    [
        ("date.before_insurance_start", lambda p: plan_with(p, fee(Datum=dt.datetime(2009, 12, 1)))),
        ("fee.unknown_number", lambda p: plan_with(p, fee(Nr="9999"))),
        ("lab.unlisted", lambda p: plan_with(p, None, lab(Nr="9999"))),
    ],
)
def test_plan_problems_are_findings_of_the_estimate(code: str, build: Callable[[Path], Path], tmp_path: Path) -> None:
    data = estimate_json(build(tmp_path), tmp_path)
    found = [f for f in data["findings"] if f["code"] == code]
    assert found and found[0]["row"] == 3


def truncated(path: Path) -> Path:
    whole = plan_with(path).read_bytes()
    target = path / "cut.xlsx"
    target.write_bytes(whole[: len(whole) // 2])
    return target


def damaged_sheet(path: Path) -> Path:
    source = plan_with(path)
    target = path / "damaged.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            new.writestr(info, b"<worksheet><sheetData><row><c" if info.filename.endswith("sheet2.xml") else data)
    return target


def written(name: str, data: bytes) -> Callable[[Path], Path]:
    def build(path: Path) -> Path:
        target = path / name
        target.write_bytes(data)
        return target

    return build


def zip_of(name: str, entries: dict[str, bytes]) -> Callable[[Path], Path]:
    def build(path: Path) -> Path:
        with zipfile.ZipFile(path / name, "w") as archive:
            for entry, data in entries.items():
                archive.writestr(entry, data)
        return path / name

    return build


def without_plan_sheets(path: Path) -> Path:
    import openpyxl  # noqa: PLC0415

    workbook = openpyxl.Workbook()
    workbook.active.title = "Tabelle1"  # type: ignore[union-attr]
    workbook.active.append(["Einkaufsliste", "Milch"])  # type: ignore[union-attr]
    workbook.save(path / "liste.xlsx")
    return path / "liste.xlsx"


FILE_CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    # name: (builder, words the one message on stderr holds)
    "text file": (written("plan.xlsx", b"Datum;Nr;Faktor\n10.03.2026;2210;2,3\n"), "keine Arbeitsmappe (Excel"),
    "empty file": (written("plan.xlsx", b""), "keine Arbeitsmappe (Excel"),
    "a practice program's text export": (
        written("export.csv", b"Datum;Nr;Faktor\n10.03.2026;2210;2,3\n"),
        "keine Arbeitsmappe (Excel .xlsx oder .xlsm, LibreOffice .ods); bitte in Excel oder LibreOffice öffnen und als .xlsx",
    ),
    "old xls": (written("plan.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)), ".xls wird nicht gelesen"),
    "password-protected": (written("plan.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)), "kennwortgeschützt"),
    "truncated": (truncated, "unvollständig"),
    "zip that is no workbook": (zip_of("plan.xlsx", {"readme.txt": b"hallo"}), "keine Arbeitsmappe (Excel"),
    "damaged sheet XML": (damaged_sheet, "beschädigt"),
    "no plan sheet": (without_plan_sheets, "kein Blatt „Leistungen“"),
    "no readable line": (lambda p: write_workbook(p / "plan.xlsx", [fee(Zahn="99")]), "keine lesbare"),
    "XML entity attack": (lambda p: one_sheet_workbook(p / "bomb.xlsx", [], entity_bomb()), "XML-Entitäten"),
    "a folder": (lambda p: p, "Ordner"),
}


@pytest.mark.parametrize("name", sorted(FILE_CASES))
def test_unreadable_file_gets_one_message_and_exit_2(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build, words = FILE_CASES[name]
    path = build(tmp_path)
    assert main(["estimate", str(path)]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def run_measured(path: Path, *options: str) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run `hkp estimate` on path in a child, with a plan date for rows without one (a one-sheet table has no Patient
    sheet); return the run and its peak memory in MB (its time is a benchmark figure, bench/bench.py, never asserted
    here)."""
    script = (
        "import resource, subprocess, sys\n"
        "run = subprocess.run([sys.executable, '-m', 'estimator.command.cli', 'estimate', sys.argv[1], '--plan-date', '10.03.2026', *sys.argv[2:]], "
        "capture_output=True, text=True)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(run.returncode, peak)\n"
        "sys.stderr.write(run.stderr)\n"
    )
    run = subprocess.run([sys.executable, "-c", script, str(path), *options], capture_output=True, text=True, check=True)
    code, peak = run.stdout.split()
    return subprocess.CompletedProcess(run.args, int(code), "", run.stderr), float(peak)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostile")


def test_workbook_unpacking_to_over_1_gb_is_refused_in_bounded_memory(hostile: Path) -> None:
    path = one_sheet_workbook(hostile / "gross.xlsx", padding(1100))
    assert path.stat().st_size < 20 * 1024 * 1024
    run, peak = run_measured(path)
    assert run.returncode == 2 and "MB" in run.stderr and "Traceback" not in run.stderr
    assert peak < 300, peak


def test_workbook_with_a_million_rows_is_refused_in_bounded_memory(hostile: Path) -> None:
    path = one_sheet_workbook(hostile / "zeilen.xlsx", rows(1_000_000))
    run, peak = run_measured(path)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "zeilen.xlsx, Blatt Leistungen: mehr als 100.000 Zeilen, auch leere mit Formatierung zählen" in run.stderr
    assert "Bitte die leeren Zeilen unter dem Plan löschen" in run.stderr  # the fix when the plan is small
    assert peak < 300, peak


def test_more_than_20000_lines_are_refused(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = one_sheet_workbook(hostile / "gross.xlsx", rows(25_000))
    assert main(["estimate", str(path)]) == 2
    assert "mehr als 20.000 Zeilen mit Inhalt" in capsys.readouterr().err


def test_a_long_plan_in_compact_xml_is_estimated(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = one_sheet_workbook(hostile / "lang.xlsx", rows(2_000))
    assert main(["estimate", str(path), "--plan-date", "10.03.2026"]) == 0
    assert "voraussichtliche Erstattung" in capsys.readouterr().out


@pytest.mark.parametrize(("written", "taken"), [("BM5", None), ("BM7", None), ("bm5-2", "BM5/2"), ("2", "BM5/2"), (None, "")])
def test_a_tariff_that_does_not_exist_stops_the_plan_and_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str | None, taken: str | None
) -> None:
    from tests.estimator.variants import canonical  # noqa: PLC0415

    layout = canonical()
    assert layout.patient is not None
    layout.patient = [[label, written if label == "Tarif" else value] for label, value in layout.patient]
    path = layout.write(tmp_path / "plan.xlsx")
    code = main(["estimate", str(path), "--json", str(tmp_path / "out.json")])
    said = capsys.readouterr().err
    if taken is None:  # never estimated with another tariff: every amount depends on it
        assert code == 2 and not (tmp_path / "out.json").exists()
        assert f"plan.xlsx, Patient!B5 (Tarif): Tarif BM5/0, BM5/1, BM5/2 oder BM5/3 erwartet, „{written}“ gefunden" in said
        assert main(["estimate", str(path), "--tariff", "BM5/2", "--json", str(tmp_path / "out.json")]) == 0  # named instead
        assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["person"]["tariff"] == "BM5/2"
    else:
        assert code == 0 and json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["person"]["tariff"] == (
            taken or "BM5/0"
        )


def test_columns_named_otherwise_are_read_and_a_column_not_read_is_said(tmp_path: Path) -> None:
    from estimator.io.excel import read_plan  # noqa: PLC0415
    from tests.estimator.variants import canonical  # noqa: PLC0415

    plain = read_plan(canonical().write(tmp_path / "vorlage.xlsx"))
    layout = canonical()
    fees = layout.tables[0]
    fees.header = ["Tag", "FDI", "GO", "Nr", "Leistung", "Anz.", "Steig.-Faktor", "Honorar", "Begr.", "Unfall", "Klasse"]
    fees.header.append("Bemerkung")
    renamed = read_plan(layout.write(tmp_path / "export.xlsx"))
    assert renamed.fee_lines == plain.fee_lines
    said = [(f.severity.value, f.column, f.phrase.code.value) for f in renamed.input_findings]
    assert ("info", "L", "input.column_unknown") in said and len(said) == len(plain.input_findings) + 1
    layout = canonical()
    fees = layout.tables[0]
    keep = [i for i, name in enumerate(fees.header) if name not in ("Faktor", "Anzahl")]
    fees.header = [fees.header[i] for i in keep]
    fees.rows = [[row[i] for i in keep] for row in fees.rows]
    dropped = read_plan(layout.write(tmp_path / "ohne.xlsx"))
    missing = {
        f.phrase.get("column"): f.severity.value for f in dropped.input_findings if f.phrase.code.value == "input.column_missing"
    }
    assert missing == {"Anzahl": "warning", "Faktor": "warning"}
    assert {line.factor for line in dropped.fee_lines} == {Decimal("2.3")}


def test_a_sheet_of_lines_without_its_header_stops_the_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.estimator.variants import canonical  # noqa: PLC0415

    layout = canonical()
    layout.tables[0].header = ["Kennung" if name == "Nr" else name for name in layout.tables[0].header]
    path = layout.write(tmp_path / "ohne_nr.xlsx")
    assert main(["estimate", str(path), "--pdf", str(tmp_path / "brief.pdf")]) == 2  # no letter of the lab lines alone
    said = capsys.readouterr().err
    assert "ohne_nr.xlsx, Blatt Leistungen: keine Kopfzeile mit der Spalte „Nr“" in said and not (tmp_path / "brief.pdf").exists()


def test_a_plan_whose_file_name_is_not_utf8_is_read_and_written_about(tmp_path: Path) -> None:
    import os  # noqa: PLC0415

    path = Path(os.fsdecode(bytes(tmp_path) + b"/plan-\xff.xlsx"))  # a name from another system's encoding
    plan_with(tmp_path).rename(path)
    out = tmp_path / "out.json"
    assert main(["estimate", str(path), "--json", str(out), "--pdf", str(tmp_path / "s.pdf")]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["source"].endswith("plan-\ufffd.xlsx")
    assert main(["batch", str(path), "--out", str(tmp_path / "u.xlsx")]) == 0


def test_a_vat_rate_in_a_percent_cell_counts_as_that_percent(tmp_path: Path) -> None:
    """Excel keeps a cell that shows 7 % as 0,07: read as 0,07 %, every lab line came out too low."""
    fraction, percent = tmp_path / "bruch", tmp_path / "prozent"
    fraction.mkdir(), percent.mkdir()
    as_fraction = read_plan(plan_with(fraction, None, lab(MwSt=0.07, Einzelpreis=100)))
    as_percent = read_plan(plan_with(percent, None, lab(MwSt=7, Einzelpreis=100)))
    assert [line.vat_percent for line in as_fraction.lab_lines] == [7, 7]
    assert as_fraction.lab_lines == as_percent.lab_lines
    billed = estimate(as_fraction, load_tariffs()).lines[-1].billed
    assert billed == Decimal("107.00")
