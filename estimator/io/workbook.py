"""Write a plan as the canonical HKP workbook (spec/hkp-excel-format.md): the template and saved plans."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from estimator.files import atomic_write_bytes
from estimator.model import FeeLine, LabLine, Plan
from estimator.resources import example_case_path
from estimator.sheetcells import append_row
from estimator.tariff.catalogues import load_tariffs

FEE_COLUMNS = (
    ("Datum", 12, "DD.MM.YYYY"),
    ("Zahn", 9, "@"),
    ("GO", 7, "@"),
    ("Nr", 8, "@"),
    ("Leistung", 44, "@"),
    ("Anzahl", 8, "General"),  # 2,5 shown as 2,5 (a whole-number format showed 3)
    ("Faktor", 8, "0.0##"),
    ("Betrag", 12, "#,##0.00 €"),
    ("Begründung", 36, "@"),
    ("Unfall", 8, "@"),
    ("Klasse", 8, "@"),
)
LAB_COLUMNS = (
    ("Datum", 12, "DD.MM.YYYY"),
    ("Zahn", 9, "@"),
    ("Nr", 8, "@"),
    ("Leistung", 44, "@"),
    ("Menge", 8, "General"),
    ("Einzelpreis", 12, "#,##0.00## €"),  # 61,555 with its third place
    ("MwSt", 7, "General"),
    ("Betrag", 12, "#,##0.00 €"),
    ("Klasse", 8, "@"),
)
YES_NO = '"ja,nein"'
DATE_LABELS = ("Geburtsdatum", "Versicherungsbeginn", "Planungsdatum", "KFO-Behandlungsbeginn")
INSTRUCTIONS = (
    ("Heil- und Kostenplan – Vorlage für den HKP-Schätzer", True),
    ("", False),
    (
        "Die Vorlage enthält einen Beispielplan (Erika Mustermann): bitte seine Zeilen und Angaben löschen oder "
        "überschreiben, bevor Sie Ihren Plan eintragen.",
        False,
    ),
    (
        "Blatt „Patient“: in Spalte B die Angaben zur versicherten Person und zum Vertrag. Leere Felder werden aus den "
        "Einstellungen des Programms oder von der Kommandozeile ergänzt.",
        False,
    ),
    (
        "Implantate OK / UK: die schon vorhandenen Implantate je Kiefer, nicht die dieses Plans (die zählt das "
        "Programm aus den Leistungen). Bisherige ZE-Erstattung Jahr 1–4: was der Versicherer in den ersten vier "
        "Versicherungsjahren schon für Zahnersatz erstattet hat. Selbstbehalt verbraucht und PZR erstattet: im "
        "Kalenderjahr des Planungsdatums.",
        False,
    ),
    (
        "Blatt „Leistungen“: eine Zeile je Gebührenposition nach GOZ oder GOÄ. Pflicht ist nur die Nummer (Nr); "
        "ohne Betrag rechnet das Programm Punktzahl × Punktwert × Faktor × Anzahl.",
        False,
    ),
    (
        "Blatt „Labor“: eine Zeile je zahntechnischer Leistung mit Laborcode aus der Laborpreisliste des Tarifs und "
        "Einzelpreis netto; ohne Betrag wird Menge × Einzelpreis zzgl. MwSt gerechnet (Standard 7 %).",
        False,
    ),
    (
        "Zahnarzt und Praxisanschrift: Name und Anschrift Ihrer Praxis – sie stehen als Absender auf der schriftlichen "
        "Schätzung, wenn im Programm kein Briefkopf gespeichert ist (Einstellungen → Praxis).",
        False,
    ),
    ("Zahn: FDI-Zahnnummer (16), Liste (14,15), Bereich (13-23), OK, UK oder leer.", False),
    ("Datum: TT.MM.JJJJ; leer bedeutet das Planungsdatum.", False),
    (
        "Faktor über 2,3 (GOZ) braucht eine schriftliche Begründung; über 3,5 ist er nur mit Begründung "
        "krankheits- bzw. befundbedingter Erschwernisse erstattungsfähig.",
        False,
    ),
    (
        "Klasse (optional) setzt die Leistungsart von Hand: A Zahnersatz, B Zahnbehandlung, P Prophylaxe, "
        "X nicht erstattungsfähig.",
        False,
    ),
    ("Unfall: „ja“, wenn die Leistung nachweislich auf einen Unfall zurückgeht (die Zahnstaffel entfällt).", False),
    (
        "KFO-Behandlungsbeginn (Blatt „Patient“, optional): Beginn einer schon laufenden kieferorthopädischen Behandlung; "
        "sie ist erstattungsfähig, wenn sie vor dem 19. Geburtstag begonnen hat. Ohne Angabe zählt die erste "
        "KFO-Leistung des Plans.",
        False,
    ),
)


def _number(value: Decimal | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _date(value: dt.date | None) -> dt.datetime | None:
    return dt.datetime(value.year, value.month, value.day) if value else None


def _patient_rows(plan: Plan) -> list[tuple[str, Any]]:
    person = plan.person
    rows: list[tuple[str, Any]] = [
        ("Name", person.name),
        ("Straße", person.street),
        ("PLZ", person.postcode),
        ("Ort", person.city),
        ("Geburtsdatum", _date(person.birth_date)),
        ("Versicherungsnummer", person.insurance_number),
        ("Zahnarzt", person.practice),
        ("Praxisanschrift", person.practice_address),
        ("Tarif", person.variant),
        ("Versicherungsbeginn", _date(person.insurance_start)),
        ("Planungsdatum", _date(plan.plan_date)),
        ("Kooperationszahnarzt", "ja" if person.cooperating else "nein"),
        ("Unfall", "ja" if person.accident else "nein"),
    ]
    tariff = load_tariffs().for_variant(person.variant) or load_tariffs().default
    years = max(len(person.prior_class_a), tariff.profile.cap_years)
    prior = [*person.prior_class_a, *[Decimal(0)] * (years - len(person.prior_class_a))]
    rows += [(f"Bisherige ZE-Erstattung Jahr {k}", _number(v)) for k, v in enumerate(prior, start=1)]
    rows += [
        ("Selbstbehalt verbraucht", _number(person.deductible_used)),
        ("PZR erstattet", _number(person.pzr_reimbursed)),
        *([("Quelle bisherige Erstattung", person.prior_source)] if person.prior_source else []),
        ("Implantate OK", person.implants_upper),
        ("Implantate UK", person.implants_lower),
        ("KFO-Behandlungsbeginn", _date(person.orthodontics_start)),
    ]
    return rows


def _day_cells(lines: Sequence[FeeLine], plan_date: dt.date | None) -> list[Any]:
    """Each fee line's Datum cell: its day, else the session the plan named instead of one, else empty – or, for a line
    in no session right below a session's line, the plan date it is done on: read again, an empty cell there is in the
    session above (estimator.io.excel; lab lines take none)."""
    cells: list[Any] = []
    above = ""
    for line in lines:
        cells.append(_date(line.date) or line.session or (_date(plan_date) if above else None))
        above = line.session if line.date is None else ""
    return cells


def _fee_row(line: FeeLine, day: Any) -> list[Any]:
    return [
        day,
        line.teeth.text,
        line.schedule.value,
        line.number,
        line.description,
        _number(line.count),
        _number(line.factor),
        _number(line.amount),
        line.justification,
        "ja" if line.accident else None,
        line.manual_class.value if line.manual_class else None,
    ]


def _lab_row(line: LabLine) -> list[Any]:
    return [
        _date(line.date) or line.session or None,
        line.teeth.text,
        line.code,
        line.description,
        _number(line.quantity),
        _number(line.unit_price),
        _number(line.vat_percent),
        _number(line.amount),
        line.manual_class.value if line.manual_class else None,
    ]


PRICE_COLUMNS = (("Einzelpreis", 12, "#,##0.00## €"), ("MwSt", 7, "General"))  # of a one-sheet table's row read as a fee


def _fee_columns(plan: Plan) -> tuple[tuple[str, int, str], ...]:
    """The Leistungen sheet's columns: with a lab row's price and VAT when a left-out row of it has them (its GO
    may say Labor once corrected)."""
    priced = any(left.kind == "fee" and (left.cell("Einzelpreis") or left.cell("MwSt")) for left in plan.left_out)
    return FEE_COLUMNS + PRICE_COLUMNS if priced else FEE_COLUMNS


def _left_out_rows(plan: Plan, kind: str, columns: tuple[tuple[str, int, str], ...]) -> list[list[Any]]:
    """The rows the import left out, after the lines, each cell as the text it had: read again, they are said
    again, so that nothing of the plan is lost by saving it (a one-sheet table's lab row: its Anzahl is the Menge)."""
    left = sorted((line for line in plan.left_out if line.kind == kind), key=lambda line: (line.sheet, line.row))
    named = {"Menge": ("Menge", "Anzahl")}
    return [
        [next((text for other in named.get(name, (name,)) if (text := line.cell(other))), None) for name, _, _ in columns]
        for line in left
    ]


def build_workbook(plan: Plan, instructions: bool = False) -> bytes:
    """The plan as .xlsx bytes: three sheets with headers, formats, dropdowns, frozen headers."""
    from openpyxl import Workbook  # noqa: PLC0415 - heavy; loaded only when a workbook is written
    from openpyxl.styles import Alignment, Font, PatternFill  # noqa: PLC0415
    from openpyxl.worksheet.datavalidation import DataValidation  # noqa: PLC0415

    workbook = Workbook()
    header_font, header_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="0F5E6E")
    patient = workbook.active
    assert patient is not None
    patient.title = "Patient"
    rows_of: dict[str, int] = {}
    for number, (label, value) in enumerate(_patient_rows(plan), start=1):
        append_row(patient, [label, value])
        rows_of[label] = number
    patient.column_dimensions["A"].width = 32
    patient.column_dimensions["B"].width = 30
    for row in patient.iter_rows(min_row=1, max_col=2):
        row[0].font = Font(bold=True)
        if isinstance(row[1].value, dt.datetime) or row[0].value in DATE_LABELS:
            row[1].number_format = "DD.MM.YYYY"
        elif str(row[0].value).startswith(("Bisherige", "Selbstbehalt", "PZR")):
            row[1].number_format = "#,##0.00 €"
    tariff = DataValidation(type="list", formula1=f'"{",".join(load_tariffs().variants)}"', allow_blank=True)
    yes_no = DataValidation(type="list", formula1=YES_NO, allow_blank=True)
    patient.add_data_validation(tariff)
    patient.add_data_validation(yes_no)
    tariff.add(f"B{rows_of['Tarif']}")  # each list on the row of its field, wherever the field stands
    for label in ("Kooperationszahnarzt", "Unfall"):
        yes_no.add(f"B{rows_of[label]}")

    fee_columns = _fee_columns(plan)
    fees, day = plan.fee_lines, plan.plan_date
    for title, columns, rows in (
        ("Leistungen", fee_columns, [*map(_fee_row, fees, _day_cells(fees, day)), *_left_out_rows(plan, "fee", fee_columns)]),
        ("Labor", LAB_COLUMNS, [*map(_lab_row, plan.lab_lines), *_left_out_rows(plan, "lab", LAB_COLUMNS)]),
    ):
        sheet = workbook.create_sheet(title)
        append_row(sheet, [name for name, _, _ in columns])
        for row in rows:
            append_row(sheet, row)
        last = max(len(rows) + 1, 200)
        for index, (name, width, number_format) in enumerate(columns, start=1):
            letter = sheet.cell(row=1, column=index).column_letter
            sheet.column_dimensions[letter].width = width
            header = sheet.cell(row=1, column=index)
            header.font, header.fill, header.alignment = header_font, header_fill, Alignment(vertical="center")
            for cell in sheet.iter_rows(min_row=2, max_row=len(rows) + 1, min_col=index, max_col=index):
                cell[0].number_format = number_format
            if name in ("GO", "Unfall", "Klasse"):
                options = {"GO": '"GOZ,GOÄ"', "Unfall": YES_NO, "Klasse": '"A,B,P,X"'}[name]
                validation = DataValidation(
                    type="list",
                    formula1=options,
                    allow_blank=True,
                    error="Bitte einen Wert aus der Liste wählen.",
                    showErrorMessage=True,
                )
                sheet.add_data_validation(validation)
                validation.add(f"{letter}2:{letter}{last}")
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{sheet.cell(row=1, column=len(columns)).column_letter}{len(rows) + 1}"

    if instructions:
        sheet = workbook.create_sheet("Anleitung", 0)
        sheet.column_dimensions["A"].width = 110
        for text, bold in INSTRUCTIONS:
            append_row(sheet, [text])
            cell = sheet.cell(row=sheet.max_row, column=1)
            cell.font = Font(bold=bold, size=13 if bold else 11)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        workbook.active = 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_workbook(plan: Plan, path: Path, instructions: bool = False) -> None:
    """Write the plan as a canonical workbook, atomically."""
    atomic_write_bytes(Path(path), build_workbook(plan, instructions))


def template_plan() -> Plan:
    """What `hkp template` and Datei → Vorlage write: the example plan with the practice left to be filled in (the
    example's practice would otherwise be the sender of a practice's real letters)."""
    example = example_plan()
    return dataclasses.replace(example, person=dataclasses.replace(example.person, practice="", practice_address=""))


def example_plan() -> Plan:
    """The template's filled example: the example plan shipped as a case file (resources/examples)."""
    from estimator.io.casefile import load_case  # noqa: PLC0415 - the case reader loads when the example is asked for

    return load_case(example_case_path()).original
