"""Rules 2026.2, one section per row of the revision table, each a plan checked by hand, with the corner cases."""

import datetime as dt
from decimal import Decimal

import pytest

from estimator.codes import Code
from estimator.kinds import Cause, LineClass, Severity
from estimator.model import Override
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from estimator.wording import finding_text, limit_sentences, rule_text, step_text
from tests.estimator.builders import codes, fee, fee_result, goae, lab, lab_result, plan, run

D = Decimal
A, B, P, X = LineClass.A, LineClass.B, LineClass.P, LineClass.X
START_2026 = dt.date(2026, 1, 1)
DAY = dt.date(2026, 3, 10)


def finding(result: object, code: str) -> str:
    return next(finding_text(f) for f in result.findings if f.code == code)  # type: ignore[attr-defined]


# --- 1. deductible before the staged cap (Nr. II.3.2, II.8) ---


def test_1_deductible_comes_before_the_staged_cap() -> None:
    # BM5/3 adult, first insurance year: 2,500 x 80 % = 2,000; deductible 1,600 -> 400; cap 1,000 leaves 400.
    result = run(fee("2210", "16", amount="2500.00"), variant="BM5/3", insurance_start=START_2026)
    line = fee_result(result)
    assert line.benefit == D("400.00")
    assert line.reductions == {Cause.RATE: D("500.00"), Cause.DEDUCTIBLE: D("1600.00")}
    assert result.limits.staged_cap[0].used_by_plan == D("400.00")  # the cap counts what is paid


def test_1_deductible_after_the_staged_cap_is_kept_as_auslegung() -> None:
    # 2,000 -> cap 1,000 -> deductible takes all of it.
    result = run(
        fee("2210", "16", amount="2500.00"),
        variant="BM5/3",
        insurance_start=START_2026,
        settings={"deductible_order": "after_caps"},
    )
    line = fee_result(result)
    assert line.benefit == D("0.00")
    assert line.reductions == {Cause.RATE: D("500.00"), Cause.STAGED_CAP: D("1000.00"), Cause.DEDUCTIBLE: D("1000.00")}


# --- 2. implants counted by Anzahl (Nr. II.3.1) ---


def test_2_one_implant_written_for_the_jaw_is_one_implant() -> None:
    result = run(fee("9010", "OK", count=1), implants_upper=7)
    line = fee_result(result)
    assert (line.line_class, line.eligible) == (A, D("199.86"))
    upper = next(j for j in result.limits.implants if j.jaw == "OK")
    assert (upper.planned, upper.excluded) == (1, 0)


def test_2_line_with_unknown_sites_keeps_the_covered_share() -> None:
    # 7 present, 2 planned somewhere in 14-16: the 9th is excluded, its site unknown; half of 399.72 stays.
    result = run(fee("9010", "14-16", count=2), fee("2210", "16"), implants_upper=7)
    implant, crown = fee_result(result, 0), fee_result(result, 1)
    assert (implant.billed, implant.eligible) == (D("399.72"), D("199.86"))
    assert implant.reductions[Cause.IMPLANT_LIMIT] == D("199.86")
    assert crown.line_class is A  # the site is unknown: what sits on it is reviewed, not excluded
    assert "Lage unbekannt" in finding(result, "implant.limit")
    upper = next(j for j in result.limits.implants if j.jaw == "OK")
    assert (upper.planned, upper.excluded_unlocated, upper.excluded_sites) == (2, 1, ())
    assert "nicht erstattungsfähig: 1 ohne Lage" in limit_sentences(result)[-1]


def test_2_named_sites_are_counted_in_ascending_tooth_order() -> None:
    # 6 present; 14, 15 and 16 planned in one line: 16 is the ninth. Two thirds of 599.58 stay.
    result = run(fee("9010", "14,15,16", count=3), fee("2210", "16"), fee("2210", "15"), implants_upper=6)
    implant, crown_16, crown_15 = (fee_result(result, i) for i in range(3))
    assert implant.eligible == D("399.72")
    assert (crown_16.line_class, crown_16.reductions) == (X, {Cause.IMPLANT_LIMIT: D("217.06")})
    assert crown_15.line_class is A
    assert next(j for j in result.limits.implants if j.jaw == "OK").excluded_sites == (16,)


def test_2_implant_line_across_both_jaws_without_sites_is_an_error() -> None:
    result = run(fee("9010", "OK/UK", count=2), implants_upper=8)
    line = fee_result(result)
    assert (line.eligible, line.benefit) == (D("0.00"), D("0.00"))
    assert "Implantate je Kiefer angeben" in finding(result, "implant.both_jaws")
    assert all(j.planned == 0 for j in result.limits.implants)  # it counts nothing


def test_2_implant_line_naming_one_tooth_in_each_jaw_counts_each_jaw() -> None:
    result = run(fee("9010", "16,36", count=2), implants_upper=8)
    line = fee_result(result)
    assert line.eligible == D("199.86")  # 16 is the ninth of the upper jaw, 36 is covered
    jaws = {j.jaw: j for j in result.limits.implants}
    assert (jaws["OK"].excluded_sites, jaws["UK"].covered_sites) == ((16,), (36,))


# --- 3. B 269 "pro Kiefer" limits counted per jaw (spec 6a) ---


def test_3_line_on_both_jaws_spreads_its_units_over_the_jaws() -> None:
    # I 112 once per jaw: the first line uses the upper jaw; the second spreads 1 + 1, its upper unit is too many.
    result = run(lab("I 112", "16", "30.00"), lab("I 112", "16,36", "30.00", quantity=2))
    second = lab_result(result, 1)
    assert (second.billed, second.eligible) == (D("64.20"), D("32.10"))
    assert second.reductions[Cause.LAB_PRICES] == D("32.10")
    assert "lab.quantity_limit" in codes(result)


def test_3_odd_unit_of_a_line_on_both_jaws_goes_to_the_upper_jaw() -> None:
    # 0726 at most twice per jaw: 3 on OK/UK are 2 upper + 1 lower; one more below fits, one more above does not.
    result = run(lab("0726", "OK/UK", "15.20", quantity=3), lab("0726", "36", "15.20"), lab("0726", "16", "15.20", vat_percent=0))
    assert [r.eligible for r in result.lines] == [D("48.79"), D("16.26"), D("0.00")]


def test_3_limited_lab_line_without_a_tooth_counts_in_the_jaw_with_room_and_asks_for_it() -> None:
    result = run(lab("I 113", "16", "25.00"), lab("I 113", "", "25.00"))
    assert lab_result(result, 1).eligible == D("26.75")  # counted in the lower jaw
    assert "Unterkiefer" in finding(result, "lab.quantity_limit_no_jaw")


# --- 4. GOZ 0120 from the lasered service (spec 3) ---


def test_4_laser_surcharge_is_the_simple_fee_of_the_lasered_service() -> None:
    # GOZ 4080: 45 points x 5.62421 ct = 2.53 EUR; billed 68.00.
    result = run(fee("4080", "16"), fee("0120", "16", factor=1, amount="68.00"))
    laser = fee_result(result, 1)
    assert (laser.line_class, laser.eligible, laser.benefit) == (B, D("2.53"), D("2.53"))
    assert laser.reductions == {Cause.FEE_LIMITS: D("65.47")}
    # cited by the GOZ text that sets it, not the tariff's footnote on the maximum factors
    assert [rule_text(e.rule) for e in laser.explanations if e.before == D("68.00")] == ["Nr. II.3.1, GOZ 0120"]
    at_23 = run(fee("3020", "17"), fee("0500", "17", factor="2.3"))  # a surcharge „nur mit dem einfachen Gebührensatz“
    assert [f.section for f in at_23.findings if f.code == "fee.single_rate_only"] == ["Nr. II.3.1, GOZ Abschnitte A und L"]
    goae_surcharge = run(goae("2700", "36"), goae("445", "36", factor="2.3"))  # the GOÄ's own: not the GOZ's sections
    assert [f.section for f in goae_surcharge.findings if f.code == "fee.single_rate_only"] == ["Nr. II.3.1 Fn. 8"]


def test_4_laser_surcharge_counts_once_per_treatment_day() -> None:
    # 2410 (22.05 at 1.0) twice on one day; the second 0120 and the second unit of the first are not eligible.
    result = run(
        fee("2410", "16"), fee("2410", "26"), fee("0120", "16", factor=1, count=2, amount="44.10"), fee("0120", "26", factor=1)
    )
    first, second = fee_result(result, 2), fee_result(result, 3)
    assert first.eligible == D("22.05") and first.reductions == {Cause.NOT_ELIGIBLE: D("22.05")}
    assert (second.billed, second.eligible) == (D("22.05"), D("0.00"))
    assert sum(1 for c in codes(result) if c == "fee.once_per_day") == 2


def test_4_laser_surcharge_on_a_service_billed_three_times_is_measured_by_the_line_or_by_one_unit() -> None:
    # GOZ 4090 (180 points, simple fee 10,12 €) three times on one line; the 0120 billed at three simple fees
    lines = (fee("4090", "31,41,42", count=3), fee("0120", "31", factor=1, amount="30.37"))
    by_line = fee_result(run(*lines), 1)
    assert (by_line.billed, by_line.eligible) == (D("30.37"), D("30.37"))  # the default, in the customer's favour
    by_unit = fee_result(run(*lines, settings={"laser_basis": "unit"}), 1)
    assert by_unit.eligible == D("10.12") and by_unit.reductions == {Cause.FEE_LIMITS: D("20.25")}


def test_4_laser_surcharge_is_measured_by_the_lasered_line_worth_most_when_several_fit() -> None:
    # 2410 (22,05 € simple) once, 4090 (10,12 €) three times on the same day: by line the 4090 (30,37 €) is worth more
    lines = (fee("2410", "16"), fee("4090", "31,41,42", count=3), fee("0120", "", factor=1, amount="40.00"))
    assert fee_result(run(*lines), 2).eligible == D("30.37")
    assert fee_result(run(*lines, settings={"laser_basis": "unit"}), 2).eligible == D("22.05")


def test_4_laser_surcharge_without_lasered_service_is_not_eligible() -> None:
    result = run(fee("2210", "16"), fee("0120", "16", factor=1, amount="30.00"))
    laser = fee_result(result, 1)
    assert (laser.eligible, laser.reductions) == (D("0.00"), {Cause.NOT_ELIGIBLE: D("30.00")})
    assert "fee.laser_without_service" in codes(result)
    # the surcharge is measured by its lasered service (GOZ 0120, the fee schedule's Bemessungsgrundsätze), not by the
    # maximum factors of footnote 8
    step = next(e for e in laser.explanations if e.phrase.code is Code.STEP_LASER_WITHOUT_SERVICE)
    assert rule_text(step.rule) == "Nr. II.3.1, GOZ 0120"
    assert {f.section for f in result.findings if f.phrase.code.value == "fee.laser_without_service"} == {"Nr. II.3.1, GOZ 0120"}


def test_4_laser_surcharge_without_amount_follows_the_service_with_the_highest_simple_fee() -> None:
    # GOZ 9160 costs 18.56 at 1.0; GOZ 2410 22.05: the higher simple fee is the lasered service's.
    result = run(fee("9160", "OK"), fee("2410", "16"), fee("0120", "", factor=1))
    laser = fee_result(result, 2)
    assert (laser.billed, laser.eligible, laser.line_class) == (D("22.05"), D("22.05"), B)


# --- 5. orthodontics: age at the start of the treatment (Nr. II.3.1) ---

BORN_2007 = dt.date(2007, 3, 1)  # 19th birthday on 01.03.2026


def test_5_treatment_begun_before_the_19th_birthday_continues_as_b() -> None:
    result = run(
        fee("6030", "OK", date=dt.date(2026, 6, 1)),
        lab("0901", "", "40.00", date=dt.date(2026, 6, 1)),
        birth_date=BORN_2007,
        orthodontics_start=dt.date(2025, 9, 1),
    )
    assert [(r.line_class, r.benefit) for r in result.lines] == [(B, D("174.63")), (B, D("42.80"))]


def test_5_treatment_begun_at_19_is_not_eligible_with_its_lab_lines_and_one_finding() -> None:
    result = run(
        fee("6030", "OK", date=dt.date(2026, 6, 1)),
        fee("6040", "UK", date=dt.date(2026, 6, 1)),
        lab("0901", "", "40.00", date=dt.date(2026, 6, 1)),
        lab("0902", "16", "40.00", date=dt.date(2026, 6, 1)),
        birth_date=BORN_2007,
    )
    assert [r.line_class for r in result.lines] == [X, X, X, X]
    assert codes(result).count("orthodontics.adult") == 1
    assert "01.06.2026" in finding(result, "orthodontics.adult") and "19 Jahren" in finding(result, "orthodontics.adult")


# --- 6. narrow preparatory measures (Nr. II.3.2 a) ---


def test_6_splint_on_the_jaw_makes_nothing_else_class_a() -> None:
    result = run(fee("7010", "OK"), fee("0090", "14"), fee("2060", "14"), fee("2210", "24"), fee("0090", "24"), fee("0030"))
    assert [r.line_class for r in result.lines] == [A, B, B, A, A, B]
    assert fee_result(result, 1).benefit == D("7.76")


def test_6_line_without_a_tooth_stays_b_even_beside_a_crown() -> None:
    result = run(fee("2210", "16"), fee("0040"), goae("5004", factor="1.8"))
    assert [r.line_class for r in result.lines] == [A, B, B]


# --- 7. accident of a lab line from its tooth-level A-services (spec 5.4) ---


def test_7_lab_line_is_accident_when_its_crown_is_even_if_the_anaesthesia_is_not() -> None:
    # First insurance year, BM5/0: the accident crown is outside the cap (1,600.00); the anaesthesia (6.21) and the
    # second crown (993.79 of 1,200.00) use it up. The crown's lab line is accident too: 51.36, not capped.
    result = run(
        fee("2210", "16", amount="2000.00", accident=True),
        fee("0090", "16"),
        fee("2210", "26", amount="1500.00"),
        lab("0344", "16", "60.00"),
        insurance_start=START_2026,
    )
    assert [r.benefit for r in result.lines] == [D("1600.00"), D("6.21"), D("993.79"), D("51.36")]
    assert lab_result(result).accident is True


# --- 8. prevention free of the deductible; IP frequency limits; 0010 beside 1000/1010 (Nr. II.8, GOZ B) ---


def test_8_check_up_is_prevention_and_1030_is_b() -> None:
    # BM5/3 adult, deductible 1,600: the check-up is paid in full, the medication splint goes to the deductible.
    result = run(fee("0010"), fee("1030", "OK"), variant="BM5/3")
    assert [(r.line_class, r.benefit) for r in result.lines] == [(P, D("12.94")), (B, D("0.00"))]
    off = run(fee("0010"), variant="BM5/3", settings={"checkup_is_prevention": False})
    assert (fee_result(off).line_class, fee_result(off).benefit) == (B, D("0.00"))


def test_8_fluoridation_four_times_a_year_or_three_by_the_tariff_annex() -> None:
    result = run(fee("1020", count=5))
    line = fee_result(result)
    assert (line.billed, line.eligible) == (D("32.35"), D("25.88"))
    assert "fee.frequency_limit" in codes(result)
    annex = fee_result(run(fee("1020", count=5), settings={"prophylaxis_frequency": "tariff_annex"}))
    assert annex.eligible == D("19.41")


def test_8_frequency_limits_count_per_calendar_year() -> None:
    result = run(fee("1000"), fee("1000", date=dt.date(2026, 9, 1)), fee("1000", date=dt.date(2027, 2, 1)))
    assert [r.eligible for r in result.lines] == [D("25.87"), D("0.00"), D("25.87")]
    # the limit of 1000 is the same in both readings of the frequency: said without the Auslegung, once its number
    said = [finding_text(f) for f in result.findings if f.row == 3]
    assert said == [
        "GOZ 1000: innerhalb eines Jahres höchstens einmal berechnungsfähig (Kalenderjahr 2026); 1 Einheit nicht erstattungsfähig"
    ]
    fluoride = [finding_text(f) for f in run(fee("1020", count=5)).findings if f.code == "fee.frequency_limit"]
    assert fluoride == [
        "GOZ 1020: innerhalb eines Jahres höchstens 4-mal berechnungsfähig (Kalenderjahr 2026; Auslegung „Häufigkeit "
        "der Individualprophylaxe: GOZ 2012 (GOZ 1020 viermal im Jahr)“); 1 Einheit nicht erstattungsfähig"
    ]


def test_8_check_up_beside_individual_prophylaxis_needs_a_reason() -> None:
    result = run(fee("1000"), fee("0010"), fee("4000", justification="Parodontalbefund wegen Blutung"))
    assert [r.eligible for r in result.lines] == [D("25.87"), D("0.00"), D("20.70")]
    message = finding(result, "fee.beside_prophylaxis")
    assert "GOZ 0010" in message and "GOZ 1000 (Leistungen Zeile 2)" in message


# --- 9. GOZ 7070 splinting is B ---


def test_9_semipermanent_splinting_is_b_outside_the_staged_cap() -> None:
    result = run(fee("7070", "31-41", count=2), insurance_start=START_2026)
    assert (fee_result(result).line_class, fee_result(result).benefit) == (B, D("23.28"))


# --- 10. surcharges from the service they belong to, one per day (spec 2) ---


def test_10_surcharge_belongs_to_the_surgical_line_with_the_most_points() -> None:
    result = run(fee("3000", "36"), fee("9010", "37"), fee("0530", "", factor=1))
    surcharge = fee_result(result, 2)
    assert surcharge.line_class is A
    assert any("GOZ 9010 an Zahn 37" in step_text(e) for e in surcharge.explanations)


def test_10_surcharge_on_a_day_without_surgery_is_b_with_a_warning() -> None:
    result = run(fee("2210", "16"), fee("0500", "", factor=1))
    assert fee_result(result, 1).line_class is B
    assert "surcharge.no_surgery" in codes(result)


def test_10_second_surcharge_on_one_day_is_not_eligible() -> None:
    result = run(fee("3030", "38"), fee("0500", "38", factor=1), fee("0510", "", factor=1))
    assert [r.eligible for r in result.lines] == [D("45.27"), D("22.50"), D("0.00")]
    assert "fee.once_per_day" in codes(result)


def test_10_of_two_surcharges_on_a_day_the_one_for_the_points_of_its_service_counts_in_any_row() -> None:
    # GOZ Abschnitt L Nr. 5: the implant 9010 (1545 points) takes 0530; the 0500 beside it is the further one
    for rows in (
        (fee("9010", "36"), fee("0500", "36", factor=1), fee("0530", "36", factor=1)),
        (fee("9010", "36"), fee("0530", "36", factor=1), fee("0500", "36", factor=1)),
    ):
        result = run(*rows)
        eligible = {r.line.number: r.eligible for r in result.lines}
        assert eligible == {"9010": D("199.86"), "0530": D("123.73"), "0500": D("0.00")}
        assert codes(result).count("fee.once_per_day") == 1 and "surcharge.points" not in codes(result)


def test_10_the_days_surcharge_follows_its_surgery_with_the_most_points_when_each_names_its_own_teeth() -> None:
    # 3020 (270 points) with 0500 on 46 and 9010 (1545 points) with 0530 on 36: both fit their service, the 0530 counts
    extraction = (fee("3020", "46"), fee("0500", "46", factor=1))
    implant = (fee("9010", "36"), fee("0530", "36", factor=1))
    for rows in (extraction + implant, implant + extraction):
        eligible = {r.line.number: r.eligible for r in run(*rows).lines}
        assert (eligible["0530"], eligible["0500"]) == (D("123.73"), D("0.00"))


def test_10_a_surcharge_for_other_points_than_its_service_has_counts_as_billed_and_is_asked_about() -> None:
    result = run(fee("3020", "36"), fee("0530", "36", factor=1))  # 3020: 270 points, the band of 0500
    assert fee_result(result, 1).eligible == D("123.73")  # spec section 2: the surcharge takes its service's class
    [finding] = [f for f in result.findings if f.phrase.code is Code.SURCHARGE_POINTS]
    said = finding_text(finding).replace("\u00a0", " ")
    assert "1.200 und mehr Punkten" in said and "GOZ 3020, Zahn 36 hat 270 Punkte, passend ist GOZ 0500" in said
    assert (finding.severity, finding.row, finding.column) == (Severity.WARNING, fee_result(result, 1).line.row, "Nr")
    assert "surcharge.points" not in codes(run(fee("4090", "36"), fee("0500", "36", factor=1)))  # 0500 also for 4090
    [small] = [f for f in run(fee("3000", "36"), fee("0500", "36", factor=1)).findings if f.code == "surcharge.points"]
    assert "GOZ 3000, Zahn 36 hat 70 Punkte, für die kein Zuschlag vorgesehen ist" in finding_text(small)


def test_10_surcharge_of_an_excluded_implant_is_not_eligible_either() -> None:
    result = run(fee("9010", "37"), fee("0530", "37", factor=1), implants_lower=8)
    surcharge = fee_result(result, 1)
    assert (surcharge.line_class, surcharge.reductions) == (X, {Cause.IMPLANT_LIMIT: D("123.73")})


# --- 11. analogue fees (GOZ § 6 Abs. 1) ---


def test_11_analogue_number_is_eligible_at_the_points_of_its_number() -> None:
    result = run(fee("2197a", "16"), fee("2210", "16"))
    analogue = fee_result(result)
    assert (analogue.line_class, analogue.billed, analogue.eligible) == (A, D("16.82"), D("16.82"))
    assert "Gleichwertigkeit" in finding(result, "fee.analogue")


@pytest.mark.parametrize("written", ["2197 a", "2197 analog", "analog 2197", "2197a analog", "2197 Analog"])
def test_11_analogue_number_as_practices_write_it_is_one(written: str) -> None:
    analogue = fee_result(run(fee(written, "16"), fee("2210", "16")))
    assert (analogue.line_class, analogue.billed, analogue.eligible) == (A, D("16.82"), D("16.82"))


def test_11_a_number_of_the_schedule_written_with_a_space_is_that_number_not_an_analogue() -> None:
    spaced, written = fee_result(run(goae("269 a", "16"))), fee_result(run(goae("269a", "16")))  # GOÄ 269a, 350 points
    assert spaced.billed == written.billed == D("46.92") and "fee.analogue" not in codes(run(goae("269 a", "16")))


def test_11_analogue_named_in_the_description_takes_that_numbers_maximum() -> None:
    # Measured as GOZ 2210: at factor 4.0 without a reason, eligible up to 3.5: 330.31.
    result = run(fee("2999", "16", factor="4.0", amount="400.00", description="Keramikkrone entsprechend GOZ 2210"))
    line = fee_result(result)
    assert (line.line_class, line.eligible, line.reductions[Cause.FEE_LIMITS]) == (A, D("330.31"), D("69.69"))


def test_11_analogue_of_an_unknown_number_is_not_eligible() -> None:
    result = run(fee("9999a", "16", amount="50.00"))
    assert fee_result(result).eligible == D("0.00")
    assert "fee.unknown_number" in codes(result)


# --- 12. lab VAT other than 7 % or 0 % (spec 4) ---


def test_12_lab_vat_of_19_percent_is_eligible_as_billed_with_a_warning() -> None:
    result = run(fee("2210", "16"), lab("I 115", "16", "73.40", vat_percent=19), lab("0344", "16", "61.50", vat_percent=0))
    assert [r.eligible for r in result.lines][1:] == [D("87.35"), D("61.50")]
    assert codes(result).count("lab.vat_unusual") == 1
    assert "19 %" in finding(result, "lab.vat_unusual")


# --- fee rounding (spec 3, Auslegung fee_rounding) ---


def test_fee_rounding_exact_or_simple_fee_first() -> None:
    assert fee_result(run(fee("0010"))).billed == D("12.94")
    assert fee_result(run(fee("0010"), settings={"fee_rounding": "simple_fee_first"})).billed == D("12.93")


# --- 13. reductions by cause (spec 7, step 9) ---


def test_13_reductions_by_cause_sum_to_billed_minus_benefit() -> None:
    result = run(
        fee("2210", "16", factor="4.0", amount="400.00"),  # over the maximum: 69.69 fee_limits
        fee("1234", "16", amount="50.00"),  # unknown number: 50.00 not_eligible
        fee("1040", count=28),  # PZR 101.36 over 100: 1.36 pzr_limit
        lab("0344", "16", "70.00"),  # 74.90 billed, 65.81 eligible: 9.09 lab_prices
        variant="BM5/1",
        insurance_start=START_2026,
    )
    reductions = result.reductions
    assert reductions[Cause.FEE_LIMITS] == D("69.69")
    assert reductions[Cause.NOT_ELIGIBLE] == D("50.00")
    assert reductions[Cause.PZR_LIMIT] == D("1.36")
    assert reductions[Cause.LAB_PRICES] == D("9.09")
    assert reductions[Cause.RATE] == D("79.22")  # 20 % of 330.31 (66.06) and of 65.81 (13.16)
    assert reductions[Cause.DEDUCTIBLE] == D("316.90")  # 264.25 + 52.65: less than the 400 of BM5/1
    assert sum(reductions.values()) == result.totals.billed - result.totals.benefit
    for line in result.lines:
        assert sum(line.reductions.values()) == line.billed - line.benefit


def test_11_a_number_in_an_ordinary_description_is_no_analogue() -> None:
    result = run(
        fee("2060", "16", amount="60.00", description="Kompositfüllung entsprechend 2 Flächen"),
        fee("2210", "26", description="Vollkrone, Präparation entsprechend 40 Minuten"),
        goae("5004", factor="1.8", description="analoge Röntgenaufnahme"),
        fee("2210", "27", description="Krone analog GOÄ 5000"),
    )
    assert [(r.line_class, r.eligible) for r in result.lines] == [
        (B, D("60.00")),
        (A, D("217.06")),
        (B, D("41.97")),
        (A, D("217.06")),
    ]
    assert codes(result).count("fee.analogue") == 1  # only the line that says "analog" as a word
    analogue = finding(result, "fee.analogue")
    assert "GOZ 2210" in analogue  # measured by its own number: GOÄ 5000 is not a GOZ number


def test_11_analogue_suffix_in_the_reference_is_read_as_the_number() -> None:
    line = fee_result(run(fee("2197a", "16", description="Befestigung entsprechend GOZ 2197a")))
    assert (line.billed, line.eligible) == (D("16.82"), D("16.82"))


# --- reviewer decisions on the classes the rules set ---


def test_reviewer_taking_a_line_out_of_the_implant_limit_keeps_its_fee_limit() -> None:
    result = run(
        fee("9010", "16"),
        fee("2210", "16", factor="5.0"),
        implants_upper=8,
        overrides=(Override("Leistungen", 3, "M. Prüfer", "Implantat ersetzt", line_class=A),),
    )
    crown = fee_result(result, 1)
    assert (crown.line_class, crown.eligible, crown.benefit) == (A, D("330.31"), D("264.25"))
    assert crown.reductions == {Cause.FEE_LIMITS: D("141.56"), Cause.RATE: D("66.06")}


def test_reviewer_class_of_a_line_the_rules_found_not_billable_keeps_it_not_eligible() -> None:
    result = run(fee("1000"), fee("0010"), overrides=(Override("Leistungen", 3, "M. Prüfer", "Befund", line_class=B),))
    checkup = fee_result(result, 1)
    assert (checkup.line_class, checkup.eligible, checkup.reductions) == (B, D("0.00"), {Cause.NOT_ELIGIBLE: D("12.94")})


def test_surcharge_follows_a_reviewer_decision_on_its_service() -> None:
    restored = run(
        fee("9010", "16"),
        fee("0530", "16", factor=1),
        implants_upper=8,
        overrides=(Override("Leistungen", 2, "M. Prüfer", "Implantat ersetzt", line_class=A),),
    )
    assert [(r.line_class, r.benefit) for r in restored.lines] == [(A, D("159.89")), (A, D("98.98"))]
    excluded = run(
        fee("3030", "38"),
        fee("0510", "38", factor=1),
        overrides=(Override("Leistungen", 2, "M. Prüfer", "nicht notwendig", line_class=X),),
    )
    surcharge = fee_result(excluded, 1)
    assert (surcharge.line_class, surcharge.benefit, surcharge.reductions) == (X, D("0.00"), {Cause.NOT_ELIGIBLE: D("42.18")})


# --- implant lines without a tooth or with a fractional count (spec 5.1) ---


def test_implant_without_a_tooth_counts_in_the_jaw_with_more_room() -> None:
    full = run(fee("9010", "", count=2), implants_upper=8, implants_lower=8)
    line = fee_result(full)
    assert (line.line_class, line.reductions) == (X, {Cause.IMPLANT_LIMIT: D("399.72")})
    assert "bitte Zahn oder Kiefer angeben" in finding(full, "implant.no_tooth")
    room = run(fee("9010", "", count=2), implants_upper=8, implants_lower=7)
    assert fee_result(room).eligible == D("199.86")
    assert "Unterkiefer" in finding(room, "implant.no_tooth")


def test_fractional_implant_count_is_said_and_the_covered_share_is_one_implant() -> None:
    result = run(fee("9010", "16", count="1.5"), implants_upper=7)
    line = fee_result(result)
    assert (line.billed, line.eligible) == (D("299.79"), D("199.86"))
    assert "keine ganze Zahl" in finding(result, "implant.fractional_count")


def test_more_implants_than_teeth_named_are_counted_in_the_jaw_and_said() -> None:
    three = run(fee("9010", "36", count=3), implants_lower=6)
    assert fee_result(three).reductions[Cause.IMPLANT_LIMIT] == D("199.86")  # one of three over the 8 in the UK
    said = finding(three, "implant.sites_uneven")
    assert said.startswith("GOZ 9010, Zahn 36: Anzahl 3 Implantate, aber 1 Zahnangabe; im Unterkiefer gezählt")
    region = run(fee("9010", "35-37", count=2))  # a region for two implants is a place: nothing to say
    assert not [f for f in region.findings if f.code == "implant.sites_uneven"]


def test_a_treatment_day_far_from_the_plan_date_is_estimated_as_given_and_asked_about() -> None:
    plan_date = dt.date(2026, 3, 10)
    lines = [
        fee("0010", date=day) for day in (dt.date(2036, 3, 10), dt.date(2025, 3, 10), dt.date(2026, 2, 20), dt.date(2027, 12, 1))
    ]
    result = estimate(plan(*lines, plan_date=plan_date), load_tariffs())
    said = [(f.code, f.row, finding_text(f)) for f in result.findings if f.code.startswith("date.")]
    assert [(code, row) for code, row, _ in said] == [("date.before_plan", 3), ("date.long_after_plan", 2)]  # by day
    assert said[1][2].startswith("GOZ 0010: Behandlungsdatum 10.03.2036 liegt mehr als zwei Jahre nach dem Planungsdatum")
    assert [r.date.year for r in result.lines] == [2036, 2025, 2026, 2027] and all(r.benefit > 0 for r in result.lines)


def test_a_crowns_lab_code_on_a_tooth_with_a_filling_only_is_asked_about() -> None:
    result = run(fee("2060", "11"), fee("2210", "21"), lab("0344", "11"), lab("0344", "21"), lab("0301", "11"))
    assert [r.line_class for r in result.lines if r.kind == "lab"] == [LineClass.B, LineClass.A, LineClass.B]
    doubts = [(f.row, finding_text(f)) for f in result.findings if f.code == "lab.class_doubt"]
    assert [row for row, _ in doubts] == [2]  # the crown on 11; not the one on 21, not the inlay (a filling's lab)
    assert "gehört die Position zu „Krone, Brücke, Teleskop“ (Zahnersatz, Klasse A) – stimmt der Zahn?" in doubts[0][1]
    decided = run(fee("2060", "11"), lab("0344", "11", manual_class=LineClass.B))  # the user's class: nothing to ask
    assert not [f for f in decided.findings if f.code == "lab.class_doubt"]
    reviewed = run(fee("2210", "11", manual_class="B"), lab("0344", "11"))  # the crown's class B set by hand: not a slip
    assert reviewed.lines[1].line_class is LineClass.B and not [f for f in reviewed.findings if f.code == "lab.class_doubt"]


def test_a_far_day_of_many_lines_is_said_once() -> None:
    day = dt.date(2036, 3, 10)
    result = estimate(plan(fee("0010", date=day), fee("1040", date=day), fee("4050", "16", date=day)), load_tariffs())
    said = [finding_text(f) for f in result.findings if f.code == "date.long_after_plan"]
    assert len(said) == 1 and said[0].startswith("GOZ 0010 und 2 weitere Zeilen dieses Tages: Behandlungsdatum 10.03.2036")


def test_a_derived_fee_takes_the_same_related_fee_whatever_the_order_of_the_rows() -> None:
    rows = [
        fee("2230", "31", date=dt.date(2026, 3, 12)),
        fee("2200", "UK", date=dt.date(2026, 3, 10)),
        fee("2210", "UK", date=dt.date(2026, 3, 11)),
    ]
    forward = run(*rows)
    backward = run(*reversed(rows))
    assert fee_result(forward, 0).billed == next(r.billed for r in backward.lines if r.line.number == "2230")
