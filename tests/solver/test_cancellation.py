"""Cooperative cancellation: `should_stop` abandons an allocation or a frontier
between solves, and a run that is never stopped is unchanged by asking."""

from __future__ import annotations

import numpy as np
import pytest

from solver.allocation import Stopped, allocate
from solver.curves import Curve
from solver.frontier import frontier
from solver.problem import AllocationProblem, ChannelSpec
from solver.result import Allocation


def problem(tolerance: float = 1e-4) -> AllocationProblem:
    season = tuple(1.0 + 0.5 * np.sin(np.arange(12) / 2))
    return AllocationProblem(
        periods=tuple(f"2026-{m:02d}" for m in range(1, 13)),
        channels=(ChannelSpec("search", promotion=Curve("hill", 60, 9), season=season),
                  ChannelSpec("social", promotion=Curve("exponential", 20, 6),
                              brand=Curve("hill", 30, 12), adstock=0.4, max_total=40.0),
                  ChannelSpec("tv", brand=Curve("exponential", 50, 20), adstock=0.6)),
        budget=150.0, brand_share=(0.2, 0.6), tolerance=tolerance)


class Counter:
    """Says stop once it has been asked `after` times; counts every question."""

    def __init__(self, after: int) -> None:
        self.after, self.asked = after, 0

    def __call__(self) -> bool:
        self.asked += 1
        return self.asked > self.after


def test_stop_before_the_first_solve_gives_no_answer():
    ask = Counter(0)
    with pytest.raises(Stopped):
        allocate(problem(), should_stop=ask)
    assert ask.asked == 1


def test_stop_between_rounds_ends_a_long_refinement():
    tight = problem(tolerance=1e-10)
    full = allocate(tight)
    assert isinstance(full, Allocation) and full.rounds > 3  # long enough to stop inside
    ask = Counter(2)
    with pytest.raises(Stopped, match="after 2 round"):
        allocate(tight, should_stop=ask)
    assert ask.asked == 3


def test_asking_without_stopping_changes_nothing():
    ask = Counter(10**9)
    plain, asked = allocate(problem()), allocate(problem(), should_stop=ask)
    assert isinstance(plain, Allocation) and isinstance(asked, Allocation)
    assert np.array_equal(plain.spend, asked.spend) and plain.gap == asked.gap
    assert ask.asked >= plain.rounds


def test_frontier_stops_between_points():
    ask = Counter(10**9)
    done = frontier(problem(), points=6, should_stop=ask)
    per_sweep = ask.asked
    assert len(done.points) == 6
    stop_midway = Counter(per_sweep // 2)
    with pytest.raises(Stopped):
        frontier(problem(), points=6, should_stop=stop_midway)
    assert stop_midway.asked == per_sweep // 2 + 1
