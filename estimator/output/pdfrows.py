"""A long table for the letter, drawn straight onto the canvas: each row measured once, each page a slice of rows.

reportlab's Table measures every remaining row again at each page break and styles every cell by every command;
for thousands of plan lines that is most of the letter's time. Here a cell is plain text - one line, or parts in
their colours wrapped at spaces to the column - and a page draws its rows' text as one text object. The look is
the line table's: bold header on a tinted band with an accent rule, hairlines between rows, the sum in bold under
a rule, numbers right-aligned, the header again on every page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from estimator.output.pdfstyle import ACCENT, FONT, INK, RULE_GREY

Parts = list[tuple[str, str]]  # (text, colour): a cell that wraps
Cell = str | Parts  # a plain cell: lines split at "\n", never wrapped
MAX_CELL_LINES = 40  # about half a page
PAD = 2.5
SIZE, LEADING = 7.5, 9.0  # body text
HEAD_SIZE, HEAD_LEADING = 7.0, 8.4
HEAD_BAND = "#e6eef0"


@dataclass(frozen=True)
class RowStyle:
    widths: tuple[float, ...]
    right_from: int  # columns from this one on are right-aligned (numbers)


def fitted(style: RowStyle, rows: Sequence[Sequence[Cell]], flexible: int, narrowest: float) -> RowStyle:
    """The widths with each number column (plain text, never wrapped) as wide as its longest figure – a unit price of
    1.234,50 € would run into the column beside it – taken from the `flexible` column (the text's), which keeps at
    least `narrowest`."""
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415

    widths = list(style.widths)
    for column in range(style.right_from, len(widths)):
        longest = max(
            (
                stringWidth(line, f"{FONT}-Bold", SIZE)
                for row in rows
                if isinstance(row[column], str)
                for line in str(row[column]).split("\n")
            ),
            default=0.0,
        )
        grow = min(longest + 2 * PAD - widths[column], widths[flexible] - narrowest)
        if grow > 0:
            widths[column] += grow
            widths[flexible] -= grow
    return RowStyle(tuple(widths), style.right_from)


def _lines(cell: Cell, width: float, font: str, size: float) -> list[tuple[str, str]]:
    """A cell's lines, at most MAX_CELL_LINES (the last then says "…"): a row never outgrows a page, whatever a
    text holds."""
    if isinstance(cell, str):
        lines = [(line, INK) for line in cell.split("\n")] if cell else []
    else:
        lines = [(line, colour) for text, colour in cell for line in _wrapped(text, font, size, width - 2 * PAD)]
    return lines if len(lines) <= MAX_CELL_LINES else [*lines[: MAX_CELL_LINES - 1], ("…", lines[MAX_CELL_LINES - 1][1])]


def _wrapped(text: str, font: str, size: float, width: float) -> list[str]:
    """A text's lines in a column, broken at plain spaces only: an amount stays with its euro sign („78,60 €“;
    reportlab's simpleSplit breaks at every kind of space, the no-break space too). A word longer than the column
    is broken where the column ends, so that it never runs into the next one."""
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415

    lines: list[str] = []
    for paragraph in text.replace(" €", "\u00a0€").replace(" %", "\u00a0%").split("\n"):
        current = ""
        for whole in paragraph.split(" "):
            for word in _pieces(whole, font, size, width):
                candidate = f"{current} {word}" if current else word
                if current and stringWidth(candidate, font, size) > width:
                    lines.append(current)
                    candidate = word
                current = candidate
        lines.append(current)
    return lines


def _pieces(word: str, font: str, size: float, width: float) -> list[str]:
    """A word as pieces that fit the column: itself when it fits, else cut where the column ends."""
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415

    if stringWidth(word, font, size) <= width:
        return [word]
    pieces, piece, used = [], "", 0.0
    for character in word:
        wide = stringWidth(character, font, size)
        if piece and used + wide > width:
            pieces.append(piece)
            piece, used = "", 0.0
        piece, used = piece + character, used + wide
    return [*pieces, piece]


class _Measured:
    """The rows broken into lines once, with their heights; a row that refers to the row above („wie oben“) also as
    it reads at the top of a page, where the row above is on the page before."""

    def __init__(
        self,
        head: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        style: RowStyle,
        last_is_sum: bool,
        tops: Mapping[int, Sequence[Cell]],
    ) -> None:
        bold = f"{FONT}-Bold"
        self.style, self.last_is_sum = style, last_is_sum
        self.head = [_lines(c, w, bold, HEAD_SIZE) for c, w in zip(head, style.widths, strict=True)]
        self.head_height = 2 * PAD + HEAD_LEADING * max(len(lines) for lines in self.head)
        self.rows: list[list[list[tuple[str, str]]]] = []
        self.heights: list[float] = []
        for number, row in enumerate(rows):
            font = bold if last_is_sum and number == len(rows) - 1 else FONT
            cells, height = self._measure(row, font)
            self.rows.append(cells)
            self.heights.append(height)
        self.tops = {number: self._measure(row, FONT) for number, row in tops.items()}

    def _measure(self, row: Sequence[Cell], font: str) -> tuple[list[list[tuple[str, str]]], float]:
        cells = [_lines(c, w, font, SIZE) for c, w in zip(row, self.style.widths, strict=True)]
        return cells, 2 * PAD + LEADING * max((len(lines) for lines in cells), default=1)

    def row(self, number: int, first: bool) -> tuple[list[list[tuple[str, str]]], float]:
        """A row's lines and height; `first`: as the first row of a page."""
        top = self.tops.get(number) if first else None
        return top if top is not None else (self.rows[number], self.heights[number])


def row_table(
    head: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    style: RowStyle,
    title: Any = None,
    *,
    last_is_sum: bool = True,
    tops: Mapping[int, Sequence[Cell]] | None = None,
    continued: Any = None,
) -> Any:
    """The table as one flowable that splits between rows (never before the sum), under a title that does not
    stand alone at the foot of a page; `continued`, the title over its rows on each further page (fee and lab
    tables look alike). `tops`: rows by number as they read when a page begins with them."""
    from reportlab.lib.colors import HexColor  # noqa: PLC0415
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415
    from reportlab.platypus import Flowable  # noqa: PLC0415

    measured = _Measured(head, rows, style, last_is_sum, tops or {})
    total_width = sum(style.widths)

    class RowTable(Flowable):  # type: ignore[misc]
        def __init__(self, first: int, end: int, title: Any) -> None:
            super().__init__()
            self.first, self.end, self.title = first, end, title
            self.title_height = 0.0

        def _above(self, width: float) -> float:
            if self.title is None:
                return 0.0
            self.title_height = self.title.wrap(width, 1e9)[1]
            return float(self.title_height + self.title.getSpaceAfter())

        def getSpaceBefore(self) -> float:
            return float(self.title.getSpaceBefore()) if self.title is not None else 0.0

        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            rows = (
                measured.row(self.first, True)[1] + sum(measured.heights[self.first + 1 : self.end])
                if self.end > self.first
                else 0
            )

            self.width, self.height = total_width, self._above(availWidth) + measured.head_height + rows
            return self.width, self.height

        def split(self, availWidth: float, availHeight: float) -> list[Any]:
            used, end = self._above(availWidth) + measured.head_height, self.first
            while end < self.end and used + measured.row(end, end == self.first)[1] <= availHeight:
                used += measured.row(end, end == self.first)[1]
                end += 1
            if measured.last_is_sum and end == len(measured.rows) - 1 and self.end == len(measured.rows):
                end -= 1  # the sum goes with the line before it
            if end <= self.first:
                return []
            return [RowTable(self.first, end, self.title), RowTable(end, self.end, continued)]

        def draw(self) -> None:
            canvas, top = self.canv, self.height
            if self.title is not None:
                self.title.drawOn(canvas, 0, top - self.title_height)
                top -= self.title_height + self.title.getSpaceAfter()
            text = canvas.beginText()
            state = {"font": ("", 0.0), "colour": ""}
            head_bottom = top - measured.head_height
            canvas.setFillColor(HexColor(HEAD_BAND))
            canvas.rect(0, head_bottom, total_width, measured.head_height, stroke=0, fill=1)
            for column, lines in enumerate(measured.head):  # bottom-aligned
                first = head_bottom + PAD + (len(lines) - 1) * HEAD_LEADING + (HEAD_LEADING - HEAD_SIZE) * 0.5
                self._cell(text, state, column, lines, baseline=first, font=f"{FONT}-Bold", size=HEAD_SIZE, leading=HEAD_LEADING)
            y = head_bottom
            rules: list[tuple[float, float, str]] = [(head_bottom, 0.8, ACCENT)]
            for number in range(self.first, self.end):
                cells, height = measured.row(number, number == self.first)
                is_sum = measured.last_is_sum and number == len(measured.rows) - 1
                font = f"{FONT}-Bold" if is_sum else FONT
                baseline = y - PAD - SIZE
                for column, lines in enumerate(cells):
                    self._cell(text, state, column, lines, baseline=baseline, font=font, size=SIZE, leading=LEADING)
                if is_sum:
                    rules.append((y, 0.8, INK))  # drawn after, over the hairline of the row above
                else:
                    rules.append((y - height, 0.25, RULE_GREY))
                y -= height
            for at, width, colour in rules:
                canvas.setLineWidth(width)
                canvas.setStrokeColor(HexColor(colour))
                canvas.line(0, at, total_width, at)
            canvas.drawText(text)

        def _cell(
            self,
            text: Any,
            state: dict[str, Any],
            column: int,
            lines: list[tuple[str, str]],
            *,
            baseline: float,
            font: str,
            size: float,
            leading: float,
        ) -> None:
            left = sum(style.widths[:column])
            right = column >= style.right_from
            if state["font"] != (font, size):
                text.setFont(font, size)
                state["font"] = (font, size)
            for index, (line, colour) in enumerate(lines):
                if state["colour"] != colour:
                    text.setFillColor(HexColor(colour))
                    state["colour"] = colour
                x = left + style.widths[column] - PAD - stringWidth(line, font, size) if right else left + PAD
                text.setTextOrigin(x, baseline - index * leading)
                text.textOut(line)

    return RowTable(0, len(measured.rows), title)


def titled_paragraphs(title: Any, continued: Any, items: Sequence[Any], together: int = 1) -> Any:
    """Paragraphs under a title that never stands alone at a page's foot (nor with fewer than its first `together`
    paragraphs: an introduction and the first of what it introduces), split between paragraphs; each further page
    begins with `continued` (the letter's findings: a page that goes on with them says what they are)."""
    from reportlab.platypus import Flowable  # noqa: PLC0415

    class Titled(Flowable):  # type: ignore[misc]
        def __init__(self, heading: Any, items: Sequence[Any], together: int) -> None:
            super().__init__()
            self.heading, self.items, self.together = heading, list(items), min(together, len(items))
            self.heights: list[float] = []
            self.head = 0.0

        def getSpaceBefore(self) -> float:
            return float(self.heading.getSpaceBefore())

        def _measure(self, width: float) -> None:  # each paragraph once for each width, not again at each page
            self.head = float(self.heading.wrap(width, 1e9)[1] + self.heading.getSpaceAfter())
            self.heights = [
                measured[id(item), width] if (id(item), width) in measured else _height(item, width) for item in self.items
            ]

        def _block(self, index: int) -> float:
            item = self.items[index]
            return float(item.getSpaceBefore() + self.heights[index] + item.getSpaceAfter())

        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            self._measure(availWidth)
            self.width, self.height = availWidth, self.head + sum(self._block(k) for k in range(len(self.items)))
            return self.width, self.height

        def split(self, availWidth: float, availHeight: float) -> list[Any]:
            self._measure(availWidth)
            used, fitting = self.head, 0
            while fitting < len(self.items) and used + self._block(fitting) <= availHeight:
                used += self._block(fitting)
                fitting += 1
            if fitting == 0 or fitting < self.together:
                return []
            return [Titled(self.heading, self.items[:fitting], 1), Titled(continued, self.items[fitting:], 1)]

        def draw(self) -> None:
            top = self.height - self.head
            self.heading.drawOn(self.canv, 0, top + self.heading.getSpaceAfter())
            for index, item in enumerate(self.items):
                top -= item.getSpaceBefore() + self.heights[index]
                item.drawOn(self.canv, 0, top)
                top -= item.getSpaceAfter()

    measured: dict[tuple[int, float], float] = {}

    def _height(item: Any, width: float) -> float:
        measured[id(item), width] = height = float(item.wrap(width, 1e9)[1])
        return height

    return Titled(title, items, together)
