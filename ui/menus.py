"""The window's menus and its toolbar of the daily actions: open, save, print, PDF, review."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSize
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QStyle, QToolBar

from estimator.resources import RESOURCES
from estimator.wording import versions_text
from ui.auslegung import ask_auslegung
from ui.language import language
from ui.settings import LANGUAGE

if TYPE_CHECKING:
    from ui.document import CaseDocument
    from ui.main_window import MainWindow

Shortcut = QKeySequence | QKeySequence.StandardKey | None
LINE_KEYS = ("Ctrl+D", "Ctrl+Del", "Alt+Up", "Alt+Down", "Ctrl+K")  # a field being typed in keeps them (ui.textkeys)


def add_action(window: MainWindow, text: str, shortcut: Shortcut, slot: Callable[[], object], menu: QMenu) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(shortcut)
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


class WindowMenus(QObject):
    """Datei, Bearbeiten (filled per case), Einstellungen, Hilfe; and the toolbar."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.build(window)

    def build(self, window: MainWindow) -> None:
        files = window.files
        file_menu = window.menuBar().addMenu(self.tr("&Datei"))
        new = add_action(window, self.tr("&Neuer Plan"), QKeySequence.StandardKey.New, window.line_actions.new_plan, file_menu)
        window.open_action = add_action(
            window, self.tr("Ö&ffnen …"), QKeySequence.StandardKey.Open, files.choose_and_open, file_menu
        )
        window.recent_menu = file_menu.addMenu(self.tr("&Zuletzt geöffnet"))
        add_action(window, self.tr("F&älle …"), QKeySequence("Ctrl+Shift+O"), window.register.show_cases, file_menu)
        file_menu.addSeparator()
        save = add_action(window, self.tr("Fall &speichern"), QKeySequence.StandardKey.Save, files.save, file_menu)
        add_action(window, self.tr("Fall speichern &unter …"), QKeySequence.StandardKey.SaveAs, files.save_as, file_menu)
        add_action(window, self.tr("Plan als &Arbeitsmappe speichern …"), None, window.line_actions.save_workbook, file_menu)
        file_menu.addSeparator()
        preview = add_action(window, self.tr("Druck&vorschau …"), QKeySequence("Ctrl+Shift+P"), files.preview_letter, file_menu)
        printing = add_action(window, self.tr("&Drucken …"), QKeySequence.StandardKey.Print, files.print_letter, file_menu)
        pdf = add_action(window, self.tr("&PDF exportieren …"), QKeySequence("Ctrl+E"), files.export_pdf, file_menu)
        exports = file_menu.addMenu(self.tr("Schätzung e&xportieren"))
        add_action(window, self.tr("als &Excel-Arbeitsmappe …"), None, lambda: files.export_estimate("xlsx"), exports)
        add_action(window, self.tr("als &JSON …"), None, lambda: files.export_estimate("json"), exports)
        add_action(window, self.tr("Excel-Vor&lage speichern …"), None, files.save_template, file_menu)
        file_menu.addSeparator()
        add_action(window, self.tr("&Beenden"), QKeySequence.StandardKey.Quit, window.close, file_menu)
        window.edit_menu = window.menuBar().addMenu(self.tr("&Bearbeiten"))
        settings_menu = window.menuBar().addMenu(self.tr("&Einstellungen"))
        language = settings_menu.addMenu(self.tr("&Sprache"))
        current = window.settings.get(LANGUAGE)
        choice = QActionGroup(language)  # one language ticked, always: the one of the next start
        for code, name in (("de", "Deutsch"), ("en", "English")):
            action = language.addAction(name)
            choice.addAction(action)
            action.setCheckable(True)
            action.setChecked(current == code)
            action.triggered.connect(lambda _checked=False, code=code: self.set_language(code))
        add_action(window, self.tr("&Praxis (Briefkopf) …"), None, window.edit_practice, settings_menu)
        add_action(window, self.tr("&Auslegung dieses Falls …"), None, lambda: ask_auslegung(window), settings_menu)
        help_menu = window.menuBar().addMenu(self.tr("&Hilfe"))
        add_action(window, self.tr("&Anleitung"), QKeySequence.StandardKey.HelpContents, window.show_guide, help_menu)
        add_action(window, self.tr("Ü&ber"), None, self.about, help_menu)
        self.pick = QAction(self.tr("&Leistung hinzufügen …"), window)
        self.pick.setShortcut(QKeySequence("Ctrl+Ins"))
        self.pick.triggered.connect(lambda _checked=False: window.line_actions.pick())
        _toolbar(
            window,
            [
                (new, "document-new", "SP_FileIcon"),
                (window.open_action, "document-open", "SP_DialogOpenButton"),
                (save, "document-save", "SP_DialogSaveButton"),
            ],
            [(self.pick, "list-add", "add-line.svg")],
            [
                (preview, "document-print-preview", "SP_FileDialogContentsView"),
                (printing, "document-print", "print.svg"),
                (pdf, "document-export", "export-pdf.svg"),
            ],
        )

    def set_language(self, code: str) -> None:
        self.window_.settings.set(LANGUAGE, code)
        QMessageBox.information(
            self.window_,
            "HKP-Schätzer",
            self.tr("Die Sprache wird beim nächsten Start umgestellt.")
            if code == "de"
            else "The language changes at the next start.",
        )

    def about(self) -> None:
        estimate = self.window_.document.estimate
        versions = versions_text(estimate.versions, language())
        QMessageBox.about(
            self.window_,
            self.tr("Über HKP-Schätzer"),
            self.tr("HKP-Schätzer – Erstattung nach {0}.\nPreislisten: {1}").format(estimate.tariff_name, versions),
        )

    def fill_edit_menu(self, document: CaseDocument) -> tuple[QAction, QAction]:
        """Bearbeiten for one case: undo and redo of its stack, the line actions, the review."""
        window, lines = self.window_, self.window_.line_actions
        menu = window.edit_menu
        menu.clear()
        undo = document.undo_stack.createUndoAction(window, self.tr("&Rückgängig"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = document.undo_stack.createRedoAction(window, self.tr("&Wiederholen"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        menu.addActions([undo, redo])
        menu.addSeparator()
        menu.addAction(self.pick)
        line_actions: list[tuple[str, Callable[[], object]]] = [
            (self.tr("Zeile &duplizieren"), lines.duplicate),
            (self.tr("Zeile lö&schen"), lines.delete),
            (self.tr("Zeile nach &oben"), lambda: lines.move(-1)),
            (self.tr("Zeile nach &unten"), lambda: lines.move(1)),
            (self.tr("Ausgelassene Zeile &korrigieren …"), lines.correct_left_out),
        ]
        for (text, slot), key in zip(line_actions, LINE_KEYS, strict=True):
            add_action(window, text, QKeySequence(key), _after_typing(window, slot), menu)
        menu.addSeparator()
        add_action(window, self.tr("&Prüfung der gewählten Zeile …"), QKeySequence("Ctrl+R"), window.reviews.ask, menu)
        add_action(
            window, self.tr("Prüfung der gewählten Zeile &entfernen"), QKeySequence("Ctrl+Shift+R"), window.reviews.remove, menu
        )
        return undo, redo


def _after_typing(window: MainWindow, slot: Callable[[], object]) -> Callable[[], object]:
    """A line action chosen while a field is being typed in: what is typed goes in first (it would be lost), and the
    action is on the line chosen before – a tooth typed into a filtered table's cell can hide that line and move the
    selection on to another."""

    def act() -> object:
        chosen = window.current_line()
        if not window.take_typing():
            return False
        if chosen is not None and window.current_line() != chosen:
            window.select_row(chosen[0].kind, chosen[1])  # shown again, the tooth filter cleared if need be
        return slot()

    return act


def _fallback(window: MainWindow, name: str) -> QIcon:
    """The icon where the desktop has no icon theme (Windows, a bare Linux desktop): the style's own, or one of the
    program's – the style has none for a line added, printing or a PDF (it gave a folder, a blank sheet, an arrow)."""
    if name.endswith(".svg"):
        return QIcon(str(RESOURCES / "icons" / "toolbar" / name))
    return window.style().standardIcon(getattr(QStyle.StandardPixmap, name))


def _toolbar(window: MainWindow, *groups: list[tuple[QAction, str, str]]) -> None:
    """The daily actions, each with the desktop's icon for it (Qt's own where the desktop has none)."""
    bar = QToolBar(QCoreApplication.translate("WindowMenus", "Werkzeuge"), window)
    bar.setObjectName("werkzeuge")
    bar.setMovable(False)
    bar.setIconSize(QSize(18, 18))
    bar.setToolButtonStyle(bar.toolButtonStyle().ToolButtonTextBesideIcon)
    for number, group in enumerate(groups):
        if number:
            bar.addSeparator()
        for action, theme, fallback in group:
            action.setIcon(QIcon.fromTheme(theme, _fallback(window, fallback)))
            bar.addAction(action)
    window.addToolBar(bar)
