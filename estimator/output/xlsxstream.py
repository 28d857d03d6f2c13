"""A workbook written row by row as the rows come, for the batch summary: each sheet's XML goes to an unnamed
temporary file (owner-only, gone when closed) and the workbook is put together at the end, so ten thousand plans
cost the same memory as ten. Text is always an inline string cell, never a formula; dates and amounts are numbers
with the sheet column's number format. Header row bold on blue, frozen, with a filter over the table."""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from decimal import Decimal
from typing import IO, Any

from estimator.money import german_number
from estimator.sheetcells import column_letter, plain_text
from estimator.xmltext import escape, quoteattr

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
EPOCH = dt.datetime(1899, 12, 30)  # day 0 of a workbook's dates (1900 date system)
MAX_COLUMNS = 16_384
MAX_ROWS = 1_048_576  # what a sheet holds; the last row says how many more there were
SHEET_NAME_REFUSED = re.compile(r"[][:*?/\\\x00-\x1f\ud800-\udfff\ufffe\uffff]|^'|'$")  # what a sheet name cannot hold
HEADER_STYLE = 1  # bold white on dark blue, vertically centred
FIRST_FORMAT_ID = 164  # number formats of our own are numbered from here (below are Excel's built-in ones)


def _serial(value: dt.date) -> float:
    """A date (and time) as the workbook's day number; days before 1 March 1900 one less, as spreadsheet programs
    count a 29 February 1900 that never was."""
    moment = value if isinstance(value, dt.datetime) else dt.datetime(value.year, value.month, value.day)
    since = moment.replace(tzinfo=None) - EPOCH
    days = since.days - (0 < since.days <= 60)
    return days + (since.seconds + since.microseconds / 1e6) / 86_400


def _number(value: float | Decimal) -> float:
    """A number as a cell holds it (a double); NaN where it has none (too large, or no number)."""
    try:
        return float(value)
    except (OverflowError, ValueError):
        return math.nan


def _text_cell(place: str, text: str) -> str:
    """A text as an inline string cell: never a formula, without what XML cannot hold, spaces kept (a carriage return
    written as a character reference: XML reads a bare one as a line feed)."""
    kept = escape(plain_text(text)).replace("\r", "&#13;")
    return f'<c {place} t="inlineStr"><is><t xml:space="preserve">{kept}</t></is></c>'


def _shown(value: object) -> str:
    try:
        return str(value)
    except ValueError:  # an integer of more digits than Python converts to text
        return f"({type(value).__name__} zu groß)"


class StreamedSheet:
    """One sheet: columns (name, width, number format or None) and its rows appended one by one."""

    def __init__(self, title: str, columns: Sequence[tuple[str, int, str | None]], styles: dict[str, int]) -> None:
        if not 0 < len(columns) <= MAX_COLUMNS:
            raise ValueError(f"{len(columns)} Spalten")
        self.title, self.rows, self.beyond = title, 0, 0
        self.letters = [column_letter(i) for i in range(len(columns))]
        self.styles = [styles.setdefault(fmt, len(styles) + 2) if fmt else 0 for _, _, fmt in columns]
        self.date_style = styles.setdefault("DD.MM.YYYY", len(styles) + 2)
        self.file: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - open while rows come; closed by the workbook
        widths = "".join(
            f'<col min="{i}" max="{i}" width="{width}" customWidth="1"/>' for i, (_, width, _) in enumerate(columns, 1)
        )
        self._write(
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
            '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
            'state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
            f"<cols>{widths}</cols><sheetData>"
        )
        self._row([name for name, _, _ in columns], [HEADER_STYLE] * len(columns))

    def _write(self, text: str) -> None:
        self.file.write(text.encode("utf-8"))

    def add(self, values: Sequence[Any]) -> None:
        """One row below the last; values beyond the columns are left out. Rows beyond what a sheet holds are
        counted, and the sheet's last row says how many they were."""
        if self.rows >= MAX_ROWS - 1:
            self.beyond += 1
            return
        self._row(values, self.styles)

    def _row(self, values: Sequence[Any], styles: Sequence[int]) -> None:
        self.rows += 1
        number = self.rows
        cells = []
        for letter, style, value in zip(self.letters, styles, values, strict=False):
            if value is None:
                continue
            place = f'r="{letter}{number}"' + (f' s="{style}"' if style else "")
            if isinstance(value, str):
                cells.append(_text_cell(place, value))
            elif isinstance(value, bool):
                cells.append(f'<c {place} t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, int) and abs(value) < 2**63:
                cells.append(f"<c {place}><v>{value}</v></c>")  # a whole number stays one, with all its digits
            elif isinstance(value, dt.date):
                date_place = f'r="{letter}{number}" s="{style or self.date_style}"'
                cells.append(f"<c {date_place}><v>{_serial(value)!r}</v></c>")
            elif isinstance(value, int | float | Decimal) and math.isfinite(figure := _number(value)):
                cells.append(f"<c {place}><v>{figure!r}</v></c>")
            else:  # what no cell type holds is written as its text (a number beyond a double's range, NaN)
                cells.append(_text_cell(place, _shown(value)))
        self._write(f'<row r="{number}">{"".join(cells)}</row>')

    def finish(self) -> IO[bytes]:
        """The sheet's XML, complete and read from its start."""
        if self.beyond:
            more = f"… und {german_number(Decimal(self.beyond), 0)} weitere Zeilen, die ein Tabellenblatt nicht mehr fasst"
            self._row([more], [0])
        self._write(f'</sheetData><autoFilter ref="A1:{self.letters[-1]}{self.rows}"/></worksheet>')
        self.file.seek(0)
        return self.file


class StreamedWorkbook:
    """Sheets in the order made; finish() gives the workbook's bytes and closes the temporary files."""

    def __init__(self) -> None:
        self.sheets: list[StreamedSheet] = []
        self.formats: dict[str, int] = {}  # number format -> its cell style index

    def sheet(self, title: str, columns: Sequence[tuple[str, int, str | None]]) -> StreamedSheet:
        """A new sheet; its name as spreadsheet programs allow one (1 to 31 characters, none of []:*?/\\, unique)."""
        taken = {sheet.title.lower() for sheet in self.sheets}
        if not 0 < len(title) <= 31 or SHEET_NAME_REFUSED.search(title) or title.lower() in taken:
            raise ValueError(f"Blattname {title!r} nicht möglich")
        sheet = StreamedSheet(title, columns, self.formats)
        self.sheets.append(sheet)
        return sheet

    def close(self) -> None:
        for sheet in self.sheets:
            sheet.file.close()

    def finish(self) -> bytes:
        stream = io.BytesIO()
        try:
            with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as book:
                book.writestr("[Content_Types].xml", self._content_types())
                book.writestr("_rels/.rels", _RELS)
                book.writestr("xl/workbook.xml", self._workbook())
                book.writestr("xl/_rels/workbook.xml.rels", self._workbook_rels())
                book.writestr("xl/styles.xml", self._styles())
                for number, sheet in enumerate(self.sheets, start=1):
                    with book.open(f"xl/worksheets/sheet{number}.xml", "w", force_zip64=True) as target:  # > 2 GiB too
                        shutil.copyfileobj(sheet.finish(), target)
        finally:
            self.close()
        return stream.getvalue()

    def _content_types(self) -> str:
        sheets = "".join(
            f'<Override PartName="/xl/worksheets/sheet{n}.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for n in range(1, len(self.sheets) + 1)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            f"{sheets}</Types>"
        )

    def _workbook(self) -> str:
        sheets = "".join(
            f'<sheet name={quoteattr(s.title)} sheetId="{n}" r:id="rId{n}"/>' for n, s in enumerate(self.sheets, start=1)
        )
        filters = "".join(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{n}" hidden="1">'
            f"{escape(_quoted(s.title))}!$A$1:${s.letters[-1]}${s.rows}</definedName>"
            for n, s in enumerate(self.sheets)
        )
        return (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
            f"<bookViews><workbookView/></bookViews><sheets>{sheets}</sheets><definedNames>{filters}</definedNames></workbook>"
        )

    def _workbook_rels(self) -> str:
        kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        sheets = "".join(
            f'<Relationship Id="rId{n}" Type="{kind}/worksheet" Target="worksheets/sheet{n}.xml"/>'
            for n in range(1, len(self.sheets) + 1)
        )
        styles = f'<Relationship Id="rId{len(self.sheets) + 1}" Type="{kind}/styles" Target="styles.xml"/>'
        return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PACKAGE}">{sheets}{styles}</Relationships>'

    def _styles(self) -> str:
        ordered = sorted(self.formats.items(), key=lambda item: item[1])
        formats = "".join(
            f'<numFmt numFmtId="{FIRST_FORMAT_ID + i}" formatCode={quoteattr(fmt)}/>' for i, (fmt, _) in enumerate(ordered)
        )
        cells = "".join(
            f'<xf numFmtId="{FIRST_FORMAT_ID + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
            for i in range(len(ordered))
        )
        return (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{MAIN}">'
            f'<numFmts count="{len(ordered)}">{formats}</numFmts>'
            '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
            '<font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/></font></fonts>'
            '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
            '<fill><patternFill patternType="solid"><fgColor rgb="FF1F4E79"/><bgColor indexed="64"/></patternFill></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{2 + len(ordered)}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">'
            f'<alignment vertical="center"/></xf>{cells}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
        )


def _quoted(title: str) -> str:
    """A sheet name as a reference writes it: 'Übersicht' (quotes doubled inside)."""
    return "'" + title.replace("'", "''") + "'"


_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<Relationships xmlns="{PACKAGE}"><Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
