"""A plan's own total rows against the lines read above them. A total that none of the sums it may stand for gives
is said at its cell: a line lost, an amount misread, or a total that leaves a line out would otherwise stay unseen
(the plan's totals are not read as lines, the estimate sums its own). The sums a total may stand for: the lines
since the total above it, since its table's header or on the whole sheet – all of them, only the fees („Honorar
gesamt“) or only the lab lines, these with their VAT („Summe brutto“) – each line as its cell holds it or in cents;
the totals above it from one of them on and the lines since („Gesamt“ = Honorar + Labor, „Übertrag“); each of these
with what another sheet sums („Gesamtbetrag“ under the fees = fees + the Labor sheet's total)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from estimator.cells import CellError, parse_amount
from estimator.codes import Code
from estimator.io.tablerows import RowReader, cell_value
from estimator.kinds import Severity
from estimator.model import Finding
from estimator.money import ZERO, cents
from estimator.phrases import Money, say
from estimator.sheetcells import column_letter

KINDS = (None, "fee", "lab")  # a total of all the lines, of the fees only, of the lab lines only
MAX_TOTALS = 500  # total rows of a sheet compared with its lines (a plan has a few; more are not compared)
MAX_ABOVE = 50  # the totals above a total that it may add up („Gesamt“ = Honorar + Labor)


def stated_amount(reader: RowReader) -> Decimal | None:
    """What a row's amount cell says, None when it is empty or says no amount (no finding: the row is no line)."""
    value = cell_value(reader.values, reader.mapping, "Betrag")
    try:
        return None if value is None else parse_amount(value)
    except CellError:
        return None


class _Sums(NamedTuple):
    """Running sums of rows: how many, how many without a known amount, how many with VAT; the amounts as the cells
    hold them and in cents, and with their VAT on each line in cents and exactly."""

    rows: int = 0
    unknown: int = 0
    taxed: int = 0
    amounts: Decimal = ZERO
    in_cents: Decimal = ZERO
    gross_cents: Decimal = ZERO
    gross: Decimal = ZERO

    def plus(self, amount: Decimal | None, vat: Decimal) -> _Sums:
        if amount is None:
            return self._replace(rows=self.rows + 1, unknown=self.unknown + 1)
        with_vat = amount * (1 + vat / 100)
        return _Sums(
            self.rows + 1,
            self.unknown,
            self.taxed + (vat != 0),
            self.amounts + amount,
            self.in_cents + cents(amount),
            self.gross_cents + cents(with_vat),
            self.gross + with_vat,
        )

    def since(self, before: _Sums) -> list[Decimal]:
        """The sums of the rows after `before`: none when there is none or one of them is not known."""
        if self.rows == before.rows or self.unknown != before.unknown:
            return []
        sums = [self.amounts - before.amounts, self.in_cents - before.in_cents]
        if self.taxed != before.taxed:
            sums += [self.gross_cents - before.gross_cents, self.gross - before.gross]
        return sums


@dataclass(frozen=True)
class _Open:
    """A total that none of its sheet's sums gives, until the other sheets are read."""

    reader: RowReader
    total: Decimal
    sums: tuple[Decimal, ...]
    lines: Decimal  # what the message names: the lines since the total above, the table's or the sheet's
    first: int
    last: int


class TotalsCheck:
    """The amounts of one sheet's rows as its tables give them, in order, and its total rows checked against them
    (each sum from running sums, in constant time: thousands of total rows cost no more than their lines)."""

    def __init__(self) -> None:
        self.rows: list[tuple[int, str, Decimal | None, Decimal]] = []  # each row summed: number, kind, amount, VAT
        self.numbers: list[int] = []  # the row number of each row summed
        self.running: dict[str | None, list[_Sums]] = {kind: [_Sums()] for kind in KINDS}  # the sums before each row
        self.totals: list[tuple[int, Decimal]] = []  # the total rows above: (how many rows were summed then, amount)
        self.table = 0  # where the rows and totals of the table begin (a lab table below the fees begins another)
        self.table_totals = 0
        self.open: list[_Open] = []

    def row(self, number: int, kind: str, amount: Decimal | None, vat: Decimal = ZERO) -> None:
        """A line as its amount cell gives it (None: without one, or left out – no sum over it is known), or a row
        of VAT under lab lines (kind "lab", VAT 0)."""
        self.rows.append((number, kind, amount, vat))
        self.numbers.append(number)

    def _summed(self) -> None:
        """The running sums up to the last row (at a total: a sheet without one costs nothing more)."""
        for of, running in self.running.items():
            for _, kind, amount, vat in self.rows[len(running) - 1 :]:
                running.append(running[-1].plus(amount, vat) if of in (None, kind) else running[-1])

    def new_table(self) -> None:
        self.table, self.table_totals = len(self.numbers), len(self.totals)

    def total(self, reader: RowReader) -> None:
        """A total row: kept open when none of its sums gives it (and it has an amount and a sum is known)."""
        total = stated_amount(reader)
        summed = len(self.numbers)
        if total is None or not summed or len(self.totals) >= MAX_TOTALS:
            return
        self._summed()
        since = self.totals[-1][0] if self.totals else 0
        ranges = (max(since, self.table), self.table, 0)
        sums = [s for start in ranges for kind in KINDS for s in self._sums(start, summed, kind)]
        rest = self._sums(since, summed, None) if since < summed else [ZERO]
        above = [amount for _, amount in self.totals[max(self.table_totals, len(self.totals) - MAX_ABOVE) :]]
        sums += [sum(above[k:], ZERO) + r for k in range(len(above)) for r in rest]
        self.totals.append((summed, total))
        if not sums or cents(total) in {cents(s) for s in sums}:
            return
        plain = [  # what the message names: the lines since the total above, the table's or the sheet's, the nearest
            (self._sums(start, summed, None)[0], self.numbers[start]) for start in ranges if self._sums(start, summed, None)
        ]
        nearest = plain or [(min(sums, key=lambda s: abs(s - total)), self.numbers[0])]
        lines, first = min(nearest, key=lambda s: abs(s[0] - total))
        self.open.append(_Open(reader, total, tuple(sums), lines, first, self.numbers[-1]))

    def sheet_sums(self) -> list[Decimal]:
        """What this sheet may add to another sheet's total: all its lines, its fees or lab lines, or a total of it."""
        whole = len(self.numbers)
        self._summed()
        return [*(s for kind in KINDS for s in self._sums(0, whole, kind)), *(amount for _, amount in self.totals)]

    def _sums(self, start: int, end: int, kind: str | None) -> list[Decimal]:
        """The rows from `start` to `end` (of one kind, or all) summed as their cells hold them and in cents, and the
        lab lines among them with their VAT (on each line, and exactly); none when there is no such row or one of
        them is not known."""
        running = self.running[kind]
        return running[end].since(running[start]) if start < end else []


def unmatched_totals(checks: Sequence[TotalsCheck]) -> list[Finding]:
    """The totals of the sheets that none of their sums gives, also with what another sheet sums, said."""
    findings = []
    for check in checks:
        others = {cents(s) for other in checks if other is not check for s in other.sheet_sums()}
        for total in check.open:
            if any(cents(total.total - s) in others for s in total.sums):
                continue
            reader = total.reader
            letter = column_letter(reader.mapping["Betrag"])
            phrase = say(
                Code.INPUT_TOTAL_DIFFERS,
                cell=f"{reader.sheet}!{letter}{reader.row}",
                total=Money(cents(total.total)),
                lines=Money(cents(total.lines)),
                single=total.first == total.last,
                rows=(total.first,) if total.first == total.last else (total.first, total.last),
                difference=Money(abs(cents(total.total) - cents(total.lines))),
            )
            findings.append(Finding(Severity.WARNING, phrase, reader.sheet, reader.row, letter))
    return findings
