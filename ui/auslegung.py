"""Einstellungen → Auslegung dieses Falls …: how the estimate reads the tariff where its text leaves room, chosen for
the open case (kept in its case file, undoable, printed on every estimate as before)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from estimator.auslegung import Auslegung, setting_value
from estimator.tariff.profile import Profile
from ui.language import language

if TYPE_CHECKING:
    from ui.main_window import MainWindow


CHOICE_CHARACTERS = 48  # the width of a choice's box in characters: the dialog fits a screen of 1024 pixels


def _words(term: object) -> str:
    return str(getattr(term, "en" if language() == "en" else "de"))


class AuslegungDialog(QDialog):
    """One choice per setting of the tariff profile that has more than one value, named as the letter names it, the
    profile's default marked; what differs from the default is the case's choice."""

    def __init__(self, parent: QWidget, profile: Profile, current: Auslegung) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Auslegung dieses Falls"))
        self.profile = profile
        self.boxes: dict[str, QComboBox] = {}
        form = QFormLayout()
        names = profile.auslegung_names
        for name in Auslegung.names():
            choices = profile.auslegung_choices.get(name, ())
            if len(choices) < 2:
                continue  # nothing to choose (what an accident lifts)
            box = QComboBox()
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(CHOICE_CHARACTERS)  # a long choice is read whole in the open list and tooltip
            default = getattr(profile.auslegung, name)
            for value in choices:
                said = _words(names.describe(name, value)[1])
                shown = self.tr("Vorgabe: {0}").format(said) if value == default else said  # first: a closed box cuts the end
                box.addItem(shown, setting_value(value))
            box.setCurrentIndex(choices.index(getattr(current, name)))
            widest = max(box.fontMetrics().horizontalAdvance(box.itemText(i)) for i in range(box.count()))
            box.view().setTextElideMode(Qt.TextElideMode.ElideNone)
            box.view().setMinimumWidth(widest + 32)
            box.setToolTip(box.currentText())
            box.currentTextChanged.connect(box.setToolTip)
            label = QLabel(_words(names.describe(name, default)[0]))
            label.setToolTip(f"--set {name}=…")
            form.addRow(label, box)
            self.boxes[name] = box
        note = QLabel(
            self.tr(
                "Die Vorgabe ist die Lesart zugunsten des Versicherten, wo der Tariftext Raum lässt – außer beim Umfang "
                "der Implantatgrenze (8 je Kiefer), deren Vorgabe den Rechenbeispielen der Regeln folgt. Jede Schätzung "
                "nennt die gewählte Auslegung."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        screen = parent.screen().availableGeometry()
        self.resize(min(self.sizeHint().width(), screen.width() - 40), min(self.sizeHint().height(), screen.height() - 40))

    def chosen(self) -> dict[str, str]:
        """The settings that differ from the profile's defaults, as a case file keeps them (--set NAME=VALUE)."""
        defaults = self.profile.auslegung
        return {
            name: str(box.currentData())
            for name, box in self.boxes.items()
            if box.currentData() != setting_value(getattr(defaults, name))
        }


def ask_auslegung(window: MainWindow) -> None:
    """The dialog for the open case; its choice taken as one undoable change."""
    document = window.document
    dialog = AuslegungDialog(window, document.tariff.profile, document.estimate.settings)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        document.change_settings(dialog.chosen())
