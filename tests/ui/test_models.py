"""The table models of the window: lines with their amounts, edits and undo, findings, explanation steps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from estimator.io.casefile import load_case
from tests.conftest import GOLDEN
from tests.estimator.workbooks import write_workbook
from tests.ui.conftest import cell, column
from ui.main_window import MainWindow
from ui.models import ExplanationModel, FindingsModel, LineColumn

CROWN = GOLDEN / "crown_basic.xlsx"
DEDUCTIBLE = GOLDEN / "deductible_first_year_prorated.xlsx"


def test_editing_a_factor_changes_the_benefit_and_undo_restores_it(open_window: Any) -> None:
    window = open_window(CROWN)
    model = window.fee_model
    row = [line.number for line in model.lines].index("2210")
    before_line, before_total = cell(model, row, LineColumn.BENEFIT), window.totals.values["benefit"].text()
    assert model.setData(model.index(row, column(model, LineColumn.FACTOR)), "3,0")
    assert cell(model, row, LineColumn.FACTOR) == "3,0"  # a factor with its place, as a fee table writes it
    assert cell(model, row, LineColumn.BENEFIT) != before_line
    assert window.totals.values["benefit"].text() != before_total
    assert window.windowTitle().endswith("* – HKP-Schätzer")
    window.undo_action.trigger()
    assert cell(model, row, LineColumn.BENEFIT) == before_line and window.totals.values["benefit"].text() == before_total
    window.redo_action.trigger()
    assert cell(model, row, LineColumn.FACTOR) == "3,0"


def test_a_lab_lines_vat_is_corrected_in_its_cell_and_its_amount_follows(open_window: Any) -> None:
    # a lab line priced with 19 % (an implant part) could not be entered: the window priced every lab line at 7 %
    window = open_window(CROWN)
    model = window.lab_model
    index = model.index(0, column(model, LineColumn.VAT))
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    line = model.lines[0]
    assert model.setData(index, "19")
    assert cell(model, 0, LineColumn.VAT) == "19\u00a0%"
    expected = f"{line.quantity * line.unit_price * 119 / 100:.2f}".replace(".", ",") + "\u00a0€"
    assert cell(model, 0, LineColumn.AMOUNT) == expected
    assert not model.setData(index, "120")  # refused with its reason, the 19 % kept
    assert cell(model, 0, LineColumn.VAT) == "19\u00a0%" and "MwSt" in window.statusBar().currentMessage()


def test_a_mistyped_number_is_corrected_in_its_cell(open_window: Any) -> None:
    window = open_window(CROWN)
    model = window.fee_model
    row = [line.number for line in model.lines].index("2210")
    assert model.flags(model.index(row, column(model, LineColumn.NUMBER))) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(model.index(row, column(model, LineColumn.NUMBER)), "2215")
    assert "fee.unknown_number" in [f.code for f in window.document.estimate.findings]
    assert model.setData(model.index(row, column(model, LineColumn.NUMBER)), "2210")
    assert "fee.unknown_number" not in [f.code for f in window.document.estimate.findings]
    assert window.document.case.edits == {}  # back to the number as read: no edit left


def test_a_bad_edit_is_refused_with_its_reason_in_the_status_bar_at_once(open_window: Any) -> None:
    window = open_window(CROWN)
    model = window.fee_model
    assert not model.setData(model.index(0, column(model, LineColumn.TOOTH)), "99")
    message = window.statusBar().currentMessage()
    assert "FDI" in message and "Leistungen Zeile 2, Zahn" in message
    assert window.document.undo_stack.count() == 0


def test_accident_checkbox_in_a_line_is_an_undoable_edit(open_window: Any) -> None:
    window = open_window(GOLDEN / "staged_cap_year1.xlsx")
    model = window.fee_model
    capped = window.document.estimate.totals.benefit
    for row in range(len(model.lines)):
        model.setData(
            model.index(row, column(model, LineColumn.ACCIDENT)), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
        )
    assert window.document.estimate.totals.benefit > capped
    assert window.document.undo_stack.count() == len(model.lines)


@pytest.mark.parametrize("name", ["fee", "lab", "findings", "explanation", "filter"])
def test_models_pass_the_model_tester(open_window: Any, qtmodeltester: Any, name: str) -> None:
    window: MainWindow = open_window(DEDUCTIBLE)
    window.fee_view.selectRow(0)
    window.show_explanation()
    models = {
        "fee": window.fee_model,
        "lab": window.lab_model,
        "findings": window.findings_model,
        "explanation": window.explanation_model,
        "filter": window.fee_filter,
    }
    assert isinstance(window.findings_model, FindingsModel) and isinstance(window.explanation_model, ExplanationModel)
    qtmodeltester.check(models[name], force_py=True)
    window.person_panel.cooperating.setChecked(True)
    qtmodeltester.check(models[name], force_py=True)


def test_an_amount_typed_by_hand_stays_when_the_factor_changes_and_the_status_bar_says_so(open_window: Any) -> None:
    window = open_window(CROWN)
    model = window.fee_model
    row = [line.number for line in model.lines].index("2210")
    amount, factor = model.index(row, column(model, LineColumn.AMOUNT)), model.index(row, column(model, LineColumn.FACTOR))
    assert model.setData(factor, "3,0")
    followed = cell(model, row, LineColumn.AMOUNT)
    assert followed == "283,12\u00a0€"  # an amount from the catalogue follows the factor
    assert model.setData(amount, "300,00")
    assert model.setData(factor, "3,5")
    assert cell(model, row, LineColumn.AMOUNT) == "300,00\u00a0€"  # typed by hand: kept as typed
    said = window.statusBar().currentMessage()
    assert "Faktor geändert – der von Hand eingetragene Betrag 300,00\u00a0€ bleibt" in said
    assert said.endswith("damit er aus Faktor und Anzahl berechnet wird, die Zelle Betrag leeren")
    assert "leeren, um ihn zu berechnen" in model.data(amount, Qt.ItemDataRole.ToolTipRole)
    assert model.setData(amount, "")  # emptied: computed from factor and count again
    assert cell(model, row, LineColumn.AMOUNT) == "330,31\u00a0€"


def test_an_amount_typed_without_its_comma_is_said_in_the_status_bar_with_what_the_estimate_asks(open_window: Any) -> None:
    window = open_window(CROWN)
    model = window.fee_model
    row = [line.number for line in model.lines].index("2210")
    amount = model.index(row, column(model, LineColumn.AMOUNT))
    window.statusBar().clearMessage()
    assert model.setData(amount, "21706")  # 217,06 meant
    said = window.statusBar().currentMessage()
    assert (
        said.startswith(f"Leistungen Zeile {model.lines[row].row} – bitte prüfen: ")
        and "21.706,00\u00a0€ über der Gebühr zum Höchstsatz" in said
    )
    assert model.setData(amount, "217,06")  # the fee itself: the question the typo brought is gone, nothing new said
    assert "bitte prüfen" not in window.statusBar().currentMessage()
    assert model.setData(model.index(row, column(model, LineColumn.FACTOR)), "3,0")  # above the threshold: asked
    assert "fee.above_threshold" in [f.code for f in window.document.estimate.findings]
    assert model.setData(model.index(row, column(model, LineColumn.TOOTH)), "17")  # the same question, another tooth
    assert "bitte prüfen" not in window.statusBar().currentMessage()


def test_an_amount_of_the_plan_that_no_longer_fits_a_new_factor_is_said_when_it_is_computed_instead(
    open_window: Any, tmp_path: Path
) -> None:
    billed = [["10.03.2026", "16", "GOZ", "2197", None, 1, 2.3, 20.00, None, None, None]]  # the dentist's 20,00 €
    window = open_window(write_workbook(tmp_path / "plan.xlsx", billed))
    model = window.fee_model
    assert cell(model, 0, LineColumn.AMOUNT) == "20,00\u00a0€"
    assert model.setData(model.index(0, column(model, LineColumn.FACTOR)), "3,0")
    assert cell(model, 0, LineColumn.AMOUNT) == "21,93\u00a0€"
    said = window.statusBar().currentMessage()
    assert said.startswith("Leistungen Zeile 2: Faktor geändert – statt des Betrags 20,00\u00a0€ aus dem Plan gilt jetzt")
    window.undo_action.trigger()
    assert cell(model, 0, LineColumn.AMOUNT) == "20,00\u00a0€"
    assert model.setData(model.index(0, column(model, LineColumn.FACTOR)), "3,0")
    assert model.setData(model.index(0, column(model, LineColumn.FACTOR)), "2,3")  # the plan's factor typed again
    assert cell(model, 0, LineColumn.AMOUNT) == "20,00\u00a0€"
    assert "gilt jetzt der berechnete" not in window.statusBar().currentMessage()


def test_a_session_named_instead_of_a_day_is_shown_and_a_day_typed_replaces_it(open_window: Any, tmp_path: Path) -> None:
    fees = [
        ["1. Sitzung", "OK", "GOZ", "8010", "Registrieren", 2, 2.3],
        ["2. Sitzung", "OK", "GOZ", "8010", "Registrieren", 2, 2.3],
    ]
    window = open_window(write_workbook(tmp_path / "sitzungen.xlsx", fees))
    model = window.fee_model
    assert [cell(model, row, LineColumn.DATE) for row in range(2)] == ["10.03.2026 (1. Sitzung)", "10.03.2026 (2. Sitzung)"]
    view = window.fee_view  # the column wide enough to show it (it was cut to „10.03.20…“)
    assert view.columnWidth(0) > view.fontMetrics().horizontalAdvance("10.03.2026 (2. Sitzung)")
    assert cell(model, 1, LineColumn.ELIGIBLE) == "46,56\u00a0€"  # twice again: a session of its own
    assert model.setData(model.index(1, column(model, LineColumn.DATE)), "10.03.2026")  # the second session's day
    assert cell(model, 1, LineColumn.DATE) == "10.03.2026" and window.document.case.plan().fee_lines[1].session == ""
    assert cell(model, 1, LineColumn.ELIGIBLE) == "46,56\u00a0€"  # the plan date without a session: a day of its own
    window.undo_action.trigger()
    assert cell(model, 1, LineColumn.DATE) == "10.03.2026 (2. Sitzung)"
    assert model.setData(model.index(1, column(model, LineColumn.DATE)), "")  # cleared: as the plan said it
    assert cell(model, 1, LineColumn.DATE) == "10.03.2026 (2. Sitzung)"


def test_a_session_typed_in_the_date_column_is_taken_as_the_workbook_takes_it_and_saved_with_the_case(
    open_window: Any, tmp_path: Path
) -> None:
    fees = [
        ["10.03.2026", "16", "GOZ", "2210", "Krone", 1, 2.3],
        ["10.03.2026", "OK", "GOZ", "8010", "Registrieren", 2, 2.3],
    ]
    window = open_window(write_workbook(tmp_path / "plan.xlsx", fees))
    model = window.fee_model
    date = model.index(1, column(model, LineColumn.DATE))
    assert model.setData(date, "2. Sitzung")  # the registration again in a session of its own, as the sheet may say
    line = window.document.case.plan().fee_lines[1]
    assert (line.date, line.session) == (None, "2. Sitzung") and cell(model, 1, LineColumn.DATE).endswith("(2. Sitzung)")
    assert model.data(date, Qt.ItemDataRole.EditRole) == "2. Sitzung"  # the editor opens with what was typed
    window.document.save(tmp_path / "fall.hkp.json")
    saved = load_case(tmp_path / "fall.hkp.json")
    assert saved.plan().fee_lines[1].session == "2. Sitzung" and saved.plan() == window.document.case.plan()
    refused = window.document.refusal(lambda: model.setData(date, "morgen früh"))
    assert refused.startswith("Leistungen Zeile 3, Datum: ") and window.document.case.plan().fee_lines[1].session
    assert model.setData(date, "12.03.2026")  # a day typed: the session goes
    assert window.document.case.plan().fee_lines[1].session == ""
