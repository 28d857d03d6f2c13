"""A session a plan names instead of a day („2. Sitzung“, „Folgetermin“, „nach Absprache“): the text a workbook's
date cell, a case file or an edit in the window holds, read alike."""

from __future__ import annotations

import re

from estimator.cells import cell_error
from estimator.codes import Code
from estimator.invisible import without_invisible

ORDINALS = r"\d{1,2}\.?(?:\s*[/+,&-]\s*\d{1,2}\.?)*"  # „1.“, „1./2.“, „1+2“ – a separator between figures, never two ways
SESSION = re.compile(  # no day in the date column: a session („1. Sitzung“, „Sitzung II“, „1./2. Termin (ca. KW 12)“,
    # „erste Sitzung“, „Tag 1“, „Folgetermin“) or a day not set yet („nach Absprache“, „folgt“, „n. V.“)
    rf"(?:(?:{ORDINALS}\s*)?(?:(?:erste|zweite|dritte|vierte|fünfte|letzte|nächste|weitere)\s+)?"
    r"(?:sitzung|sitzg|sitz|termin|folgetermin|behandlungstag|behandlung|bt|tag|session)\.?"
    r"(?:\s*(?:nr\.?\s*)?(?:\d{1,2}|[ivx]{1,4})(?:\s*[/+,&-]\s*(?:\d{1,2}|[ivx]{1,4}))*\.?)?(?:\s*\([^()]{0,40}\))?"
    r"|nach absprache|nach vereinbarung|n\.\s*v\.|folgt|offen|noch offen|tbd|tba|wird vereinbart)",
    re.IGNORECASE,
)
SESSION_TEXT = 60  # characters of a date cell compared with SESSION (a longer text is no session)
DATED = re.compile(r"\b\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})?(?!\d)")  # a day in a text („12.03.2026 1. Sitzung“, „10.03.“)


def session_of(value: str) -> str:
    """The session a date cell's text names instead of a day, as a line keeps it – without characters that print as
    nothing, its spaces as one –, or "" when it names none (a day, any other text, or longer than SESSION_TEXT)."""
    text = " ".join(without_invisible(value[: 4 * SESSION_TEXT]).split())
    return text if len(text) <= SESSION_TEXT and SESSION.fullmatch(text) and not DATED.search(text) else ""


def day_beside_session(text: str) -> str:
    """The day a text names alone or beside a session („12.03.2026 1. Sitzung“, „Termin (10.03.2026)“, „10.03.2026
    (2. Sitzung)“ as the window shows such a line), or "": the day is the line's day."""
    text = " ".join(text.split()) if len(text) <= 2 * SESSION_TEXT else ""
    days = DATED.findall(text) if len(text) <= SESSION_TEXT else []
    rest = DATED.sub("", text).replace("()", "").strip(" ,;-–")
    rest = rest[1:-1].strip() if rest.startswith("(") and rest.endswith(")") else rest  # „10.03.2026 (1. Sitzung)“
    return days[0] if len(days) == 1 and (not rest or SESSION.fullmatch(rest)) else ""


def session_value(value: object) -> str:
    """A line's session as the workbook reader keeps it (session_of): a text it would read so again, or nothing –
    a saved workbook must read back to the same plan; CellError for any other value."""
    session = session_of(value) if isinstance(value, str) else ""
    if value and not session:
        raise cell_error(Code.CELL_SESSION, value)
    return session
