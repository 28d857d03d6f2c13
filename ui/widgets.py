"""The panels around the plan tables: totals with the staged cap, tooth chart (the person: ui.person)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from estimator.kinds import LineClass
from estimator.model import Estimate
from estimator.wording import cause_label, jaw_short, left_out_text, reductions_that_apply, setting_text
from ui import formats
from ui.document import CaseDocument
from ui.language import language

RANK = {LineClass.A: 0, LineClass.B: 1, LineClass.P: 2, LineClass.X: 3}  # which class a tooth shows when it has several
CLASS_COLOURS = {
    LineClass.A: QColor("#1f4e79"),
    LineClass.B: QColor("#2e7d32"),
    LineClass.P: QColor("#00838f"),
    LineClass.X: QColor("#9e9e9e"),
}
USED_BEFORE, THIS_PLAN, LEFT = QColor("#9aa5b1"), QColor("#1f4e79"), QColor("#dfe7ef")
BEFORE_BESIDE = QColor("#5f6b7a")  # an amount used before, said beside its bar: a darker grey that reads on the window
OVER_LIMIT = QColor("#b3261e")  # an implant count over its jaw's limit; rows missing from the totals
SKIPPED = "input.line_skipped"  # the finding of a row left out at import
UPPER_ROW = (18, 17, 16, 15, 14, 13, 12, 11, 21, 22, 23, 24, 25, 26, 27, 28)
LOWER_ROW = (48, 47, 46, 45, 44, 43, 42, 41, 31, 32, 33, 34, 35, 36, 37, 38)


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
                text = self.tr("Versicherungsbeginn fehlt: Staffel wie im 1. Versicherungsjahr angewandt")
            else:
                text = self.tr("keine Staffel (nach dem {0}. Versicherungsjahr oder Unfall)")
                text = text.format(self.document.tariff.profile.cap_years)
            flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
            painter.drawText(self.rect().adjusted(4, 0, -4, 0), flags, text)
            return
        widest = max(year.cumulative_cap for year in years)
        legend = 14
        height = max(10, min(18, (self.height() - 4 - legend) // len(years) - 4))
        labels = [self.tr("Jahr {0}: {1}").format(year.year, formats.whole_money(year.cumulative_cap)) for year in years]
        label_width = max(painter.fontMetrics().horizontalAdvance(text) for text in labels) + 8  # the bars take the rest
        for position, (year, text, over) in enumerate(zip(years, labels, expired, strict=True)):
            top = 2 + position * (height + 4)
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(0, top, label_width - 6, height), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, text
            )
            scale = (self.width() - label_width - 4) / float(widest)
            x = float(label_width)
            beside: list[tuple[int, str, QColor]] = []  # amounts too wide for their part of the bar: said beside it
            parts = (  # amount, fill, the colour it is said in beside the bar, its place there (this plan's, what is free)
                (year.before_plan, USED_BEFORE, BEFORE_BESIDE, 2),
                (year.plan_so_far, THIS_PLAN, THIS_PLAN, 0),
                (year.left, LEFT, self.palette().text().color(), 1),
            )
            for amount, colour, said_in, place in parts:
                width = float(min(amount, year.cumulative_cap)) * scale
                painter.fillRect(QRectF(x, top, width, height), colour)
                if colour != LEFT:
                    value, shorter = formats.money(amount), formats.about_money(amount)
                elif over:
                    value = shorter = self.tr("abgelaufen")
                else:  # what is free always says so: a bare figure there reads as one paid
                    value, shorter = (
                        self.tr("{0} frei").format(formats.money(amount)),
                        self.tr("{0} frei").format(formats.about_money(amount)),
                    )
                pen = QColor("#ffffff") if colour != LEFT else self.palette().text().color()
                if amount and not self._inside(painter, QRectF(x, top, width, height), (value, shorter), pen):
                    beside.append((place, value, said_in))  # said beside the bar when there is room
                x += width
            painter.setPen(QPen(QColor("#44546a")))
            painter.drawRect(QRectF(label_width, top, float(year.cumulative_cap) * scale, height))
            said = [(text, shade) for _, text, shade in sorted(beside, key=lambda part: part[0])]
            self._beside(painter, label_width + float(year.cumulative_cap) * scale + 6, top, height, said)
        self._legend(painter, QRectF(0, self.height() - legend, self.width(), legend))
        painter.end()

    def _inside(self, painter: QPainter, part: QRectF, texts: tuple[str, str], pen: QColor) -> bool:
        """Say a part's amount in it: exact (in a smaller type if need be: the letter says it to the cent), else about
        in whole euros (the tooltip has it exact); False when none fits."""
        normal = QFont(painter.font())
        small = QFont(normal)
        small.setPointSizeF(max(6.0, normal.pointSizeF() - 1.5))
        for text in texts:
            for font in (normal, small):
                painter.setFont(font)
                if painter.fontMetrics().horizontalAdvance(text) + 6 < part.width():
                    painter.setPen(pen)
                    painter.drawText(part, Qt.AlignmentFlag.AlignCenter, text)
                    painter.setFont(normal)
                    return True
        painter.setFont(normal)
        return False

    def _beside(self, painter: QPainter, x: float, top: float, height: int, texts: list[tuple[str, QColor]]) -> None:
        """Amounts of a year's bar that did not fit in their part, right of the bar in their part's colour (as far as
        the chart reaches; the tooltip says them all)."""
        for text, colour in texts:
            width = painter.fontMetrics().horizontalAdvance(text)
            if x + width > self.width():
                continue  # a shorter one after it may still fit
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


class TotalsBar(QFrame):
    """Billed, eligible, benefit and own share in large type, with the staged-cap chart beside them."""

    def __init__(self, document: CaseDocument) -> None:
        super().__init__()
        self.document = document
        self.setFrameShape(QFrame.Shape.StyledPanel)
        outer = QVBoxLayout(self)
        outer.setSpacing(4)
        layout = QHBoxLayout()
        outer.addLayout(layout)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        layout.addLayout(grid)
        self.values: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        for position, (key, title) in enumerate(
            (
                ("billed", self.tr("Gesamtkosten")),
                ("eligible", self.tr("erstattungsfähig")),
                ("benefit", self.tr("voraussichtliche Erstattung")),
                ("patient_share", self.tr("Eigenanteil")),
            )
        ):
            box = QVBoxLayout()
            box.setSpacing(0)
            caption = QLabel(title)
            caption.setStyleSheet("color: #44546a")
            value = QLabel()
            font = QFont(value.font())
            font.setPointSizeF(font.pointSizeF() * 1.35)
            font.setBold(key == "benefit")
            value.setFont(font)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.addWidget(caption)
            box.addWidget(value)
            grid.addLayout(box, position // 2, position % 2, Qt.AlignmentFlag.AlignBottom)  # values in line
            self.values[key], self.captions[key] = value, caption
        self.causes, self.missing = QLabel(), QLabel()  # the second: rows missing from every figure
        for label, style in ((self.causes, "color: #44546a"), (self.missing, f"color: {OVER_LIMIT.name()}; font-weight: bold")):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setStyleSheet(style)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            outer.addWidget(label)
        self.chart = CapChart(document)
        self.chart.setMinimumWidth(300)
        layout.addWidget(self.chart, 1)
        self.refresh()
        document.changed.connect(self.refresh)

    def refresh(self) -> None:
        estimate = self.document.estimate
        for key, label in self.values.items():
            label.setText(formats.money(getattr(estimate.totals, key)))
        parts = [
            f"{cause_label(cause, language())} {formats.money(amount)}"
            for cause, amount in reductions_that_apply(estimate.reductions)
        ]
        self.causes.setText(self.tr("Eigenanteil: davon {0}").format(", ".join(parts)) if parts else self.tr("keine Kürzung"))
        names = self.document.tariff.profile.auslegung_names
        settings = "".join(f"\n  {setting_text(names, name, value, language())}" for name, value in estimate.settings.items())
        self.causes.setToolTip(self.tr("Was der Patient zahlt, nach Ursachen\nAuslegung:{0}").format(settings))
        self.show_missing(estimate)

    def warning_height(self) -> int:  # the height the warning of missing rows adds to the bar (two lines at most)
        return 0 if self.missing.isHidden() else 2 * self.missing.fontMetrics().lineSpacing() + 6

    def show_missing(self, estimate: Estimate) -> None:
        """Rows in no figure (left out, without a day, a table not read): said as the letter says them, in red."""
        rows = [(r.sheet, r.row) for r in estimate.rows_missing]
        rows = rows or [(f.sheet, f.row or 0) for f in estimate.plan.input_findings if f.code == SKIPPED]  # an older case
        shown = list(dict.fromkeys([*rows[:10], *dict(reversed(rows)).items()]))  # ten, and each sheet's first
        places = {sheet: [str(r) for s, r in shown if s == sheet] for sheet, _ in shown}  # the caption stays in view
        where = "; ".join(self.tr("{0} Zeile {1}").format(sheet, ", ".join(numbers)) for sheet, numbers in places.items())
        where += " …" if len(rows) > len(shown) else ""
        one = self.tr("1 Zeile des Plans konnte nicht gelesen werden und fehlt in allen Beträgen ({1})")
        many = self.tr("{0} Zeilen des Plans konnten nicht gelesen werden und fehlen in allen Beträgen ({1})")
        said = [(one if len(rows) == 1 else many).format(len(rows), where)] if rows else []
        sheet_said = self.tr("Blatt „{0}“ nicht gelesen: seine Zeilen fehlen in allen Beträgen")
        said += [sheet_said.format(sheet) for sheet in estimate.sheets_not_read]
        text = self.tr("Achtung: {0} – siehe Hinweise").format("; ".join(said)) if said else ""
        self.missing.setText(text)
        self.missing.setVisible(bool(text))
        caption = self.captions["billed"]
        caption.setText(self.tr("Gesamtkosten ohne\nfehlende Zeilen") if text else self.tr("Gesamtkosten"))
        caption.setStyleSheet(f"color: {OVER_LIMIT.name() if text else '#44546a'}")
        named = [f"  {left_out_text(r, language())}" for r in estimate.rows_missing[:20]] or [f"  {s} {r}" for s, r in rows[:20]]
        named += ["  …"] if len(rows) > 20 else []
        for label in (self.missing, caption, self.values["billed"]):
            label.setToolTip("\n".join([text, *named]) if text else "")


class ToothChart(QWidget):
    """Both jaws in FDI order; each tooth coloured by the class of its planned work. A click filters the lines."""

    tooth_clicked = Signal(object)  # the tooth number, or None to show all lines
    teeth_chosen = Signal(list)  # the teeth chosen for new lines (Strg: one more, Umschalt: a run of its row)

    def __init__(self, document: CaseDocument) -> None:
        super().__init__()
        self.document = document
        self.selected: int | None = None
        self.chosen: list[int] = []
        self.anchor: int | None = None
        self._work: tuple[Estimate, dict[int, tuple[LineClass, bool]]] | None = None
        self.setMinimumSize(QSize(380, 96))
        self.setMouseTracking(True)
        document.changed.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(440, 112)

    def work(self) -> dict[int, tuple[LineClass, bool]]:
        """Per tooth: the most important class of its lines, and whether an implant is planned there; worked out
        once per estimate (the chart is painted again at every hover)."""
        estimate = self.document.estimate
        if self._work is not None and self._work[0] is estimate:
            return self._work[1]
        implant_numbers = self.document.tariff.profile.implant_numbers
        found: dict[int, tuple[LineClass, bool]] = {}
        for result in estimate.lines:
            line = result.line
            if line.kind == "lab" and line.teeth.whole_jaw:  # a jaw's template or model: no tooth of it is treated so
                continue
            implant = line.kind == "fee" and line.number in implant_numbers
            rank = RANK[result.line_class]
            for tooth in line.teeth.teeth:
                old = found.get(tooth)
                if old is None:
                    found[tooth] = (result.line_class, implant)
                else:
                    found[tooth] = (result.line_class if rank < RANK[old[0]] else old[0], old[1] or implant)
        self._work = (estimate, found)
        return found

    def _cell(self, tooth: int) -> QRectF:
        row, column = (0, UPPER_ROW.index(tooth)) if tooth in UPPER_ROW else (1, LOWER_ROW.index(tooth))
        width = (self.width() - 8) / 16
        top = 18 + row * ((self.height() - 22) / 2)
        return QRectF(4 + column * width + 1, top + 1, width - 2, (self.height() - 22) / 2 - 3)

    def implants_text(self) -> str:
        parts = [
            self.tr("Implantate {0}: {1} von {2}").format(jaw_short(jaw.jaw, language()), jaw.present + jaw.planned, jaw.limit)
            for jaw in self.document.estimate.limits.implants
        ]
        return " · ".join(parts) or self.tr("keine Implantate geplant")

    def _draw_implant_counts(self, painter: QPainter) -> None:
        """The implants per jaw above the chart; a jaw over its limit in the warning colour, bold."""
        jaws = self.document.estimate.limits.implants
        if not jaws:
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(4, 0, self.width() - 8, 16), Qt.AlignmentFlag.AlignLeft, self.implants_text())
            return
        x, font = 4.0, painter.font()
        for index, jaw in enumerate(jaws):
            over = jaw.present + jaw.planned > jaw.limit
            text = (" · " if index else "") + self.tr("Implantate {0}: {1} von {2}").format(
                jaw_short(jaw.jaw, language()), jaw.present + jaw.planned, jaw.limit
            )
            bold = QFont(font)
            bold.setBold(over)
            painter.setFont(bold)
            painter.setPen(OVER_LIMIT if over else self.palette().text().color())
            painter.drawText(QRectF(x, 0, self.width() - x, 16), Qt.AlignmentFlag.AlignLeft, text)
            x += painter.fontMetrics().horizontalAdvance(text)
        painter.setFont(font)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._draw_implant_counts(painter)
        work = self.work()
        for tooth in (*UPPER_ROW, *LOWER_ROW):
            cell = self._cell(tooth)
            line_class, implant = work.get(tooth, (None, False))
            fill = CLASS_COLOURS[line_class] if line_class else QColor("#ffffff")
            painter.setBrush(fill)
            painter.setPen(
                QPen(QColor("#d4a017"), 3) if tooth == self.selected or tooth in self.chosen else QPen(QColor("#7a8794"), 1)
            )
            painter.drawRoundedRect(cell, 4, 4)
            painter.setPen(QColor("#ffffff") if line_class else QColor("#44546a"))
            painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, f"{tooth}\nI" if implant else str(tooth))
        painter.end()

    def tooth_at(self, x: float, y: float) -> int | None:
        for tooth in (*UPPER_ROW, *LOWER_ROW):
            if self._cell(tooth).contains(x, y):
                return tooth
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        tooth = self.tooth_at(event.position().x(), event.position().y())
        modifiers = event.modifiers()
        if tooth is not None and modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            self.choose(tooth, extend=bool(modifiers & Qt.KeyboardModifier.ShiftModifier))
            return
        self.selected = None if tooth == self.selected else tooth
        self.chosen, self.anchor = ([tooth] if self.selected is not None and tooth is not None else []), tooth
        self.update()
        self.tooth_clicked.emit(self.selected)
        self.teeth_chosen.emit(list(self.chosen))

    def choose(self, tooth: int, *, extend: bool = False) -> None:
        """Strg: the tooth joins the chosen teeth (or leaves them); Umschalt: the run of its row from the last one."""
        row = UPPER_ROW if tooth in UPPER_ROW else LOWER_ROW
        if extend and self.anchor in row:
            first, last = sorted((row.index(self.anchor), row.index(tooth)))
            chosen = set(self.chosen) | set(row[first : last + 1])
        else:
            chosen = set(self.chosen) ^ {tooth}
            self.anchor = tooth
        self.chosen = [t for t in (*UPPER_ROW, *LOWER_ROW) if t in chosen]
        self.update()
        self.teeth_chosen.emit(list(self.chosen))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        tooth = self.tooth_at(event.position().x(), event.position().y())
        if tooth is None:
            self.setToolTip("")
            return
        lines = [r for r in self.document.estimate.lines if tooth in r.line.teeth.teeth]
        text = ", ".join(f"{r.line.number} ({r.line_class.value})" for r in lines) or self.tr("nichts geplant")
        self.setToolTip(self.tr("Zahn {0}: {1}").format(tooth, text))
