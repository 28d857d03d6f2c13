#!/usr/bin/env python3
"""Benchmarks: each figure against its floor, the two run in alternation (A B A B ...), in fresh processes
where a user starts a process; the figure quoted is the median, the comparison the median of the paired ratios.

Usage: .venv/bin/python bench/bench.py [--runs N] [--plans N] [--memory-plans N]
(The reading floor is python-calamine, which the program reads workbooks with too.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BATCH_BEFORE = 42.0  # plans/s of `hkp batch` on this machine before the batch was made flat (300 plans, 2 processes)
READ_FLOOR = """
import sys
from python_calamine import CalamineWorkbook
for path in sys.argv[1:]:
    book = CalamineWorkbook.from_path(path)
    for name in book.sheet_names:
        book.get_sheet_by_name(name).to_python()
"""
READ_FLOOR_POOL = """
import sys
from concurrent.futures import ProcessPoolExecutor
from python_calamine import CalamineWorkbook
def read(path):
    book = CalamineWorkbook.from_path(path)
    return sum(len(book.get_sheet_by_name(name).to_python()) for name in book.sheet_names)
if __name__ == "__main__":
    files = sys.argv[2:]
    with ProcessPoolExecutor(max_workers=int(sys.argv[1])) as pool:
        list(pool.map(read, files, chunksize=max(1, len(files) // 16)))
"""
# What no program in Python that reads the plan can avoid: the standard-library modules the estimate needs,
# then the floor's reading (compared with the floor itself, to show what the ≤ 2× goal leaves).
STDLIB_READ = "import argparse, dataclasses, datetime, decimal, enum, json, re, tempfile, tomllib, typing, zipfile\n" + READ_FLOOR
START_WINDOW = "import sys; from ui.start import main; sys.exit(main(['--exit-when-shown']))"
START_FLOOR = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
app.processEvents()
"""
# The program's modules imported (the collector paused, as the start does), then the floor's bare window.
IMPORTS_BARE_WINDOW = "import gc; gc.disable(); import ui.app\n" + START_FLOOR
# The parent's own peak (VmHWM: this process image only; ru_maxrss would carry the peak of whoever forked it).
PARENT_MEMORY = """
import sys
from estimator.command.cli import main
main(["batch", sys.argv[1], "--out", sys.argv[2], "--jobs", sys.argv[3]])
status = dict(line.split(":", 1) for line in open("/proc/self/status", encoding="ascii"))
print(int(status["VmHWM"].split()[0]) / 1024)
"""


@dataclass
class Figure:
    name: str
    seconds: float
    floor_name: str
    floor: float | None
    ratio: float | None
    goal: str
    met: bool


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def paired(figure: Callable[[], object], floor: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """Figure and floor in alternation after one warm-up pair: medians, and the median of the paired ratios."""
    timed(figure), timed(floor)
    pairs = [(timed(figure), timed(floor)) for _ in range(runs)]
    return (
        statistics.median(a for a, _ in pairs),
        statistics.median(b for _, b in pairs),
        statistics.median(a / b for a, b in pairs),
    )


def process(*command: str) -> Callable[[], None]:
    """A fresh interpreter running a command, as a user starts one (its output is not shown)."""

    def run() -> None:
        subprocess.run([sys.executable, *command], check=True, cwd=ROOT, capture_output=True)

    return run


def workbooks(folder: Path, sizes: tuple[int, ...]) -> dict[int, Path]:
    from estimator.io.workbook import write_workbook  # noqa: PLC0415
    from estimator.samples import synthetic_plan  # noqa: PLC0415

    paths = {}
    for size in sizes:
        paths[size] = folder / f"plan{size}.xlsx"
        write_workbook(synthetic_plan(size), paths[size])
    return paths


def estimate_figures(books: dict[int, Path], runs: int) -> list[Figure]:
    figures = []
    for size in (300, 3_000):
        seconds, floor, ratio = paired(
            process("-m", "estimator.command.cli", "estimate", str(books[size]), "--json", os.devnull),
            process("-c", READ_FLOOR, str(books[size])),
            runs,
        )
        goal = "≤ 2× floor" if size == 300 else ""
        figures.append(
            Figure(
                f"hkp estimate, {size} lines, whole process",
                seconds,
                "calamine reads the file, fresh process",
                floor,
                ratio,
                goal,
                size != 300 or ratio <= 2,
            )
        )
    seconds, floor, ratio = paired(process("-c", STDLIB_READ, str(books[300])), process("-c", READ_FLOOR, str(books[300])), runs)
    figures.append(
        Figure("standard-library imports, then the floor, 300 lines", seconds, "the floor alone", floor, ratio, "", True)
    )
    return figures


def engine_figures(runs: int) -> list[Figure]:
    from estimator.rules.engine import estimate  # noqa: PLC0415
    from estimator.samples import synthetic_plan  # noqa: PLC0415
    from estimator.tariff.catalogues import load_tariffs  # noqa: PLC0415

    tariffs = load_tariffs()
    small, large = synthetic_plan(3_000), synthetic_plan(30_000)
    seconds, floor, ratio = paired(lambda: estimate(large, tariffs), lambda: estimate(small, tariffs), runs)
    met = seconds < 1 and ratio <= 12
    return [
        Figure("engine alone, 30,000 lines", seconds, "engine alone, 3,000 lines", floor, ratio, "< 1 s and ≤ 12× floor", met)
    ]


def window_figures(books: dict[int, Path], runs: int) -> list[Figure]:
    """In the window of this process: one edit of a 3,000-line plan, and opening the 3,000-line workbook."""
    from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: PLC0415

    from estimator.case import Case  # noqa: PLC0415
    from estimator.io.excel import read_plan  # noqa: PLC0415
    from estimator.rules.engine import estimate  # noqa: PLC0415
    from estimator.tariff.catalogues import load_tariffs  # noqa: PLC0415
    from ui.collector import IdleCollector  # noqa: PLC0415
    from ui.document import CaseDocument  # noqa: PLC0415
    from ui.main_window import MainWindow  # noqa: PLC0415

    app = QApplication.instance() or QApplication([])
    plan = read_plan(books[3_000])
    document = CaseDocument(Case.from_plan(plan), autosave=False)
    window = MainWindow(document)
    window.show()
    collector = IdleCollector(app)
    collector.start()  # as the program runs its window (ui.app)
    app.processEvents()
    factors = iter(["3,0", "2,3"] * (runs + 2))

    def edit() -> None:
        document.edit_line(("fee", 5, "factor"), next(factors))
        app.processEvents()

    seconds, floor, ratio = paired(edit, lambda: estimate(document.case.plan(), load_tariffs()), runs)
    recompute = Figure(
        "recompute after one edit, 3,000 lines, window",
        seconds,
        "engine alone, same plan",
        floor,
        ratio,
        "< 50 ms",
        seconds < 0.05,
    )

    window.ask_on_close = lambda _title, _text: QMessageBox.StandardButton.Discard  # the edits above: no question

    def open_shown() -> None:
        task = window.files.open_path(books[3_000])
        assert task is not None
        while not task.finished:
            app.processEvents()
            time.sleep(0.001)
        app.processEvents()

    opened = statistics.median(timed(open_shown) for _ in range(max(3, runs // 2)))
    window.close()
    collector.stop()
    return [recompute, Figure("open a 3,000-line workbook to a shown estimate", opened, "", None, None, "< 1.5 s", opened < 1.5)]


def pdf_floor(rows: int) -> None:
    """A reportlab table of the same rows: the letter's embedded font, a Paragraph for the service text."""
    import io  # noqa: PLC0415

    from reportlab.lib.pagesizes import A4  # noqa: PLC0415
    from reportlab.lib.styles import ParagraphStyle  # noqa: PLC0415
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate  # noqa: PLC0415

    from estimator.output.pdfstyle import FONT, register_fonts  # noqa: PLC0415

    register_fonts()
    style = ParagraphStyle("cell", fontName=FONT, fontSize=7.5, leading=9)
    data = [["Datum", "Zahn", "Nr.", "Leistung", "Anz.", "Faktor", "Betrag", "erstattungsfähig", "Satz", "Erstattung"]]
    for row in range(rows):
        text = f"Versorgung eines Zahnes durch eine Vollkrone {row}<br/>Klasse A"
        data.append(["10.03.2026", "16", "2210", Paragraph(text, style), "1", "2,3", "217,06", "217,06", "80 %", "173,65"])
    table = LongTable(data, repeatRows=1, style=[("FONT", (0, 0), (-1, -1), FONT, 7.5)])
    SimpleDocTemplate(io.BytesIO(), pagesize=A4).build([table])


def pdf_figures(runs: int) -> list[Figure]:
    from estimator.output.pdf import build_pdf  # noqa: PLC0415
    from estimator.rules.engine import estimate  # noqa: PLC0415
    from estimator.samples import synthetic_plan  # noqa: PLC0415
    from estimator.tariff.catalogues import load_tariffs  # noqa: PLC0415

    tariffs = load_tariffs()
    result = estimate(synthetic_plan(3_000), tariffs)
    today = dt.date.today()
    seconds, floor, ratio = paired(lambda: build_pdf(result, tariffs, today), lambda: pdf_floor(3_000), max(3, runs // 2))
    met = seconds < 3 and ratio <= 2
    return [Figure("PDF, 3,000 lines", seconds, "reportlab table, same rows and font", floor, ratio, "< 3 s and ≤ 2× floor", met)]


def batch_figures(folder: Path, plans: int, memory_plans: int, runs: int) -> list[Figure]:
    from estimator.io.workbook import write_workbook  # noqa: PLC0415
    from estimator.samples import synthetic_plan  # noqa: PLC0415

    jobs = "2"
    source = folder / "many"
    source.mkdir()
    for number in range(plans):
        write_workbook(synthetic_plan(30 + number % 31, seed=number), source / f"plan{number:05d}.xlsx")
    files = [str(p) for p in sorted(source.iterdir())]
    seconds, floor, ratio = paired(
        process("-m", "estimator.command.cli", "batch", str(source), "--out", str(folder / "u.xlsx"), "--jobs", jobs),
        process("-c", READ_FLOOR_POOL, jobs, *files),
        max(2, runs // 3),
    )
    rate = plans / seconds
    figures = [
        Figure(
            f"batch, {plans} plans, 2 processes ({rate:.0f} plans/s)",
            seconds,
            "calamine reads them, 2 processes",
            floor,
            ratio,
            f"≥ {3 * BATCH_BEFORE:.0f} plans/s and ≤ 1.5× floor",
            rate >= 3 * BATCH_BEFORE and ratio <= 1.5,
        )
    ]
    many = folder / "memory"
    many.mkdir()
    for number in range(memory_plans):
        os.link(source / Path(files[number % len(files)]).name, many / f"plan{number:05d}.xlsx")
    run = subprocess.run(
        [sys.executable, "-c", PARENT_MEMORY, str(many), str(folder / "m.xlsx"), jobs],
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    megabytes = float(run.stdout.split()[-1])
    figures.append(
        Figure(f"batch parent memory at {memory_plans} plans: {megabytes:.0f} MB", 0.0, "", None, None, "< 80 MB", megabytes < 80)
    )
    return figures


def start_figures(runs: int) -> list[Figure]:
    seconds, floor, ratio = paired(process("-c", START_WINDOW), process("-c", START_FLOOR), runs)
    figures = [
        Figure("start to shown window", seconds, "bare QMainWindow, fresh process", floor, ratio, "≤ 1.6× floor", ratio <= 1.6)
    ]
    seconds, floor, ratio = paired(process("-c", IMPORTS_BARE_WINDOW), process("-c", START_FLOOR), runs)
    figures.append(Figure("the program's modules imported, then a bare window", seconds, "bare window", floor, ratio, "", True))
    return figures


def register_figures(folder: Path, runs: int) -> list[Figure]:
    """The case register with 10,000 cases: a search by name, and the whole list (Datei → Fälle … before a search);
    the floor is SQLite alone returning the same rows as plain tuples."""
    import sqlite3  # noqa: PLC0415
    from decimal import Decimal  # noqa: PLC0415

    from estimator.register.entry import Entry, YearBenefit  # noqa: PLC0415
    from estimator.register.store import LISTED, Register  # noqa: PLC0415

    surnames = ["Mustermann", "Muster", "Schneider", "Weber", "Fischer", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann"]
    statuses = ["Entwurf", "eingereicht", "erstattet", "abgelehnt"]

    def entry(i: int) -> Entry:
        day = dt.date(2020, 1, 1) + dt.timedelta(days=i % 2500)
        years = tuple(YearBenefit(k, dt.date(2019 + k, 1, 1), dt.date(2019 + k, 12, 31), Decimal("100.00")) for k in range(1, 5))
        name = f"Person {i} {surnames[(i // 10) % 10]}"
        birth = dt.date(1950, 1, 1) + dt.timedelta(days=i)
        return Entry(
            f"/faelle/{i}.hkp.json", name, birth, f"A{i:09d}", "BM5/0", dt.date(2020, 1, 1), day, (day,), statuses[i % 4],
            None, Decimal("1234.56"), Decimal("987.65"), years, dt.datetime(2026, 1, 1),
        )  # fmt: skip

    path = folder / "faelle.sqlite"
    with Register(path) as register:
        register.replace_all(entry(i) for i in range(10_000))
        raw = sqlite3.connect(path)
        figures = []
        for name, text in (("search by name, 2,000 of 10,000 cases", "muster"), ("whole list, 10,000 cases", "")):
            sql = f"SELECT {LISTED} FROM cases WHERE name_key LIKE ? ORDER BY day DESC, id DESC"
            seconds, floor, ratio = paired(
                lambda text=text: register.search(text),
                lambda text=text, sql=sql: raw.execute(sql, (f"%{text}%",)).fetchall(),
                runs,
            )
            figures.append(
                Figure(f"register: {name}", seconds, "SQLite alone, same rows", floor, ratio, "< 50 ms", seconds < 0.05)
            )
        raw.close()
    return figures


GROUPS = ("estimate", "engine", "window", "pdf", "start", "batch", "register")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="pairs of figure and floor")
    parser.add_argument("--plans", type=int, default=1000, help="plans for the batch figure")
    parser.add_argument("--memory-plans", type=int, default=10_000, help="plans for the batch's parent memory")
    parser.add_argument("--only", choices=GROUPS, action="append", help="only these groups of figures (repeatable)")
    options = parser.parse_args()
    import compileall  # noqa: PLC0415

    for package in ("estimator", "ui"):
        compileall.compile_dir(ROOT / package, quiet=1)  # the start as an installed wheel meets it
    chosen = options.only or GROUPS
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        books = workbooks(folder, (300, 3_000)) if {"estimate", "window"} & set(chosen) else {}
        groups: dict[str, Callable[[], list[Figure]]] = {
            "estimate": lambda: estimate_figures(books, options.runs),
            "engine": lambda: engine_figures(options.runs),
            "window": lambda: window_figures(books, options.runs),
            "pdf": lambda: pdf_figures(options.runs),
            "start": lambda: start_figures(options.runs),
            "batch": lambda: batch_figures(folder, options.plans, options.memory_plans, options.runs),
            "register": lambda: register_figures(folder, options.runs),
        }
        figures = [figure for group in GROUPS if group in chosen for figure in groups[group]()]
    return report(options, figures)


def report(options: argparse.Namespace, figures: list[Figure]) -> int:
    print(f"{dt.date.today():%d.%m.%Y}, {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"medians of {options.runs} pairs, figure and floor in alternation")
    for figure in figures:
        value = f"{figure.seconds * 1000:9.0f} ms" if figure.seconds else " " * 12
        floor = f"{figure.ratio:5.2f}× {figure.floor_name} ({figure.floor * 1000:.0f} ms)" if figure.floor else ""
        verdict = f"goal {figure.goal}: {'met' if figure.met else 'MISSED'}" if figure.goal else "(for comparison)"
        print(f"{figure.name:52s} {value}  {floor:62s} {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
