"""Money: half-up rounding to cents, and how amounts, factors, rates and dates are written in German."""

import datetime as dt
from decimal import Decimal as D

import pytest

from estimator.money import (
    CENT,
    ZERO,
    about_eur,
    cents,
    eur,
    factor_text,
    german_date,
    german_factor,
    german_number,
    percent,
    plain,
    whole_eur,
)

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("amount", "rounded"),
    [
        ("0.005", "0.01"),  # the half cent goes up
        ("0.015", "0.02"),
        ("0.025", "0.03"),  # banker's rounding would give 0.02
        ("2.345", "2.35"),
        ("173.648", "173.65"),  # 80 % of 217,06 €
        ("0.0049999", "0.00"),
        ("1.994999", "1.99"),
        ("999.995", "1000.00"),
        ("-0.005", "-0.01"),  # half-up is away from zero for negatives too
        ("-2.345", "-2.35"),
        ("-0.004", "0.00"),
        ("7", "7.00"),
    ],
)
def test_cents_round_half_up_away_from_zero(amount: str, rounded: str) -> None:
    assert cents(D(amount)) == D(rounded)
    assert cents(D(amount)).as_tuple().exponent == CENT.as_tuple().exponent


def test_rounding_an_amount_in_cents_again_changes_nothing() -> None:
    for text in ("0.01", "123.45", "-9.99", "1000000.00"):
        assert cents(cents(D(text))) == D(text)


@pytest.mark.parametrize(
    ("amount", "machine"),
    [("1234.5", "1234.50"), ("1000000", "1000000.00"), ("0.125", "0.13"), ("-0.005", "-0.01"), ("0", "0.00")],
)
def test_plain_is_the_machine_form_with_two_places_and_no_separators(amount: str, machine: str) -> None:
    assert plain(D(amount)) == machine


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [
        ("1234.56", 2, "1.234,56"),
        ("1234567.891", 2, "1.234.567,89"),
        ("1000000", 2, "1.000.000,00"),
        ("999.99", 2, "999,99"),
        ("999.995", 2, "1.000,00"),  # rounding carries into a new thousands group
        ("-1234.5", 2, "-1.234,50"),
        ("0.5", 0, "1"),
        ("2.5", 0, "3"),
        ("12345.6789", 3, "12.345,679"),
        ("0", 2, "0,00"),
    ],
)
def test_german_number_has_dot_thousands_comma_decimals_and_rounds_half_up(value: str, places: int, text: str) -> None:
    assert german_number(D(value), places) == text


def test_eur_puts_a_non_breaking_space_before_the_euro_sign() -> None:
    assert eur(D("1234.56")) == f"1.234,56{NBSP}€"
    assert eur(ZERO) == f"0,00{NBSP}€"
    assert eur(D("1000000")) == f"1.000.000,00{NBSP}€"
    assert eur(D("0.005")) == f"0,01{NBSP}€"
    assert " " not in eur(D("1234.56"))  # an ordinary space would let a line break split the amount


@pytest.mark.parametrize(
    ("factor", "text"),
    [
        ("2.3", "2,3"),
        ("2.30", "2,3"),
        ("3.5", "3,5"),
        ("1.15", "1,15"),
        ("20", "20"),
        ("20.0", "20"),
        ("100", "100"),
        ("0.25", "0,25"),
    ],
)
def test_german_factor_has_a_comma_and_no_trailing_zeros_nor_exponent(factor: str, text: str) -> None:
    assert german_factor(D(factor)) == text


@pytest.mark.parametrize(
    ("rate", "text"),
    [("0.80", "80"), ("0.9", "90"), ("1", "100"), ("1.00", "100"), ("0", "0"), ("0.075", "7,5"), ("0.19", "19")],
)
def test_percent_is_the_rate_times_100_with_a_non_breaking_space(rate: str, text: str) -> None:
    assert percent(D(rate)) == f"{text}{NBSP}%"


def test_german_date_is_tt_mm_jjjj_with_leading_zeros() -> None:
    assert german_date(dt.date(2026, 3, 1)) == "01.03.2026"
    assert german_date(dt.date(2026, 12, 31)) == "31.12.2026"
    assert german_date(dt.date(1900, 1, 1)) == "01.01.1900"
    assert german_date(dt.datetime(2026, 3, 10, 23, 59)) == "10.03.2026"


def test_german_date_of_no_date_is_empty() -> None:
    assert german_date(None) == ""


def test_a_factor_keeps_one_place_as_a_fee_table_writes_it() -> None:
    assert [factor_text(D(v)) for v in ("4", "1", "2.3", "3.50", "1.15")] == ["4,0", "1,0", "2,3", "3,5", "1,15"]


def test_an_amount_where_room_is_short_drops_only_zero_cents() -> None:
    assert [whole_eur(D(v)) for v in ("3000", "3000.00", "1459.22")] == ["3.000\u00a0€", "3.000\u00a0€", "1.459,22\u00a0€"]
    assert [about_eur(D(v)) for v in ("1000.00", "1366.77", "0.49")] == ["1.000\u00a0€", "≈\u00a01.367\u00a0€", "≈\u00a00\u00a0€"]
