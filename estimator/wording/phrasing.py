"""A phrase in words: its template in the language, each value written as the language writes it (a step of a
3,000-line plan's JSON names some 50,000 values, so a value finds its form by its type in one look-up)."""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Callable, Mapping
from decimal import Decimal
from types import ModuleType
from typing import Any, Literal

from estimator import figures
from estimator.kinds import Cause, LineClass
from estimator.money import price_places
from estimator.phrases import Factor, Jaw, LineRef, Money, Number, Percent, Phrase, Price, Term
from estimator.wording import de, en

Language = Literal["de", "en"]
LANGUAGES: dict[str, ModuleType] = {"de": de, "en": en}


def known_language(language: str) -> str:
    return language if language in LANGUAGES else "de"


def text(phrase: Phrase, language: str = "de") -> str:
    """A phrase in words."""
    language = known_language(language)
    return formatted(LANGUAGES[language].TEMPLATES[phrase.code], dict(phrase.params), language)


def _whole(value: int, language: str) -> str:
    return f"{value:,}".replace(",", "." if language == "de" else ",")


def _choice(spec: str, first: bool, figure: str) -> str:
    """ "one|many #": the first form when `first`, else the second, with # for the figure."""
    one, _, other = spec.partition("|")
    return (one if first else other).replace("#", figure)


def _line(ref: LineRef, spec: str, language: str) -> str:
    words = LANGUAGES[language].LINE
    lab = f"{words['lab']} {ref.number}" if any(c.isdigit() for c in ref.number) or not ref.number else ref.number
    what = f"{ref.schedule.value} {ref.number}" if ref.schedule is not None else lab  # a material row's word names it
    count = f" ({words['lines'].replace('#', str(ref.lines))})" if ref.lines > 1 else ""
    if spec == "nr" or not ref.teeth:
        return what + count
    jaw = LANGUAGES[language].JAW_PLACES.get(re.sub(r"[\s,;+/]+", "/", ref.teeth.upper()).replace("UK/OK", "OK/UK"))
    if jaw is not None:  # a lab line on a whole jaw is "…, Oberkiefer", not "…, Zahn OK"
        return f"{what} {words['in']} {jaw}{count}" if spec == "on" else f"{what}, {jaw}{count}"
    several = ref.lines > 1 and ", " in ref.teeth  # the teeth of several lines (grouped)
    if spec == "on":
        return f"{what} {words['on_teeth' if several else 'on']} {ref.teeth}{count}"
    return f"{what}, {words['teeth' if several else 'tooth']} {ref.teeth}{count}"


def _bool(value: bool, spec: str, _language: str) -> str:
    return _choice(spec, value, "") if spec else str(value).lower()


def _class(value: LineClass, spec: str, language: str) -> str:
    words = LANGUAGES[language]
    return str((words.CLASS_SHORT if spec == "short" else words.CLASS_LONG)[value.value])


def _money(value: Money, spec: str, language: str) -> str:
    return _choice(spec, value == 0, figures.money(value, language)) if spec else figures.money(value, language)


def _number(value: Decimal, spec: str, language: str) -> str:
    return _choice(spec, value == 1, figures.number(value, language)) if spec else figures.number(value, language)


def _int(value: int, spec: str, language: str) -> str:
    """ "one|many #", or a form for 1, 2, 3 … and a last one for every larger figure ("im ersten Versicherungsjahr|im
    ersten und zweiten Versicherungsjahr|in den ersten drei …|in den ersten # …", as the tariff words its caps)."""
    if spec == ",":
        return _whole(value, language)
    forms = spec.split("|")
    if len(forms) > 2:
        return forms[min(max(value, 1), len(forms)) - 1].replace("#", str(value))
    return _choice(spec, value == 1, str(value)) if spec else str(value)


def _list(value: tuple[Any, ...], spec: str, language: str) -> str:
    parts = spec.split("|") if spec else [", "]
    separator, last = parts[0], parts[1] if len(parts) > 1 else parts[0]
    items = [value_text(item, parts[2] if len(parts) > 2 else "", language) for item in value]
    return separator.join(items[:-1]) + last + items[-1] if len(items) > 1 else "".join(items)


def _plain(value: object, spec: str, _language: str) -> str:
    if spec.startswith("?"):
        return f"{spec[1:]}{value}" if value else ""
    return str(value)


Writer = Callable[[Any, str, str], str]
# How each kind of value is written, in the order a value is tried against them: a subclass before its base (a bool
# is an int, a Price a Money, a Money a Decimal, a class a str); any other value as it prints (_plain).
WRITERS: dict[type, Writer] = {
    Phrase: lambda value, _spec, language: text(value, language),
    Term: lambda value, _spec, language: value.de if language == "de" else value.en,
    bool: _bool,
    LineClass: _class,
    Cause: lambda value, _spec, language: str(LANGUAGES[language].CAUSES[value.value]),
    Price: lambda value, _spec, language: figures.money(value, language, price_places(value)),
    Money: _money,
    Percent: lambda value, _spec, language: figures.percent(value, language),
    Factor: lambda value, _spec, language: figures.factor(value, language),
    Decimal: _number,
    int: _int,
    dt.date: lambda value, _spec, language: figures.date(value, language),
    LineRef: _line,
    Jaw: lambda value, _spec, language: str(LANGUAGES[language].JAWS[value.code]),
    tuple: _list,
}
_BY_TYPE: dict[type, Writer] = {**WRITERS, Number: WRITERS[Decimal], str: _plain}  # the usual types, found at once


def value_text(value: Any, spec: str, language: str) -> str:
    """One value as the language writes it; spec chooses the form (see estimator.wording.de)."""
    writer = _BY_TYPE.get(type(value))
    if writer is None:  # a subclass or another type: the first kind it is, in order
        writer = next((w for kind, w in WRITERS.items() if isinstance(value, kind)), _plain)
    return writer(value, spec, language)


Pieces = tuple[tuple[str, str | None, str], ...]
_PIECES: dict[str, Pieces] = {}


def _pieces(template: str) -> Pieces:
    """A template taken apart once: (text, value name or None, form) in order (the templates use plain fields)."""
    pieces = _PIECES.get(template)
    if pieces is None:
        pieces = tuple((literal, name, spec or "") for literal, name, spec, _ in string.Formatter().parse(template))
        _PIECES[template] = pieces
    return pieces


def formatted(template: str, values: Mapping[str, Any], language: str) -> str:
    return "".join(
        literal + value_text(values[name], spec, language) if name is not None else literal
        for literal, name, spec in _pieces(template)
    )
