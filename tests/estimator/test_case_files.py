"""Case files are input too: crafted ones each give one message (CLI exit 2, a dialog in the app), never a traceback."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import estimator.io.boundedjson
from estimator.case import Case, CaseError
from estimator.command.cli import main
from estimator.io.casefile import case_from_json, case_json, load_case, save_case
from estimator.io.excel import read_plan
from tests.conftest import GOLDEN

Data = dict[str, Any]


def valid() -> Data:
    return case_json(Case.from_plan(read_plan(GOLDEN / "crown_basic.xlsx")))


def changed(change: Callable[[Data], object]) -> Callable[[], str]:
    def build() -> str:
        data = copy.deepcopy(valid())
        change(data)
        return json.dumps(data)

    return build


def put(path: str, value: Any) -> Callable[[Data], None]:
    """Set one value by a dotted path ("fee_lines.0.count")."""

    def change(data: Data) -> None:
        *parents, last = path.split(".")
        target: Any = data
        for key in parents:
            target = target[int(key)] if isinstance(target, list) else target[key]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value

    return change


CASES: dict[str, tuple[Callable[[], str], str]] = {
    # name: (the file's text, words the one message holds)
    "not JSON": (lambda: "{", "kein gültiges JSON"),
    "empty file": (lambda: "", "kein gültiges JSON"),
    "a JSON list": (lambda: "[1, 2]", "keine Falldatei"),
    "other schema": (changed(put("schema", "hkp-case/9")), "keine Falldatei"),
    "fee lines not a list": (changed(put("fee_lines", {"a": 1})), "Liste erwartet"),
    "fee line not an object": (changed(put("fee_lines.0", "2210")), "Objekt erwartet"),
    "lab lines missing": (changed(lambda d: d.pop("lab_lines")), "„lab_lines“ fehlt"),
    "two lines at one row": (
        changed(lambda d: d["lab_lines"][1].update(sheet=d["lab_lines"][0]["sheet"], row=d["lab_lines"][0]["row"])),
        "Labor 1 und Labor 2: beide Blatt „Labor“ Zeile 2 – jede Zeile des Plans nur einmal",
    ),
    "a lab line at a fee line's row": (
        changed(lambda d: d["lab_lines"][0].update(sheet=d["fee_lines"][2]["sheet"], row=d["fee_lines"][2]["row"])),
        "Leistung 3 und Labor 1: beide Blatt „Leistungen“ Zeile 4",
    ),
    "row as text": (changed(put("fee_lines.0.row", "zwei")), "ganze Zahl"),
    "negative row": (changed(put("fee_lines.0.row", -3)), "ganze Zahl"),
    "count NaN": (changed(put("fee_lines.0.count", "NaN")), "Zahl erwartet"),
    "count as JSON NaN": (lambda: json.dumps(valid()).replace('"count": "1"', '"count": NaN', 1), "Zahl als Text"),
    "count 1e30": (changed(put("fee_lines.0.count", "1e30")), "Zahl erwartet"),
    "count a billion": (changed(put("fee_lines.0.count", "1000000000")), "Anzahl größer als 0 und höchstens 10.000"),
    "negative amount": (changed(put("fee_lines.1.amount", "-400.00")), "Betrag von 0"),
    "amount of 5000 digits": (
        lambda: json.dumps(valid()).replace('"amount": "217.06"', '"amount": ' + "9" * 5000, 1),
        "Zahl zu groß",
    ),
    "factor 0": (changed(put("fee_lines.0.factor", "0")), "Faktor größer als 0"),
    "a formula for a session": (changed(put("fee_lines.0.session", "=1+1")), "Sitzung wie „2. Sitzung“"),
    "a text for a session": (changed(put("lab_lines.0.session", "Termin am Montag früh um 8")), "Sitzung wie"),
    "a session not text": (changed(put("fee_lines.0.session", 2)), "Sitzung wie"),
    "a session with a day": (changed(put("fee_lines.0.session", "Termin (10.03.2026)")), "Sitzung wie"),
    "tooth 99": (changed(put("fee_lines.0.teeth", "99")), "FDI"),
    "tooth as a number": (changed(put("fee_lines.0.teeth", 16)), "Zahnangabe als Text"),
    "teeth of 900,000 characters": (changed(put("fee_lines.0.teeth", "16," * 300_000)), "höchstens 100"),
    "year 10000": (changed(put("fee_lines.0.date", "10000-01-01")), "Datum"),
    "30 February": (changed(put("fee_lines.0.date", "2026-02-30")), "Datum"),
    "date as a number": (changed(put("fee_lines.0.date", 20260310)), "Datum JJJJ-MM-TT"),
    "unknown schedule": (changed(put("fee_lines.0.schedule", "BEMA")), "GOZ oder GOÄ"),
    "unknown class": (changed(put("fee_lines.0.manual_class", "Q")), "Klasse A, B, P oder X"),
    "description of 10 MB": (changed(put("fee_lines.0.description", "x" * 10_000_000)), "höchstens 2000"),
    "person a list": (changed(put("person", [])), "Objekt"),
    "person null": (changed(put("person", None)), "Feld „person“ fehlt"),
    "a key twice": (
        lambda: changed(put("note", "x"))().replace('"note": "x"', '"note": "x", "note": "y"'),
        "„note“ steht zweimal",
    ),
    "tariff BM9/9": (changed(put("person.variant", "BM9/9")), "BM5/0, BM5/1"),
    "a billion implants": (changed(put("person.implants_upper", 10**9)), "0 bis 16"),
    "earlier benefit 1e30": (changed(put("person.prior_class_a", ["1e30", "0", "0", "0"])), "Zahl erwartet"),
    "eleven insurance years": (changed(put("person.prior_class_a", ["0"] * 11)), "höchstens 10"),
    "an earlier benefit of null": (changed(put("person.prior_class_a", [None])), "Zahl als Text erwartet, „null“ gefunden"),
    "born in 1800": (changed(put("person.birth_date", "1800-01-01")), "zwischen 1900 und 2200"),
    "cooperating as text": (changed(put("person.cooperating", "ja")), "true oder false"),
    "deep nesting": (lambda: "[" * 100_000 + "]" * 100_000, "zu tief verschachtelt"),
    "deep nesting in a field": (changed(put("person.name", json.loads("[" * 50 + "]" * 50))), "Text erwartet"),
    "25,000 lines": (changed(lambda d: d.update(fee_lines=d["fee_lines"] * 8_334)), "höchstens 20000"),
    "unknown Auslegung value": (changed(put("settings", {"insurance_year": "weekly"})), "nicht erlaubt"),
    "unknown Auslegung": (changed(put("settings", {"rounding": "up"})), "Unbekannte Auslegung"),
    "edit of a line that is not there": (
        changed(put("edits", [{"kind": "fee", "index": 5, "field": "factor", "value": "3.0"}])),
        "Leistung Nr. 6 gibt es im Plan nicht",
    ),
    "edit with text that means nothing": (
        changed(put("edits", [{"kind": "fee", "index": 0, "field": "factor", "value": "viel"}])),
        "Zahl erwartet",
    ),
    "edit of an unknown kind": (
        changed(put("edits", [{"kind": "mwst", "index": 0, "field": "factor", "value": "3"}])),
        "nicht änderbar",
    ),
    "edit index a billion": (
        changed(put("edits", [{"kind": "fee", "index": 10**9, "field": "factor", "value": "3"}])),
        "ganze Zahl",
    ),
    "negative reviewer amount": (
        changed(put("overrides", [{"sheet": "Leistungen", "row": 2, "reviewer": "M", "reason": "r", "eligible": "-5"}])),
        "Betrag von 0",
    ),
    "reviewer without reason": (
        changed(put("overrides", [{"sheet": "Leistungen", "row": 2, "reviewer": "M", "eligible": "5"}])),
        "„reason“ fehlt",
    ),
    "finding of unknown severity": (
        changed(put("input_findings", [{"severity": "fatal", "code": "x", "message": "y"}])),
        "error, warning oder info",
    ),
    "columns of the wrong type": (changed(put("columns", {"Leistungen": ["A"]})), "Objekt"),
    "patient cell a number": (changed(put("patient_cells", {"Name": 5})), "Texte erwartet"),
    "VAT 150": (changed(put("lab_lines.0.vat_percent", "150")), "MwSt-Satz"),
    "negative unit price": (changed(put("lab_lines.0.unit_price", "-1")), "Betrag von 0"),
    "lab code a number": (changed(put("lab_lines.0.code", 344)), "Text erwartet"),
    "count true": (changed(put("fee_lines.0.count", True)), "Zahl als Text"),
    "plan date not a date": (changed(put("plan_date", "morgen")), "Datum JJJJ-MM-TT"),
    "source not text": (changed(put("source", {"path": "x"})), "Text erwartet"),
    "settings a list": (changed(put("settings", ["a"])), "Objekt mit höchstens"),
    "edits not a list": (changed(put("edits", "factor=3")), "Liste erwartet"),
    "service text as a number": (
        changed(put("edits", [{"kind": "fee", "index": 0, "field": "description", "value": 5}])),
        "Text erwartet, „5“ gefunden",
    ),
    "overrides not a list": (changed(put("overrides", {"row": 2})), "Liste erwartet"),
    "sheet name of 108 characters": (changed(put("fee_lines.0.sheet", "L" * 108)), "höchstens 107"),
    "200,000 findings": (
        changed(put("input_findings", [{"severity": "info", "code": "x", "message": "y"}] * 200_000)),
        "höchstens 100000",
    ),
    "quantity 0": (changed(put("lab_lines.0.quantity", "0")), "Menge größer als 0"),
    "not UTF-8": (lambda: "\udcff", "kein UTF-8-Text"),
    "an unknown field": (changed(put("anhang", [1, 2])), "unbekanntes Feld „anhang“"),
    "an unknown field of a line": (changed(put("fee_lines.0.rabatt", "10")), "unbekanntes Feld „rabatt“"),
    "600,000 empty objects": (lambda: '{"schema": "hkp-case/1", "x": [' + "{}," * 600_000 + "{}]}", "Einträge"),
}


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / "fall.hkp.json"
    if text == "\udcff":
        path.write_bytes(b'{"schema": "hkp-case/1", "x": "\xff\xfe"}')
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_more_than_50_crafted_case_files_are_covered() -> None:
    assert len(CASES) >= 50


@pytest.mark.parametrize("name", sorted(CASES))
def test_crafted_case_file_gives_one_message_and_exit_2(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build, words = CASES[name]
    path = write(tmp_path, name, build())
    assert main(["estimate", str(path)]) == 2
    err = capsys.readouterr().err
    assert words in err and "fall.hkp.json" in err and "Traceback" not in err, err
    assert len(err.strip().splitlines()) == 1 and len(err) < 600


def test_valid_case_file_is_estimated_by_estimate_whatif_and_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = Case.from_plan(read_plan(GOLDEN / "crown_basic.xlsx")).with_edit(("fee", 1, "factor"), "3,0")
    save_case(case, tmp_path / "fall.hkp.json")
    out = tmp_path / "out.json"
    assert main(["estimate", str(tmp_path / "fall.hkp.json"), "--json", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["lines"][1]["factor"] == "3.0"
    assert main(["whatif", str(tmp_path / "fall.hkp.json")]) == 0
    assert main(["batch", str(tmp_path), "--out", str(tmp_path / "u.xlsx"), "--jobs", "1"]) == 0
    assert "1 Plan, davon 0 nicht lesbar" in capsys.readouterr().out


def test_case_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "fall.hkp.json"
    path.write_text("\ufeff" + json.dumps(valid()), encoding="utf-8")
    assert load_case(path).original.fee_lines[0].number == "0090"


def test_too_large_case_file_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(estimator.io.boundedjson, "MAX_CASE_BYTES", 1_000)
    path = write(tmp_path, "gross", json.dumps(valid()))
    with pytest.raises(CaseError, match="größer als"):
        load_case(path)


def test_a_case_file_with_a_lone_surrogate_escape_is_refused_by_name(tmp_path: Path) -> None:
    import json  # noqa: PLC0415

    from estimator.case import Case, CaseError  # noqa: PLC0415
    from estimator.io.casefile import case_json, load_case  # noqa: PLC0415
    from estimator.model import Plan  # noqa: PLC0415

    data = case_json(Case.from_plan(Plan()))
    data["person"]["name"] = "Erika \udc00"
    path = tmp_path / "fall.hkp.json"
    path.write_text(json.dumps(data), encoding="ascii")  # valid JSON: the escape \udc00
    with pytest.raises(CaseError, match="enthält ein Zeichen, das kein Text sein kann"):
        load_case(path)
    data["person"]["name"] = "Erika \U0001f600"  # a pair is a character
    path.write_text(json.dumps(data), encoding="ascii")
    assert load_case(path).person.name == "Erika \U0001f600"


def test_a_case_file_of_millions_of_small_values_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    # 63 MB of short strings took 1 GB before „unbekanntes Feld“ refused them: counted first, parsed never
    path = tmp_path / "werte.hkp.json"
    path.write_text('{"x": [' + ",".join(["1"] * 2_100_000) + "]}", encoding="utf-8")
    with pytest.raises(CaseError, match="mehr als 2000000 Werte"):
        load_case(path)


ODD_CELLS = {  # what a workbook may hold that a case file once could not take back
    "MwSt über 100 %": ("Labor", "G2", 150),
    "Sitzung statt Datum": ("Leistungen", "A2", "Behandlungstag 12 (vormittags, ca. KW 14, nüchtern)"),
    "Sitzung statt Datum im Labor": ("Labor", "A2", "2. Sitzung"),
    "Versicherungsnummer mit 101 Zeichen": ("Patient", "B6", "X" * 101),
    "Laborcode mit 21 Zeichen": ("Labor", "C2", "A" * 21),
    "Gebührennummer mit 21 Zeichen": ("Leistungen", "D2", "1" * 21),
    "Anzahl 0,0000001": ("Leistungen", "F2", 0.0000001),
    "Blattname mit 46 Zeichen": ("Leistungen", "title", "Leistungen" + " " * 25 + "x" * 11),
}


@pytest.mark.parametrize("odd", list(ODD_CELLS), ids=list(ODD_CELLS))
def test_a_case_saved_from_any_workbook_the_program_reads_opens_again_unchanged(odd: str, tmp_path: Path) -> None:
    import warnings  # noqa: PLC0415

    import openpyxl  # noqa: PLC0415

    from estimator.io.casefile import open_case  # noqa: PLC0415

    template = tmp_path / "vorlage.xlsx"
    assert main(["template", str(template)]) == 0
    sheet, cell, value = ODD_CELLS[odd]
    book = openpyxl.load_workbook(template)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns of a title longer than Excel's 31 characters
        if cell == "title":
            book[sheet].title = value
        else:
            book[sheet][cell] = value
    book.save(tmp_path / "plan.xlsx")
    case = open_case(tmp_path / "plan.xlsx")
    save_case(case, tmp_path / "fall.hkp.json")
    again = load_case(tmp_path / "fall.hkp.json")
    assert again.plan() == case.plan()
    assert len(case.plan().fee_lines) + len(case.plan().left_out) >= 2  # the odd line is kept, read or left out


def test_a_case_with_sessions_says_them_as_they_stand_and_one_saved_before_keeps_its_words() -> None:
    # the words a case file kept of its sessions as read went stale once a day was given (the Zahnstaffel-Planung):
    # the estimate says them now; a case saved before sessions were kept keeps the words of then (one day for all)
    from estimator.codes import Code  # noqa: PLC0415
    from estimator.io.phrasejson import phrase_data  # noqa: PLC0415
    from estimator.phrases import say  # noqa: PLC0415
    from estimator.rules.engine import estimate  # noqa: PLC0415
    from estimator.tariff.catalogues import load_tariffs  # noqa: PLC0415

    data = valid()
    data["fee_lines"][0].update(session="1. Sitzung", date=None)
    phrase = say(Code.INPUT_SESSION_DATE, sheet="Leistungen", count=1, texts=("1. Sitzung",), rows=(2,), more=False)
    said = {"severity": "warning", "sheet": "Leistungen", "row": 2, "column": "A", "section": ""}
    data["input_findings"].append({**said, "phrase": phrase_data(phrase)})
    case = case_from_json(json.loads(json.dumps(data)))
    assert [f.code for f in case.original.input_findings if "session" in f.code] == []
    assert [f.code for f in estimate(case.plan(), load_tariffs()).findings if "session" in f.code] == ["input.sessions"]
    dated = case.with_edit(("fee", 0, "date"), "12.03.2026")  # a day given: no session left to ask about
    assert [f.code for f in estimate(dated.plan(), load_tariffs()).findings if "session" in f.code] == []
    data["fee_lines"][0].pop("session")  # saved before sessions were kept: the words of then
    kept = [f.code for f in case_from_json(data).original.input_findings if "session" in f.code]
    assert kept == ["input.session_date"]
