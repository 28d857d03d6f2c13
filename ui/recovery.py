"""After a crash: the case an earlier run left unsaved, taken back from its autosave (ui.autosave, ui.document)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from estimator.case import CaseError
from estimator.io.casefile import case_from_json
from ui import formats
from ui.autosave import LeftOver, left_over, sweep
from ui.dialogs import choose
from ui.document import CaseDocument

if TYPE_CHECKING:
    import datetime as dt

    from ui.main_window import MainWindow


@dataclass
class Recovery:
    """The latest case a program that ended left unsaved, now this program's autosave (None: none), the autosaves
    that could not be read (set aside, by their new names), and how many more wait for another start."""

    document: CaseDocument | None = None
    saved_at: dt.datetime | None = None
    set_aside: list[Path] = field(default_factory=list)
    waiting: int = 0


def recoverable() -> Recovery:
    """What earlier runs left unsaved: the latest readable case is taken over (declined, it is discarded with this
    program's autosave); a damaged autosave is set aside under a name of its own, never deleted; the others stay for
    the next start (a running program's are never touched)."""
    recovery = Recovery()
    try:
        sweep()
        found = left_over()
    except OSError:  # a data folder that cannot be read or made: nothing to offer (an autosave says so at the first edit)
        return recovery
    for left in found:
        if recovery.document is not None:
            left.release()
            recovery.waiting += 1
            continue
        try:
            document = _document(left.path)
        except (OSError, ValueError, KeyError, TypeError, CaseError):
            _set_aside(left, recovery)
            continue
        try:
            left.adopt()
        except OSError:  # held by another program (a virus scanner): offered at the next start
            left.release()
            recovery.waiting += 1
            continue
        recovery.document, recovery.saved_at = document, left.saved_at
    return recovery


def _set_aside(left: LeftOver, recovery: Recovery) -> None:
    try:
        recovery.set_aside.append(left.set_aside())
    except OSError:  # cannot be renamed now: left where it is, offered again at the next start
        left.release()


def _document(path: Path) -> CaseDocument:
    record = json.loads(path.read_text(encoding="utf-8"))
    document = CaseDocument(case_from_json(record["case"]))
    document.path, document.source = _path(record.get("path")), _path(record.get("source"))
    document.draft_of = _path(record.get("draft_of"))  # a sent case's draft stays one, not saved over the sent file
    document.sent_unlocked = record.get("sent_unlocked") is True
    digest = record.get("disk_digest")
    document.disk_digest = digest if isinstance(digest, str) else ""  # the file as read before the crash
    document.undo_stack.resetClean()  # recovered work is unsaved work: shown as changed, asked about before closing
    return document


def _path(value: object) -> Path | None:
    return Path(value) if isinstance(value, str) and value else None


def _ask_recovery(window: MainWindow, title: str, saved_at: dt.datetime) -> bool:
    """Whether to take the changes back; only „Verwerfen“ drops them – Esc or closing the question restores them."""
    text = QCoreApplication.translate(
        "MainWindow",
        "Beim letzten Mal wurde „{0}“ nicht gespeichert (zuletzt geändert am {1} um {2} Uhr). Die Änderungen "
        "wiederherstellen? Verwerfen löscht sie endgültig.",
    ).format(title, formats.day(saved_at.date()), saved_at.strftime("%H:%M"))
    choices = [
        ("discard", QCoreApplication.translate("MainWindow", "Verwerfen")),
        ("restore", QCoreApplication.translate("MainWindow", "Wiederherstellen")),  # the last: also Esc
    ]
    return choose(window, QCoreApplication.translate("MainWindow", "Wiederherstellen"), text, choices, "restore") != "discard"


def offer_recovery(window: MainWindow, ask: Callable[[MainWindow, str, dt.datetime], bool] = _ask_recovery) -> bool:
    """After a crash: offer the case the last run left unsaved; say what could not be read and what waits."""
    recovery = recoverable()
    for path in recovery.set_aside:
        text = QCoreApplication.translate(
            "MainWindow",
            "Eine automatische Sicherung ungespeicherter Änderungen konnte nicht gelesen werden. Sie ist unverändert "
            "aufbewahrt unter:\n{0}",
        ).format(path)
        window.show_error(QCoreApplication.translate("MainWindow", "Sicherung nicht lesbar"), text)
    if recovery.waiting:
        waiting = (
            QCoreApplication.translate(
                "MainWindow", "Ein weiterer nicht gespeicherter Fall wird beim nächsten Start des Programms angeboten"
            )
            if recovery.waiting == 1
            else QCoreApplication.translate(
                "MainWindow", "{0} weitere nicht gespeicherte Fälle: beim nächsten Start des Programms angeboten"
            )
        )
        window.statusBar().showMessage(waiting.format(recovery.waiting), 30000)
    document = recovery.document
    if document is None or recovery.saved_at is None:
        return False
    if not ask(window, document.title(), recovery.saved_at):
        document.discard_autosave()
        return False
    window.set_document(document)
    return True
