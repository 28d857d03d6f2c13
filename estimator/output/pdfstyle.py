"""The letter's look: embedded fonts, colours, paragraph styles, the page footer with "Seite X von Y"."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from estimator.resources import RESOURCES

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


@functools.cache
def _drawn() -> frozenset[int]:
    """The characters the letter's font has a glyph for (Latin, Greek and Cyrillic scripts; its faces alike)."""
    from reportlab.pdfbase.ttfonts import TTFontFile  # noqa: PLC0415

    return frozenset(TTFontFile(str(RESOURCES / "fonts" / FONT_FILES[FONT])).charToGlyph)


def undrawn(text: str) -> str:
    """The characters of a text the letter's font has no glyph for, each once: a letter shows them as empty boxes
    („محمد علي“, „王芳“ – a name lost)."""
    return "".join(dict.fromkeys(c for c in text if not c.isspace() and ord(c) not in _drawn()))


@functools.cache
def register_fonts() -> None:
    from reportlab.lib.fonts import addMapping  # noqa: PLC0415 - reportlab loads only when a PDF is made
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.ttfonts import TTFont  # noqa: PLC0415

    for name, file in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(RESOURCES / "fonts" / file)))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, f"{FONT}-Bold")
    addMapping(FONT, 0, 1, f"{FONT}-Italic")
    addMapping(FONT, 1, 1, f"{FONT}-Bold")


def styles_for_letter() -> dict[str, Any]:
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


def para(text: str, style: Any) -> Any:
    from reportlab.platypus import Paragraph  # noqa: PLC0415

    return Paragraph(text, style)


def numbered_canvas(footer: str) -> Any:
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


def fit(text: str, limit: int) -> str:
    """Text as the letter shows it: at most `limit` characters, so that no cell outgrows a page; cut between words
    where a word ends in the second half („… Auswertung von …“, not „… Auswertung von Rön…“)."""
    return text if len(text) <= limit else word_cut(text[: limit - 1]) + "…"


PARTICLES = frozenset(
    {"von", "und", "zu", "vom", "zum", "zur", "van", "de", "der", "den", "di", "da", "du", "la", "le", "ten", "ter"}
)


def surname_kept(name: str, fits: Callable[[str], bool]) -> str:
    """A name that does not fit, cut in its middle so that the family name stays („Prof. Dr. Karl-Theodor … von und
    zu Guttenberg“): the last word with the particles before it, after as many of the first words as fit; where not
    even that fits, cut at its end as any text."""
    words = name.split()
    if fits(name) or len(words) < 3:
        return name
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in PARTICLES:
        start -= 1
    tail = " ".join(words[start:])
    for end in range(start - 1, 0, -1):
        if fits(shortened := f"{' '.join(words[:end])} … {tail}"):
            return shortened
    return name


def fit_line(text: str, limit: int) -> str:
    """A text of the plan in one run, its line breaks and runs of spaces as one space (a cell of the table would
    take a row line for each – a hundred breaks in a service text outgrew the page), then fitted."""
    return fit(" ".join(text.split()), limit)


def word_cut(beginning: str) -> str:
    """The beginning of a text up to its last whole word (when that keeps more than half of it), without a separator
    at its end."""
    space = beginning.rfind(" ")
    kept = beginning[:space] if space > len(beginning) // 2 else beginning
    return kept.rstrip(" ,;:(-–/")
