"""Hostile input in the desktop application: crafted case files open with a message, bad edits change nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import stat
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

import ui.document
from estimator.case import Case
from estimator.io.casefile import load_case, open_case, save_case
from estimator.io.excel import read_plan
from tests.conftest import GOLDEN, ROOT
from tests.estimator.test_case_files import CASES, write
from tests.estimator.test_fuzz import EXAMPLES
from tests.estimator.test_fuzz_cases import TYPED
from tests.ui.conftest import finish
from ui.app import offer_recovery
from ui.autosave import end_session
from ui.document import CaseDocument, autosave_path
from ui.files import is_program_folder
from ui.main_window import MainWindow
from ui.settings import REVIEWER


@pytest.mark.parametrize("name", sorted(CASES))
def test_crafted_case_file_opens_with_a_message_in_the_window(name: str, open_window: Any, tmp_path: Path, qtbot: Any) -> None:
    window = open_window(GOLDEN / "crown_basic.xlsx")
    shown: list[tuple[str, str]] = []
    window.show_error = lambda title, text: shown.append((title, text))
    build, words = CASES[name]
    before = window.document
    assert finish(qtbot, window.files.open_path(write(tmp_path, name, build()))).error is not None
    assert len(shown) == 1 and words in shown[0][1] and "fall.hkp.json" in shown[0][1]
    assert window.document is before


def test_after_a_refused_edit_further_edits_autosave_and_save_work(
    open_window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HKP_DATA_DIR", str(tmp_path))
    window = open_window(GOLDEN / "crown_basic.xlsx")
    model, document = window.fee_model, window.document
    before = document.estimate
    assert not model.setData(model.index(1, 6), "25")  # factor 25: out of range
    assert "Faktor größer als 0 und höchstens 20" in window.statusBar().currentMessage()
    assert document.estimate is before and document.undo_stack.count() == 0 and document.is_saved
    assert model.setData(model.index(1, 1), "16")  # a tooth typed as it stands: no change, but the refusal is old news
    assert window.statusBar().currentMessage() == "" and document.undo_stack.count() == 0
    assert not model.setData(model.index(1, 6), "25")
    assert model.setData(model.index(1, 6), "3,0")
    said = window.statusBar().currentMessage()  # the refusal is about an edit that is no longer the last
    assert "Faktor über" not in said and said.startswith("Leistungen Zeile 3: Faktor geändert – statt des Betrags 217,06")
    document.autosave()
    assert autosave_path().exists()
    window.files.save_to(tmp_path / "fall.hkp.json")
    assert load_case(tmp_path / "fall.hkp.json").edits == {("fee", 1, "factor"): Decimal("3.0")}


def test_an_edit_the_engine_cannot_estimate_leaves_the_document_as_it_was(
    open_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(GOLDEN / "crown_basic.xlsx")
    document = window.document
    real = ui.document.estimate

    def failing(plan: Any, *args: Any) -> Any:
        if any(line.factor == Decimal("3.3") for line in plan.fee_lines):
            raise ZeroDivisionError
        return real(plan, *args)

    monkeypatch.setattr(ui.document, "estimate", failing)
    case, estimate = document.case, document.estimate
    assert not window.fee_model.setData(window.fee_model.index(1, 6), "3,3")
    assert document.case is case and document.estimate is estimate and document.undo_stack.count() == 0
    assert "ZeroDivisionError" in window.statusBar().currentMessage()
    assert window.fee_model.setData(window.fee_model.index(1, 6), "3,0")
    assert document.undo_stack.count() == 1


def test_a_refused_person_edit_is_said_in_the_panel_and_shown_as_it_stands(open_window: Any) -> None:
    window = open_window(GOLDEN / "crown_basic.xlsx")
    panel = window.person_panel
    panel.deductible_used.setText("2.000.000")
    panel.deductible_used.setModified(True)  # as typed by the user
    panel.deductible_used.editingFinished.emit()
    assert "bis 1.000.000" in panel.message.text() and panel.message.text().startswith("Selbstbehalt verbraucht: ")
    assert window.document.person.deductible_used == 0 and window.document.undo_stack.count() == 0
    assert panel.deductible_used.property("refused") and panel.deductible_used.text() == "2.000.000"  # framed, to correct
    panel.deductible_used.setText("200")
    panel.deductible_used.setModified(True)
    panel.deductible_used.editingFinished.emit()
    assert not panel.deductible_used.property("refused") and window.document.person.deductible_used == 200
    window.document.undo_stack.undo()
    panel.birth_date.setText("31.02.1975")
    panel.birth_date.setModified(True)
    panel.birth_date.editingFinished.emit()
    assert panel.birth_date.property("refused")
    panel.plan_date.setModified(True)  # another date taken as it stands: the refused one shows its value again
    panel.plan_date.editingFinished.emit()
    assert not panel.birth_date.property("refused") and panel.birth_date.text() == "15.06.1975" and not panel.message.text()
    reason = window.document.refusal(lambda: window.document.edit_person(variant="BM7/1"))
    assert "BM7/1" in reason and window.document.person.variant == "BM5/0"
    panel.birth_date.setText("01.01.2300")
    panel.birth_date.setModified(True)  # as typed by the user
    panel.birth_date.editingFinished.emit()
    assert "zwischen 1900 und 2200" in panel.message.text() and window.document.person.birth_date.year == 1975
    assert panel.message.text().startswith("Geburtsdatum: ")  # the field by its name
    to_come = f"15.06.{dt.date.today().year + 4}"  # a day to come: a year mistyped, which gave a child's deductible
    panel.birth_date.setText(to_come)
    panel.birth_date.setModified(True)
    panel.birth_date.editingFinished.emit()
    assert f"„{to_come}“ liegt in der Zukunft" in panel.message.text() and window.document.person.birth_date.year == 1975
    start = window.document.person.insurance_start
    panel.insurance_start.setText("31.02.2026")
    panel.insurance_start.setModified(True)  # as typed by the user
    panel.insurance_start.editingFinished.emit()
    assert panel.message.text() == (
        "Versicherungsbeginn: „31.02.2026“ gibt es nicht: der Monat hat 28 Tage (Datum TT.MM.JJJJ) – es gilt weiter der "
        "bisherige Wert"
    )
    assert window.document.person.insurance_start == start


def test_recovered_work_is_shown_as_unsaved_and_asked_about_before_closing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    monkeypatch.setenv("HKP_DATA_DIR", str(tmp_path))
    lost = CaseDocument(open_case(GOLDEN / "crown_basic.xlsx"), source=GOLDEN / "crown_basic.xlsx")
    lost.edit_person(accident=True)
    lost.autosave()
    stale = autosave_path().with_name(f".{autosave_path().name}.abc123.tmp")
    stale.write_text("halb geschrieben", encoding="utf-8")
    end_session()  # the program that wrote them ended
    window = MainWindow(
        CaseDocument(open_case(GOLDEN / "crown_basic.xlsx")), QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    asked: list[str] = []
    window.ask_on_close = lambda title, text: asked.append(text) or QMessageBox.StandardButton.Cancel
    assert offer_recovery(window, ask=lambda window, title, _when: True)
    assert not stale.exists()
    assert window.document.person.accident and window.windowTitle().startswith("crown_basic.xlsx *")
    assert not window.may_discard() and asked


def test_file_dialogs_never_start_in_the_programs_own_folder(
    open_window: Any, settings: QSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(ROOT / "resources" / "examples" / "beispielplan.xlsx")
    settings.setValue("folder", str(ROOT / "resources" / "examples"))
    assert not is_program_folder(Path(window.files.folder()))
    assert not is_program_folder(Path(window.files.suggested("beispielplan.pdf")).parent)
    settings.setValue("folder", str(tmp_path))
    assert window.files.folder() == str(tmp_path)
    assert is_program_folder(ROOT / "resources") and not is_program_folder(tmp_path)


@settings(max_examples=max(10, EXAMPLES // 4), deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 16), TYPED), min_size=1, max_size=6))
def test_typing_anything_into_the_plan_tables_never_breaks_the_window(qapp: Any, edits: list[tuple[int, int, str]]) -> None:
    document = CaseDocument(open_case(GOLDEN / "implant_limit.xlsx"), autosave=False)
    window = MainWindow(document, QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "hkp-test", "fuzz"))
    try:
        for row, column, text in edits:
            model = window.fee_model if column % 2 == 0 else window.lab_model
            index = model.index(row % max(1, model.rowCount()), column % model.columnCount())
            model.setData(index, text)
            totals = document.estimate.totals
            assert Decimal(0) <= totals.benefit <= totals.eligible <= totals.billed
        while document.undo_stack.canUndo():
            document.undo_stack.undo()
        assert document.case.edits == {}
    finally:
        window.deleteLater()


def test_a_name_of_1000_characters_without_spaces_keeps_the_person_panel_narrow(open_window: Any, tmp_path: Path) -> None:
    plan = read_plan(GOLDEN / "crown_basic.xlsx")
    plan = dataclasses.replace(plan, person=dataclasses.replace(plan.person, name="X" * 1000))
    save_case(Case.from_plan(plan), tmp_path / "lang.hkp.json")
    window = open_window(tmp_path / "lang.hkp.json")
    assert window.person_panel.sizeHint().width() < 400
    assert window.person_panel.name.text() == "X" * 1000  # all of it in the field, none of it lost on leaving it
    window.person_panel.name.setModified(True)  # as typed by the user
    window.person_panel.name.editingFinished.emit()
    assert window.document.person.name == "X" * 1000 and window.document.undo_stack.count() == 0


def test_reviewer_text_the_case_file_could_not_keep_is_refused(open_window: Any) -> None:
    window = open_window(GOLDEN / "crown_basic.xlsx")
    window.fee_view.selectRow(1)
    problem = window.reviews.take("Dr. " + "R" * 300, "1,00", "", "Grund")
    assert "Prüfer" in problem and window.document.case.overrides == ()
    assert window.reviews.take("M. Prüfer", "1,00", "", "g" * 3000).startswith("Grund")
    assert window.reviews.take("M. Prüfer", "1,00", "", "zu hoch") == ""
    assert len(window.document.case.overrides) == 1
    said = window.reviews.take("M. Prüfer", "12,3,4", "", "zu hoch")  # words, never the code „cell.…“
    assert "Zahl erwartet" in said and "„12,3,4“" in said and "cell." not in said
    assert "Klasse A, B, P oder X" in window.reviews.take("M. Prüfer", "", "Q", "zu hoch")
    assert window.reviews.take("M. Prüfer", "", "", "doch nicht") == ""  # both fields cleared: the decision taken back
    assert window.document.case.overrides == ()
    assert window.reviews.take("M. Prüfer", "", "", "nichts") == "Bitte einen erstattungsfähigen Betrag oder eine Klasse angeben"


def test_settings_are_owner_only_and_plan_text_is_never_read_as_markup(open_window: Any, settings: QSettings) -> None:
    window = open_window(GOLDEN / "crown_basic.xlsx")
    window.settings.set(REVIEWER, "M. Prüfer")
    assert stat.S_IMODE(Path(settings.fileName()).stat().st_mode) == 0o600
    window.document.edit_person(name="<b>Erika</b>")
    assert window.person_panel.name.text() == "<b>Erika</b>"  # a line edit shows text, never markup
    assert window.totals.causes.textFormat() == Qt.TextFormat.PlainText
    assert window.explanation_title.textFormat() == Qt.TextFormat.PlainText


def test_the_review_form_says_which_field_is_wrong_and_keeps_what_was_typed(open_window: Any) -> None:
    window = open_window(GOLDEN / "crown_basic.xlsx")
    window.select_row("fee", 0)
    line = window.current_plan_line()
    form = window.reviews.form(line.sheet, line.row)
    assert form.windowTitle() == f"Prüfung – {line.sheet} Zeile {line.row}"  # which line is reviewed
    form.reviewer.setText("M. Prüfer")
    form.eligible.setText("abc")
    form.line_class.setText("B")
    form.reason.setText("Mehrkosten nicht begründet")
    assert not form.take()
    assert form.message.text().startswith("erstattungsfähig: ")  # the field named
    assert (form.reviewer.text(), form.line_class.text(), form.reason.text()) == ("M. Prüfer", "B", "Mehrkosten nicht begründet")
    assert window.document.case.overrides == ()
    form.eligible.setText("5,00")  # the line is the anaesthesia of 7,76 €
    assert form.take() and form.result() == form.DialogCode.Accepted
    (taken,) = window.document.case.overrides
    assert (taken.eligible, taken.reviewer, taken.reason) == (Decimal("5.00"), "M. Prüfer", "Mehrkosten nicht begründet")
    form.deleteLater()


def test_a_refusal_is_said_in_a_case_opened_after_the_first(
    open_window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HKP_DATA_DIR", str(tmp_path))
    window = open_window(GOLDEN / "crown_basic.xlsx")
    first = window.document
    finish(qtbot, window.files.open_path(GOLDEN / "crown_basic.xlsx"))
    assert window.document is not first
    assert not window.fee_model.setData(window.fee_model.index(1, 6), "25")
    assert "Faktor größer als 0 und höchstens 20" in window.statusBar().currentMessage()  # it was refused without a word


def test_text_of_a_plan_that_looks_like_html_is_shown_as_written_in_tooltips(open_window: Any, tmp_path: Path) -> None:
    from tests.estimator.test_import_broken import fee  # noqa: PLC0415
    from tests.estimator.workbooks import write_workbook  # noqa: PLC0415

    name = '<img src="/tmp/bild.png"><a href="https://example.org">Klick</a>'
    reason = "<b>Erschwernis</b> durch Wurzelform"
    line = fee(Zahn="16", Faktor=3.0, Begründung=reason)
    window = open_window(write_workbook(tmp_path / "plan.xlsx", [line], [], patient={"Name": name}))
    shown = window.person_panel.name.toolTip()
    assert "&lt;img src=" in shown and "<img" not in shown  # escaped: no picture read, no link
    from tests.ui.conftest import column  # noqa: PLC0415
    from ui.models import LineColumn  # noqa: PLC0415

    model = window.fee_model
    cell = model.index(0, column(model, LineColumn.REASON))
    assert model.setData(cell, "Erschwernis")  # edited: its tooltip quotes the plan's text
    said = model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert "im Plan: &lt;b&gt;Erschwernis&lt;/b&gt;" in said and "<b>" not in said
    plain = "GOZ 2210, Zahn 16: ganz normal"  # a text without markup stays as it is
    from ui.plaintext import tip  # noqa: PLC0415

    assert tip(plain) == plain and tip("a < b") == "a < b" and tip("") == ""


def test_a_cut_cells_text_and_its_escaped_tooltip_are_shown_as_one_escaped_tooltip() -> None:
    from ui.plaintext import text_and_tip, tip  # noqa: PLC0415

    own = tip("geändert; im Plan: <b>Erschwernis</b>")  # the model's tooltip, escaped
    shown = text_and_tip("eine lange Begründung", own)
    assert "&lt;b&gt;Erschwernis" in shown and "&amp;lt;" not in shown and "<b>" not in shown
    assert text_and_tip("lang", "kurz") == "lang\nkurz" and text_and_tip("<i>x</i>", None) == tip("<i>x</i>")
