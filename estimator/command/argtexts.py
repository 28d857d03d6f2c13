"""The command line's own words in German: argparse's texts (usage, option groups, the help option, its error
messages) translated where argparse asks gettext for them."""

from __future__ import annotations

import argparse

GERMAN = {
    "usage: ": "Aufruf: ",
    "positional arguments": "Argumente",
    "options": "Optionen",
    "show this help message and exit": "diese Hilfe zeigen und beenden",
    "the following arguments are required: %s": "es fehlt: %s",
    "unrecognized arguments: %s": "unbekannte Angaben: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "unbekannte Wahl: %(value)r (möglich: %(choices)s)",
    "argument %(argument_name)s: %(message)s": "Angabe %(argument_name)s: %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: Fehler: %(message)s\n",
    "expected one argument": "ein Wert ist nötig",
    "expected at most one argument": "höchstens ein Wert",
    "expected at least one argument": "mindestens ein Wert",
    "invalid %(type)s value: %(value)r": "ungültiger Wert: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "mehrdeutige Angabe: %(option)s passt zu %(matches)s",
    "not allowed with argument %s": "nicht zusammen mit %s",
    "ignored explicit argument %r": "Wert %r ist hier nicht erlaubt",
}


def german(text: str) -> str:
    return GERMAN.get(text, text)


def install() -> None:
    """argparse looks its texts up through its module's `_` when it needs them: from now on in German."""
    setattr(argparse, "_", german)  # noqa: B010 - the module's gettext hook, replaced on purpose
