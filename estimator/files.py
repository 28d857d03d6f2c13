"""Atomic writes: a temporary file beside the target, flushed to disk, then renamed over it (and what a killed
write left beside it removed); what a file to be read is, before it is opened."""

from __future__ import annotations

import contextlib
import errno
import itertools
import json
import os
import re
import stat
import tempfile
import time
from pathlib import Path
from typing import Any

TEMPORARY_MARK = "hkp-"  # in the name of a write's temporary file: „.brief.pdf.hkp-k3j_9xq2.tmp“, no name of the user's
OWNER_ONLY = 0o600  # every file the program writes may hold patient data
REASONS = {  # what went wrong with a file, in the words of the program (the system's own words are English)
    errno.ENOENT: "Datei oder Ordner nicht gefunden",
    errno.EACCES: "keine Berechtigung",
    errno.EPERM: "keine Berechtigung",
    errno.EISDIR: "ist ein Ordner, keine Datei",
    errno.ENOTDIR: "ein Teil des Pfads ist kein Ordner",
    errno.ENOSPC: "kein Platz mehr auf dem Datenträger",
    errno.EFBIG: "Datei zu groß für den Datenträger oder die erlaubte Dateigröße",
    errno.EDQUOT: "Speicherkontingent des Benutzers erschöpft",
    errno.EROFS: "Datenträger ist schreibgeschützt",
    errno.ENAMETOOLONG: "Dateiname zu lang",
    errno.ELOOP: "ein Verweis, der auf sich selbst zeigt",
    errno.EEXIST: "gibt es schon, und es ist kein Ordner",  # a folder asked for (--pdf-dir) where a file is
    errno.EIO: "Lesefehler des Datenträgers",
    errno.ESTALE: "die Datei auf dem Netzlaufwerk ist nicht mehr erreichbar",
    errno.ETIMEDOUT: "das Netzlaufwerk antwortet nicht",
    errno.EBUSY: "die Datei ist belegt",
    errno.ENXIO: "das Gerät ist nicht erreichbar",
    errno.ENOLCK: "keine Sperre möglich",
}


def not_a_file(path: Path) -> str | None:
    """Why `path` cannot be read as a file, before anything opens it: a pipe would wait for ever, a device like
    /dev/zero never ends, a link to itself never leads to a file. None for a regular file (or one not there: the
    reader says so in its own words)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return None
    except (OSError, RuntimeError) as error:
        if isinstance(error, OSError) and error.errno != errno.ELOOP:
            return None  # a name too long, no permission: whoever opens it says so in its words
        return f"{path.name}: eine Verknüpfung, die auf sich selbst zeigt, keine Datei"  # a link that leads to itself
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return f"{path.name}: keine Datei, sondern ein Gerät oder eine Pipe; bitte die Arbeitsmappe oder den Fall selbst wählen"


def resolved(path: Path) -> Path:
    """The absolute path with links followed, as far as they lead (a link to itself stays as it is)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def reason(error: OSError) -> str:
    """ "Datei oder Ordner nicht gefunden": what went wrong with a file, in German where it is known."""
    if not error.errno:  # raised here with its own words
        return str(error) or type(error).__name__
    return REASONS.get(error.errno) or f"Systemfehler {errno.errorcode.get(error.errno, error.errno)}"


def file_problem(error: OSError) -> str:
    """ "x.pdf: Datei oder Ordner nicht gefunden": an OSError said in German, with the file it concerns."""
    return f"{error.filename}: {reason(error)}" if error.filename else reason(error)


def atomic_write_bytes(path: Path, data: bytes, mode: int = OWNER_ONLY) -> None:
    """Write data to path so that a crash leaves either the old file or the new one, never a torn one.

    The new file is readable by its owner only; an error names the file asked for, never the temporary one. A
    device or a pipe is written to directly: `--json /dev/stdout` prints, and /dev/null stays a device.
    """
    path = Path(path)
    if path.is_symlink():
        try:
            path = path.resolve()  # the file the link names is replaced, the link stays
        except RuntimeError:  # a link to itself, or a ring of links
            raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path)) from None
    if path.exists() and not path.is_file():  # a device or a pipe (/dev/stdout, a FIFO): written to, never replaced
        try:
            with path.open("wb") as stream:
                stream.write(data)
        except OSError as error:
            raise OSError(error.errno, error.strerror, str(path)) from None
        return
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{_stem(path)}.{TEMPORARY_MARK}", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            os.chmod(temporary, mode)
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise OSError(error.errno, error.strerror, str(path)) from None
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable where the platform allows it
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
    _remove_left_temporaries(path)


TIDY_ENTRIES = 1_000  # entries of the folder looked at for them
STALE_SECONDS = 3_600  # a temporary file older than this is no write still going on: one takes seconds at most
_TEMPORARY_TAIL = re.compile(r"[a-z0-9_]{8}\.tmp")  # after „.NAME.hkp-“, as atomic_write_bytes names them


def _stem(path: Path) -> str:
    """What a temporary file beside `path` is named by: its name, none for a long one (which leaves no room)."""
    return path.name if len(path.name.encode()) <= 200 else ""


def _remove_left_temporaries(path: Path) -> None:
    """The temporary files of earlier writes to the same file that a program killed between writing and renaming
    left beside it (they hold what the file held: patient data): this user's own, regular, and an hour old."""
    limit = time.time() - STALE_SECONDS
    own = os.getuid() if hasattr(os, "getuid") else None
    try:
        with os.scandir(path.parent) as entries:  # the first entries only: a batch's folder of thousands is not
            first = itertools.islice(entries, TIDY_ENTRIES)  # read again for each file written into it
            prefix = f".{_stem(path)}.{TEMPORARY_MARK}"
            names = [e for e in first if e.name.startswith(prefix) and _TEMPORARY_TAIL.fullmatch(e.name[len(prefix) :])]
    except OSError:
        return
    for entry in names:
        with contextlib.suppress(OSError):
            status = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(status.st_mode) and status.st_mtime < limit and own in (None, status.st_uid):
                os.unlink(entry.path)


def atomic_write_text(path: Path, text: str, mode: int = OWNER_ONLY) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), mode)


def owner_only_folder(path: Path) -> None:
    """Create a folder for outputs (and its parents), readable by its owner only when it is new – each parent made
    here too (Path.mkdir gives the parents it makes the umask's mode)."""
    for folder in reversed([path, *(parent for parent in path.parents if not parent.exists())]):
        folder.mkdir(exist_ok=True, mode=0o700)


def shown_path(path: Path | str) -> str:
    """A path as text that can be shown and written anywhere: a name that is not UTF-8 (bytes from another system)
    with "\ufffd" for what is not (Python keeps such bytes as lone surrogates, which no UTF-8 text may hold)."""
    return os.fsencode(str(path)).decode("utf-8", "replace")


def is_text(path: Path | str) -> bool:
    """Whether a path is UTF-8 text (a name from another system's encoding is not): what a reader that takes names as
    text, the register's file and every output can hold as it is."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def json_text(data: Any) -> str:
    """JSON for people and programs alike: each field of the object on its own line, and each item of a list
    field on its own line. Written piecewise by the C encoder (an indented dump runs the slow pure-Python one)."""
    if not isinstance(data, dict):
        return json.dumps(data, ensure_ascii=False) + "\n"
    fields = []
    for key, value in data.items():
        name = json.dumps(key, ensure_ascii=False)
        if isinstance(value, list) and value:
            items = ",\n  ".join(json.dumps(item, ensure_ascii=False) for item in value)
            fields.append(f" {name}: [\n  {items}\n ]")
        else:
            fields.append(f" {name}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(fields) + "\n}\n"
