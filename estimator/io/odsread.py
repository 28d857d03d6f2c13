"""OpenDocument spreadsheets (.ods, LibreOffice and others): the sheets as bounded rows of cell values, read in one
streamed pass over content.xml with the same limits as a workbook from Excel (estimator.io.sheets).

An .ods file is a zip archive like an .xlsx, but one part, content.xml, holds every sheet. A row or a cell may
stand for many (`number-rows-repeated`, `number-columns-repeated`): empty ones only move the place on, cells with
content count once per repetition against the limits, so a short file cannot unpack into a huge grid. Document
types and entities are refused, as in a workbook from Excel. A formula cell holds its saved result; one without
a result is UNCACHED, an error value gives its text ("#DIV/0!"), as from Excel.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from xml.parsers import expat

from estimator.cells import MAX_TEXT, PlanReadError, whole_number
from estimator.io.sheetscan import MAX_ELEMENTS, UNCACHED
from estimator.io.snapshot import source
from estimator.io.xlsxguard import MAX_CELLS, MAX_SHEET_BYTES, MAX_SHEETS, MAX_UNPACKED_BYTES, megabytes, thousands

Keep = Callable[[str, int, tuple[Any, ...]], None]  # a row with content: sheet, row number, values
Cut = Callable[[str, int], str]  # a text longer than MAX_TEXT, cut: its beginning and its whole length
Named = Callable[[str], str]  # a sheet's name as the reader keeps it (cut when long)

MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
CONTENT = "content.xml"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
MAX_REPEAT = 1_048_576  # rows or columns one element may stand for (a sheet's size in LibreOffice)
CELLS = {f"{TABLE} table-cell", f"{TABLE} covered-table-cell"}
ANNOTATION = f"{OFFICE} annotation"  # a comment on a cell: not its value
DRAWING = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0 "  # shapes and pictures anchored in a cell: not its value
BREAKS = {f"{TEXT} line-break": "\n", f"{TEXT} tab": "\t"}
NUMBERS = {"float", "percentage", "currency"}


def is_ods(path: Path) -> bool:
    """Whether the file is an OpenDocument spreadsheet (its first zip entry says so, whatever its name)."""
    try:
        with zipfile.ZipFile(source(path)) as archive:
            if archive.getinfo("mimetype").file_size > 2 * len(MIMETYPE):
                return False
            return archive.read("mimetype").strip() == MIMETYPE
    except Exception:  # not a zip, no mimetype entry, damaged: not an .ods to read here
        return False


def refuse_unreadable_ods(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse, with one message, an .ods that is encrypted or would unpack beyond the limits."""
    parts = archive.infolist()
    names = {part.filename for part in parts}
    if CONTENT not in names:
        raise PlanReadError(f"{path.name}: ein ZIP-Archiv, aber keine Tabelle (content.xml fehlt); bitte neu speichern")
    manifest = "META-INF/manifest.xml"
    if manifest in names and archive.getinfo(manifest).file_size < 1 << 20 and b"encryption-data" in archive.read(manifest):
        raise PlanReadError(f"{path.name}: die Tabelle ist kennwortgeschützt; bitte ohne Kennwort speichern")
    total = sum(part.file_size for part in parts)
    content = archive.getinfo(CONTENT).file_size
    if total > MAX_UNPACKED_BYTES or content > MAX_SHEET_BYTES:
        raise PlanReadError(
            f"{path.name}: die Tabelle würde entpackt {megabytes(total)} belegen (content.xml: {megabytes(content)}); "
            f"erlaubt sind {megabytes(MAX_UNPACKED_BYTES)}, für die Tabellenblätter {megabytes(MAX_SHEET_BYTES)}. "
            "Ein Heil- und Kostenplan ist viel kleiner; bitte die Datei prüfen"
        )


def _refused_declaration(*_: object) -> None:
    raise PlanReadError(
        "die Tabelle ist beschädigt und nicht lesbar "
        "(unzulässige XML-Entitäten, die Datei wird aus Sicherheitsgründen nicht gelesen)"
    )


def _count(text: str, name: str) -> int:
    """A repetition as the file gives it: a whole number from 1 to MAX_REPEAT."""
    number = whole_number(text.strip(), MAX_REPEAT)
    if number is None:
        raise PlanReadError(f"{name}=„{text.strip()[:20]}“ ist keine Wiederholung von 1 bis {thousands(MAX_REPEAT)}")
    return number


def _typed(attributes: dict[str, str]) -> Any:
    """The cell's value from its attributes, or None when it is its text (a string, a time)."""
    kind = attributes.get(f"{OFFICE} value-type")
    if kind in NUMBERS:
        return float(attributes.get(f"{OFFICE} value", ""))
    if kind == "date":
        text = attributes.get(f"{OFFICE} date-value", "")
        stamp = dt.datetime.fromisoformat(text)
        return stamp.date() if "T" not in text else stamp
    if kind == "boolean":
        return attributes.get(f"{OFFICE} boolean-value", "").strip().lower() == "true"
    if kind == "string" and f"{OFFICE} string-value" in attributes:
        return attributes[f"{OFFICE} string-value"]
    return None


def _written(attributes: dict[str, str]) -> str:
    """What a cell without text says its value is, as written (for a value that cannot be read as its type)."""
    written = attributes.get(f"{OFFICE} date-value") or attributes.get(f"{OFFICE} value") or ""
    return written[:MAX_TEXT]


def _hidden(attributes: dict[str, str]) -> bool:
    """Whether a row or column is hidden: collapsed, or filtered out."""
    return attributes.get(f"{TABLE} visibility", "").strip().lower() in ("collapse", "filter")


class _Reader:
    """The parser's handlers: each row with content of the sheet being read goes to `keep`."""

    def __init__(self, keep: Keep, columns: int, cut: Cut, named: Named) -> None:
        self.keep, self.columns, self.cut, self.named = keep, columns, cut, named
        self.sheets: list[str] = []
        self.depth = 0  # depth inside a table: a table within a cell (rare) is not a sheet of its own
        self.aside = 0  # depth inside a comment on a cell
        self.row = 0  # the number of the row being read
        self.row_repeat = 1
        self.values: list[Any] = []
        self.column = 0
        self.cell: dict[str, str] | None = None  # the attributes of the cell being read
        self.cell_repeat = 1
        self.text: list[str] = []
        self.text_length = 0
        self.paragraphs = 0
        self.cells = 0  # cells with content of all sheets so far, each repetition counted
        self.covered = False  # the cell being read lies under a merged cell
        self.spans: dict[int, tuple[Any, int]] = {}  # column -> the value of a cell merged down there, its last row
        self.row_hidden = False  # the row being read is hidden (collapsed or filtered out)
        self.next_column = 0  # the index of the next column a column element describes
        self.hidden: dict[str, tuple[set[int], set[int]]] = {}  # sheet -> its hidden rows with content, hidden columns

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if name == f"{TABLE} table":
            self.depth += 1
            if self.depth == 1:
                if len(self.sheets) >= MAX_SHEETS:
                    raise PlanReadError(f"mehr als {MAX_SHEETS} Tabellenblätter")
                name = self.named(attributes.get(f"{TABLE} name", f"Tabelle{len(self.sheets) + 1}"))
                self.sheets.append(distinct(name, self.sheets))  # two tables of one name are two sheets
                self.row, self.spans, self.next_column = 0, {}, 0
                self.hidden[self.sheets[-1]] = (set(), set())
        elif self.depth != 1:
            return
        elif name == ANNOTATION or name.startswith(DRAWING):
            self.aside += 1
        elif name == f"{TABLE} table-row":
            self.row_repeat = _count(attributes.get(f"{TABLE} number-rows-repeated", "1"), "number-rows-repeated")
            self.values, self.column = [], 0
            self.row_hidden = _hidden(attributes)
        elif name == f"{TABLE} table-column":
            repeat = _count(attributes.get(f"{TABLE} number-columns-repeated", "1"), "number-columns-repeated")
            if _hidden(attributes):
                self.hidden[self.sheets[-1]][1].update(range(self.next_column, min(self.next_column + repeat, self.columns)))
            self.next_column += repeat
        elif name in CELLS:
            self.cell, self.covered = attributes, name != f"{TABLE} table-cell"
            self.cell_repeat = _count(attributes.get(f"{TABLE} number-columns-repeated", "1"), "number-columns-repeated")
            self.text, self.text_length, self.paragraphs = [], 0, 0
        elif self.cell is None or self.aside:
            return
        elif name == f"{TEXT} p":
            if self.paragraphs:
                self._add("\n")
            self.paragraphs += 1
        elif name == f"{TEXT} s":
            self._add(" " * min(MAX_TEXT + 1, _count(attributes.get(f"{TEXT} c", "1"), "text:c")))
        elif name in BREAKS:
            self._add(BREAKS[name])

    def _add(self, text: str) -> None:
        """More text of the cell: counted whole, kept up to one character more than a cell keeps (then cut)."""
        room = MAX_TEXT + 1 - min(self.text_length, MAX_TEXT + 1)
        self.text_length += len(text)
        if room:
            self.text.append(text[:room])

    def characters(self, text: str) -> None:
        if self.cell is not None and self.paragraphs and not self.aside and self.depth == 1:
            self._add(text)

    def end(self, name: str) -> None:
        if name == f"{TABLE} table":
            self.depth -= 1
        elif self.depth != 1:
            return
        elif name == ANNOTATION or name.startswith(DRAWING):
            self.aside -= 1
        elif name in CELLS and self.cell is not None:
            self._end_cell(self.cell)
            self.cell = None
        elif name == f"{TABLE} table-row":
            values = tuple(self.values)
            self.cells += sum(value is not None for value in values) * self.row_repeat
            if self.cells > MAX_CELLS:
                raise PlanReadError(
                    f"die Tabelle enthält mehr als {thousands(MAX_CELLS)} Zellen mit Inhalt; "
                    "ein Heil- und Kostenplan ist viel kleiner, bitte die Datei prüfen"
                )
            for _ in range(self.row_repeat if values else 0):
                self.row += 1
                self.keep(self.sheets[-1], self.row, values)
                if self.row_hidden:
                    self.hidden[self.sheets[-1]][0].add(self.row)
            if not values:
                self.row += self.row_repeat

    def _end_cell(self, attributes: dict[str, str]) -> None:
        try:
            value = _typed(attributes)
        except ValueError:  # a year 99999, a number that is none: the text the cell shows, which the importer names
            value = None if self.text else _written(attributes)
        text = "".join(self.text)
        if attributes.get(f"{CALCEXT} value-type") == "error":
            value = text  # "#DIV/0!", as Excel's error values are read
        elif value is None and f"{TABLE} formula" in attributes and f"{OFFICE} value-type" not in attributes:
            value = UNCACHED
        elif value is None and text:
            value = text if self.text_length <= MAX_TEXT else self.cut(text, self.text_length)
        if value is not None and self.column < self.columns:
            self.values += [None] * (self.column - len(self.values))
            self.values += [value] * min(self.cell_repeat, self.columns - self.column)
        elif self.covered:
            self._merged_down()
        if not self.covered:
            self._merge_starts(attributes, value)
        self.column += self.cell_repeat

    def _merge_starts(self, attributes: dict[str, str], value: Any) -> None:
        """A cell merged down over rows of its one column (a date written once for three lines): its value is each
        of those rows' (as Excel's files are read: estimator.io.sheets)."""
        rows = _count(attributes.get(f"{TABLE} number-rows-spanned", "1"), "number-rows-spanned")
        columns = attributes.get(f"{TABLE} number-columns-spanned", "1").strip()
        for column in range(self.column, min(self.column + self.cell_repeat, self.columns)):
            if rows > 1 and columns == "1" and value is not None:
                self.spans[column] = (value, self.row + rows)
            else:
                self.spans.pop(column, None)

    def _merged_down(self) -> None:
        """The covered cells of this row under a cell merged down: its value."""
        for column in range(self.column, min(self.column + self.cell_repeat, self.columns)):
            span = self.spans.get(column)
            if span is not None and self.row + 1 <= span[1]:
                self.values += [None] * (column - len(self.values))
                self.values.append(span[0])


def distinct(name: str, taken: Iterable[str]) -> str:
    """A sheet's name, told apart from the names taken before it as a reader's keys compare them (letter case and
    spaces around it aside): „Leistungen“ and „LEISTUNGEN “ in one file are „Leistungen“ and „LEISTUNGEN  (2)“, and
    the second is read as a further sheet – never laid over the first, whose lines were lost without a word."""
    keys = {other.strip().lower() for other in taken}
    if name.strip().lower() not in keys:
        return name
    number = 2
    while f"{name} ({number})".strip().lower() in keys:
        number += 1
    return f"{name} ({number})"


def read_ods(path: Path, keep: Keep, columns: int, cut: Cut, named: Named) -> dict[str, tuple[set[int], set[int]]]:
    """Read every sheet of an .ods: `keep(sheet, row number, values)` for each row with content, the values of
    its first `columns` columns; the sheets' names in their order, each with its hidden rows (those with content)
    and the indexes of its hidden columns among the first `columns`. PlanReadError when the file is refused."""
    with zipfile.ZipFile(source(path)) as archive:
        refuse_unreadable_ods(path, archive)
        reader = _Reader(keep, columns, cut, named)
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.StartDoctypeDeclHandler = _refused_declaration
        parser.EntityDeclHandler = _refused_declaration
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartElementHandler = reader.start
        parser.EndElementHandler = reader.end
        parser.CharacterDataHandler = reader.characters
        parser.buffer_text = True
        read = elements = 0
        try:
            with archive.open(CONTENT) as stream:
                while chunk := stream.read(1 << 20):
                    read += len(chunk)
                    if read > MAX_SHEET_BYTES:  # the directory said less: the file lies about its size
                        raise PlanReadError(f"content.xml ist größer als {megabytes(MAX_SHEET_BYTES)}")
                    elements += chunk.count(b"<") - chunk.count(b"</")  # as for a worksheet (sheetscan), before parsing
                    if elements > MAX_ELEMENTS:
                        raise PlanReadError(
                            f"mehr als {thousands(MAX_ELEMENTS)} XML-Elemente; so eine Tabelle schreibt kein "
                            "Tabellenprogramm, die Datei ist beschädigt oder nicht für einen Plan gemacht – bitte neu speichern"
                        )
                    parser.Parse(chunk, False)
                parser.Parse(b"", True)
        except PlanReadError as error:
            said = str(error)
            raise PlanReadError(said if said.startswith(path.name) else f"{path.name}: {said}") from None
    return reader.hidden
