"""Slow work runs off the GUI thread: the window answers while a large plan opens and its PDF is written."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from estimator.io.workbook import write_workbook
from estimator.samples import synthetic_plan
from tests.conftest import GOLDEN
from tests.ui.conftest import finish
from ui.main_window import MainWindow

LINES = 20_000


@pytest.fixture(scope="module")
def large_workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gross") / "gross.xlsx"
    write_workbook(synthetic_plan(LINES), path)
    return path


def heartbeat(window: MainWindow) -> list[bool]:
    """Every 50 ms while the event loop runs: whether the progress indicator showed then."""
    beats: list[bool] = []
    timer = QTimer(window, interval=50)
    timer.timeout.connect(lambda: beats.append(window.tasks.bar.isVisible()))
    timer.start()
    return beats


def test_a_large_plan_opens_and_exports_while_the_window_answers(
    open_window: Any, qtbot: Any, large_workbook: Path, tmp_path: Path
) -> None:
    window = open_window(GOLDEN / "crown_basic.xlsx")
    beats = heartbeat(window)
    task = window.files.open_path(large_workbook)
    assert window.tasks.bar.isVisible() and "gross.xlsx" in window.tasks.label.text()
    assert not window.centralWidget().isEnabled()  # the case on screen takes no edits while the new one is read
    finish(qtbot, task)
    assert task is not None and task.error is None
    assert len(window.document.estimate.lines) == LINES and window.document.source == large_workbook
    assert beats.count(True) >= 3  # events were processed while the task ran, with the indicator showing
    assert window.centralWidget().isEnabled() and not window.tasks.bar.isVisible()

    beats.clear()
    task = finish(qtbot, window.files.export_pdf(tmp_path / "gross.pdf", open_after=False))
    assert task.error is None and task.result.read_bytes().startswith(b"%PDF")
    assert beats.count(True) >= 3
    assert "PDF geschrieben" in window.statusBar().currentMessage()


def test_an_error_in_a_task_reaches_the_status_bar(open_window: Any, qtbot: Any) -> None:
    window = open_window(GOLDEN / "crown_basic.xlsx")

    def broken(_progress: object) -> None:
        raise RuntimeError("kaputt")

    failures: list[BaseException] = []
    task = finish(qtbot, window.tasks.run("Test", broken, lambda _result: None, failures.append))
    assert isinstance(task.error, RuntimeError) and failures == [task.error]
    assert window.statusBar().currentMessage() == "Test fehlgeschlagen: Unerwarteter Fehler (RuntimeError)"
    assert not window.tasks.busy


def test_one_task_at_a_time(open_window: Any, qtbot: Any) -> None:
    window = open_window(GOLDEN / "crown_basic.xlsx")
    release = threading.Event()
    first = window.tasks.run("Warten", lambda _p: release.wait(10), print)
    assert window.tasks.run("Zweite", lambda _p: None, print) is None
    assert "Bitte warten: Warten" in window.statusBar().currentMessage()
    release.set()
    assert finish(qtbot, first).result is True


def test_the_users_task_waits_behind_a_background_task_and_a_closed_window_gets_no_callback(open_window: Any, qtbot: Any) -> None:
    window = open_window(GOLDEN / "crown_basic.xlsx")
    release = threading.Event()
    background = window.tasks.run("Hintergrund", lambda _p: release.wait(10), print, background=True)
    assert background is not None and not window.tasks.busy and not window.tasks.bar.isVisible()
    assert window.tasks.run("noch einer", lambda _p: None, print, background=True) is None
    called: list[object] = []
    users = window.tasks.run("Benutzer", lambda _p: "fertig", called.append)
    assert users is not None and window.tasks.busy and "Benutzer" in window.tasks.label.text()
    release.set()
    finish(qtbot, users)
    assert called == ["fertig"] and background.finished

    release.clear()
    late = window.tasks.run("spät", lambda _p: release.wait(10), called.append)
    window.tasks.closed = True  # as close() sets it, without waiting here
    release.set()
    qtbot.waitUntil(lambda: late is not None and late.finished, timeout=10_000)
    assert called == ["fertig"]  # the result of the closed window's task went nowhere


def test_an_edit_made_while_a_file_opens_is_asked_about_before_it_is_replaced(open_window: Any, qtbot: Any) -> None:
    window = open_window(GOLDEN / "crown_basic.xlsx")
    release = threading.Event()
    window.tasks.run("Hintergrund", lambda _p: release.wait(10), print, background=True)
    task = window.files.open_path(GOLDEN / "implant_limit.xlsx")  # waits on the worker behind the background task
    assert task is not None and not window.centralWidget().isEnabled()
    window.document.edit_person(cooperating=True)  # e.g. by a shortcut that the disabled panel does not stop
    asked: list[str] = []
    window.ask_on_close = lambda title, text: asked.append(text) or QMessageBox.StandardButton.Cancel
    release.set()
    finish(qtbot, task)
    assert len(asked) == 1 and window.document.source == GOLDEN / "crown_basic.xlsx"
    assert window.document.person.cooperating and window.centralWidget().isEnabled()
