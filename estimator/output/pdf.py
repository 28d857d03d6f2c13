"""The written estimate as a PDF letter (A4, embedded fonts): every figure is the engine's."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from estimator.codes import Code
from estimator.files import atomic_write_bytes
from estimator.kinds import Cause
from estimator.letterhead import Letterhead
from estimator.model import MAX_NOTE, MAX_NOTE_LINES, Estimate
from estimator.money import eur, german_date
from estimator.output.pdfchart import waterfall_drawing
from estimator.output.pdffindings import findings_flowables
from estimator.output.pdfletter import BODY_TOP, FirstPage, draw_first_page, fit_width, opening, spoken_name, to_parents
from estimator.output.pdfrows import titled_paragraphs
from estimator.output.pdfstyle import (
    ACCENT,
    FONT,
    INK,
    REDUCTION,
    RULE_GREY,
    fit,
    fit_line,
    numbered_canvas,
    para,
    register_fonts,
    styles_for_letter,
    surname_kept,
)
from estimator.output.pdftables import key_value_table, line_table
from estimator.personvalues import patient_unread
from estimator.rules.causes import cause_sections
from estimator.rules.engine import tariff_of
from estimator.rules.reserve import reserve_of, reserve_sentence
from estimator.tariff.catalogues import Tariffs
from estimator.tariff.profile import Profile
from estimator.wording import (
    cause_label,
    left_out_text,
    limit_sentences,
    reductions_that_apply,
    setting_text,
    total_labels,
    versions_text,
)
from estimator.xmltext import escape

DISCLAIMER = (
    "Diese Schätzung ist unverbindlich. Sie beruht auf dem vorgelegten Heil- und Kostenplan und den angegebenen "
    "Vertragsdaten. Über die Erstattung entscheidet der Versicherer nach Prüfung der eingereichten Rechnung ({0}, {1})."
)
NAME_LIMIT = 120  # characters of a name or an address in the letter
FOOTER_WIDTH = 146 * 72 / 25.4  # points: the footer's line, up to the page number at the right


def _summary_box(estimate: Estimate, styles: dict[str, Any], sections: dict[Cause, str]) -> Any:
    from reportlab.lib.colors import HexColor  # noqa: PLC0415
    from reportlab.lib.units import mm  # noqa: PLC0415
    from reportlab.platypus import KeepTogether, Table, TableStyle  # noqa: PLC0415

    totals = estimate.totals
    # a line left out is in no figure (the red line under the box names it): neither the total nor the own share is
    # the plan's then
    figures = list(zip(total_labels(estimate.figures_incomplete), totals.shown, strict=True))
    labels = [para(escape(label), styles["figure_label"]) for label, _ in figures]
    values = [para(eur(value), styles["figure"]) for _, value in figures]
    causes = "; ".join(
        f"{escape(cause_label(cause, section=sections.get(cause, '')))} <b>{eur(amount)}</b>"
        for cause, amount in reductions_that_apply(estimate.reductions)
    )
    why = para(f"Ihr Eigenanteil, nach Ursachen: {causes or 'keine Kürzung'}", styles["base"])
    table = Table([labels, values, [why, "", "", ""]], colWidths=[42.5 * mm] * 4)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9),
                ("BOX", (0, 0), (-1, -1), 0.8, HexColor(ACCENT)),
                ("BACKGROUND", (0, 0), (-1, -1), HexColor("#f2f7f8")),
                ("BACKGROUND", (2, 0), (2, 1), HexColor("#dcebee")),
                ("LINEAFTER", (0, 0), (-2, 1), 0.4, HexColor(RULE_GREY)),
                ("LINEABOVE", (0, 2), (-1, 2), 0.4, HexColor(RULE_GREY)),
                ("SPAN", (0, 2), (-1, 2)),
                ("TOPPADDING", (0, 0), (-1, 0), 7),
                ("BOTTOMPADDING", (0, 1), (-1, 1), 8),
                ("TOPPADDING", (0, 2), (-1, 2), 5),
                ("BOTTOMPADDING", (0, 2), (-1, 2), 6),
                ("LEFTPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    return KeepTogether([table])  # the figures never on one page and their names on another (a long note above)


def _limits_flowables(estimate: Estimate, styles: dict[str, Any]) -> list[Any]:
    return [para("• " + escape(sentence), styles["base"]) for sentence in limit_sentences(estimate)]


def _rows_left_out(estimate: Estimate) -> list[str]:
    """The rows the import could not read, named for the patient."""
    skipped = [f"{f.sheet} Zeile {f.row}" for f in estimate.plan.input_findings if f.phrase.code is Code.INPUT_LINE_SKIPPED]
    return [left_out_text(left) for left in estimate.plan.left_out] or skipped  # a case file of an older version


def _first_ten(rows: list[str]) -> str:
    return "; ".join(rows[:10]) + (" …" if len(rows) > 10 else "")


def _left_out_warning(estimate: Estimate, styles: dict[str, Any]) -> list[Any]:
    """Rows the import could not read, and further tables it did not read, are missing from every figure of the
    letter: said under the summary."""
    rows, sheets, unpriced = _rows_left_out(estimate), estimate.sheets_not_read, estimate.rows_without_amount
    undated = [left_out_text(left) for left in estimate.not_computed]
    unread = patient_unread(estimate)
    if not rows and not sheets and not unpriced and not undated and unread is None:
        return []
    said = (
        [f"die Angabe „{unread.phrase.get('field')}“ des Plans konnte nicht gelesen werden, gerechnet ist ohne sie"]
        if unread
        else []
    )
    if rows:
        places = _first_ten(rows)
        count = "1 Zeile" if len(rows) == 1 else f"{len(rows)} Zeilen"
        text = f"{count} des Plans konnte{'n' if len(rows) > 1 else ''} nicht gelesen werden und "
        said.append(text + f"fehl{'en' if len(rows) > 1 else 't'} in allen Beträgen dieser Schätzung: {places}")
    if undated:
        count = "1 Zeile hat" if len(undated) == 1 else f"{len(undated)} Zeilen haben"
        said.append(
            f"{count} keinen Behandlungstag (weder Datum noch Planungsdatum) und fehl{'t' if len(undated) == 1 else 'en'} "
            f"in allen Beträgen: {_first_ten(undated)}"
        )
    if unpriced:
        places = _first_ten([left_out_text(left) for left in unpriced])
        count = "1 Zeile hat" if len(unpriced) == 1 else f"{len(unpriced)} Zeilen haben"
        said.append(
            f"{count} keinen Betrag (Nummer unbekannt, kein Betrag angegeben) und fehl{'t' if len(unpriced) == 1 else 'en'} in allen Beträgen: {places}"
        )
    if sheets:
        named = ", ".join(f"„{sheet}“" for sheet in sheets[:5]) + (" …" if len(sheets) > 5 else "")
        said.append(
            f"Blatt {named} wurde nicht gelesen; {'seine' if len(sheets) == 1 else 'ihre'} Zeilen fehlen in allen Beträgen"
        )
    return _under_summary("Achtung: " + "; ".join(said) + "; siehe „Hinweise zur Prüfung“.", styles)


def _reserve_warning(estimate: Estimate, styles: dict[str, Any]) -> list[Any]:
    """Amounts above the fee at the maximum counted as billed (the Auslegung's default): how much of the expected
    benefit rests on them, said under the summary, not only among the notes at the end."""
    reserve = reserve_of(estimate)
    return _under_summary(f"{reserve_sentence(reserve)} Siehe „Hinweise zur Prüfung“.", styles) if reserve else []


def _under_summary(text: str, styles: dict[str, Any]) -> list[Any]:
    """A warning under the summary box, in the colour of reductions."""
    from reportlab.lib.units import mm  # noqa: PLC0415
    from reportlab.platypus import Spacer  # noqa: PLC0415

    return [Spacer(1, 2 * mm), para(f'<font color="{REDUCTION}"><b>{escape(text)}</b></font>', styles["base"])]


def _first_page(estimate: Estimate, issued: dt.date, letterhead: Letterhead, practice: str, *, parents: bool) -> FirstPage:
    person, plan = estimate.plan.person, estimate.plan
    to = ["An die Eltern von"] if parents else []
    address = letterhead.address or person.practice_address
    lines = [" · ".join(part.strip() for part in address.splitlines() if part.strip())] if address.strip() else []
    contact = " · ".join(part for part in (f"Telefon {letterhead.phone}" if letterhead.phone else "", letterhead.email) if part)
    name = spoken_name(person.name) or "Patient/in"  # „Schröder, Klaus“ as an envelope writes it: Klaus Schröder
    recipient = [*to, name, person.street, f"{person.postcode} {person.city}".strip()]
    return FirstPage(
        practice=practice,
        practice_lines=(*lines, *([contact] if contact else [])),
        logo=letterhead.logo,
        recipient=tuple(line for line in recipient if line),
        name_at=len(to),
        info=(
            ("Datum", german_date(issued)),
            ("Versicherungsnr.", person.insurance_number or "–"),
            ("Tarif", estimate.variant),
            ("HKP vom", german_date(plan.plan_date) or "–"),
        ),
    )


def _readings(estimate: Estimate, profile: Profile) -> str:
    """The readings of the tariff the estimate took where they differ from the tariff profile's own – every one of them,
    some twenty in words of the rules, was more than a patient reads; the workbook and JSON of the estimate list all."""
    names, own = profile.auslegung_names, profile.auslegung
    other = [setting_text(names, name, value) for name, value in estimate.settings.items() if getattr(own, name) != value]
    if not other:
        return f"Auslegung: wo der Tarif mehrere Lesarten zulässt, die des Tarifprofils {profile.source.version}."
    return (
        f"Auslegung abweichend vom Tarifprofil {profile.source.version}: {'; '.join(other)}; sonst die Lesarten des Tarifprofils."
    )


def build_pdf(
    estimate: Estimate,
    tariffs: Tariffs,
    issued: dt.date,
    letterhead: Letterhead | None = None,
    *,
    note: str = "",
    for_plan: str = "",
) -> bytes:
    """Lay out the estimate as an A4 letter (DIN 5008, form B) and return the PDF bytes; `note` is printed to
    the patient above the tables; `for_plan`, the key of the person it is for (estimator.command.overwrite.letter_key),
    is recorded in its keywords, so that a letter for another person under the same name is not replaced unsaid."""
    from reportlab.lib.colors import HexColor  # noqa: PLC0415
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415
    from reportlab.lib.units import mm  # noqa: PLC0415
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415
    from reportlab.platypus import (  # noqa: PLC0415
        BaseDocTemplate,
        CondPageBreak,
        Frame,
        KeepTogether,
        NextPageTemplate,
        PageTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    register_fonts()
    styles = styles_for_letter()
    plan, person = estimate.plan, estimate.plan.person
    letterhead = letterhead or Letterhead()
    practice = fit_line(letterhead.practice or person.practice or "Zahnarztpraxis", NAME_LIMIT)
    name = " ".join(person.name.split())  # cut in its middle where it must be: the family name stays
    patient = fit_line(surname_kept(name, lambda text: len(text) <= NAME_LIMIT) if name else "Patient/in", NAME_LIMIT)
    parents = to_parents(estimate, issued)  # a child's letter goes to the parents
    first = _first_page(estimate, issued, letterhead, practice, parents=parents)
    greeting = opening(estimate, patient, note, parents=parents)  # the salutation, then what the plan comes to
    note_text = escape(fit("\n".join(note.strip().splitlines()[:MAX_NOTE_LINES]), MAX_NOTE)).replace("\n", "<br/>")

    story: list[Any] = [
        NextPageTemplate("later"),
        para("Erstattungsschätzung zum Heil- und Kostenplan", styles["title"]),
        para(
            f"{escape(estimate.tariff_name)} {escape(estimate.variant)} – zahnärztliche Leistungen · erstellt am {german_date(issued)}",
            styles["muted"],
        ),
        Spacer(1, 3 * mm),
        *([para(escape(greeting[0]), styles["base"]), Spacer(1, 1.5 * mm)] if greeting[0] else []),
        *([para(note_text, styles["base"]), Spacer(1, 3 * mm)] if note_text and not greeting[0] else []),  # its own greeting
        para(escape(greeting[1]), styles["base"]),
        *([Spacer(1, 3 * mm), para(note_text, styles["base"])] if note_text and greeting[0] else []),
        Spacer(1, 4 * mm),
        key_value_table(
            [
                ("Patient/in", patient if person.name else "–"),  # the field's name is no value
                ("Geburtsdatum", german_date(person.birth_date) or "–"),
                ("Versicherungsnummer", fit_line(person.insurance_number, 40) or "–"),
                ("Tarif", estimate.variant),
                ("Versicherungsbeginn", german_date(person.insurance_start) or "–"),
                ("Planungsdatum", german_date(plan.plan_date) or "–"),
                ("Kooperationszahnarzt", "ja" if person.cooperating else "nein"),
                ("Unfall (ganzer Plan)", "ja" if person.accident else "nein"),
                *([("KFO-Behandlungsbeginn", german_date(person.orthodontics_start))] if person.orthodontics_start else []),
            ],
            styles,
        ),
        Spacer(1, 5 * mm),
        _summary_box(estimate, styles, sections := cause_sections(estimate, tariffs)),
        *_left_out_warning(estimate, styles),
        *_reserve_warning(estimate, styles),
    ]
    chart = waterfall_drawing(estimate, sections)
    if chart is not None:  # named: it may begin the next page
        story += [KeepTogether([para("Von den Kosten zur Erstattung", styles["h2"]), chart])]
    tariff = tariff_of(plan, tariffs)[0]
    fees = [r for r in estimate.lines if r.kind == "fee"]
    labs = [r for r in estimate.lines if r.kind == "lab"]
    for title, results, lab in (("Zahnärztliche Leistungen", fees, False), ("Material- und Laborkosten", labs, True)):
        if results:  # a table begins with its heading and some rows on a page, never with one row at its foot
            story += [CondPageBreak(60 * mm), line_table(results, tariff, styles, lab, title)]
    story += [KeepTogether([para("Angewandte Grenzen des Tarifs", styles["h2"]), *_limits_flowables(estimate, styles)])]
    said, more = para("Hinweise zur Prüfung", styles["h2"]), para("Hinweise zur Prüfung (Fortsetzung)", styles["h2"])
    story += [CondPageBreak(25 * mm), titled_paragraphs(said, more, findings_flowables(estimate, styles), together=2)]
    settings = _readings(estimate, tariff.profile)
    versions = versions_text(estimate.versions)
    signature = Table(
        [["", "", ""], [para("Ort, Datum", styles["muted"]), "", para("Unterschrift der Praxis", styles["muted"])]],
        colWidths=[75 * mm, 20 * mm, 75 * mm],
        rowHeights=[14 * mm, None],
    )
    signature.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 8),
                ("LINEBELOW", (0, 0), (0, 0), 0.6, HexColor(INK)),
                ("LINEBELOW", (2, 0), (2, 0), 0.6, HexColor(INK)),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    story.append(
        KeepTogether(
            [
                para("Grundlagen der Berechnung", styles["h2"]),
                para(escape(settings), styles["small"]),
                para(f"Preislisten und Tarifprofil: {escape(versions)}.", styles["small"]),
                Spacer(1, 3 * mm),
                para(escape(DISCLAIMER.format(tariff.profile.conditions, tariff.profile.sections.cost_estimate)), styles["base"]),
                Spacer(1, 4 * mm),
                signature,
            ]
        )
    )

    buffer = io.BytesIO()
    named = surname_kept(patient, lambda text: stringWidth(text, FONT, 7.5) <= 60 * mm)  # the practice keeps room
    of_plan = f"Heil- und Kostenplan vom {german_date(plan.plan_date)}" if plan.plan_date else "Heil- und Kostenplan"
    footer = f"{named} · {of_plan} · {practice}"
    if stringWidth(footer, FONT, 7.5) > FOOTER_WIDTH:  # the practice's name whole rather than the plan's in words
        footer = footer.replace("Heil- und Kostenplan", "HKP", 1)
    footer = fit_width(footer, FONT, 7.5, FOOTER_WIDTH)
    width, height = A4
    body = (20 * mm, 22 * mm, width - 40 * mm)  # left, bottom, width of the text on every page
    document = BaseDocTemplate(
        buffer,
        pagesize=A4,
        pageTemplates=[
            PageTemplate(
                "first",
                [Frame(*body[:2], body[2], height - BODY_TOP - body[1], id="first", leftPadding=0, rightPadding=0)],
                onPage=lambda canvas, _document: draw_first_page(canvas, first),
            ),
            PageTemplate(
                "later", [Frame(*body[:2], body[2], height - 16 * mm - body[1], id="later", leftPadding=0, rightPadding=0)]
            ),
        ],
        title=f"Erstattungsschätzung – {patient}",
        author=practice,
        subject=f"{of_plan}, {estimate.tariff_name} {estimate.variant}",
        creator="HKP-Schätzer",
        keywords=f"HKP {for_plan}" if for_plan else "",
        initialFontName=FONT,  # no unembedded Helvetica in the page resources
    )
    document.build(story, canvasmaker=numbered_canvas(footer))
    return buffer.getvalue()


def write_pdf(
    estimate: Estimate, tariffs: Tariffs, path: Path, issued: dt.date, letterhead: Letterhead | None = None, **texts: str
) -> None:
    """Write the estimate's PDF atomically (the desktop app and `hkp estimate --pdf` call this); `texts`: build_pdf's
    note and for_plan."""
    atomic_write_bytes(Path(path), build_pdf(estimate, tariffs, issued, letterhead, **texts))
