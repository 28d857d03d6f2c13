"""`hkp batch`: many plans into one summary workbook (and a letter each), the plans estimated in worker processes
(estimator.command.batch)."""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from estimator.command.overwrite import letterhead_of, refuse_overwriting_input
from estimator.command.reviews import UsageError
from estimator.files import atomic_write_bytes, owner_only_folder, resolved, shown_path
from estimator.output.textout import path_said, terminal_safe


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
    if options.out.exists() and not options.out.is_file():  # a pipe would be waited on for ever, a folder not written
        raise UsageError(
            f"{options.out}: keine gewöhnliche Datei (ein Ordner, eine Pipe oder ein Gerät); bitte einen Dateinamen "
            "für die Übersicht angeben"
        )
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
        rows = run_batch(
            files, options.pdf_dir, jobs, progress=sys.stderr, letterhead=letterhead, check=stop.check, history=options.history
        )
        for row in rows:
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
    outputs = "1 Arbeitsmappe" if summary.outputs == 1 else f"{summary.outputs} Arbeitsmappen"
    skipped = f"; {outputs} dieses Programms (Schätzung, Übersicht) nicht als Plan gezählt" if summary.outputs else ""
    print(
        f"Übersicht geschrieben: {path_said(options.out)} ({plans}, davon {summary.unreadable} nicht lesbar{not_computed}{skipped})"
    )
    if summary.set_aside:
        print(
            f"hkp: {summary.set_aside} Brief(e) früherer Läufe in den Ordner „veraltet“ verschoben: ihr Plan ergibt jetzt keine "
            "Schätzung oder keinen Brief, oder ihr Name gehört jetzt dem Brief eines anderen Plans (Spalte PDF der Übersicht)",
            file=sys.stderr,
        )
    if summary.register_left:  # an estimate that does not know what earlier plans used pays too much
        plans = "1 Plan" if summary.register_left == 1 else f"{summary.register_left} Pläne"
        print(
            f"hkp: für {plans} hat das Fallregister frühere Fälle derselben Person, nicht eingerechnet (Spalte "
            "Fallregister der Übersicht); mit --history übernehmen",
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
