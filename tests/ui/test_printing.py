"""The letter from the window: printed (a PDF printer gets the very letter), previewed, exported as workbook
and JSON; where no viewer can show the PDF, the window says where it is."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from pypdf import PdfReader
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter

from estimator.kinds import Schedule
from estimator.money import plain
from estimator.planlines import new_fee_line
from estimator.teeth import parse_teeth
from tests.conftest import GOLDEN
from tests.estimator.workbooks import write_workbook
from tests.ui.conftest import finish
from ui import printing
from ui.printing import PrintFolder, page_images, paint_pages

CROWN = GOLDEN / "crown_basic.xlsx"


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_printing_to_a_pdf_printer_gives_the_letter_with_the_patients_name(
    open_window: Any, tmp_path: Path, qtbot: Any, monkeypatch: Any
) -> None:
    window = open_window(CROWN)
    folders: list[PrintFolder] = []
    monkeypatch.setattr(printing, "PrintFolder", lambda: folders.append(PrintFolder()) or folders[-1])
    name = window.document.estimate.plan.person.name
    assert name
    finish(qtbot, window.files.print_letter(pdf_printer(tmp_path / "gedruckt.pdf")))
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "gedruckt.pdf").pages)
    assert name in text and "Erstattung" in text
    assert "Gedruckt: " in window.statusBar().currentMessage()
    assert len(folders) == 1 and not folders[0].path.exists()  # the letter printed is not left behind


def test_pages_painted_on_a_printer_are_the_letters_pages(open_window: Any, tmp_path: Path, qtbot: Any) -> None:
    window = open_window(CROWN)
    letter = tmp_path / "brief.pdf"
    finish(qtbot, window.files.export_pdf(letter, open_after=False))
    printed = tmp_path / "raster.pdf"
    pages = paint_pages(letter, pdf_printer(printed))
    assert pages == len(PdfReader(letter).pages) == len(PdfReader(printed).pages)
    first = next(page_images(letter, 50))
    dark = sum(1 for x in range(0, first.width(), 3) for y in range(0, first.height(), 3) if first.pixelColor(x, y).value() < 128)
    assert abs(first.width() - 595 * 50 / 72) < 1 and dark > 100  # text on white paper


def test_the_preview_shows_the_letter_and_leaves_no_file(open_window: Any, qtbot: Any) -> None:
    window = open_window(CROWN)
    finish(qtbot, window.files.preview_letter())
    dialog, letter = window.files.preview, window.files.preview_folder.letter()
    qtbot.waitUntil(dialog.isVisible)
    assert letter.read_bytes().startswith(b"%PDF") and letter.parent.stat().st_mode & 0o077 == 0
    dialog.reject()
    qtbot.waitUntil(lambda: not letter.exists())


def test_the_estimate_is_exported_as_workbook_and_json(open_window: Any, tmp_path: Path) -> None:
    window = open_window(CROWN)
    totals = window.document.estimate.totals
    assert window.files.export_estimate("json", tmp_path / "schaetzung.json")
    data = json.loads((tmp_path / "schaetzung.json").read_text(encoding="utf-8"))
    assert data["totals"]["benefit"] == plain(totals.benefit) and len(data["lines"]) == len(window.document.estimate.lines)
    assert window.files.export_estimate("xlsx", tmp_path / "schaetzung.xlsx")
    book = openpyxl.load_workbook(tmp_path / "schaetzung.xlsx", read_only=True)
    assert len(book.sheetnames) >= 2
    assert (tmp_path / "schaetzung.json").stat().st_mode & 0o077 == 0


def test_a_pdf_without_a_viewer_says_where_it_is(open_window: Any, tmp_path: Path, qtbot: Any, monkeypatch: Any) -> None:
    window = open_window(CROWN)
    notes: list[str] = []
    window.show_note = lambda title, text: notes.append(text)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    finish(qtbot, window.files.export_pdf(tmp_path / "brief.pdf"))
    assert len(notes) == 1 and str(tmp_path / "brief.pdf") in notes[0]


def test_closing_the_window_while_the_preview_is_open_leaves_no_letter(open_window: Any, qtbot: Any) -> None:
    window = open_window(CROWN)
    finish(qtbot, window.files.preview_letter())
    dialog, letter = window.files.preview, window.files.preview_folder.letter()
    qtbot.waitUntil(dialog.isVisible)
    assert letter.exists()
    window.close()
    qtbot.waitUntil(lambda: not letter.parent.exists())


def test_closing_the_window_while_the_letter_is_written_for_printing_leaves_no_letter(open_window: Any) -> None:
    window = open_window(CROWN)
    assert window.files.print_letter(pdf_printer(Path("/nonexistent/nie.pdf"))) is not None
    folder = window.files.printing[-1].path
    window.close()  # the letter is still being written: finished, then removed, not printed
    assert not folder.exists()


def test_a_letter_without_the_practice_says_so_once_in_a_hint_and_each_time_in_the_status_bar(
    open_window: Any, tmp_path: Path, qtbot: Any
) -> None:
    from tests.estimator.workbooks import write_workbook  # noqa: PLC0415
    from ui.settings import PRACTICE  # noqa: PLC0415

    crown = [dt.datetime(2026, 3, 10), "16", "GOZ", "2210", None, 1, 2.3, None, None, None, None]
    window = open_window(write_workbook(tmp_path / "plan.xlsx", [crown], patient={"Zahnarzt": None}))
    assert window.settings.get(PRACTICE) == "" and window.document.estimate.plan.person.practice == ""
    finish(qtbot, window.files.export_pdf(tmp_path / "brief.pdf", open_after=False))
    assert "Zahnarztpraxis" in PdfReader(tmp_path / "brief.pdf").pages[0].extract_text()  # the sender it falls back to
    hint = window.files.practice_hint
    assert hint is not None and hint.isVisible() and hint.windowTitle() == "Praxisdaten fehlen"
    assert "unter Einstellungen → Praxis (Briefkopf) … eintragen" in hint.text()
    said = window.statusBar().currentMessage()
    assert said.startswith(f"PDF geschrieben: {tmp_path / 'brief.pdf'} – Ohne Praxisdaten: das Schreiben nennt")
    hint.accept()
    finish(qtbot, window.files.print_letter(pdf_printer(tmp_path / "gedruckt.pdf")))
    assert window.files.practice_hint is hint and not hint.isVisible()  # once in a window
    assert window.statusBar().currentMessage().startswith("Gedruckt: ")
    assert "Seiten – Ohne Praxisdaten" in window.statusBar().currentMessage()
    window.settings.set(PRACTICE, "Praxis Zahnweh")
    finish(qtbot, window.files.export_pdf(tmp_path / "brief.pdf", open_after=False))
    assert window.statusBar().currentMessage() == f"PDF geschrieben: {tmp_path / 'brief.pdf'}"


def test_a_letter_without_the_patients_name_says_so_in_the_status_bar(open_window: Any, tmp_path: Path, qtbot: Any) -> None:
    from ui.settings import PRACTICE  # noqa: PLC0415

    window = open_window(GOLDEN / "crown_basic.xlsx")
    window.settings.set(PRACTICE, "Praxis Zahnweh")
    window.document.edit_person(name="")
    finish(qtbot, window.files.export_pdf(tmp_path / "brief.pdf", open_after=False))
    said = window.statusBar().currentMessage()
    assert (
        said
        == f"PDF geschrieben: {tmp_path / 'brief.pdf'} – Ohne Patientennamen: das Schreiben ist an „Patient/in“ gerichtet; den Namen links eintragen."
    )
    window.document.edit_person(name="Erika Mustermann")
    asked: list[str] = []  # the letter there was written for nobody named: asked about, as `hkp` refuses it
    window.files.replacing.confirm = lambda title, text: asked.append(text) or True
    finish(qtbot, window.files.export_pdf(tmp_path / "brief.pdf", open_after=False))
    assert window.statusBar().currentMessage() == f"PDF geschrieben: {tmp_path / 'brief.pdf'}"
    assert len(asked) == 1 and "der Brief für eine andere Person" in asked[0]


def test_a_birth_date_after_the_first_treatment_day_gets_no_letter_until_it_is_corrected(
    open_window: Any, tmp_path: Path, qtbot: Any
) -> None:
    window = open_window(CROWN)
    window.document.edit_person(birth_date=dt.date(2026, 6, 15))  # after the crown of 10.03.2026: a child's deductible
    errors: list[str] = []
    window.show_error = lambda title, text: errors.append(f"{title}: {text}")
    assert window.files.export_pdf(tmp_path / "brief.pdf", open_after=False) is None
    assert errors[0].startswith("Geburtsdatum prüfen: Geburtsdatum 15.06.2026 liegt nach dem ersten Behandlungstag")
    assert errors[0].endswith("Bitte zuerst das Geburtsdatum berichtigen (bei der Person, „Geburtsdatum“).")
    assert not any(tmp_path.iterdir())
    window.document.edit_person(birth_date=dt.date(1975, 6, 15))
    finish(qtbot, window.files.export_pdf(tmp_path / "brief.pdf", open_after=False))
    assert (tmp_path / "brief.pdf").exists() and len(errors) == 1
    # a Patient sheet's birth date to come, read as none: no letter until the date is given in the window
    to_come = tmp_path / "zukunft.xlsx"
    crown = ["20.01.2026", "16", "GOZ", "2210", "Krone", 1, 2.3, 217.06, None, None, None]
    write_workbook(to_come, [crown], patient={"Geburtsdatum": f"15.06.{dt.date.today().year + 4}"})
    later = open_window(to_come)
    later.show_error = lambda title, text: errors.append(f"{title}: {text}")
    assert later.files.export_pdf(tmp_path / "später.pdf", open_after=False) is None and "liegt in der Zukunft" in errors[-1]
    later.document.edit_person(birth_date=dt.date(1975, 6, 15))
    finish(qtbot, later.files.export_pdf(tmp_path / "später.pdf", open_after=False))
    assert (tmp_path / "später.pdf").exists()


def test_a_value_of_the_person_not_read_from_the_plan_is_asked_about_and_said_on_the_letter(
    open_window: Any, tmp_path: Path, qtbot: Any
) -> None:
    pzr = ["20.01.2026", "", "GOZ", "1040", "PZR", 1, 2.3, 100.00, None, None, None]
    book = write_workbook(tmp_path / "pzr.xlsx", [pzr], patient={"PZR erstattet": dt.datetime(1900, 2, 9)})
    window = open_window(book)
    asked: list[tuple[str, str]] = []
    window.files.letter_checks.write_incomplete = lambda title, text: asked.append((title, text)) or False
    assert window.files.export_pdf(tmp_path / "brief.pdf", open_after=False) is None and not (tmp_path / "brief.pdf").exists()
    [(title, text)] = asked
    assert title == "Angabe zur Person nicht gelesen" and "(PZR erstattet): Zahl erwartet, Datum „09.02.1900“" in text
    window.files.letter_checks.write_incomplete = lambda title, text: True  # none indeed: written, and said on it
    finish(qtbot, window.files.export_pdf(tmp_path / "brief.pdf", open_after=False))
    first = " ".join(PdfReader(tmp_path / "brief.pdf").pages[0].extract_text().split())
    assert "die Angabe „PZR erstattet“ des Plans konnte nicht gelesen werden, gerechnet ist ohne sie" in first
    window.document.edit_person(pzr_reimbursed=Decimal("40.00"))  # given: nothing asked
    window.files.letter_checks.write_incomplete = lambda title, text: asked.append((title, text)) or False
    finish(qtbot, window.files.export_pdf(tmp_path / "gegeben.pdf", open_after=False))
    assert (tmp_path / "gegeben.pdf").exists() and len(asked) == 1


def test_a_name_the_letters_font_cannot_draw_gets_no_letter_until_it_is_written_in_latin_script(
    open_window: Any, tmp_path: Path, qtbot: Any
) -> None:
    window = open_window(CROWN)
    window.document.edit_person(name="王芳")
    errors: list[str] = []
    window.show_error = lambda title, text: errors.append(f"{title}: {text}")
    assert window.files.export_pdf(tmp_path / "brief.pdf", open_after=False) is None and not any(tmp_path.iterdir())
    assert errors == [
        "Schriftzeichen prüfen: Name „王芳“ enthält Schriftzeichen, die die Schrift des Briefs nicht hat (王芳) "
        "und die er leer zeigte – bitte diese Zeichen ersetzen (einen Namen in lateinischer Schrift)."
    ]
    window.document.edit_person(name="Wang Fang")
    finish(qtbot, window.files.export_pdf(tmp_path / "brief.pdf", open_after=False))
    assert (tmp_path / "brief.pdf").exists()


def test_a_note_too_long_for_the_letter_is_asked_about_before_a_letter_is_written(
    open_window: Any, tmp_path: Path, qtbot: Any
) -> None:
    window = open_window(CROWN)
    window.note_editor.text.setPlainText("x" * 2_100)  # the red text beside it said so; the letter went without it
    asked: list[tuple[str, str]] = []
    window.files.letter_checks.write_incomplete = lambda title, text: asked.append((title, text)) or False
    assert window.files.export_pdf(tmp_path / "brief.pdf", open_after=False) is None and not any(tmp_path.iterdir())
    [(title, text)] = asked
    assert title == "Text an den Patienten zu lang" and "2.100 Zeichen in 1 Zeile(n), höchstens 2.000 Zeichen" in text
    assert text.endswith("nicht den hier gezeigten. Den Brief trotzdem schreiben?")
    window.files.letter_checks.write_incomplete = lambda title, text: True  # written all the same: without the long text
    finish(qtbot, window.files.export_pdf(tmp_path / "brief.pdf", open_after=False))
    assert (tmp_path / "brief.pdf").exists()


def test_without_a_tariff_chosen_no_letter_is_written_or_printed_until_one_is(
    open_window: Any, tmp_path: Path, qtbot: Any
) -> None:
    window = open_window(CROWN)
    assert window.line_actions.new_plan()  # a new plan: no tariff taken for granted
    errors: list[str] = []
    window.show_error = lambda title, text: errors.append(f"{title}: {text}")
    assert window.files.export_pdf(tmp_path / "brief.pdf", open_after=False) is None
    assert window.files.print_letter(pdf_printer(tmp_path / "gedruckt.pdf")) is None
    assert window.files.preview_letter() is None
    assert len(errors) == 3 and errors[0].startswith("Kein Tarif gewählt: Bitte zuerst den Tarif der versicherten Person")
    assert "BM5/0, dem Tarif ohne Selbstbehalt" in errors[0]
    assert not any(tmp_path.iterdir())
    window.person_panel.variant.setCurrentText("BM5/2")
    assert window.files.export_pdf(tmp_path / "brief.pdf", open_after=False) is None  # no line yet: no letter of 0,00 €
    assert errors[3].startswith("Kein Brief: Der Plan hat keine Zeile")
    crown = new_fee_line("2210", Schedule.GOZ, parse_teeth("16"), dt.date(2026, 3, 10), Decimal("2.3"))
    assert window.line_actions.add("fee", [crown])
    finish(qtbot, window.files.export_pdf(tmp_path / "brief.pdf", open_after=False))
    assert (tmp_path / "brief.pdf").exists() and len(errors) == 4


def _typed(field: Any, text: str) -> None:
    field.setText(text)
    field.setModified(True)  # as typed by the user
    field.editingFinished.emit()


def test_a_value_of_the_person_not_read_and_typed_in_as_none_is_given_and_the_letter_no_longer_asks(
    open_window: Any, tmp_path: Path, qtbot: Any
) -> None:
    """„0“ typed where the plan's „PZR erstattet“ could not be read is the user's answer, though the estimate counted
    none before: taken as an edit (undoable), the sheet's note kept as a warning, the letter written without asking; a
    year of the earlier benefits typed gives that year only."""
    pzr = ["20.01.2026", "", "GOZ", "1040", "PZR", 1, 2.3, 100.00, None, None, None]
    unread = {
        "PZR erstattet": dt.datetime(1900, 2, 9),
        "Bisherige ZE-Erstattung Jahr 1": "=A1",
        "Bisherige ZE-Erstattung Jahr 2": "=A1",
    }
    window = open_window(write_workbook(tmp_path / "pzr.xlsx", [pzr], patient=unread))
    document, panel = window.document, window.person_panel
    fields = {f.phrase.get("field"): f.severity.value for f in document.estimate.findings if f.phrase.get("field")}
    assert fields == {"PZR erstattet": "error", "Jahr 1": "error", "Jahr 2": "error"}, fields
    _typed(panel.pzr_reimbursed, "0")
    _typed(panel.prior[1], "0,00")
    fields = {f.phrase.get("field"): f.severity.value for f in document.estimate.findings if f.phrase.get("field")}
    assert fields == {"PZR erstattet": "warning", "Jahr 1": "error", "Jahr 2": "warning"}, fields
    assert document.undo_stack.count() == 2 and document.person.pzr_reimbursed == 0
    _typed(panel.prior[0], "0")
    asked: list[str] = []
    window.files.letter_checks.write_incomplete = lambda title, text: asked.append(title) or False
    finish(qtbot, window.files.export_pdf(tmp_path / "brief.pdf", open_after=False))
    assert (tmp_path / "brief.pdf").exists() and asked == []
    first = " ".join(PdfReader(tmp_path / "brief.pdf").pages[0].extract_text().split())
    assert "konnte nicht gelesen werden" not in first
    document.undo_stack.undo()  # year 1 not given again: asked
    assert window.files.export_pdf(tmp_path / "wieder.pdf", open_after=False) is None and asked == [
        "Angabe zur Person nicht gelesen"
    ]


def test_a_direction_mark_typed_into_a_lines_reason_or_the_note_prints_nowhere_in_the_letter(
    open_window: Any, tmp_path: Path, qtbot: Any
) -> None:
    window = open_window(CROWN)
    document = window.document
    assert document.edit_line(("fee", 0, "justification"), "Grund \u202eEVIL\u202c")
    assert document.edit_note("Hallo \u202eWelt\u202c und\x07 gut")
    assert document.case.note == "Hallo Welt und gut" and document.case.plan().fee_lines[0].justification == "Grund EVIL"
    finish(qtbot, window.files.export_pdf(tmp_path / "brief.pdf", open_after=False))
    letter = "".join(page.extract_text() for page in PdfReader(tmp_path / "brief.pdf").pages)
    assert "Hallo Welt und gut" in letter and not {"\u202e", "\u202c", "\x07"} & set(letter)


def test_a_date_of_the_person_not_read_stays_unread_when_its_field_is_left_empty(open_window: Any, tmp_path: Path) -> None:
    """„15.13.1975“ could not be read; typing in the empty field and deleting it again is no answer: the letter still
    asks (the adult's deductible would be promised for a person of unknown age)."""
    crown = ["10.03.2026", "16", "GOZ", "2210", "Vollkrone", 1, 2.3, None, None, None, None]
    window = open_window(write_workbook(tmp_path / "geb.xlsx", [crown], patient={"Geburtsdatum": "15.13.1975", "Tarif": "BM5/1"}))
    field = window.person_panel.birth_date
    _typed(field, "")
    assert window.document.undo_stack.count() == 0
    asked: list[str] = []
    window.files.letter_checks.write_incomplete = lambda title, text: asked.append(title) or False
    assert window.files.export_pdf(tmp_path / "brief.pdf", open_after=False) is None and asked == [
        "Angabe zur Person nicht gelesen"
    ]
