"""The panels around the plan tables: totals with the staged cap, tooth chart (the person: ui.person)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from estimator.kinds import LineClass
from estimator.model import Estimate
from estimator.rules.reserve import reserve_of, reserve_sentence
from estimator.wording import cause_label, jaw_short, left_out_text, reductions_that_apply, setting_text
from ui import formats
from ui.capchart import CapChart
from ui.document import CaseDocument
from ui.language import language
from ui.plaintext import tip

MARKED = QColor("#e8730c")  # the outline of the selected line's teeth (the tooth filter's is gold)
RANK = {LineClass.A: 0, LineClass.B: 1, LineClass.P: 2, LineClass.X: 3}  # which class a tooth shows when it has several
CLASS_COLOURS = {
    LineClass.A: QColor("#1f4e79"),
    LineClass.B: QColor("#2e7d32"),
    LineClass.P: QColor("#00838f"),
    LineClass.X: QColor("#9e9e9e"),
}
OVER_LIMIT = QColor("#b3261e")  # an implant count over its jaw's limit; rows missing from the totals
SKIPPED = "input.line_skipped"  # the finding of a row left out at import
UPPER_ROW = (18, 17, 16, 15, 14, 13, 12, 11, 21, 22, 23, 24, 25, 26, 27, 28)
LOWER_ROW = (48, 47, 46, 45, 44, 43, 42, 41, 31, 32, 33, 34, 35, 36, 37, 38)


class TotalsBar(QFrame):
    """Billed, eligible, benefit and own share in large type, with the staged-cap chart beside them."""

    def __init__(self, document: CaseDocument, correct: Callable[[], object] | None = None) -> None:
        """`correct`: opens the first row the import left out to be corrected (the button beside the warning of rows
        missing from every figure – the rows are in no table, and the menu's way to them was not found)."""
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
        self.correct = QPushButton(self.tr("Zeile korrigieren …"))
        self.correct.setToolTip(self.tr("Die erste Zeile, die beim Einlesen ausgelassen wurde, korrigieren (Strg+K)"))
        self.correct.clicked.connect(lambda: correct and correct())
        warning = QHBoxLayout()  # the button beside the warning: the window's lines keep their height
        warning.addWidget(self.missing, 1)
        warning.addWidget(self.correct, 0, Qt.AlignmentFlag.AlignTop)
        outer.addWidget(self.causes)
        outer.addLayout(warning)
        self.chart = CapChart(document)
        self.chart.setMinimumWidth(210)
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

    def needed_height(self) -> int:
        """The height the bar needs with what it shows now (its layout brought up to date first)."""
        layout = self.layout()
        if layout is None:
            return self.sizeHint().height()
        layout.activate()  # the wrapped warning's lines at the bar's width (a hint alone assumes a wider one)
        return max(self.sizeHint().height(), layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else 0)

    def warning_height(self) -> int:
        """The height the red warning adds to the bar, wrapped at the bar's width (before the window is shown: the width
        it has beside the tooth chart on a screen of 1366 pixels)."""
        width = self.width() if self.isVisible() else 600
        beside = 0 if self.correct.isHidden() else self.correct.sizeHint().width() + 6
        return 0 if self.missing.isHidden() else self.missing.heightForWidth(width - 20 - beside) + 6

    def _places(self, rows: list[tuple[str, int]]) -> str:
        """Ten rows, and each sheet's first: „Leistungen Zeile 4, 9; Labor Zeile 2 …“ (the caption stays in view)."""
        shown = list(dict.fromkeys([*rows[:10], *dict(reversed(rows)).items()]))
        places = {sheet: [str(r) for s, r in shown if s == sheet] for sheet, _ in shown}
        where = "; ".join(self.tr("{0} Zeile {1}").format(sheet, ", ".join(numbers)) for sheet, numbers in places.items())
        return where + (" …" if len(rows) > len(shown) else "")

    def show_missing(self, estimate: Estimate) -> None:
        """Rows in no figure (left out, without a day, a table not read): said as the letter says them, in red."""
        rows = [(r.sheet, r.row) for r in estimate.plan.left_out]
        rows = rows or [(f.sheet, f.row or 0) for f in estimate.plan.input_findings if f.code == SKIPPED]  # an older case
        undated = [(r.sheet, r.row) for r in estimate.not_computed]
        kinds = (  # rows left out, rows without a treatment day: one and many
            (
                rows,
                self.tr("1 Zeile des Plans konnte nicht gelesen werden und fehlt in allen Beträgen ({1})"),
                self.tr("{0} Zeilen des Plans konnten nicht gelesen werden und fehlen in allen Beträgen ({1})"),
            ),
            (
                undated,
                self.tr("1 Zeile ohne Behandlungstag (weder Datum noch Planungsdatum) fehlt in allen Beträgen ({1})"),
                self.tr("{0} Zeilen ohne Behandlungstag (weder Datum noch Planungsdatum) fehlen in allen Beträgen ({1})"),
            ),
        )
        said = [(one if len(of) == 1 else many).format(len(of), self._places(of)) for of, one, many in kinds if of]
        without_amount = estimate.rows_without_amount  # looked up once: it reads every finding and line
        unpriced = [self.tr("{0} Zeile {1}").format(r.sheet, r.row) for r in without_amount]
        if unpriced:
            without = self.tr("ohne Betrag (Nummer unbekannt), fehlt in allen Beträgen: {0}")
            said.append(without.format(", ".join(unpriced[:5]) + (" …" if len(unpriced) > 5 else "")))
        sheet_said = self.tr("Blatt „{0}“ nicht gelesen: seine Zeilen fehlen in allen Beträgen")
        said += [sheet_said.format(sheet) for sheet in estimate.sheets_not_read]
        text = self.tr("Achtung: {0} – siehe Hinweise").format("; ".join(said)) if said else ""
        reserve = reserve_of(estimate)  # counted as billed in the customer's favour: the insurer may cut it
        reserved = ""
        if reserve is not None:
            reasons = [self.tr("von der Praxis begründeten Beträgen über der Gebühr zum Höchstsatz")] * bool(reserve.reasoned)
            reasons += [self.tr("Beträgen über der Gebühr zum angegebenen Faktor")] * (reserve.lines > reserve.reasoned)
            reasons += [self.tr("Leistungen für Implantate über der Grenze, deren Lage der Plan nicht nennt")] * bool(
                reserve.implants
            )
            said_reserve = self.tr("Vorbehalt: bis zu {0} der Erstattung beruhen auf {1}")
            reserved = said_reserve.format(formats.money(reserve.total), "; ".join(reasons))
        chosen = self.tr("Kein Tarif gewählt: gerechnet mit {0}, dem Tarif ohne Selbstbehalt – bitte links unter „Tarif“ wählen")
        no_tariff = "" if estimate.plan.person.variant else chosen.format(estimate.variant)
        shown_text = ". ".join(part for part in (no_tariff, text, reserved) if part)
        self.missing.setText(shown_text)
        self.missing.setVisible(bool(shown_text))
        self.correct.setVisible(bool(estimate.plan.left_out))
        caption, share = self.captions["billed"], self.captions["patient_share"]
        caption.setText(self.tr("Gesamtkosten ohne\nfehlende Zeilen") if text else self.tr("Gesamtkosten"))
        share.setText(self.tr("Eigenanteil ohne\nfehlende Zeilen") if text else self.tr("Eigenanteil"))
        for label in (caption, share):
            label.setStyleSheet(f"color: {OVER_LIMIT.name() if text else '#44546a'}")
        named = [f"  {left_out_text(r, language())}" for r in estimate.rows_missing[:20]] or [f"  {s} {r}" for s, r in rows[:20]]
        named += [f"  {left_out_text(r, language())}" for r in without_amount[:20]]
        named += ["  …"] if len(rows) > 20 else []
        for label in (caption, self.values["billed"]):
            label.setToolTip(tip("\n".join([text, *named])) if text else "")
        self.missing.setToolTip(
            tip("\n".join([text, *named, *([reserve_sentence(reserve)] if reserve else [])])) if shown_text else ""
        )


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
        self.marked: frozenset[int] = frozenset()  # the teeth of the line selected in the tables
        self._work: tuple[Estimate, dict[int, tuple[LineClass, bool]]] | None = None
        self.setMinimumSize(QSize(286, 96))
        self.setMouseTracking(True)
        self.setToolTip(self.legend())
        document.changed.connect(self.update)

    LEGEND = 16  # the row of the colours' meanings below the teeth

    def sizeHint(self) -> QSize:
        return QSize(440, 112 + self.LEGEND)

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

    def legend(self) -> str:
        """What the colours and outlines say, beside the teeth (over a tooth: its lines)."""
        return self.tr(
            "Farbe der Zähne: dunkelblau Klasse A (Zahnersatz), grün B (Zahnbehandlung), türkis P (Prophylaxe), grau X "
            "(nicht erstattungsfähig), weiß nichts geplant; „I“: Implantat. Orange umrandet: die Zähne der gewählten "
            "Zeile; ein Klick auf einen Zahn zeigt nur seine Zeilen."
        )

    def mark(self, teeth: Iterable[int]) -> None:
        """Outline the teeth of the line selected in a table (none: no line selected)."""
        marked = frozenset(teeth)
        if marked != self.marked:
            self.marked = marked
            self.update()

    def _cell(self, tooth: int) -> QRectF:
        row, column = (0, UPPER_ROW.index(tooth)) if tooth in UPPER_ROW else (1, LOWER_ROW.index(tooth))
        width, height = (self.width() - 8) / 16, (self.height() - 22 - self.legend_height()) / 2
        return QRectF(4 + column * width + 1, 18 + row * height + 1, width - 2, height - 3)

    def _legend(self) -> tuple[QFont, list[list[tuple[LineClass, str]]]]:
        """The colours' meanings below the teeth (the tooltip alone was not found), „■ A Zahnersatz …“, in the font they
        are drawn in: on one row, or on two where the chart is narrow."""
        words = {
            LineClass.A: self.tr("Zahnersatz"),
            LineClass.B: self.tr("Behandlung"),
            LineClass.P: self.tr("Prophylaxe"),
            LineClass.X: self.tr("ohne Erstattung"),
        }
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.85)
        metrics = QFontMetrics(font)
        items = [(c, f"{c.value} {word}") for c, word in words.items()]
        if sum(metrics.horizontalAdvance(t) + 22 for _, t in items) <= self.width() - 8:
            return font, [items]
        return font, [items[:2], items[2:]]

    def legend_height(self) -> int:
        """The legend's rows' height at the chart's width (asked for every tooth's place: kept per width)."""
        key = (self.width(), self.tr("Zahnersatz"))
        if getattr(self, "_legend_key", None) != key:
            self._legend_key, self._legend_rows = key, len(self._legend()[1])
        return self.LEGEND * self._legend_rows

    def _draw_legend(self, painter: QPainter) -> None:
        font, rows = self._legend()
        painter.setFont(font)
        metrics, top = painter.fontMetrics(), self.height() - self.LEGEND * len(rows) + 2
        for number, row in enumerate(rows):
            x, y = 4.0, top + number * self.LEGEND
            for line_class, text in row:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(CLASS_COLOURS[line_class])
                painter.drawRoundedRect(QRectF(x, y + 2, 10, 10), 2, 2)
                painter.setPen(self.palette().text().color())
                painter.drawText(QRectF(x + 14, y - 1, self.width() - x, 16), Qt.AlignmentFlag.AlignLeft, text)
                x += 22 + metrics.horizontalAdvance(text)

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
        narrow = painter.fontMetrics().horizontalAdvance(self.implants_text()) > self.width() - 8  # a narrow window
        template = self.tr("Implantate {0}: {1}/{2}") if narrow else self.tr("Implantate {0}: {1} von {2}")
        for index, jaw in enumerate(jaws):
            over = jaw.present + jaw.planned > jaw.limit
            text = (" · " if index else "") + template.format(
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
            chosen = tooth == self.selected or tooth in self.chosen
            pen = (
                QPen(QColor("#d4a017"), 3) if chosen else QPen(MARKED, 3) if tooth in self.marked else QPen(QColor("#7a8794"), 1)
            )
            painter.setPen(pen)
            painter.drawRoundedRect(cell, 4, 4)
            painter.setPen(QColor("#ffffff") if line_class else QColor("#44546a"))
            painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, f"{tooth}\nI" if implant else str(tooth))
        self._draw_legend(painter)
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
            self.setToolTip(self.legend())
            return
        lines = [r for r in self.document.estimate.lines if tooth in r.line.teeth.teeth]
        text = ", ".join(f"{r.line.number} ({r.line_class.value})" for r in lines) or self.tr("nichts geplant")
        self.setToolTip(tip(self.tr("Zahn {0}: {1}").format(tooth, text)))  # the plan's numbers as written
