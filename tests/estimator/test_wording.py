"""The wording: every code said in German and English with the same values, and each value written as the language
writes it."""

import datetime as dt
import string
from decimal import Decimal as D

import pytest

from estimator.codes import Code
from estimator.kinds import Cause, LineClass, Schedule, Severity
from estimator.model import Explanation, Finding
from estimator.phrases import Jaw, LineRef, Money, Number, Percent, Term, say
from estimator.wording import (
    by_severity,
    de,
    en,
    fields_of,
    finding_text,
    grouped,
    is_reduction,
    reductions_sentence,
    template_fields,
    text,
)

NBSP = "\u00a0"
CROWN = LineRef(Schedule.GOZ, "2210", "16")

# A value of the type the rules give each named value, so that every template can be said.
SAMPLES: dict[str, object] = {
    "adult": True,
    "age": 19,
    "begin": dt.date(2025, 9, 1),
    "beside": CROWN,
    "changes": (say(Code.PART_REVIEW_CLASS, old="A", new="B"),),
    "cls": LineClass.A,
    "cooperating": True,
    "count": 12,
    "date": dt.date(2026, 3, 10),
    "excess": 1,
    "factor": Number("3.5"),
    "given": False,
    "jaw": Jaw("UK"),
    "label": Term("Krone", "crown"),
    "length": 120,
    "limit": 8,
    "line": CROWN,
    "lines": 2,
    "lost": (say(Code.PART_IMPLANT_SITES, sites="37", several=False),),
    "months": 3,
    "note": say(Code.PART_DEDUCTIBLE_GROUP, variant="BM5/1", adult=True),
    "on_teeth": True,
    "places": 10,
    "planned": 2,
    "present": 7,
    "problem": say(Code.CELL_DATE, value="gestern"),
    "quantity": Number(2),
    "rate": Percent("0.8"),
    "reasons": (say(Code.PART_LAB_PER_JAW, limit=2, lab_list="B 269"),),
    "row": 7,
    "rows": 20,
    "service": CROWN,
    "services": (CROWN, LineRef(Schedule.GOZ, "2210", "26")),
    "start": dt.date(2026, 4, 1),
    "threshold": Number("2.3"),
    "units": 2,
    "variants": ("BM5/0", "BM5/1"),
    "vat": Number(19),
    "what": say(Code.PART_LASER_SURCHARGE, number="0120"),
    "year": 2026,
    "years": 2,
}
MONEY_FIELDS = {
    "amount",
    "billed",
    "cap",
    "computed",
    "difference",
    "fee",
    "full",
    "high",
    "left",
    "taken",
    "total",
    "unit",
    "used",
}


def sample(name: str, spec: str) -> object:
    if spec == ",":
        return 12345  # a whole number with thousands: a count, a length, a limit
    return Money("1234.5") if name in MONEY_FIELDS else SAMPLES.get(name, f"<{name}>")


def specs(template: str) -> dict[str, str]:
    return {name: spec for _, name, spec, _ in string.Formatter().parse(template) if name}


def test_every_code_has_a_german_and_an_english_template_and_nothing_else() -> None:
    assert set(de.TEMPLATES) == set(Code) == set(en.TEMPLATES)
    assert all(de.TEMPLATES[code].strip() and en.TEMPLATES[code].strip() for code in Code)


def test_labels_and_sentences_exist_in_both_languages_with_the_same_values() -> None:
    for words in (de, en):
        assert set(words.CAUSES) == {c.value for c in Cause} and set(words.SEVERITIES) == {s.value for s in Severity}
        assert set(words.CLASS_LONG) == set(words.CLASS_SHORT) == {c.value for c in LineClass}
    assert {k: template_fields(v) for k, v in de.SENTENCES.items()} == {k: template_fields(v) for k, v in en.SENTENCES.items()}


@pytest.mark.parametrize("code", list(Code), ids=str)
def test_both_languages_name_the_same_values_in_the_same_form(code: Code) -> None:
    assert template_fields(de.TEMPLATES[code]) == template_fields(en.TEMPLATES[code]) == fields_of(code)
    german, english = specs(de.TEMPLATES[code]), specs(en.TEMPLATES[code])
    for name, spec in german.items():
        other = english[name]
        assert spec.count("|") == other.count("|"), (name, spec, other)  # a choice in one is a choice in the other
        if "|" not in spec and not spec.startswith("?") and spec != "; ":
            assert spec == other, (name, spec, other)  # forms such as "nr", "on", "short", ","


@pytest.mark.parametrize("code", list(Code), ids=str)
def test_every_phrase_is_said_in_both_languages_without_leftover_braces(code: Code) -> None:
    given = specs(de.TEMPLATES[code])
    phrase = say(code, **{name: sample(name, spec) for name, spec in given.items()})  # type: ignore[arg-type]
    for language in ("de", "en"):
        said = text(phrase, language)
        assert said.strip() and "{" not in said and "}" not in said and "None" not in said, (language, said)
        assert "<" not in said or any(f"<{name}>" in said for name in fields_of(code))
    if {name for name, spec in given.items() if not spec} & MONEY_FIELDS:
        assert f"1.234,50{NBSP}€" in text(phrase, "de") and "€1,234.50" in text(phrase, "en")
    if "," in given.values():
        assert "12.345" in text(phrase, "de") and "12,345" in text(phrase, "en")


def test_german_and_english_write_money_percent_dates_and_numbers_their_own_way() -> None:
    before = say(Code.DATE_BEFORE_INSURANCE_START, date=dt.date(2025, 12, 31), start=dt.date(2026, 1, 1))
    assert "31.12.2025" in text(before) and "01.01.2026" in text(before)
    assert "2025-12-31" in text(before, "en") and "2026-01-01" in text(before, "en")
    rate = say(Code.STEP_RATE, rate=Percent("0.9"), cls=LineClass.A, cooperating=True)
    assert text(rate) == f"Erstattungssatz 90{NBSP}% (Zahnersatz mit Kooperationszahnarzt)"
    assert text(rate, "en") == "benefit rate 90% (prosthetic work with a cooperating dentist)"
    high = say(Code.CELL_AMOUNT_RANGE, high=Money(1_000_000), value="-1")
    assert text(high) == f"Betrag von 0 bis 1.000.000,00{NBSP}€ erwartet, „-1“ gefunden"
    assert text(high, "en") == "amount from 0 to €1,000,000.00 expected, found “-1”"
    many = say(Code.INPUT_MORE_FINDINGS, count=12345)
    assert text(many).startswith("12.345 weitere") and text(many, "en").startswith("12,345 more")
    factor = say(Code.FEE_BELOW_SINGLE_RATE, line=CROWN, factor=Number("0.5"))
    assert text(factor) == "GOZ 2210, Zahn 16: Faktor 0,5 unter dem einfachen Satz"
    assert text(factor, "en") == "GOZ 2210, tooth 16: factor 0.5 below the simple rate"


def test_choices_lists_and_nested_phrases() -> None:
    cap = say(Code.STEP_STAGED_CAP, years=1, cap=Money(1000), left=Money(0))
    assert "im ersten Versicherungsjahr" in text(cap) and text(cap).endswith("; ausgeschöpft")
    cap = say(Code.STEP_STAGED_CAP, years=3, cap=Money(3000), left=Money("34.62"))
    assert "in den ersten drei Versicherungsjahren" in text(cap) and text(cap).endswith(f"; noch frei 34,62{NBSP}€")
    assert "in the first three insurance years" in text(cap, "en") and text(cap, "en").endswith("€34.62 still free")
    one = say(Code.STEP_IMPLANTS_OVER_LIMIT, units=1, teeth="", limit=8)
    assert text(one) == "Implantat über der Grenze von 8 Implantaten je Kiefer"
    two = say(Code.STEP_IMPLANTS_OVER_LIMIT, units=2, teeth="37", limit=8)
    assert text(two) == "2 Implantate an Zahn 37 über der Grenze von 8 Implantaten je Kiefer"
    variants = say(Code.CELL_VARIANT, variants=("BM5/0", "BM5/1", "BM5/2"), value="9")
    assert text(variants).startswith("Tarif BM5/0, BM5/1 oder BM5/2 erwartet")
    assert text(variants, "en").startswith("tariff BM5/0, BM5/1 or BM5/2 expected")
    setting = Term("vorbereitende Maßnahmen an den Zähnen einer Krone", "preparatory measures on the teeth of a crown")
    preparatory = say(Code.STEP_PREPARATORY, services=(CROWN, LineRef(None, "0344", "24")), setting=setting)
    assert text(preparatory) == (
        "vorbereitende Maßnahme zu GOZ 2210 an Zahn 16, Labor 0344 an Zahn 24 "
        "(Auslegung „vorbereitende Maßnahmen an den Zähnen einer Krone“): Klasse A"
    )
    cell = say(Code.INPUT_CELL, cell="A7", field="Datum", problem=say(Code.CELL_DATE, value="gestern"))
    assert text(cell) == "A7 (Datum): Datum TT.MM.JJJJ erwartet, „gestern“ gefunden"
    assert text(cell, "en") == "A7 (Datum): date YYYY-MM-DD or DD.MM.YYYY expected, found “gestern”"


def test_an_unknown_language_falls_back_to_german() -> None:
    phrase = say(Code.CELL_CLASS, value="C")
    assert text(phrase, "fr") == text(phrase, "de") == "Klasse A, B, P oder X erwartet, „C“ gefunden"


def test_findings_are_listed_errors_first_keeping_their_order_within_a_severity() -> None:
    def finding(severity: Severity, row: int) -> Finding:
        return Finding(severity, say(Code.LINE_NO_DATE), "Leistungen", row)

    found = [finding(Severity.INFO, 1), finding(Severity.ERROR, 2), finding(Severity.WARNING, 3), finding(Severity.ERROR, 4)]
    assert [f.row for f in by_severity(found)] == [2, 4, 3, 1]


def _over_list(code: str, teeth: str, unit: str, row: int) -> Finding:
    phrase = say(
        Code.LAB_OVER_MAXIMUM,
        line=LineRef(None, code, teeth),
        unit=Money(D(unit)),
        maximum=Money(D("107.10")),
        lab_list="B 269",
        difference=Money(D(unit) - D("107.10")),
        vat=Number(D(7)),
    )
    return Finding(Severity.WARNING, phrase, "Labor", row, "Einzelpreis", "Nr. II.3.1")


def _said(finding: Finding, language: str = "de") -> str:
    return finding_text(finding, language).replace("\u00a0", " ")


def test_what_several_lines_of_one_number_share_is_said_once_naming_their_teeth_and_lines() -> None:
    found = [
        _over_list("0322", "45", "111.60", 2),
        Finding(Severity.ERROR, say(Code.LINE_NO_DATE), "Leistungen", 9),
        _over_list("0322", "42", "111.60", 3),
        _over_list("0322", "45", "111.60", 4),  # a second line on tooth 45: named once, counted
        _over_list("0322", "41", "112.60", 5),  # another price: said by itself
        _over_list("0344", "41", "111.60", 6),  # another number: said by itself
    ]
    said = grouped(found)
    assert [f.row for f in said] == [2, 9, 5, 6]  # where the first of each group stood
    assert _said(said[0]).startswith("Labor 0322, Zähne 45, 42 (3 Zeilen): Einzelpreis 111,60 € über dem Höchstbetrag")
    assert _said(said[0], "en").startswith("Lab 0322, teeth 45, 42 (3 lines): ")
    assert _said(said[2]).startswith("Labor 0322, Zahn 41: Einzelpreis 112,60 €")
    assert grouped(found[:1]) == found[:1]


START = dt.date(2026, 6, 1)


def test_the_same_words_of_several_rows_are_said_once_in_the_letter() -> None:
    # four crowns before the insurance start: the letter said „Behandlungsdatum … liegt vor dem Versicherungsbeginn“ four
    # times alike; said once (the rows are in the tables, the window and the workbook keep one finding per row)
    before = [
        Finding(Severity.ERROR, say(Code.DATE_BEFORE_INSURANCE_START, date=dt.date(2026, 3, 10), start=START), "Leistungen", row)
        for row in (2, 3, 4, 5)
    ]
    other_day = Finding(
        Severity.ERROR, say(Code.DATE_BEFORE_INSURANCE_START, date=dt.date(2026, 3, 11), start=START), "Leistungen", 6
    )
    said = grouped([*before, other_day])
    assert [f.row for f in said] == [2, 6]


def test_lines_on_one_tooth_or_without_a_tooth_are_counted_under_the_singular() -> None:
    same_tooth = grouped([_over_list("0322", "45", "111.60", 2), _over_list("0322", "45", "111.60", 3)])
    assert _said(same_tooth[0]).startswith("Labor 0322, Zahn 45 (2 Zeilen): ")
    no_tooth = grouped([_over_list("0322", "", "111.60", 2), _over_list("0322", "", "111.60", 3)])
    assert _said(no_tooth[0]).startswith("Labor 0322 (2 Zeilen): ")
    mixed = grouped([_over_list("0322", "", "111.60", 2), _over_list("0322", "45", "111.60", 3)])
    assert len(mixed) == 2  # a line without its tooth is not hidden among lines with one


def test_findings_that_count_a_lines_units_are_said_for_each_line() -> None:
    def once_a_day(row: int, teeth: str) -> Finding:
        phrase = say(
            Code.FEE_ONCE_PER_DAY,
            line=LineRef(Schedule.GOZ, "0120", teeth),
            what="x",
            date=dt.date(2026, 3, 10),
            excess=Number(D(1)),
        )
        return Finding(Severity.ERROR, phrase, "Leistungen", row)

    found = [once_a_day(2, "16"), once_a_day(3, "26")]
    assert grouped(found) == found  # „1 Einheit“ each: together two, which one sentence would not say


def test_lost_implant_sites_are_one_tooth_or_several() -> None:
    one = say(Code.PART_IMPLANT_SITES, sites=("33",), several=False)
    several = say(Code.PART_IMPLANT_SITES, sites=("33", "47"), several=True)
    assert text(one) == "Zahn 33 und der darauf befestigte Zahnersatz"
    assert text(several) == "Zähne 33, 47 und der darauf befestigte Zahnersatz"
    assert text(several, "en") == "teeth 33, 47 and the prosthetic work fixed on them"


@pytest.mark.parametrize(
    ("code", "before", "after", "cut"),
    [
        (Code.STEP_STAGED_CAP, "67.28", "34.62", True),
        (Code.STEP_DEDUCTIBLE, "350.00", "0.00", True),
        (Code.STEP_ABOVE_MAXIMUM, "100.00", "99.99", True),
        (Code.STEP_RATE, "217.06", "173.65", False),  # every line has a rate: no reason worth naming
        (Code.STEP_RATE_PROPHYLAXIS, "100.00", "80.00", False),
        (Code.STEP_STAGED_CAP, "67.28", "67.28", False),
        (Code.STEP_REVIEW_ELIGIBLE, "0.00", "50.00", False),  # raised, not lowered
        (Code.STEP_LAB_COMPUTED, None, "84.10", False),
        (Code.STEP_CLASS_X, "10.00", None, False),
    ],
)
def test_is_reduction_names_lowerings_other_than_the_rate(code: Code, before: str | None, after: str | None, cut: bool) -> None:
    step = Explanation("Nr. II.3.2", say(code), None if before is None else D(before), None if after is None else D(after))
    assert is_reduction(step) is cut


def test_reductions_sentence_names_the_causes_in_rule_order_in_both_languages() -> None:
    reductions = {Cause.STAGED_CAP: D("292.04"), Cause.DEDUCTIBLE: D("0.00"), Cause.RATE: D("322.96")}
    assert reductions_sentence(reductions) == f"davon Erstattungssatz 322,96{NBSP}€, Zahnstaffel 292,04{NBSP}€"
    assert reductions_sentence(reductions, "en") == "of which benefit rate €322.96, staged cap €292.04"
    assert reductions_sentence({Cause.RATE: D(0)}) == "keine Kürzung"
    assert reductions_sentence({}, "en") == "no reduction"


def test_a_limit_of_one_is_once_in_either_language() -> None:
    once, thrice = say(Code.PART_PER_SESSION, number="2290", limit=1), say(Code.PART_PER_SESSION, number="2290", limit=3)
    assert [text(once), text(once, "en")] == ["GOZ 2290 höchstens einmal je Sitzung", "GOZ 2290 at most once per session"]
    assert [text(thrice), text(thrice, "en")] == ["GOZ 2290 höchstens 3-mal je Sitzung", "GOZ 2290 at most 3 times per session"]


def test_a_material_row_is_named_by_its_word_and_a_lab_code_as_lab_work() -> None:
    material = say(Code.LAB_MATERIAL_INCLUDED, line=LineRef(None, "Auslagen", "15"))
    assert text(material).startswith("Auslagen, Zahn 15: Sachkosten ohne")  # not „Labor Auslagen“
    assert text(say(Code.LAB_MATERIAL_INCLUDED, line=LineRef(None, "0344", "15"))).startswith("Labor 0344, Zahn 15: ")
    assert text(say(Code.LAB_MATERIAL_INCLUDED, line=LineRef(None, "I 115", "15")), "en").startswith("Lab I 115, tooth 15: ")


@pytest.mark.parametrize(
    ("years", "german", "english"),
    [
        (1, "im ersten Versicherungsjahr", "in the first insurance year"),
        (2, "im ersten und zweiten Versicherungsjahr", "in the first two insurance years"),
        (3, "in den ersten drei Versicherungsjahren", "in the first three insurance years"),
        (4, "in den ersten vier Versicherungsjahren", "in the first four insurance years"),
    ],
)
def test_the_staged_cap_names_its_years_as_the_tariff_does(years: int, german: str, english: str) -> None:
    """„im ersten und zweiten Versicherungsjahr insgesamt bis zu 2.000 EUR“ (Nr. II.3.2), not „in den ersten 2 …“."""
    phrase = say(Code.STEP_STAGED_CAP, years=years, cap=Money(D("2000.00")), left=Money(D("0.00")))
    assert text(phrase).startswith(f"Zahnstaffel: {german} insgesamt höchstens 2.000,00{NBSP}€")
    assert text(phrase, "en").startswith(f"staged cap: {english} at most")


def test_lines_before_the_first_tariff_version_are_named_by_the_day_of_the_first() -> None:
    """„10 Zeilen ab 10.12.2025 liegen vor …“ read as if all lay after that day; the day is that of the first."""
    one = say(Code.TARIFF_BEFORE_FIRST_VERSION, date=dt.date(2025, 12, 10), lines=1)
    many = say(Code.TARIFF_BEFORE_FIRST_VERSION, date=dt.date(2025, 12, 10), lines=10)
    assert text(one).startswith("1 Zeile vom 10.12.2025 liegt vor dem Gültigkeitsbeginn")
    assert text(many).startswith("10 Zeilen, die erste vom 10.12.2025, liegen vor dem Gültigkeitsbeginn")
    assert text(many, "en").startswith("10 lines, the first of 2025-12-10, lie before")
