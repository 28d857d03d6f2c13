"""Why the patient pays this: a waterfall from the plan's total to the benefit, one step per cause of the
patient's share with its euros (from the estimate's reductions, which sum to the share to the cent); a click
on a cause shows only the lines it applies to, a second click all lines again."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from estimator.kinds import Cause
from estimator.rules.causes import cause_sections
from estimator.wording import cause_label, reductions_that_apply
from ui import formats
from ui.document import CaseDocument
from ui.language import language

TOTAL = QColor("#44546a")
BENEFIT = QColor("#0f5e6e")
REDUCTION = QColor("#c0504d")
CHOSEN = QColor("#8c2a1c")
ABOVE, BELOW = 40.0, 34.0  # room for the caption and the amounts above the bars, for the names below them


@dataclass(frozen=True)
class Step:
    """One bar: a total (cause None) or a cause with what it took; `top` and `bottom` in euros."""

    label: str
    amount: Decimal
    top: Decimal
    bottom: Decimal
    cause: Cause | None = None


def steps(document: CaseDocument) -> list[Step]:
    """Total billed, each cause that took something, the benefit: the bars of the waterfall."""
    totals = document.estimate.totals
    bars = [Step(QCoreApplication.translate("Waterfall", "Gesamtkosten"), totals.billed, totals.billed, Decimal(0))]
    level = totals.billed
    sections = cause_sections(document.estimate, document.tariffs)
    for cause, amount in reductions_that_apply(document.estimate.reductions):
        bars.append(Step(cause_label(cause, language(), section=sections.get(cause, "")), amount, level, level - amount, cause))
        level -= amount
    bars.append(Step(QCoreApplication.translate("Waterfall", "Erstattung"), totals.benefit, totals.benefit, Decimal(0)))
    return bars


class Waterfall(QWidget):
    """The waterfall chart; `cause_chosen` gives the cause clicked (None: all lines again)."""

    cause_chosen = Signal(object)

    def __init__(self, document: CaseDocument) -> None:
        super().__init__()
        self.document = document
        self.chosen: Cause | None = None
        self._steps: tuple[object, list[Step]] = (None, [])  # the steps of an estimate: each paint and hover asks
        self.setMinimumHeight(150)
        self.setMouseTracking(True)
        self.setToolTip(self.tr("Ein Klick auf eine Ursache zeigt nur ihre Zeilen; ein zweiter Klick alle Zeilen."))
        document.changed.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(900, 190)

    def choose(self, cause: Cause | None) -> None:
        self.chosen = None if cause == self.chosen else cause
        self.update()
        self.cause_chosen.emit(self.chosen)

    @property
    def bars(self) -> list[tuple[QRectF, Step]]:
        """Each bar's rectangle in the widget as it is sized now, with its step."""
        if self._steps[0] is not self.document.estimate:
            self._steps = (self.document.estimate, steps(self.document))
        bars = self._steps[1]
        highest = max((step.top for step in bars), default=Decimal(0)) or Decimal(1)
        bottom = float(self.height() - BELOW)
        slot = (self.width() - 16) / len(bars)
        scale = (bottom - ABOVE) / float(highest)
        placed = []
        for position, step in enumerate(bars):
            y_top, y_bottom = bottom - float(step.top) * scale, bottom - float(step.bottom) * scale
            placed.append((QRectF(8 + position * slot + slot * 0.15, y_top, slot * 0.7, max(1.5, y_bottom - y_top)), step))
        return placed

    def step_at(self, point: QPointF) -> Step | None:
        """The bar under a point, or in the column above or below it."""
        return next((step for rect, step in self.bars if rect.left() - 2 <= point.x() <= rect.right() + 2), None)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        step = self.step_at(event.position())
        if step is not None and step.cause is not None:
            self.choose(step.cause)
        elif step is not None:
            self.choose(self.chosen)  # a total: all lines again

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        step = self.step_at(event.position())
        if step is not None:
            QToolTip.showText(event.globalPosition().toPoint(), f"{step.label}: {formats.money(step.amount)}", self)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bars = self.bars
        bottom = float(self.height() - BELOW)
        text = self.palette().text().color()
        for position, (rect, step) in enumerate(bars):
            colour = TOTAL if position == 0 else BENEFIT if step.cause is None else REDUCTION
            painter.fillRect(rect, CHOSEN if step.cause is not None and step.cause == self.chosen else colour)
            slot = rect.width() / 0.7
            if position + 1 < len(bars):  # the level carried to the next bar
                painter.setPen(QPen(QColor("#9fb3bf"), 1, Qt.PenStyle.DashLine))
                level = rect.bottom() if step.cause is not None else rect.top()
                painter.drawLine(QPointF(rect.right(), level), QPointF(bars[position + 1][0].left(), level))
            painter.setPen(text)
            amount = ("−" if step.cause is not None else "") + formats.money(step.amount)
            column = QRectF(rect.left() - slot * 0.15, rect.top() - 18, slot, 16)
            painter.drawText(column, Qt.AlignmentFlag.AlignCenter, amount)
            painter.drawText(
                QRectF(column.left(), bottom + 4, slot, BELOW - 4),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap),
                step.label,
            )
        painter.setPen(QPen(QColor("#9fb3bf"), 1))
        painter.drawLine(QPointF(8, bottom), QPointF(self.width() - 8, bottom))
        painter.setPen(text)
        painter.drawText(QRectF(8, 2, self.width() - 16, 16), int(Qt.AlignmentFlag.AlignLeft), self.caption())
        painter.end()

    def caption(self) -> str:
        """What the steps add up to: the patient's share, named above the chart (its bars end at the benefit)."""
        estimate = self.document.estimate
        share = formats.money(estimate.totals.patient_share)
        if estimate.figures_incomplete:  # as the totals name it then
            return self.tr("Eigenanteil ohne fehlende Zeilen {0}: die Summe der roten Stufen").format(share)
        return self.tr("Eigenanteil {0}: die Summe der roten Stufen – was von den Gesamtkosten nicht erstattet wird").format(
            share
        )
