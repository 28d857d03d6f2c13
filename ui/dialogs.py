"""Messages to the user: message boxes that show their text as it is (a file or patient name is never read as
markup), and the reason an edit was refused in the status bar."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

Button = QMessageBox.StandardButton


def ask(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, *, buttons: Button, default: Button) -> Button:
    """Show a message as plain text and return the button the user chose."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(default)
    return Button(box.exec())


def choose(parent: QWidget | None, title: str, text: str, choices: list[tuple[str, str]], default: str) -> str:
    """Ask a question whose answers are named (plain text); returns the key of the chosen answer, "" for none (Esc,
    the window closed). choices: (key, button text), the last one the dialog's escape."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    buttons = {box.addButton(label, QMessageBox.ButtonRole.ActionRole): key for key, label in choices}
    for button, key in buttons.items():
        if key == default:
            box.setDefaultButton(button)
    box.setEscapeButton(list(buttons)[-1])
    box.exec()
    clicked = box.clickedButton()
    return next((key for button, key in buttons.items() if button is clicked), "")


def warn(parent: QWidget | None, title: str, text: str) -> None:
    ask(parent, QMessageBox.Icon.Warning, title, text, buttons=Button.Ok, default=Button.Ok)


class Refusals:
    """The reason an edit was refused, in the status bar until the next edit is taken – also one that changes nothing,
    a value typed as it stands – or where the case stands changes (a refusal for a sent case is old news once chosen),
    or 15 seconds pass."""

    def __init__(self, bar: QStatusBar) -> None:
        self.bar, self.shown = bar, ""

    def follow(self, document: Any) -> None:
        """Say the refusals of the case shown (each case opened is followed when it is shown)."""
        document.refused.connect(self.show)
        for taken in (document.changed, document.unchanged, document.standing_changed):
            taken.connect(self.forget)

    def show(self, reason: str) -> None:
        self.shown = reason
        self.bar.showMessage(reason, 15000)

    def forget(self) -> None:
        if self.shown and self.shown == self.bar.currentMessage():
            self.bar.clearMessage()
        self.shown = ""
