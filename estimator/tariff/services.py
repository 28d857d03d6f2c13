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


# Words a practice says for a service that its text says in other words: each counts as found where one of its
# words stands (the word itself too).
EXTRACTION = (
    "entfernung eines einwurzeligen",
    "entfernung eines mehrwurzeligen",
    "entfernung eines tief",
    "entfernung eines zahnes",
    "entfernung eines retinierten",
)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "pzr": ("zahnreinigung",),
    "prophylaxe": ("zahnreinigung", "fluoridierung", "mundhygiene"),
    "zahnstein": ("zahnbeläge",),
    "betäubung": ("anästhesie",),
    "spritze": ("anästhesie",),
    "vollkeramik": ("keramik", "vollkeramisch"),
    "zirkon": ("keramik",),
    "knochenaufbau": ("augmentation", "knochendefekt", "knochenersatz", "knochengewinnung", "sinusbodenelevation"),
    "sinuslift": ("sinusbodenelevation",),
    "wurzelbehandlung": ("wurzelkanal", "je kanal", "pulpa", "trepanation eines zahnes"),
    "röntgen": ("zähne, je projektion", "panorama"),
    "opg": ("panoramaschichtaufnahme",),
    "dvt": ("tomographie im kopfbereich",),
    "extraktion": EXTRACTION,
    "ziehen": EXTRACTION,
    "schiene": ("aufbissbehelf",),
    "abdruck": ("abformung",),
    "kunststofffüllung": ("kompositmaterial", "plastischem füllungsmaterial"),
    "füllung": ("füllungsmaterial", "kompositmaterial"),  # plastic and composite fillings by number, not the inlay first
    "provisorium": ("provisorisch",),
    "fissurenversiegelung": ("versiegelung von kariesfreien",),
    "parodontitis": ("parodontal",),
    "parodontose": ("parodontal",),
    "totalprothese": ("totale prothese",),
    "vollprothese": ("totale prothese",),
}
# Compound words a practice says for what the texts say in two words: each stands for both.
COMPOUNDS: dict[str, tuple[str, ...]] = {
    "keramikkrone": ("keramik", "krone"),
    "vollkeramikkrone": ("keramik", "krone"),
    "zirkonkrone": ("keramik", "krone"),
    "metallkrone": ("krone", "metall"),
    "verblendkrone": ("krone", "verblend"),
}
SCHEDULE_ORDER = {Schedule.GOZ: 0, None: 1, Schedule.GOAE: 2}  # a dental practice's own schedule first, then lab, GOÄ


def search(catalogues: Catalogues, query: str, limit: int = MAX_RESULTS) -> list[Service]:
    """The services whose number or words hold every word of the query (or a word it stands for, SYNONYMS); an exact
    number first, then GOZ and lab by number, then GOÄ with the services whose text names the query earliest first
    (an X-ray of the teeth before a catheter examination under X-ray control)."""
    words = re.findall(r"\w+", unicodedata.normalize("NFKC", query).lower()[:MAX_QUERY])  # full-width letters too
    if not words:
        return [] if query.strip() else list(services(catalogues)[:limit])
    words = [part for word in words for part in COMPOUNDS.get(word, (word,))]
    alternatives = [(word, *SYNONYMS.get(word, ())) for word in words]
    matches = [s for s in services(catalogues) if all(any(w in s.key for w in words) for words in alternatives)]

    def order(service: Service) -> tuple[bool, bool, int, int]:
        number = service.number.lower()
        place = 0
        if service.schedule is Schedule.GOAE:
            text = service.text.lower()
            place = min((found for said in alternatives for w in said if (found := text.find(w)) >= 0), default=len(text))
        return number not in words, not number.startswith(words[0]), SCHEDULE_ORDER[service.schedule], place

    matches.sort(key=order)
    return matches[:limit]
