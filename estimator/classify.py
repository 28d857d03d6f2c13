"""Line classification (spec section 2; Nr. II.3.1, II.3.2): every line gets exactly one class."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

from estimator.catalogues import Catalogues
from estimator.model import LineClass, Person, Schedule
from estimator.worksheet import Work

A, B, P, X = LineClass.A, LineClass.B, LineClass.P, LineClass.X


class DefaultClass(NamedTuple):
    """The class a fee number has by itself, and whether it may be preparatory or is a surcharge."""

    line_class: LineClass
    rule: str
    reason: str
    preparatory_capable: bool = False
    surcharge: bool = False


# GOZ 2012 ranges (first, last, class, section rule, description, preparatory?) - spec section 2.
GOZ_RANGES: tuple[tuple[int, int, LineClass, str, str, bool], ...] = (
    (10, 120, B, "Nr. II.3.2 b", "allgemeine Leistung (GOZ Abschnitt A)", True),
    (500, 530, B, "Nr. II.3.2", "Zuschlag (GOZ Abschnitt L)", False),
    (1000, 1030, P, "Nr. II.3.1", "Individualprophylaxe (GOZ Abschnitt B)", False),
    (1040, 1040, P, "Nr. II.3.1", "professionelle Zahnreinigung (GOZ 1040)", False),
    (2000, 2170, B, "Nr. II.3.2 b", "Füllung, Versiegelung oder Einlagefüllung (GOZ Abschnitt C)", False),
    (2180, 2197, B, "Nr. II.3.2 b", "Aufbau oder adhäsive Befestigung (GOZ Abschnitt C)", True),
    (2200, 2320, A, "Nr. II.3.2 a", "Krone, Teilkrone, Provisorium (GOZ Abschnitt C)", False),
    (2330, 2440, B, "Nr. II.3.2 b", "Endodontie (GOZ Abschnitt C)", False),
    (3000, 3310, B, "Nr. II.3.2 b", "Chirurgie (GOZ Abschnitt D)", True),
    (4000, 4150, B, "Nr. II.3.2 b", "Parodontologie (GOZ Abschnitt E)", False),
    (5000, 5340, A, "Nr. II.3.2 a", "Prothetik (GOZ Abschnitt F)", False),
    (6000, 6260, B, "Nr. II.3.1", "Kieferorthopädie (GOZ Abschnitt G)", False),
    (7000, 7070, A, "Nr. II.3.2 a", "Aufbissbehelf oder Schiene (GOZ Abschnitt H)", False),
    (7080, 7100, A, "Nr. II.3.2 a", "laborgefertigtes Langzeitprovisorium (GOZ Abschnitt H)", False),
    (8000, 8100, A, "Nr. II.3.2 a", "Funktionsanalyse und -therapie (GOZ Abschnitt J)", False),
    (9000, 9170, A, "Nr. II.3.2 a", "Implantologie (GOZ Abschnitt K)", False),
)
ORTHODONTICS = (6000, 6260)
SPLINTS = (7000, 7070)
CLASS_NAMES = {
    A: "Zahnersatz (Klasse A)",
    B: "Zahnbehandlung (Klasse B)",
    P: "Prophylaxe (Klasse P)",
    X: "nicht erstattungsfähig (Klasse X)",
}


def goz_value(number: str) -> int | None:
    return int(number) if number.isdigit() else None


def is_orthodontic(work: Work) -> bool:
    value = goz_value(work.fee.number) if work.fee.schedule is Schedule.GOZ else None
    return value is not None and ORTHODONTICS[0] <= value <= ORTHODONTICS[1]


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def default_fee_class(work: Work, settings: dict[str, object], orthodontics_young: bool | None) -> DefaultClass:
    """Class of a fee line by its GOZ section, or B (preparatory-capable) for GOÄ."""
    line = work.fee
    if line.schedule is Schedule.GOAE:
        return DefaultClass(B, "Nr. II.3.2 b", "ärztliche Leistung nach GOÄ", preparatory_capable=True)
    value = goz_value(line.number)
    if value is None:
        return DefaultClass(B, "Nr. II.3.2 b", "sonstige zahnärztliche Leistung")
    for first, last, line_class, rule, reason, preparatory in GOZ_RANGES:
        if not first <= value <= last:
            continue
        if (first, last) == ORTHODONTICS:
            if orthodontics_young:
                return DefaultClass(B, "Nr. II.3.1", f"{reason}, Behandlungsbeginn vor dem 19. Lebensjahr")
            return DefaultClass(X, "Nr. II.3.1", f"{reason}, Behandlungsbeginn mit 19 Jahren oder später")
        if (first, last) == SPLINTS:
            splint_class = LineClass(str(settings["splints_class"]))
            return DefaultClass(splint_class, "Nr. II.3.2 a", f"{reason}; Auslegung splints_class={splint_class.value}")
        return DefaultClass(line_class, rule, reason, preparatory, surcharge=(first == 500))
    return DefaultClass(B, "Nr. II.3.2 b", "sonstige zahnärztliche Leistung")


def orthodontics_is_young(works: Sequence[Work], person: Person, profile_age_limit: int) -> bool | None:
    """Whether the person was under the age limit at the earliest orthodontic treatment date (Nr. II.3.1)."""
    dates = [w.date for w in works if w.is_fee and is_orthodontic(w)]
    if not dates or person.birth_date is None:
        return None
    return age_on(person.birth_date, min(dates)) < profile_age_limit


def classify_fee_lines(works: Sequence[Work], person: Person, catalogues: Catalogues, settings: dict[str, object]) -> None:
    """Default class, then preparatory measures, then surcharges, then the user's own class."""
    young = orthodontics_is_young(works, person, catalogues.profile.orthodontics_age_limit)
    defaults = {id(w): default_fee_class(w, settings, young) for w in works}
    for work in works:
        default = defaults[id(work)]
        work.line_class = default.line_class
        work.explain(default.rule, f"{default.reason}: {CLASS_NAMES[default.line_class]}")

    a_services = [w for w in works if w.line_class is A or w.fee.manual_class is A]
    if settings["preparatory_by_tooth"]:
        for work in works:
            if defaults[id(work)].preparatory_capable and work.line_class is B:
                anchor = next((s for s in a_services if s.fee.teeth.overlaps(work.fee.teeth)), None)
                if anchor is not None:
                    work.line_class = A
                    work.preparatory = True
                    work.explain(
                        "Nr. II.3.2 a",
                        f"vorbereitende Maßnahme zu {anchor.fee.schedule.value} {anchor.fee.number} "
                        f"an Zahn {anchor.fee.teeth.text} (Auslegung preparatory_by_tooth): Klasse A",
                    )

    for work in works:
        if defaults[id(work)].surcharge:
            partners = [
                o
                for o in works
                if o is not work
                and not defaults[id(o)].surcharge
                and o.date == work.date
                and o.fee.teeth.overlaps(work.fee.teeth)
            ]
            work.line_class = A if any(o.line_class is A for o in partners) else B
            work.explain(
                "Nr. II.3.2",
                "Zuschlag: Klasse der Leistungen am selben Zahn und Tag: " + CLASS_NAMES[work.line_class]
                if partners
                else "Zuschlag ohne Leistung am selben Zahn und Tag: Klasse B",
            )

    for work in works:
        apply_manual_class(work, work.fee.manual_class)


def apply_manual_class(work: Work, manual: LineClass | None) -> None:
    if manual is not None and manual is not work.line_class:
        work.line_class = manual
        work.class_by_hand = True
        work.explain("von Hand", f"Klasse von Hand gesetzt: {CLASS_NAMES[manual]}")
    elif manual is not None:
        work.class_by_hand = True


LAB_CODE_DEFAULTS: tuple[tuple[str, str, LineClass | None, str], ...] = (
    ("0323", "0323", A, "Teilkrone aus Keramik"),
    ("0301", "0333", B, "Inlay"),
    ("0334", "0403", A, "Krone, Brücke, Teleskop"),
    ("0901", "0933", B, "Kieferorthopädie"),
    ("0501", "1021", A, "Zahnersatz, Verblendung, Prothese, Schiene"),
    ("I 111", "I 117", A, "Implantologie"),
)


def classify_lab_line(work: Work, fee_works: Sequence[Work]) -> list[Work]:
    """Inherit the class of the fee lines on the same teeth, else a default by lab code (Nr. II.3.1).

    Returns the fee lines the lab line belongs to.
    """
    owners = [f for f in fee_works if f.fee.teeth.overlaps(work.lab.teeth)]
    if owners:
        classes = {o.line_class for o in owners}
        if classes == {X}:
            work.line_class = X
            reason = "alle zugehörigen Leistungen sind nicht erstattungsfähig"
        else:
            work.line_class = A if A in classes else B
            reason = "Satz der zugehörigen zahnärztlichen Leistungen"
        numbers = ", ".join(sorted({o.fee.number for o in owners}))
        work.explain("Nr. II.3.1", f"{reason} ({numbers} am selben Zahn): {CLASS_NAMES[work.line_class]}")
        return owners
    code = work.lab.code
    for first, last, line_class, reason in LAB_CODE_DEFAULTS:
        if line_class is not None and _code_between(code, first, last):
            work.line_class = line_class
            work.explain("Nr. II.3.1", f"keine Leistung am selben Zahn; Laborcode {code} ({reason}): {CLASS_NAMES[line_class]}")
            return owners
    billed_by_class = {c: sum((f.billed for f in fee_works if f.line_class is c), Decimal(0)) for c in (A, B)}
    work.line_class = A if billed_by_class[A] >= billed_by_class[B] else B
    work.explain(
        "Nr. II.3.1",
        f"keine Leistung am selben Zahn; Laborcode {code}: Klasse mit dem größeren Anteil am Honorar "
        f"des Plans: {CLASS_NAMES[work.line_class]}",
    )
    return owners


def _code_between(code: str, first: str, last: str) -> bool:
    same_kind = code.startswith("I ") == first.startswith("I ")
    return same_kind and len(code) == len(first) and first <= code <= last
