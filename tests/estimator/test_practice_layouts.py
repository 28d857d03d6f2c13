"""More plans as practices lay them out: a lab table headed „Lab.-Nr.“ under a heading, implant material with
„Material“ as its number among the fees, the patient's address under the name above the table, the plan's date
labelled „Datum HKP“ – each once misread (lab codes read as GOZ numbers, the material not eligible, the address
dropped, the date lost)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from estimator.cells import PlanReadError
from estimator.io.excel import read_plan
from estimator.kinds import LineClass, Severity
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from tests.estimator.test_practice_exports import book, said

HEAD = [
    ["Heil- und Kostenplan Teil 2 – Privatbehandlung"],
    [],
    ["Patient:", "Max Müller"],
    ["Straße:", "Lindenallee 12"],
    ["PLZ:", "50667"],
    ["Ort:", "Köln"],
    ["Geb.-Datum:", "03.05.1980"],
    ["Tarif:", "BM5/0"],
    ["Versicherungsbeginn:", "01.07.2025"],
    ["Datum HKP", "10. März 2026"],
    [],
]
FEES = [
    ["Datum", "Zahn", "GOZ-Nr.", "Leistungsbeschreibung", "Anz.", "Faktor", "Betrag"],
    ["17.03.2026", 26, "2210", "Vollkrone", 1, 3.0, 283.12],
]


@pytest.mark.parametrize("title", ["Lab.-Nr.", "Labor-Nr.", "L-Nr.", "Lab.Nr.", "Laborcode"])
def test_a_lab_table_under_a_heading_is_read_by_the_number_column_practices_name_it(tmp_path: Path, title: str) -> None:
    rows = [
        *HEAD,
        *FEES,
        [],
        ["Material- und Laborkosten (Dentallabor Weiß)"],
        ["Datum", "Zahn", title, "Bezeichnung", "Menge", "E-Preis", "Betrag"],
        ["17.03.2026", 26, "0001", "Modell Hartgips", 2, 5.70, 11.40],
        ["31.03.2026", 26, "0356", "Krone Keramik", 1, 145.00, 145.00],
    ]
    plan = read_plan(book(tmp_path / "hkp.xlsx", {"HKP": rows}))
    assert [line.number for line in plan.fee_lines] == ["2210"]  # before: 0001 and 0356 as GOZ numbers, their price as factor
    assert [(line.code, line.unit_price) for line in plan.lab_lines] == [("0001", Decimal("5.7")), ("0356", Decimal("145"))]
    assert not plan.left_out


def test_material_named_in_the_number_column_among_the_fees_is_material_billed_without_vat(tmp_path: Path) -> None:
    rows = [
        ["Datum", "Zahn", "GOZ-Nr.", "Leistungsbeschreibung", "Anz.", "Faktor", "Betrag"],
        ["15.04.2026", 36, "9010", "Implantatinsertion", 1, 3.5, 304.13],
        ["15.04.2026", 36, "Material", "Implantat Straumann BLT 4,1x10", 1, None, 389.00],
        ["15.04.2026", 46, "9010", "Implantatinsertion", 1, 3.5, 304.13],
        ["15.04.2026", 46, "Materialkosten", "Implantat Straumann BLT 4,1x10", 2, None, 778.00],
        [],
        ["Laborkosten"],
        ["Datum", "Zahn", "Lab.-Nr.", "Bezeichnung", "Menge", "E-Preis", "Betrag"],
        ["15.04.2026", 46, "0001", "Modell Hartgips", 1, 5.70, 5.70],  # net, its VAT in the row below
        [None, None, None, "zzgl. 7 % MwSt", None, None, 0.40],
    ]
    plan = read_plan(book(tmp_path / "hkp.xlsx", {"HKP": rows}))
    assert [line.number for line in plan.fee_lines] == ["9010", "9010"]  # before: GOZ „Material“, unknown, not eligible
    material = plan.lab_lines[:2]
    assert [(m.code, m.quantity, m.unit_price, m.vat_percent) for m in material] == [
        ("MATERIAL", Decimal(1), Decimal("389.0000"), Decimal(0)),
        ("MATERIALKOSTEN", Decimal(2), Decimal("389.0000"), Decimal(0)),
    ]
    assert not [f for f in plan.input_findings if f.code == "input.unit_price_derived" and f.row in (3, 5)]
    assert said(plan, "input.vat_row") == [  # the material takes no VAT: the row is the VAT of the model alone
        "HKP!D10: Zeile der Mehrwertsteuer übersprungen; die Beträge der Laborzeile darüber waren netto, mit ihrer MwSt gerechnet"
    ]
    result = estimate(plan, load_tariffs())
    lines = [r for r in result.lines if r.kind == "lab"][:2]
    assert [(r.line_class, r.billed, r.eligible) for r in lines] == [
        (LineClass.A, Decimal("389.00"), Decimal("389.00")),
        (LineClass.A, Decimal("778.00"), Decimal("778.00")),
    ]


def test_the_address_under_the_patients_name_above_the_table_is_the_patients(tmp_path: Path) -> None:
    plan = read_plan(book(tmp_path / "hkp.xlsx", {"HKP": [*HEAD, *FEES]}))
    person = plan.person
    assert (person.name, person.street, person.postcode, person.city) == ("Max Müller", "Lindenallee 12", "50667", "Köln")
    assert plan.plan_date == dt.date(2026, 3, 10)  # „Datum HKP“, its date written out


def test_an_address_above_the_patients_name_is_the_practices_letter_head_and_said(tmp_path: Path) -> None:
    head = [["Straße:", "Hauptstr. 5"], ["Ort:", "Köln"], *HEAD[2:3], *HEAD[6:]]
    plan = read_plan(book(tmp_path / "hkp.xlsx", {"HKP": [*head, *FEES]}))
    assert (plan.person.name, plan.person.street, plan.person.city) == ("Max Müller", "", "")
    assert said(plan, "input.block_address") == [
        "HKP!B1 (Straße): nicht in den Zeilen unter dem Namen des Patienten – als Anschrift der Praxis (Briefkopf) "
        "angesehen, nicht als die des Patienten gelesen; die Anschrift des Patienten bitte unter seinem Namen angeben",
        "HKP!B2 (Ort): nicht in den Zeilen unter dem Namen des Patienten – als Anschrift der Praxis (Briefkopf) "
        "angesehen, nicht als die des Patienten gelesen; die Anschrift des Patienten bitte unter seinem Namen angeben",
    ]
    assert all(f.severity is Severity.INFO for f in plan.input_findings if f.code == "input.block_address")


@pytest.mark.parametrize(
    ("head", "address"),
    [
        # the practice's details below the patient's: their address is the practice's
        ([*HEAD[2:3], *HEAD[6:9], ["Zahnarzt:", "Dr. Schulz"], ["Straße:", "Praxisweg 1"], ["Ort:", "Köln"]], ("", "")),
        # one row of labels over their values, the address beside the name
        (
            [["Name", "Straße", "PLZ", "Ort", "Tarif"], ["Max Müller", "Lindenallee 12", "50667", "Köln", "BM5/0"]],
            ("Lindenallee 12", "Köln"),
        ),
        # the name in a row of its own, a row of labels over values, then the address
        (
            [HEAD[2], ["Geb.-Datum", "Tarif"], ["03.05.1980", "BM5/0"], ["Straße:", "Lindenallee 12"], ["Ort:", "Köln"]],
            ("Lindenallee 12", "Köln"),
        ),
    ],
)
def test_whose_address_it_is_follows_where_it_stands_beside_the_name(
    tmp_path: Path, head: list[list[object]], address: tuple[str, str]
) -> None:
    plan = read_plan(book(tmp_path / "hkp.xlsx", {"HKP": [*head, [], *FEES]}))
    assert plan.person.name == "Max Müller"
    assert (plan.person.street, plan.person.city) == address


def test_a_running_position_number_is_no_fee_number(tmp_path: Path) -> None:
    rows = [*HEAD, ["Pos.-Nr.", "Datum", "Zahn", "GOZ", "Leistung", "Anz.", "Faktor", "Betrag"]]
    rows += [[1, "17.03.2026", 26, "2210", "Vollkrone", 1, 3.0, 283.12], [2, "17.03.2026", 26, "2197", "adhäsiv", 1, 2.3, 16.82]]
    plan = read_plan(book(tmp_path / "hkp.xlsx", {"HKP": rows}))
    assert [line.number for line in plan.fee_lines] == ["2210", "2197"]


def test_a_lab_table_below_the_fees_whose_number_column_counts_its_rows_is_refused_not_read_as_lab_codes(
    tmp_path: Path,
) -> None:
    rows = [*HEAD, *FEES, [], ["Pos", "Datum", "Zahn", "Bezeichnung", "Menge", "E-Preis", "Betrag"]]
    rows += [[1, "17.03.2026", 26, "Modell", 2, 5.70, 11.40], [2, "31.03.2026", 26, "Krone Keramik", 1, 145.00, 145.00]]
    with pytest.raises(PlanReadError, match="Blatt HKP, Zeile 15: die Spalte „Nr“ der Labortabelle zählt die Zeilen"):
        read_plan(book(tmp_path / "hkp.xlsx", {"HKP": rows}))  # before: lab codes 0001 and 0002, the crown at 9,52 €


def test_model_codes_under_a_lab_code_header_that_excel_kept_as_1_and_2_are_the_models(tmp_path: Path) -> None:
    rows = [*HEAD, *FEES, [], ["Datum", "Zahn", "Lab.-Nr.", "Bezeichnung", "Menge", "E-Preis", "Betrag"]]
    rows += [
        ["17.03.2026", 26, 1, "Modell Hartgips", 1, 5.70, 5.70],
        ["17.03.2026", 26, 2, "Modell nach Überabdruck", 1, 8.90, 8.90],
    ]
    plan = read_plan(book(tmp_path / "hkp.xlsx", {"HKP": rows}))
    assert [line.code for line in plan.lab_lines] == ["0001", "0002"]


def test_an_address_labelled_anschrift_under_the_patients_name_is_the_patients(tmp_path: Path) -> None:
    head = [HEAD[2], ["Anschrift:", "Lindenallee 12"], ["PLZ:", "50667"], ["Ort:", "Köln"], *HEAD[6:]]
    person = read_plan(book(tmp_path / "hkp.xlsx", {"HKP": [*head, *FEES]})).person
    assert (person.street, person.postcode, person.city, person.practice_address) == ("Lindenallee 12", "50667", "Köln", "")
