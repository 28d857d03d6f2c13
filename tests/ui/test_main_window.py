"""The real main window, driven as a user would: edit, undo, toggle, click, save, reopen, recover."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMessageBox

from estimator.case import Case
from estimator.kinds import LineClass
from estimator.money import eur
from estimator.resources import example_plan_path
from estimator.samples import synthetic_plan
from estimator.wording import rule_text, step_text
from tests.conftest import GOLDEN
from tests.estimator.workbooks import write_workbook
from tests.ui.conftest import cell, column, idle
from ui.document import CaseDocument
from ui.language import status_text
from ui.main_window import MainWindow
from ui.models import LineColumn

CROWN = GOLDEN / "crown_basic.xlsx"
DEDUCTIBLE = GOLDEN / "deductible_first_year_prorated.xlsx"


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
    assert "Leistungen Zeile 3: Nr. 2160, Zahn 25, Klasse B" in window.explanation_title.text()
    window.select_line("Leistungen", 4)  # PZR, no tooth
    assert "Leistungen Zeile 4: Nr. 1040, Klasse P" in window.explanation_title.text()


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


def test_every_column_shows_at_1366_pixels_also_beside_a_scroll_bar(qtbot: Any, settings: Any) -> None:
    """A long plan: four-digit row numbers and a vertical scroll bar narrow the tables; the accident column too stays
    in view without scrolling sideways."""
    window = MainWindow(CaseDocument(Case.from_plan(synthetic_plan(1_200)), autosave=False), settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    for index, view in enumerate((window.fee_view, window.lab_view)):
        window.lines_tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda view=view: view.verticalScrollBar().isVisible())
        qtbot.waitUntil(lambda view=view: not view.horizontalScrollBar().isVisible())
        assert view.horizontalHeader().length() <= view.viewport().width()


def test_english_translation_is_loaded_from_the_qm_file(open_window: Any, qapp: Any) -> None:
    from ui.app import install_translation  # noqa: PLC0415
    from ui.language import set_language  # noqa: PLC0415

    translators = install_translation(qapp, "en")
    try:
        assert translators
        window = open_window(CROWN)
        assert window.lines_tabs.tabText(0) == "Fees (3)"
        assert window.person_panel.orthodontics_start.placeholderText() == "YYYY-MM-DD"
        steps = [step_text(step, "en") for result in window.document.estimate.lines for step in result.explanations]
        assert not any("Auslegung" in step for step in steps)
        assert window.menuBar().actions()[0].text() == "&File"
        assert window.fee_model.headerData(column(window.fee_model, LineColumn.AMOUNT), Qt.Orientation.Horizontal) == "Amount"
        window.fee_view.selectRow(1)
        steps = [window.explanation_model.data(window.explanation_model.index(r, 1)) for r in range(3)]
        assert any(step.startswith("benefit rate 80%") for step in steps), steps
        capped = open_window(GOLDEN / "staged_cap_year1.xlsx")
        assert "staged cap" in capped.totals.causes.text() and "Zahnstaffel" not in capped.totals.causes.text()
        findings = open_window(DEDUCTIBLE).findings_model
        first = [str(findings.data(findings.index(0, column))) for column in (0, 2)]
        assert first[0] == "Warning" and first[1].startswith("GOZ 2170, tooth 26: amount €350.00 above the fee at the maximum"), (
            first
        )
        assert window.document.edit_line(("fee", 1, "factor"), "3,0")
        assert window.document.undo_stack.undoText() == "Leistungen row 3: Factor changed"  # the sheet keeps its name
        assert not window.document.edit_line(("fee", 1, "teeth"), "99")
        assert window.statusBar().currentMessage().startswith("Leistungen row 3, Tooth: ")
        assert [status_text(s) for s in ("Entwurf", "eingereicht", "erstattet", "abgelehnt")] == [
            "draft",
            "submitted",
            "reimbursed",
            "refused",
        ]
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        set_language("de")


def test_the_english_window_shows_english_figures_and_reads_numbers_typed_the_english_way(open_window: Any, qapp: Any) -> None:
    from ui.app import install_translation  # noqa: PLC0415
    from ui.language import set_language  # noqa: PLC0415

    translators = install_translation(qapp, "en")
    try:
        window = open_window(CROWN)
        fees = window.fee_model
        assert cell(fees, 1, LineColumn.AMOUNT) == "€217.06"
        assert cell(fees, 1, LineColumn.DATE) == "2026-03-10"
        assert cell(fees, 1, LineColumn.FACTOR) == "2.3"
        assert cell(fees, 1, LineColumn.RATE) == "80%"
        assert window.person_panel.birth_date.text() == "1975-06-15"
        assert window.document.edit_line(("fee", 1, "factor"), "2.5")  # German-read „2.5“ is also 2,5
        assert window.document.estimate.plan.fee_lines[1].factor == Decimal("2.5")
        assert window.document.edit_line(("fee", 1, "amount"), "1,234.56")
        assert window.document.estimate.plan.fee_lines[1].amount == Decimal("1234.56")
        assert cell(fees, 1, LineColumn.AMOUNT) == "€1,234.56"
        assert fees.data(fees.index(1, column(fees, LineColumn.AMOUNT)), Qt.ItemDataRole.EditRole) == "1,234.56"
        assert window.document.edit_line(("lab", 0, "quantity"), "1.500")  # in German a thousand and a half
        assert window.document.estimate.plan.lab_lines[0].quantity == Decimal("1.5")
        assert window.document.edit_line(("fee", 0, "amount"), "12,50")  # no English number: read as typed in German
        assert window.document.estimate.plan.fee_lines[0].amount == Decimal("12.50")
        assert not window.document.edit_line(("fee", 1, "amount"), "-1,234.56")
        assert "“-1,234.56”" in window.statusBar().currentMessage()  # quoted as typed, not as it was read
        assert window.document.edit_line(("fee", 1, "amount"), "1,500 EUR")
        assert window.document.estimate.plan.fee_lines[1].amount == Decimal("1500")
        panel = window.person_panel
        assert panel.deductible_used.placeholderText() == "0.00"
        panel.birth_date.setText("15.06.1975")  # the date it holds, typed the German way: shown the window's way
        panel.birth_date.setModified(True)  # as typed by the user
        panel.birth_date.editingFinished.emit()
        assert panel.birth_date.text() == "1975-06-15"
        panel.deductible_used.setText("1,000")
        panel.deductible_used.setModified(True)  # as typed by the user
        panel.deductible_used.editingFinished.emit()
        assert window.document.case.person.deductible_used == Decimal("1000.00")
        assert panel.deductible_used.text() == "1,000.00"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        set_language("de")
    german = open_window(CROWN)
    assert cell(german.fee_model, 1, LineColumn.AMOUNT) == "217,06\u00a0€"
    german.person_panel.deductible_used.setText("1.000")
    german.person_panel.deductible_used.setModified(True)  # as typed by the user
    german.person_panel.deductible_used.editingFinished.emit()
    assert german.document.case.person.deductible_used == Decimal("1000.00")


def test_whatif_tab_compares_alternatives_and_applies_the_planners_suggestion(open_window: Any, qtbot: Any) -> None:
    window = open_window(GOLDEN / "staged_cap_year1.xlsx")
    window.detail_tabs.setCurrentWidget(window.whatif)
    panel = window.whatif
    qtbot.waitUntil(panel.apply.isEnabled, timeout=30_000)
    heads = [panel.table.horizontalHeaderItem(c).text() for c in range(panel.table.columnCount())]
    assert heads[0] == "wie geplant" and "als Unfallfolge" in heads and heads[-1] == "Vorschlag der Zahnstaffel-Planung"
    rows = [panel.table.verticalHeaderItem(r).text() for r in range(panel.table.rowCount())]
    assert "Erstattung" in rows and "davon Zahnstaffel" in rows
    assert "Zahn 16: aus dem 1. Versicherungsjahr auf den 04.01.2027 verlegen" in panel.advice.text()
    suggested = panel.comparison.split.estimate.totals.benefit
    before = window.document.estimate.totals.benefit
    assert panel.apply.isEnabled() and panel.apply_split()
    assert window.document.estimate.totals.benefit == suggested > before
    moved = {line.date for line in window.document.estimate.plan.fee_lines if line.teeth.text == "16"}
    assert moved == {dt.date(2027, 1, 4)}
    window.undo_action.trigger()
    assert window.document.estimate.totals.benefit == before
    idle(qtbot, window)
    window.person_panel.cooperating.setChecked(True)
    qtbot.waitUntil(
        lambda: (
            "ohne Kooperationszahnarzt" in [panel.table.horizontalHeaderItem(c).text() for c in range(panel.table.columnCount())]
        ),
        timeout=30_000,
    )


def test_the_whatif_tab_chosen_on_a_small_screen_shows_all_its_rows_and_ten_plan_lines(open_window: Any, qtbot: Any) -> None:
    window = open_window(example_plan_path())  # four causes of the own share: eight rows
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.height() <= 768)
    window.detail_tabs.setCurrentWidget(window.whatif)
    panel = window.whatif
    qtbot.waitUntil(lambda: panel.comparison is not None, timeout=30_000)
    assert panel.table.rowCount() == 8
    qtbot.waitUntil(lambda: panel.table.verticalScrollBar().maximum() == 0)  # every figure and cause in sight
    view = window.fee_view
    assert view.viewport().height() >= 10 * view.verticalHeader().defaultSectionSize()  # the plan's lines keep ten rows


def test_reviewer_sets_a_lines_eligible_amount_and_undoes_it(open_window: Any) -> None:
    window = open_window(CROWN)
    row = [line.number for line in window.fee_model.lines].index("2210")
    window.fee_view.selectRow(row)
    assert window.reviews.take("M. Prüfer", "100,00", "", "") == "Prüfer und Grund sind nötig"
    assert window.reviews.take("M. Prüfer", "100,00", "", "Faktor nicht begründet") == ""
    assert cell(window.fee_model, row, LineColumn.ELIGIBLE) == "100,00\u00a0€"
    window.show_explanation()
    assert any(rule_text(step.rule) == "Prüfung" and "M. Prüfer" in step_text(step) for step in window.explanation_model.records)
    assert any(f.code == "override.applied" for f in window.findings_model.findings)
    window.undo_action.trigger()
    assert cell(window.fee_model, row, LineColumn.ELIGIBLE) == "217,06\u00a0€"


def test_a_review_is_what_its_form_says_a_field_cleared_takes_that_part_back(open_window: Any) -> None:
    window = open_window(CROWN)
    row = [line.number for line in window.fee_model.lines].index("2210")
    window.fee_view.selectRow(row)
    nothing = window.reviews.take("M. Prüfer", "", "", "angesehen")
    assert nothing == "Bitte einen erstattungsfähigen Betrag oder eine Klasse angeben" and not window.document.case.overrides
    assert window.reviews.take("M. Prüfer", "100,00", "", "Faktor nicht begründet") == ""
    line = window.current_plan_line()
    form = window.reviews.form(line.sheet, line.row)  # the earlier decision shown, to keep or change
    assert (form.eligible.text(), form.line_class.text(), form.reason.text()) == ("100,00", "", "Faktor nicht begründet")
    assert form.now.text().replace("\xa0", " ") == (
        "GOZ 2210, Zahn 16 · berechnet 217,06 € · jetzt Klasse A, erstattungsfähig 100,00 € · bisher geprüft von M. Prüfer"
    )  # what is decided about, and who decided it so far (OK makes it the decision of the name in the form)
    form.deleteLater()
    assert window.reviews.take("A. Zweit", "100,00", "B", "keine Krone") == ""  # the amount kept as the form showed it
    (kept,) = window.document.case.overrides
    assert (kept.eligible, kept.line_class, kept.reviewer, kept.reason) == (
        Decimal("100.00"),
        LineClass.B,
        "A. Zweit",
        "keine Krone",
    )
    assert window.reviews.take("A. Zweit", "", "B", "Preis doch korrekt, nur Klasse B") == ""  # the amount cleared: gone
    (cleared,) = window.document.case.overrides
    assert (cleared.eligible, cleared.line_class) == (None, LineClass.B)
    window.undo_action.trigger()
    window.reviews.remove()
    assert window.document.case.overrides == () and window.statusBar().currentMessage() == "Prüfung Leistungen Zeile 3 entfernt"
    window.undo_action.trigger()
    assert window.document.case.overrides == (kept,)


def test_an_edit_of_a_reviewed_line_says_that_the_review_stands(open_window: Any) -> None:
    window = open_window(CROWN)
    index = [line.number for line in window.fee_model.lines].index("2210")
    window.fee_view.selectRow(index)
    assert window.reviews.take("M. Prüfer", "150,00", "X", "zweite Krone nicht notwendig") == ""
    assert window.document.edit_line(("fee", index, "factor"), "3,5")
    said = window.statusBar().currentMessage()
    assert said == (
        "Leistungen Zeile 3: Faktor geändert – die Prüfung (M. Prüfer: zweite Krone nicht notwendig) gilt weiter; bitte "
        "prüfen, ob sie noch passt"
    )
    assert window.document.edit_line(("fee", index, "manual_class"), "B")  # typed, and seemingly without effect: said
    assert "Klasse eingetragen – es gilt die Klasse der Prüfung (M. Prüfer" in window.statusBar().currentMessage()


def test_a_line_in_no_figure_can_be_reviewed_and_its_form_says_so(open_window: Any, tmp_path: Path) -> None:
    from estimator.case import Case  # noqa: PLC0415
    from estimator.io.casefile import save_case  # noqa: PLC0415
    from tests.estimator.builders import fee, plan  # noqa: PLC0415

    undated = tmp_path / "ohne_datum.hkp.json"  # no treatment day and no plan date: the line is in no figure
    save_case(Case.from_plan(plan(fee("2210", "16", date=None), plan_date=None)), undated)
    window = open_window(undated)
    window.select_row("fee", 0)
    line = window.current_plan_line()
    form = window.reviews.form(line.sheet, line.row)  # raised StopIteration: Strg+R did nothing
    assert form.now.text() == "GOZ 2210, Zahn 16 · in keiner Summe (ohne Behandlungstag)"
    form.deleteLater()
    assert window.reviews.take("M. Prüfer", "100,00", "", "zu hoch") == ""


def test_a_review_amount_above_the_bill_or_with_parts_of_a_cent_is_refused_in_the_form(open_window: Any) -> None:
    window = open_window(CROWN)
    window.fee_view.selectRow([line.number for line in window.fee_model.lines].index("2210"))
    above = window.reviews.take("M. Prüfer", "500,00", "", "zu hoch")  # kept as typed it would count when the bill grows
    assert above.replace("\xa0", " ") == "erstattungsfähig: höchstens der berechnete Betrag 217,06 €"
    cents = window.reviews.take("M. Prüfer", "150,555", "", "zu hoch")
    assert (
        cents
        == "erstattungsfähig: höchstens 2 Nachkommastellen, „150,555“ gefunden – für Tausend und mehr bitte „150.555“ schreiben"
    )
    cents = window.reviews.take("M. Prüfer", "150,5555", "", "zu hoch")
    assert cents == "erstattungsfähig: Betrag in Euro mit höchstens 2 Nachkommastellen"
    assert window.document.case.overrides == ()
    assert window.reviews.take("M. Prüfer", "217,06", "", "wie berechnet") == ""  # the bill itself is taken


def test_the_staged_cap_chart_tells_every_years_amounts_in_its_tooltip(open_window: Any, tmp_path: Path) -> None:
    window = open_window(GOLDEN / "staged_cap_year1.xlsx")
    tip = window.totals.chart.toolTip().replace("\xa0", " ")
    first = window.document.estimate.limits.staged_cap[0]
    assert f"Jahr 1 (01.01.2026 – 31.12.2026): {eur(first.cumulative_cap)}".replace("\xa0", " ") in tip
    assert f"dieser Plan bis dahin {eur(first.used_by_plan)}".replace("\xa0", " ") in tip and tip.count("\n") == 4


def test_a_year_over_before_the_plan_is_said_so_and_the_plans_earlier_years_count_as_the_plans(
    open_window: Any, tmp_path: Path
) -> None:
    fees = [[dt.datetime(2026, 3, 10), "16", "GOZ", "2210", None, 1, 2.3, 217.06]]
    patient = {"Versicherungsbeginn": dt.datetime(2025, 7, 1), "Planungsdatum": dt.datetime(2026, 3, 1)}
    window = open_window(write_workbook(tmp_path / "p.xlsx", fees, patient=patient))
    lines = window.totals.chart.toolTip().replace("\xa0", " ").splitlines()
    plan = eur(window.document.estimate.limits.staged_cap[1].used_by_plan).replace("\xa0", " ")
    assert lines[1].startswith("Jahr 1 (01.07.2025 – 31.12.2025)") and lines[1].endswith(", abgelaufen")
    assert f"vor diesem Plan erstattet 0,00 €, dieser Plan bis dahin {plan}, noch frei" in lines[3]  # year 3
    assert window.totals.chart.expired() == [True, False, False, False]
    later = {"Versicherungsbeginn": dt.datetime(2019, 1, 1), "Planungsdatum": dt.datetime(2026, 3, 1)}
    window = open_window(write_workbook(tmp_path / "q.xlsx", fees, patient=later))
    assert all(window.totals.chart.expired())  # every year with a cap lies before the plan: no bars, the text says so


def test_the_language_menu_keeps_one_language_ticked(open_window: Any, monkeypatch: Any) -> None:
    window = open_window(CROWN)
    monkeypatch.setattr(QMessageBox, "information", lambda *args: QMessageBox.StandardButton.Ok)
    settings_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Einstellungen")
    languages = next(a.menu() for a in settings_menu.actions() if a.text() == "&Sprache").actions()
    ticked = next(a for a in languages if a.isChecked())
    ticked.trigger()  # the ticked one chosen again
    assert [a.isChecked() for a in languages].count(True) == 1 and ticked.isChecked()
    other = next(a for a in languages if a is not ticked)
    other.trigger()
    assert other.isChecked() and not ticked.isChecked()
    ticked.trigger()


def test_the_service_text_is_typed_in_its_cell_and_a_new_number_asks_to_check_it(open_window: Any) -> None:
    window = open_window(CROWN)
    model = window.fee_model
    row = next(i for i, line in enumerate(model.lines) if line.number == "2210")
    service = model.index(row, column(model, LineColumn.SERVICE))
    assert model.flags(service) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(service, "Vollkrone, vollverblendet")
    assert cell(model, row, LineColumn.SERVICE) == "Vollkrone, vollverblendet"
    number = model.index(row, column(model, LineColumn.NUMBER))
    assert model.setData(number, "2200")
    said = window.statusBar().currentMessage()
    assert "Nr. geändert" in said and "„Vollkrone, vollverblendet“" in said and "Spalte Leistung prüfen, ob er passt" in said
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert cell(model, row, LineColumn.SERVICE) != "Vollkrone, vollverblendet"  # both edits undone


def test_a_review_asked_for_says_what_it_could_not_do(open_window: Any, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QDialog  # noqa: PLC0415

    from ui.review import ReviewForm  # noqa: PLC0415

    window = open_window(CROWN)
    row = next(i for i, line in enumerate(window.fee_model.lines) if line.number == "2210")
    window.fee_view.selectRow(row)

    def answered(form: ReviewForm) -> QDialog.DialogCode:  # as the reviewer fills the form and presses OK
        form.reviewer.setText("A. Prüferin")
        form.eligible.setText("150,00")
        form.line_class.setText("X")
        form.reason.setText("nicht notwendig")
        return QDialog.DialogCode.Accepted if form.take() else QDialog.DialogCode.Rejected

    monkeypatch.setattr(ReviewForm, "exec", answered)
    window.reviews.ask()
    said = window.statusBar().currentMessage()
    assert "setzt Klasse X und erstattungsfähig 150,00" in said and "der Betrag wirkt nicht" in said  # taken, and said
    assert window.reviews.of("Leistungen", window.fee_model.lines[row].row) is not None


def test_a_service_text_that_names_an_analogue_says_that_the_line_is_measured_otherwise(qtbot: Any, settings: Any) -> None:
    from estimator.io.casefile import load_case  # noqa: PLC0415
    from estimator.resources import example_case_path  # noqa: PLC0415

    window = MainWindow(CaseDocument(load_case(example_case_path()), autosave=False), settings)  # amounts computed
    window.ask_on_close = lambda _title, _text: QMessageBox.StandardButton.Discard
    qtbot.addWidget(window)
    notes: list[str] = []
    window.document.noted.connect(notes.append)
    assert window.document.edit_line(("fee", 0, "description"), "Eingehende Untersuchung entsprechend GOZ 2210")
    assert len(notes) == 1 and "Leistungstext geändert – erstattungsfähig jetzt" in notes[0] and "siehe Hinweise" in notes[0]
    assert window.document.edit_line(("fee", 0, "description"), "Eingehende Untersuchung, Befund")  # measured as before
    assert len(notes) == 2 and "jetzt 12,94" in notes[1]
    assert window.document.edit_line(("fee", 0, "description"), "Eingehende Untersuchung und Beratung")  # same amount
    assert len(notes) == 2
    number = window.fee_model.lines[1].number
    assert window.document.edit_line(("fee", 1, "number"), "2200")
    assert window.document.edit_line(("fee", 1, "number"), number)  # back to the plan's number: nothing to check
    assert len(notes) == 3 and "Nr. geändert" in notes[2]


def test_a_review_asked_for_without_a_line_says_so_before_asking(open_window: Any, monkeypatch: Any) -> None:
    from ui.review import ReviewForm  # noqa: PLC0415

    window = open_window(CROWN)
    window.fee_view.clearSelection()
    window.fee_view.setCurrentIndex(window.fee_model.index(-1, -1))
    asked: list[object] = []
    monkeypatch.setattr(ReviewForm, "exec", lambda form: asked.append(form) or 0)
    window.reviews.ask()
    assert asked == [] and window.statusBar().currentMessage() == "Bitte zuerst eine Zeile wählen"


def test_an_edit_asks_the_findings_shown_for_the_rows_on_screen_only(qtbot: Any, settings: Any, monkeypatch: Any) -> None:
    # 2,000 lines, most with a finding: sizing the findings' columns to their text must not read all of them at each edit
    from ui.models import FindingsModel  # noqa: PLC0415

    asked: list[Any] = []
    answer = FindingsModel.data
    monkeypatch.setattr(FindingsModel, "data", lambda model, *args: asked.append(args) or answer(model, *args))
    plan = synthetic_plan(2_000)
    lines = tuple(dataclasses.replace(line, factor=Decimal("3.0"), justification="") for line in plan.fee_lines)
    window = MainWindow(CaseDocument(Case.from_plan(dataclasses.replace(plan, fee_lines=lines)), autosave=False), settings)
    window.ask_on_close = lambda _title, _text: QMessageBox.StandardButton.Discard
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.wait(20)
    window.document.edit_line(("fee", 1, "factor"), "2,5")  # the findings behind another tab: none read
    qtbot.wait(20)
    assert len({index.row() for index, *_ in asked}) < 100  # were all 2,000 when the tab was not shown
    window.detail_tabs.setCurrentWidget(window.findings_view)
    qtbot.wait(20)
    assert window.findings_model.rowCount() > 500  # far more than a screen's rows
    shown = window.findings_view  # measured when its tab is chosen
    assert all(shown.columnWidth(column) >= shown.sizeHintForColumn(column) > 0 for column in (1, 3))
    asked.clear()
    window.document.edit_line(("fee", 0, "factor"), "2,5")
    qtbot.wait(20)
    assert 0 < len({index.row() for index, *_ in asked}) < 100  # were all rows at each edit
    view = window.findings_view  # scrolled down, the cell and the section of the rows there are whole
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    qtbot.wait(20)
    assert all(view.columnWidth(column) >= view.sizeHintForColumn(column) > 0 for column in (1, 3))


def test_the_window_fits_a_laptop_screen_scaled_to_125_percent(open_window: Any) -> None:
    from tests.conftest import GOLDEN  # noqa: PLC0415

    window = open_window(GOLDEN / "implant_limit.xlsx")
    # 1366 × 768 at 125 %: 1093 pixels; the window could not be narrower than 1295 and stood off the screen
    assert window.minimumSizeHint().width() <= 1100


def test_a_date_and_an_amount_of_the_person_stay_whole_in_the_narrowest_window(open_window: Any) -> None:
    from tests.conftest import GOLDEN  # noqa: PLC0415

    window = open_window(GOLDEN / "implant_limit.xlsx")
    window.resize(1024, 600)  # as narrow as the window goes
    QApplication.processEvents()
    panel = window.person_panel
    for field, widest in (
        (panel.birth_date, "31.12.2026"),
        (panel.plan_date, "31.12.2026"),
        (panel.deductible_used, "100.000,00"),
    ):
        # a field cut at the panel's edge showed „5.06.1975“ for 15.06.1975, another date that reads as valid
        assert field.width() > field.fontMetrics().horizontalAdvance(widest) + 8


def test_the_findings_tab_counts_errors_only_where_there_are_some(open_window: Any, tmp_path: Path) -> None:
    from tests.conftest import GOLDEN  # noqa: PLC0415
    from tests.estimator.test_import_broken import fee, plan_with  # noqa: PLC0415

    whole = open_window(GOLDEN / "crown_basic.xlsx")
    count = len(whole.document.estimate.findings)
    assert whole.detail_tabs.tabText(1) == f"Hinweise ({count})"  # „davon 0 Fehler“ read as if errors were expected
    broken = open_window(plan_with(tmp_path, fee(Zahn="99")))
    findings = broken.document.estimate.findings
    errors = sum(1 for f in findings if f.severity.value == "error")
    assert errors and broken.detail_tabs.tabText(1) == f"Hinweise ({len(findings)}, davon {errors} Fehler)"


def test_the_findings_tab_chosen_takes_room_for_its_rows_from_the_lines(open_window: Any, tmp_path: Path) -> None:
    from tests.estimator.test_import_broken import GOOD_FEE, GOOD_LAB, fee  # noqa: PLC0415
    from tests.estimator.workbooks import write_workbook  # noqa: PLC0415

    broken = write_workbook(tmp_path / "plan.xlsx", [GOOD_FEE] + [fee(Zahn="99")] * 7, [GOOD_LAB])  # 14 findings and more
    window = open_window(broken)
    window.resize(1366, 768)
    QApplication.processEvents()
    view, row = window.findings_view, window.findings_view.verticalHeader().defaultSectionSize()
    window.detail_tabs.setCurrentWidget(window.waterfall)  # as tall as the findings' tab before it is chosen
    QApplication.processEvents()
    before = (window.detail_tabs.height() - 60) // row
    window.detail_tabs.setCurrentWidget(view)
    QApplication.processEvents()
    lines = window.fee_view.viewport().height() // window.fee_view.verticalHeader().defaultSectionSize()
    assert view.viewport().height() // row >= before + 2  # five rows showed of fourteen
    assert lines >= 9  # the plan's lines keep about ten rows


def test_every_tool_button_has_an_icon_of_its_own_where_the_desktop_has_no_icon_theme(open_window: Any) -> None:
    """Without an icon theme (Windows, a bare desktop) the style gave a folder for adding a service, the blank sheet of
    „Neuer Plan“ for printing and an arrow like a drop-down for the PDF: the program's own are drawn instead."""
    from PySide6.QtGui import QIcon  # noqa: PLC0415
    from PySide6.QtWidgets import QToolBar  # noqa: PLC0415

    assert QIcon.themeName() == "" or not QIcon.hasThemeIcon("document-print")  # the case at hand on this machine
    window = open_window(CROWN)
    bar = window.findChild(QToolBar, "werkzeuge")
    pictures = {a.text(): a.icon().pixmap(18, 18).toImage() for a in bar.actions() if not a.isSeparator()}
    assert all(not picture.isNull() for picture in pictures.values()), list(pictures)
    named = ["&Neuer Plan", "&Leistung hinzufügen …", "&Drucken …", "&PDF exportieren …"]
    assert [name for name in named if name in pictures] == named, list(pictures)
    drawn = {bytes(pictures[name].convertToFormat(pictures[name].Format.Format_ARGB32).constBits()) for name in named}
    assert len(drawn) == 4  # four pictures, none the same
