"""What a workbook may unpack to and hold, checked before any parser reads it: a hostile file is refused with
one message before it costs time or memory.

The checks follow the parts a reader will open, as the workbook's own relationships name them (not a guess
from the part names), once per sheet that points to them: the zip directory (sizes), then each worksheet
streamed once (estimator.io.sheetscan).

What the worksheets hold is surveyed in estimator.io.sheetscan, with these parts' limits.
"""

from __future__ import annotations

import posixpath
import weakref
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from estimator.cells import PlanReadError
from estimator.io.snapshot import open_binary, source

MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # everything the workbook unpacks to
MAX_SHEET_BYTES = 64 * 1024 * 1024  # one worksheet (streamed) or picture (never unpacked)
MAX_PART_BYTES = 24 * 1024 * 1024  # shared strings and the rest, which are read whole
MAX_SMALL_PART_BYTES = 4 * 1024 * 1024  # styles, the workbook part (sheets, names), relationships: parsed into objects
MAX_SHEETS = 255
MAX_CELLS = 400_000  # cells all worksheets together may hold in the XML; as many texts a shared-strings table may announce
MAX_TAG_BYTES = 64 * 1024  # one row or cell tag with its attributes
DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY")
WORKSHEET = "/worksheet"  # end of the relationship type of a worksheet
OFFICE_DOCUMENT = "/officeDocument"


def megabytes(size: int) -> str:
    return f"{thousands(round(size / 1024**2))} MB"


def thousands(number: int) -> str:
    """12345 -> "12.345"."""
    return f"{number:,}".replace(",", ".")


def damaged(path: Path, error: BaseException) -> PlanReadError:
    """One message for a workbook that cannot be read, with the reason in German where it is known."""
    return PlanReadError(f"{path.name}: die Arbeitsmappe ist beschädigt und nicht lesbar ({_reason(error)})")


def _reason(error: BaseException) -> str:
    """A short German reason for a damaged workbook, looking through the chain of causes."""
    cause: BaseException | None = error
    while cause is not None:
        if "Entit" in type(cause).__name__ or "DTD" in type(cause).__name__:
            return "unzulässige XML-Entitäten, die Datei wird aus Sicherheitsgründen nicht gelesen"
        cause = cause.__cause__ or cause.__context__
    return type(error).__name__


def refuse_unreadable(path: Path) -> None:
    """Refuse, with one message, what is not an .xlsx/.xlsm workbook or would unpack beyond the limits."""
    if not path.exists():
        raise PlanReadError(f"Datei nicht gefunden: {path}")
    if path.is_dir():
        raise PlanReadError(f"{path}: ein Ordner, keine Arbeitsmappe")
    if path.suffix.lower() == ".xls":
        raise PlanReadError(f"{path.name}: das alte Excel-Format .xls wird nicht gelesen; bitte in Excel als .xlsx speichern")
    with open_binary(path) as handle:
        head = handle.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise PlanReadError(
            f"{path.name}: die Arbeitsmappe ist kennwortgeschützt oder im alten .xls-Format; "
            "bitte ohne Kennwort als .xlsx speichern"
        )
    if not zipfile.is_zipfile(source(path)):
        if head.startswith(b"PK"):
            raise PlanReadError(
                f"{path.name}: die Arbeitsmappe ist unvollständig oder beschädigt; bitte erneut speichern oder senden lassen"
            )
        text = path.suffix.lower() in (".csv", ".txt", ".tsv")  # a practice program's export as text: Excel opens it
        raise PlanReadError(
            f"{path.name}: keine Arbeitsmappe (Excel .xlsx oder .xlsm, LibreOffice .ods)"
            + ("; bitte in Excel oder LibreOffice öffnen und als .xlsx speichern" if text else "")
        )
    try:
        with zipfile.ZipFile(source(path)) as archive:
            parts = archive.infolist()
    except Exception:  # BadZipFile, NotImplementedError (unknown zip version or method), OSError, ...
        raise PlanReadError(f"{path.name}: die Arbeitsmappe ist unvollständig oder beschädigt; bitte erneut speichern") from None
    names = {part.filename for part in parts}
    refuse_ambiguous(path, [part.filename for part in parts])
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise PlanReadError(f"{path.name}: ein ZIP-Archiv, aber keine Arbeitsmappe (Excel .xlsx oder .xlsm, LibreOffice .ods)")
    total = sum(part.file_size for part in parts)
    too_large = [part for part in parts if part.file_size > _part_limit(part.filename)]
    if total > MAX_UNPACKED_BYTES or too_large:
        largest = too_large[0] if too_large else max(parts, key=lambda part: part.file_size)
        raise PlanReadError(
            f"{path.name}: die Arbeitsmappe würde entpackt {megabytes(total)} belegen "
            f"(Teil {largest.filename}: {megabytes(largest.file_size)}); erlaubt sind {megabytes(MAX_UNPACKED_BYTES)}, "
            f"je Tabellenblatt {megabytes(MAX_SHEET_BYTES)}. Ein Heil- und Kostenplan ist viel kleiner; bitte die Datei prüfen"
        )


def refuse_ambiguous(path: Path, names: list[str]) -> None:
    """Parts a reader may find other than the checks do – a name twice, two names that differ only in letter case
    (readers look names up either way), a name with a backslash (read as a folder by some) – are refused: no
    spreadsheet program writes them, and the limits must hold for the very part that is read."""
    seen: set[str] = set()
    for name in names:
        twice = name.lower() in seen
        seen.add(name.lower())
        if twice or "\\" in name:
            raise PlanReadError(
                f"{path.name}: die Arbeitsmappe enthält den Teil „{name[:80]}“ "
                + ("mehrfach" if twice else "mit einem Rückwärtsschrägstrich im Namen")
                + "; so eine Datei schreibt kein Tabellenprogramm und wird aus Sicherheitsgründen nicht gelesen – bitte in "
                "Excel oder LibreOffice öffnen und neu speichern"
            )


def _part_limit(name: str) -> int:
    name = name.lower()  # a reader finds "XL/Worksheets/Sheet1.xml" as well
    if name.startswith(("xl/worksheets/", "xl/media/")):
        return MAX_SHEET_BYTES
    if name.endswith(("styles.xml", "workbook.xml", ".rels")):
        return MAX_SMALL_PART_BYTES
    return MAX_PART_BYTES


_NAMES: weakref.WeakKeyDictionary[zipfile.ZipFile, tuple[frozenset[str], dict[str, str]]] = weakref.WeakKeyDictionary()


def _names(archive: zipfile.ZipFile) -> tuple[frozenset[str], dict[str, str]]:
    """The archive's member names, and by their lower case the first of each: listed once per archive (a workbook of
    90.000 relationships took minutes when each looked them up in a list again)."""
    names = _NAMES.get(archive)
    if names is None:
        listed = archive.namelist()
        lowered: dict[str, str] = {}
        for candidate in listed:
            lowered.setdefault(candidate.lower(), candidate)
        names = _NAMES[archive] = (frozenset(listed), lowered)
    return names


def member(archive: zipfile.ZipFile, name: str) -> str:
    """The archive's member a reader opens for a part name: the name itself, else the first that differs only in
    letter case ("Worksheets/Sheet1.xml" – the readers find it so, and so must the checks); "" for none."""
    exact, lowered = _names(archive)
    return name if name in exact else lowered.get(name.lower(), "")


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """The relationships of a part: id -> (type, target part), targets resolved to names in the archive."""
    from defusedxml.ElementTree import fromstring  # noqa: PLC0415 - entity attacks are refused here too

    folder, name = posixpath.split(part)
    rels = member(archive, posixpath.join(folder, "_rels", f"{name}.rels"))
    if not rels:
        return {}
    found: dict[str, tuple[str, str]] = {}
    for element in fromstring(archive.read(rels)):
        target = element.get("Target") or ""
        resolved = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found[element.get("Id") or ""] = (element.get("Type") or "", member(archive, resolved) or resolved)
    return found


def _main_part(archive: zipfile.ZipFile, listed: Iterable[str]) -> str:
    main = next((target for kind, target in _relationships(archive, "").values() if kind.endswith(OFFICE_DOCUMENT)), "")
    return main if main in listed else member(archive, "xl/workbook.xml") or "xl/workbook.xml"


def counts_from_1904(archive: zipfile.ZipFile) -> bool:
    """Whether the workbook counts its days from 1904 (an older Excel for the Mac): a date stored as a plain number,
    without a date format, then lies 1.462 days later than the same number counts from 1900."""
    from defusedxml.ElementTree import fromstring  # noqa: PLC0415

    main = _main_part(archive, _names(archive)[0])
    properties = (e for e in fromstring(archive.read(main)).iter() if e.tag.rsplit("}", 1)[-1] == "workbookPr")
    return any((e.get("date1904") or "").strip().lower() in ("1", "true") for e in properties)


def worksheet_parts(archive: zipfile.ZipFile) -> tuple[list[tuple[str, str]], list[str]]:
    """(sheet name, worksheet part) a reader opens, once per sheet that names it (so a shared part counts for
    each), and the shared-strings parts the workbook names."""
    from defusedxml.ElementTree import fromstring  # noqa: PLC0415

    listed = _names(archive)[0]
    main = _main_part(archive, listed)
    relationships = _relationships(archive, main)
    sheets = [element for element in fromstring(archive.read(main)).iter() if element.tag.rsplit("}", 1)[-1] == "sheet"]
    if len(sheets) > MAX_SHEETS:
        raise PlanReadError(f"mehr als {MAX_SHEETS} Tabellenblätter")
    parts = []
    for sheet in sheets:
        identity = next((value for key, value in sheet.attrib.items() if key.rsplit("}", 1)[-1] == "id"), "")
        kind, target = relationships.get(identity, ("", ""))
        if kind.endswith(WORKSHEET) and target in listed:
            parts.append((sheet.get("name") or "", target))
    strings = {target for kind, target in relationships.values() if kind.endswith("/sharedStrings")}
    strings |= {name for name in listed if name.lower() == "xl/sharedstrings.xml"}
    return parts, sorted(name for name in strings if name in listed)


def refuse_declarations(window: bytes) -> None:
    """A document type with entities is refused: no reader here resolves them, and none is needed."""
    if any(mark in window for mark in DECLARATIONS):
        raise PlanReadError(
            "die Arbeitsmappe ist beschädigt und nicht lesbar "
            "(unzulässige XML-Entitäten, die Datei wird aus Sicherheitsgründen nicht gelesen)"
        )


def streamed(archive: zipfile.ZipFile, part: str) -> Iterator[bytes]:
    """The part's text in windows of about a megabyte that end after a complete tag (a tag cut at a window's
    end is carried into the next window), each checked for entity declarations."""
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(1 << 20):
            window = tail + chunk
            cut = window.rfind(b"<")
            if cut >= 0 and window.find(b">", cut) < 0:
                window, tail = window[:cut], window[cut:]
                if len(tail) > MAX_TAG_BYTES:
                    raise PlanReadError(
                        f"ein XML-Element in {part} ist länger als {thousands(MAX_TAG_BYTES)} Bytes; die Datei ist beschädigt"
                    )
            else:
                tail = b""
            refuse_declarations(window)
            yield window
    if tail:
        yield tail
