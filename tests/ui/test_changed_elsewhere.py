"""A case file changed elsewhere (another workstation) since it was opened or saved here is not replaced unasked;
its status and amount paid, which the register sets, are kept as before without a question."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from estimator.case import DRAFT, SUBMITTED
from estimator.io.casefile import load_case, open_case, save_case
from tests.ui.test_cases import case_file
from ui.document import CaseDocument
from ui.files import OVERWRITE, SAVE_AS
from ui.main_window import MainWindow


def elsewhere(path: Path, **person: Any) -> None:
    """Another workstation opens the file, changes the person and saves."""
    case = load_case(path)
    save_case(dataclasses.replace(case, person=dataclasses.replace(case.person, **person)), path)


def test_a_case_file_changed_elsewhere_is_replaced_only_when_the_user_says_so(
    qtbot: Any, settings: QSettings, tmp_path: Path
) -> None:
    path = case_file(tmp_path, "mueller", dt.date(2026, 3, 10), status=DRAFT)
    window = MainWindow(CaseDocument(open_case(path), path, autosave=False), settings)
    qtbot.addWidget(window)
    asked: list[str] = []
    answers = iter(["", SAVE_AS, OVERWRITE])
    window.files.ask_changed_on_disk = lambda name: asked.append(name) or next(answers)
    window.files.save_as = lambda: window.files.save_to(tmp_path / "mueller-2.hkp.json")
    assert window.document.edit_person(city="Köln") and window.files.save_to(path)
    assert asked == [] and load_case(path).person.city == "Köln"  # nothing changed elsewhere: no question

    elsewhere(path, street="Hauptstraße 1")
    assert window.document.edit_person(city="Bonn")
    assert not window.files.save_to(path)  # cancelled: the other workstation's change stays
    assert asked == ["mueller.hkp.json"] and load_case(path).person.street == "Hauptstraße 1"
    assert window.files.save_to(path)  # saved under a new name instead
    assert load_case(tmp_path / "mueller-2.hkp.json").person.city == "Bonn"
    assert (load_case(path).person.street, load_case(path).person.city) == ("Hauptstraße 1", "Köln")

    window.document.path = path  # back to the first file, still changed elsewhere
    assert window.files.save_to(path) and load_case(path).person.city == "Bonn"  # replaced, as chosen
    assert len(asked) == 3


def test_a_status_set_elsewhere_is_kept_without_a_question(qtbot: Any, settings: QSettings, tmp_path: Path) -> None:
    path = case_file(tmp_path, "mueller", dt.date(2026, 3, 10), status=DRAFT)
    window = MainWindow(CaseDocument(open_case(path), path, autosave=False), settings)
    qtbot.addWidget(window)
    window.files.ask_changed_on_disk = lambda name: ""  # a question would cancel the save
    save_case(dataclasses.replace(load_case(path), status=SUBMITTED), path)  # `hkp register status … eingereicht`
    assert window.document.edit_person(city="Köln") and window.files.save_to(path)
    assert (load_case(path).status, load_case(path).person.city) == (SUBMITTED, "Köln")
