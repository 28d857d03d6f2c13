"""Slow work off the GUI thread: opening a workbook, exporting a PDF, the what-if comparison.

A task is a function of plain, immutable inputs (a path, an estimate) that returns a result; it runs on a worker
thread while the window goes on answering. Its success and error callbacks run back on the GUI thread, where alone
the document and the widgets change. One task at a time per window; the status bar shows what runs, with a busy
indicator (or the share done, when the work reports it), and what went wrong.
"""

from __future__ import annotations

import gc
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


class _Collector:
    """While work runs on a worker thread, Python's collector of reference cycles is paused: a collection started
    there could destroy Qt objects of the GUI thread on the wrong thread (a crash). It resumes, on the GUI thread,
    when the last work has finished; plain reference counting frees memory meanwhile."""

    paused = 0
    was_enabled = False

    @classmethod
    def pause(cls) -> None:
        if cls.paused == 0:
            cls.was_enabled = gc.isenabled()
            gc.disable()
        cls.paused += 1

    @classmethod
    def resume(cls) -> None:
        cls.paused -= 1
        if cls.paused == 0 and cls.was_enabled:
            gc.enable()


@dataclass
class Task:
    """One piece of work: its title, its callbacks, and whether it has finished (and how)."""

    title: str
    work: Work
    done: Callable[[Any], object]
    failed: Callable[[BaseException], object] | None = None
    background: bool = False  # work the window does on its own (the what-if): never in the way of the user's
    finished: bool = False
    error: BaseException | None = None
    result: Any = field(default=None, repr=False)


class _Signals(QObject):
    """Carries a worker's outcome to the GUI thread (queued: the receiver lives there)."""

    progress = Signal(object, int, int)  # task, done, total
    succeeded = Signal(object, object)  # task, result
    crashed = Signal(object, object)  # task, error


class _Runner(QRunnable):
    def __init__(self, task: Task, signals: _Signals) -> None:
        super().__init__()
        self.task, self.signals = task, signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.task.work(lambda done, total: self.signals.progress.emit(self.task, done, total))
        except Exception as error:  # every failure goes back to the window; none is lost on the worker thread
            self.signals.crashed.emit(self.task, error)
        else:
            self.signals.succeeded.emit(self.task, result)


class Tasks(QObject):
    """Runs the window's slow work on one worker thread, with a busy indicator in the status bar.

    A task the user asked for (open, PDF) runs one at a time; a background task (the what-if comparison) never
    stands in its way: a user's task waits behind it on the worker, and a background task is not started while
    anything else runs (its owner computes it again when the worker is free: busy_changed)."""

    busy_changed = Signal(bool)

    def __init__(
        self,
        status_bar: QStatusBar,
        describe: Callable[[BaseException], str],
        expected: tuple[type[BaseException], ...] = (),
    ) -> None:
        """describe: a failure in one line for the user; expected: failures that are the input's (a damaged file),
        which the user is told and the log is not."""
        super().__init__(status_bar)
        self.status_bar, self.describe, self.expected = status_bar, describe, expected
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # a file's name
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(180)
        self.bar.setTextVisible(False)
        status_bar.addPermanentWidget(self.label)
        status_bar.addPermanentWidget(self.bar)
        self.running: list[Task] = []
        self.closed = False
        self._show()

    @property
    def busy(self) -> bool:
        """Whether a task the user asked for runs (or waits for the worker)."""
        return any(not task.background for task in self.running)

    def run(
        self,
        title: str,
        work: Work,
        done: Callable[[Any], object],
        failed: Callable[[BaseException], object] | None = None,
        *,
        background: bool = False,
    ) -> Task | None:
        """Start work on the worker thread. None while a user's task runs (said in the status bar) and, for a
        background task, while anything runs."""
        if self.closed or (background and self.running):
            return None
        if self.say_busy():
            return None
        task = Task(title, work, done, failed, background=background)
        signals = _Signals(self)
        queued = Qt.ConnectionType.QueuedConnection
        signals.progress.connect(self._progress, queued)
        signals.succeeded.connect(self._succeeded, queued)
        signals.crashed.connect(self._crashed, queued)
        self.running.append(task)
        _Collector.pause()
        self._show()
        if not background:
            self.busy_changed.emit(True)
        self.pool.start(_Runner(task, signals))
        return task

    def say_busy(self) -> bool:
        """Whether a task of the user's runs; if so the status bar says which (the caller then does nothing)."""
        if self.busy:
            title = next(task.title for task in self.running if not task.background)
            self.status_bar.showMessage(self.tr("Bitte warten: {0}").format(title), 5000)
        return self.busy

    @Slot(object, int, int)
    def _progress(self, task: Task, done: int, total: int) -> None:
        if total > 0 and not task.background:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    @Slot(object, object)
    def _succeeded(self, task: Task, result: Any) -> None:
        self._finish(task, result, None)

    @Slot(object, object)
    def _crashed(self, task: Task, error: BaseException) -> None:
        self._finish(task, None, error)

    def _finish(self, task: Task, result: Any, error: BaseException | None) -> None:
        if task not in self.running:
            return  # its window closed meanwhile (close)
        self.running.remove(task)
        _Collector.resume()
        task.finished, task.result, task.error = True, result, error
        if self.closed:
            return  # the window is gone: nothing of it to change
        self._show()
        if error is None:
            task.done(result)
        else:
            if not isinstance(error, self.expected):  # the kind only: a title may name a patient
                LOG.warning("Aufgabe fehlgeschlagen: %s", type(error).__name__)
            message = self.tr("{0} fehlgeschlagen: {1}").format(task.title, self.describe(error))
            self.status_bar.showMessage(message, ERROR_SHOWN_MS)
            if task.failed is not None:
                task.failed(error)
        self.busy_changed.emit(bool(self.running))

    def _show(self) -> None:
        shown = next((task for task in reversed(self.running) if not task.background), None)
        self.label.setText(shown.title + " …" if shown else "")
        self.bar.setRange(0, 0)  # busy until the work says how far it is
        self.label.setVisible(shown is not None)
        self.bar.setVisible(shown is not None)

    def close(self) -> None:
        """For a closing window: no more tasks, no more callbacks; what runs is finished (a PDF half-written
        is not left behind)."""
        self.closed = True
        self.pool.waitForDone()
        for task in self.running:  # finished now; their outcome is for no one
            task.finished = True
            _Collector.resume()
        self.running.clear()
