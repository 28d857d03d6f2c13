"""Before the window writes a file: a name typed without its ending gets it (and is then asked about like one chosen),
and a file that is there already is replaced only when it is an earlier output of the same kind for the same person,
as `hkp` writes those anew, or when the user says so, told what the file is – the save dialogs themselves do not ask,
so that there is one question that names what would be lost. An export never replaces the open case's file or the
plan it was read from."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from estimator.case import CaseError
from estimator.files import resolved
from ui.dialogs import choose

if TYPE_CHECKING:
    from ui.main_window import MainWindow

Confirm = Callable[[str, str], bool]  # (title, text) -> replace
SUFFIXES = {"pdf": ".pdf", "xlsx": ".xlsx", "json": ".json", "plan": ".xlsx", "template": ".xlsx"}


def with_suffix(chosen: Path, suffix: str) -> Path:
    """The name as chosen when it ends as the kind's files do, else with that ending added (`schmidt` →
    `schmidt.hkp.json`, `brief` → `brief.pdf`)."""
    return chosen if chosen.name.lower().endswith(suffix) else chosen.with_name(chosen.name + suffix)


class Replacing(QObject):
    """The checks of one window; `confirm` asks the user (tests answer in its place)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.confirm: Confirm = self._confirm

    def _confirm(self, title: str, text: str) -> bool:
        choices = [("replace", self.tr("Ersetzen")), ("", self.tr("Abbrechen"))]
        return choose(self.window, title, text, choices, "") == "replace"

    def _is(self, path: Path, other: Path | None) -> bool:
        return other is not None and path.exists() and resolved(path) == resolved(other)

    def output(self, chosen: Path, kind: str) -> Path | None:
        """Where an export or a workbook of `kind` (SUFFIXES) goes, or None when it is not to be written (said)."""
        target = with_suffix(chosen, SUFFIXES[kind])
        document = self.window.document
        title = self.tr("Datei ersetzen?")
        if kind != "plan" and any(self._is(target, own) for own in (document.path, document.source)):
            self.window.show_error(
                self.tr("Nicht geschrieben"),
                self.tr("„{0}“ ist die Datei dieses Falls oder seines Plans; bitte einen anderen Namen wählen.").format(
                    target.name
                ),
            )
            return None
        if not target.is_file():  # a new name, or a pipe or device, which is written to and never replaced
            return target
        if kind == "plan" and self._is(target, document.source):
            text = self.tr(
                "„{0}“ ist die Arbeitsmappe, aus der dieser Plan gelesen wurde. Ersetzen schreibt den Plan hinein, wie er "
                "jetzt ist; was sie sonst enthält (weitere Blätter, Formate, Notizen), geht verloren."
            )
            return target if self.confirm(title, text.format(target.name)) else None
        what = self._other(target, kind)
        if not what:
            return target  # an earlier output of the program for this person: written anew, as `hkp` does
        text = self.tr("„{0}“ gibt es schon und ist {1}. Ersetzen? Die Datei geht dabei verloren.").format(target.name, what)
        return target if self.confirm(title, text) else None

    def _other(self, target: Path, kind: str) -> str:
        """What an existing file is when it is no earlier output of this kind for this person; "" when it is one."""
        from estimator.command.overwrite import (  # noqa: PLC0415 - loads when a file is written
            is_our_estimate_json,
            is_our_estimate_workbook,
            is_our_letter,
            letter_for_another,
            letter_key,
        )

        document = self.window.document
        if kind == "pdf":
            if not is_our_letter(target):
                return self.tr("kein Brief dieses Programms (vielleicht ein Scan oder ein anderes Dokument)")
            key = letter_key(document.estimate.plan.person, document.path or document.source)
            return self.tr("der Brief für eine andere Person") if letter_for_another(target, key) else ""
        if kind == "json":
            return "" if is_our_estimate_json(target) else self.tr("keine Schätzung dieses Programms als JSON")
        if kind == "xlsx":
            return "" if is_our_estimate_workbook(target) else self.tr("keine Arbeitsmappe einer Schätzung dieses Programms")
        return self.tr("eine Arbeitsmappe")  # a plan or the template: whatever the file holds is replaced

    def case_file(self, path: Path) -> bool:
        """Whether the case may be saved to `path` (its ending added already): the open case's own file, a new name,
        or an existing file the user chose to replace, told whose case it holds."""
        if not path.is_file() or self._is(path, self.window.document.path):
            return True
        from estimator.io.casefile import load_case  # noqa: PLC0415

        try:
            name = load_case(path).person.name.strip()
        except (CaseError, OSError):
            name = ""
        if name:
            text = self.tr(
                "„{0}“ ist der gespeicherte Fall von {1}. Durch den offenen Fall ersetzen? Der gespeicherte geht dabei verloren."
            )
            text = text.format(path.name, name)
        else:
            text = self.tr("„{0}“ gibt es schon. Durch den offenen Fall ersetzen? Die Datei geht dabei verloren.").format(
                path.name
            )
        return self.confirm(self.tr("Datei ersetzen?"), text)
