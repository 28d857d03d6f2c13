"""Limits (spec 5): implants per jaw, PZR, staged caps, accident, deductible, insurance start."""

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from estimator.kinds import LineClass
from estimator.rules.engine import estimate
from estimator.rules.limits import insurance_year, insurance_year_span
from estimator.tariff.catalogues import load_tariffs
from estimator.wording import finding_text, limit_sentences, rule_text, step_text
from tests.estimator.builders import PLAN_DATE, codes, fee, fee_result, goae, lab, lab_result, plan, run

D = Decimal
START_2026 = dt.date(2026, 1, 1)


def crown(tooth: str, day: dt.date = dt.date(2026, 3, 10), **fields: object) -> object:
    """A crown billed at a round amount, so that the 80 % benefit is easy to check by hand."""
    return fee("2210", tooth, date=day, amount=fields.pop("amount", "1000.00"), **fields)


# --- implants per jaw (Nr. II.3.1) ---


def test_ninth_implant_and_what_sits_on_it_is_not_eligible() -> None:
    result = run(fee("9010", "36"), fee("9010", "37"), fee("2200", "37"), lab("I 115", "37", "73.40"), implants_lower=7)
    assert [r.line_class for r in result.lines] == [LineClass.A, LineClass.X, LineClass.X, LineClass.X]
    assert fee_result(result, 1).benefit == D("0.00")
    finding = next(f for f in result.findings if f.code == "implant.limit")
    assert "Unterkiefer" in finding_text(finding) and "37" in finding_text(finding) and "7 vorhandene" in finding_text(finding)
    jaw = next(j for j in result.limits.implants if j.jaw == "UK")
    assert (jaw.covered_sites, jaw.excluded_sites) == ((36,), (37,))


def test_preparatory_measures_on_a_ninth_implant_follow_the_auslegung_of_the_limits_scope() -> None:
    # Nr. II.3.1 limits „implantologischen Leistungen … und den darauf zu befestigenden Zahnersatz“: an extraction and
    # an X-ray before the ninth implant are neither; spec 5.1 takes them too (the default, as its worked example)
    lines = (
        fee("3000", "37", date=dt.date(2026, 2, 2)),
        goae("5000", "37", date=dt.date(2026, 2, 2)),
        fee("9010", "36"),
        fee("9010", "37"),
        fee("2200", "37"),
        lab("I 115", "37", "73.40"),
    )
    spec = run(*lines, implants_lower=7)
    worded = run(*lines, implants_lower=7, settings={"implant_limit_scope": "implants_and_dentures"})
    assert [r.line_class for r in spec.lines] == [LineClass.X, LineClass.X, LineClass.A, *[LineClass.X] * 3]
    assert [r.line_class for r in worded.lines] == [LineClass.A] * 3 + [LineClass.X] * 3
    assert [r.eligible > 0 for r in spec.lines] == [False, False, True, False, False, False]
    assert [r.eligible > 0 for r in worded.lines] == [True, True, True, False, False, False]
    assert worded.totals.benefit - spec.totals.benefit == (fee_result(worded, 0).eligible + fee_result(worded, 1).eligible) * D(
        "0.8"
    )
    said = [step_text(step) for step in fee_result(worded, 0).explanations]
    assert any("weder implantologische Leistung noch Zahnersatz: bleibt erstattungsfähig" in text for text in said), said
    # the extraction is not „auf“ an implant: it prepares its site, by the reading named
    assert step_text(fee_result(spec, 0).explanations[-1]) == (
        "vorbereitende Maßnahme an der Stelle eines nicht erstattungsfähigen Implantats (Zahn 37, über 8 Implantate je "
        "Kiefer; Auslegung „Begrenzung auf 8 Implantate je Kiefer erfasst: auch die vorbereitenden Maßnahmen an einem "
        "Implantat darüber“)"
    )
    assert step_text(fee_result(spec, 4).explanations[-1]).startswith("auf nicht erstattungsfähigem Implantat (Zahn 37")


def test_a_preparatory_line_over_covered_and_excluded_sites_is_asked_about_only_where_the_limit_takes_it() -> None:
    lines = (fee("9010", "36"), fee("9010", "37"), fee("0090", "36,37"))
    review = [f.row for f in run(*lines, implants_lower=7).findings if f.code == "implant.review"]
    worded = run(*lines, implants_lower=7, settings={"implant_limit_scope": "implants_and_dentures"})
    assert review == [4] and not [f for f in worded.findings if f.code == "implant.review"]
    assert fee_result(worded, 2).eligible > 0


def test_eighth_implant_is_still_covered() -> None:
    result = run(fee("9010", "36"), implants_lower=7)
    assert fee_result(result).line_class is LineClass.A
    assert "implant.limit" not in codes(result)


def test_implant_limit_counts_each_jaw_separately() -> None:
    result = run(fee("9010", "16"), implants_lower=8)
    assert fee_result(result).line_class is LineClass.A


def test_implants_are_counted_in_order_of_treatment_date() -> None:
    result = run(fee("9010", "37", date=dt.date(2026, 5, 1)), fee("9010", "36", date=dt.date(2026, 4, 1)), implants_lower=7)
    assert [r.line_class for r in result.lines] == [LineClass.X, LineClass.A]


def test_implant_line_with_covered_and_excluded_sites_keeps_the_covered_share() -> None:
    result = run(fee("9010", "36,37", count=2), implants_lower=7)
    line = fee_result(result)
    assert line.billed == D("399.72")  # 2 x 199.86
    assert line.eligible == D("199.86")


def test_region_spanning_covered_and_excluded_implants_is_kept_and_flagged() -> None:
    result = run(fee("9010", "36"), fee("9010", "37"), fee("5010", "36,37"), implants_lower=7)
    assert fee_result(result, 2).line_class is LineClass.A
    assert "implant.review" in codes(result)


# --- PZR (Nr. II.3.1) ---


def test_pzr_limited_to_100_eur_per_calendar_year() -> None:
    line = fee_result(run(fee("1040", count=28)))
    assert (line.eligible, line.benefit) == (D("100.00"), D("100.00"))


def test_pzr_limited_to_200_eur_with_cooperating_dentist() -> None:
    result = run(fee("1040", count=28), fee("1040", count=28, date=dt.date(2026, 9, 1)), cooperating=True)
    assert [r.eligible for r in result.lines] == [D("101.36"), D("98.64")]


def test_pzr_already_reimbursed_reduces_the_limit() -> None:
    assert fee_result(run(fee("1040", count=28), pzr_reimbursed="60")).eligible == D("40.00")


def test_pzr_limit_is_per_calendar_year() -> None:
    result = run(fee("1040", count=28), fee("1040", count=28, date=dt.date(2027, 3, 1)))
    assert [r.eligible for r in result.lines] == [D("100.00"), D("100.00")]
    assert [p.year for p in result.limits.pzr] == [2026, 2027]


# --- staged caps (Nr. II.3.2) ---


def test_cap_crossing_within_a_plan() -> None:
    result = run(crown("16"), crown("26"), insurance_start=START_2026)
    assert [r.benefit for r in result.lines] == [D("800.00"), D("200.00")]
    assert result.totals.benefit == D("1000.00")
    assert any(rule_text(e.rule) == "Nr. II.3.2" for e in fee_result(result, 1).explanations)


def test_plan_across_two_insurance_years() -> None:
    result = run(crown("16"), crown("26", dt.date(2027, 2, 1), amount="2000.00"), insurance_start=START_2026)
    # year 1: 800 of 1,000; years 1-2 together: 2,000 - 800 = 1,200 left for the 1,600 benefit
    assert [r.benefit for r in result.lines] == [D("800.00"), D("1200.00")]
    year1, year2 = result.limits.staged_cap[:2]
    assert (year1.used_by_plan, year2.used_by_plan, year2.left) == (D("800.00"), D("1200.00"), D("0.00"))


def test_no_cap_from_insurance_year_5() -> None:
    result = run(crown("16", amount="10000.00"), insurance_start=dt.date(2021, 1, 1))
    assert fee_result(result).benefit == D("8000.00")


def test_prior_class_a_benefits_use_the_cap() -> None:
    result = run(crown("16"), insurance_start=START_2026, prior_class_a=("900", "0", "0", "0"))
    assert fee_result(result).benefit == D("100.00")


def test_a_line_held_by_a_later_years_cap_names_that_cap() -> None:
    """Year 1 had 300 €, year 2 already 1,500 €: a year-1 line may take 200 € – what the 2,000 € of years 1 and 2
    leave, not the 700 € of the first year's 1,000 €; the explanation names the cap that holds it."""
    result = run(crown("16", dt.date(2026, 12, 1)), insurance_start=dt.date(2026, 7, 1), prior_class_a=("300", "1500", "0", "0"))
    line = fee_result(result)
    assert line.benefit == D("200.00")
    step = next(e for e in line.explanations if rule_text(e.rule) == "Nr. II.3.2")
    assert step_text(step).startswith("Zahnstaffel: im ersten und zweiten Versicherungsjahr insgesamt höchstens 2.000,00")
    assert step_text(step).endswith("noch frei 200,00\u00a0€")
    year1 = result.limits.staged_cap[0]  # its own 1,000 € would leave 500 €; the 2,000 € of years 1 and 2 leave none
    assert (year1.left, year1.held_by) == (D("0.00"), (2, D("0.00")))
    sentence = limit_sentences(result)[0]
    assert sentence.endswith("frei 0,00\u00a0€ – so viel lässt die Grenze der Versicherungsjahre 1 bis 2"), sentence
    assert result.limits.staged_cap[1].held_by is None


def test_a_years_free_amount_is_its_own_when_later_years_leave_more() -> None:
    result = run(crown("16"), insurance_start=START_2026)
    year1 = result.limits.staged_cap[0]
    assert (year1.left, year1.held_by) == (D("200.00"), None)
    assert limit_sentences(result)[0].endswith("frei 200,00\u00a0€")


def test_class_b_is_not_capped() -> None:
    result = run(fee("2170", "26", amount="3000.00"), insurance_start=START_2026)
    assert fee_result(result).benefit == D("3000.00")


def test_insurance_year_conventions() -> None:
    start = dt.date(2026, 7, 1)
    assert insurance_year(dt.date(2026, 12, 31), start, "calendar") == 1
    assert insurance_year(dt.date(2027, 3, 1), start, "calendar") == 2
    assert insurance_year(dt.date(2027, 3, 1), start, "anniversary") == 1
    assert insurance_year(dt.date(2027, 7, 1), start, "anniversary") == 2


def test_years_from_29_february_end_on_28_february_as_they_are_counted() -> None:
    start = dt.date(2024, 2, 29)
    for k in (1, 2, 3, 4):
        first, last = insurance_year_span(k, start, "anniversary")
        assert insurance_year(first, start, "anniversary") == insurance_year(last, start, "anniversary") == k
        assert insurance_year(last + dt.timedelta(days=1), start, "anniversary") == k + 1
    assert insurance_year_span(1, start, "anniversary") == (start, dt.date(2025, 2, 28))
    assert insurance_year_span(4, start, "anniversary") == (dt.date(2027, 3, 1), dt.date(2028, 2, 28))


def test_anniversary_convention_changes_the_cap_year() -> None:
    lines = (crown("16", dt.date(2026, 9, 1)), crown("26", dt.date(2027, 3, 1)))
    calendar = run(*lines, insurance_start=dt.date(2026, 7, 1))
    anniversary = run(*lines, insurance_start=dt.date(2026, 7, 1), settings={"insurance_year": "anniversary"})
    assert calendar.totals.benefit == D("1600.00")  # second crown in year 2
    assert anniversary.totals.benefit == D("1000.00")  # both in year 1
    assert anniversary.settings.insurance_year == "anniversary"


# --- accident (Nr. II.3.2) ---


def test_accident_lines_beside_non_accident_lines() -> None:
    result = run(crown("16", accident=True), crown("26"), crown("36"), insurance_start=START_2026)
    assert [r.benefit for r in result.lines] == [D("800.00"), D("800.00"), D("200.00")]
    assert "accident.proof" in codes(result)
    assert result.limits.staged_cap[0].used_by_plan == D("1000.00")
    said = [(rule_text(e.rule), step_text(e)) for e in result.lines[0].explanations]  # the line says why it is not held
    assert ("Nr. II.3.2", "Unfallfolge: die Zahnstaffel entfällt für diese Leistung (Unfall nachzuweisen)") in said
    assert not any("Unfallfolge" in step_text(e) for e in result.lines[1].explanations)


def test_whole_plan_accident_lifts_the_cap_for_lab_lines_too() -> None:
    result = run(crown("16"), crown("26"), lab("0344", "16", "61.50"), insurance_start=START_2026, accident=True)
    assert result.totals.benefit == D("1652.65")  # 800 + 800 + 65.81 x 0.8
    assert lab_result(result).accident is True


def test_a_tooths_service_of_the_day_not_marked_beside_one_marked_as_an_accidents_is_asked_about() -> None:
    build_up = fee("2180", "16")
    result = run(crown("16", accident=True), build_up, crown("26"), insurance_start=START_2026)
    asked = [f for f in result.findings if f.code == "accident.in_part"]
    assert [f.row for f in asked] == [next(r.line.row for r in result.lines if r.line.number == "2180")]  # not 26
    assert finding_text(asked[0]).startswith("GOZ 2180, Zahn 16: nicht als Unfallfolge markiert, am selben Tag wie GOZ 2210")
    assert fee_result(result, 1).accident is False  # estimated as marked
    later = dataclasses.replace(build_up, date=dt.date(2026, 4, 2))  # another day: another treatment
    assert "accident.in_part" not in codes(run(crown("16", accident=True), later, insurance_start=START_2026))
    whole = run(crown("16", accident=True), build_up, insurance_start=START_2026, accident=True)  # all an accident's
    fifth_year = run(crown("16", accident=True), build_up, insurance_start=dt.date(2020, 1, 1))  # no caps to lift
    assert "accident.in_part" not in codes(whole) + codes(fifth_year)


# --- deductible (Nr. II.8) ---


def test_deductible_after_caps_when_set() -> None:
    # BM5/1 adult: 400 EUR. Benefit 1,600 -> cap 1,000 -> deductible 400 -> 600.
    result = run(
        crown("16", amount="2000.00"), insurance_start=START_2026, variant="BM5/1", settings={"deductible_order": "after_caps"}
    )
    assert fee_result(result).benefit == D("600.00")
    assert result.limits.staged_cap[0].used_by_plan == D("1000.00")


def test_deductible_before_caps_by_default() -> None:
    # Benefit 1,600 -> deductible 400 -> 1,200 -> cap 1,000.
    result = run(crown("16", amount="2000.00"), insurance_start=START_2026, variant="BM5/1")
    assert fee_result(result).benefit == D("1000.00")
    assert result.limits.staged_cap[0].used_by_plan == D("1000.00")
    assert result.settings.deductible_order == "before_caps"


def test_on_one_day_the_lines_take_the_deductible_in_plan_order_or_what_the_cap_holds_first() -> None:
    # BM5/3 adult: 1,600 EUR. A filling (B, 500 EUR at 100 %) and a crown (A, 3,750 EUR: 3,000 at 80 %) on one day.
    # Filling first (plan order): 500 - 500 = 0; 3,000 - 1,100 = 1,900 -> cap 1,000: 1,000. Crown first: 3,000 - 1,600
    # = 1,400 -> cap 1,000; the filling 500: 1,500.
    filling, crown_line = fee("2060", "36", amount="500.00"), crown("16", dt.date(2026, 3, 10), amount="3750.00")
    in_plan_order = run(filling, crown_line, insurance_start=START_2026, variant="BM5/3")
    assert in_plan_order.totals.benefit == D("1000.00") and in_plan_order.settings.same_day_order == "plan_order"
    for lines in ((filling, crown_line), (crown_line, filling)):  # with capped_first the row order does not matter
        result = run(*lines, insurance_start=START_2026, variant="BM5/3", settings={"same_day_order": "capped_first"})
        assert result.totals.benefit == D("1500.00")


@pytest.mark.parametrize(
    ("start", "expected", "insured"),
    [
        (dt.date(2026, 1, 1), D("1600.00"), D("1600.00")),
        (dt.date(2026, 1, 15), D("1466.67"), D("1600.00")),  # January begun: missing (default) or insured (spec 5.5)
        (dt.date(2026, 4, 1), D("1200.00"), D("1200.00")),  # 3 months missing: 9/12
        (dt.date(2026, 3, 15), D("1200.00"), D("1333.33")),  # January, February and the begun March: 9/12, or 10/12
        (dt.date(2026, 12, 1), D("133.33"), D("133.33")),  # 11 months missing: 1/12
    ],
)
def test_deductible_prorated_in_the_first_calendar_year(start: dt.date, expected: Decimal, insured: Decimal) -> None:
    result = run(fee("2170", "26", amount="5000.00", date=dt.date(2026, 12, 15)), insurance_start=start, variant="BM5/3")
    assert result.limits.deductible[0].amount == expected
    assert fee_result(result).benefit == D("5000.00") - expected
    spec = run(
        fee("2170", "26", amount="5000.00", date=dt.date(2026, 12, 15)),
        insurance_start=start,
        variant="BM5/3",
        settings={"partial_start_month": "insured"},
    )
    assert spec.limits.deductible[0].amount == insured


def test_deductible_is_not_prorated_in_later_years() -> None:
    result = run(
        fee("2170", "26", amount="5000.00", date=dt.date(2027, 2, 1)), insurance_start=dt.date(2026, 4, 1), variant="BM5/3"
    )
    assert result.limits.deductible[0].amount == D("1600.00")


@pytest.mark.parametrize(
    ("birth", "expected"),
    [
        (dt.date(2008, 12, 31), D("400.00")),  # 2026 - 2008 = 18: children and young people
        (dt.date(2007, 1, 1), D("400.00")),  # 19: still the younger group in 2026
        (dt.date(2006, 12, 31), D("800.00")),  # 20: adult from the calendar year after the 19th birthday
        (dt.date(2018, 6, 1), D("400.00")),  # child: same amount as young people
    ],
)
def test_deductible_age_groups(birth: dt.date, expected: Decimal) -> None:
    result = run(fee("2170", "26", amount="2000.00"), variant="BM5/2", birth_date=birth)
    assert result.limits.deductible[0].amount == expected


@pytest.mark.parametrize(
    ("birth", "birthday", "civil_law"),
    [
        (dt.date(2007, 1, 1), D("400.00"), D("800.00")),  # by the BGB the 19th year ended on 31.12.2025: adult in 2026
        (dt.date(2007, 1, 2), D("400.00"), D("400.00")),  # ended on 01.01.2026 by either reading: adult from 2027
        (dt.date(2006, 1, 1), D("800.00"), D("800.00")),
    ],
)
def test_a_person_born_on_1_january_changes_age_group_by_the_auslegung(
    birth: dt.date, birthday: Decimal, civil_law: Decimal
) -> None:
    """Nr. II.8: „Nach Vollendung des 14. bzw. 19. Lebensjahres gilt ab folgendem Kalenderjahr der Selbstbehalt der
    nächsthöheren Altersgruppe“; §§ 187 Abs. 2, 188 Abs. 2 BGB end a year of life with the day before the birthday."""
    line = fee("2170", "26", amount="2000.00")
    default = run(line, variant="BM5/2", birth_date=birth)
    by_law = run(line, variant="BM5/2", birth_date=birth, settings={"year_of_life": "civil_law"})
    assert (default.limits.deductible[0].amount, by_law.limits.deductible[0].amount) == (birthday, civil_law)
    assert by_law.totals.benefit == D("2000.00") - civil_law


def test_prophylaxis_is_free_of_the_deductible() -> None:
    result = run(fee("1040", count=28), variant="BM5/3")
    assert fee_result(result).benefit == D("100.00")
    assert result.limits.deductible == ()
    # the rate is of "sonstige zahnärztliche Leistungen" (b), the deductible's exception in Nr. II.8
    assert any(rule_text(e.rule) == "Nr. II.3.2 b, II.8" for e in fee_result(result).explanations)


def test_deductible_already_used_in_the_plan_year() -> None:
    result = run(fee("2170", "26", amount="1000.00"), variant="BM5/1", deductible_used="300")
    assert fee_result(result).benefit == D("900.00")


def test_each_lines_deductible_step_says_what_the_year_left_open_before_it() -> None:
    """„Selbstbehalt 2026: 400,00 €, davon hier angerechnet 40,00 €“ beside 300 € used before could not be followed."""
    lines = (fee("2170", "26", amount="60.00"), fee("2170", "27", amount="1000.00"))
    result = run(*lines, variant="BM5/1", deductible_used="300")
    steps = [step_text(e) for line in result.lines for e in line.explanations if rule_text(e.rule) == "Nr. II.8"]
    nbsp = "\u00a0"
    assert steps == [
        f"Selbstbehalt 2026 (BM5/1, Erwachsene): 400,00{nbsp}€, noch offen 100,00{nbsp}€, davon hier angerechnet 60,00{nbsp}€",
        f"Selbstbehalt 2026 (BM5/1, Erwachsene): 400,00{nbsp}€, noch offen 40,00{nbsp}€, davon hier angerechnet 40,00{nbsp}€",
    ], steps


def test_deductible_applies_to_accident_lines() -> None:
    result = run(crown("16", accident=True), variant="BM5/1")
    assert fee_result(result).benefit == D("400.00")  # 800 - 400


def test_bm5_0_has_no_deductible() -> None:
    assert fee_result(run(fee("2170", "26", amount="500.00"), variant="BM5/0")).benefit == D("500.00")


# --- insurance start ---


def test_treatment_before_insurance_start_is_not_covered() -> None:
    result = run(fee("2170", "26", amount="500.00", date=dt.date(2025, 12, 1)), insurance_start=START_2026)
    line = fee_result(result)
    assert (line.line_class, line.benefit) == (LineClass.X, D("0.00"))
    finding = next(f for f in result.findings if f.code == "date.before_insurance_start")
    assert "01.12.2025" in finding_text(finding) and "01.01.2026" in finding_text(finding)
    assert finding.section == "§ 2 AVB Teil I"


def test_a_later_years_cap_counts_this_plans_earlier_years_as_this_plans_not_as_paid_before() -> None:
    # insured since 01.07.2025 with 300 € paid in its first year; a crown in 2026 (year 2), a filling in year 3
    result = run(
        fee("2210", "16", amount="400.00", date=dt.date(2026, 3, 10)),
        fee("2080", "26", date=dt.date(2027, 8, 2)),
        insurance_start=dt.date(2025, 7, 1),
        prior_class_a=(D("300.00"),),
    )
    second, third = result.limits.staged_cap[1], result.limits.staged_cap[2]
    assert (second.before_plan, second.plan_so_far) == (D("300.00"), second.used_by_plan)
    assert (third.before_plan, third.plan_so_far, third.used_by_plan) == (D("300.00"), second.used_by_plan, D("0.00"))
    said = [s.replace("\u00a0", " ") for s in limit_sentences(result) if s.startswith("Zahnstaffel 3.")]
    plan = f"{second.used_by_plan:.2f}".replace(".", ",")
    assert said and f"vor diesem Plan erstattet 300,00 €, dieser Plan bis dahin {plan} €" in said[0]
    assert not [s for s in limit_sentences(result) if s.startswith("Zahnstaffel 4.")]  # no treatment in year 4


def test_the_letters_limits_say_a_staged_cap_held_as_in_year_one_without_an_insurance_start() -> None:
    # seven crowns without an insurance start: held at 1.000 € as in year 1, and the letter's limits said nothing of it
    crowns = [fee("2210", tooth) for tooth in ("14", "15", "16", "17", "24", "25", "26")]
    result = run(*crowns, insurance_start=None)
    assert result.totals.benefit == D("1000.00")
    assert "Zahnstaffel: Versicherungsbeginn nicht angegeben – wie im 1. Versicherungsjahr angesetzt (Nr. II.3.2)" in (
        limit_sentences(result)
    )
    fillings = run(fee("2060", "16"), insurance_start=None)  # no class-A line: no staged cap to speak of
    assert not [s for s in limit_sentences(fillings) if s.startswith("Zahnstaffel")]


def test_without_a_plan_date_the_amounts_used_count_in_the_year_of_the_first_treatment() -> None:
    # BM5/1 adult, 400 deductible, 300 of it used; PZR 80 of 100 reimbursed. 2080 x 2 = 143,84 (B): 100 left to take.
    lines = (fee("2080", "16", count=2, date=dt.date(2026, 5, 4)), fee("1040", count=28, date=dt.date(2026, 5, 4)))
    found = estimate(
        plan(*lines, plan_date=None, variant="BM5/1", deductible_used="300", pzr_reimbursed="80"),
        load_tariffs(),
    )
    assert fee_result(found, 0).benefit == D("43.84") and fee_result(found, 1).benefit == D("20.00")
    assert found.totals.benefit == D("63.84")
    said = next(f for f in found.findings if f.code == "input.used_year_assumed")
    assert "gelten für 2026, das Jahr der ersten Behandlung" in finding_text(said)
    dated = run(*lines, variant="BM5/1", deductible_used="300", pzr_reimbursed="80")
    assert dated.totals.benefit == D("63.84") and "input.used_year_assumed" not in codes(dated)


def test_material_without_teeth_beside_an_insertion_over_the_limit_is_flagged() -> None:
    # the implants' material of the day, without its teeth, may be that of the implant not paid: asked about
    result = run(
        fee("9010", "36,46", count=2),
        lab("Material", "", "320.00", quantity=2, description="Implantat", vat_percent=0),
        fee("9010", "26", date=dt.date(2026, 5, 5)),
        lab("Material", "", "320.00", description="Implantat", vat_percent=0, date=dt.date(2026, 5, 5)),
        implants_lower=7,
    )
    flagged = [(f.sheet, f.row) for f in result.findings if f.code == "implant.review_material"]
    material = result.lines[2].line  # the material of the day over the limit, not that of the upper jaw's insertion
    assert material.kind == "lab" and material.date == PLAN_DATE and flagged == [(material.sheet, material.row)]
    # a bite registration or a model without teeth that day is no implant's: not asked about
    other = run(fee("9010", "36"), fee("9010", "37"), fee("8010", count=2), lab("0010", "", "50.00"), implants_lower=7)
    assert not [f for f in other.findings if f.code.startswith("implant.review")]


def test_a_primary_tooth_of_an_adult_is_asked_about_with_the_teeth_meant() -> None:
    # „61“ typed for 16 on a 50-year-old was taken without a word: a crown on a primary tooth
    result = run(crown("61"), crown("75"), fee("2210", "OK"), lab("0010", "55", "10.00"), birth_date=dt.date(1975, 6, 15))
    said = [f for f in result.findings if f.code == "line.milk_tooth"]
    assert [(f.severity.value, f.column) for f in said] == [("warning", "Zahn")] * 3
    assert [finding_text(f) for f in said][:2] == [
        "GOZ 2210, Zahn 61: Zahn 61 ist ein Milchzahn, die Person ist am 10.03.2026 50 Jahre alt – bitte den Zahn prüfen "
        "(gemeint 21 oder 16?)",
        "GOZ 2210, Zahn 75: Zahn 75 ist ein Milchzahn, die Person ist am 10.03.2026 50 Jahre alt – bitte den Zahn prüfen "
        "(gemeint 35?)",  # 57 is no tooth
    ]
    child = run(crown("61"), birth_date=dt.date(2012, 3, 11))  # 13 the day before the 14th birthday: not asked
    assert "line.milk_tooth" not in codes(child)
    assert "line.milk_tooth" in codes(run(crown("61"), birth_date=dt.date(2012, 3, 10)))


def test_a_second_crown_of_a_tooth_on_another_day_or_session_is_asked_about_and_billed_as_planned() -> None:
    later = dt.date(2026, 4, 20)
    result = run(
        crown("16"),
        fee("5010", "15-17", count=2, date=later),  # a bridge anchor on 16 too
        crown("16", later),
        crown("26"),
        crown("26"),  # the same session: billed once by its limit, not asked again
        fee("2210", "OK", date=later),  # a jaw: no tooth named
        goae("5000", "16"),  # the GOÄ's number 5000 is an X-ray
    )
    said = [f for f in result.findings if f.code == "line.tooth_again"]
    assert [(f.row, f.column, f.severity.value) for f in said] == [(3, "Zahn", "warning"), (4, "Zahn", "warning")]
    assert finding_text(said[0]) == (
        "GOZ 5010, Zahn 15-17: Zahn 16 hat in diesem Plan schon eine Krone oder einen Brückenanker (GOZ 2210, Zahn 16 am "
        "10.03.2026) – doppelt erfasst oder Zahn verschrieben? Berechnet wie geplant; bitte prüfen"
    )
    assert fee_result(result, 2).eligible == fee_result(result, 0).eligible  # billed as the plan says
    sessions = run(crown("16", None, session="1. Sitzung"), crown("16", None, session="2. Sitzung"))
    assert ", 1. Sitzung)" in finding_text(next(f for f in sessions.findings if f.code == "line.tooth_again"))
    beside = run(crown("16"), fee("5010", "16"))  # a crown and an anchor on one day: two numbers, no limit cuts them
    assert [f.row for f in beside.findings if f.code == "line.tooth_again"] == [3]
    copied = run(crown("16"), crown("16", later, manual_class="X"))  # the copy set to X by hand: nothing to ask
    assert "line.tooth_again" not in codes(copied)


def test_a_birth_date_after_the_treatment_is_an_error_to_clear() -> None:
    # „03.02.30“ read as 2030 once gave a child's deductible; any birth date after the first treatment day is asked about
    result = run(crown("16"), variant="BM5/1", birth_date=dt.date(2030, 2, 3))
    [said] = [f for f in result.findings if f.code == "person.born_after_treatment"]
    assert said.severity.value == "error" and (said.sheet, said.section) == ("Patient", "Nr. II.8")
    assert finding_text(said).startswith(
        "Geburtsdatum 03.02.2030 liegt nach dem ersten Behandlungstag 10.03.2026 (Leistungen Zeile 2) – bitte beide Daten prüfen"
    )
    assert "person.born_after_treatment" not in codes(run(crown("16"), birth_date=PLAN_DATE))
    # „1.1.26“ typed for a birth in 1926 reads as 2026: before the treatment, but after the insurance began
    later = run(crown("16"), birth_date=dt.date(2026, 1, 1), insurance_start=dt.date(2024, 1, 1))
    [said] = [f for f in later.findings if f.code == "person.born_after_start"]
    assert said.severity.value == "error" and finding_text(said).startswith(
        "Geburtsdatum 01.01.2026 liegt nach dem Versicherungsbeginn 01.01.2024 – bitte prüfen"
    )
    assert "person.born_after_start" not in codes(
        run(crown("16"), birth_date=dt.date(2024, 1, 1), insurance_start=dt.date(2024, 1, 1))
    )


def test_a_lab_line_without_a_date_is_done_on_the_day_of_the_services_on_its_teeth() -> None:
    # Nr. II.3.2: the staged caps count by treatment day. The crown is made in the second insurance year; its lab work,
    # written without a date, belongs to that year – not to the plan date's first year, where only 50 € are left.
    crown, crown_lab = fee("2210", "16", date=dt.date(2027, 1, 15)), lab("0344", "16", "61.50", date=None)
    first_year = {"insurance_start": dt.date(2026, 1, 1), "prior_class_a": ("950",), "plan_date": dt.date(2026, 12, 1)}
    result = run(crown, crown_lab, **first_year)
    assert (lab_result(result).date, lab_result(result).benefit) == (dt.date(2027, 1, 15), Decimal("52.65"))
    said = next(f for f in result.findings if f.code == "lab.day_of_services")
    assert "ohne Datum – gerechnet am Behandlungstag der Leistungen an ihren Zähnen, 15.01.2027" in finding_text(said)
    on_plan_date = run(crown, crown_lab, settings={"undated_lab_day": "plan_date"}, **first_year)
    assert lab_result(on_plan_date).date == dt.date(2026, 12, 1) and lab_result(on_plan_date).benefit < Decimal("52.65")
    assert "lab.day_of_services" not in codes(on_plan_date)


def test_a_lab_line_without_a_date_whose_services_lie_on_several_days_is_asked_about() -> None:
    lines = (fee("2210", "16", date=dt.date(2027, 1, 15)), fee("2180", "16", date=dt.date(2027, 11, 8)))
    result = run(*lines, lab("0344", "16", "61.50", date=None), plan_date=dt.date(2027, 1, 1))
    assert lab_result(result).date == dt.date(2027, 1, 1)
    said = next(f for f in result.findings if f.code == "lab.day_unclear")
    assert "am Planungsdatum 01.01.2027, die Leistungen an ihren Zähnen sind am 15.01.2027, 08.11.2027" in finding_text(said)
    same_day = run(*lines, lab("0344", "16", "61.50", date=None), plan_date=dt.date(2027, 11, 8))  # the plan date is one
    assert lab_result(same_day).date == dt.date(2027, 11, 8)
    assert not {"lab.day_unclear", "lab.day_of_services", "lab.day_last"} & set(codes(same_day))
    # the plan date one of the days, another in the next year: which year's deductible and cap it counts in is a guess
    two_years = (fee("2210", "36", date=dt.date(2026, 10, 15)), fee("2210", "46", date=dt.date(2027, 2, 10)))
    result = run(*two_years, lab("0001", "36,46", "20.00", date=None), plan_date=dt.date(2026, 10, 15))
    assert lab_result(result).date == dt.date(2026, 10, 15) and "lab.day_unclear" in codes(result)
    many = [fee("2060", "16", date=dt.date(2027, 3, day)) for day in range(1, 11)]  # ten days: the first four, the last
    said = finding_text(next(f for f in run(*many, lab("0344", "16", "61.50", date=None)).findings if f.code == "lab.day_last"))
    assert "(01.03.2027, 02.03.2027, 03.03.2027, 04.03.2027, …, 10.03.2027, alle im selben" in said


def test_an_undated_lab_line_is_not_done_in_the_plan_dates_year_when_its_services_all_lie_in_another() -> None:
    # plan of 10.12.2026, crowns prepared on 12.01.2027 and fitted on 19.01.2027, the lab invoice without dates: the plan
    # date put the lab work in 2026 – a year without treatment, whose whole deductible it took (26,32 € instead of 200,54 €)
    days = (dt.date(2027, 1, 12), dt.date(2027, 1, 19))
    lines = (fee("2210", "16", date=days[0], amount="330.31"), fee("2210", "17", date=days[1], amount="330.31"))
    lab_line = lab("0344", "16-17", "100.00", date=None, quantity=2)
    result = run(*lines, lab_line, plan_date=dt.date(2026, 12, 10), insurance_start=dt.date(2026, 7, 1), variant="BM5/1")
    assert lab_result(result).date == dt.date(2027, 1, 19)
    assert {r.date.year for r in result.lines} == {2027} and result.limits.deductible[0].year == 2027
    said = next(f for f in result.findings if f.code == "lab.day_last")
    assert finding_text(said).endswith(
        "ohne Datum – gerechnet am 19.01.2027, dem letzten Behandlungstag der Leistungen an ihren Zähnen (12.01.2027, "
        "19.01.2027, alle im selben Kalender- und Versicherungsjahr, das für Zahnstaffel und Selbstbehalt zählt); bitte "
        "das Datum der Laborzeile eintragen"
    )
    as_before = run(*lines, lab_line, plan_date=dt.date(2027, 1, 5), insurance_start=dt.date(2026, 7, 1), variant="BM5/1")
    assert lab_result(as_before).date == dt.date(2027, 1, 5)  # the plan date in their year: kept, asked about
    # insurance years from the anniversary of a start on 01.07.2026: 20.06.2027 in the first, 05.07.2027 in the second –
    # the services lie in two insurance years, so no day of theirs is sure: the plan date, asked about
    across = (fee("2210", "16", date=dt.date(2027, 6, 20)), fee("2210", "17", date=dt.date(2027, 7, 5)))
    settings = {"insurance_year": "anniversary"}
    result = run(*across, lab_line, plan_date=dt.date(2026, 12, 10), settings=settings, insurance_start=dt.date(2026, 7, 1))
    assert lab_result(result).date == dt.date(2026, 12, 10) and "lab.day_unclear" in codes(result)


def test_an_undated_lab_line_on_a_jaw_takes_no_day_of_another_service_there() -> None:
    # the splint's lab work on "OK": the splint on 15.11.2026, a filling on 25 on 10.01.2027 – two days on its teeth,
    # so the plan date, asked about (it took the filling's day, and the next year's deductible with it)
    lines = (fee("7000", "OK", date=dt.date(2026, 11, 15)), fee("2080", "25", date=dt.date(2027, 1, 10)))
    result = run(*lines, lab("0827", "OK", "40.00", date=None), plan_date=dt.date(2026, 11, 1))
    assert lab_result(result).date == dt.date(2026, 11, 1) and "lab.day_unclear" in codes(result)
    inlay = (fee("2160", "24", date=dt.date(2027, 1, 10)), fee("7010", "OK", date=dt.date(2026, 11, 15)))
    beside = run(*inlay, lab("0320", "24", "93.80", date=None), plan_date=dt.date(2026, 11, 1))
    assert lab_result(beside).date == dt.date(2026, 11, 1) and "lab.day_unclear" in codes(beside)  # a guess: asked
    alone = run(inlay[0], lab("0320", "24", "93.80", date=None), plan_date=dt.date(2026, 11, 1))
    assert lab_result(alone).date == dt.date(2027, 1, 10)  # the inlay's day, when it is the only one there


def test_lab_work_dated_in_another_insurance_year_than_its_crown_is_asked_about() -> None:
    # start 01.07.2025: the first insurance year ends on 31.12.2025 (calendar); the crown on 10.12.2025, its lab work
    # on 05.01.2026 – counted in year 2 on its own date, which the insurer may count on the crown's day
    start, crown_day = dt.date(2025, 7, 1), dt.date(2025, 12, 10)
    later = run(fee("2210", "16", date=crown_day), lab("0344", "16", "61.50", date=dt.date(2026, 1, 5)), insurance_start=start)
    [said] = [finding_text(f) for f in later.findings if f.code == "lab.other_cap_year"]
    assert said.startswith(
        "Labor 0344, Zahn 16: am 05.01.2026 (2. Versicherungsjahr), die Leistungen an ihren Zähnen am 10.12.2025"
    )
    same_year = run(
        fee("2210", "16", date=crown_day), lab("0344", "16", "61.50", date=dt.date(2025, 12, 20)), insurance_start=start
    )
    long_insured = run(fee("2210", "16", date=crown_day), lab("0344", "16", "61.50", date=dt.date(2026, 1, 5)))  # year > 4
    assert "lab.other_cap_year" not in codes(same_year) + codes(long_insured)


def test_a_plan_in_a_later_capped_year_says_it_counts_no_earlier_benefit_when_none_is_given() -> None:
    """A crown in the second insurance year with no earlier benefit given: the cap is computed as if the insurer had
    paid nothing yet, and the letter says so – not when a benefit of year 1 is given, the register gave them, the plan
    lies in the first year, or the line is an accident's."""
    year_2 = dt.date(2027, 3, 10)
    said = [f for f in run(crown("16", year_2), insurance_start=START_2026).findings if f.code == "history.cap_assumed"]
    assert [(f.severity.value, f.sheet, f.section) for f in said] == [("info", "Patient", "Nr. II.3.2")]
    assert finding_text(said[0]).startswith(
        "Zahnstaffel: gerechnet ohne frühere Erstattung für Zahnersatz im ersten Versicherungsjahr (bisherige ZE-Erstattung "
        "0,00 €) – hat der Versicherer schon Zahnersatz erstattet"
    )
    year_3 = run(crown("16", dt.date(2028, 3, 10)), insurance_start=START_2026)
    assert "in den Versicherungsjahren 1 bis 2" in finding_text(
        next(f for f in year_3.findings if f.code == "history.cap_assumed")
    )
    quiet = (
        run(crown("16", year_2), insurance_start=START_2026, prior_class_a=("120", "0", "0", "0")),
        run(crown("16", year_2), insurance_start=START_2026, prior_source="Fallregister"),
        run(crown("16", dt.date(2026, 3, 10)), insurance_start=START_2026),
        run(crown("16", year_2, accident=True), insurance_start=START_2026),
    )
    assert [("history.cap_assumed" in codes(result)) for result in quiet] == [False] * 4


def test_earlier_benefits_given_as_0_on_the_patient_sheet_or_in_the_window_are_given() -> None:
    """The template's own example fills „Bisherige ZE-Erstattung Jahr 1–4“ with 0: given, nothing to ask (the sheet's
    trailing zeros leave no amounts, its cells say they were there); a year typed 0 in the window is given too."""
    year_3 = dt.date(2028, 3, 10)
    sheet = plan(crown("16", year_3), insurance_start=START_2026)
    sheet = dataclasses.replace(sheet, patient_cells={"Jahr 1": "B14", "Jahr 2": "B15"})
    assert "history.cap_assumed" not in codes(estimate(sheet, load_tariffs()))
    only_1 = dataclasses.replace(sheet, patient_cells={"Jahr 1": "B14"})  # year 2 given nowhere
    assert "history.cap_assumed" in codes(estimate(only_1, load_tariffs()))
    typed = run(crown("16", year_3), insurance_start=START_2026, prior_class_a=("0", "0"))
    assert "history.cap_assumed" not in codes(typed)
