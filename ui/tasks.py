"""Slow work off the GUI thread: opening a workbook, exporting a PDF, the what-if comparison.

A task is a function of plain, immutable inputs (a path, an estimate) that returns a result; it runs on a worker
thread while the window goes on answering. Its success and error callbacks run back on the GUI thread, where alone
the document and the widgets change. One task at a time per window; the status bar shows what runs, with a busy
indicator (or the share done, when the work reports it), and what went wrong.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

Progress = Callable[[int, int], None]  # (done, total): the work's own measure, e.g. lines or pages
Work = Callable[[Progress], Any]
LOG = logging.getLogger(__name__)
ERROR_SHOWN_MS = 15_000


@dataclass
class Task:
    """One piece of work: its title, its callbacks, and whether it has finished (and how)."""

    title: str
    work: Work
    done: Callable[[Any], object]
    failed: Callable[[BaseException], object] | None = None
    finished: bool = False
    error: BaseException | None = None
    result: Any = field(default=None, repr=False)


class _Signals(QObject):
    """Carries a worker's outcome to the GUI thread (queued: the receiver lives there)."""

    progress = Signal(int, int)
    succeeded = Signal(object, object)  # task, result
    crashed = Signal(object, object)  # task, error


class _Runner(QRunnable):
    def __init__(self, task: Task, signals: _Signals) -> None:
        super().__init__()
        self.task, self.signals = task, signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.task.work(self.signals.progress.emit)
        except Exception as error:  # every failure goes back to the window; none is lost on the worker thread
            self.signals.crashed.emit(self.task, error)
        else:
            self.signals.succeeded.emit(self.task, result)


class Tasks(QObject):
    """Runs the window's slow work, one task at a time, with a busy indicator in the status bar."""

    busy_changed = Signal(bool)

    def __init__(self, status_bar: QStatusBar, describe: Callable[[BaseException], str]) -> None:
        super().__init__(status_bar)
        self.status_bar, self.describe = status_bar, describe
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(180)
        self.bar.setTextVisible(False)
        status_bar.addPermanentWidget(self.label)
        status_bar.addPermanentWidget(self.bar)
        self.current: Task | None = None
        self._show(None)

    @property
    def busy(self) -> bool:
        return self.current is not None

    def run(
        self,
        title: str,
        work: Work,
        done: Callable[[Any], object],
        failed: Callable[[BaseException], object] | None = None,
    ) -> Task | None:
        """Start work on the worker thread; None (and a word in the status bar) while another task runs."""
        if self.current is not None:
            self.status_bar.showMessage(self.tr("Bitte warten: {0}").format(self.current.title), 5000)
            return None
        task = Task(title, work, done, failed)
        signals = _Signals(self)
        queued = Qt.ConnectionType.QueuedConnection
        signals.progress.connect(self._progress, queued)
        signals.succeeded.connect(self._succeeded, queued)
        signals.crashed.connect(self._crashed, queued)
        self.current = task
        self._show(task)
        self.busy_changed.emit(True)
        self.pool.start(_Runner(task, signals))
        return task

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    @Slot(object, object)
    def _succeeded(self, task: Task, result: Any) -> None:
        self._finish(task, result, None)

    @Slot(object, object)
    def _crashed(self, task: Task, error: BaseException) -> None:
        self._finish(task, None, error)

    def _finish(self, task: Task, result: Any, error: BaseException | None) -> None:
        self.current = None
        self._show(None)
        task.finished, task.result, task.error = True, result, error
        self.busy_changed.emit(False)
        if error is None:
            task.done(result)
            return
        LOG.warning("%s fehlgeschlagen: %s", task.title, type(error).__name__)  # the kind only: no patient data in logs
        self.status_bar.showMessage(self.tr("{0} fehlgeschlagen: {1}").format(task.title, self.describe(error)), ERROR_SHOWN_MS)
        if task.failed is not None:
            task.failed(error)

    def _show(self, task: Task | None) -> None:
        self.label.setText(task.title + " …" if task else "")
        self.bar.setRange(0, 0)  # busy until the work says how far it is
        self.label.setVisible(task is not None)
        self.bar.setVisible(task is not None)

    def wait(self, milliseconds: int = -1) -> bool:
        """Block until the worker is idle (for quitting); the callbacks still arrive through the event loop."""
        return self.pool.waitForDone(milliseconds)
