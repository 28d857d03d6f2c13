"""The service picker: GOZ, GOÄ and the lab list searched by number and by words, each with its fee at the
threshold factor (or the lab list's maximum price); a service goes into the plan once for each tooth chosen on
the tooth chart (none chosen: one line without a tooth), after the line selected, in one undoable step."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from estimator.model import FeeLine, LabLine
from estimator.planlines import new_fee_line, new_lab_line, teeth_of
from estimator.rules.engine import tariff_of
from estimator.tariff.services import COMPOUNDS, SCHEDULE_ORDER, SYNONYMS, Service, search
from estimator.teeth import VALID_TEETH
from ui import formats

if TYPE_CHECKING:
    from ui.main_window import MainWindow

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
NAME_ENDS = re.compile(r"[(,:;]| zur | zum ")  # a service's own name ends where its text goes on to what it is for


def naming(service: Service, words: list[str]) -> int:
    """How a service's own name (its text up to what it is for) holds a word of the search: 0 begins with it
    („Implantatinsertion“, „Einlagefüllung“), 1 has it as a noun („durch eine Vollkrone“, „Teilkrone“), 2 has it
    in a word („Kronenverlängerung“), 3 only later („zur Aufnahme einer Krone“) or not in its text."""
    name = re.findall(r"\w+", NAME_ENDS.split(service.text.lower(), maxsplit=1)[0])

    def noun(word: str, searched: str) -> bool:
        return word.endswith(tuple(searched + ending for ending in ("", "e", "n", "en", "s", "es")))

    def rank(searched: str) -> int:
        if name and (name[0].startswith(searched) or noun(name[0], searched)):
            return 0
        if any(noun(word, searched) for word in name):
            return 1
        return 2 if any(searched in word for word in name) else 3

    return min((rank(searched) for searched in words), default=3)


def by_name(found: list[Service], query: str) -> list[Service]:
    """The search's hits with those that are what the words name first, within each schedule; a number searched for
    stays first."""
    typed = unicodedata.normalize("NFKC", query).lower()  # full-width letters too, as the search reads them
    words = [part for word in re.findall(r"\w+", typed) for part in COMPOUNDS.get(word, (word,))]
    if not words or any(word.isdigit() or word in SYNONYMS for word in words):
        return found  # a number, or words the texts say otherwise: as the search ordered them
    return sorted(found, key=lambda s: (SCHEDULE_ORDER[s.schedule], naming(s, words)))


SCHEDULE_WORDS = frozenset({"goz", "goä", "goae", "ä", "ae", "labor", "lab", "bel", "b269"})  # what names a number's list


def teeth_in(query: str) -> tuple[str, list[int]]:
    """A search's tooth numbers beside its words or a number of three digits or more („krone 16“, „füllung 36 37“,
    „2080 36“): the words to search and the teeth in the order typed; no teeth when the search has nothing else beside
    them or only the name of a list (a two-digit number alone, „GOÄ“ or „labor“ with it, is a fee's number)."""
    tokens = query.split()
    tooth = [token.isdigit() and len(token) == 2 and int(token) in VALID_TEETH for token in tokens]
    rest = [token for token, is_tooth in zip(tokens, tooth, strict=True) if not is_tooth]
    words = [token for token in rest if re.search(r"[^\W\d_]", token)]
    numbers = [token for token in rest if token.isdigit() and len(token) >= 3]  # a fee's or lab code's number: „2080 36“
    named = numbers or [token for token in words if token.lower().strip(".:") not in SCHEDULE_WORDS]
    if not any(tooth) or not named:
        return query, []
    return " ".join(rest), list(dict.fromkeys(int(token) for token, is_tooth in zip(tokens, tooth, strict=True) if is_tooth))


CHOICE_STEPS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -10, Qt.Key.Key_PageDown: 10}


class ServicePicker(QDialog):
    """Search, choose, insert; Enter inserts the service under the cursor and the dialog stays for the next."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Leistung hinzufügen"))
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Nummer oder Wörter, z. B. krone, 2210, implantat, labor modell"))
        self.query.textChanged.connect(self.refresh)
        self.query.returnPressed.connect(self.insert)
        self.query.installEventFilter(self)  # ↑ and ↓ in the search choose among the results
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("GO"), self.tr("Nr."), self.tr("Leistung"), self.tr("Faktor"), self.tr("Betrag")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 56), (1, 64), (3, 56), (4, 96)):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda _index: self.insert())
        self.teeth = QLabel()
        self.teeth.setTextFormat(Qt.TextFormat.PlainText)  # it quotes what was typed
        self.teeth.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.insert_button = buttons.addButton(self.tr("Einfügen"), QDialogButtonBox.ButtonRole.ActionRole)
        for button in buttons.buttons():  # Enter inserts (the search field takes it), and the dialog stays
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        self.insert_button.clicked.connect(self.insert)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.teeth)
        layout.addWidget(buttons)
        self.resize(820, 520)
        self.found: list[Service] = []
        self.typed_teeth: list[int] = []  # teeth named in the search, taken before those chosen in the chart
        window.tooth_chart.teeth_chosen.connect(lambda _teeth: self.show_teeth())
        self.refresh()
        self.show_teeth()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """↑, ↓, Bild↑ and Bild↓ typed in the search move the choice among the results, so that Enter inserts the
        service the user moved to (the search keeps the focus for the next word)."""
        if watched is self.query and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            step = CHOICE_STEPS.get(Qt.Key(event.key()))
            if step is not None:
                if self.table.rowCount():
                    rows = self.table.selectionModel().selectedRows()
                    current = rows[0].row() if rows else -1
                    self.table.selectRow(min(self.table.rowCount() - 1, max(0, current + step)))
                return True
        return super().eventFilter(watched, event)

    def beside(self) -> FeeLine | LabLine | None:
        """The line selected in the window: new lines follow it (ui.lineactions) on its treatment day – a service added
        among the lines of a day belongs to that day, not to the plan date in another year (another deductible)."""
        chosen = self.window_.current_line()
        return chosen[0].lines[chosen[1]] if chosen else None

    def day(self) -> dt.date:
        """The treatment day of new lines, for the catalogues in force: the selected line's, else the plan date, else
        today."""
        line = self.beside()
        return (line.date if line else None) or self.window_.document.case.plan_date or dt.date.today()

    def refresh(self) -> None:
        document = self.window_.document
        catalogues = tariff_of(document.estimate.plan, document.tariffs)[0].on(self.day())
        searched, self.typed_teeth = teeth_in(self.query.text())
        self.found = by_name(search(catalogues, searched), searched)
        lab_name = self.tr("Labor")
        self.table.setRowCount(len(self.found))
        for row, service in enumerate(self.found):
            cells = [
                service.schedule.value if service.schedule else lab_name,
                service.number,
                service.text,
                formats.factor(service.factor) if service.factor is not None else "",
                formats.money(service.price) if service.price is not None else "–",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 3:
                    item.setTextAlignment(RIGHT)
                if column == 2:
                    item.setToolTip(service.text)
                self.table.setItem(row, column, item)
        if self.found:
            self.table.selectRow(0)
        words = re.findall(r"\w+", self.query.text())
        if self.query.text().strip() and not words:
            self.teeth.setText(self.tr("Bitte eine Nummer oder Wörter eingeben (Zeichen allein finden nichts)."))
        elif words and not self.found:
            self.teeth.setText(self.tr("Nichts gefunden für „{0}“.").format(self.query.text().strip()))
        else:
            self.show_teeth()

    def show_teeth(self) -> None:
        if self.typed_teeth:
            typed = ", ".join(map(str, self.typed_teeth))
            self.teeth.setText(self.tr("Für Zahn {0} (aus der Suche): eine Zeile je Zahn.").format(typed))
            return
        chosen = self.window_.tooth_chart.chosen
        self.teeth.setText(
            self.tr("Für Zahn {0}: eine Zeile je Zahn. Im Zahnschema wählen, mehrere mit Strg oder Umschalt.").format(
                ", ".join(map(str, chosen))
            )
            if chosen
            else self.tr("Ohne Zahn. Zähne im Zahnschema wählen (mehrere mit Strg oder Umschalt): eine Zeile je Zahn.")
        )

    def insert(self) -> bool:
        """The chosen service into the plan, once per chosen tooth, after the selected line of its kind."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return False
        service = self.found[rows[0].row()]
        teeth: list[int | None] = [*(self.typed_teeth or self.window_.tooth_chart.chosen)] or [None]
        line = self.beside()  # its day as it stands: without a date (the plan date) or a session stays so
        day, session = (line.date, line.session) if line else (self.day(), "")
        lines: list[FeeLine | LabLine]
        if service.kind == "fee":
            assert service.schedule is not None and service.factor is not None
            lines = [
                new_fee_line(service.number, service.schedule, teeth_of([t] if t else []), day, service.factor) for t in teeth
            ]
        else:
            price = service.price if service.price is not None else Decimal(0)
            lines = [new_lab_line(service.number, teeth_of([t] if t else []), day, price) for t in teeth]
        lines = [dataclasses.replace(new, session=session) for new in lines] if session else lines
        return self.window_.line_actions.add(service.kind, lines)
