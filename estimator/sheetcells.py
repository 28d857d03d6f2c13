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
    return _cut(ILLEGAL_CHARACTERS.sub("", text))


def _cut(text: str) -> str:
    """At most MAX_CELL_TEXT characters as a spreadsheet counts them: a character beyond U+FFFF counts twice."""
    if len(text) <= MAX_CELL_TEXT // 2:
        return text
    units = 0
    for index, character in enumerate(text):
        units += 2 if ord(character) > 0xFFFF else 1
        if units > MAX_CELL_TEXT:
            return text[:index]
    return text


def column_letter(index: int) -> str:
    """A, B, …, Z, AA, … for the column index 0, 1, …"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letters: str) -> int:
    """0, 1, …, 25, 26, … for the column letters A, B, …, Z, AA, …"""
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def append_row(sheet: Any, values: Iterable[Any]) -> None:
    """Append a row; every text becomes a string cell, whatever it starts with (=, +, -, @, tab, CR).

    A spreadsheet program never evaluates such a cell, so a patient name like "=HYPERLINK(…)" stays a name.
    """
    from openpyxl.cell.cell import Cell  # noqa: PLC0415 - openpyxl loads only when a workbook is written

    row = []
    for column, value in enumerate(values, start=1):
        if isinstance(value, str):
            cell = Cell(sheet, row=1, column=column)  # placed where the row is appended; a place from the start
            cell.value = plain_text(value)
            cell.data_type = "s"
            row.append(cell)
        else:
            row.append(value)
    sheet.append(row)
