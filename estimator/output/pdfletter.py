"""The letter's first page after DIN 5008 (form B): the practice's letterhead with its logo, the return line and
the patient's address where the window of a DL envelope shows it, the information block beside it, and the
fold and hole marks; the text begins below them, with the salutation and what the plan comes to (opening). The
letterhead comes from the app's settings or from a letterhead file (`hkp estimate --letterhead`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from estimator.letterhead import logo_problem
from estimator.model import Estimate
from estimator.money import eur, german_date
from estimator.output.pdfstyle import ACCENT, FONT, INK, MUTED, RULE_GREY, surname_kept, word_cut
from estimator.rules.classify import age_on
from estimator.rules.reserve import reserve_of

MM = 72 / 25.4
PAGE_HEIGHT = 297 * MM
ADDRESS_LEFT, ADDRESS_TOP, ADDRESS_WIDTH = 20 * MM, 45 * MM, 85 * MM  # the address field of form B
RETURN_ZONE = 17.7 * MM  # the additions and remarks zone above the address lines
INFO_LEFT, INFO_TOP = 125 * MM, 50 * MM  # the information block
BODY_TOP = 98.4 * MM  # where the text of the first page begins
FOLD_MARKS = (105 * MM, 210 * MM)  # folded in three for a DL envelope
HOLE_MARK = 148.5 * MM
LOGO_BOX = (45 * MM, 22 * MM)  # at most this wide and high, at the top right
ADDRESS_LINES = 6  # the address zone of form B
ADULT = 18  # the age from which a letter is written to the patient; before it, to the parents


@dataclass(frozen=True)
class FirstPage:
    """What the first page shows around the text."""

    practice: str
    practice_lines: tuple[str, ...]  # address, phone, e-mail
    logo: str
    recipient: tuple[str, ...]  # the patient's name and address (a child's under „An die Eltern von“)
    info: tuple[tuple[str, str], ...]  # the information block: label, value
    name_at: int = 0  # the recipient's line of the name


SALUTATION = re.compile(  # a note that greets the patient on its own („Liebe Grüße …“ is no greeting)
    r"\s*(sehr\s+geehrte[rn]?|(liebe|lieber)\s+(frau|herr|familie|patient|eltern)|guten\s+(tag|morgen|abend)|hallo|moin|dear)\b",
    re.IGNORECASE,
)


def to_parents(estimate: Estimate, issued: dt.date) -> bool:
    """Whether the letter goes to the patient's parents: a patient named, under 18 on the day it is written (a child's
    plan, most often an orthodontic one, is theirs to decide and to pay)."""
    person = estimate.plan.person
    return bool(person.name.strip()) and person.birth_date is not None and age_on(person.birth_date, issued) < ADULT


def opening(estimate: Estimate, patient: str, note: str = "", *, parents: bool = False) -> tuple[str, str]:
    """The salutation ("" when the practice's note greets the patient itself) and the letter's first sentences: what
    the plan costs, what the tariff pays of it and what is left to the patient – without the rows the summary names as
    missing, when there are such, and with the part of the benefit under reserve. To the `parents` of a child the plan
    is the child's, named, and the tariff the child's insurance."""
    person, totals, day = estimate.plan.person, estimate.totals, german_date(estimate.plan.plan_date)
    plan = f"Ihr Heil- und Kostenplan vom {day}" if day else "Ihr Heil- und Kostenplan"
    if parents:
        plan = f"Der Heil- und Kostenplan für {spoken_name(patient)}" + (f" vom {day}" if day else "")
    incomplete = estimate.figures_incomplete
    without, share = (
        (" ohne die unten genannten fehlenden Zeilen", "Ihr Eigenanteil ohne diese Zeilen")
        if incomplete
        else ("", "Ihr Eigenanteil")
    )
    text = (
        f"{plan} kostet{without} voraussichtlich {eur(totals.billed)}. Nach {'dem' if parents else 'Ihrem'} Tarif "
        f"{estimate.tariff_name} {estimate.variant} erstattet {'die' if parents else 'Ihre'} Versicherung davon "
        f"voraussichtlich {eur(totals.benefit)}; {share} beträgt "
        f"voraussichtlich {eur(totals.patient_share)} – bei jeder Position unten mit der Regel, die ihn bestimmt."
    )
    if (reserve := reserve_of(estimate)) is not None:
        text += f" Bis zu {eur(reserve.total)} der Erstattung stehen unter dem Vorbehalt, der unten genannt ist."
    if SALUTATION.match(note):
        return "", text
    if parents:  # after the salutation's comma the sentence goes on in lower case („Guten Tag, der …“; „Ihr“ stays)
        return "Guten Tag,", text[0].lower() + text[1:]
    return (f"Guten Tag {spoken_name(patient)}," if person.name else "Guten Tag,"), text


TITLES = frozenset({"dr.", "prof.", "med.", "dent.", "dipl.", "ing.", "rer.", "nat.", "phil.", "habil.", "h.c.", "mult."})


def spoken_name(name: str) -> str:
    """A name as it is said: „Dr. med. Müller, Hans-Peter“ as Dr. med. Hans-Peter Müller, „Graf v. Bismarck, Otto“
    as Otto Graf v. Bismarck (an academic title goes first, a particle stays); any other as written."""
    last, comma, first = name.partition(",")
    if not comma or "," in first:
        return name
    titles = [word for word in last.split() if word.casefold() in TITLES]
    return " ".join([*titles, *first.split(), *(word for word in last.split() if word not in titles)])


def fit_width(text: str, font: str, size: float, width: float) -> str:
    """The text cut (with "…") so that it is at most `width` points wide in this font and size: between words
    where a word ends in its second half ("Dr. med. dent. A…" would be no name)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415

    text = " ".join(text.split())
    if stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest beginning that fits with the ellipsis
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle].rstrip() + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return word_cut(text[:low]) + "…"


def wrapped(text: str, font: str, size: float, width: float) -> list[str]:
    """The text in lines of at most `width` points, broken between words (a word too long alone is cut; a no-break
    space binds two words)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415

    lines: list[str] = []
    for word in (word for word in re.split(r"[^\S\u00a0]+", text) if word):
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and stringWidth(joined, font, size) <= width:
            lines[-1] = joined
        else:
            lines.append(fit_width(word, font, size, width))
    return lines


def practice_name(name: str, width: float) -> tuple[list[str], float]:
    """The practice's name in the head: one line at 14 pt, or smaller down to 11 pt, or two lines from 11 down to
    8 pt (the second cut with "…" only when even two lines at 8 pt cannot hold it)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415

    bold, text = f"{FONT}-Bold", " ".join(name.split())
    for size in (14.0, 13.0, 12.0, 11.0):
        if stringWidth(text, bold, size) <= width:
            return [text], size
    size = next((size for size in (11.0, 10.0, 9.0) if len(wrapped(text, bold, size, width)) <= 2), 8.0)
    first, *rest = wrapped(text, bold, size, width)
    return [first, *([fit_width(" ".join(rest), bold, size, width)] if rest else [])], size


def fitted(text: str, font: str, sizes: tuple[float, ...], width: float) -> tuple[str, float]:
    """The text at the largest of the sizes it fits in, else cut with "…" at the smallest."""
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415

    size = next((size for size in sizes if stringWidth(text, font, size) <= width), sizes[-1])
    return fit_width(text, font, size, width), size


def return_line(practice: str, address: str, width: float) -> str:
    """The sender in the address field's first line: the name cut before the address is (a letter returned must
    find the practice)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415

    name, address = " ".join(practice.split()), " ".join(address.split())
    if not address:
        return fit_width(name, FONT, 6.5, width)
    room = width - stringWidth(" · " + address, FONT, 6.5)
    room = max(room, width / 4)  # a long address: both cut, the name to a quarter
    shown = fit_width(name, FONT, 6.5, room)
    return fit_width(f"{shown} · {address}" if shown else address, FONT, 6.5, width)


def address_lines(recipient: tuple[str, ...], width: float, name_at: int = 0) -> list[str]:
    """The recipient's lines as the address zone's six lines hold them, each broken between words: where they take
    more, the longest part gives up lines first (its last one cut with "…"), the postcode and town last of all – a
    letter must find its way before it shows a whole name or every addition to a street. The name (at `name_at`,
    below „An die Eltern von“) is cut in its middle."""
    parts = [wrapped(line, FONT, 10, width) for line in recipient]
    room = [len(part) for part in parts]
    while sum(room) > ADDRESS_LINES:
        cuttable = [i for i in range(len(parts) - 1) if room[i] > 1] or [len(parts) - 1]
        room[max(cuttable, key=lambda i: room[i])] -= 1
    if name_at < len(room) and room[name_at] < len(parts[name_at]):  # the name: cut so that the family name stays
        fits = room[name_at]
        name = surname_kept(" ".join(parts[name_at]), lambda text: len(wrapped(text, FONT, 10, width)) <= fits)
        parts[name_at] = wrapped(name, FONT, 10, width)
    lines: list[str] = []
    for part, lines_left in zip(parts, room, strict=True):
        whole = part[: lines_left - 1] if lines_left < len(part) else part
        lines += whole if lines_left >= len(part) else [*whole, fit_width(" ".join(part[lines_left - 1 :]), FONT, 10, width)]
    return lines


def draw_first_page(canvas: Any, first: FirstPage) -> None:
    """Draw the letterhead, the address field, the information block and the marks onto the first page."""
    from reportlab.lib.colors import HexColor  # noqa: PLC0415 - reportlab loads only when a PDF is made

    canvas.saveState()
    top = PAGE_HEIGHT
    canvas.setFillColor(HexColor(INK))
    head_width = (190 - 25) * MM - (LOGO_BOX[0] + 4 * MM if first.logo else 0)  # left of the logo
    name, size = practice_name(first.practice, head_width)
    canvas.setFont(f"{FONT}-Bold", size)
    below = 18 if len(name) == 1 else 20  # two lines of the name take the room above
    for number, line in enumerate(name):
        canvas.drawString(ADDRESS_LEFT + 5 * MM, top - (below - 4.5 * (len(name) - 1 - number)) * MM, line)
    canvas.setFillColor(HexColor(MUTED))
    for number, line in enumerate(first.practice_lines[:3]):
        y = top - (below + (6 if len(name) == 1 else 5) + 4 * number) * MM
        shown, size = fitted(line, FONT, (8.0, 7.5, 7.0, 6.5), head_width)  # an e-mail address is read whole
        canvas.setFont(FONT, size)
        canvas.drawString(ADDRESS_LEFT + 5 * MM, y, shown)
    if first.logo:
        _draw_logo(canvas, first.logo)
    canvas.setStrokeColor(HexColor(ACCENT))
    canvas.setLineWidth(0.8)
    canvas.line(ADDRESS_LEFT + 5 * MM, top - 38 * MM, 190 * MM, top - 38 * MM)

    canvas.setFont(FONT, 6.5)
    field = ADDRESS_WIDTH - 5 * MM  # the address field, less its inner margin
    sender = return_line(first.practice, first.practice_lines[0] if first.practice_lines else "", field)
    canvas.drawString(ADDRESS_LEFT + 5 * MM, top - ADDRESS_TOP - RETURN_ZONE + 2.5 * MM, sender)
    canvas.setFillColor(HexColor(INK))
    canvas.setFont(FONT, 10)
    for number, line in enumerate(address_lines(first.recipient, field, first.name_at)):
        y = top - ADDRESS_TOP - RETURN_ZONE - (4 + 4.5 * number) * MM
        canvas.drawString(ADDRESS_LEFT + 5 * MM, y, line)

    for number, (label, value) in enumerate(first.info):
        y = top - INFO_TOP - 4.5 * number * MM
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(HexColor(MUTED))
        canvas.drawString(INFO_LEFT, y, label)
        shown, size = fitted(value, FONT, (8.5, 7.5, 6.5), 190 * MM - INFO_LEFT - 30 * MM)  # a long number smaller, not cut
        canvas.setFont(FONT, size)
        canvas.setFillColor(HexColor(INK))
        canvas.drawString(INFO_LEFT + 30 * MM, y, shown)

    canvas.setStrokeColor(HexColor(RULE_GREY))
    canvas.setLineWidth(0.5)
    for y in FOLD_MARKS:
        canvas.line(3 * MM, top - y, 8 * MM, top - y)
    canvas.line(3 * MM, top - HOLE_MARK, 10 * MM, top - HOLE_MARK)
    canvas.restoreState()


def _draw_logo(canvas: Any, logo: str) -> None:
    """The logo at the top right, scaled into its box; a logo that cannot be drawn is left out."""
    from reportlab.lib.utils import ImageReader  # noqa: PLC0415

    try:
        logo_problem(Path(logo))
        image = ImageReader(logo)
        width, height = image.getSize()
        scale = min(LOGO_BOX[0] / width, LOGO_BOX[1] / height)
        canvas.drawImage(
            image, 190 * MM - width * scale, PAGE_HEIGHT - 12 * MM - height * scale, width * scale, height * scale, mask="auto"
        )
    except Exception:
        return
