"""A workbook's sheets as bounded rows of cell values: the file checked before it is opened (estimator.io.xlsxguard),
cached formula results, long texts cut, every limit on rows, columns and text kept. No plan is read here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from estimator.cells import MAX_TEXT, PlanReadError, shown
from estimator.io.xlsxguard import damaged, refuse_unreadable, scan_sheets, thousands, uncached_formulas
from estimator.model import MAX_LINES

MAX_TITLE_ROWS = 20


MAX_COLUMNS = 64


EXCEL_ROW_LIMIT = 1_048_576


MAX_TOTAL_TEXT = 16_000_000  # characters of text the reader keeps from all cells together


class _Uncached:
    """A formula cell whose result was never saved: the workbook holds no value to read."""

    def __repr__(self) -> str:
        return "UNCACHED"


UNCACHED: Any = _Uncached()


class CutText(str):
    """The first MAX_TEXT characters of a longer cell text; `length` is how long the cell was."""

    length: int

    @classmethod
    def of(cls, text: str) -> CutText:
        cut = cls(text[:MAX_TEXT])
        cut.length = len(text)
        return cut


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class Sheet:
    name: str
    rows: list[tuple[int, tuple[Any, ...]]]


def open_workbook(path: Path) -> dict[str, Sheet]:
    """Read every sheet's rows (values only, cached formula results), refusing what is not a workbook."""
    refuse_unreadable(path)
    try:
        with_formulas = scan_sheets(path)
    except PlanReadError:
        raise
    except Exception as error:  # a damaged zip entry: bad CRC, truncated deflate stream, ...
        raise damaged(path, error) from None
    import openpyxl  # noqa: PLC0415 - heavy; loaded only when a workbook is read

    sheets: dict[str, Sheet] = {}
    budget = TextBudget(path)
    with path.open("rb") as stream:  # closed here even when openpyxl gives up half-way
        try:
            workbook = openpyxl.load_workbook(stream, read_only=True, data_only=True, keep_links=False)
        except Exception as error:  # openpyxl raises many kinds for damaged files
            raise damaged(path, error) from None
        try:
            for worksheet in workbook.worksheets:
                if not hasattr(worksheet, "iter_rows"):
                    continue  # chart sheets hold no rows
                if hasattr(worksheet, "reset_dimensions"):
                    worksheet.reset_dimensions()
                part = str(getattr(worksheet, "_worksheet_path", "")).lstrip("/")
                try:
                    uncached = uncached_formulas(path, part) if part in with_formulas else set()
                    rows = sheet_rows(path, worksheet, uncached, budget)
                except PlanReadError:
                    raise
                except Exception as error:  # a cell openpyxl cannot convert: say in which sheet
                    raise PlanReadError(
                        f"{path.name}, Blatt {shown(worksheet.title)}: eine Zelle ist beschädigt ({type(error).__name__}); "
                        "bitte die Datei in Excel öffnen und neu speichern"
                    ) from None
                sheets[worksheet.title.strip().lower()] = Sheet(worksheet.title, rows)
        except PlanReadError:
            raise
        except Exception as error:
            raise damaged(path, error) from None
        finally:
            workbook.close()
    return sheets


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


def sheet_rows(
    path: Path, worksheet: Any, uncached: set[tuple[int, int]], budget: TextBudget
) -> list[tuple[int, tuple[Any, ...]]]:
    """The sheet's non-empty rows with their Excel row numbers; refuses more than a plan may have."""
    rows = []
    for number, cells in enumerate(worksheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1):
        if number > EXCEL_ROW_LIMIT:
            raise PlanReadError(
                f"{path.name}, Blatt {worksheet.title}: Zeilennummer über {EXCEL_ROW_LIMIT}; die Datei ist beschädigt"
            )
        values = tuple(cells)
        if uncached:
            values = tuple(UNCACHED if (number, index) in uncached else value for index, value in enumerate(values))
        if all(value is None for value in values):
            continue
        rows.append((number, budget.keep(values)))
        if len(rows) > MAX_LINES + MAX_TITLE_ROWS + 1:  # the lines, the header and the title rows above it
            raise PlanReadError(
                f"{path.name}, Blatt {worksheet.title}: mehr als {thousands(MAX_LINES)} Zeilen mit Inhalt; "
                "so große Pläne werden nicht gelesen, bitte den Plan aufteilen"
            )
    return rows
