"""One value that people typed, in a cell of a plan workbook or in a field of the app: German numbers,
dates, yes/no, class and tariff variant. A value that does not fit raises CellError saying what was expected."""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from estimator.codes import Code
from estimator.datewords import WEEKDAY_NAMES, century, date_in_figures, no_such_day, number_as_date, without_weekday
from estimator.invisible import without_invisible
from estimator.kinds import LineClass
from estimator.phrases import Money, Number, PhraseError, say


class PlanReadError(Exception):
    """The workbook cannot be read at all; the message says why and what to do."""


class CellError(PhraseError):
    """A cell value that does not fit its column; the phrase says what was expected (estimator.wording words it)."""


_NOT_GIVEN: Any = object()


def cell_error(code: Code, value: Any = _NOT_GIVEN, **params: Any) -> CellError:
    """The error for a value, quoted on one line if given: JSON's empty value as null, a number as the reader writes it."""
    if value is not _NOT_GIVEN:
        params["value"] = "null" if value is None else _quoted(value)
    return CellError(say(code, **params))


def _quoted(value: Any) -> Any:
    """A workbook's number in the reader's form („-217,06“, not „-217.06“), as long as it stays short; else as text."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (isinstance(value, float) and not math.isfinite(value)):
        return shown(value)
    return Number(repr(value or 0)) if value == 0 or 1e-10 <= abs(value) < 1e20 else shown(value)  # no „-0“


NOT_IN_KEY = re.compile(r"[^a-zäöüß0-9]")


def text_key(text: object) -> str:
    """Lower-case letters and digits only: how labels and answers are compared."""
    return NOT_IN_KEY.sub("", str(text).lower())


YES = {"ja", "j", "x", "yes", "y", "true", "wahr", "1"}
NO = {"nein", "n", "no", "false", "falsch", "0", "-", ""}


# What a plan may hold (every input path checks these: workbook cells, case files, app edits, options).
MAX_TEXT = 2_000  # characters of one text cell
MAX_INSURANCE_NUMBER = 100  # characters of an insurance number
MAX_SHEET_NAME = 100  # characters of a sheet's name that are kept (Excel allows 31; a hostile file any number)
SHEET_NAME_LIMIT = MAX_SHEET_NAME + 7  # with "…" after a longer name and " (255)" after a second of one name
MAX_AMOUNT = Decimal(1_000_000)  # EUR: an amount, a unit price, an earlier benefit
MAX_FACTOR = Decimal(20)
MAX_COUNT = Decimal(10_000)  # count of a fee line, quantity of a lab line
MAX_VAT = Decimal(100)
FIRST_YEAR, LAST_YEAR = 1900, 2200
MAX_IMPLANTS = 16  # per jaw
MAX_NUMBER_TEXT = 40  # characters of a number written as text
MAX_PLACES = 10  # decimal places of a number
PLACES = Decimal(1).scaleb(-MAX_PLACES)
NUMBER_TEXT = re.compile(r"[-+]?[0-9.,]+")
NO_CENTS = re.compile(r"([-+]?(?:[0-9]{1,3}(?:[. ][0-9]{3})+|[0-9]+)),(?:-{1,2}|–|—)")  # „500,-“, „1.200,–“: whole euros
IMPLANT_WORDS = re.compile(r"\s*(?:stück|stk\.?|implantate?)$", re.IGNORECASE)  # „7 Stück“, „7 Implantate“
EXCEL_EPOCH = dt.datetime(1899, 12, 30)
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f]")


def whole_number(text: str, highest: int) -> int | None:
    """A whole number from 1 to highest written in ASCII digits (leading zeros allowed), else None; its size is
    judged before the text becomes a number, so a thousand digits cost nothing."""
    digits = text.lstrip("0")
    if not (text.isascii() and text.isdigit()) or len(digits) > len(str(highest)):
        return None
    number = int(digits or "0")
    return number if 1 <= number <= highest else None


def shown(value: Any) -> str:
    """A value as a message quotes it: on one line, at most 40 characters."""
    text = CONTROL_CHARACTERS.sub(" ", str(value)[:80])
    return text if len(text) <= 40 else text[:39] + "…"


def short_text(text: str, limit: int) -> str:
    """A text cut to at most `limit` characters at a space, marked with "…" („Vollkrone (Hohlkehl- oder …“)."""
    if len(text) <= limit:
        return text
    cut, space = text[: limit - 2], text[: limit - 2].rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;(-") + " …"


def parse_decimal(value: Any) -> Decimal:
    """Excel number or German text ("1.234,56", "2,3", "7 %", "12,50 €", "1 234,56") to Decimal, at most 10 decimal
    places, never a negative zero. Text is digits, separators and a sign only ("1E-999999" would print a million
    digits); a space only groups thousands ("1 1" is no 11)."""
    number = _decimal(value)
    return number.copy_abs() if number.is_zero() else number


def _decimal(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise CellError(say(Code.CELL_NUMBER))
    if isinstance(value, dt.date):  # a number in a cell formatted as a date: the reader gives the date it shows
        raise CellError(number_as_date(value))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise cell_error(Code.CELL_NUMBER_FOUND, value)
        number = Decimal(repr(value))  # a binary fraction such as 61.50000000000001 is cut to 10 places
        if _places(number) <= MAX_PLACES:
            return number
        cut = number.quantize(PLACES, rounding=ROUND_HALF_UP).normalize()
        return cut.quantize(Decimal(1)) if _places(cut) == 0 else cut
    text = without_invisible(str(value)).replace("€", "").replace("%", "").replace("EUR", "")
    text = text.replace("\u00a0", " ").replace("\u202f", " ").strip()
    text = whole.group(1) if (whole := NO_CENTS.fullmatch(text)) else text
    if " " in text and not SPACED_THOUSANDS.fullmatch(text):
        raise cell_error(Code.CELL_NUMBER_FOUND, value)
    text = text.replace(" ", "")
    if len(text) > MAX_NUMBER_TEXT or not NUMBER_TEXT.fullmatch(text):
        raise cell_error(Code.CELL_NUMBER_FOUND, value)
    plain = _point_decimal(text)
    if plain is None:
        raise cell_error(Code.CELL_NUMBER_FOUND, value)
    try:
        number = Decimal(plain)
    except InvalidOperation:
        raise cell_error(Code.CELL_NUMBER_FOUND, value) from None
    if _places(number) > MAX_PLACES:
        raise cell_error(Code.CELL_PLACES, value, places=MAX_PLACES)
    return number


SPACED_THOUSANDS = re.compile(r"[-+]? ?[0-9]{1,3}( [0-9]{3})+([,.][0-9]*)?")  # 1 234,56 · 12 500 – no „1 1“
GERMAN_NUMBER = re.compile(r"[-+]?([1-9][0-9]{0,2}(\.[0-9]{3})+|[0-9]*)(,[0-9]*)?")  # 1.234,56 · 1234,56 · ,5
ENGLISH_NUMBER = re.compile(r"[-+]?[1-9][0-9]{0,2}(,[0-9]{3})+(\.[0-9]+)?")  # 1,234.56 (with a thousands comma)


def _point_decimal(text: str) -> str | None:
    """A number's text with a decimal point and no grouping, or None when its separators do not fit together:
    German (1.234,56; 1.234 is a thousand and more), English with thousands commas (1,234.56), or one decimal
    point (2.3). A separator out of place ("3.50,0", "35.0,00", "1,2,3") is no number: read as one, it would be
    another amount than the one meant."""
    if "," in text and "." in text and text.rindex(",") < text.rindex("."):
        return text.replace(",", "") if ENGLISH_NUMBER.fullmatch(text) else None
    if "," in text or text.count(".") > 1 or re.fullmatch(r"[-+]?[1-9][0-9]{0,2}\.[0-9]{3}", text):  # "0.125": no thousand
        return text.replace(".", "").replace(",", ".") if GERMAN_NUMBER.fullmatch(text) else None
    return text


def _places(number: Decimal) -> int:
    exponent = number.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


RANGES: dict[str, tuple[Decimal, Decimal, bool, Code]] = {
    # kind: (low, high, low bound excluded, what a message says is expected)
    "amount": (Decimal(0), MAX_AMOUNT, False, Code.CELL_AMOUNT_RANGE),
    "factor": (Decimal(0), MAX_FACTOR, True, Code.CELL_FACTOR_RANGE),
    "count": (Decimal(0), MAX_COUNT, True, Code.CELL_COUNT_RANGE),
    "quantity": (Decimal(0), MAX_COUNT, True, Code.CELL_QUANTITY_RANGE),  # a lab line's Menge: said by its name
    "vat": (Decimal(0), MAX_VAT, False, Code.CELL_VAT_RANGE),
    "implants": (Decimal(0), Decimal(MAX_IMPLANTS), False, Code.CELL_IMPLANTS_RANGE),
}


def _high(kind: str, high: Decimal) -> Any:
    """The upper bound as a message names it: an amount in euros, a whole number or a factor."""
    return Money(high) if kind == "amount" else int(high) if kind in ("count", "quantity", "implants") else Number(high)


def in_range(kind: str, number: Decimal, value: Any) -> Decimal:
    """The number, if it lies in the range of its kind (RANGES); CellError quoting the value otherwise."""
    low, high, low_open, code = RANGES[kind]
    if number < low or number > high or (low_open and number == low):
        raise cell_error(code, value, high=_high(kind, high))
    return number


def machine_decimal(value: Any) -> Decimal:
    """A number as a case file stores it: "217.06" or a whole number, nothing else."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise cell_error(Code.CELL_NUMBER_TEXT, value if value is None else str(value))  # as the file writes it
    text = str(value)
    if len(text) > MAX_NUMBER_TEXT or not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", text):
        raise cell_error(Code.CELL_NUMBER_FOUND, value)
    return Decimal(text)


def parse_date(value: Any) -> dt.date:
    """Excel date or text TT.MM.JJJJ (also JJJJ-MM-TT), in the years 1900 to 2200."""
    if isinstance(value, dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
    elif isinstance(value, (int, float)) and not isinstance(value, bool) and 1 < value < 2_958_466:
        day = (EXCEL_EPOCH + dt.timedelta(days=int(value))).date()
    elif isinstance(value, dt.time):  # a date cell of 0, a fraction or below 0: the reader gives its time of day
        raise cell_error(Code.CELL_DATE_TIME_ONLY, value.strftime("%H:%M"))
    else:
        day = _date_text(value)
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise cell_error(Code.CELL_DATE_RANGE, value, first=str(FIRST_YEAR), last=str(LAST_YEAR))
    return day


def parse_birth_date(value: Any) -> dt.date:
    """A birth date (parse_date), not after today: a day to come is a slip („15.06.2030“), which would give a child's
    deductible."""
    day = parse_date(value)
    if day > dt.date.today():  # a date cell said as a date is written, not as the reader gives it (2030-06-15)
        raise cell_error(Code.CELL_BIRTH_FUTURE, value if isinstance(value, str) else day.strftime("%d.%m.%Y"))
    return day


def _date_text(value: Any) -> dt.date:
    text, weekday = without_weekday(without_invisible(str(value)).strip())  # „Di, 10.03.2026“: Tuesday, said
    text = date_in_figures(text) or text  # „10. März 2026“: as „10.03.2026“
    if len(text) <= 20 and text.isascii():  # ASCII digits only, as in number cells
        for pattern in ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"):
            try:
                day = dt.datetime.strptime(text, pattern).date()
            except ValueError:
                continue
            day = day.replace(year=century(day.year % 100)) if pattern == "%d.%m.%y" else day
            if weekday is not None and day.weekday() != weekday:  # the day or its weekday is a slip: which, is asked
                raise cell_error(Code.CELL_DATE_WEEKDAY, value, weekday=WEEKDAY_NAMES[day.weekday()])
            return day
        if (impossible := no_such_day(text)) is not None:  # 31.02.2026, 10.13.2026: said as such
            raise cell_error(impossible[0], value, **impossible[1])
    raise cell_error(Code.CELL_DATE, value)


def parse_yes_no(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = text_key(str(value)[:MAX_NUMBER_TEXT]) if value is not None else ""
    if text in YES:
        return True
    if text in NO:
        return False
    raise cell_error(Code.CELL_YES_NO, value)


def parse_class(value: Any) -> LineClass | None:
    text = without_invisible(str(value or "")).strip().upper()
    if not text:
        return None
    try:
        return LineClass(text)
    except ValueError:
        raise cell_error(Code.CELL_CLASS, value) from None


def parse_variant(value: Any, variants: tuple[str, ...]) -> str:
    """A tariff variant as the profile names it: the name (with spaces, "-" for "/", in small letters), its last part
    alone when only one variant ends so, or the one name among the insurer's and the tariff's words around it."""
    words = re.sub(r"\s*/\s*", "/", str(value)[:MAX_NUMBER_TEXT].upper().replace("-", "/"))
    text = re.sub(r"\s", "", words)
    named = [name for name in variants if text in (name.upper(), name.upper().replace("/", ""))]
    by_suffix = [name for name in variants if "/" in name and name.rsplit("/", 1)[1].upper() == text.lstrip("/")]
    within = [name for name in variants if re.search(rf"(?<![A-Z0-9/]){re.escape(name.upper())}(?![A-Z0-9/])", words)]
    found = next((found for found in (named, by_suffix, within) if len(found) == 1), None)
    if found is None:
        raise cell_error(Code.CELL_VARIANT, value, variants=variants)
    return found[0]


POSTCODE = re.compile(r"[0-9A-Za-z][0-9A-Za-z -]{1,9}")


def parse_postcode(value: Any) -> str:
    """A German postcode of five digits (a number that lost its leading zero gets it back), or a foreign one of 2–10."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:  # 1e308 stays „1e+308“
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1_000 <= value < 100_000:
        return f"{value:05d}"  # German postcodes run from 01001 to 99998
    text = str(value).strip()
    if isinstance(value, str) and POSTCODE.fullmatch(text) and any(char.isdigit() for char in text):
        return text
    raise cell_error(Code.CELL_POSTCODE, value)


MAX_CODE = 20  # characters of a fee number or lab code typed in the window


def within(text: str, limit: int) -> str:
    """A text of at most `limit` characters (an insurance number), as a case file takes it back."""
    if len(text) > limit:
        raise cell_error(Code.CELL_TEXT_TOO_LONG, limit=limit, length=len(text))
    return text


def code_within(value: Any) -> str:
    """A fee number or lab code, its spaces collapsed, of at most MAX_CODE characters (what a case file keeps)."""
    text = " ".join(without_invisible(str(value)).split())
    if len(text) > MAX_CODE or isinstance(value, bool) or (isinstance(value, float) and not math.isfinite(value)):
        raise cell_error(Code.CELL_CODE, value, limit=MAX_CODE)
    return text


def parse_code(value: Any) -> str:
    """A fee number or lab code as typed, spaces collapsed (the line's kind makes it the catalogue's): 1 to MAX_CODE."""
    text = code_within(value)
    if not text or not text.isprintable():
        raise cell_error(Code.CELL_CODE, value, limit=MAX_CODE)
    return text


# „1,500“: one comma before three digits – 1,50 € written with a third place, or 1.500 € grouped as English writes
AMOUNT_THOUSANDS = re.compile(r"\s*(?:€|EUR)?\s*([-+]?[1-9][0-9]{0,2},[0-9]{3})\s*(?:€|EUR)?\s*", re.IGNORECASE)


def parse_amount(value: Any) -> Decimal:
    """An amount in EUR: 0 to 1.000.000 (an amount, a unit price, an earlier benefit, what was used). A text „1,500“ is
    asked about, not read: an amount has cents, so the third place is either a slip or English grouping of 1.500 €
    (read as 1,50 €, a thousandth of what was meant, unsaid)."""
    grouped = AMOUNT_THOUSANDS.fullmatch(without_invisible(value)) if isinstance(value, str) and len(value) <= 60 else None
    if grouped:
        raise cell_error(Code.CELL_AMOUNT_THOUSANDS, value, places=2, thousands=grouped[1].replace(",", "."))
    return amount_as_taken(value)


def amount_as_taken(value: Any) -> Decimal:
    """An amount as the versions before parse_amount asked about „1,500“ took it (1,50 €): a case file they saved, and a
    unit price, which may have more places than cents (a lab's price per gram)."""
    return in_range("amount", parse_decimal(value), value)


def in_cents(amount: Decimal, value: Any) -> Decimal:
    """An amount that is to be taken as it is, never rounded (a reviewer's eligible amount): whole cents."""
    if amount != amount.quantize(Decimal("0.01")):
        raise cell_error(Code.CELL_PLACES, value, places=2)
    return amount


TIMES = re.compile(r"^\s*[x×]\s*(?=[0-9,.])|\s*(-?\s*fach|x|×)\s*$", re.IGNORECASE)  # „2,3fach“, „2,3-fach“, „1x“, „x 2,3“


def parse_factor(value: Any) -> Decimal:
    """A factor (Steigerungssatz): above 0, at most 20; „2,3fach“ and „2,3x“ as 2,3."""
    return in_range("factor", parse_decimal(_times(value)), value)


def parse_count(value: Any) -> Decimal:
    """A fee line's count: above 0, at most 10.000; „2x“ as 2."""
    return in_range("count", parse_decimal(_times(value)), value)


def _times(value: Any) -> Any:
    """A text's number without the word for times after or before it; any other value as it is."""
    return TIMES.sub("", value) if isinstance(value, str) and len(value) <= MAX_NUMBER_TEXT else value  # a longer: as it is


def parse_quantity(value: Any) -> Decimal:
    """A lab line's quantity: above 0, at most 10.000."""
    return in_range("quantity", parse_decimal(value), value)


def parse_vat(value: Any) -> Decimal:
    """A VAT rate in percent: 0 to 100. A number below 1 is a fraction: a cell formatted as percent and showing 7 %
    holds 0,07 (no VAT rate lies between 0 and 1 %); a text says its rate as written („0,07 %“ stays 0,07 %)."""
    rate = parse_decimal(value)
    if isinstance(value, int | float | Decimal) and 0 < rate < 1:
        rate = rate * 100
        rate = rate.to_integral_value() if rate == rate.to_integral_value() else rate.normalize()
    return in_range("vat", rate, value)


def parse_implants(value: Any) -> int:
    """Implants in one jaw: a whole number from 0 to 16 („7“, „7 Stück“)."""
    number = in_range("implants", parse_decimal(IMPLANT_WORDS.sub("", value) if isinstance(value, str) else value), value)
    if number != number.to_integral_value():
        raise cell_error(Code.CELL_WHOLE_NUMBER, value)
    return int(number)
