"""What a workbook may unpack to and hold, checked before any parser reads it: a hostile file is refused with
one message before it costs time or memory.

The checks follow the parts a reader will open, as the workbook's own relationships name them (not a guess
from the part names), once per sheet that points to them: the zip directory (sizes), then each worksheet
streamed once to count its rows and cells and to see whether it holds formulas.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path
from typing import Any

from estimator.cells import PlanReadError

MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # everything the workbook unpacks to
MAX_SHEET_BYTES = 64 * 1024 * 1024  # one worksheet (streamed) or picture (never unpacked)
MAX_PART_BYTES = 24 * 1024 * 1024  # shared strings and the rest, which are read whole
MAX_SMALL_PART_BYTES = 4 * 1024 * 1024  # styles, the workbook part (sheets, names), relationships: parsed into objects
MAX_SHEETS = 255
MAX_XML_ROWS = 100_000  # rows a worksheet part may hold at all, empty ones included
MAX_ROW_CELLS = 1_024  # cells one row may hold in the XML (only the first 64 columns are read)
MAX_CELLS = 400_000  # cells all worksheets together may hold in the XML
FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s/>]")
ROW_OR_CELL_TAG = re.compile(rb"<(?:\w+:)?(row|c)[\s/>]")
WORKSHEET = "/worksheet"  # end of the relationship type of a worksheet
OFFICE_DOCUMENT = "/officeDocument"


def megabytes(size: int) -> str:
    return f"{thousands(round(size / 1024**2))} MB"


def thousands(number: int) -> str:
    """12345 -> "12.345"."""
    return f"{number:,}".replace(",", ".")


def damaged(path: Path, error: BaseException) -> PlanReadError:
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
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise PlanReadError(
            f"{path.name}: die Arbeitsmappe ist kennwortgeschützt oder im alten .xls-Format; "
            "bitte ohne Kennwort als .xlsx speichern"
        )
    if not zipfile.is_zipfile(path):
        if head.startswith(b"PK"):
            raise PlanReadError(
                f"{path.name}: die Arbeitsmappe ist unvollständig oder beschädigt; bitte erneut speichern oder senden lassen"
            )
        raise PlanReadError(f"{path.name}: keine Excel-Arbeitsmappe (.xlsx oder .xlsm)")
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except Exception:  # BadZipFile, NotImplementedError (unknown zip version or method), OSError, ...
        raise PlanReadError(f"{path.name}: die Arbeitsmappe ist unvollständig oder beschädigt; bitte erneut speichern") from None
    names = {part.filename for part in parts}
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise PlanReadError(f"{path.name}: ein ZIP-Archiv, aber keine Excel-Arbeitsmappe (.xlsx oder .xlsm)")
    total = sum(part.file_size for part in parts)
    too_large = [part for part in parts if part.file_size > _part_limit(part.filename)]
    if total > MAX_UNPACKED_BYTES or too_large:
        largest = too_large[0] if too_large else max(parts, key=lambda part: part.file_size)
        raise PlanReadError(
            f"{path.name}: die Arbeitsmappe würde entpackt {megabytes(total)} belegen "
            f"(Teil {largest.filename}: {megabytes(largest.file_size)}); erlaubt sind {megabytes(MAX_UNPACKED_BYTES)}, "
            f"je Tabellenblatt {megabytes(MAX_SHEET_BYTES)}. Ein Heil- und Kostenplan ist viel kleiner; bitte die Datei prüfen"
        )


def _part_limit(name: str) -> int:
    if name.startswith(("xl/worksheets/", "xl/media/")):
        return MAX_SHEET_BYTES
    if name.endswith(("styles.xml", "workbook.xml", ".rels")):
        return MAX_SMALL_PART_BYTES
    return MAX_PART_BYTES


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """The relationships of a part: id -> (type, target part), targets resolved to names in the archive."""
    from defusedxml.ElementTree import fromstring  # noqa: PLC0415 - entity attacks are refused here too

    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels not in archive.namelist():
        return {}
    found: dict[str, tuple[str, str]] = {}
    for element in fromstring(archive.read(rels)):
        target = element.get("Target") or ""
        resolved = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found[element.get("Id") or ""] = (element.get("Type") or "", resolved)
    return found


def worksheet_parts(archive: zipfile.ZipFile) -> list[str]:
    """The worksheet parts a reader opens, once per sheet that names it (so a shared part counts for each)."""
    from defusedxml.ElementTree import fromstring  # noqa: PLC0415

    main = next((target for kind, target in _relationships(archive, "").values() if kind.endswith(OFFICE_DOCUMENT)), "")
    if main not in archive.namelist():
        main = "xl/workbook.xml"
    relationships = _relationships(archive, main)
    sheets = [element for element in fromstring(archive.read(main)).iter() if element.tag.rsplit("}", 1)[-1] == "sheet"]
    if len(sheets) > MAX_SHEETS:
        raise PlanReadError(f"mehr als {MAX_SHEETS} Tabellenblätter")
    parts = []
    for sheet in sheets:
        identity = next((value for key, value in sheet.attrib.items() if key.rsplit("}", 1)[-1] == "id"), "")
        kind, target = relationships.get(identity, ("", ""))
        if kind.endswith(WORKSHEET) and target in archive.namelist():
            parts.append(target)
    return parts


def scan_sheets(path: Path) -> set[str]:
    """Stream every worksheet part once, a megabyte at a time: refuse one with far too many rows or cells
    (before any parser sees it) and return the parts that hold formulas."""
    with_formulas: set[str] = set()
    try:
        with zipfile.ZipFile(path) as archive:
            parts = worksheet_parts(archive)
            counted: dict[str, int] = {}
            for part in parts:
                if part not in counted:
                    counted[part] = _scan_part(path, archive, part, with_formulas)
            cells = sum(counted[part] for part in parts)
    except PlanReadError as error:
        raise PlanReadError(str(error) if str(error).startswith(path.name) else f"{path.name}: {error}") from None
    if cells > MAX_CELLS:
        raise PlanReadError(
            f"{path.name}: die Tabellenblätter haben mehr als {thousands(MAX_CELLS)} Zellen; so große "
            "Pläne werden nicht gelesen, bitte den Plan aufteilen"
        )
    return with_formulas


def _scan_part(path: Path, archive: zipfile.ZipFile, part: str, with_formulas: set[str]) -> int:
    """The cells of one worksheet part; refuses too many rows, too wide a row, too many cells."""
    rows, row_cells, cells, tail = 0, 0, 0, b""
    with archive.open(part) as stream:
        while chunk := stream.read(1 << 20):
            window = tail + chunk
            if part not in with_formulas and FORMULA_TAG.search(window):
                with_formulas.add(part)
            for tag in ROW_OR_CELL_TAG.finditer(window):
                if tag.end() <= len(tail):
                    continue  # counted with the chunk before
                if tag[1] == b"row":
                    rows, row_cells = rows + 1, 0
                    continue
                row_cells, cells = row_cells + 1, cells + 1
                if row_cells > MAX_ROW_CELLS:
                    raise PlanReadError(
                        f"{path.name}: Zeile {thousands(rows)} eines Tabellenblatts hat mehr als {thousands(MAX_ROW_CELLS)} "
                        "Zellen; so breite Tabellen werden nicht gelesen, bitte die Datei prüfen"
                    )
            tail = chunk[-16:]
            if rows > MAX_XML_ROWS:
                raise PlanReadError(
                    f"{path.name}: ein Tabellenblatt hat mehr als {thousands(MAX_XML_ROWS)} Zeilen; so große Pläne werden "
                    "nicht gelesen (höchstens 20.000 Zeilen mit Inhalt), bitte den Plan aufteilen"
                )
            if cells > MAX_CELLS:
                raise PlanReadError(
                    f"{path.name}: die Tabellenblätter haben mehr als {thousands(MAX_CELLS)} Zellen; so große Pläne werden "
                    "nicht gelesen, bitte den Plan aufteilen"
                )
    return cells


def uncached_formulas(path: Path, part: str) -> set[tuple[int, int]]:
    """(row, column index) of formula cells without a saved result in one sheet part."""
    from defusedxml.ElementTree import iterparse  # noqa: PLC0415 - needed only for sheets with formulas
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string  # noqa: PLC0415

    found: set[tuple[int, int]] = set()
    with zipfile.ZipFile(path) as archive, archive.open(part) as stream:
        for _, element in iterparse(stream, events=("end",)):
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "row":
                element.clear()
            if tag != "c" or not element.get("r"):
                continue
            children: dict[str, Any] = {child.tag.rsplit("}", 1)[-1]: child for child in element}
            value = children.get("v")
            if "f" in children and (value is None or not (value.text or "").strip()):
                letters, row = coordinate_from_string(element.get("r"))
                found.add((row, column_index_from_string(letters) - 1))
    return found
