"""The tariff profile: every number, range, name and section of the tariff rules, read from one dated TOML file.

This module and its TOML files are the only places that know a fee number, a range of the fee schedule, a lab
code or a name of the tariff; the rules ask the profile (spec section 2, 3, 5 and 8).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from decimal import Decimal
from pathlib import Path
from typing import Any

from estimator.auslegung import Auslegung, SettingNames
from estimator.kinds import LineClass
from estimator.model import MAX_CAP_YEARS
from estimator.phrases import Term
from estimator.tariff.pricelists import Source, decimals, source_of


class ProfileError(ValueError):
    """A tariff profile that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class Codes:
    """Fee numbers or lab codes from first to last: "2200"-"2320", "I 111"-"I 117" (same kind and length)."""

    first: str
    last: str

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, str):
            return False
        first = self.first
        return code.startswith("I ") == first.startswith("I ") and len(code) == len(first) and first <= code <= self.last


def in_any(code: str, ranges: tuple[Codes, ...]) -> bool:
    return any(code in r for r in ranges)


@dataclass(frozen=True)
class ClassRule:
    """The class a range of fee numbers (or lab codes) has by itself, the section that says so and its name."""

    codes: tuple[Codes, ...]
    line_class: LineClass
    section: str
    label: Term
    preparatory: bool = False  # a line of the range may be a preparatory measure (Nr. II.3.2 a)


@dataclass(frozen=True)
class Variant:
    name: str
    deductible_youth: Decimal
    deductible_adult: Decimal


@dataclass(frozen=True)
class DerivedFee:
    """A fee number without points: a share of the first related fee (of the range) on the same tooth."""

    related: Codes
    share: Decimal


@dataclass(frozen=True)
class Sections:
    """The section each rule cites, as the tariff (or the fee schedule it refers to) names it."""

    rate_A: str
    rate_B: str
    rate_P: str
    not_eligible: str
    preparatory: str
    surcharge: str
    orthodontics: str
    lab_class: str
    fee_limits: str
    unknown_fee: str
    lab_prices: str
    lab_list: str
    lab_never_eligible: str
    lab_unlisted: str
    lab_maximum: str
    implants: str
    pzr: str
    staged_cap: str
    accident: str
    deductible: str
    cost_estimate: str
    insurance_start: str
    goz_fee: str
    goae_fee: str
    goz_analogue: str
    goae_analogue: str
    goz_threshold: str
    goae_threshold: str
    fee_units: str
    per_day: str
    prophylaxis: str


@dataclass(frozen=True)
class Profile:
    """The tariff profile in force from source.valid_from."""

    source: Source
    display_name: str
    price_lists: dict[str, str]  # lab | goz | goae -> folder of pricelists/
    lab_list_name: str
    variants: tuple[Variant, ...]
    default_variant: str
    deductible_youth_until: int
    rates: dict[str, Decimal]
    staged_caps: tuple[Decimal, ...]
    sections: Sections
    fee_classes: tuple[ClassRule, ...]
    goae_class: ClassRule
    other_class: ClassRule
    splints: ClassRule
    orthodontics: ClassRule
    orthodontics_lab: ClassRule
    orthodontics_age_limit: int
    tooth_level_services: tuple[Codes, ...]
    lab_classes: tuple[ClassRule, ...]
    pzr_numbers: frozenset[str]
    pzr_limit: Decimal
    pzr_limit_cooperating: Decimal
    implants_per_jaw: int
    implant_numbers: frozenset[str]
    checkup_numbers: frozenset[str]
    checkup_label: Term
    individual_prophylaxis: frozenset[str]
    prophylaxis_frequency: dict[str, dict[str, int]]  # Auslegung prophylaxis_frequency -> fee number -> units a year
    prophylaxis_exclusive: frozenset[str]  # beside these some numbers need a reason
    needs_reason_beside_prophylaxis: dict[str, frozenset[str]]  # schedule ("GOZ", "GOÄ") -> fee numbers
    surcharge_numbers: frozenset[str]
    surcharge_label: Term
    surgical: tuple[Codes, ...]
    surgical_goae_sections: frozenset[str]
    surgical_label: Term
    laser_number: str
    lasered_numbers: frozenset[str]
    laser_maximum: Decimal
    derived_fees: dict[str, DerivedFee]
    max_factors: dict[str, Decimal]
    lab_default_vat: Decimal
    lab_usual_vat: tuple[Decimal, ...]
    lab_cost_estimate_threshold: Decimal
    lab_per_jaw_limits: dict[str, int]
    never_eligible_words: tuple[str, ...]
    auslegung: Auslegung
    auslegung_choices: dict[str, tuple[Any, ...]]
    auslegung_names: SettingNames

    @property
    def variant_names(self) -> tuple[str, ...]:
        return tuple(v.name for v in self.variants)

    def variant(self, name: str) -> Variant | None:
        return next((v for v in self.variants if v.name == name), None)

    @property
    def cap_years(self) -> int:
        return len(self.staged_caps)

    def settings(self, overrides: Mapping[str, object] | None = None) -> Auslegung:
        """The Auslegung settings with a user's overrides, checked against the values this profile allows."""
        return self.auslegung.changed(overrides or {}, self.auslegung_choices)


def _codes(pairs: Any) -> tuple[Codes, ...]:
    return tuple(Codes(str(first), str(last)) for first, last in pairs)


def _term(data: dict[str, Any]) -> Term:
    return Term(str(data["de"]), str(data["en"]))


def _class_rule(data: dict[str, Any], key: str = "numbers", line_class: str | None = None) -> ClassRule:
    pairs = [data[key]] if data[key] and isinstance(data[key][0], str) else data[key]
    return ClassRule(
        codes=_codes(pairs),
        line_class=LineClass(line_class or data["class"]),
        section=str(data.get("section", "")),
        label=_term(data["label"]),
        preparatory=bool(data.get("preparatory", False)),
    )


def _simple_rule(data: dict[str, Any]) -> ClassRule:
    return ClassRule((), LineClass(data["class"]), str(data["section"]), _term(data["label"]), bool(data.get("preparatory")))


def load_profile(path: Path) -> Profile:
    """Read and check a profile; ProfileError names the file and what is wrong."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        profile = _profile(data)
    except (KeyError, TypeError, ValueError, IndexError, ArithmeticError) as error:
        raise ProfileError(f"{path}: Tarifprofil unvollständig oder fehlerhaft ({type(error).__name__}: {error})") from None
    _check(profile, path)
    return profile


def _setting_names(data: dict[str, Any]) -> SettingNames:
    return SettingNames(
        settings={name: _term(entry) for name, entry in data.items()},
        values={name: {value: _term(term) for value, term in entry.get("values", {}).items()} for name, entry in data.items()},
    )


def _profile(data: dict[str, Any]) -> Profile:
    prophylaxis, orthodontics, surcharges = data["prophylaxis"], data["orthodontics"], data["surcharges"]
    section_names = {f.name for f in fields(Sections)}
    return Profile(
        source=source_of(data),
        display_name=str(data["display_name"]),
        price_lists={k: str(v) for k, v in data["price_lists"].items()},
        lab_list_name=str(data["lab_list_name"]),
        variants=tuple(
            Variant(str(v["name"]), Decimal(v["deductible_youth"]), Decimal(v["deductible_adult"])) for v in data["variants"]
        ),
        default_variant=str(data["default_variant"]),
        deductible_youth_until=int(data["deductible"]["youth_until"]),
        rates=decimals(data["rates"]),
        staged_caps=tuple(Decimal(v) for v in data["staged_caps"]["cumulative"]),
        sections=Sections(**{k: str(v) for k, v in data["sections"].items() if k in section_names}),
        fee_classes=tuple(_class_rule(entry) for entry in data["fee_classes"]),
        goae_class=_simple_rule(data["goae_class"]),
        other_class=_simple_rule(data["other_class"]),
        splints=_class_rule(data["splints"], line_class="A"),
        orthodontics=_class_rule(orthodontics, line_class="B"),
        orthodontics_lab=ClassRule(_codes(orthodontics["lab_codes"]), LineClass.B, "", _term(orthodontics["lab_label"])),
        orthodontics_age_limit=int(orthodontics["age_limit"]),
        tooth_level_services=_codes(data["preparatory"]["tooth_level_services"]),
        lab_classes=tuple(_class_rule(entry, key="codes") for entry in data["lab_classes"]),
        pzr_numbers=frozenset(data["pzr"]["fee_numbers"]),
        pzr_limit=Decimal(data["pzr"]["limit"]),
        pzr_limit_cooperating=Decimal(data["pzr"]["limit_cooperating"]),
        implants_per_jaw=int(data["implants"]["per_jaw"]),
        implant_numbers=frozenset(data["implants"]["insertion_numbers"]),
        checkup_numbers=frozenset(prophylaxis["checkup_numbers"]),
        checkup_label=_term(prophylaxis["checkup_label"]),
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
        surcharge_numbers=frozenset(surcharges["numbers"]),
        surcharge_label=_term(surcharges["label"]),
        surgical=_codes(surcharges["surgical"]),
        surgical_goae_sections=frozenset(surcharges["surgical_goae_sections"]),
        surgical_label=_term(surcharges["surgical_label"]),
        laser_number=str(data["laser"]["number"]),
        lasered_numbers=frozenset(data["laser"]["lasered_numbers"]),
        laser_maximum=Decimal(data["laser"]["maximum"]),
        derived_fees={
            str(number): DerivedFee(Codes(*map(str, entry["of"])), Decimal(entry["share"]))
            for number, entry in data["derived_fees"].items()
        },
        max_factors=decimals(data["max_factors"]),
        lab_default_vat=Decimal(data["lab"]["default_vat_percent"]),
        lab_usual_vat=tuple(Decimal(v) for v in data["lab"]["usual_vat_percents"]),
        lab_cost_estimate_threshold=Decimal(data["lab"]["cost_estimate_threshold"]),
        lab_per_jaw_limits={k: int(v) for k, v in data["lab"]["per_jaw_limits"].items()},
        never_eligible_words=tuple(data["lab"]["never_eligible_words"]),
        auslegung=Auslegung.of(data["auslegung"]),
        auslegung_choices={k: tuple(v) for k, v in data["auslegung_choices"].items()},
        auslegung_names=_setting_names(data["auslegung_names"]),
    )


def _check(profile: Profile, path: Path) -> None:
    problems = []
    if profile.default_variant not in profile.variant_names:
        problems.append(f"default_variant {profile.default_variant} ist keine der Varianten")
    if not 0 <= profile.cap_years <= MAX_CAP_YEARS:
        problems.append(f"höchstens {MAX_CAP_YEARS} Jahre Zahnstaffel")
    if any(b < a for a, b in zip(profile.staged_caps, profile.staged_caps[1:], strict=False)):
        problems.append("die Zahnstaffel ist kumuliert und steigt von Jahr zu Jahr")
    missing = {"A", "A_cooperating", "B", "P", "X"} - profile.rates.keys()
    if missing:
        problems.append(f"Erstattungssätze fehlen: {', '.join(sorted(missing))}")
    if set(profile.auslegung_choices) != set(Auslegung.names()):
        problems.append(f"auslegung_choices nennt genau: {', '.join(Auslegung.names())}")
    for name, value in profile.auslegung.items():
        if value not in profile.auslegung_choices.get(name, ()):
            problems.append(f"Auslegung {name}={value} steht nicht unter auslegung_choices")
    if not {"lab", "goz", "goae"} <= profile.price_lists.keys():
        problems.append("price_lists nennt lab, goz und goae")
    if problems:
        raise ProfileError(f"{path}: " + "; ".join(problems))


def valid_from(path: Path) -> dt.date:
    """The valid-from date a dated file is named by: pricelists/dkv/bm5/2026-01-01.toml -> 2026-01-01."""
    try:
        return dt.date.fromisoformat(path.stem.split(".")[0])
    except ValueError:
        raise ProfileError(f"{path}: Dateiname ist kein Gültigkeitsbeginn JJJJ-MM-TT") from None
