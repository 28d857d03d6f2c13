"""Tooltips that show a text as written. Qt takes a text that looks like HTML as HTML – a patient's name
„<img src=…>“ from a plan would show a picture read from the disk or a network share, or hang the window on a pipe –
so every tooltip that may hold text from a plan or a file goes through `tip`. (Labels holding such text are set to
plain text where they are made.)"""

from __future__ import annotations

from PySide6.QtGui import Qt


def text_and_tip(text: str, own: str | None) -> str:
    """A cell's whole text above its own tooltip (which `tip` made: escaped HTML or plain text), as one tooltip."""
    if not own or own == text:
        return tip(text)
    if not Qt.mightBeRichText(own):
        return tip(f"{text}\n{own}")
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal) + own


def tip(text: str | None) -> str:
    """The tooltip for `text`: itself, or, when Qt would take it as HTML, the same text escaped as HTML."""
    if not text:
        return ""
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal) if Qt.mightBeRichText(text) else text
