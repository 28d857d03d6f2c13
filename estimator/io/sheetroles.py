"""Which sheet of a workbook holds which table: the template's names first (Leistungen, Labor), else the header
row – a practice's export calls them „HKP“ or „Material- und Laborkosten“. Every other sheet with rows is named
in a finding, so that no table of a plan is left out without a word."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from estimator.cells import text_key
from estimator.codes import Code
from estimator.io.columns import FEE_ONLY, LAB_MARKS, ONE_SHEET_COLUMNS, PATIENT_SHEETS, SCHEDULE_OR_NUMBER, names_costs
from estimator.io.sheets import MAX_TITLE_ROWS, Sheet
from estimator.kinds import Severity
from estimator.model import Finding
from estimator.phrases import say

FEE_SHEET, LAB_SHEET, PATIENT_SHEET = "leistungen", "labor", "patient"  # the template's names, as keys
GUIDE_SHEET = "anleitung"  # the template's instructions (estimator.io.workbook): no table, nothing to say
FEE_NAME_WORDS = ("leistung", "hkp", "honorar", "behandlung", "heil", "kostenplan")  # a sheet name that says fees

Header = tuple[int, dict[str, int]]  # the header row's position among the sheet's rows, and column name -> index


def find_header(sheet: Sheet, columns: dict[str, tuple[str, ...]]) -> Header | None:
    """The header among the first rows: a row naming the column Nr and one more; of several before the first line,
    the one naming most – a lab table's with its Einzelpreis first – so that a title row above the header
    („Rechnung Nr. 4711, Datum …, Gesamt …“) is not taken for it; once lines follow a header, a later and wider one
    (a lab table's below the fees) does not replace it. A column named twice is the one its name says best (the
    order of the synonyms: „GOZ-Nr“ before „Pos“)."""
    best: tuple[tuple[bool, int], Header] | None = None
    for position, (_, values) in enumerate(sheet.rows[: MAX_TITLE_ROWS + 1]):
        mapping = header_mapping(values, columns)
        if "Nr" in mapping and len(mapping) >= 2:
            rank = ("Einzelpreis" in mapping or "GO" in columns, len(mapping))  # a one-sheet table's: no price needed
            if best is None or rank > best[0]:
                best = (rank, (position, mapping))
            continue
        if best is not None:
            number = best[1][1]["Nr"]
            if number < len(values) and values[number] not in (None, ""):
                break  # lines follow the header taken: no later row replaces it
    return best[1] if best else None


def header_mapping(values: tuple[object, ...], columns: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """Column name -> index of the header cells that name one; of two naming the same, the better synonym's. A cell
    named by the fee schedule („GOZ“, „GOZ/GOÄ“) is the GO column beside a number column („Geb.-Ziff.“, „Nr.“),
    else the number column – also beside a GO column or a running position („Pos.“)."""
    mapping: dict[str, int] = {}
    rank: dict[str, int] = {}
    by_schedule: list[int] = []
    fee_only: list[int] = []  # „Honorar“: the fee, where „Gesamt“ beside a column of lab costs holds those too
    costs = False
    for index, value in enumerate(values):
        if value is None:
            continue
        key = text_key(value)
        fee_only += [index] if key in FEE_ONLY else []
        costs = costs or names_costs(key, columns)
        if key in SCHEDULE_OR_NUMBER and "GO" in columns:
            by_schedule.append(index)
            continue
        for name, synonyms in columns.items():
            if key in synonyms:
                if name not in mapping or synonyms.index(key) < rank[name]:
                    mapping[name], rank[name] = index, synonyms.index(key)
                break
    for index in by_schedule[:1]:
        numbered = "Nr" in mapping and columns["Nr"][rank["Nr"]] != "pos"
        if numbered and "GO" not in mapping:
            mapping["GO"] = index
        elif not numbered:
            mapping["Nr"], rank["Nr"] = index, -1
    if costs and fee_only and "Betrag" in mapping:
        mapping["Betrag"] = fee_only[0]
    return mapping


@dataclass
class Tables:
    """The fee table (which may hold lab rows, marked in its GO column) and the lab table of a workbook."""

    fee: Sheet | None
    lab: Sheet | None
    findings: list[Finding] = field(default_factory=list)
    more_fees: list[Sheet] = field(default_factory=list)  # a sheet of the other fee schedule („GOÄ“ beside „GOZ“)


def tables_of(sheets: dict[str, Sheet]) -> Tables:
    """The sheets named as in the template; a table missing so is the other sheet whose header says best that it
    holds one (its name too). A further table of a kind already read, and a sheet with rows but no table, are said
    (not read)."""
    tables = Tables(sheets.get(FEE_SHEET), sheets.get(LAB_SHEET))
    found: dict[bool, list[tuple[int, int, Sheet]]] = {False: [], True: []}  # lab -> (score, -position, sheet)
    for position, (key, sheet) in enumerate(sheets.items()):
        if key in (FEE_SHEET, LAB_SHEET, PATIENT_SHEET, GUIDE_SHEET) or not sheet.rows:
            continue
        kind = _table_kind(sheet)
        if kind is None and is_person_sheet(key):  # „Patientendaten“: the person's, read as the Patient sheet
            continue
        if kind is None:
            tables.findings.append(Finding(Severity.INFO, say(Code.INPUT_SHEET_NO_TABLE, sheet=sheet.name), sheet.name))
        else:
            found[kind[0]].append((kind[1], -position, sheet))
    for lab, candidates in found.items():
        ranked = [sheet for *_, sheet in sorted(candidates, key=lambda c: c[:2], reverse=True)]
        taken = tables.lab if lab else tables.fee
        if taken is None and ranked:
            taken, *ranked = ranked
            tables.lab, tables.fee = (taken, tables.fee) if lab else (tables.lab, taken)
            phrase = say(Code.INPUT_SHEET_BY_HEADER, sheet=taken.name, lab=lab)
            tables.findings.append(Finding(Severity.INFO, phrase, taken.name))
        for sheet in ranked:
            if not lab and taken is not None and schedule_named(sheet.name) not in (None, schedule_named(taken.name)):
                tables.more_fees.append(sheet)  # the GOÄ's lines on a sheet of their own: read too
                tables.findings.append(
                    Finding(Severity.INFO, say(Code.INPUT_SHEET_BY_HEADER, sheet=sheet.name, lab=False), sheet.name)
                )
                continue
            phrase = say(Code.INPUT_SHEET_NOT_READ, sheet=sheet.name, lab=lab, read=taken.name if taken else "")
            tables.findings.append(Finding(Severity.WARNING, phrase, sheet.name))
    return tables


def schedule_named(name: str) -> str | None:
    """The fee schedule a sheet's name says („GOÄ-Leistungen“: GOÄ), or None."""
    key = text_key(name)
    return "GOÄ" if key.startswith(("goä", "goae")) else "GOZ" if key.startswith("goz") else None


def is_person_sheet(key: str) -> bool:
    """Whether a sheet's name (as a key) says it holds the person's details („Patientendaten“, „Stammdaten“)."""
    return key.replace(" ", "").startswith(PATIENT_SHEETS)


def _table_kind(sheet: Sheet) -> tuple[bool, int] | None:
    """Whether a sheet holds a table of lab lines (True) or of fee lines (False), and how well its header and name
    say so; None for no plan table: fees have a factor or a fee schedule, lab lines a unit price or a VAT rate or a
    name that says lab costs – and what was billed (a quantity or an amount: a price list has neither)."""
    header = find_header(sheet, ONE_SHEET_COLUMNS)
    if header is None:
        return None
    names = set(header[1])
    words = re.findall(r"[a-zäöüß]+", sheet.name.lower())
    if "GO" in names or "Faktor" in names:
        return False, len(names) + 2 * any(word.startswith(FEE_NAME_WORDS) for word in words)
    named_lab = any(word.startswith(LAB_MARKS) for word in words)
    priced = "Einzelpreis" in names or "MwSt" in names or named_lab
    if priced and names & {"Anzahl", "Betrag", "MwSt"}:
        return True, len(names) + 2 * named_lab
    return None
