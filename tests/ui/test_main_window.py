"""The real main window, driven as a user would: edit, undo, toggle, click, save, reopen, recover."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from estimator.io.casefile import open_case
from estimator.wording import rule_text, step_text
from tests.conftest import GOLDEN, ROOT
from tests.estimator.workbooks import write_workbook
from tests.ui.conftest import finish, idle
from ui.app import offer_recovery
from ui.document import CaseDocument, autosave_path
from ui.main_window import MainWindow
from ui.models import ExplanationModel, FindingsModel, LineColumn, LinesModel

CROWN = GOLDEN / "crown_basic.xlsx"
DEDUCTIBLE = GOLDEN / "deductible_first_year_prorated.xlsx"


def column(model: LinesModel, key: LineColumn) -> int:
    return [c.key for c in model.columns].index(key)


def cell(model: LinesModel, row: int, key: LineColumn) -> str:
    return str(model.data(model.index(row, column(model, key))))


def test_editing_a_factor_changes_the_benefit_and_undo_restores_it(open_window: Any) -> None:
    window = open_window(CROWN)
    model = window.fee_model
    row = [line.number for line in model.lines].index("2210")
    before_line, before_total = cell(model, row, LineColumn.BENEFIT), window.totals.values["benefit"].text()
    assert model.setData(model.index(row, column(model, LineColumn.FACTOR)), "3,0")
    assert cell(model, row, LineColumn.FACTOR) == "3"
    assert cell(model, row, LineColumn.BENEFIT) != before_line
    assert window.totals.values["benefit"].text() != before_total
    assert window.windowTitle().endswith("* – HKP-Schätzer")
    window.undo_action.trigger()
    assert cell(model, row, LineColumn.BENEFIT) == before_line and window.totals.values["benefit"].text() == before_total
    window.redo_action.trigger()
    assert cell(model, row, LineColumn.FACTOR) == "3"


def test_a_bad_edit_is_refused_with_its_reason_in_the_status_bar_at_once(open_window: Any) -> None:
    window = open_window(CROWN)
    model = window.fee_model
    assert not model.setData(model.index(0, column(model, LineColumn.TOOTH)), "99")
    message = window.statusBar().currentMessage()
    assert "FDI" in message and "Leistungen Zeile 2, Zahn" in message
    assert window.document.undo_stack.count() == 0


def test_cooperating_dentist_turns_80_into_90_percent(open_window: Any) -> None:
    window = open_window(CROWN)
    model = window.fee_model
    assert cell(model, 1, LineColumn.RATE) == "80\u00a0%"
    window.person_panel.cooperating.setChecked(True)
    assert cell(model, 1, LineColumn.RATE) == "90\u00a0%"
    assert window.document.estimate.totals.benefit > Decimal("323.01")
    window.undo_action.trigger()
    assert cell(model, 1, LineColumn.RATE) == "80\u00a0%" and not window.person_panel.cooperating.isChecked()


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


def test_clicking_a_finding_selects_its_line(open_window: Any, qtbot: Any) -> None:
    window = open_window(DEDUCTIBLE)
    window.detail_tabs.setCurrentIndex(1)
    findings = window.findings_model
    row = next(i for i, f in enumerate(findings.findings) if f.row == 3 and f.sheet == "Leistungen")
    view = window.findings_view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(findings.index(row, 2)).center())
    current = window.fee_view.selectionModel().currentIndex()
    assert window.lines_tabs.currentIndex() == 0
    assert window.fee_model.lines[window.fee_filter.mapToSource(current).row()].row == 3
    assert window.explanation_model.rowCount() > 0
    assert "Zeile 3" in window.explanation_title.text()


def test_clicking_a_tooth_filters_the_lines(open_window: Any, qtbot: Any) -> None:
    window = open_window(DEDUCTIBLE)
    chart = window.tooth_chart
    tooth = next(iter(window.fee_model.lines[0].teeth.teeth))
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart._cell(tooth).center().toPoint())
    shown = window.fee_filter.rowCount()
    assert 0 < shown < len(window.fee_model.lines)
    assert all(
        tooth in window.fee_model.lines[window.fee_filter.mapToSource(window.fee_filter.index(r, 0)).row()].teeth.teeth
        for r in range(shown)
    )
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart._cell(tooth).center().toPoint())
    assert window.fee_filter.rowCount() == len(window.fee_model.lines)


def test_save_and_reopen_gives_the_same_estimate(open_window: Any, tmp_path: Path) -> None:
    window = open_window(CROWN)
    window.fee_model.setData(window.fee_model.index(1, column(window.fee_model, LineColumn.FACTOR)), "3,5")
    window.fee_model.setData(window.fee_model.index(1, column(window.fee_model, LineColumn.REASON)), "tief zerstörter Zahn")
    window.person_panel.cooperating.setChecked(True)
    assert window.files.save_to(tmp_path / "fall.hkp.json")
    assert window.document.is_saved and not window.windowTitle().endswith("*")
    reopened = open_window(tmp_path / "fall.hkp.json")
    assert reopened.document.estimate.totals == window.document.estimate.totals
    assert reopened.document.case.edits == window.document.case.edits
    assert reopened.document.is_saved


def test_recovery_after_a_crash_brings_back_every_edit(open_window: Any, settings: QSettings, qtbot: Any) -> None:
    window = open_window(CROWN)
    window.fee_model.setData(window.fee_model.index(1, column(window.fee_model, LineColumn.FACTOR)), "3,2")
    window.person_panel.cooperating.setChecked(True)
    timer = window.document._autosave_timer
    qtbot.waitUntil(lambda: not timer.isActive() and autosave_path().exists(), timeout=3000)
    expected = window.document.estimate.totals
    window.document.autosave_enabled = False  # the crashed process writes nothing more
    fresh = MainWindow(CaseDocument(open_case(ROOT / "resources/examples/beispielplan.xlsx")), settings)
    qtbot.addWidget(fresh)
    fresh.ask_on_close = lambda title, text: QMessageBox.StandardButton.Discard
    titles: list[str] = []
    assert offer_recovery(fresh, ask=lambda window, title: titles.append(title) is None)
    assert titles == ["crown_basic.xlsx"]
    assert fresh.document.estimate.totals == expected
    assert not fresh.document.is_saved
    assert fresh.person_panel.cooperating.isChecked()


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(open_window: Any) -> None:
    window = open_window(CROWN)
    window.person_panel.accident.setChecked(True)
    asked: list[str] = []

    def cancel(title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    window.ask_on_close = cancel
    assert not window.close()
    assert asked and "crown_basic.xlsx" in asked[0] and window.isVisible()


def test_an_unreadable_file_is_reported_and_the_case_stays(open_window: Any, tmp_path: Path, qtbot: Any) -> None:
    window = open_window(CROWN)
    errors: list[str] = []
    window.show_error = lambda title, text: errors.append(text)
    bad = tmp_path / "kaputt.xlsx"
    bad.write_bytes(b"kein Excel")
    task = finish(qtbot, window.files.open_path(bad))
    assert task.error is not None and "keine Excel-Arbeitsmappe" in errors[0]
    assert "keine Excel-Arbeitsmappe" in window.statusBar().currentMessage()
    assert window.document.source == CROWN and window.centralWidget().isEnabled()


def test_opening_remembers_recent_files(open_window: Any, qtbot: Any) -> None:
    window = open_window(CROWN)
    assert finish(qtbot, window.files.open_path(DEDUCTIBLE)).error is None
    assert window.document.source == DEDUCTIBLE
    assert window.files.recent_files()[0] == str(DEDUCTIBLE)
    assert [a.text() for a in window.recent_menu.actions()] == [DEDUCTIBLE.name]


def test_pdf_export_writes_the_estimate(open_window: Any, tmp_path: Path, qtbot: Any) -> None:
    window = open_window(CROWN)
    task = finish(qtbot, window.files.export_pdf(tmp_path / "schaetzung.pdf", open_after=False))
    assert task.result.read_bytes().startswith(b"%PDF")
    assert "PDF geschrieben" in window.statusBar().currentMessage()


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


def test_screenshot_command_renders_the_window(tmp_path: Path) -> None:
    out = tmp_path / "fenster.png"
    run = subprocess.run(
        [sys.executable, "-m", "ui.start", "--screenshot", str(out), str(CROWN)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)


def test_window_fits_1366_by_768(open_window: Any) -> None:
    window = open_window(CROWN)
    window.resize(1366, 768)
    assert window.minimumSizeHint().width() <= 1366 and window.minimumSizeHint().height() <= 768
    erstattung = column(window.fee_model, LineColumn.BENEFIT)
    assert (
        window.fee_view.columnViewportPosition(erstattung) + window.fee_view.columnWidth(erstattung)
        <= window.fee_view.viewport().width()
    )
    assert window.tooth_chart.mapTo(window, QPoint(window.tooth_chart.width(), 0)).x() <= 1366


def test_english_translation_is_loaded_from_the_qm_file(open_window: Any, qapp: Any) -> None:
    from ui.app import install_translation  # noqa: PLC0415
    from ui.language import set_language  # noqa: PLC0415

    translators = install_translation(qapp, "en")
    try:
        assert translators
        window = open_window(CROWN)
        assert window.lines_tabs.tabText(0) == "Fees (3)"
        assert window.menuBar().actions()[0].text() == "&File"
        assert window.fee_model.headerData(7, Qt.Orientation.Horizontal) == "Amount"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        set_language("de")


def test_whatif_tab_shows_alternatives_and_the_planners_advice(open_window: Any, qtbot: Any) -> None:
    window = open_window(GOLDEN / "staged_cap_year1.xlsx")
    window.detail_tabs.setCurrentWidget(window.whatif_text)
    idle(qtbot, window)
    text = window.whatif_text.toPlainText()
    assert "als Unfallfolge" in text and "Zahn 16: aus dem 1. Versicherungsjahr auf den 01.01.2027 verlegen" in text
    window.person_panel.cooperating.setChecked(True)
    qtbot.waitUntil(lambda: "ohne Kooperationszahnarzt" in window.whatif_text.toPlainText(), timeout=30_000)


def test_reviewer_sets_a_lines_eligible_amount_and_undoes_it(open_window: Any) -> None:
    window = open_window(CROWN)
    row = [line.number for line in window.fee_model.lines].index("2210")
    window.fee_view.selectRow(row)
    assert window.review_current_line("M. Prüfer", "100,00", "", "") == "Prüfer und Grund sind nötig"
    assert window.review_current_line("M. Prüfer", "100,00", "", "Faktor nicht begründet") == ""
    assert cell(window.fee_model, row, LineColumn.ELIGIBLE) == "100,00\u00a0€"
    window.show_explanation()
    assert any(rule_text(step.rule) == "Prüfung" and "M. Prüfer" in step_text(step) for step in window.explanation_model.records)
    assert any(f.code == "override.applied" for f in window.findings_model.findings)
    window.undo_action.trigger()
    assert cell(window.fee_model, row, LineColumn.ELIGIBLE) == "217,06\u00a0€"


def test_totals_bar_says_what_the_patient_pays_by_cause(open_window: Any) -> None:
    window = open_window(GOLDEN / "staged_cap_year1.xlsx")
    text = window.totals.causes.text()
    assert "Erstattungssatz 322,96\u00a0€" in text and "Zahnstaffel 292,04\u00a0€" in text
    assert "Selbstbehalt" not in text  # only the causes that apply
    assert "deductible_order=before_caps" in window.totals.causes.toolTip()


def test_orthodontics_start_in_the_person_panel_is_an_undoable_edit(open_window: Any, tmp_path: Path) -> None:
    plan = write_workbook(
        tmp_path / "kfo.xlsx",
        [[dt.datetime(2026, 6, 1), "OK", "GOZ", "6030", None, 1, 2.3, None, None, None, None]],
        patient={"Geburtsdatum": dt.datetime(2007, 3, 1)},
    )
    window = open_window(plan)
    assert window.document.estimate.totals.benefit == Decimal("0.00")
    field = window.person_panel.orthodontics_start
    field.setText("01.09.2025")
    field.editingFinished.emit()
    assert window.document.person.orthodontics_start == dt.date(2025, 9, 1)
    assert window.document.estimate.totals.benefit == Decimal("174.63")
    window.undo_action.trigger()
    assert window.person_panel.orthodontics_start.text() == ""
    assert window.document.estimate.totals.benefit == Decimal("0.00")
