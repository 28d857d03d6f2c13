"""The panels around the plan tables: person and contract, totals with the staged cap, tooth chart."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from estimator.auslegung import setting_value
from estimator.cells import CellError, parse_amount, parse_date
from estimator.kinds import LineClass
from estimator.model import MAX_CAP_YEARS
from estimator.money import cents, eur, german_date, german_number, percent
from estimator.wording import cause_label, reductions_that_apply, text
from ui.document import CaseDocument
from ui.language import language

CLASS_COLOURS = {
    LineClass.A: QColor("#1f4e79"),
    LineClass.B: QColor("#2e7d32"),
    LineClass.P: QColor("#00838f"),
    LineClass.X: QColor("#9e9e9e"),
}
USED_BEFORE, THIS_PLAN, LEFT = QColor("#9aa5b1"), QColor("#1f4e79"), QColor("#dfe7ef")
OVER_LIMIT = QColor("#b3261e")  # an implant count over its jaw's limit
UPPER_ROW = (18, 17, 16, 15, 14, 13, 12, 11, 21, 22, 23, 24, 25, 26, 27, 28)
LOWER_ROW = (48, 47, 46, 45, 44, 43, 42, 41, 31, 32, 33, 34, 35, 36, 37, 38)


def breakable(text: str, limit: int = 100) -> str:
    """Text for a narrow label: at most `limit` characters, long words given places to wrap."""
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return re.sub(r"(\S{10})(?=\S)", "\\1\u200b", text)


class PersonPanel(QGroupBox):
    """Tariff, dates, cooperating dentist, accident and what earlier benefits used; every change is undoable."""

    def __init__(self, document: CaseDocument) -> None:
        super().__init__()
        self.setTitle(self.tr("Person und Vertrag"))
        self.document = document
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = QLabel()
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setWordWrap(True)
        self.variant = QComboBox()
        self.variant.addItems(document.tariffs.variants)
        profile = document.tariff.profile
        self.birth_date = self._date_field("birth_date", self.tr("Datum"))
        self.insurance_start = self._date_field("insurance_start", self.tr("Datum"))
        self.plan_date = self._date_field("plan_date", self.tr("Planungsdatum"))
        self.orthodontics_start = self._date_field("orthodontics_start", self.tr("KFO-Behandlungsbeginn"))
        self.orthodontics_start.setToolTip(
            self.tr(
                "Beginn einer schon laufenden kieferorthopädischen Behandlung: sie ist erstattungsfähig, wenn sie vor dem "
                "{0}. Geburtstag begonnen hat ({1}). Leer: die erste KFO-Leistung des Plans."
            ).format(profile.orthodontics_age_limit, profile.sections.orthodontics)
        )
        self.cooperating = QCheckBox(self.tr("Kooperationszahnarzt ({0})").format(percent(profile.rates["A_cooperating"])))
        self.accident = QCheckBox(self.tr("Unfallfolge (ganzer Plan)"))
        self.prior = [self._money_field(year) for year in range(min(profile.cap_years, MAX_CAP_YEARS))]
        self.deductible_used = self._money_field("deductible_used")
        self.pzr_reimbursed = self._money_field("pzr_reimbursed")
        self.implants_upper, self.implants_lower = QSpinBox(), QSpinBox()
        for spin, name in ((self.implants_upper, "implants_upper"), (self.implants_lower, "implants_lower")):
            spin.setRange(0, 16)
            spin.valueChanged.connect(lambda value, name=name: self._changed(name, value))
        self.variant.currentTextChanged.connect(lambda text: self._changed("variant", text))
        self.cooperating.toggled.connect(lambda on: self._changed("cooperating", on))
        self.accident.toggled.connect(lambda on: self._changed("accident", on))
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e")
        form.addRow(self.tr("Patient"), self.name)
        form.addRow(self.tr("Tarif"), self.variant)
        form.addRow(self.tr("Geburtsdatum"), self.birth_date)
        form.addRow(self.tr("Versicherungsbeginn"), self.insurance_start)
        form.addRow(self.tr("Planungsdatum"), self.plan_date)
        form.addRow(self.cooperating)
        form.addRow(self.accident)
        for year, field in enumerate(self.prior, start=1):
            form.addRow(self.tr("ZE-Erstattung bisher, Jahr {0}").format(year), field)
        form.addRow(self.tr("Selbstbehalt verbraucht"), self.deductible_used)
        form.addRow(self.tr("PZR erstattet"), self.pzr_reimbursed)
        form.addRow(self.tr("Implantate OK (vorhanden)"), self.implants_upper)
        form.addRow(self.tr("Implantate UK (vorhanden)"), self.implants_lower)
        form.addRow(self.tr("KFO-Behandlungsbeginn"), self.orthodontics_start)
        form.addRow(self.message)
        self.refresh()
        document.changed.connect(self.refresh)

    def _date_field(self, name: str, label: str) -> QLineEdit:
        field = QLineEdit()
        field.setPlaceholderText("TT.MM.JJJJ")
        field.editingFinished.connect(lambda: self._date_edited(name, label, field))
        return field

    def _money_field(self, name: str | int) -> QLineEdit:
        field = QLineEdit()
        field.setAlignment(Qt.AlignmentFlag.AlignRight)
        field.setPlaceholderText("0,00")
        field.editingFinished.connect(lambda: self._money_edited(name, field))
        return field

    def _changed(self, name: str, value: Any) -> None:
        if getattr(self, "_refreshing", False) or getattr(self.document.person, name) == value:
            return
        self._refused(self.document.refusal(lambda: self.document.edit_person(**{name: value})))

    def _refused(self, reason: str) -> None:
        """An edit of the panel was not taken: say why at once, and show the values as they stand."""
        if reason:
            self.refresh()
            self.message.setText(reason)

    def _date_edited(self, name: str, label: str, field: QLineEdit) -> None:
        """A date of the person, or the plan date (which belongs to the case, not the person)."""
        try:
            value = parse_date(field.text()) if field.text().strip() else None
        except CellError as error:
            self.message.setText(f"{label}: {text(error.phrase, language())}")
            return
        self.message.clear()
        if name != "plan_date":
            self._changed(name, value)
        elif value != self.document.case.plan_date and not getattr(self, "_refreshing", False):
            self._refused(self.document.refusal(lambda: self.document.edit_plan_date(value)))

    def _money_edited(self, name: str | int, field: QLineEdit) -> None:
        try:
            value = cents(parse_amount(field.text() or "0"))
        except CellError as error:
            self.message.setText(text(error.phrase, language()))
            return
        self.message.clear()
        if isinstance(name, int):
            prior = list(self.document.person.prior_class_a)
            prior += [Decimal(0)] * (name + 1 - len(prior))
            prior[name] = value
            self._changed("prior_class_a", tuple(prior))
        else:
            self._changed(name, value)

    def refresh(self) -> None:
        self._refreshing = True
        person = self.document.person
        self.name.setText(breakable(person.name) or "–")
        self.name.setToolTip(person.name)
        self.variant.setCurrentText(self.document.estimate.variant)
        self.birth_date.setText(german_date(person.birth_date))
        self.insurance_start.setText(german_date(person.insurance_start))
        self.plan_date.setText(german_date(self.document.case.plan_date))
        self.orthodontics_start.setText(german_date(person.orthodontics_start))
        self.cooperating.setChecked(person.cooperating)
        self.accident.setChecked(person.accident)
        for year, field in enumerate(self.prior):
            field.setText(german_number(person.prior_class_a[year] if year < len(person.prior_class_a) else Decimal(0)))
        self.deductible_used.setText(german_number(person.deductible_used))
        self.pzr_reimbursed.setText(german_number(person.pzr_reimbursed))
        self.implants_upper.setValue(person.implants_upper)
        self.implants_lower.setValue(person.implants_lower)
        self._refreshing = False


class CapChart(QWidget):
    """The staged cap per insurance year as bars: used before, used by this plan, left."""

    def __init__(self, document: CaseDocument) -> None:
        super().__init__()
        self.document = document
        self.setMinimumHeight(64)
        self.setToolTip(self.tr("Staffel Zahnersatz: grau bisher, blau dieser Plan, hell noch frei"))
        document.changed.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(380, 76)

    def paintEvent(self, event: QPaintEvent) -> None:
        years = self.document.estimate.limits.staged_cap
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not years:
            if self.document.person.insurance_start is None:
                text = self.tr("Versicherungsbeginn fehlt: Staffel wie im 1. Versicherungsjahr angewandt")
            else:
                text = self.tr("keine Staffel (nach dem {0}. Versicherungsjahr oder Unfall)")
                text = text.format(self.document.tariff.profile.cap_years)
            flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
            painter.drawText(self.rect().adjusted(4, 0, -4, 0), flags, text)
            return
        widest = max(year.cumulative_cap for year in years)
        height = max(12, min(18, (self.height() - 4) // len(years) - 4))
        label_width = 150
        for position, year in enumerate(years):
            top = 2 + position * (height + 4)
            painter.setPen(self.palette().text().color())
            text = self.tr("Jahr {0}: {1}").format(year.year, eur(year.cumulative_cap))
            painter.drawText(
                QRectF(0, top, label_width - 6, height), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, text
            )
            scale = (self.width() - label_width - 4) / float(widest)
            x = float(label_width)
            for amount, colour in ((year.used_before, USED_BEFORE), (year.used_by_plan, THIS_PLAN), (year.left, LEFT)):
                width = float(min(amount, year.cumulative_cap)) * scale
                painter.fillRect(QRectF(x, top, width, height), colour)
                x += width
            painter.setPen(QPen(QColor("#44546a")))
            painter.drawRect(QRectF(label_width, top, float(year.cumulative_cap) * scale, height))
        painter.end()


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
            grid.addLayout(box, position // 2, position % 2)
            self.values[key] = value
        self.causes = QLabel()
        self.causes.setTextFormat(Qt.TextFormat.PlainText)
        self.causes.setWordWrap(True)
        self.causes.setStyleSheet("color: #44546a")
        self.causes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.causes)
        self.chart = CapChart(document)
        self.chart.setMinimumWidth(300)
        layout.addWidget(self.chart, 1)
        self.refresh()
        document.changed.connect(self.refresh)

    def refresh(self) -> None:
        estimate = self.document.estimate
        for key, label in self.values.items():
            label.setText(eur(getattr(estimate.totals, key)))
        parts = [
            f"{cause_label(cause, language())} {eur(amount)}" for cause, amount in reductions_that_apply(estimate.reductions)
        ]
        self.causes.setText(self.tr("Eigenanteil: davon {0}").format(", ".join(parts)) if parts else self.tr("keine Kürzung"))
        settings = ", ".join(f"{name}={setting_value(value)}" for name, value in estimate.settings.items())
        self.causes.setToolTip(self.tr("Was der Patient zahlt, nach Ursachen\nAuslegung: {0}").format(settings))


class ToothChart(QWidget):
    """Both jaws in FDI order; each tooth coloured by the class of its planned work. A click filters the lines."""

    tooth_clicked = Signal(object)  # the tooth number, or None to show all lines

    def __init__(self, document: CaseDocument) -> None:
        super().__init__()
        self.document = document
        self.selected: int | None = None
        self.setMinimumSize(QSize(380, 96))
        self.setMouseTracking(True)
        document.changed.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(440, 112)

    def work(self) -> dict[int, tuple[LineClass, bool]]:
        """Per tooth: the most important class of its lines, and whether an implant is planned there."""
        rank = [LineClass.A, LineClass.B, LineClass.P, LineClass.X]
        implant_numbers = self.document.tariff.profile.implant_numbers
        found: dict[int, tuple[LineClass, bool]] = {}
        for result in self.document.estimate.lines:
            implant = result.kind == "fee" and result.line.number in implant_numbers
            for tooth in result.line.teeth.teeth:
                old_class, old_implant = found.get(tooth, (LineClass.X, False))
                best = min(old_class, result.line_class, key=rank.index) if tooth in found else result.line_class
                found[tooth] = (best, old_implant or implant)
        return found

    def _cell(self, tooth: int) -> QRectF:
        row, column = (0, UPPER_ROW.index(tooth)) if tooth in UPPER_ROW else (1, LOWER_ROW.index(tooth))
        width = (self.width() - 8) / 16
        top = 18 + row * ((self.height() - 22) / 2)
        return QRectF(4 + column * width + 1, top + 1, width - 2, (self.height() - 22) / 2 - 3)

    def implants_text(self) -> str:
        parts = [
            self.tr("Implantate {0}: {1} von {2}").format(jaw.jaw, jaw.present + jaw.planned, jaw.limit)
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
                jaw.jaw, jaw.present + jaw.planned, jaw.limit
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
                QPen(QColor("#d4a017") if tooth == self.selected else QColor("#7a8794"), 3 if tooth == self.selected else 1)
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
        self.selected = None if tooth == self.selected else tooth
        self.update()
        self.tooth_clicked.emit(self.selected)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        tooth = self.tooth_at(event.position().x(), event.position().y())
        if tooth is None:
            self.setToolTip("")
            return
        lines = [r for r in self.document.estimate.lines if tooth in r.line.teeth.teeth]
        text = ", ".join(f"{r.line.number} ({r.line_class.value})" for r in lines) or self.tr("nichts geplant")
        self.setToolTip(self.tr("Zahn {0}: {1}").format(tooth, text))
