"""Cell parsers: what people type in a plan becomes a number, date, class or yes/no, or a German reason why not."""

import datetime as dt
from collections.abc import Callable
from decimal import Decimal as D
from typing import Any

import pytest

from estimator.cells import (
    CellError,
    machine_decimal,
    parse_amount,
    parse_class,
    parse_code,
    parse_count,
    parse_date,
    parse_decimal,
    parse_factor,
    parse_implants,
    parse_variant,
    parse_vat,
    parse_yes_no,
)
from estimator.codes import Code
from estimator.kinds import LineClass
from estimator.wording import text

VARIANTS = ("BM5/0", "BM5/1", "BM5/2", "BM5/3")


def refused(parse: Callable[[Any], object], value: object) -> tuple[Code, str]:
    """The code and the German message of the error a parser raises for a value."""
    with pytest.raises(CellError) as error:
        parse(value)
    return error.value.phrase.code, text(error.value.phrase)


@pytest.mark.parametrize(
    ("value", "number"),
    [
        ("1.234", D(1234)),  # a dot before three digits groups thousands
        ("1.234.567", D(1234567)),
        ("-1.234", D(-1234)),
        ("1,234", D("1.234")),  # a comma is the decimal sign
        ("1.5", D("1.5")),  # a dot before fewer than three digits is a decimal point
        ("1 234,5", D("1234.5")),
        ("12,50 EUR", D("12.50")),
        ("7\u00a0%", D(7)),
        ("+5", D(5)),
        (3, D(3)),
        (0.1 + 0.2, D("0.3")),  # a binary fraction is cut to ten places
        (1.0, D("1.0")),
        ("500,- €", D(500)),  # whole euros as a price tag writes them
        ("1.200,–", D(1200)),
        ("80,--", D(80)),
        ("-1.000,-", D(-1000)),
        ("1 200,-", D(1200)),
        ("1\u00a0200,-", D(1200)),
    ],
)
def test_numbers_as_people_write_them(value: object, number: D) -> None:
    assert parse_decimal(value) == number


@pytest.mark.parametrize(
    "value",
    [
        "1E5",
        "1e-999999",
        "NaN",
        "Infinity",
        "0x10",
        "1_000",
        "\u0663",
        "\uff11\uff12",
        "1.2.3",
        "1,2,3",
        ",",
        ".",
        "",
        "zwölf",
        "1,000,-",
        "2,3,-",
        "12.50,-",
        "-,-",
    ],
)
def test_hostile_number_text_is_refused_quoting_the_value(value: str) -> None:
    code, message = refused(parse_decimal, value)
    assert code is Code.CELL_NUMBER_FOUND
    assert message.startswith("Zahl erwartet") and f"„{value}“" in message


@pytest.mark.parametrize("value", ["3.50,0", "35.0,00", "1.2345,00", "12.34,5", "1,00.50", "1,2345.6", "1.234.56,7"])
def test_separators_out_of_place_are_no_number(value: str) -> None:
    """Read by dropping the dots, "3.50,0" would be 350,00 €: a mistyped 3,50 € taken as a hundred times more."""
    assert refused(parse_decimal, value)[0] is Code.CELL_NUMBER_FOUND


@pytest.mark.parametrize(("value", "number"), [("1.234.567,89", D("1234567.89")), ("1,234.56", D("1234.56")), (",5", D("0.5"))])
def test_grouped_thousands_in_either_convention(value: str, number: D) -> None:
    assert parse_decimal(value) == number


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_excel_numbers_that_are_not_finite_are_refused(value: float) -> None:
    assert refused(parse_decimal, value)[0] is Code.CELL_NUMBER_FOUND


def test_a_boolean_is_no_number() -> None:
    assert refused(parse_decimal, True) == (Code.CELL_NUMBER, "Zahl erwartet")


def test_more_than_ten_decimal_places_are_refused_and_ten_are_kept() -> None:
    assert parse_decimal("1,1234567891") == D("1.1234567891")
    code, message = refused(parse_decimal, "1,12345678901")
    assert code is Code.CELL_PLACES and "höchstens 10 Nachkommastellen" in message


def test_a_long_value_is_quoted_on_one_line_and_shortened() -> None:
    code, message = refused(parse_decimal, "a\nb" + "x" * 60)
    assert code is Code.CELL_NUMBER_FOUND and "\n" not in message and "„a bxxx" in message and "…“" in message
    assert len(message) < 80


@pytest.mark.parametrize(
    ("parse", "edges", "outside", "words"),
    [
        (parse_amount, ("0", "1.000.000"), ("-0,01", "1.000.000,01"), "Betrag von 0 bis 1.000.000,00\u00a0€"),
        (parse_factor, ("0,0001", "20"), ("0", "20,0000000001"), "Faktor größer als 0 und höchstens 20"),
        (parse_count, ("0,5", "10.000"), ("0", "10.000,5"), "Anzahl größer als 0 und höchstens 10.000"),
        (parse_vat, ("0", "100"), ("-0,01", "100,01"), "MwSt-Satz von 0 bis 100 %"),
        (parse_implants, ("0", "16"), ("-1", "17"), "Implantate je Kiefer von 0 bis 16"),
    ],
)
def test_ranges_take_their_edges_and_refuse_just_outside(
    parse: Callable[[Any], object], edges: tuple[str, str], outside: tuple[str, str], words: str
) -> None:
    assert [parse(edge) for edge in edges] == [parse_decimal(edge) for edge in edges]
    for value in outside:
        _, message = refused(parse, value)
        assert message.startswith(words) and f"„{value}“ gefunden" in message


def test_a_date_where_a_number_is_expected_names_the_number_a_cell_formatted_as_a_date_holds() -> None:
    # „40“ typed in a cell formatted as a date reads 09.02.1900: quoted as the sheet shows it, with the number
    assert refused(parse_decimal, dt.date(1900, 2, 9)) == (
        Code.CELL_NUMBER_AS_DATE,
        "Zahl erwartet, Datum „09.02.1900“ gefunden – die Zelle ist wohl als Datum formatiert (als Zahl: 40); bitte als "
        "Zahl formatieren",
    )
    assert "(als Zahl: 46091)" in refused(parse_decimal, dt.date(2026, 3, 10))[1]  # past the 29.02.1900 it counts
    assert "„12.01.1900 12:00“" in refused(parse_decimal, dt.datetime(1900, 1, 12, 12))[1]
    assert "(als Zahl: 12,5)" in refused(parse_decimal, dt.datetime(1900, 1, 12, 12))[1]


def test_implants_are_whole_numbers() -> None:
    assert parse_implants("2,0") == 2 and parse_implants(3.0) == 3
    assert parse_implants("7 Stück") == 7 and parse_implants("1 Implantat") == 1 and parse_implants("2 Stk.") == 2
    assert refused(parse_implants, "Stück")[0] is Code.CELL_NUMBER_FOUND
    assert isinstance(parse_implants("8"), int)
    assert refused(parse_implants, "2,5") == (Code.CELL_WHOLE_NUMBER, "ganze Zahl erwartet, „2,5“ gefunden")


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("10.03.2026", dt.date(2026, 3, 10)),
        (" 1.3.2026 ", dt.date(2026, 3, 1)),
        ("01.03.26", dt.date(2026, 3, 1)),
        ("01.03.29", dt.date(2029, 3, 1)),
        ("03.02.30", dt.date(1930, 2, 3)),  # as Excel reads a two-digit year: a birth date, not a child's in 2030
        ("15.06.75", dt.date(1975, 6, 15)),
        ("2026-3-1", dt.date(2026, 3, 1)),
        ("29.02.2024", dt.date(2024, 2, 29)),
        (46023, dt.date(2026, 1, 1)),  # Excel's serial number: 45658 is 01.01.2025, plus 365 days
        (46023.75, dt.date(2026, 1, 1)),  # the time of day is dropped
        (61, dt.date(1900, 3, 1)),
        (dt.datetime(2026, 3, 10, 14, 30), dt.date(2026, 3, 10)),
        ("10. März 2026", dt.date(2026, 3, 10)),  # written out, as some practice software prints a date
        ("10.März 2026", dt.date(2026, 3, 10)),
        ("1. Mrz. 2026", dt.date(2026, 3, 1)),
        ("3 Dezember 26", dt.date(2026, 12, 3)),
        ("15. MAI 1975", dt.date(1975, 5, 15)),
        ("7. Sept. 2026", dt.date(2026, 9, 7)),
        ("10. Ma\u0308rz 2026", dt.date(2026, 3, 10)),  # the umlaut as a letter and its dots, as copied from a PDF
        ("Dienstag, 10. März 2026", dt.date(2026, 3, 10)),  # with its weekday, as a practice's session list writes it
        ("Di, 10.03.2026", dt.date(2026, 3, 10)),
        ("Do. 12.3.26", dt.date(2026, 3, 12)),
    ],
)
def test_dates_as_text_excel_serials_and_dates(value: object, day: dt.date) -> None:
    assert parse_date(value) == day


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("29.02.2026", "„29.02.2026“ gibt es nicht: der Monat hat 28 Tage"),
        ("31.04.2026", "„31.04.2026“ gibt es nicht: der Monat hat 30 Tage"),
        ("31.02.26", "„31.02.26“ gibt es nicht: der Monat hat 28 Tage"),
        ("29.02.30", "„29.02.30“ gibt es nicht: der Monat hat 28 Tage"),  # 1930: no leap year
        ("2026-02-30", "„2026-02-30“ gibt es nicht: der Monat hat 28 Tage"),
        ("10.13.2026", "„10.13.2026“ gibt es nicht: ein Jahr hat 12 Monate"),
        ("31. Februar 2026", "„31. Februar 2026“ gibt es nicht: der Monat hat 28 Tage"),
        ("Mi, 10.03.2026", "„Mi, 10.03.2026“: dieser Tag ist ein Dienstag – bitte Datum oder Wochentag berichtigen"),
    ],
)
def test_a_day_the_calendar_does_not_have_is_said_as_such(value: str, message: str) -> None:
    code, said = refused(parse_date, value)
    assert code in (Code.CELL_DATE_NO_SUCH_DAY, Code.CELL_DATE_NO_SUCH_MONTH, Code.CELL_DATE_WEEKDAY) and said.startswith(message)


@pytest.mark.parametrize(
    "value",
    [
        "10/03/2026",
        "März 2026",
        "",
        True,
        0,
        1,
        "10.03.2026 extra",
        "31.02.0000",
        "10. Brumaire 2026",
        "10. März",
        "Domino 10.03.2026",
    ],
)
def test_impossible_or_unknown_dates_ask_for_tt_mm_jjjj(value: object) -> None:
    code, message = refused(parse_date, value)
    assert code is Code.CELL_DATE and message.startswith("Datum TT.MM.JJJJ erwartet")


def test_a_date_cell_of_0_or_below_read_as_a_time_says_it_holds_no_day(tmp_path: Any) -> None:
    """The reader gives such a cell's time of day; it was said as „00:00:00“ gefunden."""
    import openpyxl  # noqa: PLC0415

    from estimator.io.excel import read_plan  # noqa: PLC0415
    from tests.estimator.workbooks import write_workbook  # noqa: PLC0415

    fees = [
        [-5, "16", "GOZ", "2210", "Krone", 1, 2.3, 217.06],
        [dt.datetime(2026, 3, 10), None, "GOZ", "0010", "U", 1, 2.3, 12.94],
    ]
    path = write_workbook(tmp_path / "p.xlsx", fees)
    book = openpyxl.load_workbook(path)
    book["Leistungen"]["A2"].number_format = "DD.MM.YYYY"
    book.save(path)
    plan = read_plan(path)
    (said,) = [f for f in plan.input_findings if f.row == 2 and f.column == "A"]
    assert text(said.phrase).endswith(
        "hält aber keinen Tag (nur die Uhrzeit 00:00: die Zahl 0, ein Bruchteil oder eine negative Zahl) – bitte den Tag eintragen"
    )
    assert refused(parse_date, dt.time(12, 0))[0] is Code.CELL_DATE_TIME_ONLY


@pytest.mark.parametrize("value", ["31.12.1899", "01.01.2201", dt.date(1899, 12, 31), 2_958_465])
def test_dates_outside_1900_to_2200_name_the_allowed_years(value: object) -> None:
    code, message = refused(parse_date, value)
    assert code is Code.CELL_DATE_RANGE and message.startswith("Datum zwischen 1900 und 2200 erwartet")


@pytest.mark.parametrize("value", ["ja", "JA ", "j", "x", "X", "yes", "WAHR", "true", "1", 1, True, "Ja!"])
def test_yes(value: object) -> None:
    assert parse_yes_no(value) is True


@pytest.mark.parametrize("value", ["nein", "Nein.", "n", "no", "FALSCH", "0", 0, "-", "", None, False])
def test_no(value: object) -> None:
    assert parse_yes_no(value) is False


@pytest.mark.parametrize("value", ["vielleicht", "n/a", "2", "jein"])
def test_neither_yes_nor_no_is_refused(value: str) -> None:
    assert refused(parse_yes_no, value) == (Code.CELL_YES_NO, f"„ja“ oder „nein“ erwartet, „{value}“ gefunden")


def test_classes_in_any_case_and_empty_for_none() -> None:
    assert [parse_class(v) for v in ("a", " B ", "p", "X")] == [LineClass.A, LineClass.B, LineClass.P, LineClass.X]
    assert parse_class("") is None and parse_class(None) is None and parse_class("  ") is None
    for value in ("C", "AB", "Klasse A"):
        assert refused(parse_class, value) == (Code.CELL_CLASS, f"Klasse A, B, P oder X erwartet, „{value}“ gefunden")


@pytest.mark.parametrize("value", ["BM5/2", "bm5/2", "BM5-2", "BM 5 / 2", "BM52", "2", "/2"])
def test_a_variant_written_loosely_is_found(value: str) -> None:
    assert parse_variant(value, VARIANTS) == "BM5/2"


@pytest.mark.parametrize("value", ["4", "BM5/20", "BM6/2", ""])
def test_an_unknown_variant_lists_the_known_ones(value: str) -> None:
    code, message = refused(lambda v: parse_variant(v, VARIANTS), value)
    assert code is Code.CELL_VARIANT and message.startswith("Tarif BM5/0, BM5/1, BM5/2 oder BM5/3 erwartet")


def test_case_files_store_numbers_in_machine_form_only() -> None:
    assert machine_decimal("217.06") == D("217.06") and machine_decimal(-3) == D(-3)
    assert refused(machine_decimal, "217,06")[0] is Code.CELL_NUMBER_FOUND
    assert refused(machine_decimal, "1e3")[0] is Code.CELL_NUMBER_FOUND
    assert refused(machine_decimal, 1.5) == (Code.CELL_NUMBER_TEXT, "Zahl als Text erwartet, „1.5“ gefunden")
    assert refused(machine_decimal, True)[0] is Code.CELL_NUMBER_TEXT


def test_a_long_text_is_shortened_at_a_word_and_marked() -> None:
    from estimator.cells import short_text  # noqa: PLC0415

    text = "Versorgung eines Zahnes durch eine Vollkrone (Hohlkehl- oder Stufenpräparation), einschließlich Aufbau"
    assert short_text(text, 60) == "Versorgung eines Zahnes durch eine Vollkrone (Hohlkehl …"
    assert short_text(text, len(text)) == text
    assert all(len(short_text(text, limit)) <= limit for limit in range(4, len(text)))
    assert short_text("x" * 100, 20) == "x" * 18 + " …"  # no space to cut at: cut in the word


@pytest.mark.parametrize(
    ("value", "factor"),
    [("2,3fach", "2.3"), ("2,3-fach", "2.3"), ("3,5 x", "3.5"), ("1,8×", "1.8"), ("x 2,3", "2.3"), ("× 3,5", "3.5")],
)
def test_a_factor_written_with_times_as_exports_write_it(value: str, factor: str) -> None:
    assert parse_factor(value) == D(factor)


def test_a_count_written_with_times_and_what_stays_no_number() -> None:
    assert parse_count("1x") == D(1) and parse_count("2 X") == D(2)
    for value in ("x", "fach", "2,3fach fach", "2x3"):
        code, _ = refused(parse_count, value)
        assert code is Code.CELL_NUMBER_FOUND, value


def test_a_long_text_is_read_whole_not_cut_before_the_word_for_times_is_taken_off() -> None:
    spaced = "1" + " " * 50 + "234"  # no grouping of thousands: refused by the number's own rule, as a whole
    assert refused(parse_count, spaced)[0] is refused(parse_decimal, spaced)[0] is Code.CELL_NUMBER_FOUND
    assert parse_count("1 234") == parse_decimal("1 234") == D(1234)  # a space between thousands stays one


def test_a_space_groups_thousands_only_and_a_zero_has_no_sign() -> None:
    assert parse_decimal("1 234,56") == D("1234.56") and parse_decimal("12\u00a0500") == D(12500)
    for value in ("1 1", "22 10", "1 23", "12 3456"):  # „1 1“ was read as 11
        assert refused(parse_decimal, value)[0] is Code.CELL_NUMBER_FOUND, value
    assert str(parse_decimal("-0")) == "0" and str(parse_decimal(-0.0)) == "0.0"  # written -0,00 before


@pytest.mark.parametrize(
    ("parse", "value", "german", "english"),
    [
        (parse_amount, -217.06, "„-217,06“ gefunden", "“-217.06”"),
        (parse_count, 2.5e15, "„2500000000000000“ gefunden", "“2500000000000000”"),
        (parse_factor, 0, "„0“ gefunden", "“0”"),
        (parse_factor, -0.0, "„0“ gefunden", "“0”"),  # no „-0“
        (parse_factor, 1e-300, "„1e-300“ gefunden", "“1e-300”"),  # not three hundred digits
        (parse_amount, 10**400, f"„1{'0' * 38}…“ gefunden", "“10000"),  # no float: no overflow
    ],
)
def test_a_workbook_number_out_of_range_is_quoted_as_the_reader_writes_it(
    parse: Callable[[Any], object], value: object, german: str, english: str
) -> None:
    with pytest.raises(CellError) as error:
        parse(value)
    assert text(error.value.phrase).endswith(german)
    assert english in text(error.value.phrase, "en")


def test_a_boolean_cell_is_no_fee_number() -> None:
    # a cell WAHR in the Nr column was the fee number „True“, named among a lab line's services
    assert refused(parse_code, True)[0] is Code.CELL_CODE and refused(parse_code, False)[0] is Code.CELL_CODE
    assert parse_code(2210) == "2210" and parse_code(" I  112 ") == "I 112"


@pytest.mark.parametrize("typed", ["1,500", "12,345 €", " 2,300 ", "999,999", "€ 1,500", "EUR 1,500", "1,500\u200b"])
def test_an_amount_written_with_three_places_after_one_comma_is_asked_about(typed: str) -> None:
    """1,50 € with a slip, or 1.500 € grouped as English writes it: a text is not read as either."""
    with pytest.raises(CellError) as refused:
        parse_amount(typed)
    assert refused.value.phrase.code is Code.CELL_AMOUNT_THOUSANDS
    grouped = typed.replace("\u200b", "").replace("EUR", "").strip(" €").replace(",", ".")
    assert text(refused.value.phrase).endswith(f"– für Tausend und mehr bitte „{grouped}“ schreiben")


@pytest.mark.parametrize(
    ("typed", "amount"), [("1,50", "1.50"), ("1.500", "1500"), ("1,000.00", "1000.00"), ("0,125", "0.125"), (1.5, "1.5")]
)
def test_an_amount_that_says_which_it_is_is_read(typed: object, amount: str) -> None:
    assert parse_amount(typed) == D(amount)


def test_a_unit_price_and_an_english_typed_amount_are_not_asked_about() -> None:
    """A unit price may have more places than cents; „1.500“ typed in the English window is 1,5."""
    from estimator.cells import amount_as_taken  # noqa: PLC0415
    from estimator.figures import typed  # noqa: PLC0415

    assert amount_as_taken("12,345") == D("12.345")
    assert parse_amount(typed("1.500", "en")) == D("1.5") and parse_amount(typed("1,500", "en")) == D("1500")
