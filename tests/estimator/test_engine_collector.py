"""The cyclic garbage collector around an estimate: paused while it is made, and left as it was – a cycle made before
is still freed, and what another part of the program set aside stays set aside."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from estimator.rules.engine import estimate
from estimator.samples import synthetic_plan
from estimator.tariff.catalogues import load_tariffs


@pytest.fixture
def collector_on() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not was_enabled:
            gc.disable()


class Node:
    def __init__(self) -> None:
        self.me = self


def test_a_cycle_made_before_an_estimate_is_still_freed(collector_on: None) -> None:
    node = Node()
    freed = weakref.ref(node)
    del node
    estimate(synthetic_plan(30), load_tariffs())
    assert gc.get_freeze_count() == 0
    gc.collect()
    assert freed() is None


def test_what_was_set_aside_before_stays_set_aside(collector_on: None) -> None:
    kept = [Node() for _ in range(10)]
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen >= len(kept)
        estimate(synthetic_plan(30), load_tariffs())
        assert gc.get_freeze_count() >= frozen
    finally:
        gc.unfreeze()


def test_the_collector_is_left_as_it_was(collector_on: None) -> None:
    gc.disable()
    estimate(synthetic_plan(30), load_tariffs())
    assert not gc.isenabled()
    gc.enable()
    estimate(synthetic_plan(30), load_tariffs())
    assert gc.isenabled()
