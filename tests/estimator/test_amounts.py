"""Fee checks (spec 3, 6a) and lab checks against B 269 (spec 4), each with a hand-checked amount."""

import datetime as dt
from decimal import Decimal

from estimator.kinds import LineClass, Severity
from estimator.wording import finding_text, rule_text, step_text
from tests.estimator.builders import codes, fee, fee_result, goae, lab, lab_result, run

# Hand-checked fees: points x 0.0562421 (GOZ) or x 0.0582873 (GOÄ) x factor, rounded half-up to cents;
# the 3.5 and maximum amounts agree with the published tables in pricelists/sources.


def test_fee_is_computed_from_points_when_no_amount_is_given() -> None:
    result = fee_result(run(fee("1040", count=28)))
    assert result.billed == Decimal("101.36")  # 28 x 3.62 (28 points x 2.3)


def test_factor_above_maximum_without_justification_is_eligible_at_the_maximum() -> None:
    result = run(fee("2210", "16", factor="4.0"))
    line = fee_result(result)
    assert (line.billed, line.eligible) == (Decimal("377.50"), Decimal("330.31"))
    assert line.benefit == Decimal("264.25")  # 330.31 x 0.8 = 264.248
    finding = next(f for f in result.findings if f.code == "fee.above_maximum")
    assert finding_text(finding).startswith("GOZ 2210, Zahn 16: Faktor 4,0 über dem Höchstsatz 3,5")  # as fee tables
    assert any(rule_text(e.rule) == "Nr. II.3.1 Fn. 8" and e.after == Decimal("330.31") for e in line.explanations)


def test_factor_above_maximum_with_justification_is_fully_eligible_and_flagged() -> None:
    result = run(fee("2210", "16", factor="4.0", justification="extrem tief zerstörter Zahn, subgingivale Präparation"))
    line = fee_result(result)
    assert line.eligible == Decimal("377.50")
    assert "fee.above_maximum_justified" in codes(result)
    assert "fee.above_maximum" not in codes(result)


def test_a_reason_naming_only_a_fee_agreement_is_no_reason_of_difficulty_above_the_maximum() -> None:
    # Nr. II.3.1: above the maximum „wenn und soweit sie durch krankheits- bzw. befundbedingte Erschwernisse
    # begründet“ – an agreement under GOZ § 2 or the patient's wish is none: eligible at 3,5 (330,31 €)
    wishes = ("auf ausdrücklichen Wunsch des Patienten", "auf Verlangen der Patientin (§ 2 Abs. 3 GOZ)")
    for reason in ("Vereinbarung gemäß § 2 Abs. 1 und 2 GOZ", "Patientenwunsch, Vereinbarung nach § 2 Abs. 1 GOZ", *wishes):
        result = run(fee("2210", "16", factor="4.0", justification=reason))
        assert fee_result(result).eligible == Decimal("330.31"), reason
        finding = next(f for f in result.findings if f.code == "fee.above_maximum_agreement")
        assert finding.column == "Begründung" and "nennt nur eine Vereinbarung oder einen Wunsch" in finding_text(finding)
    both = run(fee("2210", "16", factor="4.0", justification="Vereinbarung nach § 2 GOZ; Nachblutung, Zahn tief zerstört"))
    assert fee_result(both).eligible == Decimal("377.50")  # a difficulty beside the agreement counts
    wish_and_difficulty = run(fee("2210", "16", factor="4.0", justification="auf ausdrücklichen Wunsch; Zahn tief zerstört"))
    assert fee_result(wish_and_difficulty).eligible == Decimal("377.50")
    assert fee_result(run(fee("2210", "16", factor="4.0", justification="MIH"))).eligible == Decimal("377.50")  # short
    with_patient = run(fee("2210", "16", factor="4.0", justification="Vereinbarung gemäß § 2 GOZ mit dem Patienten getroffen"))
    assert fee_result(with_patient).eligible == Decimal("330.31")


def test_factor_above_threshold_without_justification_is_a_warning_only() -> None:
    result = run(fee("2210", "16", factor="3.0"))
    assert fee_result(result).eligible == Decimal("283.12")
    finding = next(f for f in result.findings if f.code == "fee.above_threshold")
    assert finding.severity is Severity.WARNING and finding.section == "GOZ § 10 Abs. 3"
    assert "§ 10" not in finding_text(finding)  # said once, as the finding's section
    assert "2,3" in finding_text(finding)


def test_factor_above_threshold_with_justification_has_no_warning() -> None:
    result = run(fee("2210", "16", factor="3.0", justification="erschwerte Präparation"))
    assert "fee.above_threshold" not in codes(result)


def test_single_rate_numbers_are_eligible_at_factor_1() -> None:
    result = run(fee("3000", "36"), fee("0500", "36", factor="2.3"))
    surcharge = fee_result(result, 1)
    assert (surcharge.billed, surcharge.eligible) == (Decimal("51.74"), Decimal("22.50"))
    finding = next(f for f in result.findings if f.code == "fee.single_rate_only")
    assert finding.severity is Severity.ERROR


def test_amount_that_does_not_match_the_fee_is_reported_and_stays_the_basis() -> None:
    result = run(fee("2210", "16", amount="230.00"))
    assert fee_result(result).eligible == Decimal("230.00")
    assert next(f for f in result.findings if f.code == "fee.amount_mismatch").section == "GOZ § 5"


def test_amount_above_the_fee_at_the_maximum_is_kept_by_default_and_said() -> None:
    result = run(fee("2210", "16", amount="400.00"))  # factor 2,3; the fee at 3,5 is 330.31
    line = fee_result(result)
    assert (line.eligible, line.benefit) == (Decimal("400.00"), Decimal("320.00"))
    finding = next(f for f in result.findings if f.code == "fee.amount_above_maximum_kept")
    assert finding.severity is Severity.WARNING and (finding.column, finding.section) == ("Betrag", "Nr. II.3.1 Fn. 8")
    assert "über der Gebühr zum Höchstsatz 3,5 (330,31\u00a0€)" in finding_text(finding)
    assert "fee.amount_mismatch" not in codes(result)  # the finding above says the amount
    assert any(rule_text(e.rule) == "Nr. II.3.1 Fn. 8" and "wie berechnet" in step_text(e) for e in line.explanations)


def test_an_amount_of_more_than_twice_the_highest_fee_is_an_error_to_look_at_not_only_a_warning() -> None:
    typed = run(fee("1040", "", count=28, amount="1101.36"))  # meant 101,36; the fee at 3,5 for 28 teeth is 154,28
    [finding] = [f for f in typed.findings if f.code == "fee.amount_above_maximum_kept"]
    assert finding.severity is Severity.ERROR
    twice = run(fee("2210", "16", amount="660.62"))  # just twice the fee at 3,5 (330,31): still a warning
    assert next(f for f in twice.findings if f.code == "fee.amount_above_maximum_kept").severity is Severity.WARNING


def test_amount_above_the_fee_at_the_maximum_is_capped_when_the_auslegung_says_so() -> None:
    result = run(fee("2210", "16", amount="400.00"), settings={"amount_above_maximum": "capped"})
    line = fee_result(result)
    assert (line.eligible, line.benefit) == (Decimal("330.31"), Decimal("264.25"))  # 330.31 x 0.8 = 264.248
    assert line.reductions["fee_limits"] == Decimal("69.69")
    assert "fee.amount_above_maximum" in codes(result)


def test_amount_above_the_fee_at_the_maximum_with_a_reason_counts_in_full() -> None:
    line = fee("2210", "16", amount="400.00", justification="subgingivale Präparation bei tief zerstörtem Zahn")
    result = run(line, settings={"amount_above_maximum": "capped"})
    assert fee_result(result).eligible == Decimal("400.00")
    assert "fee.amount_above_maximum_justified" in codes(result) and "fee.amount_above_maximum" not in codes(result)


def test_amount_up_to_a_cent_per_unit_above_the_fee_at_the_maximum_is_the_fee() -> None:
    for amount in ("330.31", "330.32"):
        assert not {"fee.amount_above_maximum_kept", "fee.amount_above_maximum"} & set(
            codes(run(fee("2210", "16", amount=amount)))
        )
    two = run(fee("2210", "16,17", count=2, amount="660.64"), settings={"amount_above_maximum": "capped"})
    assert fee_result(two).eligible == Decimal("660.64")  # 2 x 330.31 + 2 cents: within a cent per unit


def test_the_cap_at_the_maximum_is_the_same_whatever_factor_the_line_states() -> None:
    capped = {"amount_above_maximum": "capped"}
    for rounding in ("exact", "simple_fee_first"):
        settings = {**capped, "fee_rounding": rounding}
        at_max = fee_result(run(fee("5010", "16", factor="3.5", amount="400.00"), settings=settings)).eligible
        above = fee_result(run(fee("5010", "16", factor="3.6", amount="400.00"), settings=settings)).eligible
        assert at_max == above, rounding


def test_an_amount_above_the_maximum_is_said_also_when_no_unit_of_the_line_counts() -> None:
    second = fee("1000", amount="500.00", date=dt.date(2026, 4, 1))  # once a year: this one counts no unit
    result = run(fee("1000"), second)
    assert fee_result(result, 1).eligible == Decimal("0.00")
    assert "fee.amount_above_maximum_kept" in codes(result)


def test_single_rate_number_billed_above_its_fee_at_factor_1() -> None:
    kept = run(fee("0530", "36", factor="1.0", amount="180.00"))
    assert fee_result(kept).eligible == Decimal("180.00")
    assert "fee.amount_above_single_rate_kept" in codes(kept)
    capped = run(fee("0530", "36", factor="1.0", amount="180.00"), settings={"amount_above_maximum": "capped"})
    assert fee_result(capped).eligible == Decimal("123.73")
    assert "fee.amount_above_single_rate" in codes(capped)


def test_a_fractional_count_of_a_fee_is_asked_about() -> None:
    result = run(fee("2210", "16", count="1.5"))
    finding = next(f for f in result.findings if f.code == "fee.fractional_count")
    assert (finding.severity, finding.column) == (Severity.WARNING, "Anzahl")
    assert finding_text(finding).startswith("GOZ 2210, Zahn 16: Anzahl 1,5 ist keine ganze Zahl")
    assert "fee.fractional_count" not in codes(run(fee("2210", "16", count="2")))


def test_amount_within_one_cent_per_unit_is_accepted() -> None:
    result = run(fee("1040", count=28, amount="101.60"))  # 0.24 EUR off: within 28 x 1 cent
    assert "fee.amount_mismatch" not in codes(result)


def test_goae_accepts_both_rounding_points() -> None:
    assert "fee.amount_mismatch" not in codes(run(goae("5004", factor="1.8", amount="41.96")))
    assert "fee.amount_mismatch" not in codes(run(goae("5004", factor="1.8", amount="41.97")))
    assert "fee.amount_mismatch" in codes(run(goae("5004", factor="1.8", amount="42.10")))


def test_goae_sections_a_e_o_have_maximum_2_5() -> None:
    result = run(goae("5004", factor="3.0"))
    assert (fee_result(result).billed, fee_result(result).eligible) == (Decimal("69.94"), Decimal("58.29"))
    assert "fee.above_maximum" in codes(result)


def test_goae_section_m_and_437_have_maximum_1_3() -> None:
    assert fee_result(run(goae("3511", factor="1.5"))).eligible == Decimal("3.79")
    assert fee_result(run(goae("437", factor="1.5"))).eligible == Decimal("37.89")


def test_goae_personal_service_has_maximum_3_5_and_threshold_2_3() -> None:
    result = run(goae("1", factor="3.0"))
    assert fee_result(result).eligible == Decimal("13.99")
    assert "fee.above_threshold" in codes(result)
    assert "fee.above_maximum" not in codes(result)


def test_goae_technical_threshold_is_1_8() -> None:
    assert "fee.above_threshold" in codes(run(goae("5004", factor="2.0")))
    assert "fee.above_threshold" not in codes(run(goae("5004", factor="1.8")))


def test_unknown_fee_number_is_not_eligible_until_confirmed() -> None:
    result = run(fee("2211", "16", amount="100.00"))
    assert fee_result(result).eligible == Decimal("0.00")
    finding = next(f for f in result.findings if f.code == "fee.unknown_number")
    assert "2211" in finding_text(finding) and finding.severity is Severity.ERROR
    confirmed = run(fee("2211", "16", amount="100.00", confirmed=True))
    assert fee_result(confirmed).eligible == Decimal("100.00")


def test_partial_crown_fee_without_points_is_derived_from_the_crown() -> None:
    # GOZ 2230 is half of the crown fee on the same tooth: 1678 points x 0.5 x 2.3 -> 108.53.
    result = run(fee("2210", "16"), fee("2230", "16"))
    assert fee_result(result, 1).billed == Decimal("108.53")


def test_a_derived_fee_without_its_related_fee_on_the_tooth_is_said_to_be_unchecked() -> None:
    alone = run(fee("2230", "16", factor="4.0", amount="300.00"))
    finding = next(f for f in alone.findings if f.code == "fee.derived_without_related")
    assert "GOZ 2200–2220 am selben Zahn" in finding_text(finding) and finding.column == "Nr"
    assert "fee.derived_without_related" not in codes(run(fee("2200", "16"), fee("2230", "16")))


def test_unlisted_lab_code_is_not_eligible_and_named() -> None:
    result = run(lab("0999", "16", "50.00"))
    assert lab_result(result).eligible == Decimal("0.00")
    finding = next(f for f in result.findings if f.code == "lab.unlisted")
    assert "0999" in finding_text(finding)


def test_lab_price_over_the_b269_maximum_is_cut_to_the_maximum_plus_vat() -> None:
    result = run(fee("2210", "16"), lab("0344", "16", "70.00"))
    line = lab_result(result)
    assert line.billed == Decimal("74.90")  # 70.00 x 1.07
    assert line.eligible == Decimal("65.81")  # 61.50 x 1.07 = 65.805
    finding = next(f for f in result.findings if f.code == "lab.over_maximum")
    assert "70,00" in finding_text(finding) and "61,50" in finding_text(finding) and "8,50" in finding_text(finding)


def test_lab_line_with_its_own_vat_rate() -> None:
    line = lab_result(run(fee("2210", "16"), lab("0344", "16", "61.50", vat_percent="19")))
    assert line.eligible == Decimal("73.19")  # 61.50 x 1.19 = 73.185, half-up


def test_lab_quantity_limit_per_jaw_from_b269() -> None:
    result = run(lab("I 112", "36", "30.00"), lab("I 112", "46", "30.00"), lab("I 112", "16", "30.00"))
    assert [r.eligible for r in result.lines] == [Decimal("32.10"), Decimal("0.00"), Decimal("32.10")]
    assert "lab.quantity_limit" in codes(result)


def test_storage_and_overhead_costs_are_never_eligible() -> None:
    result = run(lab("0001", "16", "5.70", description="Lagerhaltung Legierung"))
    assert lab_result(result).eligible == Decimal("0.00")
    assert "lab.never_eligible" in codes(result)


def test_lab_costs_over_1000_eur_ask_for_a_lab_cost_estimate() -> None:
    result = run(fee("9010", "36"), lab("I 111", "36", "200", quantity=5))
    assert "lab.cost_estimate" in codes(result)
    assert "lab.cost_estimate" not in codes(run(lab("I 111", "36", "200")))
    # GOZ § 9 Abs. 2 counts the dental technicians' work: implants as material beside their insertion are none of it
    material = lab("Material", "36", "960.00", description="Implantat", vat_percent=0)
    assert "lab.cost_estimate" not in codes(run(fee("9010", "36"), lab("I 111", "36", "200"), material))


def test_a_template_on_an_implant_over_the_limit_leaves_the_jaws_one_to_the_covered_implants_in_any_row_order() -> None:
    # seven implants in the lower jaw: 34 is the eighth (covered), 36 the ninth; B 269 pays one I 112 per jaw
    for order in (("36", "34"), ("34", "36")):
        result = run(
            fee("9010", "34"),
            fee("9010", "36"),
            *(lab("I 112", tooth, "30.00") for tooth in order),
            implants_lower=7,
        )
        templates = {r.line.teeth.text: r for r in result.lines if r.kind == "lab"}
        assert (templates["34"].eligible, templates["34"].benefit) == (Decimal("32.10"), Decimal("25.68")), order
        assert templates["36"].line_class is LineClass.X
        assert "lab.quantity_limit" not in codes(result)


def test_a_fee_counted_in_parts_is_asked_about_once() -> None:
    # „2,5“ for a fee: a typo for 2 or 25, or a lab quantity in the wrong table – computed as given, but asked, once
    asked = [f for f in run(fee("2210", "16", count="2.5")).findings if "ganze" in finding_text(f)]
    assert [f.code for f in asked] == ["fee.fractional_count"] and "Anzahl 2,5" in finding_text(asked[0])
    confirmed = run(fee("9999", "16", count="1.5", amount="100.00", confirmed=True))  # an unknown number, paid as billed
    assert [f.code for f in confirmed.findings if "ganze" in finding_text(f)] == ["fee.fractional_count"]


def test_an_amount_with_parts_of_a_cent_is_rounded_and_asked_about() -> None:
    result = run(fee("2210", "16", amount="217.065"), lab("0001", "16", "5.70", quantity=1, amount="6.099"))
    asked = [finding_text(f) for f in result.findings if f.code == "amount.rounded"]
    assert asked == [
        "GOZ 2210, Zahn 16: Betrag 217,065 auf Cent gerundet: 217,07\u00a0€; bitte den Betrag prüfen",
        "Labor 0001, Zahn 16: Betrag 6,099 auf Cent gerundet: 6,10\u00a0€; bitte den Betrag prüfen",
    ]
    assert [r.billed for r in result.lines] == [Decimal("217.07"), Decimal("6.10")]
    assert not [f for f in run(fee("2210", "16", amount="217.06")).findings if f.code == "amount.rounded"]
