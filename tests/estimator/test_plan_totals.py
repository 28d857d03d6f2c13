"""A plan's own total rows against the lines read above them: a total none of its sums gives is said at its cell
(a line lost, an amount misread, a total that leaves a line out); the totals practices write are not."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from pypdf import PdfReader

from estimator.io.excel import read_plan
from estimator.kinds import Severity
from estimator.model import Plan
from estimator.output.pdf import build_pdf
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from estimator.wording import finding_text, text
from tests.estimator.workbooks import FEE_HEADER, LAB_HEADER, PATIENT, write_workbook

DAY = dt.datetime(2026, 3, 10)
FEES = [  # 12,94 + 217,06 + 41,97 = 271,97
    [DAY, None, "GOZ", "0010", "Eingehende Untersuchung", 1, 2.3, 12.94],
    [DAY, "16", "GOZ", "2210", "Vollkrone", 1, 2.3, 217.06],
    [DAY, None, "GOÄ", "5004", "Panoramaschichtaufnahme", 1, 1.8, 41.97],
]
NET_LABS = [  # net: 11,40 + 61,50 = 72,90; VAT on each line 0,80 + 4,31 = 5,11, on their sum 5,10
    [DAY, "16", "0001", "Modell", 2, 5.70, 7, 11.40],
    [DAY, "16", "0344", "Vollkrone Metall", 1, 61.50, 7, 61.50],
]


def total_row(word: str, amount: Any, *, column: int = 7, width: int = 8) -> list[Any]:
    row: list[Any] = [None] * width
    row[4 if column == 7 and width == 8 else 3], row[column] = word, amount
    return row


def differs(plan: Plan) -> list[str]:
    return [finding_text(f).replace("\xa0", " ") for f in plan.input_findings if f.code.startswith("input.total_differs")]


def test_a_total_the_lines_above_give_is_not_said_and_one_they_do_not_is_said_with_cell_rows_and_amounts(tmp_path: Path) -> None:
    right = read_plan(write_workbook(tmp_path / "right.xlsx", [*FEES, total_row("Summe", 271.97)]))
    assert differs(right) == [] and [f.row for f in right.input_findings if f.code == "input.total_row"] == [5]
    left_off = read_plan(write_workbook(tmp_path / "short.xlsx", [*FEES, total_row("Summe", 230.00)]))  # =SUMME(H2:H3)
    assert differs(left_off) == [
        "Leistungen!H5: die Summe im Plan (230,00 €) weicht um 41,97 € von den gelesenen Beträgen der Zeilen 2–4 ab "
        "(271,97 €); bitte prüfen, ob eine Zeile fehlt, ein Betrag nicht stimmt oder die Summe nicht alle Zeilen umfasst"
    ]
    (finding,) = [f for f in left_off.input_findings if f.code == "input.total_differs"]
    assert (finding.severity, finding.sheet, finding.row, finding.column) == (Severity.WARNING, "Leistungen", 5, "H")
    assert "differs by €41.97 from the amounts read in rows 2–4" in text(finding.phrase, "en").replace("\xa0", " ")
    a_cent = read_plan(write_workbook(tmp_path / "cent.xlsx", [*FEES, total_row("Summe", "271,96 €")]))  # typed
    assert len(differs(a_cent)) == 1
    assert estimate(left_off, load_tariffs()).totals.billed == Decimal("271.97")  # the lines count, not the total


def test_subtotals_of_sessions_of_fees_and_lab_costs_and_a_grand_total_of_them_are_not_said(tmp_path: Path) -> None:
    fees = [
        FEES[0],
        total_row("Zwischensumme", 12.94),
        *FEES[1:],
        total_row("Honorarsumme", 259.03),  # the second session alone: a word ending in „summe“ is a total's
        total_row("Summe Honorar", 271.97),  # both sessions
        [DAY, "16", "Material", "Abformmaterial", 1, None, None, 12.50],
        total_row("Materialkosten gesamt", "12,50 €"),
        total_row("Rechnungsbetrag", 284.47),  # the totals of fees and material
        total_row("Übertrag", 284.47),
        [DAY, "17", "GOZ", "2060", "Füllung", 1, 2.3, 68.17],
        total_row("Gesamtsumme", 352.64),  # the carried total and the line below it
    ]
    plan = read_plan(write_workbook(tmp_path / "sessions.xlsx", fees))
    assert differs(plan) == [] and plan.left_out == ()
    assert [f.row for f in plan.input_findings if f.code == "input.total_row"] == [3, 6, 7, 9, 10, 11, 13]
    assert len(plan.fee_lines) == 4 and len(plan.lab_lines) == 1


def test_a_grand_total_under_the_fees_with_the_lab_sheets_total_is_not_said_a_wrong_one_is(tmp_path: Path) -> None:
    labs = [*NET_LABS, total_row("Summe", 72.90, width=8), [None, None, None, "zzgl. 7 % MwSt", None, None, None, 5.11]]
    labs.append(total_row("Summe brutto", 78.01, width=8))
    for grand, said in ((349.98, 0), (344.87, 0), (350.00, 1)):  # fees + gross lab, fees + net lab; a typo
        path = write_workbook(tmp_path / f"grand{grand}.xlsx", [*FEES, total_row("Gesamtbetrag", grand)], labs)
        plan = read_plan(path)
        assert len(differs(plan)) == said, grand
        assert "input.vat_row" in [f.code for f in plan.input_findings]


def test_a_gross_total_below_net_lab_lines_without_a_vat_row_is_their_sum_with_vat(tmp_path: Path) -> None:
    labs = [*NET_LABS, total_row("Summe netto", 72.90, width=8), total_row("Summe brutto inkl. 7 % MwSt", 78.01, width=8)]
    assert differs(read_plan(write_workbook(tmp_path / "brutto.xlsx", FEES, labs))) == []
    labs[-1] = total_row("Summe brutto inkl. 7 % MwSt", 78.90, width=8)
    assert len(differs(read_plan(write_workbook(tmp_path / "falsch.xlsx", FEES, labs)))) == 1


def test_vat_an_invoice_puts_on_the_sum_of_the_net_lab_lines_is_their_vat(tmp_path: Path) -> None:
    labs = [*NET_LABS, [None, None, None, "zzgl. 7 % MwSt", None, None, None, 5.10], total_row("Gesamt", 78.00, width=8)]
    plan = read_plan(write_workbook(tmp_path / "mwst.xlsx", FEES, labs))
    assert "input.vat_row" in [f.code for f in plan.input_findings] and plan.left_out == () and differs(plan) == []
    assert [lab.amount for lab in plan.lab_lines] == [Decimal("12.20"), Decimal("65.80")]  # 5,10 € spread over them
    result = estimate(plan, load_tariffs())
    assert sum((r.billed for r in result.lines if r.kind == "lab"), Decimal(0)) == Decimal("78.00")  # as the plan says
    labs[2] = [None, None, None, "zzgl. 7 % MwSt", None, None, None, 5.30]  # neither: a row to correct
    other = read_plan(write_workbook(tmp_path / "andere.xlsx", FEES, labs))
    assert "input.vat_row_other" in [f.code for f in other.input_findings]


def test_a_total_over_a_row_left_out_or_a_line_without_its_amount_is_not_compared(tmp_path: Path) -> None:
    bad = [DAY, "16", "GOZ", "2210", "Krone", 1, 2.3, "zweihundert"]
    plan = read_plan(write_workbook(tmp_path / "aus.xlsx", [FEES[0], bad, total_row("Summe", 500.00)]))
    assert len(plan.left_out) == 1 and differs(plan) == []  # the row left out is said; its amount is not known
    without = [DAY, "16", "GOZ", "2210", "Krone", 1, 2.3, None]
    plan = read_plan(write_workbook(tmp_path / "ohne.xlsx", [FEES[0], without, total_row("Summe", 500.00)]))
    assert plan.left_out == () and differs(plan) == []


def test_unrounded_line_amounts_and_a_total_of_them_or_of_their_cents_agree(tmp_path: Path) -> None:
    fees = [[DAY, "16", "GOZ", "2060", "Füllung", 1, 2.3, 68.1735], [DAY, "17", "GOZ", "2060", "Füllung", 1, 2.3, 68.1735]]
    for total in (136.35, 136.34):  # ROUND(SUM()) of the unrounded amounts; the lines as printed, in cents
        assert differs(read_plan(write_workbook(tmp_path / f"r{total}.xlsx", [*fees, total_row("Summe", total)]))) == []
    assert len(differs(read_plan(write_workbook(tmp_path / "x.xlsx", [*fees, total_row("Summe", 136.33)])))) == 1


def test_a_subtotal_off_its_lines_is_said_and_a_grand_total_built_on_it_is_not_said_again(tmp_path: Path) -> None:
    fees = [FEES[0], FEES[1], total_row("Zwischensumme", 220.00), FEES[2], total_row("Gesamtsumme", 261.97)]  # 230,00
    plan = read_plan(write_workbook(tmp_path / "seiten.xlsx", fees))
    assert [f.row for f in plan.input_findings if f.code == "input.total_differs"] == [4]  # the subtotal's typo only


def test_a_summary_block_of_the_fee_sheet_with_the_lab_sheets_total_and_totals_across_three_sheets(tmp_path: Path) -> None:
    labs = [*NET_LABS, total_row("Summe", 72.90), [None, None, None, "zzgl. 7 % MwSt", None, None, None, 5.11]]
    block = [*FEES, total_row("Summe Honorar", 271.97), total_row("Laborsumme (siehe Blatt Labor)", 78.01)]
    plan = read_plan(write_workbook(tmp_path / "block.xlsx", [*block, total_row("Gesamtsumme", 349.98)], labs))
    assert differs(plan) == []
    three = {"GOZ": [*FEES[:2], total_row("Summe GOZ", 230.00), total_row("Gesamtbetrag", 349.98)]}
    three |= {"GOÄ": [FEES[2], total_row("Summe GOÄ", 41.97)]}
    assert differs(read_plan(sheets(tmp_path / "drei.xlsx", three, labs))) == []
    typo = read_plan(write_workbook(tmp_path / "typo.xlsx", [*FEES, total_row("Gesamtbetrag", 350.00)], labs))
    assert differs(typo) == [
        "Leistungen!H5: die Summe im Plan (350,00 €) weicht um 0,02 € von den gelesenen Beträgen der Zeilen 2–4 und des "
        "Blatts Labor ab (349,98 €); bitte prüfen, ob eine Zeile fehlt, ein Betrag nicht stimmt oder die Summe nicht alle "
        "Zeilen umfasst"
    ]


def test_with_a_row_of_another_sheet_left_out_a_total_is_compared_with_its_own_sheets_sums(tmp_path: Path) -> None:
    """Another sheet's sum not known: its totals are still compared with their own lines (a fee line without its
    amount silenced the Labor sheet's wrong total), a grand total too – a line is missing from it."""
    labs = [NET_LABS[0], [DAY, "16", None, "Vollkrone Metall", 1, 61.50, 7, 61.50]]  # no code: left out
    plan = read_plan(write_workbook(tmp_path / "aus.xlsx", [*FEES, total_row("Gesamtbetrag", 349.98)], labs))
    assert len(plan.left_out) == 1 and [f.row for f in plan.input_findings if f.code == "input.total_differs"] == [5]
    fees = [*FEES[:2], [DAY, None, "GOÄ", "5004", "OPG", 1, 1.8, None]]  # its amount computed
    labs = [*NET_LABS, total_row("Summe", 178.01)]  # the lines: 11,40 + 61,50 (as their cells hold them)
    wrong = read_plan(write_workbook(tmp_path / "labor.xlsx", fees, labs))
    assert [(f.sheet, f.row) for f in wrong.input_findings if f.code == "input.total_differs"] == [("Labor", 4)]


def test_a_lab_table_below_the_fees_its_total_and_an_empty_sections_total_of_nothing(tmp_path: Path) -> None:
    without = [DAY, "17", "GOZ", "2060", "Füllung", 1, 2.3, None]  # its amount computed: no sum of the fees is known
    rows = [*FEES, without, total_row("Summe Honorar", 340.14), ["Datum", "Zahn", "Nr", "Leistung", "Menge", "Einzelpreis"]]
    rows += [[DAY, "16", "0344", "Vollkrone Metall", 1, 61.50], total_row("Summe Labor", 65.81, column=5, width=6)]
    rows += [total_row("Gesamtsumme", 405.95)]
    plan = read_plan(write_workbook(tmp_path / "darunter.xlsx", rows))
    assert len(plan.lab_lines) == 1 and differs(plan) == []
    empty = [*FEES, total_row("Summe Honorar", 271.97), [None, None, None, None, "Material- und Laborkosten"]]
    empty += [total_row("Summe Material/Labor", 0), total_row("Gesamtsumme", 271.97)]
    assert differs(read_plan(write_workbook(tmp_path / "leer.xlsx", empty))) == []


def test_a_vat_total_is_not_compared_and_the_gross_total_below_it_is(tmp_path: Path) -> None:
    labs = [*NET_LABS, total_row("Summe netto", 72.90), total_row("Summe MwSt 7 %", 5.11), total_row("Summe brutto", 78.01)]
    assert differs(read_plan(write_workbook(tmp_path / "mwst.xlsx", FEES, labs))) == []
    labs[-1] = total_row("Summe brutto", 78.10)
    assert [
        f.row
        for f in read_plan(write_workbook(tmp_path / "falsch.xlsx", FEES, labs)).input_findings
        if f.code == "input.total_differs"
    ] == [6]


def test_a_material_line_whose_text_ends_in_summe_stays_a_line_and_a_sum_of_what_is_a_total(tmp_path: Path) -> None:
    material = [None, None, None, None, "Einmalmaterial Pauschalsumme", None, None, 15.00]
    plan = read_plan(write_workbook(tmp_path / "material.xlsx", [*FEES, material, total_row("Honorarsumme", 286.97)]))
    assert len(plan.lab_lines) == 1 and differs(plan) == []
    assert [f.row for f in plan.input_findings if f.code == "input.total_row"] == [6]


def test_one_line_is_named_as_a_row_and_a_sheet_of_many_totals_compares_the_first_500(tmp_path: Path) -> None:
    one = read_plan(write_workbook(tmp_path / "eine.xlsx", [FEES[0], total_row("Summe", 12.95)]))
    assert "von den gelesenen Beträgen der Zeile 2 ab (12,94 €)" in differs(one)[0]
    rows = [row for _ in range(300) for row in (FEES[0], total_row("Summe", 1.00))]  # each one off its line
    rows += [row for _ in range(300) for row in (FEES[0], total_row("Summe", 12.94))]
    assert len(differs(read_plan(write_workbook(tmp_path / "viele.xlsx", rows)))) == 300
    rows = [row for _ in range(600) for row in (FEES[0], total_row("Summe", 1.00))]
    assert len(differs(read_plan(write_workbook(tmp_path / "mehr.xlsx", rows)))) == 500


def test_the_warning_is_for_the_practice_not_in_the_letter(tmp_path: Path) -> None:
    plan = read_plan(write_workbook(tmp_path / "brief.xlsx", [*FEES, total_row("Summe", 230.00)]))
    result = estimate(plan, load_tariffs())
    letter = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(build_pdf(result, load_tariffs(), DAY.date()))).pages)
    assert differs(plan) and "Summe im Plan" not in letter and "Eingehende Untersuchung" in letter.replace("\n", " ")


def sheets(path: Path, tables: dict[str, list[list[Any]]], labs: list[list[Any]]) -> Path:
    """A plan with fee sheets of these names (GOZ, GOÄ) and a Labor sheet."""
    workbook = openpyxl.Workbook()
    patient = workbook.active
    assert patient is not None
    patient.title = "Patient"
    for label, value in PATIENT.items():
        patient.append([label, value])
    for name, rows in {**tables, "Labor": labs}.items():
        sheet = workbook.create_sheet(name)
        sheet.append(LAB_HEADER if name == "Labor" else FEE_HEADER)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def test_net_zero_and_fee_schedule_totals(tmp_path: Path) -> None:
    gross = [[DAY, "16", "0001", "Modell", 2, 5.70, 7, 12.20], [DAY, "16", "0344", "Vollkrone Metall", 1, 61.50, 7, 65.81]]
    netto = read_plan(write_workbook(tmp_path / "netto.xlsx", FEES, [*gross, total_row("Summe netto", 72.90)]))
    assert differs(netto) == []  # the lines' net amounts, as the row says
    plain = read_plan(write_workbook(tmp_path / "plain.xlsx", FEES, [*gross, total_row("Summe", 72.90)]))
    assert len(differs(plain)) == 1  # a total of these gross lines is their gross sum
    assert len(differs(read_plan(write_workbook(tmp_path / "null.xlsx", [*FEES, total_row("Summe", 0)])))) == 1
    lab = [DAY, "16", "Labor", "0344", "Vollkrone Metall", 1, None, 65.81]  # a lab row of a one-sheet table (GO)
    block = [*FEES, lab, total_row("Summe GOZ", 230.00), total_row("Summe GOÄ", 41.97), total_row("Summe Labor", 65.81)]
    header = ["Datum", "Zahn", "GO", "Nr", "Leistung", "Anzahl", "Faktor", "Betrag"]
    plan = read_plan(write_workbook(tmp_path / "go.xlsx", [*block, total_row("Gesamtsumme", 337.78)], fee_header=header))
    assert len(plan.lab_lines) == 1 and differs(plan) == []
    named = read_plan(write_workbook(tmp_path / "goz.xlsx", [*FEES, total_row("GOZ-Summe", 230.00)]))
    assert plan.left_out == named.left_out == () and differs(named) == []


def test_a_total_with_or_without_vat_is_compared_one_of_the_vat_is_not(tmp_path: Path) -> None:
    labs = [*NET_LABS, [None, None, None, "zzgl. 7 % MwSt", None, None, None, 5.11]]
    inkl = read_plan(write_workbook(tmp_path / "inkl.xlsx", [*FEES, total_row("Gesamtbetrag inkl. MwSt", 449.98)], labs))
    assert len(differs(inkl)) == 1
    labs = [*NET_LABS, total_row("Summe netto", 72.90), total_row("MwSt-Summe 7 %", 5.11), total_row("Summe brutto", 78.01)]
    assert differs(read_plan(write_workbook(tmp_path / "mwst.xlsx", FEES, labs))) == []


def test_many_sheets_are_each_compared_with_their_own_lines_and_a_workbook_compares_500_totals(tmp_path: Path) -> None:
    many = {f"GOÄ {k}": [FEES[2], total_row("Summe", 1.00)] for k in range(12)}  # too many to combine
    plan = read_plan(sheets(tmp_path / "viele.xlsx", {"GOZ": FEES[:2], **many}, NET_LABS))
    assert len(differs(plan)) == 12
    rows = [row for _ in range(300) for row in (FEES[0], total_row("Summe", 1.00))]
    plan = read_plan(sheets(tmp_path / "zwei.xlsx", {"GOZ": rows, "GOÄ": rows}, NET_LABS))
    assert len(differs(plan)) == 500


def test_past_2000_findings_the_notes_give_way_to_the_warnings(tmp_path: Path) -> None:
    """2.100 total rows said as notes came before the warnings, and the cap of the findings cut every warning."""
    rows = [row for _ in range(2_100) for row in (FEES[0], total_row("Summe", 1.00))]
    plan = read_plan(write_workbook(tmp_path / "viele.xlsx", rows))
    assert len(differs(plan)) == 500 and plan.input_findings[-1].code == "input.more_findings"
    assert len(plan.input_findings) == 2_001


def test_a_summary_row_of_the_labor_sheets_total_right_under_the_fees_also_with_a_lab_row_left_out(tmp_path: Path) -> None:
    labs = [*NET_LABS, [None, None, None, "zzgl. 7 % MwSt", None, None, None, 5.11], total_row("Summe", 78.01)]
    fees = [*FEES, total_row("Summe Labor (Blatt Labor)", 78.01), total_row("Gesamtbetrag", 349.98)]
    assert differs(read_plan(write_workbook(tmp_path / "block.xlsx", fees, labs))) == []
    left_out = [NET_LABS[0], [DAY, "16", None, "Vollkrone", 1, 61.50, 7, 61.50], total_row("Summe", 78.01)]
    fees = [*FEES, total_row("Summe Honorar", 271.97), total_row("Summe Labor (siehe Blatt Labor)", 78.01)]
    plan = read_plan(write_workbook(tmp_path / "aus.xlsx", [*fees, total_row("Gesamtbetrag", 349.98)], left_out))
    assert len(plan.left_out) == 1 and differs(plan) == []
    with_vat = read_plan(write_workbook(tmp_path / "mit.xlsx", [*FEES, total_row("Summe mit MwSt", 300.00)]))
    assert len(differs(with_vat)) == 1


def test_past_2000_findings_errors_come_before_warnings(tmp_path: Path) -> None:
    long_text = "Vollkrone " * 210  # past the 2.000 characters a text keeps: a warning each
    rows = [[DAY, "16", "GOZ", "2210", long_text, 1, 2.3, 217.06] for _ in range(2_050)]
    rows += [[DAY, "16", "GOZ", None, "Krone", 1, 2.3, 217.06] for _ in range(3)]  # no number: left out, said why
    plan = read_plan(write_workbook(tmp_path / "lang.xlsx", rows))
    errors = [f for f in plan.input_findings if f.severity is Severity.ERROR and f.code != "input.more_findings"]
    assert [f.row for f in errors] == [2052, 2052, 2053, 2053, 2054, 2054] and len(plan.left_out) == 3
