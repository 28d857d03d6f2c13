"""Which lines the tables show: those of a tooth clicked in the chart, or those a cause of the patient's share applies
to; the tabs count the plan's lines, and while a filter hides some, how many of them are shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from estimator.kinds import Cause
from estimator.wording import cause_label
from ui.language import language

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class LineFilters(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def show_counts(self) -> None:
        window = self.window
        plan = window.document.estimate.plan
        for tab, name, total, view in (
            (0, self.tr("Leistungen"), len(plan.fee_lines), window.fee_filter),
            (1, self.tr("Labor"), len(plan.lab_lines), window.lab_filter),
        ):
            count = self.tr("{0} von {1}").format(view.rowCount(), total) if view.filtering() else str(total)
            window.lines_tabs.setTabText(tab, f"{name} ({count})")

    def tooth(self, tooth: int | None) -> None:
        """Only the lines of a tooth (None: all lines)."""
        window = self.window
        window.fee_filter.set_tooth(tooth)
        window.lab_filter.set_tooth(tooth)
        window.tooth_chart.selected = tooth
        window.tooth_chart.update()
        self.show_counts()
        message = self.tr("Nur Zeilen von Zahn {0}").format(tooth) if tooth else self.tr("Alle Zeilen")
        window.statusBar().showMessage(message, 5000)

    def cause(self, cause: Cause | None) -> None:
        """Only the lines a cause of the patient's share applies to (None: all lines); the tab that has them shown."""
        window = self.window
        window.fee_filter.set_cause(cause)
        window.lab_filter.set_cause(cause)
        fees, labs = window.fee_filter.rowCount(), window.lab_filter.rowCount()
        if cause is not None and (fees or labs):
            window.lines_tabs.setCurrentIndex(0 if fees else 1)
        self.show_counts()
        label = cause_label(cause, language()) if cause else ""
        message = self.tr("Nur die {0} Zeilen mit {1}").format(fees + labs, label) if cause else self.tr("Alle Zeilen")
        window.statusBar().showMessage(message, 5000)
