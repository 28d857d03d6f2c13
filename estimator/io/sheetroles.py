"""Which sheet of a workbook holds which table: the template's names first (Leistungen, Labor), else the header
row – a practice's export calls them „HKP“ or „Material- und Laborkosten“. Every other sheet with rows is named
in a finding, so that no table of a plan is left out without a word."""

from __future__ import annotations

from dataclasses import dataclass, field

from estimator.cells import text_key
from estimator.codes import Code
from estimator.io.columns import ONE_SHEET_COLUMNS
from estimator.io.sheets import MAX_TITLE_ROWS, Sheet
from estimator.kinds import Severity
from estimator.model import Finding
from estimator.phrases import say

FEE_SHEET, LAB_SHEET, PATIENT_SHEET = "leistungen", "labor", "patient"  # the template's names, as keys
GUIDE_SHEET = "anleitung"  # the template's instructions (estimator.io.workbook): no table, nothing to say
LAB_NAME_WORDS = ("labor", "material", "beb", "bel", "zahntechn")  # a sheet name that says lab costs

Header = tuple[int, dict[str, int]]  # the header row's position among the sheet's rows, and column name -> index


def find_header(sheet: Sheet, columns: dict[str, tuple[str, ...]]) -> Header | None:
    """The first row among the first ones that names the column Nr and one more."""
    for position, (_, values) in enumerate(sheet.rows[: MAX_TITLE_ROWS + 1]):
        mapping: dict[str, int] = {}
        for index, value in enumerate(values):
            if value is None:
                continue
            key = text_key(value)
            for name, synonyms in columns.items():
                if key in synonyms and name not in mapping:
                    mapping[name] = index
                    break
        if "Nr" in mapping and len(mapping) >= 2:
            return position, mapping
    return None


@dataclass
class Tables:
    """The fee table (which may hold lab rows, marked in its GO column) and the lab table of a workbook."""

    fee: Sheet | None
    lab: Sheet | None
    findings: list[Finding] = field(default_factory=list)


def tables_of(sheets: dict[str, Sheet]) -> Tables:
    """The sheets named as in the template; a table missing so is the first other sheet whose header says what it
    holds. A further table of a kind already read, and a sheet with rows but no table, are said (not read)."""
    tables = Tables(sheets.get(FEE_SHEET), sheets.get(LAB_SHEET))
    for key, sheet in sheets.items():
        if key in (FEE_SHEET, LAB_SHEET, PATIENT_SHEET, GUIDE_SHEET) or not sheet.rows:
            continue
        lab = _holds_lab(key, sheet)
        if lab is None:
            phrase = say(Code.INPUT_SHEET_NO_TABLE, sheet=sheet.name)
            tables.findings.append(Finding(Severity.INFO, phrase, sheet.name))
            continue
        taken = tables.lab if lab else tables.fee
        if taken is None:
            tables.lab, tables.fee = (sheet, tables.fee) if lab else (tables.lab, sheet)
            phrase = say(Code.INPUT_SHEET_BY_HEADER, sheet=sheet.name, lab=lab)
            tables.findings.append(Finding(Severity.INFO, phrase, sheet.name))
        else:
            phrase = say(Code.INPUT_SHEET_NOT_READ, sheet=sheet.name, lab=lab, read=taken.name)
            tables.findings.append(Finding(Severity.WARNING, phrase, sheet.name))
    return tables


def _holds_lab(key: str, sheet: Sheet) -> bool | None:
    """Whether a sheet's table is one of lab lines (True), of fee lines (False), or no plan table at all (None): fees
    have a factor or a fee schedule, lab lines a unit price or a VAT rate, or only an amount on a sheet named so."""
    header = find_header(sheet, ONE_SHEET_COLUMNS)
    if header is None:
        return None
    names = header[1]
    if "GO" in names or "Faktor" in names:
        return False
    if "Einzelpreis" in names or "MwSt" in names or ("Betrag" in names and any(w in key for w in LAB_NAME_WORDS)):
        return True
    return None
