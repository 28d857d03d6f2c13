"""The main window: plan tables, person panel, totals, tooth chart, explanation and findings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from estimator.case import DRAFT, paid_as_counted
from estimator.kinds import Severity
from estimator.model import FeeLine, LabLine
from estimator.wording import class_label
from ui import formats
from ui.dialogs import Refusals, ask, warn
from ui.document import CaseDocument
from ui.files import EXPECTED, WORKBOOK_SUFFIXES, FileActions, describe
from ui.filters import LineFilters
from ui.language import language, status_text
from ui.letter import NoteEditor, PracticeDialog
from ui.lineactions import LineActions
from ui.menus import LINE_KEYS, WindowMenus
from ui.models import ExplanationModel, FindingsModel, LinesModel, ToothFilter
from ui.person import PersonPanel
from ui.register import RegisterAccess
from ui.review import Reviews
from ui.sentbar import SentBar
from ui.settings import Settings
from ui.tables import finish_typing, table_view
from ui.tasks import Tasks
from ui.textkeys import TextKeys
from ui.waterfall import Waterfall
from ui.whatif import Comparison, WhatIfPanel, compare
from ui.widgets import ToothChart, TotalsBar

Ask = Callable[[str, str], QMessageBox.StandardButton]


class MainWindow(QMainWindow):
    """One window, one case. Every edit recomputes at once and can be undone."""

    open_action: QAction  # these three: ui.menus.build_menus
    recent_menu: QMenu
    edit_menu: QMenu

    def __init__(self, document: CaseDocument, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = Settings(settings)
        self.ask_on_close: Ask = self._ask_on_close
        self.show_error: Callable[[str, str], object] = lambda title, text: warn(self, title, text)
        self.show_note: Callable[[str, str], object] = lambda title, text: QMessageBox.information(self, title, text)
        self.setAcceptDrops(True)
        self.resize(1366, 768)
        self.tasks = Tasks(self.statusBar(), describe, EXPECTED)
        self.files, self._whatif_stale = FileActions(self), False
        self.line_actions, self.filters = LineActions(self), LineFilters(self)
        self.refusals = Refusals(self.statusBar())
        self.tasks.busy_changed.connect(self._after_task)
        self.register, self.reviews = RegisterAccess(self), Reviews(self)
        self.menus = WindowMenus(self)
        self.text_keys = TextKeys(self, LINE_KEYS)
        self.files.fill_recent_menu()
        self.set_document(document)

    # --- building -----------------------------------------------------------------------------------------
    def set_document(self, document: CaseDocument) -> None:
        """Show a case: builds the panels around it (the old case's panels, picker and status message go with it)."""
        self.statusBar().clearMessage()
        picker = getattr(self.line_actions, "picker", None)
        if picker is not None:
            picker.close()
        self.document = document
        self.undo_action, self.redo_action = self.menus.fill_edit_menu(document)

        self.fee_model, self.lab_model = LinesModel(document, "fee"), LinesModel(document, "lab")
        self.fee_filter, self.lab_filter = ToothFilter(self.fee_model), ToothFilter(self.lab_model)
        self.fee_view, self.lab_view = table_view(self.fee_filter), table_view(self.lab_filter)
        self.findings_model, self.explanation_model = FindingsModel(document), ExplanationModel()
        self.findings_view = table_view(self.findings_model, editable=False)
        self.findings_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.findings_view.horizontalHeader().setResizeContentsPrecision(0)  # the rows shown: a long plan's are thousands
        self.findings_model.modelReset.connect(self.fit_findings)
        self.findings_view.verticalScrollBar().valueChanged.connect(self.fit_findings)
        self.findings_view.clicked.connect(self.select_finding)
        self.findings_view.activated.connect(lambda index: self.select_finding(index, correct=True))
        self.explanation_view = table_view(self.explanation_model, editable=False)
        self.explanation_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.explanation_view.horizontalHeader().sectionResized.connect(self.fit_explanation)
        self.explanation_view.verticalHeader().setMinimumSectionSize(22)  # as high as the other tables' rows at least
        self.explanation_title = QLabel(self.tr("Zeile wählen, um ihre Berechnung zu sehen"))
        self.explanation_title.setTextFormat(Qt.TextFormat.PlainText)

        self.lines_tabs = QTabWidget()
        self.lines_tabs.addTab(self.fee_view, "")
        self.lines_tabs.addTab(self.lab_view, "")
        for view in (self.fee_view, self.lab_view):
            view.selectionModel().currentRowChanged.connect(lambda current, _previous: self.show_explanation())
        self.lines_tabs.currentChanged.connect(lambda _index: self.show_explanation())

        explanation = QWidget()
        layout = QVBoxLayout(explanation)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.explanation_title)
        layout.addWidget(self.explanation_view)
        self.detail_tabs = QTabWidget()
        self.detail_tabs.addTab(explanation, self.tr("Erläuterung"))
        self.detail_tabs.addTab(self.findings_view, "")
        self.waterfall = Waterfall(document)
        self.waterfall.cause_chosen.connect(self.filters.cause)
        self.detail_tabs.addTab(self.waterfall, self.tr("Warum dieser Eigenanteil"))
        self.whatif = WhatIfPanel(document)
        self.detail_tabs.addTab(self.whatif, self.tr("Was wäre, wenn"))
        self.note_editor = NoteEditor(document)
        self.detail_tabs.addTab(self.note_editor, self.tr("Text an den Patienten"))
        self.detail_tabs.currentChanged.connect(lambda _index: self.show_whatif(chosen=True))
        self.detail_tabs.currentChanged.connect(self.fit_findings)  # after the findings took their room

        self.person_panel = PersonPanel(document)
        person_scroll = QScrollArea()
        self.sent_bar = SentBar(document)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.sent_bar)
        left_layout.addWidget(self.register.beside(self.person_panel, document), 1)
        person_scroll.setWidget(left)
        person_scroll.setWidgetResizable(True)
        person_scroll.setMinimumWidth(280)
        self.totals = TotalsBar(document, self.line_actions.correct_left_out)
        self.tooth_chart = ToothChart(document)
        self.tooth_chart.tooth_clicked.connect(self.filters.tooth)

        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.totals)
        top.addWidget(self.tooth_chart)
        top.setSizes([640, 400])
        self.centre = centre = QSplitter(Qt.Orientation.Vertical)
        centre.addWidget(top)
        centre.addWidget(self.lines_tabs)
        centre.addWidget(self.detail_tabs)
        centre.setStretchFactor(1, 3)
        centre.setStretchFactor(2, 1)
        centre.setSizes([150 + self.totals.warning_height(), 390, 200])
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(person_scroll)
        main.addWidget(centre)
        main.setStretchFactor(1, 1)
        main.setSizes([320, 1046])
        self.setCentralWidget(main)

        document.changed.connect(self.statusBar().clearMessage)  # a note on the case before stands for it no longer
        document.changed.connect(self.refresh)
        self.refusals.follow(document)
        document.noted.connect(lambda text: self.statusBar().showMessage(text, 15000))
        document.autosave_failed.connect(self.autosave_failed)
        document.saved_state_changed.connect(lambda _saved: self.refresh_title())
        document.standing_changed.connect(self.refresh_title)
        self.refresh()

    def autosave_failed(self, problem: str) -> None:
        """The unsaved state cannot be kept (or can again): said once, while the user can still save."""
        if not problem:
            self.statusBar().showMessage(self.tr("Automatische Sicherung wieder möglich"), 15000)
            return
        text = self.tr(
            "Die ungespeicherten Änderungen können nicht automatisch gesichert werden ({0}); nach einem Absturz wären "
            "sie verloren. Bitte den Fall speichern (Strg+S) oder Platz bzw. Schreibrecht im Datenordner schaffen."
        ).format(problem)
        self.show_error(self.tr("Automatische Sicherung nicht möglich"), text)

    # --- showing ------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        result = self.document.estimate
        self.filters.show_counts()
        errors = sum(1 for f in result.findings if f.severity is Severity.ERROR)
        tab = self.tr("Hinweise ({0}, davon {1} Fehler)") if errors else self.tr("Hinweise ({0})")  # no „davon 0 Fehler“
        self.detail_tabs.setTabText(1, tab.format(len(result.findings), errors))
        self.show_explanation()
        self.show_whatif()
        self.refresh_title()
        self.make_room(self.totals.needed_height(), pane=0)  # a warning of missing rows shown: its captions whole

    def show_whatif(self, chosen: bool = False) -> None:
        """Alternatives and the staged-cap planner, computed in the background when shown (chosen: room for their rows)."""
        if self.detail_tabs.currentWidget() is not self.whatif:
            if chosen and self.detail_tabs.currentWidget() is (view := self.findings_view):  # room for twelve findings too
                rows = min(view.model().rowCount(), 12) * view.verticalHeader().defaultSectionSize()
                self.make_room(self.detail_tabs.height() + rows - view.viewport().height())
            return
        document = self.document
        plan, tariffs, settings, lang = document.estimate.plan, document.tariffs, dict(document.case.settings), language()
        self.whatif.show_busy()

        def shown(comparison: Comparison) -> None:
            if self.document is document and document.estimate.plan is plan:
                self.whatif.present(comparison)
                if chosen:
                    self.make_room(self.whatif.wanted_height() + self.detail_tabs.height() - self.whatif.height())
            else:  # the case changed meanwhile: compute again for what is on screen now
                self._whatif_stale = True

        work = lambda _progress: compare(plan, tariffs, settings, lang)  # noqa: E731
        started = self.tasks.run(self.tr("Was wäre, wenn"), work, shown, background=True)
        self._whatif_stale = started is None  # the worker is busy: computed when it is free

    def _after_task(self, busy: bool) -> None:
        if not busy and self._whatif_stale:
            self._whatif_stale = False
            self.show_whatif()

    def hold_edits(self, held: bool) -> None:
        """While another case is read, the one on screen takes no edits (they would be lost with it)."""
        central = self.centralWidget()
        if central is not None:
            central.setEnabled(not held)

    def refresh_title(self) -> None:
        """The case's file, where it stands with the insurer once it is no longer a draft, and whether it is saved."""
        case, standing = self.document.case, ""
        if self.document.path is not None and case.status != DRAFT:
            paid = (
                ""
                if (paid := paid_as_counted(case.status, case.paid)) is None
                else ", " + self.tr("{0} gezahlt").format(formats.money(paid))
            )
            standing = f" ({status_text(case.status)}{paid})"
        self.setWindowTitle(f"{self.document.title()}{standing}{'' if self.document.is_saved else ' *'} – HKP-Schätzer")

    def current_line(self) -> tuple[LinesModel, int] | None:
        view, proxy, model = (
            (self.fee_view, self.fee_filter, self.fee_model)
            if self.lines_tabs.currentIndex() == 0
            else (self.lab_view, self.lab_filter, self.lab_model)
        )
        index = view.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return model, proxy.mapToSource(index).row()

    def show_explanation(self) -> None:
        chosen = self.current_line()
        self.tooth_chart.mark(chosen[0].lines[chosen[1]].teeth.teeth if chosen else ())  # the line's teeth outlined
        if chosen is None:
            self.explanation_model.show(None)
            self.explanation_title.setText(self.tr("Zeile wählen, um ihre Berechnung zu sehen"))
            return
        model, row = chosen
        result = model.results[row]
        self.explanation_model.show(result)
        self.fit_explanation()
        line = model.lines[row]
        if result:
            self.explanation_title.setText(
                self.tr(
                    "{0} Zeile {1}: Nr. {2}{3}, Klasse {4} ({5}) – berechnet {6}, erstattungsfähig {7}, Erstattung {8}"
                ).format(
                    line.sheet,
                    line.row,
                    line.number,
                    self.tr(", Zahn {0}").format(line.teeth.text) if line.teeth.text else "",
                    result.line_class.value,
                    class_label(result.line_class, language()),
                    formats.money(result.billed),
                    formats.money(result.eligible),
                    formats.money(result.benefit),
                )
            )

    def select_row(self, kind: str, index: int) -> None:
        """Select the line at this index among its kind (as the case counts them)."""
        model = self.fee_model if kind == "fee" else self.lab_model
        if 0 <= index < len(model.lines):
            self.select_line(model.lines[index].sheet, model.lines[index].row)

    def select_line(self, sheet: str, row: int | None) -> bool:
        """Select the plan line read from this sheet and row (clearing a tooth filter that hides it)."""
        for tab, (view, proxy, model) in enumerate(
            ((self.fee_view, self.fee_filter, self.fee_model), (self.lab_view, self.lab_filter, self.lab_model))
        ):
            number = model.row_of(sheet, row)
            if number is None:
                continue
            if not proxy.mapFromSource(model.index(number, 0)).isValid():
                self.filters.tooth(None)
                self.waterfall.chosen = None
                self.filters.cause(None)
            self.lines_tabs.setCurrentIndex(tab)
            index = proxy.mapFromSource(model.index(number, 0))
            view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            view.scrollTo(index)
            return True
        return False

    def current_plan_line(self) -> FeeLine | LabLine | None:
        chosen = self.current_line()
        return chosen[0].lines[chosen[1]] if chosen else None

    def fit_explanation(self, *_resized: int) -> None:
        """A line's steps wrapped to the width of their column, whole (a line has a few: measured at once)."""
        self.explanation_view.resizeRowsToContents()

    def make_room(self, height: int, pane: int = 2) -> None:
        """The detail tabs (pane 2) or the totals (pane 0) at least `height` pixels high, from the lines down to ten rows."""
        sizes = self.centre.sizes()
        spare = sizes[1] - (10 * self.fee_view.verticalHeader().defaultSectionSize() + 60)  # header, tabs, scroll bar
        grow = min(height - sizes[pane], spare)
        if grow > 0:
            sizes[1], sizes[pane] = sizes[1] - grow, sizes[pane] + grow
            self.centre.setSizes(sizes)

    def fit_findings(self) -> None:
        """The findings' cell and section whole in the rows shown (on screen only), growing as the user scrolls."""
        view = self.findings_view
        if not view.isVisible():  # behind another tab Qt would measure every row; measured when its tab is chosen
            return
        for column in (1, 3):
            view.setColumnWidth(column, max(view.columnWidth(column), view.sizeHintForColumn(column)))

    def select_finding(self, index: QModelIndex, correct: bool = False) -> None:
        """The finding's line selected; a row the import left out opened to be corrected (double click, Enter)."""
        finding = self.findings_model.findings[index.row()]
        if not self.select_line(finding.sheet, finding.row):
            self.line_actions.finding_without_line(finding, correct)

    # --- settings -----------------------------------------------------------------------------------------
    def edit_practice(self) -> None:
        self.practice_dialog = PracticeDialog(self.settings, self)
        self.practice_dialog.open()

    def show_guide(self) -> None:
        from ui.help import GuideDialog  # noqa: PLC0415 - the guide loads when asked for

        self.guide = GuideDialog(self)
        self.guide.show()

    def welcome(self) -> None:
        from ui.help import WelcomeDialog  # noqa: PLC0415

        self.welcome_dialog = WelcomeDialog(self, self.files, self.line_actions)
        self.welcome_dialog.open()

    # --- closing and dropping -----------------------------------------------------------------------------
    def _ask_on_close(self, title: str, text: str) -> QMessageBox.StandardButton:
        buttons = QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        return ask(self, QMessageBox.Icon.Question, title, text, buttons=buttons, default=QMessageBox.StandardButton.Save)

    def take_typing(self) -> bool:
        """What is being typed belongs to the case before it is saved, written out or closed: a table cell or a field
        still being edited gives up its focus (its value goes in as with Tab), the note goes in as typed (False: not)."""
        finish_typing(self.focusWidget(), (self.fee_view, self.lab_view))  # the window's focus, also when inactive
        return self.note_editor.take()

    def may_discard(self) -> bool:
        """True when the open case is saved, or the user saved it or chose to discard the changes."""
        kept = self.take_typing()  # what was typed a moment ago belongs to the case first
        if self.document.is_saved and kept:  # a note the case could not take would be lost: asked about below
            return True
        question = self.tr("Die Änderungen an „{0}“ speichern?").format(self.document.title())
        lost = "" if kept else self.note_editor.not_kept() + self.tr(" Speichern speichert den Fall ohne ihn.")
        answer = self.ask_on_close(self.tr("Ungespeicherte Änderungen"), lost or question)
        if answer == QMessageBox.StandardButton.Save:
            return self.files.save()
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.may_discard():
            self.hide()
            self.tasks.close()  # a PDF being written is finished, not cut off; nothing comes back to this window
            self.files.close()
            self.document.discard_autosave()
            self.register.close()
            event.accept()
        else:
            event.ignore()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.toLocalFile().lower().endswith((*WORKBOOK_SUFFIXES, ".json")) for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.toLocalFile():
                self.files.open_path(Path(url.toLocalFile()))
                event.acceptProposedAction()
                return
