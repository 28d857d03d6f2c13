"""`hkp batch`: estimate many workbooks on all cores; a bad file is a row with its error, never a stop."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import signal
import sys
import warnings
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as StillRunning
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TextIO

from estimator.auslegung import SettingError
from estimator.case import CaseError
from estimator.cells import PlanReadError
from estimator.command.earlier import with_register
from estimator.command.overwrite import is_our_letter, letter_for_another, letter_key, letters_locked
from estimator.command.reviews import no_letter, not_to_be_written, unaddressed, undrawn_in_letter
from estimator.files import atomic_write_bytes, reason, resolved, shown_path
from estimator.io.casefile import open_case
from estimator.io.columns import SUMMARY_SHEETS
from estimator.io.excel import ProgramOutput
from estimator.letterhead import Letterhead
from estimator.output.xlsxout import BatchRow, batch_row
from estimator.rules.engine import estimate_case
from estimator.tariff.catalogues import load_tariffs

SUFFIXES = (".xlsx", ".xlsm", ".ods", ".hkp.json")  # workbooks and case files


def plan_files(inputs: Sequence[Path]) -> list[Path]:
    """The workbooks named or found (not recursively) in the folders named, in name order, each once – also when a
    folder is named twice by other paths (a link to it, „sub/..“): by the file it is."""
    found: list[Path] = []
    for item in inputs:
        if item.is_dir():
            found += sorted(p for p in item.iterdir() if p.name.lower().endswith(SUFFIXES) and not p.name.startswith(("~$", ".")))
        else:
            found.append(item)
    once: dict[Path, Path] = {}
    for path in found:
        once.setdefault(resolved(path), path)
    return list(once.values())


def other_files(inputs: Sequence[Path]) -> list[Path]:
    """The files in the folders named that are no plan (a text, a CSV export, a PDF, an old .xls): not read, and said,
    so that none is taken for estimated; lock and hidden files left out."""
    return [
        p
        for item in inputs
        if item.is_dir()
        for p in sorted(item.iterdir())
        if p.is_file() and not p.name.lower().endswith(SUFFIXES) and not p.name.startswith(("~$", "."))
    ]


def _is_case(path: Path) -> bool:
    return path.name.lower().endswith(".hkp.json")


def is_batch_summary(path: Path) -> bool:
    """Whether a file is a summary `hkp batch` wrote (sheets Übersicht and Hinweise), which a new one may replace."""
    from estimator.io.sheets import sheet_names  # noqa: PLC0415

    return sheet_names(path) == SUMMARY_SHEETS


def pdf_names(files: Sequence[Path]) -> list[str]:
    """A PDF name for each file, unique within the batch: plan.pdf, plan-2.pdf for a second plan.xlsx elsewhere; a
    case saved beside its plan (plan.hkp.json by plan.xlsx) gives plan-fall.pdf, so that the letters say which is
    which."""
    names: list[str] = []
    taken: set[str] = set()
    stems = [(path.name[: -len(".hkp.json")], True) if _is_case(path) else (path.stem, False) for path in files]
    plans = {stem.lower() for stem, case in stems if not case}
    for found, case in stems:
        stem = f"{found}-fall" if case and found.lower() in plans else found
        name, number = f"{stem}.pdf", 1
        while name.lower() in taken:
            number += 1
            name = f"{stem}-{number}.pdf"
        taken.add(name.lower())
        names.append(name)
    return names


def file_labels(files: Sequence[Path]) -> list[str]:
    """How the summary names each file: its name, or, when two files of the batch have the same name, its path from
    the folder all of them lie in (praxis-a/plan.xlsx, praxis-b/plan.xlsx)."""
    names = [shown_path(path.name) for path in files]
    if len({name.casefold() for name in names}) == len(names):
        return names
    try:
        common = Path(os.path.commonpath([resolved(path).parent for path in files]))
    except ValueError:  # on different drives: the whole paths
        return [shown_path(resolved(path)) for path in files]
    return [shown_path(resolved(path).relative_to(common)) for path in files]


STALE_FOLDER = "veraltet"  # below the PDF folder: no letter of a batch is written there, so no name there clashes


def set_aside(pdf: Path) -> str:
    """A letter of an earlier run whose plan now gives none moved to the folder „veraltet“ beside it (plan.pdf,
    plan-2.pdf, … there), so that it is not sent for this plan by mistake; kept, as every letter may be one a patient
    was sent. A hard link, then the old name removed: nothing there is overwritten, also when two processes set
    letters aside at once. Returns the new place (veraltet/plan.pdf), or "" when there is no such letter (or it cannot
    be moved)."""
    if not is_our_letter(pdf):
        return ""
    folder = pdf.parent / STALE_FOLDER
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return ""
    for number in range(1, 1000):
        aside = folder / (pdf.name if number == 1 else f"{pdf.stem}-{number}.pdf")
        try:
            os.link(pdf, aside)
        except FileExistsError:
            continue
        except OSError:
            return ""
        with contextlib.suppress(OSError):
            pdf.unlink()
        return f"{STALE_FOLDER}/{aside.name}"
    return ""


def estimate_file(
    path: Path, pdf: Path | None = None, letterhead: Letterhead | None = None, label: str = "", history: bool = False
) -> BatchRow:
    """One plan's summary row, the file named by label (its name when none); a file that cannot be estimated gives a
    row with the reason, and a letter of an earlier run for it is set aside (set_aside). The person's earlier cases in
    the case register are taken in with `history` (as `hkp estimate --history`), else said in the row."""
    row = _estimated(path, pdf, letterhead, label or path.name, history)
    if pdf is not None and row.error and (aside := set_aside(pdf)):
        return dataclasses.replace(row, pdf=f"der Brief eines früheren Laufs liegt jetzt in {aside}", set_aside=aside)
    return row


def _estimated(path: Path, pdf: Path | None, letterhead: Letterhead | None, name: str, history: bool) -> BatchRow:
    try:
        case = open_case(path)
        result, note, left = with_register(case.plan(), estimate_case(case), case.settings, path, take=history)
        cannot = not_to_be_written(result, ())
        if cannot:  # no letter of 0,00 €: the row says why, with the findings of the rows left out
            return dataclasses.replace(batch_row(name, result), error=cannot, register=note, register_left=left)
        why_not = no_letter(result) or (undrawn_in_letter(result, letterhead) if pdf is not None else "")
        if pdf is None or why_not:  # no letter: one of an earlier run with other figures is moved aside
            aside = set_aside(pdf) if pdf is not None else ""
            said = f"{why_not}; der Brief eines früheren Laufs liegt jetzt in {aside}" if aside else why_not
            row = batch_row(name, result, said if pdf else "")
            return dataclasses.replace(row, set_aside=aside, register=note, register_left=left)
        from estimator.output.pdf import build_pdf  # noqa: PLC0415 - reportlab loads only when PDFs are asked for

        key = letter_key(result.plan.person, path)
        letter = build_pdf(result, load_tariffs(), dt.date.today(), letterhead, for_plan=key)
        try:
            placed, aside = _place_letter(pdf, letter, key)
        except OSError as error:  # the estimate stands; the letter's column says why it is missing, a letter of an
            aside = set_aside(pdf)  # earlier run of other figures is moved aside (it could be sent by mistake)
            moved = f"; der Brief eines früheren Laufs liegt jetzt in {aside}" if aside else ""
            placed = f"nicht geschrieben: {pdf.name} ({reason(error)}){moved}"
        if (lacking := unaddressed(result, letterhead)) and not placed.startswith("nicht geschrieben"):
            placed += f"; {lacking}"
    except ProgramOutput as error:
        return BatchRow(file=name, error=str(error), program_output=True)
    except (PlanReadError, CaseError, SettingError) as error:
        return BatchRow(file=name, error=str(error))
    except OSError as error:
        return BatchRow(file=name, error=f"{reason(error)}: {error.filename or path}")
    except Exception as error:
        return BatchRow(file=name, error=f"nicht berechnet (interner Fehler {type(error).__name__}); bitte melden")
    return dataclasses.replace(batch_row(name, result, placed), set_aside=aside, register=note, register_left=left)


def _place_letter(pdf: Path, data: bytes, key: str) -> tuple[str, str]:
    """The letter written to pdf unless a file of the user's own is there, another person's letter there moved to
    veraltet/ first – checked and written in one step against another run writing into the folder at the same time.
    Returns what the row's column PDF says, and where a letter was set aside ("")."""
    with letters_locked(pdf.parent):
        if pdf.exists() and not is_our_letter(pdf):  # a file of the user's own by that name
            return f"nicht geschrieben: {pdf.name} gibt es schon und ist kein Brief dieses Programms", ""
        another = letter_for_another(pdf, key)  # another person's (another folder's plan.xlsx)
        aside = set_aside(pdf) if another else ""
        if another and not aside:
            return f"nicht geschrieben: {pdf.name} ist der Brief für eine andere Person und ließ sich nicht verschieben", ""
        atomic_write_bytes(pdf, data)
    if aside:
        return f"{pdf.name} (der Brief für eine andere Person unter diesem Namen liegt jetzt in {aside})", aside
    return pdf.name, ""


Job = tuple[Path, Path | None, Letterhead | None, str, bool]  # a plan, its PDF, the letterhead, its name, history


def _estimate_job(job: Job) -> BatchRow:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # in a worker process too: library warnings never reach the terminal
        return estimate_file(*job)


PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent ends
WINDOW = 64  # plans handed to the workers ahead of the one written next: the parent holds no more than these


class StopRequest:
    """Strg+C or SIGTERM during a batch, noted by its signal handler and acted on by the batch between its waits:
    an exception raised by the handler itself could land inside a lock's wait and leave the lock broken (the batch
    then ended with a traceback and exit code 1)."""

    def __init__(self) -> None:
        self.signal = 0

    def request(self, signum: int, _frame: object) -> None:
        self.signal = signum

    def check(self) -> None:
        """Stopped(128 + the signal) when a stop was asked for."""
        if self.signal:
            raise Stopped(128 + self.signal)


class Stopped(Exception):
    """The batch was stopped; code: the exit code a shell gives the signal (130 for Strg+C, 143 for SIGTERM)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def run_batch(
    files: Sequence[Path],
    pdf_dir: Path | None,
    jobs: int,
    progress: TextIO | None = None,
    *,
    letterhead: Letterhead | None = None,
    check: Callable[[], None] = lambda: None,
    history: bool = False,
) -> Iterator[BatchRow]:
    """Estimate every file, in jobs processes (1: in this one), showing progress on `progress`; each row as soon as it and
    those before it are done, in the order of files. The parent keeps a bounded window of plans in flight.
    `check` raises to stop (StopRequest.check); it is asked before each plan and while waiting for one."""
    pdfs = [pdf_dir / name for name in pdf_names(files)] if pdf_dir is not None else [None] * len(files)
    labels = file_labels(files)
    work = ((file, pdf, letterhead, label, history) for file, pdf, label in zip(files, pdfs, labels, strict=True))
    if jobs <= 1 or len(files) < 2:
        yield from _progress((_checked(check, job) for job in work), len(files), progress)
        return
    pool = _Pool(jobs)
    try:
        yield from _progress(_windowed(pool, work, WINDOW * jobs, check), len(files), progress)
    finally:  # also when stopped (Strg+C, SIGTERM): plans not yet begun are not begun, the workers end
        pool.executor.shutdown(wait=True, cancel_futures=True)


Entry = tuple[Job, Future[BatchRow], ProcessPoolExecutor]  # a plan handed to the workers, and the pool it went to


class _Pool:
    """The workers; a worker that dies (a reader's native code ending its process on a damaged file) breaks the
    pool and every plan in it: a new pool takes the plans after it, and each plan the break took is estimated again
    alone – the one that breaks even then gets its row with the reason, the others their estimates."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.executor = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_start)

    def submit(self, job: Job) -> Entry:
        try:
            return job, self.executor.submit(_estimate_job, job), self.executor
        except BrokenProcessPool:
            self.renew()
            return job, self.executor.submit(_estimate_job, job), self.executor

    def renew(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = ProcessPoolExecutor(max_workers=self.jobs, initializer=_worker_start)


def _alone(job: Job) -> BatchRow:
    """A plan estimated again in a process of its own, after a worker died while it was in the pool."""
    with ProcessPoolExecutor(max_workers=1, initializer=_worker_start) as single:
        try:
            return single.submit(_estimate_job, job).result()
        except BrokenProcessPool:
            reason = "nicht gelesen: das Lesen der Datei beendete den Prozess (die Datei ist beschädigt); bitte neu speichern"
            return BatchRow(file=job[3], error=reason)


def _checked(check: Callable[[], None], job: Job) -> BatchRow:
    check()
    return _estimate_job(job)


def _worker_start() -> None:
    """A worker ends with the batch: SIGTERM ends it at once (the parent's handler would be taken as the error of
    one plan), Strg+C is the parent's to handle (it stops the pool), and on Linux the kernel sends SIGTERM when the
    process that started it ends, however that ends (also SIGKILL), so that no worker is left behind."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        import ctypes  # noqa: PLC0415

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _windowed(pool: _Pool, work: Iterator[Job], window: int, check: Callable[[], None]) -> Iterator[BatchRow]:
    """The jobs' rows in order, with at most `window` jobs submitted and not yet collected."""
    pending: deque[Entry] = deque()
    for job in work:
        pending.append(pool.submit(job))
        if len(pending) >= window:
            yield _collected(pending.popleft(), check, pool)
    while pending:
        yield _collected(pending.popleft(), check, pool)


def _collected(entry: Entry, check: Callable[[], None], pool: _Pool) -> BatchRow:
    """A job's row, asking `check` every tenth of a second while it is not done."""
    job, future, executor = entry
    while True:
        check()
        try:
            return future.result(timeout=0.1)
        except StillRunning:
            continue
        except BrokenProcessPool:
            if executor is pool.executor:  # the first plan the break took: a new pool for those after it
                pool.renew()
            return _alone(job)


def _progress(results: Iterator[BatchRow], total: int, progress: TextIO | None) -> Iterator[BatchRow]:
    without = 0
    for done, row in enumerate(results, start=1):
        without += bool(row.error) and not row.program_output  # an estimate or summary of the program's is no plan
        if progress is not None:
            bar = "#" * (30 * done // total)
            progress.write(f"\r[{bar:<30}] {done}/{total} Dateien, {without} ohne Schätzung")
            progress.flush()
        yield row
    if progress is not None and total:
        progress.write("\n")


def default_jobs() -> int:
    return os.cpu_count() or 1
