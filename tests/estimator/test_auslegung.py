"""The Auslegung settings: one frozen record, defaults and allowed values from the profile, named for the letter."""

from __future__ import annotations

import dataclasses

import pytest

from estimator.auslegung import Auslegung, SettingError
from estimator.rules.engine import resolve_settings
from estimator.tariff.catalogues import load_tariffs
from estimator.tariff.profile import Profile
from estimator.wording import setting_text


def profile() -> Profile:
    return load_tariffs().default.profile


def test_the_defaults_read_the_tariff_in_the_customers_favour() -> None:
    settings = resolve_settings(profile())
    assert settings.deductible_order == "before_caps" and settings.prophylaxis_frequency == "goz2012"
    assert settings.checkup_is_prevention is True
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.fee_rounding = "simple_fee_first"  # type: ignore[misc]


def test_a_choice_is_checked_and_words_mean_booleans() -> None:
    chosen = resolve_settings(profile(), {"preparatory_by_tooth": "nein", "insurance_year": "anniversary"})
    assert chosen.preparatory_by_tooth is False and chosen.insurance_year == "anniversary"
    assert resolve_settings(profile()).preparatory_by_tooth is True  # the profile's record is not changed
    with pytest.raises(SettingError, match="erlaubt: calendar, anniversary"):
        resolve_settings(profile(), {"insurance_year": "weekly"})
    with pytest.raises(SettingError, match="Unbekannte Auslegung „rounding“"):
        resolve_settings(profile(), {"rounding": "up"})
    with pytest.raises(SettingError, match="erlaubt: true, false"):
        resolve_settings(profile(), {"preparatory_by_tooth": "vielleicht"})
    with pytest.raises(SettingError):
        resolve_settings(profile(), {"splints_class": True})  # a boolean where a class is asked for


def test_a_profile_names_every_setting_once() -> None:
    values = dict(profile().auslegung.items())
    with pytest.raises(SettingError, match="fehlt"):
        Auslegung.of({k: v for k, v in values.items() if k != "fee_rounding"})
    with pytest.raises(SettingError, match="unbekannt"):
        Auslegung.of({**values, "weekly": True})
    with pytest.raises(SettingError, match="bool erwartet"):
        Auslegung.of({**values, "preparatory_by_tooth": "yes"})


def test_the_letter_names_settings_and_values_in_both_languages() -> None:
    names = profile().auslegung_names
    assert setting_text(names, "insurance_year", "calendar") == "Versicherungsjahr: Kalenderjahre"
    assert setting_text(names, "insurance_year", "calendar", "en") == "Insurance year: calendar years"
    assert setting_text(names, "checkup_is_prevention", False).endswith(": nein")
    assert setting_text(names, "checkup_is_prevention", True, "en").endswith(": yes")
