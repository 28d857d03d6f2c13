"""`hkp batch`: estimate many workbooks on all cores; a bad file is a row with its error, never a stop."""

from __future__ import annotations

import datetime as dt
import os
import sys
import warnings
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import TextIO

from estimator.auslegung import SettingError
from estimator.case import CaseError
from estimator.cells import PlanReadError
from estimator.io.casefile import open_case
from estimator.letterhead import Letterhead
from estimator.output.xlsxout import SUMMARY_SHEETS, BatchRow, batch_row
from estimator.rules.engine import estimate_case
from estimator.tariff.catalogues import load_tariffs

SUFFIXES = (".xlsx", ".xlsm", ".ods", ".hkp.json")  # workbooks and case files


def plan_files(inputs: Sequence[Path]) -> list[Path]:
    """The workbooks named or found (not recursively) in the folders named, in name order, each once."""
    found: list[Path] = []
    for item in inputs:
        if item.is_dir():
            found += sorted(p for p in item.iterdir() if p.name.lower().endswith(SUFFIXES) and not p.name.startswith(("~$", ".")))
        else:
            found.append(item)
    return list(dict.fromkeys(found))


def is_batch_summary(path: Path) -> bool:
    """Whether a file is a summary `hkp batch` wrote (sheets Übersicht and Hinweise), which a new one may replace."""
    from python_calamine import CalamineWorkbook  # noqa: PLC0415

    try:
        with CalamineWorkbook.from_path(str(path)) as workbook:
            return tuple(workbook.sheet_names) == SUMMARY_SHEETS
    except Exception:  # not a workbook at all, or damaged: not ours to replace
        return False


def pdf_names(files: Sequence[Path]) -> list[str]:
    """A PDF name for each file, unique within the batch: plan.pdf, plan-2.pdf for a second plan.xlsx elsewhere."""
    names: list[str] = []
    taken: set[str] = set()
    for path in files:
        stem = path.name.removesuffix(".hkp.json") if path.name.lower().endswith(".hkp.json") else path.stem
        name, number = f"{stem}.pdf", 1
        while name.lower() in taken:
            number += 1
            name = f"{stem}-{number}.pdf"
        taken.add(name.lower())
        names.append(name)
    return names


def estimate_file(path: Path, pdf: Path | None = None, letterhead: Letterhead | None = None) -> BatchRow:
    """One plan's summary row; a file that cannot be estimated gives a row with the reason."""
    try:
        case = open_case(path)
        result = estimate_case(case)
        if pdf is not None:
            from estimator.output.pdf import write_pdf  # noqa: PLC0415 - reportlab loads only when PDFs are asked for

            write_pdf(result, load_tariffs(), pdf, dt.date.today(), letterhead)
    except (PlanReadError, CaseError, SettingError) as error:
        return BatchRow(file=path.name, error=str(error))
    except OSError as error:
        return BatchRow(file=path.name, error=f"{error.strerror or error}: {error.filename or path}")
    except Exception as error:
        return BatchRow(file=path.name, error=f"nicht berechnet (interner Fehler {type(error).__name__}); bitte melden")
    return batch_row(path.name, result, pdf.name if pdf else "")


def _estimate_job(job: tuple[Path, Path | None, Letterhead | None]) -> BatchRow:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # in a worker process too: library warnings never reach the terminal
        return estimate_file(*job)


WINDOW = 64  # plans handed to the workers ahead of the one written next: the parent holds no more than these


def run_batch(
    files: Sequence[Path],
    pdf_dir: Path | None,
    jobs: int,
    progress: TextIO | None = sys.stderr,
    letterhead: Letterhead | None = None,
) -> Iterator[BatchRow]:
    """Estimate every file, in jobs processes (1: in this one), showing progress; each row as soon as it and
    those before it are done, in the order of files. The parent keeps a bounded window of plans in flight."""
    pdfs = [pdf_dir / name for name in pdf_names(files)] if pdf_dir is not None else [None] * len(files)
    work = ((file, pdf, letterhead) for file, pdf in zip(files, pdfs, strict=True))
    if jobs <= 1 or len(files) < 2:
        yield from _progress(map(_estimate_job, work), len(files), progress)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from _progress(_windowed(pool, work, WINDOW * jobs), len(files), progress)


def _windowed(
    pool: ProcessPoolExecutor, work: Iterator[tuple[Path, Path | None, Letterhead | None]], window: int
) -> Iterator[BatchRow]:
    """The jobs' rows in order, with at most `window` jobs submitted and not yet collected."""
    pending: deque[Future[BatchRow]] = deque()
    for job in work:
        pending.append(pool.submit(_estimate_job, job))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _progress(results: Iterator[BatchRow], total: int, progress: TextIO | None) -> Iterator[BatchRow]:
    unreadable = 0
    for done, row in enumerate(results, start=1):
        unreadable += bool(row.error)
        if progress is not None:
            bar = "#" * (30 * done // total)
            progress.write(f"\r[{bar:<30}] {done}/{total} Pläne, {unreadable} nicht lesbar")
            progress.flush()
        yield row
    if progress is not None and total:
        progress.write("\n")


def default_jobs() -> int:
    return os.cpu_count() or 1
