"""The Auslegung settings: how the program reads the tariff where its text leaves room, as one frozen record.

The names and types are the engine's; the tariff profile gives each one's default, its allowed values and what the
letter calls them. A user's choice (``--set name=value``, a case file, the app) is checked against those values.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from estimator.invisible import quoted
from estimator.phrases import Term

TRUE_WORDS = frozenset({"true", "ja", "on", "1"})
FALSE_WORDS = frozenset({"false", "nein", "off", "0"})
YES, NO = Term("ja", "yes"), Term("nein", "no")
KNOWN: dict[str, frozenset[object]] = {
    "insurance_year": frozenset({"calendar", "anniversary"}),
    "deductible_order": frozenset({"before_caps", "after_caps"}),
    "splints_class": frozenset({"A", "B"}),
    "fee_rounding": frozenset({"exact", "simple_fee_first"}),
    "accident_lifts": frozenset({"staged_caps"}),
    "amount_above_maximum": frozenset({"billed", "capped"}),
    "reason_above_maximum": frozenset({"accepted", "capped"}),
    "amount_vs_factor": frozenset({"billed", "factor"}),
    "same_day_order": frozenset({"capped_first", "plan_order"}),
    "year_of_life": frozenset({"birthday", "civil_law"}),
    "laser_basis": frozenset({"line", "unit"}),
    "partial_start_month": frozenset({"missing", "insured"}),
    "surcharge_services": frozenset({"sections", "goz_list"}),
    "implant_limit_scope": frozenset({"with_preparatory", "implants_and_dentures"}),
    "lab_owners": frozenset({"named_teeth", "overlapping"}),
    "undated_lab_day": frozenset({"services", "plan_date"}),
}
BOOLEAN = frozenset({"preparatory_by_tooth", "checkup_is_prevention"})


class SettingError(ValueError):
    """An Auslegung setting that the tariff profile does not know, or a value it does not allow."""


@dataclass(frozen=True)
class Auslegung:
    insurance_year: str  # calendar | anniversary: what an insurance year of the staged caps is
    deductible_order: str  # before_caps | after_caps: the deductible before or after the staged caps
    preparatory_by_tooth: bool  # preparatory lines on the teeth of a tooth-level class-A service are class A
    splints_class: str  # A | B: the class of bite splints
    checkup_is_prevention: bool  # the check-up is prevention: no deductible
    fee_rounding: str  # exact | simple_fee_first: how a fee without an amount is rounded
    prophylaxis_frequency: str  # which table of yearly units applies to individual prophylaxis
    accident_lifts: str  # what an accident lifts
    amount_above_maximum: str  # billed | capped: a billed amount above the fee at the maximum factor, without a reason
    reason_above_maximum: str  # accepted | capped: a factor or an amount above the maximum whose reason names a difficulty
    amount_vs_factor: str  # billed | factor: a billed amount above the fee at the line's own factor
    same_day_order: str  # capped_first | plan_order: the order of one day's lines for the deductible and the staged cap
    year_of_life: str  # birthday | civil_law: when a year of life is completed (the deductible's age group)
    laser_basis: str  # line | unit: the simple fee the laser surcharge is 100 % of: the lasered line's, or one unit's
    partial_start_month: str  # missing | insured: the month insurance begins in, after its 1st, for the deductible
    surcharge_services: str  # sections | goz_list: what a surgery surcharge belongs to, and without one
    implant_limit_scope: str  # with_preparatory | implants_and_dentures: what the implant limit takes on a site over it
    lab_owners: str  # named_teeth | overlapping: the fee lines a lab line belongs to, and takes its class from
    undated_lab_day: str  # services | plan_date: the treatment day of a lab line without a date

    @property
    def surcharges_listed(self) -> bool:
        """A surgery surcharge belongs only to a service GOZ Abschnitt L names (surcharge_services goz_list)."""
        return self.surcharge_services == "goz_list"

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in dataclasses.fields(cls))

    @classmethod
    def known(cls, name: str) -> frozenset[object] | None:
        """The values the engine knows for a setting; None where the profile names them (its own tables)."""
        return KNOWN.get(name, frozenset({True, False}) if name in BOOLEAN else None)

    @classmethod
    def of(cls, values: Mapping[str, object]) -> Auslegung:
        """From a profile's table; every setting named exactly once, booleans as booleans."""
        unknown, missing = set(values) - set(cls.names()), set(cls.names()) - set(values)
        if unknown or missing:
            raise SettingError(f"Auslegung: unbekannt {sorted(unknown)}, fehlt {sorted(missing)}")
        record = cls(**values)  # type: ignore[arg-type]
        for f in dataclasses.fields(cls):
            if not isinstance(getattr(record, f.name), bool if f.type == "bool" else str):
                raise SettingError(f"Auslegung {f.name}: {f.type} erwartet")
        return record

    def items(self) -> tuple[tuple[str, object], ...]:
        return tuple((name, getattr(self, name)) for name in self.names())

    def changed(self, overrides: Mapping[str, object], choices: Mapping[str, tuple[object, ...]]) -> Auslegung:
        """These settings with a user's overrides, each checked against the values the profile allows."""
        changes: dict[str, object] = {}
        for name, value in overrides.items():
            if name not in choices:
                raise SettingError(f"Unbekannte Auslegung „{quoted(name)}“; bekannt sind: {', '.join(sorted(choices))}")
            chosen = value
            if isinstance(value, str) and isinstance(getattr(self, name), bool):
                word = value.lower()
                chosen = True if word in TRUE_WORDS else False if word in FALSE_WORDS else value
            if chosen not in choices[name] or type(chosen) is not type(getattr(self, name)):
                allowed = ", ".join(setting_value(c) for c in choices[name])
                raise SettingError(f"Auslegung {name}={quoted(str(value))} ist nicht erlaubt; erlaubt: {allowed}")
            changes[name] = chosen
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


def setting_value(value: object) -> str:
    """An Auslegung value as it is set with --set: true/false in lower case."""
    return str(value).lower() if isinstance(value, bool) else str(value)


@dataclass(frozen=True)
class SettingNames:
    """What the letter calls each setting and each of its values, in both languages (from the tariff profile)."""

    settings: Mapping[str, Term]
    values: Mapping[str, Mapping[str, Term]]  # setting -> value as setting_value gives it -> name

    def describe(self, name: str, value: object) -> tuple[Term, Term]:
        """The setting's name and its value's name; the bare words where the profile names none."""
        plain = setting_value(value)
        bare = YES if value is True else NO if value is False else Term(plain, plain)
        return self.settings.get(name, Term(name, name)), self.values.get(name, {}).get(plain, bare)

    def reading(self, name: str, value: object = None) -> Term:
        """The setting as an explanation names it: "Rundung berechneter Gebühren: einfacher Satz zuerst" (its name
        alone for a switch that is on, value None)."""
        setting, said = self.describe(name, value)
        if value is None:
            return setting
        return Term(f"{setting.de}: {said.de}", f"{setting.en}: {said.en}")
