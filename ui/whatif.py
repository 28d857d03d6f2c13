"""What if: the alternatives side by side (as planned, the other choice of cooperating dentist and of accident,
and the staged-cap planner's suggestion) with their benefit, own share and each cause of it; the planner's
suggestion can be applied to the plan (it moves those treatment dates, in one undoable step)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from estimator.kinds import Cause
from estimator.model import Estimate, Plan
from estimator.tariff.catalogues import Tariffs
from estimator.wording import cause_label, sentence
from ui import formats
from ui.document import CaseDocument
from ui.language import language

if TYPE_CHECKING:
    from estimator.rules.whatif import Split

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Comparison:
    """The alternatives (name, estimate) and the planner's split, for the plan they were computed for."""

    plan: Plan
    columns: tuple[tuple[str, Estimate], ...]
    split: Split


def compare(plan: Plan, tariffs: Tariffs, settings: Mapping[str, object], lang: str) -> Comparison:
    """The work of the tab (on the worker thread): every alternative estimated, and the planner's best split."""
    from estimator.rules.whatif import alternatives, best_split  # noqa: PLC0415 - loaded when the tab is first shown

    columns = [(sentence(f"scenario_{s.name}", lang), s.estimate) for s in alternatives(plan, tariffs, settings)]
    split = best_split(plan, tariffs, settings)
    if split.moves:
        columns.append((sentence("scenario_planner", lang), split.estimate))
    return Comparison(plan, tuple(columns), split)


class WhatIfPanel(QWidget):
    """The comparison as a table, the planner's advice in words, and the button that applies it."""

    def __init__(self, document: CaseDocument) -> None:
        super().__init__()
        self.document = document
        self.comparison: Comparison | None = None
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(20)
        self.advice = QLabel()
        self.advice.setTextFormat(Qt.TextFormat.PlainText)
        self.advice.setWordWrap(True)
        self.apply = QPushButton(self.tr("Vorschlag übernehmen"))
        self.apply.setToolTip(self.tr("verlegt die Behandlungstermine wie vorgeschlagen; Rückgängig nimmt es zurück"))
        self.apply.clicked.connect(self.apply_split)
        self.apply.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.advice, 1)
        row.addWidget(self.apply)
        self.column = layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def show_busy(self) -> None:
        self.advice.setText(self.tr("Wird berechnet …"))
        self.apply.setEnabled(False)

    def present(self, comparison: Comparison) -> None:
        """Fill the table: a column per alternative, a row per figure and per cause of the own share."""
        self.comparison = comparison
        lang = language()
        base = comparison.columns[0][1].totals.benefit
        causes = [c for c in Cause if any(e.reductions.get(c) for _, e in comparison.columns)]
        rows: list[tuple[str, list[str]]] = [
            (self.tr("erstattungsfähig"), [formats.money(e.totals.eligible) for _, e in comparison.columns]),
            (self.tr("Erstattung"), [formats.money(e.totals.benefit) for _, e in comparison.columns]),
            (self.tr("Eigenanteil"), [formats.money(e.totals.patient_share) for _, e in comparison.columns]),
            (self.tr("Erstattung gegenüber dem Plan"), [_difference(e.totals.benefit - base) for _, e in comparison.columns]),
            *[
                (
                    self.tr("davon {0}").format(cause_label(c, lang)),
                    [formats.money(e.reductions.get(c, Decimal(0))) for _, e in comparison.columns],
                )
                for c in causes
            ],
        ]
        self.table.clear()
        self.table.setColumnCount(len(comparison.columns))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels([name for name, _ in comparison.columns])
        self.table.setVerticalHeaderLabels([label for label, _ in rows])
        for number, (_, values) in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setTextAlignment(RIGHT)
                self.table.setItem(number, column, item)
        self.table.resizeColumnsToContents()
        for column in range(len(comparison.columns)):
            self.table.setColumnWidth(column, max(140, self.table.columnWidth(column) + 12))
        split = comparison.split
        section = split.estimate.limits.cap_section
        if split.moves:
            from estimator.output.whatiftext import gain_text, move_text  # noqa: PLC0415 - loads when its tab is shown

            moves = "; ".join(move_text(move, lang) for move in split.moves)
            gain = gain_text(split, comparison.columns[0][1], lang)
            with_them = f"; {sentence('planner_with', lang, lines='; '.join(split.toothless))}" if split.toothless else ""
            self.advice.setText(f"{sentence('planner', lang, section=section)} {moves}{with_them}. {gain}")
        else:
            stay = "planner_stay" if comparison.columns[0][1].reductions.get(Cause.STAGED_CAP) else "planner_no_cap"
            self.advice.setText(f"{sentence('planner', lang, section=section)} {sentence(stay, lang)}")
        self.apply.setEnabled(bool(split.moves) and comparison.plan is self.document.estimate.plan)

    def wanted_height(self) -> int:
        """The height that shows every row of the table and the advice below it."""
        table = self.table
        rows = sum(table.rowHeight(row) for row in range(table.rowCount()))
        scroll_bar = table.horizontalScrollBar().sizeHint().height()  # shown when the columns do not fit
        frame = 2 * table.frameWidth() + table.horizontalHeader().height() + scroll_bar
        return rows + frame + self.column.spacing() + max(self.advice.heightForWidth(self.advice.width()), 24)

    def apply_split(self) -> bool:
        """Move the treatment dates as the planner suggests, in one undoable step."""
        comparison = self.comparison
        if comparison is None or not comparison.split.moves or comparison.plan is not self.document.estimate.plan:
            return False
        return self.document.edit_dates(comparison.split.dates, self.tr("Vorschlag der Zahnstaffel-Planung übernommen"))


def _difference(amount: Decimal) -> str:
    return "–" if not amount else ("+" if amount > 0 else "") + formats.money(amount)
