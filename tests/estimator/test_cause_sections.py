"""The section beside each cause in the walk from the total to the benefit: never one that did not decide."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from estimator.kinds import Cause, LineClass
from estimator.rules.causes import cause_sections
from estimator.rules.engine import estimate
from estimator.tariff.catalogues import load_tariffs
from tests.estimator.builders import fee, plan


def test_lines_not_eligible_by_another_section_leave_the_cause_without_one() -> None:
    tariffs = load_tariffs()
    before_start = plan(fee("2210", "16", amount="300.00"), insurance_start=dt.date(2026, 7, 1))  # treated 10.03.2026
    result = estimate(before_start, tariffs)
    assert result.reductions[Cause.NOT_ELIGIBLE] == Decimal("300.00")
    assert cause_sections(result, tariffs)[Cause.NOT_ELIGIBLE] == ""  # not Nr. II.3.1: the insurance had not begun


def test_lines_not_eligible_by_the_tariffs_own_section_name_it() -> None:
    tariffs = load_tariffs()
    refused = plan(fee("2210", "16", amount="300.00", manual_class=LineClass.X))  # class X set by hand
    result = estimate(refused, tariffs)
    section = tariffs.default.profile.sections.not_eligible
    assert result.reductions[Cause.NOT_ELIGIBLE] == Decimal("300.00") and section
    assert cause_sections(result, tariffs)[Cause.NOT_ELIGIBLE] == section
