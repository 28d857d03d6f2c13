"""Characters that print as nothing: zero-width spaces and joiners, the soft hyphen, bidirectional controls, the byte
order mark. Pasted from a web page or a mail they ride along unseen: „2,3“ followed by a zero-width space read as
no number, a fee number as no code, and bidirectional controls in a name or an insurance number turn the text
around where it is shown. A plan's numbers, codes and the person's texts are read without them."""

from __future__ import annotations

import re

INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def without_invisible(text: str) -> str:
    """The text without the characters that print as nothing."""
    return INVISIBLE.sub("", text) if not text.isascii() else text
