"""Figures in the reader's language – German 1.234,56 € · 2,3 · 80 % · 31.12.2026, English €1,234.56 · 2.3 · 80% ·
2026-12-31 – and what a user typed in the English form, given to the readers of numbers (estimator.cells) in the
German form they read."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

from estimator.cells import shown
from estimator.money import about_eur, eur, factor_text, german_date, german_factor, german_number, whole_eur
from estimator.money import percent as german_percent
from estimator.phrases import Phrase

# An English number: thousands commas in groups of three, or none, and a decimal point. "12,50" is none: read in the
# German form, as before (a comma before two digits is no thousands comma).
ENGLISH_TYPED = re.compile(r"[-+]?([1-9][0-9]{0,2}(,[0-9]{3})+|[0-9]*)(\.[0-9]+)?")  # "0,125" has no thousands


def english_number(value: Decimal, places: int = 2) -> str:
    """1,234.56 - rounded half-up like the German form (estimator.money), never half-even."""
    rounded = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{rounded if rounded else abs(rounded):,.{places}f}"  # never "-0.00"


def money(amount: Decimal, language: str, places: int = 2) -> str:
    return eur(amount, places) if language == "de" else f"€{english_number(amount, places)}"


def whole_money(amount: Decimal, language: str) -> str:
    """An amount where room is short: whole euros when it is whole, else with its cents (estimator.money.whole_eur)."""
    if language == "de":
        return whole_eur(amount)
    return f"€{english_number(amount, 0)}" if amount == amount.to_integral_value() else money(amount, language)


def about_money(amount: Decimal, language: str) -> str:
    """An amount where room is short for the cents: whole, else ≈ the whole euros (estimator.money.about_eur)."""
    if language == "de":
        return about_eur(amount)
    whole = f"€{english_number(amount, 0)}"
    return whole if amount == amount.to_integral_value() else f"≈\u00a0{whole}"


def number(value: Decimal, language: str) -> str:
    """A count or a rate without trailing zeros: 2,3 / 2.3."""
    return german_factor(value) if language == "de" else german_factor(value).replace(",", ".")


def factor(value: Decimal, language: str) -> str:
    """A factor with at least one place: 2,0 / 2.0."""
    return factor_text(value) if language == "de" else factor_text(value).replace(",", ".")


def percent(rate: Decimal, language: str) -> str:
    """0.80: 80 % / 80% (estimator.money.percent)."""
    return german_percent(rate) if language == "de" else f"{number((rate * 100).normalize(), language)}%"


def date(day: dt.date | None, language: str) -> str:
    """31.12.2026 / 2026-12-31, or an empty string."""
    if day is None:
        return ""
    return german_date(day) if language == "de" else day.isoformat()


def with_session(day: str, session: str) -> str:
    """A line's treatment day as shown, with the session the plan names instead of a day („10.03.2026 (2. Sitzung)“)."""
    return f"{day} ({session})" if session and day else session or day


def price_places(value: Decimal) -> int:
    """The places a price or an amount is shown with: its cents, and every further place it has (a workbook's unit price
    12,345 shown as 12,35 was taken as 12,35 when its cell was confirmed unchanged)."""
    exponent = value.normalize().as_tuple().exponent
    return max(2, min(10, -exponent)) if isinstance(exponent, int) else 2


def plain(value: Decimal, language: str, places: int = 2) -> str:
    """A figure without currency, as an input field shows it: 1.234,56 / 1,234.56."""
    return german_number(value, places) if language == "de" else english_number(value, places)


def typed(text: str, language: str) -> str:
    """A number as the user typed it, in the German form the readers of numbers take: in English "1,234.56" is
    1234,56 and "1.5" is 1,5 (read in the German form, "1.500" would be a thousand and a half). A text that is no
    English number ("12,50", "abc") is given on as typed: the reader takes it or says what is wrong with it."""
    if language == "de":
        return text
    bare = re.sub(r"€|%|eur|\s", "", text, flags=re.IGNORECASE)  # as estimator.cells reads a number: "1,500 EUR"
    if not bare or not ENGLISH_TYPED.fullmatch(bare) or not any(c.isdigit() for c in bare):
        return text
    german = bare.replace(",", "").replace(".", ",")
    # „1.500“ is 1,5: with a fourth place it is not asked about as the German „1,500“ (1,50 € or 1.500 €?)
    return german + "0" if re.fullmatch(r"[-+]?[0-9]+,[0-9]{3}", german) else german


def as_typed(phrase: Phrase, text: str) -> Phrase:
    """A message about a number read from what the user typed, quoting what was typed („-1,234.56“), not the form
    it was read in."""
    if phrase.get("value") is None:
        return phrase
    return Phrase(phrase.code, tuple((name, shown(text) if name == "value" else value) for name, value in phrase.params))
