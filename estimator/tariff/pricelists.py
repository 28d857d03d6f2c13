"""The price lists as dated files: the lab list (maximum prices), GOZ and GOÄ (fee schedules), each with its source."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Source:
    """Version, valid-from date and origin of a price list or profile."""

    name: str
    version: str
    valid_from: dt.date
    source: str


@dataclass(frozen=True)
class LabPrice:
    code: str
    text: str
    group: str
    max_price: Decimal


@dataclass(frozen=True)
class LabList:
    """A lab price list in force from its valid-from date: code -> maximum net price."""

    source: Source
    prices: dict[str, LabPrice]

    def get(self, code: str) -> LabPrice | None:
        return self.prices.get(code)

    def __len__(self) -> int:
        return len(self.prices)


@dataclass(frozen=True)
class Fee:
    """A fee schedule entry; category decides threshold and maximum factor (GOÄ § 5)."""

    schedule: str
    nr: str
    section: str
    text: str
    points: int | None
    category: str  # personal | technical | laboratory | single_rate
    rule_without_points: str | None = None
    dentist_billable: bool = True  # GOZ § 6 Abs. 2: a GOÄ number a dentist may bill (without a condition)


@dataclass(frozen=True)
class FeeSchedule:
    """A fee schedule as listed. An entry becomes a Fee when first asked for: the GOÄ lists 2,776 numbers, a
    plan uses a handful, and building them all would hold up the start of the program."""

    schedule: str
    source: Source
    point_value: Decimal
    thresholds: dict[str, Decimal]
    entries: dict[str, dict[str, Any]]
    _fees: dict[str, Fee] = field(default_factory=dict, compare=False, repr=False)
    _told_apart: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __len__(self) -> int:
        return len(self.entries)

    def told_apart(self, nr: str) -> int:
        """How much of a number's text tells it from every other text of the schedule, to the end of the first word
        in which it differs (2060, 2080 and 2100 read alike up to „einflächig“, „zweiflächig“, „dreiflächig“, past
        the hundredth character); its whole length when another text begins with all of it; 0 for an unknown
        number. Worked out for all numbers at the first question: each text against its neighbours in order."""
        if not self._told_apart:
            texts = sorted((str(entry["text"]), nr) for nr, entry in self.entries.items())
            for index, (text, number) in enumerate(texts):
                shared = max((_shared(text, texts[k][0]) for k in (index - 1, index + 1) if 0 <= k < len(texts)), default=0)
                end = text.find(" ", shared)
                self._told_apart[number] = len(text) if end < 0 else end
        return self._told_apart.get(nr, 0)

    def get(self, nr: str) -> Fee | None:
        fee = self._fees.get(nr)
        if fee is None:
            entry = self.entries.get(nr)
            if entry is None:
                return None
            fee = self._fees[nr] = _fee(self.schedule, entry)
        return fee


def source_of(document: dict[str, Any]) -> Source:
    return Source(
        name=str(document["name"]),
        version=str(document["version"]),
        valid_from=dt.date.fromisoformat(str(document["valid_from"])),
        source=str(document["source"]),
    )


def decimals(mapping: dict[str, Any]) -> dict[str, Decimal]:
    return {key: Decimal(str(value)) for key, value in mapping.items()}


def _shared(one: str, other: str) -> int:
    """The length of the beginning two texts share."""
    return next((index for index, (a, b) in enumerate(zip(one, other, strict=False)) if a != b), min(len(one), len(other)))


def _fee(schedule: str, entry: dict[str, Any]) -> Fee:
    single = entry.get("single_rate_only", False)
    return Fee(
        schedule=schedule,
        nr=entry["nr"],
        section=entry["section"],
        text=entry["text"],
        points=entry["points"],
        category=entry.get("category") or ("single_rate" if single else "personal"),
        rule_without_points=entry.get("rule_without_points"),
        dentist_billable=entry.get("dentist_billable", True) is not False,
    )


def load_fee_schedule(path: Path, schedule: str) -> FeeSchedule:
    data = json.loads(path.read_text(encoding="utf-8"))
    entries = {entry["nr"]: entry for entry in data["entries"]}
    thresholds = data.get("thresholds") or {"personal": data["threshold_factor"], "single_rate": "1.0"}
    return FeeSchedule(schedule, source_of(data), Decimal(data["point_value_eur"]), decimals(thresholds), entries)


def load_lab_list(path: Path) -> LabList:
    data = json.loads(path.read_text(encoding="utf-8"))
    prices = {e["code"]: LabPrice(e["code"], e["text"], e["group"], Decimal(e["max_price"])) for e in data["entries"]}
    return LabList(source_of(data), prices)
