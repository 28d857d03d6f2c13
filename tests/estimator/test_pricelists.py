"""The shipped price lists and tariff profile: B 269 checked against the tariff text itself."""

import json
import re
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

from estimator.resources import PRICELISTS
from estimator.tariff.catalogues import Catalogues, load_tariffs
from tests.conftest import load_script

TARIFF_TEXT = PRICELISTS / "sources" / "avb-bm5-teil-ii.txt"  # the tariff text, shipped as the lists' source


def _latest() -> Catalogues:
    tariff = load_tariffs().default
    return Catalogues(tariff.profile, tariff.labs.latest, tariff.gozs.latest, tariff.goaes.latest)


def _printed_b269() -> dict[str, Decimal]:
    """Every "code text price" line of the B 269 section as printed, read independently of the builder."""
    text = TARIFF_TEXT.read_text(encoding="utf-8")
    section = text[text.index("für zahntechnische Leistungen¹") : text.index("Hinweise:", text.index("I 117"))]
    printed = {}
    for line in section.splitlines():
        match = re.match(r"^(\d{3,4}|I \d{3})\s.*?(\d+,\d\d)\s*$", line.strip())
        if match:
            printed[match[1]] = Decimal(match[2].replace(",", "."))
    return printed


def test_b269_has_every_printed_code_with_its_maximum_price() -> None:
    printed = _printed_b269()
    shipped = _latest().lab.prices
    assert printed.pop("082") == Decimal("104.30")  # the seed's slip for 0827
    assert "0827" not in printed
    printed["0827"] = Decimal("104.30")
    assert set(shipped) == set(printed)
    assert {code: p.max_price for code, p in shipped.items()} == printed
    assert len(shipped) == 306


def test_b269_spot_checks() -> None:
    shipped = _latest().lab.prices
    assert shipped["0001"].max_price == Decimal("5.70")
    assert shipped["0344"].text == "Vollkrone Metall gegossen, gefräst oder erodiert"
    assert shipped["0827"].text == "Aufbisschiene"
    assert shipped["0920"].max_price == Decimal("10.11")
    assert shipped["I 111"].max_price == Decimal("200.00")
    assert shipped["I 117"].group == "Implantologie"


def test_every_price_list_carries_version_valid_from_and_source() -> None:
    catalogues = _latest()
    for _, source in catalogues.sources():
        assert source.version and source.source and source.valid_from.year >= 1996
    for name in ("b269/2026-01-01.json", "goz/2012-01-01.json", "goae/2019-10-21.json"):
        document = json.loads((PRICELISTS / name).read_text(encoding="utf-8"))
        assert {"version", "valid_from", "source", "entries"} <= set(document)


def test_fee_schedules_match_the_reference_tables() -> None:
    catalogues = _latest()
    assert len(catalogues.goz) == 215
    assert catalogues.goz.point_value == Decimal("0.0562421")
    assert catalogues.goae.point_value == Decimal("0.0582873")
    assert catalogues.goz.get("2210").points == 1678
    assert catalogues.goz.get("0500").category == "single_rate"
    assert catalogues.goae.get("5004").category == "technical"
    assert catalogues.goae.get("3511").category == "laboratory"
    assert catalogues.goae.get("437").category == "laboratory"
    assert catalogues.goae.get("1").category == "personal"


def test_tariff_profile_holds_every_number_of_the_rules() -> None:
    profile = _latest().profile
    assert profile.rates == {
        "A": Decimal("0.80"),
        "A_cooperating": Decimal("0.90"),
        "B": Decimal("1.00"),
        "P": Decimal("1.00"),
        "X": Decimal("0.00"),
    }
    assert profile.staged_caps == (Decimal(1000), Decimal(2000), Decimal(3000), Decimal(4000))
    assert (profile.pzr_limit, profile.pzr_limit_cooperating) == (Decimal(100), Decimal(200))
    assert profile.implants_per_jaw == 8
    assert profile.variant("BM5/3").deductible_adult == Decimal(1600)  # type: ignore[union-attr]
    assert profile.variant("BM5/1").deductible_youth == Decimal(200)  # type: ignore[union-attr]
    assert profile.max_factors["GOÄ.technical"] == Decimal("2.5")
    assert profile.source.version == "BM5-2026.2.15"
    assert dict(profile.auslegung.items()) == {
        "insurance_year": "calendar",
        "deductible_order": "before_caps",
        "preparatory_by_tooth": True,
        "splints_class": "A",
        "checkup_is_prevention": True,
        "fee_rounding": "exact",
        "prophylaxis_frequency": "goz2012",
        "accident_lifts": "staged_caps",
        "amount_above_maximum": "billed",
        "reason_above_maximum": "accepted",
        "amount_vs_factor": "billed",
        "same_day_order": "plan_order",
        "year_of_life": "birthday",
        "laser_basis": "line",
        "partial_start_month": "missing",
        "implant_limit_scope": "with_preparatory",
        "surcharge_services": "sections",
        "lab_owners": "named_teeth",
        "undated_lab_day": "services",
    }
    assert profile.prophylaxis_frequency["goz2012"] == {"1000": 1, "1010": 3, "1020": 4}
    assert profile.prophylaxis_frequency["tariff_annex"]["1020"] == 3
    assert profile.laser_maximum == Decimal(68)
    assert profile.lasered_numbers >= {"2410", "4080", "9160"} and len(profile.lasered_numbers) == 11


def _builder() -> Any:
    return load_script("build_pricelists")


def test_committed_price_lists_are_what_their_sources_give() -> None:
    for name, document in _builder().build_all().items():
        assert json.loads((PRICELISTS / name).read_text(encoding="utf-8")) == document, name


def test_the_builder_writes_a_new_version_beside_the_old_and_never_over_it(tmp_path: Path) -> None:
    builder = _builder()
    out = tmp_path / "pricelists"
    shutil.copytree(PRICELISTS / "b269", out / "b269")
    old = (out / "b269" / "2026-01-01.json").read_bytes()
    assert builder.main([str(PRICELISTS / "sources"), str(out), "--valid-from", "b269=2027-01-01"]) == 0
    assert (out / "b269" / "2026-01-01.json").read_bytes() == old
    new = json.loads((out / "b269" / "2027-01-01.json").read_text(encoding="utf-8"))
    assert (new["valid_from"], new["version"]) == ("2027-01-01", "B269-2027-01-01")
    changed = json.loads(old)
    changed["entries"][0]["max_price"] = "9.99"
    (out / "b269" / "2026-01-01.json").write_text(json.dumps(changed), encoding="utf-8")
    before = sorted(p.name for p in out.rglob("*.json"))
    assert builder.main([str(PRICELISTS / "sources"), str(out), "--valid-from", "goz=2030-01-01"]) == 1
    assert sorted(p.name for p in out.rglob("*.json")) == before  # refused before writing anything
