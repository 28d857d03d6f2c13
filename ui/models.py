"""Table models of the main window: plan lines with their amounts, findings, the explanation of one line."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from estimator import figures
from estimator.case import EDITABLE, edit_text
from estimator.codes import Code
from estimator.kinds import Cause, Severity
from estimator.model import Explanation, FeeLine, Finding, LabLine, LineResult
from estimator.rules.engine import tariff_of
from estimator.rules.labprices import vat_percent
from estimator.wording import by_severity, finding_text, rule_text, severity_label, step_text
from ui import formats
from ui.document import CaseDocument
from ui.language import language
from ui.plaintext import tip
from ui.review import review_text

Index = QModelIndex | QPersistentModelIndex
EDITED = QColor("#fff4c2")
REVIEWED = QColor("#dbeafb")  # a reviewer's decision on the cell's value (Bearbeiten → Prüfung)
REDUCED = QColor("#8c2a1c")
SEVERITY_COLOURS = {Severity.ERROR: QColor("#b3261e"), Severity.WARNING: QColor("#8a5a00"), Severity.INFO: QColor("#44546a")}
Role = Qt.ItemDataRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# The roles a line cell answers; a view asks each cell for a dozen, and most get None at once.
LINE_ROLES = frozenset({Role.DisplayRole, Role.EditRole, Role.CheckStateRole, Role.TextAlignmentRole})
LINE_ROLES |= {Role.BackgroundRole, Role.ForegroundRole, Role.ToolTipRole}


class LineColumn(Enum):
    """The columns of the line tables: what each shows, with its German name and its width in the window."""

    DATE = ("Datum", 80)
    TOOTH = ("Zahn", 46)
    SCHEDULE = ("GO", 40)
    NUMBER = ("Nr.", 50)
    SERVICE = ("Leistung", 136)
    COUNT = ("Anzahl", 56)
    QUANTITY = ("Menge", 56)
    FACTOR = ("Faktor", 50)
    REASON = ("Begründung", 90)
    UNIT_PRICE = ("Einzelpreis", 92)
    VAT = ("MwSt", 56)
    AMOUNT = ("Betrag", 84)
    ELIGIBLE = ("erstattungsfähig", 104)
    CLASS = ("Klasse", 52)
    RATE = ("Satz", 50)
    BENEFIT = ("Erstattung", 92)
    ACCIDENT = ("Unfall", 54)

    @property
    def width(self) -> int:
        return self.value[1]


@dataclass(frozen=True)
class Column:
    key: LineColumn
    title: str  # translated
    show: Callable[[Any, LineResult | None], str]
    field: str = ""  # the editable field of the line, if any
    number: bool = False


def _amount(result: LineResult | None, name: str) -> str:
    return formats.money(getattr(result, name)) if result else ""


def _vat(document: CaseDocument, line: LabLine, result: LineResult | None) -> str:
    """The VAT a lab line is priced with: its own, else the tariff's default on its treatment day."""
    if result is None:
        return formats.rate(line.vat_percent / 100) if line.vat_percent is not None else ""
    profile = tariff_of(document.estimate.plan, document.tariffs)[0].on(result.date).profile
    return formats.rate(vat_percent(line, profile) / 100)


def _catalogue_text(document: CaseDocument, line: FeeLine | LabLine, result: LineResult | None) -> str:
    if result is None:
        return line.description
    return tariff_of(document.estimate.plan, document.tariffs)[0].on(result.date).service_text(line)


def _reduced(result: LineResult) -> bool:
    """Whether a rule took more from the line than its rate (every line has a rate; that is no reduction to mark)."""
    return any(cause is not Cause.RATE and amount > 0 for cause, amount in result.reductions.items())


REVIEWED_FIELDS = {LineColumn.ELIGIBLE: "eligible", LineColumn.CLASS: "line_class"}  # a review's, by the column


class LinesModel(QAbstractTableModel):
    """The fee lines or the lab lines of the plan, each with what the estimate made of it."""

    def __init__(self, document: CaseDocument, kind: str) -> None:
        super().__init__()
        self.document, self.kind = document, kind
        text = lambda line, result: _catalogue_text(document, line, result)  # noqa: E731
        common_end = [
            Column(LineColumn.ELIGIBLE, self.tr("erstattungsfähig"), lambda line, r: _amount(r, "eligible"), number=True),
            Column(LineColumn.CLASS, self.tr("Klasse"), lambda line, r: r.line_class.value if r else "", "manual_class"),
            Column(LineColumn.RATE, self.tr("Satz"), lambda line, r: formats.rate(r.rate) if r else "", number=True),
            Column(LineColumn.BENEFIT, self.tr("Erstattung"), lambda line, r: _amount(r, "benefit"), number=True),
        ]
        if kind == "fee":
            self.columns = [
                Column(LineColumn.DATE, self.tr("Datum"), formats.line_day, "date"),
                Column(LineColumn.TOOTH, self.tr("Zahn"), lambda line, r: line.teeth.text, "teeth"),
                Column(LineColumn.SCHEDULE, self.tr("GO"), lambda line, r: line.schedule.value),
                Column(LineColumn.NUMBER, self.tr("Nr."), lambda line, r: line.number, "number"),
                Column(LineColumn.SERVICE, self.tr("Leistung"), text, "description"),
                Column(LineColumn.COUNT, self.tr("Anzahl"), lambda line, r: edit_text(line, "count", language()), "count", True),
                Column(LineColumn.FACTOR, self.tr("Faktor"), lambda line, r: formats.factor(line.factor), "factor", True),
                Column(LineColumn.REASON, self.tr("Begründung"), lambda line, r: line.justification, "justification"),
                Column(LineColumn.AMOUNT, self.tr("Betrag"), lambda line, r: _amount(r, "billed"), "amount", True),
                *common_end,
                Column(LineColumn.ACCIDENT, self.tr("Unfall"), lambda line, r: "", "accident"),
            ]
        else:
            self.columns = [
                Column(LineColumn.DATE, self.tr("Datum"), formats.line_day, "date"),
                Column(LineColumn.TOOTH, self.tr("Zahn"), lambda line, r: line.teeth.text, "teeth"),
                Column(LineColumn.NUMBER, self.tr("Nr."), lambda line, r: line.code, "code"),
                Column(LineColumn.SERVICE, self.tr("Leistung"), text, "description"),
                Column(
                    LineColumn.QUANTITY,
                    self.tr("Menge"),
                    lambda line, r: edit_text(line, "quantity", language()),
                    "quantity",
                    True,
                ),
                Column(
                    LineColumn.UNIT_PRICE,
                    self.tr("Einzelpreis"),
                    lambda line, r: formats.money(line.unit_price, figures.price_places(line.unit_price)),
                    "unit_price",
                    True,
                ),
                Column(LineColumn.VAT, self.tr("MwSt"), lambda line, r: _vat(document, line, r), "vat_percent", True),
                Column(LineColumn.AMOUNT, self.tr("Betrag"), lambda line, r: _amount(r, "billed"), "amount", True),
                *common_end,
            ]
        self.column_flags = [self._column_flags(column) for column in self.columns]
        self._refresh_cache()
        document.changed.connect(self.refresh)

    def _column_flags(self, column: Column) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if column.field == "accident":
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if column.field in EDITABLE[self.kind]:
            return flags | Qt.ItemFlag.ItemIsEditable
        return flags

    def _refresh_cache(self) -> None:
        case = self.document.case
        self.reviews = {(o.sheet, o.row): o for o in case.overrides}
        self.corrected = {(f.sheet, f.row): f for f in case.original.input_findings if f.phrase.code is Code.INPUT_LINE_CORRECTED}
        plan = self.document.estimate.plan
        self.lines: Sequence[FeeLine | LabLine] = plan.fee_lines if self.kind == "fee" else plan.lab_lines
        results = self.document.estimate.lines  # the fee lines' results in their order, then the lab lines'
        start = 0 if self.kind == "fee" else len(plan.fee_lines)
        mine = results[start : start + len(self.lines)]
        if len(mine) == len(self.lines) and all(r.line is line for r, line in zip(mine, self.lines, strict=True)):
            self.results: list[LineResult | None] = list(mine)
            return
        by_place = {(str(r.kind), r.line.sheet, r.line.row): r for r in results}
        self.results = [by_place.get((self.kind, line.sheet, line.row)) for line in self.lines]

    def refresh(self) -> None:
        old, marks = len(self.lines), (self.reviews, self.corrected)
        self._refresh_cache()
        if len(self.lines) != old:
            self.beginResetModel()
            self.endResetModel()
        elif self.lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.lines) - 1, len(self.columns) - 1))
            if marks != (self.reviews, self.corrected):  # the row headers' marks, and their width
                self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self.lines) - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            shown = role == Role.DisplayRole and 0 <= section < len(self.columns)
            return self.columns[section].title if shown else None
        if role not in (Role.DisplayRole, Role.ToolTipRole) or not 0 <= section < len(self.lines):
            return None
        line = self.lines[section]
        review, corrected = self.reviews.get((line.sheet, line.row)), self.corrected.get((line.sheet, line.row))
        if role == Role.ToolTipRole:  # a row left out by the import and corrected by hand, a reviewer's decision
            said = [finding_text(corrected, language())] if corrected else []
            return tip("\n".join([*said, review_text(review)] if review else said)) or None
        return f"{line.row} {'✎' if corrected else ''}{'✓' if review else ''}".rstrip()  # its number in the sheet, marked

    def flags(self, index: Index) -> Qt.ItemFlag:
        return self.column_flags[index.column()] if index.isValid() else Qt.ItemFlag.NoItemFlags

    def edit_key(self, index: Index) -> tuple[str, int, str]:
        return (self.kind, index.row(), self.columns[index.column()].field)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in LINE_ROLES or not index.isValid() or not (0 <= index.row() < len(self.lines)):
            return None
        line, result, column = self.lines[index.row()], self.results[index.row()], self.columns[index.column()]
        if role == Role.DisplayRole:
            return column.show(line, result)
        if role == Role.EditRole:
            return edit_text(line, column.field, language()) if column.field else column.show(line, result)
        if role == Role.CheckStateRole and column.field == "accident":
            return Qt.CheckState.Checked if getattr(line, "accident", False) else Qt.CheckState.Unchecked
        if role == Role.TextAlignmentRole:
            return RIGHT if column.number else None
        if role == Role.ForegroundRole and result and column.key is LineColumn.BENEFIT and _reduced(result):
            return QBrush(REDUCED)
        review = self.reviews.get((line.sheet, line.row)) if self.reviews else None
        field = REVIEWED_FIELDS.get(column.key)
        decided = review is not None and field is not None and getattr(review, field) is not None
        if decided:  # the reviewer's value acts, whatever the plan or an edit says
            if role == Role.BackgroundRole:
                return QBrush(REVIEWED)
            return tip(review_text(review)) if role == Role.ToolTipRole and review else None
        edited = bool(column.field) and self.edit_key(index) in self.document.case.edits
        if role == Role.BackgroundRole and (edited or (column.field and (line.sheet, line.row) in self.corrected)):
            return QBrush(EDITED)
        if role == Role.ToolTipRole:
            return tip(self._tooltip(index, line, result, edited)) or None
        return None

    def _tooltip(self, index: Index, line: FeeLine | LabLine, result: LineResult | None, edited: bool) -> str | None:
        column = self.columns[index.column()]
        if edited:
            original = (self.document.case.original.fee_lines if self.kind == "fee" else self.document.case.original.lab_lines)[
                index.row()
            ]
            said = self.tr("geändert; im Plan: {0}").format(edit_text(original, column.field, language()) or "–")
            if column.field == "amount" and getattr(line, "amount", None) is not None:
                said += "\n" + self.tr(
                    "von Hand eingetragen: bleibt, wenn sich Faktor, Anzahl oder Preis ändern; leeren, um ihn zu berechnen"
                )
            return said
        if result and column.key is LineColumn.BENEFIT and result.explanations:
            return "\n".join(f"{rule_text(e.rule, language())}: {step_text(e, language())}" for e in result.explanations)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not (self.flags(index) & (Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)):
            return False
        field = self.columns[index.column()].field
        if role == Qt.ItemDataRole.CheckStateRole and field == "accident":
            text = "ja" if Qt.CheckState(value) == Qt.CheckState.Checked else "nein"
        elif role == Qt.ItemDataRole.EditRole and field != "accident":
            text = str(value)
            if text == self.data(index, Qt.ItemDataRole.EditRole):  # the cell confirmed as it stands: no edit
                self.document.unchanged.emit()
                return True
        else:
            return False
        return self.document.edit_line(self.edit_key(index), text)  # a refused edit says why through the document

    def row_of(self, sheet: str, row: int | None) -> int | None:
        for number, line in enumerate(self.lines):
            if line.sheet == sheet and line.row == row:
                return number
        return None


class ToothFilter(QSortFilterProxyModel):
    """Shows the lines of one tooth, and of one cause of the patient's share (all lines when none is chosen)."""

    def __init__(self, source: LinesModel) -> None:
        super().__init__()
        self.setSourceModel(source)
        self.tooth: int | None = None
        self.cause: Cause | None = None

    def filtering(self) -> bool:
        """Whether some lines are hidden."""
        return self.tooth is not None or self.cause is not None

    def set_cause(self, cause: Cause | None) -> None:
        self.beginFilterChange()
        self.cause = cause
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_tooth(self, tooth: int | None) -> None:
        self.beginFilterChange()
        self.tooth = tooth
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self.tooth is None and self.cause is None:
            return True  # asked for every row after each edit: answered at once when nothing is filtered
        model = self.sourceModel()
        assert isinstance(model, LinesModel)
        if self.tooth is not None and self.tooth not in model.lines[source_row].teeth.teeth:
            return False
        result = model.results[source_row]
        return self.cause is None or (result is not None and result.reductions.get(self.cause, 0) > 0)


class RecordsModel(QAbstractTableModel):
    """A flat table of records under fixed column titles; subclasses say how a record shows."""

    def __init__(self, titles: list[str]) -> None:
        super().__init__()
        self.titles = titles
        self.records: Sequence[Any] = ()

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self.records = records
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.titles):
            return self.titles[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.records)):
            return None
        return self.show_record(self.records[index.row()], index.column(), role)

    def show_record(self, record: Any, column: int, role: int) -> Any:
        raise NotImplementedError


class FindingsModel(RecordsModel):
    """The findings of the estimate: severity, cell, message, tariff section."""

    def __init__(self, document: CaseDocument) -> None:
        super().__init__([self.tr("Art"), self.tr("Zelle"), self.tr("Meldung"), self.tr("Abschnitt")])
        self.document = document
        self.refresh()
        document.changed.connect(self.refresh)

    @property
    def findings(self) -> Sequence[Finding]:
        return self.records

    def refresh(self) -> None:
        self.set_records(by_severity(sorted(self.document.estimate.findings, key=lambda f: (f.sheet, f.row or 0))))

    def show_record(self, finding: Finding, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            place = (
                f"{finding.sheet}!{finding.cell}"
                if finding.cell
                else (self.tr("{0}, Zeile {1}").format(finding.sheet, finding.row) if finding.row else finding.sheet)
            )
            return [severity_label(finding.severity, language()), place, finding_text(finding, language()), finding.section][
                column
            ]
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return QBrush(SEVERITY_COLOURS[finding.severity])
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return tip(finding_text(finding, language()))
        return None


class ExplanationModel(RecordsModel):
    """Each step the estimate took for one line: tariff section, what happened, amount before and after."""

    def __init__(self) -> None:
        super().__init__([self.tr("Abschnitt"), self.tr("Schritt"), self.tr("vorher"), self.tr("nachher")])

    def show(self, result: LineResult | None) -> None:
        self.set_records(result.explanations if result else ())

    def show_record(self, step: Explanation, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            before = formats.money(step.before) if step.before is not None else ""
            after = formats.money(step.after) if step.after is not None else ""
            return [rule_text(step.rule, language()), step_text(step, language()), before, after][column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return tip(step_text(step, language()))
        return None
