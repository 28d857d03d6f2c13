"""Characters that print as nothing: zero-width spaces, the soft hyphen, bidirectional controls, the byte order mark.
Pasted from a web page or a mail they ride along unseen: „2,3“ followed by a zero-width space read as no number, a
fee number as no code, and bidirectional controls in a name or an insurance number turn the text around where it is
shown. A plan's numbers, codes and the person's texts are read without them; a text keeps the joiners that shape
its letters (a Persian name's zero-width non-joiner, an emoji's joiner)."""

from __future__ import annotations

import re
import unicodedata

INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
INVISIBLE_IN_TEXT = re.compile("[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
QUOTE_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")  # what a quote in a message shows as a space
LINE_BREAKS = re.compile("[\x0b\x0c\x85\u2028\u2029]")  # Word's Shift+Enter and the like: a line break, as written
CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # tab and line breaks stay


def without_invisible(text: str) -> str:
    """A value's text (a number, a date, a code) without the characters that print as nothing."""
    return INVISIBLE.sub("", text) if not text.isascii() else text


def quoted(text: str, limit: int = 60) -> str:
    """What was typed as a message quotes it: on one line, no control character, at most `limit` characters (a value
    of 5.000 characters was echoed whole)."""
    text = QUOTE_UNSAFE.sub(" ", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def printable_text(text: str) -> str:
    """A text that a letter prints and a workbook keeps (a line's text and reason, a reviewer's words, the note, the
    practice): visible_text, and without control characters – a bell or an escape pasted into a field printed as a box
    or as nothing and was dropped by the workbook unsaid. Tab and line breaks stay; the other breaks of a line (a
    vertical tab from Word's Shift+Enter) become line breaks, not words glued together. A text of joiners and marks alone
    shows nothing: it is none (a name „\u200d“ greeted nobody, „Guten Tag ,“, and was not missed)."""
    if text.isascii() and text.isprintable():
        return text
    cleaned = CONTROL_IN_TEXT.sub("", LINE_BREAKS.sub("\n", visible_text(text)))
    return cleaned if any(unicodedata.category(c)[0] in "LNPS" for c in cleaned) else ""


def visible_text(text: str) -> str:
    """A text (a name, an address) without the characters that print as nothing and shape no letter, and without the
    spaces that were behind them at its ends."""
    if text.isascii():
        return text
    cleaned = INVISIBLE_IN_TEXT.sub("", text)
    return cleaned.strip() if cleaned != text else text
