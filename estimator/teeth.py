"""FDI tooth notation: single teeth, lists, ranges across the midline, jaws (OK, UK)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from estimator.codes import Code
from estimator.invisible import quoted, without_invisible
from estimator.phrases import PhraseError, say

PERMANENT = tuple(q * 10 + p for q in (1, 2, 3, 4) for p in range(1, 9))
DECIDUOUS = tuple(q * 10 + p for q in (5, 6, 7, 8) for p in range(1, 6))
VALID_TEETH = frozenset(PERMANENT + DECIDUOUS)
UPPER_QUADRANTS = (1, 2, 5, 6)
UPPER = frozenset(t for t in VALID_TEETH if t // 10 in UPPER_QUADRANTS)
LOWER = VALID_TEETH - UPPER
MAX_TEETH_TEXT = 100  # characters of a tooth text: every tooth of both jaws as a list is 95
# The surfaces a filling names after its tooth (m, o, d, b, l, p, v, i, z: „16 mod“, „16 m-o-d“, „16 (od)“): the fee
# number says what was done, so the tooth is read and the surfaces stay in the line's text.
SURFACES = re.compile(r"(?<=\d)\s*(?:\((?:[modblpviz][-.]?){1,5}\)|(?:[modblpviz][-.]?){1,5})(?=$|[,;/+\s])", re.IGNORECASE)
QUADRANTS = {f"Q{q}": q for q in (1, 2, 3, 4)}  # „Q1“: the permanent teeth of the first quadrant, 11–18
QUADRANT = {1: 1, 2: 2, 3: 3, 4: 4, 5: 1, 6: 2, 7: 3, 8: 4}  # FDI: the deciduous quadrants lie in the same halves


class ToothError(PhraseError):
    """A tooth text that is not valid FDI notation; the phrase says what is expected."""


@dataclass(frozen=True)
class Teeth:
    """The teeth a line refers to, with the text it was written as."""

    text: str = ""
    teeth: frozenset[int] = frozenset()
    whole_jaw: bool = False  # written as a jaw ("OK", "UK", "OK/UK"), not as single teeth, a list or a range

    def overlaps(self, other: Teeth) -> bool:
        return bool(self.teeth & other.teeth)

    @property
    def jaws(self) -> frozenset[str]:
        return frozenset(jaw_of(t) for t in self.teeth)

    def __str__(self) -> str:
        return self.text


def jaw_of(tooth: int) -> str:
    """OK for the upper jaw (quadrants 1, 2, 5, 6), UK for the lower jaw."""
    return "OK" if tooth in UPPER else "UK"


def region(tooth: int) -> tuple[str, int]:
    """Where the GOZ bills „je Kieferhälfte oder Frontzahnbereich“: the front teeth of a jaw (x1–x3), or the side
    teeth of a jaw half (x4–x8)."""
    quadrant = QUADRANT[tooth // 10]
    return ("front", 1 if quadrant in (1, 2) else 3) if tooth % 10 <= 3 else ("side", quadrant)


def _arch_order(jaw: str) -> list[int]:
    """Permanent teeth of one jaw from the patient's right to left, as a dentist reads a range."""
    if jaw == "OK":
        return [18 - i for i in range(8)] + [21 + i for i in range(8)]
    return [48 - i for i in range(8)] + [31 + i for i in range(8)]


def _deciduous_order(jaw: str) -> list[int]:
    if jaw == "OK":
        return [55 - i for i in range(5)] + [61 + i for i in range(5)]
    return [85 - i for i in range(5)] + [71 + i for i in range(5)]


def _single(token: str) -> int:
    if not (token.isascii() and token.isdigit()) or int(token) not in VALID_TEETH:
        raise ToothError(say(Code.TOOTH_NOT_FDI, token=quoted(token)))
    return int(token)


def _range(first: int, last: int) -> set[int]:
    if jaw_of(first) != jaw_of(last):
        raise ToothError(say(Code.TOOTH_RANGE_BOTH_JAWS, first=str(first), last=str(last)))
    jaw = jaw_of(first)
    for order in (_arch_order(jaw), _deciduous_order(jaw)):
        if first in order and last in order:
            i, j = sorted((order.index(first), order.index(last)))
            return set(order[i : j + 1])
    raise ToothError(say(Code.TOOTH_RANGE_MIXED, first=str(first), last=str(last)))


JAW_WORDS = re.compile(r"\b(?:(ober)|unter)kiefer\b", re.IGNORECASE)  # „Oberkiefer“: OK
QUADRANT_WORDS = re.compile(r"\b(?:([1-4])\.?\s*quadrant|quadrant\s*([1-4]))\b", re.IGNORECASE)  # „1. Quadrant“: Q1


def _named(text: str) -> str:
    """A jaw or a quadrant written in words as its sign: „Oberkiefer“ as OK, „1. Quadrant“ and „Quadrant 1“ as Q1."""
    text = JAW_WORDS.sub(lambda found: "OK" if found[1] else "UK", text)
    return QUADRANT_WORDS.sub(lambda found: f"Q{found[1] or found[2]}", text)


def parse_teeth(value: object) -> Teeth:
    """Parse "16", "14,15", "13-23", "OK", "UK", "OK/UK", "Q1", a tooth with its surfaces ("16 mod") or empty;
    raise ToothError otherwise."""
    if value is None:
        return Teeth()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, float):  # „14,15“ typed into a German spreadsheet is the number 14.15: two teeth
        whole, _, places = repr(value).partition(".")
        if len(places) != 2:  # „16,5“ is no list of teeth: said as the spreadsheet shows it
            raise ToothError(say(Code.TOOTH_NOT_FDI, token=f"{whole},{places}"))
        value = f"{whole},{places}"
    text = " ".join(without_invisible(str(value)).split())  # one line, however the cell was written
    if not text:
        return Teeth()
    if len(text) > MAX_TEETH_TEXT:
        raise ToothError(say(Code.TOOTH_TEXT_TOO_LONG, length=len(text), limit=MAX_TEETH_TEXT))
    normalized = SURFACES.sub("", re.sub(r"\s*[-–]\s*", "-", _named(text)))  # each part as typed: a message quotes it so
    teeth: set[int] = set()
    whole_jaw = False
    for part in re.split(r"[,;/+\s]+", normalized):
        if not part:
            continue
        if part.upper() in ("OK", "UK"):
            teeth |= {t for t in PERMANENT if jaw_of(t) == part.upper()}
            whole_jaw = True
        elif part.upper() in QUADRANTS:
            teeth |= {t for t in PERMANENT if t // 10 == QUADRANTS[part.upper()]}
        elif "-" in part:
            first, _, last = part.partition("-")
            if not first or not last:  # "-16", "16-": said as written
                raise ToothError(say(Code.TOOTH_NOT_FDI, token=quoted(part)))
            teeth |= _range(_single(first), _single(last))
        else:
            teeth.add(_single(part))
    return Teeth(text=text, teeth=frozenset(teeth), whole_jaw=whole_jaw)
