"""Characters that print as nothing, pasted along with a value from a web page or a mail: a number, a date or a
fee number reads as what the cell shows, and the person's texts come without them from every source – a
bidirectional control in an insurance number turned it around in the window."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from estimator.case import Case
from estimator.io.casefile import load_case, save_case
from estimator.io.excel import read_plan
from estimator.kinds import LineClass
from estimator.model import Person
from tests.estimator.test_import_broken import GOOD_FEE, fee, lab, plan_with

ZERO_WIDTH, BYTE_ORDER_MARK, SOFT_HYPHEN, RIGHT_TO_LEFT_OVERRIDE, LEFT_TO_RIGHT_MARK = (
    "\u200b",
    "\ufeff",
    "\u00ad",
    "\u202e",
    "\u200e",
)


@pytest.mark.parametrize("mark", [ZERO_WIDTH, BYTE_ORDER_MARK, SOFT_HYPHEN, LEFT_TO_RIGHT_MARK])
def test_a_value_with_an_invisible_character_reads_as_it_shows(tmp_path: Path, mark: str) -> None:
    plan = read_plan(
        plan_with(
            tmp_path,
            fee(
                Datum=f"10.03.2026{mark}",
                Zahn=f"1{mark}6",
                Nr=f"{mark}2200",
                Faktor=f"3,5{mark}",
                Betrag=f"{mark}300,00 €",
                Klasse=f"A{mark}",
            ),
            lab(Einzelpreis=f"12,5{mark}0"),
        )
    )
    assert plan.input_findings == ()
    line = plan.fee_lines[1]
    assert (line.date, line.number, line.factor, line.amount) == (dt.date(2026, 3, 10), "2200", Decimal("3.5"), Decimal(300))
    assert (line.teeth.text, line.manual_class) == ("16", LineClass.A)
    assert plan.lab_lines[1].unit_price == Decimal("12.50")


def test_a_persons_texts_come_without_invisible_characters_from_every_source(tmp_path: Path) -> None:
    turned = f"{RIGHT_TO_LEFT_OVERRIDE}B987654321{LEFT_TO_RIGHT_MARK}"
    from_sheet = read_plan(plan_with(tmp_path, patient={"Name": f"Erika{ZERO_WIDTH} Mustermann", "Versicherungsnummer": turned}))
    assert (from_sheet.person.name, from_sheet.person.insurance_number) == ("Erika Mustermann", "B987654321")

    case = Case.from_plan(read_plan(plan_with(tmp_path, [*GOOD_FEE])))
    path = tmp_path / "fall.hkpfall"
    save_case(case, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["person"]["insurance_number"], data["person"]["city"] = turned, f"K{SOFT_HYPHEN}öln"
    path.write_text(json.dumps(data), encoding="utf-8")
    person = load_case(path).person
    assert (person.insurance_number, person.city) == ("B987654321", "Köln")

    edited = dataclasses.replace(
        Person(), insurance_number=turned, street=f"Hauptstraße{BYTE_ORDER_MARK} 1"
    )  # as the window edits
    assert (edited.insurance_number, edited.street) == ("B987654321", "Hauptstraße 1")


def test_a_name_keeps_the_joiners_that_shape_its_letters_and_loses_the_space_behind_an_invisible_character() -> None:
    persian, emoji = "علی\u200cاکبر", "Dr. 👩\u200d⚕️ Beispiel"
    assert Person(name=persian).name == persian and Person(practice=emoji).practice == emoji
    assert Person(name=f"{ZERO_WIDTH} Erika Mustermann").name == "Erika Mustermann"


def test_a_case_files_fee_number_and_lab_code_are_read_as_a_workbooks_are(tmp_path: Path) -> None:
    path = tmp_path / "fall.hkpfall"
    save_case(Case.from_plan(read_plan(plan_with(tmp_path, [*GOOD_FEE]))), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["fee_lines"][0]["number"] += ZERO_WIDTH
    data["lab_lines"][0]["code"] = BYTE_ORDER_MARK + data["lab_lines"][0]["code"]
    path.write_text(json.dumps(data), encoding="utf-8")
    plan = load_case(path).plan()
    assert (plan.fee_lines[0].number, plan.lab_lines[0].code) == ("2210", "0344")
