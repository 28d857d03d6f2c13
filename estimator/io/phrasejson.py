"""Phrases in case files: each value tagged with its type, read back as hostile input (known codes, the values
their sentences name, bounded depth, lengths and counts)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from estimator.cells import MAX_TEXT, CellError, machine_decimal, parse_date
from estimator.codes import Code
from estimator.kinds import Cause, LineClass, Schedule
from estimator.phrases import Factor, Jaw, LineRef, Money, Number, Param, Percent, Phrase, Term
from estimator.wording import fields_of

MAX_DEPTH = 6
MAX_ITEMS = 200  # values of one phrase, items of one list
NUMBERS: dict[str, type[Decimal]] = {"money": Money, "number": Number, "factor": Factor, "percent": Percent}


class PhraseDataError(ValueError):
    """A phrase in a file that cannot be used; the message says why in German."""


def phrase_data(phrase: Phrase) -> dict[str, Any]:
    return {"code": phrase.code.value, "params": {name: _value_data(value) for name, value in phrase.params}}


def _value_data(value: Param) -> Any:
    if isinstance(value, Phrase):
        return {"phrase": phrase_data(value)}
    if isinstance(value, tuple):
        return {"list": [_value_data(item) for item in value]}
    for tag, kind in NUMBERS.items():
        if isinstance(value, kind):
            return {tag: str(value)}
    if isinstance(value, (LineClass, Cause)):
        return {"class" if isinstance(value, LineClass) else "cause": value.value}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, Term):
        return {"term": {"de": value.de, "en": value.en}}
    if isinstance(value, LineRef):
        schedule = value.schedule.value if value.schedule else None
        return {"line": {"schedule": schedule, "number": value.number, "teeth": value.teeth}}
    if isinstance(value, Jaw):
        return {"jaw": value.code}
    return value  # str, int, bool


def phrase_from_data(data: Any, depth: int = 0) -> Phrase:
    """A phrase from its file form; PhraseDataError when the code is unknown or a value does not fit."""
    if depth > MAX_DEPTH:
        raise PhraseDataError("zu tief verschachtelt")
    if not isinstance(data, dict) or set(data) != {"code", "params"} or not isinstance(data["params"], dict):
        raise PhraseDataError("Objekt mit code und params erwartet")
    try:
        code = Code(data["code"])
    except ValueError:
        raise PhraseDataError(f"unbekannter Code „{str(data['code'])[:40]}“") from None
    params = data["params"]
    if set(params) != fields_of(code) or len(params) > MAX_ITEMS:
        raise PhraseDataError(f"{code.value}: Werte {', '.join(sorted(fields_of(code)))} erwartet")
    return Phrase(code, tuple((str(name), _value(value, depth + 1)) for name, value in params.items()))


LARGEST = 10**12  # no amount, count or rate of a plan comes near it


def _text(value: Any, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise PhraseDataError(f"Text bis {limit} Zeichen erwartet")
    return value


def _value(data: Any, depth: int) -> Param:
    if isinstance(data, (bool, int)):
        if isinstance(data, int) and not isinstance(data, bool) and abs(data) > LARGEST:
            raise PhraseDataError("Zahl zu groß")
        return data
    if isinstance(data, str):
        return _text(data)
    if not isinstance(data, dict) or len(data) != 1:
        raise PhraseDataError("Wert mit genau einer Art erwartet")
    ((tag, inner),) = data.items()
    try:
        return _tagged(tag, inner, depth)
    except (CellError, ValueError, TypeError, KeyError) as error:
        if isinstance(error, PhraseDataError):
            raise
        raise PhraseDataError(f"Wert „{tag}“ passt nicht") from None


def _tagged(tag: str, inner: Any, depth: int) -> Param:
    if tag == "phrase":
        return phrase_from_data(inner, depth)
    if tag == "list":
        if not isinstance(inner, list) or len(inner) > MAX_ITEMS:
            raise PhraseDataError(f"Liste mit höchstens {MAX_ITEMS} Einträgen erwartet")
        return tuple(_value(item, depth + 1) for item in inner)
    if tag in NUMBERS:
        value = machine_decimal(inner)
        if not value.is_finite() or abs(value) > LARGEST:
            raise PhraseDataError("Zahl zu groß")
        number: Money | Number | Factor | Percent = NUMBERS[tag](value)  # type: ignore[assignment]
        return number
    if tag == "class":
        return LineClass(inner)
    if tag == "cause":
        return Cause(inner)
    if tag == "date":
        return parse_date(_text(inner, 10))
    if tag == "term":
        if not isinstance(inner, dict) or set(inner) != {"de", "en"}:
            raise PhraseDataError("Begriff mit de und en erwartet")
        return Term(_text(inner["de"]), _text(inner["en"]))
    if tag == "line":
        if not isinstance(inner, dict) or set(inner) != {"schedule", "number", "teeth"}:
            raise PhraseDataError("Zeile mit schedule, number und teeth erwartet")
        schedule = None if inner["schedule"] is None else Schedule(inner["schedule"])
        return LineRef(schedule, _text(inner["number"], 20), _text(inner["teeth"], 100))
    if tag == "jaw":
        if inner not in ("OK", "UK"):
            raise PhraseDataError("Kiefer OK oder UK erwartet")
        return Jaw(inner)
    raise PhraseDataError(f"unbekannte Art „{tag[:20]}“")
