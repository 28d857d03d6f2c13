"""Working days of a practice: weekends and the public holidays of all German states are not."""

from __future__ import annotations

import datetime as dt

import pytest

from estimator.workdays import easter_sunday, first_working_day

D = dt.date


@pytest.mark.parametrize(
    ("year", "easter"), [(2024, D(2024, 3, 31)), (2026, D(2026, 4, 5)), (2027, D(2027, 3, 28)), (2038, D(2038, 4, 25))]
)
def test_easter_sunday(year: int, easter: dt.date) -> None:
    assert easter_sunday(year) == easter


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2027, 1, 1), D(2027, 1, 4)),  # Neujahr on a Friday, then the weekend
        (D(2026, 4, 3), D(2026, 4, 7)),  # Karfreitag, the weekend, Ostermontag
        (D(2026, 5, 14), D(2026, 5, 15)),  # Christi Himmelfahrt
        (D(2026, 5, 25), D(2026, 5, 26)),  # Pfingstmontag
        (D(2026, 12, 24), D(2026, 12, 24)),  # Heiligabend is a working day
        (D(2026, 12, 25), D(2026, 12, 28)),  # both Christmas days, then Monday
        (D(2026, 10, 3), D(2026, 10, 5)),  # Tag der Deutschen Einheit on a Saturday
        (D(2026, 3, 10), D(2026, 3, 10)),
    ],
)
def test_first_working_day(day: dt.date, working: dt.date) -> None:
    assert first_working_day(day) == working
