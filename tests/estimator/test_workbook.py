"""The canonical workbook writer and `hkp template`: what it writes reads back to the same estimate."""

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl

from estimator.command.cli import main
from estimator.io.casefile import load_case
from estimator.io.excel import read_plan
from estimator.io.workbook import example_plan, write_workbook
from estimator.resources import example_case_path, example_plan_path
from estimator.rules.engine import estimate
from estimator.samples import synthetic_plan
from estimator.tariff.catalogues import load_tariffs


def same_estimate(first: object, second: object) -> None:
    a, b = estimate(first, load_tariffs()), estimate(second, load_tariffs())  # type: ignore[arg-type]
    assert a.totals == b.totals
    assert [(r.line_class, r.billed, r.eligible, r.benefit) for r in a.lines] == [
        (r.line_class, r.billed, r.eligible, r.benefit) for r in b.lines
    ]


def test_template_round_trips_to_the_example_plans_estimate(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    assert main(["template", str(path)]) == 0
    same_estimate(read_plan(path), example_plan())


def test_template_has_instructions_dropdowns_formats_and_frozen_headers(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    main(["template", str(path)])
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Anleitung", "Patient", "Leistungen", "Labor"]
    fees = workbook["Leistungen"]
    assert [c.value for c in fees[1]][:4] == ["Datum", "Zahn", "GO", "Nr"]
    assert fees.freeze_panes == "A2"
    formulas = {v.formula1 for v in fees.data_validations.dataValidation}
    assert {'"GOZ,GOÄ"', '"ja,nein"', '"A,B,P,X"'} <= formulas
    assert fees["A2"].number_format == "DD.MM.YYYY"
    assert fees.column_dimensions["E"].width == 44
    patient = workbook["Patient"]
    lists = {str(v.sqref): v.formula1 for v in patient.data_validations.dataValidation}
    labels = {row[0].value: f"B{row[0].row}" for row in patient.iter_rows(max_col=1)}
    assert lists == {
        labels["Tarif"]: '"BM5/0,BM5/1,BM5/2,BM5/3"',
        labels["Kooperationszahnarzt"] + " " + labels["Unfall"]: '"ja,nein"',
    }
    assert "Vorlage" in workbook["Anleitung"]["A1"].value


def test_template_leaves_the_practice_to_be_filled_in(tmp_path: Path) -> None:
    """The example's practice would otherwise be the sender of a practice's real letters."""
    path = tmp_path / "t.xlsx"
    main(["template", str(path)])
    person = read_plan(path).person
    assert (person.practice, person.practice_address) == ("", "")
    assert person.name  # the rest of the example stays, to show how it is filled in
    assert any("Absender" in str(row[0].value) for row in openpyxl.load_workbook(path)["Anleitung"].iter_rows())


def test_template_refuses_a_name_that_is_not_xlsx(tmp_path: Path, capsys: object) -> None:
    assert main(["template", str(tmp_path / "t.csv")]) == 2
    assert ".xlsx" in capsys.readouterr().err  # type: ignore[attr-defined]


def test_large_plan_round_trips(tmp_path: Path) -> None:
    plan = synthetic_plan(120)
    write_workbook(plan, tmp_path / "p.xlsx")
    same_estimate(read_plan(tmp_path / "p.xlsx"), plan)


def test_bundled_example_is_the_template_plan() -> None:
    same_estimate(read_plan(example_plan_path()), example_plan())


def test_bundled_example_case_is_the_example_workbook() -> None:
    case = load_case(example_case_path())
    same_estimate(case.plan(), read_plan(example_plan_path()))
    assert case.original.source == "beispielplan.xlsx" and case.edits == {}


def test_orthodontics_start_round_trips_through_the_canonical_workbook(tmp_path: Path) -> None:
    plan = example_plan()
    plan = dataclasses.replace(plan, person=dataclasses.replace(plan.person, orthodontics_start=dt.date(2025, 9, 1)))
    write_workbook(plan, tmp_path / "p.xlsx")
    assert read_plan(tmp_path / "p.xlsx").person.orthodontics_start == dt.date(2025, 9, 1)
    patient = openpyxl.load_workbook(tmp_path / "p.xlsx")["Patient"]
    row = next(r for r in patient.iter_rows() if r[0].value == "KFO-Behandlungsbeginn")
    assert row[1].number_format == "DD.MM.YYYY"


def test_a_session_named_instead_of_a_day_round_trips_through_the_canonical_workbook(tmp_path: Path) -> None:
    plan = example_plan()
    fee, lab = dataclasses.replace(plan.fee_lines[0], date=None, session="2. Sitzung"), plan.lab_lines[0]
    lab = dataclasses.replace(lab, date=None, session="Folgetermin")
    plan = dataclasses.replace(plan, fee_lines=(fee, *plan.fee_lines[1:]), lab_lines=(lab, *plan.lab_lines[1:]))
    write_workbook(plan, tmp_path / "p.xlsx")
    again = read_plan(tmp_path / "p.xlsx")
    assert (again.fee_lines[0].date, again.fee_lines[0].session) == (None, "2. Sitzung")
    assert (again.lab_lines[0].date, again.lab_lines[0].session) == (None, "Folgetermin")
    assert again.fee_lines[1].session == "" and again.fee_lines[1].date == plan.fee_lines[1].date


def test_a_fractional_count_and_a_third_place_of_a_price_show_in_the_workbook_as_they_are(tmp_path: Path) -> None:
    plan = example_plan()
    fee, lab = plan.fee_lines[0], plan.lab_lines[0]
    changed = dataclasses.replace(
        plan,
        fee_lines=(dataclasses.replace(fee, count=Decimal("2.5")), *plan.fee_lines[1:]),
        lab_lines=(dataclasses.replace(lab, quantity=Decimal("1.5"), unit_price=Decimal("61.555")), *plan.lab_lines[1:]),
    )
    write_workbook(changed, tmp_path / "plan.xlsx")
    book = openpyxl.load_workbook(tmp_path / "plan.xlsx")
    count, quantity, price = book["Leistungen"]["F2"], book["Labor"]["E2"], book["Labor"]["F2"]
    assert (count.value, quantity.value, price.value) == (2.5, 1.5, 61.555)
    assert count.number_format == quantity.number_format == "General"  # a whole-number format showed 3 and 2
    assert price.number_format == "#,##0.00## €"
    assert read_plan(tmp_path / "plan.xlsx").fee_lines[0].count == Decimal("2.5")


def test_a_lab_line_below_a_lab_session_is_written_as_it_is_and_read_back_on_its_services_day(tmp_path: Path) -> None:
    from tests.estimator.builders import fee, lab, plan  # noqa: PLC0415

    # the writer gave the material the plan date (it is done on its services' day): 95,00 € eligible became 0,00 €
    services_day = dt.date(2026, 4, 20)
    made = plan(
        fee("9120", "16", date=services_day),
        lab("0010", "16", date=None, session="1. Sitzung"),
        lab("Material", "16", price="95.00", date=None, description="Knochenersatzmaterial", vat_percent=0),
    )
    write_workbook(made, tmp_path / "p.xlsx")
    again = read_plan(tmp_path / "p.xlsx")
    assert [(line.date, line.session) for line in again.lab_lines] == [(None, "1. Sitzung"), (None, "")]
    assert estimate(again, load_tariffs()).totals == estimate(made, load_tariffs()).totals
