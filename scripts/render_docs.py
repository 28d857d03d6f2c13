#!/usr/bin/env python3
"""Render the estimate PDFs of the worked examples and of a 300-line plan to PNG pages in docs/pdf/, and the
main window with each worked example (German) and with two of them in English to docs/window/ (1366 x 768)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from estimator.io.excel import read_plan
from estimator.letterhead import Letterhead
from estimator.output.pdf import write_pdf
from estimator.rules.engine import estimate
from estimator.samples import synthetic_plan
from estimator.tariff.catalogues import load_tariffs

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
ISSUED = dt.date(2026, 11, 23)


ENGLISH = ("staged_cap_year1", "deductible_first_year_prorated")  # the explanation, and findings, in English


def settle(app: Any, window: Any) -> None:
    """Let the window finish its background work and show what it made."""
    app.processEvents()
    while window.tasks.running:
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()


def render_windows(out: Path) -> None:
    """Each worked example in the window, a reduced line selected; the English ones once per detail tab."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("HKP_DATA_DIR", tempfile.mkdtemp())
    from PySide6.QtCore import QSettings  # noqa: PLC0415 - Qt only for this part

    from estimator.io.casefile import open_case  # noqa: PLC0415
    from ui.app import SCREEN, create_app, install_translation  # noqa: PLC0415
    from ui.document import CaseDocument  # noqa: PLC0415
    from ui.main_window import MainWindow  # noqa: PLC0415

    app = create_app([], "de")
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)

    def shot(name: str, target: Path, tab: int = 0) -> None:
        path = GOLDEN / f"{name}.xlsx"
        window = MainWindow(CaseDocument(open_case(path), source=path, autosave=False), settings)
        window.resize(*SCREEN)
        reduced = next((r for r in window.document.estimate.lines if r.kind == "fee" and r.eligible < r.billed), None)
        first = reduced or window.document.estimate.lines[0]
        window.select_line(first.line.sheet, first.line.row)
        window.detail_tabs.setCurrentIndex(tab)
        window.show()
        app.processEvents()
        settle(app, window)
        window.grab().save(str(target))
        window.close()
        print(target.relative_to(ROOT))

    for path in sorted(GOLDEN.glob("*.xlsx")):
        shot(path.stem, out / f"{path.stem}.png")
    shot("deductible_before_caps", out / "waterfall.png", tab=2)
    shot("staged_cap_year1", out / "whatif.png", tab=3)
    render_dialogs(app, settings, out)
    install_translation(app, "en")
    shot(ENGLISH[0], out / f"{ENGLISH[0]}_en.png")
    shot(ENGLISH[1], out / f"{ENGLISH[1]}_en_findings.png", tab=1)


def render_dialogs(app: Any, settings: Any, out: Path) -> None:
    """The welcome over the window, the guide (F1) and the print preview of the letter, each at 1366 x 768."""
    from PySide6.QtGui import QPainter  # noqa: PLC0415

    from estimator.io.casefile import open_case  # noqa: PLC0415
    from ui.app import SCREEN  # noqa: PLC0415
    from ui.document import CaseDocument  # noqa: PLC0415
    from ui.main_window import MainWindow  # noqa: PLC0415

    path = GOLDEN / "crown_basic.xlsx"
    window = MainWindow(CaseDocument(open_case(path), source=path, autosave=False), settings)
    window.resize(*SCREEN)
    window.show()
    app.processEvents()

    def over_window(dialog: Any, name: str) -> None:
        dialog.show()
        for _ in range(5):
            app.processEvents()
        picture = window.grab()
        painter = QPainter(picture)
        shown = dialog.grab()
        painter.drawPixmap((picture.width() - shown.width()) // 2, (picture.height() - shown.height()) // 2, shown)
        painter.end()
        picture.save(str(out / name))
        dialog.close()
        print((out / name).relative_to(ROOT))

    window.welcome()
    over_window(window.welcome_dialog, "welcome.png")
    window.tooth_chart.choose(16)
    window.tooth_chart.choose(26)
    window.line_actions.pick()
    window.line_actions.picker.query.setText("vollkrone")
    over_window(window.line_actions.picker, "service_picker.png")
    window.show_guide()
    over_window(window.guide, "guide.png")
    window.files.preview_letter()
    settle(app, window)
    window.files.preview.resize(1100, 720)
    over_window(window.files.preview, "print_preview.png")
    window.close()


def logo(folder: Path) -> Path:
    """A made-up practice logo (a tooth-coloured square with initials) for the example letter."""
    from PySide6.QtCore import Qt  # noqa: PLC0415
    from PySide6.QtGui import QColor, QFont, QImage, QPainter  # noqa: PLC0415

    image = QImage(240, 120, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.fillRect(0, 0, 120, 120, QColor("#0f5e6e"))
    painter.setPen(QColor("#ffffff"))
    painter.setFont(QFont("Sans", 40, QFont.Weight.Bold))
    painter.drawText(0, 0, 120, 120, Qt.AlignmentFlag.AlignCenter, "AB")
    painter.setPen(QColor("#0f5e6e"))
    painter.setFont(QFont("Sans", 20))
    painter.drawText(128, 0, 112, 120, Qt.AlignmentFlag.AlignVCenter, "Praxis")
    painter.end()
    path = folder / "logo.png"
    image.save(str(path))
    return path


def main() -> int:
    render_windows(ROOT / "docs" / "window")
    out = ROOT / "docs" / "pdf"
    out.mkdir(parents=True, exist_ok=True)
    catalogues = load_tariffs()
    plans = {p.stem: read_plan(p) for p in sorted(GOLDEN.glob("*.xlsx"))}
    plans["plan_300_zeilen"] = synthetic_plan(300)
    with tempfile.TemporaryDirectory() as tmp:
        letter = Path(tmp) / "brief_mit_briefkopf.pdf"
        plan = plans["staged_cap_year1"]
        person = dataclasses.replace(plan.person, street="Lindenweg 7", postcode="01067", city="Dresden")
        write_pdf(
            estimate(dataclasses.replace(plan, person=person), catalogues),
            catalogues,
            letter,
            ISSUED,
            Letterhead(
                "Zahnarztpraxis Dr. Anna Beispiel",
                "Am Markt 3, 01067 Dresden",
                "0351 123456",
                "praxis@beispiel.example",
                str(logo(Path(tmp))),
            ),
            note="Die Kronen sind nach unserem Gespräch vollkeramisch geplant. Bitte reichen Sie diesen Plan vor Beginn der "
            "Behandlung bei Ihrer Versicherung ein.",
        )
        subprocess.run(["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "1", str(letter), str(out / letter.stem)], check=True)
        for name, plan in plans.items():
            pdf = Path(tmp) / f"{name}.pdf"
            write_pdf(estimate(plan, catalogues), catalogues, pdf, ISSUED)
            pages = ["-f", "1", "-l", "2"] if name.startswith("plan_300") else []
            subprocess.run(["pdftoppm", "-r", "70", "-png", *pages, str(pdf), str(out / name)], check=True)
            print(name, "->", sorted(p.name for p in out.glob(f"{name}*.png")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
