"""Plans as practice software and staff lay them out, each read as a person reads the sheet: the person's details
above the table or on a sheet named otherwise, headers of the practice's own words, a lab table with net amounts
and a row of VAT below the fees, headings and carried totals between the lines."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from estimator.cells import PlanReadError
from estimator.io.excel import read_plan
from estimator.io.workbook import write_workbook
from estimator.kinds import Schedule, Severity
from estimator.model import Plan
from estimator.output.jsonout import estimate_json
from estimator.output.pdf import build_pdf
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from estimator.wording import finding_text
from tests.estimator.test_pdf import ISSUED, pdf_text


def book(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def person_read(plan: Plan) -> tuple[object, ...]:
    person = plan.person
    return person.variant, person.birth_date, person.insurance_start, plan.plan_date


def codes(plan: Plan) -> list[str]:
    return [f.code for f in plan.input_findings]


def said(plan: Plan, code: str) -> list[str]:
    return [finding_text(f) for f in plan.input_findings if f.code == code]


DS_WIN = [
    ["Heil- und Kostenplan – Privatleistungen nach GOZ"],
    ["Praxis Dr. med. dent. Anna Schulz · Hauptstr. 12 · 50667 Köln"],
    [],
    ["Patient:", "Müller, Hans"],
    ["Geb.-Datum:", "12.04.1968"],
    ["Tarif:", "DKV BestMed BM5/2"],
    ["Vers.-Nr.:", "K987654321"],
    ["Planungsdatum:", "10.03.26"],
    ["Versicherungsbeginn:", "01.07.2022"],
    [],
    ["Datum", "Zahn/Region", "Geb.-Nr.", "Leistungsbeschreibung", "Anz.", "Faktor", "Honorar €"],
    ["Honorar"],
    ["10.03.26", None, "0010", "Eingehende Untersuchung", 1, 2.3, 12.94],
    ["10.03.26", 46, "2210", "Vollkrone Hohlkehl/Stufe", 1, 2.3, 217.06],
    ["10.03.26", None, "Ä5004", "OPG", 1, 1.8, 41.97],
    ["Summe Honorar", None, None, None, None, None, 271.97],
    [],
    ["Material- und Laborkosten"],
    ["Datum", "Zahn", "BEL-Nr.", "Bezeichnung", "Menge", "Einzelpreis", "Betrag"],
    ["10.03.26", 46, "0001", "Modell Hartgips", 2, 5.70, 11.40],
    ["10.03.26", 46, "0344", "Vollkrone Metall", 1, 61.50, 61.50],
    ["Summe Material- und Laborkosten", None, None, None, None, None, 72.90],
    ["zzgl. 7 % MwSt", None, None, None, None, None, 5.11],  # 0,80 + 4,31: each line's VAT in cents
    ["Gesamtsumme", None, None, None, None, None, 349.98],
]


def test_a_one_sheet_export_with_the_person_above_and_net_lab_amounts_reads_to_the_sheets_total(tmp_path: Path) -> None:
    """Before: no person (the default tariff without a deductible, no birth date), the heading „Honorar“ and the
    VAT row as lines left out, the lab lines at their net amounts – 5,11 € short of the sheet's Gesamtsumme."""
    plan = read_plan(book(tmp_path / "hkp.xlsx", {"HKP": DS_WIN}))
    person = plan.person
    assert (person.name, person.variant, person.birth_date, person.insurance_start, plan.plan_date) == (
        "Müller, Hans",
        "BM5/2",
        dt.date(1968, 4, 12),
        dt.date(2022, 7, 1),
        dt.date(2026, 3, 10),
    )
    assert plan.patient_cells["Tarif"] == "HKP!B6"
    assert said(plan, "input.patient_block") == [
        "Blatt HKP: die Angaben zur Person aus den Zeilen 4–9 über der Tabelle gelesen (kein Blatt „Patient“) – bitte prüfen"
    ]
    assert [(line.number, line.schedule) for line in plan.fee_lines] == [
        ("0010", Schedule.GOZ),
        ("2210", Schedule.GOZ),
        ("5004", Schedule.GOAE),
    ]
    assert not plan.left_out and not [f for f in plan.input_findings if f.severity is Severity.ERROR]
    assert said(plan, "input.vat_row") == [
        "HKP!A23: Zeile der Mehrwertsteuer übersprungen; die Beträge der 2 Laborzeilen darüber waren netto, mit ihrer MwSt "
        "gerechnet"
    ]
    assert [line.amount for line in plan.lab_lines] == [None, None]  # computed: quantity × unit price with VAT
    assert {"input.comment_row", "input.total_row", "input.lab_table_below"} <= set(codes(plan))
    result = estimate(plan, load_tariffs())
    assert result.totals.billed == Decimal("349.98")  # the sheet's Gesamtsumme
    assert [r.billed for r in result.lines if r.kind == "lab"] == [Decimal("12.20"), Decimal("65.81")]


def test_a_vat_row_that_is_not_the_vat_of_the_lab_lines_above_is_a_row_to_correct(tmp_path: Path) -> None:
    """Lab amounts taken as gross (no unit price column): the VAT row would count their VAT twice; a row „zzgl.
    Laborkosten“ names no VAT at all – both were skipped as VAT rows on the way to this, and so lost unseen."""
    rows = [
        ["Datum", "Zahn", "GO", "Nr", "Leistung", "Anzahl", "Faktor", "Betrag"],
        ["10.03.2026", "46", "GOZ", "2210", "Vollkrone", 1, 2.3, 217.06],
        ["10.03.2026", "46", "Labor", "0001", "Modell", 2, None, 11.40],
        [None, None, None, None, "zzgl. 7 % MwSt auf Laborkosten", None, None, 0.80],
        [None, None, None, None, "zzgl. Laborkosten lt. Kostenvoranschlag", None, None, 450.0],
    ]
    plan = read_plan(book(tmp_path / "p.xlsx", {"Leistungen": rows}))
    assert [left.row for left in plan.left_out] == [4, 5]
    assert said(plan, "input.vat_row_other") == [
        "Leistungen!E4: Zeile der Mehrwertsteuer nicht gelesen: die Laborzeilen darüber mit Nettobetrag ergeben 0,00\u00a0€ "
        "MwSt – bitte die Laborzeilen mit Einzelpreis und MwSt angeben"
    ]


def test_a_material_line_at_its_net_amount_takes_no_vat_and_is_not_said_to_differ(tmp_path: Path) -> None:
    rows = [
        ["Datum", "Zahn", "GO", "Nr", "Leistung", "Anzahl", "Faktor", "Einzelpreis", "Betrag"],
        ["10.03.2026", "36", "GOZ", "9010", "Implantatinsertion", 1, 2.3, None, 199.86],
        ["10.03.2026", "36", "Material", "MATERIAL", "Implantat Straumann", 1, None, 285.0, 285.0],
    ]
    result = estimate(read_plan(book(tmp_path / "p.xlsx", {"Leistungen": rows})), load_tariffs())
    material = next(r for r in result.lines if r.kind == "lab")
    assert material.billed == Decimal("285.00")
    assert not [f for f in result.findings if f.code == "lab.amount_mismatch"]  # material carries no VAT


@pytest.mark.parametrize(
    ("header", "go"),
    [
        (["Beh.-Datum", "Zahn/Kiefer", "GOZ/GOÄ", "Geb.-Ziff.", "Leistung", "Anzahl", "Multipl.", "EUR"], True),
        (["Beh.-Datum", "Zahn/Kiefer", "GOZ/GOÄ", "Nr.", "Leistung", "Anzahl", "Multipl.", "EUR"], True),
        (["Beh.-Datum", "Zahn/Kiefer", "Pos.", "GOZ", "Leistung", "Anzahl", "Multipl.", "EUR"], False),
    ],
)
def test_headers_in_the_practices_words_are_read(tmp_path: Path, header: list[str], go: bool) -> None:
    """„GOZ/GOÄ“ beside a number column is the schedule; „GOZ“ beside a running position holds the numbers (the
    positions 1, 2 were read as GOZ 0001, 0002 before)."""
    rows = [
        header,
        ["17.03.2026", "46", "GOZ" if go else 1, "2080", "Komposit zweiflächig", 1, 3.0, 93.81],
        ["17.03.2026", None, "GOÄ" if go else 2, "Ä5004" if not go else "5004", "OPG", 1, 1.8, 41.97],
    ]
    plan = read_plan(book(tmp_path / "p.xlsx", {"Leistungen": rows}))
    read = [(line.date, line.teeth.text, line.schedule, line.number, line.factor, line.amount) for line in plan.fee_lines]
    assert read == [
        (dt.date(2026, 3, 17), "46", Schedule.GOZ, "2080", Decimal("3"), Decimal("93.81")),
        (dt.date(2026, 3, 17), "", Schedule.GOAE, "5004", Decimal("1.8"), Decimal("41.97")),
    ]
    assert "input.column_unknown" not in codes(plan)


def test_the_fee_is_read_from_honorar_not_from_a_total_with_the_lab_costs_which_are_said_missing(tmp_path: Path) -> None:
    rows = [
        ["Datum", "Zahn", "Geb.-Nr.", "Leistung", "Anz.", "Faktor", "Honorar €", "Mat./Lab. €", "Gesamt €"],
        ["24.03.2026", "46", "2210", "Vollkrone", 1, 2.3, 217.06, 180.50, 397.56],
    ]
    plan = read_plan(book(tmp_path / "p.xlsx", {"Leistungen": rows}))
    assert [line.amount for line in plan.fee_lines] == [Decimal("217.06")]
    (cost,) = [f for f in plan.input_findings if f.code == "input.cost_column"]
    assert cost.severity is Severity.WARNING
    assert finding_text(cost) == (
        "Leistungen!H1: Spalte „Mat./Lab. €“ nicht gelesen: Material- und Laborkosten fehlen in der Schätzung; bitte als "
        "eigene Zeilen angeben (im Blatt Labor, oder mit GO „Labor“ bzw. „Material“)"
    )


FEES = [
    ["Datum", "Zahn", "Nr", "Leistung", "Anzahl", "Faktor", "Betrag"],
    ["10.03.2026", "36", "2080", "Komposit", 1, 2.3, 71.92],
]


def test_a_patient_sheet_named_otherwise_is_read_with_its_own_name_in_every_message(tmp_path: Path) -> None:
    patient = [
        ["Name", "Neumann, Tom"],
        ["Geb.-Dat.", "03.11.1985"],
        ["Tarif", "BM5/1"],
        ["Vers.-Beginn", "01.01.2025"],
        ["HKP vom", "10.03.2026"],
        ["Versicherung", "DKV"],
    ]
    plan = read_plan(book(tmp_path / "p.xlsx", {"Patientendaten": patient, "Leistungen": FEES}))
    assert person_read(plan) == ("BM5/1", dt.date(1985, 11, 3), dt.date(2025, 1, 1), dt.date(2026, 3, 10))
    assert plan.patient_cells["Tarif"] == "Patientendaten!B3"
    assert [f.sheet for f in plan.input_findings] == ["Patientendaten"]  # the unknown label, not „not read“
    assert said(plan, "input.patient_label")[0].startswith("Patientendaten!A6: Angabe „Versicherung“ nicht erkannt")


def test_a_tariff_beside_its_merged_label_that_names_none_stops_as_in_column_b(tmp_path: Path) -> None:
    """It was dropped without a word, and the plan estimated with the tariff without a deductible."""
    path = tmp_path / "p.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Patient"
    for row, (label, value) in enumerate([("Patient:", "Braun, Sophie"), ("Tarif:", "BestMed Premium, Stufe zwei")], 1):
        sheet.cell(row, 1, label)
        sheet.cell(row, 3, value)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    fees = workbook.create_sheet("Leistungen")
    for row in FEES:
        fees.append(row)
    workbook.save(path)
    with pytest.raises(PlanReadError, match=r"Patient!C2 \(Tarif\)"):
        read_plan(path)
    sheet["C2"] = "DKV BestMed BM5/3"  # the insurer's and the tariff's names around the variant
    workbook.save(path)
    assert read_plan(path).person.variant == "BM5/3"


def test_a_letters_head_with_label_and_value_in_one_cell_gives_the_person(tmp_path: Path) -> None:
    head = [["Zahnarztpraxis Dr. Lange"], ["Frau"], ["Sabine Roth"], ["Planungsdatum: 10.03.2026"], ["Kostenträger: DKV"]]
    head += [["Tarif: BM5/1"], ["Geburtsdatum: 08.08.1970"], ["Versichert seit: 01.01.2015"], ["Sehr geehrte Frau Roth,"]]
    plan = read_plan(book(tmp_path / "p.xlsx", {"HKP": [*head, *FEES]}))
    assert person_read(plan) == ("BM5/1", dt.date(1970, 8, 8), dt.date(2015, 1, 1), dt.date(2026, 3, 10))
    assert plan.patient_cells["Tarif"] == "HKP!A6"  # the cell that holds it
    assert not said(plan, "input.patient_label") and not said(plan, "input.patient_column")


def test_headings_and_carried_totals_between_the_lines_are_no_lines_a_discount_is_asked_about(tmp_path: Path) -> None:
    rows = [
        ["Datum", "Zahn", "GO", "Nr", "Leistung", "Anzahl", "Faktor", "Betrag"],
        [None, None, None, None, "Zahnärztliches Honorar (GOZ)"],
        [None, None, None, None, "1. Sitzung"],
        ["10.03.2026", "36", "GOZ", "2080", "Komposit", 1, 2.3, 71.92],
        ["Übertrag", None, None, None, None, None, None, 71.92],
        [None, None, None, None, "Leistungen nach GOÄ"],
        ["10.03.2026", None, "GOÄ", "5004", "OPG", 1, 1.8, 41.97],
        [None, None, None, None, "Vollkrone ohne Nummer"],
        [None, None, None, None, "Rabatt 3 %", None, None, -3.0],
        [None, None, "Eigenlabor", "0001", "Modell", 2, None, 12.20],
    ]
    plan = read_plan(book(tmp_path / "p.xlsx", {"Leistungen": rows}))
    assert [line.number for line in plan.fee_lines] == ["2080", "5004"]
    assert [line.code for line in plan.lab_lines] == ["0001"]  # „Eigenlabor“ marks a lab line as „Labor“ does
    assert [(f.code, f.row) for f in plan.input_findings if f.code in ("input.comment_row", "input.total_row")] == [
        ("input.comment_row", 2),
        ("input.comment_row", 3),
        ("input.total_row", 5),
        ("input.comment_row", 6),
    ]
    assert [left.row for left in plan.left_out] == [8, 9]  # a service without its number, a discount: to be corrected


def test_a_lab_table_without_dates_below_dated_fees_is_said_as_the_lab_part_not_the_sheet(tmp_path: Path) -> None:
    """„Blatt HKP: keine Spalte „Datum“; jede Zeile mit dem Planungsdatum gerechnet“ was said of the whole sheet, whose
    fee lines have their dates – and a lab line without one takes its services' day; the English said it in German."""
    lab = [["Zahn", "BEL-Nr.", "Bezeichnung", "Menge", "Einzelpreis", "Betrag"], [46, "0001", "Modell", 2, 5.70, 11.40]]
    rows = [*DS_WIN[:18], *lab, [46, "0344", "Vollkrone Metall", 1, 61.50, 61.50], *DS_WIN[21:]]  # rows 19-21
    plan = read_plan(book(tmp_path / "hkp.xlsx", {"HKP": rows}))
    found = [f for f in plan.input_findings if f.code in ("input.column_missing", "input.lab_column_missing")]
    assert [(f.code, f.row) for f in found] == [("input.lab_column_missing", 19)]
    assert finding_text(found[0]) == (
        "Blatt HKP, Labortabelle ab Zeile 19: keine Spalte „Datum“; jede Laborzeile mit dem Tag der Leistungen an ihren "
        "Zähnen oder dem Planungsdatum gerechnet"
    )
    assert finding_text(found[0], "en").endswith(
        "every lab line computed with the day of the services on its teeth or the plan date"
    )
    assert [line.date for line in plan.lab_lines] == [None, None] and len(plan.fee_lines) == 3


def test_the_fees_header_below_a_lab_table_reads_the_rows_below_as_fees_again(tmp_path: Path) -> None:
    rows = [
        ["Datum", "Zahn", "GO", "Nr", "Leistung", "Anzahl", "Faktor", "Betrag"],
        ["10.03.2026", "16", "GOZ", "2210", "Vollkrone", 1, 2.3, 217.06],
        ["Datum", "Zahn", "BEL-Nr.", "Leistung", "Menge", "Einzelpreis", "Betrag"],
        ["10.03.2026", "16", "0001", "Modell", 2, 5.70, 12.20],
        ["Datum", "Zahn", "GO", "Nr", "Leistung", "Anzahl", "Faktor", "Preis"],  # a page's header, one title another
        ["10.03.2026", "16", "GOZ", "2060", "Komposit", 1, 2.3, None],
    ]
    plan = read_plan(book(tmp_path / "p.xlsx", {"Leistungen": rows}))
    assert ([line.number for line in plan.fee_lines], [line.code for line in plan.lab_lines]) == (["2210", "2060"], ["0001"])
    assert said(plan, "input.fee_table_below") == [
        "Leistungen!D5: Kopfzeile der Leistungen; die Zeilen darunter wieder als Leistungen gelesen"
    ]
    assert not plan.left_out


def test_a_lab_header_may_hold_figures_in_a_few_titles(tmp_path: Path) -> None:
    rows = [
        ["Datum", "Zahn", "GO", "Nr", "Leistung", "Anzahl", "Faktor", "Betrag"],
        ["10.03.2026", "16", "GOZ", "2210", "Vollkrone", 1, 2.3, 217.06],
        ["Datum", "Zahn", "Nr", "Leistung", "Menge", "Preis in €", "MwSt 7 %", "Betrag 2026"],
        ["10.03.2026", "16", "0001", "Modell", 2, 5.70, None, 12.20],
    ]
    plan = read_plan(book(tmp_path / "p.xlsx", {"Leistungen": rows}))
    assert [(line.code, line.unit_price) for line in plan.lab_lines] == [("0001", Decimal("5.70"))]


def test_material_among_the_fees_without_a_number_is_a_material_line_a_lab_lump_sum_is_asked_about(tmp_path: Path) -> None:
    rows = [
        ["Pos.", "Zahn", "GOZ-Nr.", "Leistung", "Anzahl", "Faktor", "Betrag"],
        [1, "16", "2210", "Vollkrone", 1, 2.3, 217.06],
        [2, None, None, "Abformmaterial (§ 4 Abs. 3 GOZ)", 1, None, 12.00],
        [3, "15-17", None, "voraussichtliche Material- und Laborkosten", 1, None, 650.00],
    ]
    plan = read_plan(book(tmp_path / "p.xlsx", {"Leistungen": rows}))
    assert [(line.row, line.code, line.amount) for line in plan.lab_lines] == [(3, "MATERIAL", Decimal("12.00"))]
    assert [left.row for left in plan.left_out] == [4]  # lab work of no code: to be given as its lines


def test_a_column_of_what_the_schedule_says_is_not_asked_to_be_named_as_in_the_template(tmp_path: Path) -> None:
    rows = [
        ["Datum", "Zahn", "Nr", "Leistung", "Punkte", "Anzahl", "Faktor", "Betrag"],
        ["10.03.2026", "36", "2080", "Komposit", 556, 1, 2.3, 71.92],
    ]
    plan = read_plan(book(tmp_path / "p.xlsx", {"Leistungen": rows}))
    assert said(plan, "input.column_from_schedule") == [
        "Leistungen!E1: Spalte „Punkte“ nicht gelesen; das Programm nimmt sie aus der Gebührenordnung"
    ]
    assert "input.column_unknown" not in codes(plan)


def test_a_service_text_that_mentions_material_with_a_factor_stays_a_row_to_correct(tmp_path: Path) -> None:
    text = "Präparieren einer Kavität und Restauration mit Kompositmaterialien, zweiflächig"
    rows = [["Datum", "Zahn", "Nr", "Leistung", "Anzahl", "Faktor", "Betrag"], ["10.03.2026", "15", None, text, 1, 2.3, 90.12]]
    rows += [["10.03.2026", "14", None, "Aufbau mit plastischem Material", 1, 2.3, 38.81], FEES[1]]
    plan = read_plan(book(tmp_path / "p.xlsx", {"Leistungen": rows}))
    assert not plan.lab_lines and [left.row for left in plan.left_out] == [2, 3]


def test_the_person_side_by_side_above_the_table_is_read_by_column_and_a_letter_heads_town_is_not_theirs(
    tmp_path: Path,
) -> None:
    head = [["Name", "Vorname", "Geb.-Datum", "Tarif"], ["Müller", "Hans", "12.04.1968", "BM5/2"], ["Ort:", "Köln"], []]
    plan = read_plan(book(tmp_path / "p.xlsx", {"HKP": [*head, *FEES]}))
    assert (plan.person.name, plan.person.birth_date, plan.person.variant, plan.person.city) == (
        "Müller",
        dt.date(1968, 4, 12),
        "BM5/2",
        "",
    )
    assert plan.patient_cells["Tarif"] == "HKP!D2"


def test_a_sheet_named_for_the_patient_that_holds_the_plan_is_read_as_the_plan(tmp_path: Path) -> None:
    labs = [["Datum", "Zahn", "Nr", "Leistung", "Menge", "Einzelpreis"], ["10.03.2026", "36", "0001", "Modell", 2, 5.70]]
    plan = read_plan(book(tmp_path / "p.xlsx", {"Patient Müller": FEES, "Labor": labs}))
    assert ([line.number for line in plan.fee_lines], [line.code for line in plan.lab_lines]) == (["2080"], ["0001"])
    assert not said(plan, "input.patient_label")


def test_gesamt_is_the_amount_beside_honorar_without_a_column_of_lab_costs(tmp_path: Path) -> None:
    rows = [["Datum", "Zahn", "Nr", "Leistung", "Anzahl", "Faktor", "Honorar", "Gesamt"]]
    rows.append(["10.03.2026", "46", "2197", "Adhäsive Befestigung", 2, 2.3, 16.82, 33.64])  # Honorar: one unit's
    assert [line.amount for line in read_plan(book(tmp_path / "p.xlsx", {"Leistungen": rows})).fee_lines] == [Decimal("33.64")]


def test_a_fees_header_without_a_factor_below_a_lab_table_reads_fees_again(tmp_path: Path) -> None:
    fees = ["Datum", "Zahn", "GOZ-Nr.", "Leistung", "Anzahl", "Betrag"]
    rows = [fees, ["10.03.2026", "46", "2210", "Vollkrone", 1, 217.06]]
    rows += [["Datum", "Zahn", "BEL-Nr.", "Leistung", "Menge", "Einzelpreis"], ["10.03.2026", "46", "0001", "Modell", 2, 5.70]]
    rows += [fees, ["10.03.2026", None, "0010", "Untersuchung", 1, 12.94]]
    plan = read_plan(book(tmp_path / "p.xlsx", {"Leistungen": rows}))
    assert ([line.number for line in plan.fee_lines], [line.code for line in plan.lab_lines]) == (["2210", "0010"], ["0001"])
    assert not plan.left_out


def test_alternatives_in_one_plan_are_said_to_be_counted_together(tmp_path: Path) -> None:
    rows = [FEES[0], ["Alternative 1: Vollkrone Zahn 16"], FEES[1], ["Alternative 2: Brücke 15-17"], FEES[1]]
    plan = read_plan(book(tmp_path / "p.xlsx", {"HKP": rows}))
    alternatives = [f for f in plan.input_findings if f.code == "input.alternative"]
    assert [(f.severity, f.row) for f in alternatives] == [(Severity.WARNING, 2), (Severity.WARNING, 4)]
    assert finding_text(alternatives[0]) == (
        "HKP!A2: „Alternative 1: Vollkrone Zahn 16“ – der Plan nennt Alternativen; ihre Zeilen sind hier alle zusammen "
        "gerechnet, bitte jede Alternative als eigenen Plan schätzen"
    )


def test_a_lab_tables_running_position_is_no_lab_code(tmp_path: Path) -> None:
    """Its 1, 2, 3 were read as B 269 0001, 0002, 0003 („Modell …“) and the prices said over their maximum."""
    labs = [["Pos", "Leistung", "Menge", "Einzelpreis", "Gesamt"], [1, "Vollkrone Metall", 1, 120.0, 120.0]]
    labs.append([2, "Verblendung", 1, 78.6, 78.6])
    with pytest.raises(PlanReadError, match="Blatt Labor: die Spalte „Nr“ zählt die Zeilen"):
        read_plan(book(tmp_path / "p.xlsx", {"Leistungen": FEES, "Labor": labs}))


def test_a_sheet_of_the_goae_is_read_beside_the_goz_and_its_lines_are_goae_lines(tmp_path: Path) -> None:
    """GOÄ 5000 (an X-ray) was read as GOZ 5000 (a bridge anchor), and the GOZ sheet beside it was not read."""
    goae = [["Datum", "Zahn", "Nr", "Leistung", "Anzahl", "Faktor", "Betrag"], ["10.03.2026", None, "5004", "OPG", 1, 1.8, 41.97]]
    plan = read_plan(book(tmp_path / "p.xlsx", {"GOÄ": goae, "GOZ": FEES}))
    assert [(line.sheet, line.schedule, line.number) for line in plan.fee_lines] == [
        ("GOÄ", Schedule.GOAE, "5004"),
        ("GOZ", Schedule.GOZ, "2080"),
    ]
    assert "input.sheet_not_read" not in codes(plan)


def test_a_note_far_right_of_the_table_is_no_column_of_lab_costs(tmp_path: Path) -> None:
    rows = [[*FEES[0], None, None, None, "Material bestellen"], FEES[1]]
    assert "input.cost_column" not in codes(read_plan(book(tmp_path / "p.xlsx", {"Leistungen": rows})))


def test_ditto_marks_repeat_the_value_of_the_line_above_and_are_said(tmp_path: Path) -> None:
    """They were read as the fee number „dto.“ (unknown, not eligible) or left the line out („"“ as a factor)."""
    rows = [FEES[0], ["10.03.2026", "14", "2210", "Vollkrone", 1, 2.3, 217.06]]
    rows += [["10.03.2026", "15", '"', '"', 1, '"', 217.06], ["10.03.2026", "16", "dto.", "dto.", 1, 2.3, 217.06]]
    plan = read_plan(book(tmp_path / "p.xlsx", {"Leistungen": rows}))
    assert [(line.number, line.teeth.text, line.factor, line.description) for line in plan.fee_lines] == [
        ("2210", "14", Decimal("2.3"), "Vollkrone"),
        ("2210", "15", Decimal("2.3"), "Vollkrone"),
        ("2210", "16", Decimal("2.3"), "Vollkrone"),
    ]
    assert said(plan, "input.ditto") == [
        'Leistungen!C3: Wiederholungszeichen („"“, „dto.“) als Wert der Zeile darüber gelesen – bitte prüfen',
        'Leistungen!C4: Wiederholungszeichen („"“, „dto.“) als Wert der Zeile darüber gelesen – bitte prüfen',
    ]


def test_a_plan_of_no_readable_line_names_whole_findings_and_how_many_more(tmp_path: Path) -> None:
    """The message was cut at its 600th character, inside a finding."""
    rows = [FEES[0], *(["demnächst", "36", "2080", "Komposit", 1, 2.3, 71.92] for _ in range(12))]
    with pytest.raises(PlanReadError) as refused:
        read_plan(book(tmp_path / "p.xlsx", {"Leistungen": rows}))
    said = str(refused.value)
    assert said.endswith(" weitere)") and "„demnächst“ gefunden; Leistungen, Zeile" in said and len(said) < 800


def test_a_lab_text_that_shares_no_word_with_its_codes_item_is_asked_about(tmp_path: Path) -> None:
    """A BEL number of the statutory list read as the lab list's: „Vollkrone/Metall“ under 1021 was capped at the
    lab list's 15,80 € for „Aktivieren Teleskopkrone“ with only a price warning."""
    labs = [["Datum", "Zahn", "Nr", "Leistung", "Menge", "Einzelpreis"]]
    labs += [["10.03.2026", "36", "1021", "Vollkrone/Metall", 1, 120.0], ["10.03.2026", "36", "0344", "VMK", 1, 61.5]]
    labs += [["10.03.2026", "37", "1021", "Krone", 1, 120.0]]  # a word within the list's („Teleskopkrone“): still asked
    result = estimate(read_plan(book(tmp_path / "p.xlsx", {"Leistungen": FEES, "Labor": labs})), load_tariffs())
    asked = [f for f in result.findings if f.code == "lab.text_other"]
    assert [(f.severity, f.row) for f in asked] == [(Severity.WARNING, 2), (Severity.WARNING, 4)]  # „VMK“: no word
    assert finding_text(asked[0]).startswith("Labor 1021, Zahn 36: der Text „Vollkrone/Metall“ passt nicht zur Position")


ONE_TABLE_WITH_HEADINGS = [
    ["Planungsdatum:", "10.03.2026"],
    ["Tarif:", "BM5/1"],
    [],
    ["Datum", "Zahn", "Nr.", "Leistung", "Anzahl", "Faktor", "Betrag"],
    ["Honorar (GOZ/GOÄ)"],
    ["10.03.2026", "16", "2210", "Krone", 1, "2,3", None],
    ["Material- und Laborkosten"],
    ["10.03.2026", "16", "0010", "Verwendung von Kunststoff", 1, None, "5,35"],
    ["10.03.2026", "16", "1020", "Instandsetzen Keramikverblendung", 1, None, "40,00"],
    ["Zahnärztliche Leistungen"],
    ["10.03.2026", "16", "1020", "Fluoridierung", 1, "2,3", None],
]


def test_a_heading_of_material_and_lab_costs_makes_the_lines_below_it_lab_lines(tmp_path: Path) -> None:
    """A table without a GO column: „0010“ under the heading is Kunststoff (5,35 €), not the GOZ's examination at 100 %."""
    plan = read_plan(book(tmp_path / "hkp.xlsx", {"HKP": ONE_TABLE_WITH_HEADINGS}))
    assert [(line.row, line.number) for line in plan.fee_lines] == [(6, "2210"), (11, "1020")]
    assert [(line.row, line.code, line.amount) for line in plan.lab_lines] == [
        (8, "0010", Decimal("5.35")),
        (9, "1020", Decimal("40.00")),
    ]
    assert said(plan, "input.lab_heading") == [
        "HKP!A7: Überschrift „Material- und Laborkosten“: die Zeilen darunter als Material- und Laborkosten gelesen (ihre "
        "Nummer als Laborcode) – bitte prüfen"
    ]
    assert said(plan, "input.fee_heading") == [
        "HKP!A10: Überschrift „Zahnärztliche Leistungen“: die Zeilen darunter wieder als Leistungen gelesen"
    ]


def test_lines_without_a_date_below_a_session_of_another_day_are_said_once_for_each_run(tmp_path: Path) -> None:
    rows: list[list[Any]] = [["Planungsdatum:", "20.11.2026"], [], ["Datum", "Zahn", "GO", "Nr", "Anzahl", "Faktor"]]
    rows += [["20.11.2026", "16", "GOZ", "2210", 1, 2.3], [None, "15", "GOZ", "2210", 1, 2.3]]  # the plan date's session
    rows += [
        ["15.01.2027", "46", "GOZ", "2210", 1, 2.3],
        [None, "45", "GOZ", "2210", 1, 2.3],
        [None, "44", "GOZ", "2210", 1, 2.3],
    ]
    plan = read_plan(book(tmp_path / "hkp.xlsx", {"Leistungen": rows}))
    assert [line.date for line in plan.fee_lines][-2:] == [None, None]  # the plan date, as the template says
    said = [f for f in estimate(plan, load_tariffs()).findings if f.code == "date.not_carried"]
    assert [(f.severity, f.sheet, f.row, f.column) for f in said] == [(Severity.WARNING, "Leistungen", 7, "A")]
    assert finding_text(said[0]) == (
        "GOZ 2210, Zahn 45: ohne Datum – 2 Zeilen ab hier ohne Datum werden mit dem Planungsdatum 20.11.2026 gerechnet, "
        "nicht mit dem Datum der Zeile darüber (15.01.2027); gehören sie zu deren Sitzung, bitte das Datum eintragen"
    )
    moved = dataclasses.replace(plan, plan_date=dt.date(2027, 1, 15))  # another plan date (the window, --plan-date)
    assert [f.row for f in estimate(moved, load_tariffs()).findings if f.code == "date.not_carried"] == [5]


def test_a_formulas_error_is_said_as_one_and_costs_the_line_only_where_a_value_is_needed(tmp_path: Path) -> None:
    rows: list[list[Any]] = [["Planungsdatum:", "10.03.2026"], [], ["Datum", "Zahn", "GO", "Nr", "Leistung", "Faktor"]]
    rows += [[None, "16", "GOZ", "#N/A", "Krone", 2.3], [None, "15", "GOZ", "2210", "#NV", 2.3]]
    plan = read_plan(book(tmp_path / "hkp.xlsx", {"Leistungen": rows}))
    assert [(line.row, line.number, line.description) for line in plan.fee_lines] == [(5, "2210", "")]
    errors = [(f.row, f.severity) for f in plan.input_findings if f.code == "input.error_value"]
    assert errors == [(4, Severity.ERROR), (5, Severity.WARNING)]
    assert said(plan, "input.error_value")[0] == (
        "Leistungen!D4 (Nr): die Formel ergibt den Fehler „#N/A“, keinen Wert; bitte die Formel in Excel korrigieren"
    )


def test_a_heading_right_above_a_tables_own_header_leaves_the_saying_to_the_header(tmp_path: Path) -> None:
    rows = [
        *ONE_TABLE_WITH_HEADINGS[:6],
        ["Material- und Laborkosten"],
        ["Datum", "Zahn", "GO", "Nr", "Bezeichnung", "Menge", "E-Preis"],
    ]
    rows += [["10.03.2026", "16", "Labor", "0344", "Vollkrone Metall", 1, "61,50"]]
    plan = read_plan(book(tmp_path / "hkp.xlsx", {"HKP": rows}))
    assert [(line.row, line.code) for line in plan.lab_lines] == [(9, "0344")]
    assert said(plan, "input.lab_heading") == []  # „die Zeilen darunter als Laborkosten“, then the header said otherwise


def test_lab_rows_marked_mat_or_zt_and_an_amount_column_named_summe_are_read(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["Planungsdatum:", "10.03.2026"],
        [],
        ["Datum", "Zahn", "GO", "Nr", "Anzahl", "Faktor", "Einzelpreis", "Summe"],
    ]
    rows += [["10.03.2026", "16", "GOZ", "2210", 1, 2.3, None, 217.06], ["10.03.2026", "16", "Mat.", "0344", 1, None, 61.5, None]]
    rows += [["10.03.2026", "16", "ZT", "0001", 2, None, 5.7, None]]
    plan = read_plan(book(tmp_path / "hkp.xlsx", {"HKP": rows}))
    assert [(line.number, line.amount) for line in plan.fee_lines] == [("2210", Decimal("217.06"))]
    assert [line.code for line in plan.lab_lines] == ["0344", "0001"]
    assert not [f for f in plan.input_findings if f.severity is not Severity.INFO and f.code != "input.patient_block"]


def test_a_note_naming_lab_costs_is_no_heading_and_a_session_ends_the_lab_lines(tmp_path: Path) -> None:
    rows = [
        *ONE_TABLE_WITH_HEADINGS[:6],
        ["Laborkosten siehe Anlage"],
        ["10.03.2026", "15", "2197", "Befestigung", 1, "2,3", None],
    ]
    rows += [["Material- und Laborkosten"], ["10.03.2026", "15", "0010", "Kunststoff", 1, None, "5,35"], ["2. Sitzung"]]
    rows += [["17.03.2026", "15", "0070", "Vitalitätsprüfung", 1, "2,3", None]]
    plan = read_plan(book(tmp_path / "hkp.xlsx", {"HKP": rows}))
    assert [line.number for line in plan.fee_lines] == ["2210", "2197", "0070"] and [line.code for line in plan.lab_lines] == [
        "0010"
    ]


def test_lab_lines_under_a_heading_are_those_without_a_schedule_and_a_factor_also_beside_a_go_column(tmp_path: Path) -> None:
    header = ["Datum", "Zahn", "GO", "Nr", "Leistung", "Anzahl", "Faktor", "Betrag"]
    rows: list[list[Any]] = [["Planungsdatum:", "10.03.2026"], [], header, ["10.03.2026", "16", "GOZ", "2210", "Krone", 1, "2,3"]]
    rows += [["Material- und Laborkosten netto"], ["10.03.2026", "16", None, "0010", "Kunststoff", 1, None, "5,35"]]
    rows += [["Fremdlabor Zahntechnik Müller"], ["10.03.2026", "16", "Labor", "1020", "Keramik", 1, None, "40,00"]]
    rows += [["10.03.2026", "16", "GOZ", "2197", "Befestigung", 1, "2,3"]]  # a fee line among them keeps its GO
    plan = read_plan(book(tmp_path / "hkp.xlsx", {"HKP": rows}))
    assert [line.number for line in plan.fee_lines] == ["2210", "2197"] and [line.code for line in plan.lab_lines] == [
        "0010",
        "1020",
    ]


def test_a_note_naming_lab_costs_above_a_fee_line_is_said_as_a_note(tmp_path: Path) -> None:
    rows = [
        *ONE_TABLE_WITH_HEADINGS[:6],
        ["Laborkosten siehe Anlage"],
        ["10.03.2026", "15", "2197", "Befestigung", 1, "2,3", None],
    ]
    plan = read_plan(book(tmp_path / "hkp.xlsx", {"HKP": rows}))
    assert said(plan, "input.lab_heading") == [] and said(plan, "input.comment_row")[-1].endswith("(„Laborkosten siehe Anlage“)")


def test_the_fee_column_wins_over_a_sum_with_the_material_beside_it(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["Planungsdatum:", "10.03.2026"],
        [],
        ["Datum", "Zahn", "GO", "Nr", "Faktor", "Honorar", "Mat.", "Summe"],
    ]
    rows += [["10.03.2026", "16", "GOZ", "2210", 2.3, 217.06, 30, 247.06]]
    plan = read_plan(book(tmp_path / "hkp.xlsx", {"HKP": rows}))
    assert plan.fee_lines[0].amount == Decimal("217.06") and said(plan, "input.cost_column")


def test_an_amount_alone_below_the_lines_is_a_subtotal_not_a_line_left_out(tmp_path: Path) -> None:
    rows: list[list[Any]] = [["Planungsdatum:", "10.03.2026"], [], ["Datum", "Zahn", "GO", "Nr", "Faktor", "Betrag"]]
    rows += [["10.03.2026", "16", "GOZ", "2210", 2.3, 217.06], [None, None, None, None, None, 217.06]]
    plan = read_plan(book(tmp_path / "hkp.xlsx", {"HKP": rows}))
    assert plan.left_out == () and said(plan, "input.total_row") == ["HKP!F5: Summenzeile übersprungen"]


def test_sessions_named_in_the_date_column_are_lines_without_a_day_said_once_a_sheet(tmp_path: Path) -> None:
    header = ["Datum", "Zahn", "GO", "Nr", "Leistung", "Anzahl", "Faktor", "Betrag"]
    said_as_session = ["1. Sitzung", "Sitzung II", "1./2. Termin (ca. KW 12)", "erste Sitzung", "Tag 1", "nach Absprache"]
    said_as_session += ["2. BT", "Behandlungstag 3", "Folgetermin", "1. Sitzg."]
    rows = [[text, "16", "GOZ", "2060", "Füllung", 1, 2.3, 68.17] for text in said_as_session]
    rows += [["10.03.2026 (1. Sitzung)", "17", "GOZ", "2060", "Füllung", 1, 2.3, 68.17]]  # a day with a note: the day
    rows += [["12.03.2026 2. Sitzung", "17", "GOZ", "2060", "Füllung", 1, 2.3, 68.17]]  # the day beside the session
    rows += [["demnächst", "18", "GOZ", "2060", "Füllung", 1, 2.3, 68.17]]  # neither: a date to correct
    rows += [["1" * 40 + "x", "18", "GOZ", "2060", "Füllung", 1, 2.3, 68.17]]  # took minutes to be refused
    patient = [["Name", "Erika Mustermann"], ["Geburtsdatum", "15.06.1975"], ["Tarif", "BM5/0"]]
    patient += [["Versicherungsbeginn", "01.01.2010"], ["Planungsdatum", "01.02.2026"]]
    plan = read_plan(book(tmp_path / "sitzungen.xlsx", {"Patient": patient, "Leistungen": [header, *rows]}))
    assert [line.date for line in plan.fee_lines] == [None] * 10 + [dt.date(2026, 3, 10), dt.date(2026, 3, 12)]
    assert [f.row for f in plan.left_out] == [14, 15]
    result = estimate(plan, load_tariffs())
    (warned,) = [f for f in result.findings if f.code == "input.sessions"]  # said by the estimate, as the lines stand
    assert (warned.severity, warned.row, warned.column) == (Severity.WARNING, 2, "A")
    assert finding_text(warned).startswith(
        "Blatt Leistungen: 10 Zeilen nennen statt eines Tages eine Sitzung oder keinen Tag (1. Sitzung, Sitzung II, "
        "1./2. Termin (ca. KW 12), erste Sitzung, Tag 1, …; Zeilen 2, 3, 4, 5, 6, 7, 8, 9, 10, 11) – gerechnet wie Zeilen "
        "ohne Datum: die Zahnstaffel und der Selbstbehalt nach dem Plandatum; Grenzen je Sitzung oder Tag gelten für jede "
        "genannte Sitzung für sich"
    )
    assert [line.session for line in plan.fee_lines] == [*said_as_session, "", ""]
    assert {r.date for r in result.lines} == {dt.date(2026, 2, 1), dt.date(2026, 3, 10), dt.date(2026, 3, 12)}


def test_one_session_line_is_said_in_the_singular(tmp_path: Path) -> None:
    header = ["Datum", "Zahn", "GO", "Nr", "Leistung", "Anzahl", "Faktor", "Betrag"]
    rows = [
        ["2. Sitzung", "16", "GOZ", "2060", "Füllung", 1, 2.3, 68.17],
        ["10.03.2026", "17", "GOZ", "2060", "Füllung", 1, 2.3, 68.17],
    ]
    plan = read_plan(book(tmp_path / "eine.xlsx", {"Patient": [["Planungsdatum", "10.03.2026"]], "Leistungen": [header, *rows]}))
    assert [finding_text(f) for f in estimate(plan, load_tariffs()).findings if f.code == "input.sessions"] == [
        "Blatt Leistungen: eine Zeile nennt statt eines Tages eine Sitzung oder keinen Tag (2. Sitzung; Zeile 2) – gerechnet "
        "wie eine Zeile ohne Datum: die Zahnstaffel und der Selbstbehalt nach dem Plandatum; Grenzen je Sitzung oder Tag "
        "gelten für jede genannte Sitzung für sich (eine Zeile ohne Datum direkt darunter gehört zu ihr) – bitte den Tag der Sitzung "
        "eintragen"
    ]


REGISTRATION = Decimal("23.28")  # GOZ 8010 „je Sitzung höchstens zweimal“: 180 points x 0,0562421 x 2,3


def test_each_session_named_keeps_its_own_limits_per_session_and_the_lines_below_it_belong_to_it(tmp_path: Path) -> None:
    header = ["Datum", "Zahn", "GO", "Nr", "Leistung", "Anzahl", "Faktor"]
    rows: list[list[Any]] = [
        ["1. Sitzung", "OK", "GOZ", "8010", "Registrieren", 2, 2.3],
        [None, "UK", "GOZ", "8010", "Registrieren", 1, 2.3],  # below the first session: in it, a third time
        ["2. Sitzung", "OK", "GOZ", "8010", "Registrieren", 2, 2.3],  # another session: twice again
        ["2. SITZUNG", "UK", "GOZ", "8010", "Registrieren", 1, 2.3],  # the same session, written otherwise
        ["10.03.2026", "UK", "GOZ", "8010", "Registrieren", 2, 2.3],  # the plan date itself, no session: its own
        [None, "UK", "GOZ", "8010", "Registrieren", 1, 2.3],  # below a day: no session carried
    ]
    patient = [["Planungsdatum", "10.03.2026"], ["Tarif", "BM5/0"], ["Versicherungsbeginn", "01.01.2010"]]
    plan = read_plan(book(tmp_path / "sitzungen.xlsx", {"Patient": patient, "Leistungen": [header, *rows]}))
    sessions = ["1. Sitzung", "1. Sitzung", "2. Sitzung", "2. SITZUNG", "", ""]
    assert [line.session for line in plan.fee_lines] == sessions
    result = estimate(plan, load_tariffs())
    eligible = [r.eligible for r in sorted(result.lines, key=lambda r: r.line.row)]
    assert eligible == [2 * REGISTRATION, Decimal("0.00"), 2 * REGISTRATION, Decimal("0.00"), 2 * REGISTRATION, Decimal("0.00")]
    assert {r.date for r in result.lines} == {dt.date(2026, 3, 10)}  # caps and deductible: the plan date
    refused = [f for f in result.findings if f.code == "fee.per_session"]
    assert [f.row for f in refused] == [3, 5, 7] and "(am 10.03.2026, 1. Sitzung)" in finding_text(refused[0])
    data = estimate_json(result)
    assert [line["session"] for line in data["lines"]] == sessions
    saved = tmp_path / "gespeichert.xlsx"  # the plan written again reads back the same, a line moved under a session too
    moved = dataclasses.replace(plan, fee_lines=(plan.fee_lines[0], plan.fee_lines[5], *plan.fee_lines[1:5]))
    write_workbook(moved, saved)
    again = read_plan(saved)
    assert (
        [(line.date, line.session) for line in again.fee_lines]
        == [
            (None, "1. Sitzung"),
            (dt.date(2026, 3, 10), ""),  # no session, right below one: its plan date written, not an empty cell
            *((line.date, line.session) for line in moved.fee_lines[2:]),
        ]
    )
    assert estimate(again, load_tariffs()).totals == estimate(moved, load_tariffs()).totals


def test_a_session_goes_on_through_material_rows_of_a_one_sheet_plan_to_the_fee_lines_below(tmp_path: Path) -> None:
    # the material row between a session's crown and its bite registration ended the session: both registrations
    # were one session and the second was cut
    rows: list[list[Any]] = [
        ["Planungsdatum:", "10.03.2026"],
        [],
        ["Datum", "Zahn", "GO", "Nr", "Leistung", "Anzahl", "Faktor", "Betrag"],
    ]
    for session, tooth in (("1. Sitzung", "16"), ("2. Sitzung", "26")):
        rows += [
            [session, tooth, "GOZ", "2210", "Krone", 1, 2.3, None],
            [None, tooth, "Material", None, "Abformmaterial", 1, None, 20.00],
            [None, tooth, "GOZ", "8010", "Registrierung", 2, 2.3, None],
        ]
    plan = read_plan(book(tmp_path / "hkp.xlsx", {"HKP": rows}))
    assert [line.session for line in plan.fee_lines] == ["1. Sitzung", "1. Sitzung", "2. Sitzung", "2. Sitzung"]
    assert [line.session for line in plan.lab_lines] == ["", ""]  # material goes with its date
    result = estimate(plan, load_tariffs())
    assert [r.eligible for r in result.lines if r.line.number == "8010"] == [2 * REGISTRATION, 2 * REGISTRATION]


def test_a_session_goes_only_to_the_line_right_below_of_its_kind_and_material_goes_with_its_day(tmp_path: Path) -> None:
    # the lab table below the fees took the last fee line's session, and material without a session found no
    # service of its day: the bone substitute beside a sinus lift in „1. Sitzung“ was refused as paid with the fees
    rows: list[list[Any]] = [
        ["Planungsdatum:", "10.03.2026"],
        [],
        ["Datum", "Zahn", "GO", "Nr", "Leistung", "Anzahl", "Faktor", "Betrag"],
        ["1. Sitzung", "16", "GOZ", "9120", "Sinuslift", 1, 2.3, None],
        ["2. Sitzung\u200b", "17", "GOZ", "2060", "Füllung", 1, 2.3, None],  # a character that prints as nothing
        [],
        [None, None, "Material", None, "Knochenersatzmaterial", 1, None, 95.00],
    ]
    plan = read_plan(book(tmp_path / "hkp.xlsx", {"HKP": rows}))
    assert [line.session for line in plan.fee_lines] == ["1. Sitzung", "2. Sitzung"]
    assert [(line.session, line.date) for line in plan.lab_lines] == [("", None)]
    result = estimate(plan, load_tariffs())
    (material,) = [r for r in result.lines if r.kind == "lab"]
    assert material.eligible == material.billed > 0 and material.line_class.value == "A"


def test_the_insurance_written_under_another_label_is_read_as_the_tariff_when_it_names_one(tmp_path: Path) -> None:
    # „Versicherung: DKV BestMed Premium BM5/2“ was a label not read: the estimate went on with BM5/0 (no deductible)
    lines = [["Datum", "Zahn", "GO", "Nr", "Faktor"], ["10.03.2026", "16", "GOZ", "2210", 2.3]]
    for label in ("Versicherung:", "Kostenträger:", "PKV-Tarif:", "Tarif/Versicherung:"):
        rows: list[list[Any]] = [["Patient:", "Müller, Hans"], [label, "DKV BestMed Premium BM5/2"], [], *lines]
        plan = read_plan(book(tmp_path / "hkp.xlsx", {"HKP": rows}))
        assert plan.person.variant == "BM5/2", label
        assert said(plan, "input.tariff_label") == [f"HKP!B2: Angabe „{label}“ als Tarif gelesen (BM5/2) – bitte prüfen"]
    _, letter = pdf_text(build_pdf(estimate(plan, load_tariffs()), load_tariffs(), ISSUED))
    assert "als Tarif gelesen" not in letter  # a note on the workbook, for the practice: not in the patient's letter
    patient = [["Name", "Hans Müller"], ["Versicherungstarif", "BestMed Premium BM5/1"]]
    plan = read_plan(book(tmp_path / "hkp.xlsx", {"Patient": patient, "Leistungen": lines}))
    assert plan.person.variant == "BM5/1" and len(said(plan, "input.tariff_label")) == 1
    for tariff in ("Tarif:", "Tarif"):  # a Tarif given below or above it is the tariff; the insurance's label is not read
        both = [["Versicherung:", "DKV BestMed Premium BM5/2"], [tariff, "BM5/0"]]
        rows = [["Patient:", "Müller, Hans"], *(both if tariff == "Tarif:" else both[::-1]), [], *lines]
        plan = read_plan(book(tmp_path / "hkp.xlsx", {"HKP": rows}))
        assert plan.person.variant == "BM5/0" and said(plan, "input.tariff_label") == []
        assert [f.row for f in plan.input_findings if f.code == "input.patient_label"] == [2 if tariff == "Tarif:" else 3]
    rows = [["Patient:", "Müller, Hans"], ["Kostenträger:", "1"], [], *lines]  # a figure alone names no tariff here
    assert read_plan(book(tmp_path / "hkp.xlsx", {"HKP": rows})).person.variant == ""
    rows = [["Patient:", "Müller, Hans"], ["Versicherung:", "DKV"], ["Tarif:", "BM5/1"], [], *lines]
    plan = read_plan(book(tmp_path / "hkp.xlsx", {"HKP": rows}))  # the insurer alone: no tariff, not read, as before
    assert plan.person.variant == "BM5/1" and said(plan, "input.tariff_label") == []
    assert said(plan, "input.patient_label") == [
        "HKP!A2: Angabe „Versicherung:“ nicht erkannt und nicht gelesen; bitte wie in der Vorlage benennen (z. B. Name, "
        "Geburtsdatum, Tarif, Versicherungsnummer, Versicherungsbeginn)"
    ]
