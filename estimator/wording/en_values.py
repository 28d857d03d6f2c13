"""The English words for what is wrong with one value: a cell of a plan, a field of the window, an option."""

from __future__ import annotations

from estimator.codes import Code

C = Code
VALUES: dict[Code, str] = {
    C.CELL_AMOUNT_RANGE: "amount from 0 to {high} expected, found “{value}”",
    C.CELL_CLASS: "class A, B, P or X expected, found “{value}”",
    C.CELL_COUNT_RANGE: "count greater than 0 and at most {high:,} expected, found “{value}”",
    C.CELL_QUANTITY_RANGE: "quantity greater than 0 and at most {high:,} expected, found “{value}”",
    C.CELL_CODE: "number of 1 to {limit} characters expected, found “{value}”",
    C.CELL_DATE: "date YYYY-MM-DD or DD.MM.YYYY expected, found “{value}”",
    C.CELL_ISO_DAY_OR_SESSION: "date YYYY-MM-DD or a session such as “2. Sitzung” expected, found “{value}”",
    C.CELL_DAY_OR_SESSION: "date YYYY-MM-DD or DD.MM.YYYY, or a session such as “2. Sitzung”, expected, found “{value}”",
    C.CELL_DATE_TIME_ONLY: "date YYYY-MM-DD or DD.MM.YYYY expected; the cell is formatted as a date but holds no day (only "
    "the time {value}: the number 0, a fraction or a negative number) – please enter the day",
    C.CELL_DATE_NO_SUCH_DAY: "“{value}” does not exist: the month has {days} days (date YYYY-MM-DD or DD.MM.YYYY)",
    C.CELL_DATE_NO_SUCH_MONTH: "“{value}” does not exist: a year has 12 months (date YYYY-MM-DD or DD.MM.YYYY)",
    C.CELL_DATE_WEEKDAY: "“{value}”: that day is a {weekday} – please correct the date or the weekday",
    C.CELL_DATE_RANGE: "date between {first} and {last} expected, found “{value}”",
    C.CELL_BIRTH_FUTURE: "“{value}” lies in the future – a birth date is a day past (the year mistyped?)",
    C.CELL_EMPTY: "empty – a value is needed (or delete the line)",
    C.CELL_FACTOR_RANGE: "factor greater than 0 and at most {high} expected, found “{value}”",
    C.CELL_IMPLANTS_RANGE: "implants per jaw from 0 to {high} expected, found “{value}”",
    C.CELL_ISO_DATE: "date YYYY-MM-DD expected, found “{value}”",
    C.CELL_SESSION: "session such as “2. Sitzung” or “Folgetermin” expected, found “{value}”",
    C.CELL_NUMBER: "number expected",
    C.CELL_NUMBER_AS_DATE: "number expected, date “{value}” found – the cell is probably formatted as a date (as a "
    "number: {number}); please format it as a number",
    C.CELL_NUMBER_FOUND: "number expected, found “{value}”",
    C.CELL_NUMBER_TEXT: "number as text expected, found “{value}”",
    C.CELL_PLACES: "at most {places} decimal places, found “{value}”",
    C.CELL_AMOUNT_THOUSANDS: "at most {places} decimal places, found “{value}” – for a thousand and more please write "
    "“{thousands}”",
    C.CELL_SCHEDULE: "GOZ or GOÄ expected (for lab lines Labor, BEB, BEL or Material), found “{value}”",
    C.CELL_TEETH_TEXT: "teeth as text expected, found “{value}”",
    C.CELL_TEXT: "text expected, found “{value}”",
    C.CELL_TEXT_TOO_LONG: "at most {limit:,} characters, {length:,} entered",
    C.CELL_VARIANT: "tariff {variants:, | or } expected, found “{value}”",
    C.CELL_POSTCODE: "postcode expected (such as 12345 or A-1010), found “{value}”",
    C.CELL_VAT_RANGE: "VAT rate from 0 to {high}% expected, found “{value}”",
    C.CELL_WHOLE_NUMBER: "whole number expected, found “{value}”",
    C.CELL_YES_NO: "“yes” or “no” expected, found “{value}”",
    C.TOOTH_NOT_FDI: "“{token}” is not an FDI tooth number (expected 11–18, 21–28, 31–38, 41–48 or deciduous teeth 51–55, "
    "61–65, 71–75, 81–85; also as a range “13-23”, a jaw “OK”, a quadrant “Q1” or with surfaces “16 mod”)",
    C.TOOTH_RANGE_BOTH_JAWS: "range {first}-{last} spans both jaws; please give it per jaw",
    C.TOOTH_RANGE_MIXED: "range {first}-{last} mixes deciduous and permanent teeth",
    C.TOOTH_TEXT_TOO_LONG: "teeth given in {length} characters; at most {limit}",
}
