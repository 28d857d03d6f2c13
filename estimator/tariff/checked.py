"""A table of a tariff profile read as untrusted data: every key known, every value of its type, finite and in its
range; a ProfileError names the file's key and what is wrong. A profile that loads is one the engine can apply."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from estimator.phrases import Term


class ProfileError(ValueError):
    """A tariff profile or price list that cannot be used; the message names the file and the key."""


_MISSING: Any = object()


@dataclass(frozen=True)
class Codes:
    """Fee numbers or lab codes from first to last: "2200"-"2320", "I 111"-"I 117" (same kind and length)."""

    first: str
    last: str

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, str):
            return False
        first = self.first
        return code.startswith("I ") == first.startswith("I ") and len(code) == len(first) and first <= code <= self.last


T = TypeVar("T")
MEMO_LIMIT = 4096  # answers a profile remembers per question: a plan's numbers and codes, not every plan's of a batch


def remembered(memo: dict[str, T], code: str, answer: T) -> T:
    """An answer kept in a profile's memo while it has room (MEMO_LIMIT), and given back."""
    if len(memo) < MEMO_LIMIT:
        memo[code] = answer
    return answer


class Ranges(tuple[Codes, ...]):
    """Ranges of a profile that remember what they were asked: a plan asks about the same few hundred numbers
    thousands of times."""

    def __init__(self, _ranges: object = ()) -> None:
        super().__init__()
        self.memo: dict[str, bool] = {}

    def holds(self, code: str) -> bool:
        found = self.memo.get(code)
        return remembered(self.memo, code, any(code in r for r in self)) if found is None else found


class Table:
    """One TOML table; call done() when every key has been taken to refuse the keys nobody reads."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise ProfileError(f"{where}: Tabelle erwartet")
        self.data: dict[str, Any] = data
        self.where = where
        self.used: set[str] = set()

    def _fail(self, key: str, expected: str) -> ProfileError:
        return ProfileError(f"{self.where}.{key}: {expected} erwartet, {self.data.get(key)!r} gefunden")

    def get(self, key: str, default: Any = _MISSING) -> Any:
        self.used.add(key)
        if key not in self.data:
            if default is _MISSING:
                raise ProfileError(f"{self.where}.{key} fehlt")
            return default
        return self.data[key]

    def has(self, key: str) -> bool:
        return key in self.data

    def text(self, key: str, default: Any = _MISSING) -> str:
        value = self.get(key, default)
        if not isinstance(value, str):
            raise self._fail(key, "Text")
        return value

    def flag(self, key: str, default: Any = _MISSING) -> bool:
        value = self.get(key, default)
        if not isinstance(value, bool):
            raise self._fail(key, "true oder false")
        return value

    def whole(self, key: str, low: int, high: int) -> int:
        value = self.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self._fail(key, f"ganze Zahl von {low} bis {high}")
        return value

    def decimal(self, key: str, low: Decimal, high: Decimal) -> Decimal:
        return self._decimal(key, self.get(key), low, high)

    def _decimal(self, key: str, value: Any, low: Decimal, high: Decimal) -> Decimal:
        try:
            number = Decimal(value) if isinstance(value, str) else None
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or not low <= number <= high:
            raise ProfileError(f"{self.where}.{key}: Zahl als Text von {low} bis {high} erwartet, {value!r} gefunden")
        return number

    def decimals(self, key: str, low: Decimal, high: Decimal) -> tuple[Decimal, ...]:
        values = self.get(key)
        if not isinstance(values, list):
            raise self._fail(key, "Liste")
        return tuple(self._decimal(key, value, low, high) for value in values)

    def decimal_map(self, key: str, low: Decimal, high: Decimal) -> dict[str, Decimal]:
        return {name: self._decimal(f"{key}.{name}", value, low, high) for name, value in self.mapping(key).items()}

    def strings(self, key: str) -> tuple[str, ...]:
        values = self.get(key)
        if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
            raise self._fail(key, "Liste von Texten")
        return tuple(values)

    def mapping(self, key: str) -> dict[str, Any]:
        value = self.get(key)
        if not isinstance(value, dict):
            raise self._fail(key, "Tabelle")
        return value

    def whole_map(self, key: str, low: int, high: int) -> dict[str, int]:
        found = self.mapping(key)
        if not all(not isinstance(v, bool) and isinstance(v, int) and low <= v <= high for v in found.values()):
            raise self._fail(key, f"Tabelle ganzer Zahlen von {low} bis {high}")
        return dict(found)

    def table(self, key: str) -> Table:
        return Table(self.get(key), f"{self.where}.{key}")

    def tables(self, key: str) -> list[Table]:
        values = self.get(key)
        if not isinstance(values, list) or not values:
            raise self._fail(key, "Liste von Tabellen")
        return [Table(value, f"{self.where}.{key}[{i}]") for i, value in enumerate(values)]

    def codes(self, key: str) -> tuple[Codes, ...]:
        """One range ["2200", "2320"] or a list of them; both ends of one length, the first not after the last."""
        value = self.get(key)
        pairs = [value] if isinstance(value, list) and value and isinstance(value[0], str) else value
        if not isinstance(pairs, list):
            raise self._fail(key, "Bereich oder Liste von Bereichen")
        ranges = []
        for pair in pairs:
            if (
                not isinstance(pair, list)
                or len(pair) != 2
                or not all(isinstance(end, str) and end for end in pair)
                or len(pair[0]) != len(pair[1])
                or pair[0] > pair[1]
            ):
                raise ProfileError(f"{self.where}.{key}: Bereich [erste, letzte] gleicher Länge erwartet, {pair!r} gefunden")
            ranges.append(Codes(pair[0], pair[1]))
        return Ranges(ranges)

    def term(self, key: str) -> Term:
        table = self.table(key)
        term = Term(table.text("de"), table.text("en"))
        table.done()
        return term

    def done(self, also: Mapping[str, object] = {}) -> None:
        unknown = sorted(set(self.data) - self.used - set(also))
        if unknown:
            raise ProfileError(f"{self.where}: unbekannter Schlüssel {unknown[0]!r}")


OPEN_END = 99_999  # the points a band of surcharges may reach; a band up to them has no upper end („1200 und mehr“)


@dataclass(frozen=True)
class PointBand:
    """The points of the surgical service a surcharge is for, and numbers it is for whatever their points."""

    low: int
    high: int
    also: frozenset[str] = frozenset()

    def fits(self, number: str, points: Decimal) -> bool:
        return number in self.also or self.low <= points <= self.high


def point_bands(table: Table) -> dict[str, PointBand]:
    """[surcharges] points: number -> [lowest, highest] points of its service; points_also: number -> numbers."""
    numbers, bands = set(table.strings("numbers")), {}
    also = table.mapping("points_also")
    for number, band in table.mapping("points").items():
        whole = isinstance(band, list) and len(band) == 2 and all(type(v) is int and 0 <= v <= OPEN_END for v in band)
        if number not in numbers or not whole or band[0] > band[1]:
            raise ProfileError(f"{table.where}.points.{number}: Zuschlagsnummer mit [von, bis] Punkten erwartet")
        bands[number] = PointBand(band[0], band[1])
    for number, others in also.items():
        if number not in bands or not isinstance(others, list) or not all(isinstance(v, str) and v for v in others):
            raise ProfileError(f"{table.where}.points_also.{number}: Zuschlag aus points mit einer Liste von Nummern erwartet")
        bands[number] = PointBand(bands[number].low, bands[number].high, frozenset(others))
    return bands
