"""After a crash: the case an earlier run left unsaved, taken back from the autosave (ui.document)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from estimator.case import CaseError
from estimator.io.casefile import case_from_json
from ui.document import CaseDocument, autosave_path


def remove_unfinished_autosave() -> None:
    """Remove the temporary file of an autosave that a killed process did not finish (it holds patient data)."""
    path = autosave_path()
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        stale.unlink(missing_ok=True)


def recoverable() -> CaseDocument | None:
    """The case an earlier run left unsaved (after a crash), or None; a damaged autosave is set aside."""
    path = autosave_path()
    remove_unfinished_autosave()
    if not path.exists():
        return None
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        case = case_from_json(record["case"])
    except (OSError, ValueError, KeyError, TypeError, CaseError):
        os.replace(path, path.with_suffix(".beschaedigt"))
        return None
    document = CaseDocument(case)
    document.path, document.source = _path(record.get("path")), _path(record.get("source"))
    document.draft_of = _path(record.get("draft_of"))  # a sent case's draft stays one, not saved over the sent file
    document.sent_unlocked = record.get("sent_unlocked") is True
    digest = record.get("disk_digest")
    document.disk_digest = digest if isinstance(digest, str) else ""  # the file as read before the crash
    document.undo_stack.resetClean()  # recovered work is unsaved work: shown as changed, asked about before closing
    return document


def _path(value: object) -> Path | None:
    return Path(value) if isinstance(value, str) and value else None
