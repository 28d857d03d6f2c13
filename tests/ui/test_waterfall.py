"""Why the patient pays this: the waterfall walks from the total to the benefit, cause by cause; its causes sum
to the patient's share, and a click on a cause shows only its lines."""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QPoint, Qt

from estimator.kinds import Cause
from tests.conftest import GOLDEN
from ui.waterfall import steps


def test_the_causes_sum_to_the_patients_share(open_window: Any) -> None:
    for name in ("staged_cap_year1", "implant_limit", "deductible_first_year_prorated", "deductible_before_caps"):
        window = open_window(GOLDEN / f"{name}.xlsx")
        bars = steps(window.document)
        totals = window.document.estimate.totals
        causes = [bar for bar in bars if bar.cause is not None]
        assert bars[0].amount == totals.billed and bars[-1].amount == totals.benefit
        assert sum(bar.amount for bar in causes) == totals.patient_share, name
        assert causes and all(later.top == earlier.bottom for earlier, later in itertools.pairwise(causes))  # one walk down


def test_a_click_on_a_cause_shows_its_lines_and_a_second_click_all(open_window: Any, qtbot: Any) -> None:
    window = open_window(GOLDEN / "implant_limit.xlsx")
    window.detail_tabs.setCurrentWidget(window.waterfall)
    rect = next(rect for rect, step in window.waterfall.bars if step.cause is Cause.IMPLANT_LIMIT)
    all_fees = window.fee_filter.rowCount()
    qtbot.mouseClick(window.waterfall, Qt.MouseButton.LeftButton, pos=QPoint(int(rect.center().x()), int(rect.center().y())))
    shown = [
        window.fee_model.results[window.fee_filter.mapToSource(window.fee_filter.index(r, 0)).row()]
        for r in range(window.fee_filter.rowCount())
    ]
    assert 0 < len(shown) < all_fees and all(r is not None and r.reductions.get(Cause.IMPLANT_LIMIT) for r in shown)
    assert "Implantat" in window.statusBar().currentMessage()
    qtbot.mouseClick(window.waterfall, Qt.MouseButton.LeftButton, pos=QPoint(int(rect.center().x()), int(rect.center().y())))
    assert window.fee_filter.rowCount() == all_fees and window.waterfall.chosen is None
