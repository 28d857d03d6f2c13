"""The register in the window: a saved case is entered, a known person's earlier plans are offered and taken over
(undoably), Datei → Fälle … searches and opens a case and changes its status."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from estimator.case import DRAFT, SUBMITTED, Case
from estimator.datadir import data_dir
from estimator.io.casefile import load_case, save_case
from estimator.register.cases import record_case, update_case
from estimator.register.store import FILE_NAME, Register
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from tests.estimator.builders import fee, plan
from tests.ui.conftest import finish
from ui.cases import PAID, STATUS

WHO = {"name": "Erika Mustermann", "insurance_number": "A123456789", "insurance_start": dt.date(2026, 1, 1)}
D = Decimal


def case_file(folder: Path, file: str, day: dt.date, status: str = SUBMITTED, **person: Any) -> Path:
    case = Case.from_plan(plan(fee("2210", "16", date=day, amount="1000.00"), plan_date=day, **{**WHO, **person}))
    case = dataclasses.replace(case, status=status)
    path = folder / f"{file}.hkp.json"
    save_case(case, path)
    return path


def registered(path: Path) -> None:
    case = load_case(path)
    with Register() as register:
        record_case(register, case, estimate(case.plan(), load_tariffs(), dict(case.settings)), path)


def test_the_earlier_plan_is_offered_taken_over_and_undone(open_window: Any, tmp_path: Path, qtbot: Any) -> None:
    registered(case_file(tmp_path, "erster", dt.date(2026, 3, 10)))
    window = open_window(case_file(tmp_path, "zweiter", dt.date(2026, 4, 20), status=DRAFT))  # the plan being made
    offer = window.register.offer
    qtbot.waitUntil(offer.isVisible)
    assert "aus einem früheren Plan: Jahr 1 800,00\xa0€" in offer.text.text()
    assert window.document.estimate.totals.benefit == D("800.00")
    offer.take_button.click()
    assert window.document.person.prior_class_a == (D("800.00"), D("0.00"), D("0.00"), D("0.00"))
    assert window.document.estimate.totals.benefit == D("200.00") and not offer.isVisible()
    assert window.person_panel.prior[0].text() == "800,00"
    assert "Fallregister" in window.document.person.prior_source
    window.person_panel.prior[0].setText("500,00")  # typed by hand: said after the register's source
    window.person_panel.prior[0].setModified(True)  # as typed by the user
    window.person_panel.prior[0].editingFinished.emit()
    assert window.document.person.prior_class_a[0] == D("500.00")
    assert window.document.person.prior_source.endswith("– danach von Hand geändert")
    assert "danach von Hand geändert" in window.person_panel.prior[0].toolTip()
    window.person_panel.prior[1].setText("10,00")
    window.person_panel.prior[1].setModified(True)  # as typed by the user
    window.person_panel.prior[1].editingFinished.emit()
    assert window.document.person.prior_source.count("von Hand") == 1
    window.undo_action.trigger()
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert window.document.person.prior_class_a == () and offer.isVisible()


def test_earlier_drafts_alone_are_said_and_give_nothing_to_take(open_window: Any, tmp_path: Path, qtbot: Any) -> None:
    registered(case_file(tmp_path, "entwurf", dt.date(2026, 3, 10), status="Entwurf"))
    window = open_window(case_file(tmp_path, "zweiter", dt.date(2026, 4, 20)))
    offer = window.register.offer
    qtbot.waitUntil(offer.isVisible)
    assert "nicht gezählt für diese Person: 1 Entwurf (ein Plan zählt, sobald er eingereicht ist)" in offer.text.text()
    assert offer.take_button.isHidden()
    offer.dismiss()
    assert not offer.isVisible()
    window.register.offer.check(force=True)
    assert not offer.isVisible()  # dismissed: not said again for this plan


def test_saving_keeps_a_status_set_meanwhile_and_a_copy_starts_as_a_draft(open_window: Any, tmp_path: Path) -> None:
    path = case_file(tmp_path, "erster", dt.date(2026, 3, 10))
    registered(path)
    window = open_window(path)
    window.document.path = path  # opened as the case file it is
    with Register() as register:  # `hkp register status 1 erstattet --paid 700` while the window has the case open
        update_case(register, 1, "erstattet", D("700"))
    assert not window.document.edit_person(name="Erika Musterfrau")  # a sent case: changed only when chosen
    window.document.unlock_sent()
    assert window.document.edit_person(name="Erika Musterfrau")
    errors: list[str] = []
    window.show_error = lambda _title, text: errors.append(text)
    assert not window.files.save_to(path)  # reimbursed meanwhile: not saved before the user chooses anew
    assert "„erster.hkp.json“ ist inzwischen erstattet" in errors[0]
    window.document.unlock_sent()
    assert window.files.save_to(path)
    assert (load_case(path).person.name, load_case(path).status, load_case(path).paid) == (
        "Erika Musterfrau",
        "erstattet",
        D("700.00"),
    )
    assert window.files.save_to(tmp_path / "kopie.hkp.json")
    copy = load_case(tmp_path / "kopie.hkp.json")
    assert (copy.status, copy.paid) == ("Entwurf", None) and load_case(path).status == "erstattet"
    with Register() as register:
        assert [(Path(e.path).name, e.status) for e in register.everything()] == [
            ("kopie.hkp.json", "Entwurf"),
            ("erster.hkp.json", "erstattet"),
        ]
    # another workstation marks the file abgelehnt; this machine's register does not know: the file counts
    save_case(dataclasses.replace(load_case(path), status="abgelehnt"), path)
    window.document.path = path
    assert window.document.edit_person(name="Erika Mustermann")
    assert not window.files.save_to(path) and "ist inzwischen abgelehnt" in errors[-1]
    window.document.unlock_sent()
    assert window.files.save_to(path)
    assert (load_case(path).status, load_case(path).paid) == ("abgelehnt", D("700.00"))


def test_a_saved_case_is_entered_and_a_damaged_register_is_said(open_window: Any, tmp_path: Path, qtbot: Any) -> None:
    (data_dir() / FILE_NAME).write_bytes(b"kaputt" * 1000)
    window = open_window(case_file(tmp_path, "erster", dt.date(2026, 3, 10)))
    offer = window.register.offer
    qtbot.waitUntil(offer.isVisible)
    assert "keine lesbare Datenbank" in offer.text.text() and offer.take_button.isHidden()
    assert window.files.save_to(tmp_path / "gespeichert.hkp.json")
    with Register() as register:
        entry = register.by_path(tmp_path / "gespeichert.hkp.json")
    assert entry is not None and entry.name == "Erika Mustermann" and entry.benefit == D("800.00")


def test_the_register_window_searches_opens_a_case_and_changes_its_status(open_window: Any, tmp_path: Path, qtbot: Any) -> None:
    first = case_file(tmp_path, "erster", dt.date(2026, 3, 10))
    second = case_file(tmp_path, "zweiter", dt.date(2026, 5, 4), name="Max Muster", insurance_number="B7")
    registered(first)
    registered(second)
    window = open_window(case_file(tmp_path, "dritter", dt.date(2026, 6, 1), name="Ida Dritt", insurance_number="C9"))
    window.register.show_cases()
    dialog = window.register.cases
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 2 and dialog.count.text() == "2 Fälle"
    dialog.search.setText("muster")
    assert dialog.model.rowCount() == 2
    dialog.search.setText("b 7")
    assert [e.name for e in dialog.model.entries] == ["Max Muster"]
    dialog.search.clear()
    dialog.first.setText("31.13.2026")
    assert "Datum von" in dialog.message.text() and dialog.model.rowCount() == 2
    dialog.first.setText("01.04.2026")
    assert [e.name for e in dialog.model.entries] == ["Max Muster"]
    dialog.first.clear()
    dialog.view.sortByColumn(2, dialog.view.horizontalHeader().sortIndicatorOrder().AscendingOrder)
    top = dialog.model.index(0, 0)
    assert dialog.model.data(dialog.model.index(0, 2)) == "Erika Mustermann"

    assert dialog.model.setData(dialog.model.index(0, PAID), "812,40")
    qtbot.waitUntil(lambda: any(e.paid for e in dialog.model.entries))
    assert (load_case(first).status, load_case(first).paid) == ("erstattet", D("812.40"))
    assert not dialog.model.setData(dialog.model.index(0, PAID), "zwölf")
    assert "erstattet:" in dialog.message.text()

    task = finish(qtbot, dialog.open_case(top))
    assert task.error is None and window.document.path == first
    assert window.document.case.status == "erstattet"
    assert window.windowTitle() == "erster.hkp.json (erstattet, 812,40\u00a0€ gezahlt) – HKP-Schätzer"
    assert dialog.model.setData(dialog.model.index(0, STATUS), "abgelehnt")
    assert load_case(first).status == "abgelehnt" and window.document.case.status == "abgelehnt"
    assert window.windowTitle().startswith("erster.hkp.json (abgelehnt) ")  # the amount once paid no longer counts
    assert window.document.is_saved  # the status went into the file itself: nothing to save
    qtbot.waitUntil(lambda: dialog.model.entries[0].status == "abgelehnt")
    paid_cell = dialog.model.index(0, PAID)
    assert dialog.model.data(paid_cell) == "" and dialog.model.data(paid_cell, Qt.ItemDataRole.EditRole) == ""
    assert dialog.model.setData(paid_cell, "")  # the editor left as offered, as Qt commits it on leaving: no change
    assert (load_case(first).status, load_case(first).paid) == ("abgelehnt", D("812.40"))  # kept, still not counted


def test_the_status_list_shows_the_window_s_language_and_keeps_the_german_word(qapp: Any) -> None:
    from PySide6.QtGui import QStandardItemModel  # noqa: PLC0415
    from PySide6.QtWidgets import QStyleOptionViewItem, QWidget  # noqa: PLC0415

    from ui.app import install_translation  # noqa: PLC0415
    from ui.cases import StatusDelegate  # noqa: PLC0415
    from ui.language import set_language  # noqa: PLC0415

    translators = install_translation(qapp, "en")
    try:
        model = QStandardItemModel(1, STATUS + 1)
        index = model.index(0, STATUS)
        model.setData(index, "eingereicht")
        delegate, parent = StatusDelegate(), QWidget()
        editor = delegate.createEditor(parent, QStyleOptionViewItem(), index)
        delegate.setEditorData(editor, index)
        assert editor.currentText() == "submitted"  # type: ignore[attr-defined]
        editor.setCurrentIndex(editor.findText("reimbursed"))  # type: ignore[attr-defined]
        delegate.setModelData(editor, model, index)
        assert model.data(index) == "erstattet"  # what the case file and the register keep
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        set_language("de")


def test_the_status_column_has_room_for_a_status_chosen_later(open_window: Any, tmp_path: Path, qtbot: Any, qapp: Any) -> None:
    from ui.app import install_translation  # noqa: PLC0415
    from ui.language import set_language  # noqa: PLC0415

    translators = install_translation(qapp, "en")  # „submitted“ shown, „reimbursed“ chosen later: wider
    try:
        registered(case_file(tmp_path, "erster", dt.date(2026, 3, 10)))
        window = open_window(case_file(tmp_path, "zweiter", dt.date(2026, 6, 1), name="Ida Dritt", insurance_number="C9"))
        window.register.show_cases()
        dialog = window.register.cases
        qtbot.addWidget(dialog)
        assert dialog.view.columnWidth(STATUS) > dialog.view.fontMetrics().horizontalAdvance("reimbursed") + 12
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        set_language("de")


def test_the_registers_source_is_english_in_the_english_window(open_window: Any, tmp_path: Path, qtbot: Any, qapp: Any) -> None:
    from ui.app import install_translation  # noqa: PLC0415
    from ui.language import set_language  # noqa: PLC0415

    translators = install_translation(qapp, "en")
    try:
        registered(case_file(tmp_path, "erster", dt.date(2026, 3, 10)))
        window = open_window(case_file(tmp_path, "zweiter", dt.date(2026, 4, 20), status=DRAFT))
        offer = window.register.offer
        qtbot.waitUntil(offer.isVisible)
        assert offer.text.toolTip() == "the case register: plan of 2026-03-10 (submitted, estimated)"
        offer.take_button.click()
        assert "Fallregister" in window.document.person.prior_source  # the case file keeps the German words
        tip = window.person_panel.prior[0].toolTip()
        assert tip == "taken from the case register: plan of 2026-03-10 (submitted, estimated)"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        set_language("de")
