"""The window's collector of reference cycles: off during edits, run by a timer between events."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from ui.collector import IdleCollector


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


@pytest.fixture
def collector(qtbot: Any) -> Iterator[IdleCollector]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the windows of tests before: freed now, not while counting
    gc.collect()
    idle = IdleCollector(app)
    idle.start()
    try:
        yield idle
    finally:
        idle.stop()
        gc.unfreeze()  # what the test process built before is walked again, as without the collector
        idle.deleteLater()


def cycle() -> weakref.ref[Node]:
    first, second = Node(), Node()
    first.other, second.other = second, first
    return weakref.ref(first)


def test_a_cycle_waits_for_the_timer_and_is_then_freed(collector: IdleCollector, qtbot: Any) -> None:
    assert not gc.isenabled()
    dead = cycle()
    garbage = [[n] for n in range(2 * gc.get_threshold()[0])]  # more new objects than the automatic collector waits for
    assert dead() is not None  # no automatic collection in between
    qtbot.waitUntil(lambda: dead() is None, timeout=5 * IdleCollector.INTERVAL_MS)
    assert garbage[-1] == [len(garbage) - 1]


def test_little_new_is_not_walked(collector: IdleCollector) -> None:
    gc.collect()
    dead = cycle()
    assert collector.collect() == 0
    assert dead() is not None
    gc.collect()
    assert dead() is None


def test_stopping_turns_the_automatic_collector_on_again(collector: IdleCollector) -> None:
    collector.stop()
    assert gc.isenabled()
