"""A corpus of workbook variants that real practice software produces, all holding the same plan.

A `Layout` is the plan as plain rows; each variant is a function that changes how the rows are laid out
(title rows, synonyms, German text, column order, one sheet, ...) without changing what they mean.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import openpyxl

from estimator.io.excel import read_plan
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs

DAY1 = dt.datetime(2026, 3, 10)
DAY2 = dt.datetime(2026, 4, 2)
FEE_HEADER = ["Datum", "Zahn", "GO", "Nr", "Leistung", "Anzahl", "Faktor", "Betrag", "Begründung", "Unfall", "Klasse"]
LAB_HEADER = ["Datum", "Zahn", "Nr", "Leistung", "Menge", "Einzelpreis", "MwSt", "Betrag", "Klasse"]
PATIENT = [
    ["Name", "Erika Mustermann"],
    ["Geburtsdatum", dt.datetime(1975, 6, 15)],
    ["Versicherungsnummer", "A123456789"],
    ["Zahnarzt", "Praxis Dr. Beispiel"],
    ["Tarif", "BM5/1"],
    ["Versicherungsbeginn", dt.datetime(2024, 1, 1)],
    ["Planungsdatum", DAY1],
    ["Kooperationszahnarzt", "nein"],
    ["Unfall", "nein"],
]
FEES = [
    [DAY1, None, "GOZ", "0010", "Eingehende Untersuchung", 1, 2.3, None, None, None, None],
    [DAY1, "16", "GOZ", "0090", "Infiltrationsanästhesie", 2, 2.3, None, None, None, None],
    [DAY1, "16", "GOZ", "2210", "Vollkrone", 1, 3.5, None, "erschwerte Präparation bei tiefer Karies", None, None],
    [DAY1, None, "GOÄ", "5004", "Panoramaschichtaufnahme", 1, 1.8, None, None, None, None],
    [DAY2, "13-23", "GOZ", "4050", "Zahnsteinentfernung", 6, 2.3, None, None, None, None],
    [DAY2, "25", "GOZ", "2060", "Kompositfüllung", 1, 2.3, None, None, "x", None],
    [DAY2, "OK", "GOZ", "1040", "Professionelle Zahnreinigung", 14, 2.3, None, None, None, None],
    [DAY2, "36", "GOZ", "2197", "Adhäsive Befestigung", 1, 2.3, None, None, None, "B"],
]
LABS = [
    [DAY1, "16", "0001", "Modell Hartgips", 2, 5.7, 7, None, None],
    [DAY1, "16", "0344", "Vollkrone Metall", 1, 61.5, 7, None, None],
    [DAY1, "16", "0602", "Verblendung Keramik", 1, 82, 7, None, None],
]


@dataclass
class Table:
    name: str
    header: list[str]
    rows: list[list[Any]]
    title_rows: list[list[Any]] = field(default_factory=list)


@dataclass
class Layout:
    patient: list[list[Any]] | None
    tables: list[Table]
    suffix: str = ".xlsx"
    formulas: dict[tuple[str, str], str] = field(default_factory=dict)  # (sheet, cell) -> formula text
    extra_sheets: list[str] = field(default_factory=list)

    def write(self, path: Path) -> Path:
        path = path.with_suffix(self.suffix)
        workbook = openpyxl.Workbook()
        workbook.remove(workbook.active)  # type: ignore[arg-type]
        for name in self.extra_sheets:
            workbook.create_sheet(name).append(["Notiz", "nichts Wichtiges"])
        if self.patient is not None:
            sheet = workbook.create_sheet("Patient")
            for row in self.patient:
                sheet.append(row)
        for table in self.tables:
            sheet = workbook.create_sheet(table.name)
            for row in [*table.title_rows, table.header, *table.rows]:
                sheet.append(row)
        workbook.save(path)
        if self.formulas:
            add_formulas(path, self.formulas)
        return path


def add_formulas(path: Path, formulas: dict[tuple[str, str], str], cached: bool = True) -> None:
    """Turn cells into formula cells, keeping their value as the cached result (or dropping it)."""
    workbook = openpyxl.load_workbook(path, read_only=True)
    parts = {name: f"xl/worksheets/sheet{index}.xml" for index, name in enumerate(workbook.sheetnames, start=1)}
    workbook.close()
    with zipfile.ZipFile(path) as archive:
        contents = {info.filename: archive.read(info) for info in archive.infolist()}
    for (sheet, cell), formula in formulas.items():
        part = parts[sheet]
        xml = contents[part].decode()
        pattern = re.compile(rf'(<c r="{cell}"[^>]*>)(<v>[^<]*</v>)?')
        match = pattern.search(xml)
        assert match, f"{sheet}!{cell} not found"
        kept = (match[2] or "") if cached else ""
        xml = xml[: match.start()] + match[1] + f"<f>{formula}</f>" + kept + xml[match.end() :]
        contents[part] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in contents.items():
            archive.writestr(name, data)


@cache
def _amounts() -> tuple[list[float], list[float]]:
    """Each line's amount as the engine computes it, so the canonical file carries consistent amounts."""
    with tempfile.TemporaryDirectory(prefix="hkp-variants-") as folder:
        path = canonical_without_amounts().write(Path(folder) / "base.xlsx")
        result = estimate(read_plan(path), load_tariffs())
    fees = [float(r.billed) for r in result.lines if r.kind == "fee"]
    labs = [float(r.billed) for r in result.lines if r.kind == "lab"]
    return fees, labs


def canonical_without_amounts() -> Layout:
    return Layout(
        [list(r) for r in PATIENT],
        [
            Table("Leistungen", list(FEE_HEADER), [list(r) for r in FEES]),
            Table("Labor", list(LAB_HEADER), [list(r) for r in LABS]),
        ],
    )


def canonical() -> Layout:
    layout = canonical_without_amounts()
    fees, labs = _amounts()
    for row, amount in zip(layout.tables[0].rows, fees, strict=True):
        row[7] = amount
    for row, amount in zip(layout.tables[1].rows, labs, strict=True):
        row[7] = amount
    return layout


def _map_tables(layout: Layout, change: Callable[[Table], Table]) -> Layout:
    return replace(layout, tables=[change(t) for t in layout.tables])


def _rename(names: dict[str, str]) -> Callable[[Layout], Layout]:
    return lambda layout: _map_tables(layout, lambda t: replace(t, header=[names.get(h, h) for h in t.header]))


def _rename_by_table(fee: dict[str, str], lab: dict[str, str]) -> Callable[[Layout], Layout]:
    def change(table: Table) -> Table:
        names = fee if table.name == "Leistungen" else lab
        return replace(table, header=[names.get(h, h) for h in table.header])

    return lambda layout: _map_tables(layout, change)


def _titles(count: int) -> Callable[[Layout], Layout]:
    titles = [["Heil- und Kostenplan"], ["Praxis Dr. Beispiel, Musterweg 5"], *([[None]] * (count - 2))][:count]
    return lambda layout: _map_tables(layout, lambda t: replace(t, title_rows=[list(r) for r in titles]))


def _cells(column: str, convert: Callable[[Any], Any]) -> Callable[[Layout], Layout]:
    def change(table: Table) -> Table:
        if column not in table.header:
            return table
        index = table.header.index(column)
        rows = [[*r[:index], convert(r[index]) if r[index] is not None else None, *r[index + 1 :]] for r in table.rows]
        return replace(table, rows=rows)

    return lambda layout: _map_tables(layout, change)


def _german(value: Any) -> str:
    """1234.5 -> "1.234,50"."""
    return f"{Decimal(str(value)):,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")


def _german_text_numbers(layout: Layout) -> Layout:
    for step in (
        _cells("Faktor", lambda v: str(v).replace(".", ",")),
        _cells("Betrag", _german),
        _cells("Einzelpreis", lambda v: _german(float(v)) + " €"),
        _cells("MwSt", lambda v: f"{v} %"),
        _cells("Anzahl", str),
        _cells("Menge", lambda v: f"{v},00"),
    ):
        layout = step(layout)
    return layout


def _text_dates(layout: Layout) -> Layout:
    layout = _cells("Datum", lambda v: v.strftime("%d.%m.%Y"))(layout)
    patient = [[k, v.strftime("%d.%m.%Y") if isinstance(v, dt.datetime) else v] for k, v in layout.patient or []]
    return replace(layout, patient=patient)


def _numeric_codes(layout: Layout) -> Layout:
    return _cells("Nr", lambda v: int(v) if str(v).isdigit() else v)(layout)


def _numeric_teeth(layout: Layout) -> Layout:
    return _cells("Zahn", lambda v: int(v) if str(v).isdigit() else v)(layout)


def _order(pick: Callable[[list[int]], list[int]]) -> Callable[[Layout], Layout]:
    def change(table: Table) -> Table:
        order = pick(list(range(len(table.header))))
        return replace(table, header=[table.header[i] for i in order], rows=[[r[i] for i in order] for r in table.rows])

    return lambda layout: _map_tables(layout, change)


def _shuffled(seed: int) -> Callable[[list[int]], list[int]]:
    def pick(order: list[int]) -> list[int]:
        random.Random(seed).shuffle(order)
        return order

    return pick


def _one_sheet(mark: str, name: str = "HKP") -> Callable[[Layout], Layout]:
    def change(layout: Layout) -> Layout:
        fees, labs = layout.tables
        header = [*FEE_HEADER, "Einzelpreis", "MwSt"]
        rows = [[*r, None, None] for r in fees.rows]
        for date, tooth, code, text, quantity, price, vat, amount, klasse in labs.rows:
            rows.append([date, tooth, mark, code, text, quantity, None, amount, None, None, klasse, price, vat])
        return replace(layout, tables=[Table(name, header, rows)])

    return change


def _drop(*columns: str) -> Callable[[Layout], Layout]:
    def change(table: Table) -> Table:
        keep = [i for i, h in enumerate(table.header) if h not in columns]
        return replace(table, header=[table.header[i] for i in keep], rows=[[r[i] for i in keep] for r in table.rows])

    return lambda layout: _map_tables(layout, change)


def _total_row(layout: Layout) -> Layout:
    def change(table: Table) -> Table:
        total = sum(r[table.header.index("Betrag")] or 0 for r in table.rows)
        row: list[Any] = [None] * len(table.header)
        row[0] = "Summe"
        row[table.header.index("Betrag")] = total
        return replace(table, rows=[*table.rows, [None] * len(table.header), row])

    return _map_tables(layout, change)


def _empty_rows(layout: Layout) -> Layout:
    def change(table: Table) -> Table:
        rows: list[list[Any]] = []
        for row in table.rows:
            rows += [row, [None] * len(table.header)]
        return replace(table, rows=rows)

    return _map_tables(layout, change)


def _xlsm(layout: Layout) -> Layout:
    return replace(layout, suffix=".xlsm")


def _cached_formulas(layout: Layout) -> Layout:
    """Betrag of each lab line as a formula (Menge x Einzelpreis x 1,07) with its cached result."""
    labs = layout.tables[1]
    formulas = {("Labor", f"H{row}"): f"ROUND(E{row}*F{row}*1.07,2)" for row in range(2, len(labs.rows) + 2)}
    return replace(layout, formulas=formulas)


def _sheet_case(layout: Layout) -> Layout:
    names = {"Leistungen": "LEISTUNGEN", "Labor": "labor"}
    return replace(layout, tables=[replace(t, name=names[t.name]) for t in layout.tables])


def _patient_labels(layout: Layout) -> Layout:
    patient = [[f"{k}:", v] for k, v in reversed(layout.patient or [])]
    return replace(layout, patient=patient)


def _extra_columns_and_sheets(layout: Layout) -> Layout:
    def change(table: Table) -> Table:
        rows = [[n, *r, "Bemerkung"] for n, r in enumerate(table.rows, start=1)]
        return replace(table, header=["Lfd. Nr.", *table.header, "Bemerkung"], rows=rows)

    return replace(_map_tables(layout, change), extra_sheets=["Notizen"])


def _spellings(layout: Layout) -> Layout:
    layout = _cells("GO", lambda v: {"GOZ": "goz", "GOÄ": "GOAE"}[v])(layout)
    layout = _cells("Unfall", lambda v: "ja")(layout)
    return _cells("Klasse", str.lower)(layout)


def _lab_codes_spaced(layout: Layout) -> Layout:
    def change(table: Table) -> Table:
        if table.name != "Labor":
            return table
        return replace(table, rows=[[*r[:2], f" {r[2]} ", *r[3:]] for r in table.rows])

    return _map_tables(layout, change)


def _compose(*steps: Callable[[Layout], Layout]) -> Callable[[Layout], Layout]:
    def change(layout: Layout) -> Layout:
        for step in steps:
            layout = step(layout)
        return layout

    return change


SYNONYMS_A = _rename_by_table(
    {
        "Nr": "Nr.",
        "Zahn": "Zahn/Region",
        "Anzahl": "Menge",
        "Faktor": "Steigerungsfaktor",
        "Betrag": "Betrag EUR",
        "Leistung": "Bezeichnung",
    },
    {"Nr": "BEB-Nr", "Einzelpreis": "E-Preis", "Betrag": "Betrag €", "Menge": "Anzahl"},
)
SYNONYMS_B = _rename_by_table(
    {"Nr": "Gebührennummer", "Zahn": "Region", "Faktor": "Steigerungssatz", "Betrag": "Gesamt", "Leistung": "Text"},
    {"Nr": "Code", "Einzelpreis": "Preis", "Leistung": "Bezeichnung"},
)
SYNONYMS_C = _rename_by_table({"Nr": "GOZ-Nr", "Datum": "Behandlungsdatum"}, {"Nr": "Pos", "MwSt": "USt"})
SYNONYMS_D = _rename_by_table({"Nr": "Ziffer", "Begründung": "Begruendung"}, {"Nr": "Pos.", "Einzelpreis": "Einzelpreis EUR"})
HEADER_CASE = _rename({h: f" {h.upper()}: " for h in {*FEE_HEADER, *LAB_HEADER}})

VARIANTS: dict[str, Callable[[Layout], Layout]] = {
    "canonical": lambda layout: layout,
    "title_rows_3": _titles(3),
    "title_rows_20": _titles(20),
    "synonyms_a": SYNONYMS_A,
    "synonyms_b": SYNONYMS_B,
    "synonyms_c": SYNONYMS_C,
    "synonyms_d": SYNONYMS_D,
    "header_case_and_colons": HEADER_CASE,
    "german_text_numbers": _german_text_numbers,
    "text_dates": _text_dates,
    "codes_lost_leading_zeros": _numeric_codes,
    "teeth_as_numbers": _numeric_teeth,
    "columns_reversed": _order(lambda order: order[::-1]),
    "columns_shuffled_1": _order(_shuffled(1)),
    "columns_shuffled_2": _order(_shuffled(2)),
    "one_sheet_labor": _one_sheet("Labor"),
    "one_sheet_beb": _one_sheet("BEB", name="Tabelle1"),
    "one_sheet_with_titles_and_synonyms": _compose(
        _one_sheet("Labor"), _titles(4), _rename({"Nr": "Ziffer", "Betrag": "Betrag €"})
    ),
    "without_descriptions": _drop("Leistung"),
    "without_amounts": _drop("Betrag"),
    "without_vat": _drop("MwSt"),
    "total_row": _total_row,
    "empty_rows_between": _empty_rows,
    "xlsm": _xlsm,
    "cached_formulas": _cached_formulas,
    "sheet_names_in_other_case": _sheet_case,
    "patient_labels_with_colons_reordered": _patient_labels,
    "extra_columns_and_sheets": _extra_columns_and_sheets,
    "other_spellings": _spellings,
    "lab_codes_with_spaces": _lab_codes_spaced,
    "everything_at_once": _compose(
        _text_dates, _total_row, _german_text_numbers, _numeric_codes, _titles(5), SYNONYMS_A, _order(_shuffled(3)), _xlsm
    ),
}
