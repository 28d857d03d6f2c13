"""Line classification (spec section 2; Nr. II.3.1, II.3.2): every line gets exactly one class."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

from estimator.model import Cause, LineClass, Person, Schedule, Severity
from estimator.money import german_date
from estimator.rules.worksheet import Report, Work
from estimator.tariff.catalogues import Catalogues, Profile

A, B, P, X = LineClass.A, LineClass.B, LineClass.P, LineClass.X


class DefaultClass(NamedTuple):
    """The class a fee number has by itself, and whether it may be preparatory or belongs to another service."""

    line_class: LineClass
    rule: str
    reason: str
    preparatory_capable: bool = False
    surcharge: bool = False


# GOZ 2012 ranges (first, last, class, section rule, description, preparatory?) - spec section 2.
GOZ_RANGES: tuple[tuple[int, int, LineClass, str, str, bool], ...] = (
    (10, 110, B, "Nr. II.3.2 b", "allgemeine Leistung (GOZ Abschnitt A)", True),
    (1000, 1020, P, "Nr. II.3.1", "Individualprophylaxe (GOZ Abschnitt B, Anhang III)", False),
    (1030, 1030, B, "Nr. II.3.2 b", "Medikamententräger (GOZ 1030), keine Individualprophylaxe nach Anhang III", False),
    (1040, 1040, P, "Nr. II.3.1", "professionelle Zahnreinigung (GOZ 1040)", False),
    (2000, 2170, B, "Nr. II.3.2 b", "Füllung, Versiegelung oder Einlagefüllung (GOZ Abschnitt C)", False),
    (2180, 2197, B, "Nr. II.3.2 b", "Aufbau oder adhäsive Befestigung (GOZ Abschnitt C)", True),
    (2200, 2320, A, "Nr. II.3.2 a", "Krone, Teilkrone, Provisorium (GOZ Abschnitt C)", False),
    (2330, 2440, B, "Nr. II.3.2 b", "Endodontie (GOZ Abschnitt C)", False),
    (3000, 3310, B, "Nr. II.3.2 b", "Chirurgie (GOZ Abschnitt D)", True),
    (4000, 4150, B, "Nr. II.3.2 b", "Parodontologie (GOZ Abschnitt E)", False),
    (5000, 5340, A, "Nr. II.3.2 a", "Prothetik (GOZ Abschnitt F)", False),
    (6000, 6260, B, "Nr. II.3.1", "Kieferorthopädie (GOZ Abschnitt G)", False),
    (7000, 7060, A, "Nr. II.3.2 a", "Aufbissbehelf (GOZ Abschnitt H)", False),
    (
        7070,
        7070,
        B,
        "Nr. II.3.2 b",
        "semipermanente Schienung (GOZ 7070): schient Zähne, weder Zahnersatz noch Funktionstherapie",
        False,
    ),
    (7080, 7100, A, "Nr. II.3.2 a", "laborgefertigtes Langzeitprovisorium (GOZ Abschnitt H)", False),
    (8000, 8100, A, "Nr. II.3.2 a", "Funktionsanalyse und -therapie (GOZ Abschnitt J)", False),
    (9000, 9170, A, "Nr. II.3.2 a", "Implantologie (GOZ Abschnitt K)", False),
)
ORTHODONTICS = (6000, 6260)
SPLINTS = (7000, 7060)
TOOTH_LEVEL_A = ((2200, 2320), (5000, 5340), (9000, 9170))  # crowns, prosthetics, implantology (spec section 2)
SURGICAL_GOZ = ((3000, 3310), (4000, 4150), (9000, 9170))  # GOZ sections D, E, K: what a surcharge belongs to
SURGICAL_GOAE_SECTION = "L"
ORTHODONTIC_LAB_CODES = ("0901", "0933")
RULE_SURCHARGE = "Nr. II.3.2"
CLASS_NAMES = {
    A: "Zahnersatz (Klasse A)",
    B: "Zahnbehandlung (Klasse B)",
    P: "Prophylaxe (Klasse P)",
    X: "nicht erstattungsfähig (Klasse X)",
}


def goz_value(number: str) -> int | None:
    return int(number) if (number.isascii() and number.isdigit()) else None


def _in_ranges(work: Work, ranges: Iterable[tuple[int, int]]) -> bool:
    value = goz_value(work.number) if work.fee.schedule is Schedule.GOZ else None
    return value is not None and any(first <= value <= last for first, last in ranges)


def is_orthodontic(work: Work) -> bool:
    """A GOZ 6000-6260 fee line or an orthodontic lab line (B 269 0901-0933)."""
    if work.is_fee:
        return _in_ranges(work, (ORTHODONTICS,))
    return _code_between(work.lab.code, *ORTHODONTIC_LAB_CODES)


def is_tooth_level_a_service(work: Work) -> bool:
    """A class-A crown, prosthetic or implant line on single teeth, a list or a range - not a whole jaw."""
    teeth = work.fee.teeth
    return work.line_class is A and bool(teeth.teeth) and not teeth.whole_jaw and _in_ranges(work, TOOTH_LEVEL_A)


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def orthodontics_begin(works: Sequence[Work], person: Person) -> dt.date | None:
    """Start of the orthodontic treatment: the person's KFO-Behandlungsbeginn, else its earliest line (Nr. II.3.1)."""
    if person.orthodontics_start is not None:
        return person.orthodontics_start
    fee_dates = [w.date for w in works if w.is_fee and is_orthodontic(w)]
    dates = fee_dates or [w.date for w in works if not w.is_fee and is_orthodontic(w)]
    return min(dates, default=None)


def orthodontics_is_young(begin: dt.date | None, person: Person, age_limit: int) -> bool | None:
    """Whether the person was under the age limit when the orthodontic treatment began; None when unknown."""
    if begin is None or person.birth_date is None:
        return None
    return age_on(person.birth_date, begin) < age_limit


def default_fee_class(work: Work, profile: Profile, settings: dict[str, object], young: bool | None) -> DefaultClass:
    """Class of a fee line by its GOZ section, or B (preparatory-capable) for GOÄ."""
    line = work.fee
    number = work.number
    if line.schedule is Schedule.GOAE:
        return DefaultClass(B, "Nr. II.3.2 b", "ärztliche Leistung nach GOÄ", preparatory_capable=True)
    if number in profile.checkup_numbers:
        if settings["checkup_is_prevention"]:
            return DefaultClass(
                P, "Nr. II.3.1", "Vorsorgeuntersuchung (GOZ 0010; Auslegung checkup_is_prevention): Prophylaxe, ohne Selbstbehalt"
            )
        return DefaultClass(
            B, "Nr. II.3.2 b", "allgemeine Leistung (GOZ Abschnitt A; Auslegung checkup_is_prevention=false)", True
        )
    if number in profile.surcharge_numbers:
        return DefaultClass(B, RULE_SURCHARGE, "Zuschlag (GOZ Abschnitt L)", surcharge=True)
    if number == profile.laser_number:
        return DefaultClass(B, RULE_SURCHARGE, "Laserzuschlag (GOZ 0120)", surcharge=True)
    value = goz_value(number)
    if value is None:
        return DefaultClass(B, "Nr. II.3.2 b", "sonstige zahnärztliche Leistung")
    for first, last, line_class, rule, reason, preparatory in GOZ_RANGES:
        if not first <= value <= last:
            continue
        if (first, last) == ORTHODONTICS:
            if young:
                return DefaultClass(B, "Nr. II.3.1", f"{reason}, Behandlungsbeginn vor dem 19. Lebensjahr")
            return DefaultClass(X, "Nr. II.3.1", f"{reason}, Behandlungsbeginn mit 19 Jahren oder später oder unbekannt")
        if (first, last) == SPLINTS:
            splint_class = LineClass(str(settings["splints_class"]))
            return DefaultClass(splint_class, "Nr. II.3.2 a", f"{reason}; Auslegung splints_class={splint_class.value}")
        return DefaultClass(line_class, rule, reason, preparatory)
    return DefaultClass(B, "Nr. II.3.2 b", "sonstige zahnärztliche Leistung")


def classify_fee_lines(
    works: Sequence[Work], catalogues: Catalogues, settings: dict[str, object], *, young: bool | None, report: Report
) -> None:
    """Default class, preparatory measures, the user's own class, then surcharges from the service they belong to."""
    profile = catalogues.profile
    defaults = {id(w): default_fee_class(w, profile, settings, young) for w in works}
    for work in works:
        default = defaults[id(work)]
        work.line_class = default.line_class
        work.explain(default.rule, f"{default.reason}: {CLASS_NAMES[default.line_class]}")
    if settings["preparatory_by_tooth"]:
        _preparatory(works, {id(w) for w in works if defaults[id(w)].preparatory_capable})
    surcharges = [w for w in works if defaults[id(w)].surcharge]
    for work in works:
        if not defaults[id(work)].surcharge:
            apply_manual_class(work, work.fee.manual_class)
    if surcharges:
        lasered = profile.lasered_numbers
        surgery = _ServiceIndex(works, lambda w: _is_surgical(w, catalogues), catalogues)
        laser = _ServiceIndex(works, lambda w: w.fee.schedule is Schedule.GOZ and w.number in lasered, catalogues)
        for work in surcharges:
            if work.number == profile.laser_number:
                _laser_owner(work, laser.owner(work))
            else:
                _surcharge_owner(work, surgery.owner(work), report)
            apply_manual_class(work, work.fee.manual_class)


class _ServiceIndex:
    """The lines a surcharge may belong to, the best of each day and of each tooth on a day (most points, then
    plan order), so that finding a surcharge's service looks at its teeth only, not at all lines of its day."""

    def __init__(self, works: Sequence[Work], accepts: Callable[[Work], bool], catalogues: Catalogues) -> None:
        self.rank: dict[int, tuple[int, int]] = {}
        self.of_day: dict[dt.date, Work] = {}
        self.on_tooth: dict[tuple[dt.date, int], Work] = {}
        for work in works:
            if not accepts(work):
                continue
            self.rank[id(work)] = (_points(work, catalogues), -work.index)
            self._keep(self.of_day, work.date, work)
            for tooth in work.fee.teeth.teeth:
                self._keep(self.on_tooth, (work.date, tooth), work)

    def _keep(self, best: dict[Any, Work], key: Any, work: Work) -> None:
        if key not in best or self.rank[id(work)] > self.rank[id(best[key])]:
            best[key] = work

    def owner(self, surcharge: Work) -> Work | None:
        """The service of the surcharge's day, on its teeth if it names any."""
        teeth = surcharge.fee.teeth.teeth
        if not teeth:
            return self.of_day.get(surcharge.date)
        found = [self.on_tooth[(surcharge.date, t)] for t in teeth if (surcharge.date, t) in self.on_tooth]
        return max(found, key=lambda w: self.rank[id(w)], default=None)


def _preparatory(works: Sequence[Work], capable: set[int]) -> None:
    """A B line of GOZ A, C 2180-2197, D or GOÄ whose teeth all carry tooth-level A-services is A (Nr. II.3.2 a)."""
    anchors: dict[int, Work] = {}
    for work in works:
        if (work.fee.manual_class or work.line_class) is A and is_tooth_level_a_service(work):
            for tooth in work.fee.teeth.teeth:
                anchors.setdefault(tooth, work)
    for work in works:
        teeth = work.fee.teeth.teeth
        if id(work) not in capable or work.line_class is not B or not teeth or not teeth <= anchors.keys():
            continue
        services = list(dict.fromkeys(anchors[t] for t in sorted(teeth)))
        named = ", ".join(f"{s.fee.schedule.value} {s.fee.number} an Zahn {s.fee.teeth.text}" for s in services)
        work.line_class = A
        work.preparatory = True
        work.explain("Nr. II.3.2 a", f"vorbereitende Maßnahme zu {named} (Auslegung preparatory_by_tooth): Klasse A")


def _points(work: Work, catalogues: Catalogues) -> int:
    schedule = catalogues.goz if work.fee.schedule is Schedule.GOZ else catalogues.goae
    fee = schedule.get(work.number)
    return fee.points or 0 if fee else 0


def _is_surgical(work: Work, catalogues: Catalogues) -> bool:
    if work.fee.schedule is Schedule.GOAE:
        fee = catalogues.goae.get(work.number)
        return fee is not None and fee.section == SURGICAL_GOAE_SECTION
    return _in_ranges(work, SURGICAL_GOZ)


def _take_owner_class(work: Work, owner: Work, text: str) -> None:
    work.owner = owner
    work.line_class = owner.line_class
    work.explain(
        RULE_SURCHARGE, f"{text} {owner.fee.schedule.value} {owner.fee.number}{_on(owner)}: {CLASS_NAMES[owner.line_class]}"
    )


def _on(work: Work) -> str:
    return f" an Zahn {work.fee.teeth.text}" if work.fee.teeth.text else ""


def _surcharge_owner(work: Work, owner: Work | None, report: Report) -> None:
    """A surcharge 0500-0530 belongs to the surgical line of its day with the most points (on its teeth, if named)."""
    if owner is not None:
        _take_owner_class(work, owner, "Zuschlag zur chirurgischen Leistung des Tages mit der höchsten Punktzahl,")
        return
    work.explain(RULE_SURCHARGE, f"Zuschlag ohne chirurgische Leistung am {german_date(work.date)}: {CLASS_NAMES[B]}")
    report(
        Severity.WARNING,
        "surcharge.no_surgery",
        f"GOZ {work.fee.number}{_on(work)}: Zuschlag für ambulante Operationen ohne chirurgische Leistung "
        f"(GOZ Abschnitte D, E, K oder GOÄ Abschnitt L) am {german_date(work.date)}"
        f"{' an diesen Zähnen' if work.fee.teeth.teeth else ''}; als Zahnbehandlung (Klasse B) angesetzt, bitte prüfen",
        sheet=work.line.sheet,
        row=work.line.row,
        column="Nr",
        section=RULE_SURCHARGE,
    )


def _laser_owner(work: Work, owner: Work | None) -> None:
    """GOZ 0120 belongs to the lasered service of its day (on its teeth, if named) with the highest simple fee."""
    if owner is not None:
        _take_owner_class(work, owner, "Laserzuschlag zu")
    else:
        work.explain(RULE_SURCHARGE, f"Laserzuschlag ohne gelaserte Leistung am {german_date(work.date)}: {CLASS_NAMES[B]}")


def surcharges_follow_their_service(works: Sequence[Work]) -> None:
    """A surcharge (0500-0530, 0120) takes its service's class as it stands after the implant limit and the
    reviewer's decisions: a surcharge of an excluded implant is not eligible either (spec section 2)."""
    for work in works:
        owner = work.owner
        if owner is None or work.class_by_hand or work.line_class is owner.line_class:
            continue
        service = f"{owner.fee.schedule.value} {owner.fee.number}{_on(owner)}"
        if owner.line_class is X:
            work.exclude(
                RULE_SURCHARGE, f"Zuschlag zu {service}, die nicht erstattungsfähig ist", owner.excluded_by or Cause.NOT_ELIGIBLE
            )
        else:
            work.include_again(RULE_SURCHARGE, f"Zuschlag zu {service}, die wieder erstattungsfähig ist")
            work.line_class = owner.line_class
            work.explain(RULE_SURCHARGE, f"Klasse der Leistung {service}: {CLASS_NAMES[owner.line_class]}")


def apply_manual_class(work: Work, manual: LineClass | None) -> None:
    if manual is not None and manual is not work.line_class:
        work.line_class = manual
        work.class_by_hand = True
        work.explain("von Hand", f"Klasse von Hand gesetzt: {CLASS_NAMES[manual]}")
    elif manual is not None:
        work.class_by_hand = True


def orthodontics_findings(
    works: Sequence[Work], begin: dt.date | None, person: Person, young: bool | None, report: Report
) -> None:
    """Say once why orthodontic lines are not eligible (Nr. II.3.1)."""
    orthodontic = [w for w in works if is_orthodontic(w)]
    if not orthodontic or young:
        return
    if young is None:
        report(
            Severity.WARNING,
            "orthodontics.no_birth_date",
            "Kieferorthopädie: ohne Geburtsdatum ist das Alter bei Behandlungsbeginn nicht prüfbar; "
            "nicht erstattungsfähig angesetzt",
            sheet="Patient",
            column="B",
            section="Nr. II.3.1",
        )
        return
    assert begin is not None and person.birth_date is not None
    source = "KFO-Behandlungsbeginn" if person.orthodontics_start else "erste kieferorthopädische Leistung des Plans"
    report(
        Severity.WARNING,
        "orthodontics.adult",
        f"Kieferorthopädie: Behandlungsbeginn {german_date(begin)} ({source}) mit {age_on(person.birth_date, begin)} Jahren; "
        f"erstattungsfähig nur bei Beginn vor dem 19. Lebensjahr – {len(orthodontic)} kieferorthopädische Zeile(n) "
        "nicht erstattungsfähig",
        section="Nr. II.3.1",
    )


LAB_CODE_DEFAULTS: tuple[tuple[str, str, LineClass, str], ...] = (
    ("0323", "0323", A, "Teilkrone aus Keramik"),
    ("0301", "0333", B, "Inlay"),
    ("0334", "0403", A, "Krone, Brücke, Teleskop"),
    ("0901", "0933", B, "Kieferorthopädie"),
    ("0501", "1021", A, "Zahnersatz, Verblendung, Prothese, Schiene"),
    ("I 111", "I 117", A, "Implantologie"),
)


class FeeIndex:
    """The fee lines by tooth, so that a lab line finds the fee lines it belongs to without scanning them all."""

    def __init__(self, fee_works: Sequence[Work]) -> None:
        self.fee_works = fee_works
        self.by_tooth: dict[int, list[Work]] = defaultdict(list)
        for work in fee_works:
            for tooth in work.fee.teeth.teeth:
                self.by_tooth[tooth].append(work)
        self.tooth_level_a = {id(w) for w in fee_works if is_tooth_level_a_service(w)}
        self._billed_by_class: dict[LineClass, Decimal] | None = None

    def owners(self, teeth: Iterable[int]) -> list[Work]:
        """The fee lines on any of these teeth, in plan order, each once."""
        found = {id(w): w for tooth in teeth for w in self.by_tooth.get(tooth, ())}
        return sorted(found.values(), key=lambda w: w.index)

    def billed_by_class(self) -> dict[LineClass, Decimal]:
        """The plan's billed fee amount of classes A and B (computed once: fee amounts are final by now)."""
        if self._billed_by_class is None:
            self._billed_by_class = {c: sum((f.billed for f in self.fee_works if f.line_class is c), Decimal(0)) for c in (A, B)}
        return self._billed_by_class


def classify_lab_line(work: Work, fees: FeeIndex, young: bool | None) -> list[Work]:
    """Inherit the class of the fee lines on the same teeth, else a default by lab code (Nr. II.3.1).

    Orthodontic lab lines follow the age at the start of the orthodontic treatment. Returns the fee lines
    the lab line belongs to.
    """
    owners = fees.owners(work.lab.teeth.teeth)
    code = work.lab.code
    if is_orthodontic(work) and not young:
        work.line_class = X
        work.explain(
            "Nr. II.3.1",
            f"Laborcode {code} (Kieferorthopädie), Behandlungsbeginn mit 19 Jahren oder später oder unbekannt: {CLASS_NAMES[X]}",
        )
        return owners
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
    for first, last, line_class, reason in LAB_CODE_DEFAULTS:
        if _code_between(code, first, last):
            work.line_class = line_class
            work.explain("Nr. II.3.1", f"keine Leistung am selben Zahn; Laborcode {code} ({reason}): {CLASS_NAMES[line_class]}")
            return owners
    billed_by_class = fees.billed_by_class()
    work.line_class = A if billed_by_class[A] >= billed_by_class[B] else B
    work.explain(
        "Nr. II.3.1",
        f"keine Leistung am selben Zahn; Laborcode {code}: Klasse mit dem größeren Anteil am Honorar "
        f"des Plans: {CLASS_NAMES[work.line_class]}",
    )
    return owners


def lab_accident(owners: Sequence[Work], fees: FeeIndex, whole_plan: bool) -> bool:
    """A lab line is accident-caused when its tooth-level A-services all are, else when all its fee lines are (5.4)."""
    if whole_plan:
        return True
    services = [o for o in owners if id(o) in fees.tooth_level_a]
    deciding = services or owners
    return bool(deciding) and all(o.accident for o in deciding)


def _code_between(code: str, first: str, last: str) -> bool:
    same_kind = code.startswith("I ") == first.startswith("I ")
    return same_kind and len(code) == len(first) and first <= code <= last
