"""The seam between code and tariff: a second tariff, other staged caps and next year's lab prices are data only.

The profile and price lists below are written for these tests alone, into a pricelists/ folder of their own; the
engine, the wording and the outputs read them as they read the shipped ones.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from estimator.auslegung import SettingError
from estimator.codes import Code
from estimator.resources import PRICELISTS
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import Tariffs, load_tariffs
from estimator.wording import limit_sentences, step_text
from tests.estimator.builders import fee, lab, plan

FIVE_CAPS = ["500.00", "1000.00", "1500.00", "2000.00", "2500.00"]
PRICE_2027 = Decimal("6.50")  # B 269 0001 in the test's 2027 list (5.70 in 2026)


def _test_profile(bm5: str) -> str:
    """Another insurer's tariff: its own name, variants T5/0 to T5/3 and five staged-cap years."""
    text = bm5.replace('display_name = "DKV BestMed Premium"', 'display_name = "Testkasse Fünf"')
    text = re.sub(r'^name = "DKV[^"]*"', 'name = "Testkasse Fünf – Zahn"', text, flags=re.MULTILINE)
    text = text.replace('version = "BM5-2026.2.15"', 'version = "T5-2026.1"')
    text = text.replace('"BM5/', '"T5/')
    caps = ", ".join(f'"{cap}"' for cap in FIVE_CAPS)
    text, replaced = re.subn(r"^cumulative = \[.*\]$", f"cumulative = [{caps}]", text, flags=re.MULTILINE)
    assert replaced == 1 and '"BM5/' not in text
    return text


@pytest.fixture(scope="module")
def tariffs(tmp_path_factory: pytest.TempPathFactory) -> Tariffs:
    root = tmp_path_factory.mktemp("seam") / "pricelists"
    shutil.copytree(PRICELISTS, root, ignore=shutil.ignore_patterns("sources"))
    profile = root / "test" / "fuenf" / "2026-01-01.toml"
    profile.parent.mkdir(parents=True)
    own = _test_profile((PRICELISTS / "dkv/bm5/2026-01-01.toml").read_text(encoding="utf-8"))
    profile.write_text(own, "utf-8")
    later = own.replace('version = "T5-2026.1"', 'version = "T5-2027.1"').replace(
        'valid_from = "2026-01-01"', 'valid_from = "2027-01-01"'
    )
    later = later.replace(
        'prophylaxis_frequency = ["goz2012", "tariff_annex"]', 'prophylaxis_frequency = ["goz2012", "tariff_annex", "strict"]'
    )
    later = later.replace(
        "frequency_goz2012 = {", 'frequency_strict = { "1000" = 1, "1010" = 1, "1020" = 1 }\nfrequency_goz2012 = {'
    )
    (profile.parent / "2027-01-01.toml").write_text(later, "utf-8")
    (root / "index.toml").write_text('tariffs = ["dkv/bm5", "test/fuenf"]\ndefault_tariff = "dkv/bm5"\n', "utf-8")
    b269 = json.loads((root / "b269/2026-01-01.json").read_text(encoding="utf-8"))
    b269.update(version="B269-2027.1", valid_from="2027-01-01")
    for entry in b269["entries"]:
        if entry["code"] == "0001":
            entry["max_price"] = str(PRICE_2027)
    (root / "b269/2027-01-01.json").write_text(json.dumps(b269, ensure_ascii=False), encoding="utf-8")
    return load_tariffs(root)


def _crowns(count: int) -> list[object]:
    teeth = ["18", "17", "16", "15", "14", "13", "12", "11", "21", "22", "23", "24", "25", "26", "27", "28"]
    return [fee("2210", tooth) for tooth in teeth[:count]]


def test_a_second_tariff_is_offered_by_its_variants(tariffs: Tariffs) -> None:
    assert tariffs.variants == ("BM5/0", "BM5/1", "BM5/2", "BM5/3", "T5/0", "T5/1", "T5/2", "T5/3")
    other = tariffs.for_variant("T5/2")
    assert other is not None and other.key == "test/fuenf" and other.profile.cap_years == 5
    assert tariffs.for_variant("") is tariffs.default and tariffs.default.profile.cap_years == 4


def test_five_staged_cap_years_cap_the_fifth_year_where_the_shipped_tariff_has_none(tariffs: Tariffs) -> None:
    # insured since 2022 (calendar insurance years): 2026 is the fifth year
    lines = _crowns(16)
    own = estimate(plan(*lines, insurance_start=dt.date(2022, 1, 1), variant="T5/0"), tariffs)
    shipped = estimate(plan(*lines, insurance_start=dt.date(2022, 1, 1), variant="BM5/0"), tariffs)
    eligible = sum(r.eligible for r in own.lines)
    assert eligible == 16 * Decimal("217.06")
    assert shipped.totals.benefit == 16 * Decimal("173.65")  # 80 % of each line, no cap after the fourth year
    assert own.totals.benefit == Decimal("2500.00")  # the fifth year's cap of the test tariff
    assert (own.tariff_name, own.variant) == ("Testkasse Fünf", "T5/0")
    assert [y.cumulative_cap for y in own.limits.staged_cap] == [Decimal(c) for c in FIVE_CAPS]
    assert any(s.startswith("Zahnstaffel 5. Versicherungsjahr") for s in limit_sentences(own))
    assert any(s.startswith("Zahnstaffel: Behandlung ab dem 5. Versicherungsjahr") for s in limit_sentences(shipped))
    assert {v.version for v in own.versions if v.kind == "tariff_profile"} == {"T5-2026.1"}


def test_a_plan_across_a_price_change_uses_both_lab_lists(tariffs: Tariffs) -> None:
    december, january = dt.date(2026, 12, 15), dt.date(2027, 1, 15)
    result = estimate(
        plan(
            fee("2210", "16", date=december),
            lab("0001", "16", "9.00", date=december),
            fee("2210", "26", date=january),
            lab("0001", "26", "9.00", date=january),
            insurance_start=dt.date(2010, 1, 1),
        ),
        tariffs,
    )
    labs = [r for r in result.lines if r.kind == "lab"]
    vat = Decimal("1.07")
    assert [r.eligible for r in labs] == [
        (Decimal("5.70") * vat).quantize(Decimal("0.01")),
        (PRICE_2027 * vat).quantize(Decimal("0.01")),
    ]
    assert "6,50" in " ".join(step_text(e) for e in labs[1].explanations)
    assert [v.version for v in result.versions if v.kind == "lab"] == ["B269-2026.1", "B269-2027.1"]


def test_a_setting_only_a_later_profile_allows_is_refused_for_lines_under_the_earlier(tariffs: Tariffs) -> None:
    in_2027 = plan(fee("1020", date=dt.date(2027, 3, 1)), variant="T5/0", insurance_start=dt.date(2010, 1, 1))
    assert estimate(in_2027, tariffs, {"prophylaxis_frequency": "strict"}).settings.prophylaxis_frequency == "strict"
    in_2026 = plan(fee("1020", date=dt.date(2026, 3, 1)), variant="T5/0", insurance_start=dt.date(2010, 1, 1))
    with pytest.raises(SettingError, match=r"Tarifprofil T5-2026\.1: Auslegung prophylaxis_frequency=strict"):
        estimate(in_2026, tariffs, {"prophylaxis_frequency": "strict"})


def test_the_shipped_lists_for_a_plan_before_their_first_version_are_named_in_a_finding() -> None:
    result = estimate(plan(lab("0001", "16", "5.00", date=dt.date(2025, 6, 1))), load_tariffs())
    assert Code.TARIFF_BEFORE_FIRST_VERSION in {f.code for f in result.findings}


# A tariff name, a section of the tariff text, a fee number or lab code, a range of them.
TARIFF_WORDS = re.compile(
    r"BM5|B 269|Nr\. ?II|\bII\.\d|\b(GOZ|GOÄ)[ -]?(Nr\. ?)?\d{1,4}|\b\d{4}[a-z]?\s*[–-]\s*\d{4}\b|[\"']\d{3,4}[a-z]?[\"']"
    r"|\b0\d{3}\b"  # a fee number or lab code written bare (0530, 0001): a year or an amount never begins with 0
)


def test_no_module_outside_the_loader_names_the_tariff() -> None:
    root = Path(__file__).resolve().parents[2]
    modules = [*(root / "estimator").rglob("*.py"), *(root / "ui").rglob("*.py")]
    assert len(modules) > 40
    found = [
        f"{path.relative_to(root)}:{number}: {line.strip()}"
        for path in sorted(modules)
        if path.parent.name != "tariff"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if TARIFF_WORDS.search(line)
    ]
    assert found == []
