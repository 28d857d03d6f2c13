"""What a plan table's layout says beside its lines: a row of VAT under the lab lines, a lab table's number column
that only counts its rows, rows and columns hidden in the spreadsheet program."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from estimator.cells import parse_amount, short_text
from estimator.codes import Code
from estimator.io.sheetroles import Header
from estimator.io.sheets import Sheet
from estimator.io.tablerows import RowReader, numbers_count_rows
from estimator.kinds import Severity
from estimator.model import FeeLine, Finding, LabLine
from estimator.money import ZERO, cents, spread_cents
from estimator.phrases import Money, say
from estimator.sheetcells import column_letter
from estimator.tariff.catalogues import load_tariffs


def vat_of(lines: list[LabLine], taxed: int, reader: RowReader, findings: list[Finding]) -> bool:
    """Whether a row of VAT („zzgl. 7 % MwSt 5,11“) is the VAT of the lab lines above it (from `taxed` on) whose
    amounts are net (quantity × unit price): then those lines are computed with their VAT (their net amount set
    aside), and the row is no line, said; else a row to correct, its amount in no line. The VAT in cents of each line,
    or of their sum at each rate as an invoice gives it – then spread over the lines, so that they bill what it says."""
    rate = load_tariffs().default.profile.lab_default_vat
    net = [  # a line at 0 % (material the dentist bills) is no line the row's VAT is of
        k
        for k in range(taxed, len(lines))
        if lines[k].amount == cents(lines[k].quantity * lines[k].unit_price) and vat_rate(lines[k], rate)
    ]
    added = sum((cents(lines[k].unit_price * lines[k].quantity * vat_rate(lines[k], rate) / 100) for k in net), ZERO)
    by_rate: dict[Decimal, list[int]] = {}  # the lines at each rate: an invoice may put the VAT on their sum
    for k in net:
        by_rate.setdefault(vat_rate(lines[k], rate), []).append(k)
    on_sum = sum((cents(_net(lines, ks) * vat / 100) for vat, ks in by_rate.items()), ZERO)
    amount = reader.get("Betrag", parse_amount) if "Betrag" in reader.mapping else None
    reader.problems.clear()  # an amount that is no number: said as the row's, below
    letter = column_letter(reader.vat or 0)
    cell = f"{reader.sheet}!{letter}{reader.row}"
    if amount is None or not net or amount not in (added, on_sum):
        phrase = say(Code.INPUT_VAT_ROW_OTHER, cell=cell, vat=Money(added))
        findings.append(Finding(Severity.WARNING, phrase, reader.sheet, reader.row, letter))
        return False
    for vat, ks in by_rate.items():  # VAT on each line: computed so; on the sum: spread over them
        exact, net_sum = [(lines[k].amount or ZERO) * (1 + vat / 100) for k in ks], _net(lines, ks)
        shares = spread_cents(exact, net_sum + cents(net_sum * vat / 100))
        for k, share in zip(ks, shares, strict=True):
            lines[k] = replace(lines[k], amount=None if amount == added else share)
    findings.append(Finding(Severity.INFO, say(Code.INPUT_VAT_ROW, cell=cell, count=len(net)), reader.sheet, reader.row, letter))
    return True


def _net(lines: list[LabLine], indexes: list[int]) -> Decimal:
    return sum((lines[k].amount or ZERO for k in indexes), ZERO)


def counts_rows(sheet: Sheet, header: Header) -> bool:
    """Whether a lab sheet's number column only counts its rows (estimator.io.tablerows.numbers_count_rows)."""
    return numbers_count_rows(sheet, header[0], header[1]["Nr"])


def vat_rate(line: LabLine, default: Decimal) -> Decimal:
    """A lab line's VAT rate: its own, else the default (a rate of 0 % given is its own)."""
    return default if line.vat_percent is None else line.vat_percent


def say_hidden(sheet: Sheet, headers: list[tuple[int, dict[str, int]]], rows: list[int], findings: list[Finding]) -> None:
    """Rows and columns hidden in the spreadsheet program are read like any other (nothing of a plan is lost
    unseen), and said: a hidden row's line is in the estimate though the printed plan does not show it."""
    if rows:
        listed = ", ".join(str(number) for number in rows[:10]) + (", …" if len(rows) > 10 else "")
        phrase = say(Code.INPUT_HIDDEN_ROWS, sheet=sheet.name, count=len(rows), rows=listed)
        findings.append(Finding(Severity.WARNING, phrase, sheet.name, rows[0]))
    if not sheet.hidden_columns:
        return
    titles = dict(sheet.rows)
    said: set[int] = set()
    for number, mapping in headers:  # a column once, at the first header that reads it
        for index in sorted(set(mapping.values()) & sheet.hidden_columns - said):
            said.add(index)
            letter = column_letter(index)
            title = short_text(" ".join(str(titles[number][index]).split()), 60)
            phrase = say(Code.INPUT_HIDDEN_COLUMN, cell=f"{sheet.name}!{letter}{number}", title=title)
            findings.append(Finding(Severity.WARNING, phrase, sheet.name, number, letter))


def in_session(line: FeeLine | LabLine | None, above: str) -> tuple[FeeLine | LabLine | None, str]:
    """A fee line without a day below a session's fee line, only lines between them (lab rows of a one-sheet plan
    too), is in that session; and the session the lines below go on in. Lab lines take none (material goes with its
    date, lab work with its services' day); an empty row, a heading or a row left out ends the session."""
    if line is None:
        return None, ""
    if not isinstance(line, FeeLine):
        return line, above
    if line.date is None and not line.session and above:
        line = replace(line, session=above)
    return line, "" if line.date is not None else line.session
