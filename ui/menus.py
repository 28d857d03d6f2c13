"""The window's menus and its toolbar of the daily actions: open, save, print, PDF, review."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSize
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QToolBar

from ui.settings import LANGUAGE

if TYPE_CHECKING:
    from ui.main_window import MainWindow

Shortcut = QKeySequence | QKeySequence.StandardKey | None


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
        self.build(window)

    def build(self, window: MainWindow) -> None:
        files = window.files
        file_menu = window.menuBar().addMenu(self.tr("&Datei"))
        window.open_action = add_action(
            window, self.tr("Ö&ffnen …"), QKeySequence.StandardKey.Open, files.choose_and_open, file_menu
        )
        window.recent_menu = file_menu.addMenu(self.tr("&Zuletzt geöffnet"))
        file_menu.addSeparator()
        save = add_action(window, self.tr("Fall &speichern"), QKeySequence.StandardKey.Save, files.save, file_menu)
        add_action(window, self.tr("Fall speichern &unter …"), QKeySequence.StandardKey.SaveAs, files.save_as, file_menu)
        file_menu.addSeparator()
        preview = add_action(window, self.tr("Druck&vorschau …"), QKeySequence("Ctrl+Shift+P"), files.preview_letter, file_menu)
        printing = add_action(window, self.tr("&Drucken …"), QKeySequence.StandardKey.Print, files.print_letter, file_menu)
        pdf = add_action(window, self.tr("&PDF exportieren …"), QKeySequence("Ctrl+E"), files.export_pdf, file_menu)
        exports = file_menu.addMenu(self.tr("Schätzung e&xportieren"))
        add_action(window, self.tr("als &Excel-Arbeitsmappe …"), None, lambda: files.export_estimate("xlsx"), exports)
        add_action(window, self.tr("als &JSON …"), None, lambda: files.export_estimate("json"), exports)
        add_action(window, self.tr("Excel-&Vorlage speichern …"), None, files.save_template, file_menu)
        file_menu.addSeparator()
        add_action(window, self.tr("&Beenden"), QKeySequence.StandardKey.Quit, window.close, file_menu)
        window.edit_menu = window.menuBar().addMenu(self.tr("&Bearbeiten"))
        settings_menu = window.menuBar().addMenu(self.tr("&Einstellungen"))
        language = settings_menu.addMenu(self.tr("&Sprache"))
        current = window.settings.get(LANGUAGE)
        for code, name in (("de", "Deutsch"), ("en", "English")):
            action = language.addAction(name)
            action.setCheckable(True)
            action.setChecked(current == code)
            action.triggered.connect(lambda _checked=False, code=code: window.set_language(code))
        add_action(window, self.tr("&Praxis (Briefkopf) …"), None, window.edit_practice, settings_menu)
        help_menu = window.menuBar().addMenu(self.tr("&Hilfe"))
        add_action(window, self.tr("&Anleitung"), QKeySequence.StandardKey.HelpContents, window.show_guide, help_menu)
        add_action(window, self.tr("Ü&ber"), None, window.about, help_menu)
        _toolbar(
            window,
            [(window.open_action, "document-open", "SP_DialogOpenButton"), (save, "document-save", "SP_DialogSaveButton")],
            [
                (preview, "document-print-preview", "SP_FileDialogContentsView"),
                (printing, "document-print", "SP_FileIcon"),
                (pdf, "document-export", "SP_ArrowDown"),
            ],
        )


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
            action.setIcon(QIcon.fromTheme(theme, window.style().standardIcon(getattr(QStyle.StandardPixmap, fallback))))
            bar.addAction(action)
    window.addToolBar(bar)
