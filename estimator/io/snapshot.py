"""A workbook read from one snapshot of its bytes: the checks (estimator.io.xlsxguard, estimator.io.sheetscan) and
the readers see the same file, also when it is replaced while it is read – a practice program writing to a shared
folder, or a swap meant to slip a part past the checks. Each thread takes its own (the window reads on a worker)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import BinaryIO

from estimator.cells import PlanReadError
from estimator.files import reason

# a workbook file (its parts unpack to at most 256 MB, xlsxguard); python-calamine reading it from memory takes about
# twice its size more (a plan with a picture of 60 MB: 196 MB at the peak, 72 MB read from the disk)
MAX_FILE_BYTES = 64 * 1024 * 1024
_TAKEN: ContextVar[tuple[Path, bytes] | None] = ContextVar("snapshot", default=None)


@contextmanager
def snapshot(path: Path) -> Iterator[None]:
    """Within it, every reader of `path` reads the bytes it held when the snapshot was taken."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise PlanReadError(f"Datei nicht gefunden: {path}") from None
    except IsADirectoryError:
        raise PlanReadError(f"{path}: ein Ordner, keine Arbeitsmappe") from None
    except OSError as error:
        raise PlanReadError(f"{path.name}: nicht lesbar ({reason(error)})") from None
    if len(data) > MAX_FILE_BYTES:
        raise PlanReadError(
            f"{path.name}: die Datei ist größer als {MAX_FILE_BYTES // 1024**2} MB; ein Heil- und Kostenplan ist viel "
            "kleiner, bitte die Datei prüfen"
        )
    token = _TAKEN.set((path, data))
    try:
        yield
    finally:
        _TAKEN.reset(token)


def source(path: Path) -> Path | BinaryIO:
    """What a reader opens for `path`: the snapshot's bytes when one is taken of it, else the file itself."""
    taken = _TAKEN.get()
    return io.BytesIO(taken[1]) if taken is not None and taken[0] == path else path


def open_binary(path: Path) -> BinaryIO:
    """The file's bytes as a stream: the snapshot's when one is taken of it."""
    opened = source(path)
    return opened if not isinstance(opened, Path) else opened.open("rb")
