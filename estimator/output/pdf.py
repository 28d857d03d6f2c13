"""The written estimate as a PDF letter (A4, embedded fonts): every figure is the engine's."""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from estimator.files import atomic_write_bytes
from estimator.kinds import Severity
from estimator.model import Estimate, FeeLine, LineResult
from estimator.money import ZERO, eur, german_date, german_factor, german_number, percent
from estimator.phrases import REVIEW
from estimator.resources import RESOURCES
from estimator.rules.engine import tariff_of
from estimator.tariff.catalogues import Tariff, Tariffs
from estimator.wording import (
    by_severity,
    cause_label,
    finding_text,
    is_reduction,
    limit_sentences,
    reductions_that_apply,
    rule_text,
    setting_text,
    severity_label,
    step_text,
    versions_text,
)

FONT = "LiberationSans"
FONT_FILES = {
    FONT: "LiberationSans-Regular.ttf",
    f"{FONT}-Bold": "LiberationSans-Bold.ttf",
    f"{FONT}-Italic": "LiberationSans-Italic.ttf",
}
INK = "#1d2733"
MUTED = "#5b6673"
ACCENT = "#0f5e6e"
REDUCTION = "#8c2a1c"
RULE_GREY = "#c9d1d9"
DISCLAIMER = (
    "Diese Schätzung ist unverbindlich. Sie beruht auf dem vorgelegten Heil- und Kostenplan und den angegebenen "
    "Vertragsdaten. Über die Erstattung entscheidet der Versicherer nach Prüfung der eingereichten Rechnung ({0})."
)
REASON_LIMIT = 300  # characters of one reason beside a line
NAME_LIMIT = 120  # characters of a name or an address in the letter
FINDINGS_IN_LETTER = 300  # the letter lists the most important findings; the workbook and JSON hold all


@dataclass(frozen=True)
class Letterhead:
    """Practice name and address for the letterhead; empty fields come from the workbook."""

    practice: str = ""
    address: str = ""


@functools.cache
def _register_fonts() -> None:
    from reportlab.lib.fonts import addMapping  # noqa: PLC0415 - reportlab loads only when a PDF is made
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.ttfonts import TTFont  # noqa: PLC0415

    for name, file in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(RESOURCES / "fonts" / file)))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, f"{FONT}-Bold")
    addMapping(FONT, 0, 1, f"{FONT}-Italic")
    addMapping(FONT, 1, 1, f"{FONT}-Bold")


def _styles() -> dict[str, Any]:
    from reportlab.lib.colors import HexColor  # noqa: PLC0415
    from reportlab.lib.styles import ParagraphStyle  # noqa: PLC0415

    base = ParagraphStyle("base", fontName=FONT, fontSize=9, leading=12, textColor=HexColor(INK))
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.5, leading=9),
        "muted": ParagraphStyle("muted", parent=base, fontSize=8, leading=10.5, textColor=HexColor(MUTED)),
        "practice": ParagraphStyle("practice", parent=base, fontName=f"{FONT}-Bold", fontSize=13, leading=16),
        "title": ParagraphStyle(
            "title", parent=base, fontName=f"{FONT}-Bold", fontSize=16, leading=20, spaceBefore=6, spaceAfter=2
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=f"{FONT}-Bold",
            fontSize=11,
            leading=14,
            textColor=HexColor(ACCENT),
            spaceBefore=12,
            spaceAfter=5,
        ),
        "figure": ParagraphStyle("figure", parent=base, fontName=f"{FONT}-Bold", fontSize=15, leading=19),
        "figure_label": ParagraphStyle("figure_label", parent=base, fontSize=7.5, leading=9, textColor=HexColor(MUTED)),
    }


def _p(text: str, style: Any) -> Any:
    from reportlab.platypus import Paragraph  # noqa: PLC0415

    return Paragraph(text, style)


def _numbered_canvas(footer: str) -> Any:
    """A canvas class that writes "Seite X von Y" and a footer line once the page count is known."""
    from reportlab.lib.colors import HexColor  # noqa: PLC0415
    from reportlab.pdfgen.canvas import Canvas  # noqa: PLC0415

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                width, _ = self._pagesize
                self.setFont(FONT, 7.5)
                self.setFillColor(HexColor(MUTED))
                self.setStrokeColor(HexColor(RULE_GREY))
                self.line(56.7, 42, width - 56.7, 42)
                self.drawString(56.7, 30, footer)
                self.drawRightString(width - 56.7, 30, f"Seite {number} von {total}")
                super().showPage()
            super().save()

    return NumberedCanvas


def _fit(text: str, limit: int) -> str:
    """Text as the letter shows it: at most `limit` characters, so that no cell outgrows a page."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _describe(result: LineResult, tariff: Tariff) -> str:
    line = result.line
    if line.description:
        return _fit(line.description, 95)
    schedule = line.schedule.value if isinstance(line, FeeLine) else ""
    return _fit(tariff.on(result.date).catalogue_text(line.kind, schedule, line.number), 95)


def _reasons(result: LineResult) -> list[str]:
    """Every step that lowered the line, with its tariff section (the rate itself is in its own column),
    and every decision of a reviewer."""
    return [
        _fit(f"{rule_text(e.rule)}: {step_text(e)}", REASON_LIMIT)
        for e in result.explanations
        if e.rule == REVIEW or is_reduction(e)
    ]


def _reasons_within(reasons: list[str], limit: int = 4 * REASON_LIMIT) -> list[str]:
    """As many reasons as a table row can hold beside its line; the rest in the explanation of the estimate."""
    kept: list[str] = []
    used = 0
    for reason in reasons:
        if used + len(reason) > limit:
            kept.append(f"… {len(reasons) - len(kept)} weitere Schritte in der Erläuterung")
            break
        kept.append(reason)
        used += len(reason)
    return kept


def _line_table(results: Sequence[LineResult], tariff: Tariff, styles: dict[str, Any], lab: bool, title: str) -> Any:
    from reportlab.lib.colors import HexColor  # noqa: PLC0415
    from reportlab.lib.units import mm  # noqa: PLC0415
    from reportlab.platypus import Table, TableStyle  # noqa: PLC0415

    head = [
        "Datum",
        "Zahn",
        "Nr.",
        "Leistung",
        "Menge" if lab else "Anz.",
        "E-Preis" if lab else "Faktor",
        "Betrag",
        "erstattungs-\nfähig",
        "Satz",
        "Erstattung",
    ]
    rows: list[list[Any]] = [head]
    cell, reduction_colour = styles["cell"], REDUCTION
    for result in results:
        line = result.line
        text = escape(_describe(result, tariff))
        klass = f"Klasse {result.line_class.value}" + (" (von Hand)" if result.class_by_hand else "")
        if result.accident:
            klass += ", Unfall"
        details = [f'<font color="{MUTED}">{klass}</font>']
        details += [f'<font color="{reduction_colour}">{escape(r)}</font>' for r in _reasons_within(_reasons(result))]
        if isinstance(line, FeeLine):
            count, factor = german_factor(line.count), german_factor(line.factor)
            number = line.number if line.schedule.value == "GOZ" else f"Ä{line.number}"
        else:
            count, factor, number = german_factor(line.quantity), german_number(line.unit_price), line.code
        teeth = line.teeth.text
        rows.append(
            [
                german_date(result.date),
                teeth if len(teeth) <= 6 else _p(escape(teeth), cell),
                number,
                _p(text + "<br/>" + "<br/>".join(details), cell),
                count,
                factor,
                german_number(result.billed),
                german_number(result.eligible),
                percent(result.rate),
                german_number(result.benefit),
            ]
        )
    total = [
        sum((r.billed for r in results), ZERO),
        sum((r.eligible for r in results), ZERO),
        sum((r.benefit for r in results), ZERO),
    ]
    rows.append(
        [
            "",
            "",
            "",
            _p("<b>Summe</b>", cell),
            "",
            "",
            german_number(total[0]),
            german_number(total[1]),
            "",
            german_number(total[2]),
        ]
    )
    widths = [16 * mm, 11 * mm, 11 * mm, 54 * mm, 9 * mm, 11 * mm, 16 * mm, 16 * mm, 10 * mm, 16 * mm]
    base_style = [
        ("FONT", (0, 0), (-1, -1), FONT, 7.5),
        ("FONT", (0, 0), (-1, 0), f"{FONT}-Bold", 7),
        ("TEXTCOLOR", (0, 0), (-1, -1), HexColor(INK)),
        ("BACKGROUND", (0, 0), (-1, 0), HexColor("#e6eef0")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("ALIGN", (4, 0), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, HexColor(ACCENT)),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
    ]
    sum_style = [
        ("LINEBELOW", (0, 1), (-1, -2), 0.25, HexColor(RULE_GREY)),
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, HexColor(INK)),
        ("FONT", (0, -1), (-1, -1), f"{FONT}-Bold", 7.5),
    ]
    rows_style = [("LINEBELOW", (0, 1), (-1, -1), 0.25, HexColor(RULE_GREY))]

    def make(data: list[list[Any]], heights: list[float] | None, with_sum: bool) -> Any:
        table = Table(data, colWidths=widths, rowHeights=heights)
        table.setStyle(TableStyle(base_style + (sum_style if with_sum else rows_style)))
        return table

    return _paged_table(rows[0], rows[1:], make, _p(title, styles["h2"]))


def _paged_table(head: list[Any], rows: list[list[Any]], make: Any, title: Any = None) -> Any:
    """A long table laid out one page at a time, under its title. reportlab measures every remaining row again
    at each page break; here each row is measured once and each page draws a table of its own rows only, so the
    time grows linearly with the lines. The header repeats on every page, the title never stands alone at the
    foot of a page, and neither does the sum row at the top of one."""
    from reportlab.platypus import Flowable  # noqa: PLC0415

    class PagedTable(Flowable):  # type: ignore[misc]
        def __init__(
            self, rows: list[list[Any]], heights: list[float] | None, head_height: float, last: bool, title: Any
        ) -> None:
            super().__init__()
            self.rows, self.heights, self.head_height, self.last, self.title = rows, heights, head_height, last, title
            self.title_height = 0.0

        def _measure(self, width: float) -> list[float]:
            if self.heights is None:
                table = make([head, *self.rows], None, self.last)
                table.wrap(width, 1e9)
                self.head_height, *self.heights = table._rowHeights
            if self.title is not None:
                self.title_height = self.title.wrap(width, 1e9)[1]
            return self.heights

        def _above(self) -> float:
            return self.title_height + self.title.getSpaceAfter() if self.title is not None else 0.0

        def getSpaceBefore(self) -> float:
            return float(self.title.getSpaceBefore()) if self.title is not None else 0.0

        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            rows = sum(self._measure(availWidth))  # measures the header and the title too
            self.width, self.height = availWidth, self._above() + self.head_height + rows
            return self.width, self.height

        def split(self, availWidth: float, availHeight: float) -> list[Any]:
            heights = self._measure(availWidth)
            count, used = 0, self._above() + self.head_height
            while count < len(heights) and used + heights[count] <= availHeight:
                used += heights[count]
                count += 1
            if self.last and count == len(heights) - 1:
                count -= 1  # the sum goes with the line before it
            if count <= 0:
                return []
            return [
                PagedTable(self.rows[:count], heights[:count], self.head_height, False, self.title),
                PagedTable(self.rows[count:], heights[count:], self.head_height, self.last, None),
            ]

        def draw(self) -> None:
            heights = self._measure(self.width)
            if self.title is not None:
                self.title.drawOn(self.canv, 0, self.height - self.title_height)
            table = make([head, *self.rows], [self.head_height, *heights], self.last)
            table.wrapOn(self.canv, self.width, self.height)
            table.drawOn(self.canv, 0, 0)

    return PagedTable(rows, None, 0.0, True, title)


def _key_value_table(pairs: Sequence[tuple[str, str]], styles: dict[str, Any], columns: int = 2) -> Any:
    from reportlab.lib.colors import HexColor  # noqa: PLC0415
    from reportlab.lib.units import mm  # noqa: PLC0415
    from reportlab.platypus import Table, TableStyle  # noqa: PLC0415

    rows: list[list[Any]] = []
    per_column = (len(pairs) + columns - 1) // columns
    for i in range(per_column):
        row: list[Any] = []
        for c in range(columns):
            index = c * per_column + i
            label, value = pairs[index] if index < len(pairs) else ("", "")
            row += [_p(escape(label), styles["muted"]), _p(escape(value), styles["base"])]
        rows.append(row)
    table = Table(rows, colWidths=[34 * mm, 51 * mm] * columns, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TEXTCOLOR", (0, 0), (-1, -1), HexColor(INK)),
            ]
        )
    )
    return table


def _summary_box(estimate: Estimate, styles: dict[str, Any]) -> Any:
    from reportlab.lib.colors import HexColor  # noqa: PLC0415
    from reportlab.lib.units import mm  # noqa: PLC0415
    from reportlab.platypus import Table, TableStyle  # noqa: PLC0415

    totals = estimate.totals
    figures = [
        ("Gesamtkosten laut Plan", totals.billed),
        ("erstattungsfähig", totals.eligible),
        ("voraussichtliche Erstattung", totals.benefit),
        ("voraussichtlicher Eigenanteil", totals.patient_share),
    ]
    labels = [_p(escape(label), styles["figure_label"]) for label, _ in figures]
    values = [_p(eur(value), styles["figure"]) for _, value in figures]
    causes = "; ".join(
        f"{escape(cause_label(cause))} <b>{eur(amount)}</b>" for cause, amount in reductions_that_apply(estimate.reductions)
    )
    why = _p(f"Ihr Eigenanteil, nach Ursachen: {causes or 'keine Kürzung'}", styles["base"])
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
    return table


def _limits_flowables(estimate: Estimate, styles: dict[str, Any]) -> list[Any]:
    return [_p("• " + escape(sentence), styles["base"]) for sentence in limit_sentences(estimate)]


def _findings_flowables(estimate: Estimate, styles: dict[str, Any]) -> list[Any]:
    if not estimate.findings:
        return [_p("Keine Auffälligkeiten.", styles["base"])]
    colours = {Severity.ERROR: REDUCTION, Severity.WARNING: "#8a5a00", Severity.INFO: MUTED}
    flowables = []
    ordered = by_severity(estimate.findings)
    for f in ordered[:FINDINGS_IN_LETTER]:
        where = f" [{f.sheet}!{f.cell}]" if f.sheet and f.cell else ""
        section = f" ({f.section})" if f.section else ""
        flowables.append(
            _p(
                f'<font color="{colours[f.severity]}"><b>{severity_label(f.severity)}:</b></font> '
                f"{escape(_fit(finding_text(f), 2 * REASON_LIMIT))}{escape(section)}{escape(where)}",
                styles["small"],
            )
        )
    if len(ordered) > FINDINGS_IN_LETTER:
        rest = len(ordered) - FINDINGS_IN_LETTER
        flowables.append(
            _p(f"… und {rest} weitere Hinweise; vollständig in der Arbeitsmappe und im JSON der Schätzung.", styles["small"])
        )
    return flowables


def build_pdf(estimate: Estimate, tariffs: Tariffs, issued: dt.date, letterhead: Letterhead | None = None) -> bytes:
    """Lay out the estimate as an A4 letter and return the PDF bytes."""
    from reportlab.lib.colors import HexColor  # noqa: PLC0415
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415
    from reportlab.lib.units import mm  # noqa: PLC0415
    from reportlab.platypus import CondPageBreak, HRFlowable, KeepTogether, SimpleDocTemplate, Spacer, Table, TableStyle  # noqa: PLC0415

    _register_fonts()
    styles = _styles()
    plan, person = estimate.plan, estimate.plan.person
    practice = _fit(
        (letterhead.practice if letterhead and letterhead.practice else person.practice) or "Zahnarztpraxis", NAME_LIMIT
    )
    address = _fit(letterhead.address if letterhead and letterhead.address else person.practice_address, 2 * NAME_LIMIT)
    patient = _fit(person.name or "Patient/in", NAME_LIMIT)

    story: list[Any] = [
        _p(escape(practice), styles["practice"]),
        _p(escape(address).replace("\n", " · ") or "&nbsp;", styles["muted"]),
        Spacer(1, 3 * mm),
        HRFlowable(width="100%", thickness=0.8, color=HexColor(ACCENT)),
        Spacer(1, 4 * mm),
        _p("Erstattungsschätzung zum Heil- und Kostenplan", styles["title"]),
        _p(
            f"{escape(estimate.tariff_name)} {escape(estimate.variant)} – zahnärztliche Leistungen · erstellt am {german_date(issued)}",
            styles["muted"],
        ),
        Spacer(1, 4 * mm),
        _key_value_table(
            [
                ("Patient/in", patient),
                ("Geburtsdatum", german_date(person.birth_date) or "–"),
                ("Versicherungsnummer", _fit(person.insurance_number, 40) or "–"),
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
        _summary_box(estimate, styles),
    ]
    tariff = tariff_of(plan, tariffs)[0]
    fees = [r for r in estimate.lines if r.kind == "fee"]
    labs = [r for r in estimate.lines if r.kind == "lab"]
    for title, results, lab in (("Zahnärztliche Leistungen", fees, False), ("Material- und Laborkosten", labs, True)):
        if results:
            story.append(_line_table(results, tariff, styles, lab, title))
    story += [KeepTogether([_p("Angewandte Grenzen des Tarifs", styles["h2"]), *_limits_flowables(estimate, styles)])]
    story += [CondPageBreak(25 * mm), _p("Hinweise zur Prüfung", styles["h2"]), *_findings_flowables(estimate, styles)]
    names = tariff.profile.auslegung_names
    settings = "; ".join(setting_text(names, name, value) for name, value in estimate.settings.items())
    versions = versions_text(estimate.versions)
    signature = Table(
        [["", "", ""], [_p("Ort, Datum", styles["muted"]), "", _p("Unterschrift", styles["muted"])]],
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
                _p("Grundlagen der Berechnung", styles["h2"]),
                _p(f"Auslegung: {escape(settings)}.", styles["small"]),
                _p(f"Preislisten und Tarifprofil: {escape(versions)}.", styles["small"]),
                Spacer(1, 3 * mm),
                _p(escape(DISCLAIMER.format(tariff.profile.sections.cost_estimate)), styles["base"]),
                Spacer(1, 4 * mm),
                signature,
            ]
        )
    )

    buffer = io.BytesIO()
    footer = f"{_fit(patient, 40)} · Heil- und Kostenplan vom {german_date(plan.plan_date) or '–'} · {_fit(practice, 40)}"
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=16 * mm,
        bottomMargin=22 * mm,
        title=f"Erstattungsschätzung – {patient}",
        author=practice,
        subject=f"Heil- und Kostenplan vom {german_date(plan.plan_date)}, {estimate.tariff_name} {estimate.variant}",
        creator="HKP-Schätzer",
        initialFontName=FONT,  # no unembedded Helvetica in the page resources
    )
    document.build(story, canvasmaker=_numbered_canvas(footer))
    return buffer.getvalue()


def write_pdf(estimate: Estimate, tariffs: Tariffs, path: Path, issued: dt.date, letterhead: Letterhead | None = None) -> None:
    """Write the estimate's PDF atomically (the desktop app and `hkp estimate --pdf` call this)."""
    atomic_write_bytes(Path(path), build_pdf(estimate, tariffs, issued, letterhead))
