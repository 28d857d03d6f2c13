"""The letter's tables: the plan's lines with their reasons, laid out a page at a time, and key-value tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from estimator.figures import with_session
from estimator.kinds import LineClass
from estimator.model import Explanation, FeeLine, LineResult
from estimator.money import ZERO, factor_text, german_date, german_factor, german_number, percent, price_places
from estimator.output.pdfrows import Cell, RowStyle, fitted, row_table
from estimator.output.pdfstyle import FONT, INK, MUTED, REDUCTION, fit_line, para
from estimator.rules.labprices import vat_percent
from estimator.tariff.catalogues import Tariff
from estimator.wording import class_label, is_reason, rule_text, step_text
from estimator.xmltext import escape

REASON_LIMIT = 300  # characters of one reason beside a line
SERVICE_LIMIT = 95  # characters of a service's text
SERVICE_LIMIT_DISTINCT = 210  # … when the catalogue's texts of two numbers differ only after SERVICE_LIMIT


def describe(result: LineResult, tariff: Tariff) -> str:
    """The service in words, at most SERVICE_LIMIT characters – the catalogue's text as far as it tells the number
    from the others (up to SERVICE_LIMIT_DISTINCT); a number the plan gives no text for and no catalogue knows is
    said to have none (an empty cell would look like a line cut off)."""
    catalogues = tariff.on(result.date)
    limit = min(max(SERVICE_LIMIT, catalogues.told_apart(result.line) + 2), SERVICE_LIMIT_DISTINCT)
    return fit_line(catalogues.service_text(result.line), limit) or "(ohne Leistungstext)"


def reasons(result: LineResult) -> list[str]:
    """Every step that lowered the line, with its tariff section (the rate itself is in its own column),
    and every decision of a reviewer."""
    return [_said(e) for e in result.explanations if is_reason(e)]


def _said(step: Explanation) -> str:
    """A step as a row of the letter says it: its section, then what it did."""
    return fit_line(f"{rule_text(step.rule)}: {step_text(step)}", REASON_LIMIT)


def reasons_within(reasons: list[str], limit: int = 4 * REASON_LIMIT) -> list[str]:
    """As many reasons as a table row can hold beside its line; the rest in the explanation of the estimate."""
    kept: list[str] = []
    used = 0
    for reason in reasons:
        if used + len(reason) > limit:
            kept.append(f"… {len(reasons) - len(kept)} weitere Schritte in der Erläuterung")
            break
        kept.append(reason)
        used += len(reason)
    return kept


def why_not_eligible(result: LineResult) -> str:
    """For a line the rules made class X (not by hand): the step that did, with its section ("" for none)."""
    if result.line_class is not LineClass.X or result.class_by_hand:
        return ""
    step = next((e for e in result.explanations if e.phrase.get("cls") is LineClass.X and not is_reason(e)), None)
    return _said(step) if step is not None else ""


def as_above(reason: str) -> str:
    """A reason the line above gives too: its section, then "wie oben"."""
    section, _, _ = reason.partition(": ")
    return f"{section}: wie oben"


def line_table(results: Sequence[LineResult], tariff: Tariff, styles: dict[str, Any], lab: bool, title: str) -> Any:
    """The plan's fee or lab lines with what the estimate made of each, the reasons a line was lowered in red,
    and their sums; laid out a page at a time (estimator.output.pdfrows)."""
    from reportlab.lib.units import mm  # noqa: PLC0415

    head = [
        "Datum",
        "Zahn",
        "Nr.",
        "Leistung",
        "Menge" if lab else "Anz.",
        "E-Preis" if lab else "Faktor",
        *(["MwSt"] if lab else []),
        "Betrag",
        "erstattungs-\nfähig",
        "Satz",
        "Erstattung",
    ]
    rows: list[list[Cell]] = []
    tops: dict[int, list[Cell]] = {}  # a row with "wie oben" as it reads at the top of a page: in full
    before: list[str] = []  # the reasons of the row above: a reason repeated there is said once, then "wie oben"
    for result in results:
        line = result.line
        klass = class_label(result.line_class, short=False) + (", von Hand" if result.class_by_hand else "")  # said in words
        klass = why_not_eligible(result) or klass  # the rule that made it X, not only that it is („wie oben“ hid it)
        if result.accident:
            klass += ", Unfall"
        parts = [(describe(result, tariff), INK), (klass, MUTED)]
        if isinstance(line, FeeLine) and line.justification.strip():  # what the insurer judges a high factor by
            parts.insert(1, ("Begründung: " + fit_line(line.justification, REASON_LIMIT), MUTED))
        said = reasons_within(reasons(result))
        full = parts + [(reason, REDUCTION) for reason in said]
        parts += [(as_above(reason) if reason in before else reason, REDUCTION) for reason in said]
        before = said
        vat: list[Cell] = []
        if isinstance(line, FeeLine):
            count, factor = german_factor(line.count), factor_text(line.factor)
            number = line.number if line.schedule.value == "GOZ" else f"Ä{line.number}"
        else:
            count, factor, number = (
                german_factor(line.quantity),
                german_number(line.unit_price, price_places(line.unit_price)),
                line.code,
            )
            vat = [percent(vat_percent(line, tariff.on(result.date).profile) / 100)]
        teeth = line.teeth.text
        day = with_session(german_date(result.date), line.session)
        row: list[Cell] = [
            [(day, INK)] if line.session else day,  # a session named instead of a day: wraps in its column
            teeth if len(teeth) <= 6 else [(teeth.replace(",", ", "), INK)],  # wraps after a comma in its column
            number if len(number) <= 6 else [(number, INK)],  # „MATERIAL“, „AUSLAGEN“: broken in its column
            parts,
            count,
            factor,
            *vat,
            german_number(result.billed),
            german_number(result.eligible),
            percent(result.rate) if result.eligible else "–",  # no rate is paid on nothing („100 %“, 0,00)
            german_number(result.benefit),
        ]
        if full != parts:
            tops[len(rows)] = [*row[:3], full, *row[4:]]
        rows.append(row)
    total = [sum((getattr(r, name) for r in results), ZERO) for name in ("billed", "eligible", "benefit")]
    empty: list[Cell] = [""] * (3 if lab else 2)
    rows.append(["", "", "", [("Summe", INK)], *empty, *map(german_number, total[:2]), "", german_number(total[2])])
    if lab:
        wide = 4 * mm if any(len(r.line.number) > 6 for r in results) else 0  # „MATERIAL“, „AUSLAGEN“ in one line
        widths: tuple[float, ...] = (
            16 * mm,
            11 * mm,
            11 * mm + wide,
            45 * mm - wide,
            9 * mm,
            11 * mm,
            9 * mm,
            16 * mm,
            16 * mm,
            10 * mm,
            16 * mm,
        )
    else:
        widths = (16 * mm, 11 * mm, 11 * mm, 54 * mm, 9 * mm, 11 * mm, 16 * mm, 16 * mm, 10 * mm, 16 * mm)
    heading, continued = para(title, styles["h2"]), para(f"{title} (Fortsetzung)", styles["h2"])
    style = fitted(RowStyle(widths, right_from=4), rows, flexible=3, narrowest=30 * mm)  # the sum's bold figures too
    return row_table(head, rows, style, heading, tops=tops, continued=continued)


def key_value_table(pairs: Sequence[tuple[str, str]], styles: dict[str, Any], columns: int = 2) -> Any:
    from reportlab.lib.colors import HexColor  # noqa: PLC0415
    from reportlab.lib.units import mm  # noqa: PLC0415
    from reportlab.platypus import Table, TableStyle  # noqa: PLC0415

    rows: list[list[Any]] = []
    per_column = (len(pairs) + columns - 1) // columns
    for i in range(per_column):
        row: list[Any] = []
        for c in range(columns):
            index = c * per_column + i
            label, value = pairs[index] if index < len(pairs) else ("", "")
            row += [para(escape(label), styles["muted"]), para(escape(value), styles["base"])]
        rows.append(row)
    table = Table(rows, colWidths=[34 * mm, 51 * mm] * columns, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TEXTCOLOR", (0, 0), (-1, -1), HexColor(INK)),
            ]
        )
    )
    return table
