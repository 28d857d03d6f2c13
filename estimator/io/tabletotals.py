"""A plan's own total rows against the lines read above them. A total that none of the sums it may stand for gives
is said at its cell: a line lost, an amount misread, or a total that leaves a line out would otherwise stay unseen
(the plan's totals are not read as lines, the estimate sums its own). The sums a total may stand for: the lines
since the total above it or on the whole sheet – all of them, only the fees („Honorar gesamt“) or only the lab
lines (a lab table's below the fees) – as their cells hold them or in cents, with their VAT („Summe brutto“) or, in a
row that says „netto“, without; the totals above it from one of them on and the lines since („Gesamt“ = Honorar +
Labor, „Übertrag“); nothing for a section without lines; each of these with what the other sheets sum
(„Gesamtbetrag“ under the fees = fees + the Labor sheet's total; of a sheet with a row left out, its stated totals),
or a Labor sheet's total alone. Not compared: a total over a row left out (the row is said), a total of the VAT
(„Summe MwSt 7 %“)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from estimator.cells import CellError, parse_amount, text_key
from estimator.codes import Code
from estimator.io.tablenotes import vat_rate
from estimator.io.tablerows import RowReader, cell_value
from estimator.kinds import Severity
from estimator.model import FeeLine, Finding, LabLine
from estimator.money import ZERO, cents
from estimator.phrases import Money, Param, say
from estimator.sheetcells import column_letter
from estimator.tariff.catalogues import load_tariffs

KINDS = (None, "fee", "lab", "GOZ", "GOÄ")  # a total of all the lines, the fees, the lab lines, one fee schedule's
SCHEDULES = {"GOZ": ("goz",), "GOÄ": ("goä", "goae")}  # a total of one schedule's fees names it („Summe GOZ“)
MAX_TOTALS = 500  # total rows of a workbook compared with their lines (a plan has a few; more are not compared)
MAX_ABOVE = 50  # the totals above a total that it may add up
VAT_STEMS = ("mwst", "ust", "umsatzsteuer", "mehrwertsteuer")
# the word before the VAT's in a total with or without it („inkl. MwSt“, „mit MwSt“; „+ MwSt“: its key is empty)
WITH_VAT = ("", "inkl", "incl", "inklusive", "einschl", "einschließlich", "mit", "m", "und", "zzgl", "zuzüglich", "plus")
WITH_OR_WITHOUT = frozenset((*WITH_VAT, "ohne", "exkl", "excl"))
MAX_SHEETS = 8  # other sheets whose sums a grand total may hold (more: compared with its own sheet's only)
MAX_COMBINED = 4_096  # the other sheets' sums combined for a grand total (more: compared with its own sheet's only)


def stated_amount(reader: RowReader) -> Decimal | None:
    """What a row's amount cell says, None when it is empty or says no amount (no finding: the row is no line)."""
    value = cell_value(reader.values, reader.mapping, "Betrag")
    try:
        return None if value is None else parse_amount(value)
    except CellError:
        return None


def _names_vat(values: tuple[object, ...]) -> bool:
    """Whether a row is the value-added tax of the lines („Summe MwSt 7 %“, „MwSt-Summe“, „davon USt“), not a total
    with or without it („Gesamtbetrag inkl. MwSt“, „Summe ohne MwSt“)."""
    for value in values:
        words = [text_key(word) for word in value.split()[:3]] if isinstance(value, str) else []
        for k, word in enumerate(words):
            if word.startswith(VAT_STEMS) and (k == 0 or words[k - 1] not in WITH_OR_WITHOUT):
                return True
    return False


class _Sums(NamedTuple):
    """Running sums of rows: how many, how many without a known amount, how many with VAT; their amounts as the
    cells hold them and in cents, with their VAT exactly and in cents, and net (quantity × unit price) too."""

    rows: int = 0
    unknown: int = 0
    taxed: int = 0
    amounts: Decimal = ZERO
    in_cents: Decimal = ZERO
    gross: Decimal = ZERO
    gross_cents: Decimal = ZERO
    net: Decimal = ZERO
    net_cents: Decimal = ZERO

    def plus(self, amount: Decimal | None, vat: Decimal, net: Decimal) -> _Sums:
        if amount is None:
            return self._replace(rows=self.rows + 1, unknown=self.unknown + 1)
        with_vat = amount * (1 + vat / 100)
        return _Sums(
            self.rows + 1,
            self.unknown,
            self.taxed + (vat != 0),
            self.amounts + amount,
            self.in_cents + cents(amount),
            self.gross + with_vat,
            self.gross_cents + cents(with_vat),
            self.net + net,
            self.net_cents + cents(net),
        )

    def since(self, before: _Sums, *, net: bool = False) -> list[Decimal]:
        """The sums of the rows after `before` (`net`: also without their VAT); none when there is none or one of
        them is not known."""
        if self.rows == before.rows or self.unknown != before.unknown:
            return []
        sums = [self.amounts - before.amounts, self.in_cents - before.in_cents]
        sums += [self.net - before.net, self.net_cents - before.net_cents] if net else []
        if self.taxed != before.taxed:
            sums += [self.gross - before.gross, self.gross_cents - before.gross_cents]
        return sums


@dataclass(frozen=True)
class _Said:
    """The sum of lines a message names: its amount and the rows of the first and the last line in it."""

    amount: Decimal
    first: int
    last: int


@dataclass(frozen=True)
class _Open:
    """A total that none of its sheet's sums gives, until the other sheets are read."""

    reader: RowReader
    total: Decimal
    sums: tuple[Decimal, ...]
    nearest: _Said  # of the sums of lines the nearest
    lines: _Said | None  # all the sheet's lines above it


class TotalsCheck:
    """The amounts of one sheet's rows as its tables give them, in order, and its total rows checked against them
    (each sum from running sums, summed up at a total: a sheet without one costs a list of its rows)."""

    def __init__(self, workbook: WorkbookTotals, name: str) -> None:
        self.workbook, self.name = workbook, name
        self.rows: list[tuple[int, str, FeeLine | LabLine | Decimal | None]] = []  # number, kind, line (a VAT row's amount)
        self.positions: dict[str | None, list[int]] = {kind: [] for kind in KINDS}  # the rows of each kind
        self.running: dict[str | None, list[_Sums]] = {kind: [_Sums()] for kind in KINDS}  # the sums before each row
        self.totals: list[tuple[int, Decimal]] = []  # the total rows above: (how many rows were summed then, amount)
        self.open: list[_Open] = []

    def line(self, number: int, kind: str, line: FeeLine | LabLine | None) -> None:
        """A line (None: a row left out), summed when a total asks (_amounts)."""
        self.rows.append((number, kind, line))

    def vat_row(self, number: int, amount: Decimal | None) -> None:
        """A row of the VAT of the lab lines above it: summed with them, in no net sum."""
        self.rows.append((number, "vat", amount))

    def total(self, reader: RowReader) -> None:
        """A total row: kept open when none of its sums gives it (and it has an amount and a sum of lines is known)."""
        total = stated_amount(reader) if self.workbook.compared < MAX_TOTALS else None
        if total is None:
            return
        summed, since = len(self.rows), self.totals[-1][0] if self.totals else 0
        above = [amount for _, amount in self.totals[-MAX_ABOVE:]]
        self.totals.append((summed, total))
        if not summed or _names_vat(reader.values):
            return  # „Summe MwSt 7 %“: the VAT of the lines, a total the next („Summe brutto“) may add
        self.workbook.compared += 1
        self._summed()
        ranges = (since, 0)
        texts = " ".join(value.lower() for value in reader.values if isinstance(value, str))
        kinds = [kind for kind in KINDS if kind not in SCHEDULES or any(word in texts for word in SCHEDULES[kind])]
        sums = [s for start in ranges for kind in kinds for s in self._sums(start, summed, kind, net="netto" in texts)]
        sums += [ZERO] if ranges[0] == summed else []  # a section without lines
        rest = self._sums(since, summed, None) if since < summed else [ZERO]
        sums += [sum(above[k:], ZERO) + r for k in range(len(above)) for r in rest]
        if cents(total) in {cents(s) for s in sums}:
            return
        said = [self._said(start, summed, kind) for start in ranges for kind in kinds]
        known = [s for s in said if s is not None]
        if known:  # else no sum of the lines above it is known: a row left out, said already
            nearest = min(known, key=lambda s: abs(s.amount - total))
            self.open.append(_Open(reader, total, tuple(sums), nearest, self._said(0, summed, None)))

    def sheet_sums(self) -> list[Decimal] | None:
        """What this sheet may add to another sheet's total: all its lines, its fees or lab lines, a total of it
        (only its totals when a row of it is not known); None when it says none of them."""
        self._summed()
        whole = len(self.rows)
        sums = [*(s for kind in KINDS for s in self._sums(0, whole, kind)), *(amount for _, amount in self.totals[-MAX_ABOVE:])]
        return sums if sums or not whole else None

    def lab_only(self) -> bool:
        """Whether the sheet's lines are all lab lines (a Labor sheet, whose total a summary block of the fees names)."""
        self._summed()
        return bool(self.rows) and len(self.positions["lab"]) == len(self.rows)

    def whole(self) -> Decimal:
        """All the sheet's lines summed as their cells hold them (0 when a row is not known)."""
        self._summed()
        return (self._sums(0, len(self.rows), None) or [ZERO])[0]

    def _summed(self) -> None:
        """The running sums and the rows of each kind up to the last row."""
        done = len(self.running[None]) - 1
        for index in range(done, len(self.rows)):
            kinds, amount, vat, net = _amounts(*self.rows[index][1:])
            for of in (None, *kinds):
                self.positions[of].append(index)
            for of, running in self.running.items():
                running.append(running[-1].plus(amount, vat, net) if of is None or of in kinds else running[-1])

    def _sums(self, start: int, end: int, kind: str | None, *, net: bool = False) -> list[Decimal]:
        """The rows from `start` to `end` (of one kind, or all) summed (`net`: also without their VAT); none when
        there is no such row or one of them is not known."""
        running = self.running[kind]
        return running[end].since(running[start], net=net) if start < end else []

    def _said(self, start: int, end: int, kind: str | None) -> _Said | None:
        sums = self._sums(start, end, kind)
        if not sums:
            return None
        positions = self.positions[kind]
        first, last = positions[bisect_left(positions, start)], positions[bisect_left(positions, end) - 1]
        return _Said(sums[0], self.rows[first][0], self.rows[last][0])


def _amounts(kind: str, line: FeeLine | LabLine | Decimal | None) -> tuple[tuple[str, ...], Decimal | None, Decimal, Decimal]:
    """A row's kinds, amount as its cell gives it (a lab line without one as the program computes it; None: not known,
    a row left out or a fee without its amount), VAT rate and net amount."""
    if isinstance(line, LabLine):
        vat = vat_rate(line, load_tariffs().default.profile.lab_default_vat)
        net = line.quantity * line.unit_price
        return (kind,), cents(net * (1 + vat / 100)) if line.amount is None else line.amount, vat, net
    if isinstance(line, FeeLine):
        return (kind, line.schedule.value), line.amount, ZERO, line.amount or ZERO
    if kind == "vat":
        return ("lab",), line, ZERO, ZERO
    return (kind, *SCHEDULES) if kind == "fee" else (kind,), None, ZERO, ZERO  # left out: in either schedule


class WorkbookTotals:
    """The total rows of a workbook's sheets against their lines: each sheet's checked as it is read, and at the end
    those that none of their sheet's sums gives against these with the other sheets' sums (a grand total under the
    fees of the fees and the Labor sheet's lines)."""

    def __init__(self) -> None:
        self.sheets: list[TotalsCheck] = []
        self.compared = 0  # total rows compared, at most MAX_TOTALS

    def sheet(self, name: str) -> TotalsCheck:
        self.sheets.append(TotalsCheck(self, name))
        return self.sheets[-1]

    def findings(self) -> list[Finding]:
        said: list[Finding] = []
        for check in self.sheets:
            others = [other for other in self.sheets if other is not check]
            if not check.open:
                continue
            combined = _combined(others) or set()  # none: another sheet's sum is not known, or too many
            labs = {cents(s) for other in others if other.lab_only() for s in other.sheet_sums() or ()}
            said += [_finding(t, others) for t in check.open if not _with_others(t, combined, labs)]
        return said


def _with_others(total: _Open, combined: set[Decimal], labs: set[Decimal]) -> bool:
    """Whether a total is one of its sheet's sums with sums of the other sheets, or a Labor sheet's sum alone („Summe
    Labor (siehe Blatt Labor)“ under the fees)."""
    alone = total.total != 0 and cents(total.total) in labs
    return alone or any(cents(total.total - s) in combined for s in total.sums)


def _combined(sheets: list[TotalsCheck]) -> set[Decimal] | None:
    """Every sum of one of each sheet's sums (or none of a sheet's), in cents; None when a sheet with a row that is
    not known says no total, or there are too many: then a total is compared with its own sheet's sums only."""
    combined = {ZERO}
    if len(sheets) > MAX_SHEETS:
        return None
    for sheet in sheets:
        sums = sheet.sheet_sums()
        if sums is None or len(combined) * (len(sums) + 1) > MAX_COMBINED:
            return None
        combined = {cents(a + b) for a in combined for b in {ZERO, *sums}}
    return combined


def _finding(total: _Open, others: list[TotalsCheck]) -> Finding:
    """The message: the sum of lines nearest to the total, or all the lines above with those of the other sheets
    (a grand total) when that is nearer."""
    reader, said, sheets = total.reader, total.nearest, [other for other in others if other.rows]
    if sheets and total.lines is not None:
        grand = total.lines.amount + sum((other.whole() for other in sheets), ZERO)
        if abs(grand - total.total) < abs(said.amount - total.total):
            said = _Said(grand, total.lines.first, total.lines.last)
        else:
            sheets = []
    else:
        sheets = []
    letter = column_letter(reader.mapping["Betrag"])
    values: dict[str, Param] = {
        "cell": f"{reader.sheet}!{letter}{reader.row}",
        "total": Money(cents(total.total)),
        "lines": Money(cents(said.amount)),
        "single": said.first == said.last,
        "rows": (said.first,) if said.first == said.last else (said.first, said.last),
        "difference": Money(abs(cents(total.total) - cents(said.amount))),
    }
    if sheets:
        names = tuple(other.name for other in sheets)
        phrase = say(Code.INPUT_TOTAL_DIFFERS_SHEETS, **values, count=len(sheets), sheets=names)
    else:
        phrase = say(Code.INPUT_TOTAL_DIFFERS, **values)
    return Finding(Severity.WARNING, phrase, reader.sheet, reader.row, letter)
