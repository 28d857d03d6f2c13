"""Reading the canonical HKP workbook: values, German text, and a finding with its cell for every bad value."""

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from estimator.cells import PlanReadError, parse_date, parse_decimal
from estimator.io.excel import read_plan
from estimator.kinds import LineClass, Schedule
from estimator.model import Plan
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from estimator.wording import finding_text
from tests.estimator.workbooks import write_workbook

D = Decimal
DAY = dt.datetime(2026, 3, 10)


def test_reads_patient_fee_and_lab_lines(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "plan.xlsx",
        [
            [DAY, "16", "GOZ", "2210", None, 1, 2.3, 217.06, None, None, None],
            [DAY, "16", "GOÄ", "Ä5004", None, 1, 1.8, None, None, "x", "B"],
        ],
        [[DAY, "16", "I111", None, 2, "61,50", "7 %", None, None]],
        patient={"Tarif": "BM5 / 3", "Kooperationszahnarzt": "ja", "Implantate UK": 3},
    )
    plan = read_plan(path)
    assert plan.person.variant == "BM5/3" and plan.person.cooperating and plan.person.implants_lower == 3
    assert plan.plan_date == dt.date(2026, 3, 10)
    crown, x_ray = plan.fee_lines
    assert (crown.number, crown.amount, crown.row) == ("2210", D("217.06"), 2)
    assert (x_ray.schedule, x_ray.number, x_ray.accident, x_ray.manual_class) == (Schedule.GOAE, "5004", True, LineClass.B)
    (implant,) = plan.lab_lines
    assert (implant.code, implant.quantity, implant.unit_price, implant.vat_percent) == ("I 111", D(2), D("61.50"), D(7))
    assert plan.input_findings == ()


def test_fee_number_that_lost_its_leading_zeros(tmp_path: Path) -> None:
    plan = read_plan(write_workbook(tmp_path / "p.xlsx", [[DAY, "16", "GOZ", 90, None, 1, 2.3, None, None, None, None]]))
    assert plan.fee_lines[0].number == "0090"


def test_a_fee_number_typed_with_its_schedules_name_is_read_as_the_number(tmp_path: Path) -> None:
    rows = [
        [DAY, "24", "GOZ", "GOZ 2060", None, 1, 2.3, None, None, None, None],
        [DAY, "24", None, "GOZ-Nr. 0090", None, 1, 2.3, None, None, None, None],
        [DAY, None, None, "GOÄ 5004", None, 1, 1.8, None, None, None, None],
        [DAY, None, "GOÄ", "goae1", None, 1, 2.3, None, None, None, None],
    ]
    plan = read_plan(write_workbook(tmp_path / "p.xlsx", rows))
    read = [(line.schedule, line.number) for line in plan.fee_lines]
    assert read == [(Schedule.GOZ, "2060"), (Schedule.GOZ, "0090"), (Schedule.GOAE, "5004"), (Schedule.GOAE, "1")]
    assert plan.input_findings == ()
    assert all(line.eligible > 0 for line in estimate(plan, load_tariffs()).lines)  # each found in its schedule


def test_a_schedule_typed_before_the_number_in_other_ways_and_against_the_go_column(tmp_path: Path) -> None:
    rows = [
        [DAY, "24", "GOÄ", "GOZ 2060", None, 1, 2.3, None, None, None, None],  # the number's GOZ against the column
        [DAY, "24", None, "GOZ-2060", None, 1, 2.3, None, None, None, None],
        [DAY, None, None, "GOÄ: 5004", None, 1, 1.8, None, None, None, None],
        [DAY, None, None, "GOA\u0308 5004", None, 1, 1.8, None, None, None, None],  # the umlaut as two characters
    ]
    plan = read_plan(write_workbook(tmp_path / "p.xlsx", rows))
    read = [(line.schedule, line.number) for line in plan.fee_lines]
    assert read == [(Schedule.GOZ, "2060"), (Schedule.GOZ, "2060"), (Schedule.GOAE, "5004"), (Schedule.GOAE, "5004")]
    (said,) = plan.input_findings
    assert (
        finding_text(said)
        == "Leistungen!C2 (GO): „GOÄ“, aber die Nummer ist als „GOZ 2060“ angegeben; als GOZ gelesen – bitte prüfen"
    )


def test_bad_tooth_is_a_finding_with_its_cell_and_the_rest_is_read(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "p.xlsx",
        [
            [DAY, "99", "GOZ", "2210", None, 1, 2.3, None, None, None, None],
            [DAY, "16", "GOZ", "2210", None, 1, 2.3, None, None, None, None],
        ],
    )
    plan = read_plan(path)
    assert len(plan.fee_lines) == 1
    problem = next(f for f in plan.input_findings if f.code == "input.cell")
    assert (problem.sheet, problem.row, problem.column) == ("Leistungen", 2, "B")
    assert "Leistungen!B2" in finding_text(problem) and "FDI" in finding_text(problem)
    assert any(f.code == "input.line_skipped" and f.row == 2 for f in plan.input_findings)


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        (5, -1, "Anzahl größer als 0 und höchstens 10.000"),
        (7, "zwölf", "Zahl erwartet"),
        (6, "viel", "Zahl erwartet"),
        (2, "GOX", "GOZ oder GOÄ"),
    ],
)
def test_bad_cells_name_what_was_expected(tmp_path: Path, column: int, value: object, expected: str) -> None:
    row: list[object] = [DAY, "16", "GOZ", "2210", None, 1, 2.3, None, None, None, None]
    row[column] = value
    plan = read_plan(write_workbook(tmp_path / "p.xlsx", [row, [DAY, "17", "GOZ", "2210", None, 1, 2.3, None, None, None, None]]))
    assert len(plan.fee_lines) == 1
    assert any(expected in finding_text(f) for f in plan.input_findings)


def test_total_row_is_skipped_and_said(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "p.xlsx",
        [
            [DAY, "16", "GOZ", "2210", None, 1, 2.3, None, None, None, None],
            [None, None, None, "Summe", None, None, None, 217.06, None, None, None],
        ],
    )
    plan = read_plan(path)
    assert len(plan.fee_lines) == 1
    total = next(f for f in plan.input_findings if f.code == "input.total_row")
    assert (total.row, total.column) == (3, "D")  # the cell that says Summe


def test_not_a_workbook_is_refused_with_one_message(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_text("Name;Nr\n", encoding="utf-8")
    with pytest.raises(PlanReadError, match=r"keine Arbeitsmappe \(Excel"):
        read_plan(path)


def test_old_xls_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    with pytest.raises(PlanReadError, match=r"\.xls"):
        read_plan(path)


def test_workbook_without_plan_sheets_is_refused(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.title = "Tabelle1"  # type: ignore[union-attr]
    workbook.save(tmp_path / "empty.xlsx")
    with pytest.raises(PlanReadError, match="kein Blatt"):
        read_plan(tmp_path / "empty.xlsx")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.234,56", D("1234.56")),
        ("2,3", D("2.3")),
        ("7 %", D(7)),
        ("12,50 €", D("12.50")),
        (61.5, D("61.5")),
        ("1234.5", D("1234.5")),
    ],
)
def test_german_numbers(text: object, value: Decimal) -> None:
    assert parse_decimal(text) == value


def test_german_dates() -> None:
    assert parse_date("31.12.2026") == dt.date(2026, 12, 31)
    assert parse_date(dt.datetime(2026, 1, 2, 0, 0)) == dt.date(2026, 1, 2)
    assert parse_date("2026-05-04") == dt.date(2026, 5, 4)


def test_orthodontics_start_is_read_from_the_patient_sheet(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "p.xlsx",
        [[DAY, "OK", "GOZ", "6030", None, 1, 2.3, None, None, None, None]],
        patient={"KFO-Behandlungsbeginn:": "01.09.2025", "Geburtsdatum": dt.datetime(2007, 3, 1)},
    )
    plan = read_plan(path)
    assert plan.person.orthodontics_start == dt.date(2025, 9, 1)
    assert plan.patient_cells["KFO-Behandlungsbeginn"].startswith("B")


def test_leistungen_sheet_whose_go_column_marks_lab_rows_keeps_them_beside_a_patient_sheet(tmp_path: Path) -> None:
    header = ["Datum", "Zahn", "GO", "Nr", "Leistung", "Anzahl", "Faktor", "E-Preis", "MwSt", "Betrag"]
    path = write_workbook(
        tmp_path / "p.xlsx",
        [
            [DAY, "16", "GOZ", "2210", None, 1, 2.3, None, None, 217.06],
            [DAY, "16", "Labor", "0344", "Vollkrone", 1, None, "61,50", 7, None],
            [DAY, "16", "BEB", "1", "Modell", 2, None, 5.70, None, None],
            [DAY, "16", "Material", "0602", None, 1, None, 78.60, None, None],
        ],
        fee_header=header,
    )
    plan = read_plan(path)
    assert [line.number for line in plan.fee_lines] == ["2210"]
    assert [(line.code, line.quantity, line.unit_price) for line in plan.lab_lines] == [
        ("0344", D(1), D("61.50")),
        ("0001", D(2), D("5.70")),
        ("0602", D(1), D("78.60")),
    ]
    assert [line.sheet for line in plan.lab_lines] == ["Leistungen"] * 3
    assert not [f for f in plan.input_findings if f.severity.value == "error"]


def _renamed(path: Path, names: dict[str, str], copy: str = "", extra: str = "") -> Path:
    """The workbook with its sheets renamed, one copied under another name, or a sheet of notes added."""
    workbook = openpyxl.load_workbook(path)
    for old, new in names.items():
        workbook[old].title = new
    if copy:
        workbook.copy_worksheet(workbook[copy]).title = "Kopie"
    if extra:
        workbook.create_sheet(extra).append(["Zahnarzt anrufen wegen Termin"])
    workbook.save(path)
    return path


def _codes_at(plan: Plan) -> list[tuple[str, str, str]]:
    return [(f.code, f.sheet, f.severity.value) for f in plan.input_findings]


def test_a_fee_sheet_named_otherwise_is_read_by_its_header_beside_the_lab_sheet(tmp_path: Path) -> None:
    fees = [[DAY, "16", "GOZ", "2210", None, 1, 2.3, 217.06]]
    path = _renamed(write_workbook(tmp_path / "p.xlsx", fees, [[DAY, "16", "0344", None, 1, 61.5]]), {"Leistungen": "HKP"})
    plan = read_plan(path)
    assert [(line.number, line.sheet) for line in plan.fee_lines] == [("2210", "HKP")]
    assert [line.code for line in plan.lab_lines] == ["0344"]
    assert ("input.sheet_by_header", "HKP", "info") in _codes_at(plan)


def test_a_lab_sheet_named_otherwise_is_read_by_its_header(tmp_path: Path) -> None:
    labs = [[DAY, "16", "0344", None, 1, 61.5], [DAY, "16", "0602", None, 1, 78.6]]
    path = write_workbook(tmp_path / "p.xlsx", [[DAY, "16", "GOZ", "2210", None, 1, 2.3, 217.06]], labs)
    plan = read_plan(_renamed(path, {"Labor": "Material- und Laborkosten"}))
    assert [(line.code, line.sheet) for line in plan.lab_lines] == [
        ("0344", "Material- und Laborkosten"),
        ("0602", "Material- und Laborkosten"),
    ]
    said = [finding_text(f) for f in plan.input_findings]
    assert "Blatt Material- und Laborkosten als Labor gelesen (erkannt an seiner Kopfzeile)" in said


def test_a_lab_row_with_its_amount_but_no_unit_price_counts_with_the_price_the_amount_stands_for(tmp_path: Path) -> None:
    fees = [[DAY, "16", "GOZ", "2210", None, 1, 2.3, 217.06]]
    labs = [[DAY, "16", "0344", None, 1, None, None, 333.33], [DAY, "17", "0344", None, 2, None, 19, 146.37]]
    plan = read_plan(write_workbook(tmp_path / "p.xlsx", fees, labs))
    assert [(line.unit_price, line.amount) for line in plan.lab_lines] == [(D("311.52"), D("333.33")), (D("61.50"), D("146.37"))]
    said = [finding_text(f) for f in plan.input_findings if f.code == "input.unit_price_derived"]
    assert said[0] == (
        "Labor!F2 (Einzelpreis): Einzelpreis aus dem Betrag 333,33\u00a0€ abgeleitet: 311,52\u00a0€ je Einheit netto "
        "(bei 7 % MwSt); bitte prüfen"
    )
    assert not plan.left_out and len(said) == 2


def test_a_price_list_before_the_lab_sheet_is_no_table_of_the_plan(tmp_path: Path) -> None:
    fees = [[DAY, "16", "GOZ", "2210", None, 1, 2.3, 217.06]]
    path = write_workbook(tmp_path / "p.xlsx", fees, [[DAY, "16", "0344", None, 1, 61.5]])
    workbook = openpyxl.load_workbook(path)
    workbook["Labor"].title = "Material- und Laborkosten"
    prices = workbook.create_sheet("BEL-Preise", 2)  # before the lab sheet: Nr, text and price, nothing billed
    for row in (["Nr", "Bezeichnung", "Preis"], ["0001", "Modell", 5.70], ["0344", "Vollkrone", 61.50]):
        prices.append(row)
    workbook.save(path)
    plan = read_plan(path)
    assert [(line.code, line.sheet) for line in plan.lab_lines] == [("0344", "Material- und Laborkosten")]
    assert ("input.sheet_no_table", "BEL-Preise", "info") in _codes_at(plan)


def test_a_second_table_of_one_kind_is_said_not_read_and_a_sheet_of_notes_is_named(tmp_path: Path) -> None:
    fees = [[DAY, "16", "GOZ", "2210", None, 1, 2.3, 217.06]]
    path = _renamed(write_workbook(tmp_path / "p.xlsx", fees), {}, copy="Leistungen", extra="Notizen")
    plan = read_plan(path)
    assert len(plan.fee_lines) == 1  # the copy is not counted twice
    assert ("input.sheet_not_read", "Kopie", "warning") in _codes_at(plan)
    assert ("input.sheet_no_table", "Notizen", "info") in _codes_at(plan)


def test_patient_labels_as_practices_write_them_are_read_and_an_unknown_one_is_said(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "p.xlsx", [[DAY, "16", "GOZ", "2210", None, 1, 2.3, 217.06]])
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Patient"]
    for row, label in ((1, "Patientenname"), (2, "Geb.-Datum:"), (3, "Vers.-Nr.")):
        sheet.cell(row, 1).value = label
    sheet.append(["Krankenkasse", "DKV"])
    workbook.save(path)
    plan = read_plan(path)
    person = plan.person
    assert (person.name, person.birth_date, person.insurance_number) == ("Erika Mustermann", dt.date(1975, 6, 15), "A123456789")
    [unknown] = [f for f in plan.input_findings if f.code == "input.patient_label"]
    assert (unknown.row, unknown.column, unknown.severity.value) == (sheet.max_row, "A", "warning")
    assert finding_text(unknown).startswith(f"Patient!A{sheet.max_row}: Angabe „Krankenkasse“ nicht erkannt")


def test_a_missing_birth_date_says_that_the_adults_deductible_is_applied(tmp_path: Path) -> None:
    fees = [[DAY, "16", "GOZ", "2210", None, 1, 2.3, 217.06]]
    without = estimate(read_plan(write_workbook(tmp_path / "p.xlsx", fees, patient={"Geburtsdatum": None})), load_tariffs())
    [said] = [f for f in without.findings if f.code == "person.no_birth_date"]
    assert (said.severity.value, said.sheet) == ("warning", "Patient")
    with_date = estimate(read_plan(write_workbook(tmp_path / "q.xlsx", fees)), load_tariffs())
    assert "person.no_birth_date" not in [f.code for f in with_date.findings]


def test_a_note_between_the_lines_is_said_as_one_not_as_a_line_left_out(tmp_path: Path) -> None:
    fees = [
        [DAY, "16", "GOZ", "2210", None, 1, 2.3, 217.06],
        ["Hinweis: Implantat nach Einheilung, Krone folgt im HKP II"],  # under Datum
        [None, None, None, None, "Vollkrone ohne Nummer"],  # under Leistung: a line whose number is missing
    ]
    plan = read_plan(write_workbook(tmp_path / "p.xlsx", fees))
    assert [(f.code, f.row, f.severity.value) for f in plan.input_findings if f.row == 3] == [("input.comment_row", 3, "info")]
    assert finding_text(plan.input_findings[0]) == (
        "Leistungen!A3: Anmerkung übersprungen, keine Leistung („Hinweis: Implantat nach Einheilung, Krone folgt im HKP II“)"
    )
    assert [left.row for left in plan.left_out] == [4]  # the text under Leistung is left out, to be corrected


def test_an_empty_factor_that_computes_the_amount_is_said_and_a_description_column_named_so_is_read(tmp_path: Path) -> None:
    header = ["Datum", "Zahn", "GO", "Nr", "Leistungsbeschreibung", "Anzahl", "Faktor", "Betrag"]
    fees = [[DAY, "16", "GOZ", "2210", "Krone", 1, None, None], [DAY, "17", "GOZ", "2210", "Krone", 1, None, 217.06]]
    plan = read_plan(write_workbook(tmp_path / "p.xlsx", fees, fee_header=header))
    assert [line.description for line in plan.fee_lines] == ["Krone", "Krone"]
    assumed = [f for f in plan.input_findings if f.code == "input.factor_assumed"]
    assert [(f.row, f.column, f.severity.value) for f in assumed] == [(2, "G", "info")]  # the second has its amount
    assert finding_text(assumed[0]) == "Leistungen!G2 (Faktor): leer, der Betrag ist mit Faktor 2,3 berechnet – bitte prüfen"


def test_patient_value_that_is_a_formula_without_result_is_a_finding_not_a_name(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "p.xlsx", [[DAY, "16", "GOZ", "2210", None, 1, 2.3, None, None, None, None]], patient={"Name": '=A1&"x"'}
    )
    plan = read_plan(path)
    assert plan.person.name == ""
    problem = next(f for f in plan.input_findings if f.code == "input.formula")
    assert problem.sheet == "Patient" and "Patient!B1 (Name)" in finding_text(problem)


def test_a_lab_row_of_a_one_sheet_table_without_its_amount_names_the_amount_cell(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "HKP"
    sheet.append(["Datum", "Zahn", "GO", "Gebührennummer", "Bezeichnung", "Anz.", "Steigerungsfaktor", "Betrag EUR"])
    sheet.append(["10.03.2026", "16", "GOZ", "2210", "Krone", 1, "2,3", "217,06"])
    sheet.append(["10.03.2026", "16", "BEB", "0001", "Modell", 2, None, None])
    sheet.append(["10.03.2026", "16", "BEB", "0002", "Modell", "zwei", None, "30,00"])  # an amount, a bad count
    workbook.save(tmp_path / "hkp.xlsx")
    plan = read_plan(tmp_path / "hkp.xlsx")
    assert [f.column for f in plan.input_findings if f.row == 4 and f.column] == ["F"]  # the count, not the amount
    (missing,) = [f for f in plan.input_findings if f.row == 3 and f.column]
    assert missing.column == "H"  # the row's amount, the one cell of the table that can give its price
    assert finding_text(missing).startswith("HKP!H3 (Betrag): Betrag der Laborzeile fehlt")
    assert [line.number for line in plan.fee_lines] == ["2210"]


@pytest.mark.parametrize("streamed", [False, True])
def test_a_workbook_counting_days_from_1904_gives_a_plain_number_its_day(
    tmp_path: Path, streamed: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # an older Excel for the Mac counts from 1904: 44629 without a date format is 10.03.2026 there, and was read as
    # 09.03.2022 – before the insurance began, the benefit halved
    from openpyxl.utils.datetime import CALENDAR_MAC_1904  # noqa: PLC0415

    from estimator.io import excel, sheets  # noqa: PLC0415

    crown = ["16", "GOZ", "2210", "Krone", 1, 2.3, 217.06, None, None, None]
    bad = [44630, *crown[:5], "zwei", *crown[6:]]  # a row left out keeps its day in words, counted as the sheet counts
    rows = [[44629, *crown], [dt.date(2026, 3, 11), *crown], bad]  # a date cell too
    path = write_workbook(tmp_path / "mac.xlsx", rows, patient={"Geburtsdatum": 26098})  # 15.06.1975 counted from 1904
    book = openpyxl.load_workbook(path)
    book.epoch = CALENDAR_MAC_1904
    book.save(path)
    assert sheets.open_workbook(path, streamed)["leistungen"].from_1904
    monkeypatch.setattr(excel, "open_workbook", lambda p: sheets.open_workbook(p, streamed))
    plan = read_plan(path)
    assert [line.date for line in plan.fee_lines] == [dt.date(2026, 3, 10), dt.date(2026, 3, 11)]
    assert plan.person.birth_date == dt.date(1975, 6, 15)
    assert dict(plan.left_out[0].cells)["Datum"] == "11.03.2026"
