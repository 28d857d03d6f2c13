"""Every setting of the desktop application, declared once with its type and default.

User settings live in their own file, readable by its owner only: it holds the practice's letterhead and the
paths of recent files (which may name patients). Window state is not kept there.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QSettings

T = TypeVar("T", str, tuple[str, ...])


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One setting: its key in the settings file and its default, whose type is the setting's type."""

    key: str
    default: T
    description: str


LANGUAGE = Setting("language", "de", "Sprache der Oberfläche: de oder en (wirkt beim nächsten Start)")
RECENT = Setting[tuple[str, ...]]("recent", (), "zuletzt geöffnete Pläne und Fälle, der neueste zuerst")
FOLDER = Setting("folder", "", "Ordner, in dem Dateidialoge zuletzt waren")
REVIEWER = Setting("reviewer", "", "Name für Prüfer-Entscheidungen")
PRACTICE = Setting("practice", "", "Name der Praxis im Briefkopf")
ADDRESS = Setting("address", "", "Anschrift der Praxis im Briefkopf")
PHONE = Setting("phone", "", "Telefon der Praxis im Briefkopf")
EMAIL = Setting("email", "", "E-Mail der Praxis im Briefkopf")
LOGO = Setting("logo", "", "Logo der Praxis im Briefkopf: Pfad eines PNG- oder JPEG-Bildes")
WELCOMED = Setting("welcomed", "", "ja, sobald der Willkommensbildschirm einmal gezeigt wurde")
ALL = (LANGUAGE, RECENT, FOLDER, REVIEWER, PRACTICE, ADDRESS, PHONE, EMAIL, LOGO, WELCOMED)
MAX_RECENT = 8


class Settings:
    """Typed access to the settings file; every change is written at once and owner-only."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings()

    def get(self, setting: Setting[T]) -> T:
        value = self.store.value(setting.key, setting.default)
        if isinstance(setting.default, tuple):
            items: Sequence[object] = value if isinstance(value, (list, tuple)) else [value] if value else []
            return tuple(str(item) for item in items)
        return str(value) if value is not None else setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        self.store.setValue(setting.key, list(value) if isinstance(value, tuple) else value)
        self.store.sync()
        with contextlib.suppress(OSError):
            os.chmod(self.store.fileName(), 0o600)

    def remember_file(self, path: str, folder: str) -> None:
        """A file opened or saved: first among the recent ones, its folder the next dialogs' start."""
        recent = [item for item in self.get(RECENT) if item != path]
        self.set(RECENT, (path, *recent)[:MAX_RECENT])
        self.set(FOLDER, folder)
