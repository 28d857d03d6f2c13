"""A field being typed in keeps the keys it edits with: Strg+Entf deletes a word there, Strg+D and Strg+K what the
platform's text fields do with them, Alt+↑/↓ what a list field does – none of them deletes, duplicates or moves the
plan line selected in a table (and the typing is not thrown away with it)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)
WATCHED = "hkpTextKeys"  # a widget's property: its filter is installed


class TextKeys(QObject):
    """Watches each text field of the window once it takes the focus (the cells' editors too, made as they open): a
    window shortcut among `keys` stays the field's key while the field has the focus."""

    def __init__(self, window: QWidget, keys: tuple[str, ...]) -> None:
        super().__init__(window)
        self.window = window
        combinations = [QKeySequence(key)[0] for key in keys]  # type: ignore[index]
        self.keys = {(c.keyboardModifiers().value, c.key().value) for c in combinations}
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focused)

    def _focused(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, TEXT_INPUTS) and not new.property(WATCHED) and self.window.isAncestorOf(new):
            new.installEventFilter(self)
            new.setProperty(WATCHED, True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier  # Entf and ↑ of the number pad too
        if (modifiers.value, event.key()) in self.keys:
            event.accept()  # the field's key, not the window's shortcut
            return True
        return False
