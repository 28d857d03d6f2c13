"""What real exports hold beside the template's layout: a running position column, a title row above the lab
table, a formula whose saved result is empty, a value beside a merged label, a tooth list German spreadsheets read
as a number, a GOÄ number without its GO – each read as meant, or said where it is not."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl

from estimator.io.excel import read_plan
from estimator.kinds import Schedule, Severity
from estimator.model import Plan
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from estimator.wording import finding_text
from tests.estimator.test_import_broken import GOOD_FEE, GOOD_LAB, fee
from tests.estimator.workbooks import FEE_HEADER, LAB_HEADER, PATIENT, write_workbook

DAY = dt.datetime(2026, 3, 10)


def said(plan: Plan, code: str) -> list[str]:
    return [finding_text(f) for f in plan.input_findings if f.code == code]


def test_a_running_position_column_beside_the_number_column_is_not_read_as_the_number(tmp_path: Path) -> None:
    fees = [[1, *GOOD_FEE], [2, *fee(Nr="2197", Leistung="Adhäsive Befestigung")]]
    labs = [[1, *GOOD_LAB], [2, *GOOD_LAB[:2], "0602", "Verblendung", 1, 78.6, 7, None, None]]
    lab_header = ["Pos", *LAB_HEADER[:2], "BEB-Nr", *LAB_HEADER[3:]]
    path = write_workbook(tmp_path / "p.xlsx", fees, labs, fee_header=["Pos", *FEE_HEADER], lab_header=lab_header)
    plan = read_plan(path)
    assert [line.number for line in plan.fee_lines] == ["2210", "2197"]
    assert [line.code for line in plan.lab_lines] == ["0344", "0602"]
    assert said(plan, "input.column_twice") == [
        "Leistungen!A1: Spalte „Pos“ nicht gelesen: als „Nr“ gilt Spalte E („Nr“); bitte prüfen, ob das die richtige ist",
        "Labor!A1: Spalte „Pos“ nicht gelesen: als „Nr“ gilt Spalte D („BEB-Nr“); bitte prüfen, ob das die richtige ist",
    ]
    numbered = write_workbook(
        tmp_path / "n.xlsx", [[1, *GOOD_FEE]], fee_header=["Nr.", *FEE_HEADER[:3], "Ziffer", *FEE_HEADER[4:]]
    )
    assert [line.number for line in read_plan(numbered).fee_lines] == ["2210"]  # „Ziffer“ says it better than „Nr.“


def test_a_title_row_above_the_lab_table_is_not_taken_for_its_header(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "p.xlsx", [GOOD_FEE], [])
    book = openpyxl.load_workbook(path)
    labor = book["Labor"]
    labor.delete_rows(1)
    labor.append(["Dentallabor Müller GmbH"])
    labor.append(["Patient:", "Mustermann", "Nr.", 4711, "Datum:", DAY])
    labor.append([])
    labor.append(LAB_HEADER)
    labor.append(GOOD_LAB)
    book.save(path)
    plan = read_plan(path)
    assert [(line.code, line.unit_price, line.row) for line in plan.lab_lines] == [("0344", Decimal("61.5"), 5)]
    assert plan.left_out == ()


def test_a_lab_table_without_a_price_column_is_said_and_its_rows_are_named(tmp_path: Path) -> None:
    header = [name for name in LAB_HEADER if name != "Einzelpreis"]
    rows = [[DAY, "16", "0344", "Vollkrone", 1, 7, 65.81, None], [DAY, "16", "0602", "Verblendung", 1, 7, None, None]]
    plan = read_plan(write_workbook(tmp_path / "p.xlsx", [GOOD_FEE], rows, lab_header=header))
    assert said(plan, "input.price_column_missing") == [
        "Blatt Labor: keine Spalte „Einzelpreis“; der Einzelpreis jeder Zeile wird aus ihrem Betrag abgeleitet, eine "
        "Zeile ohne Betrag bleibt ungelesen – bitte die Spalte ergänzen (hkp template)"
    ]
    assert [line.unit_price for line in plan.lab_lines] == [Decimal("61.50")]
    assert said(plan, "input.missing_value")[0].startswith("Labor!G3 (Betrag): Betrag der Laborzeile fehlt")  # its cell


def _with_empty_text_results(path: Path, cells: dict[str, str]) -> None:
    """Give formula cells the form Excel and LibreOffice save a formula with an empty text result in."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet2.xml"
    xml = parts[sheet].decode()
    for cell, formula in cells.items():
        xml, count = re.subn(
            rf'<c r="{cell}"[^>]*>.*?</c>', f'<c r="{cell}" t="str"><f>{formula}</f><v></v></c>', xml, flags=re.S
        )
        assert count == 1
    parts[sheet] = xml.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_a_formula_whose_saved_result_is_empty_text_is_an_empty_cell_not_a_missing_result(tmp_path: Path) -> None:
    rows = [fee(Begründung="x"), [None] * 7 + ["y"]]
    path = write_workbook(tmp_path / "p.xlsx", rows)
    _with_empty_text_results(path, {"I2": 'IF(G2&gt;2.3,"erhöhter Aufwand","")', "H3": 'IF(D3="","",F3*100)'})
    plan = read_plan(path)
    assert [(line.number, line.justification) for line in plan.fee_lines] == [("2210", "")]
    assert plan.left_out == () and not [f for f in plan.input_findings if f.severity is Severity.ERROR]
    uncached = write_workbook(tmp_path / "u.xlsx", [GOOD_FEE, fee(Begründung="=IF(G3>2.3,1,0)")])  # no result saved
    assert said(read_plan(uncached), "input.formula")


def test_a_patient_value_beside_a_merged_label_is_read_and_said(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "p.xlsx", [fee(Zahn="14-17", Anzahl=4)], patient={"Versicherungsbeginn": dt.datetime(2026, 1, 1)}
    )
    book = openpyxl.load_workbook(path)
    patient = book["Patient"]
    patient.append(["Bisherige ZE-Erstattung Jahr 1", None, 900])
    patient.merge_cells(f"A{patient.max_row}:B{patient.max_row}")
    patient.append(["Tarif", "BM5/1"])
    book.save(path)
    plan = read_plan(path)
    assert plan.person.prior_class_a == (Decimal(900),) and plan.person.variant == "BM5/1"
    assert said(plan, "input.patient_column") == [
        "Patient!C10: „Bisherige ZE-Erstattung Jahr 1“ steht nicht in Spalte B; von hier gelesen – bitte in Spalte B eintragen"
    ]
    assert said(plan, "input.patient_twice") == [
        "Patient!B11: „Tarif“ steht zweimal (auch Patient!B5); dieser letzte Wert gilt – bitte einen löschen"
    ]
    assert estimate(plan, load_tariffs()).totals.benefit == Decimal("100.00")  # the cap's 1.000 € less the 900 €


def test_a_tooth_list_a_german_spreadsheet_keeps_as_a_number_is_two_teeth(tmp_path: Path) -> None:
    plan = read_plan(write_workbook(tmp_path / "p.xlsx", [fee(Zahn=14.15, Anzahl=2), fee(Zahn=16.5)]))
    assert [sorted(line.teeth.teeth) for line in plan.fee_lines] == [[14, 15]]
    assert said(plan, "input.cell") == [
        "Leistungen!B3 (Zahn): „16,5“ ist keine FDI-Zahnnummer (erwartet 11–18, 21–28, "
        "31–38, 41–48 oder Milchzähne 51–55, 61–65, 71–75, 81–85; auch als Bereich „13-23“, Kiefer „OK“, Quadrant „Q1“ "
        "oder mit Flächen „16 mod“)"
    ]


def test_a_goae_number_written_with_its_mark_is_goae_without_a_go_and_against_a_go_saying_goz(tmp_path: Path) -> None:
    rows = [fee(GO=None, Nr="Ä5004", Faktor=1.8), fee(GO="GOZ", Nr="Ä 5004", Faktor=1.8), fee(GO=None, Nr="2210")]
    plan = read_plan(write_workbook(tmp_path / "p.xlsx", rows))
    assert [(line.schedule, line.number) for line in plan.fee_lines] == [
        (Schedule.GOAE, "5004"),
        (Schedule.GOAE, "5004"),
        (Schedule.GOZ, "2210"),
    ]
    assert said(plan, "input.goae_by_number") == [
        "Leistungen!C3 (GO): „GOZ“, aber „Ä 5004“ ist eine Nummer der GOÄ; als GOÄ gelesen – bitte prüfen"
    ]


def test_a_line_whose_text_begins_like_a_total_word_is_left_out_as_a_line_not_skipped_as_a_total(tmp_path: Path) -> None:
    rows: list[list[Any]] = [GOOD_FEE, fee(Zahn="OK", GO=None, Nr=None, Leistung="Totalprothese OK", Betrag=650)]
    rows += [[None] * 4 + ["Gesamtbetrag"] + [None] * 2 + [867.06], [None] * 4 + ["Gesamthonorar:"] + [None] * 2 + [867.06]]
    plan = read_plan(write_workbook(tmp_path / "p.xlsx", rows))
    assert [line.row for line in plan.left_out] == [3]
    assert said(plan, "input.total_row") == ["Leistungen!E4: Summenzeile übersprungen", "Leistungen!E5: Summenzeile übersprungen"]


def test_empty_rows_between_lines_and_a_repeated_header_are_skipped_and_said(tmp_path: Path) -> None:
    rows: list[list[Any]] = [GOOD_FEE, [], [], FEE_HEADER, fee(Zahn="15"), []]
    plan = read_plan(write_workbook(tmp_path / "p.xlsx", rows))
    assert [line.row for line in plan.fee_lines] == [2, 6]
    assert said(plan, "input.empty_rows") == ["Blatt Leistungen: 2 leere Zeilen übersprungen (Zeile 3, 4)"]
    assert said(plan, "input.header_again") == ["Leistungen!D5: Kopfzeile wiederholt; übersprungen"]
    assert PATIENT["Tarif"] == plan.person.variant


def test_a_date_merged_down_over_three_lines_is_each_lines_date(tmp_path: Path) -> None:
    later = dt.datetime(2027, 1, 15)
    rows = [fee(Datum=later, Zahn="16"), fee(Datum=None, Zahn="15"), fee(Datum=None, Zahn="14")]
    path = write_workbook(tmp_path / "p.xlsx", rows)
    book = openpyxl.load_workbook(path)
    book["Leistungen"].merge_cells("A2:A4")
    book.save(path)
    assert [line.date for line in read_plan(path).fee_lines] == [later.date()] * 3  # not the plan date 10.03.2026


def test_a_note_beside_an_empty_patient_value_is_no_value(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "p.xlsx", [GOOD_FEE])
    book = openpyxl.load_workbook(path)
    book["Patient"].append(["KFO-Behandlungsbeginn", None, "nur bei laufender KFO"])
    book["Patient"].append(["Selbstbehalt verbraucht", None, "EUR"])
    book.save(path)
    plan = read_plan(path)
    assert plan.person.orthodontics_start is None and plan.person.deductible_used == 0
    assert not [f for f in plan.input_findings if f.sheet == "Patient" and f.severity is Severity.ERROR]
    book["Patient"].append(["Versicherungsnummer", None, "B 987654"])  # a text beside its merged label: read, said
    book.save(path)
    assert read_plan(path).person.insurance_number == "B 987654"


def test_the_header_search_ends_at_the_first_line_below_the_header(tmp_path: Path, monkeypatch: Any) -> None:
    from estimator.io import sheetroles  # noqa: PLC0415 - its header_mapping is counted

    compared: list[tuple[object, ...]] = []
    original = sheetroles.header_mapping

    def counted(values: tuple[object, ...], columns: dict[str, tuple[str, ...]]) -> dict[str, int]:
        compared.append(values)
        return original(values, columns)

    monkeypatch.setattr(sheetroles, "header_mapping", counted)
    path = write_workbook(tmp_path / "p.xlsx", [GOOD_FEE] * 30, [GOOD_LAB] * 30)
    plan = read_plan(path)
    assert (len(plan.fee_lines), len(plan.lab_lines)) == (30, 30)
    assert len(compared) == 4  # each sheet: its header and its first line, not the twenty rows a title may take


DAY = dt.datetime(2026, 3, 10)
GO_TABLE = (  # a one-sheet export whose GO column marks each row's kind, with one crown
    ["GO", "Datum", "Nr", "Leistung", "Zahn", "Anzahl", "Faktor", "Betrag"],
    ["GOZ", DAY, "2210", "Vollkrone", "16", 1, 2.3, 217.06],
)


def table(path: Path, title: str, rows: Any) -> Path:
    """A workbook of one sheet with these rows."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_a_price_column_beside_fee_lines_without_an_amount_column_is_said_not_read(tmp_path: Path) -> None:
    table(
        (tmp_path / "preis.xlsx"),
        "Leistungen",
        (
            ["GOZ-Nr.", "Zahn", "Leistung", "Anzahl", "Faktor", "Preis"],
            ["2210", "16", "Vollkrone", 1, 2.3, "300,00 €"],
            ["0090", "15,16", "Anästhesie", 2, 2.3, "20,00 €"],
        ),
    )
    plan = read_plan(tmp_path / "preis.xlsx")
    assert len(plan.fee_lines) == 2  # computed from number, factor and count, as before
    said = [finding_text(f) for f in plan.input_findings if f.code == "input.fee_price_not_read"]
    assert said == [
        f"Leistungen!F{row} (Einzelpreis): für eine Leistung nicht gelesen, ihr Betrag ist aus Nummer, Faktor und Anzahl "
        "berechnet – soll der Wert der Zelle gelten, die Spalte „Betrag“ nennen"
        for row in (2, 3)
    ]


def test_total_rows_as_practice_software_writes_them_are_no_lines(tmp_path: Path) -> None:
    table(
        (tmp_path / "summen.xlsx"),
        "HKP",
        (
            *GO_TABLE,
            ["Material", DAY, None, "Abformmaterial", "16", 1, None, "12,50 €"],
            ["Materialkosten gesamt", None, None, None, None, None, None, "12,50 €"],  # in the GO column
            [None, None, None, "Honorar gesamt", None, None, None, 217.06],
            [None, None, None, "Rechnungsbetrag", None, None, None, 229.56],
            [None, None, None, "Voraussichtliche Gesamtkosten", None, None, None, 229.56],
        ),
    )
    plan = read_plan(tmp_path / "summen.xlsx")
    assert [line.number for line in plan.fee_lines] == ["2210"] and len(plan.lab_lines) == 1  # the material line
    assert plan.left_out == () and [f.row for f in plan.input_findings if f.code == "input.total_row"] == [4, 5, 6, 7]


def test_headers_of_practice_software_are_read_as_their_columns(tmp_path: Path) -> None:
    day = dt.datetime(2026, 3, 10)
    book = openpyxl.Workbook()
    fees = book.active
    fees.title = "Leistungen"
    fees.append(["Datum", "Zahn", "Gebühren-Nr.", "Leistung", "Anzahl", "Steig.-Satz", "Betrag in €"])
    fees.append([day, "16", "2210", "Vollkrone", 1, 3.5, "300,00"])
    labs = book.create_sheet("Labor")
    labs.append(["Datum", "Zahn", "BEL-Nr.", "Bezeichnung", "Menge", "Einzelpreis"])
    labs.append([day, "16", "0344", "Vollkrone Metall", 1, 61.5])
    book.save(tmp_path / "praxis.xlsx")
    plan = read_plan(tmp_path / "praxis.xlsx")
    (crown,) = plan.fee_lines
    assert (crown.number, crown.factor, crown.amount) == ("2210", Decimal("3.5"), Decimal("300.00"))
    assert [lab.code for lab in plan.lab_lines] == ["0344"]


def test_a_line_whose_text_ends_in_a_total_word_stays_a_line(tmp_path: Path) -> None:
    table(
        (tmp_path / "gesamt.xlsx"),
        "HKP",
        (
            *GO_TABLE,
            ["Material", DAY, None, "Abformmaterial gesamt", "16", 1, None, "12,50 €"],  # a material line
            ["GOZ", DAY, None, "Brücke, Kiefer gesamt", "14-16", 1, 2.3, "512,50 €"],  # a line without its number
        ),
    )
    plan = read_plan(tmp_path / "gesamt.xlsx")
    assert [lab.amount for lab in plan.lab_lines] == [Decimal("12.50")]
    assert [(left.sheet, left.row) for left in plan.left_out] == [("HKP", 4)]  # left out and said, not skipped as a total


def test_a_material_line_named_by_a_long_go_text_is_left_out_at_its_cell_and_the_case_opens_again(tmp_path: Path) -> None:
    from estimator.io.casefile import load_case, open_case, save_case  # noqa: PLC0415

    table(
        (tmp_path / "material.xlsx"),
        "HKP",
        (
            *GO_TABLE,
            ["Material Implantatsystem Premium", DAY, None, "Schraube", "16", 1, None, "12,50 €"],
        ),
    )
    case = open_case(tmp_path / "material.xlsx")
    assert [(left.sheet, left.row) for left in case.plan().left_out] == [("HKP", 3)]
    assert any(f.code == "input.cell" and f.column == "A" and f.row == 3 for f in case.plan().input_findings)
    save_case(case, tmp_path / "fall.hkp.json")
    assert load_case(tmp_path / "fall.hkp.json").plan() == case.plan()


def test_a_price_formula_without_a_saved_result_beside_fee_lines_costs_no_line(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Leistungen"
    sheet.append(["Datum", "GOZ-Nr.", "Zahn", "Leistung", "Anzahl", "Faktor", "Preis"])
    sheet.append([dt.datetime(2026, 3, 10), "2210", "16", "Vollkrone", 1, 2.3, "=F2*100"])  # openpyxl saves no result
    book.save(tmp_path / "formel.xlsx")
    assert [line.number for line in read_plan(tmp_path / "formel.xlsx").fee_lines] == ["2210"]


def lab_table_below_the_fees(path: Path, lab_header: list[str]) -> Path:
    """One sheet „HKP“ as printed plans lay it out: the fees, a title, the lab table with its own header."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "HKP"
    sheet.append(["Datum", "Zahn", "GOZ-Nr.", "Leistung", "Anzahl", "Faktor", "Betrag"])
    sheet.append([DAY, "16", "2210", "Vollkrone", 1, 2.3, 217.06])
    sheet.append([])
    sheet.append(["Material- und Laborkosten"])
    sheet.append(lab_header)
    sheet.append([DAY, "16", "0010", "Modell", 2, 7.76, 16.61])
    sheet.append([DAY, "16", "0344", "Vollkrone NEM", 1, 180.0, 192.6])
    patient = book.create_sheet("Patient")
    for row in PATIENT:
        patient.append(list(row))
    book.save(path)
    return path


def test_a_lab_table_with_its_own_header_below_the_fees_is_read_as_lab_lines(tmp_path: Path) -> None:
    """Its rows were fee lines before: BEL 0010 „Modell“ became GOZ 0010 at a factor of 7,76, paid as prevention."""
    path = lab_table_below_the_fees(
        tmp_path / "p.xlsx", ["Datum", "Zahn", "BEL-Nr.", "Leistung", "Menge", "Einzelpreis", "Betrag"]
    )
    plan = read_plan(path)
    assert [line.number for line in plan.fee_lines] == ["2210"]
    assert [(line.code, line.quantity, line.unit_price, line.row) for line in plan.lab_lines] == [
        ("0010", 2, Decimal("7.76"), 6),
        ("0344", 1, Decimal("180.00"), 7),
    ]
    assert not plan.left_out and not [f for f in plan.input_findings if f.severity is Severity.ERROR]
    assert said(plan, "input.lab_table_below") == [
        "HKP!C5: Kopfzeile einer Labortabelle; die Zeilen darunter als Laborzeilen gelesen"
    ]
    result = estimate(plan, load_tariffs())
    assert [(r.kind, r.line_class.value) for r in result.lines] == [("fee", "A"), ("lab", "A"), ("lab", "A")]


def test_a_text_row_below_the_fees_that_names_no_unit_price_is_no_lab_header(tmp_path: Path) -> None:
    path = lab_table_below_the_fees(tmp_path / "p.xlsx", ["Datum", "Zahn", "Nr", "Leistung", "Anzahl"])
    plan = read_plan(path)
    assert said(plan, "input.lab_table_below") == [] and not plan.lab_lines
