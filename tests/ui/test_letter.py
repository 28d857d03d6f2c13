"""The letter from the window: the practice's letterhead set in Einstellungen → Praxis (checked, saved for
`hkp`), the patient's address in the person panel, the note to the patient; all of it in the exported PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from estimator.letterhead import Letterhead, LetterheadError
from tests.conftest import GOLDEN
from tests.estimator.test_letter import png
from tests.ui.conftest import finish
from ui.letter import NOTE_PAUSE_MS, stored_letterhead
from ui.settings import EMAIL, LOGO, PHONE, PRACTICE

CROWN = GOLDEN / "crown_basic.xlsx"


def test_the_practice_dialog_checks_stores_and_saves_the_letterhead(open_window: Any, tmp_path: Path) -> None:
    window = open_window(CROWN)
    window.edit_practice()
    dialog = window.practice_dialog
    dialog.practice.setText("Praxis Zahnweh")
    dialog.phone.setText("0351 123456")
    (tmp_path / "kaputt.png").write_text("kein Bild", encoding="utf-8")
    dialog.logo.setText(str(tmp_path / "kaputt.png"))
    dialog.accept()
    assert dialog.isVisible() and "kein PNG- oder JPEG-Bild" in dialog.problem.text()
    assert window.settings.get(PRACTICE) == ""
    dialog.logo.setText(str(png(tmp_path / "logo.png")))
    assert dialog.save_file(tmp_path / "briefkopf.toml")
    dialog.accept()
    assert not dialog.isVisible() and window.settings.get(PHONE) == "0351 123456"
    assert window.settings.get(LOGO) == str(tmp_path / "logo.png")
    saved = Letterhead.from_file(tmp_path / "briefkopf.toml")
    assert saved.practice == "Praxis Zahnweh" and saved.logo == str(tmp_path / "logo.png")


def typed(field: Any, text: str) -> None:
    """As a user types into a field and leaves it."""
    field.setText(text)
    field.setModified(True)
    field.editingFinished.emit()


def test_address_and_note_from_the_window_are_in_the_letter(open_window: Any, tmp_path: Path, qtbot: Any) -> None:
    window = open_window(CROWN)
    panel = window.person_panel
    typed(panel.street, "Lindenweg 7")
    typed(panel.postcode, "12#45")
    assert "PLZ" in panel.message.text() and window.document.person.postcode == ""
    typed(panel.postcode, "01067")
    typed(panel.city, "Dresden")
    assert (window.document.person.street, window.document.person.postcode) == ("Lindenweg 7", "01067")
    window.note_editor.text.setPlainText("Bitte bringen Sie den Bonusheft mit.")
    window.note_editor.take()
    assert window.document.case.note == "Bitte bringen Sie den Bonusheft mit."
    finish(qtbot, window.files.export_pdf(tmp_path / "brief.pdf", open_after=False))
    text = " ".join(PdfReader(tmp_path / "brief.pdf").pages[0].extract_text().split())
    assert "Lindenweg 7" in text and "01067 Dresden" in text and "Bonusheft" in text
    window.undo_action.trigger()
    assert window.document.case.note == "" and window.note_editor.text.toPlainText() == ""


def test_undoing_the_note_twice_in_quick_succession_keeps_both_to_redo(open_window: Any, qtbot: Any) -> None:
    # the note an undo showed was taken again as a new edit once the pause passed: the second undo was lost, and with
    # it the redo of „Zweiter Satz.“
    window = open_window(CROWN)
    editor = window.note_editor
    editor.text.setPlainText("Erster Satz.")
    editor.take()
    editor.text.setPlainText("Erster Satz. Zweiter Satz.")
    editor.take()
    window.undo_action.trigger()
    window.undo_action.trigger()  # before the pause has passed
    qtbot.wait(NOTE_PAUSE_MS + 300)
    assert window.document.case.note == "" and editor.text.toPlainText() == ""
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert window.document.case.note == editor.text.toPlainText() == "Erster Satz. Zweiter Satz."


def test_an_email_that_is_no_address_is_refused_by_the_dialog_and_in_a_letterhead_file(open_window: Any, tmp_path: Path) -> None:
    window = open_window(CROWN)
    window.edit_practice()
    dialog = window.practice_dialog
    dialog.practice.setText("Praxis Zahnweh")
    for wrong in ("praxis(at)beispiel", "praxis@beispiel", "pra xis@beispiel.de"):
        dialog.email.setText(wrong)
        dialog.accept()
        assert dialog.isVisible() and window.settings.get(EMAIL) == ""
        assert dialog.problem.text() == (
            f"Briefkopf, E-Mail: „{wrong}“ ist keine E-Mail-Adresse; bitte in der Form name@praxis.de eintragen "
            "(mit @ und Punkt vor der Endung, ohne Leerzeichen) oder das Feld leeren"
        )
    dialog.email.setText("info@zahnweh-dresden.de")
    dialog.accept()
    assert not dialog.isVisible() and window.settings.get(EMAIL) == "info@zahnweh-dresden.de"
    # a letterhead file of before: its address left out of the letter and said, the letter still written
    (tmp_path / "briefkopf.toml").write_text('practice = "Praxis"\nemail = "praxis(at)beispiel"\n', encoding="utf-8")
    said: list[str] = []
    assert Letterhead.from_file(tmp_path / "briefkopf.toml", said).email == ""
    assert said == [
        "briefkopf.toml: Briefkopf, E-Mail: „praxis(at)beispiel“ ist keine E-Mail-Adresse; bitte in der Form "
        "name@praxis.de eintragen (mit @ und Punkt vor der Endung, ohne Leerzeichen) oder das Feld leeren – das "
        "Schreiben nennt keine E-Mail"
    ]
    (tmp_path / "briefkopf.toml").write_text('email = " Info@Praxis-Müller.de "\n', encoding="utf-8")
    assert Letterhead.from_file(tmp_path / "briefkopf.toml").email == "Info@Praxis-Müller.de"
    with pytest.raises(LetterheadError, match="keine E-Mail-Adresse"):
        Letterhead(email="praxis(at)beispiel")  # made in the program: refused
    window.settings.set(EMAIL, "praxis(at)beispiel")  # stored before addresses were checked: left out, said
    letterhead, said = stored_letterhead(window.settings)
    assert letterhead.email == "" and "keine E-Mail-Adresse" in said
