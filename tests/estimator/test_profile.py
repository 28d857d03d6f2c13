"""The tariff profile is read as untrusted data: a profile that loads is one the engine can apply."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from estimator.kinds import LineClass
from estimator.resources import PRICELISTS
from estimator.tariff.catalogues import load_tariffs
from estimator.tariff.checked import MEMO_LIMIT, ProfileError
from estimator.tariff.profile import load_profile

SHIPPED = PRICELISTS / "dkv" / "bm5" / "2026-01-01.toml"


def changed(tmp_path: Path, old: str, new: str) -> Path:
    text = SHIPPED.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "2026-01-01.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


BROKEN = {
    "a rate above 100 %": ('A = "0.80"', 'A = "8.0"', "rates.A"),
    "a rate that is no number": ('A = "0.80"', 'A = "NaN"', "rates.A"),
    "a negative deductible": ('deductible_adult = "400"', 'deductible_adult = "-400"', "deductible_adult"),
    "a factor that is no number": ('GOZ = "3.5"', 'GOZ = "NaN"', "max_factors.GOZ"),
    "a staged cap that is no number": ('"1000.00", "2000.00"', '"NaN", "2000.00"', "cumulative"),
    "numbers as one text": ('fee_numbers = ["1040"]', 'fee_numbers = "1040"', "Liste von Texten"),
    "numbers as integers": ('insertion_numbers = ["9010"]', "insertion_numbers = [9010]", "Liste von Texten"),
    "a flag as text": ("preparatory = true", 'preparatory = "false"', "true oder false"),
    "a misspelled key": ("preparatory = true", "preparatry = true", "unbekannter Schlüssel 'preparatry'"),
    "a missing section": ('section = "Nr. II.3.2 b"', "", "section fehlt"),
    "a range of two lengths": ('numbers = ["2200", "2320"]', 'numbers = ["2200", "232"]', "gleicher Länge"),
    "a reversed range": ('numbers = ["5000", "5340"]', 'numbers = ["5340", "5000"]', "gleicher Länge"),
    "a missing maximum factor": ('"GOÄ.technical" = "2.5"', "", "GOÄ.technical fehlt"),
    "an unknown setting value": ('fee_rounding = ["exact", "simple_fee_first"]', 'fee_rounding = ["exact", "banker"]', "banker"),
    "a setting choice misspelled": (
        'insurance_year = ["calendar", "anniversary"]',
        'insurance_year = ["calendar", "aniversary"]',
        "aniversary",
    ),
    "two variants of one name": ('name = "BM5/1"', 'name = "BM5/0"', "zwei Varianten"),
    "an unknown top-level key": ('lab_list_name = "B 269"', 'lab_list_name = "B 269"\nrabatt = "0.1"', "rabatt"),
    "too many implants": ("per_jaw = 8", "per_jaw = -1", "per_jaw"),
    "a negative laser maximum": ('maximum = "68.00"', 'maximum = "-68.00"', "maximum"),
    "a surcharge band upside down": ('"0510" = [500, 799]', '"0510" = [799, 500]', "points.0510"),
    "a surcharge band as text": ('"0510" = [500, 799]', '"0510" = ["500", "799"]', "points.0510"),
    "a band of no surcharge": ('"0510" = [500, 799]', '"0515" = [500, 799]', "points.0515"),
    "points also of no band": ('points_also = { "0500"', 'points_also = { "0501"', "points_also.0501"),
    "a fee limit of three digits": ('with_service = { "0110"', 'with_service = { "110"', "vierstellig"),
    "a yearly limit of five digits": ('per_year = { "4000" = 2', 'per_year = { "40000" = 2', "vierstellig"),
    "a surcharge without services": ('"0110" = ["2195"', '"0110" = [], "0111" = ["2195"', "mindestens eine"),
    "a surcharge counted twice a day": ('once_a_day = ["0110"]', 'once_a_day = ["0110", "0500"]', "schon je Behandlungstag"),
    "no fee limits": ("[fee_limits]", "[fee_limits_old]", "fee_limits"),
}


def test_the_shipped_profile_loads() -> None:
    assert load_profile(SHIPPED).sections.staged_cap.startswith("Nr.")


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_broken_profile_is_refused_naming_the_key(name: str, tmp_path: Path) -> None:
    old, new, words = BROKEN[name]
    with pytest.raises(ProfileError, match=None) as refused:
        load_profile(changed(tmp_path, old, new))
    assert words in str(refused.value) and str(tmp_path) in str(refused.value)


def copied(tmp_path: Path) -> Path:
    root = tmp_path / "pricelists"
    shutil.copytree(PRICELISTS, root, ignore=shutil.ignore_patterns("sources"))
    return root


def test_a_list_whose_content_says_another_date_than_its_name_is_refused(tmp_path: Path) -> None:
    root = copied(tmp_path)
    shutil.copy(root / "b269" / "2026-01-01.json", root / "b269" / "2027-01-01.json")
    with pytest.raises(ProfileError, match="gültig ab 2026-01-01, der Dateiname sagt 2027-01-01"):
        load_tariffs(root)


def test_two_versions_of_one_name_are_refused(tmp_path: Path) -> None:
    root = copied(tmp_path)
    text = (root / "b269" / "2026-01-01.json").read_text(encoding="utf-8")
    (root / "b269" / "2027-01-01.json").write_text(text.replace('"2026-01-01"', '"2027-01-01"'), encoding="utf-8")
    with pytest.raises(ProfileError, match=r"derselben Version B269-2026\.1"):
        load_tariffs(root)


def test_what_a_profile_remembers_of_the_codes_asked_is_bounded_and_never_changes_an_answer() -> None:
    profile = load_profile(SHIPPED)
    ranges = profile.tooth_level_services
    crown = "2200"  # a crown: a tooth-level service
    assert ranges.holds(crown) and profile.lab_class_rule("0323") is not None
    for index in range(MEMO_LIMIT + 500):  # a batch of plans of hostile codes: each asked once
        assert not ranges.holds(f"x{index}")
        assert profile.lab_class_rule(f"y{index}") is None
    assert len(ranges.memo) <= MEMO_LIMIT and len(profile.lab_rules) <= MEMO_LIMIT
    assert ranges.holds(crown) and not ranges.holds(f"x{MEMO_LIMIT + 499}")
    inlay, partial_crown = profile.lab_class_rule("0310"), profile.lab_class_rule("0323")  # one inside the other's range
    assert inlay is not None and inlay.line_class is LineClass.B
    assert partial_crown is not None and partial_crown.line_class is LineClass.A
