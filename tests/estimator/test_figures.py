"""Figures in German and English, and numbers typed the English way given to the German readers of numbers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from estimator import figures
from estimator.case import edit_text
from estimator.cells import parse_decimal
from tests.estimator.builders import lab


def test_figures_in_each_language() -> None:
    amount = Decimal("1234.565")
    assert figures.money(amount, "de") == "1.234,57\u00a0€" and figures.money(amount, "en") == "€1,234.57"
    assert (
        figures.whole_money(Decimal(1000), "en") == "€1,000" and figures.about_money(Decimal("1367.4"), "en") == "≈\u00a0€1,367"
    )
    assert figures.factor(Decimal(2), "de") == "2,0" and figures.factor(Decimal("2.3"), "en") == "2.3"
    assert figures.percent(Decimal("0.8"), "de") == "80\u00a0%" and figures.percent(Decimal("0.9"), "en") == "90%"
    assert figures.date(dt.date(2026, 12, 31), "de") == "31.12.2026" and figures.date(dt.date(2026, 12, 31), "en") == "2026-12-31"
    assert figures.whole_money(Decimal("1459.22"), "de") == "1.459,22\u00a0€"  # cents where it has them (whole_eur)
    assert figures.whole_money(Decimal("1459.22"), "en") == "€1,459.22"
    assert figures.date(None, "en") == "" and figures.plain(Decimal("-0.001"), "en") == "0.00"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("1,234.56", "1234.56"),
        ("€1,234.56", "1234.56"),
        ("1,500 EUR", "1500"),
        ("0,125", "0.125"),  # a group of 0 is no thousands: read as the German decimal comma it is
        ("0.125", "0.125"),
        ("1.500 EUR", "1.5"),
        ("1,234", "1234"),  # a thousands comma: in German this would be 1,234
        ("1.500", "1.5"),  # a decimal point: in German this would be 1500
        ("2.3", "2.3"),
        ("-12.5", "-12.5"),
        ("12,50", "12.50"),  # no English number (a comma before two digits): read in the German form, as typed
        ("1.234,56", "1234.56"),  # German grouping: read as typed
        ("7", "7"),
    ],
)
def test_english_numbers_are_read_as_meant(typed: str, meant: str) -> None:
    assert parse_decimal(figures.typed(typed, "en")) == Decimal(meant)


def test_german_typing_and_texts_that_are_no_number_are_given_on_as_typed() -> None:
    assert figures.typed("1.500", "de") == "1.500" and parse_decimal(figures.typed("1.500", "de")) == Decimal(1500)
    for text in ("", "abc", "-", ".", "1,2,3", "1.2.3"):
        assert figures.typed(text, "en") == text


def test_a_leading_zero_is_never_a_thousands_group_in_german_either() -> None:
    assert parse_decimal("0.125") == Decimal("0.125") and parse_decimal("0.500") == Decimal("0.500")
    assert parse_decimal("1.500") == Decimal(1500) and parse_decimal("12.345,6") == Decimal("12345.6")


def test_a_count_is_shown_with_every_place_it_has() -> None:
    line = lab("0001", "16", "5.70", quantity="0.125")
    assert edit_text(line, "quantity") == "0,125" and edit_text(line, "quantity", "en") == "0.125"
    assert edit_text(lab("0001", "16", "5.70", quantity="2"), "quantity", "en") == "2"
    assert edit_text(line, "unit_price", "en") == "5.70"
