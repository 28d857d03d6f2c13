"""A reviewer's decisions given on the command line (--override, --reviewer): read, joined per line, put in the place
of those a case file holds, and an estimate that lacks one refused; and the error of a value that cannot be used."""

from __future__ import annotations

import argparse
import dataclasses
import re

from estimator import wording
from estimator.cells import MAX_TEXT, CellError, in_cents, parse_amount, parse_class, shown
from estimator.codes import Code
from estimator.kinds import Severity
from estimator.letterhead import Letterhead
from estimator.model import MAX_REVIEWER, Estimate, Finding, Override, Plan, PlanLine
from estimator.personvalues import patient_unread
from estimator.phrases import Phrase, say


class UsageError(Exception):
    """A command-line value that cannot be used; the message says what is expected."""


def override_text(text: str) -> tuple[str, int, str, str, str]:
    """ "Leistungen!3:erstattungsfähig=120,00:Grund" -> (sheet, row, field, value, reason)."""
    match = re.fullmatch(r"\s*([^!]{1,101})!([0-9]{1,7}):\s*([^=:]{1,40}?)\s*=\s*([^:]{1,40}?)\s*:(.{1,2000})", text, re.DOTALL)
    if not match:
        raise argparse.ArgumentTypeError(f"BLATT!ZEILE:FELD=WERT:GRUND erwartet, „{shown(text)}“ gefunden")
    sheet, row, name, value, reason = match.groups()
    name = name.strip().lower()
    if name not in ("erstattungsfähig", "eligible", "klasse", "class"):
        raise argparse.ArgumentTypeError(f"Feld „{name}“: erstattungsfähig oder Klasse erwartet")
    if not reason.strip():
        raise argparse.ArgumentTypeError("eine Prüfer-Entscheidung braucht einen Grund")
    return sheet.strip(), int(row), name, value, reason.strip()


def overrides_from(options: argparse.Namespace, plan: Plan) -> tuple[Override, ...]:
    """One reviewer decision per line: a line's class and eligible amount given in two --override are joined; a
    sheet written otherwise than the plan writes it („leistungen“) is the plan's, as Excel takes a sheet's name in
    any case."""
    reviewer = (options.reviewer or "").strip()
    if options.override and not reviewer:
        raise UsageError("--override braucht --reviewer NAME: wer die Änderung verantwortet")
    if len(reviewer) > MAX_REVIEWER:
        raise UsageError(f"--reviewer: höchstens {MAX_REVIEWER} Zeichen")
    found: dict[tuple[str, int], Override] = {}
    names = [f.sheet for f in plan.fee_lines] + [lab.sheet for lab in plan.lab_lines] + [o.sheet for o in plan.left_out]
    sheets = {name.casefold(): name for name in names}
    for typed, row, name, value, reason in options.override:
        sheet = sheets.get(typed.casefold(), typed)
        before = found.get((sheet, row), Override(sheet, row, reviewer, reason))  # on the line as it is in this run
        reasons = before.reason if reason in before.reason.split("; ") else f"{before.reason}; {reason}"
        try:
            field = "line_class" if name in ("klasse", "class") else "eligible"
            if (sheet, row) in found and getattr(before, field) is not None:  # two of one kind for a line: which holds?
                what = "Klasse" if field == "line_class" else "erstattungsfähig"
                raise UsageError(f"--override {sheet}!{row}: {what} zweimal angegeben (zuletzt „{value}“); bitte nur einmal")
            if field == "line_class":
                decision = dataclasses.replace(before, line_class=parse_class(value), reason=reasons[:MAX_TEXT])
            else:
                amount = in_cents(parse_amount(value), value)  # never rounded: the decision is taken as written
                decision = dataclasses.replace(before, eligible=amount, reason=reasons[:MAX_TEXT])
        except CellError as error:
            raise UsageError(f"--override {sheet}!{row}: {wording.text(error.phrase)}") from None
        found[(sheet, row)] = decision
    return tuple(found.values())


def with_cli_overrides(plan: Plan, cli_overrides: tuple[Override, ...]) -> Plan:
    """The reviewer's decisions of the command line replace those the case file holds for the same lines; each one
    replaced is said (the case file keeps it)."""
    by_place = {(o.sheet, o.row): o for o in cli_overrides}
    kept = tuple(o for o in plan.overrides if (o.sheet, o.row) not in by_place)
    replaced = tuple(
        Finding(
            Severity.WARNING,
            say(Code.OVERRIDE_REPLACED, reviewer=o.reviewer, sheet=o.sheet, row=o.row, by=new.reviewer),
            o.sheet,
            o.row,
        )
        for o in plan.overrides
        if (new := by_place.get((o.sheet, o.row))) is not None
    )
    return dataclasses.replace(plan, overrides=kept + cli_overrides, input_findings=plan.input_findings + replaced)


def no_letter(result: Estimate, *, tariff_option: bool = False) -> str:
    """Why no letter is to be written for a patient though the estimate is shown, or "": no tariff was given (the
    letter would promise the benefit of the tariff without a deductible; `tariff_option`: `hkp estimate` names its
    option too), or the birth date lies after the first treatment day or the insurance start (a year mistyped: the
    letter would give a child's deductible and age limits)."""
    if any(f.phrase.code is Code.TARIFF_ASSUMED for f in result.findings):
        return (
            f"kein Brief: kein Tarif angegeben, gerechnet mit {result.variant}, dem Tarif ohne Selbstbehalt – bitte den "
            "Tarif im Blatt Patient eintragen" + (" (oder --tariff angeben)" if tariff_option else "")
        )
    if said := birth_impossible(result):
        which = "oder den Behandlungstag " if said.phrase.code is Code.PERSON_BORN_AFTER_TREATMENT else ""
        return f"kein Brief: {wording.finding_text(said)}; bitte das Geburtsdatum {which}berichtigen"
    if said := patient_unread(result):
        return f"kein Brief: {wording.finding_text(said)} (gerechnet ohne diesen Wert)"
    return ""


def undrawn_in_letter(result: Estimate, letterhead: Letterhead | None = None, note: str = "") -> str:
    """Why no letter is written when a text of the person, the practice or the note holds characters the letter's font
    cannot draw ("" when none): they would print as empty boxes – a name in Arabic or Chinese script lost unsaid."""
    from estimator.output.pdfstyle import undrawn  # noqa: PLC0415 - the font is read only when a letter is to be made

    person, head = result.plan.person, letterhead or Letterhead()
    texts = {
        "Name": person.name,
        "Straße": person.street,
        "Ort": person.city,
        "Versicherungsnummer": person.insurance_number,
        "Zahnarzt": person.practice,
        "Praxisanschrift": person.practice_address,
        "Briefkopf": " ".join((head.practice, head.address, head.phone, head.email)),
        "Text an den Patienten": note,
    }
    plan = result.plan
    lines: list[PlanLine] = [*plan.fee_lines, *plan.lab_lines]
    for line in lines:  # the letter's tables print a line's text and reason
        texts[f"{line.sheet} Zeile {line.row}, Leistung"] = line.description
        texts[f"{line.sheet} Zeile {line.row}, Begründung"] = getattr(line, "justification", "")
    for override in plan.overrides:
        texts[f"Prüfung von {override.sheet} Zeile {override.row}"] = f"{override.reviewer} {override.reason}"
    for field, value in texts.items():
        if missing := undrawn(value):
            return (
                f"kein Brief: {field} „{shown(value)}“ enthält Schriftzeichen, die die Schrift des Briefs nicht hat "
                f"({shown(missing)}) und die er leer zeigte – bitte diese Zeichen ersetzen (einen Namen in lateinischer "
                "Schrift)"
            )
    return ""


def birth_impossible(result: Estimate) -> Finding | None:
    """The finding that the birth date cannot be: after the first treatment day or the insurance start, or – a Patient
    sheet's, read as none – after today (the letter would give the adult's deductible for a person of unknown age,
    where the same date in a case file gets no letter)."""
    impossible = (Code.PERSON_BORN_AFTER_TREATMENT, Code.PERSON_BORN_AFTER_START)
    unknown = result.plan.person.birth_date is None  # the sheet's cell said, and no date given since (window, option)
    for finding in result.findings:
        problem = finding.phrase.get("problem")
        to_come = unknown and isinstance(problem, Phrase) and problem.code is Code.CELL_BIRTH_FUTURE
        if finding.phrase.code in impossible or to_come:
            return finding
    return None


def unaddressed(result: Estimate, letterhead: Letterhead | None = None) -> str:
    """What a letter written lacks, or "": a plan without a name gives a letter to „Patient/in“ – handed over in person
    it still serves, so it is said, not refused (an address is optional: most plans have none); without a letterhead
    or the plan's practice its sender is „Zahnarztpraxis“ only; rows of the plan in no figure give a letter whose total
    and own share are without them (it names them and asks to clarify them)."""
    lacking = []
    if not result.plan.person.name:
        lacking.append("der Plan nennt keinen Namen, der Brief ist an „Patient/in“ gerichtet (Blatt Patient, Name)")
    if not ((letterhead and letterhead.practice) or result.plan.person.practice):
        lacking.append(
            "ohne Praxisdaten nennt der Brief als Absender nur „Zahnarztpraxis“ (--letterhead BRIEFKOPF.toml, oder im Blatt "
            "Patient „Zahnarzt“ und „Praxisanschrift“)"
        )
    if result.figures_incomplete:
        rows = len(result.rows_missing) + len(result.rows_without_amount)
        parts = [f"{rows} Zeilen des Plans, die in allen Beträgen fehlen"] if rows > 1 else []
        parts += ["1 Zeile des Plans, die in allen Beträgen fehlt"] if rows == 1 else []
        parts += [f"die Zeilen des Blatts „{sheet}“, das nicht gelesen ist" for sheet in result.sheets_not_read]
        without = " und ".join(parts or ["Zeilen des Plans, die in allen Beträgen fehlen"])  # an older case file's
        lacking.append(
            f"der Brief nennt Gesamtkosten und Eigenanteil ohne {without} – besser erst den Plan berichtigen (siehe Hinweise)"
        )
    return "; ".join(lacking)


def not_to_be_written(result: Estimate, cli_overrides: tuple[Override, ...]) -> str:
    """Why no estimate is to be given (exit code 2), or "": no line of the plan could be computed (a letter would say
    0,00 €), or a reviewer's decision of the command line names no line that could be estimated (a typo in the sheet
    or row: the letter would go out without it) or an amount above what its line bills (the window's form takes none:
    a decision of this run is on the line as it is now)."""
    unpriced = len(result.rows_without_amount)  # a number no fee schedule knows and no Betrag: at 0,00 €
    if len(result.lines) == unpriced and (result.rows_missing or unpriced):
        parts = [f"{len(result.rows_missing)} ausgelassen"] if result.rows_missing else []
        parts += [f"{unpriced} ohne Betrag"] if unpriced else []
        return f"keine Zeile des Plans ist zu berechnen ({', '.join(parts)}, siehe Hinweise)"
    asked = {(o.sheet, o.row) for o in cli_overrides}
    unknown = (Code.OVERRIDE_UNKNOWN_LINE, Code.OVERRIDE_LEFT_OUT_LINE, Code.OVERRIDE_ABOVE_BILLED)
    missed = [f for f in result.findings if f.phrase.code in unknown and (f.sheet, f.row) in asked]
    if missed:
        return f"--override: {wording.finding_text(missed[0])}"
    return ""
