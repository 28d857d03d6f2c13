"""Why the patient pays this: the waterfall walks from the total to the benefit, cause by cause; its causes sum
to the patient's share, and a click on a cause shows only its lines."""

from __future__ import annotations

import datetime as dt
import io
import itertools
from pathlib import Path
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


def test_the_chart_names_the_share_its_red_steps_add_up_to(open_window: Any, tmp_path: Path) -> None:
    window = open_window(GOLDEN / "deductible_before_caps.xlsx")
    share = window.document.estimate.totals.patient_share
    said = window.waterfall.caption()  # the tab asks why the own share is what it is; the bars end at the benefit
    assert said.startswith(f"Eigenanteil {f'{share:,.2f}'.replace(',', '#').replace('.', ',').replace('#', '.')}\xa0€: ")
    window.detail_tabs.setCurrentWidget(window.waterfall)
    highest = min(rect.top() for rect, _ in window.waterfall.bars)
    assert highest - 18 >= 18  # the amount above the highest bar stays below the caption's line
    from tests.estimator.test_import_broken import fee, plan_with  # noqa: PLC0415

    missing = open_window(plan_with(tmp_path, fee(Zahn="99")))  # as the totals name the share then
    assert missing.waterfall.caption().startswith("Eigenanteil ohne fehlende Zeilen ")


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


def test_each_cause_names_its_tariff_section_in_the_window_and_the_letter(open_window: Any) -> None:
    from pypdf import PdfReader  # noqa: PLC0415

    from estimator.output.pdf import build_pdf  # noqa: PLC0415

    window = open_window(GOLDEN / "deductible_first_year_prorated.xlsx")
    labels = [step.label for step in steps(window.document)]
    assert labels == ["Gesamtkosten", "PZR-Höchstbetrag (Nr. II.3.1)", "Selbstbehalt (Nr. II.8)", "Erstattung"]
    letter = PdfReader(io.BytesIO(build_pdf(window.document.estimate, window.document.tariffs, dt.date(2026, 12, 6))))
    first = " ".join(letter.pages[0].extract_text().split())
    assert "nach Ursachen: PZR-Höchstbetrag (Nr. II.3.1) 1,36 €; Selbstbehalt (Nr. II.8) 848,28 €" in first
    crown = open_window(GOLDEN / "crown_basic.xlsx")
    assert [step.label for step in steps(crown.document)][1] == "Erstattungssatz (Nr. II.3.2 a)"  # the crown's class A
