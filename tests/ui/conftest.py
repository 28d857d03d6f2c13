"""Desktop tests: Qt's test mode keeps autosave and settings out of the user's folders."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths

from estimator.io.casefile import open_case
from ui.document import CaseDocument, autosave_path
from ui.main_window import MainWindow

QStandardPaths.setTestModeEnabled(True)


@pytest.fixture(autouse=True)
def no_autosave_left() -> Iterator[None]:
    autosave_path().unlink(missing_ok=True)
    yield
    autosave_path().unlink(missing_ok=True)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "einstellungen.ini"), QSettings.Format.IniFormat)


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
