"""What the GOZ lets be billed so often per session (a treatment day), checked by hand: 8010 „je Sitzung höchstens
zweimal“, 9060 „für ein Implantat höchstens einmal je Sitzung“, 2030 „je Sitzung für eine Kieferhälfte oder einen
Frontzahnbereich höchstens einmal … beim Präparieren und höchstens einmal … beim Füllen“; and what the GOZ does not let
be billed beside another that day: a filling beside a crown on its tooth, of two numbers each not billable beside the
other the one worth less, the examination beside the advice of GOZ 6190."""

import datetime as dt
from decimal import Decimal

from estimator.kinds import Cause, Severity
from estimator.wording import finding_text, step_text
from tests.estimator.builders import codes, fee, fee_result, run

D = Decimal
REGISTRATION = D("23.28")  # GOZ 8010: 180 points x 0,0562421 x 2,3
ABUTMENT = D("40.49")  # GOZ 9060: 313 points x 0,0562421 x 2,3
MEASURE = D("8.41")  # GOZ 2030: 65 points x 0,0562421 x 2,3
NEXT_DAY = dt.date(2026, 3, 17)


def test_a_bite_registration_counts_twice_a_session_and_anew_the_next_day() -> None:
    result = run(fee("8010", count=2), fee("8010", "OK"), fee("8010", count=3, date=NEXT_DAY))
    first, third, next_day = (fee_result(result, i) for i in range(3))
    assert first.eligible == 2 * REGISTRATION
    assert (third.billed, third.eligible, third.reductions) == (REGISTRATION, D("0.00"), {Cause.NOT_ELIGIBLE: REGISTRATION})
    assert (next_day.billed, next_day.eligible) == (3 * REGISTRATION, 2 * REGISTRATION)
    said = [f for f in result.findings if f.code == "fee.per_session"]
    assert [f.severity for f in said] == [Severity.ERROR, Severity.ERROR]
    assert finding_text(said[0]) == (
        "GOZ 8010, Oberkiefer: je Sitzung höchstens 2-mal berechnungsfähig (am 10.03.2026); 1 Einheit nicht erstattungsfähig"
    )


CROWN = D("217.06")  # GOZ 2210: 1678 points x 0,0562421 x 2,3


def test_a_tooth_is_crowned_once_a_session_however_the_rows_repeat_it() -> None:
    # GOZ 2210 „Versorgung eines Zahnes durch eine Vollkrone“: a row copied and a count of 3 on one tooth are billed
    # once; four teeth of a row hold four crowns; the next day is another session
    result = run(
        fee("2210", "16"),
        fee("2210", "16"),
        fee("2210", "16", count=3),
        fee("2210", "14-17", count=4, date=NEXT_DAY),
        fee("5010", "24,26", count=2),
    )
    assert [fee_result(result, i).eligible for i in range(5)] == [CROWN, D("0.00"), D("0.00"), 4 * CROWN, D("383.68")]
    said = [finding_text(f) for f in result.findings if f.code == "fee.per_session_tooth"]
    assert len(said) == 2 and all("GOZ 2210, Zahn 16: je Zahn bzw. Implantat und Sitzung höchstens einmal" in s for s in said)
    assert "3 Einheiten nicht erstattungsfähig" in said[1]


def test_an_internal_sinus_lift_is_not_billable_beside_an_external_one_or_bone_splitting_for_its_cavity() -> None:
    # GOZ 9110 „ist für dieselbe Implantatkavität nicht neben den Leistungen nach den Nummern 9120 und 9130
    # berechnungsfähig“: the cavity is the tooth, on the day of the other
    result = run(
        fee("9110", "16"),
        fee("9120", "14-17"),
        fee("9110", "26"),
        fee("9110", "16", date=NEXT_DAY),
    )
    assert [fee_result(result, i).eligible for i in range(4)] == [D("0.00"), D("388.07"), D("194.04"), D("194.04")]
    said = [finding_text(f) for f in result.findings if f.row == 2]
    assert said and "neben GOZ 9120 (Leistungen Zeile 3) nicht berechnungsfähig" in said[0]


def test_an_abutment_is_changed_once_per_implant_and_session() -> None:
    result = run(fee("9060", "36"), fee("9060", "37"), fee("9060", "36"), fee("9060", "36", date=NEXT_DAY))
    assert [fee_result(result, i).eligible for i in range(4)] == [ABUTMENT, ABUTMENT, D("0.00"), ABUTMENT]
    said = [finding_text(f) for f in result.findings if f.code == "fee.per_session_tooth"]
    assert len(said) == 1 and "je Zahn bzw. Implantat und Sitzung höchstens einmal" in said[0]
    two_teeth = run(fee("9060", "36,37", count=3))  # three changes on two implants: one too many
    assert fee_result(two_teeth, 0).eligible == 2 * ABUTMENT


def test_a_line_on_several_implants_takes_only_what_cannot_lie_on_its_other() -> None:
    # one change on „36,37“ may have been on 37: the change on 36 after it is not cut for it (the customer's reading)
    either = run(fee("9060", "36,37"), fee("9060", "36"))
    assert [fee_result(either, i).eligible for i in range(2)] == [ABUTMENT, ABUTMENT]
    both = run(fee("9060", "36,37", count=2), fee("9060", "36"))  # both implants had theirs
    assert fee_result(both, 1).eligible == D("0.00") and "fee.per_session_tooth" in codes(both)


def test_a_line_without_its_implant_is_not_cut() -> None:
    result = run(fee("9060", count=2), fee("9060", "36"))
    assert fee_result(result, 0).eligible == 2 * ABUTMENT and fee_result(result, 1).eligible == ABUTMENT
    assert "fee.per_session_tooth" not in codes(result)


def test_special_measures_count_twice_a_session_per_jaw_half_or_front_region() -> None:
    result = run(
        fee("2030", "16"),  # preparing, first jaw half's side teeth
        fee("2030", "15"),  # filling, the same region
        fee("2030", "14"),  # a third in that region: not eligible
        fee("2030", "13"),  # the upper front teeth: a region of their own
        fee("2030", "26", count=2),  # the second jaw half
    )
    assert [fee_result(result, i).eligible for i in range(5)] == [MEASURE, MEASURE, D("0.00"), MEASURE, 2 * MEASURE]
    said = [finding_text(f) for f in result.findings if f.code == "fee.per_session_region"]
    assert said == [
        "GOZ 2030, Zahn 14: je Sitzung für eine Kieferhälfte oder einen Frontzahnbereich höchstens 2-mal "
        "berechnungsfähig (am 10.03.2026); 1 Einheit nicht erstattungsfähig"
    ]


def test_a_line_refused_otherwise_takes_none_of_the_sessions_units() -> None:
    result = run(fee("8010", manual_class="X"), fee("8010", count=2))
    assert fee_result(result, 1).eligible == 2 * REGISTRATION and "fee.per_session" not in codes(result)
    analogue = run(fee("8010", count=2), fee("8010a"))  # an analogue borrows the fee, not the limit
    assert fee_result(analogue, 1).eligible == REGISTRATION and "fee.per_session" not in codes(analogue)


FILLING = D("71.92")  # GOZ 2080: 556 points x 0,0562421 x 2,3
AFTERCARE, REVISION = D("8.41"), D("12.94")  # GOZ 3300: 65 points, 3310: 100 points, at 2,3
PZR_TOOTH = D("3.62")  # GOZ 1040: 28 points x 0,0562421 x 2,3
EXAMINATION = D("12.94")  # GOZ 0010: 100 points x 0,0562421 x 2,3


def test_a_filling_beside_a_crown_on_its_tooth_that_day_is_not_eligible() -> None:
    # „Neben den Leistungen nach den Nummern 2200 bis 2220 sind die Leistungen nach den Nummern 2050 bis 2130 nicht
    # berechnungsfähig“: on the crowned tooth that day; a filling of the neighbour or of another day stays
    result = run(fee("2210", "16"), fee("2080", "16"), fee("2080", "17"), fee("2080", "16", date=NEXT_DAY))
    assert [fee_result(result, i).eligible for i in (1, 2, 3)] == [D("0.00"), FILLING, FILLING]
    said = [finding_text(f) for f in result.findings if f.code == "fee.not_beside"]
    assert len(said) == 1 and said[0].startswith("GOZ 2080, Zahn 16: neben GOZ 2210 (Leistungen Zeile 2)")


def test_of_two_numbers_each_not_billable_beside_the_other_the_one_worth_more_is_kept() -> None:
    surgery = run(fee("3300", "46"), fee("3310", "46"))  # aftercare beside a wound revision of the same area
    assert (fee_result(surgery, 0).eligible, fee_result(surgery, 1).eligible) == (D("0.00"), REVISION)
    # „Neben der Leistung nach der Nummer 3310 sind die Leistungen nach den Nummern 3060 oder 3300 nicht
    # berechnungsfähig“: the haemostasis 3060 is cut, whatever its points
    revision = run(fee("3310", "46"), fee("3060", "46"))
    assert (fee_result(revision, 0).eligible, fee_result(revision, 1).eligible) == (REVISION, D("0.00"))
    apart = run(fee("3300", "46"), fee("3310", "36"))  # another operation area
    assert (fee_result(apart, 0).eligible, fee_result(apart, 1).eligible) == (AFTERCARE, REVISION)
    # the PZR of seven teeth stays whole beside a check after scaling on one of them, which is not billable beside it
    cleaning = run(fee("1040", "11-17", count=7), fee("4060", "16"))
    assert (fee_result(cleaning, 0).eligible, fee_result(cleaning, 1).eligible) == (7 * PZR_TOOTH, D("0.00"))


def test_the_examination_is_not_billable_beside_the_advice_of_that_day() -> None:
    young = {"birth_date": dt.date(2014, 5, 1)}  # the advice is orthodontics, paid for the young only
    beside = run(fee("0010"), fee("6190"), fee("0010", date=NEXT_DAY), **young)
    assert [fee_result(beside, i).eligible for i in (0, 2)] == [D("0.00"), EXAMINATION]
    finding = next(f for f in beside.findings if f.code == "fee.not_beside_on_day")
    assert finding.severity is Severity.ERROR and finding_text(finding).startswith(
        "GOZ 0010: neben GOZ 6190 (Leistungen Zeile 3)"
    )
    adult = run(fee("0010"), fee("6190"))  # an adult's advice is not paid: it cuts nothing (the customer's reading)
    assert fee_result(adult, 0).eligible == EXAMINATION


def test_a_lines_own_reason_names_the_limit_and_its_section() -> None:
    # the letter and the workbook show a line's reasons, not the findings: „0 von 1 Einheiten“ alone said no why
    result = run(
        fee("8010", count=3),
        fee("0110", "36", factor=1),
        fee("2410", "36"),
        fee("0110", "46", factor=1),
        *(fee("4000", date=dt.date(2026, month, 2)) for month in (4, 5, 6)),
    )
    said = {}
    for index in (0, 3, 6):
        [step] = [e for e in fee_result(result, index).explanations if e.phrase.code.value == "step.units_limited"]
        said[index] = (step.rule, step_text(step))
    assert said == {
        0: ("Nr. II.3.1", "GOZ 8010 höchstens 2-mal je Sitzung – hier 2 von 3 Einheiten"),
        3: (
            "Nr. II.3.1, GOZ Abschnitte A und L",
            "GOZ 0110 ist je Behandlungstag nur einmal berechnungsfähig – hier 0 von 1 Einheit",
        ),
        6: ("Nr. II.3.1", "GOZ 4000 höchstens 2-mal im Kalenderjahr 2026 – hier 0 von 1 Einheit"),
    }


def test_the_units_paid_are_the_most_the_places_hold_in_any_row_order() -> None:
    # two implants hold two changes a session, whichever line names them; two regions hold four measures
    for lines in (
        (fee("9060", "36,37"), fee("9060", "36"), fee("9060", "37")),
        (fee("9060", "36"), fee("9060", "37"), fee("9060", "36,37")),
        (fee("9060", "36"), fee("9060", "36,37"), fee("9060", "37")),
    ):
        result = run(*lines)
        assert sum(fee_result(result, i).eligible for i in range(3)) == 2 * ABUTMENT
        assert fee_result(result, 2).eligible == D("0.00")  # the line later in treatment order is cut
    for lines in (
        (fee("2030", "13,14", count=2), fee("2030", "14", count=2), fee("2030", "13", count=2)),
        (fee("2030", "14", count=2), fee("2030", "13", count=2), fee("2030", "13,14", count=2)),
    ):
        assert sum(fee_result(run(*lines), i).eligible for i in range(3)) == 4 * MEASURE


def test_a_line_on_several_places_makes_room_for_a_later_one_where_it_can() -> None:
    # the change on „36,37“ moves to 37, so that the one on 36 is paid; the one on 37 after them has no room left
    result = run(fee("9060", "36,37"), fee("9060", "36"), fee("9060", "37", count=2))
    assert [fee_result(result, i).eligible for i in range(3)] == [ABUTMENT, ABUTMENT, D("0.00")]
    [step] = [e for e in fee_result(result, 2).explanations if e.phrase.code.value == "step.units_limited"]
    assert step_text(step).startswith("GOZ 9060 höchstens einmal je Zahn bzw. Implantat und Sitzung – hier 0 von 2 Einheiten")


AUGMENTATION = D("348.49")  # GOZ 9100: 2694 points x 0,0562421 x 2,3


def test_a_fee_billed_per_jaw_half_or_front_area_counts_once_a_region_and_session() -> None:
    # GOZ 9100 „… je Kieferhälfte oder Frontzahnbereich“: three units at tooth 36 on one day are one augmentation of
    # the lower left jaw half billed three times; two jaw halves hold two; the next day is another session
    result = run(fee("9100", "36", count=3), fee("9100", "36,46", count=2), fee("9100", "36", date=NEXT_DAY))
    same_tooth, two_halves, next_day = (fee_result(result, i) for i in range(3))
    assert (same_tooth.billed, same_tooth.eligible) == (3 * AUGMENTATION, AUGMENTATION)
    assert same_tooth.reductions == {Cause.NOT_ELIGIBLE: 2 * AUGMENTATION, Cause.RATE: D("69.70")}
    assert (two_halves.eligible, next_day.eligible) == (AUGMENTATION, AUGMENTATION)  # 36's half is taken that day
    said = [finding_text(f) for f in result.findings if f.code == "fee.per_session_region"]
    assert said[0] == (
        "GOZ 9100, Zahn 36: je Sitzung für eine Kieferhälfte oder einen Frontzahnbereich höchstens einmal "
        "berechnungsfähig (am 10.03.2026); 2 Einheiten nicht erstattungsfähig"
    )
    assert "höchstens einmal je Kieferhälfte bzw. Frontzahnbereich und Sitzung" in step_text(same_tooth.explanations[-2])
