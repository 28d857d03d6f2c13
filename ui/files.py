"""The window's files: open (a workbook or a case file), save, export the PDF, write the template, recent files.

Opening and the PDF run as tasks off the GUI thread (ui.tasks); saving a case is small and stays on it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from estimator import wording
from estimator.auslegung import SettingError
from estimator.case import Case, CaseError
from estimator.cells import CellError, PlanReadError
from estimator.files import atomic_write_text, file_problem, json_text, not_a_file
from estimator.io.casefile import is_case_file, open_case
from estimator.model import Estimate
from estimator.resources import RESOURCES
from estimator.rules.engine import estimate_case
from ui.document import CASE_SUFFIX, CaseDocument
from ui.language import language
from ui.letter import stored_letterhead
from ui.letterchecks import LetterChecks
from ui.plaintext import tip
from ui.replacing import SUFFIXES, Replacing
from ui.saving import OVERWRITE, SAVE_AS, SaveChecks
from ui.settings import FOLDER, RECENT
from ui.tasks import Progress, Task

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from ui.main_window import MainWindow
    from ui.printing import PrintFolder

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".ods")
EXPECTED = (PlanReadError, CaseError, SettingError, OSError)  # what a file or its content can do wrong: said as it is


def is_program_folder(folder: Path) -> bool:
    """Whether a folder is the program's own (its installation or checkout): no place for the user's files."""
    program = RESOURCES.parent.resolve()
    folder = folder.resolve()
    return folder == program or program in folder.parents


def describe(error: BaseException) -> str:
    """A failure of a task in one line for the status bar and the dialog: the program's own message, else its kind."""
    if isinstance(error, CellError):
        return wording.text(error.phrase, language())
    if isinstance(error, CaseError) and error.phrase is not None:
        return wording.text(error.phrase, language())
    if isinstance(error, OSError) and error.errno:  # „keine Berechtigung“, not „[Errno 13] Permission denied“
        return file_problem(error)
    if isinstance(error, EXPECTED):
        return str(error)
    return QCoreApplication.translate("FileActions", "Unerwarteter Fehler ({0})").format(type(error).__name__)


def read_case(path: Path, progress: Progress) -> tuple[Case, Estimate]:
    """The work of opening (on the worker thread): the file read as a case, and its estimate."""
    progress(0, 2)
    case = open_case(path)
    progress(1, 2)
    result = estimate_case(case)
    progress(2, 2)
    return case, result


class FileActions(QObject):
    """Open, save and export for one window; the window shows what they produce."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.preview: QPrintPreviewDialog | None = None
        self.printing: list[PrintFolder] = []  # the letters written for printing or the preview, not yet removed
        self.sender_missing = False  # the last letter went out without the practice's name
        self.addressee_missing = False  # … or without the patient's
        self.practice_hint: QMessageBox | None = None
        self.checks = SaveChecks(window)
        self.letter_checks = LetterChecks(window)
        self.replacing = Replacing(window)

    def close(self) -> None:
        """For a closing window: the print preview closed, every letter written for printing removed (also one
        whose writing the window's tasks just finished)."""
        if self.preview is not None:
            self.preview.close()
        for folder in self.printing:
            folder.remove()
        self.printing.clear()

    def _print_folder(self) -> PrintFolder:
        from ui.printing import PrintFolder  # noqa: PLC0415 - printing loads when a letter is printed, not at the start

        self.printing = [folder for folder in self.printing if folder.path.exists()]
        folder = PrintFolder()
        self.printing.append(folder)
        return folder

    # --- opening ------------------------------------------------------------------------------------------
    def open_path(self, path: Path) -> Task | None:
        """Open a workbook or case file in the background; the open case stays until the new one is read."""
        window = self.window
        if self.window.tasks.say_busy() or not window.may_discard():
            return None
        window.hold_edits(True)  # the case on screen is about to be replaced: no edits that would be lost
        before, mark = window.document, window.document.undo_stack.index()

        def opened(found: tuple[Case, Estimate]) -> None:
            window.hold_edits(False)
            changed = window.document is not before or before.undo_stack.index() != mark
            if changed and not window.may_discard():  # changed meanwhile (undo, a review): asked again
                return
            case, result = found
            is_case = is_case_file(path)
            window.document.discard_autosave()
            document = CaseDocument(
                case, path if is_case else None, None if is_case else path, window.document.autosave_enabled, result
            )
            window.set_document(document)
            self.remember(path)

        def failed(error: BaseException) -> None:
            window.hold_edits(False)
            window.show_error(self.tr("Datei nicht lesbar"), describe(error))

        title = self.tr("Öffnen: {0}").format(path.name)
        return window.tasks.run(title, lambda progress: read_case(path, progress), opened, failed)

    def choose_and_open(self) -> None:
        if self.window.tasks.say_busy():
            return
        name, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Plan oder Fall öffnen"), self.folder(), self.tr("HKP (*.xlsx *.xlsm *.ods *.hkp.json *.json)")
        )
        if name:
            self.open_path(Path(name))

    # --- where files go -----------------------------------------------------------------------------------
    def folder(self) -> str:
        """Where a file dialog starts: the folder last used, else the user's documents; never the program's own."""
        remembered = Path(self.window.settings.get(FOLDER))
        if str(remembered) not in ("", ".") and remembered.is_dir() and not is_program_folder(remembered):
            return str(remembered)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return documents if documents and Path(documents).is_dir() else str(Path.home())

    def suggested(self, name: str) -> str:
        """A file name for a save dialog: beside the open plan, unless that lies in the program's folder."""
        document = self.window.document
        current = document.path or document.source or document.draft_of
        folder = current.parent if current and not is_program_folder(current.parent) else Path(self.folder())
        return str(folder / name)

    def remember(self, path: Path) -> None:
        self.window.settings.remember_file(str(path), str(path.parent))
        self.fill_recent_menu()

    def fill_recent_menu(self) -> None:
        menu = self.window.recent_menu
        menu.clear()
        for item in self.recent_files():
            action = menu.addAction(Path(item).name)
            action.setToolTip(tip(item))
            action.triggered.connect(lambda _checked=False, item=item: self.open_path(Path(item)))
        menu.setEnabled(bool(self.recent_files()))

    def recent_files(self) -> list[str]:
        return list(self.window.settings.get(RECENT))

    # --- saving -------------------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.window.document.path is None:
            return self.save_as()
        return self.save_to(self.window.document.path)

    def save_as(self, stem: str = "") -> bool:
        """Asks for a name (`stem` suggested, else the case's own) and saves the case under it."""
        document = self.window.document
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Fall speichern"),
            self.suggested((stem or document.file_stem()) + CASE_SUFFIX),
            self.tr("Fall (*.hkp.json)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # asked with whose case it is (ui.replacing)
        )
        return self.save_to(Path(name)) if name else False

    def save_to(self, path: Path) -> bool:
        window = self.window
        path = path if is_case_file(path) else path.with_name(path.name + CASE_SUFFIX)  # as the case is written
        try:
            if (refused := not_a_file(path)) is not None:  # a pipe would take the case and keep nothing
                raise OSError(refused)
            if self.checks.over_a_sent_case(path) or not self.replacing.case_file(path):
                return False
            kept = window.take_typing()
            way = self.checks.way(path)
            if way != OVERWRITE:
                return self.save_as(f"{window.document.file_stem()}-neu") if way == SAVE_AS else False
            window.document.save(path)
        except OSError as error:  # a name too long, a folder not there, the disk full: said, nothing half-written
            reason = file_problem(error) if error.errno else str(error)
            window.show_error(
                self.tr("Speichern fehlgeschlagen"),
                self.tr("{0} – nicht gespeichert; eine Datei dieses Namens bleibt, wie sie war.").format(reason),
            )
            return False
        self.remember(window.document.path or path)
        window.statusBar().showMessage(self.tr("Gespeichert: {0}").format(window.document.path), 5000)
        window.register.record()  # after the message: a register that cannot take it says so in its place
        window.refresh_title()
        if not kept:  # said where it cannot be missed: the case on disk lacks what the editor shows
            window.show_error(self.tr("Ohne den Text an den Patienten gespeichert"), window.note_editor.not_kept())
        return True

    # --- exporting and printing ----------------------------------------------------------------------------
    def _target(self, title: str, kind: str, path: Path | None, suggested: str) -> Path | None:
        """The file an export of `kind` goes to (ui.replacing): `path`, else asked with a save dialog that suggests
        `suggested` beside the plan."""
        if path is None:
            suffix = SUFFIXES[kind]
            options = QFileDialog.Option.DontConfirmOverwrite  # asked with what the file is (ui.replacing)
            filters = f"{suffix[1:].upper()} (*{suffix})"
            name, _ = QFileDialog.getSaveFileName(self.window, title, self.suggested(suggested), filters, options=options)
            path = Path(name) if name else None
        return self.replacing.output(path, kind) if path is not None else None

    def _write_letter(self, target: Path, done: Callable[[], None], cleanup: Callable[[], None] = lambda: None) -> Task | None:
        """Write the estimate shown now as the PDF letter, in the background; then `done` on the GUI thread."""
        from estimator.output.pdf import write_pdf  # noqa: PLC0415 - reportlab loads only when a PDF is asked for

        window = self.window  # what is typed is in the case: taken by the checks before every letter (letterchecks)
        letterhead, left_out = stored_letterhead(window.settings)
        if left_out:
            window.statusBar().showMessage(self.tr("Briefkopf unvollständig: {0}").format(left_out), 15000)
        result, tariffs, note = window.document.estimate, window.document.tariffs, window.document.case.note
        from estimator.command.overwrite import letter_key  # noqa: PLC0415 - loads when a letter is written

        key = letter_key(result.plan.person, window.document.path or window.document.source)  # as `hkp` tells letters
        self.sender_missing = not (letterhead.practice or result.plan.person.practice)
        self.addressee_missing = not result.plan.person.name.strip()
        if self.sender_missing or self.addressee_missing:
            window.statusBar().showMessage(self.sender_hint(), 30000)
        if self.sender_missing and self.practice_hint is None:  # said once in a window, then in the status bar
            self.practice_hint = QMessageBox(
                QMessageBox.Icon.Information, self.tr("Praxisdaten fehlen"), self.sender_hint(), parent=window
            )
            self.practice_hint.open()

        def work(_progress: Progress) -> Path:
            write_pdf(result, tariffs, target, dt.date.today(), letterhead, note=note, for_plan=key)
            return target

        def failed(error: BaseException) -> None:
            cleanup()
            window.show_error(self.tr("PDF nicht geschrieben"), describe(error))

        task = window.tasks.run(self.tr("PDF: {0}").format(target.name), work, lambda _path: done(), failed)
        if task is None:
            cleanup()
        return task

    def sender_hint(self, done: str = "") -> str:
        """What a letter written just now lacks – the patient's name, the practice's – said after what was done."""
        hints = []
        if self.addressee_missing:
            hints.append(self.tr("Ohne Patientennamen: das Schreiben ist an „Patient/in“ gerichtet; den Namen links eintragen."))
        if self.sender_missing:
            hints.append(
                self.tr(
                    "Ohne Praxisdaten: das Schreiben nennt als Absender nur „Zahnarztpraxis“. Name und Anschrift der Praxis "
                    "unter Einstellungen → Praxis (Briefkopf) … eintragen."
                )
            )
        return " – ".join([done, *hints] if done else hints)

    def export_pdf(self, path: Path | None = None, open_after: bool = True) -> Task | None:
        """Write the PDF letter; the viewer opens it when asked, and where it cannot, the window says where it is."""
        if self.window.tasks.say_busy() or self.letter_checks.refused():
            return None
        target = self._target(self.tr("PDF exportieren"), "pdf", path, self.window.document.file_stem() + ".pdf")
        if target is None:
            return None

        def written() -> None:
            self.window.statusBar().showMessage(self.sender_hint(self.tr("PDF geschrieben: {0}").format(target)), 30000)
            if open_after and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
                self.window.show_note(
                    self.tr("PDF geschrieben"),
                    self.tr("Das PDF liegt in\n{0}\n\nEs gibt kein Programm, das es hier anzeigen kann.").format(target),
                )

        return self._write_letter(target, written)

    def export_estimate(self, kind: str, path: Path | None = None) -> bool:
        """Write the estimate as a workbook ("xlsx") or as JSON ("json"), as `hkp estimate` writes them."""
        titles = {"xlsx": self.tr("Als Excel-Arbeitsmappe exportieren"), "json": self.tr("Als JSON exportieren")}
        self.window.take_typing()
        suggested = f"{self.window.document.file_stem()}-schaetzung.{kind}"  # never the plan's own workbook
        target = self._target(titles[kind], kind, path, suggested)
        if target is None:
            return False
        result = self.window.document.estimate
        try:
            if kind == "xlsx":
                from estimator.output.xlsxout import write_estimate_workbook  # noqa: PLC0415 - openpyxl writes when asked

                write_estimate_workbook(result, target)
            else:
                from estimator.output.jsonout import estimate_json  # noqa: PLC0415

                atomic_write_text(target, json_text(estimate_json(result)))
        except OSError as error:
            self.window.show_error(self.tr("Nicht geschrieben"), file_problem(error))
            return False
        self.window.statusBar().showMessage(self.tr("Geschrieben: {0}").format(target), 10000)
        return True

    def print_letter(self, printer: QPrinter | None = None) -> Task | None:
        """Print the PDF letter: written in the background, then printed on the printer given or the one chosen."""
        if self.window.tasks.say_busy() or self.letter_checks.refused():
            return None
        folder = self._print_folder()

        def ready() -> None:
            try:
                target = printer or self._chosen_printer()
                if target is not None:
                    from ui.printing import print_pdf  # noqa: PLC0415

                    pages = print_pdf(folder.letter(), target)
                    said = self.sender_hint(self.tr("Gedruckt: {0} Seiten").format(pages))
                    self.window.statusBar().showMessage(said, 30000)
            finally:
                folder.remove()

        return self._write_letter(folder.letter(), ready, folder.remove)

    def _chosen_printer(self) -> QPrinter | None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # noqa: PLC0415

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.window)
        return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None

    def preview_letter(self) -> Task | None:
        """The print preview of the very PDF an export writes; printing from it prints those pages."""
        if self.window.tasks.say_busy() or self.letter_checks.refused():
            return None
        folder = self._print_folder()

        def ready() -> None:
            from PySide6.QtPrintSupport import QPrintPreviewDialog  # noqa: PLC0415

            from ui.printing import paint_pages  # noqa: PLC0415

            dialog = QPrintPreviewDialog(self.window)
            dialog.setWindowTitle(self.tr("Druckvorschau"))
            dialog.paintRequested.connect(lambda printer: paint_pages(folder.letter(), printer))
            dialog.finished.connect(lambda _result: folder.remove())
            dialog.resize(900, 700)
            self.preview, self.preview_folder = dialog, folder
            dialog.open()

        return self._write_letter(folder.letter(), ready, folder.remove)

    def save_template(self) -> None:
        window = self.window
        name, _ = QFileDialog.getSaveFileName(
            window,
            self.tr("Excel-Vorlage speichern"),
            str(Path(self.folder()) / "hkp-vorlage.xlsx"),
            "Excel (*.xlsx)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        target = self.replacing.output(Path(name), "template") if name else None
        if target is None:
            return
        from estimator.io.workbook import template_plan, write_workbook  # noqa: PLC0415 - openpyxl loads when needed

        try:
            write_workbook(template_plan(), target, instructions=True)
        except OSError as error:
            window.show_error(self.tr("Vorlage nicht geschrieben"), file_problem(error))
            return
        window.statusBar().showMessage(self.tr("Vorlage geschrieben: {0}").format(target), 5000)
