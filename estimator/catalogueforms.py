"""A fee number and a lab code as the catalogues write them, however a plan wrote them: digits filled to four, a
schedule's letter before a number dropped, a letter and a digit spaced, an implant code's letter spaced from its digits."""

from __future__ import annotations

import re

from estimator.invisible import without_invisible


def normalize_lab_code(value: object) -> str:
    """Lab code as listed: digits filled to four with leading zeros, an implant code as I, a space, three digits."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:  # 1e308 stays „1e+308“
        value = int(value)
    text = without_invisible(str(value)).strip().upper()
    implant = re.fullmatch(r"I\s*-?\s*([0-9]{3})", text)
    if implant:
        return f"I {implant[1]}"
    if (text.isascii() and text.isdigit()) and len(text) <= 4:
        return text.zfill(4)
    return text


def normalize_fee_number(value: object, schedule: str) -> str:
    """Fee number as catalogued: GOZ digits filled to four with leading zeros; GOÄ without a leading Ä, a letter and
    a digit with a space between (K 1)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:  # 1e308 stays „1e+308“
        value = int(value)
    text = without_invisible(str(value)).strip()
    if schedule == "GOZ":
        return text.zfill(4) if (text.isascii() and text.isdigit()) and len(text) <= 4 else text
    text = re.sub(r"^(?:Ä|AE|A(?=[0-9]))\s*", "", text, flags=re.IGNORECASE).strip()
    letter_number = re.fullmatch(r"([A-Za-z])\s*([0-9])", text)
    if letter_number:
        return f"{letter_number[1].upper()} {letter_number[2]}"
    return text.upper() if len(text) == 1 else text.lower() if re.fullmatch(r"[0-9]+[A-Za-z]", text) else text
