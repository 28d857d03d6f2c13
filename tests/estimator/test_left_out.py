"""Rows the import leaves out are kept with the plan: in the case file and in a saved workbook with the texts they
had, corrected into a line by the same reading as the workbook's rows, or dropped with a note."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from estimator.case import Case, CaseError
from estimator.io.casefile import case_from_json, case_json, load_case, save_case
from estimator.io.excel import NO_RESULT, read_plan
from estimator.io.leftout import line_from_cells
from estimator.io.workbook import write_workbook
from estimator.kinds import Schedule, Severity
from estimator.model import MAX_LINES, FeeLine, LabLine
from estimator.planlines import add_lines, delete_lines, drop_left_out, new_fee_line, take_left_out
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from estimator.teeth import parse_teeth
from estimator.wording import finding_text
from tests.estimator.test_import_broken import fee, lab, plan_with
from tests.estimator.workbooks import write_workbook as write_test_workbook


def one_sheet(folder: Path, count_header: str, row: list[object]) -> Path:
    """A one-sheet export: a good fee line in row 2, then this row (GO says whether it is a lab row)."""
    from openpyxl import Workbook  # noqa: PLC0415

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Export"
    sheet.append(["Datum", "Zahn", "GO", "Nr", "Leistung", count_header, "Faktor", "Einzelpreis", "MwSt"])
    sheet.append([dt.datetime(2026, 3, 10), "16", "GOZ", "2210", "Vollkrone", 1, 2.3, None, None])
    sheet.append(row)
    book.save(folder / "ein-blatt.xlsx")
    return folder / "ein-blatt.xlsx"


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    """Leistungen row 3: tooth 99 (no tooth), with a justification; Labor row 3: a price that is no number."""
    bad_fee = fee(Zahn="99", Faktor=3.5, Begründung="Erschwernis durch =Wurzelform", Datum=dt.datetime(2026, 3, 12))
    return plan_with(tmp_path, bad_fee, lab(Einzelpreis="zwölf"))


def test_a_left_out_row_keeps_its_cells_as_text(plan_path: Path) -> None:
    plan = read_plan(plan_path)
    assert len(plan.fee_lines) == 1 and len(plan.lab_lines) == 1
    fee_row, lab_row = plan.left_out
    assert (fee_row.kind, fee_row.sheet, fee_row.row) == ("fee", "Leistungen", 3)
    assert dict(fee_row.cells) == {
        "Datum": "12.03.2026",
        "Zahn": "99",
        "GO": "GOZ",
        "Nr": "2210",
        "Leistung": "Vollkrone",
        "Anzahl": "1",
        "Faktor": "3,5",
        "Begründung": "Erschwernis durch =Wurzelform",
    }
    assert (lab_row.kind, lab_row.row, lab_row.cell("Einzelpreis"), lab_row.cell("MwSt")) == ("lab", 3, "zwölf", "7")


def test_the_case_file_and_a_saved_workbook_keep_the_left_out_rows(plan_path: Path, tmp_path: Path) -> None:
    case = Case.from_plan(read_plan(plan_path))
    save_case(case, tmp_path / "fall.hkp.json")
    assert load_case(tmp_path / "fall.hkp.json").original.left_out == case.original.left_out
    write_workbook(case.plan(), tmp_path / "gespeichert.xlsx")
    again = read_plan(tmp_path / "gespeichert.xlsx")
    assert [dict(left.cells) for left in again.left_out] == [dict(left.cells) for left in case.original.left_out]
    assert [left.row for left in again.left_out] == [3, 3]  # after the one line of each sheet, as in the plan
    skipped = [f for f in again.input_findings if f.code == "input.line_skipped"]
    assert [(f.sheet, f.row) for f in skipped] == [("Leistungen", 3), ("Labor", 3)]


def test_a_corrected_row_is_read_as_a_workbook_row_and_takes_its_place(plan_path: Path) -> None:
    case = Case.from_plan(read_plan(plan_path))
    left = case.original.left_out[0]
    letters = case.original.columns["Leistungen"]
    line, found = line_from_cells(left, {**dict(left.cells), "Zahn": "17"}, letters)
    assert isinstance(line, FeeLine) and line.teeth.teeth == {17} and line.factor == Decimal("3.5")
    assert line.date == dt.date(2026, 3, 12) and line.justification == "Erschwernis durch =Wurzelform"
    wrong, problems = line_from_cells(left, {**dict(left.cells), "Zahn": "19", "Anzahl": "-1"}, letters)
    assert wrong is None
    errors = [finding_text(f).split(":")[0] for f in problems if f.severity is Severity.ERROR]
    assert errors == ["Leistungen!B3 (Zahn)", "Leistungen!F3 (Anzahl)"]
    taken = take_left_out(case, 0, line, found)
    assert [(f.sheet, f.row) for f in taken.original.fee_lines] == [("Leistungen", 2), ("Leistungen", 3)]
    assert len(taken.original.left_out) == 1 and taken.original.left_out[0].kind == "lab"
    said = [f for f in taken.original.input_findings if (f.sheet, f.row) == ("Leistungen", 3)]  # the skip note gone
    assert [f.code for f in said] == ["input.line_corrected"] and "Zahn 99;" in finding_text(said[0])  # the sheet's
    result = estimate(taken.plan(), load_tariffs())
    assert [r.line.teeth.text for r in result.lines if isinstance(r.line, FeeLine)] == ["16", "17"]
    gone = delete_lines(taken, "fee", [1])  # the corrected line deleted: a new line does not take its row and its note
    added = add_lines(gone, "fee", [new_fee_line("0010", Schedule.GOZ, parse_teeth(None), None, Decimal("2.3"))])
    assert [line.row for line in added.original.fee_lines] == [2, 4]


def test_a_corrected_lab_row_of_a_one_sheet_table_is_a_lab_line(tmp_path: Path) -> None:
    plan = read_plan(one_sheet(tmp_path, "Anz.", [dt.datetime(2026, 3, 10), "16", "Labor", "0344", "Krone", 2, None, "x", 7]))
    (left,) = plan.left_out
    assert (left.kind, left.sheet, left.row, left.cell("Anzahl"), left.cell("GO")) == ("lab", "Export", 3, "2", "Labor")
    line, found = line_from_cells(left, {**dict(left.cells), "Einzelpreis": "61,50"}, plan.columns[left.sheet])
    assert isinstance(line, LabLine) and line.unit_price == Decimal("61.50") and line.code == "0344" and line.quantity == 2
    assert not [f for f in found if f.severity is Severity.ERROR]
    _, problems = line_from_cells(left, dict(left.cells), plan.columns[left.sheet])
    assert finding_text(problems[0]).startswith("Export!H3 (Einzelpreis)")  # the cell of the sheet it came from


def test_a_dropped_row_is_said_with_its_texts(plan_path: Path) -> None:
    case = Case.from_plan(read_plan(plan_path))
    dropped = drop_left_out(case, 1)
    assert [left.kind for left in dropped.original.left_out] == ["fee"]
    notes = [finding_text(f) for f in dropped.original.input_findings if (f.sheet, f.row) == ("Labor", 3)]
    assert notes == [
        "Labor, Zeile 3: ausgelassene Zeile verworfen (Datum 10.03.2026; Zahn 16; Nr 0344; Leistung "
        "Vollkrone Metall; Menge 1; Einzelpreis zwölf; MwSt 7)"
    ]


@pytest.mark.parametrize(
    ("left", "said"),
    [
        ({"kind": "abc", "sheet": "Leistungen", "row": 3, "cells": {}}, "fee oder lab erwartet"),
        ({"kind": "fee", "sheet": "Leistungen", "row": 3, "cells": {"Preis": "1"}}, "unbekanntes Feld „Preis“"),
        ({"kind": "fee", "sheet": "Leistungen", "row": -1, "cells": {}}, "ganze Zahl von 0 bis"),
        ({"kind": "lab", "sheet": "Labor", "row": 3, "cells": {"Nr": 5}}, "Text erwartet"),
        ({"kind": "lab", "sheet": "Labor", "row": 3, "cells": {"Leistung": "x" * 5_000}}, "höchstens"),
    ],
)
def test_a_hostile_left_out_row_in_a_case_file_is_refused_by_name(plan_path: Path, left: dict[str, object], said: str) -> None:
    data = case_json(Case.from_plan(read_plan(plan_path)))
    data["left_out"] = [left]
    with pytest.raises(CaseError, match=said):
        case_from_json(json.loads(json.dumps(data)))


def test_a_formula_without_a_saved_result_stays_refused_until_a_value_is_typed(tmp_path: Path) -> None:
    from tests.estimator.variants import add_formulas  # noqa: PLC0415

    path = plan_with(tmp_path, fee(Zahn="17", Anzahl=3, Faktor=3.5))
    add_formulas(path, {("Leistungen", "F3"): "1+2", ("Leistungen", "G3"): "2.3*1.5"}, cached=False)
    plan = read_plan(path)
    (left,) = plan.left_out
    assert (left.cell("Anzahl"), left.cell("Faktor")) == (NO_RESULT, NO_RESULT)
    line, found = line_from_cells(left, dict(left.cells), plan.columns["Leistungen"])
    assert line is None and {f.column for f in found if f.code == "input.formula"} == {"F", "G"}
    write_workbook(Case.from_plan(plan).plan(), tmp_path / "gespeichert.xlsx")
    assert [left.cell("Faktor") for left in read_plan(tmp_path / "gespeichert.xlsx").left_out] == [NO_RESULT]
    line, _ = line_from_cells(left, {**dict(left.cells), "Anzahl": "3", "Faktor": "3,5"}, plan.columns["Leistungen"])
    assert isinstance(line, FeeLine) and (line.count, line.factor) == (3, Decimal("3.5"))


def test_a_new_line_never_takes_the_row_of_a_left_out_one(plan_path: Path) -> None:
    case = Case.from_plan(read_plan(plan_path))
    added = add_lines(case, "fee", [new_fee_line("2210", Schedule.GOZ, parse_teeth("15"), None, Decimal("2.3"))])
    assert [line.row for line in added.original.fee_lines] == [2, 4]  # row 3 is the left-out row's
    left = added.original.left_out[0]
    line, found = line_from_cells(left, {**dict(left.cells), "Zahn": "17"}, added.original.columns["Leistungen"])
    assert line is not None
    taken = take_left_out(added, 0, line, found)
    assert [(line.row, line.teeth.text) for line in taken.original.fee_lines] == [(2, "16"), (3, "17"), (4, "15")]
    clash = dataclasses.replace(case, original=dataclasses.replace(case.original, fee_lines=(*case.original.fee_lines, line)))
    with pytest.raises(CaseError, match="an dieser Stelle steht schon eine Zeile"):
        take_left_out(clash, 0, line, found)


def test_a_row_of_a_table_with_go_keeps_its_price_and_may_turn_out_a_lab_row(tmp_path: Path) -> None:
    plan = read_plan(one_sheet(tmp_path, "Anzahl", [46091, "16", "Lbor", "0344", "Krone", 1, None, 61.5, 7]))  # GO mistyped
    (left,) = plan.left_out
    assert (left.kind, left.cell("Einzelpreis"), left.cell("MwSt"), left.cell("Datum")) == ("fee", "61,5", "7", "10.03.2026")
    write_workbook(Case.from_plan(plan).plan(), tmp_path / "gespeichert.xlsx")
    assert read_plan(tmp_path / "gespeichert.xlsx").left_out[0].cell("Einzelpreis") == "61,5"
    line, found = line_from_cells(left, {**dict(left.cells), "GO": "Labor"}, plan.columns["Export"])
    assert isinstance(line, LabLine) and line.unit_price == Decimal("61.5") and line.date == dt.date(2026, 3, 10)
    taken = take_left_out(Case.from_plan(plan), 0, line, found)
    assert [lab.code for lab in taken.original.lab_lines] == ["0344"] and taken.original.left_out == ()


def test_a_line_whose_text_begins_like_a_total_is_no_total_row(tmp_path: Path) -> None:
    plan = read_plan(plan_with(tmp_path, None, lab(Datum=None, Zahn=None, Nr="0344", Leistung="Totalprothese OK")))
    write_workbook(plan, tmp_path / "gespeichert.xlsx")
    again = read_plan(tmp_path / "gespeichert.xlsx")
    assert [line.description for line in again.lab_lines] == ["Vollkrone Metall", "Totalprothese OK"]


def test_column_letters_from_a_hostile_case_file_never_break_the_reading(plan_path: Path) -> None:
    left = read_plan(plan_path).left_out[0]
    for letters in ({"Zahn": "ZZZZZZZ"}, {"Zahn": ""}, {"Zahn": "D", "Nr": "D"}, {"Zahn": 5}):
        line, _ = line_from_cells(left, {**dict(left.cells), "Zahn": "17"}, letters)  # type: ignore[dict-item]
        assert isinstance(line, FeeLine) and line.teeth.text == "17" and line.number == "2210"


def test_left_out_rows_count_against_the_lines_a_plan_may_hold(plan_path: Path) -> None:
    case = Case.from_plan(read_plan(plan_path))
    many = [new_fee_line("0010", Schedule.GOZ, parse_teeth(None), None, Decimal("2.3"))] * (MAX_LINES - 4)
    full = add_lines(case, "fee", many)  # 2 lines and 2 left-out rows beside them: the plan is full
    with pytest.raises(CaseError, match="höchstens"):
        add_lines(full, "fee", many[:1])


def test_the_letter_says_that_rows_are_missing_and_leaves_notes_on_the_file_to_the_practice(tmp_path: Path) -> None:
    from pypdf import PdfReader  # noqa: PLC0415

    from estimator.output.pdf import build_pdf  # noqa: PLC0415

    path = write_test_workbook(
        tmp_path / "plan.xlsx",
        [fee(), fee(Zahn="99")],
        [],
        fee_header=[
            "Datum",
            "Zahn",
            "GO",
            "Nr",
            "Leistung",
            "Anzahl",
            "Faktor",
            "Betrag",
            "Begründung",
            "Unfall",
            "Bemerkung intern",
        ],
    )
    result = estimate(read_plan(path), load_tariffs())
    assert any(f.code == "input.column_unknown" for f in result.findings)
    letter = PdfReader(io.BytesIO(build_pdf(result, load_tariffs(), dt.date(2026, 12, 5))))
    pages = [" ".join(page.extract_text().split()) for page in letter.pages]
    said = "Achtung: 1 Zeile des Plans konnte nicht gelesen werden und fehlt in allen Beträgen dieser Schätzung: "
    assert said + "Leistungen Zeile 3 (GOZ 2210 Vollkrone, Zahn 99);" in pages[0]  # the patient knows the service
    assert "Bemerkung intern" not in " ".join(pages) and "Zeile ausgelassen" in " ".join(pages)
    assert "Gesamtkosten ohne fehlende Zeilen" in pages[0] and "Gesamtkosten laut Plan" not in pages[0]
    assert "Eigenanteil ohne fehlende Zeilen" in pages[0] and "voraussichtlicher Eigenanteil" not in pages[0]  # nor is it


def test_terminal_and_workbook_name_the_totals_as_the_letter_does_when_rows_are_missing(tmp_path: Path) -> None:
    from openpyxl import load_workbook  # noqa: PLC0415

    from estimator.output.textout import estimate_text  # noqa: PLC0415
    from estimator.output.xlsxout import estimate_workbook  # noqa: PLC0415

    whole = estimate(read_plan(write_test_workbook(tmp_path / "ganz.xlsx", [fee()], [])), load_tariffs())
    missing = estimate(read_plan(write_test_workbook(tmp_path / "fehlt.xlsx", [fee(), fee(Zahn="99")], [])), load_tariffs())
    for result, billed, share in (
        (whole, "Gesamtkosten laut Plan", "voraussichtlicher Eigenanteil"),
        (missing, "Gesamtkosten ohne fehlende Zeilen", "Eigenanteil ohne fehlende Zeilen"),
    ):
        said = estimate_text(result)
        assert f"  {billed}:" in said and f"  {share}:" in said
        overview = load_workbook(io.BytesIO(estimate_workbook(result)))["Übersicht"]
        labels = [row[0] for row in overview.iter_rows(values_only=True)]
        assert billed in labels and share in labels
    assert "Rechnungsbetrag:" not in estimate_text(whole)


def test_a_one_sheet_lab_rows_count_is_named_as_its_column_is(tmp_path: Path) -> None:
    plan = read_plan(one_sheet(tmp_path, "Anzahl", [dt.datetime(2026, 3, 10), "16", "Labor", "0344", "Krone", -2, None, 61.5, 7]))
    said = [finding_text(f) for f in plan.input_findings if f.row == 3 and f.severity is Severity.ERROR]
    assert said[0].startswith("Export!F3 (Anzahl):")
    left = plan.left_out[0]
    _, found = line_from_cells(left, dict(left.cells), plan.columns["Export"])
    assert finding_text(found[0]).startswith("Export!F3 (Anzahl):")


def test_a_case_file_from_before_left_out_rows_were_kept_still_warns_in_the_letter(plan_path: Path) -> None:
    from pypdf import PdfReader  # noqa: PLC0415

    from estimator.output.pdf import build_pdf  # noqa: PLC0415

    older = dataclasses.replace(read_plan(plan_path), left_out=())  # only the finding says a row was left out
    letter = PdfReader(io.BytesIO(build_pdf(estimate(older, load_tariffs()), load_tariffs(), dt.date(2026, 12, 5))))
    first = " ".join(letter.pages[0].extract_text().split())
    said = "Achtung: 2 Zeilen des Plans konnten nicht gelesen werden und fehlen in allen Beträgen dieser Schätzung: "
    assert said + "Leistungen Zeile 3; Labor Zeile 3;" in first
    from estimator.output.textout import estimate_text  # noqa: PLC0415

    assert "Gesamtkosten ohne fehlende Zeilen" in first  # and the terminal names the total as the letter does
    assert "  Gesamtkosten ohne fehlende Zeilen:" in estimate_text(estimate(older, load_tariffs()))


def test_lines_without_a_treatment_day_are_said_so_not_that_they_could_not_be_read() -> None:
    from pypdf import PdfReader  # noqa: PLC0415

    from estimator.output.pdf import build_pdf  # noqa: PLC0415
    from tests.estimator.builders import fee, plan  # noqa: PLC0415

    undated = plan(fee("2210", "16", amount="300.00"), fee("2197", "16", amount="16.82", date=None), plan_date=None)
    letter = PdfReader(io.BytesIO(build_pdf(estimate(undated, load_tariffs()), load_tariffs(), dt.date(2026, 12, 5))))
    first = " ".join(letter.pages[0].extract_text().split())
    assert (
        "1 Zeile hat keinen Behandlungstag (weder Datum noch Planungsdatum) und fehlt in allen Beträgen: Leistungen Zeile 3"
        in first
    )
    assert "nicht gelesen" not in first


def test_a_lab_line_on_the_tooth_of_a_left_out_service_says_its_class_may_change(tmp_path: Path) -> None:
    # the crown on 16 left out („zwei“ units): its lab work takes class B from the filling on 16 that was read
    filling = fee(Nr="2060", Leistung="Füllung")
    plan = read_plan(
        write_test_workbook(tmp_path / "plan.xlsx", [filling, fee(Anzahl="zwei")], [lab(Nr="0001", Leistung="Modell")])
    )
    result = estimate(plan, load_tariffs())
    model = next(r for r in result.lines if r.line.sheet == "Labor")
    assert model.line_class.value == "B"  # as the rule says, with the row read
    said = [finding_text(f) for f in result.findings if f.phrase.code.value == "lab.beside_left_out"]
    assert said == [
        "Labor 0001, Zahn 16: eine Leistung an ihrem Zahn ist nicht gelesen (Leistungen Zeile 3); die Klasse der Laborzeile "
        "folgt den übrigen Leistungen und kann sich ändern, wenn die Zeile berichtigt ist"
    ]
    whole = read_plan(write_test_workbook(tmp_path / "ganz.xlsx", [filling, fee()], [lab(Nr="0001", Leistung="Modell")]))
    assert not [f for f in estimate(whole, load_tariffs()).findings if f.phrase.code.value == "lab.beside_left_out"]
    # the crown read, a filling on its tooth left out: its lab work stays class A whatever the row holds – not said
    beside_crown = [fee(), fee(Nr="2060", Leistung="Füllung", Anzahl="zwei")]
    crown = read_plan(write_test_workbook(tmp_path / "krone.xlsx", beside_crown, [lab(Nr="0001", Leistung="Modell")]))
    assert not [f for f in estimate(crown, load_tariffs()).findings if f.phrase.code.value == "lab.beside_left_out"]
    # a crown's lab work with no service read on its tooth is class A by its code: the filling left out makes it B
    by_code = [fee(Nr="0010", Zahn=None), fee(Nr="2060", Zahn="26", Leistung="Füllung", Anzahl="zwei")]
    alone = read_plan(write_test_workbook(tmp_path / "code.xlsx", by_code, [lab(Zahn="26")]))
    said = [f for f in estimate(alone, load_tariffs()).findings if f.phrase.code.value == "lab.beside_left_out"]
    assert [finding_text(f).split(":")[0] for f in said] == ["Labor 0344, Zahn 26"]
