"""The tariff profile: every number, range, name and section of the tariff rules, read from one dated TOML file.

This module and its TOML files are the only places that know a fee number, a range of the fee schedule, a lab
code or a name of the tariff; the rules ask the profile (spec section 2, 3, 5 and 8).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from decimal import Decimal
from pathlib import Path
from typing import Any

from estimator.auslegung import Auslegung, SettingError, SettingNames
from estimator.kinds import LineClass
from estimator.model import MAX_CAP_YEARS
from estimator.money import ZERO
from estimator.phrases import Term
from estimator.tariff.checked import Codes, PointBand, ProfileError, Ranges, Table, point_bands, remembered
from estimator.tariff.feelimits import FeeLimits, fee_limits
from estimator.tariff.pricelists import Source, source_of


def in_any(code: str, ranges: tuple[Codes, ...]) -> bool:
    if isinstance(ranges, Ranges):
        return ranges.holds(code)
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
    goae_for_dentists: str
    goz_threshold: str
    goae_threshold: str
    fee_units: str
    per_day: str
    single_rate: str  # the numbers billed at the simple rate only (GOZ 0110, 0120, 0500-0530)
    laser_cap: str  # the laser surcharge's maximum a day
    surcharge_points: str
    prophylaxis: str
    materials: str
    materials_included: str
    impression_material: str
    surcharges_beside_goae: str


@dataclass(frozen=True)
class Profile:
    """The tariff profile in force from source.valid_from."""

    source: Source
    display_name: str
    price_lists: dict[str, str]  # lab | goz | goae -> folder of pricelists/
    lab_list_name: str
    conditions: str  # the conditions the sections belong to, as the letter names them
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
    needs_tooth: tuple[Codes, ...]  # services on one tooth each: a line of them without a tooth is asked about
    lab_classes: tuple[ClassRule, ...]
    pzr_numbers: frozenset[str]
    pzr_limit: Decimal
    pzr_limit_cooperating: Decimal
    implants_per_jaw: int
    implant_numbers: frozenset[str]
    implant_lab_codes: tuple[Codes, ...]  # lab work on an implant: where an implant of unknown place may sit
    checkup_numbers: frozenset[str]
    checkup_label: Term
    individual_prophylaxis: frozenset[str]
    prophylaxis_frequency: dict[str, dict[str, int]]  # Auslegung prophylaxis_frequency -> fee number -> units a year
    prophylaxis_exclusive: frozenset[str]  # beside these some numbers need a reason
    needs_reason_beside_prophylaxis: dict[str, frozenset[str]]  # schedule ("GOZ", "GOÄ") -> fee numbers
    surcharge_numbers: frozenset[str]
    surcharge_label: Term
    surcharge_points: dict[str, PointBand]  # surcharge number -> the points of the service it is for
    surgical: tuple[Codes, ...]
    surgical_goae_sections: frozenset[str]
    surgical_listed: Ranges  # the services GOZ Abschnitt L names (Auslegung surcharge_services goz_list)
    surgical_label: Term
    fee_limits: FeeLimits  # what the GOZ's own text limits
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
    lab_rules: dict[str, ClassRule | None] = field(default_factory=dict, init=False, compare=False, repr=False)

    def lab_class_rule(self, code: str) -> ClassRule | None:
        """The range of the lab price list a code is in, with its class and name (None: in no range); remembered, as
        the ranges remember."""
        if code in self.lab_rules:
            return self.lab_rules[code]
        return remembered(self.lab_rules, code, next((r for r in self.lab_classes if in_any(code, r.codes)), None))

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


ONE = Decimal(1)
MONEY_LIMIT = Decimal(1_000_000)
PRICE_LISTS = frozenset({"lab", "goz", "goae"})
MAX_FACTOR_KEYS = frozenset({"GOZ", "GOÄ.personal", "GOÄ.technical", "GOÄ.laboratory", "GOÄ.single_rate"})
RATE_KEYS = frozenset({"A", "A_cooperating", "B", "P", "X"})
SOURCE_KEYS = ("name", "version", "valid_from", "source")


def _class_rule(table: Table, key: str = "numbers", line_class: str | None = None, sectioned: bool = True) -> ClassRule:
    """A range with its class; a fee range names the section that gives the class (a lab range takes its section
    from the rule that uses it)."""
    rule = ClassRule(
        codes=table.codes(key),
        line_class=_line_class(table, line_class),
        section=table.text("section") if sectioned else table.text("section", ""),
        label=table.term("label"),
        preparatory=table.flag("preparatory", False),
    )
    table.done()
    return rule


def _line_class(table: Table, fixed: str | None) -> LineClass:
    value = fixed or table.text("class")
    try:
        return LineClass(value)
    except ValueError:
        raise ProfileError(f"{table.where}.class: A, B, P oder X erwartet, {value!r} gefunden") from None


def _simple_rule(table: Table) -> ClassRule:
    rule = ClassRule((), _line_class(table, None), table.text("section"), table.term("label"), table.flag("preparatory", False))
    table.done()
    return rule


def load_profile(path: Path) -> Profile:
    """Read and check a profile; ProfileError names the file and what is wrong."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ProfileError(f"{path}: Tarifprofil nicht lesbar ({error})") from None
    try:
        profile = _profile(Table(data, "Tarifprofil"))
        _check(profile)
    except ProfileError as error:
        raise ProfileError(f"{path}: {error}") from None
    return profile


def _variants(top: Table) -> tuple[Variant, ...]:
    variants = []
    for table in top.tables("variants"):
        money = (ZERO, MONEY_LIMIT)
        variants.append(
            Variant(table.text("name"), table.decimal("deductible_youth", *money), table.decimal("deductible_adult", *money))
        )
        table.done()
    return tuple(variants)


def _setting_names(table: Table) -> SettingNames:
    settings, values = {}, {}
    for name in table.data:
        entry = table.table(name)
        settings[name] = Term(entry.text("de"), entry.text("en"))
        values[name] = (
            {value: Term(*_pair(entry, value, term)) for value, term in entry.mapping("values").items()}
            if entry.has("values")
            else {}
        )
        entry.done()
    return SettingNames(settings, values)


def _pair(entry: Table, value: str, term: Any) -> tuple[str, str]:
    named = Table(term, f"{entry.where}.values.{value}")
    pair = (named.text("de"), named.text("en"))
    named.done()
    return pair


def _auslegung(top: Table) -> tuple[Auslegung, dict[str, tuple[Any, ...]]]:
    try:
        chosen = Auslegung.of(top.mapping("auslegung"))
    except SettingError as error:
        raise ProfileError(str(error)) from None
    choices = {name: tuple(values) for name, values in top.mapping("auslegung_choices").items()}
    for name, values in choices.items():
        known = Auslegung.known(name)
        if not isinstance(values, tuple) or not values or (known is not None and not set(values) <= known):
            raise ProfileError(f"auslegung_choices.{name}: Werte aus {sorted(map(str, known or ()))} erwartet, {values!r}")
    return chosen, choices


def _profile(top: Table) -> Profile:
    for key in SOURCE_KEYS:
        top.text(key)
    money, share, factor = (ZERO, MONEY_LIMIT), (ZERO, ONE), (ONE / 10, Decimal(20))
    deductible, rates, caps = top.table("deductible"), top.table("rates"), top.table("staged_caps")
    sections, prophylaxis, orthodontics = top.table("sections"), top.table("prophylaxis"), top.table("orthodontics")
    surcharges, laser, pzr, implants, lab = (top.table(k) for k in ("surcharges", "laser", "pzr", "implants", "lab"))
    factors, preparatory = top.table("max_factors"), top.table("preparatory")
    try:
        source = source_of(top.data)
    except ValueError as error:
        raise ProfileError(f"valid_from: Datum JJJJ-MM-TT erwartet ({error})") from None
    auslegung, choices = _auslegung(top)
    derived = {}
    for number, entry in top.mapping("derived_fees").items():
        fee = Table(entry, f"derived_fees.{number}")
        derived[str(number)] = DerivedFee(fee.codes("of")[0], fee.decimal("share", *share))
        fee.done()
    section_names = {f.name for f in fields(Sections)}
    section_values = {name: sections.text(name) for name in section_names}
    profile = Profile(
        source=source,
        display_name=top.text("display_name"),
        price_lists={k: str(v) for k, v in top.mapping("price_lists").items()},
        lab_list_name=top.text("lab_list_name"),
        conditions=top.text("conditions"),
        variants=_variants(top),
        default_variant=top.text("default_variant"),
        deductible_youth_until=deductible.whole("youth_until", 0, 120),
        rates={k: rates.decimal(k, *share) for k in sorted(RATE_KEYS)},
        staged_caps=caps.decimals("cumulative", *money),
        sections=Sections(**section_values),
        fee_classes=tuple(_class_rule(entry) for entry in top.tables("fee_classes")),
        goae_class=_simple_rule(top.table("goae_class")),
        other_class=_simple_rule(top.table("other_class")),
        splints=_class_rule(top.table("splints"), line_class="A"),
        orthodontics=ClassRule(orthodontics.codes("numbers"), LineClass.B, "", orthodontics.term("label")),
        orthodontics_lab=ClassRule(orthodontics.codes("lab_codes"), LineClass.B, "", orthodontics.term("lab_label")),
        orthodontics_age_limit=orthodontics.whole("age_limit", 0, 120),
        tooth_level_services=preparatory.codes("tooth_level_services"),
        needs_tooth=preparatory.codes("needs_tooth"),
        lab_classes=tuple(_class_rule(entry, key="codes", sectioned=False) for entry in top.tables("lab_classes")),
        pzr_numbers=frozenset(pzr.strings("fee_numbers")),
        pzr_limit=pzr.decimal("limit", *money),
        pzr_limit_cooperating=pzr.decimal("limit_cooperating", *money),
        implants_per_jaw=implants.whole("per_jaw", 0, 16),
        implant_numbers=frozenset(implants.strings("insertion_numbers")),
        implant_lab_codes=implants.codes("superstructure_lab_codes"),
        checkup_numbers=frozenset(prophylaxis.strings("checkup_numbers")),
        checkup_label=prophylaxis.term("checkup_label"),
        individual_prophylaxis=frozenset(prophylaxis.strings("individual_numbers")),
        prophylaxis_frequency={
            reading: prophylaxis.whole_map(f"frequency_{reading}", 0, 366) for reading in choices["prophylaxis_frequency"]
        },
        prophylaxis_exclusive=frozenset(prophylaxis.strings("exclusive_with")),
        needs_reason_beside_prophylaxis={
            "GOZ": frozenset(prophylaxis.strings("needs_reason_goz")),
            "GOÄ": frozenset(prophylaxis.strings("needs_reason_goae")),
        },
        surcharge_numbers=frozenset(surcharges.strings("numbers")),
        surcharge_label=surcharges.term("label"),
        surcharge_points=point_bands(surcharges),
        surgical=surcharges.codes("surgical"),
        surgical_goae_sections=frozenset(surcharges.strings("surgical_goae_sections")),
        surgical_listed=Ranges(surcharges.codes("listed")),
        surgical_label=surcharges.term("surgical_label"),
        fee_limits=fee_limits(top.table("fee_limits")),
        laser_number=laser.text("number"),
        lasered_numbers=frozenset(laser.strings("lasered_numbers")),
        laser_maximum=laser.decimal("maximum", *money),
        derived_fees=derived,
        max_factors={k: factors.decimal(k, *factor) for k in sorted(MAX_FACTOR_KEYS)},
        lab_default_vat=lab.decimal("default_vat_percent", ZERO, Decimal(100)),
        lab_usual_vat=lab.decimals("usual_vat_percents", ZERO, Decimal(100)),
        lab_cost_estimate_threshold=lab.decimal("cost_estimate_threshold", *money),
        lab_per_jaw_limits=lab.whole_map("per_jaw_limits", 0, 32),
        never_eligible_words=lab.strings("never_eligible_words"),
        auslegung=auslegung,
        auslegung_choices=choices,
        auslegung_names=_setting_names(top.table("auslegung_names")),
    )
    deductible.get("first_year_reduction", "")  # a note for the reader of the file
    for table in (deductible, rates, caps, sections, prophylaxis, orthodontics, surcharges, laser, pzr, implants, lab):
        table.done()
    for table in (factors, preparatory):
        table.done()
    top.done()
    return profile


def _check(profile: Profile) -> None:
    problems = []
    names = profile.variant_names
    if len(set(names)) != len(names):
        problems.append("zwei Varianten mit demselben Namen")
    if profile.default_variant not in names:
        problems.append(f"default_variant {profile.default_variant} ist keine der Varianten")
    if not 0 <= profile.cap_years <= MAX_CAP_YEARS:
        problems.append(f"höchstens {MAX_CAP_YEARS} Jahre Zahnstaffel")
    if any(b < a for a, b in zip(profile.staged_caps, profile.staged_caps[1:], strict=False)):
        problems.append("die Zahnstaffel ist kumuliert und steigt von Jahr zu Jahr")
    if set(profile.auslegung_choices) != set(Auslegung.names()):
        problems.append(f"auslegung_choices nennt genau: {', '.join(Auslegung.names())}")
    for name, value in profile.auslegung.items():
        if value not in profile.auslegung_choices.get(name, ()):
            problems.append(f"Auslegung {name}={value} steht nicht unter auslegung_choices")
    if set(profile.price_lists) != PRICE_LISTS:
        problems.append("price_lists nennt lab, goz und goae")
    problems += profile.fee_limits.problems(profile.surcharge_numbers | {profile.laser_number})
    if problems:
        raise ProfileError("; ".join(problems))


def valid_from(path: Path) -> dt.date:
    """The valid-from date a dated file is named by: pricelists/dkv/bm5/2026-01-01.toml -> 2026-01-01."""
    try:
        return dt.date.fromisoformat(path.stem.split(".")[0])
    except ValueError:
        raise ProfileError(f"{path}: Dateiname ist kein Gültigkeitsbeginn JJJJ-MM-TT") from None
