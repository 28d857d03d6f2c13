"""Cells of the workbooks the program writes: text from a plan is always a plain string, never a formula."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

# What XML 1.0 (and so a workbook) cannot hold; tab, line feed and carriage return stay.
ILLEGAL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
MAX_CELL_TEXT = 32_767  # what a spreadsheet cell holds


def plain_text(text: str) -> str:
    """Text as a cell can hold it: characters XML cannot carry removed, at most 32.767 characters."""
    return ILLEGAL_CHARACTERS.sub("", text)[:MAX_CELL_TEXT]


def append_row(sheet: Any, values: Iterable[Any]) -> None:
    """Append a row; every text becomes a string cell, whatever it starts with (=, +, -, @, tab, CR).

    A spreadsheet program never evaluates such a cell, so a patient name like "=HYPERLINK(…)" stays a name.
    """
    sheet.append([plain_text(v) if isinstance(v, str) else v for v in values])
    for cell in next(sheet.iter_rows(min_row=sheet.max_row, max_row=sheet.max_row)):
        if isinstance(cell.value, str):
            cell.data_type = "s"
