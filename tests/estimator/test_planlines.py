"""Lines added, duplicated, deleted and moved in a case: edits follow their line, a deleted line's edits and
reviewer decision go with it, new lines take free rows, and the estimate is the estimate of the lines shown."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from estimator.case import Case, CaseError
from estimator.io.excel import read_plan
from estimator.kinds import LineClass, Schedule
from estimator.model import MAX_LINES, LeftOutLine, Override, Plan
from estimator.planlines import (
    add_lines,
    delete_lines,
    drop_left_out,
    duplicate_line,
    move_line,
    new_fee_line,
    new_lab_line,
    next_row,
    teeth_of,
)
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from tests.conftest import GOLDEN

DAY = dt.date(2026, 3, 10)


@pytest.fixture
def case() -> Case:
    return Case.from_plan(read_plan(GOLDEN / "staged_cap_year1.xlsx"))


def numbers(case: Case) -> list[str]:
    return [line.number for line in case.plan().fee_lines]


def test_a_plan_made_from_nothing_is_estimated_like_the_same_plan_read(case: Case) -> None:
    empty = Case.from_plan(Plan(person=case.person, plan_date=DAY))
    made = empty
    for line in case.original.fee_lines:
        fee = new_fee_line(line.number, line.schedule, line.teeth, line.date, line.factor)
        made = add_lines(made, "fee", [dataclasses.replace(fee, count=line.count)])
    for lab in case.original.lab_lines:
        new = new_lab_line(lab.code, lab.teeth, lab.date, lab.unit_price)
        made = add_lines(made, "lab", [dataclasses.replace(new, quantity=lab.quantity, vat_percent=lab.vat_percent)])
    made_result, read_result = estimate(made.plan(), load_tariffs()), estimate(case.plan(), load_tariffs())
    assert made_result.totals == read_result.totals
    assert [line.row for line in made.original.fee_lines] == list(range(2, 2 + len(case.original.fee_lines)))
    assert estimate(empty.plan(), load_tariffs()).totals.billed == 0


def test_edits_follow_their_line_when_lines_are_deleted_and_moved(case: Case) -> None:
    edited = case.with_edit(("fee", 4, "factor"), "3,5")
    target = edited.plan().fee_lines[4]
    deleted = delete_lines(edited, "fee", [0, 1])
    assert deleted.plan().fee_lines[2] == target and ("fee", 2, "factor") in deleted.edits
    moved = move_line(deleted, "fee", 2, -1)
    assert moved.plan().fee_lines[1] == target and set(moved.edits) == {("fee", 1, "factor")}
    assert move_line(moved, "fee", 0, -1) == moved  # at the top it stays
    assert delete_lines(moved, "fee", [1]).edits == {}


def test_a_duplicate_is_the_line_as_it_stands_on_a_new_row(case: Case) -> None:
    edited = case.with_edit(("fee", 1, "factor"), "3,5")
    twice = duplicate_line(edited, "fee", 1)
    lines = twice.plan().fee_lines
    assert lines[2].factor == Decimal("3.5") and lines[2].number == lines[1].number
    assert lines[2].row == max(line.row for line in case.original.fee_lines) + 1
    assert len({(line.sheet, line.row) for line in lines}) == len(lines)
    assert estimate(twice.plan(), load_tariffs()).totals.billed > estimate(edited.plan(), load_tariffs()).totals.billed


def test_a_deleted_line_takes_its_reviewer_decision_with_it(case: Case) -> None:
    line = case.original.fee_lines[0]
    reviewed = case.with_override(Override(line.sheet, line.row, "M. Prüfer", "nicht belegt", Decimal(0)), line.sheet, line.row)
    assert delete_lines(reviewed, "fee", [0]).overrides == ()
    assert delete_lines(reviewed, "fee", [1]).overrides == reviewed.overrides


def test_a_decision_about_a_row_left_out_goes_when_the_row_is_dropped_and_no_new_line_takes_it(case: Case) -> None:
    # a case file with a reviewer's decision about a row the import left out (row 20 of Leistungen, the last)
    left = LeftOutLine("fee", "Leistungen", 20, (("Nr", "2210"), ("Zahn", "99")))
    with_left = dataclasses.replace(case, original=dataclasses.replace(case.original, left_out=(left,)))
    refused = Override("Leistungen", 20, "M. Prüfer", "zweite Krone nicht notwendig", None, LineClass.X)
    reviewed = dataclasses.replace(with_left, overrides=(refused,))
    assert next_row(reviewed, "fee") == 21
    dropped = drop_left_out(reviewed, 0)
    assert dropped.overrides == () and dropped.original.left_out == ()
    orphan = dataclasses.replace(case, overrides=(dataclasses.replace(refused, row=40),))  # a decision about no row
    added = add_lines(orphan, "fee", [new_fee_line("2000", Schedule.GOZ, teeth_of([17]), DAY, Decimal("2.3"))])
    new = added.original.fee_lines[-1]
    assert new.row == 41 and not any(o.row == new.row for o in added.overrides)  # not refused in another's name


def test_a_plan_takes_no_more_than_its_limit(case: Case) -> None:
    line = new_fee_line("2210", Schedule.GOZ, teeth_of([16]), DAY, Decimal("2.3"))
    with pytest.raises(CaseError, match="höchstens"):
        add_lines(case, "fee", [line] * MAX_LINES)
    assert teeth_of([26, 16]).text == "16,26" and teeth_of([]).text == ""


def test_a_new_line_is_named_by_the_sheet_of_the_line_it_follows_on_a_row_after_its_rows() -> None:
    # a plan on one sheet „HKP“: a line added was „Leistungen, Zeile 2“, a sheet the plan does not have
    fees = tuple(new_fee_line("2210", Schedule.GOZ, teeth_of([t]), DAY, Decimal("2.3")) for t in (16, 15))
    lab = new_lab_line("0010", teeth_of([16]), DAY, Decimal("5.35"))
    plan = Plan(
        fee_lines=tuple(dataclasses.replace(f, sheet="HKP", row=r) for f, r in zip(fees, (11, 12), strict=True)),
        lab_lines=(dataclasses.replace(lab, sheet="HKP", row=23),),
        plan_date=DAY,
    )
    added = add_lines(Case.from_plan(plan), "fee", [fees[0], fees[1]], at=0)
    assert [(line.sheet, line.row) for line in added.original.fee_lines] == [("HKP", 11), ("HKP", 24), ("HKP", 25), ("HKP", 12)]
    empty = Case.from_plan(Plan(plan_date=DAY))
    assert [(line.sheet, line.row) for line in add_lines(empty, "lab", [lab]).original.lab_lines] == [("Labor", 2)]
