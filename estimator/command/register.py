"""`hkp register`: the case register on the command line (list, show, status, rebuild)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from estimator.case import REIMBURSED, STATUSES, paid_as_counted
from estimator.cells import whole_number
from estimator.money import eur, german_date
from estimator.output.textout import one_line, terminal_safe
from estimator.register import MAX_NUMBER, MAX_RESULTS, MAX_SEARCH, RegisterError

if TYPE_CHECKING:
    from estimator.register.entry import Entry
    from estimator.register.store import Register

LIST_LIMIT = 1_000  # rows `hkp register list` prints unless --alle


def status_name(text: str) -> str:
    """A status as typed, in any case („Erstattet“, „entwurf“), as the register writes it."""
    found = next((status for status in STATUSES if status.casefold() == text.strip().casefold()), None)
    if found is None:
        raise argparse.ArgumentTypeError(f"Status „{text[:40]}“ unbekannt; möglich: {', '.join(STATUSES)}")
    return found


def case_number(text: str) -> int:
    """A case number as typed: a whole number from 1 up."""
    number = whole_number(text, MAX_NUMBER)
    if number is None:
        raise argparse.ArgumentTypeError(f"„{text[:40]}“ ist keine Fallnummer (eine ganze Zahl ab 1, aus hkp register list)")
    return number


def search_text(text: str) -> str:
    if len(text) > MAX_SEARCH:
        raise argparse.ArgumentTypeError(f"Suchtext zu lang: höchstens {MAX_SEARCH} Zeichen")
    return text


def add_parser(commands: Any, date: Callable[[str], Any], amount: Callable[[str], Decimal]) -> None:
    """The `register` command and its four subcommands; date and amount read German dates and amounts."""
    register = commands.add_parser("register", help="das Fallregister: gespeicherte Fälle, Status, Neuaufbau")
    actions = register.add_subparsers(dest="register_command", required=True, metavar="AKTION")
    listing = actions.add_parser("list", help="Fälle auflisten, die neuesten zuerst")
    listing.add_argument(
        "--person", type=search_text, default="", metavar="TEXT", help="Name oder Versicherungsnummer enthält TEXT"
    )
    listing.add_argument(
        "--status", type=status_name, metavar="STATUS", help=f"nur Fälle mit diesem Status ({', '.join(STATUSES)})"
    )
    listing.add_argument("--von", type=date, metavar="DATUM", help="Planungsdatum ab (TT.MM.JJJJ)")
    listing.add_argument("--bis", type=date, metavar="DATUM", help="Planungsdatum bis (TT.MM.JJJJ)")
    listing.add_argument("--alle", action="store_true", help=f"alle Treffer zeigen, nicht nur die ersten {LIST_LIMIT}")
    show = actions.add_parser("show", help="einen Fall mit seiner Erstattung je Versicherungsjahr zeigen")
    show.add_argument("number", type=case_number, metavar="NR", help="Nummer des Falls (aus hkp register list)")
    status = actions.add_parser("status", help="Status eines Falls setzen (in der Falldatei und im Register)")
    status.add_argument("number", type=case_number, metavar="NR", help="Nummer des Falls")
    status.add_argument("status", type=status_name, metavar="STATUS", help=", ".join(STATUSES))
    status.add_argument(
        "--paid", type=amount, metavar="BETRAG", help=f"bei „{REIMBURSED}“: was der Versicherer für Zahnersatz zahlte"
    )
    again = actions.add_parser("rebuild", help="das Register aus den Falldateien eines Ordners neu aufbauen")
    again.add_argument("folder", type=Path, metavar="ORDNER", help="Ordner mit Falldateien (.hkp.json), mit Unterordnern")


def run(options: argparse.Namespace) -> int:
    from estimator.register.store import Register  # noqa: PLC0415 - SQLite and the register load for this command only

    with Register() as register:
        if register.notice:
            print(terminal_safe(f"hkp: {register.notice}"))
        return ACTIONS[options.register_command](register, options)


def _list(register: Register, options: argparse.Namespace) -> int:
    limit = None if options.alle else LIST_LIMIT
    found = register.search(options.person, options.status or "", options.von, options.bis)
    shown = found if limit is None else found[:limit]
    rows = [("Nr.", "Datum", "Name", "Geb.-Datum", "Versicherungsnr.", "Status", "Rechnung", "Erstattung", "erstattet")]
    rows += [  # the birth date tells the persons of one insurance number apart (a family's contract)
        (
            str(e.number),
            german_date(e.day),
            e.name,
            german_date(e.birth_date),
            e.insurance_number,
            e.status,
            eur(e.billed),
            eur(e.benefit),
            eur(paid) if (paid := paid_as_counted(e.status, e.paid)) is not None else "",
        )
        for e in shown
    ]
    widths = [min(40, max(len(row[i]) for row in rows)) for i in range(len(rows[0]))]
    right = {0, 6, 7, 8}
    for row in rows:
        cells = [(c[:40].rjust(w) if i in right else c[:40].ljust(w)) for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        print(terminal_safe(one_line("  ".join(cells).rstrip())))
    if len(shown) < len(found):
        print(f"… {len(found) - len(shown)} weitere; --alle zeigt sie, --person, --status, --von, --bis grenzen ein")
    elif len(found) == MAX_RESULTS:
        print(
            f"Es werden höchstens {MAX_RESULTS:,} Fälle gezeigt; --person, --status, --von, --bis grenzen ein".replace(",", ".")
        )
    if not found:
        print("keine Fälle gefunden")
    if register.unreadable:
        print(f"{register.unreadable} Einträge des Registers waren nicht lesbar und fehlen; hkp register rebuild ORDNER")
    return 0


def _show(register: Register, options: argparse.Namespace) -> int:
    entry = register.get(options.number)
    if entry is None:
        raise RegisterError(f"Kein Fall Nr. {options.number} im Fallregister; hkp register list zeigt die Nummern")
    print(terminal_safe(describe(entry)))
    return 0


def describe(entry: Entry) -> str:
    days = ", ".join(german_date(d) for d in entry.treatment_dates[:20]) or "–"
    if len(entry.treatment_dates) > 20:
        days += f" und {len(entry.treatment_dates) - 20} weitere"
    fields = [
        ("Geburtsdatum", german_date(entry.birth_date) or "–"),
        ("Versicherungsnr.", entry.insurance_number or "–"),
        ("Tarif", f"{entry.tariff}, Versicherungsbeginn {german_date(entry.insurance_start) or '–'}"),
        ("Planungsdatum", german_date(entry.plan_date) or "–"),
        ("Behandlungstage", days),
        ("Status", status_text(entry)),
        ("Rechnung", eur(entry.billed)),
        ("Erstattung geschätzt", eur(entry.benefit)),
        ("Eigenanteil", eur(entry.patient_share)),
    ]
    lines = [f"Fall Nr. {entry.number}: {entry.name or 'ohne Namen'}", *(f"  {label + ':':22}{value}" for label, value in fields)]
    counted = entry.class_a_by_year()
    for year in entry.years:
        lines.append(
            f"  ZE-Erstattung {year.year}. Versicherungsjahr ({german_date(year.start)} – {german_date(year.end)}): "
            f"geschätzt {eur(year.class_a)}, zählt {eur(counted.get(year.year, year.class_a))}"
        )
    for calendar in (c for c in entry.calendar or () if c.deductible or c.pzr):
        used = entry.used_in(calendar.year) or calendar
        lines.append(
            f"  Kalenderjahr {calendar.year}: Selbstbehalt geschätzt {eur(calendar.deductible)}, zählt {eur(used.deductible)}; "
            f"PZR geschätzt {eur(calendar.pzr)}, zählt {eur(used.pzr)}"
        )
    lines += [f"  {'Falldatei:':22}{entry.path}", f"  {'gespeichert:':22}{entry.saved.strftime('%d.%m.%Y %H:%M')}"]
    return "\n".join(map(one_line, lines)) + "\n"  # a name or path with a line break forges no line of its own


def _status(register: Register, options: argparse.Namespace) -> int:
    from estimator.register.cases import UNCHANGED, update_case  # noqa: PLC0415 - see run

    entry = update_case(register, options.number, options.status, UNCHANGED if options.paid is None else options.paid)
    print(terminal_safe(one_line(f"Fall Nr. {entry.number} ({entry.name}): {status_text(entry)}")))
    return 0


def status_text(entry: Entry) -> str:
    """ "erstattet: 650,00 €", or "abgelehnt (eingetragen war erstattet 650,00 €, zählt nicht)" """
    if entry.paid is None:
        return entry.status
    if entry.status == REIMBURSED:
        return f"{entry.status}: {eur(entry.paid)}"
    return f"{entry.status} (eingetragen war erstattet {eur(entry.paid)}, zählt nicht)"


def _rebuild(register: Register, options: argparse.Namespace) -> int:
    from estimator.register.cases import rebuild  # noqa: PLC0415 - see run

    done = rebuild(register, options.folder)
    print(f"Fallregister neu aufgebaut: {done.entries} {'Fall' if done.entries == 1 else 'Fälle'}")
    for problem in done.problems:
        kept = "der Eintrag von früher bleibt" if problem.kept else "nicht eingetragen"
        print(terminal_safe(f"  nicht lesbar ({kept}): {problem.path}: {problem.reason}"))
    for path in done.gone:
        print(terminal_safe(f"  Datei nicht mehr da, Eintrag entfernt: {path}"))
    return 0


ACTIONS: dict[str, Callable[[Register, argparse.Namespace], int]] = {
    "list": _list,
    "show": _show,
    "status": _status,
    "rebuild": _rebuild,
}
