"""The language of this start of the app: Qt's translator words the window, estimator.wording the estimate."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from estimator.case import DRAFT, REFUSED, REIMBURSED, SUBMITTED
from estimator.wording import LANGUAGES

_current = ["de"]


def language() -> str:
    """ "de" or "en"."""
    return _current[0]


def set_language(code: str) -> None:
    _current[0] = code if code in LANGUAGES else "de"


def status_text(status: str) -> str:
    """A case's status in the window's language (the case file and the register keep the German word)."""
    words = {
        DRAFT: QCoreApplication.translate("Status", "Entwurf"),
        SUBMITTED: QCoreApplication.translate("Status", "eingereicht"),
        REIMBURSED: QCoreApplication.translate("Status", "erstattet"),
        REFUSED: QCoreApplication.translate("Status", "abgelehnt"),
    }
    return words.get(status, status)
