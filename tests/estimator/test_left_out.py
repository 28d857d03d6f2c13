"""Rows the import leaves out are kept with the plan: in the case file and in a saved workbook with the texts they
had, corrected into a line by the same reading as the workbook's rows, or dropped with a note."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from estimator.case import Case, CaseError
from estimator.io.casefile import case_from_json, case_json, load_case, save_case
from estimator.io.excel import line_from_cells, read_plan
from estimator.io.workbook import write_workbook
from estimator.kinds import Severity
from estimator.model import FeeLine, LabLine
from estimator.planlines import drop_left_out, take_left_out
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from estimator.wording import finding_text
from tests.estimator.test_import_broken import fee, lab, plan_with


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
    assert not [f for f in taken.original.input_findings if (f.sheet, f.row) == ("Leistungen", 3)]
    result = estimate(taken.plan(), load_tariffs())
    assert [r.line.teeth.text for r in result.lines if isinstance(r.line, FeeLine)] == ["16", "17"]


def test_a_corrected_lab_row_of_a_one_sheet_table_is_a_lab_line(tmp_path: Path) -> None:
    from openpyxl import Workbook  # noqa: PLC0415

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Export"
    sheet.append(["Datum", "Zahn", "GO", "Nr", "Leistung", "Anz.", "Faktor", "Einzelpreis", "MwSt"])
    sheet.append([dt.datetime(2026, 3, 10), "16", "GOZ", "2210", "Vollkrone", 1, 2.3, None, None])
    sheet.append([dt.datetime(2026, 3, 10), "16", "Labor", "0344", "Krone", 2, None, "x", 7])
    book.save(tmp_path / "ein-blatt.xlsx")
    plan = read_plan(tmp_path / "ein-blatt.xlsx")
    (left,) = plan.left_out
    assert (left.kind, left.sheet, left.row, left.cell("Menge"), left.cell("GO")) == ("lab", "Export", 3, "2", "")
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
        ({"kind": "fee", "sheet": "Leistungen", "row": 3, "cells": {"Einzelpreis": "1"}}, "unbekanntes Feld „Einzelpreis“"),
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
