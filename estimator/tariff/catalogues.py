"""The tariffs and price lists of a pricelists/ folder, each as dated versions; for a treatment day, the versions
in force on it (the way public holidays are gated by date: the latest version valid from that day or before).

    pricelists/index.toml             the tariffs, the default one
    pricelists/<insurer>/<tariff>/<date>.toml   a tariff profile, valid from its date
    pricelists/<lab list>/<date>.json    a lab price list, valid from its date
    pricelists/goz/<date>.json          a fee schedule, valid from its date
"""

from __future__ import annotations

import bisect
import datetime as dt
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from estimator.model import FeeLine, LabLine, VersionUsed
from estimator.resources import PRICELISTS
from estimator.tariff.checked import ProfileError
from estimator.tariff.pricelists import FeeSchedule, LabList, Source, load_fee_schedule, load_lab_list
from estimator.tariff.profile import Profile, load_profile, valid_from

T = TypeVar("T")
MAX_DAYS_REMEMBERED = 20_000  # treatment days whose versions a tariff keeps at hand (a plan has a few hundred)


@dataclass(frozen=True)
class Dated(Generic[T]):
    """Versions of one list or profile by valid-from date, oldest first."""

    days: tuple[dt.date, ...]
    versions: tuple[T, ...]

    def on(self, day: dt.date) -> T:
        """The version in force on day; before the first one, the first (the estimate says so)."""
        return self.versions[max(0, bisect.bisect_right(self.days, day) - 1)]

    @property
    def latest(self) -> T:
        return self.versions[-1]

    def before_first(self, day: dt.date) -> bool:
        return day < self.days[0]


class _Sourced(Protocol):
    @property
    def source(self) -> Source: ...


S = TypeVar("S", bound=_Sourced)


def _dated(folder: Path, suffix: str, load: Callable[[Path], S]) -> Dated[S]:
    """Every version in a folder, each named by its valid-from date - which its content must say too - and each
    with a version name of its own (the estimate names the versions it used by it)."""
    paths = sorted(folder.glob(f"[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]{suffix}"))
    if not paths:
        raise ProfileError(f"{folder}: keine Version (Datei JJJJ-MM-TT{suffix})")
    days = tuple(valid_from(path) for path in paths)
    versions = tuple(load(path) for path in paths)
    for path, day, version in zip(paths, days, versions, strict=True):
        if version.source.valid_from != day:
            raise ProfileError(f"{path}: gültig ab {version.source.valid_from}, der Dateiname sagt {day}")
    names = [version.source.version for version in versions]
    if len(set(names)) != len(names):
        raise ProfileError(f"{folder}: zwei Dateien mit derselben Version {max(names, key=names.count)}")
    return Dated(days, versions)


ANALOGUE = "analog: "  # before the text of the number an analogue number is measured by


def _measured_by(number: str) -> str:
    """The number an analogue number („2197a“) is measured by („2197“); a number as it is otherwise."""
    return number.rstrip("abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True)
class Catalogues:
    """The tariff profile and the three price lists in force on one treatment day."""

    profile: Profile
    lab: LabList
    goz: FeeSchedule
    goae: FeeSchedule

    def sources(self) -> tuple[tuple[str, Source], ...]:
        return (
            ("tariff_profile", self.profile.source),
            ("lab", self.lab.source),
            ("goz", self.goz.source),
            ("goae", self.goae.source),
        )

    def catalogue_text(self, kind: str, schedule: str, number: str) -> str:
        """The catalogue's short text for a fee number or lab code, or an empty string."""
        if kind == "lab":
            price = self.lab.get(number)
            return price.text if price else ""
        fee = self._fees(schedule).get(number)
        return fee.text if fee else ""

    def _fees(self, schedule: str) -> FeeSchedule:
        return self.goz if schedule == "GOZ" else self.goae

    def told_apart(self, line: FeeLine | LabLine) -> int:
        """How much of the catalogue's text for a fee line tells it from the schedule's other numbers (FeeSchedule.
        told_apart); 0 when the plan gives the line's text, or for a lab line."""
        if line.description or not isinstance(line, FeeLine):
            return 0
        schedule, base = self._fees(line.schedule.value), _measured_by(line.number)
        told = schedule.told_apart(line.number)  # an analogue number's text is its base's, after ANALOGUE
        return told or (schedule.told_apart(base) + len(ANALOGUE) if base and base != line.number else 0)

    def service_text(self, line: FeeLine | LabLine) -> str:
        """What a line's service is called: the plan's text, else the catalogue's (a line added by number); an
        analogue number without a text („2197a“) by the number it is measured by („analog: Adhäsive Befestigung …“)."""
        if line.description:
            return line.description
        schedule = line.schedule.value if isinstance(line, FeeLine) else ""
        text = self.catalogue_text(line.kind, schedule, line.number)
        base = _measured_by(line.number)
        if text or not schedule or base == line.number or not base:
            return text
        measured = self.catalogue_text(line.kind, schedule, base)
        return f"{ANALOGUE}{measured}" if measured else ""


@dataclass(frozen=True)
class Tariff:
    """One tariff: its profile's versions and those of the price lists it names."""

    key: str  # its folder below pricelists/, "dkv/bm5"
    profiles: Dated[Profile]
    labs: Dated[LabList]
    gozs: Dated[FeeSchedule]
    goaes: Dated[FeeSchedule]
    _on: dict[tuple[int, ...], Catalogues] = field(default_factory=dict, compare=False, repr=False)
    _by_day: dict[dt.date, Catalogues] = field(default_factory=dict, compare=False, repr=False)

    @property
    def profile(self) -> Profile:
        """The newest profile: its variants, cap years and Auslegung settings are what the app offers."""
        return self.profiles.latest

    def on(self, day: dt.date) -> Catalogues:
        """Profile and price lists in force on a treatment day (one object per combination of versions)."""
        found = self._by_day.get(day)
        if found is not None:
            return found
        parts = (self.profiles, self.labs, self.gozs, self.goaes)
        key = tuple(max(0, bisect.bisect_right(p.days, day) - 1) for p in parts)
        found = self._on.get(key)
        if found is None:
            found = self._on[key] = Catalogues(self.profiles.on(day), self.labs.on(day), self.gozs.on(day), self.goaes.on(day))
        if len(self._by_day) < MAX_DAYS_REMEMBERED:
            self._by_day[day] = found
        return found

    @property
    def first_day(self) -> dt.date:
        """The first day on which the profile and every price list have a version."""
        return max(p.days[0] for p in (self.profiles, self.labs, self.gozs, self.goaes))


@dataclass(frozen=True)
class Tariffs:
    """The tariffs of a pricelists/ folder; a plan's variant says which one applies."""

    tariffs: tuple[Tariff, ...]
    default: Tariff

    @property
    def variants(self) -> tuple[str, ...]:
        return tuple(name for tariff in self.tariffs for name in tariff.profile.variant_names)

    def for_variant(self, variant: str) -> Tariff | None:
        """The tariff offering a variant; the default tariff for an empty variant."""
        if not variant:
            return self.default
        return next((t for t in self.tariffs if variant in t.profile.variant_names), None)


def _tariff(directory: Path, key: str) -> Tariff:
    profiles = _dated(directory / key, ".toml", load_profile)
    lists = profiles.latest.price_lists
    if any(profile.price_lists != lists for profile in profiles.versions):
        raise ProfileError(f"{directory / key}: alle Versionen des Tarifprofils nennen dieselben Preislisten-Ordner")
    return Tariff(
        key=key,
        profiles=profiles,
        labs=_dated(directory / lists["lab"], ".json", load_lab_list),
        gozs=_dated(directory / lists["goz"], ".json", lambda p: load_fee_schedule(p, "GOZ")),
        goaes=_dated(directory / lists["goae"], ".json", lambda p: load_fee_schedule(p, "GOÄ")),
    )


@cache
def load_tariffs(directory: Path = PRICELISTS) -> Tariffs:
    """Load (once per folder) every tariff of pricelists/index.toml with all dated versions."""
    index = tomllib.loads((directory / "index.toml").read_text(encoding="utf-8"))
    tariffs = tuple(_tariff(directory, str(key)) for key in index["tariffs"])
    default = next((t for t in tariffs if t.key == index["default_tariff"]), None)
    if default is None:
        raise ProfileError(f"{directory / 'index.toml'}: default_tariff steht nicht unter tariffs")
    return Tariffs(tariffs, default)


def versions_used(used: dict[int, Catalogues]) -> tuple[VersionUsed, ...]:
    """Each version the catalogues of an estimate came from, once, by kind and date."""
    seen: dict[tuple[str, str], VersionUsed] = {}
    for catalogues in used.values():
        for kind, source in catalogues.sources():
            seen.setdefault((kind, source.version), VersionUsed(kind, source.name, source.version, source.valid_from))
    order = {"tariff_profile": 0, "lab": 1, "goz": 2, "goae": 3}
    return tuple(sorted(seen.values(), key=lambda v: (order.get(v.kind, 9), v.valid_from)))
