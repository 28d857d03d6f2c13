"""Dates as text: written out in German, as some practice software prints them into a plan („10. März 2026“,
„10. Mrz. 2026“, „10 März 26“), given as the figures „10.03.2026“ that estimator.cells reads; a two-digit year's
century; and the day a date in figures names that the calendar does not have („31.02.2026“)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from decimal import Decimal
from typing import Any

from estimator.codes import Code
from estimator.phrases import Number, Phrase, Term, say

MONTHS = {
    **dict.fromkeys(("januar", "jänner", "jan"), 1),
    **dict.fromkeys(("februar", "feber", "feb"), 2),
    **dict.fromkeys(("märz", "maerz", "mär", "mrz"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("mai",), 5),
    **dict.fromkeys(("juni", "jun"), 6),
    **dict.fromkeys(("juli", "jul"), 7),
    **dict.fromkeys(("august", "aug"), 8),
    **dict.fromkeys(("september", "sept", "sep"), 9),
    **dict.fromkeys(("oktober", "okt"), 10),
    **dict.fromkeys(("november", "nov"), 11),
    **dict.fromkeys(("dezember", "dez"), 12),
}
WRITTEN_OUT = re.compile(r"([0-9]{1,2})\.?\s*([a-zäöü]{3,9})\.?\s*([0-9]{4}|[0-9]{2})")
WEEKDAYS = {
    **dict.fromkeys(("montag", "mo"), 0),
    **dict.fromkeys(("dienstag", "di"), 1),
    **dict.fromkeys(("mittwoch", "mi"), 2),
    **dict.fromkeys(("donnerstag", "do"), 3),
    **dict.fromkeys(("freitag", "fr"), 4),
    **dict.fromkeys(("samstag", "sonnabend", "sa"), 5),
    **dict.fromkeys(("sonntag", "so"), 6),
}
WEEKDAY_NAMES = tuple(
    Term(de, en)
    for de, en in zip(
        ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        strict=True,
    )
)
WEEKDAY = re.compile(r"([A-Za-z]{2,10})\.?,?\s*(?=[0-9])")
LONGEST = 30  # „10. September 2026“ and room for spaces: a longer text is no date written out


def date_in_figures(text: str) -> str | None:
    """„10. März 2026“ as „10.03.2026“; None for any other text (a month not named in German, no year, a sentence)."""
    if len(text) > LONGEST:
        return None
    found = WRITTEN_OUT.fullmatch(unicodedata.normalize("NFC", text).strip().casefold())  # „Ma\u0308rz“ from a PDF
    month = MONTHS.get(found[2]) if found else None
    return f"{found[1]}.{month:02d}.{found[3]}" if found and month else None


def without_weekday(text: str) -> tuple[str, int | None]:
    """„Dienstag, 10. März 2026“, „Di 10.03.2026“ as the date without its weekday, and the weekday it names (0 for
    Monday; None without one): a practice's session list writes it, and it must be the date's own."""
    found = WEEKDAY.match(text)
    weekday = WEEKDAYS.get(found[1].casefold()) if found else None
    return (text[found.end() :], weekday) if found and weekday is not None else (text, None)


def century(year: int) -> int:
    """A two-digit year as Excel reads one: below 30 in this century, from 30 in the last (Python's: a child's birth)."""
    return 2000 + year if year < 30 else 1900 + year


DATE_PARTS = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{2}|[0-9]{4})|([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")


def no_such_day(text: str) -> tuple[Code, dict[str, Any]] | None:
    """For a date in the right form for a day the calendar does not have (31.02.2026, 10.13.2026): what to say, with
    its values; None for any other text (one in another form is said as such by the caller)."""
    parts = DATE_PARTS.fullmatch(text)
    if parts is None:
        return None
    day, month, year = (parts[1], parts[2], parts[3]) if parts[1] else (parts[6], parts[5], parts[4])
    if len(year) == 2:
        year = str(century(int(year)))
    if not 1 <= int(year) <= 9999:
        return None  # no calendar year: the form is said
    if not 1 <= int(month) <= 12:
        return Code.CELL_DATE_NO_SUCH_MONTH, {}
    days = calendar.monthrange(int(year), int(month))[1]
    return (Code.CELL_DATE_NO_SUCH_DAY, {"days": days}) if not 1 <= int(day) <= days else None


SPREADSHEET_DAY_ZERO = dt.datetime(1899, 12, 30)  # its day 1 is 01.01.1900, and it counts a 29.02.1900


def date_shown(value: dt.date) -> str:
    """A date as a message quotes it, with its time where it has one („12.01.1900 12:00“)."""
    shown = value.strftime("%d.%m.%Y")
    return f"{shown} {value:%H:%M}" if isinstance(value, dt.datetime) and value.time() != dt.time() else shown


def spreadsheet_serial(value: dt.date) -> Decimal:
    """The number a spreadsheet shows as this date when the cell is formatted as a number (09.02.1900: 40)."""
    moment = value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())
    before_march = moment < dt.datetime(1900, 3, 1)  # before its 29.02.1900 the count is one day less
    elapsed = moment - SPREADSHEET_DAY_ZERO - dt.timedelta(days=before_march)
    return (Decimal(elapsed.days) + Decimal(elapsed.seconds) / 86_400).quantize(Decimal("1e-4")).normalize()


def number_as_date(value: dt.date) -> Phrase:
    """What is wrong with a date where a number is expected: the cell is formatted as a date, most likely."""
    return say(Code.CELL_NUMBER_AS_DATE, value=date_shown(value), number=Number(spreadsheet_serial(value)))
