"""Case files: the plan, the person and the user's edits survive saving and opening, and edits are checked."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import stat
from decimal import Decimal
from pathlib import Path

import pytest

from estimator.case import Case, CaseError, edit_text, parse_edit
from estimator.io.casefile import case_from_json, case_json, load_case, save_case
from estimator.io.excel import read_plan
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from tests.conftest import GOLDEN
from tests.estimator.builders import goae, plan


def crown_case() -> Case:
    return Case.from_plan(read_plan(GOLDEN / "crown_basic.xlsx"))


def test_an_edit_changes_the_estimate_and_removing_it_restores_it() -> None:
    case = crown_case()
    before = estimate(case.plan(), load_tariffs()).totals
    edited = case.with_edit(("fee", 1, "factor"), "3,5")
    assert edited.plan().fee_lines[1].factor == Decimal("3.5")
    assert estimate(edited.plan(), load_tariffs()).totals.billed > before.billed
    assert estimate(edited.with_edit(("fee", 1, "factor"), None).plan(), load_tariffs()).totals == before


def test_typing_the_value_as_read_is_no_edit() -> None:
    case = crown_case()
    text = edit_text(case.original.fee_lines[1], "factor")
    assert text == "2,3"
    assert case.with_edit(("fee", 1, "factor"), text).edits == {}


@pytest.mark.parametrize(
    ("key", "text", "words"),
    [
        (("fee", 0, "factor"), "viel", "Zahl erwartet"),
        (("fee", 0, "teeth"), "99", "FDI"),
        (("fee", 0, "count"), "0", "Anzahl größer als 0 und höchstens 10.000"),
        (("fee", 0, "date"), "32.01.2026", "TT.MM.JJJJ"),
        (("fee", 0, "manual_class"), "Q", "Klasse"),
        (("fee", 0, "number"), " ", "leer – ein Wert ist nötig"),  # not „Nummer … erwartet, „“ gefunden“
        (("fee", 0, "number"), "x" * 21, "Nummer mit 1 bis 20 Zeichen"),
        (("fee", 0, "schedule"), "GOÄ", "Leistungen Zeile 2: Feld „schedule“ ist nicht änderbar"),
        (("lab", 99, "quantity"), "1", "Laborzeile Nr. 100 gibt es im Plan nicht"),
        (("lab", 0, "vat_percent"), "120", "MwSt"),
        (("lab", 0, "unit_price"), " ", "leer – ein Wert ist nötig"),  # a cleared price put the line in at 0,00 € unsaid
        (("fee", 0, "factor"), "", "leer"),
        (("fee", 0, "amount"), "12,345", "höchstens 2 Nachkommastellen"),  # a slip, not 12,35 €
    ],
)
def test_bad_edits_are_refused_with_a_german_reason(key: tuple[str, int, str], text: str, words: str) -> None:
    with pytest.raises(CaseError, match=words):
        crown_case().with_edit(key, text)


def test_a_lab_lines_vat_is_corrected_its_amount_computed_anew_and_kept_in_the_case_file(tmp_path: Path) -> None:
    case = crown_case()
    line = case.original.lab_lines[0]
    edited = case.with_edit(("lab", 0, "vat_percent"), "19 %")
    assert (edited.plan().lab_lines[0].vat_percent, edited.plan().lab_lines[0].amount) == (Decimal(19), None)
    billed = next(r for r in estimate(edited.plan(), load_tariffs()).lines if r.kind == "lab").billed
    assert billed == (line.quantity * line.unit_price * Decimal("1.19")).quantize(Decimal("0.01"))
    save_case(edited, tmp_path / "mwst.hkp.json")
    assert load_case(tmp_path / "mwst.hkp.json").plan().lab_lines[0].vat_percent == Decimal(19)
    assert edited.with_edit(("lab", 0, "vat_percent"), "").plan().lab_lines[0].vat_percent is None  # the usual rate


def test_a_mistyped_number_is_corrected_as_the_schedule_writes_it_and_kept_in_the_case_file(tmp_path: Path) -> None:
    case = crown_case()
    assert case.with_edit(("fee", 0, "number"), case.original.fee_lines[0].number.lstrip("0")).edits == {}  # the same
    typo = case.with_edit(("fee", 0, "number"), "2215")
    assert typo.plan().fee_lines[0].number == "2215"
    fixed = typo.with_edit(("fee", 0, "number"), " 10 ")
    assert fixed.plan().fee_lines[0].number == "0010"  # GOZ numbers have four digits
    lab = case.with_edit(("lab", 0, "code"), "i111")
    assert lab.plan().lab_lines[0].code == "I 111"
    with pytest.raises(CaseError, match="Nummer mit 1 bis 20 Zeichen"):
        case.with_edit(("lab", 0, "code"), "ß" * 12)  # 24 characters once upper-cased
    goae_case = Case.from_plan(plan(goae("5004")))
    for typed in ("Ä", "ÄÄ", "ÄÄ5", "AEÄ"):  # nothing left, or a form that read again would change
        with pytest.raises(CaseError, match="Nummer mit 1 bis 20 Zeichen"):
            goae_case.with_edit(("fee", 0, "number"), typed)
    for typed, kept in (("Ä1", "1"), ("k1", "K 1"), ("A5", "5")):
        edited = goae_case.with_edit(("fee", 0, "number"), typed)
        save_case(edited, tmp_path / "goae.hkp.json")
        assert load_case(tmp_path / "goae.hkp.json").plan().fee_lines[0].number == kept
    assert case.with_value(("lab", 0, "code"), "i111").plan().lab_lines[0].code == "I 111"  # a case file's value too
    path = tmp_path / "fall.hkp.json"
    save_case(fixed, path)
    assert load_case(path).plan().fee_lines[0].number == "0010"


def test_a_service_text_is_corrected_and_kept_in_the_case_file_and_an_analogue_named_there_counts(tmp_path: Path) -> None:
    case = crown_case()
    number = case.original.fee_lines[0].number
    renamed = case.with_edit(("fee", 0, "description"), "  Eingehende Untersuchung, Befund  ")
    assert renamed.plan().fee_lines[0].description == "Eingehende Untersuchung, Befund"
    save_case(renamed, tmp_path / "fall.hkp.json")
    assert load_case(tmp_path / "fall.hkp.json").plan().fee_lines[0].description == "Eingehende Untersuchung, Befund"
    assert renamed.with_edit(("fee", 0, "description"), None).edits == {}  # back to the plan's text
    with pytest.raises(CaseError, match=r"höchstens 2\.000 Zeichen, 2\.001 eingegeben"):
        case.with_edit(("fee", 0, "description"), "x" * 2001)
    analogue = case.with_edit(("fee", 0, "description"), f"entsprechend GOZ {number}")  # GOZ § 6: the text names it
    assert estimate(analogue.plan(), load_tariffs()).findings != estimate(case.plan(), load_tariffs()).findings
    spaced = dataclasses.replace(case.original.fee_lines[0], description="Eingehende Untersuchung ")  # as a file may
    spaced_case = Case.from_plan(dataclasses.replace(case.original, fee_lines=(spaced, *case.original.fee_lines[1:])))
    assert (
        spaced_case.with_edit(("fee", 0, "description"), "X").with_edit(("fee", 0, "description"), spaced.description).edits == {}
    )
    emptied = case.with_edit(("lab", 0, "description"), "")
    assert emptied.plan().lab_lines[0].description == ""  # the window then shows the price list's text


def test_case_file_round_trips_to_the_same_estimate_and_is_owner_only(tmp_path: Path) -> None:
    case = crown_case().with_edit(("fee", 1, "factor"), "3,0").with_edit(("lab", 0, "quantity"), "2")
    case = dataclasses.replace(
        case,
        person=dataclasses.replace(case.person, cooperating=True, orthodontics_start=dt.date(2025, 9, 1)),
        settings={"insurance_year": "anniversary"},
    )
    path = tmp_path / "fall.hkp.json"
    save_case(case, path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    again = load_case(path)
    assert again.edits == case.edits and again.person == case.person and again.settings == case.settings
    assert estimate(again.plan(), load_tariffs()).totals == estimate(case.plan(), load_tariffs()).totals
    assert json.loads(path.read_text(encoding="utf-8"))["edits"][0] == {
        "kind": "fee",
        "index": 1,
        "field": "factor",
        "value": "3.0",
    }


@pytest.mark.parametrize(
    "content",
    ["", "{}", '{"schema": "hkp-case/1"}', '{"schema": "hkp-case/1", "fee_lines": [{}], "lab_lines": [], "person": {}}'],
)
def test_damaged_case_files_are_refused_with_a_message(tmp_path: Path, content: str) -> None:
    path = tmp_path / "fall.hkp.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CaseError, match=r"fall\.hkp\.json"):
        load_case(path)


def test_case_json_is_plain_json() -> None:
    data = case_json(crown_case())
    assert case_from_json(json.loads(json.dumps(data))).original == crown_case().original


def test_a_case_file_of_schema_1_with_a_cleared_price_or_an_amount_of_three_places_opens_as_before(tmp_path: Path) -> None:
    """The window refuses both now; a case saved when it took them opens with what it took."""
    path = tmp_path / "alt.hkp.json"
    save_case(crown_case(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["schema"] = "hkp-case/1"
    data["edits"] = [
        {"kind": "lab", "index": 0, "field": "unit_price", "text": ""},
        {"kind": "fee", "index": 0, "field": "amount", "text": "12,345"},
    ]
    path.write_text(json.dumps(data), encoding="utf-8")
    case = load_case(path)
    assert case.edits == {("lab", 0, "unit_price"): Decimal(0), ("fee", 0, "amount"): Decimal("12.345")}


@pytest.mark.parametrize(
    ("typed", "day", "session"),
    [
        ("2. Sitzung", None, "2. Sitzung"),
        ("  nach   Absprache ", None, "nach Absprache"),
        ("12.03.2026 (2. Sitzung)", dt.date(2026, 3, 12), ""),  # a day beside a session is the day, as in a workbook
        ("12.03.2026", dt.date(2026, 3, 12), ""),
    ],
)
def test_a_date_typed_is_a_day_or_a_session_as_a_workbook_cell_would_be(typed: str, day: object, session: str) -> None:
    case = Case.from_plan(read_plan(GOLDEN / "crown_basic.xlsx"))
    line = case.with_edit(("fee", 0, "date"), typed).plan().fee_lines[0]
    assert (line.date, line.session) == (day, session)
    again = case_from_json(json.loads(json.dumps(case_json(case.with_edit(("fee", 0, "date"), typed)))))
    assert (again.plan().fee_lines[0].date, again.plan().fee_lines[0].session) == (day, session)


def test_a_date_typed_that_is_neither_day_nor_session_says_both_ways() -> None:
    case = Case.from_plan(read_plan(GOLDEN / "crown_basic.xlsx"))
    with pytest.raises(CaseError, match=r"Datum TT\.MM\.JJJJ oder eine Sitzung wie „2\. Sitzung“ erwartet, „morgen“ gefunden"):
        case.with_edit(("fee", 0, "date"), "morgen")
    with pytest.raises(CaseError, match="gibt es nicht"):  # a day that does not exist is said so, not as a session
        case.with_edit(("fee", 0, "date"), "31.02.2026")


@pytest.mark.parametrize("value", [False, 0, "", [], {}, "12.03.2026", "morgen"])
def test_a_case_files_date_edit_is_an_iso_day_or_a_session_and_nothing_else(value: object) -> None:
    case = Case.from_plan(read_plan(GOLDEN / "crown_basic.xlsx"))
    data = case_json(case.with_edit(("fee", 0, "date"), "2. Sitzung"))
    (edit,) = data["edits"]
    edit["value"] = value
    with pytest.raises(CaseError, match=r"Datum JJJJ-MM-TT oder eine Sitzung wie „2\. Sitzung“ erwartet"):
        case_from_json(json.loads(json.dumps(data)))


@pytest.mark.parametrize("field", ["teeth", "date"])
def test_a_refused_value_is_quoted_without_control_characters(field: str) -> None:
    """„ab\\x00c\\x07d\\x1b[31m“ was quoted as typed: a bell and an escape in the window's status bar and the terminal."""
    with pytest.raises(CaseError) as refused:
        parse_edit(field, "ab\x00c\x07d\x1b[31m\n\re")
    assert not {"\x00", "\x07", "\x1b", "\n", "\r"} & set(str(refused.value)) and "ab c d [31" in str(refused.value)


def test_a_setting_refused_is_quoted_short() -> None:
    from estimator.auslegung import SettingError  # noqa: PLC0415
    from estimator.tariff.catalogues import load_tariffs  # noqa: PLC0415

    with pytest.raises(SettingError) as refused:
        load_tariffs().default.profile.settings({"insurance_year": "x" * 5_000 + "\x1b[2J"})
    assert len(str(refused.value)) < 300 and "\x1b" not in str(refused.value)
