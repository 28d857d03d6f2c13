"""Messages to the user: message boxes that show their text as it is (a file or patient name is never read as
markup), and the reason an edit was refused in the status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

Button = QMessageBox.StandardButton


def ask(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, *, buttons: Button, default: Button) -> Button:
    """Show a message as plain text and return the button the user chose."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(default)
    return Button(box.exec())


def warn(parent: QWidget | None, title: str, text: str) -> None:
    ask(parent, QMessageBox.Icon.Warning, title, text, buttons=Button.Ok, default=Button.Ok)


class Refusals:
    """The reason an edit was refused, in the status bar until the next change is taken (or 15 seconds)."""

    def __init__(self, bar: QStatusBar) -> None:
        self.bar, self.shown = bar, ""

    def show(self, reason: str) -> None:
        self.shown = reason
        self.bar.showMessage(reason, 15000)

    def forget(self) -> None:
        if self.shown and self.shown == self.bar.currentMessage():
            self.bar.clearMessage()
        self.shown = ""
