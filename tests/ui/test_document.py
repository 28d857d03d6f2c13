"""The open case as a document: autosave and recovery after a crash."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from estimator.io.casefile import open_case
from tests.conftest import GOLDEN, ROOT
from tests.ui.conftest import column
from ui.app import offer_recovery
from ui.autosave import end_session
from ui.document import CaseDocument, autosave_path
from ui.main_window import MainWindow
from ui.models import LineColumn

CROWN = GOLDEN / "crown_basic.xlsx"
DEDUCTIBLE = GOLDEN / "deductible_first_year_prorated.xlsx"


def test_recovery_after_a_crash_brings_back_every_edit(open_window: Any, settings: QSettings, qtbot: Any) -> None:
    window = open_window(CROWN)
    window.fee_model.setData(window.fee_model.index(1, column(window.fee_model, LineColumn.FACTOR)), "3,2")
    window.person_panel.cooperating.setChecked(True)
    timer = window.document._autosave_timer
    qtbot.waitUntil(lambda: not timer.isActive() and autosave_path().exists(), timeout=3000)
    expected = window.document.estimate.totals
    window.document.autosave_enabled = False  # the crashed process writes nothing more
    end_session()  # and its lock went with it
    fresh = MainWindow(CaseDocument(open_case(ROOT / "resources/examples/beispielplan.xlsx")), settings)
    qtbot.addWidget(fresh)
    fresh.ask_on_close = lambda title, text: QMessageBox.StandardButton.Discard
    titles: list[str] = []
    assert offer_recovery(fresh, ask=lambda window, title, _when: titles.append(title) is None)
    assert titles == ["crown_basic.xlsx"]
    assert fresh.document.estimate.totals == expected
    assert not fresh.document.is_saved
    assert fresh.person_panel.cooperating.isChecked()
