"""The letter's tables: the plan's lines with their reasons, laid out a page at a time, and key-value tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from estimator.model import FeeLine, LineResult
from estimator.money import ZERO, german_date, german_factor, german_number, percent
from estimator.output.pdfstyle import ACCENT, FONT, INK, MUTED, REDUCTION, RULE_GREY, fit, para
from estimator.phrases import REVIEW
from estimator.tariff.catalogues import Tariff
from estimator.wording import is_reduction, rule_text, step_text

REASON_LIMIT = 300  # characters of one reason beside a line


def describe(result: LineResult, tariff: Tariff) -> str:
    line = result.line
    if line.description:
        return fit(line.description, 95)
    schedule = line.schedule.value if isinstance(line, FeeLine) else ""
    return fit(tariff.on(result.date).catalogue_text(line.kind, schedule, line.number), 95)


def reasons(result: LineResult) -> list[str]:
    """Every step that lowered the line, with its tariff section (the rate itself is in its own column),
    and every decision of a reviewer."""
    return [
        fit(f"{rule_text(e.rule)}: {step_text(e)}", REASON_LIMIT)
        for e in result.explanations
        if e.rule == REVIEW or is_reduction(e)
    ]


def reasons_within(reasons: list[str], limit: int = 4 * REASON_LIMIT) -> list[str]:
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


def line_table(results: Sequence[LineResult], tariff: Tariff, styles: dict[str, Any], lab: bool, title: str) -> Any:
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
        text = escape(describe(result, tariff))
        klass = f"Klasse {result.line_class.value}" + (" (von Hand)" if result.class_by_hand else "")
        if result.accident:
            klass += ", Unfall"
        details = [f'<font color="{MUTED}">{klass}</font>']
        details += [f'<font color="{reduction_colour}">{escape(r)}</font>' for r in reasons_within(reasons(result))]
        if isinstance(line, FeeLine):
            count, factor = german_factor(line.count), german_factor(line.factor)
            number = line.number if line.schedule.value == "GOZ" else f"Ä{line.number}"
        else:
            count, factor, number = german_factor(line.quantity), german_number(line.unit_price), line.code
        teeth = line.teeth.text
        rows.append(
            [
                german_date(result.date),
                teeth if len(teeth) <= 6 else para(escape(teeth), cell),
                number,
                para(text + "<br/>" + "<br/>".join(details), cell),
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
            para("<b>Summe</b>", cell),
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

    return paged_table(rows[0], rows[1:], make, para(title, styles["h2"]))


def paged_table(head: list[Any], rows: list[list[Any]], make: Any, title: Any = None) -> Any:
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


def key_value_table(pairs: Sequence[tuple[str, str]], styles: dict[str, Any], columns: int = 2) -> Any:
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
            row += [para(escape(label), styles["muted"]), para(escape(value), styles["base"])]
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
