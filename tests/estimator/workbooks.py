"""Write small HKP workbooks for tests, in the canonical layout or with variations."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl

FEE_HEADER = ["Datum", "Zahn", "GO", "Nr", "Leistung", "Anzahl", "Faktor", "Betrag", "Begründung", "Unfall", "Klasse"]
LAB_HEADER = ["Datum", "Zahn", "Nr", "Leistung", "Menge", "Einzelpreis", "MwSt", "Betrag", "Klasse"]
PATIENT = {
    "Name": "Erika Mustermann",
    "Geburtsdatum": dt.datetime(1975, 6, 15),
    "Versicherungsnummer": "A123456789",
    "Zahnarzt": "Praxis Dr. Beispiel",
    "Tarif": "BM5/0",
    "Versicherungsbeginn": dt.datetime(2010, 1, 1),
    "Planungsdatum": dt.datetime(2026, 3, 10),
    "Kooperationszahnarzt": "nein",
    "Unfall": "nein",
}


def write_workbook(
    path: Path,
    fees: list[list[Any]],
    labs: list[list[Any]] | None = None,
    *,
    patient: dict[str, Any] | None = None,
    fee_header: list[str] | None = None,
    lab_header: list[str] | None = None,
) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Patient"
    for label, value in {**PATIENT, **(patient or {})}.items():
        sheet.append([label, value])
    fee_sheet = workbook.create_sheet("Leistungen")
    fee_sheet.append(fee_header or FEE_HEADER)
    for row in fees:
        fee_sheet.append(row)
    if labs is not None:
        lab_sheet = workbook.create_sheet("Labor")
        lab_sheet.append(lab_header or LAB_HEADER)
        for row in labs:
            lab_sheet.append(row)
    workbook.save(path)
    return path
