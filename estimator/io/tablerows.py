"""The rows of a plan's table as a header maps them: each cell read by its column's name, the first problem of
each cell a finding with its sheet and cell; what is no line – total rows, notes between the lines, the header
again, empty rows – skipped and said; header cells not read said too."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from estimator.cells import MAX_TEXT, CellError, PlanReadError, parse_date, short_text
from estimator.cells import text_key as _key
from estimator.codes import Code
from estimator.io.columns import (
    ERROR_VALUES,
    LAB_COLUMNS,
    ONE_SHEET_COLUMNS,
    TOTAL_COMPOUND,
    TOTAL_WORD,
    VAT_WORD,
    columns_missing,
    is_lab_mark,
    names_costs,
)
from estimator.io.sheetroles import Header, header_mapping
from estimator.io.sheets import MAX_TITLE_ROWS, CutText, Sheet, day_from_1900
from estimator.io.sheetscan import UNCACHED
from estimator.kinds import Severity
from estimator.model import Finding
from estimator.phrases import say
from estimator.sessionnames import day_beside_session, session_of
from estimator.sheetcells import column_letter
from estimator.teeth import ToothError

TEXT_FIELDS = ("Leistung", "Begründung")  # text that is kept, cut to MAX_TEXT characters, when longer
DIGIT = re.compile(r"\d")
# a fee table's column of what the fee schedule says (the points, the simple fee), which the program takes from it
SCHEDULE_COLUMN_WORDS = ("punkte", "punktzahl", "punktwert", "einfachsatz", "einfachgebühr", "einfachgebuehr", "einfacherbetrag")
DITTO = frozenset({'"', "〃", "''", "„", "“", "dto", "dto.", "do.", "ditto", "detto", "desgl.", "dito"})
ORDINAL = re.compile(r"^\s*\d{1,2}\.\s*")  # „1. Sitzung“
HEADING_WORDS = (  # the first words of a heading between the lines (compared as text_key makes them)
    "honorar",
    "zahnärztlich",
    "zahnaerztlich",
    "ärztlich",
    "leistungen",
    "sitzung",
    "termin",
    "behandlungsabschnitt",
    "behandlungsphase",
    "behandlungstag",
    "abschnitt",
    "phase",
    "materialund",
    "laborkosten",
    "materialkosten",
    "fremdlabor",
    "eigenlabor",
    "zahntechni",
)
LAB_WORDS = ("labor", "material", "zahntechni")  # a heading naming one of them heads lab lines (as text_key makes it)
NO_RESULT = "(Formel ohne gespeichertes Ergebnis)"  # a left-out row's cell that held one: read again, it is one again


class RowReader:
    """Reads the cells of one table row by column name; collects the first problem of each cell."""

    def __init__(self, sheet: str, row: int, values: tuple[Any, ...], mapping: dict[str, int]) -> None:
        self.sheet, self.row, self.values, self.mapping = sheet, row, values, mapping
        self.problems: list[Finding] = []  # errors: the line is left out
        self.titles: dict[str, str] = {}  # a column read as another: the name its header gives it (Menge as Anzahl)
        self.notes: list[Finding] = []  # warnings: the line is read
        self.lab = False  # a row below a lab table's own header in the fee sheet (table_rows)
        self.vat: int | None = None  # a row of the VAT of the lab lines above: the column of its text (table_rows)
        self.total: int | None = None  # a total row, no line: the column of its word or amount (table_rows)
        self.from_1904 = False  # the workbook counts days from 1904 (table_rows)
        self.session = ""  # what the date column says instead of a day: a session, or that it is not set (line_date)

    def raw(self, name: str) -> Any:
        index = self.mapping.get(name)
        if index is None or index >= len(self.values):
            return None
        value = self.values[index]
        if value is UNCACHED or value == NO_RESULT:
            self.problem(name, Code.INPUT_FORMULA)
            return None
        if isinstance(value, str) and (value.strip().upper() in ERROR_VALUES or value.startswith("Err:")):
            severity = Severity.WARNING if name in TEXT_FIELDS else Severity.ERROR  # a text is read as empty
            self.problem(name, Code.INPUT_ERROR_VALUE, severity, value=value.strip()[:20])
            return None
        if isinstance(value, CutText):
            if name not in TEXT_FIELDS:
                self.problem(name, Code.INPUT_TOO_LONG, length=value.length)
                return None
            self.problem(name, Code.INPUT_TEXT_CUT, Severity.WARNING, length=value.length, limit=MAX_TEXT)
        return None if isinstance(value, str) and not value.strip() else value

    def line_date(self) -> Any:
        """A line's treatment day, None when empty or a session is named instead („1. Sitzung“, „nach Absprache“),
        kept in `session` (estimator.sessionnames.session_of). A day beside a session („12.03.2026 1. Sitzung“,
        „Termin (10.03.2026)“) is the day; a text with another day in it is asked about."""
        value = self.raw("Datum")
        value = day_from_1900(value, self.from_1904)
        if not isinstance(value, str):  # a date cell, or empty
            return self.parsed("Datum", value, parse_date)
        if day := day_beside_session(value):
            try:
                return parse_date(day)
            except CellError:
                pass  # „10.03.“: a day without its year, asked about below
        if session := session_of(value):
            self.session = session
            return None
        return self.parsed("Datum", value, parse_date)

    def get(self, name: str, parse: Any, default: Any = None) -> Any:
        return self.parsed(name, self.raw(name), parse, default)

    def parsed(self, name: str, value: Any, parse: Any, default: Any = None) -> Any:
        """A value read from the cell of `name` (raw), parsed; its problem recorded, the default instead."""
        if value is None:
            return default
        try:
            return parse(value)
        except (CellError, ToothError) as error:
            self.problem(name, Code.INPUT_CELL, problem=error.phrase)
            return default

    def problem(self, name: str, code: Code, severity: Severity = Severity.ERROR, **values: Any) -> None:
        """Record a problem of one cell (once per cell), named by sheet, cell and column; an error costs the line."""
        letter = column_letter(self.mapping[name]) if name in self.mapping else ""
        if any(f.column == letter and letter for f in self.problems + self.notes):
            return
        cell = f"{self.sheet}!{letter}{self.row}" if letter else f"{self.sheet}!{self.row}:{self.row}"  # the row
        phrase = say(code, cell=cell, field=self.titles.get(name, name), **values)
        finding = Finding(severity, phrase, self.sheet, self.row, letter)
        (self.problems if severity is Severity.ERROR else self.notes).append(finding)


def _total_column(values: tuple[Any, ...], mapping: dict[str, int]) -> int | None:
    """The column of the word that makes a row a total row: Summe, Gesamt, … first in one of its first two texts
    („Summe Honorar“), or last („Materialkosten gesamt“) in a row that names no day, tooth or count (a line does); or
    the amount column of a row holding nothing but an amount."""
    filled = [index for index, value in enumerate(values) if value is not None and str(value).strip()]
    if filled and filled == [mapping.get("Betrag")] and not isinstance(values[filled[0]], str):
        return filled[0]  # an amount alone, without its word: a subtotal („=SUMME(H8:H13)“)
    texts = [(index, value) for index, value in enumerate(values) if isinstance(value, str) and value.strip()][:2]
    bare = all(cell_value(values, mapping, name) is None for name in ("Datum", "Zahn", "Anzahl", "Menge", "Faktor"))
    return next(
        (
            index
            for index, text in texts
            if TOTAL_WORD.fullmatch(_key(text.split()[0]))
            or (bare and (TOTAL_COMPOUND.fullmatch(_key(text.split()[0])) or TOTAL_WORD.fullmatch(_key(text.split()[-1]))))
        ),
        None,
    )


def _vat_column(values: tuple[Any, ...]) -> int | None:
    """The column of a row's first text when it names the value-added tax („zzgl. 7 % MwSt“, „USt 19 %“; not „zzgl.
    Laborkosten“)."""
    first = next(((index, value) for index, value in enumerate(values) if isinstance(value, str) and value.strip()), None)
    return first[0] if first and any(VAT_WORD.fullmatch(_key(word)) for word in first[1].split()[:4]) else None


def cell_value(values: tuple[Any, ...], mapping: dict[str, int], name: str) -> Any:
    """A row's cell under a column as it is (a formula without a result too), None when empty; no finding."""
    index = mapping.get(name)
    return values[index] if index is not None and index < len(values) and values[index] not in ("", None) else None


def _may_be_header(values: tuple[Any, ...], mapping: dict[str, int], columns: dict[str, tuple[str, ...]]) -> bool:
    """Whether a row may be the header again: its cell under Nr names the column Nr (the whole row is compared only
    then - comparing every row's cells with the column names was a fifth of reading a plan)."""
    number = mapping["Nr"]
    return number < len(values) and values[number] is not None and _key(values[number]) in columns["Nr"]


def _table_header(values: tuple[Any, ...]) -> tuple[dict[str, int], bool] | None:
    """A table's own header among the lines of a sheet, with whether it is a lab table's: a row of texts only (a
    line has a day or a figure in most cells, a header in few: „MwSt 7 %“) naming a number and two more columns – a
    unit price and neither a factor nor a GO: a lab table's (below the fees); else the fees'; its columns, else None."""
    texts = figures = 0
    for value in values:
        if value is not None and not isinstance(value, str):
            return None
        texts += value is not None
        figures += value is not None and DIGIT.search(value) is not None
    if texts < 3 or 2 * figures >= texts:
        return None
    fees = header_mapping(values, ONE_SHEET_COLUMNS)
    if "Nr" not in fees or len(fees) < 3:
        return None
    if "GO" in fees or "Faktor" in fees or "Einzelpreis" not in fees:
        return fees, False
    return header_mapping(values, LAB_COLUMNS), True


def table_rows(
    sheet: Sheet,
    header: Header | None,
    columns: dict[str, tuple[str, ...]],
    findings: list[Finding],
    headers: list[tuple[int, dict[str, int]]] | None = None,
) -> Iterator[RowReader]:
    """The rows of a table below its header that may be lines, each with the columns of its header; what is no line
    (a total, a note, the header again) said. A fee table may hold a lab table with its own header below its lines,
    and the fees again below that: each such header is added to `headers` (row number, columns)."""
    if header is None:
        findings.append(Finding(Severity.ERROR, say(Code.INPUT_NO_HEADER, sheet=sheet.name, rows=MAX_TITLE_ROWS), sheet.name))
        return
    position, mapping = header
    _column_findings(sheet, position, mapping, columns, findings)
    empty: list[int] = []  # the empty rows between lines, said at the end (not those below the last): how many,
    skipped, last = 0, sheet.rows[position][0]  # the first ten named; a sheet's rows may leave empty ones out
    lab = False  # below a lab table's own header in the fee sheet
    lab_heading = False  # below a heading „Material- und Laborkosten“ in a table of fees, in its columns
    heading: Finding | None = None  # what such a heading said, until a row below it is read
    heading_at = 0  # where in `findings` (looked up there, the findings of 10.000 headings took two minutes)
    noted: Finding | None = None  # what it says when the row below shows it was a note („Laborkosten siehe Anlage“)
    above: tuple[Any, ...] | None = None  # the line above, whose values a ditto mark repeats
    for place, (number, values) in enumerate(sheet.rows[position + 1 :], start=position + 1):
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        skipped += number - last - 1
        empty += range(last + 1, min(number, last + 1 + 10 - len(empty)))
        last = number
        if _may_be_header(values, mapping, columns) and header_mapping(values, columns) == mapping:  # as a page begins
            phrase = say(Code.INPUT_HEADER_AGAIN, cell=f"{sheet.name}!{column_letter(mapping['Nr'])}{number}")
            findings.append(Finding(Severity.INFO, phrase, sheet.name, number, column_letter(mapping["Nr"])))
            continue
        below = _table_header(values) if columns is ONE_SHEET_COLUMNS or lab else None  # „Material- und Laborkosten“
        if below is not None and below[1] and numbers_count_rows(sheet, place, below[0]["Nr"]):
            raise PlanReadError(
                f"Blatt {sheet.name}, Zeile {number}: die Spalte „Nr“ der Labortabelle zählt die Zeilen (1, 2, 3 …) und "
                "nennt keine Laborcodes; bitte die Spalte mit den Nummern der Laborpreisliste angeben (wie in der Vorlage: "
                "hkp template)"
            )
        if below is not None and below[0] != mapping:
            if heading is not None:  # a table's own header right below the heading: it says what its rows are
                del findings[_place(findings, heading, heading_at)]
            lab_heading, heading = False, None
            mapping, lab = below
            columns = LAB_COLUMNS if lab else ONE_SHEET_COLUMNS
            _column_findings(sheet, place, mapping, columns, findings)
            letter = column_letter(mapping["Nr"])
            phrase = say(Code.INPUT_LAB_TABLE_BELOW if lab else Code.INPUT_FEE_TABLE_BELOW, cell=f"{sheet.name}!{letter}{number}")
            findings.append(Finding(Severity.INFO, phrase, sheet.name, number, letter))
            if headers is not None:
                headers.append((number, mapping))
            above = None
            continue
        total = _total_column(values, mapping)
        number_cell = values[mapping["Nr"]] if mapping["Nr"] < len(values) else None
        numbered = bool(str(number_cell or "").strip())
        if total is not None and total != mapping["Nr"] and numbered:
            total = None  # a row with a number is a line, also when its text begins "Totalprothese"
        if total is not None:
            letter = column_letter(total)
            phrase = say(Code.INPUT_TOTAL_ROW, cell=f"{sheet.name}!{letter}{number}")
            findings.append(Finding(Severity.INFO, phrase, sheet.name, number, letter))
            reader = RowReader(sheet.name, number, values, mapping)
            reader.total = total  # the caller compares its amount with the lines' (estimator.io.tabletotals)
            yield reader
            continue
        reader = RowReader(sheet.name, number, values, mapping)
        reader.from_1904, reader.lab = sheet.from_1904, lab or (lab_heading and _lab_row(values, mapping))
        if not numbered and (column := _vat_column(values)) is not None:
            reader.vat = column  # „zzgl. 7 % MwSt“ under the lab lines: the caller compares it with theirs
            yield reader
            continue
        comment = _comment_column(values, mapping)
        if comment is not None:
            letter, said = column_letter(comment), short_text(" ".join(str(values[comment]).split()), 60)
            cell = f"{sheet.name}!{letter}{number}"
            section = _section(str(values[comment])) if columns is not LAB_COLUMNS and not lab else None
            if section is not None and section != lab_heading:  # the rows below are lab lines, or fees
                code = Code.INPUT_LAB_HEADING if section else Code.INPUT_FEE_HEADING
                lab_heading, heading = (
                    section,
                    Finding(Severity.INFO, say(code, cell=cell, text=said), sheet.name, number, letter),
                )
                noted = Finding(Severity.INFO, say(Code.INPUT_COMMENT_ROW, cell=cell, text=said), sheet.name, number, letter)
                heading_at = len(findings)
                findings.append(heading)
                above = None
                continue
            alternative = "alternativ" in said.lower()  # „Alternative 2“: the lines below are counted with the others
            code = Code.INPUT_ALTERNATIVE if alternative else Code.INPUT_COMMENT_ROW
            phrase = say(code, cell=cell, text=said)
            findings.append(Finding(Severity.WARNING if alternative else Severity.INFO, phrase, sheet.name, number, letter))
            continue
        if above is not None and (ditto := _ditto(values)):  # „"“, „dto.“: the line above's value
            reader.values = tuple(above[k] if k in ditto and k < len(above) else value for k, value in enumerate(values))
            letter = column_letter(min(ditto))
            findings.append(
                Finding(Severity.INFO, say(Code.INPUT_DITTO, cell=f"{sheet.name}!{letter}{number}"), sheet.name, number, letter)
            )
        if heading is not None and noted is not None and lab_heading and not reader.lab:  # it was a note: the line below is a fee
            findings[_place(findings, heading, heading_at)], lab_heading = noted, False
        above, heading = reader.values, None
        yield reader
    if skipped:
        rows = ", ".join(str(n) for n in empty) + (", …" if skipped > len(empty) else "")
        findings.append(
            Finding(Severity.INFO, say(Code.INPUT_EMPTY_ROWS, sheet=sheet.name, count=skipped, rows=rows), sheet.name)
        )


def _place(findings: list[Finding], finding: Finding, at: int) -> int:
    """Where a finding stands in the list: where it was put (`at`), else found."""
    return at if at < len(findings) and findings[at] is finding else findings.index(finding)


def numbers_count_rows(sheet: Sheet, position: int, column: int) -> bool:
    """Whether a lab table's number column only counts its rows – whole numbers 1, 2, 3 … under a header that names
    no lab code („Pos“, „Nr“: a lab invoice's) – rather than naming lab codes (1 and 2 would be read as lab codes of
    the list; under „Lab.-Nr.“ they are the list's first codes, whose zeros Excel dropped)."""
    header = sheet.rows[position][1]
    if column >= len(header) or _key(str(header[column])) not in GENERIC_NUMBER:
        return False
    numbers = [values[column] for _, values in sheet.rows[position + 1 :] if column < len(values) and values[column] is not None]
    return len(numbers) > 1 and numbers == list(range(1, len(numbers) + 1))


GENERIC_NUMBER = ("nr", "nummer", "pos")  # number columns by a name that says nothing of lab codes


def _ditto(values: tuple[Any, ...]) -> set[int]:
    """The columns of a row holding a ditto mark („"“, „〃“, „dto.“): the value of the line above is meant."""
    return {k for k, value in enumerate(values) if isinstance(value, str) and value.strip().lower() in DITTO}


def _comment_column(values: tuple[Any, ...], mapping: dict[str, int]) -> int | None:
    """The column of a row's only cell when that is a sentence in a column for no text (a note between the lines,
    „Hinweis: Krone folgt im HKP II“ under Datum): no line, said as a note. A text alone under Leistung is a line
    whose number is missing, and stays one."""
    filled = [(index, value) for index, value in enumerate(values) if value is not None and str(value).strip()]
    if len(filled) != 1 or not isinstance(filled[0][1], str):
        return None
    index, text = filled[0]
    if index == mapping.get("Leistung"):
        return index if _is_heading(text) else None
    is_words = sum(c.isalpha() for c in text) > len(text) // 2  # „Honorar“, „1. Sitzung“: no value of a column
    return index if is_words and index not in (mapping.get(name) for name in ("Nr", "Begründung")) else None


def _section(text: str) -> bool | None:
    """What a heading between the lines begins: lab lines (True: „Material- und Laborkosten“, „Fremdlabor Müller“),
    fees (False: any other heading, „Honorar“, „2. Sitzung“), or neither (None: a note)."""
    if not _is_heading(text):
        return None
    return any(word in _key(text) for word in LAB_WORDS)


def _lab_row(values: tuple[Any, ...], mapping: dict[str, int]) -> bool:
    """Whether a row below a lab heading is a lab line: no fee schedule in its GO cell (empty, or a lab mark) and no
    factor – a fee line below a note „Laborkosten siehe Anlage“ has its factor, and stays one."""
    go, factor = cell_value(values, mapping, "GO"), cell_value(values, mapping, "Faktor")
    return (go is None or not str(go).strip() or is_lab_mark(go)) and (factor is None or not str(factor).strip())


def _is_heading(text: str) -> bool:
    """Whether a text alone under Leistung heads the lines below („Honorar“, „1. Sitzung“, „Leistungen nach GOÄ“,
    „Material- und Laborkosten“) rather than naming a service whose number is missing (a line left out)."""
    words = ORDINAL.sub("", text).split()
    return 0 < len(words) <= 5 and not DIGIT.search(" ".join(words)) and _key(" ".join(words)).startswith(HEADING_WORDS)


def _column_findings(
    sheet: Sheet, position: int, mapping: dict[str, int], columns: dict[str, tuple[str, ...]], findings: list[Finding]
) -> None:
    """Say which header cells are not read, and which columns with a default are missing (their default is used)."""
    number, values = sheet.rows[position]
    for index, value in enumerate(values):
        title = "" if value is None or index in mapping.values() else " ".join(str(value).split())
        if not title:
            continue
        letter, key = column_letter(index), _key(title)
        cell = f"{sheet.name}!{letter}{number}"
        name = next((name for name, synonyms in columns.items() if key in synonyms), None)
        beside = index <= max(mapping.values()) + 1  # a note far to the right („Material bestellen“) is no column
        if name is None and beside and names_costs(key, columns):  # costs beside the fees
            phrase = say(Code.INPUT_COST_COLUMN, cell=cell, title=title[:40])
            findings.append(Finding(Severity.WARNING, phrase, sheet.name, number, letter))
            continue
        if name is None:
            code = Code.INPUT_COLUMN_FROM_SCHEDULE if key.startswith(SCHEDULE_COLUMN_WORDS) else Code.INPUT_COLUMN_UNKNOWN
            findings.append(Finding(Severity.INFO, say(code, cell=cell, title=title[:40]), sheet.name, number, letter))
            continue
        taken = " ".join(str(values[mapping[name]]).split())[:40]
        phrase = say(
            Code.INPUT_COLUMN_TWICE, cell=cell, title=title[:40], column=name, letter=column_letter(mapping[name]), taken=taken
        )
        findings.append(Finding(Severity.WARNING, phrase, sheet.name, number, letter))
    findings += columns_missing(sheet.name, number, columns, mapping)
