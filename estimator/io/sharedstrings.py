"""The shared strings of a workbook from Excel, looked at before any reader opens it: the counts their table
announces (a reader reserves memory for so many), the longest one, how many it holds, and whether each cell that
takes one names one that is there. python-calamine reads a reference it cannot parse („-1“, „ 1“) as the first
text of the table, unseen, and one beyond the table ends the whole sheet; either is refused, naming the cell."""

from __future__ import annotations

import html
import re
import zipfile
from dataclasses import dataclass

from estimator.cells import PlanReadError, shown
from estimator.io.xlsxguard import MAX_CELLS, streamed, thousands

CALAMINE_TABLE = "xl/sharedStrings.xml"  # the table python-calamine reads, by this name only
COUNT_ATTRIBUTE = re.compile(rb"""(count|uniquecount)\s*=\s*(["'])(.{0,200}?)\2""", re.IGNORECASE | re.DOTALL)
STRING_TAG = re.compile(rb"<(?:\w+:)?si[\s/>]")
SHARED_TYPE = re.compile(rb"""(?<![\w.:-])t\s*=\s*["']s["']""")
OTHER_SPELLING = re.compile(rb"t(?:\s+=|=\s|=')")  # a type written otherwise than t="s" (t = "s", t='s')
MAX_CUT = 4_096  # bytes of a cell carried into the next window (a longer one is read in detail)
SHARED_VALUE = re.compile(rb't="s"><v>([^<]*)</v>')  # as spreadsheet programs write a cell taking a shared string


@dataclass
class Strings:
    """What the scan found in the shared-strings table."""

    longest: int = 0  # bytes of the longest text, its markup included
    count: int = 0  # texts the table holds (none without a table)


MAX_RUNS = 50_000  # formatted pieces of text in a shared-strings table (780.000 of them in 60 KB took 30 s and 800 MB)
RUN_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?r[\s>/]")  # a run's opening tag, also with a namespace's prefix


def survey_strings(archive: zipfile.ZipFile, parts: list[str]) -> Strings:
    """The longest text of the workbook's tables and the number of texts of the one python-calamine reads
    (xl/sharedStrings.xml, whatever the workbook names), streamed; the counts each table announces checked."""
    strings = Strings()
    for part in parts:
        longest, count = _strings_of(archive, part)
        strings.longest = max(strings.longest, longest)
        strings.count = count if part == CALAMINE_TABLE else strings.count
    return strings


def refuse_shared_counts(window: bytes, part: str) -> None:
    """The counts the shared strings announce: a reader reserves memory for so many before it reads one (a count of
    4.294.967.295 in a file of 3 KB ended the program at once); more than the cells of a plan is refused. Every such
    attribute anywhere in the part is looked at, its value as a reader decodes it („&#52;…“) – not only the first
    head, which a comment, a quoted „>“ or a prefix of other letters placed out of a pattern's sight."""
    for found in COUNT_ATTRIBUTE.finditer(window):
        value = html.unescape(found.group(3).decode("latin-1")).strip().lstrip("+").lstrip("0")
        if value.isdecimal() and (len(value) > 12 or int(value) > MAX_CELLS):
            raise PlanReadError(
                f"{part} kündigt mehr als {thousands(MAX_CELLS)} Texte an; die Datei ist beschädigt oder nicht für einen "
                "Plan gemacht – bitte in Excel öffnen und neu speichern"
            )


def _strings_of(archive: zipfile.ZipFile, part: str) -> tuple[int, int]:
    """Bytes of the longest text (from one <si> to the next) and the number of texts, streamed; a table of more than
    MAX_RUNS formatted pieces of text (<r>, a reader makes an object of each) refused."""
    longest, last, offset, count, runs = 0, None, 0, 0, 0
    for window in streamed(archive, part):
        refuse_shared_counts(window, part)
        runs += sum(1 for _ in RUN_TAG.finditer(window))
        if runs > MAX_RUNS:
            raise PlanReadError(
                f"{part} hält mehr als {thousands(MAX_RUNS)} unterschiedlich formatierte Textstücke; so viele hat kein "
                "Plan – bitte in Excel öffnen, die Formatierung der Texte entfernen und neu speichern"
            )
        for tag in STRING_TAG.finditer(window):
            if last is not None:
                longest = max(longest, offset + tag.start() - last)
            last, count = offset + tag.start(), count + 1
        offset += len(window)
    return (max(longest, offset - last) if last is not None else 0), count


class References:
    """The cells of one worksheet part that take a shared string, window by window: each names a text of the
    table by its place, written in digits. Spelled as spreadsheet programs spell it (t="s" last, the value right
    after) a cell is checked at C speed; the part is read in detail when one is wrong or spelled otherwise, or
    cut between two windows, to name the cell."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.cells = 0  # cells taking a shared string
        self.seen = 0  # of them, those whose value the fast pattern saw
        self.wrong = False  # a value seen names no text
        self.cut = b""  # the end of the window before from its last such cell on, when its value was not in it

    def see(self, window: bytes) -> int:
        """Check a window's cells; the number of cells in it that take a shared string. A window ends after a tag, so
        a cell's value may begin the next window: the cell's end of the window before is read again with it."""
        cells = window.count(b't="s"')
        if OTHER_SPELLING.search(window):
            cells = len(SHARED_TYPE.findall(window))  # a t="s" outside a cell counts one too many: read in detail
        if cells or self.cut:
            text = self.cut + window
            values = SHARED_VALUE.findall(text)
            self.seen += len(values)
            self.wrong = self.wrong or not self._all_name_one(values)
            self.cells += cells
            last = text.rfind(b't="s"')
            self.cut = text[last:] if last >= 0 and text.find(b"</v>", last) < 0 and len(text) - last < MAX_CUT else b""
        return cells

    def refuse_wrong(self, archive: zipfile.ZipFile, part: str, named: str) -> None:
        """Refuse the part when a cell names no text, saying which."""
        if not self.wrong and self.seen == self.cells:
            return
        wrong = self._read_in_detail(archive, part)
        if wrong is not None:
            place, value = wrong
            raise PlanReadError(
                f"{named}, {place}: der Text der Zelle fehlt (sie verweist auf Text „{shown(value)}“, die Datei hat "
                f"{thousands(self.count)} Texte); die Datei ist beschädigt – bitte in Excel öffnen und neu speichern"
            )

    def _all_name_one(self, values: list[bytes]) -> bool:
        """Whether each value names a text of the table (an empty one, none: the cell is read as empty)."""
        if not values:
            return True
        joined, longest = b"".join(values), max(map(len, values))
        if (joined and not joined.isdigit()) or longest > 12:
            return False
        if longest < len(str(self.count)):  # fewer digits than the count: each below it
            return True
        return max(map(int, filter(None, values)), default=-1) < self.count

    def _read_in_detail(self, archive: zipfile.ZipFile, part: str) -> tuple[str, str] | None:
        from defusedxml.ElementTree import iterparse  # noqa: PLC0415 - needed only for unusual spellings

        with archive.open(part) as stream:
            for _, element in iterparse(stream, events=("end",)):
                tag = element.tag.rsplit("}", 1)[-1]
                if tag == "c" and element.get("t") == "s":
                    value = next((child.text or "" for child in element if child.tag.rsplit("}", 1)[-1] == "v"), "")
                    if not self._all_name_one([value.encode()]):
                        place = (element.get("r") or "").strip()
                        return (f"Zelle {shown(place[:12])}" if place else "eine Zelle"), value
                if tag in ("c", "row"):
                    element.clear()
        return None
