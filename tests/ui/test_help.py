"""Help in the program: the guide on F1, the welcome screen once at the first start without a file."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence

from tests.conftest import GOLDEN
from ui.app import welcome_once
from ui.settings import WELCOMED

CROWN = GOLDEN / "crown_basic.xlsx"


def test_f1_opens_the_guide(open_window: Any) -> None:
    window = open_window(CROWN)
    guide = next(a for a in window.findChildren(type(window.open_action)) if a.shortcut() == QKeySequence("F1"))
    guide.trigger()
    text = window.guide.browser.toPlainText()
    assert "Druckvorschau" in text and "Rückgängig" in text and "Hinweise" in text
    window.guide.close()


def test_the_welcome_comes_once_and_opens_what_is_chosen(open_window: Any, settings: QSettings, qtbot: Any) -> None:
    window = open_window(CROWN)
    assert not welcome_once(window, first_start=False)
    assert welcome_once(window, first_start=True)
    dialog = window.welcome_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert window.settings.get(WELCOMED)
    chosen: list[str] = []
    window.files.save_template = lambda: chosen.append("vorlage")  # type: ignore[method-assign]
    dialog.template.click()
    assert not dialog.isVisible() and chosen == ["vorlage"]
    assert not welcome_once(window, first_start=True)
    window.welcome()
    window.welcome_dialog.new_plan.click()
    assert window.document.estimate.lines == () and window.document.case.plan_date is not None
