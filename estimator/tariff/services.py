"""The services a plan line can name, from the fee schedules and the lab price list in force on a day, found by
number and by words ("krone", "2210", "implantat"): what the service picker of the window lists."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from estimator.kinds import Schedule
from estimator.money import cents
from estimator.tariff.catalogues import Catalogues

MAX_RESULTS = 200
MAX_QUERY = 100  # characters of a search


@dataclass(frozen=True)
class Service:
    """One entry: a fee number (GOZ or GOÄ) with its fee at the threshold factor, or a lab code with its maximum
    price; `price` is None for a fee without points (it is derived from another)."""

    kind: str  # "fee" | "lab"
    schedule: Schedule | None  # None for a lab code
    number: str
    text: str
    factor: Decimal | None
    price: Decimal | None
    key: str  # lower-case number and text, what a search looks in


_LISTED: dict[int, tuple[Catalogues, tuple[Service, ...]]] = {}  # the catalogues (kept, so the id stays theirs)


def services(catalogues: Catalogues) -> tuple[Service, ...]:
    """Every service of the day's catalogues: GOZ, then GOÄ, then the lab list (listed once per catalogues)."""
    listed = _LISTED.get(id(catalogues))
    if listed is None or listed[0] is not catalogues:
        listed = _LISTED[id(catalogues)] = (catalogues, _listed(catalogues))
    return listed[1]


def _listed(catalogues: Catalogues) -> tuple[Service, ...]:
    found: list[Service] = []
    for schedule, fees in ((Schedule.GOZ, catalogues.goz), (Schedule.GOAE, catalogues.goae)):
        for number in fees.entries:
            fee = fees.get(number)
            if fee is None:
                continue
            factor = fees.thresholds.get(fee.category, fees.thresholds["personal"])
            price = cents(fee.points * fees.point_value * factor) if fee.points else None
            key = f"{schedule.value} {number} {fee.text}".lower()
            found.append(Service("fee", schedule, number, fee.text, factor, price, key))
    for code, lab in catalogues.lab.prices.items():
        found.append(Service("lab", None, code, lab.text, None, lab.max_price, f"labor {code} {lab.group} {lab.text}".lower()))
    return tuple(found)


def search(catalogues: Catalogues, query: str, limit: int = MAX_RESULTS) -> list[Service]:
    """The services whose number or words hold every word of the query; an exact number first."""
    words = re.findall(r"\w+", unicodedata.normalize("NFKC", query).lower()[:MAX_QUERY])  # full-width letters too
    if not words:
        return [] if query.strip() else list(services(catalogues)[:limit])
    matches = [service for service in services(catalogues) if all(word in service.key for word in words)]
    matches.sort(key=lambda service: (service.number.lower() not in words, not service.number.startswith(words[0])))
    return matches[:limit]
