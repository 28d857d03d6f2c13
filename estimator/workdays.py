"""Days a dental practice works: not Saturday or Sunday, and not a public holiday of all German states."""

from __future__ import annotations

import datetime as dt
from functools import cache

FIXED = ((1, 1), (5, 1), (10, 3), (12, 25), (12, 26))  # Neujahr, Tag der Arbeit, Tag der Deutschen Einheit, Weihnachten
AFTER_EASTER = (-2, 1, 39, 50)  # Karfreitag, Ostermontag, Christi Himmelfahrt, Pfingstmontag


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


@cache
def public_holidays(year: int) -> frozenset[dt.date]:
    """The public holidays of all German states in a year."""
    easter = easter_sunday(year)
    return frozenset([dt.date(year, month, day) for month, day in FIXED] + [easter + dt.timedelta(days=n) for n in AFTER_EASTER])


def first_working_day(day: dt.date) -> dt.date:
    """The day itself when a practice works on it, else the next day it does."""
    while day.weekday() >= 5 or day in public_holidays(day.year):
        if day == dt.date.max:
            return day
        day += dt.timedelta(days=1)
    return day
