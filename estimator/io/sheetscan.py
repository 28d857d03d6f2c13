"""What the worksheets of a workbook hold, surveyed before any reader opens them: rows and cells counted (too
many are refused), the box each sheet's cells span, whether a sheet holds formulas or error values, and the
longest shared string.

The survey says whether the workbook may be read whole into grids (python-calamine, fast): a grid holds every
cell of the box a sheet's cells span and a copy of a shared string in every cell that uses it, so a sheet
spanning a huge box, or a long shared string used in many cells, is read streamed instead (openpyxl).
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from estimator.cells import PlanReadError, shown
from estimator.io.sharedstrings import OTHER_SPELLING, References, refuse_shared_counts, survey_strings
from estimator.io.snapshot import source
from estimator.io.xlsxguard import MAX_CELLS, counts_from_1904, refuse_declarations, streamed, thousands, worksheet_parts
from estimator.model import MAX_LINES

MAX_XML_ROWS = 100_000  # rows a worksheet part may hold at all, empty ones included
MAX_ROW_CELLS = 1_024  # cells one row may hold in the XML (only the first 64 columns are read)
MAX_ELEMENTS = 4 * MAX_CELLS  # XML elements one worksheet part may hold: rows, cells, values and all else
MAX_GRID_CELLS = 1_500_000  # rows × columns of the box one sheet's cells span, for the sheet to be read as a grid
MAX_GRID_TEXT = 32 * 1024 * 1024  # bytes of shared-string copies all grids together may hold
MAX_COLUMNS = 64  # columns read of each row
MAX_SHEET_ROW, MAX_SHEET_COLUMN = 1_048_576, 16_384  # the last row and column (XFD) a spreadsheet program has
FAR = 10**15  # a place written with more than 15 digits or 3 letters: beyond every sheet, never computed out
FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s/>]")
ROW_OR_CELL_TAG = re.compile(rb"""<(?:\w+:)?(row|c)\b((?:[^<>"']|"[^"]*"|'[^']*')*)>""")
# A place of any length: a row of 14 digits is refused as beyond the sheet, never taken for no place at all.
REFERENCE = re.compile(rb"""(?:^|\s)r\s*=\s*["']([A-Za-z]*)([0-9]*)["']""")
CELL_REFERENCE = re.compile(r"([A-Za-z]*)([0-9]*)$")
ROW_REFERENCES = re.compile(rb'<row r="([0-9]+)"')  # the place written first, as spreadsheet programs do
CELL_REFERENCES = re.compile(rb'<c r="([A-Za-z]+)([0-9]+)"')
# Elements of a worksheet whose names begin like a cell's or a row's: every other "<c" is a cell, every other "<row" a row.
OTHER_C = (b"<co", b"<cf", b"<cu", b"<ce")  # col, cols, colBreaks, cfRule, customSheetView, cellWatch, ...
OTHER_ROW = (b"<rowBreaks",)
FORMULA_STARTS = tuple(b"<f" + end for end in (b">", b" ", b"/", b"\n", b"\t", b"\r"))  # not <formula1> of a validation
ERROR_TYPE = re.compile(rb"""\st\s*=\s*["']e["']""")
# Rows and columns hidden in the spreadsheet program (also those of a collapsed outline): read like any other, and said.
# The tags that name the word are found at C speed, each distinct one then looked at once.
HIDDEN_TAG = re.compile(rb"<(?:\w+:)?(row|col)\s([^<>]*hidden[^<>]*)>")
HIDDEN = re.compile(rb"""(?:^|\s)hidden\s*=\s*["']\s*(?:1|true)\s*["']""")
MERGED_RANGE = re.compile(
    rb"""<(?:\w+:)?mergeCell\s[^<>]*?\bref\s*=\s*["']([A-Za-z]{1,3})([0-9]{1,7}):([A-Za-z]{1,3})([0-9]{1,7})["']"""
)
MAX_MERGED = 100_000  # ranges merged down one column that a part's scan keeps for the streamed reader
COLUMN_SPAN = re.compile(rb"""(?:^|\s)(min|max)\s*=\s*["']([0-9]{1,5})["']""")


@dataclass
class PartScan:
    """One worksheet part as the scan saw it."""

    cells: int = 0
    rows: int = 0  # the highest row number a cell or row names (or takes by its place)
    columns: int = 0  # the highest column number likewise
    shared_cells: int = 0  # cells holding a shared string
    detailed: bool = False  # holds formulas or error values: read in detail for what a grid does not tell
    elements: int = 0  # start tags of elements (each may be kept by a reader until its sheet ends)
    hidden_rows: set[int] = field(default_factory=set)  # the numbers of hidden rows that name their place
    hidden_columns: set[int] = field(default_factory=set)  # the indexes (from 0) of hidden columns among those read
    merged_down: list[tuple[int, int, int]] = field(default_factory=list)  # column (from 0), first and last row
    twice: str = ""  # a cell named twice (<c r="H3"> two times): a reader takes one of the two values unsaid


@dataclass
class Survey:
    """What the scan found in a workbook before any reader opened it."""

    parts: dict[str, str] = field(default_factory=dict)  # sheet name -> worksheet part
    scans: dict[str, PartScan] = field(default_factory=dict)  # worksheet part -> its scan
    longest_shared: int = 0  # bytes of the longest shared string, its markup included
    from_1904: bool = False  # the workbook counts its days from 1904 (xlsxguard.counts_from_1904)

    def detailed(self, part: str) -> bool:
        return part in self.scans and self.scans[part].detailed

    @property
    def fits_grid(self) -> bool:
        """Whether every sheet may be read whole as a grid in bounded memory."""
        scans = [self.scans[part] for part in self.parts.values()]
        largest = max((scan.rows * scan.columns for scan in scans), default=0)
        copies = sum(scan.shared_cells for scan in scans) * self.longest_shared
        return largest <= MAX_GRID_CELLS and copies <= MAX_GRID_TEXT


def survey_workbook(path: Path) -> Survey:
    """Stream every worksheet part once, a megabyte at a time: refuse one with far too many rows or cells
    (before any parser sees it), and say what the readers need to know (Survey)."""
    survey = Survey()
    try:
        with zipfile.ZipFile(source(path)) as archive:
            parts, tables = worksheet_parts(archive)
            strings = survey_strings(archive, tables)
            survey.longest_shared = strings.longest
            survey.from_1904 = counts_from_1904(archive)
            named: dict[str, str] = {}
            for name, part in parts:
                if named.setdefault(part, name) != name:  # each sheet has its own part; shared, a reader reads it again
                    raise PlanReadError(  # for each sheet that names it: 250 sheets of one part took half an hour
                        f"die Blätter {shown(named[part])} und {shown(name)} verweisen auf denselben Inhalt ({part}); so "
                        "eine Datei schreibt kein Tabellenprogramm – bitte in Excel öffnen und neu speichern"
                    )
                survey.parts.setdefault(name, part)
                if part not in survey.scans:
                    survey.scans[part] = _scan_part(path, archive, part, strings.count, name)
            cells = sum(survey.scans[part].cells for _, part in parts)
            _refuse_styles(archive)
    except PlanReadError as error:
        raise PlanReadError(str(error) if str(error).startswith(path.name) else f"{path.name}: {error}") from None
    if cells > MAX_CELLS:
        raise PlanReadError(
            f"{path.name}: die Tabellenblätter haben mehr als {thousands(MAX_CELLS)} Zellen; so große "
            "Pläne werden nicht gelesen, bitte den Plan aufteilen"
        )
    return survey


def refuse_reader_traps(path: Path) -> None:
    """What ends or stalls a reader before it reads a cell (the shared strings' counts, formats, sheets): checked
    before the reader opens a file only to learn its sheets' names – an output of the program that is there already,
    which may be far larger than a plan (survey_workbook's limits are a plan's)."""
    try:
        with zipfile.ZipFile(source(path)) as archive:
            for part in worksheet_parts(archive)[1]:
                for window in streamed(archive, part):
                    refuse_shared_counts(window, part)
            _refuse_styles(archive)
    except PlanReadError as error:
        raise PlanReadError(f"{path.name}: {error}") from None


def _scan_part(path: Path, archive: zipfile.ZipFile, part: str, strings: int, sheet: str) -> PartScan:
    """Count one worksheet part's rows and cells and find the box they span; refuses too many rows, too wide
    a row, too many cells, a cell naming a shared string that is not among the table's `strings`, naming the sheet."""
    named = f"Blatt {shown(sheet)}" if sheet else "ein Tabellenblatt"
    scan, place, references = PartScan(), _Place(), References(strings)
    for window in streamed(archive, part):
        if not scan.detailed and _may_hold_formulas_or_errors(window):
            scan.detailed = True
        scan.shared_cells += references.see(window)
        if not _scan_referenced(window, scan, place):
            _scan_tags(window, scan, place)
        if b"hidden" in window:
            _scan_hidden(window, scan)
        if b"mergeCell" in window:
            _scan_merged(window, scan)
        scan.elements += window.count(b"<") - window.count(b"</") - window.count(b"<?") - window.count(b"<!")
        if scan.elements > MAX_ELEMENTS:
            raise PlanReadError(
                f"{path.name}, {named}: mehr als {thousands(MAX_ELEMENTS)} XML-Elemente; so ein Blatt schreibt kein "
                "Tabellenprogramm, die Datei ist beschädigt oder nicht für einen Plan gemacht – bitte erneut speichern lassen"
            )
        if place.wide_row:
            raise PlanReadError(
                f"{path.name}, {named}: Zeile {thousands(place.wide_row)} hat mehr als {thousands(MAX_ROW_CELLS)} "
                "Zellen; so breite Tabellen werden nicht gelesen, bitte die Datei prüfen"
            )
        if place.xml_rows > MAX_XML_ROWS:
            raise PlanReadError(
                f"{path.name}, {named}: mehr als {thousands(MAX_XML_ROWS)} Zeilen, auch leere mit Formatierung zählen; "
                "so große Blätter werden nicht gelesen. Bitte die leeren Zeilen unter dem Plan löschen (Zeilen markieren, "
                f"„Zeilen löschen“) oder einen Plan von mehr als {thousands(MAX_LINES)} Zeilen aufteilen"
            )
        if scan.cells > MAX_CELLS:
            raise PlanReadError(
                f"{path.name}: die Tabellenblätter haben mehr als {thousands(MAX_CELLS)} Zellen; so große Pläne werden "
                "nicht gelesen, bitte den Plan aufteilen"
            )
        if scan.rows > MAX_SHEET_ROW or scan.columns > MAX_SHEET_COLUMN:  # a reader would walk or allocate up to it
            if scan.rows > MAX_SHEET_ROW:
                where = f"Zeile {thousands(scan.rows)}" if scan.rows < FAR else "eine Zeile"
            else:
                where = f"Spalte {thousands(scan.columns)}" if scan.columns < FAR else "eine Spalte"
            raise PlanReadError(
                f"{path.name}, {named}: eine Zelle nennt {where}, jenseits der letzten Zeile ({thousands(MAX_SHEET_ROW)}) "
                f"und Spalte (XFD) eines Tabellenblatts; die Datei ist beschädigt, bitte erneut speichern lassen"
            )
    references.refuse_wrong(archive, part, f"{path.name}, {named}")
    if scan.twice:
        raise PlanReadError(
            f"{path.name}, {named}: die Zelle {scan.twice} steht zweimal in der Datei (ein Leser nähme still einen der "
            "Werte); so eine Datei schreibt kein Tabellenprogramm – bitte in Excel öffnen und neu speichern"
        )
    return scan


def _may_hold_formulas_or_errors(window: bytes) -> bool:
    """Whether a window holds a formula or an error value (or only looks as if: then the part is read in detail
    for nothing); plain byte searches first, the pattern for unusual spellings only where they could be."""
    if any(mark in window for mark in FORMULA_STARTS) or b't="e"' in window or b"t='e'" in window:
        return True
    unusual = b":f" in window or OTHER_SPELLING.search(window) is not None
    return unusual and bool(FORMULA_TAG.search(window) or ERROR_TYPE.search(window))


@dataclass
class _Place:
    """Where the scan of a part stands: the last row and column, the row's cells so far, the rows counted."""

    row: int = 0
    column: int = 0
    row_cells: int = 0
    xml_rows: int = 0
    wide_row: int = 0  # the number of a row with more than MAX_ROW_CELLS cells, once one is seen


def _scan_referenced(window: bytes, scan: PartScan, place: _Place) -> bool:
    """The scan of a window in which every row and cell tag is written as spreadsheet programs write them (no
    prefix, its place first), done at C speed; False, and nothing counted, when one is not. Each cell names its
    place, so the box bounds a wide row here (MAX_ROW_CELLS is for cells that take their places in order)."""
    rows, cells = ROW_REFERENCES.findall(window), CELL_REFERENCES.findall(window)
    row_tags = window.count(b"<row") - sum(window.count(other) for other in OTHER_ROW)
    cell_tags = window.count(b"<c") - sum(window.count(other) for other in OTHER_C)
    if len(rows) != row_tags or len(cells) != cell_tags or b":c" in window or b":row" in window:
        return False
    place.xml_rows += len(rows)
    scan.cells += len(cells)
    if rows:
        scan.rows = max(scan.rows, place.xml_rows, *map(_row, rows))
        place.row, place.row_cells = _row(rows[-1]), 0
    if cells:
        if not scan.twice and len(set(cells)) < len(cells):
            scan.twice = next(b"".join(cell).decode() for cell, count in Counter(cells).items() if count > 1)
        scan.rows = max(scan.rows, *map(_row, {digits for _, digits in cells}))
        scan.columns = max(scan.columns, *(_column(letters.decode()) for letters in {letters for letters, _ in cells}))
        place.column = _column(cells[-1][0].decode())
    return True


def _scan_tags(window: bytes, scan: PartScan, place: _Place) -> None:
    """The scan of a window tag by tag: a row or cell without its place takes the one after the tag before it."""
    for tag in ROW_OR_CELL_TAG.finditer(window):
        attributes = tag[2]
        reference = REFERENCE.search(attributes) if b"r" in attributes else None
        letters, digits = (reference[1].decode(), reference[2].decode()) if reference else ("", "")
        if tag[1] == b"row":
            place.xml_rows, place.row_cells = place.xml_rows + 1, 0
            place.row, place.column = _place("row", letters, digits, place.row, place.column)
            scan.rows = max(scan.rows, place.row, place.xml_rows)
            continue
        place.row_cells, scan.cells = place.row_cells + 1, scan.cells + 1
        cell_row, place.column = _place("c", letters, digits, place.row, place.column)
        scan.rows, scan.columns = max(scan.rows, cell_row), max(scan.columns, place.column, place.row_cells)
        if place.row_cells > MAX_ROW_CELLS and not place.wide_row:
            place.wide_row = place.xml_rows


def _scan_hidden(window: bytes, scan: PartScan) -> None:
    """The hidden rows and columns of a window: a row by the place it names (spreadsheet programs name it; a hidden
    row that does not is read without a word), a column by the span its element names."""
    for name, attributes in set(HIDDEN_TAG.findall(window)):
        if not HIDDEN.search(attributes):
            continue
        if name == b"row":
            reference = REFERENCE.search(attributes)
            row = _row(reference[2]) if reference and reference[2] else 0
            if 0 < row <= MAX_SHEET_ROW:
                scan.hidden_rows.add(row)
            continue
        span = {name: int(digits) for name, digits in COLUMN_SPAN.findall(attributes)}
        first, last = span.get(b"min", 0), min(span.get(b"max", 0), MAX_COLUMNS)
        scan.hidden_columns.update(range(first - 1, last) if first >= 1 else ())


def _scan_merged(window: bytes, scan: PartScan) -> None:
    """The ranges merged down one column among those read (a date written once for three lines): a grid reader is
    told them by python-calamine, the streamed reader by these."""
    for first_letters, first_row, last_letters, last_row in MERGED_RANGE.findall(window):
        column = _column(first_letters.decode())
        if column != _column(last_letters.decode()) or not 1 <= column <= MAX_COLUMNS or len(scan.merged_down) >= MAX_MERGED:
            continue
        first, last = int(first_row), int(last_row)
        if first < last:
            scan.merged_down.append((column - 1, first, last))


def _row(digits: bytes | str) -> int:
    """A row number as written (zeros before it aside); FAR for one of more than 15 digits (int() of 5,000 digits is
    refused, and a longer run costs time)."""
    significant = (digits.decode() if isinstance(digits, bytes) else digits).lstrip("0")
    return int(significant or "0") if len(significant) <= 15 else FAR


def _column(letters: str) -> int:
    """ "A" -> 1, "XFD" -> 16384; FAR for more than 3 letters (beyond XFD – 240,000 letters took 12 s)."""
    if len(letters) > 3:
        return FAR
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _place(tag: str, letters: str, digits: str, row: int, column: int) -> tuple[int, int]:
    """The row and column (from 1) a row or cell tag stands at, from its reference (letters, digits; either may
    be missing) or, without one, from the place of the tag before it at (row, column)."""
    if tag == "row":
        return (_row(digits) if digits else row + 1), 0
    return (_row(digits) if digits else row), (_column(letters) if letters else column + 1)


STYLE_ELEMENT = re.compile(rb"<(?:[\w.-]+:)?(?:xf|font|fill|border|numFmt|dxf)\b")
MAX_STYLES = 65_536  # formats, fonts, fills and borders of a workbook: Excel keeps at most 64.000 formats


def _refuse_styles(archive: zipfile.ZipFile) -> None:
    """A styles part that no spreadsheet program writes: an entity declaration, or more formats than Excel keeps (a
    reader makes an object of each – 3 MB of them took 17 s and 437 MB)."""
    for part in archive.namelist():
        if not part.endswith("styles.xml"):
            continue
        data = archive.read(part)
        refuse_declarations(data)
        if len(STYLE_ELEMENT.findall(data)) > MAX_STYLES:
            raise PlanReadError(
                f"{part} hat mehr als {thousands(MAX_STYLES)} Formate; so viele schreibt kein Tabellenprogramm – bitte in "
                "Excel öffnen und neu speichern"
            )


def special_cells(path: Path, part: str) -> dict[tuple[int, int], object]:
    """(row, column index) -> value of the cells a grid does not tell: a formula without a saved result
    (UNCACHED) and an error value (its text, "#DIV/0!"), their places taken as the scan takes them."""
    from defusedxml.ElementTree import iterparse  # noqa: PLC0415 - needed only for sheets with formulas or errors

    found: dict[tuple[int, int], object] = {}
    row, column = 0, 0
    open_elements: list[Any] = []  # the elements around the one read, to drop what their parents hold
    with zipfile.ZipFile(source(path)) as archive, archive.open(part) as stream:
        for event, element in iterparse(stream, events=("start", "end")):
            tag = element.tag.rsplit("}", 1)[-1]
            if event == "start":
                open_elements.append(element)
                if tag in ("row", "c"):
                    reference = CELL_REFERENCE.match((element.get("r") or "").strip())
                    letters, digits = (reference[1], reference[2]) if reference else ("", "")
                    row, column = _place(tag, letters, digits, row, column)
                continue
            open_elements.pop()
            if open_elements and not any(e.tag.rsplit("}", 1)[-1] == "c" for e in open_elements[-3:]):
                del open_elements[-1][:]  # what its parent holds is read (or its events wait): not kept till the end
            if tag != "c":
                continue
            children: dict[str, Any] = {child.tag.rsplit("}", 1)[-1]: child for child in element}
            value = children.get("v")
            text = (value.text or "").strip() if value is not None else ""
            if "f" in children and not text and not (value is not None and element.get("t") == "str"):
                found[(row, column - 1)] = UNCACHED  # a text result may be empty: „=WENN(G2>2,3;"erhöht";"")“
            elif element.get("t") == "e":
                found[(row, column - 1)] = text
    return found


class _Uncached:
    """A formula cell whose result was never saved: the workbook holds no value to read."""

    def __repr__(self) -> str:
        return "UNCACHED"


UNCACHED: Any = _Uncached()
