"""Help in the program: the short German guide (Hilfe → Anleitung, F1) and the welcome of the first start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from estimator.resources import RESOURCES

if TYPE_CHECKING:
    from ui.files import FileActions
    from ui.lineactions import LineActions

GUIDE = RESOURCES / "help" / "anleitung.html"


class GuideDialog(QDialog):
    """The guide bundled with the program, in a browser that opens no link outside it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Anleitung – HKP-Schätzer"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setSource(QUrl.fromLocalFile(str(GUIDE)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 640)


class WelcomeDialog(QDialog):
    """One screen at the first start without a file: the example is open behind it; open a plan or a template."""

    def __init__(self, parent: QWidget, files: FileActions, lines: LineActions) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Willkommen"))
        text = QLabel(
            self.tr(
                "<h3>Willkommen beim HKP-Schätzer</h3>"
                "<p>Er rechnet aus einem Heil- und Kostenplan, was der Tarif erstattet und was der Patient selbst "
                "zahlt – jede Zeile mit Begründung.</p>"
                "<p>Hinter diesem Fenster ist ein Beispielplan geöffnet. Ein eigener Plan kommt als Excel-Arbeitsmappe "
                "mit den Blättern Patient, Leistungen und Labor (die Vorlage zeigt, wie), oder er entsteht hier: "
                "„Neuer Plan“, dann Leistungen mit Strg+Einfg hinzufügen.</p>"
                "<p>Hilfe → Anleitung (F1) erklärt alles Weitere.</p>"
            )
        )
        text.setWordWrap(True)
        self.example = QPushButton(self.tr("Beispiel ansehen"))
        self.open_plan = QPushButton(self.tr("Plan öffnen …"))
        self.template = QPushButton(self.tr("Excel-Vorlage speichern …"))
        self.new_plan = QPushButton(self.tr("Neuer Plan"))
        self.example.setDefault(True)
        self.example.clicked.connect(self.accept)
        self.files, self.lines = files, lines
        self.new_plan.clicked.connect(self._new_plan)
        self.open_plan.clicked.connect(self._open_plan)
        self.template.clicked.connect(self._save_template)
        buttons = QDialogButtonBox()
        for button in (self.example, self.open_plan, self.new_plan, self.template):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(560, 280)

    def _new_plan(self) -> None:
        self.accept()
        self.lines.new_plan()

    def _open_plan(self) -> None:
        self.accept()
        self.files.choose_and_open()

    def _save_template(self) -> None:
        self.accept()
        self.files.save_template()
