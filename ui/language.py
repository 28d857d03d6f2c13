"""The language of this start of the app: Qt's translator words the window, estimator.wording the estimate."""

from __future__ import annotations

from estimator.wording import LANGUAGES

_current = ["de"]


def language() -> str:
    """ "de" or "en"."""
    return _current[0]


def set_language(code: str) -> None:
    _current[0] = code if code in LANGUAGES else "de"
