"""The columns of a plan's tables: each by the name the template gives it, with the names real exports give it
(compared as estimator.cells.text_key makes them), the defaults of the columns that may be missing, and the words
that make a row a total row or a row of a one-sheet table a lab row; what a formula's error leaves in a cell; what
a date column says instead of a day."""

from __future__ import annotations

import re
from typing import Any

from estimator.cells import text_key
from estimator.codes import Code
from estimator.kinds import Severity
from estimator.model import Finding
from estimator.phrases import Term, say

# the first or last word of a total row's text (not a line's: „Totalprothese“, „Gesamtsanierung“ begin so too)
TOTAL_WORD = re.compile(
    r"(?:zwischen|end|gesamt)?summen?|gesamt(?:betrag|kosten|honorar|preis|summe)?|total(?:betrag|summe)?|(?:end|rechnungs)betrag"
    r"|übertrag|uebertrag"
)
# the first word of a row that names no day, tooth or count: also a sum of what („Honorarsumme“, „GOZ-Summe“; a line's
# text may begin „Pauschalsumme Einmalmaterial“ too)
TOTAL_COMPOUND = re.compile(r"[^\W\d_]+summen?")
# a word of the first text of a row of the value-added tax on the lab costs („zzgl. 7 % MwSt“)
VAT_WORD = re.compile(r"mwst|ust|umsatzsteuer|mehrwertsteuer")
LAB_MARKS = ("labor", "beb", "bel", "lab", "material", "sachkosten", "auslage", "eigenlabor", "fremdlabor", "zahntechnik")
GO_LAB_MARKS = (*LAB_MARKS, "mat", "zt")  # in a GO cell also „Mat.“ and „ZT“
MATERIAL_MARKS = ("material", "sachkosten", "auslage")  # a GO that says so: a row without a number is material
# a fee table's column of the material and lab costs of each line („Mat./Lab. €“), which the lines do not hold; beside
# it a line's „Gesamt“ holds them too, and its fee is the „Honorar“
COST_COLUMN_WORDS = ("matlab", "mat", "material", "labor", "fremdlabor", "eigenlabor", "zahntechnik", "sachkosten", "auslagen")
FEE_ONLY = ("honorar", "honorareur", "gebühr", "gebuehr")
PATIENT_SHEETS = ("patient", "stammdaten", "versichertedaten", "versicherteperson")  # names (as keys) a Patient sheet begins
# A header named by the fee schedule („GOZ“, „GOZ/GOÄ“) holds the schedule beside a number column, else the numbers.
SCHEDULE_OR_NUMBER = ("goz", "gozgoä", "gozgoae", "goägoz", "goaegoz")
# the sheets of the program's own workbooks, which are no plan: an estimate's (totals and person, lines, findings), and
# the batch summary's (one row per plan, every finding)
ESTIMATE_SHEETS = ("Übersicht", "Zeilen", "Hinweise")
SUMMARY_SHEETS = ("Übersicht", "Hinweise")
FINDINGS_HEADER = ("Datei", "Art", "Code", "Blatt", "Zeile", "Spalte", "Abschnitt", "Meldung")  # both's Hinweise
DEFAULTS = {  # what a line takes when its table has no such column, as a finding says it
    "Datum": Term("dem Planungsdatum", "the plan date"),
    "Anzahl": Term("Anzahl 1", "count 1"),
    "Faktor": Term("Faktor 2,3", "factor 2.3"),
    "Menge": Term("Menge 1", "quantity 1"),
}
LAB_DEFAULTS = {
    **DEFAULTS,
    "Datum": Term(
        "dem Tag der Leistungen an ihren Zähnen oder dem Planungsdatum", "the day of the services on its teeth or the plan date"
    ),
}


FEE_COLUMNS: dict[str, tuple[str, ...]] = {
    "Datum": ("datum", "behandlungsdatum", "leistungsdatum", "datumbehandlung", "behandlungstag", "tag", "behdatum", "behdat"),
    "Zahn": (
        "zahn",
        "zahnregion",
        "region",
        "zähne",
        "zahnbereich",
        "zahngebiet",
        "gebiet",
        "fdi",
        "zahnnr",
        "zahnkiefer",
        "regio",
        "zahnregio",
    ),
    "GO": ("go", "gebührenordnung", "gebuehrenordnung"),
    # in the order they win when a header has two of them: „Pos“ or „Nr.“ beside „GOZ-Nr“ counts the rows
    "Nr": (
        "gebührennummer",
        "gebuehrennummer",
        "gebührennr",
        "gebuehrennr",
        "goznr",
        "goänr",
        "gozgoänr",
        "gozgoaenr",
        "bebnr",
        "belnr",
        "labnr",  # „Lab.-Nr.“ above the lab lines
        "labornr",
        "labornummer",
        "lnr",
        "laborcode",
        "leistungsnr",
        "leistungsnummer",
        "gebnr",
        "gebührenziffer",
        "gebuehrenziffer",
        "gebziff",
        "gebziffer",
        "ziffer",
        "nr",
        "code",
        "nummer",
        "pos",
    ),
    "Leistung": (
        "leistung",
        "bezeichnung",
        "text",
        "leistungstext",
        "beschreibung",
        "leistungsbeschreibung",
        "leistungsbezeichnung",
        "beschreibungderleistung",
    ),
    "Anzahl": ("anzahl", "menge", "anz", "stück", "stueck", "stk"),
    "Faktor": (
        "faktor",
        "steigerungsfaktor",
        "steigerungssatz",
        "fakt",
        "steigfaktor",
        "steigerung",
        "multiplikator",
        "multipl",
        "mult",
        "steigsatz",
        "satz",
    ),
    "Betrag": (
        "betrag",
        "betrageur",
        "gesamt",
        "betragineur",
        "betragin",  # „Betrag in €“
        "gesamtbetrag",
        "endbetrag",
        "gebühr",
        "gebuehr",
        "honorar",
        "honorareur",
        "eur",
        "euro",
        "gesamtpreis",  # the last: beside „Honorar“ or „Betrag“ it holds more than the fee
        "summe",
    ),
    "Begründung": ("begründung", "begruendung", "begr"),
    "Unfall": ("unfall",),
    "Klasse": ("klasse",),
}
LAB_COLUMNS: dict[str, tuple[str, ...]] = {
    "Datum": FEE_COLUMNS["Datum"],
    "Zahn": FEE_COLUMNS["Zahn"],
    "Nr": FEE_COLUMNS["Nr"],
    "Leistung": FEE_COLUMNS["Leistung"],
    "Menge": ("menge", "anzahl", "anz", "stück", "stueck", "stk"),
    "Einzelpreis": ("einzelpreis", "epreis", "preis", "einzelpreiseur", "einzelpreisin", "preisin", "preiseur"),
    "MwSt": ("mwst", "ust", "mwstsatz", "umsatzsteuer"),
    "Betrag": FEE_COLUMNS["Betrag"],
    "Klasse": ("klasse",),
}
ONE_SHEET_COLUMNS: dict[str, tuple[str, ...]] = {
    **FEE_COLUMNS,
    "Einzelpreis": LAB_COLUMNS["Einzelpreis"],
    "MwSt": LAB_COLUMNS["MwSt"],
}


def names_costs(key: str, columns: dict[str, tuple[str, ...]]) -> bool:
    """Whether a header cell (as a key) of a fee table names the material and lab costs of its lines („Mat./Lab. €“)."""
    return "Faktor" in columns and key.startswith(COST_COLUMN_WORDS)


def is_lab_mark(go: Any) -> bool:
    """Whether a GO cell marks a one-sheet table's row as a lab row (Labor, BEB, BEL, Material …)."""
    return isinstance(go, str) and text_key(go).startswith(GO_LAB_MARKS)


# a formula's error as Excel writes it into the file (and German Excel shows it) and LibreOffice („Err:502“ aside)
ERROR_VALUES = frozenset(
    [
        "#N/A",
        "#NV",
        "#DIV/0!",
        "#VALUE!",
        "#WERT!",
        "#REF!",
        "#BEZUG!",
        "#NAME?",
        "#NUM!",
        "#ZAHL!",
        "#NULL!",
        "#SPILL!",
        "#ÜBERLAUF!",
        "#CALC!",
        "#BERECHNEN!",
        "#GETTING_DATA",
        "#FIELD!",
        "#FELD!",
        "#BLOCKED!",
        "#BUSY!",
        "#PYTHON!",
        "#UNKNOWN!",
        "#CONNECT!",
    ]
)


def columns_missing(sheet: str, row: int, columns: dict[str, tuple[str, ...]], mapping: dict[str, int]) -> list[Finding]:
    """The columns of a table (header in `row`) whose default its lines take, said; a lab table's with its header row
    (a sheet may hold the fees with their dates above it), and the missing price column of a lab table."""
    lab = "Einzelpreis" in columns and "GO" not in columns
    found = []
    if lab and "Einzelpreis" not in mapping:
        found.append(Finding(Severity.WARNING, say(Code.INPUT_PRICE_COLUMN_MISSING, sheet=sheet), sheet))
    for name, default in (LAB_DEFAULTS if lab else DEFAULTS).items():
        if name in columns and name not in mapping:
            if lab:
                phrase = say(Code.INPUT_LAB_COLUMN_MISSING, sheet=sheet, row=row, column=name, default=default)
                found.append(Finding(Severity.WARNING, phrase, sheet, row))
            else:
                found.append(
                    Finding(Severity.WARNING, say(Code.INPUT_COLUMN_MISSING, sheet=sheet, column=name, default=default), sheet)
                )
    return found
