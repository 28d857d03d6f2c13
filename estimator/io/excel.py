"""Read an HKP workbook (spec/hkp-excel-format.md) into a Plan; every problem becomes a finding with its cell."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

from estimator.catalogueforms import normalize_fee_number, normalize_lab_code
from estimator.cells import (
    MAX_TEXT,
    CellError,
    PlanReadError,
    amount_as_taken,
    cell_error,
    code_within,
    parse_amount,
    parse_class,
    parse_count,
    parse_date,
    parse_factor,
    parse_quantity,
    parse_vat,
    parse_yes_no,
)
from estimator.cells import text_key as _key
from estimator.codes import Code
from estimator.files import shown_path
from estimator.io.columns import (
    ESTIMATE_SHEETS,
    FINDINGS_HEADER,
    LAB_COLUMNS,
    MATERIAL_MARKS,
    ONE_SHEET_COLUMNS,
    SUMMARY_SHEETS,
    is_lab_mark,
)
from estimator.io.patientsheet import block_read, patient_sheet, read_patient
from estimator.io.sheetroles import Header, find_header, schedule_named, tables_of
from estimator.io.sheets import MAX_TITLE_ROWS, Sheet, day_from_1900, open_workbook
from estimator.io.sheetscan import UNCACHED
from estimator.io.tablenotes import counts_rows, in_session, say_hidden, vat_of
from estimator.io.tablerows import NO_RESULT, RowReader, cell_value, table_rows
from estimator.io.tabletotals import TotalsCheck, WorkbookTotals, stated_amount
from estimator.io.xlsxguard import thousands
from estimator.kinds import Schedule, Severity
from estimator.model import MAX_INPUT_FINDINGS, MAX_LINES, FeeLine, Finding, LabLine, LeftOutLine, Plan
from estimator.money import cents, german_date, unit_share
from estimator.phrases import Factor, Money, Number, say
from estimator.sheetcells import column_letter
from estimator.tariff.catalogues import load_tariffs
from estimator.teeth import parse_teeth
from estimator.wording import SEVERITY_ORDER, finding_text


def _schedule(value: Any) -> Schedule:
    key = _key(value)
    if key in ("goz", "z"):
        return Schedule.GOZ
    if key in ("goä", "goae", "goa", "ä"):
        return Schedule.GOAE
    raise cell_error(Code.CELL_SCHEDULE, value)


# a fee number typed with its schedule's name before it: „GOZ“, „GOÄ-Nr.“, „GOAE:“ or „GOZ-“, then the number
NAMED_SCHEDULE = re.compile(r"\s*(GOZ|GOÄ|GOAE)\s*(?:-?\s*Nr\.?)?\s*[-:]?\s*(?=[0-9A-Za-z])", re.IGNORECASE)


MATERIAL = "Material"  # the number of a material line that names none
MATERIAL_WORDS = ("material", "sachkosten", "auslage", "auslagen")  # a word of a material line's text ends so


def fee_line(reader: RowReader) -> FeeLine | None:
    number_raw = reader.raw("Nr")
    typed = unicodedata.normalize("NFC", number_raw) if isinstance(number_raw, str) else ""
    named = NAMED_SCHEDULE.match(typed)
    if named is not None:
        number_raw = f"{'Ä' if named[1].upper() != 'GOZ' else ''}{typed[named.end() :]}"
    goae_mark = isinstance(number_raw, str) and re.match(r"\s*(?:Ä|AE)\s*[0-9]", number_raw, re.IGNORECASE) is not None
    by_sheet = schedule_named(reader.sheet) == "GOÄ"  # a sheet „GOÄ“ of its own: its lines without a GO
    schedule = reader.get("GO", _schedule, Schedule.GOAE if goae_mark or by_sheet else Schedule.GOZ)  # „Ä5004“: GOÄ
    if goae_mark and schedule is Schedule.GOZ:  # the GOZ has no such number: the Ä says which schedule is meant
        reader.problem("GO", Code.INPUT_GOAE_BY_NUMBER, Severity.WARNING, number=str(number_raw).strip())
        schedule = Schedule.GOAE
    if named is not None and named[1].upper() == "GOZ" and schedule is Schedule.GOAE:  # the number says the GOZ
        reader.problem("GO", Code.INPUT_GOZ_BY_NUMBER, Severity.WARNING, number=typed.strip())
        schedule = Schedule.GOZ
    if number_raw is None:
        reader.problem("Nr", Code.INPUT_MISSING_NUMBER)
        return None
    reader.get("Nr", code_within)  # as long as the window and a case file take a number
    line = FeeLine(
        sheet=reader.sheet,
        row=reader.row,
        number=normalize_fee_number(number_raw, schedule.value),
        schedule=schedule,
        date=reader.line_date(),
        session=reader.session,
        teeth=reader.get("Zahn", parse_teeth, parse_teeth(None)),
        description=str(reader.raw("Leistung") or "").strip(),
        count=reader.get("Anzahl", parse_count, Decimal(1)),
        factor=reader.get("Faktor", parse_factor, Decimal("2.3")),
        amount=reader.get("Betrag", parse_amount),
        justification=str(reader.raw("Begründung") or "").strip(),
        accident=reader.get("Unfall", parse_yes_no, False),
        manual_class=reader.get("Klasse", parse_class),
    )
    if "Faktor" in reader.mapping and reader.raw("Faktor") is None and line.amount is None:  # the amount depends on it
        reader.problem("Faktor", Code.INPUT_FACTOR_ASSUMED, Severity.INFO, factor=Factor(line.factor))
    if "Betrag" not in reader.mapping and cell_value(reader.values, reader.mapping, "Einzelpreis") is not None:
        reader.problem("Einzelpreis", Code.INPUT_FEE_PRICE_NOT_READ, Severity.WARNING)  # „Preis“: a lab line's column
    return None if reader.problems else line


def lab_line(reader: RowReader) -> LabLine | None:
    code_raw, code_cell = reader.raw("Nr"), "Nr"
    go = cell_value(reader.values, reader.mapping, "GO")
    if code_raw is None and _names_material(go):
        code_raw, code_cell = go.strip(), "GO"  # „Material“ in GO, no number: the material line's number is what GO says
    elif code_raw is None and _material_text(reader):
        code_raw, code_cell = MATERIAL, ""  # „Abformmaterial“ among the fees, no number: a material line
    price = reader.get("Einzelpreis", amount_as_taken)
    if code_raw is None:
        reader.problem(
            "Nr",
            Code.INPUT_MISSING_VALUE,
            what=say(Code.PART_MISSING_LAB_CODE, lab_list=load_tariffs().default.profile.lab_list_name),
        )
    # material („Material“ as its number or GO) the dentist bills as its amount, without VAT
    vat_free = price is None and _names_material(code_raw)
    if price is None and code_raw is not None:
        price = _price_from_amount(reader, material=vat_free)
    if price is None and "Einzelpreis" not in reader.mapping and "Betrag" in reader.mapping:  # a one-sheet table
        if not reader.problems:  # else the amount is there and another cell (MwSt, Menge) says what is wrong
            reader.problem("Betrag", Code.INPUT_MISSING_VALUE, what=say(Code.PART_MISSING_LAB_AMOUNT))
    elif price is None:
        reader.problem("Einzelpreis", Code.INPUT_MISSING_VALUE, what=say(Code.PART_MISSING_UNIT_PRICE))
    if code_raw is not None and code_cell:  # as long as the window and a case file take a code, a material line's GO text too
        reader.get(code_cell, code_within)
    if code_raw is None or price is None or reader.problems:
        return None
    line = LabLine(
        sheet=reader.sheet,
        row=reader.row,
        code=normalize_lab_code(code_raw),
        unit_price=price,
        date=reader.line_date(),
        session=reader.session,
        teeth=reader.get("Zahn", parse_teeth, parse_teeth(None)),
        description=str(reader.raw("Leistung") or "").strip(),
        quantity=reader.get("Menge", parse_quantity, Decimal(1)),
        vat_percent=reader.get("MwSt", parse_vat, Decimal(0) if vat_free else None),
        amount=reader.get("Betrag", parse_amount),
        manual_class=reader.get("Klasse", parse_class),
    )
    return None if reader.problems else line


def _price_from_amount(reader: RowReader, *, material: bool) -> Decimal | None:
    """A lab row with its amount but no unit price: the net unit price the amount stands for (amount ÷ quantity ÷
    (1 + VAT)), said at the cell, so that the line counts and its price is checked against the lab list; of material
    („Material“ as its number or GO) the amount's share of each unit, as the dentist bills it without VAT and no list
    has its price."""
    if "Einzelpreis" in reader.mapping and reader.raw("Einzelpreis") is not None:
        return None  # a price that could not be read: said as such
    amount, quantity = reader.get("Betrag", parse_amount), reader.get("Menge", parse_quantity, Decimal(1))
    vat = reader.get("MwSt", parse_vat)
    if amount is None or reader.problems:
        return None
    if material and vat is None:  # no finding: the line's own says to check its kind, amount and receipt
        return unit_share(amount, quantity)
    rate = load_tariffs().default.profile.lab_default_vat if vat is None else vat
    price = cents(amount / quantity / (1 + rate / 100))
    phrase = {"amount": Money(amount), "price": Money(price), "vat": Number(rate)}
    at = "Einzelpreis" if "Einzelpreis" in reader.mapping else "Betrag"  # the cell to fill, or the amount's
    reader.problem(at, Code.INPUT_UNIT_PRICE_DERIVED, Severity.WARNING, **phrase)
    return price


def is_lab_row(reader: RowReader) -> bool:
    number = cell_value(reader.values, reader.mapping, "Nr")  # „Material“ as its number: as with GO „Material“
    return _names_material(number) or is_lab_mark(cell_value(reader.values, reader.mapping, "GO")) or _material_text(reader)


def _names_material(value: Any) -> bool:
    """Whether a GO or number cell says material („Material“, „Materialkosten“, „Sachkosten“, „Auslagen“)."""
    return isinstance(value, str) and _key(value).startswith(MATERIAL_MARKS)


def _material_text(reader: RowReader) -> bool:
    """A row among the fees (a factor column, this row's empty) without a number whose text names material as a word of
    its own and not lab work („Abformmaterial (§ 4 Abs. 3 GOZ)“; not „Material- und Laborkosten“, not a service's text
    „… mit Kompositmaterialien …“), with an amount: a material line, as with GO „Material“."""
    values, mapping = reader.values, reader.mapping
    if "Faktor" not in mapping or any(cell_value(values, mapping, name) is not None for name in ("Nr", "Faktor")):
        return False
    words = [_key(word) for word in str(cell_value(values, mapping, "Leistung") or "").split()]
    named = any(word.endswith(MATERIAL_WORDS) for word in words)
    return named and not any("labor" in word for word in words) and cell_value(values, mapping, "Betrag") is not None


def _cell_text(value: Any, name: str) -> str:
    """A cell's value as text that the cell parsers read back as the same value (German numbers and dates); a
    formula without a saved result as NO_RESULT."""
    if value is None:
        return ""
    if value is UNCACHED:
        return NO_RESULT
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, dt.datetime):
        return german_date(value.date())
    if isinstance(value, dt.date):
        return german_date(value)
    if name == "Datum" and isinstance(value, int | float):  # a date as the serial number a cell holds
        try:
            return german_date(parse_date(value))
        except CellError:
            pass
    if isinstance(value, float) and math.isfinite(value):
        return format(Decimal(repr(value)), "f").replace(".", ",")
    return str(value)[:MAX_TEXT]


def _left_out(kind: str, reader: RowReader, mapping: dict[str, int]) -> LeftOutLine:
    """The row's cells as text, every column of its table (mapping: as the header names them), in the sheet's
    order."""
    order = sorted((index, name) for name, index in mapping.items())
    day = mapping.get("Datum")
    values = [day_from_1900(v, reader.from_1904) if i == day else v for i, v in enumerate(reader.values)]
    texts = [(name, _cell_text(values[index] if index < len(values) else None, name)) for index, name in order]
    return LeftOutLine(kind, reader.sheet, reader.row, tuple((name, text) for name, text in texts if text.strip()))


SAID_OF_AMOUNT = (Code.INPUT_FACTOR_ASSUMED, Code.INPUT_UNIT_PRICE_DERIVED)


def _read_lines(
    sheet: Sheet, header: Header | None, columns: dict[str, tuple[str, ...]], findings: list[Finding], totals: TotalsCheck
) -> tuple[list[FeeLine], list[LabLine], list[LeftOutLine]]:
    """The fee and lab lines of one table, and the rows left out; in a one-sheet table, GO = Labor (or BEB) marks
    lab lines. Its amounts and total rows go to `totals`."""
    fee_lines: list[FeeLine] = []
    lab_lines: list[LabLine] = []
    left_out: list[LeftOutLine] = []
    lab_table = columns is LAB_COLUMNS
    hidden: list[int] = []  # the rows read that are hidden in the spreadsheet program
    headers = [(sheet.rows[header[0]][0], header[1])] if header else []  # and the tables' headers below it
    taxed = 0  # the lab lines before this one whose VAT a row below them said
    session, below = "", 0  # the session of the fee line above, and the row right below the last line
    for reader in table_rows(sheet, header, columns, findings, headers):
        mapping = reader.mapping
        if reader.total is not None:
            totals.total(reader)
            continue
        if reader.vat is not None and vat_of(lab_lines, taxed, reader, findings):
            totals.vat_row(reader.row, stated_amount(reader))
            taxed = len(lab_lines)
            continue
        if reader.row in sheet.hidden_rows:
            hidden.append(reader.row)
        kind = "lab" if lab_table or reader.lab or (columns is ONE_SHEET_COLUMNS and is_lab_row(reader)) else "fee"
        if kind == "lab":
            if "Menge" not in reader.mapping and "Anzahl" in reader.mapping:
                reader.mapping = {**reader.mapping, "Menge": reader.mapping["Anzahl"]}
                reader.titles["Menge"] = "Anzahl"
            line: FeeLine | LabLine | None = lab_line(reader)
        else:
            line = fee_line(reader)
        (line, session), below = in_session(line, session if reader.row == below else ""), reader.row + 1
        lab_lines += [line] if isinstance(line, LabLine) else []
        fee_lines += [line] if isinstance(line, FeeLine) else []
        totals.line(reader.row, kind, line)
        computed = line is not None  # what a note says of the line's amount holds only for a line that is computed
        findings.extend(reader.problems + [n for n in reader.notes if computed or n.phrase.code not in SAID_OF_AMOUNT])
        if line is None:
            phrase = say(Code.INPUT_LINE_SKIPPED, sheet=sheet.name, row=reader.row)
            findings.append(Finding(Severity.ERROR, phrase, sheet.name, reader.row))
            left_out.append(_left_out(kind, reader, mapping))
    say_hidden(sheet, headers, hidden, findings)
    if sheet.hidden and (fee_lines or lab_lines or left_out):
        findings.append(Finding(Severity.WARNING, say(Code.INPUT_HIDDEN_SHEET, sheet=sheet.name), sheet.name))
    return fee_lines, lab_lines, left_out


def _written_by_the_program(sheets: dict[str, Sheet]) -> bool:
    """Whether a workbook is one the program wrote: an estimate's or a batch summary's sheets, the last one the
    findings with their header (a plan of its own with sheets of those names has no such header)."""
    found = list(sheets.values())
    if tuple(sheet.name for sheet in found) not in (ESTIMATE_SHEETS, SUMMARY_SHEETS) or not found[-1].rows:
        return False
    return tuple(found[-1].rows[0][1][: len(FINDINGS_HEADER)]) == FINDINGS_HEADER


class ProgramOutput(PlanReadError):
    """A workbook the program wrote (an estimate, a batch summary): no plan, and not one that could not be read."""


def read_plan(path: Path | str, tariff: str = "") -> Plan:
    """Read a workbook; raise PlanReadError only when nothing can be estimated from it."""
    path = Path(path)
    sheets = open_workbook(path)
    if _written_by_the_program(sheets):
        raise ProgramOutput(
            f"{path.name}: eine Arbeitsmappe, die dieses Programm geschrieben hat (eine Schätzung oder die Übersicht von "
            "„hkp batch“), kein Heil- und Kostenplan; bitte den Plan selbst angeben"
        )
    findings: list[Finding] = []
    found = tables_of(sheets)
    fee_sheet, lab_sheet = found.fee, found.lab
    if fee_sheet is None and lab_sheet is None:
        listed = [s.name for s in sheets.values()]
        names = ", ".join(listed[:10]) + (f" und {len(listed) - 10} weitere" if len(listed) > 10 else "")
        raise PlanReadError(
            f"{path.name}: kein Blatt „Leistungen“ oder „Labor“ und keine Tabelle mit den Spalten „Nr“ und „Faktor“ "
            f"oder „Einzelpreis“ gefunden (vorhanden: {names}); "
            "bitte die Vorlage verwenden (hkp template)"
        )
    findings += found.findings
    # A Leistungen sheet may hold lab rows too, marked in its GO column (spec "One-sheet files").
    tables = [(sheet, spec) for sheet, spec in ((fee_sheet, ONE_SHEET_COLUMNS), (lab_sheet, LAB_COLUMNS)) if sheet]
    tables += [(sheet, ONE_SHEET_COLUMNS) for sheet in found.more_fees]
    headers = [find_header(sheet, spec) for sheet, spec in tables]
    fee_header = headers[0] if fee_sheet and headers[0] else None
    patient, block = patient_sheet(sheets, fee_sheet, fee_header[0] if fee_header else None)
    try:
        person, plan_date, cells = read_patient(patient, findings, tariff, block=block)
    except PlanReadError as error:
        raise PlanReadError(f"{path.name}, {error}") from None
    said_block = block_read(patient, cells) if patient and block else None
    findings += [said_block] if said_block else []
    fee_lines: list[FeeLine] = []
    lab_lines: list[LabLine] = []
    left_out: list[LeftOutLine] = []
    columns = {}
    checks = WorkbookTotals()  # the total rows against their lines
    for (sheet, spec), header in zip(tables, headers, strict=True):
        if len(sheet.rows) > 1 and header is None:  # rows, but none of them is read: refused whole
            raise PlanReadError(
                f"{path.name}, Blatt {sheet.name}: keine Kopfzeile mit der Spalte „Nr“ in den ersten {MAX_TITLE_ROWS} "
                f"Zeilen, so würde keine seiner {len(sheet.rows)} Zeilen gelesen; bitte die Spalten wie in der Vorlage "
                "benennen (hkp template)"
            )
        if header and spec is LAB_COLUMNS and counts_rows(sheet, header):
            raise PlanReadError(
                f"{path.name}, Blatt {sheet.name}: die Spalte „Nr“ zählt die Zeilen (1, 2, 3 …) und nennt keine Laborcodes; "
                "bitte die Spalte mit den Nummern der Laborpreisliste angeben (wie in der Vorlage: hkp template)"
            )
        if header:
            columns[sheet.name] = {name: column_letter(index) for name, index in header[1].items()}
        fees, labs, left = _read_lines(sheet, header, spec, findings, checks.sheet(sheet.name))
        fee_lines += fees
        lab_lines += labs
        left_out += left
    findings += checks.findings()
    if not fee_lines and not lab_lines:
        errors = [f for f in findings if f.severity is Severity.ERROR]
        shown: list[str] = []  # whole findings, up to about 600 characters (one cut into at least)
        for finding in errors:
            text = finding_text(finding)
            if shown and sum(len(said) + 2 for said in shown) + len(text) > 600:
                break
            shown.append(text[:600])
        detail = "; ".join(shown) + (f"; und {len(errors) - len(shown)} weitere" if len(shown) < len(errors) else "")
        raise PlanReadError(
            f"{path.name}: keine lesbare Leistungs- oder Laborzeile gefunden" + (f" ({detail})" if detail else "")
        )
    if len(fee_lines) + len(lab_lines) + len(left_out) > MAX_LINES:
        raise PlanReadError(
            f"{path.name}: mehr als {thousands(MAX_LINES)} Leistungs- und Laborzeilen; so große Pläne werden nicht "
            "gelesen, bitte den Plan aufteilen"
        )
    if len(findings) > MAX_INPUT_FINDINGS:
        rest = len(findings) - MAX_INPUT_FINDINGS
        more = Finding(Severity.ERROR, say(Code.INPUT_MORE_FINDINGS, count=rest))  # notes give way, then warnings
        kept = sorted(range(len(findings)), key=lambda k: SEVERITY_ORDER.index(findings[k].severity))[:MAX_INPUT_FINDINGS]
        findings = [*(findings[k] for k in sorted(kept)), more]
    return Plan(
        tuple(fee_lines),
        tuple(lab_lines),
        person,
        plan_date,
        shown_path(path),
        tuple(findings),
        columns,
        cells,
        left_out=tuple(left_out),
    )
