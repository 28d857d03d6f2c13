"""Before the open case is saved: it is not written over another case sent to the insurer, and saving the case file again keeps
what others set in it meanwhile – the status from the register, and a change from another workstation unless the
user chooses to replace it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from estimator.case import DRAFT, CaseError
from estimator.files import resolved
from estimator.io.casefile import saved_state
from ui.dialogs import choose
from ui.language import status_text

if TYPE_CHECKING:
    from ui.main_window import MainWindow

OVERWRITE, SAVE_AS = "overwrite", "save_as"  # the ways a save goes on; "" for none


class SaveChecks(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ask: Callable[[str], str] = self.ask_changed_on_disk  # tests answer in its place

    def over_a_sent_case(self, path: Path) -> bool:
        """Another case is not saved over a case file sent to the insurer (a draft made from it, too): said."""
        own = self.window.document.path
        if not path.exists() or (own is not None and resolved(path) == resolved(own)):
            return False  # the open case's own file: way() decides
        try:
            status = saved_state(path)[0]
        except CaseError:
            return False  # no case, or one that cannot be read: the save dialog asked before it is replaced
        if status == DRAFT:
            return False
        self.window.show_error(
            self.tr("Nicht gespeichert"),
            self.tr(
                "„{0}“ ist ein Fall mit dem Status {1} und wird nicht überschrieben; bitte einen anderen Namen wählen."
            ).format(path.name, status_text(status)),
        )
        return True

    def way(self, path: Path) -> str:
        """Saving the open case file again keeps where the case stands as the file says now (Fälle, `hkp register
        status` or another workstation may have changed it since it was opened); a copy under a new name does not
        (CaseDocument.save). A file whose case someone else changed since it was read or written here (another
        workstation) is replaced only when the user says so; edits made as a draft do not go into a case sent
        meanwhile. Returns OVERWRITE to save, SAVE_AS, or "" (not saved)."""
        document = self.window.document
        if document.path is None or not path.exists() or resolved(path) != resolved(document.path):
            return OVERWRITE
        try:
            status, paid, digest = saved_state(path)
        except CaseError:
            return OVERWRITE  # a file that cannot be read is replaced by the case as it is open
        if (status, paid) != (document.case.status, document.case.paid):
            document.take_status(status, paid)
        if document.is_locked and not document.is_saved:
            self.window.show_error(
                self.tr("Nicht gespeichert"),
                self.tr(
                    "„{0}“ ist inzwischen {1}; die Änderungen hier sind nicht darin gespeichert. Links oben „Als neuen "
                    "Entwurf bearbeiten“ wählen und unter neuem Namen speichern, oder „Diesen Fall ändern“."
                ).format(path.name, status_text(status)),
            )
            return ""
        if document.disk_digest and digest != document.disk_digest:
            return self.ask(path.name)
        return OVERWRITE

    def ask_changed_on_disk(self, name: str) -> str:
        text = self.tr(
            "„{0}“ wurde geändert, seit der Fall hier geöffnet oder gespeichert wurde – vielleicht an einem anderen "
            "Arbeitsplatz. Überschreiben ersetzt diese Änderungen durch den Fall, wie er hier offen ist."
        ).format(name)
        choices = [
            (SAVE_AS, self.tr("Unter neuem Namen speichern …")),
            (OVERWRITE, self.tr("Überschreiben")),
            ("", self.tr("Abbrechen")),
        ]
        return choose(self.window, self.tr("Datei inzwischen geändert"), text, choices, SAVE_AS)
