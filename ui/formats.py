"""Figures in the window's language (estimator.figures): its tables, charts and fields show them so, and a number
typed in the English form is read as meant."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from estimator import figures
from estimator.cells import CellError
from estimator.model import FeeLine, LabLine, LineResult
from ui.language import language


def money(amount: Decimal, places: int = 2) -> str:
    return figures.money(amount, language(), places)


def whole_money(amount: Decimal) -> str:
    return figures.whole_money(amount, language())


def about_money(amount: Decimal) -> str:
    return figures.about_money(amount, language())


def day(value: dt.date | None) -> str:
    return figures.date(value, language())


def line_day(line: FeeLine | LabLine, result: LineResult | None) -> str:
    """A line's treatment day, and the session the plan named instead of one („10.03.2026 (2. Sitzung)“)."""
    return figures.with_session(day(result.date if result else line.date), line.session)


def factor(value: Decimal) -> str:
    return figures.factor(value, language())


def rate(value: Decimal) -> str:
    return figures.percent(value, language())


def plain(value: Decimal, places: int = 2) -> str:
    return figures.plain(value, language(), places)


def typed(text: str) -> str:
    """A number as typed, in the form the readers of numbers take (estimator.figures.typed)."""
    return figures.typed(text, language())


def number(text: str, read: Callable[[str], Decimal]) -> Decimal:
    """A number typed into a field, read as the window's language writes it; CellError quoting it as typed."""
    try:
        return read(typed(text))
    except CellError as error:
        raise CellError(figures.as_typed(error.phrase, text)) from None
