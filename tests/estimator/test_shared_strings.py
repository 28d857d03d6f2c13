"""Cells taking a shared string: a workbook written with a table of shared texts (as Excel writes every text)
reads as the same plan, and a cell naming a text the table does not hold is refused naming its cell – the reader
took „-1“ or „ 1“ for the first text, unseen, and one beyond the table ended the whole sheet without a place."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from estimator.cells import PlanReadError
from estimator.io.excel import read_plan
from estimator.io.sharedstrings import References
from estimator.resources import example_plan_path

SHEET = "xl/worksheets/sheet3.xml"  # the example's sheet „Leistungen“
INLINE = re.compile(rb'<c([^>]*?) t="inlineStr"><is><t>([^<]*)</t></is></c>')
RELATIONSHIP = (
    b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
    b'Target="sharedStrings.xml" Id="rId99"/></Relationships>'
)
CONTENT_TYPE = (
    b'<Override PartName="/xl/sharedStrings.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)


def shared(path: Path, edit: tuple[bytes, bytes] | None = None) -> Path:
    """The example plan with every text a shared string, as Excel writes it; `edit` replaces a piece of the
    sheet „Leistungen“ afterwards."""
    texts: dict[bytes, int] = {}

    def to_shared(cell: re.Match[bytes]) -> bytes:
        number = texts.setdefault(cell[2], len(texts))
        return b"<c" + cell[1] + b' t="s"><v>' + str(number).encode() + b"</v></c>"

    with zipfile.ZipFile(example_plan_path()) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            if name.startswith("xl/worksheets/"):
                data = INLINE.sub(to_shared, data)
            if name == SHEET and edit:
                assert edit[0] in data
                data = data.replace(edit[0], edit[1], 1)
            data = data.replace(b"</Relationships>", RELATIONSHIP) if name == "xl/_rels/workbook.xml.rels" else data
            data = data.replace(b"</Types>", CONTENT_TYPE) if name == "[Content_Types].xml" else data
            target.writestr(name, data)
        strings = b"".join(b"<si><t>" + text + b"</t></si>" for text in texts)
        head = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d">' % len(texts)
        target.writestr("xl/sharedStrings.xml", b'<?xml version="1.0"?>' + head + strings + b"</sst>")
    return path


def crown_cell(path: Path) -> bytes:
    """The cell D5 („2210“) of the shared example, as written."""
    found = re.search(rb'<c r="D5"[^>]*><v>[0-9]+</v></c>', zipfile.ZipFile(path).read(SHEET))
    assert found
    return found[0]


def test_a_plan_written_with_shared_texts_is_the_plan(tmp_path: Path) -> None:
    plan, example = read_plan(shared(tmp_path / "geteilt.xlsx")), read_plan(example_plan_path())
    assert plan.fee_lines == example.fee_lines and plan.lab_lines == example.lab_lines
    assert plan.person == example.person and plan.input_findings == ()


@pytest.mark.parametrize("value", [b"-1", b" 1", b"abc", b"1.5", b"99999", b"4294967296", b"1" * 5000])
def test_a_cell_naming_no_text_is_refused_naming_its_cell(tmp_path: Path, value: bytes) -> None:
    path = shared(tmp_path / "plan.xlsx")
    cell = crown_cell(path)
    shared(path, (cell, re.sub(rb"<v>[0-9]+</v>", b"<v>" + value + b"</v>", cell)))
    with pytest.raises(PlanReadError) as refused:
        read_plan(path)
    assert "Blatt Leistungen, Zelle D5: der Text der Zelle fehlt" in str(refused.value)
    assert "bitte in Excel öffnen und neu speichern" in str(refused.value)


@pytest.mark.parametrize(
    "spelling",
    [
        (b' t="s"><v>', b" t = 's'><v>"),  # another spelling
        (b' t="s"><v>', b' t="s"><f>A1</f><v>'),  # a formula before the value
    ],
)
def test_a_cell_naming_no_text_in_another_spelling_is_refused_too(tmp_path: Path, spelling: tuple[bytes, bytes]) -> None:
    path = shared(tmp_path / "plan.xlsx")
    cell = crown_cell(path)
    shared(path, (cell, re.sub(rb"<v>[0-9]+</v>", b"<v>-1</v>", cell).replace(*spelling)))
    with pytest.raises(PlanReadError, match="Zelle D5: der Text der Zelle fehlt"):
        read_plan(path)


def test_an_empty_reference_is_an_empty_cell_of_its_line_only(tmp_path: Path) -> None:
    path = shared(tmp_path / "plan.xlsx")
    cell = crown_cell(path)
    plan = read_plan(shared(path, (cell, re.sub(rb"<v>[0-9]+</v>", b"<v></v>", cell))))
    numbers = [line.number for line in read_plan(example_plan_path()).fee_lines]
    assert [line.number for line in plan.fee_lines] == [number for number in numbers if number != "2210"]
    assert [(f.sheet, f.row) for f in plan.input_findings][:1] == [("Leistungen", 5)]


@pytest.mark.parametrize("value", [b"7", b"9"])
def test_a_cell_cut_between_two_windows_is_checked_without_reading_the_sheet_again(value: bytes) -> None:
    """A window ends after any tag: a cell's value often begins the next one (a 1 MB sheet read in detail again took
    four times as long)."""
    cells = b"".join(b'<c r="A%d" t="s"><v>' % row + value + b"</v></c>" for row in range(1, 4))
    for cut in [k for k in range(1, len(cells)) if cells[k - 1 : k] == b">"]:  # where a window may end
        references = References(8)
        assert references.see(cells[:cut]) + references.see(cells[cut:]) == 3
        assert references.seen == 3 and references.wrong == (value == b"9")


@pytest.mark.parametrize(("runs", "refused"), [(60_000, True), (200, False)])
def test_a_text_of_very_many_formatted_pieces_is_refused_before_a_reader_makes_an_object_of_each(
    tmp_path: Path, runs: int, refused: bool
) -> None:
    # 780.000 pieces „<r><rPr><b/></rPr><t>x</t></r>“ in a file of 60 KB took 30 s and 800 MB to read
    from tests.estimator.hostile import HEADER_ROW, one_sheet_workbook  # noqa: PLC0415

    pieces = b"<r><rPr><b/></rPr><t>22</t></r><r><t>10</t></r>" + b"<r><rPr><b/></rPr><t></t></r>" * (runs - 2)
    strings = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
    strings += b"<si>" + pieces + b"</si></sst>"
    row = b'<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><v>2.3</v></c></row>'
    path = one_sheet_workbook(tmp_path / "formatiert.xlsx", [HEADER_ROW, row], strings)
    if refused:
        with pytest.raises(PlanReadError, match=r"mehr als 50\.000 unterschiedlich formatierte Textstücke"):
            read_plan(path)
    else:
        assert [line.number for line in read_plan(path).fee_lines] == ["2210"]  # the pieces of a text are the text


def test_formatted_pieces_are_counted_by_their_opening_tags_also_with_a_namespace_prefix() -> None:
    from estimator.io.sharedstrings import RUN_TAG  # noqa: PLC0415

    window = b"<x:si><x:r><x:rPr><x:b/></x:rPr><x:t>a</x:t></x:r><r><t>b</t></r><r/><rPh><t>c</t></rPh></x:si>"
    assert sum(1 for _ in RUN_TAG.finditer(window)) == 3  # not the closing tags, not rPr or rPh
