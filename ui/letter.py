"""The letter from the window: Einstellungen → Praxis, the letterhead of every letter (name, address, phone,
e-mail, logo), checked as `hkp estimate --letterhead` checks a letterhead file and saved to such a file for the
command line; and the case's note to the patient, which the letter prints above its tables."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from estimator.files import atomic_write_text, file_problem
from estimator.letterhead import TEXT_LIMITS, Letterhead, LetterheadError, email_problem, to_toml
from estimator.model import MAX_NOTE, note_fits
from ui import formats
from ui.document import CaseDocument, note_size
from ui.settings import ADDRESS, EMAIL, LOGO, PHONE, PRACTICE, Settings

NOTE_PAUSE_MS = 600  # the note is taken into the case when the typing pauses this long
FIELDS = {"practice": PRACTICE, "address": ADDRESS, "phone": PHONE, "email": EMAIL, "logo": LOGO}


def stored_letterhead(settings: Settings) -> tuple[Letterhead, str]:
    """The letterhead the settings hold, and what was left out of it because it can no longer be used (a logo
    file that was moved, say), in words; never an exception."""
    values = {name: settings.get(setting)[: TEXT_LIMITS[name]] for name, setting in FIELDS.items()}
    said = [email_problem(values["email"])]  # an address stored before it was checked
    values["email"] = "" if said[0] else values["email"]
    try:
        return Letterhead(**values), "; ".join(filter(None, said))
    except LetterheadError as error:
        return Letterhead(**{**values, "logo": ""}), "; ".join(filter(None, [*said, str(error)]))


class PracticeDialog(QDialog):
    """The letterhead as a form; OK only with a letterhead that can be used."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Praxis (Briefkopf)"))
        current, _ = stored_letterhead(settings)
        self.practice = QLineEdit(current.practice)
        self.address = QPlainTextEdit(current.address)
        self.address.setPlaceholderText(self.tr("Musterstraße 1\n12345 Musterstadt"))
        self.address.setFixedHeight(64)
        self.phone = QLineEdit(current.phone)
        self.email = QLineEdit(current.email)
        self.logo = QLineEdit(current.logo)
        self.logo.setPlaceholderText(self.tr("PNG oder JPEG, höchstens 2 MB (freiwillig)"))
        choose = QPushButton(self.tr("Wählen …"))
        choose.clicked.connect(self.choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo)
        logo_row.addWidget(choose)
        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e")
        form = QFormLayout()
        form.addRow(self.tr("Name der Praxis"), self.practice)
        form.addRow(self.tr("Anschrift"), self.address)
        form.addRow(self.tr("Telefon"), self.phone)
        form.addRow(self.tr("E-Mail"), self.email)
        form.addRow(self.tr("Logo"), logo_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        export = buttons.addButton(self.tr("Für „hkp“ speichern …"), QDialogButtonBox.ButtonRole.ActionRole)
        export.setToolTip(self.tr("als Datei für hkp estimate --letterhead DATEI"))
        export.clicked.connect(self._save_file_asked)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(520, 0)

    def letterhead(self) -> Letterhead | None:
        """The letterhead in the form, or None with the reason shown."""
        try:
            letterhead = Letterhead(
                self.practice.text().strip(),
                self.address.toPlainText().strip(),
                self.phone.text().strip(),
                self.email.text().strip(),
                self.logo.text().strip(),
            )
        except LetterheadError as error:
            self.problem.setText(str(error))
            return None
        self.problem.clear()
        return letterhead

    def choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Logo wählen"), "", self.tr("Bilder (*.png *.jpg *.jpeg)"))
        if name:
            self.logo.setText(name)
            self.letterhead()

    def _save_file_asked(self) -> None:
        self.save_file()

    def save_file(self, path: Path | None = None) -> bool:
        letterhead = self.letterhead()
        if letterhead is None:
            return False
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Briefkopf speichern"), "briefkopf.toml", "TOML (*.toml)")
            if not name:
                return False
            path = Path(name)
        try:
            atomic_write_text(path, to_toml(letterhead))
        except OSError as error:
            self.problem.setText(file_problem(error))
            return False
        return True

    def accept(self) -> None:
        letterhead = self.letterhead()
        if letterhead is None:
            return
        for name, setting in FIELDS.items():
            self.settings.set(setting, getattr(letterhead, name))
        super().accept()


class NoteEditor(QWidget):
    """The note to the patient: typed here, taken into the case (undoable) when the typing pauses."""

    def __init__(self, document: CaseDocument) -> None:
        super().__init__()
        self.document = document
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            self.tr("Text an den Patienten, z. B. „Die Krone an 16 ist nach Absprache vollkeramisch geplant.“")
        )
        self.text.setPlainText(document.case.note)
        self.synced = document.case.note  # the case's note the editor last showed or gave
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(NOTE_PAUSE_MS)
        self.timer.timeout.connect(self.take)
        self.text.textChanged.connect(self.timer.start)
        hint = QLabel(
            self.tr("Steht im Brief über den Tabellen (höchstens {0} Zeichen).").format(formats.plain(Decimal(MAX_NOTE), 0))
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e")
        self.problem.hide()
        layout.addWidget(hint)
        layout.addWidget(self.text)
        layout.addWidget(self.problem)
        document.changed.connect(self.refresh)
        document.standing_changed.connect(self.follow_lock)
        self.follow_lock()

    def follow_lock(self) -> None:
        """A sent case takes no edit (CaseDocument.is_locked): nothing is typed here that it would not take."""
        self.text.setReadOnly(self.document.is_locked)

    def take(self) -> bool:
        """The text into the case; a text the case cannot take stays in the editor with the reason."""
        self.timer.stop()
        text = self.text.toPlainText()
        self.show_fit(text)
        if text == self.document.case.note:
            return True
        before, self.synced = self.synced, text  # before the case says it changed: the text shown is this one
        taken = self.document.edit_note(text)
        if not taken:
            self.synced = before
        return taken

    def show_fit(self, text: str) -> None:
        """A text too long for the letter stays here, said in red beside it until it is shortened: the case keeps the
        last one that fitted."""
        if note_fits(text):
            self.problem.hide()
            return
        said = self.tr(
            "Zu lang für den Brief: {0} Zeichen in {1} Zeile(n), höchstens {2} Zeichen in {3} Zeilen – so nicht im Fall gespeichert; bitte kürzen."
        )
        self.problem.setText(said.format(*note_size(text)))
        self.problem.show()

    def not_kept(self) -> str:
        """What saving or closing now would lose of the note, in words; "" when the case holds what is shown."""
        text = self.text.toPlainText()
        if text == self.document.case.note:
            return ""
        said = self.tr(
            "Der Text an den Patienten ist zu lang für den Brief ({0} Zeichen in {1} Zeile(n), höchstens {2} Zeichen in {3} "
            "Zeilen) und wird so nicht im Fall gespeichert; der Fall behält den vorigen. Bitte kürzen."
        )
        return said.format(*note_size(text))

    def refresh(self) -> None:
        """Show the case's note when it changed (undo, redo); what is typed here is never replaced otherwise."""
        note = self.document.case.note
        if note != self.synced and not self.timer.isActive():
            self.synced = note
            self.text.setPlainText(note)
            self.timer.stop()  # shown, not typed: taking it again as an edit would end the redo of an undo
            self.text.moveCursor(QTextCursor.MoveOperation.End)
            self.show_fit(note)
