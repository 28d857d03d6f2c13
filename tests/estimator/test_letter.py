"""The letter after DIN 5008: the patient's address where a DL envelope's window shows it, the letterhead with
phone, e-mail and logo from a letterhead file, the note to the patient; the address read from the Patient
sheet and kept in case files."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from estimator.case import Case
from estimator.cells import CellError, parse_postcode
from estimator.command.cli import main
from estimator.io.casefile import open_case, save_case
from estimator.io.excel import read_plan
from estimator.letterhead import Letterhead, LetterheadError, to_toml
from estimator.output.pdf import build_pdf
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from tests.conftest import GOLDEN
from tests.estimator.workbooks import write_workbook

MM = 72 / 25.4
A4_HEIGHT = 297 * MM
ISSUED = dt.date(2026, 11, 23)
FEE = [dt.datetime(2026, 3, 10), "16", "GOZ", "2210", "Vollkrone", 1, 2.3, None, None, None, None]


def png(path: Path, width: int = 40, height: int = 20) -> Path:
    """A small blue PNG image."""
    rows = b"".join(b"\x00" + b"\x20\x60\xa0" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    return path


def with_address(path: Path, **patient: Any) -> Path:
    rows = {"Name": "Erika Mustermann", "Straße": "Lindenweg 7", "PLZ": 1067, "Ort": "Dresden", **patient}
    return write_workbook(path, [FEE], [], patient=rows)


def placed_text(data: bytes) -> list[tuple[str, float, float]]:
    """The first page's text pieces with their place in mm from the left and from the top."""
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: Any, tm: Any, _font: Any, _size: Any) -> None:
        if text.strip():  # the text matrix, then the page's transformation
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((text.strip(), x / MM, (A4_HEIGHT - y) / MM))

    PdfReader(_bytes(data)).pages[0].extract_text(visitor_text=visit)
    return found


def _bytes(data: bytes) -> Any:
    import io  # noqa: PLC0415

    return io.BytesIO(data)


def test_the_address_is_read_from_the_patient_sheet_and_a_lost_leading_zero_comes_back(tmp_path: Path) -> None:
    person = read_plan(with_address(tmp_path / "plan.xlsx")).person
    assert (person.street, person.postcode, person.city) == ("Lindenweg 7", "01067", "Dresden")


def test_a_postcode_that_is_none_is_a_finding_with_its_cell(tmp_path: Path) -> None:
    plan = read_plan(with_address(tmp_path / "plan.xlsx", PLZ="12#45"))
    found = [f for f in plan.input_findings if f.sheet == "Patient"]
    assert plan.person.postcode == "" and found and found[0].cell.startswith("B")
    with pytest.raises(CellError):
        parse_postcode("1234567890123")
    assert parse_postcode("A-1010") == "A-1010" and parse_postcode(12345.0) == "12345"


def test_the_patients_address_sits_in_the_window_of_a_dl_envelope(tmp_path: Path) -> None:
    result = estimate(read_plan(with_address(tmp_path / "plan.xlsx")), load_tariffs())
    placed = placed_text(build_pdf(result, load_tariffs(), ISSUED, Letterhead("Praxis Zahnweh", "Am Markt 3\n12345 Musterstadt")))
    lines: dict[str, tuple[float, float]] = {}
    for text, left, top in placed:
        lines.setdefault(text, (left, top))  # the first place of a text: the name stands in the table too
    for line in ("Erika Mustermann", "Lindenweg 7", "01067 Dresden"):
        left, top = lines[line]
        assert 20 <= left <= 105 and 62.7 <= top <= 90, (line, left, top)  # the address zone of form B
    title = next((left, top) for text, left, top in placed if text.startswith("Erstattungsschätzung"))
    assert title[1] >= 98  # the text begins below the address field and the information block
    date = next(top for text, left, top in placed if text == "23.11.2026" and left > 125)
    assert 45 <= date <= 75


def test_a_letterhead_file_brings_phone_email_and_logo_and_the_note_is_printed(tmp_path: Path) -> None:
    logo = png(tmp_path / "logo.png")
    (tmp_path / "briefkopf.toml").write_text(
        'practice = "Praxis Zahnweh"\naddress = "Am Markt 3, 12345 Musterstadt"\nphone = "0351 123456"\n'
        'email = "praxis@zahnweh.example"\nlogo = "logo.png"\n',
        encoding="utf-8",
    )
    letterhead = Letterhead.from_file(tmp_path / "briefkopf.toml")
    assert letterhead.logo == str(logo)
    out = tmp_path / "brief.pdf"
    note = "Die Krone an 16 ist nach Absprache vollkeramisch geplant."
    plan = with_address(tmp_path / "plan.xlsx")
    assert main(["estimate", str(plan), "--pdf", str(out), "--letterhead", str(tmp_path / "briefkopf.toml"), "--note", note]) == 0
    reader = PdfReader(out)
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Telefon 0351 123456" in text and "praxis@zahnweh.example" in text and note in text
    assert len(reader.pages[0].images) == 1
    assert Letterhead.from_file(_written(tmp_path / "wieder.toml", to_toml(letterhead))) == letterhead


def _written(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('praxis = "x"\n', "unbekannte Angabe praxis"),
        ('logo = "kein-bild.png"\n', "Logo"),
        ('practice = "' + "x" * 200 + '"\n', "höchstens 120 Zeichen"),
        ("practice = [1, 2]\n", "Text erwartet"),
        ("practice = \n", "kein gültiger Briefkopf"),
    ],
)
def test_a_bad_letterhead_file_is_refused_with_its_reason(
    content: str, words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "kein-bild.png").write_text("kein Bild", encoding="utf-8")
    path = _written(tmp_path / "briefkopf.toml", content)
    with pytest.raises(LetterheadError, match=words):
        Letterhead.from_file(path)
    plan = with_address(tmp_path / "plan.xlsx")
    assert main(["estimate", str(plan), "--pdf", str(tmp_path / "b.pdf"), "--letterhead", str(path)]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err and not (tmp_path / "b.pdf").exists()


def test_a_note_needs_a_pdf_and_has_a_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = with_address(tmp_path / "plan.xlsx")
    assert main(["estimate", str(plan), "--note", "Hallo"]) == 2
    assert main(["estimate", str(plan), "--pdf", str(tmp_path / "b.pdf"), "--note", "x" * 2001]) == 2
    err = capsys.readouterr().err
    assert "--note gilt für das PDF" in err and "höchstens 2.000 Zeichen" in err


def test_address_and_note_are_kept_in_the_case_file(tmp_path: Path) -> None:
    case = Case.from_plan(read_plan(with_address(tmp_path / "plan.xlsx")))
    case = dataclasses.replace(case, note="Bitte Termin vereinbaren.")
    save_case(case, tmp_path / "fall.hkp.json")
    again = open_case(tmp_path / "fall.hkp.json")
    assert again.person.postcode == "01067" and again.person.city == "Dresden" and again.note == case.note
    data = json.loads((tmp_path / "fall.hkp.json").read_text(encoding="utf-8"))
    del data["note"], data["person"]["street"], data["person"]["postcode"], data["person"]["city"]
    (tmp_path / "alt.hkp.json").write_text(json.dumps(data), encoding="utf-8")
    old = open_case(tmp_path / "alt.hkp.json")
    assert old.note == "" and old.person.street == ""
    data["note"] = "x" * 2001
    (tmp_path / "lang.hkp.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(Exception, match="note"):
        open_case(tmp_path / "lang.hkp.json")


def test_the_example_plan_keeps_its_estimate_under_the_new_layout() -> None:
    result = estimate(read_plan(GOLDEN / "crown_basic.xlsx"), load_tariffs())
    text = " ".join(PdfReader(_bytes(build_pdf(result, load_tariffs(), ISSUED))).pages[0].extract_text().split())
    assert "323,01 €" in text and "Erika Mustermann" in text


def test_letterhead_problems_are_said_in_german_and_a_broken_logo_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LetterheadError, match="Datei oder Ordner nicht gefunden") as missing:
        Letterhead.from_file(tmp_path / "fehlt.toml")
    assert "No such file" not in str(missing.value)
    with pytest.raises(LetterheadError, match="TOML-Fehler in Zeile 1, Spalte") as broken:
        Letterhead.from_file(_written(tmp_path / "kaputt.toml", "practice = \n"))
    assert "Illegal" not in str(broken.value) and "Invalid" not in str(broken.value)
    (tmp_path / "latin.toml").write_bytes('practice = "Zahnärzte"\n'.encode("latin-1"))
    with pytest.raises(LetterheadError, match="kein UTF-8-Text"):
        Letterhead.from_file(tmp_path / "latin.toml")
    whole = png(tmp_path / "logo.png")
    (tmp_path / "halb.png").write_bytes(whole.read_bytes()[:30])
    with pytest.raises(LetterheadError, match="unvollständig oder beschädigt"):
        Letterhead(logo=str(tmp_path / "halb.png"))
    odd = Letterhead(practice="Praxis\x7f Zahnweh", address="Am Markt 3\n12345 Musterstadt")
    assert Letterhead.from_file(_written(tmp_path / "odd.toml", to_toml(odd))) == odd


def test_a_letterhead_or_logo_that_never_ends_or_unpacks_to_a_huge_picture_is_refused(tmp_path: Path) -> None:
    import os  # noqa: PLC0415

    with pytest.raises(LetterheadError, match="keine Datei, sondern ein Gerät oder eine Pipe"):
        Letterhead.from_file(Path("/dev/zero"))  # read it grew to 17 GB
    os.mkfifo(tmp_path / "briefkopf.toml")
    with pytest.raises(LetterheadError, match="keine Datei, sondern ein Gerät oder eine Pipe"):
        Letterhead.from_file(tmp_path / "briefkopf.toml")  # it waited for ever
    os.symlink("/dev/zero", tmp_path / "logo.png")
    with pytest.raises(LetterheadError, match="keine Datei, sondern ein Gerät oder eine Pipe"):
        Letterhead(logo=str(tmp_path / "logo.png"))
    banner = png(tmp_path / "banner.png", width=4500, height=600)  # 2,7 million pixels: a wide banner is a logo
    assert Letterhead(logo=str(banner)).logo
    huge = tmp_path / "riesig.jpg"  # a JPEG's frame header, a fill byte before it: 5000 × 4000 pixels
    huge.write_bytes(b"\xff\xd8\xff\xe0\x00\x04\x00\x00\xff\xff\xc0\x00\x11\x08\x0f\xa0\x13\x88" + bytes(12) + b"\xff\xd9")
    with pytest.raises(LetterheadError, match="5000 × 4000 Bildpunkte; höchstens 16 Millionen"):
        Letterhead(logo=str(huge))


def test_a_postcode_has_digits_and_a_note_stays_a_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for bad in (0, 999, "nan", "--"):
        with pytest.raises(CellError):
            parse_postcode(bad)
    assert parse_postcode(1067) == "01067"
    plan = with_address(tmp_path / "plan.xlsx")
    assert main(["estimate", str(plan), "--pdf", str(tmp_path / "b.pdf"), "--note", "Zeile\n" * 40]) == 2
    assert "30 Zeilen" in capsys.readouterr().err


def test_a_long_street_wraps_inside_the_address_field_and_nothing_of_it_is_lost(tmp_path: Path) -> None:
    street = "Lindenweg 7, Hinterhaus links, 3. OG, bei Familie Schmidt-Oberndorfer"
    result = estimate(read_plan(with_address(tmp_path / "plan.xlsx", **{"Straße": street})), load_tariffs())
    placed = placed_text(build_pdf(result, load_tariffs(), ISSUED))
    zone = [(text, left, top) for text, left, top in placed if 20 <= left <= 105 and 62.7 <= top <= 90]
    assert " ".join(text for text, _, _ in zone[1:-1]) == street and "…" not in street
    assert [text for text, _, _ in zone][-1] == "01067 Dresden" and len(zone) == 4


def test_an_address_longer_than_the_field_keeps_postcode_and_town_on_its_last_line(tmp_path: Path) -> None:
    street = "Erzbischof-Friedrich-Wilhelm-von-Ketteler-Straße 123a, Gartenhaus, Aufgang B, 4. OG rechts, bei Familie Müller"
    name = "Prof. Dr. med. Maximiliane Friederike Charlotte Freifrau von und zu Guttenberg-Hohenlohe-Waldenburg"
    patient = {"Name": name, "Straße": street, "Ort": "Sankt Peter-Ording"}
    result = estimate(read_plan(with_address(tmp_path / "plan.xlsx", **patient)), load_tariffs())
    placed = placed_text(build_pdf(result, load_tariffs(), ISSUED))
    zone = [text for text, left, top in placed if 20 <= left <= 105 and 62.7 <= top <= 90]
    assert len(zone) == 6 and zone[-1] == "01067 Sankt Peter-Ording"  # was cut away behind the street's „…“
    assert zone[0].startswith("Prof. Dr. med.") and zone[2].startswith("Erzbischof")  # name and street each shortened


def test_a_long_practice_name_takes_two_lines_of_the_head_and_nothing_of_it_is_lost(tmp_path: Path) -> None:
    name = "Gemeinschaftspraxis für Zahnheilkunde, Implantologie und Kieferorthopädie Dr. Maximiliane Müller-Lüdenscheidt"
    logo = png(tmp_path / "logo.png")
    toml = f'practice = "{name}"\naddress = "Am Markt 3, 12345 Musterstadt"\nphone = "0351 123456"\nlogo = "{logo.name}"\n'
    out = tmp_path / "brief.pdf"
    plan = with_address(tmp_path / "plan.xlsx")
    assert main(["estimate", str(plan), "--pdf", str(out), "--letterhead", str(_written(tmp_path / "kopf.toml", toml))]) == 0
    head = [(text, top) for text, left, top in placed_text(out.read_bytes()) if top < 38 and left < 150]
    assert " ".join(text for text, _ in head[:2]) == name  # the name in two lines, above the address and phone
    assert [text for text, _ in head[2:]] == ["Am Markt 3, 12345 Musterstadt", "Telefon 0351 123456"]
    assert head[0][1] < head[1][1] < head[2][1] < head[3][1] < 38


def test_a_head_at_the_limits_keeps_name_and_e_mail_whole_and_the_return_line_its_address(tmp_path: Path) -> None:
    name = "Gemeinschaftspraxis für Zahnheilkunde, Implantologie und Kieferorthopädie Dr. med. dent. M. Müller & Kollegen"
    email = "verwaltung.terminvergabe@zahnarztpraxis-sonnenschein-musterstadt.de"
    address = "Hauptstraße 123, 12345 Musterstadt-Sonnenschein"
    logo = png(tmp_path / "logo.png", 120, 60)
    toml = f'practice = "{name}"\naddress = "{address}"\nphone = "0123 456789"\nemail = "{email}"\nlogo = "{logo.name}"\n'
    out = tmp_path / "brief.pdf"
    kopf = _written(tmp_path / "kopf.toml", toml)
    assert main(["estimate", str(with_address(tmp_path / "plan.xlsx")), "--pdf", str(out), "--letterhead", str(kopf)]) == 0
    placed = placed_text(out.read_bytes())
    head = [text for text, left, top in placed if top < 38 and left < 150]
    assert " ".join(head[:2]) == name and head[-1] == f"Telefon 0123 456789 · {email}"
    sender = next(text for text, left, top in placed if 55 < top < 62.7 and left < 100)  # the return zone
    assert sender.endswith(f" · {address}") and sender.startswith("Gemeinschaftspraxis")


def test_a_letter_missing_rows_of_the_plan_is_written_and_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.estimator.test_import_broken import GOOD_FEE, GOOD_LAB, fee  # noqa: PLC0415
    from tests.estimator.workbooks import write_workbook  # noqa: PLC0415

    # one row left out, one without an amount (a number no schedule knows)
    plan = write_workbook(tmp_path / "plan.xlsx", [GOOD_FEE, fee(Zahn="99"), fee(Nr="9011", Zahn="36")], [GOOD_LAB])
    assert main(["estimate", str(plan), "--pdf", str(tmp_path / "a.pdf")]) == 0  # the letter names them; the user is told
    assert (
        "Hinweis zum Brief: der Brief nennt Gesamtkosten und Eigenanteil ohne 2 Zeilen des Plans, die in allen Beträgen "
        "fehlen – besser erst den Plan berichtigen (siehe Hinweise)"
    ) in capsys.readouterr().err
    from openpyxl import load_workbook  # noqa: PLC0415

    book = load_workbook(write_workbook(tmp_path / "zwei.xlsx", [GOOD_FEE, fee(Zahn="99")], [GOOD_LAB]))
    second = book.copy_worksheet(book["Leistungen"])  # a second table of fees: not read, its rows in no figure either
    second.title = "Leistungen 2"
    book.save(tmp_path / "zwei.xlsx")
    assert main(["estimate", str(tmp_path / "zwei.xlsx"), "--pdf", str(tmp_path / "b.pdf")]) == 0
    assert (
        "ohne 1 Zeile des Plans, die in allen Beträgen fehlt und die Zeilen des Blatts „Leistungen 2“, das nicht gelesen ist"
    ) in capsys.readouterr().err


def test_a_letter_without_a_name_is_written_and_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nameless = with_address(tmp_path / "ohne_name.xlsx", Name="")
    assert main(["estimate", str(nameless), "--pdf", str(tmp_path / "a.pdf")]) == 0  # handed over in person, it serves
    assert "Hinweis zum Brief: der Plan nennt keinen Namen, der Brief ist an „Patient/in“ gerichtet" in capsys.readouterr().err
    assert "Patient/in Patient/in" not in " ".join(text for text, _, _ in placed_text((tmp_path / "a.pdf").read_bytes()))
    streetless = with_address(tmp_path / "ohne_strasse.xlsx", **{"Straße": ""})  # most plans have no address: not said
    assert main(["estimate", str(streetless), "--pdf", str(tmp_path / "b.pdf")]) == 0
    assert "Hinweis zum Brief" not in capsys.readouterr().err
    assert main(["estimate", str(with_address(tmp_path / "ganz.xlsx")), "--pdf", str(tmp_path / "c.pdf")]) == 0
    assert "Hinweis zum Brief" not in capsys.readouterr().err
    senderless = with_address(tmp_path / "ohne_praxis.xlsx", Zahnarzt="")  # the sender „Zahnarztpraxis“ only: said
    assert main(["estimate", str(senderless), "--pdf", str(tmp_path / "d.pdf")]) == 0
    assert "Hinweis zum Brief: ohne Praxisdaten nennt der Brief als Absender nur „Zahnarztpraxis“" in capsys.readouterr().err
    from openpyxl import load_workbook  # noqa: PLC0415

    (tmp_path / "mappe").mkdir()
    with_address(tmp_path / "mappe" / "plan.xlsx", Name="")
    summary = tmp_path / "uebersicht.xlsx"
    assert main(["batch", str(tmp_path / "mappe"), "--out", str(summary), "--pdf-dir", str(tmp_path / "pdf"), "--jobs", "1"]) == 0
    rows = list(load_workbook(summary)["Übersicht"].values)
    assert dict(zip(rows[0], rows[1], strict=True))["PDF"].startswith("plan.pdf; der Plan nennt keinen Namen")


def test_a_logo_whose_data_is_no_picture_or_that_has_no_pixels_is_refused_when_given(tmp_path: Path) -> None:
    """A PNG with a whole header and end but no picture in it was taken, and every letter left the logo out unsaid; an
    image of 0 × 5 pixels was told to be made smaller."""
    good = png(tmp_path / "logo.png").read_bytes()
    start = good.index(b"IDAT") - 4
    end = good.index(b"IEND") - 4
    garbage = b"garbage"
    idat = struct.pack(">I", len(garbage)) + b"IDAT" + garbage + struct.pack(">I", zlib.crc32(b"IDAT" + garbage))
    (tmp_path / "kaputt.png").write_bytes(good[:start] + idat + good[end:])
    with pytest.raises(LetterheadError, match=r"kaputt\.png: das Bild lässt sich nicht lesen"):
        Letterhead(logo=str(tmp_path / "kaputt.png"))
    with pytest.raises(LetterheadError, match="0 × 5 Bildpunkte – das Bild ist leer"):
        Letterhead(logo=str(png(tmp_path / "leer.png", width=0, height=5)))
    assert Letterhead(logo=str(tmp_path / "logo.png")).logo
