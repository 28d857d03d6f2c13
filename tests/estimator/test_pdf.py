"""The PDF estimate: its text holds every figure as the engine computed it; pages numbered; fonts embedded."""

import dataclasses
import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from estimator.codes import Code
from estimator.command.cli import main
from estimator.io.excel import read_plan
from estimator.kinds import LineClass, Severity
from estimator.model import Estimate, Finding, Override
from estimator.money import eur
from estimator.output.jsonout import estimate_json
from estimator.output.pdf import Letterhead, build_pdf
from estimator.output.textout import estimate_text
from estimator.phrases import say
from estimator.rules.engine import estimate
from estimator.samples import synthetic_plan
from estimator.tariff.catalogues import load_tariffs
from estimator.wording import finding_text
from tests.conftest import GOLDEN
from tests.estimator.builders import fee, lab, run

ISSUED = dt.date(2026, 11, 22)


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, re.sub(r"[ \u00a0]+", " ", text)


def normal(text: str) -> str:
    return re.sub(r"[ \u00a0]+", " ", text)


@pytest.fixture(scope="module")
def staged_cap() -> tuple[Estimate, PdfReader, str]:
    result = estimate(read_plan(GOLDEN / "staged_cap_year1.xlsx"), load_tariffs())
    reader, text = pdf_text(build_pdf(result, load_tariffs(), ISSUED))
    return result, reader, text


def test_pdf_holds_patient_lines_and_totals(staged_cap: tuple[Estimate, PdfReader, str]) -> None:
    result, _, text = staged_cap
    assert "Erika Mustermann" in text and "15.06.1975" in text and "A123456789" in text and "BM5/0" in text
    for line in result.lines:
        assert line.line.number in text
    for amount in (result.totals.billed, result.totals.eligible, result.totals.benefit, result.totals.patient_share):
        assert normal(eur(amount)) in text
    assert "1.615,00 €" in text and "1.000,00 €" in text and "615,00 €" in text
    assert "Nr. II.3.2" in text  # the reason of the cap reductions
    assert "unverbindlich" in text and "Unterschrift der Praxis" in text and "22.11.2026" in text


def test_the_letter_greets_the_patient_and_says_first_what_the_plan_comes_to(
    staged_cap: tuple[Estimate, PdfReader, str],
) -> None:
    result, _, text = staged_cap
    flowing = " ".join(text.split())
    totals = result.totals
    assert "Guten Tag Erika Mustermann," in flowing and flowing.index("Guten Tag") < flowing.index("Gesamtkosten laut Plan")
    assert (
        f"Ihr Heil- und Kostenplan vom 10.03.2026 kostet voraussichtlich {normal(eur(totals.billed))}. Nach Ihrem Tarif "
        f"DKV BestMed Premium BM5/0 erstattet Ihre Versicherung davon voraussichtlich {normal(eur(totals.benefit))}; Ihr "
        f"Eigenanteil beträgt voraussichtlich {normal(eur(totals.patient_share))} – bei jeder Position unten mit der Regel"
    ) in flowing
    nameless = dataclasses.replace(
        result, plan=dataclasses.replace(result.plan, person=dataclasses.replace(result.plan.person, name=""))
    )
    assert "Guten Tag," in pdf_text(build_pdf(nameless, load_tariffs(), ISSUED))[1]


def test_pdf_lists_every_finding(tmp_path: Path) -> None:
    result = estimate(read_plan(GOLDEN / "deductible_first_year_prorated.xlsx"), load_tariffs())
    assert result.findings
    _, text = pdf_text(build_pdf(result, load_tariffs(), ISSUED))
    flat = text.replace("\n", " ")
    for finding in result.findings:
        assert normal(finding_text(finding))[:60] in flat
    assert "[Leistungen!" not in flat  # a finding names its line in words: a cell means nothing to the patient


def test_the_letter_says_once_what_several_lines_share() -> None:
    result = run(fee("2210", "45"), fee("2210", "42"), lab("0322", "45", "111.60"), lab("0322", "42", "111.60"))
    over = [f for f in result.findings if f.phrase.code is Code.LAB_OVER_MAXIMUM]
    assert len(over) == 2  # the window, the workbook and the JSON: one per line, with its cell
    _, text = pdf_text(build_pdf(result, load_tariffs(), ISSUED))
    flat = text.replace("\n", " ")
    assert flat.count("Zu prüfen: Labor 0322, Zähne 45, 42 (2 Zeilen): Einzelpreis 111,60 €") == 1  # the patient's words
    assert "Labor 0322, Zahn 4" not in flat


def test_notes_about_the_workbooks_layout_stay_out_of_the_letter(tmp_path: Path) -> None:
    plan = read_plan(GOLDEN / "crown_basic.xlsx")
    about_file = (
        Finding(Severity.INFO, say(Code.INPUT_SHEET_BY_HEADER, sheet="HKP", lab=False), "HKP"),
        Finding(Severity.INFO, say(Code.INPUT_COMMENT_ROW, cell="HKP!A9", text="Krone folgt"), "HKP", 9),
        Finding(Severity.WARNING, say(Code.INPUT_PATIENT_LABEL, cell="Patient!A9", label="Krankenkasse"), "Patient", 9),
        Finding(Severity.INFO, say(Code.INPUT_EMPTY_ROWS, sheet="HKP", count=2, rows="28, 39"), "HKP"),
        Finding(Severity.INFO, say(Code.INPUT_LAB_HEADING, cell="HKP!A24", text="Laborkosten Weiß"), "HKP", 24),
        Finding(Severity.INFO, say(Code.INPUT_BLOCK_ADDRESS, cell="HKP!B2", field="Straße"), "HKP", 2),
    )
    result = estimate(dataclasses.replace(plan, input_findings=plan.input_findings + about_file), load_tariffs())
    _, text = pdf_text(build_pdf(result, load_tariffs(), ISSUED))
    assert "Blatt HKP" not in text and "Krone folgt" not in text and "Krankenkasse" not in text
    assert "leere Zeile" not in text and "Laborkosten Weiß" not in text and "Briefkopf" not in text


def test_a_plan_without_a_date_is_named_without_one_in_the_footer_and_the_documents_subject() -> None:
    plan = read_plan(GOLDEN / "crown_basic.xlsx")
    result = estimate(dataclasses.replace(plan, plan_date=None), load_tariffs())
    reader, text = pdf_text(build_pdf(result, load_tariffs(), ISSUED))
    assert "Heil- und Kostenplan vom –" not in text and "Erika Mustermann · Heil- und Kostenplan · " in text
    assert reader.metadata is not None and reader.metadata.subject.startswith("Heil- und Kostenplan, DKV")


def test_pdf_metadata_and_embedded_fonts(staged_cap: tuple[Estimate, PdfReader, str]) -> None:
    _, reader, _ = staged_cap
    assert reader.metadata is not None
    assert reader.metadata.title == "Erstattungsschätzung – Erika Mustermann"
    assert reader.metadata.author == "Praxis Dr. Beispiel"
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for reference in fonts.values():
            font = reference.get_object()
            holder = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = holder["/FontDescriptor"]
            assert "/FontFile2" in descriptor.get_object(), font["/BaseFont"]


def test_letterhead_from_settings_wins_over_the_workbook() -> None:
    result = estimate(read_plan(GOLDEN / "crown_basic.xlsx"), load_tariffs())
    _, text = pdf_text(build_pdf(result, load_tariffs(), ISSUED, Letterhead("Praxis Zahnweh", "Am Markt 3, 12345 Musterstadt")))
    assert "Praxis Zahnweh" in text and "Am Markt 3" in text


def test_long_plan_breaks_across_numbered_pages() -> None:
    short = build_pdf(estimate(synthetic_plan(30), load_tariffs()), load_tariffs(), ISSUED)
    long_plan = estimate(synthetic_plan(300), load_tariffs())
    reader, _ = pdf_text(build_pdf(long_plan, load_tariffs(), ISSUED))
    pages = len(reader.pages)
    assert pages > len(PdfReader(io.BytesIO(short)).pages) + 5
    for number, page in enumerate(reader.pages, start=1):
        assert f"Seite {number} von {pages}" in page.extract_text()
    for index, page in enumerate(reader.pages[1:-1], start=2):
        text = page.extract_text()
        if "Nr." in text and "Leistung" in text:
            assert "Datum" in text, f"page {index} lost its table header"
            begins = text.startswith(("Zahnärztliche Leistungen\n", "Material- und Laborkosten\n"))  # a table's first page
            assert begins or "(Fortsetzung)" in text, f"page {index} does not say which table goes on"  # fee and lab alike
    texts = [page.extract_text() for page in reader.pages]
    assert any("Zahnärztliche Leistungen (Fortsetzung)" in text for text in texts)
    assert any("Material- und Laborkosten (Fortsetzung)" in text for text in texts)


def test_hkp_estimate_writes_the_pdf(tmp_path: Path) -> None:
    out = tmp_path / "schaetzung.pdf"
    assert main(["estimate", str(GOLDEN / "crown_basic.xlsx"), "--pdf", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "323,01 €" in pdf_text(out.read_bytes())[1]


def test_pdf_work_grows_linearly_with_the_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each line's text is laid out a bounded number of times, however long the plan (no timing in tests)."""
    from reportlab.platypus.paragraph import Paragraph  # noqa: PLC0415

    calls = {"count": 0}
    original = Paragraph.breakLines

    def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
        calls["count"] += 1
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Paragraph, "breakLines", counted)
    layouts = []
    for size in (300, 3_000):
        calls["count"] = 0
        build_pdf(estimate(synthetic_plan(size), load_tariffs()), load_tariffs(), ISSUED)
        layouts.append(calls["count"])
    assert layouts[1] <= 11 * layouts[0], layouts


def test_names_and_reasons_of_2000_characters_without_spaces_are_cut_not_a_layout_error() -> None:
    plan = read_plan(GOLDEN / "crown_basic.xlsx")
    long = "X" * 2_000
    person = dataclasses.replace(plan.person, name=long, practice=long, insurance_number=long, practice_address=long)
    fees = tuple(dataclasses.replace(line, description=long, justification=long) for line in plan.fee_lines)
    review = Override("Leistungen", 2, long, long, line_class=LineClass.B)
    plan = dataclasses.replace(plan, person=person, fee_lines=fees, overrides=(review,))
    reader, text = pdf_text(build_pdf(estimate(plan, load_tariffs()), load_tariffs(), ISSUED))
    assert len(reader.pages) < 10 and "X…" in text.replace("\n", "")


def test_a_long_name_is_cut_in_its_middle_so_that_the_family_name_stays() -> None:
    # the address window, the greeting, the data block and the footer cut it at its end before: no family name
    name = "Prof. Dr. Dr. h.c. mult. Karl-Theodor Maria Nikolaus Johann Jacob Philipp Franz Joseph Sylvester von und zu Guttenberg-Schwarzenberg"
    plan = read_plan(GOLDEN / "crown_basic.xlsx")
    street = "Sehr lange Straße mit vielen Wörtern im Namen der Straße 123a, Aufgang C, Hinterhaus"
    person = dataclasses.replace(
        plan.person, name=name, street=street, postcode="12345", city="Garmisch-Partenkirchen am Alpenrand"
    )
    reader, _ = pdf_text(build_pdf(estimate(dataclasses.replace(plan, person=person), load_tariffs()), load_tariffs(), ISSUED))
    first = " ".join(reader.pages[0].extract_text().split())
    assert first.count("von und zu Guttenberg-Schwarzenberg") == 4, first  # address, greeting, data block, footer
    assert "Guten Tag Prof. Dr. Dr. h.c. mult. Karl-Theodor" in first and "Garmisch-Partenkirchen" in first


def test_the_letter_lists_the_first_findings_and_counts_the_rest() -> None:
    plan = read_plan(GOLDEN / "crown_basic.xlsx")
    findings = tuple(
        Finding(Severity.INFO, say(Code.INPUT_NOTE, text=f"{row} " + "N" * 1_990), "Leistungen", row, "A") for row in range(5_000)
    )
    reader, text = pdf_text(
        build_pdf(estimate(dataclasses.replace(plan, input_findings=findings), load_tariffs()), load_tariffs(), ISSUED)
    )
    assert "und 4700 weitere Hinweise" in text and len(reader.pages) < 80


def test_the_summary_walks_from_the_total_to_the_benefit_cause_by_cause() -> None:
    result = estimate(read_plan(GOLDEN / "deductible_before_caps.xlsx"), load_tariffs())
    _, text = pdf_text(build_pdf(result, load_tariffs(), ISSUED))
    steps = [normal(f"−{eur(amount)}") for cause, amount in result.reductions.items() if amount]
    assert len(steps) >= 2 and all(step in text for step in steps), steps
    assert sum(amount for amount in result.reductions.values()) == result.totals.patient_share
    nothing_taken = dataclasses.replace(result, lines=())
    _, empty = pdf_text(build_pdf(nothing_taken, load_tariffs(), ISSUED))
    assert "−" not in empty


def test_a_reason_the_line_above_gives_is_said_once_and_lab_lines_show_their_vat() -> None:
    plan = read_plan(GOLDEN / "staged_cap_year1.xlsx")
    more = tuple(dataclasses.replace(line, row=100 + i) for i, line in enumerate((plan.lab_lines * 2)[:20]))  # over a page
    result = estimate(dataclasses.replace(plan, lab_lines=plan.lab_lines + more), load_tariffs())
    reader, text = pdf_text(build_pdf(result, load_tariffs(), ISSUED))
    exhausted = [r for r in result.lines if r.kind == "lab" and r.benefit == 0]
    assert len(exhausted) >= 3
    assert text.count("ausgeschöpft") + text.count("Nr. II.3.2: wie oben") == len(exhausted)
    pages = [normal(page.extract_text()) for page in reader.pages]
    above = [page for page in pages if "wie oben" in page]
    assert len(above) >= 2  # the lab lines run onto the next page
    for page in above:  # a page never begins with "wie oben": its first such row says the reason in full
        assert -1 < page.find("ausgeschöpft") < page.find("Nr. II.3.2: wie oben"), page
    assert "MwSt" in text and text.count("7 %") >= len([r for r in result.lines if r.kind == "lab"])


def test_a_long_list_of_teeth_wraps_in_its_column_instead_of_running_into_the_number() -> None:
    _, text = pdf_text(build_pdf(run(fee("2060", "14,15,16,17,24,25", count=6)), load_tariffs(), ISSUED))
    assert "14, 15," in text and "14,15,16,17" not in text


def test_the_letter_says_nothing_of_an_amount_on_a_line_that_is_not_eligible_and_names_places_in_words() -> None:
    # nine implants in the upper jaw, each at 2,8 without a reason: the ninth (28) is over the limit
    teeth = ("11", "12", "13", "14", "15", "21", "22", "23", "28")
    result = run(*(fee("9010", tooth, factor="2.8") for tooth in teeth), lab("0001", "OK", "5.70"))
    _, text = pdf_text(build_pdf(result, load_tariffs(), ISSUED))
    flat = text.replace("\n", " ")
    # the threshold warning „als erstattungsfähig gerechnet“ for the eight that are paid, not for the ninth
    assert "GOZ 9010, Zähne 11, 12, 13, 14, 15, 21, 22, 23 (8 Zeilen): Faktor 2,8 über dem Schwellenwert" in flat
    assert "Zahn 28: Faktor" not in flat and "23, 28" not in flat
    assert "28 9010 Implantatinsertion" in flat and "243,30 0,00 – 0,00" in flat  # no rate shown on nothing paid
    assert "nicht erstattungsfähig: Zahn 28" in flat and "Labor 0001, Oberkiefer:" in flat and "Zahn OK" not in flat
    assert "GOZ 2012 ab 01.01.2012" in flat and "GOZ GOZ" not in flat


def test_a_cut_text_ends_with_a_whole_word() -> None:
    from estimator.output.pdfstyle import fit  # noqa: PLC0415

    assert fit("Fernröntgenseitenbild einschließlich zeichnerischer Auswertung von Röntgenaufnahmen", 60) == (
        "Fernröntgenseitenbild einschließlich zeichnerischer…"
    )
    assert fit("X" * 80, 40) == "X" * 39 + "…"  # one word too long: cut where the room ends


def test_a_line_without_a_text_is_named_by_its_analogue_or_said_to_have_none() -> None:
    result = run(fee("2197a", "16"), lab("9999", "21", "10.00"))
    _, text = pdf_text(build_pdf(result, load_tariffs(), ISSUED))
    flat = text.replace("\n", " ")
    assert "2197a analog: Adhäsive Befestigung" in flat and "9999 (ohne Leistungstext)" in flat


def test_a_line_without_a_treatment_day_is_missing_from_every_figure_and_said_so_everywhere() -> None:
    # no plan date, one line without a date: not computed – named as a row left out in the letter, JSON and text
    result = run(fee("2210", "16", date=dt.date(2026, 5, 2)), fee("2210", "17", date=None), plan_date=None)
    assert [(r.line.row) for r in result.lines] == [2]
    assert [(left.sheet, left.row, left.cell("Nr"), left.cell("Zahn")) for left in result.rows_missing] == [
        ("Leistungen", 3, "2210", "17")
    ]
    _, text = pdf_text(build_pdf(result, load_tariffs(), ISSUED))
    assert "Gesamtkosten ohne fehlende Zeilen" in text.replace("\n", " ")
    totals = [line for line in estimate_text(result).splitlines() if "ohne fehlende Zeilen:" in line]
    assert len(totals) == 2 and len({len(line) for line in totals}) == 1  # the amounts in one column
    assert "Achtung: 1 Zeile hat keinen Behandlungstag" in text.replace(
        "\n", " "
    ) and "Leistungen Zeile 3 (GOZ 2210" in text.replace("\n", " ")
    assert [left["row"] for left in estimate_json(result)["left_out"]] == [3]
    assert "Es fehlt 1 Zeile des Plans in allen Beträgen:\n    Leistungen Zeile 3 (GOZ 2210, Zahn 17)" in estimate_text(result)


def test_a_word_longer_than_its_column_is_broken_inside_the_column() -> None:
    word = "LangesWortOhneLeerzeichen" * 12
    _, text = pdf_text(build_pdf(run(fee("2210", "16", description=word)), load_tariffs(), ISSUED))
    pieces = [line for line in text.splitlines() if "Leerzeichen" in line or "LangesWort" in line]
    assert len(pieces) >= 2 and not any(word[:50] in line for line in pieces)  # the column holds about 37 letters


def test_a_further_fee_table_not_read_makes_the_totals_the_plans_without_it(tmp_path: Path) -> None:
    path = tmp_path / "zwei.xlsx"
    path.write_bytes((GOLDEN / "crown_basic.xlsx").read_bytes())
    book = load_workbook(path)
    copy = book.copy_worksheet(book["Leistungen"])
    copy.title = "Leistungen Seite 2"
    book.save(path)
    result = estimate(read_plan(path), load_tariffs())
    _, text = pdf_text(build_pdf(result, load_tariffs(), ISSUED))
    flat = text.replace("\n", " ")
    assert "Gesamtkosten ohne fehlende Zeilen" in flat
    assert "Achtung: Blatt „Leistungen Seite 2“ wurde nicht gelesen; seine Zeilen fehlen in allen Beträgen" in flat
    assert "Blatt „Leistungen Seite 2“ nicht gelesen: seine Zeilen fehlen in allen Beträgen" in estimate_text(result)


def test_a_material_lines_number_ends_before_its_text_begins() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415

    result = run(fee("9010", "36"), lab("Materialkosten", "36", "320.00", description="Implantat Titan", vat_percent=0))
    reader, _ = pdf_text(build_pdf(result, load_tariffs(), ISSUED))
    starts: dict[str, tuple[float, float]] = {}

    def seen(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        for word in ("Material", "Implantat Titan"):
            if text.startswith(word) and word not in starts:
                starts[word] = (cm[4] + tm[4] * cm[0], size)

    for page in reader.pages:
        page.extract_text(visitor_text=seen)
    (number_x, size), (text_x, _) = starts["Material"], starts["Implantat Titan"]
    assert number_x + stringWidth("Material", "LiberationSans", size) < text_x  # was printed over „Implantat Titan“


def test_a_line_whose_amount_is_unknown_is_said_missing_on_the_first_page_and_in_the_terminal() -> None:
    result = run(fee("2210", "16"), fee("9011", "36", description="Implantatinsertion"))
    assert [r.billed for r in result.lines][1] == 0  # no fee schedule knows 9011 and no Betrag was given
    first_page = " ".join(PdfReader(io.BytesIO(build_pdf(result, load_tariffs(), ISSUED))).pages[0].extract_text().split())
    assert "Gesamtkosten ohne fehlende Zeilen" in first_page
    assert "Achtung: 1 Zeile hat keinen Betrag (Nummer unbekannt, kein Betrag angegeben) und fehlt in allen" in first_page
    assert "Leistungen Zeile 3 (GOZ 9011 Implantatinsertion, Zahn 36)" in first_page
    terminal = estimate_text(result)
    assert "Ohne Betrag (Nummer unbekannt, kein Betrag angegeben), in allen Beträgen fehlend: 1 Zeile" in terminal
    assert "Leistungen Zeile 3 (GOZ 9011 Implantatinsertion, Zahn 36)" in terminal
    assert run(fee("2210", "16"), fee("9011", "36", amount="150.00")).rows_without_amount == ()  # a Betrag given


def test_the_letter_names_a_cells_row_not_the_cell(tmp_path: Path) -> None:
    from tests.estimator.test_import_broken import fee as fee_row  # noqa: PLC0415
    from tests.estimator.test_import_broken import plan_with  # noqa: PLC0415

    plan = read_plan(plan_with(tmp_path, fee_row(Zahn="49")))
    _, text = pdf_text(build_pdf(estimate(plan, load_tariffs()), load_tariffs(), ISSUED))
    said = " ".join(text.split())
    assert "Leistungen Zeile 3 (Zahn): „49“ ist keine FDI-Zahnnummer" in said and "Leistungen!B3" not in said
    assert any("Leistungen!B3" in finding_text(f) for f in plan.input_findings)  # the window and the workbook name it


def test_a_benefit_counted_on_an_amount_above_the_maximum_is_said_as_a_reserve_under_the_summary() -> None:
    # 2.170,60 € for a crown at factor 2,3 (217,06 € at its factor, 330,31 € at 3,5): counted as billed, the
    # Auslegung's default – the letter and the terminal say how much the insurer may cut, where a reader looks for it
    slip = run(fee("2210", "16", amount="2170.60"))
    reserve = "ist die Erstattung um bis zu 1.562,83\xa0€ geringer"  # (2.170,60 − 217,06 at its factor 2,3) x 80 %
    assert "(1.953,54\xa0€ mehr; ihr Betrag liegt auch über der Gebühr zum Höchstsatz)" in estimate_text(slip)
    assert reserve in estimate_text(slip)
    _, text = pdf_text(build_pdf(slip, load_tariffs(), ISSUED))
    first = " ".join(text.split("Zahnärztliche Leistungen")[0].split())  # above the tables
    assert "Vorbehalt: Bei einer Leistung rechnet diese Schätzung mit mehr als der Gebühr zum angegebenen Faktor" in first
    assert normal(reserve) in first
    insurers = {"amount_above_maximum": "capped", "amount_vs_factor": "factor"}
    capped = run(fee("2210", "16", amount="2170.60"), settings={"amount_above_maximum": "capped"})
    assert "um bis zu 90,60\xa0€ geringer" in estimate_text(capped)  # at 330,31 €, still above 217,06 €
    for without_reserve in (run(fee("2210", "16", amount="2170.60"), settings=insurers), run(fee("2210", "16"))):
        assert "Vorbehalt" not in estimate_text(without_reserve)
        assert "Vorbehalt" not in pdf_text(build_pdf(without_reserve, load_tariffs(), ISSUED))[1]


def test_line_breaks_in_a_plans_texts_never_make_a_row_taller_than_a_page() -> None:
    # a service text of 94 line breaks, a reason „a“ on 200 lines: each break was a line of its cell, and the row
    # outgrew the page (reportlab's LayoutError, no outputs at all)
    broken = fee("2210", "16", description="Krone\n" * 95, factor="5.0", justification="a\n" * 200)
    _, text = pdf_text(build_pdf(run(broken), load_tariffs(), ISSUED))
    assert "Krone Krone Krone" in text and "Begründung: a a a" in text  # one run of text, fitted to its cell


def test_every_figure_of_the_line_tables_fits_its_column(monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415

    from estimator.output import pdftables  # noqa: PLC0415
    from estimator.output.pdfrows import PAD, SIZE  # noqa: PLC0415
    from estimator.output.pdfstyle import FONT  # noqa: PLC0415
    from tests.estimator.builders import fee, lab, plan  # noqa: PLC0415

    drawn: list[tuple[Any, Any]] = []
    table = pdftables.row_table
    monkeypatch.setattr(
        pdftables,
        "row_table",
        lambda head, rows, style, *a, **k: drawn.append((rows, style)) or table(head, rows, style, *a, **k),
    )
    lines = plan(
        fee("2210", "16", amount="99999.99", count="9"), lab("8000", "16", "1234.50"), lab("0344", "16", "9999.99", quantity="99")
    )
    build_pdf(estimate(lines, load_tariffs()), load_tariffs(), dt.date(2026, 12, 7))
    assert len(drawn) == 2  # the fee and the lab table
    for rows, style in drawn:
        for row in rows:
            for column in range(style.right_from, len(row)):
                if isinstance(row[column], str):  # a figure: one line, never wrapped
                    assert stringWidth(row[column], f"{FONT}-Bold", SIZE) + 2 * PAD <= style.widths[column] + 0.01, row[column]


def test_a_long_note_never_parts_the_summarys_figures_from_their_names() -> None:
    from pypdf import PdfReader  # noqa: PLC0415

    from estimator.model import MAX_NOTE, MAX_NOTE_LINES  # noqa: PLC0415
    from tests.estimator.builders import fee, plan  # noqa: PLC0415

    line = "Bitte bringen Sie zum nächsten Termin Ihre Unterlagen mit; wir besprechen dann alles."[:60]
    note = "\n".join([line] * 26)  # 26 of MAX_NOTE_LINES: the box began at the foot of page 1 and ended on page 2
    assert len(note) <= MAX_NOTE and note.count("\n") < MAX_NOTE_LINES
    address = {"street": "Hauptstraße 1", "postcode": "12345", "city": "Musterstadt"}
    result = estimate(plan(fee("2210", "16", amount="300.00"), name="Erika Mustermann", **address), load_tariffs())
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(build_pdf(result, load_tariffs(), ISSUED, note=note))).pages]
    (with_names,) = [text for text in pages if "voraussichtlicher Eigenanteil" in text]
    assert "Ihr Eigenanteil, nach Ursachen" in with_names and "300,00" in with_names  # the whole box on one page


def test_catalogue_texts_that_begin_alike_are_shown_as_far_as_they_differ() -> None:
    """2060, 2080 and 2100 read alike up to the hundred-and-fifth character (einflächig, zweiflächig, dreiflächig):
    the letter shows each catalogue text up to the word that tells it apart; a short or a plan's own text as before."""
    result = run(
        fee("2060", "16"),
        fee("2080", "25"),
        fee("2100", "36"),
        fee("2210", "46", description="Krone " + "sehr lang " * 20),
    )
    _, text = pdf_text(build_pdf(result, load_tariffs(), ISSUED))
    flat = normal(text)
    for surfaces in ("einflächig", "zweiflächig", "dreiflächig"):
        assert f"(Konditionieren), {surfaces}…" in flat
    assert (
        "Krone sehr lang" in flat
        and "sehr lang sehr lang sehr lang sehr lang sehr lang sehr lang sehr lang sehr lang sehr lang sehr lang" not in flat
    )


def test_an_analogue_numbers_text_is_shown_as_far_as_its_base_numbers_tells_it_apart() -> None:
    result = run(fee("2050a", "16"), fee("2090a", "25"))
    _, text = pdf_text(build_pdf(result, load_tariffs(), ISSUED))
    flat = " ".join(normal(text).split())
    assert "Formung der Füllung, einflächig" in flat and "Formung der Füllung, dreiflächig" in flat


def test_the_opening_qualifies_its_figures_as_the_summary_does(tmp_path: Path) -> None:
    from estimator.output.pdfletter import opening  # noqa: PLC0415
    from tests.estimator.test_import_broken import GOOD_FEE, GOOD_LAB  # noqa: PLC0415
    from tests.estimator.test_import_broken import fee as fee_row  # noqa: PLC0415
    from tests.estimator.workbooks import write_workbook  # noqa: PLC0415

    slip = estimate(read_plan(write_workbook(tmp_path / "a.xlsx", [fee_row(Zahn="26", Betrag=2170.60)], [])), load_tariffs())
    _, said = opening(slip, "Erika Mustermann")  # 330,31 € at factor 3,5: the rest counted as billed, under reserve
    assert said.endswith("Bis zu 1.562,83\u00a0€ der Erstattung stehen unter dem Vorbehalt, der unten genannt ist.")
    rows = [GOOD_FEE, fee_row(Zahn="99")]
    missing = estimate(read_plan(write_workbook(tmp_path / "b.xlsx", rows, [GOOD_LAB])), load_tariffs())
    _, said = opening(missing, "Erika Mustermann")
    assert (
        "kostet ohne die unten genannten fehlenden Zeilen voraussichtlich" in said
        and "Ihr Eigenanteil ohne diese Zeilen beträgt" in said
    )
    assert opening(missing, "Mustermann, Erika")[0] == "Guten Tag Erika Mustermann,"  # the name as it is said
    assert opening(missing, "Dr. med. Müller, Hans-Peter")[0] == "Guten Tag Dr. med. Hans-Peter Müller,"
    assert opening(missing, "Mustermann,")[0] == "Guten Tag Mustermann,"
    assert opening(missing, "Erika Mustermann", "Sehr geehrte Frau Mustermann,\nanbei …")[0] == ""  # the note greets
    assert opening(missing, "Erika Mustermann", "Guten Morgen Frau Mustermann,")[0] == ""
    assert opening(missing, "Erika Mustermann", "Liebe Grüße aus der Praxis")[0] == "Guten Tag Erika Mustermann,"
    data = build_pdf(missing, load_tariffs(), ISSUED, note="Sehr geehrte Frau Mustermann,\nanbei die Schätzung.")
    flowing = " ".join(pdf_text(data)[1].split())
    assert "Guten Tag" not in flowing and flowing.index("Sehr geehrte Frau") < flowing.index("Ihr Heil- und Kostenplan vom")


def test_a_unit_price_with_a_third_decimal_place_is_shown_with_it() -> None:
    # 61,555 × 1 + 19 % = 73,25 €: shown as 61,56 the letter's row did not add up to its amount
    result = run(fee("2210", "46"), lab("0344", "46", "61.555", vat_percent="19"))
    _, text = pdf_text(build_pdf(result, load_tariffs(), ISSUED))
    assert "61,555" in text and "61,56" not in text
    assert estimate_json(result)["lines"][1]["unit_price"] == "61.555"


def test_a_line_the_rules_made_class_x_names_the_rule_in_its_row() -> None:
    # below a line refused by hand its row said only „nicht erstattungsfähig (Klasse X)“ and „wie oben“: the reason
    # (an orthodontic treatment begun at 50) stood among the findings only
    lines = (fee("2210", "16", manual_class="X"), fee("6030", "", date=dt.date(2026, 3, 10)))
    _, text = pdf_text(build_pdf(run(*lines, birth_date=dt.date(1976, 1, 1)), load_tariffs(), ISSUED))
    table = " ".join(text.split("Zahnärztliche Leistungen")[1].split())
    assert "Nr. II.3.1: Kieferorthopädie (GOZ Abschnitt G), Behandlungsbeginn nicht vor dem 19. Geburtstag" in table


def test_a_chart_or_the_findings_that_go_on_to_another_page_say_what_they_are() -> None:
    teeth = ("11", "12", "13", "14", "15", "16", "17", "21", "22", "23", "24", "25", "26", "27", "31", "32", "33", "34")
    result = run(*(fee("2210", t, factor="3.6") for t in teeth), *(fee("2060", t, amount="200") for t in teeth))
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(build_pdf(result, load_tariffs(), ISSUED))).pages]
    with_findings = [k for k, page in enumerate(pages) if "Zu prüfen:" in page or "Bitte klären:" in page]
    assert len(with_findings) >= 2 and "Hinweise zur Prüfung\n" in pages[with_findings[0]]
    for later in with_findings[1:]:
        assert normal(pages[later]).lstrip().startswith("Hinweise zur Prüfung (Fortsetzung)")

    note = "\n".join(["Bitte bringen Sie zum nächsten Termin Ihre Versichertenkarte und die Röntgenbilder mit."] * 14)
    letter = PdfReader(io.BytesIO(build_pdf(run(fee("2210", "16")), load_tariffs(), ISSUED, note=note))).pages
    chart_page = next(page.extract_text() for page in letter if "Gesamtkosten\n" in page.extract_text())  # a bar's label
    assert chart_page.startswith("Von den Kosten zur Erstattung\n")  # the note moved the chart to page 2: under its name


def test_the_findings_heading_never_ends_a_page_with_only_its_introduction() -> None:
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415
    from reportlab.lib.units import mm  # noqa: PLC0415
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer  # noqa: PLC0415

    from estimator.output.pdfrows import titled_paragraphs  # noqa: PLC0415
    from estimator.output.pdfstyle import register_fonts, styles_for_letter  # noqa: PLC0415

    register_fonts()
    styles = styles_for_letter()
    finding = "Zu prüfen: " + "GOZ 2060, Zahn 23: Betrag 200,00 € über der Gebühr zum Höchstsatz ohne Begründung " * 5
    for left in range(22, 45):  # millimetres left on the first page
        items = [Paragraph("Was die Praxis vor dem Einreichen klärt.", styles["muted"])]
        items += [Paragraph(finding, styles["small"]) for _ in range(3)]
        heading, more = Paragraph("Hinweise zur Prüfung", styles["h2"]), Paragraph("Hinweise (Fortsetzung)", styles["h2"])
        stream = io.BytesIO()
        document = SimpleDocTemplate(stream, pagesize=A4, topMargin=16 * mm, bottomMargin=22 * mm)
        document.build([Spacer(1, A4[1] - 38 * mm - 12 - left * mm), titled_paragraphs(heading, more, items, together=2)])
        first = PdfReader(io.BytesIO(stream.getvalue())).pages[0].extract_text()
        assert "Hinweise zur Prüfung" not in first or "Zu prüfen" in first, left


def test_a_letter_for_a_child_goes_to_the_parents_from_the_18th_birthday_to_the_patient(tmp_path: Path) -> None:
    from tests.estimator.workbooks import write_workbook  # noqa: PLC0415

    fees = [[dt.datetime(2026, 3, 10), "16", "GOZ", "2210", "Vollkrone", 1, 2.3, 217.06]]
    child = {"Geburtsdatum": dt.datetime(2008, 11, 23), "Name": "Max Beispiel"}
    result = estimate(read_plan(write_workbook(tmp_path / "kind.xlsx", fees, patient=child)), load_tariffs())
    _, before = pdf_text(build_pdf(result, load_tariffs(), dt.date(2026, 11, 22)))  # the day before the 18th birthday
    assert "An die Eltern von\nMax Beispiel" in before and "Guten Tag,\n" in before
    assert "Guten Tag,\nder Heil- und Kostenplan für Max Beispiel vom 10.03.2026 kostet voraussichtlich 217,06 €" in before
    assert "Nach dem Tarif DKV BestMed Premium BM5/0 erstattet die Versicherung" in before.replace("\n", " ")
    _, grown = pdf_text(build_pdf(result, load_tariffs(), dt.date(2026, 11, 23)))
    assert "An die Eltern" not in grown and "Guten Tag Max Beispiel," in grown
    assert "Ihr Heil- und Kostenplan vom 10.03.2026" in grown.replace("\n", " ")


def test_a_child_without_a_name_a_note_greeting_the_parents_and_a_long_name_under_the_parents() -> None:
    from estimator.output.pdfletter import ADDRESS_WIDTH, address_lines, opening  # noqa: PLC0415

    result = run([fee("2210")])
    person = dataclasses.replace(result.plan.person, birth_date=dt.date(2015, 1, 1), name="")
    unnamed = dataclasses.replace(result, plan=dataclasses.replace(result.plan, person=person))
    _, text = pdf_text(build_pdf(unnamed, load_tariffs(), ISSUED))
    assert "An die Eltern" not in text
    named = dataclasses.replace(
        unnamed, plan=dataclasses.replace(result.plan, person=dataclasses.replace(person, name="Max Beispiel"))
    )
    assert opening(named, "Max Beispiel", "Liebe Eltern,\nanbei …", parents=True)[0] == ""  # the note greets them
    name = "Maximilian Alexander Friedrich von Hohenzollern-Beispielmann"
    street = "Am sehr langen Weg hinter dem alten Bahnhof gleich links neben der Kirche 12a, Hinterhaus, 3. Stock"
    lines = address_lines(("An die Eltern von", name, street, "50667 Köln"), ADDRESS_WIDTH, name_at=1)
    assert lines[0] == "An die Eltern von" and "Hohenzollern-Beispielmann" in " ".join(lines) and lines[-1] == "50667 Köln"


def test_a_name_written_family_name_first_is_addressed_as_an_envelope_writes_it(tmp_path: Path) -> None:
    # „Schröder, Klaus“ stood so in the address field, the greeting said „Guten Tag Klaus Schröder,“
    result = run([fee("2210")])
    person = dataclasses.replace(result.plan.person, name="Dr. Schröder, Klaus", street="Lindenallee 12", city="Köln")
    named = dataclasses.replace(result, plan=dataclasses.replace(result.plan, person=person))
    _, text = pdf_text(build_pdf(named, load_tariffs(), ISSUED))
    assert "Zahnarztpraxis\nDr. Klaus Schröder\nLindenallee 12\nKöln\n" in text  # the address field
    assert "Guten Tag Dr. Klaus Schröder," in text


def test_a_surcharge_given_back_shows_why_beside_the_lowering_it_undoes() -> None:
    # the surgery surcharge on the implant over the limit: first not eligible, then eligible again with its service
    # (the implant line stays eligible in part) – the terminal showed only the lowering beside 123,73 € paid in full
    result = run(fee("9010", "14,15,16", count=3), fee("0530", "16", factor=1), implants_upper=6)
    (row,) = [line for line in estimate_text(result).splitlines() if " 0530 " in line]
    assert "auf nicht erstattungsfähigem Implantat" in row and "Zuschlag zu GOZ 9010 an Zahn 14,15,16" in row
    _, text = pdf_text(build_pdf(result, load_tariffs(), ISSUED))
    assert "Zuschlag zu GOZ 9010" in text.replace("\n", " ")


def test_a_particle_stays_with_the_family_name_and_only_academic_titles_go_first() -> None:
    from estimator.output.pdfletter import spoken_name  # noqa: PLC0415

    assert spoken_name("Graf v. Bismarck, Otto") == "Otto Graf v. Bismarck"  # „v. Otto Graf Bismarck“ before
    assert spoken_name("St. Clair, Anna") == "Anna St. Clair"
    assert spoken_name("Prof. Dr. med. dent. Müller-Lüdenscheidt, Hans") == "Prof. Dr. med. dent. Hans Müller-Lüdenscheidt"
    assert spoken_name("Meier, Hans, Dr.") == "Meier, Hans, Dr."  # two commas: as written


@pytest.mark.parametrize("label", ["Erstattungssatz (Nr. II.3.2 a)", "Laborhöchstpreise (Nr. II.3.1, B 269)"])
def test_a_chart_label_breaks_between_words_never_inside_a_section(label: str) -> None:
    from estimator.output.pdfchart import _label  # noqa: PLC0415
    from estimator.output.pdfstyle import register_fonts  # noqa: PLC0415

    register_fonts()
    for width in (40, 45, 60):  # ten bars leave each a narrow slot: „(Nr.“ alone on a line read as a cut
        lines, _ = _label(label, width)
        name, section = label.split(" (", 1)
        assert [line.replace("\u00a0", " ") for line in lines] == [name, f"({section}"]


def test_the_letter_names_the_readings_of_the_tariff_that_differ_from_the_profiles_own(
    staged_cap: tuple[Estimate, PdfReader, str],
) -> None:
    """Some twenty readings in the words of the rules were more than a patient reads: the letter names those chosen
    otherwise than the tariff profile, the workbook and JSON all of them."""
    _, _, text = staged_cap
    flat = " ".join(text.split())
    assert "Auslegung: wo der Tarif mehrere Lesarten zulässt, die des Tarifprofils BM5-2026.2.15." in flat
    assert "Laserzuschlag" not in flat and "Versicherungsjahr:" not in flat
    plan = read_plan(GOLDEN / "staged_cap_year1.xlsx")
    other = estimate(plan, load_tariffs(), {"insurance_year": "anniversary"})
    flat = " ".join(pdf_text(build_pdf(other, load_tariffs(), ISSUED))[1].split())
    assert (
        "Auslegung abweichend vom Tarifprofil BM5-2026.2.15: Versicherungsjahr: 12 Monate ab Beginn; sonst die Lesarten "
        "des Tarifprofils." in flat
    ), flat
