"""The `hkp` command: estimate a plan from an HKP workbook."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import warnings
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import NoReturn

from estimator import wording
from estimator.auslegung import SettingError
from estimator.case import CaseError
from estimator.cells import CellError, PlanReadError, parse_amount, parse_birth_date, parse_date, parse_variant, shown
from estimator.command import argtexts, register
from estimator.command.earlier import taken_in, with_register
from estimator.command.overwrite import (
    letter_key,
    letterhead_of,
    letters_locked,
    refuse_overwriting_input,
    refuse_replacing_others,
)
from estimator.command.patientoptions import apply_options
from estimator.command.reviews import (
    UsageError,
    no_letter,
    not_to_be_written,
    override_text,
    overrides_from,
    unaddressed,
    undrawn_in_letter,
    with_cli_overrides,
)
from estimator.files import (
    atomic_write_bytes,
    atomic_write_text,
    file_problem,
    json_text,
)
from estimator.io.casefile import open_case
from estimator.letterhead import LetterheadError
from estimator.model import MAX_NOTE, MAX_NOTE_LINES, Plan, note_fits
from estimator.money import cents
from estimator.output.jsonout import SCHEMA as JSON_SCHEMA
from estimator.output.jsonout import estimate_json
from estimator.output.textout import estimate_text, one_line, path_said, terminal_safe
from estimator.register import RegisterError
from estimator.resources import example_plan_path
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs

HISTORY_HELP = "was frühere Pläne dieser Person aus dem Fallregister verbraucht haben einrechnen (wie „Übernehmen“ im Fenster)"


def _date(text: str, parse: Callable[[str], dt.date] = parse_date) -> dt.date:
    try:
        return parse(text)
    except CellError as error:
        raise argparse.ArgumentTypeError(wording.text(error.phrase)) from None


def _birth_date(text: str) -> dt.date:
    return _date(text, parse_birth_date)


def _variant(text: str) -> str:
    try:
        return parse_variant(text, load_tariffs().variants)
    except CellError as error:
        raise argparse.ArgumentTypeError(wording.text(error.phrase)) from None


def _amount(text: str) -> Decimal:
    """An amount of money as given, in euros and cents (what an insurer paid is never rounded unsaid)."""
    try:
        amount = parse_amount(text)
    except CellError as error:
        raise argparse.ArgumentTypeError(wording.text(error.phrase)) from None
    if amount != cents(amount):
        raise argparse.ArgumentTypeError(f"Betrag in Euro mit höchstens 2 Nachkommastellen erwartet, „{shown(text)}“ gefunden")
    return amount


def _setting(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"NAME=WERT erwartet, „{shown(text)}“ gefunden")
    return name.strip(), value.strip()


class _Parser(argparse.ArgumentParser):
    """argparse's parser, its messages quoting what was typed as the terminal may show it (bytes of no UTF-8 as „?“)."""

    def error(self, message: str) -> NoReturn:
        super().error(terminal_safe(one_line(message)))


def build_parser() -> argparse.ArgumentParser:
    argtexts.install()
    parser = _Parser(prog="hkp", description="Die Erstattung des Versicherers für einen Heil- und Kostenplan schätzen.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="BEFEHL")
    est = commands.add_parser("estimate", help="einen Heil- und Kostenplan (Excel) berechnen")
    est.add_argument(
        "plan",
        nargs="?",
        type=Path,
        help="HKP-Arbeitsmappe (.xlsx/.xlsm/.ods) oder Fall (.hkp.json); ohne Angabe der Beispielplan",
    )
    est.add_argument("--json", type=Path, metavar="OUT", help=f"Ergebnis als JSON ({JSON_SCHEMA}) schreiben")
    est.add_argument("--pdf", type=Path, metavar="OUT", help="schriftliche Schätzung als PDF schreiben")
    est.add_argument(
        "--force",
        action="store_true",
        help="eine vorhandene Datei des Namens von --pdf, --json oder --xlsx überschreiben, die keine Ausgabe dieses Programms ist",
    )
    est.add_argument(
        "--letterhead",
        type=Path,
        metavar="BRIEFKOPF.toml",
        help="Briefkopf der Praxis für das PDF (practice, address, phone, email, logo); im Programm: Einstellungen → Praxis",
    )
    est.add_argument("--note", metavar="TEXT", default="", help="Text an den Patienten über den Tabellen des PDF")
    est.add_argument(
        "--xlsx", type=Path, metavar="OUT", help="Ergebnis als Excel-Arbeitsmappe (Zeilen, Gründe, Hinweise) schreiben"
    )
    est.add_argument("--tariff", type=_variant, metavar="TARIF", help="Tarifvariante, wie sie auf dem Blatt Patient steht")
    est.add_argument("--insurance-start", type=_date, metavar="DATUM", help="Versicherungsbeginn (TT.MM.JJJJ)")
    est.add_argument("--birth-date", type=_birth_date, metavar="DATUM", help="Geburtsdatum (TT.MM.JJJJ)")
    est.add_argument("--plan-date", type=_date, metavar="DATUM", help="Planungsdatum (TT.MM.JJJJ)")
    est.add_argument(
        "--kfo-start",
        type=_date,
        metavar="DATUM",
        help="Beginn einer laufenden kieferorthopädischen Behandlung (TT.MM.JJJJ); entscheidet das Alter bei Behandlungsbeginn",
    )
    est.add_argument(
        "--cooperating", action=argparse.BooleanOptionalAction, default=None, help="Behandlung bei einem Kooperationszahnarzt"
    )
    est.add_argument("--accident", action=argparse.BooleanOptionalAction, default=None, help="der ganze Plan ist unfallbedingt")
    est.add_argument(
        "--override",
        type=override_text,
        action="append",
        default=[],
        metavar="BLATT!ZEILE:FELD=WERT:GRUND",
        help="Prüfer-Entscheidung, z. B. 'Leistungen!3:erstattungsfähig=120,00:Faktor nicht begründet' oder 'Labor!2:Klasse=X:...'",
    )
    est.add_argument("--reviewer", metavar="NAME", help="wer die Änderungen (--override) verantwortet")
    est.add_argument(
        "--history",
        action="store_true",
        help=HISTORY_HELP,
    )
    est.add_argument(
        "--set",
        type=_setting,
        action="append",
        default=[],
        metavar="NAME=WERT",
        help="Auslegung setzen, z. B. insurance_year=anniversary",
    )
    batch = commands.add_parser("batch", help="viele Pläne berechnen und in einer Excel-Übersicht zusammenfassen")
    batch.add_argument(
        "inputs", nargs="+", type=Path, metavar="ORDNER_ODER_DATEI", help="Arbeitsmappen oder Ordner mit Arbeitsmappen"
    )
    batch.add_argument("--out", type=Path, required=True, metavar="UEBERSICHT.xlsx", help="Übersicht als Excel-Arbeitsmappe")
    batch.add_argument("--pdf-dir", type=Path, metavar="ORDNER", help="für jeden Plan die schriftliche Schätzung als PDF hierhin")
    batch.add_argument("--letterhead", type=Path, metavar="BRIEFKOPF.toml", help="Briefkopf der Praxis für die PDFs")
    batch.add_argument("--jobs", type=int, default=None, metavar="N", help="Prozesse (Standard und höchstens: alle Kerne)")
    batch.add_argument("--history", action="store_true", help=HISTORY_HELP)
    whatif = commands.add_parser("whatif", help="Varianten vergleichen und die Zahnstaffel-Planung zeigen")
    whatif.add_argument(
        "plan",
        nargs="?",
        type=Path,
        help="HKP-Arbeitsmappe (.xlsx/.xlsm/.ods) oder Fall (.hkp.json); ohne Angabe der Beispielplan",
    )
    whatif.add_argument("--set", type=_setting, action="append", default=[], metavar="NAME=WERT", help="Auslegung setzen")
    whatif.add_argument("--history", action="store_true", help=HISTORY_HELP)
    register.add_parser(commands, _date, _amount)
    template = commands.add_parser("template", help="die Excel-Vorlage mit Beispielplan schreiben")
    template.add_argument("out", type=Path, help="Zieldatei (.xlsx)")
    template.add_argument("--force", action="store_true", help="eine vorhandene Datei überschreiben")
    return parser


def run_template(options: argparse.Namespace) -> int:
    from estimator.io.workbook import template_plan, write_workbook  # noqa: PLC0415

    path: Path = options.out
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise UsageError(f"{path.name}: die Vorlage wird als .xlsx geschrieben; bitte einen Namen auf .xlsx angeben")
    if path.exists() and not options.force:
        raise UsageError(f"{path} gibt es schon; zum Überschreiben --force angeben")
    write_workbook(template_plan(), path, instructions=True)
    print(f"Vorlage geschrieben: {path_said(path)}")
    return 0


def read_input(path: Path, tariff: str | None = None) -> tuple[Plan, dict[str, str]]:
    """The plan of a workbook or a case file (with its edits and reviewer decisions) and the case's settings; a
    tariff given on the command line instead of the workbook's."""
    case = open_case(path, tariff or "")
    return case.plan(), dict(case.settings)


def settings_given(given: list[tuple[str, str]]) -> dict[str, str]:
    """The --set options, each name once: a second value of one setting would silently win."""
    names = [name for name, _ in given]
    if twice := sorted({name for name in names if names.count(name) > 1}):
        raise UsageError(f"--set {', '.join(twice)}: mehrmals angegeben; bitte jede Auslegung einmal setzen")
    return dict(given)


def run_estimate(options: argparse.Namespace) -> int:
    source = options.plan or example_plan_path()
    refuse_overwriting_input(source, options.pdf, options.json, options.xlsx)
    if not note_fits(options.note):
        given = f"{len(options.note)} Zeichen in {options.note.count(chr(10)) + 1} Zeilen"  # both: which is too many
        most = f"{MAX_NOTE:,}".replace(",", ".")
        raise UsageError(f"--note: höchstens {most} Zeichen in {MAX_NOTE_LINES} Zeilen, {given} angegeben")
    if options.note and not options.pdf:
        raise UsageError("--note gilt für das PDF; bitte --pdf DATEI angeben")
    if options.letterhead and not options.pdf:
        raise UsageError("--letterhead gilt für das PDF; bitte --pdf DATEI angeben")
    letterhead = letterhead_of(options)  # checked before anything is computed
    refuse_replacing_others(options.pdf, options.json, options.xlsx, force=options.force)
    plan, settings = read_input(source, options.tariff)
    cli_overrides = overrides_from(options, plan)
    plan = with_cli_overrides(apply_options(plan, options), cli_overrides)
    key = letter_key(plan.person, source)  # a letter by the name of --pdf for another person is not replaced unsaid
    refuse_replacing_others(options.pdf, None, None, force=options.force, letter=key)
    settings = {**settings, **settings_given(options.set)}
    result = estimate(plan, load_tariffs(), settings)
    result, said, _ = with_register(plan, result, settings, source, take=options.history)
    if said:
        print(f"hkp: {terminal_safe(said)}", file=sys.stderr)
    cannot = not_to_be_written(result, cli_overrides)
    if cannot:
        sys.stdout.write(estimate_text(result))
        written = " – nichts geschrieben" if options.json or options.pdf or options.xlsx else ""
        print(f"hkp: {cannot}{written}", file=sys.stderr)
        return 2
    if options.pdf and (why_not := no_letter(result, tariff_option=True) or undrawn_in_letter(result, letterhead, options.note)):
        sys.stdout.write(estimate_text(result))
        print(f"hkp: {why_not} – nichts geschrieben", file=sys.stderr)
        return 2
    if options.pdf:
        from estimator.output.pdf import build_pdf  # noqa: PLC0415 - reportlab loads only when a PDF is asked for

        data = build_pdf(result, load_tariffs(), dt.date.today(), letterhead, note=options.note, for_plan=key)
        with letters_locked(options.pdf.parent):  # checked again and written in one step against another run
            refuse_replacing_others(options.pdf, None, None, force=options.force, letter=key)
            atomic_write_bytes(options.pdf, data)
        print(f"PDF geschrieben: {path_said(options.pdf)}")
        if lacking := unaddressed(result, letterhead):
            print(terminal_safe(f"hkp: Hinweis zum Brief: {lacking}"), file=sys.stderr)
    if options.json:
        atomic_write_text(options.json, json_text(estimate_json(result)))
        print(f"Schätzung geschrieben: {path_said(options.json)}")
    if options.xlsx:
        from estimator.output.xlsxout import write_estimate_workbook  # noqa: PLC0415 - openpyxl writes only when asked

        write_estimate_workbook(result, options.xlsx)
        print(f"Arbeitsmappe geschrieben: {path_said(options.xlsx)}")
    if not (options.json or options.pdf or options.xlsx):
        sys.stdout.write(estimate_text(result))
    return 0


def run_batch_command(options: argparse.Namespace) -> int:
    from estimator.command.batchcommand import run_batch_command as run  # noqa: PLC0415 - the batch loads its pool only here

    return run(options)


def run_whatif(options: argparse.Namespace) -> int:
    from estimator.output.whatiftext import whatif_text  # noqa: PLC0415

    source = options.plan or example_plan_path()
    plan, settings = read_input(source)
    settings = {**settings, **settings_given(options.set)}
    with_history, said = taken_in(plan, estimate(plan, load_tariffs(), settings), settings, source, take=options.history)
    if said:  # as `hkp estimate` says it: the variants of a plan whose person has earlier cases
        print(f"hkp: {terminal_safe(said)}", file=sys.stderr)
    plan = with_history if with_history is not None and options.history else plan
    sys.stdout.write(terminal_safe(whatif_text(plan, load_tariffs(), settings)))
    return 0


COMMANDS = {
    "estimate": run_estimate,
    "template": run_template,
    "batch": run_batch_command,
    "whatif": run_whatif,
    "register": register.run,
}


def main(argv: Sequence[str] | None = None) -> int:
    options = build_parser().parse_args(argv)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a library's warning is no message for the user; findings say what matters
            return COMMANDS[options.command](options)
    except (PlanReadError, CaseError, SettingError, UsageError, LetterheadError, RegisterError) as error:
        print(terminal_safe(f"hkp: {error}"), file=sys.stderr)
        return 2
    except OSError as error:
        print(terminal_safe(f"hkp: {file_problem(error)}"), file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # Strg+C: what was being written is left as it was (every file is written atomically)
        print("\nhkp: abgebrochen", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
