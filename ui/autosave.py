"""Where the unsaved state of the open case is kept: each running program has its own file in the user's data folder,
held by a lock for as long as the program runs; and what a program that ended without cleaning up left behind.

Two windows (two starts of the program) never write into one another's file, and neither offers nor removes what the
other keeps: a file whose lock nobody holds is left over from a program that ended without saving – killed, or a power
cut – and is offered at the next start. The system lets the lock go with the process, whatever ended it (POSIX flock,
Windows byte-range locks).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import shutil
import stat
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from estimator.datadir import data_dir

SUFFIX = ".hkp.json"
PRINT_PREFIX = "hkp-druck-"  # a folder for the letter being printed (ui.printing), locked while its program runs
FOLDER_LOCK = ".sperre"
LOCK_SUFFIX = ".lock"
DAMAGED_SUFFIX = ".beschaedigt"


def _try_lock(path: Path) -> int | None:
    """The lock file opened and locked for this process, or None when another process holds it (or it cannot be made:
    OSError)."""
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if sys.platform == "win32":
            import msvcrt  # noqa: PLC0415 - Windows only

            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl  # noqa: PLC0415 - POSIX only

            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            if os.fstat(handle).st_ino != os.stat(path).st_ino:  # removed and made anew meanwhile: not the folder's lock
                raise BlockingIOError
    except OSError:
        os.close(handle)
        return None
    return handle


def lock_of(path: Path) -> int | None:
    """The lock file opened and locked for this process, or None when another process holds it or it cannot be made
    (a folder that cannot be written keeps what is in it)."""
    try:
        return _try_lock(path)
    except OSError:
        return None


def _unlock(handle: int, lock: Path, *, remove: bool) -> None:
    """Let a lock go, its file removed first where the system allows it while the lock is held (POSIX: a program
    that opened the file meanwhile finds it locked, one that opens it after finds none)."""
    if remove and sys.platform != "win32":
        with contextlib.suppress(OSError):  # a folder that cannot be written: the lock file stays, unheld
            lock.unlink(missing_ok=True)
    os.close(handle)
    if remove and sys.platform == "win32":
        with contextlib.suppress(OSError):  # another program has it open: it takes care of it
            lock.unlink(missing_ok=True)


def _lock(folder: Path, stem: str) -> Path:
    return folder / f"{stem}{LOCK_SUFFIX}"


def _file(folder: Path, stem: str) -> Path:
    return folder / f"{stem}{SUFFIX}"


def _folder() -> Path:
    folder = data_dir() / "autosave"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


@dataclass
class _Session:
    name: str
    handle: int


_sessions: dict[Path, _Session] = {}  # by data folder (tests move it; a program has one)


def _session(folder: Path) -> _Session:
    """This program's session in the folder, made at its first autosave; OSError when no lock can be made there (a
    folder that cannot be written, a share without locks): the autosave says so."""
    session = _sessions.get(folder)
    for _ in range(8):  # another program holding a name drawn at random: drawn again, a few times at most
        if session is not None:
            return session
        name = f"sitzung-{os.getpid()}-{os.urandom(4).hex()}"  # secrets would load hashlib at start
        lock = _lock(folder, name)
        handle = _try_lock(lock)
        if handle is not None:
            session = _sessions[folder] = _Session(name, handle)
        else:
            lock.unlink(missing_ok=True)  # a share that takes files but no locks: no lock files pile up
    raise OSError(errno.ENOLCK, "keine Sperre möglich", str(folder))


def autosave_path() -> Path:
    """This program's autosave file (owner-only, written atomically by ui.document)."""
    folder = _folder()
    return _file(folder, _session(folder).name)


def end_session() -> None:
    """The program ends: its lock goes, with the lock file when no unsaved state is left (what is left is offered at
    the next start, as after a crash)."""
    while _sessions:
        folder, session = _sessions.popitem()
        _unlock(session.handle, _lock(folder, session.name), remove=not _file(folder, session.name).exists())


def _stem(name: str) -> str:
    return name[: -len(SUFFIX)] if name.endswith(SUFFIX) else name


@dataclass
class LeftOver:
    """An autosave no running program holds, with its lock taken while it is offered (two starts never offer one
    file twice)."""

    path: Path
    handle: int
    saved_at: dt.datetime = field(init=False)

    def __post_init__(self) -> None:
        self.saved_at = dt.datetime.fromtimestamp(self.path.stat().st_mtime)

    @property
    def stem(self) -> str:
        return _stem(self.path.name)

    def adopt(self) -> Path:
        """Taken over by this program: it is now this program's autosave."""
        target = autosave_path()
        os.replace(self.path, target)
        self.release()
        return target

    def set_aside(self) -> Path:
        """A file that cannot be read: renamed, never overwritten by a later one, never deleted. Returns its name."""
        stamp = self.saved_at.strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.stem}-{stamp}{DAMAGED_SUFFIX}")
        os.replace(self.path, target)
        self.release()
        return target

    def release(self) -> None:
        """Not taken: its lock goes (with the lock file once the autosave is gone)."""
        _unlock(self.handle, _lock(self.path.parent, self.stem), remove=not self.path.exists())


def left_over() -> list[LeftOver]:
    """The autosaves of programs that ended without saving, the latest first, each locked for this program (release
    those not taken); the one file of earlier versions („offener-fall“) among them."""
    folder = _folder()
    own = _sessions.get(folder)
    found = []
    for path in folder.glob(f"*{SUFFIX}"):
        stem = _stem(path.name)
        if path.name.startswith(".") or (own is not None and stem == own.name):
            continue
        handle = lock_of(_lock(folder, stem))
        if handle is None:
            continue  # a running program's
        try:
            found.append(LeftOver(path, handle))
        except OSError:  # gone meanwhile
            os.close(handle)
    return sorted(found, key=lambda left: left.saved_at, reverse=True)


def sweep() -> None:
    """Remove what programs that ended left unfinished: the temporary file of an autosave that was being written (it
    holds patient data) and locks without a file; a running program's are left alone."""
    folder = _folder()
    own = _sessions.get(folder)
    temporary = {path: path.name[1:].split(f"{SUFFIX}.", 1)[0] for path in folder.glob(f".*{SUFFIX}.*.tmp")}
    locks = {path: path.name[: -len(LOCK_SUFFIX)] for path in folder.glob(f"*{LOCK_SUFFIX}")}
    for path, stem in {**temporary, **locks}.items():
        lock = _lock(folder, stem)
        if (own is not None and stem == own.name) or (handle := lock_of(lock)) is None:
            continue
        if path != lock:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        _unlock(handle, lock, remove=not _file(folder, stem).exists())


def sweep_print_folders() -> None:
    """Remove the folders of letters being printed that programs left when they were killed during the preview (each
    holds a whole letter): those of this user whose lock nobody holds."""
    for folder in Path(tempfile.gettempdir()).glob(f"{PRINT_PREFIX}*"):
        try:
            found = folder.lstat()
        except OSError:
            continue
        if not stat.S_ISDIR(found.st_mode) or (hasattr(os, "getuid") and found.st_uid != os.getuid()):
            continue  # a link, a file, another user's folder
        handle = lock_of(folder / FOLDER_LOCK)
        if handle is not None:
            os.close(handle)
            shutil.rmtree(folder, ignore_errors=True)
