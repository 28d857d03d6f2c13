"""What the plan says about a line reaches every output: the reason given for a high factor (the insurer judges the
factor by it), a lab line's unit price and VAT rate, and the rows the import left out, named by what they hold."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader

from estimator.io.excel import read_plan
from estimator.model import Estimate
from estimator.output.jsonout import estimate_json
from estimator.output.pdf import build_pdf
from estimator.output.xlsxout import estimate_workbook
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from tests.estimator.test_import_broken import fee, lab
from tests.estimator.workbooks import write_workbook

REASON = "erschwerte Präparation wegen subgingivaler Karies"


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> Estimate:
    path = write_workbook(
        tmp_path_factory.mktemp("plan") / "plan.xlsx",
        [fee(Faktor=3.8, Begründung=REASON), fee(Zahn="19", Nr="2060", Leistung="Kompositfüllung")],
        [lab(MwSt=19, Einzelpreis=61.5), lab(MwSt=None)],
    )
    return estimate(read_plan(path), load_tariffs())


def test_the_json_holds_the_reason_the_lab_prices_and_the_rows_left_out(result: Estimate) -> None:
    data = estimate_json(result)
    fees = [line for line in data["lines"] if line["kind"] == "fee"]
    assert fees[0]["justification"] == REASON
    labs = [line for line in data["lines"] if line["kind"] == "lab"]
    assert [(line["unit_price"], line["vat_percent"]) for line in labs] == [
        ("61.50", "19"),
        ("61.50", "7"),
    ]  # the second: the default
    (left,) = data["left_out"]
    assert (left["sheet"], left["row"], left["cells"]["Zahn"]) == ("Leistungen", 3, "19")
    assert left["what"] == "Leistungen Zeile 3 (GOZ 2060 Kompositfüllung, Zahn 19)"


def test_the_workbook_holds_them_too(result: Estimate) -> None:
    book = openpyxl.load_workbook(io.BytesIO(estimate_workbook(result)))
    header = [cell.value for cell in book["Zeilen"][1]]
    rows: list[dict[str, Any]] = [
        dict(zip(header, row, strict=True)) for row in book["Zeilen"].iter_rows(min_row=2, values_only=True)
    ]
    assert rows[0]["Begründung"] == REASON
    assert [(row["Einzelpreis"], row["MwSt"]) for row in rows if row["Art"] == "Labor"] == [(61.5, 19), (61.5, 7)]
    overview = list(book["Übersicht"].iter_rows(min_row=2, values_only=True))
    assert ("nicht gelesen, fehlt in allen Beträgen", "Leistungen Zeile 3 (GOZ 2060 Kompositfüllung, Zahn 19)") in overview


def test_the_letter_shows_the_reason_beside_its_line(result: Estimate) -> None:
    letter = PdfReader(io.BytesIO(build_pdf(result, load_tariffs(), dt.date(2026, 12, 5))))
    text = " ".join(" ".join(page.extract_text().split()) for page in letter.pages)
    assert "Begründung: " + REASON in text


def test_an_amount_in_a_wrapped_cell_keeps_its_euro_sign_and_every_line_fits(tmp_path: Path) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415

    from estimator.output.pdfrows import _wrapped  # noqa: PLC0415
    from estimator.output.pdfstyle import FONT, register_fonts  # noqa: PLC0415

    register_fonts()
    said = "Höchstpreis 78,60\u00a0€ und 12,50 € über der Grenze, zzgl. 7 % MwSt"
    for width in range(60, 200, 2):
        lines = _wrapped(said, FONT, 7.5, width)
        assert not any(line.startswith(("€", "%")) for line in lines), (width, lines)
        assert " ".join(lines).replace("\u00a0", " ") == said.replace("\u00a0", " ")
        assert all(stringWidth(line, FONT, 7.5) <= width for line in lines if " " in line.replace("\u00a0", "x")), lines
    assert len(_wrapped(said, FONT, 7.5, 60)) > 3  # it does wrap


def test_a_very_long_reason_for_a_factor_is_shortened_in_the_letter_only(tmp_path: Path) -> None:
    reason = "erschwerte Präparation " * 85  # nearly 2.000 characters, what a cell may hold
    path = write_workbook(tmp_path / "plan.xlsx", [fee(Faktor=3.8, Begründung=reason)])
    result = estimate(read_plan(path), load_tariffs())
    letter = PdfReader(io.BytesIO(build_pdf(result, load_tariffs(), dt.date(2026, 12, 5))))
    text = " ".join(" ".join(page.extract_text().split()) for page in letter.pages)
    assert "Begründung: erschwerte Präparation" in text and text.count("erschwerte Präparation") < 20
    assert estimate_json(result)["lines"][0]["justification"] == reason.strip()  # the JSON keeps all of it


def test_a_vat_rate_written_as_text_stays_as_written() -> None:
    from estimator.cells import parse_vat  # noqa: PLC0415

    assert (parse_vat(0.07), parse_vat(0.19), parse_vat(7), parse_vat("7 %")) == (7, 19, 7, 7)
    assert (parse_vat("0,07 %"), parse_vat("0,5")) == (Decimal("0.07"), Decimal("0.5"))  # said so: asked about later


def test_a_crown_or_bridge_service_without_its_tooth_is_asked_about(tmp_path: Path) -> None:
    path = write_workbook(
        tmp_path / "plan.xlsx",
        [
            fee(Zahn=None, Nr="5070", Leistung="Brückenglied"),
            fee(Zahn=None, GO="GOÄ", Nr="5004", Leistung="Panoramaschichtaufnahme"),  # a GOÄ number: no tooth needed
            fee(Zahn="UK", Nr="9003", Leistung="Orientierungsschablone"),
            fee(Zahn=None, Nr="2210", Leistung="Vollkrone"),
            *(fee(Zahn=None, Nr=n, Leistung="ohne Zahn") for n in ("5340", "9020", "9140", "5320", "5220", "5180")),
        ],
    )  # an epithesis, a palatal implant, bone from elsewhere, an obturator, dentures named by their jaw: no tooth
    result = estimate(read_plan(path), load_tariffs())
    asked = [(f.row, f.column) for f in result.findings if f.code == "fee.no_tooth"]
    assert asked == [(2, "B"), (5, "B")]


def test_the_workbook_names_a_session_given_instead_of_a_day() -> None:
    from tests.estimator.builders import fee, run  # noqa: PLC0415

    result = run(fee("8010", "OK", count=2, date=None, session="2. Sitzung"), fee("2210", "16"))
    book = openpyxl.load_workbook(io.BytesIO(estimate_workbook(result)))
    header = [cell.value for cell in book["Zeilen"][1]]
    rows = [dict(zip(header, row, strict=True)) for row in book["Zeilen"].iter_rows(min_row=2, values_only=True)]
    assert [(row["Datum"].date(), row["Sitzung"]) for row in rows] == [
        (dt.date(2026, 3, 10), "2. Sitzung"),
        (dt.date(2026, 3, 10), None),
    ]
