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
from tests.conftest import GOLDEN
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


def test_a_text_a_letter_prints_keeps_no_direction_mark_nor_control_character_from_any_source() -> None:
    """U+202E printed as a small bar and box in the letter (the font has a glyph for it); a bell or an escape pasted
    into a field refused the letter with a message quoting blanks and was dropped by the workbook unsaid. Tab and line
    breaks stay."""
    from estimator.letterhead import Letterhead  # noqa: PLC0415
    from estimator.model import FeeLine, LabLine, Override  # noqa: PLC0415

    line = FeeLine("Leistungen", 2, "2210", description="Kro\x00ne\x1b[31m", justification="Grund \u202eEVIL\u202c\tweil")
    assert (line.description, line.justification) == ("Krone[31m", "Grund EVIL\tweil")
    assert LabLine("Labor", 2, "0001", Decimal(1), description="Modell\u200f\x07").description == "Modell"
    decision = Override("Leistungen", 2, "M.\u202e Prüfer", "zu\x1b hoch\nso")
    assert (decision.reviewer, decision.reason) == ("M. Prüfer", "zu hoch\nso")
    assert Letterhead(practice="Praxis \u202eDr.\u202c Beispiel", address="Weg 1\nOrt\x07").practice == "Praxis Dr. Beispiel"
    assert Letterhead(address="Weg 1\nOrt\x07").address == "Weg 1\nOrt"
    assert Person(name="Anna\x07 Müller").name == "Anna Müller"
    glued = FeeLine("Leistungen", 2, "2210", justification="erhöhter Aufwand\x0bwegen Blutung\u2028und\x0cmehr")
    assert glued.justification == "erhöhter Aufwand\nwegen Blutung\nund\nmehr"  # Word's Shift+Enter: a line break
    case = Case.from_plan(read_plan(GOLDEN / "crown_basic.xlsx"))
    assert dataclasses.replace(case, note="Hallo \u202eWelt\u202c\nund\x1b").note == "Hallo Welt\nund"


@pytest.mark.parametrize("name", ["\u200d", "\u200c\u200d", "\u0301", " \u200d\t"])
def test_a_name_of_joiners_and_marks_alone_is_no_name(name: str) -> None:
    assert Person(name=name).name == ""
    assert Person(name="Zoë\u200d").name == "Zoë\u200d"  # a joiner beside letters stays: it may shape them
