"""The register and the case files: a saved case entered, a status changed in the file and the register
together, the register rebuilt from the case files, and the history offered to a plan.

The case file is the document; the register is its index. A status and an amount paid are written into the case
file first, so a rebuild gives the same register.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from estimator.case import REIMBURSED, STATUSES, Case, CaseError
from estimator.files import is_text, shown_path
from estimator.io.casefile import load_case, save_case
from estimator.kinds import LineClass
from estimator.model import Estimate
from estimator.money import cents, eur
from estimator.register import RegisterError
from estimator.register.entry import Entry, entry_of, teeth_of
from estimator.register.history import History, history
from estimator.register.store import Register
from estimator.rules.engine import estimate_case, resolve_settings, tariff_of
from estimator.tariff.catalogues import load_tariffs

CASE_PATTERN = "*.hkp.json"
MAX_FILES = 100_000  # case files one rebuild reads


def record_case(register: Register, case: Case, result: Estimate, path: Path) -> int:
    """Enter the case just saved at path (with its estimate); its number in the register."""
    return register.record(entry_of(case, result, path))


def estimated_entry(path: Path) -> Entry:
    """The entry of a case file, read and estimated; CaseError (and what estimating raises) when it cannot be."""
    case = load_case(path)
    return entry_of(case, estimate_case(case), path)


UNCHANGED: Any = object()  # update_case: keep what the case says


def update_case(
    register: Register,
    number: int,
    status: str | None = None,
    paid: Decimal | Any | None = UNCHANGED,
    path: str = "",
) -> Entry:
    """Set where a case stands with the insurer and what it paid for class-A work: in its case file, then in the
    register. An amount paid is given with the status `erstattet`; it is kept (but not counted) when the status
    changes later. With path, the case must still be the one of that file (a list shown before a rebuild)."""
    if status is not None and status not in STATUSES:
        raise RegisterError(f"Status „{status}“ unbekannt; möglich: {', '.join(STATUSES)}")
    if paid is not UNCHANGED and paid is not None and status not in (None, REIMBURSED):
        raise RegisterError(f"Ein erstatteter Betrag gehört zum Status „{REIMBURSED}“")
    entry = register.get(number)
    if entry is None or (path and entry.path != path):
        raise RegisterError(f"Kein Fall Nr. {number} {f'mit der Datei {path} ' if path else ''}im Fallregister")
    file = Path(entry.path)
    try:
        case = load_case(file)
        changes: dict[str, Any] = {"status": status or case.status}
        if paid is not UNCHANGED:
            changes["paid"] = None if paid is None else cents(paid)
        case = dataclasses.replace(case, **changes)
        result = estimate_case(case)
        prosthetic = sum((line.billed for line in result.lines if line.line_class is LineClass.A), Decimal(0))
        if case.paid is not None and paid is not UNCHANGED and case.paid > prosthetic:
            raise RegisterError(
                f"erstattet {eur(case.paid)} ist mehr, als der Fall für Zahnersatz (Klasse A) berechnet "
                f"({eur(prosthetic)}); bitte nur, was der Versicherer für Zahnersatz zahlte, nicht die ganze Erstattung "
                "– der Betrag zählt für spätere Pläne in die Zahnstaffel (lag die Rechnung höher als der Plan: den Fall "
                "mit ihren Beträgen ändern und speichern, dann den Betrag eintragen)"
            )
        save_case(case, file)
    except (CaseError, OSError) as error:
        raise RegisterError(f"Falldatei nicht geändert, der Fall bleibt „{entry.status}“: {error}") from None
    record_case(register, case, result, file)
    changed = register.get(number)
    assert changed is not None
    return changed


@dataclass(frozen=True)
class Problem:
    """A case file a rebuild could not read, why, and whether the register keeps its earlier entry."""

    path: str
    reason: str
    kept: bool


@dataclass(frozen=True)
class Rebuilt:
    """What a rebuild did: entries written, files that could not be read, entries whose file is gone."""

    entries: int
    problems: tuple[Problem, ...]
    gone: tuple[str, ...]


def rebuild(register: Register, folder: Path) -> Rebuilt:
    """The register written anew from the case files under folder and those it already names elsewhere. A case
    keeps its number; an entry whose file cannot be read stays as it was (when it can itself be read), one whose
    file is gone is dropped and named."""
    if not folder.is_dir():
        raise RegisterError(f"{folder}: kein Ordner")
    found = sorted({p.resolve() for p in folder.rglob(CASE_PATTERN) if p.is_file()})
    if len(found) > MAX_FILES:
        raise RegisterError(f"{folder}: mehr als {MAX_FILES} Falldateien; bitte einen engeren Ordner angeben")
    numbers = register.numbers()
    known = {Path(e.path): e for e in register.everything()}
    files = sorted({*found, *(path for path in numbers if path.is_file())})
    entries, problems = [], []
    for path in files:
        if not is_text(path):
            problems.append(Problem(shown_path(path), "Pfad ist kein UTF-8-Text: nicht im Fallregister", False))
            continue
        try:
            entries.append(dataclasses.replace(estimated_entry(path), number=numbers.get(path, 0)))
        except Exception as error:  # any file that cannot be taken is named, and the rest goes on
            reason = str(error) if isinstance(error, (CaseError, OSError)) else f"nicht zu schätzen ({type(error).__name__})"
            problems.append(Problem(str(path), reason, path in known))
            if path in known:
                entries.append(known[path])
    gone = tuple(str(path) for path in numbers if not path.is_file())
    register.replace_all(entries)
    return Rebuilt(len(entries), tuple(problems), gone)


def history_for(register: Register, case: Case, result: Estimate, path: Path | None) -> History | None:
    """What the person's earlier cases used of the limits: class-A benefits per insurance year, deductible and PZR
    in the plan's calendar year; None when the register knows none (see estimator.register.entry.history)."""
    person = case.person
    entries = register.of_person(person.name, person.birth_date, person.insurance_number)
    first_day = min((line.date for line in result.lines), default=None) or case.plan_date
    own = str(path.resolve()) if path else ""
    profile = tariff_of(result.plan, load_tariffs())[0].profile
    cap_years, convention = profile.cap_years, resolve_settings(profile, dict(case.settings)).insurance_year
    used_day = result.plan.used_day()  # the year the person's used amounts lie in, as the engine takes it
    year = used_day.year if used_day else None
    limits = (
        next((d.amount for d in result.limits.deductible if d.year == year), None),
        next((p.limit for p in result.limits.pzr if p.year == year), None),
    )
    days = frozenset(line.date for line in result.lines)
    found = history(
        person,
        first_day,
        own,
        entries,
        cap_years,
        plan_year=year,
        days=days,
        teeth=teeth_of(result),
        year_limits=limits,
        convention=convention,
    )
    if register.unreadable:  # rows of this person the register cannot read: said, not silently left out
        found = found or History((), (), (), person.insurance_start, plan_year=year)
        found = dataclasses.replace(found, unreadable=register.unreadable)
    return found
