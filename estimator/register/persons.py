"""Who a case of the register is: the persons of one insurance number told apart – a family's contract shares it, a
template keeps its sample number – by birth date and first names, while a last name changed (a marriage), an
initial, a title and a typo of one letter are the same person's."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from enum import Enum
from typing import NamedTuple

from estimator.invisible import without_invisible

MAX_PERSONS = 20  # persons of one insurance number compared pairwise; more are several
TYPO_LENGTH = 5  # a word this long may differ from another by one letter and be the same („Musterman“)
TITLE_WORDS = frozenset({"dr", "prof", "med", "dent", "dipl", "ing", "rer", "nat", "phil", "habil", "hc", "mult", "frau", "herr"})
PARTICLES = frozenset({"von", "v", "van", "de", "der", "den", "zu", "vom", "zum", "di", "da", "du", "le", "la", "ten", "ter"})
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})  # after casefold, which makes ß "ss"


class Match(Enum):
    SAME = "same"
    RENAMED = "renamed"  # the first names agree, the last name does not: a name changed (a marriage)
    OTHER = "other"
    UNKNOWN = "unknown"  # a name without first or last name, or none


class Name(NamedTuple):
    first: tuple[str, ...]
    last: tuple[str, ...]


def name_key(name: str) -> str:
    """A name as the register compares it: case, spacing and the spelling of umlauts (Müller, Mueller) do not
    matter, nor a comma between the parts („Schmidt, Erika“), nor characters that print as nothing."""
    return " ".join(without_invisible(name).casefold().translate(UMLAUTS).replace(",", " ").split())


def _words(text: str) -> tuple[str, ...]:
    plain = unicodedata.normalize("NFKD", name_key(text).replace("-", " ").replace(".", " "))
    words = "".join(c for c in plain if not unicodedata.combining(c)).split()
    return tuple(word for word in words if word not in TITLE_WORDS and word not in PARTICLES)


def name_parts(name: str) -> Name | None:
    """A name's first names and last name: „Schmidt, Erika“ by its comma, else its last word (a double name's hyphen
    keeps it one, „Müller-Lüdenscheidt“); accents, dots, titles and particles aside. None without both."""
    last, comma, first = name.partition(",")
    if not comma:
        words = name.split()
        first, last = " ".join(words[:-1]), " ".join(words[-1:])
    parts = Name(_words(first), _words(last))
    return parts if parts.first and parts.last else None


def _one_apart(one: str, other: str) -> bool:
    """Whether two words differ by one letter changed, added or left out."""
    if abs(len(one) - len(other)) > 1:
        return False
    short, long = sorted((one, other), key=len)
    k = next((k for k, (a, b) in enumerate(zip(short, long, strict=False)) if a != b), len(short))
    return short[k + (len(short) == len(long)) :] == long[k + 1 :]


def _same_word(one: str, other: str) -> bool:
    if one == other or (len(one) == 1 and other.startswith(one)) or (len(other) == 1 and one.startswith(other)):
        return True
    return min(len(one), len(other)) >= TYPO_LENGTH and _one_apart(one, other)


def _fits(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether the words of one part of a name are in the other's, in any order (the fewer in the more)."""
    short, long = sorted((one, other), key=len)
    return all(any(_same_word(word, it) for it in long) for word in short)


def names_match(one: str, other: str) -> Match:
    """How two names compare: the first names tell persons apart, the last name may have changed."""
    a, b = name_parts(one), name_parts(other)
    if a is None or b is None:
        return Match.UNKNOWN
    if not _fits(a.first, b.first):
        return Match.OTHER
    return Match.SAME if _fits(a.last, b.last) else Match.RENAMED


def person_match(name: str, birth: dt.date | None, other_name: str, other_birth: dt.date | None) -> Match:
    """Whether two records are one person's: two birth dates must be equal and the first names not differ (twins
    share a birth date); without one of the birth dates the names decide."""
    names = names_match(name, other_name)
    if birth and other_birth:
        return Match.OTHER if birth != other_birth or names is Match.OTHER else Match.SAME
    return names


def several_persons(people: Iterable[tuple[str, dt.date | None]]) -> bool:
    """Whether records (name, birth date) are of more than one person (more than MAX_PERSONS different ones: a
    number a template keeps)."""
    distinct = list({(tuple(_words(name)), birth): (name, birth) for name, birth in people}.values())
    if len(distinct) > MAX_PERSONS:
        return True
    return any(person_match(*one, *other) is Match.OTHER for k, one in enumerate(distinct) for other in distinct[k + 1 :])
