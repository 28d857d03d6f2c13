"""The `hkp` command: estimate a plan from an HKP workbook."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from estimator.catalogues import load_catalogues
from estimator.engine import SettingError, estimate
from estimator.excel import CellError, PlanReadError, parse_date, parse_variant, read_plan
from estimator.files import atomic_write_text
from estimator.jsonout import estimate_json
from estimator.model import Plan
from estimator.resources import example_plan_path
from estimator.textout import estimate_text


class UsageError(Exception):
    """A command-line value that cannot be used; the message says what is expected."""


def _date(text: str) -> dt.date:
    try:
        return parse_date(text)
    except CellError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _variant(text: str) -> str:
    try:
        return parse_variant(text)
    except CellError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _setting(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"NAME=WERT erwartet, „{text}“ gefunden")
    return name.strip(), value.strip()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hkp", description="Erstattung nach DKV BestMed Premium BM5 / 0-3 für einen Heil- und Kostenplan schätzen."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="BEFEHL")
    est = commands.add_parser("estimate", help="einen Heil- und Kostenplan (Excel) berechnen")
    est.add_argument("plan", nargs="?", type=Path, help="HKP-Arbeitsmappe (.xlsx/.xlsm); ohne Angabe der Beispielplan")
    est.add_argument("--json", type=Path, metavar="OUT", help="Ergebnis als JSON (hkp-estimate/1) schreiben")
    est.add_argument("--pdf", type=Path, metavar="OUT", help="schriftliche Schätzung als PDF schreiben")
    est.add_argument("--tariff", type=_variant, metavar="BM5/N", help="Tarifstufe BM5/0 bis BM5/3")
    est.add_argument("--insurance-start", type=_date, metavar="DATUM", help="Versicherungsbeginn (TT.MM.JJJJ)")
    est.add_argument("--birth-date", type=_date, metavar="DATUM", help="Geburtsdatum (TT.MM.JJJJ)")
    est.add_argument("--plan-date", type=_date, metavar="DATUM", help="Planungsdatum (TT.MM.JJJJ)")
    est.add_argument(
        "--cooperating", action=argparse.BooleanOptionalAction, default=None, help="Behandlung bei einem Kooperationszahnarzt"
    )
    est.add_argument("--accident", action=argparse.BooleanOptionalAction, default=None, help="der ganze Plan ist unfallbedingt")
    est.add_argument(
        "--set",
        type=_setting,
        action="append",
        default=[],
        metavar="NAME=WERT",
        help="Auslegung setzen, z. B. insurance_year=anniversary",
    )
    template = commands.add_parser("template", help="die Excel-Vorlage mit Beispielplan schreiben")
    template.add_argument("out", type=Path, help="Zieldatei (.xlsx)")
    return parser


def run_template(options: argparse.Namespace) -> int:
    from estimator.workbook import example_plan, write_workbook  # noqa: PLC0415

    path: Path = options.out
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise UsageError(f"{path.name}: die Vorlage wird als .xlsx geschrieben; bitte einen Namen auf .xlsx angeben")
    write_workbook(example_plan(), path, instructions=True)
    print(f"Vorlage geschrieben: {path}")
    return 0


def apply_options(plan: Plan, options: argparse.Namespace) -> Plan:
    """Command-line values override the workbook's Patient sheet."""
    changes = {
        "variant": options.tariff,
        "insurance_start": options.insurance_start,
        "birth_date": options.birth_date,
        "cooperating": options.cooperating,
        "accident": options.accident,
    }
    person = dataclasses.replace(plan.person, **{k: v for k, v in changes.items() if v is not None})
    plan_date = options.plan_date or plan.plan_date
    return dataclasses.replace(plan, person=person, plan_date=plan_date)


def run_estimate(options: argparse.Namespace) -> int:
    path = options.plan or example_plan_path()
    plan = apply_options(read_plan(path), options)
    result = estimate(plan, load_catalogues(), dict(options.set))
    if options.pdf:
        from estimator.pdf import write_pdf  # noqa: PLC0415 - reportlab loads only when a PDF is asked for

        write_pdf(result, load_catalogues(), options.pdf, dt.date.today())
        print(f"PDF geschrieben: {options.pdf}")
    if options.json:
        atomic_write_text(options.json, json.dumps(estimate_json(result), ensure_ascii=False, indent=1) + "\n")
        print(f"Schätzung geschrieben: {options.json}")
    if not (options.json or options.pdf):
        sys.stdout.write(estimate_text(result))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    options = build_parser().parse_args(argv)
    try:
        return run_template(options) if options.command == "template" else run_estimate(options)
    except (PlanReadError, SettingError, UsageError) as error:
        print(f"hkp: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"hkp: {error.strerror or error}: {error.filename or ''}".rstrip(": "), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
