"""The services the picker finds: by number, by the words of the schedules, and by the words a practice says for
them; the dental ones first."""

from __future__ import annotations

import datetime as dt

import pytest

from estimator.kinds import Schedule
from estimator.tariff.catalogues import load_tariffs
from estimator.tariff.services import search


def found(query: str, first: int = 3) -> list[str]:
    catalogues = load_tariffs().default.on(dt.date(2026, 3, 10))
    return [f"{s.schedule.value if s.schedule else 'Labor'} {s.number}" for s in search(catalogues, query)[:first]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("PZR", ["GOZ 1040"]),
        ("Betäubung", ["GOZ 0080", "GOZ 0090", "GOZ 0100"]),
        ("Knochenaufbau", ["GOZ 4110", "GOZ 4138", "GOZ 9090"]),
        ("Wurzelbehandlung", ["GOZ 2330", "GOZ 2340", "GOZ 2350"]),
        ("Röntgen", ["GOZ 6020", "GOÄ 5000", "GOÄ 5002"]),
        ("2210", ["GOZ 2210", "GOÄ 2210"]),
        ("Vollkeramik Inlay", ["Labor 0319", "Labor 0320", "Labor 0321"]),
        ("Extraktion", ["GOZ 3000", "GOZ 3010", "GOZ 3020"]),
        ("Fissurenversiegelung", ["GOZ 2000"]),
        ("Totalprothese", ["GOZ 5220", "GOZ 5230"]),
        ("Keramikkrone", ["Labor 0323", "Labor 0347"]),
    ],
)
def test_words_a_practice_says_find_the_services(query: str, expected: list[str]) -> None:
    assert found(query, len(expected)) == expected


def test_a_word_of_the_schedule_still_finds_only_what_holds_it() -> None:
    catalogues = load_tariffs().default.on(dt.date(2026, 3, 10))
    results = search(catalogues, "Knochenaufbau")
    assert {s.number for s in results} >= {"9090", "9100", "9110", "9120", "4110"}
    assert [s.schedule for s in results][-1] is Schedule.GOAE and "2180" not in {s.number for s in results}
    assert found("Krone", 2) == ["GOZ 2180", "GOZ 2190"]  # GOZ in the order of its numbers


def test_a_practice_word_finds_no_flood_of_unrelated_services() -> None:
    catalogues = load_tariffs().default.on(dt.date(2026, 3, 10))
    extraction = search(catalogues, "Extraktion")
    assert len(extraction) < 30 and all(any(w in s.text.lower() for w in ("entfernung eines", "extraktion")) for s in extraction)
    assert {s.number for s in search(catalogues, "Wurzelbehandlung")} >= {"2360", "2390", "2410", "2420", "2440"}
