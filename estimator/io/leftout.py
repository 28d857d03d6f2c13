"""A row the import left out, read again with the texts a user corrected: by the same reading as a workbook's
row (estimator.io.excel), in the columns of the table it came from."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from estimator.cells import MAX_TEXT
from estimator.io.columns import FEE_COLUMNS, LAB_COLUMNS, ONE_SHEET_COLUMNS, is_lab_mark
from estimator.io.excel import fee_line, lab_line
from estimator.io.sheetscan import MAX_COLUMNS
from estimator.io.tablerows import RowReader
from estimator.model import FeeLine, Finding, LabLine, LeftOutLine
from estimator.sheetcells import column_index

LETTERS = re.compile(r"[A-Z]{1,3}")


def fields_of(left: LeftOutLine, letters: Mapping[str, str]) -> tuple[str, ...]:
    """The columns a user corrects the row in: those of its table, each once (a table with a GO column and a unit
    price holds fee and lab rows; the Leistungen sheet of a plan with its own Labor sheet has no price)."""
    priced = "Einzelpreis" in letters or any(name == "Einzelpreis" and text for name, text in left.cells)
    if _has_go(left, letters) and (priced or left.kind == "lab"):
        return tuple(ONE_SHEET_COLUMNS)
    return tuple(LAB_COLUMNS if left.kind == "lab" else FEE_COLUMNS)


def _has_go(left: LeftOutLine, letters: Mapping[str, str]) -> bool:
    return "GO" in letters or any(name == "GO" for name, _ in left.cells)


def line_from_cells(
    left: LeftOutLine, cells: Mapping[str, str], letters: Mapping[str, str]
) -> tuple[FeeLine | LabLine | None, list[Finding]]:
    """The row read again: the line (None while an error remains) and what reading it found. In a table with a GO
    column, GO says whether it is a lab row (Labor, BEB, …), as at import. letters: the sheet's column letters by
    name (Plan.columns, from a case file: hostile), so that a message names the cell of the sheet."""
    lab = is_lab_mark(cells.get("GO", "")) if _has_go(left, letters) else left.kind == "lab"
    names = list(LAB_COLUMNS if lab else FEE_COLUMNS)
    texts = dict(cells)
    if lab and "Menge" not in texts and "Anzahl" in texts:  # a one-sheet table's lab row: its Anzahl is the Menge
        texts["Menge"] = texts["Anzahl"]
        letters = {**letters, "Menge": letters["Anzahl"]} if "Anzahl" in letters else letters
    mapping = _places(names, letters)
    values: list[Any] = [None] * (max(mapping.values()) + 1)
    for name, index in mapping.items():
        values[index] = texts.get(name, "")[:MAX_TEXT]
    reader = RowReader(left.sheet, left.row, tuple(values), mapping)
    if lab and "Menge" not in cells and "Anzahl" in cells:
        reader.titles["Menge"] = "Anzahl"  # the field the user typed it in
    line: FeeLine | LabLine | None = lab_line(reader) if lab else fee_line(reader)
    return line, reader.problems + reader.notes


def _places(names: list[str], letters: Mapping[str, str]) -> dict[str, int]:
    """Each column's index: its letter in the sheet where that is a real, unused column, else one after them."""
    known: dict[str, int] = {}
    for name in names:
        letter = letters.get(name, "")
        index = column_index(letter) if isinstance(letter, str) and LETTERS.fullmatch(letter) else MAX_COLUMNS
        if index < MAX_COLUMNS and index not in known.values():
            known[name] = index
    spare = iter(range(max(known.values(), default=-1) + 1, MAX_COLUMNS + len(names) + 1))
    return {name: known[name] if name in known else next(spare) for name in names}
