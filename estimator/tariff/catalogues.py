"""Price lists and the tariff profile from pricelists/: B 269, GOZ 2012, GOÄ, BM5 / 0-3."""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from estimator.resources import PRICELISTS


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
class Fee:
    """A fee schedule entry; category decides threshold and maximum factor (GOÄ § 5)."""

    schedule: str
    nr: str
    section: str
    text: str
    points: int | None
    category: str  # personal | technical | laboratory | single_rate
    rule_without_points: str | None = None


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

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, nr: str) -> Fee | None:
        fee = self._fees.get(nr)
        if fee is None:
            entry = self.entries.get(nr)
            if entry is None:
                return None
            fee = self._fees[nr] = _fee(self.schedule, entry)
        return fee


@dataclass(frozen=True)
class Profile:
    """The tariff profile: every number and Auslegung setting of the tariff rules."""

    source: Source
    variants: tuple[str, ...]
    default_variant: str
    rates: dict[str, Decimal]
    staged_caps: tuple[Decimal, ...]
    pzr_numbers: frozenset[str]
    pzr_limit: Decimal
    pzr_limit_cooperating: Decimal
    implants_per_jaw: int
    implant_numbers: frozenset[str]
    orthodontics_age_limit: int
    deductible_youth_until: int
    deductible_youth: dict[str, Decimal]
    deductible_adult: dict[str, Decimal]
    max_factors: dict[str, Decimal]
    lab_default_vat: Decimal
    lab_cost_estimate_threshold: Decimal
    lab_per_jaw_limits: dict[str, int]
    never_eligible_words: tuple[str, ...]
    lab_usual_vat: tuple[Decimal, ...]
    checkup_numbers: frozenset[str]
    individual_prophylaxis: frozenset[str]
    prophylaxis_frequency: dict[str, dict[str, int]]  # Auslegung prophylaxis_frequency -> fee number -> units a year
    prophylaxis_exclusive: frozenset[str]  # 1000, 1010: beside them some numbers need a reason
    needs_reason_beside_prophylaxis: dict[str, frozenset[str]]  # schedule ("GOZ", "GOÄ") -> fee numbers
    surcharge_numbers: frozenset[str]
    laser_number: str
    lasered_numbers: frozenset[str]
    laser_maximum: Decimal
    auslegung: dict[str, Any] = field(default_factory=dict)
    auslegung_choices: dict[str, tuple[Any, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Catalogues:
    """Everything the engine looks up: the tariff profile and the three price lists."""

    profile: Profile
    b269: dict[str, LabPrice]
    b269_source: Source
    goz: FeeSchedule
    goae: FeeSchedule

    def versions(self) -> dict[str, str]:
        return {
            "tariff_profile": self.profile.source.version,
            "b269": self.b269_source.version,
            "goz": self.goz.source.version,
            "goae": self.goae.source.version,
        }

    def sources(self) -> tuple[Source, ...]:
        return (self.profile.source, self.b269_source, self.goz.source, self.goae.source)

    def catalogue_text(self, kind: str, schedule: str, number: str) -> str:
        """The catalogue's short text for a fee number or lab code, or an empty string."""
        if kind == "lab":
            price = self.b269.get(number)
            return price.text if price else ""
        fee = (self.goz if schedule == "GOZ" else self.goae).get(number)
        return fee.text if fee else ""


def _source(document: dict[str, Any]) -> Source:
    return Source(
        name=str(document["name"]),
        version=str(document["version"]),
        valid_from=dt.date.fromisoformat(str(document["valid_from"])),
        source=str(document["source"]),
    )


def _decimals(mapping: dict[str, Any]) -> dict[str, Decimal]:
    return {key: Decimal(str(value)) for key, value in mapping.items()}


def load_profile(path: Path) -> Profile:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    prophylaxis = data["prophylaxis"]
    return Profile(
        source=_source(data),
        variants=tuple(data["variants"]),
        default_variant=data["default_variant"],
        rates=_decimals(data["rates"]),
        staged_caps=tuple(Decimal(v) for v in data["staged_caps"]["cumulative"]),
        pzr_numbers=frozenset(data["pzr"]["fee_numbers"]),
        pzr_limit=Decimal(data["pzr"]["limit"]),
        pzr_limit_cooperating=Decimal(data["pzr"]["limit_cooperating"]),
        implants_per_jaw=int(data["implants"]["per_jaw"]),
        implant_numbers=frozenset(data["implants"]["insertion_numbers"]),
        orthodontics_age_limit=int(data["orthodontics"]["age_limit"]),
        deductible_youth_until=int(data["deductible"]["youth_until"]),
        deductible_youth=_decimals(data["deductible"]["youth"]),
        deductible_adult=_decimals(data["deductible"]["adult"]),
        max_factors=_decimals(data["max_factors"]),
        lab_default_vat=Decimal(data["lab"]["default_vat_percent"]),
        lab_cost_estimate_threshold=Decimal(data["lab"]["cost_estimate_threshold"]),
        lab_per_jaw_limits={k: int(v) for k, v in data["lab"]["per_jaw_limits"].items()},
        never_eligible_words=tuple(data["lab"]["never_eligible_words"]),
        lab_usual_vat=tuple(Decimal(v) for v in data["lab"]["usual_vat_percents"]),
        checkup_numbers=frozenset(prophylaxis["checkup_numbers"]),
        individual_prophylaxis=frozenset(prophylaxis["individual_numbers"]),
        prophylaxis_frequency={
            reading: {number: int(units) for number, units in prophylaxis[f"frequency_{reading}"].items()}
            for reading in data["auslegung_choices"]["prophylaxis_frequency"]
        },
        prophylaxis_exclusive=frozenset(prophylaxis["exclusive_with"]),
        needs_reason_beside_prophylaxis={
            "GOZ": frozenset(prophylaxis["needs_reason_goz"]),
            "GOÄ": frozenset(prophylaxis["needs_reason_goae"]),
        },
        surcharge_numbers=frozenset(data["surcharges"]["numbers"]),
        laser_number=str(data["laser"]["number"]),
        lasered_numbers=frozenset(data["laser"]["lasered_numbers"]),
        laser_maximum=Decimal(data["laser"]["maximum"]),
        auslegung=dict(data["auslegung"]),
        auslegung_choices={k: tuple(v) for k, v in data["auslegung_choices"].items()},
    )


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
    )


def _fee_schedule(path: Path, schedule: str) -> FeeSchedule:
    data = json.loads(path.read_text(encoding="utf-8"))
    entries = {entry["nr"]: entry for entry in data["entries"]}
    thresholds = data.get("thresholds") or {"personal": data["threshold_factor"], "single_rate": "1.0"}
    return FeeSchedule(schedule, _source(data), Decimal(data["point_value_eur"]), _decimals(thresholds), entries)


def _b269(path: Path) -> tuple[dict[str, LabPrice], Source]:
    data = json.loads(path.read_text(encoding="utf-8"))
    prices = {e["code"]: LabPrice(e["code"], e["text"], e["group"], Decimal(e["max_price"])) for e in data["entries"]}
    return prices, _source(data)


@cache
def load_catalogues(directory: Path = PRICELISTS) -> Catalogues:
    """Load (once per directory) the tariff profile and the price lists."""
    b269, b269_source = _b269(directory / "b269.json")
    return Catalogues(
        profile=load_profile(directory / "bm5.toml"),
        b269=b269,
        b269_source=b269_source,
        goz=_fee_schedule(directory / "goz2012.json", "GOZ"),
        goae=_fee_schedule(directory / "goae.json", "GOÄ"),
    )


def normalize_lab_code(value: object) -> str:
    """B 269 code as listed: "344" -> "0344", "I111" -> "I 111"."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip().upper()
    implant = re.fullmatch(r"I\s*-?\s*([0-9]{3})", text)
    if implant:
        return f"I {implant[1]}"
    if (text.isascii() and text.isdigit()) and len(text) <= 4:
        return text.zfill(4)
    return text


def normalize_fee_number(value: object, schedule: str) -> str:
    """Fee number as catalogued: GOZ "10" -> "0010"; GOÄ "Ä5004" -> "5004", "k1" -> "K 1"."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if schedule == "GOZ":
        return text.zfill(4) if (text.isascii() and text.isdigit()) and len(text) <= 4 else text
    text = re.sub(r"^(?:Ä|AE|A(?=[0-9]))\s*", "", text, flags=re.IGNORECASE).strip()
    letter_number = re.fullmatch(r"([A-Za-z])\s*([0-9])", text)
    if letter_number:
        return f"{letter_number[1].upper()} {letter_number[2]}"
    return text.upper() if len(text) == 1 else text.lower() if re.fullmatch(r"[0-9]+[A-Za-z]", text) else text
