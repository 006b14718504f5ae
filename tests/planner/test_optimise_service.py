"""The optimiser on a plan: the problem built from the demo plan, and its optimum in
exact minor units. Scenarios and applying them: test_scenarios.py."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from planner.demo import build_demo
from planner.domain.entities import Channel, Flight
from planner.domain.phasing import Phasing, phase_days
from planner.errors import ValidationError
from planner.services import optimise
from planner.storage import rows
from planner.storage.plan_file import Plan, open_plan
from solver.result import Allocation

TODAY = dt.date(2026, 6, 1)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "d.cplan"
    build_demo(path, year=2026, today=TODAY).close()
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Plan]:
    with open_plan(shutil.copyfile(demo_file, tmp_path / "d.cplan"), take_backup=False) as plan:
        yield plan


@pytest.fixture(scope="module")
def month_run(demo_file: Path) -> tuple[optimise.PlanProblem, Allocation]:
    with open_plan(demo_file, read_only=True) as plan:
        pp = optimise.build_problem(plan, grain="month", today=TODAY)
        result = optimise.run(plan, pp)
    assert isinstance(result, Allocation)
    return pp, result


def future_total(flight: Flight, first: dt.date) -> int:
    days = phase_days(flight.budget_minor, flight.start, flight.end,
                      Phasing.from_dict(flight.phasing))
    return sum(days[max((first - flight.start).days, 0):])


# -- the problem -----------------------------------------------------------------------

@pytest.mark.parametrize("grain, periods, fixed", [("month", 12, 5), ("week", 53, 22)])
def test_problem_shapes_and_units(demo: Plan, grain: str, periods: int, fixed: int):
    pp = optimise.build_problem(demo, grain=grain, today=TODAY)
    channels = rows.all_of(demo.db, Channel, order="sort_order, name")
    assert pp.problem.shape == (len(channels), periods) == pp.current.shape[:2]
    assert pp.channel_ids == tuple(c.id for c in channels)
    assert pp.past == fixed and pp.problem.periods == tuple(p.key for p in pp.periods)
    assert pp.scale == 100_000  # ¥1,000 in fen
    for minor in (0, 1, 99, 123_456_789, 7_300_000_000, 10**13 + 7):
        assert pp.to_minor(pp.to_solver(minor)) == minor
    settings = rows.read_settings(demo.db)
    assert pp.problem.budget == settings.total_budget_minor / pp.scale
    assert pp.problem.brand_share == (0.35, 0.45)
    assert np.allclose(pp.current, pp.current_minor / pp.scale)
    # After today the current spend is the phased plan, split by campaign brand share.
    first = pp.periods[pp.past].start
    flights = rows.all_of(demo.db, Flight)
    planned = sum(future_total(f, first) for f in flights)
    assert int(pp.current_minor[:, pp.past:].sum()) == planned
    assert pp.problem.channels[0].name == channels[0].name


def test_weekly_curves_are_the_stored_ones(demo: Plan):
    pp = optimise.build_problem(demo, grain="week", today=TODAY)
    cid = pp.channel_ids[0]
    stored = {goal: json.loads(params) for goal, params in demo.db.execute(
        "SELECT goal, params FROM curves WHERE channel_id = ?", [cid])}
    spec = pp.problem.channels[0]
    assert spec.promotion.a == pytest.approx(stored["promotion"]["a"] / pp.scale)
    assert spec.promotion.k == pytest.approx(stored["promotion"]["k"] / pp.scale)
    assert spec.brand.a == pytest.approx(stored["brand"]["a"])
    assert spec.adstock == pytest.approx(stored["brand"]["adstock"])
    week = pp.periods[10]
    assert spec.season[10] > 0 and week.key == "2026-W11"
    assert spec.carry > 0


def test_locks_from_committed_flights_and_from_the_past(demo: Plan):
    pp = optimise.build_problem(demo, grain="month", today=TODAY)
    p = pp.problem
    future = [lock for lock in p.locks if lock.period >= pp.past]
    assert future and sum(lock.amount for lock in future) == pytest.approx(
        pp.committed_minor[:, pp.past:].sum() / pp.scale)
    for lock in p.locks:
        if lock.period < pp.past:  # the past: exactly what was spent there
            assert lock.amount == pp.current[lock.channel, lock.period, lock.goal]
    for t in range(pp.past):
        assert p.period_caps[t] == pytest.approx(pp.current[:, t].sum(), rel=1e-8)
    assert all(cap is None for cap in p.period_caps[pp.past:])
    free = optimise.build_problem(demo, grain="month", today=TODAY, lock_committed=False)
    assert all(lock.period < pp.past for lock in free.problem.locks)
    fresh = optimise.build_problem(demo, grain="month", today=dt.date(2026, 1, 1))
    assert fresh.past == 0 and fresh.problem.period_caps is None


def test_past_periods_use_actuals(demo: Plan):
    """Every past flight of the demo is committed and has actuals (within ±13 % of
    its plan), so the fixed past is exactly the actual spend, not the plan."""
    pp = optimise.build_problem(demo, grain="month", today=TODAY)
    actual = demo.db.execute("SELECT SUM(spend_minor) FROM actuals").fetchone()[0]
    first = pp.periods[pp.past].start
    planned = sum(f.budget_minor - future_total(f, first) for f in rows.all_of(demo.db, Flight))
    assert int(pp.current_minor[:, :pp.past].sum()) == actual != planned


def test_options_are_checked(demo: Plan):
    with pytest.raises(ValidationError, match="grain"):
        optimise.build_problem(demo, grain="day")
    with pytest.raises(ValidationError, match="channel_limits"):
        optimise.build_problem(demo, channel_limits={"nope": (0, 1)})
    with pytest.raises(ValidationError, match="period_caps"):
        optimise.build_problem(demo, grain="month", period_caps={"2031-01": 5})
    pp = optimise.build_problem(demo, grain="month", today=TODAY,
                                period_caps={"2026-07": 300_000_000},
                                channel_limits={optimise.build_problem(
                                    demo, grain="month").channel_ids[0]: (0, 800_000_000)})
    assert pp.problem.period_caps[6] == 3000.0
    assert pp.problem.channels[0].max_total == 8000.0


# -- optimising ------------------------------------------------------------------------

def test_optimised_plan_beats_the_current_plan(month_run):
    pp, result = month_run
    revenue, brand = optimise.outcome(pp, pp.current)
    assert result.objective >= revenue.sum() + pp.problem.brand_value * brand.sum()
    assert result.gap <= pp.problem.tolerance
    # The past stays as fixed: each cell at least its lock, each period within its cap,
    # the lock sum plus a relative 1e-9 against rounding (which the solver may fill).
    past = result.spend[:, :pp.past]
    assert (past >= pp.current[:, :pp.past] - 1e-9).all()
    assert (past.sum(axis=(0, 2)) <= pp.current[:, :pp.past].sum(axis=(0, 2)) * (1 + 1e-8)).all()
    assert (result.spend[:, pp.past:] >= pp.committed_minor[:, pp.past:] / pp.scale - 1e-6).all()
    minor = pp.spend_minor(result.spend)
    assert minor.dtype == np.int64 and int(minor.sum()) <= pp.budget_minor
    assert (minor[:, :pp.past] == pp.current_minor[:, :pp.past]).all()
    assert (minor[:, pp.past:] >= pp.committed_minor[:, pp.past:]).all()  # locks, to the fen
    assert abs(int(minor.sum()) - pp.to_minor(result.total_spend)) <= 1


def test_weekly_optimum_beats_the_current_plan(demo: Plan):
    pp = optimise.build_problem(demo, grain="week", today=TODAY)
    result = optimise.run(demo, pp)
    revenue, brand = optimise.outcome(pp, pp.current)
    assert isinstance(result, Allocation) and result.gap <= 1e-4
    assert result.objective >= revenue.sum() + brand.sum()


def test_a_cap_already_exceeded_by_fixed_spend_puts_nothing_more_there(tmp_path: Path):
    """Late in the year the demo's over-cap channel has spent or contracted more than
    its cap: the optimiser still plans the rest of the budget, places nothing more on
    that channel, and says why."""
    late = dt.date(2026, 11, 25)
    with build_demo(tmp_path / "late.cplan", year=2026, today=late) as plan:
        over = plan.db.execute("SELECT id, name, max_spend_minor FROM channels "
                               "WHERE name LIKE '%Douyin%'").fetchone()
        pp = optimise.build_problem(plan, grain="month", today=late)
        result = optimise.run(plan, pp)
    assert isinstance(result, Allocation)
    c = pp.channel_ids.index(over[0])
    fixed = sum(lock.amount for lock in pp.problem.locks if lock.channel == c)
    assert fixed * pp.scale > over[2]  # the cap really is exceeded by what cannot move
    assert result.spend[c].sum() == pytest.approx(fixed, rel=1e-6)
    assert any(over[1] in note and "over its cap" in note for note in pp.notes)
