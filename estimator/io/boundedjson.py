"""A JSON file of the program read in bounded time and memory: its size, its containers and its values counted
before the parser makes an object of each (a case file of 63 MB took 1 GB before it was refused)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from estimator.case import CaseError
from estimator.files import not_a_file, reason

MAX_CASE_BYTES = 64 * 1024 * 1024  # a case of 20,000 lines takes some 5 MB; its values are bounded below
MAX_CONTAINERS = 500_000  # objects and lists in one file: 20,000 lines and 100,000 findings fit many times
MAX_VALUES = 2_000_000  # values (counted by their commas): 20,000 lines of 16 fields and 100,000 findings fit


def bounded_json(path: Path) -> Any:
    """A JSON file of the program (a case, an estimate), its size and containers bounded first; CaseError when it
    cannot be read."""
    reason = not_a_file(path)
    if reason:
        raise CaseError(reason)
    try:
        if path.stat().st_size > MAX_CASE_BYTES:
            raise CaseError(f"{path.name}: größer als {MAX_CASE_BYTES // 1024 // 1024} MB; keine Falldatei dieses Programms")
        raw = path.read_bytes()
        # each container and value becomes a Python object, some 16 times its bytes: bound them before parsing
        if raw.count(b"{") + raw.count(b"[") > MAX_CONTAINERS:
            raise CaseError(f"{path.name}: mehr als {MAX_CONTAINERS} Einträge; keine Falldatei dieses Programms")
        if raw.count(b",") > MAX_VALUES:
            raise CaseError(f"{path.name}: mehr als {MAX_VALUES} Werte; keine Falldatei dieses Programms")
        data = json.loads(raw.decode("utf-8-sig"), object_pairs_hook=_once_each)
        if re.search(rb"\\u[dD][89a-fA-F]", raw):  # an escaped surrogate: text no file, register or PDF can hold alone
            json.dumps(data, ensure_ascii=False).encode("utf-8")  # a pair is a character; a lone one raises here
        return data
    except CaseError:
        raise
    except FileNotFoundError:
        raise CaseError(f"Datei nicht gefunden: {path}") from None
    except UnicodeEncodeError:
        raise CaseError(f"{path.name}: enthält ein Zeichen, das kein Text sein kann (ein einzelnes \\ud800–\\udfff)") from None
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as error:
        raise CaseError(f"{path.name}: nicht lesbar ({_why(error)})") from None


def _once_each(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object of the file, each key once: a key twice (the last one would count, unseen) is refused."""
    found = dict(pairs)
    if len(found) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Twice(key)
            seen.add(key)
    return found


class _Twice(ValueError):
    """A key twice in one object of the file."""


def _why(error: BaseException) -> str:
    if isinstance(error, RecursionError):
        return "zu tief verschachtelt"
    if isinstance(error, json.JSONDecodeError):
        return f"kein gültiges JSON, Zeile {error.lineno}"
    if isinstance(error, UnicodeDecodeError):
        return "kein UTF-8-Text"
    if isinstance(error, OSError):
        return reason(error)  # „keine Berechtigung“, „Lesefehler des Datenträgers“
    if isinstance(error, _Twice):
        return f"der Eintrag „{str(error)[:60]}“ steht zweimal in einem Objekt"
    if isinstance(error, ValueError):
        return "Zahl zu groß"
    return type(error).__name__
