"""A case file changed elsewhere (another workstation) since it was opened or saved here is not replaced unasked;
its status and amount paid, which the register sets, are kept as before without a question."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from estimator.case import DRAFT, REIMBURSED
from estimator.io.casefile import load_case, save_case
from estimator.register.cases import update_case
from estimator.register.store import Register
from tests.ui.test_cases import case_file, registered
from tests.ui.test_sent import opened
from ui.saving import OVERWRITE, SAVE_AS


def elsewhere(path: Path, **person: Any) -> None:
    """Another workstation opens the file, changes the person and saves."""
    case = load_case(path)
    save_case(dataclasses.replace(case, person=dataclasses.replace(case.person, **person)), path)


def test_a_case_file_changed_elsewhere_is_replaced_only_when_the_user_says_so(
    qtbot: Any, settings: QSettings, tmp_path: Path
) -> None:
    path = case_file(tmp_path, "mueller", dt.date(2026, 3, 10), status=DRAFT)
    window = opened(qtbot, settings, path)
    asked: list[str] = []
    answers = iter(["", SAVE_AS, OVERWRITE])
    window.files.checks.ask = lambda name: asked.append(name) or next(answers)
    window.files.save_as = lambda stem: window.files.save_to(tmp_path / f"{stem}.hkp.json")  # the name suggested
    assert window.document.edit_person(city="Köln") and window.files.save_to(path)
    assert asked == [] and load_case(path).person.city == "Köln"  # nothing changed elsewhere: no question

    elsewhere(path, street="Hauptstraße 1")
    assert window.document.edit_person(city="Bonn")
    assert not window.files.save_to(path)  # cancelled: the other workstation's change stays
    assert asked == ["mueller.hkp.json"] and load_case(path).person.street == "Hauptstraße 1"
    assert window.files.save_to(path)  # saved under a new name instead
    assert load_case(tmp_path / "mueller-neu.hkp.json").person.city == "Bonn"
    assert (load_case(path).person.street, load_case(path).person.city) == ("Hauptstraße 1", "Köln")

    window.document.path = path  # back to the first file, still changed elsewhere
    assert window.files.save_to(path) and load_case(path).person.city == "Bonn"  # replaced, as chosen
    assert len(asked) == 3


def test_a_status_set_elsewhere_is_kept_and_asked_about_only_as_a_sent_case(
    qtbot: Any, settings: QSettings, tmp_path: Path
) -> None:
    path = case_file(tmp_path, "mueller", dt.date(2026, 3, 10))
    window = opened(qtbot, settings, path)
    asked: list[str] = []
    window.files.checks.ask = lambda name: asked.append(name) or ""
    errors: list[str] = []
    window.show_error = lambda _title, text: errors.append(text)
    window.sent_bar.change_button.click()
    assert window.document.edit_person(city="Köln")
    case = load_case(path)  # `hkp register status 1 erstattet --paid 700` at another workstation
    save_case(dataclasses.replace(case, status=REIMBURSED, paid=Decimal("700")), path)
    assert not window.files.save_to(path)  # sent again meanwhile: the user chooses anew
    assert "ist inzwischen erstattet" in errors[0] and window.sent_bar.isVisible()
    window.sent_bar.change_button.click()
    assert window.files.save_to(path)
    saved = load_case(path)
    assert (saved.status, saved.paid, saved.person.city) == (REIMBURSED, Decimal("700.00"), "Köln")
    assert asked == []  # only the status changed elsewhere: no question about other changes


def test_a_case_file_of_an_older_version_rewritten_by_the_register_is_no_change_elsewhere(
    qtbot: Any, settings: QSettings, tmp_path: Path
) -> None:
    path = case_file(tmp_path, "alt", dt.date(2026, 3, 10), status=DRAFT)
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["note"]  # as the program wrote it before the note to the patient
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    registered(path)
    window = opened(qtbot, settings, path)
    window.files.checks.ask = lambda name: pytest.fail(f"asked about {name}")
    assert window.document.edit_person(city="Köln")
    with Register() as register:  # `hkp register status 1 Entwurf` rewrites the file in this version's form
        update_case(register, 1, DRAFT, path=str(path.resolve()))
    assert "note" in json.loads(path.read_text(encoding="utf-8"))
    assert window.files.save_to(path) and load_case(path).person.city == "Köln"
    assert window.document.edit_person(city="Bonn") and window.files.save_to(path)  # and again: nothing asked
