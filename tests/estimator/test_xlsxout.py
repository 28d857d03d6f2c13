"""The estimate as a workbook: values (never formulas) with German number formats, one column per cause."""

import datetime as dt
import io
from decimal import Decimal as D
from typing import Any

import openpyxl
import pytest

from estimator.io.excel import read_plan
from estimator.output.xlsxout import estimate_workbook
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from tests.conftest import GOLDEN
from tests.estimator.builders import fee, lab, run

MONEY = '#,##0.00" €"'
DAY = dt.datetime(2026, 3, 10)


def workbook_of(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


@pytest.fixture(scope="module")
def staged() -> Any:
    return workbook_of(estimate_workbook(estimate(read_plan(GOLDEN / "staged_cap_year1.xlsx"), load_tariffs())))


def rows_by_header(sheet: Any) -> list[dict[str, Any]]:
    """Each row as {heading: cell}."""
    header = [cell.value for cell in sheet[1]]
    return [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2)]


def cents(value: float) -> D:
    return D(str(value)).quantize(D("0.01"))


def test_no_cell_of_any_sheet_is_a_formula(staged: Any) -> None:
    types = {cell.data_type for sheet in staged.worksheets for row in sheet.iter_rows() for cell in row if cell.value is not None}
    assert types <= {"s", "n", "d"}, types


def test_the_line_where_the_staged_cap_runs_out(staged: Any) -> None:
    row = next(r for r in rows_by_header(staged["Zeilen"]) if (r["Blatt"].value, r["Zeile"].value) == ("Labor", 7))
    values = {name: cell.value for name, cell in row.items()}
    assert (values["Art"], values["Datum"], values["Zahn"], values["GO"], values["Nr"]) == ("Labor", DAY, "26", "B 269", "0602")
    assert values["Faktor"] is None and values["Anzahl"] == 1 and values["Klasse"] == "A"
    assert [cents(values[k]) for k in ("berechnet", "erstattungsfähig", "Erstattung", "Kürzung")] == [
        D("84.10"),
        D("84.10"),
        D("34.62"),
        D("49.48"),  # 84,10 - 34,62
    ]
    assert values["Satz"] == 0.8
    assert (cents(values["Erstattungssatz"]), cents(values["Zahnstaffel"])) == (D("16.82"), D("32.66"))
    assert values["Selbstbehalt"] is None and values["Gebührengrenzen"] is None  # causes that did not apply stay empty
    assert "Nr. II.3.2: Zahnstaffel: im ersten Versicherungsjahr" in values["Gründe"]


def test_amounts_dates_rates_and_factors_carry_german_looking_formats(staged: Any) -> None:
    for row in rows_by_header(staged["Zeilen"]):
        assert row["Datum"].is_date and row["Datum"].number_format == "DD.MM.YYYY"
        assert row["Satz"].number_format == '0" "%'  # 80 %, as the letter
        for name in ("berechnet", "erstattungsfähig", "Erstattung", "Kürzung", "Erstattungssatz", "Zahnstaffel"):
            assert row[name].number_format == MONEY, name
        # a count shows as it is (1, 0,5): "0.##" showed a whole one as "1,"
        assert row["Anzahl"].number_format == "General" and row["Faktor"].number_format == "0.0##"
    fee_row = rows_by_header(staged["Zeilen"])[1]
    assert (fee_row["GO"].value, fee_row["Nr"].value, fee_row["Faktor"].value) == ("GOZ", "2210", 2.3)


def test_the_reductions_of_each_row_add_up_to_its_cut(staged: Any) -> None:
    causes = ["Gebührengrenzen", "Laborhöchstpreise", "nicht erstattungsfähig", "Implantatgrenze", "PZR-Höchstbetrag"]
    causes += ["Erstattungssatz", "Selbstbehalt", "Zahnstaffel", "Prüfung"]
    for row in rows_by_header(staged["Zeilen"]):
        parts = sum((cents(row[c].value) for c in causes if row[c].value is not None), D(0))
        assert parts == cents(row["Kürzung"].value) == cents(row["berechnet"].value) - cents(row["Erstattung"].value)


def test_the_overview_holds_values_and_leaves_out_causes_that_did_not_apply(staged: Any) -> None:
    rows = list(staged["Übersicht"].iter_rows(min_row=2))
    cell = {row[0].value: row[1] for row in rows}
    assert cell["Gesamtkosten laut Plan"].value == 1615.0 and cell["Gesamtkosten laut Plan"].number_format == MONEY
    assert cell["voraussichtliche Erstattung"].value == 1000.0 and cell["voraussichtlicher Eigenanteil"].value == 615.0
    assert (
        cell["Versicherungsbeginn"].value == dt.datetime(2026, 1, 1) and cell["Versicherungsbeginn"].number_format == "DD.MM.YYYY"
    )
    assert cell["Kooperationszahnarzt"].value == "nein" and cell["Tarif"].value == "BM5/0"
    assert (cents(cell["davon Erstattungssatz"].value), cents(cell["davon Zahnstaffel"].value)) == (D("322.96"), D("292.04"))
    assert "davon Selbstbehalt" not in cell and "davon Prüfung" not in cell
    assert cell["Eigenanteil nach Ursachen"].value == "davon Erstattungssatz 322,96\u00a0€, Zahnstaffel 292,04\u00a0€"
    limits = [row[1].value for row in rows if row[0].value == "Grenze"]
    assert len(limits) == 2 and limits[0].startswith("Zahnstaffel 1. Versicherungsjahr (01.01.2026 – 31.12.2026)")
    assert cell["Stand"].value.startswith("Tarifprofil BM5-2026.2.15 ab 01.01.2026")
    assert cell["Auslegung: Versicherungsjahr"].value == "Kalenderjahre (insurance_year=calendar)"
    assert cell["Auslegung: Rundung berechneter Gebühren"].value == "einmal am Ende (fee_rounding=exact)"


def test_every_table_has_a_frozen_header_and_a_filter_over_its_rows(staged: Any) -> None:
    lines = staged["Zeilen"]
    assert lines.freeze_panes == "A2" and lines.max_row == 25  # 24 plan lines
    assert lines.auto_filter.ref == f"A1:{lines.cell(row=1, column=lines.max_column).column_letter}25"
    assert staged["Hinweise"].auto_filter.ref == "A1:H1" and staged["Hinweise"].max_row == 1  # no findings
    assert [c.font.bold for c in lines[1]] == [True] * lines.max_column


def test_plan_text_that_looks_like_a_formula_is_written_as_text() -> None:
    formula = "=SUMME(A1:A9)"
    result = run(
        fee("2210", "16", description=formula, justification="+1+1"),
        lab("0344", "16", "61.50", description="@SUM(1)"),
        name='=HYPERLINK("http://example.invalid","x")',
    )
    workbook = workbook_of(estimate_workbook(result))
    descriptions = {r["Nr"].value: r["Leistung"] for r in rows_by_header(workbook["Zeilen"])}
    assert (descriptions["2210"].value, descriptions["2210"].data_type) == (formula, "s")
    assert (descriptions["0344"].value, descriptions["0344"].data_type) == ("@SUM(1)", "s")
    patient = next(row[1] for row in workbook["Übersicht"].iter_rows(min_row=2) if row[0].value == "Patient")
    assert (patient.value, patient.data_type) == ('=HYPERLINK("http://example.invalid","x")', "s")


def test_a_line_without_text_is_named_by_its_catalogue_as_in_the_letter() -> None:
    workbook = workbook_of(estimate_workbook(run(fee("2210", "16", description=""), lab("0344", "16", "61.50", description=""))))
    descriptions = {r["Nr"].value: r["Leistung"].value for r in rows_by_header(workbook["Zeilen"])}
    assert descriptions["2210"].startswith("Versorgung eines Zahnes") and descriptions["0344"]


def test_findings_sheet_lists_each_finding_with_its_place() -> None:
    later, before = fee("2210", "16", factor="3.4", date=dt.date(2026, 4, 15)), fee("2060", "17")  # 10.03.2026
    result = run(later, before, insurance_start=dt.date(2026, 4, 1))
    rows = [[c.value for c in row] for row in workbook_of(estimate_workbook(result))["Hinweise"].iter_rows(min_row=2)]
    by_code = {row[2]: row for row in rows}
    assert by_code["date.before_insurance_start"][1:6] == ["Fehler", "date.before_insurance_start", "Leistungen", 3, "Datum"]
    assert by_code["fee.above_threshold"][1] == "Warnung"
    assert by_code["date.before_insurance_start"][7].startswith("Behandlungsdatum 10.03.2026 liegt vor dem Versicherungsbeginn")


def test_a_unit_price_keeps_its_third_place_and_the_overview_names_the_person_as_the_letter_does() -> None:
    result = run(fee("2210", "46"), lab("0344", "46", "61.555", vat_percent="19"))
    book = openpyxl.load_workbook(io.BytesIO(estimate_workbook(result)))
    lab_row = next(row for row in rows_by_header(book["Zeilen"]) if row["Art"].value == "Labor")
    assert lab_row["Einzelpreis"].value == 61.555 and lab_row["Einzelpreis"].number_format == '#,##0.00##" €"'
    assert lab_row["MwSt"].value == 19 and lab_row["MwSt"].number_format == 'General" %"'  # 19 %, not a bare 19
    overview = {row[0].value: row[1].value for row in book["Übersicht"].iter_rows(min_row=2)}
    assert overview["Geburtsdatum"] == dt.datetime(1975, 6, 15) and "Versicherungsnummer" in overview


def test_a_line_without_an_amount_is_named_as_missing_in_the_workbook_and_the_json_as_in_the_letter() -> None:
    from estimator.output.jsonout import estimate_json  # noqa: PLC0415

    result = run(fee("2210", "16"), fee("9999", "16"))  # no schedule knows 9999, no amount given: computed at 0,00 €
    book = openpyxl.load_workbook(io.BytesIO(estimate_workbook(result)))
    overview = [(row[0].value, row[1].value) for row in book["Übersicht"].iter_rows(min_row=2)]
    assert ("ohne Betrag, fehlt in allen Beträgen", "Leistungen Zeile 3 (GOZ 9999, Zahn 16)") in overview
    assert estimate_json(result)["without_amount"] == [
        {"sheet": "Leistungen", "row": 3, "what": "Leistungen Zeile 3 (GOZ 9999, Zahn 16)"}
    ]


def test_the_findings_of_one_plan_name_its_file_as_a_batchs_do() -> None:
    from estimator.io.excel import read_plan  # noqa: PLC0415
    from estimator.resources import example_plan_path  # noqa: PLC0415

    result = estimate(read_plan(example_plan_path()), load_tariffs())
    rows = list(workbook_of(estimate_workbook(result))["Hinweise"].iter_rows(min_row=2, values_only=True))
    assert rows and {row[0] for row in rows} == {"beispielplan.xlsx"}


def test_a_text_longer_than_its_column_wraps_and_a_short_one_does_not(staged: Any) -> None:
    # labels of 92 characters hid behind the next column, reasons of 489 characters ran on one line
    lines = staged["Zeilen"]
    reasons = next(cell for cell in lines[1] if cell.value == "Gründe").column_letter
    long_reasons = [cell for cell in lines[reasons][1:] if len(str(cell.value)) > 80]
    assert long_reasons and all(cell.alignment.wrap_text for cell in long_reasons)
    overview = staged["Übersicht"]
    settings = [row[0] for row in overview.iter_rows(min_row=2) if str(row[0].value).startswith("Auslegung")]
    assert all(bool(cell.alignment.wrap_text) == (len(cell.value) > 28) for cell in settings)
    assert any(cell.alignment.wrap_text for cell in settings)
    assert not overview["A2"].alignment.wrap_text  # „Patient“
