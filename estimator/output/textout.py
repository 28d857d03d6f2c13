"""The estimate as a readable German table for the terminal."""

from __future__ import annotations

import re

from estimator.auslegung import setting_value
from estimator.figures import with_session
from estimator.kinds import Schedule
from estimator.model import Estimate, FeeLine, LeftOutLine
from estimator.money import eur, german_date, percent
from estimator.rules.engine import tariff_of
from estimator.rules.reserve import reserve_of, reserve_sentence
from estimator.tariff.catalogues import load_tariffs
from estimator.wording import (
    by_severity,
    finding_text,
    is_reason,
    left_out_text,
    limit_sentences,
    reductions_sentence,
    rule_text,
    setting_text,
    severity_label,
    step_text,
    total_labels,
    versions_text,
)

# Control characters (C0 other than tab and line feed, DEL, C1): a plan could hide terminal escape sequences in
# a name or a number; the terminal shows them as "?".
# control characters and the marks that turn the direction of what follows (U+202E shows „fdp.exe“ as „exe.pdf“); the
# surrogates that stand for bytes of a file name or an argument that are no UTF-8 (they printed as „\udcff“)
TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x85\u2028\u2029]")


def terminal_safe(text: str) -> str:
    """Text as the terminal may show it: no escape sequences or direction marks from a plan reach it."""
    return TERMINAL_UNSAFE.sub("?", text)


def path_said(path: object) -> str:
    """A file's name as the terminal says it: on one line, without escape sequences (a name may hold both)."""
    return terminal_safe(one_line(str(path)))


def one_line(text: str) -> str:
    """A line of the terminal's output as one line: a line break in a plan's text (a name „Erika⏎  Geburtsdatum:
    01.01.1900“) would otherwise print a line of its own that looks like the program's. Line breaks that begin it
    (a blank line before a heading) stay."""
    body = text.lstrip("\n")
    return text[: len(text) - len(body)] + LINE_BREAKS.sub(" ", body)


def _row(cells: list[str], widths: list[int], right: set[int]) -> str:
    return "  ".join(
        c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
    ).rstrip()


def _sheet(name: str) -> str:
    return name if len(name) <= 16 else name[:15] + "…"


def estimate_text(estimate: Estimate) -> str:
    plan, person, totals = estimate.plan, estimate.plan.person, estimate.totals
    out = [f"Erstattungsschätzung – {estimate.tariff_name} {estimate.variant}"]
    facts = [
        ("Patient", person.name or "–"),
        ("Geburtsdatum", german_date(person.birth_date) or "–"),
        ("Versicherungsbeginn", german_date(person.insurance_start) or "–"),
        ("Planungsdatum", german_date(plan.plan_date) or "–"),
        ("Kooperationszahnarzt", "ja" if person.cooperating else "nein"),
        ("Unfall", "ja" if person.accident else "nein"),
    ]
    if person.orthodontics_start:
        facts.append(("KFO-Behandlungsbeginn", german_date(person.orthodontics_start)))
    out += [f"  {label + ':':<22}{value}" for label, value in facts]
    out.append("")
    head = ["Zeile", "Datum", "Zahn", "Nr", "Kl.", "Satz", "Betrag", "erstattungsf.", "Erstattung", "Grund"]
    rows = []
    for r in estimate.lines:
        reason = "; ".join(f"{rule_text(e.rule)}: {step_text(e)}" for e in r.explanations if is_reason(e))
        rows.append(
            [
                f"{_sheet(r.line.sheet)}!{r.line.row}",  # the sheet as Excel names it, so that the row is found
                with_session(german_date(r.date), r.line.session),
                r.line.teeth.text,
                f"Ä{r.line.number}" if isinstance(r.line, FeeLine) and r.line.schedule is Schedule.GOAE else r.line.number,
                r.line_class.value + ("*" if r.class_by_hand else "") + (" U" if r.accident else ""),
                percent(r.rate),
                eur(r.billed),
                eur(r.eligible),
                eur(r.benefit),
                reason,
            ]
        )
    widths = [max(len(head[i]), *(len(row[i]) for row in rows)) if rows else len(head[i]) for i in range(len(head) - 1)]
    widths.append(0)
    right = {5, 6, 7, 8}
    out.append(_row(head, widths, right))
    out.extend(_row(row, widths, right) for row in rows)
    marks = [
        said
        for mark, said in (("*", "* Klasse von Hand gesetzt"), (" U", "U Unfall: ohne Zahnstaffel"))
        if any(mark in row[4] for row in rows)
    ]
    if marks:
        out.append(f"  Kl.: {'; '.join(marks)}")
    out.append("")
    labels = [f"{label}:" for label in total_labels(estimate.figures_incomplete)]
    width = max(32, *(len(label) + 1 for label in labels))  # „Gesamtkosten ohne fehlende Zeilen:“ keeps the column
    out += [f"  {label:<{width}}{eur(value):>14}" for label, value in zip(labels, totals.shown, strict=True)]
    out.append(f"    {reductions_sentence(estimate.reductions)}")
    if (reserve := reserve_of(estimate)) is not None:  # counted in the customer's favour: no promise
        out.append(f"  {reserve_sentence(reserve)}")
    if estimate.rows_missing:  # in none of these figures
        missing = len(estimate.rows_missing)
        out.append(f"  Es fehl{'t 1 Zeile' if missing == 1 else f'en {missing} Zeilen'} des Plans in allen Beträgen:")
        out += _first_ten(estimate.rows_missing)
    unpriced = estimate.rows_without_amount  # computed at 0,00 €: their cost is in none of these figures
    if unpriced:
        out.append(
            f"  Ohne Betrag (Nummer unbekannt, kein Betrag angegeben), in allen Beträgen fehlend: {len(unpriced)} Zeile{'n' if len(unpriced) > 1 else ''}"
        )
        out += _first_ten(unpriced)
    out += [f"  Blatt „{sheet}“ nicht gelesen: seine Zeilen fehlen in allen Beträgen" for sheet in estimate.sheets_not_read]
    out.append("\nGrenzen")
    out += [f"  {sentence}" for sentence in limit_sentences(estimate)]
    if estimate.findings:
        out.append("\nHinweise zur Prüfung")
        for f in by_severity(estimate.findings):
            said = finding_text(f)
            place = f"{f.sheet}!{f.cell}" if f.sheet and f.cell else ""
            where = f" [{place}]" if place and place not in said else ""  # once: most texts begin with their cell
            section = f" ({f.section})" if f.section else ""
            out.append(f"  {severity_label(f.severity)}: {said}{section}{where}")
    names = tariff_of(estimate.plan, load_tariffs())[0].profile.auslegung_names
    out.append("\nAuslegung (ändern mit --set NAME=WERT):")
    out += [f"  {setting_text(names, k, v)} ({k}={setting_value(v)})" for k, v in estimate.settings.items()]
    out.append("Stand: " + versions_text(estimate.versions))
    out.append("Unverbindliche Schätzung; maßgeblich ist die Prüfung der eingereichten Rechnung durch den Versicherer.")
    return terminal_safe("\n".join(map(one_line, out)) + "\n")


def _first_ten(rows: tuple[LeftOutLine, ...]) -> list[str]:
    """Rows in no figure, each named by what it holds: ten, and how many more."""
    return [f"    {left_out_text(left)}" for left in rows[:10]] + (
        [f"    … und {len(rows) - 10} weitere"] if len(rows) > 10 else []
    )
