"""A workbook's sheets as bounded rows of cell values: the file checked before it is opened (estimator.io.xlsxguard),
cached formula results, long texts cut, every limit on rows, columns and text kept. No plan is read here.

A workbook is read by python-calamine (whole, fast) when the check says its grids fit in bounded memory, else
streamed by openpyxl; both give the same rows. What a grid does not tell (a formula without a saved result,
an error value's text) comes from the check's detailed reading of those sheets."""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from estimator.cells import MAX_SHEET_NAME, MAX_TEXT, PlanReadError, shown
from estimator.files import is_text, not_a_file
from estimator.io.odsread import distinct, is_ods, read_ods
from estimator.io.sheetscan import MAX_COLUMNS, Survey, refuse_reader_traps, special_cells, survey_workbook
from estimator.io.snapshot import open_binary, snapshot, source
from estimator.io.xlsxguard import damaged, refuse_unreadable, thousands
from estimator.model import MAX_LINES

MAX_TITLE_ROWS = 20
MIDNIGHT = dt.time(0, 0)


EXCEL_ROW_LIMIT = 1_048_576


MAX_TOTAL_TEXT = 16_000_000  # characters of text the reader keeps from all cells together


def named(name: str) -> str:
    """A sheet's name as messages and lookups use it: at most MAX_SHEET_NAME characters."""
    return name if len(name) <= MAX_SHEET_NAME else name[:MAX_SHEET_NAME] + "…"


class CutText(str):
    """The first MAX_TEXT characters of a longer cell text; `length` is how long the cell was."""

    length: int

    @classmethod
    def of(cls, text: str, length: int | None = None) -> CutText:
        """The beginning of text; length: how long the cell was, when text is already only its beginning."""
        cut = cls(text[:MAX_TEXT])
        cut.length = len(text) if length is None else length
        return cut


Numbered = tuple[int, tuple[Any, ...]]  # a row's number in the sheet and its values


DAYS_1900_TO_1904 = 1_462  # what a workbook counting from 1904 adds to a day's number


@dataclass
class Sheet:
    name: str
    rows: list[Numbered]
    hidden_rows: frozenset[int] = frozenset()  # rows hidden in the spreadsheet program, read like any other
    hidden_columns: frozenset[int] = frozenset()  # the indexes (from 0) of hidden columns, likewise
    hidden: bool = False  # the sheet itself hidden (or „very hidden“, which Excel's menus do not show), read likewise
    from_1904: bool = False  # its workbook counts days from 1904: a date as a plain number is read so


def day_from_1900(value: Any, from_1904: bool) -> Any:
    """A date's plain number in a workbook counting days from 1904 as the number of that day counted from 1900, as the
    cell parsers count (a date cell is read as the date it shows); any other value as it is."""
    plain = isinstance(value, int | float) and not isinstance(value, bool) and value > 1
    return value + DAYS_1900_TO_1904 if from_1904 and plain else value


def open_workbook(path: Path, streamed: bool | None = None) -> dict[str, Sheet]:
    """Read every sheet's rows (values only, cached formula results), refusing what is not a workbook; as a
    grid when it fits in bounded memory, else streamed (`streamed` chooses, for a comparison of the two)."""
    reason = not_a_file(path)
    if reason:
        raise PlanReadError(reason)
    with snapshot(path):  # the checks and the readers read the same bytes
        return _sheets(path, streamed)


def _sheets(path: Path, streamed: bool | None) -> dict[str, Sheet]:
    ods = is_ods(path)
    if not ods:
        refuse_unreadable(path)
    try:
        survey = Survey() if ods else survey_workbook(path)
    except PlanReadError:
        raise
    except Exception as error:  # a damaged zip entry: bad CRC, truncated deflate stream, ...
        raise damaged(path, error) from None
    budget = TextBudget(path)
    try:
        if ods:
            return _ods_sheets(path, budget)
        if streamed if streamed is not None else not survey.fits_grid:
            return _streamed_sheets(path, survey, budget)
        try:
            return _grid_sheets(path, survey, budget)
        except _GridFailed as failed:
            if "error value" not in str(failed.error):  # openpyxl passes over a row 0 and reads a boolean „2“ as WAHR:
                raise _bad_cell(path, failed.sheet, failed.error) from None  # refused, not read with a line lost unsaid
            try:  # an error value python-calamine does not know (a newer Excel's, #SPILL!): openpyxl takes its text
                return _streamed_sheets(path, survey, TextBudget(path))
            except Exception:
                raise _bad_cell(path, failed.sheet, failed.error) from None
    except PlanReadError:
        raise
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # readers raise many kinds for damaged files (python-calamine: also a panic)
        raise damaged(path, error) from None


def calamine_workbook(path: Path) -> Any:
    """The workbook opened by python-calamine; a file whose name is not UTF-8 (bytes from another system, which the
    reader cannot take as a name) is handed to it as an open file."""
    from python_calamine import CalamineWorkbook  # noqa: PLC0415 - loaded only when a workbook is read

    opened = source(path)  # the snapshot's bytes when one is taken
    if not isinstance(opened, Path) or not is_text(path) or path.suffix.lower() not in (".xlsx", ".xlsm"):
        with open_binary(path) as file:  # by its content, not by its name
            return CalamineWorkbook.from_filelike(file)
    return CalamineWorkbook.from_path(str(path))


def sheet_names(path: Path) -> tuple[str, ...]:
    """The names of a workbook's sheets, in order; none for a file that is no workbook or is damaged – checked as a
    plan is before the reader opens it (a file that is there already, looked at before it is replaced)."""
    try:
        with snapshot(path):  # checked and read alike
            if not is_ods(path):
                refuse_unreadable(path)
                refuse_reader_traps(path)
            with calamine_workbook(path) as workbook:
                return tuple(workbook.sheet_names)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # readers raise many kinds for damaged files (python-calamine: also a panic)
        return ()


def _grid_sheets(path: Path, survey: Survey, budget: TextBudget) -> dict[str, Sheet]:
    from python_calamine import SheetTypeEnum, SheetVisibleEnum  # noqa: PLC0415 - loaded only when a workbook is read

    sheets: dict[str, Sheet] = {}
    with calamine_workbook(path) as workbook:
        for meta in workbook.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet:
                continue  # chart and macro sheets hold no rows
            part, name = survey.parts.get(meta.name, ""), named(meta.name)
            try:
                sheet = workbook.get_sheet_by_name(meta.name)
                grid = enumerate(sheet.to_python(skip_empty_area=False), start=1)
                special = by_row(special_cells(path, part)) if survey.detailed(part) else {}
                merged = merged_ranges(sheet.merged_cell_ranges or ())
                filled: Iterable[tuple[int, Sequence[Any]]] = _carried_down(grid, merged) if merged else grid
                numbered = ((number, _values(cells, number, special)) for number, cells in filled)
                rows = _bounded_rows(path, name, numbered, budget)
            except PlanReadError:
                raise
            except Exception as error:  # a cell the reader cannot convert: read by the other reader, else said
                raise _GridFailed(name, error) from None
            name = distinct(name, sheets)
            sheets[name.strip().lower()] = _sheet(name, rows, survey, part, meta.visible != SheetVisibleEnum.Visible)
    return sheets


def _sheet(name: str, rows: list[Numbered], survey: Survey, part: str, hidden: bool) -> Sheet:
    """A sheet of an Excel workbook, with the rows and columns the survey found hidden."""
    scan = survey.scans.get(part)
    if scan is None:
        return Sheet(name, rows, hidden=hidden, from_1904=survey.from_1904)
    return Sheet(name, rows, frozenset(scan.hidden_rows), frozenset(scan.hidden_columns), hidden, survey.from_1904)


def merged_ranges(merged: Any) -> list[tuple[int, int, int]]:
    """python-calamine's merged ranges ((first row, column), (last row, column)), counted from 0, that lie down one
    column, as (column, first row, last row) with rows counted from 1, as _carried_down takes them."""
    return [(first[1], first[0] + 1, last[0] + 1) for first, last in merged if first[1] == last[1] and first[0] < last[0]]


def _ods_sheets(path: Path, budget: TextBudget) -> dict[str, Sheet]:
    """An OpenDocument spreadsheet's sheets (estimator.io.odsread), with the limits of a workbook from Excel."""
    rows = RowKeeper(path)

    last: list[tuple[Any, ...]] = [(), ()]  # a repeated row comes as the same tuple: converted once

    def keep(sheet: str, number: int, values: tuple[Any, ...]) -> None:
        if values is not last[0]:
            last[:] = [values, budget.keep(tuple(_plain(value) for value in values))]
        else:
            budget.keep(last[1])  # its text counts once more
        rows.keep(sheet, number, last[1])

    hidden = read_ods(path, keep, MAX_COLUMNS, CutText.of, named)
    return {
        name.strip().lower(): Sheet(name, rows.kept.get(name, []), frozenset(hidden_rows), frozenset(hidden_columns))
        for name, (hidden_rows, hidden_columns) in hidden.items()
    }


def by_row(special: dict[tuple[int, int], object]) -> dict[int, list[tuple[int, object]]]:
    """The special cells of a sheet grouped by row: each row looks at its own only."""
    rows: dict[int, list[tuple[int, object]]] = {}
    for (row, index), value in special.items():
        rows.setdefault(row, []).append((index, value))
    return rows


def _values(cells: Sequence[Any], number: int, special: dict[int, list[tuple[int, object]]]) -> tuple[Any, ...]:
    """A row as both readers give it: no value for an empty cell, whole numbers as int, no empty cells at its end."""
    values = [_plain(value) for value in cells[:MAX_COLUMNS]]
    for index, value in special.get(number, ()) if special else ():
        if index < MAX_COLUMNS:
            values += [None] * (index + 1 - len(values))
            values[index] = value
    while values and values[-1] is None:
        values.pop()
    return tuple(values)


def _plain(value: Any) -> Any:
    """One cell's value as both readers give it: None for empty, a whole number as int, a date without time as date."""
    kind = type(value)
    if kind is str:
        return value or None
    if kind is float:
        return int(value) if value.is_integer() and abs(value) < 1e15 else value
    if kind is dt.datetime and value.time() == MIDNIGHT:
        return value.date()
    return value


def _streamed_sheets(path: Path, survey: Survey, budget: TextBudget) -> dict[str, Sheet]:
    import openpyxl  # noqa: PLC0415 - heavy; loaded only when a workbook needs to be streamed

    sheets: dict[str, Sheet] = {}
    with open_binary(path) as stream:  # closed here even when openpyxl gives up half-way
        workbook = openpyxl.load_workbook(stream, read_only=True, data_only=True, keep_links=False)
        try:
            for worksheet in workbook.worksheets:
                if not hasattr(worksheet, "iter_rows"):
                    continue  # chart sheets hold no rows
                if hasattr(worksheet, "reset_dimensions"):
                    worksheet.reset_dimensions()
                part, name = str(getattr(worksheet, "_worksheet_path", "")).lstrip("/"), named(worksheet.title)
                try:
                    special = by_row(special_cells(path, part)) if survey.detailed(part) else {}
                    cells = worksheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)
                    scan = survey.scans.get(part)
                    there = _rows_there(cells, special)
                    rows = _bounded_rows(path, name, _carried_down(there, scan.merged_down if scan else []), budget)
                except PlanReadError:
                    raise
                except Exception as error:  # a cell openpyxl cannot convert: say in which sheet
                    raise _bad_cell(path, name, error) from None
                name = distinct(name, sheets)
                sheets[name.strip().lower()] = _sheet(name, rows, survey, part, worksheet.sheet_state != "visible")
        finally:
            workbook.close()
    return sheets


def _rows_there(cells: Iterator[tuple[Any, ...]], special: dict[int, list[tuple[int, object]]]) -> Iterator[Numbered]:
    """The streamed rows with their numbers, without the empty ones openpyxl puts in for the rows a sheet does not
    have (one cell far below the plan, at row 1.048.576, would make a million of them): those are one and the same
    tuple, passed over without a look at its cells."""
    filler: object = None
    for number, row in enumerate(cells, start=1):
        if row is filler and number not in special:
            continue
        values = _values(list(row), number, special)
        if values:
            yield number, values
        else:
            filler = row  # a row of the sheet without a value is a tuple of its own; the put-in ones repeat


def _carried_down(rows: Iterable[tuple[int, Sequence[Any]]], ranges: list[tuple[int, int, int]]) -> Iterator[Numbered]:
    """The rows, in order, with the value of a cell merged down its column (a treatment date or a tooth written once
    for three lines) in each row of the range that is there and empty in that column, as the sheet shows it; ranges as
    (column, first row, last row). Overlapping ones: the first range's value, then the later one's beyond it – each
    cell filled once at most, however many ranges a file declares over it, so that the time stays that of the rows.
    Both readers: a grid has every row; a streamed sheet only those with content (one with nothing of its own under a
    merged cell is not made up)."""
    if not ranges:
        yield from ((number, tuple(values)) for number, values in rows)  # a streamed row is a tuple: the same one
        return
    starts: dict[int, list[tuple[int, int]]] = {}
    for column, first, last in ranges:
        starts.setdefault(first, []).append((column, last))
    spans: dict[int, deque[tuple[Any, int]]] = {}  # column -> the values to carry down, each to its last row
    for number, values in rows:
        cells = list(values)
        for column, waiting in list(spans.items()):
            while waiting and waiting[0][1] < number:
                waiting.popleft()
            if not waiting:
                del spans[column]
            elif cells[column : column + 1] in ([], [None], [""]):
                cells += [None] * (column + 1 - len(cells))
                cells[column] = waiting[0][0]
        for column, last in sorted(starts.pop(number, ())):
            value = cells[column] if column < len(cells) else None
            waiting = spans.setdefault(column, deque())
            reach = waiting[-1][1] if waiting else number
            if last > reach and value not in (None, ""):
                waiting.append((value, last))
        yield number, tuple(cells)


class _GridFailed(Exception):
    """python-calamine could not read a sheet's cells: `error`, in the sheet named."""

    def __init__(self, sheet: str, error: Exception) -> None:
        super().__init__(sheet)
        self.sheet, self.error = sheet, error


def _bad_cell(path: Path, sheet: str, error: Exception) -> PlanReadError:
    """What a reader could not take from a sheet, said as far as it is known; Excel repairs such a file on saving."""
    name, said = type(error).__name__, str(error).lower()
    if name == "WorksheetNotFound":
        what = "das Blatt fehlt in der Datei, obwohl ihr Inhaltsverzeichnis es nennt"
    elif "float" in said or ("int" in said and "parse" in said):
        what = "eine als Zahl gespeicherte Zelle enthält keine Zahl"
    else:
        what = "eine Zelle oder ihre Adresse ist beschädigt"
    return PlanReadError(f"{path.name}, Blatt {shown(sheet)}: {what}; bitte die Datei in Excel öffnen und neu speichern")


class TextBudget:
    """Counts the characters of text kept from a workbook; refuses a workbook with more than MAX_TOTAL_TEXT."""

    def __init__(self, path: Path) -> None:
        self.path, self.used = path, 0

    def keep(self, values: tuple[Any, ...]) -> tuple[Any, ...]:
        """The row's values with every text longer than MAX_TEXT cut (no copy of a long shared string is kept)."""
        if any(isinstance(v, str) and len(v) > MAX_TEXT for v in values):
            values = tuple(CutText.of(v) if isinstance(v, str) and len(v) > MAX_TEXT else v for v in values)
        self.used += sum(len(v) for v in values if isinstance(v, str))
        if self.used > MAX_TOTAL_TEXT:
            raise PlanReadError(
                f"{self.path.name}: die Arbeitsmappe enthält mehr als {thousands(MAX_TOTAL_TEXT)} Zeichen Text; "
                "so große Pläne werden nicht gelesen, bitte die Datei prüfen"
            )
        return values


class RowKeeper:
    """The rows with content of each sheet with their row numbers; refuses more than a plan may have."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.kept: dict[str, list[tuple[int, tuple[Any, ...]]]] = {}

    def keep(self, sheet: str, number: int, values: tuple[Any, ...]) -> None:
        if number > EXCEL_ROW_LIMIT:
            raise PlanReadError(f"{self.path.name}, Blatt {sheet}: Zeilennummer über {EXCEL_ROW_LIMIT}; die Datei ist beschädigt")
        kept = self.kept.setdefault(sheet, [])
        kept.append((number, values))
        if len(kept) > MAX_LINES + MAX_TITLE_ROWS + 1:  # the lines, the header and the title rows above it
            raise PlanReadError(
                f"{self.path.name}, Blatt {sheet}: mehr als {thousands(MAX_LINES)} Zeilen mit Inhalt; "
                "so große Pläne werden nicht gelesen, bitte den Plan aufteilen"
            )


def _bounded_rows(path: Path, sheet: str, rows: Iterator[Numbered], budget: TextBudget) -> list[Numbered]:
    """The sheet's non-empty rows with their Excel row numbers; refuses more than a plan may have."""
    keeper = RowKeeper(path)
    for number, values in rows:
        if number > EXCEL_ROW_LIMIT or any(value is not None for value in values):
            keeper.keep(sheet, number, budget.keep(values))
    return keeper.kept.get(sheet, [])
