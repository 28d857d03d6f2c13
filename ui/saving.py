"""Before the open case is saved: a draft of a sent case is not written over it, and saving the case file again keeps
what others set in it meanwhile – the status from the register, and a change from another workstation unless the
user chooses to replace it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from estimator.case import CaseError
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

    def over_its_sent_case(self, path: Path) -> bool:
        """A draft made from a sent case (CaseDocument.edit_as_draft) is not saved over that case's file: said."""
        sent = self.window.document.draft_of
        if self.window.document.path is not None or sent is None or not sent.exists() or resolved(path) != resolved(sent):
            return False
        self.window.show_error(
            self.tr("Nicht gespeichert"),
            self.tr(
                "{0} ist der eingereichte Fall, aus dem dieser Entwurf gemacht ist; bitte einen anderen Namen wählen."
            ).format(sent.name),
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
        if document.disk_digest and digest != document.disk_digest:
            answer = self.ask(path.name)
            if answer != OVERWRITE:
                return answer
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
