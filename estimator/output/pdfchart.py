"""The letter's small waterfall: from the plan's total to the benefit, one step down per cause of the patient's
share, each with its euros (the estimate's reductions, which sum to the share to the cent)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from estimator.kinds import Cause
from estimator.model import Estimate
from estimator.money import eur
from estimator.output.pdfletter import wrapped
from estimator.output.pdfstyle import ACCENT, FONT, INK, MUTED, RULE_GREY
from estimator.wording import cause_label, reductions_that_apply

REDUCTION_FILL = "#c0504d"
TOTAL_FILL = "#44546a"
MM = 72 / 25.4
MAX_BARS = 10  # the total, at most eight causes, the benefit


LABEL_SIZES = (6.0, 5.5, 5.0, 4.5)
SECTION_WORDS = re.compile(r"(?<=Nr\.) (?=[IVX])|(?<=\d) (?=[a-c]\))|(?<=\bB) (?=\d)")  # inside a section and a list named


def waterfall_drawing(estimate: Estimate, sections: Mapping[Cause, str], width: float = 170 * MM, height: float = 34 * MM) -> Any:
    """A flowable of the walk from the total to the benefit; None when nothing was taken from the plan. Drawn
    with the letter's embedded font straight onto the canvas."""
    from reportlab.lib.colors import HexColor  # noqa: PLC0415 - reportlab only for a PDF
    from reportlab.platypus import Flowable  # noqa: PLC0415

    causes = reductions_that_apply(estimate.reductions)
    totals = estimate.totals
    if not causes or totals.billed <= 0:
        return None
    bars: list[tuple[str, Decimal, Decimal, Decimal, str]] = [
        ("Gesamtkosten", totals.billed, totals.billed, Decimal(0), TOTAL_FILL)
    ]
    level = totals.billed
    for cause, amount in causes[: MAX_BARS - 2]:
        bars.append((cause_label(cause, section=sections.get(cause, "")), amount, level, level - amount, REDUCTION_FILL))
        level -= amount
    bars.append(("Erstattung", totals.benefit, totals.benefit, Decimal(0), ACCENT))
    slot = width / len(bars)
    labels = [_label(label, slot * 0.96) for label, *_ in bars]
    base = 10.0 if all(len(lines) == 1 for lines, _ in labels) else 17.0

    class Waterfall(Flowable):  # type: ignore[misc]
        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            return width, height

        def draw(self) -> None:
            canvas = self.canv
            top = height - 10.0
            scale = (top - base) / float(totals.billed)
            canvas.setStrokeColor(HexColor(RULE_GREY))
            canvas.setLineWidth(0.5)
            canvas.line(0, base, width, base)
            for position, (_, amount, upper, lower, fill) in enumerate(bars):
                x = position * slot + slot * 0.18
                y, bar_height = base + float(lower) * scale, max(0.8, float(upper - lower) * scale)
                canvas.setFillColor(HexColor(fill))
                canvas.rect(x, y, slot * 0.64, bar_height, stroke=0, fill=1)
                sign = "−" if fill == REDUCTION_FILL else ""
                canvas.setFillColor(HexColor(INK))
                canvas.setFont(FONT, 6.5)
                canvas.drawCentredString(x + slot * 0.32, y + bar_height + 2, sign + eur(amount))
                canvas.setFillColor(HexColor(MUTED))
                lines, size = labels[position]
                canvas.setFont(FONT, size)
                for index, line in enumerate(lines):
                    canvas.drawCentredString(x + slot * 0.32, 2 + 7 * (len(lines) - 1 - index), line)

    return Waterfall()


def _label(text: str, width: float) -> tuple[list[str], float]:
    """A bar's label under it: one line, else two, at the largest size that keeps every word whole (where ten bars
    leave each a narrow slot); cut at the smallest size only when no size does."""
    text = SECTION_WORDS.sub("\u00a0", text)  # a section number kept on one line
    for size in LABEL_SIZES:
        lines = wrapped(text, FONT, size, width)
        if len(lines) <= 2 and not any(line.endswith("…") for line in lines):
            return lines, size
    return wrapped(text, FONT, LABEL_SIZES[-1], width)[:2], LABEL_SIZES[-1]
