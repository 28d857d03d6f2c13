"""A case sent to the insurer is not changed by a slip: above the person, where it stands and the two ways to change
it – a new draft made from it, or the sent case itself."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout

from estimator.case import REIMBURSED, SUBMITTED, paid_as_counted
from ui import formats
from ui.document import CaseDocument
from ui.language import status_text
from ui.register import note_text


class SentBar(QFrame):
    """ "Dieser Fall ist eingereicht. … [Als neuen Entwurf bearbeiten] [Diesen Fall ändern]": shown while the open case
    is no draft and takes no edits (CaseDocument.is_locked)."""

    def __init__(self, document: CaseDocument) -> None:
        super().__init__()
        self.document, self.text = document, note_text(self)
        self.draft_button = QPushButton(self.tr("Als neuen Entwurf bearbeiten"))
        self.draft_button.setToolTip(
            self.tr(
                "Eine Kopie als Entwurf bearbeiten; die Datei dieses Falls bleibt, wie sie ist "
                "(Speichern fragt nach einem neuen Namen)"
            )
        )
        self.draft_button.clicked.connect(document.edit_as_draft)
        self.change_button = QPushButton(self.tr("Diesen Fall ändern"))
        self.change_button.setToolTip(
            self.tr("Den Fall selbst ändern – etwa eine Korrektur, die dem Versicherer mitgeteilt wird")
        )
        self.change_button.clicked.connect(document.unlock_sent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 6, 6)
        layout.addWidget(self.text)
        layout.addWidget(self.draft_button)
        layout.addWidget(self.change_button)
        document.standing_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        case = self.document.case
        if not self.document.is_locked:
            self.hide()
            return
        paid = (
            self.tr(" ({0} gezahlt)").format(formats.money(paid))
            if (paid := paid_as_counted(case.status, case.paid)) is not None
            else ""
        )
        counts = {
            SUBMITTED: self.tr(
                "Seine Beträge sind die, mit denen er beim Versicherer liegt, und zählen für spätere Pläne der Person."
            ),
            REIMBURSED: self.tr("So hat der Versicherer ihn abgerechnet; für spätere Pläne der Person zählt er damit."),
        }.get(case.status, self.tr("So hat der Versicherer ihn abgelehnt."))
        self.text.setText(
            self.tr("Dieser Fall ist {0}{1}. {2} Änderungen werden daher nicht übernommen.").format(
                status_text(case.status), paid, counts
            )
        )
        self.show()
