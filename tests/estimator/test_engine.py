"""The engine from outside: a plan and the tariffs in, an estimate out, the same every time."""

import dataclasses
import datetime as dt
from decimal import Decimal as D

import pytest

from estimator.auslegung import SettingError
from estimator.codes import Code
from estimator.kinds import Cause, Severity
from estimator.model import Finding, Plan
from estimator.phrases import say
from estimator.rules.engine import estimate, tariff_of
from estimator.tariff.catalogues import load_tariffs
from tests.estimator.builders import PLAN_DATE, fee, lab, plan, run

CROWN_DAY = dt.date(2026, 3, 20)


def crown_plan(**person: object) -> Plan:
    """A crown on 16 with its lab work: 217,06 € fee (GOZ 2210 at 2,3) and 61,50 € + 7 % VAT = 65,81 € lab."""
    return plan(fee("2210", "16"), lab("0344", "16", "61.50"), **person)


def test_an_unknown_variant_is_refused_naming_the_known_ones() -> None:
    with pytest.raises(SettingError, match="„BM7/1“ unbekannt; erlaubt: BM5/0, BM5/1, BM5/2, BM5/3"):
        run(fee("2210", "16"), variant="BM7/1")
    with pytest.raises(SettingError):
        tariff_of(plan(fee("2210", "16"), variant="bm5/1"), load_tariffs())  # the engine takes the name as the profile spells it


def test_an_unknown_setting_is_refused() -> None:
    with pytest.raises(SettingError):
        run(fee("2210", "16"), settings={"rounding": "up"})


def test_tariff_of_gives_the_tariff_and_its_default_variant_when_none_is_named() -> None:
    tariffs = load_tariffs()
    tariff, variant = tariff_of(plan(fee("2210", "16")), tariffs)
    assert (tariff.key, variant) == ("dkv/bm5", "BM5/0")
    assert tariff_of(plan(fee("2210", "16"), variant="BM5/2"), tariffs) == (tariff, "BM5/2")


def test_the_estimate_names_tariff_variant_and_lab_list() -> None:
    result = run(fee("2210", "16"), variant="BM5/1")
    assert (result.tariff_name, result.variant, result.lab_list_name) == ("DKV BestMed Premium", "BM5/1", "B 269")


def test_the_variant_decides_the_deductible() -> None:
    # A filling (GOZ 2060, class B at 100 %): BM5/0 has no deductible, BM5/1 takes 400 € a year from adults.
    without, with_deductible = run(fee("2060", "14")), run(fee("2060", "14"), variant="BM5/1")
    assert without.totals.benefit == without.totals.billed == D("68.17")
    assert with_deductible.totals.benefit == D("0.00") and with_deductible.reductions[Cause.DEDUCTIBLE] == D("68.17")


def test_totals_are_the_sums_of_the_lines_computed_by_hand() -> None:
    result = estimate(crown_plan(), load_tariffs())  # insured since 2010: no staged cap; BM5/0: no deductible
    assert [(r.billed, r.benefit) for r in result.lines] == [(D("217.06"), D("173.65")), (D("65.81"), D("52.65"))]
    assert (result.totals.billed, result.totals.eligible, result.totals.benefit) == (D("282.87"), D("282.87"), D("226.30"))
    assert result.totals.patient_share == D("56.57") == result.reductions[Cause.RATE]


def test_lines_come_back_fee_lines_first_each_in_plan_order_whatever_their_dates() -> None:
    result = run(
        lab("0344", "16", "61.50", date=dt.date(2026, 3, 1)),
        fee("2210", "16", date=CROWN_DAY),
        fee("0090", "16", date=dt.date(2026, 3, 5)),
    )
    assert [(r.line.sheet, r.line.row, r.line.number) for r in result.lines] == [
        ("Leistungen", 2, "2210"),
        ("Leistungen", 3, "0090"),
        ("Labor", 2, "0344"),
    ]


def test_a_line_without_a_date_is_dated_by_the_plan() -> None:
    (line,) = run(fee("2210", "16", date=None)).lines
    assert line.date == PLAN_DATE


def test_a_line_without_any_date_is_an_error_located_in_its_date_cell_and_left_out() -> None:
    result = estimate(plan(fee("2210", "16", date=None), lab("0344", "16", date=None), plan_date=None), load_tariffs())
    assert result.lines == () and result.totals.billed == 0
    assert [(f.severity, f.code, f.sheet, f.row, f.column) for f in result.findings if f.code == "line.no_date"] == [
        (Severity.ERROR, "line.no_date", "Leistungen", 2, "Datum"),
        (Severity.ERROR, "line.no_date", "Labor", 2, "Datum"),
    ]
    assert [v.kind for v in result.versions] == ["tariff_profile", "lab", "goz", "goae"]  # still said


def test_the_estimate_lists_each_version_it_used_once() -> None:
    result = run(fee("2210", "16"), fee("0090", "16"), lab("0344", "16", "61.50"))
    assert len(result.versions) == len({(v.kind, v.version) for v in result.versions}) == 4
    assert {v.kind: v.version for v in result.versions}["tariff_profile"] == "BM5-2026.2.15"
    assert all(v.valid_from <= PLAN_DATE for v in result.versions)


def test_findings_are_located_by_the_column_letters_the_plan_was_read_from() -> None:
    early = plan(fee("2210", "16"), insurance_start=dt.date(2026, 4, 1))
    (finding,) = [f for f in estimate(early, load_tariffs()).findings if f.code == "date.before_insurance_start"]
    assert (finding.severity, finding.sheet, finding.row, finding.column, finding.cell) == (
        Severity.ERROR,
        "Leistungen",
        2,
        "Datum",
        "",  # a field name is no cell
    )
    read = dataclasses.replace(early, columns={"Leistungen": {"Datum": "A", "Zahn": "B"}})
    (located,) = [f for f in estimate(read, load_tariffs()).findings if f.code == "date.before_insurance_start"]
    assert (located.column, located.cell) == ("A", "A2")


def test_findings_of_reading_come_first_and_are_located_too() -> None:
    skipped = Finding(Severity.WARNING, say(Code.INPUT_LINE_SKIPPED, sheet="Leistungen", row=9), "Leistungen", 9, "Zahn")
    read = dataclasses.replace(
        plan(fee("2210", "16"), insurance_start=dt.date(2026, 4, 1)),
        input_findings=(skipped,),
        columns={"Leistungen": {"Datum": "A", "Zahn": "B"}},
    )
    findings = estimate(read, load_tariffs()).findings
    assert (findings[0].code, findings[0].cell) == ("input.line_skipped", "B9")
    assert findings[0].phrase == skipped.phrase and "date.before_insurance_start" in [f.code for f in findings[1:]]


def test_the_engine_is_pure_the_same_plan_gives_an_equal_estimate_whatever_ran_before() -> None:
    tariffs, settings = load_tariffs(), {"insurance_year": "anniversary"}
    first_plan = crown_plan(insurance_start=dt.date(2026, 1, 1))
    first = estimate(first_plan, tariffs, settings)
    other = plan(fee("2210", "26", factor="3.5"), fee("9010", "36"), variant="BM5/3", cooperating=True, accident=True)
    estimate(other, tariffs, {"deductible_order": "after_caps"})
    again = estimate(crown_plan(insurance_start=dt.date(2026, 1, 1)), tariffs, dict(settings))
    assert again == first and again.lines == first.lines and again.findings == first.findings
    assert settings == {"insurance_year": "anniversary"}  # the caller's settings are not changed
    assert first_plan == crown_plan(insurance_start=dt.date(2026, 1, 1))


def test_a_plan_without_a_tariff_is_estimated_with_the_default_and_says_so() -> None:
    silent = estimate(plan(fee("2210", "16"), variant=""), load_tariffs())
    (assumed,) = [f for f in silent.findings if f.code == "tariff.assumed"]
    assert (assumed.severity, assumed.sheet, silent.variant) == (Severity.WARNING, "Patient", "BM5/0")
    named = estimate(plan(fee("2210", "16"), variant="BM5/1"), load_tariffs())
    assert "tariff.assumed" not in {f.code for f in named.findings}
