"""What the program says, as records: a code and typed values. estimator.wording turns a phrase into German or
English; nothing below the wording decides how a sentence reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Union

from estimator.codes import Code
from estimator.kinds import Cause, LineClass, Schedule


class Money(Decimal):
    """An amount in euros: 1.234,56 € / €1,234.56."""


class Price(Money):
    """A unit price as written, with a third or fourth place where it has one: 61,50 € / 61,555 € (kept in a file
    as an amount, which every version reads)."""


class Number(Decimal):
    """A count, factor or VAT rate as written: 2,3 / 2.3."""


class Factor(Decimal):
    """A factor (Steigerungssatz) as a fee table writes it, with at least one place: 2,3 / 4,0."""


class Percent(Decimal):
    """A rate 0.80, said as 80 %."""


@dataclass(frozen=True, slots=True)
class Term:
    """A name the tariff profile (or the program) gives in both languages."""

    de: str
    en: str


@dataclass(frozen=True, slots=True)
class LineRef:
    """A plan line as a message names it: "GOZ nnnn, Zahn 16" (lab lines: schedule None)."""

    schedule: Schedule | None
    number: str
    teeth: str = ""
    lines: int = 1  # more: the letter's one finding for several lines of this number (estimator.wording.grouped)


@dataclass(frozen=True, slots=True)
class Jaw:
    """OK (upper) or UK (lower)."""

    code: str


Param = Union[  # a Price is a Money
    Money, Number, Factor, Percent, int, str, bool, dt.date, Term, LineRef, Jaw, LineClass, Cause, "Phrase", tuple["Param", ...]
]


@dataclass(frozen=True, slots=True)
class Phrase:
    """A sentence or part of one: what to say (code) and the values to say it with."""

    code: Code
    params: tuple[tuple[str, Param], ...] = ()

    def get(self, name: str) -> Param | None:
        return next((value for key, value in self.params if key == name), None)


def say(code: Code, /, **params: Param) -> Phrase:
    return Phrase(code, tuple(params.items()))


class PhraseError(ValueError):
    """An error whose message is a phrase (estimator.wording says it); str() gives the code for logs."""

    def __init__(self, phrase: Phrase) -> None:
        super().__init__(phrase.code.value)
        self.phrase = phrase


def some(values: tuple[Param, ...], most: int = 6) -> tuple[Param, ...]:
    """A list as a sentence says it: a long one by its first and its last, „…“ between (4.000 days said whole in each
    of 4.000 findings took minutes to write)."""
    return values if len(values) <= most else (*values[: most - 2], Term("…", "…"), values[-1])


BY_HAND = Term("von Hand", "by hand")  # the rule of a step the user decided
REVIEW = Term("Prüfung", "review")  # the rule of a reviewer's decision
Rule = str | Term  # a tariff section as the tariff names it, or one of the two above
