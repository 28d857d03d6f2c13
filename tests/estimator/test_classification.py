"""Line classification (spec section 2): default classes, preparatory measures, surcharges, lab inheritance."""

import datetime as dt
from decimal import Decimal

from estimator.kinds import LineClass
from estimator.wording import rule_text, step_text
from tests.estimator.builders import fee, fee_result, goae, lab, lab_result, run

A, B, P, X = LineClass.A, LineClass.B, LineClass.P, LineClass.X


def test_crown_is_class_a_at_80_percent() -> None:
    result = fee_result(run(fee("2210", "16")))
    assert (result.line_class, result.rate) == (A, Decimal("0.80"))
    assert (result.billed, result.eligible, result.benefit) == (Decimal("217.06"), Decimal("217.06"), Decimal("173.65"))


def test_cooperating_dentist_raises_class_a_to_90_percent() -> None:
    result = fee_result(run(fee("2210", "16"), cooperating=True))
    assert result.rate == Decimal("0.90")
    assert result.benefit == Decimal("195.35")  # 217.06 x 0.9 = 195.354


def test_filling_is_class_b_at_100_percent() -> None:
    result = fee_result(run(fee("2060", "26")))
    assert (result.line_class, result.benefit) == (B, Decimal("68.17"))


def test_inlay_is_class_b() -> None:
    assert fee_result(run(fee("2170", "26"))).line_class is B


def test_pzr_and_individual_prophylaxis_are_class_p() -> None:
    result = run(fee("1040", count=10), fee("1000"))
    assert [r.line_class for r in result.lines] == [P, P]


def test_surgery_alone_is_b_but_preparatory_to_an_implant_is_a() -> None:
    assert fee_result(run(fee("3000", "36"))).line_class is B
    result = run(fee("3000", "36"), fee("9010", "36"))
    assert fee_result(result, 0).line_class is A
    assert any("vorbereitende Maßnahme" in step_text(e) for e in fee_result(result, 0).explanations)


def test_anaesthesia_on_another_tooth_is_not_preparatory() -> None:
    result = run(fee("0090", "15"), fee("2210", "16"))
    assert fee_result(result, 0).line_class is B


def test_line_on_a_whole_jaw_is_not_preparatory_to_one_crown() -> None:
    """Rules 2026.2, row 6: only lines whose teeth all carry a tooth-level A-service are preparatory."""
    result = run(fee("0090", "OK"), fee("2210", "16"))
    assert fee_result(result, 0).line_class is B


def test_line_on_several_crowned_teeth_is_preparatory() -> None:
    result = run(fee("0090", "15,16"), fee("2210", "15"), fee("2210", "16"))
    assert fee_result(result, 0).line_class is A
    assert any("GOZ 2210 an Zahn 15, GOZ 2210 an Zahn 16" in step_text(e) for e in fee_result(result, 0).explanations)


def test_preparatory_by_tooth_can_be_switched_off() -> None:
    result = run(fee("0090", "16"), fee("2210", "16"), settings={"preparatory_by_tooth": False})
    assert fee_result(result, 0).line_class is B
    assert result.settings.preparatory_by_tooth is False


def test_goae_x_ray_is_b_and_preparatory_to_a_crown_is_a() -> None:
    assert fee_result(run(goae("5000", "16", factor="1.8"))).line_class is B
    assert fee_result(run(goae("5000", "16", factor="1.8"), fee("2210", "16"))).line_class is A


def test_surcharge_takes_the_class_of_the_service_on_the_same_tooth_and_day() -> None:
    with_implant = run(fee("9010", "36"), fee("0530", "36", factor=1))
    assert fee_result(with_implant, 1).line_class is A
    said = [step_text(step) for step in fee_result(with_implant, 1).explanations]
    assert [t for t in said if "Klasse" in t] == [  # one class said, the service's – not section L's B before it
        "Zuschlag zur chirurgischen Leistung mit der höchsten Punktzahl an den Zähnen des Zuschlags (ohne Zahnangabe: "
        "des Behandlungstags), hier GOZ 9010 an Zahn 36: Zahnersatz (Klasse A)"
    ]
    with_extraction = run(fee("3000", "36"), fee("0500", "36", factor=1))
    assert fee_result(with_extraction, 1).line_class is B
    other_day = run(fee("9010", "36"), fee("0530", "36", factor=1, date=dt.date(2026, 3, 11)))
    assert fee_result(other_day, 1).line_class is B


def test_splints_are_functional_therapy_unless_the_auslegung_says_otherwise() -> None:
    assert fee_result(run(fee("7000", "OK"))).line_class is A
    assert fee_result(run(fee("7000", "OK"), settings={"splints_class": "B"})).line_class is B


def test_implantology_prosthetics_and_functional_analysis_are_a() -> None:
    result = run(fee("9010", "46"), fee("5010", "45"), fee("8000"))
    assert [r.line_class for r in result.lines] == [A, A, A]


def test_orthodontics_is_b_before_19_and_x_from_19() -> None:
    young = run(fee("6030", "OK"), birth_date=dt.date(2010, 5, 1))
    assert fee_result(young).line_class is B
    adult = fee_result(run(fee("6030", "OK"), birth_date=dt.date(2000, 5, 1)))
    assert (adult.line_class, adult.eligible, adult.benefit) == (X, Decimal("0.00"), Decimal("0.00"))


def test_orthodontics_age_is_taken_at_the_earliest_orthodontic_date() -> None:
    # 19th birthday on 01.03.2026: treatment started 01.02.2026 at 18, so later lines stay B.
    result = run(
        fee("6030", "OK", date=dt.date(2026, 2, 1)),
        fee("6030", "UK", date=dt.date(2026, 6, 1)),
        birth_date=dt.date(2007, 3, 1),
    )
    assert [r.line_class for r in result.lines] == [B, B]


def test_manual_class_wins_and_is_shown() -> None:
    result = fee_result(run(fee("2210", "16", manual_class="B")))
    assert (result.line_class, result.class_by_hand, result.benefit) == (B, True, Decimal("217.06"))
    assert any(rule_text(e.rule) == "von Hand" for e in result.explanations)


def test_lab_line_inherits_the_class_of_its_fee_lines() -> None:
    crown = run(fee("2210", "16"), lab("0344", "16", "61.50"))
    assert lab_result(crown).line_class is A
    inlay = run(fee("2170", "26"), lab("0322", "26", "107.10"))
    assert lab_result(inlay).line_class is B
    mixed = run(fee("2170", "26"), fee("2210", "26"), lab("0001", "26", "5.70"))
    assert lab_result(mixed).line_class is A


def test_an_inlays_lab_work_keeps_the_inlays_rate_beside_a_splint_on_the_whole_jaw() -> None:
    # Nr. II.3.1: lab work is paid at the rate of the services it is for – the inlay's (B, 100 %), not the splint's
    lines = (fee("2160", "24"), fee("7010", "OK"), lab("0320", "24", "93.80"))
    inlay_lab = lab_result(run(*lines))
    assert (inlay_lab.line_class, inlay_lab.benefit) == (B, Decimal("100.37"))  # 93,80 + 7 % VAT, all of it
    assert "(2160 am selben Zahn)" in step_text(inlay_lab.explanations[0])
    overlapping = lab_result(run(*lines, settings={"lab_owners": "overlapping"}))  # spec 2: any class-A line on it
    assert (overlapping.line_class, overlapping.benefit) == (A, Decimal("80.30"))
    assert "(2160, 7010 am selben Zahn oder am ganzen Kiefer)" in step_text(overlapping.explanations[0])
    splint_only = lab_result(run(fee("7010", "OK"), lab("0320", "24", "93.80")))  # no line names the tooth: the jaw's
    assert splint_only.line_class is A
    assert "(7010 am selben Zahn oder am ganzen Kiefer)" in step_text(splint_only.explanations[0])
    inlay_refused = run(fee("2160", "24", manual_class="X"), fee("7010", "OK"), lab("0320", "24", "93.80"))
    # the inlay's lab work goes with the refused inlay, not to the splint on the jaw (Work.take_class)
    assert (lab_result(inlay_refused).line_class, lab_result(inlay_refused).benefit) == (X, Decimal("0.00"))


def test_a_lab_lines_owners_name_a_goae_service_by_its_schedule() -> None:
    # „(2210, 5000 …)“ read as GOZ 5000, a bridge anchor, for the X-ray GOÄ 5000 on the tooth
    result = run(fee("2210", "14"), goae("5000", "14"), lab("0344", "14", "61.50"))
    assert "(2210, GOÄ 5000 am selben Zahn)" in step_text(lab_result(result).explanations[0])


def test_lab_line_without_fee_line_takes_its_code_group_default() -> None:
    assert lab_result(run(lab("0322", "26", "100"))).line_class is B
    assert lab_result(run(lab("0323", "26", "90"))).line_class is A
    assert lab_result(run(lab("0344", "16", "60"))).line_class is A
    assert lab_result(run(lab("0901", "", "40"), birth_date=dt.date(2012, 1, 1))).line_class is B
    assert lab_result(run(lab("I 111", "", "200"))).line_class is A


def test_general_lab_code_without_tooth_follows_the_larger_share_of_the_fee_amount() -> None:
    mostly_b = run(fee("2170", "26"), fee("0090", "11"), lab("0001", "", "5.70"))
    assert lab_result(mostly_b).line_class is B
    mostly_a = run(fee("2210", "16"), fee("2060", "26"), lab("0001", "", "5.70"))
    assert lab_result(mostly_a).line_class is A
    explanation = step_text(lab_result(mostly_a).explanations[0])
    assert "größeren Anteil" in explanation


def test_a_model_without_a_tooth_in_an_orthodontic_plan_begun_too_late_is_the_orthodontics_and_not_eligible() -> None:
    # the models of an orthodontic treatment begun at 19 (not eligible) were paid as class B beside a filling
    late = run(fee("6030", "OK"), fee("6040", "UK"), fee("2060", "26"), lab("0001", "", "5.70"), birth_date=dt.date(2000, 1, 1))
    model = lab_result(late)
    assert (model.line_class, model.eligible, model.benefit) == (X, 0, 0)
    assert "größeren Anteil am Honorar des Plans: nicht erstattungsfähig (Klasse X)" in step_text(model.explanations[0])
    paid_more = run(
        fee("6030", "OK"), fee("2210", "16"), fee("2210", "26"), lab("0001", "", "5.70"), birth_date=dt.date(2000, 1, 1)
    )
    assert lab_result(paid_more).line_class is A  # more of the plan's fees are paid than refused: the model is paid
    slip = run(fee("2999", "26", amount="900.00"), fee("2060", "26"), lab("0001", "", "5.70"))  # an unknown number: X
    assert lab_result(slip).line_class is B  # a slip draws no lab work with it


def test_lab_line_is_x_when_all_its_fee_lines_are_x() -> None:
    result = run(fee("6030", "OK"), lab("0901", "OK", "40"), birth_date=dt.date(1990, 1, 1))
    assert lab_result(result).line_class is X
    assert lab_result(result).benefit == Decimal("0.00")


def test_orthodontic_lab_work_of_a_young_person_keeps_100_percent_beside_a_crown_on_its_teeth() -> None:
    # 15 at the start: the appliance (0901 on the upper jaw, 0923 on 16) is orthodontics (B, 100 %), although the
    # crown on 16 (class A) lies on its teeth; the crown's own lab work stays A (80 %).
    lines = (fee("6030", "OK"), fee("2210", "16"), fee("6120", "16"), lab("0901", "OK", "47.80"), lab("0923", "16", "14.90"))
    result = run(*lines, lab("0344", "16", "61.50"), birth_date=dt.date(2010, 5, 5))
    appliance, holder, crown = (lab_result(result, i) for i in range(3))
    assert (appliance.line_class, appliance.benefit) == (B, Decimal("51.15"))  # 47,80 + 7 % VAT, all of it
    assert (holder.line_class, holder.benefit) == (B, Decimal("15.94"))
    assert crown.line_class is A and crown.benefit == Decimal("52.65")  # 65,81 x 80 %
    assert "vor dem 19. Geburtstag" in step_text(appliance.explanations[0])
    grown_up = run(*lines, birth_date=dt.date(1990, 1, 1))
    assert [lab_result(grown_up, i).line_class for i in range(2)] == [X, X]
    crown_refused = run(
        fee("6030"), fee("2210", "16", manual_class="X"), lab("0923", "16", "14.90"), birth_date=dt.date(2010, 5, 5)
    )
    assert (lab_result(crown_refused).line_class, lab_result(crown_refused).benefit) == (B, Decimal("15.94"))


def test_lab_line_is_accident_when_all_its_fee_lines_are() -> None:
    result = run(fee("2210", "16", accident=True), lab("0344", "16", "61.50"), lab("0344", "26", "61.50"))
    assert lab_result(result, 0).accident is True
    assert lab_result(result, 1).accident is False


def test_a_lab_lines_class_step_says_tooth_teeth_or_none_as_the_line_has_them() -> None:
    def first_step(result: object) -> str:
        return step_text(lab_result(result).explanations[0])  # type: ignore[arg-type]

    assert "(2210 am selben Zahn)" in first_step(run(fee("2210", "16"), lab("0344", "16", "61.50")))
    assert "(2210 an denselben Zähnen)" in first_step(run(fee("2210", "15"), lab("0344", "14-16", "61.50")))
    assert first_step(run(lab("0344", "16", "61.50"))).startswith("keine Leistung am selben Zahn; Laborcode 0344")
    assert first_step(run(lab("0344", "", "61.50"))).startswith("ohne Zahnangabe; Laborcode 0344")


def test_a_dentures_lab_work_stays_the_dentures_beside_extractions_that_name_its_teeth() -> None:
    # the denture on the whole jaw is the service the lab work is for; only a splint or functional analysis on the
    # jaw stands back behind a line that names the tooth (lab_owners named_teeth)
    denture_lab = lab_result(run(fee("3000", "14,15,16"), fee("5200", "OK"), lab("0806", "14,15,16", "10.00")))
    assert denture_lab.line_class is A  # its code is of denture work
    inlay_lab = lab_result(run(fee("2160", "24"), fee("5220", "OK"), lab("0320", "24", "93.80")))
    assert inlay_lab.line_class is B  # an inlay's code: the inlay's rate, beside a denture on the jaw too
    planning = lab_result(run(fee("9003", "UK"), fee("9010", "36"), fee("2160", "35"), lab("0320", "35", "93.80")))
    assert planning.line_class is B  # an implant planning on the jaw is no owner of an inlay's lab work
