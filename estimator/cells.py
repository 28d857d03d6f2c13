"""One value that people typed, in a cell of a plan workbook or in a field of the app: German numbers,
dates, yes/no, class and tariff variant. A value that does not fit raises CellError saying what was expected."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from estimator.model import LineClass


class PlanReadError(Exception):
    """The workbook cannot be read at all; the message says why and what to do."""


class CellError(ValueError):
    """A cell value that does not fit its column; the message says what was expected."""


def text_key(text: object) -> str:
    """Lower-case letters and digits only: how labels and answers are compared."""
    return re.sub(r"[^a-zäöüß0-9]", "", str(text).lower())


YES = {"ja", "j", "x", "yes", "y", "true", "wahr", "1"}
NO = {"nein", "n", "no", "false", "falsch", "0", "-", ""}


def parse_decimal(value: Any) -> Decimal:
    """Excel number or German text ("1.234,56", "2,3", "7 %", "12,50 €") to Decimal."""
    if isinstance(value, bool):
        raise CellError("Zahl erwartet")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(str(value))
    text = str(value).strip().replace("€", "").replace("%", "").replace("EUR", "").replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", text) or "," in text:
        text = text.replace(".", "").replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise CellError(f"Zahl erwartet, „{value}“ gefunden") from None
    if not number.is_finite():
        raise CellError(f"Zahl erwartet, „{value}“ gefunden")
    return number


def parse_date(value: Any) -> dt.date:
    """Excel date or text TT.MM.JJJJ (also JJJJ-MM-TT)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 1 < value < 2_958_466:
        return (dt.datetime(1899, 12, 30) + dt.timedelta(days=int(value))).date()
    text = str(value).strip()
    for pattern in ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise CellError(f"Datum TT.MM.JJJJ erwartet, „{value}“ gefunden")


def parse_yes_no(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = text_key(value) if value is not None else ""
    if text in YES:
        return True
    if text in NO:
        return False
    raise CellError(f"„ja“ oder „nein“ erwartet, „{value}“ gefunden")


def parse_class(value: Any) -> LineClass | None:
    text = str(value or "").strip().upper()
    if not text:
        return None
    try:
        return LineClass(text)
    except ValueError:
        raise CellError(f"Klasse A, B, P oder X erwartet, „{value}“ gefunden") from None


def parse_variant(value: Any) -> str:
    """ "BM5/3", "BM5 / 3", "bm5-3", "3" -> "BM5/3"."""
    text = re.sub(r"\s", "", str(value)).upper()
    match = re.fullmatch(r"(?:BM5)?[/\-]?([0-3])", text)
    if not match:
        raise CellError(f"Tarif BM5/0, BM5/1, BM5/2 oder BM5/3 erwartet, „{value}“ gefunden")
    return f"BM5/{match[1]}"


def parse_positive(value: Any) -> Decimal:
    """A number above 0 (count, quantity, factor)."""
    number = parse_decimal(value)
    if number <= 0:
        raise CellError(f"positive Zahl erwartet, „{value}“ gefunden")
    return number


def parse_non_negative(value: Any) -> Decimal:
    """A number of 0 or more (an amount)."""
    number = parse_decimal(value)
    if number < 0:
        raise CellError(f"Betrag ≥ 0 erwartet, „{value}“ gefunden")
    return number
