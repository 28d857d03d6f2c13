"""An output replaces only what the program wrote before: an earlier letter, estimate or workbook of that name is
written anew; any other file (a scan of the signed plan, another patient's workbook, a note) only with --force, and
never the plan it was made from. The letterhead the letters are written with is read here too."""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from estimator.case import CaseError
from estimator.command.reviews import UsageError
from estimator.files import resolved
from estimator.io.boundedjson import bounded_json
from estimator.letterhead import Letterhead
from estimator.model import Person
from estimator.output.jsonout import SCHEMA
from estimator.output.textout import terminal_safe


def refuse_replacing_others(pdf: Path | None, json_out: Path | None, xlsx: Path | None, *, force: bool, letter: str = "") -> None:
    """Refuses, naming each, outputs of one name given twice, and (unless forced) existing files of the outputs'
    names that are no output of the program, and a letter written for another person than the one of key `letter`."""
    given = [path for path in (pdf, json_out, xlsx) if path is not None]
    places = [resolved(path) for path in given]
    twice = [str(path) for index, path in enumerate(given) if places[index] in places[:index]]
    if twice:
        raise UsageError(f"{', '.join(twice)}: zweimal als Ausgabe angegeben; bitte jeder Ausgabe einen eigenen Namen geben")
    if force:
        return
    others = [
        f"{path} gibt es schon und ist {kind}"
        for path, ours, kind in (
            (pdf, is_our_letter, "kein Brief dieses Programms"),
            (json_out, is_our_estimate_json, "keine Schätzung dieses Programms als JSON"),
            (xlsx, is_our_estimate_workbook, "keine Arbeitsmappe einer Schätzung dieses Programms"),
        )
        if path is not None and path.is_file() and not ours(path)  # a pipe or a device is written to, never replaced
    ]
    if pdf is not None and letter and letter_for_another(pdf, letter):
        others.append(f"{pdf} ist der Brief für eine andere Person (oder aus einer früheren Version des Programms)")
    if others:
        raise UsageError(f"{'; '.join(others)}; bitte einen anderen Namen wählen oder zum Überschreiben --force angeben")


OUR_LETTER = b"/Creator (HKP-Sch\\344tzer)"  # how the letters of estimator.output.pdf name who wrote them
LETTER_READ_LIMIT = 64 * 1024 * 1024  # a larger file is no letter of ours, and is not read to find out
LETTER_FOR = re.compile(rb"/Keywords \(HKP ([0-9a-f]{20})\)")  # whom a letter was written for (letter_key)


@contextlib.contextmanager
def letters_locked(folder: Path) -> Iterator[None]:
    """The folder locked against the program's other processes writing letters into it meanwhile (two batches, or
    `hkp estimate` beside one), so that looking at a letter of a name and writing one of that name are one step; where
    the system or the folder has no such lock (fcntl), nothing."""
    try:
        import fcntl  # noqa: PLC0415 - POSIX only

        handle = os.open(folder, os.O_RDONLY)
    except (ImportError, OSError):
        yield
        return
    try:
        with contextlib.suppress(OSError):
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # the lock goes with it


def _letter(path: Path) -> bytes | None:
    """The bytes of a letter this program wrote (its PDF names the program as its creator), or None."""
    try:
        if not path.is_file() or path.stat().st_size > LETTER_READ_LIMIT:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    return data if OUR_LETTER in data else None


def is_our_letter(path: Path) -> bool:
    """Whether a file is a letter this program wrote."""
    return _letter(path) is not None


def letter_key(person: Person, plan: Path | None) -> str:
    """What a letter records of whom it was written for: a digest of the person (name, birth date, insurance
    number), so that a letter by the same name for another person (last week's plan.xlsx of another folder, or of the
    same export file) is recognised, and the same person's letter is written anew from a moved folder, a case file or
    the window. A plan that names nobody is told by its file's place."""
    import hashlib  # noqa: PLC0415

    name, number = " ".join(person.name.split()).casefold(), " ".join(person.insurance_number.split()).casefold()
    who = [name, person.birth_date.isoformat() if person.birth_date else "", number]
    if not name and not number:
        who.append(str(resolved(plan)) if plan is not None else "")
    return hashlib.sha256("\n".join(who).encode("utf-8", "surrogatepass")).hexdigest()[:20]


def letter_for_another(path: Path, key: str) -> bool:
    """Whether a file is a letter of this program written for another person than the one of key (a letter of an
    earlier version, which records nobody, counts as another's: it may be one a patient was sent)."""
    data = _letter(path)
    if data is None:
        return False
    found = LETTER_FOR.search(data)
    return found is None or found.group(1).decode("ascii") != key


def is_our_estimate_json(path: Path) -> bool:
    """Whether a file is an estimate this program wrote as JSON (its schema named at the top)."""
    try:
        data = bounded_json(path)
    except CaseError:
        return False
    return isinstance(data, dict) and str(data.get("schema", "")).split("/")[0] == SCHEMA.split("/")[0]


def is_our_estimate_workbook(path: Path) -> bool:
    """Whether a file is a workbook of an estimate this program wrote (its sheets Übersicht, Zeilen, Hinweise)."""
    from estimator.io.columns import ESTIMATE_SHEETS  # noqa: PLC0415
    from estimator.io.sheets import sheet_names  # noqa: PLC0415

    return sheet_names(path) == ESTIMATE_SHEETS


def refuse_overwriting_input(source: Path, *outputs: Path | None) -> None:
    """An output never replaces the plan it was made from."""
    for output in outputs:
        if output is not None and resolved(output) == resolved(source):
            raise UsageError(f"{output}: das ist die Eingabedatei; bitte einen anderen Namen für die Ausgabe angeben")


def letterhead_of(options: argparse.Namespace) -> Letterhead | None:
    """The letterhead file given, read and checked (a logo that is no image is refused with its reason; an e-mail
    that is no address is left out, said on stderr)."""
    if not options.letterhead:
        return None
    said: list[str] = []
    letterhead = Letterhead.from_file(options.letterhead, said)
    for problem in said:
        print(terminal_safe(f"hkp: {problem}"), file=sys.stderr)
    return letterhead
