"""Decimal money: rounding half-up to cents, and German formatting for display only."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def cents(amount: Decimal) -> Decimal:
    """Round to cents, half-up (the tariff rules' rounding)."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def unit_share(amount: Decimal, units: Decimal) -> Decimal:
    """An amount's share of each of its units, to the fourth place (as far as a unit price is written): 389,00 € for
    3 units is 129,6667 €, which gives the 389,00 € again."""
    return (amount / units).quantize(Decimal("1e-4"), rounding=ROUND_HALF_UP)


def spread_cents(exact: list[Decimal], total: Decimal) -> list[Decimal]:
    """Exact amounts in cents that sum to `total` (itself in cents, at most a cent a line from their sum): each cut
    to its cent, the cents left given to those cut the most (an invoice's VAT on the sum of its lines, spread over
    them)."""
    floors = [amount.quantize(CENT, rounding=ROUND_FLOOR) for amount in exact]
    left = int((total - sum(floors, ZERO)) / CENT)
    order = sorted(range(len(exact)), key=lambda k: (floors[k] - exact[k], k))  # the largest remainder first
    raised = set(order[: max(0, min(left, len(exact)))])
    return [floor + CENT if k in raised else floor for k, floor in enumerate(floors)]


def plain(amount: Decimal) -> str:
    """Machine form of an amount: "1234.56"."""
    return f"{cents(amount):.2f}"


def german_number(value: Decimal, places: int = 2) -> str:
    """German number format: 1.234,56."""
    quantum = Decimal(1).scaleb(-places)
    rounded = value.quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{rounded if rounded else abs(rounded):,.{places}f}"  # never "-0,00"
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def price_places(price: Decimal) -> int:
    """The decimal places a unit price is shown with: 2, or as many as it has up to 4 (61,555 × 1,19 = 73,25 reads
    right only with its third place)."""
    exponent = price.normalize().as_tuple().exponent
    return min(4, max(2, -exponent)) if isinstance(exponent, int) else 2


def eur(amount: Decimal, places: int = 2) -> str:
    """German money format: 1.234,56 €."""
    return f"{german_number(amount, places)}\u00a0€"


def whole_eur(amount: Decimal) -> str:
    """An amount where room is short: 3.000 € for whole euros, else 1.234,56 €."""
    return f"{german_number(amount, 0)}\u00a0€" if amount == amount.to_integral_value() else eur(amount)


def about_eur(amount: Decimal) -> str:
    """An amount where room is short for the cents: 1.000 € when it is whole, else ≈ 1.367 € (said exactly
    elsewhere, the chart's tooltip)."""
    whole = f"{german_number(amount, 0)}\u00a0€"
    return whole if amount == amount.to_integral_value() else f"≈\u00a0{whole}"


def german_factor(value: Decimal) -> str:
    """A count or rate as Germans write it: 2,3 or 28 (no trailing zeros)."""
    return f"{value.normalize():f}".replace(".", ",")


def factor_text(value: Decimal) -> str:
    """A factor (Steigerungssatz) as a fee table writes it, with at least one place: 2,3 · 3,5 · 4,0 · 1,0."""
    text = german_factor(value)
    return text if "," in text else f"{text},0"


def percent(rate: Decimal) -> str:
    """A rate as percent: 0.80 -> "80 %"."""
    return f"{german_factor((rate * 100).normalize())}\u00a0%"


def german_date(value: dt.date | None) -> str:
    """TT.MM.JJJJ, or an empty string."""
    return value.strftime("%d.%m.%Y") if value else ""
