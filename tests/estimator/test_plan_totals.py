"""A plan's own total rows against the lines read above them: a total none of its sums gives is said at its cell
(a line lost, an amount misread, a total that leaves a line out); the totals practices write are not."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from estimator.io.excel import read_plan
from estimator.kinds import Severity
from estimator.model import Plan
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from estimator.wording import finding_text, text
from tests.estimator.workbooks import write_workbook

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
    return [finding_text(f).replace("\xa0", " ") for f in plan.input_findings if f.code == "input.total_differs"]


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
    assert [lab.amount for lab in plan.lab_lines] == [None, None]  # computed with their VAT
    result = estimate(plan, load_tariffs())
    assert sum((r.billed for r in result.lines if r.kind == "lab"), Decimal(0)) == Decimal("78.01")  # each line's VAT
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
