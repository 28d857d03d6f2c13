"""The fields of a case file, each read as hostile input: its type, its range (the parsers of workbook cells) and
its length checked; a CaseError names the object and the field."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from estimator.case import CaseError
from estimator.cells import (
    MAX_CODE,
    MAX_TEXT,
    SHEET_NAME_LIMIT,
    CellError,
    cell_error,
    in_cents,
    in_range,
    machine_decimal,
    parse_class,
    parse_code,
    parse_date,
    shown,
)
from estimator.codes import Code
from estimator.io.columns import LAB_COLUMNS, ONE_SHEET_COLUMNS
from estimator.kinds import LineClass, Schedule
from estimator.model import LeftOutLine, Plan
from estimator.sessionnames import session_of
from estimator.teeth import ToothError, parse_teeth
from estimator.wording import text

Reader = Callable[[Any], Any]


class Fields:
    """The fields of one JSON object, each taken with its type and range checked; CaseError names the field."""

    def __init__(self, data: Any, where: str, known: frozenset[str] | None = None) -> None:
        if not isinstance(data, dict):
            raise CaseError(f"{where}: Objekt erwartet")
        unknown = sorted(str(key) for key in data if known is not None and key not in known)
        if unknown:
            raise CaseError(f"{where}: unbekanntes Feld „{shown(unknown[0])}“")
        self.data, self.where = data, where

    def _get(self, key: str, required: bool) -> Any:
        value = self.data.get(key)
        if value is None and required:
            raise CaseError(f"{self.where}: Feld „{key}“ fehlt")
        return value

    def _fail(self, key: str, message: str) -> CaseError:
        return CaseError(f"{self.where}, Feld „{key}“: {message}")

    def text(self, key: str, *, required: bool = False, limit: int = MAX_TEXT) -> str:
        value = self._get(key, required)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise self._fail(key, f"Text erwartet, „{shown(value)}“ gefunden")
        if len(value) > limit:
            raise self._fail(key, f"Text mit {len(value)} Zeichen; höchstens {limit}")
        return value

    def flag(self, key: str) -> bool:
        value = self._get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self._fail(key, f"true oder false erwartet, „{shown(value)}“ gefunden")
        return value

    def whole(self, key: str, low: int, high: int, *, required: bool = False, default: int | None = 0) -> int | None:
        value = self._get(key, required)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self._fail(key, f"ganze Zahl von {low} bis {high} erwartet, „{shown(value)}“ gefunden")
        return value

    def parsed(self, key: str, parse: Reader, *, required: bool = False) -> Any:
        """A value read by a parser of estimator.cells (dates, classes, amounts in their range)."""
        value = self._get(key, required)
        if value is None:
            return None
        try:
            return parse(value)
        except (CellError, ToothError) as error:
            raise self._fail(key, text(error.phrase)) from None

    def records(self, key: str, limit: int, *, required: bool = False) -> list[Any]:
        value = self._get(key, required)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self._fail(key, "Liste erwartet")
        if len(value) > limit:
            raise self._fail(key, f"{len(value)} Einträge; höchstens {limit}")
        return value

    def mapping(self, key: str, *, required: bool = False) -> dict[str, Any]:
        value = self._get(key, required)
        if value is None:
            return {}
        if not isinstance(value, dict) or len(value) > 1_000:
            raise self._fail(key, "Objekt mit höchstens 1.000 Einträgen erwartet")
        return value


def iso_date(value: Any) -> dt.date:
    if not isinstance(value, str) or len(value) != 10:
        raise cell_error(Code.CELL_ISO_DATE, value)
    return parse_date(value)


def number_reader(kind: str) -> Reader:
    return lambda value: in_range(kind, machine_decimal(value), value)


def cents_value(value: Any) -> Any:
    """An amount in whole cents: a reviewer's eligible amount, as the window and `hkp` take it."""
    return in_cents(in_range("amount", machine_decimal(value), value), value)


def teeth_value(value: Any) -> Any:
    if not isinstance(value, str):
        raise cell_error(Code.CELL_TEETH_TEXT, value)
    return parse_teeth(value or None)


def schedule_value(value: Any) -> Schedule:
    try:
        return Schedule(value)
    except ValueError:
        raise cell_error(Code.CELL_SCHEDULE, value) from None


def line_class_value(value: Any) -> LineClass | None:
    if not isinstance(value, str):
        raise cell_error(Code.CELL_CLASS, value)
    return parse_class(value)


def field_names(record: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(record) if f.init)


def text_value(value: Any) -> str:
    if not isinstance(value, str):
        raise cell_error(Code.CELL_TEXT, value)
    if len(value) > MAX_TEXT:
        raise cell_error(Code.CELL_TEXT_TOO_LONG, limit=MAX_TEXT, length=len(value))
    return value.strip()


def code_value(value: Any) -> str:
    if not isinstance(value, str):
        raise cell_error(Code.CELL_CODE, value, limit=MAX_CODE)
    return parse_code(value)


def flag_value(value: Any) -> bool:
    if not isinstance(value, bool):
        raise cell_error(Code.CELL_YES_NO, value)
    return value


# How a case file keeps each editable field: the machine form the file was written in (never German text).
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def day_or_session(value: Any) -> dt.date | str:
    """A date edit: a day (ISO), or the session typed instead of one (estimator.case); nothing else."""
    if isinstance(value, str) and ISO_DAY.fullmatch(value):
        return iso_date(value)
    if isinstance(value, str) and (session := session_of(value)):
        return session
    raise cell_error(Code.CELL_ISO_DAY_OR_SESSION, value)


EDIT_READERS: dict[str, Reader] = {
    "date": day_or_session,
    "teeth": teeth_value,
    "number": code_value,
    "code": code_value,
    "count": number_reader("count"),
    "quantity": number_reader("quantity"),
    "factor": number_reader("factor"),
    "unit_price": number_reader("amount"),
    "vat_percent": number_reader("vat"),
    "amount": number_reader("amount"),
    "justification": text_value,
    "description": text_value,
    "accident": flag_value,
    "manual_class": line_class_value,
}


LEFT_OUT_KEYS = frozenset({"kind", "sheet", "row", "cells"})
CELL_NAMES = frozenset(ONE_SHEET_COLUMNS) | frozenset(LAB_COLUMNS)  # the columns of any table a row comes from


def left_out_json(plan: Plan) -> dict[str, Any]:
    """The rows the import left out; none: no field (a program version before it reads the case file too)."""
    rows = [{"kind": left.kind, "sheet": left.sheet, "row": left.row, "cells": dict(left.cells)} for left in plan.left_out]
    return {"left_out": rows} if rows else {}


def left_out_line(data: Any, where: str, max_row: int) -> LeftOutLine:
    """A row the import left out, as the case file keeps it: its kind, place and cell texts, each checked."""
    fields = Fields(data, where, LEFT_OUT_KEYS)
    kind = fields.text("kind", required=True, limit=3)
    if kind not in ("fee", "lab"):
        raise CaseError(f"{where}, Feld „kind“: fee oder lab erwartet, „{shown(kind)}“ gefunden")
    cells = Fields(fields.mapping("cells"), f"{where}, cells", CELL_NAMES)
    return LeftOutLine(
        kind,
        fields.text("sheet", required=True, limit=SHEET_NAME_LIMIT),
        int(fields.whole("row", 0, max_row, required=True) or 0),
        tuple((str(name), cells.text(str(name))) for name in cells.data),
    )
