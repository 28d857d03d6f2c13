"""The `hkp` command: estimate a plan from an HKP workbook."""

from __future__ import annotations

import argparse
import datetime as dt
import signal
import sys
import warnings
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from estimator import wording
from estimator.auslegung import SettingError
from estimator.case import CaseError
from estimator.cells import CellError, PlanReadError, parse_amount, parse_date, parse_variant, shown
from estimator.command import argtexts, register
from estimator.command.earlier import earlier_cases
from estimator.command.overwrite import letter_key, letters_locked, refuse_replacing_others
from estimator.command.patientoptions import apply_options
from estimator.command.reviews import (
    UsageError,
    no_letter,
    not_to_be_written,
    override_text,
    overrides_from,
    with_cli_overrides,
)
from estimator.files import (
    atomic_write_bytes,
    atomic_write_text,
    file_problem,
    json_text,
    owner_only_folder,
    resolved,
    shown_path,
)
from estimator.io.casefile import open_case
from estimator.letterhead import Letterhead, LetterheadError
from estimator.model import MAX_NOTE, MAX_NOTE_LINES, Plan, note_fits
from estimator.money import cents
from estimator.output.jsonout import SCHEMA as JSON_SCHEMA
from estimator.output.jsonout import estimate_json
from estimator.output.textout import estimate_text, terminal_safe
from estimator.register import RegisterError
from estimator.resources import example_plan_path
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs


def _date(text: str) -> dt.date:
    try:
        return parse_date(text)
    except CellError as error:
        raise argparse.ArgumentTypeError(wording.text(error.phrase)) from None


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


def build_parser() -> argparse.ArgumentParser:
    argtexts.install()
    parser = argparse.ArgumentParser(
        prog="hkp", description="Die Erstattung des Versicherers für einen Heil- und Kostenplan schätzen."
    )
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
    est.add_argument("--birth-date", type=_date, metavar="DATUM", help="Geburtsdatum (TT.MM.JJJJ)")
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
        help="was frühere Pläne dieser Person aus dem Fallregister verbraucht haben einrechnen (wie „Übernehmen“ im Fenster)",
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
    whatif = commands.add_parser("whatif", help="Varianten vergleichen und die Zahnstaffel-Planung zeigen")
    whatif.add_argument(
        "plan",
        nargs="?",
        type=Path,
        help="HKP-Arbeitsmappe (.xlsx/.xlsm/.ods) oder Fall (.hkp.json); ohne Angabe der Beispielplan",
    )
    whatif.add_argument("--set", type=_setting, action="append", default=[], metavar="NAME=WERT", help="Auslegung setzen")
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
    print(f"Vorlage geschrieben: {path}")
    return 0


def read_input(path: Path, tariff: str | None = None) -> tuple[Plan, dict[str, str]]:
    """The plan of a workbook or a case file (with its edits and reviewer decisions) and the case's settings; a
    tariff given on the command line instead of the workbook's."""
    case = open_case(path, tariff or "")
    return case.plan(), dict(case.settings)


def refuse_overwriting_input(source: Path, *outputs: Path | None) -> None:
    """An output never replaces the plan it was made from."""
    for output in outputs:
        if output is not None and resolved(output) == resolved(source):
            raise UsageError(f"{output}: das ist die Eingabedatei; bitte einen anderen Namen für die Ausgabe angeben")


def letterhead_of(options: argparse.Namespace) -> Letterhead | None:
    """The letterhead file given, read and checked (a logo that is no image is refused with its reason; an e-mail
    that is no address is left out, said on stderr)."""
    if not options.letterhead:
        return None
    said: list[str] = []
    letterhead = Letterhead.from_file(options.letterhead, said)
    for problem in said:
        print(terminal_safe(f"hkp: {problem}"), file=sys.stderr)
    return letterhead


def run_estimate(options: argparse.Namespace) -> int:
    source = options.plan or example_plan_path()
    refuse_overwriting_input(source, options.pdf, options.json, options.xlsx)
    if not note_fits(options.note):
        raise UsageError(f"--note: höchstens {MAX_NOTE} Zeichen in {MAX_NOTE_LINES} Zeilen, {len(options.note)} angegeben")
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
    settings = {**settings, **dict(options.set)}
    result = estimate(plan, load_tariffs(), settings)
    with_history, said = earlier_cases(plan, result, settings, source)
    if with_history is not None and options.history:
        result = estimate(with_history, load_tariffs(), settings)
    if said:
        taken = (
            ""
            if with_history is None
            else " – eingerechnet"
            if options.history
            else " – nicht eingerechnet; mit --history übernehmen"
        )
        print(f"hkp: {terminal_safe(said)}{taken}", file=sys.stderr)
    cannot = not_to_be_written(result, cli_overrides)
    if cannot:
        sys.stdout.write(estimate_text(result))
        written = " – nichts geschrieben" if options.json or options.pdf or options.xlsx else ""
        print(f"hkp: {cannot}{written}", file=sys.stderr)
        return 2
    if options.pdf and (why_not := no_letter(result)):
        sys.stdout.write(estimate_text(result))
        print(f"hkp: {why_not} (oder --tariff angeben) – nichts geschrieben", file=sys.stderr)
        return 2
    if options.pdf:
        from estimator.output.pdf import build_pdf  # noqa: PLC0415 - reportlab loads only when a PDF is asked for

        data = build_pdf(result, load_tariffs(), dt.date.today(), letterhead, note=options.note, for_plan=key)
        with letters_locked(options.pdf.parent):  # checked again and written in one step against another run
            refuse_replacing_others(options.pdf, None, None, force=options.force, letter=key)
            atomic_write_bytes(options.pdf, data)
        print(f"PDF geschrieben: {options.pdf}")
    if options.json:
        atomic_write_text(options.json, json_text(estimate_json(result)))
        print(f"Schätzung geschrieben: {options.json}")
    if options.xlsx:
        from estimator.output.xlsxout import write_estimate_workbook  # noqa: PLC0415 - openpyxl writes only when asked

        write_estimate_workbook(result, options.xlsx)
        print(f"Arbeitsmappe geschrieben: {options.xlsx}")
    if not (options.json or options.pdf or options.xlsx):
        sys.stdout.write(estimate_text(result))
    return 0


def subfolders_said(below: Sequence[Path]) -> str:
    """What the batch says of plans in subfolders, which it does not search ("" when there are none)."""
    if not below:
        return ""
    folders = sorted({shown_path(path.parent.name) for path in below})
    named = ", ".join(folders[:5]) + (f" und {len(folders) - 5} weiteren" if len(folders) > 5 else "")
    plans = "1 Plan" if len(below) == 1 else f"{len(below)} Pläne"
    which = "den Unterordner" if len(folders) == 1 else "die Unterordner"
    return f"Unterordner werden nicht durchsucht: {plans} in {named} – bitte {which} selbst angeben"


def run_batch_command(options: argparse.Namespace) -> int:
    from estimator.command.batch import (  # noqa: PLC0415
        Stopped,
        StopRequest,
        default_jobs,
        is_batch_summary,
        other_files,
        plan_files,
        run_batch,
    )
    from estimator.output.xlsxout import SummaryWriter  # noqa: PLC0415

    missing = [str(item) for item in options.inputs if not item.exists()]
    if missing:
        raise UsageError("nicht gefunden: " + ", ".join(missing))
    named = {resolved(item) for item in options.inputs if not item.is_dir()}
    target = resolved(options.out)  # a summary written into a folder of plans is no plan the next time
    files = [path for path in plan_files(options.inputs) if resolved(path) != target or resolved(path) in named]
    below = plan_files([sub for item in options.inputs if item.is_dir() for sub in sorted(item.iterdir()) if sub.is_dir()])
    not_searched = subfolders_said(below)
    if not files:
        raise UsageError(
            "keine Arbeitsmappe (.xlsx, .xlsm, .ods) und kein Fall (.hkp.json) gefunden in: "
            + ", ".join(map(str, options.inputs))
            + (f"; {not_searched}" if below else "")
        )
    if options.out.suffix.lower() != ".xlsx":
        raise UsageError(f"{options.out.name}: die Übersicht wird als .xlsx geschrieben")
    for source in files:
        refuse_overwriting_input(source, options.out)
    if options.out.exists() and not is_batch_summary(options.out):
        raise UsageError(
            f"{options.out}: die Datei gibt es schon, und sie ist keine Übersicht von „hkp batch“ (vielleicht ein Plan); "
            "bitte einen anderen Namen für die Übersicht angeben"
        )
    if options.jobs is not None and options.jobs < 1:
        raise UsageError(f"--jobs {options.jobs}: mindestens 1 Prozess")
    if options.pdf_dir:
        owner_only_folder(options.pdf_dir)
    letterhead = letterhead_of(options)
    summary = SummaryWriter()
    stop = StopRequest()  # Strg+C and SIGTERM end the workers and the batch, between its waits
    previous = {signum: signal.signal(signum, stop.request) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        jobs = min(options.jobs or default_jobs(), default_jobs())
        for row in run_batch(files, options.pdf_dir, jobs, progress=sys.stderr, letterhead=letterhead, check=stop.check):
            summary.add(row)
        stop.check()
        atomic_write_bytes(options.out, summary.finish())
    except Stopped as stopped:
        kept = f"; die schon geschriebenen PDFs bleiben in {options.pdf_dir}" if options.pdf_dir else ""
        print(
            terminal_safe(f"\nhkp: abgebrochen nach {summary.plans} Plänen; keine Übersicht geschrieben{kept}"), file=sys.stderr
        )
        return stopped.code
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        summary.close()
    plans = "1 Plan" if summary.plans == 1 else f"{summary.plans} Pläne"
    not_computed = f", {summary.not_computed} ohne Schätzung" if summary.not_computed else ""
    print(f"Übersicht geschrieben: {options.out} ({plans}, davon {summary.unreadable} nicht lesbar{not_computed})")
    if summary.set_aside:
        print(
            f"hkp: {summary.set_aside} Brief(e) früherer Läufe in den Ordner „veraltet“ verschoben: ihr Plan ergibt jetzt keine "
            "Schätzung, oder ihr Name gehört jetzt dem Brief eines anderen Plans (Spalte PDF der Übersicht)",
            file=sys.stderr,
        )
    if below:  # plans in subfolders are not in the summary: said, so that none is taken for estimated
        print(terminal_safe(f"hkp: {not_searched}"), file=sys.stderr)
    others = other_files(options.inputs)
    if others:
        names = ", ".join(p.name for p in others[:10]) + (f" und {len(others) - 10} weitere" if len(others) > 10 else "")
        said = f"hkp: nicht gelesen, da kein Plan (.xlsx, .xlsm, .ods, .hkp.json; eine .xls bitte als .xlsx speichern): {names}"
        print(terminal_safe(said), file=sys.stderr)
    return 0


def run_whatif(options: argparse.Namespace) -> int:
    from estimator.output.whatiftext import whatif_text  # noqa: PLC0415

    plan, settings = read_input(options.plan or example_plan_path())
    sys.stdout.write(terminal_safe(whatif_text(plan, load_tariffs(), {**settings, **dict(options.set)})))
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
