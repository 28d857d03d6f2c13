"""Desktop tests: Qt's test mode keeps autosave and settings out of the user's folders."""

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QStandardPaths

from estimator.io.casefile import open_case
from ui.autosave import end_session
from ui.document import CaseDocument, autosave_path
from ui.main_window import MainWindow
from ui.models import LineColumn, LinesModel
from ui.replacing import Replacing
from ui.tasks import Task

QStandardPaths.setTestModeEnabled(True)


@pytest.fixture(autouse=True)
def no_autosave_left() -> Iterator[None]:
    autosave_path().unlink(missing_ok=True)
    yield
    with contextlib.suppress(OSError):  # a test's folder that takes no lock
        autosave_path().unlink(missing_ok=True)
    end_session()  # each test's program ends with it


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "einstellungen.ini"), QSettings.Format.IniFormat)


def finish(qtbot: Any, task: Task | None) -> Task:
    """Wait until a background task of the window has finished and its callbacks have run."""
    assert task is not None
    qtbot.waitUntil(lambda: task.finished, timeout=120_000)
    return task


def idle(qtbot: Any, window: MainWindow) -> None:
    """Wait until the window runs no task, its own background work included."""
    qtbot.waitUntil(lambda: not window.tasks.running, timeout=120_000)


@pytest.fixture(autouse=True)
def no_unexpected_question(monkeypatch: pytest.MonkeyPatch) -> None:
    """A question about replacing a file that a test did not expect is a failure, not a dialog nobody answers (a
    test that expects one answers it in its place: window.files.replacing.confirm)."""

    def unexpected(_self: object, title: str, text: str) -> bool:
        raise AssertionError(f"unerwartete Frage: {title}: {text}")

    monkeypatch.setattr(Replacing, "_confirm", unexpected)


@pytest.fixture
def open_window(qtbot: object, settings: QSettings) -> object:
    """Open a plan in a real main window; returns a function path -> window."""

    def make(path: Path) -> MainWindow:
        document = CaseDocument(open_case(path), source=path)
        window = MainWindow(document, settings)
        window.ask_on_close = lambda title, text: __import__("PySide6.QtWidgets").QtWidgets.QMessageBox.StandardButton.Discard
        qtbot.addWidget(window)  # type: ignore[attr-defined]
        window.show()
        return window

    return make


def column(model: LinesModel, key: LineColumn) -> int:
    return [c.key for c in model.columns].index(key)


def cell(model: LinesModel, row: int, key: LineColumn) -> str:
    return str(model.data(model.index(row, column(model, key))))
