"""FDI tooth notation: single teeth, lists, ranges across the midline, whole jaws, and what is refused."""

import pytest

from estimator.codes import Code
from estimator.teeth import LOWER, UPPER, VALID_TEETH, Teeth, ToothError, jaw_of, parse_teeth
from estimator.wording import text

UPPER_PERMANENT = {11, 12, 13, 14, 15, 16, 17, 18, 21, 22, 23, 24, 25, 26, 27, 28}
LOWER_PERMANENT = {31, 32, 33, 34, 35, 36, 37, 38, 41, 42, 43, 44, 45, 46, 47, 48}


def teeth_of(value: object) -> set[int]:
    return set(parse_teeth(value).teeth)


def refused(value: object) -> tuple[Code, str]:
    with pytest.raises(ToothError) as error:
        parse_teeth(value)
    return error.value.phrase.code, text(error.value.phrase)


def test_there_are_32_permanent_and_20_deciduous_teeth_split_into_two_jaws() -> None:
    assert len(VALID_TEETH) == 52 and len(UPPER) == len(LOWER) == 26
    assert UPPER | LOWER == VALID_TEETH and not UPPER & LOWER
    assert {jaw_of(t) for t in (18, 21, 55, 61)} == {"OK"} and {jaw_of(t) for t in (38, 41, 75, 85)} == {"UK"}


@pytest.mark.parametrize(
    ("value", "teeth"),
    [
        ("16", {16}),
        (16, {16}),
        (16.0, {16}),  # Excel stores a tooth typed as a number as a float
        ("14,15", {14, 15}),
        ("14, 15;16/17+18", {14, 15, 16, 17, 18}),
        ("14 15", {14, 15}),
        ("55", {55}),
        ("85", {85}),
    ],
)
def test_single_teeth_and_lists(value: object, teeth: set[int]) -> None:
    assert teeth_of(value) == teeth and not parse_teeth(value).whole_jaw


@pytest.mark.parametrize(
    ("value", "teeth"),
    [
        ("13-23", {13, 12, 11, 21, 22, 23}),  # across the midline, as the dentist reads the arch
        ("23-13", {13, 12, 11, 21, 22, 23}),
        ("13 – 23", {13, 12, 11, 21, 22, 23}),  # en dash and spaces
        ("31-41", {31, 41}),
        ("43-33", {43, 42, 41, 31, 32, 33}),
        ("14-16", {14, 15, 16}),
        ("16-16", {16}),
        ("18-28", UPPER_PERMANENT),
        ("55-65", {55, 54, 53, 52, 51, 61, 62, 63, 64, 65}),
        ("85-75", {85, 84, 83, 82, 81, 71, 72, 73, 74, 75}),
        ("13-11, 36", {13, 12, 11, 36}),
    ],
)
def test_ranges_follow_the_arch(value: str, teeth: set[int]) -> None:
    assert teeth_of(value) == teeth


def test_jaws_stand_for_their_permanent_teeth() -> None:
    upper, lower, both = parse_teeth("OK"), parse_teeth("uk"), parse_teeth("OK/UK")
    assert set(upper.teeth) == UPPER_PERMANENT and set(lower.teeth) == LOWER_PERMANENT
    assert set(both.teeth) == UPPER_PERMANENT | LOWER_PERMANENT
    assert upper.whole_jaw and lower.whole_jaw and both.whole_jaw
    assert upper.jaws == {"OK"} and lower.jaws == {"UK"} and both.jaws == {"OK", "UK"}
    assert parse_teeth("OK, 36").jaws == {"OK", "UK"}
    words = parse_teeth("Oberkiefer"), parse_teeth("unterkiefer"), parse_teeth("Oberkiefer/Unterkiefer")  # as written out
    assert [(set(t.teeth), t.whole_jaw) for t in words] == [(set(t.teeth), True) for t in (upper, lower, both)]
    assert teeth_of("1. Quadrant") == teeth_of("Quadrant 1") == teeth_of("Q1") == set(range(11, 19))


def test_a_line_knows_its_jaws_and_overlaps() -> None:
    assert parse_teeth("16,36").jaws == {"OK", "UK"}
    assert parse_teeth("13-23").overlaps(parse_teeth("21"))
    assert not parse_teeth("13-23").overlaps(parse_teeth("24"))
    assert parse_teeth("OK").overlaps(parse_teeth("18"))
    assert not parse_teeth("OK").overlaps(parse_teeth("55"))  # a jaw means its permanent teeth
    assert Teeth().jaws == frozenset()


@pytest.mark.parametrize("value", [None, "", "   ", "\n"])
def test_no_tooth_is_an_empty_set(value: object) -> None:
    teeth = parse_teeth(value)
    assert teeth == Teeth() and str(teeth) == ""


def test_the_text_is_kept_on_one_line_as_written() -> None:
    assert str(parse_teeth("14,\n 15")) == "14, 15"
    assert str(parse_teeth("  13 - 23 ")) == "13 - 23"
    assert str(parse_teeth(16.0)) == "16"


@pytest.mark.parametrize(
    ("value", "token"),
    [
        ("19", "19"),
        ("10", "10"),
        ("56", "56"),  # deciduous quadrants have five teeth
        ("91", "91"),
        ("00", "00"),
        ("1\uff16", "1\uff16"),  # full-width digit
        ("\u0663\u0661", "\u0663\u0661"),  # Arabic-Indic digits
        ("1²", "1²"),
        ("16.5", "16.5"),
        (16.5, "16,5"),  # a number cell: as a German spreadsheet shows it
        (14.19, "19"),  # „14,19“ typed there: a list of two, the second no tooth
        ("16,99", "99"),
        (-16, "-16"),  # a number cell with a minus: not an empty range end
        ("16-", "16-"),
        ("16 17 1", "1"),
        ("16 mesial", "mesial"),  # quoted as typed
        ("ok-uk", "ok"),
    ],
)
def test_what_is_not_an_fdi_number_is_named(value: object, token: str) -> None:
    code, message = refused(value)
    assert code is Code.TOOTH_NOT_FDI
    assert message.startswith(f"„{token}“ ist keine FDI-Zahnnummer") and "11–18" in message and "81–85" in message


@pytest.mark.parametrize(
    ("value", "first", "last"), [("13-33", 13, 33), ("18-48", 18, 48), ("38 - 28", 38, 28), ("55-75", 55, 75)]
)
def test_a_range_over_both_jaws_is_refused(value: str, first: int, last: int) -> None:
    code, message = refused(value)
    assert code is Code.TOOTH_RANGE_BOTH_JAWS
    assert message == f"Bereich {first}-{last} reicht über beide Kiefer; bitte je Kiefer angeben"


@pytest.mark.parametrize("value", ["13-53", "53-13", "85-41"])
def test_a_range_from_deciduous_to_permanent_teeth_is_refused(value: str) -> None:
    code, message = refused(value)
    assert code is Code.TOOTH_RANGE_MIXED and message.endswith("mischt Milchzähne und bleibende Zähne")
    assert message.startswith(f"Bereich {value} ")


def test_a_tooth_text_of_100_characters_is_read_and_one_more_is_refused_with_its_length() -> None:
    fits = ",".join(["11"] * 33) + ",,"
    assert len(fits) == 100 and teeth_of(fits) == {11}
    code, message = refused(fits + ",")
    assert code is Code.TOOTH_TEXT_TOO_LONG and message == "Zahnangabe mit 101 Zeichen; höchstens 100"


def test_every_tooth_of_both_jaws_as_a_list_fits() -> None:
    listed = ",".join(str(t) for t in sorted(UPPER_PERMANENT | LOWER_PERMANENT))
    assert teeth_of(listed) == UPPER_PERMANENT | LOWER_PERMANENT


@pytest.mark.parametrize(
    ("value", "teeth"),
    [
        ("16 mod", {16}),
        ("16mod", {16}),
        ("16 m-o-d", {16}),
        ("16 M-O-D", {16}),
        ("26 (od)", {26}),
        ("14 mo, 15 d", {14, 15}),
        ("36 b/37 l", {36, 37}),
        ("11 i", {11}),
    ],
)
def test_a_fillings_surfaces_after_its_tooth_are_kept_as_text(value: str, teeth: set[int]) -> None:
    parsed = parse_teeth(value)
    assert (set(parsed.teeth), parsed.text, parsed.whole_jaw) == (teeth, value, False)


@pytest.mark.parametrize(("value", "first"), [("Q1", 11), ("q2", 21), ("Q3", 31), ("Q4", 41)])
def test_a_quadrant_stands_for_its_eight_permanent_teeth_not_a_jaw(value: str, first: int) -> None:
    parsed = parse_teeth(value)
    assert parsed.teeth == frozenset(range(first, first + 8)) and not parsed.whole_jaw


@pytest.mark.parametrize("value", ["16 k", "16 mesial", "mod", "16 modbl d x", "Q5", "Q0", "16 modblp"])
def test_what_only_looks_like_surfaces_or_a_quadrant_is_refused(value: str) -> None:
    code, _ = refused(value)
    assert code is Code.TOOTH_NOT_FDI
