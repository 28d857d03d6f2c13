"""The window and the case register: a saved case is entered, a known person's earlier plans are offered for the
staged caps, and Datei → Fälle … lists them all (ui.cases).

The register opens when it is first needed (after the window is shown: SQLite and the register's modules load
then); a register that cannot be used is said once, in the offer's place, and the window goes on without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from estimator.register import RegisterError
from estimator.wording import source_text
from ui.document import CaseDocument
from ui.language import language
from ui.plaintext import tip

if TYPE_CHECKING:
    from estimator.register.history import History
    from estimator.register.store import Register
    from ui.main_window import MainWindow

OFFER_DELAY_MS = 200  # the register is first asked after the window's first paint: opening it never delays the start
OFFER_STYLE = "QFrame#angebot { background: #fff4ce; border: 1px solid #e0c060; border-radius: 4px; }"


def note_text(frame: QFrame) -> QLabel:
    """A frame made a yellow note above the person (the register's offer, a sent case's choice); its text's label."""
    frame.setObjectName("angebot")
    frame.setStyleSheet(OFFER_STYLE)
    text = QLabel()
    text.setTextFormat(Qt.TextFormat.PlainText)
    text.setWordWrap(True)
    return text


class RegisterAccess(QObject):
    """The window's way to the register: opened once, problems said once."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._register: Register | None = None
        self.failed = ""  # why the register cannot be used
        self.problem = ""  # what is still to be said: that, or what was set aside on opening
        self.offer: HistoryOffer | None = None

    def register(self) -> Register | None:
        if self._register is None and not self.failed:
            try:
                from estimator.register.store import Register  # noqa: PLC0415 - loads after the window is shown

                self._register = Register()
                self.problem = self._register.notice
            except RegisterError as error:
                self.failed = self.problem = str(error)
        return self._register

    def record(self) -> None:
        """Enter the case just saved; a register that cannot take it leaves the saved file as it is."""
        document, register = self.window.document, self.register()
        if register is None or document.path is None:
            return
        try:
            from estimator.register.cases import record_case  # noqa: PLC0415 - see register()

            record_case(register, document.case, document.estimate, document.path)
        except (RegisterError, OSError) as error:
            self.window.statusBar().showMessage(
                self.tr("Gespeichert, aber nicht ins Fallregister eingetragen: {0}").format(error)
            )
            return
        if self.offer is not None:
            self.offer.check(force=True)

    def check_offer(self) -> None:
        if self.offer is not None:
            self.offer.check(force=True)

    def beside(self, panel: QWidget, document: CaseDocument) -> QWidget:
        """The person panel with the register's offer above it."""
        self.offer = HistoryOffer(self, document)
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.offer)
        layout.addWidget(panel, 1)
        return holder

    def show_cases(self) -> None:
        from ui.cases import CasesDialog  # noqa: PLC0415 - the list loads when asked for

        register = self.register()
        if register is None:
            self.window.show_error(self.tr("Fallregister"), self.failed)
            return
        self.cases = CasesDialog(self.window, register)
        self.cases.show()

    def close(self) -> None:
        if self._register is not None:
            self._register.close()
            self._register = None


class HistoryOffer(QFrame):
    """ "Frühere Pläne von Erika Mustermann im Fallregister: aus 2 früheren Plänen: Jahr 1 812,40 € …  [Übernehmen]":
    shown when the register knows earlier cases of the person and their amounts are not the person's yet."""

    def __init__(self, access: RegisterAccess, document: CaseDocument) -> None:
        super().__init__()
        self.text = note_text(self)
        self.access, self.document = access, document
        self.history: History | None = None
        self.dismissed: tuple[object, ...] | None = None
        self.asked: tuple[object, ...] | None = None
        self.problem_shown = False
        self.take_button = QPushButton(self.tr("Übernehmen"))
        self.take_button.setToolTip(
            self.tr(
                "Die Beträge in „ZE-Erstattung bisher“, „Selbstbehalt verbraucht“ und „PZR erstattet“ eintragen (rückgängig zu machen)"
            )
        )
        self.take_button.clicked.connect(self.take)
        close = QPushButton("×")
        close.setFlat(True)
        close.setFixedWidth(24)
        close.setToolTip(self.tr("Ausblenden"))
        close.clicked.connect(self.dismiss)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.take_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 6, 6)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.hide()
        document.changed.connect(self.check)
        QTimer.singleShot(OFFER_DELAY_MS, self.check)

    def _key(self) -> tuple[object, ...]:
        person, case = self.document.person, self.document.case
        return (
            person.name,
            person.birth_date,
            person.insurance_number,
            person.insurance_start,
            case.plan_date,
            min((line.date for line in self.document.estimate.lines), default=None),  # earlier means before this
            self.document.path,
        )

    def check(self, force: bool = False) -> None:
        """Ask the register again when who the plan is for (or when it is) has changed, or when forced (a save);
        after any other change only whether the offer is taken already."""
        if self.access.offer is not self:
            return
        key = self._key()
        if force or key != self.asked:
            self.asked = key
            register = self.access.register()
            if self.access.problem:  # said before any offer: the register was set aside, or cannot be used
                self.show_problem(self.access.problem)
                return
            from estimator.register.cases import history_for  # noqa: PLC0415 - see RegisterAccess.register

            try:
                found = (
                    history_for(register, self.document.case, self.document.estimate, self.document.path) if register else None
                )
            except RegisterError as error:
                self.show_problem(str(error))
                return
            self.history = found
        elif self.access.problem:
            return
        person, history = self.document.person, self.history
        taken = history is not None and bool(history.counted) and history.person_with(person) == person
        if history is None or taken or key == self.dismissed:
            self.hide()
            return
        self.problem_shown = False
        self.text.setText(self.tr("Im Fallregister: {0}").format(history.summary(language())))
        self.text.setToolTip(tip(source_text(history.source(), language())) if history.counted else "")
        self.take_button.setVisible(bool(history.counted))  # drafts alone: said, nothing to take
        self.show()

    def show_problem(self, problem: str) -> None:
        self.problem_shown = True
        self.text.setText(problem)
        self.text.setToolTip("")
        self.take_button.hide()
        self.show()

    def take(self) -> None:
        if self.history is None:
            return
        person = self.history.person_with(self.document.person)
        years = len(self.history.amounts)
        if self.document.replace_person(
            person, self.tr("Frühere Pläne aus dem Fallregister übernommen ({0} Jahre)").format(years)
        ):
            self.hide()

    def dismiss(self) -> None:
        if self.problem_shown:  # a problem, read: not said again; offers may follow
            self.access.problem = ""
            self.hide()
            self.check(force=True)
            return
        self.dismissed = self._key()
        self.hide()
