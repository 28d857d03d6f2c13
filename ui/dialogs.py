"""Message boxes that show their text as it is: a file or patient name is never read as markup."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton


def ask(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, *, buttons: Button, default: Button) -> Button:
    """Show a message as plain text and return the button the user chose."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(default)
    return Button(box.exec())


def warn(parent: QWidget | None, title: str, text: str) -> None:
    ask(parent, QMessageBox.Icon.Warning, title, text, buttons=Button.Ok, default=Button.Ok)
