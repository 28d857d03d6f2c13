"""Python's collector of reference cycles in the window: it runs while the window waits for the user, not in the
middle of an edit."""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer


class IdleCollector(QObject):
    """Once the window is shown, the automatic collector stays off and a timer collects instead.

    A recompute leaves thousands of new records (a 3,000-line plan: some ten thousand), and the automatic collector
    walks them all at the next allocation after it – inside the edit, about a tenth of its time (bench/bench.py) –
    although the rules make no reference cycles among them. The timer fires only between the window's events, at
    most once a second, and collects when as many objects are new as the automatic collector would wait for, so
    cycles (Qt's wrappers make some) are freed as before, a second later at most. What the start built lives as long
    as the program and is set aside (gc.freeze): no collection walks it again. Work on a worker thread never starts a
    collection (ui.tasks), and neither does this: its timer runs on the GUI thread.
    """

    INTERVAL_MS = 1000

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._timer = QTimer(self)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        app.aboutToQuit.connect(self.stop)

    def start(self) -> None:
        gc.freeze()
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """The automatic collector as before (the program ends, or a test goes on in the same process)."""
        self._timer.stop()
        gc.enable()

    def collect(self) -> int:
        """A full collection when enough is new since the last; returns the objects freed."""
        if gc.get_count()[0] < gc.get_threshold()[0]:
            return 0
        return gc.collect()
