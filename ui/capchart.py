"""The staged cap per insurance year as bars beside the totals: used before, used by this plan, left."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from estimator.limitrecords import CapYear
from ui import formats
from ui.document import CaseDocument

USED_BEFORE, THIS_PLAN, LEFT = QColor("#9aa5b1"), QColor("#1f4e79"), QColor("#dfe7ef")
BEFORE_BESIDE = QColor("#5f6b7a")  # an amount used before, said beside its bar: a darker grey that reads on the window
SQUEEZE = 0.5  # the bars give up at most half their width so that the amounts said beside them fit
Part = tuple[Decimal, QColor, QColor, int, tuple[str, str]]  # amount, fill, colour beside, place beside, texts


class CapChart(QWidget):
    """The staged cap per insurance year as bars: used before, used by this plan, left."""

    def __init__(self, document: CaseDocument) -> None:
        super().__init__()
        self.document = document
        self.setMinimumHeight(78)
        document.changed.connect(self.update)
        document.changed.connect(self.describe)
        self.describe()

    def describe(self) -> None:
        """Every year's amounts in the tooltip: the bars show those that fit."""
        lines = [self.tr("Staffel Zahnersatz: grau bisher, blau dieser Plan, hell noch frei")]
        for year, expired in zip(self.document.estimate.limits.staged_cap, self.expired(), strict=True):
            text = self.tr("Jahr {0} ({1} – {2}): {3}; vor diesem Plan erstattet {4}, dieser Plan bis dahin {5}, {6}")
            left = self.tr("abgelaufen") if expired else self.tr("noch frei {0}").format(formats.money(year.left))
            if year.held_by and not expired:  # a later year's benefits leave less than this year's own cap
                left += self.tr(" – so viel lässt die Grenze der Versicherungsjahre 1 bis {0}").format(year.held_by[0])
            lines.append(
                text.format(
                    year.year,
                    formats.day(year.start),
                    formats.day(year.end),
                    formats.money(year.cumulative_cap),
                    formats.money(year.before_plan),
                    formats.money(year.plan_so_far),
                    left,
                )
            )
        self.setToolTip("\n".join(lines))

    def expired(self) -> list[bool]:
        """Whether each year ended before the plan's first treatment day (what it left is no longer to be used)."""
        estimate = self.document.estimate
        first = min((line.date for line in estimate.lines), default=estimate.plan.plan_date)
        return [first is not None and year.end < first for year in estimate.limits.staged_cap]

    def sizeHint(self) -> QSize:
        return QSize(380, 92)

    def paintEvent(self, event: QPaintEvent) -> None:
        years = self.document.estimate.limits.staged_cap
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        expired = self.expired()
        if not years or all(expired):  # a plan after the years with caps: no bar to show
            if self.document.person.insurance_start is None:
                text = self.tr("Kein gültiger Versicherungsbeginn: Staffel wie im 1. Versicherungsjahr angewandt")
            else:
                text = self.tr("keine Staffel (nach dem {0}. Versicherungsjahr oder Unfall)")
                text = text.format(self.document.tariff.profile.cap_years)
            flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
            painter.drawText(self.rect().adjusted(4, 0, -4, 0), flags, text)
            return
        legend = 14
        height = max(10, min(18, (self.height() - 4 - legend) // len(years) - 4))
        labels = [self.tr("Jahr {0}: {1}").format(year.year, formats.whole_money(year.cumulative_cap)) for year in years]
        label_width = max(painter.fontMetrics().horizontalAdvance(text) for text in labels) + 8  # the bars take the rest
        scale = self._scale(painter, years, expired, label_width)
        for position, (year, text, over) in enumerate(zip(years, labels, expired, strict=True)):
            top = 2 + position * (height + 4)
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(0, top, label_width - 6, height), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, text
            )
            x = float(label_width)
            beside: list[tuple[int, tuple[str, str], QColor]] = []  # amounts too wide for their part: said beside it
            for amount, colour, said_in, place, texts in self._parts(year, over):
                width = float(min(amount, year.cumulative_cap)) * scale
                painter.fillRect(QRectF(x, top, width, height), colour)
                pen = QColor("#ffffff") if colour != LEFT else self.palette().text().color()
                if amount and not self._inside(painter, QRectF(x, top, width, height), texts, pen):
                    beside.append((place, texts, said_in))  # said beside the bar when there is room
                x += width
            if year.held_by and not over:  # what a later year's cap leaves no room for: hatched, not free
                rest = float(year.cumulative_cap) * scale - (x - label_width)
                painter.fillRect(QRectF(x, top, max(0.0, rest), height), QBrush(QColor("#8a96a8"), Qt.BrushStyle.BDiagPattern))
            painter.setPen(QPen(QColor("#44546a")))
            painter.drawRect(QRectF(label_width, top, float(year.cumulative_cap) * scale, height))
            said = [(text, shade) for _, text, shade in sorted(beside, key=lambda part: part[0])]
            self._beside(painter, label_width + float(year.cumulative_cap) * scale + 6, top, height, said)
        self._legend(painter, QRectF(0, self.height() - legend, self.width(), legend))
        painter.end()

    def _parts(self, year: CapYear, over: bool) -> list[Part]:
        """A year's bar from the left: used before, this plan, what is left; the place each amount takes beside the
        bar when it does not fit in its part (what is free first: a figure alone beside a bar reads as free)."""
        left = (
            (self.tr("abgelaufen"),) * 2
            if over
            else (  # what is free always says so: a bare figure reads as paid
                self.tr("{0} frei").format(formats.money(year.left)),
                self.tr("{0} frei").format(formats.about_money(year.left)),
            )
        )
        return [
            (year.before_plan, USED_BEFORE, BEFORE_BESIDE, 2, self._amounts(year.before_plan)),
            (year.plan_so_far, THIS_PLAN, THIS_PLAN, 1, self._amounts(year.plan_so_far)),
            (year.left, LEFT, self.palette().text().color(), 0, left),
        ]

    @staticmethod
    def _amounts(amount: Decimal) -> tuple[str, str]:
        return formats.money(amount), formats.about_money(amount)

    def _scale(self, painter: QPainter, years: Sequence[CapYear], expired: list[bool], label_width: int) -> float:
        """Pixels per euro: the widest bar across the chart, or narrowed (by SQUEEZE at most) so that the first of the
        amounts said beside a bar fit there, where then less is left unsaid (CapChart._unsaid) – the free amount of a
        year was left out before, and a smaller amount beside it read as what was free."""
        room = self.width() - label_width - 4
        full = room / float(max(year.cumulative_cap for year in years))

        def narrower(scale: float) -> set[float]:  # each year's bar as wide as leaves room for its first k amounts
            found = set()
            for year, over in zip(years, expired, strict=True):
                width = 0
                for _, texts in self._outside(painter, year, over, scale):
                    width += min(painter.fontMetrics().horizontalAdvance(text) for text in texts) + 8
                    fitting = (room - 6 - width + 8) / float(year.cumulative_cap)
                    if full * SQUEEZE <= fitting < scale:
                        found.add(fitting)
            return found

        def unsaid(scale: float) -> tuple[tuple[int, int, int, int], float]:
            return self._unsaid(painter, years, expired, label_width, scale), -scale

        best = min({full} | narrower(full), key=unsaid)
        return min({best} | narrower(best), key=unsaid)  # narrower bars hold fewer amounts: measured once more

    def _outside(self, painter: QPainter, year: CapYear, over: bool, scale: float) -> list[tuple[int, tuple[str, str]]]:
        """The amounts of a year's bar that do not fit in their parts at this scale, by their place beside it."""
        parts = self._parts(year, over)
        return sorted(
            (place, texts)
            for amount, _, _, place, texts in parts
            if amount and not self._fitting(painter, float(min(amount, year.cumulative_cap)) * scale, texts)
        )

    def _unsaid(
        self, painter: QPainter, years: Sequence[CapYear], expired: list[bool], label_width: int, scale: float
    ) -> tuple[int, int, int, int]:
        """What the bars leave unsaid at this scale, the worst first: free amounts that fit neither in their part nor
        beside the bar (none after one that does not: CapChart._beside), amounts said about in whole euros instead of
        to the cent, then this plan's amounts and those paid before unsaid."""
        missing = {0: 0, 1: 0, 2: 0}  # by place beside the bar: free, this plan, paid before
        about = 0
        for year, over in zip(years, expired, strict=True):
            x = label_width + float(year.cumulative_cap) * scale + 6
            beside = []
            for amount, _, _, place, texts in self._parts(year, over):
                fitting = self._fitting(painter, float(min(amount, year.cumulative_cap)) * scale, texts) if amount else None
                if amount and fitting is None:
                    beside.append((place, texts))
                about += fitting is not None and fitting[0] != texts[0]
            for place, texts in sorted(beside):
                widths = [painter.fontMetrics().horizontalAdvance(text) for text in texts]
                width = next((w for w in widths if x + w <= self.width()), None)
                if width is None:
                    missing[place] += 1
                    x = float("inf")
                    continue
                about += width != widths[0]
                x += width + 8
        return missing[0], about, missing[1], missing[2]

    def _fitting(self, painter: QPainter, width: float, texts: tuple[str, ...]) -> tuple[str, QFont] | None:
        """The first of a part's texts that fits its width, exact (in a smaller type if need be: the letter says it to
        the cent) before about in whole euros, with its type; None when none fits."""
        normal = QFont(painter.font())
        small = QFont(normal)
        small.setPointSizeF(max(6.0, normal.pointSizeF() - 1.5))
        found = None
        for text in texts:
            for font in (normal, small):
                painter.setFont(font)
                if painter.fontMetrics().horizontalAdvance(text) + 6 < width:
                    found = (text, font)
                    break
            if found:
                break
        painter.setFont(normal)
        return found

    def _inside(self, painter: QPainter, part: QRectF, texts: tuple[str, ...], pen: QColor) -> bool:
        """Say a part's amount in it (_fitting; the tooltip has it exact); False when none fits."""
        fitting = self._fitting(painter, part.width(), texts)
        if fitting is None:
            return False
        normal = QFont(painter.font())
        painter.setFont(fitting[1])
        painter.setPen(pen)
        painter.drawText(part, Qt.AlignmentFlag.AlignCenter, fitting[0])
        painter.setFont(normal)
        return True

    def _beside(self, painter: QPainter, x: float, top: float, height: int, texts: list[tuple[tuple[str, str], QColor]]) -> None:
        """Amounts of a year's bar that did not fit in their part, right of the bar in their part's colour, the more
        important first, exact or else about, as far as the chart reaches: none after one that does not fit (the
        tooltip says them all)."""
        for forms, colour in texts:
            text = next((t for t in forms if x + painter.fontMetrics().horizontalAdvance(t) <= self.width()), None)
            if text is None:
                return
            width = painter.fontMetrics().horizontalAdvance(text)
            painter.setPen(colour)
            painter.drawText(QRectF(x, top, width + 2, height), Qt.AlignmentFlag.AlignVCenter, text)
            x += width + 8

    def _legend(self, painter: QPainter, area: QRectF) -> None:
        """What the colours of the bars mean, in a smaller type, right-aligned under the bars."""
        small = QFont(painter.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() - 1.5))
        painter.setFont(small)
        entries = ((USED_BEFORE, self.tr("bisher erstattet")), (THIS_PLAN, self.tr("dieser Plan")), (LEFT, self.tr("noch frei")))
        width = sum(16 + painter.fontMetrics().horizontalAdvance(text) for _, text in entries) + 8 * len(entries)
        x = max(area.left(), area.right() - width)
        for colour, text in entries:
            painter.fillRect(QRectF(x, area.top() + 3, 9, 9), colour)
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(x + 12, area.top(), 200, area.height()), Qt.AlignmentFlag.AlignVCenter, text)
            x += 24 + painter.fontMetrics().horizontalAdvance(text)
