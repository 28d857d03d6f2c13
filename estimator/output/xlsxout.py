"""Estimates as Excel workbooks: one estimate (`hkp estimate --xlsx`) and the summary of a batch (`hkp batch`).

Amounts are real numbers with German-looking formats (#.##0,00 €), dates real dates; every table has
a frozen header row and filters, so a reviewer can sort and filter in Excel.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from estimator.auslegung import setting_value
from estimator.files import atomic_write_bytes
from estimator.io.columns import ESTIMATE_SHEETS, FINDINGS_HEADER, SUMMARY_SHEETS
from estimator.kinds import Cause, Severity
from estimator.model import Estimate, FeeLine
from estimator.money import eur
from estimator.output.xlsxstream import StreamedWorkbook
from estimator.rules.engine import tariff_of
from estimator.rules.labprices import vat_percent
from estimator.rules.reserve import reserve_of, reserve_sentence
from estimator.sheetcells import append_row
from estimator.tariff.catalogues import load_tariffs
from estimator.wording import (
    cause_label,
    finding_text,
    left_out_text,
    limit_sentences,
    reductions_sentence,
    reductions_that_apply,
    rule_text,
    severity_label,
    step_text,
    total_labels,
    value_text,
    versions_text,
)

MONEY = '#,##0.00" €"'
RATE = '0" "%'  # 80 %, as the letter writes it
PRICE = '#,##0.00##" €"'  # a unit price with its third or fourth place (61,555 €)
VAT = 'General" %"'
DATE = "DD.MM.YYYY"
WRAPPED_FROM = 28  # characters: a text column at least this wide wraps a longer text
LINE_COLUMNS = (
    ("Blatt", 12, None),
    ("Zeile", 7, None),
    ("Art", 8, None),
    ("Datum", 12, DATE),
    ("Sitzung", 12, None),  # the session a plan names instead of a day
    ("Zahn", 10, None),
    ("GO", 7, None),
    ("Nr", 8, None),
    ("Leistung", 40, None),
    ("Anzahl", 8, "General"),  # 1, 2,5, 0,125 as they are; "0.##" showed "1,"
    ("Faktor", 8, "0.0##"),
    ("Begründung", 30, None),
    ("Einzelpreis", 12, PRICE),
    ("MwSt", 7, VAT),
    ("Klasse", 8, None),
    ("berechnet", 13, MONEY),
    ("erstattungsfähig", 15, MONEY),
    ("Satz", 7, RATE),
    ("Erstattung", 13, MONEY),
    ("Kürzung", 13, MONEY),
    *((cause_label(cause), 14, MONEY) for cause in Cause),
    ("Gründe", 80, None),
)
FINDING_COLUMNS = tuple(zip(FINDINGS_HEADER, (28, 10, 26, 12, 7, 8, 14, 100), (None,) * 8, strict=True))
SUMMARY_COLUMNS = (
    ("Datei", 30, None),
    ("Patient", 24, None),
    ("Tarif", 8, None),
    ("Planungsdatum", 13, DATE),
    ("berechnet", 13, MONEY),
    ("erstattungsfähig", 15, MONEY),
    ("Erstattung", 13, MONEY),
    ("Eigenanteil", 13, MONEY),
    *((cause_label(cause), 14, MONEY) for cause in Cause),
    ("Fehler", 8, "0"),
    ("Warnungen", 10, "0"),
    ("Hinweise", 9, "0"),
    ("größte Kürzungen", 70, None),
    ("keine Schätzung, weil", 60, None),
    ("PDF", 24, None),
    ("Fallregister", 60, None),
)


def _number(value: Decimal) -> float:
    return float(value)


def _day(value: dt.date | None) -> dt.datetime | None:
    return dt.datetime(value.year, value.month, value.day) if value else None


def _table(workbook: Any, title: str, columns: Sequence[tuple[str, int, str | None]], rows: Iterable[Sequence[Any]]) -> Any:
    from openpyxl.styles import Alignment, Font, PatternFill  # noqa: PLC0415 - openpyxl loads only when writing
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    sheet = workbook.create_sheet(title)
    append_row(sheet, [name for name, _, _ in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E79")
        cell.alignment = Alignment(vertical="center")
    count = 0
    for row in rows:
        append_row(sheet, row)
        count += 1
    wrapped = Alignment(wrap_text=True, vertical="top")  # a long text in its column's width, not behind the next
    for index, (_, width, number_format) in enumerate(columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = width
        if number_format or width >= WRAPPED_FROM:
            for (cell,) in sheet.iter_rows(min_row=2, max_row=count + 1, min_col=index, max_col=index):
                if number_format:
                    cell.number_format = number_format
                elif isinstance(cell.value, str) and len(cell.value) > width:
                    cell.alignment = wrapped
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    return sheet


def _reasons(result: Any) -> str:
    return "; ".join(f"{rule_text(e.rule)}: {step_text(e)}" for e in result.explanations)


def line_rows(estimate: Estimate) -> Iterable[list[Any]]:
    tariff = tariff_of(estimate.plan, load_tariffs())[0]
    for result in estimate.lines:
        line = result.line
        fee = isinstance(line, FeeLine)
        yield [
            line.sheet,
            line.row,
            "Leistung" if fee else "Labor",
            _day(result.date),
            line.session or None,
            line.teeth.text,
            line.schedule.value if isinstance(line, FeeLine) else estimate.lab_list_name,
            line.number,
            tariff.on(result.date).service_text(line),  # as the letter says it: a line added by number has no text
            _number(line.count if isinstance(line, FeeLine) else line.quantity),
            _number(line.factor) if isinstance(line, FeeLine) else None,
            line.justification if isinstance(line, FeeLine) else None,
            None if isinstance(line, FeeLine) else _number(line.unit_price),
            None if isinstance(line, FeeLine) else _number(vat_percent(line, tariff.on(result.date).profile)),
            result.line_class.value,
            _number(result.billed),
            _number(result.eligible),
            _number(result.rate),
            _number(result.benefit),
            _number(result.reduction),
            *(_number(result.reductions[cause]) if cause in result.reductions else None for cause in Cause),
            _reasons(result),
        ]


def finding_rows(estimate: Estimate, source: str = "") -> Iterable[list[Any]]:
    for finding in estimate.findings:
        yield [
            source,
            severity_label(finding.severity),
            finding.code,
            finding.sheet,
            finding.row,
            finding.column,
            finding.section,
            finding_text(finding),
        ]


def _save(workbook: Any) -> bytes:
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def estimate_workbook(estimate: Estimate) -> bytes:
    """One estimate: Übersicht (totals, person, limits), Zeilen (every amount with its reasons), Hinweise."""
    import openpyxl  # noqa: PLC0415

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    person, totals = estimate.plan.person, estimate.totals
    overview = [
        ("Patient", person.name),
        ("Geburtsdatum", _day(person.birth_date)),
        ("Versicherungsnummer", person.insurance_number),
        ("Tarif", estimate.variant),
        ("Versicherungsbeginn", _day(person.insurance_start)),
        ("Planungsdatum", _day(estimate.plan.plan_date)),
        ("Kooperationszahnarzt", "ja" if person.cooperating else "nein"),
        ("Unfall", "ja" if person.accident else "nein"),
        *zip(total_labels(estimate.figures_incomplete), map(_number, totals.shown), strict=True),
        ("Eigenanteil nach Ursachen", reductions_sentence(estimate.reductions)),
        *((f"davon {cause_label(cause)}", _number(amount)) for cause, amount in reductions_that_apply(estimate.reductions)),
        *_reserve_rows(estimate),
        *(("nicht gelesen, fehlt in allen Beträgen", left_out_text(left)) for left in estimate.rows_missing),
        *(("ohne Betrag, fehlt in allen Beträgen", left_out_text(left)) for left in estimate.rows_without_amount),
        *(("Grenze", sentence) for sentence in limit_sentences(estimate)),
        ("Stand", versions_text(estimate.versions)),
        *_setting_rows(estimate),
    ]
    overview_name, lines_name, findings_name = ESTIMATE_SHEETS
    sheet = _table(workbook, overview_name, (("Angabe", 28, None), ("Wert", 110, None)), overview)
    for row in sheet.iter_rows(min_row=2, min_col=2, max_col=2):
        if isinstance(row[0].value, float):
            row[0].number_format = MONEY
        elif isinstance(row[0].value, dt.datetime):
            row[0].number_format = DATE
    _table(workbook, lines_name, LINE_COLUMNS, line_rows(estimate))
    _table(workbook, findings_name, FINDING_COLUMNS, finding_rows(estimate, Path(estimate.plan.source).name))
    return _save(workbook)


def _reserve_rows(estimate: Estimate) -> list[tuple[str, Any]]:
    """What of the expected benefit the insurer may still cut (estimator.rules.reserve), as the letter says it."""
    reserve = reserve_of(estimate)
    if reserve is None:
        return []
    return [("Erstattung unter Vorbehalt, bis zu", _number(reserve.total)), ("Vorbehalt", reserve_sentence(reserve))]


def _setting_rows(estimate: Estimate) -> list[tuple[str, str]]:
    """The Auslegung settings as the letter names them, each with what `--set` calls it."""
    names = tariff_of(estimate.plan, load_tariffs())[0].profile.auslegung_names
    rows = []
    for name, value in estimate.settings.items():
        setting, chosen = names.describe(name, value)
        rows.append(
            (f"Auslegung: {value_text(setting, '', 'de')}", f"{value_text(chosen, '', 'de')} ({name}={setting_value(value)})")
        )
    return rows


def write_estimate_workbook(estimate: Estimate, path: Path) -> None:
    atomic_write_bytes(Path(path), estimate_workbook(estimate))


@dataclass(frozen=True)
class BatchRow:
    """One plan of a batch: its estimate's figures, or why it could not be read."""

    file: str
    patient: str = ""
    tariff: str = ""
    plan_date: dt.date | None = None
    billed: Decimal = Decimal(0)
    eligible: Decimal = Decimal(0)
    benefit: Decimal = Decimal(0)
    reductions: tuple[Decimal, ...] = ()  # by cause, in the order of Cause
    counts: tuple[int, int, int] = (0, 0, 0)  # errors, warnings, notes
    largest_reductions: str = ""
    error: str = ""
    findings: tuple[tuple[Any, ...], ...] = ()
    pdf: str = ""  # the name of the plan's PDF in the batch's PDF folder, or why it has none
    set_aside: str = ""  # the new name of a letter of an earlier run, when the plan now gives none
    register: str = ""  # what the case register holds of the person's earlier cases, and whether they were taken in
    register_left: bool = False  # earlier cases there, not taken in
    program_output: bool = False  # the file is an estimate or a summary the program wrote: no plan (error says so)

    @property
    def unreadable(self) -> bool:
        """No estimate, as the file could not be read (a plan read but none of whose lines can be computed has its
        tariff; a workbook the program wrote is no plan at all)."""
        return bool(self.error) and not self.tariff and not self.program_output


def batch_row(file: str, estimate: Estimate, pdf: str = "", reductions: int = 3) -> BatchRow:
    largest = sorted((r for r in estimate.lines if r.reduction), key=lambda r: r.reduction, reverse=True)[:reductions]
    severities = [f.severity for f in estimate.findings]
    return BatchRow(
        file=file,
        patient=estimate.plan.person.name,
        tariff=estimate.variant,
        plan_date=estimate.plan.plan_date,
        billed=estimate.totals.billed,
        eligible=estimate.totals.eligible,
        benefit=estimate.totals.benefit,
        reductions=tuple(estimate.reductions.values()),
        counts=(severities.count(Severity.ERROR), severities.count(Severity.WARNING), severities.count(Severity.INFO)),
        largest_reductions="; ".join(  # with their causes: a crown's rate and deductible read as no refusal
            f"{r.line.sheet} Zeile {r.line.row} Nr. {r.line.number}: −{eur(r.reduction)} ({', '.join(map(cause_label, r.reductions))})"
            for r in largest
        ),
        findings=tuple(tuple(row) for row in finding_rows(estimate, file)),
        pdf=pdf,
    )


def _summary_values(row: BatchRow) -> list[Any]:
    return [
        row.file,
        row.patient,
        row.tariff,
        _day(row.plan_date),
        *(None if row.error else _number(v) for v in (row.billed, row.eligible, row.benefit, row.billed - row.benefit)),
        *(_number(v) if v and not row.error else None for v in row.reductions or (Decimal(0),) * len(Cause)),
        *(None if row.error else n for n in row.counts),
        "" if row.error else row.largest_reductions,  # a plan without an estimate has no figures, in no column
        row.error,
        row.pdf,
        row.register,
    ]


class SummaryWriter:
    """The batch summary written as the plans come: one row per plan (Übersicht) and every finding of every plan
    (Hinweise); no plan is kept once its rows are written (estimator.output.xlsxstream)."""

    def __init__(self) -> None:
        self.workbook = StreamedWorkbook()
        self.overview = self.workbook.sheet(SUMMARY_SHEETS[0], SUMMARY_COLUMNS)
        self.findings = self.workbook.sheet(SUMMARY_SHEETS[1], FINDING_COLUMNS)
        self.plans = self.unreadable = self.not_computed = self.set_aside = self.register_left = self.outputs = 0

    def add(self, row: BatchRow) -> None:
        self.overview.add(_summary_values(row))
        for finding in row.findings:
            self.findings.add(finding)
        self.outputs += row.program_output  # in the folder beside the plans: its row says what it is, no plan counted
        self.plans += not row.program_output
        self.unreadable += row.unreadable
        self.not_computed += bool(row.error) and not row.unreadable and not row.program_output
        self.set_aside += bool(row.set_aside)
        self.register_left += row.register_left

    def finish(self) -> bytes:
        return self.workbook.finish()

    def close(self) -> None:
        """Drop what was written so far (a batch that stops early)."""
        self.workbook.close()


def summary_workbook(rows: Iterable[BatchRow]) -> bytes:
    """The batch summary of these rows (SummaryWriter, all at once)."""
    writer = SummaryWriter()
    for row in rows:
        writer.add(row)
    return writer.finish()
