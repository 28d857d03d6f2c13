"""The letter's findings: what the practice clears before submitting the plan and the insurer looks at, each line
named in words (the patient has no workbook), what several lines share said once; notes on the workbook's layout are
for the practice (window, workbook, JSON), not for the letter."""

from __future__ import annotations

import dataclasses
from typing import Any

from estimator.codes import Code
from estimator.kinds import LineClass, Severity
from estimator.model import Estimate, Finding, LineResult
from estimator.output.pdfstyle import MUTED, REDUCTION, fit_line, para
from estimator.output.pdftables import REASON_LIMIT
from estimator.phrases import Phrase
from estimator.wording import by_severity, finding_text, grouped, severity_label
from estimator.xmltext import escape

LAYOUT_NOTES = frozenset(  # not in the letter: about the file, for the practice (window, workbook, JSON)
    {
        Code.INPUT_COLUMN_UNKNOWN,
        Code.INPUT_COLUMN_FROM_SCHEDULE,
        Code.INPUT_TOTAL_ROW,
        Code.INPUT_TOTAL_DIFFERS,
        Code.INPUT_TOTAL_DIFFERS_SHEETS,
        Code.INPUT_VAT_ROW,
        Code.INPUT_COMMENT_ROW,
        Code.INPUT_SHEET_BY_HEADER,
        Code.INPUT_SHEET_NO_TABLE,
        Code.INPUT_PATIENT_LABEL,
        Code.INPUT_TARIFF_LABEL,
        Code.INPUT_PATIENT_BLOCK,
        Code.INPUT_HIDDEN_ROWS,
        Code.INPUT_LAB_TABLE_BELOW,
        Code.INPUT_FEE_TABLE_BELOW,
        Code.INPUT_HIDDEN_COLUMN,
        Code.INPUT_EMPTY_ROWS,
        Code.INPUT_HEADER_AGAIN,
        Code.INPUT_LAB_HEADING,
        Code.INPUT_FEE_HEADING,
        Code.INPUT_DITTO,
        Code.INPUT_BLOCK_ADDRESS,
    }
)
# what the rules say of the amount of a line whose eligible amount a reviewer decided: the decision replaces it (its
# own finding says what was decided); not in the letter, where „bis zum Höchstsatz erstattungsfähig“ beside an amount
# accepted whole would contradict it (window, workbook and JSON keep both)
AMOUNT_BY_THE_RULES = frozenset(
    {
        Code.FEE_ABOVE_MAXIMUM,
        Code.FEE_ABOVE_MAXIMUM_AGREEMENT,
        Code.FEE_ABOVE_MAXIMUM_JUSTIFIED,
        Code.FEE_ABOVE_THRESHOLD,
        Code.FEE_AMOUNT_MISMATCH,
        Code.FEE_AMOUNT_ABOVE_MAXIMUM,
        Code.FEE_AMOUNT_ABOVE_MAXIMUM_KEPT,
        Code.FEE_AMOUNT_ABOVE_MAXIMUM_JUSTIFIED,
        Code.FEE_AMOUNT_ABOVE_SINGLE_RATE,
        Code.FEE_AMOUNT_ABOVE_SINGLE_RATE_KEPT,
        Code.FEE_SINGLE_RATE_ONLY,
        Code.LAB_OVER_MAXIMUM,
        Code.LAB_AMOUNT_MISMATCH,
    }
)
REVIEWED_AMOUNT = (Code.STEP_REVIEW_ELIGIBLE, Code.STEP_REVIEW_ELIGIBLE_CAPPED)  # a reviewer's amount, set
FINDINGS_IN_LETTER = 300  # the letter lists the most important findings; the workbook and JSON hold all


def findings_flowables(estimate: Estimate, styles: dict[str, Any]) -> list[Any]:
    # notes on the workbook's layout (a column not read, a total row) are for the practice: workbook and JSON; so
    # are warnings and notes about a line that is not eligible at all – its reason is in its row, and what they
    # say of its amount („bleibt erstattungsfähig“) no longer holds
    not_eligible = {(r.line.sheet, r.line.row) for r in estimate.lines if r.line_class is LineClass.X}
    decided = {(r.line.sheet, r.line.row) for r in estimate.lines if _raised_by_review(r)}
    findings = [
        f
        for f in estimate.findings
        if f.phrase.code not in LAYOUT_NOTES
        and (f.severity is Severity.ERROR or (f.sheet, f.row) not in not_eligible)
        and (f.phrase.code not in AMOUNT_BY_THE_RULES or (f.sheet, f.row) not in decided)
    ]
    if not findings:
        return [para("Keine Auffälligkeiten.", styles["base"])]
    colours = {Severity.ERROR: REDUCTION, Severity.WARNING: "#8a5a00", Severity.INFO: MUTED}
    said = "Was die Praxis vor dem Einreichen klärt und der Versicherer bei seiner Prüfung ansieht; ein Punkt hier kann die Erstattung ändern."
    flowables = [para(said, styles["muted"])]  # who is to look at them: not the patient
    ordered = by_severity(grouped([_row_not_cell(f) for f in findings]))  # what several lines share: said once
    for f in ordered[:FINDINGS_IN_LETTER]:  # the line is named in words; its cell is for the practice (window, workbook)
        section = f" ({f.section})" if f.section else ""
        flowables.append(
            para(
                f'<font color="{colours[f.severity]}"><b>{severity_label(f.severity, letter=True)}:</b></font> '
                f"{escape(fit_line(finding_text(f), 2 * REASON_LIMIT))}{escape(section)}",
                styles["small"],
            )
        )
    if len(ordered) > FINDINGS_IN_LETTER:
        rest = len(ordered) - FINDINGS_IN_LETTER
        flowables.append(
            para(f"… und {rest} weitere Hinweise; vollständig in der Arbeitsmappe und im JSON der Schätzung.", styles["small"])
        )
    return flowables


def _raised_by_review(result: LineResult) -> bool:
    """Whether a reviewer's amount replaced the rules' result above it (its step: before, after): their findings on the
    amount no longer hold; one below it keeps their cut, which its finding explains."""
    return any(
        e.phrase.code in REVIEWED_AMOUNT and e.before is not None and e.after is not None and e.after > e.before
        for e in result.explanations
    )


def _row_not_cell(finding: Finding) -> Finding:
    """A workbook cell's finding names its row in the letter („Leistungen Zeile 3 (Zahn): …“, not „Leistungen!B3“):
    the patient has no workbook; the practice finds the cell in the window, the workbook and the JSON."""
    if finding.row is None or not isinstance(finding.phrase.get("cell"), str):
        return finding
    patient = finding.sheet.strip().lower() == "patient"  # a field per row: the field names it
    row = f"Blatt {finding.sheet}" if patient else f"{finding.sheet} Zeile {finding.row}"
    params = tuple((name, row if name == "cell" else value) for name, value in finding.phrase.params)
    return dataclasses.replace(finding, phrase=Phrase(finding.phrase.code, params))
