"""Who a case of the register is: the persons of one insurance number told apart – a family's contract shares it, a
template keeps its sample number – by birth date and first names, while a last name changed (a marriage), an
initial or abbreviation, a title and the order of the names are the same person's; "jun." and "sen." are two."""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import NamedTuple

from estimator.invisible import without_invisible
from estimator.model import Person
from estimator.register.entry import Entry

MAX_PERSONS = 20  # persons of one insurance number compared pairwise; more are several
TITLE_WORDS = frozenset({"dr", "prof", "med", "dent", "dipl", "ing", "rer", "nat", "phil", "habil", "hc", "mult", "frau", "herr"})
PARTICLES = frozenset({"von", "v", "van", "de", "der", "den", "zu", "vom", "zum", "di", "da", "du", "le", "la", "ten", "ter"})
GENERATIONS = {"jun": "jun", "junior": "jun", "jr": "jun", "sen": "sen", "senior": "sen", "sr": "sen"}
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})  # after casefold, which makes ß "ss"


class Match(Enum):
    SAME = "same"
    PARTLY = "partly"  # the names agree in part (a last name changed, a first name more): maybe the same person
    OTHER = "other"
    UNKNOWN = "unknown"  # a name without first or last name, or none


class Name(NamedTuple):
    first: tuple[str, ...]
    last: tuple[str, ...]
    generation: str  # "jun", "sen" or ""


def name_key(name: str) -> str:
    """A name as the register compares it: case, spacing and the spelling of umlauts (Müller, Mueller) do not
    matter, nor a comma between the parts („Schmidt, Erika“), nor characters that print as nothing."""
    return " ".join(without_invisible(name).casefold().translate(UMLAUTS).replace(",", " ").split())


def _tokens(text: str) -> list[str]:
    """A part of a name as words: name_key's, accents dropped (José, Jose), a hyphen a space (Müller-Lüdenscheidt),
    a word cut short kept with its dot („chr.“) – titles and forms of address („Dr. med.“, „Frau“) left out."""
    plain = unicodedata.normalize("NFKD", name_key(text).replace("-", " ").replace(".", ". "))
    words = "".join(c for c in plain if not unicodedata.combining(c)).split()
    return [word for word in words if word != "." and word.rstrip(".") not in TITLE_WORDS]


def _part(words: list[str]) -> tuple[str, ...]:
    """The words that name: without particles („von“, „de“) – unless nothing else is left („Anh Le“)."""
    named = tuple(word for word in words if word.rstrip(".") not in PARTICLES)
    return named or tuple(words)


def name_parts(name: str) -> Name | None:
    """A name's first names and last name: „Schmidt, Erika“ by its comma, else its last word (a double name's hyphen
    keeps it one, „Müller-Lüdenscheidt“), with "jun."/"sen." apart; None without both."""
    before, comma, after = name.partition(",")
    words = _tokens(after if comma else name)
    last = _tokens(before) if comma else []
    generation = next((GENERATIONS[w.rstrip(".")] for w in (*words, *last) if w.rstrip(".") in GENERATIONS), "")
    words, last = ([w for w in part if w.rstrip(".") not in GENERATIONS] for part in (words, last))
    first, last = (words, last) if comma else (words[:-1], words[-1:])
    parts = Name(_part(first), _part(last), generation)
    return parts if parts.first and parts.last else None


def _same_word(one: str, other: str) -> bool:
    """One word for another: the same, or one an initial or cut short („E.“, „Chr.“) of the other."""
    if one.rstrip(".") == other.rstrip("."):
        return True
    short, long = sorted((one, other), key=lambda word: (not word.endswith("."), len(word)))
    stem = short.rstrip(".")
    return (short.endswith(".") or len(stem) == 1) and long.rstrip(".").startswith(stem)


def _fits(one: Sequence[str], other: Sequence[str]) -> bool:
    """Whether the words of one name (part) are in the other's, in any order (the fewer in the more)."""
    short, long = sorted((one, other), key=len)
    return all(any(_same_word(word, it) for it in long) for word in short)


def _one_to_one(one: Sequence[str], other: Sequence[str]) -> bool:
    """Whether two names have the same words in any order, each once (an initial or abbreviation for its word)."""
    left = list(other)
    for word in one:
        found = next((k for k, it in enumerate(left) if _same_word(word, it)), None)
        if found is None:
            return False
        del left[found]
    return not left


def names_match(one: str, other: str) -> Match:
    """How two names compare: the same words in any order are the same name („Mustermann Erika“), "jun." and "sen."
    two persons, first names that do not fit two persons; a name that only partly agrees – a last name changed, a
    first name more („Hans-Peter“, „Hans“), "jun." on one side, or the order of the words unknown („Mustermann Max“,
    „Mustermann Erika“: two first names or two last names?) – may be the same person (PARTLY)."""
    a, b = name_parts(one), name_parts(other)
    if a is None or b is None:
        return Match.UNKNOWN
    if a.generation and b.generation and a.generation != b.generation:
        return Match.OTHER
    if _one_to_one((*a.first, *a.last), (*b.first, *b.last)):
        return Match.SAME if a.generation == b.generation else Match.PARTLY
    return Match.PARTLY if _fits(a.first, b.first) else Match.OTHER


def person_match(name: str, birth: dt.date | None, other_name: str, other_birth: dt.date | None) -> Match:
    """Whether two records are one person's: two birth dates must be equal and the first names not differ (twins
    share a birth date); without one of the birth dates the names decide."""
    names = names_match(name, other_name)
    if birth and other_birth:
        return Match.OTHER if birth != other_birth or names is Match.OTHER else Match.SAME
    return names


def distinct_people(people: Iterable[tuple[str, dt.date | None]]) -> list[tuple[str, dt.date | None]]:
    """Records (name, birth date) once for each way of writing them."""
    return list({(tuple(_tokens(name)), birth): (name, birth) for name, birth in people}.values())


def several_persons(people: Iterable[tuple[str, dt.date | None]]) -> bool:
    """Whether records (name, birth date) may be of more than one person: two that are others' or only partly named
    alike without a birth date to prove them one (more than MAX_PERSONS different ones: a number a template keeps)."""
    distinct = distinct_people(people)
    if len(distinct) > MAX_PERSONS:
        return True
    apart = (Match.OTHER, Match.PARTLY)
    return any(person_match(*one, *other) in apart for k, one in enumerate(distinct) for other in distinct[k + 1 :])


def _named_as(name: str, people: Sequence[tuple[str, dt.date | None]]) -> bool:
    """Whether a name is written as one of these people's (at most MAX_PERSONS of them looked at)."""
    return len(people) <= MAX_PERSONS and any(names_match(name, other) is Match.SAME for other, _ in people)


def could_be(record: tuple[str, dt.date | None], people: Sequence[tuple[str, dt.date | None]]) -> bool:
    """Whether a record may be one of these people's (they are distinct_people; more than MAX_PERSONS: may)."""
    return len(people) > MAX_PERSONS or any(person_match(*record, *other) is not Match.OTHER for other in people)


class Persons(NamedTuple):
    mine: list[Entry]
    others: tuple[Entry, ...]
    undecided: tuple[Entry, ...]
    partly: tuple[Entry, ...]  # among the undecided: a name that agrees in part (maybe the same person, renamed)
    undecided_by: str  # what would tell them apart: "birth" (this plan's), "name" (its full name), "register" (theirs)


def persons_of(person: Person, entries: list[Entry]) -> Persons:
    """The cases found that are this person's; another person's (another birth date or first name: a family's
    contract, a template's sample number share the insurance number); those not told apart – the plan's birth date
    shared by several persons, the plan without one and the cases several persons', a name that agrees only in part
    and no birth date to prove it, a case that may be another person's of the number – and which of those are named
    partly alike (maybe the same person under a changed name)."""
    plan = (person.name, person.birth_date)
    verdicts = [(entry, person_match(*plan, entry.name, entry.birth_date)) for entry in entries]
    if person.birth_date is None:  # the birth date of the cases named as this plan is, when they have one: its
        named = [(entry.name, entry.birth_date) for entry, verdict in verdicts if verdict is Match.SAME and entry.birth_date]
        if len({birth for _, birth in named}) == 1 and not several_persons(named):
            return persons_of(dataclasses.replace(person, birth_date=named[0][1]), entries)
    others = tuple(entry for entry, verdict in verdicts if verdict is Match.OTHER)
    candidates = [(entry, verdict) for entry, verdict in verdicts if verdict is not Match.OTHER]
    proven = {id(entry) for entry, _ in candidates if person.birth_date and entry.birth_date == person.birth_date}
    if several_persons((entry.name, entry.birth_date) for entry, _ in candidates if id(entry) in proven):  # twins
        return Persons([], others, tuple(entry for entry, _ in candidates), (), "name")
    unproven = [(entry, verdict) for entry, verdict in candidates if id(entry) not in proven]
    alike = [(entry.name, entry.birth_date) for entry, verdict in unproven if verdict is not Match.PARTLY]
    several = several_persons([plan, *alike])  # the plan's person and who else? (a name in part: below)
    proven_names = distinct_people((entry.name, entry.birth_date) for entry, _ in candidates if id(entry) in proven)
    known = distinct_people((entry.name, entry.birth_date) for entry in others)
    undecided = {
        id(entry)
        for entry, verdict in unproven
        if several
        or (verdict is Match.PARTLY and not _named_as(entry.name, proven_names))  # as a case proven the person's
        or (others and verdict is Match.UNKNOWN)
    } | {id(entry) for entry, _ in candidates if could_be((entry.name, entry.birth_date), known)}
    mine = [entry for entry, _ in candidates if id(entry) not in undecided]
    partly = tuple(entry for entry, verdict in candidates if verdict is Match.PARTLY and id(entry) in undecided)
    by = "register" if person.birth_date else "birth"
    return Persons(mine, others, tuple(entry for entry, _ in candidates if id(entry) in undecided), partly, by)
