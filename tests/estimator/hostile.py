"""Build workbooks by hand, byte for byte: for files that no spreadsheet program would write."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

CONTENT_TYPES = b"""<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>"""
ROOT_RELS = b"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = b"""<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Leistungen" sheetId="1" r:id="rId1"/></sheets></workbook>"""
WORKBOOK_RELS = b"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""
SHEET_HEAD = b"""<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"""
SHEET_TAIL = b"</sheetData></worksheet>"
HEADER_ROW = b'<row r="1"><c r="A1" t="inlineStr"><is><t>Nr</t></is></c><c r="B1" t="inlineStr"><is><t>Faktor</t></is></c></row>'
TEXT_HEADER_ROW = HEADER_ROW.replace(b"</row>", b'<c r="C1" t="inlineStr"><is><t>Leistung</t></is></c></row>')
EMPTY_STRINGS = b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'


def one_sheet_workbook(path: Path, sheet_chunks: Iterable[bytes], shared_strings: bytes = EMPTY_STRINGS) -> Path:
    """A workbook with one sheet "Leistungen" whose XML is streamed from chunks (so it may be huge)."""
    return workbook_with_parts(path, "xl/worksheets/sheet1.xml", sheet_chunks, shared_strings=shared_strings)


def rows(count: int) -> Iterable[bytes]:
    """The header row, then count fee lines 10 (that is 0010) with factor 2,3, written compactly."""
    yield HEADER_ROW
    row = b"<row><c><v>10</v></c><c><v>2.3</v></c></row>"
    batch = row * 10_000
    for _ in range(count // 10_000):
        yield batch
    yield row * (count % 10_000)


def padding(megabytes: int) -> Iterable[bytes]:
    """Valid XML whitespace between rows, a megabyte at a time."""
    yield HEADER_ROW
    chunk = b" " * (1 << 20)
    for _ in range(megabytes):
        yield chunk


def entity_bomb() -> bytes:
    """Shared strings that expand a billion times if a parser resolves entities ("billion laughs")."""
    entities = "".join(f'<!ENTITY e{i} "{("&e" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    return (
        f'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY e0 "lol">{entities}]>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
        "<si><t>&e9;</t></si></sst>"
    ).encode()


def shared_string_in_rows(megabytes: int, count: int) -> tuple[bytes, Iterable[bytes]]:
    """One shared string of that many megabytes, used in a text column of count rows: (shared strings, rows)."""
    text = b"A" * (megabytes << 20)
    strings = (
        b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        b'count="1" uniqueCount="1"><si><t>' + text + b"</t></si></sst>"
    )
    row = b'<row><c><v>10</v></c><c><v>2.3</v></c><c t="s"><v>0</v></c></row>'
    return strings, [TEXT_HEADER_ROW, row * count]


def one_huge_row(megabytes: int) -> Iterable[bytes]:
    """The header row, then one row whose inline text (its Leistung) is that many megabytes."""
    yield TEXT_HEADER_ROW
    yield b'<row><c><v>10</v></c><c><v>2.3</v></c><c t="inlineStr"><is><t>'
    chunk = b"B" * (1 << 20)
    for _ in range(megabytes):
        yield chunk
    yield b"</t></is></c></row>"


def many_cells_row(cells: int) -> Iterable[bytes]:
    """The header row, then one row of that many small cells (a wide row, not a long text)."""
    yield HEADER_ROW
    yield b"<row><c><v>10</v></c><c><v>2.3</v></c>"
    cell = b'<c t="inlineStr"><is><t>x</t></is></c>'
    for _ in range(cells // 10_000):
        yield cell * 10_000
    yield b"</row>"


def texts_in_rows(count: int, characters: int) -> Iterable[bytes]:
    """The header row, then count rows each with a different inline text of that many characters."""
    yield TEXT_HEADER_ROW
    for number in range(count):
        text = (f"{number:08d}" * (characters // 8 + 1))[:characters].encode()
        yield b'<row><c><v>10</v></c><c><v>2.3</v></c><c t="inlineStr"><is><t>' + text + b"</t></is></c></row>"


def workbook_with_parts(
    path: Path,
    part: str,
    sheet_chunks: Iterable[bytes],
    sheets: int = 1,
    shared_strings: bytes = EMPTY_STRINGS,
    *,
    target: str = "",
) -> Path:
    """A workbook whose worksheet is the part named, named by `sheets` sheet entries at once (its relationship's
    target `target`, when given)."""
    target = target or part.removeprefix("xl/")
    content_types = CONTENT_TYPES.replace(b"/xl/worksheets/sheet1.xml", b"/" + part.encode())
    entries = "".join(f'<sheet name="Leistungen{i or ""}" sheetId="{i + 1}" r:id="rId1"/>' for i in range(sheets))
    workbook = WORKBOOK.replace(b'<sheet name="Leistungen" sheetId="1" r:id="rId1"/>', entries.encode())
    relations = WORKBOOK_RELS.replace(b'Target="worksheets/sheet1.xml"', f'Target="{target}"'.encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", relations)
        archive.writestr("xl/sharedStrings.xml", shared_strings)
        with archive.open(part, "w", force_zip64=True) as stream:
            stream.write(SHEET_HEAD)
            for chunk in sheet_chunks:
                stream.write(chunk)
            stream.write(SHEET_TAIL)
    return path
