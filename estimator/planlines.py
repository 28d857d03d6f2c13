"""Lines added, duplicated, deleted and moved in a case, each change a new case (the window's undo keeps the
one before). A line keeps its sheet and row as its name in messages; a new line takes the next free row of its
sheet. Edits follow their line; a deleted line's edits and reviewer decision go with it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from estimator.case import Case, CaseError
from estimator.codes import Code
from estimator.kinds import Schedule, Severity
from estimator.model import MAX_LINES, FeeLine, Finding, LabLine, LeftOutLine
from estimator.phrases import say
from estimator.teeth import Teeth, parse_teeth

Line = FeeLine | LabLine
SHEETS = {"fee": "Leistungen", "lab": "Labor"}


def _lines(case: Case, kind: str) -> tuple[Line, ...]:
    return case.original.fee_lines if kind == "fee" else case.original.lab_lines


def new_lines_sheet(case: Case, kind: str, at: int | None = None) -> str:
    """The sheet new lines of this kind are named by: that of the line they follow (`at`), else of the kind's last
    line – „HKP, Zeile 24“ below a plan's rows 11–23, not a sheet „Leistungen“ the plan does not have –, else the
    template's."""
    lines = _lines(case, kind)
    if not lines:
        return SHEETS[kind]
    return lines[at if at is not None and 0 <= at < len(lines) else -1].sheet


def next_row(case: Case, kind: str, taken: int = 0, sheet: str = "") -> int:
    """The row a new line of this kind takes on its sheet (new_lines_sheet, unless given): after every row the sheet
    already uses (the header is row 1), every row a reviewer's decision names and every row a note of the import
    names – a new line never takes over a decision or a note made about another (a row corrected, then deleted)."""
    sheet = sheet or new_lines_sheet(case, kind)
    plan = case.original
    lines: tuple[Line, ...] = (*plan.fee_lines, *plan.lab_lines)
    used = [line.row for line in lines if line.sheet == sheet] + [left.row for left in plan.left_out if left.sheet == sheet]
    used += [override.row for override in case.overrides if override.sheet == sheet]
    used += [f.row for f in plan.input_findings if f.sheet == sheet and f.row is not None]
    return max([1, *used]) + 1 + taken


def _rearranged(case: Case, kind: str, order: Sequence[int | Line]) -> Case:
    """The case with its lines of one kind in a new order: an int is the line at that index now, a line is new."""
    old = _lines(case, kind)
    others = sum(len(_lines(case, k)) for k in SHEETS if k != kind) + len(case.original.left_out)
    if others + len(order) > MAX_LINES:
        raise CaseError(f"höchstens {MAX_LINES} Zeilen in einem Plan")
    lines = tuple(old[item] if isinstance(item, int) else item for item in order)
    place = {item: position for position, item in enumerate(order) if isinstance(item, int)}
    edits = {
        (k, place[i] if k == kind else i, name): value for (k, i, name), value in case.edits.items() if k != kind or i in place
    }
    kept = {(line.sheet, line.row) for line in lines} | {
        (line.sheet, line.row) for k in SHEETS if k != kind for line in _lines(case, k)
    }
    overrides = tuple(o for o in case.overrides if (o.sheet, o.row) in kept)
    if kind == "fee":
        original = dataclasses.replace(case.original, fee_lines=tuple(line for line in lines if isinstance(line, FeeLine)))
    else:
        original = dataclasses.replace(case.original, lab_lines=tuple(line for line in lines if isinstance(line, LabLine)))
    return dataclasses.replace(case, original=original, edits=edits, overrides=overrides)


def add_lines(case: Case, kind: str, lines: Sequence[Line], at: int | None = None) -> Case:
    """New lines after the line at `at` (None: at the end), each on the next free row of the sheet of the line they
    follow."""
    count = len(_lines(case, kind))
    position = count if at is None else min(max(at + 1, 0), count)
    sheet = new_lines_sheet(case, kind, at)
    numbered = [dataclasses.replace(line, sheet=sheet, row=next_row(case, kind, n, sheet)) for n, line in enumerate(lines)]
    order: list[int | Line] = [*range(position), *numbered, *range(position, count)]
    return _rearranged(case, kind, order)


def delete_lines(case: Case, kind: str, indexes: Sequence[int]) -> Case:
    gone = set(indexes)
    return _rearranged(case, kind, [i for i in range(len(_lines(case, kind))) if i not in gone])


def duplicate_line(case: Case, kind: str, index: int) -> Case:
    """A copy of the line as it stands now (its edits taken over) right after it."""
    shown = case.plan().fee_lines if kind == "fee" else case.plan().lab_lines
    return add_lines(case, kind, [shown[index]], at=index)


def move_line(case: Case, kind: str, index: int, offset: int) -> Case:
    """The line moved up (offset -1) or down (+1) among the lines of its kind; at an end it stays."""
    count = len(_lines(case, kind))
    target = index + offset
    if not (0 <= index < count and 0 <= target < count):
        return case
    order: list[int | Line] = list(range(count))
    order[index], order[target] = order[target], order[index]
    return _rearranged(case, kind, order)


def take_left_out(case: Case, index: int, line: Line, found: Sequence[Finding] = ()) -> Case:
    """A row the import left out, corrected into a line: the line takes the row's place among the lines of its
    sheet and keeps its sheet and row as its name; what reading the row found before goes, what reading the
    corrected row found (warnings) comes in its place, with a note of the cells as the sheet had them (the row is
    marked corrected in the window by it)."""
    left = case.original.left_out[index]
    plan = case.original
    placed: tuple[Line, ...] = (*plan.fee_lines, *plan.lab_lines)
    if any((other.sheet, other.row) == (left.sheet, left.row) for other in placed):
        raise CaseError(f"{left.sheet}, Zeile {left.row}: an dieser Stelle steht schon eine Zeile des Plans")
    kind = "lab" if isinstance(line, LabLine) else "fee"  # a row of a table with GO may turn out the other kind
    line = dataclasses.replace(line, sheet=left.sheet, row=left.row)
    lines = _lines(case, kind)
    position = next((i for i, other in enumerate(lines) if other.sheet == left.sheet and other.row > left.row), len(lines))
    taken = _rearranged(case, kind, [*range(position), line, *range(position, len(lines))])
    said = say(Code.INPUT_LINE_CORRECTED, sheet=left.sheet, row=left.row, cells=_cells(left))
    corrected = Finding(Severity.INFO, said, left.sheet, left.row)
    return _without_left_out(taken, left, (corrected, *found))


def drop_left_out(case: Case, index: int) -> Case:
    """A row the import left out, dropped by the user: said in the findings with the texts it had; a reviewer's
    decision about it goes with it."""
    left = case.original.left_out[index]
    phrase = say(Code.INPUT_LINE_DROPPED, sheet=left.sheet, row=left.row, cells=_cells(left))
    dropped = _without_left_out(case, left, (Finding(Severity.INFO, phrase, left.sheet, left.row),))
    overrides = tuple(o for o in case.overrides if (o.sheet, o.row) != (left.sheet, left.row))
    return dataclasses.replace(dropped, overrides=overrides)


def _cells(left: LeftOutLine) -> str:
    """The row's cells as the sheet had them, for the finding that keeps them once the row is taken or dropped."""
    return "; ".join(f"{name} {text}" for name, text in left.cells)


def _without_left_out(case: Case, left: LeftOutLine, found: tuple[Finding, ...]) -> Case:
    plan = case.original
    place = (left.sheet, left.row)
    findings = tuple(f for f in plan.input_findings if (f.sheet, f.row) != place) + found
    rest = tuple(other for other in plan.left_out if other is not left)
    original = dataclasses.replace(plan, left_out=rest, input_findings=findings)
    return dataclasses.replace(case, original=original)


def new_fee_line(number: str, schedule: Schedule, teeth: Teeth, day: dt.date | None, factor: Decimal) -> FeeLine:
    """A fee line as the service picker makes it: its amount is computed from the catalogue."""
    return FeeLine(sheet=SHEETS["fee"], row=0, number=number, schedule=schedule, date=day, teeth=teeth, factor=factor)


def new_lab_line(code: str, teeth: Teeth, day: dt.date | None, unit_price: Decimal) -> LabLine:
    return LabLine(sheet=SHEETS["lab"], row=0, code=code, unit_price=unit_price, date=day, teeth=teeth)


def teeth_of(numbers: Sequence[int]) -> Teeth:
    """The teeth chosen on the chart as the Zahn cell would hold them."""
    return parse_teeth(",".join(str(number) for number in sorted(numbers))) if numbers else parse_teeth(None)
