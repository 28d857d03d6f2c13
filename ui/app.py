"""The desktop application (started by `hkp-estimator [FILE]`, see ui.start); `--screenshot OUT.png` renders
the window and exits, `--exit-when-shown` exits as soon as the window is shown."""

from __future__ import annotations

import argparse
import contextlib
import gc
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QSettings,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from estimator.case import CaseError
from estimator.cells import PlanReadError
from estimator.datadir import APPLICATION, ORGANIZATION
from estimator.files import owner_only_folder
from estimator.io.casefile import is_case_file, load_case, open_case
from estimator.resources import RESOURCES, example_case_path, example_plan_path
from ui.autosave import end_session, sweep, sweep_print_folders
from ui.collector import IdleCollector
from ui.document import CaseDocument
from ui.language import set_language
from ui.main_window import MainWindow
from ui.recovery import offer_recovery
from ui.settings import LANGUAGE, WELCOMED, Settings

SCREEN = (1366, 768)


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    from estimator.command import argtexts  # noqa: PLC0415 - argparse's own words in German, as `hkp` has them

    argtexts.install()
    parser = argparse.ArgumentParser(
        prog="hkp-estimator", description="HKP-Schätzer: die Erstattung eines Heil- und Kostenplans schätzen"
    )
    parser.add_argument("file", nargs="?", type=Path, help="Heil- und Kostenplan (.xlsx, .xlsm, .ods) oder Fall (.hkp.json)")
    parser.add_argument("--language", choices=("de", "en"), help="Sprache für diesen Start (sonst aus den Einstellungen)")
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png", help="Fenster mit dem Plan als PNG speichern und beenden")
    parser.add_argument(
        "--exit-when-shown",
        action="store_true",
        help="Fenster zeigen und gleich beenden (prüft die Installation, misst den Start)",
    )
    return parser.parse_args(argv)


def install_translation(app: QApplication, language: str) -> list[QTranslator]:
    """English from resources/translations (German is the source language), with Qt's own texts."""
    set_language(language)
    if language != "en":
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        qt_translator = QTranslator(app)
        if qt_translator.load("qtbase_de", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_translator)
            return [qt_translator]
        return []
    translator = QTranslator(app)
    if translator.load("hkp_en", str(RESOURCES / "translations")):
        app.installTranslator(translator)
        return [translator]
    return []


def settings_folder(settings_file: str) -> None:
    """The folder of the window's settings (a recent file's name may name a patient) and of Qt's lock file beside
    them is the user's alone, made so before the first write (a new file is readable for all until chmod)."""
    folder = Path(settings_file).parent
    owner_only_folder(folder)
    with contextlib.suppress(OSError):
        folder.chmod(0o700)


def create_app(argv: Sequence[str], language: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / "hkp-estimator.svg")))
    install_translation(app, language or Settings().get(LANGUAGE))
    return app


def first_document(file: Path | None, show_only: bool) -> tuple[CaseDocument, str]:
    """The case to show first: the file asked for, else the bundled example (as an unsaved case, read
    from its case file so that no Excel reader loads at start); a window shown only once keeps no
    autosave. Returns a problem to report, or ""."""
    problem = ""
    if file is not None:
        try:
            case = open_case(file)
        except (PlanReadError, CaseError, OSError) as error:
            problem = str(error)
        else:
            is_case = is_case_file(file)
            return CaseDocument(case, file if is_case else None, None if is_case else file, autosave=not show_only), problem
    return CaseDocument(load_case(example_case_path()), None, example_plan_path(), autosave=not show_only), problem


def _quiet(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own notes and warnings are for developers: the user's terminal stays clean; critical ones still show."""
    if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        print(f"hkp-estimator: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_arguments(sys.argv[1:] if argv is None else argv)
    warnings.simplefilter("ignore")  # a library's warning is no message for the user; findings say what matters
    qInstallMessageHandler(_quiet)
    app = create_app([], options.language)
    settings_folder(QSettings().fileName())  # before anything is written there
    sweep()  # what programs that ended left half-written
    sweep_print_folders()
    app.aboutToQuit.connect(end_session)
    document, problem = first_document(options.file, bool(options.screenshot or options.exit_when_shown))
    window = MainWindow(document)
    window.resize(*SCREEN)
    if options.screenshot or options.exit_when_shown:
        return show_once(app, window, options.screenshot, problem)
    window.show()
    IdleCollector(app).start()
    if problem:
        QTimer.singleShot(0, lambda: window.show_error(QCoreApplication.translate("MainWindow", "Datei nicht lesbar"), problem))
    else:
        QTimer.singleShot(0, lambda: offer_recovery(window) or welcome_once(window, first_start=options.file is None))
    return app.exec()


def welcome_once(window: MainWindow, first_start: bool) -> bool:
    """The welcome screen, once: at the first start without a file (nothing to recover)."""
    if not first_start or window.settings.get(WELCOMED):
        return False
    window.settings.set(WELCOMED, "ja")
    window.welcome()
    return True


def resume_collector() -> None:
    """Turn the garbage collector back on (ui.start paused it) with what the start built set aside, for a window
    shown only once (a running window collects while idle: ui.collector)."""
    gc.freeze()
    gc.enable()


def show_once(app: QApplication, window: MainWindow, screenshot: Path | None, problem: str) -> int:
    """Show the window, save it as a picture if asked, and end without waiting for the user."""
    document = window.document
    if screenshot:
        reduced = next((r for r in document.estimate.lines if r.kind == "fee" and r.eligible < r.billed), None)
        first = reduced or next(iter(document.estimate.lines), None)
        if first:
            window.select_line(first.line.sheet, first.line.row)
    window.show()
    app.processEvents()
    resume_collector()
    saved = window.grab().save(str(screenshot)) if screenshot else True
    document.discard_autosave()
    if problem:
        print(f"hkp-estimator: {problem}", file=sys.stderr)
    return 0 if saved and not problem else 2


if __name__ == "__main__":
    sys.exit(main())
