"""Reforecast on the demo plan at mid-year (weekly actuals up to 2026-06-30): spend
to date stays as it was, the remaining budget is spent, the objective never falls
below keeping the plan, and applying then undoing leaves the plan file as it was."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

import planner.cli.reforecast_commands  # noqa: F401  (registers the command)
from planner.cli import main
from planner.demo import build_demo
from planner.domain.entities import Channel, Flight
from planner.domain.phasing import Phasing, phase_days
from planner.errors import NotFound, PlannerError
from planner.services import optimise
from planner.services import reforecast as rf
from planner.services.scenario_apply import apply_scenario
from planner.services.scenarios import load_scenario, save_scenario
from planner.storage import history, rows
from planner.storage.plan_file import Plan, open_plan
from tests.plan_dump import dump

AS_OF = dt.date(2026, 6, 30)  # a Tuesday: ISO week 2026-W27 straddles it
DAY = dt.timedelta(days=1)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "d.cplan"
    build_demo(path, year=2026, today=dt.date(2026, 7, 1)).close()
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Plan]:
    with open_plan(shutil.copyfile(demo_file, tmp_path / "d.cplan"), take_backup=False) as plan:
        yield plan


def planned_days(plan: Plan) -> dict[tuple[str, dt.date], int]:
    """(channel id, day) -> planned money: every flight phased to its days."""
    out: dict[tuple[str, dt.date], int] = defaultdict(int)
    for f in rows.all_of(plan.db, Flight):
        for i, amount in enumerate(phase_days(f.budget_minor, f.start, f.end,
                                              Phasing.from_dict(f.phasing))):
            out[f.channel_id, f.start + i * DAY] += amount
    return out


def weekly_actuals(plan: Plan) -> dict[tuple[str, dt.date], int]:
    """(channel id, ISO week's Monday) -> actual spend; the demo's rows lie in one week."""
    out: dict[tuple[str, dt.date], int] = defaultdict(int)
    for cid, start, end, spend in plan.db.execute(
            'SELECT channel_id, start, "end", spend_minor FROM actuals'):
        first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
        monday = first - first.weekday() * DAY
        assert last <= monday + 6 * DAY and last <= AS_OF
        out[cid, monday] += spend
    return out


def spend_of(scenario_result: dict) -> np.ndarray:
    return np.array(scenario_result["spend_minor"], dtype=np.int64)


# -- spend to date --------------------------------------------------------------------

def test_weeks_to_date_keep_their_actual_spend_exactly(demo: Plan):
    done = rf.reforecast(demo, AS_OF)
    scenario = load_scenario(demo, done.scenario_id)
    inputs, spend = scenario.inputs, spend_of(scenario.result)
    past, ids = inputs["past_periods"], inputs["channel_ids"]
    periods = [(dt.date.fromisoformat(s), dt.date.fromisoformat(e)) for _, s, e
               in inputs["periods"]]
    assert periods[past - 1] == (dt.date(2026, 6, 29), dt.date(2026, 7, 5))  # W27 fixed
    assert done.reforecast.first_day == periods[past][0] == dt.date(2026, 7, 6)
    actual, plan = weekly_actuals(demo), planned_days(demo)
    for c, cid in enumerate(ids):
        for t, (start, end) in enumerate(periods[:past]):
            wanted = actual[cid, start]
            if end > AS_OF:  # the straddling week: actuals to the date, then the plan
                wanted += sum(plan[cid, AS_OF + i * DAY] for i in range(1, (end - AS_OF).days
                                                                         + 1))
            assert int(spend[c, t].sum()) == wanted, (cid, start)
    table = done.reforecast
    by_channel = {cid: sum(v for (c, _), v in actual.items() if c == cid) for cid in ids}
    assert {r.channel_id: r.actual_minor for r in table.rows} == by_channel
    assert table.fixed_minor == int(spend[:, :past].sum())
    assert any("2026-W27 runs past 2026-06-30" in a for a in table.assumptions)


def test_missing_actuals_count_as_planned_and_say_so(demo: Plan):
    cid = rows.all_of(demo.db, Channel, order="sort_order, name")[0].id
    week = dt.date(2026, 3, 2)
    demo.db.execute("DELETE FROM actuals WHERE channel_id = ? AND start >= ? AND start < ?",
                    [cid, week.isoformat(), (week + 7 * DAY).isoformat()])
    done = rf.reforecast(demo, AS_OF)
    scenario = load_scenario(demo, done.scenario_id)
    t = [p[1] for p in scenario.inputs["periods"]].index(week.isoformat())
    c = scenario.inputs["channel_ids"].index(cid)
    plan = planned_days(demo)
    assert int(spend_of(scenario.result)[c, t].sum()) == sum(plan[cid, week + i * DAY]
                                                             for i in range(7))
    assert any("its plan counts as spent: 1 channel-week(s)" in a
               for a in done.reforecast.assumptions)


# -- the rest of the year --------------------------------------------------------------

def test_the_remaining_budget_is_spent(demo: Plan):
    table = rf.reforecast(demo, AS_OF).reforecast
    settings = rows.read_settings(demo.db)
    assert table.feasible and table.budget_minor == settings.total_budget_minor
    assert table.remaining_minor == table.budget_minor - table.fixed_minor - table.committed_minor
    assert table.unspent_minor == 0 and table.unspent_reason is None
    assert table.allocated_minor == table.remaining_minor
    assert sum(r.reforecast_minor or 0 for r in table.rows) == table.budget_minor
    for r in table.rows:
        assert r.reforecast_minor == r.fixed_minor + (r.reforecast_remaining_minor or 0)


def test_money_left_unspent_gives_the_reason(demo: Plan):
    budget = rows.read_settings(demo.db).total_budget_minor * 3
    table = rf.reforecast(demo, AS_OF, budget_minor=budget).reforecast
    assert table.unspent_minor and table.unspent_minor > 0
    assert table.unspent_reason and "left unspent" in table.unspent_reason


def test_the_current_plan_it_must_beat_is_the_plans_remaining_weeks(demo: Plan):
    pp = rf.build_reforecast_problem(demo, AS_OF)
    plan = planned_days(demo)
    for c, cid in enumerate(pp.channel_ids):
        for t, period in enumerate(pp.periods[pp.past:], pp.past):
            days = (period.end - period.start).days + 1
            assert int(pp.current_minor[c, t].sum()) == sum(
                plan[cid, period.start + i * DAY] for i in range(days))


@pytest.mark.parametrize("grain", ["week", "month"])
def test_objective_never_below_keeping_the_plan(demo: Plan, grain: str):
    """The demo plants one channel over its cap, so its plan is not feasible as it
    stands: the reforecast says so. Lifting that cap makes the plan feasible, and
    the reforecast must then score at least as well as keeping it."""
    table = rf.reforecast(demo, AS_OF, grain=grain).reforecast
    assert (table.objective_minor or 0) >= table.current_objective_minor
    assert any("not a feasible allocation" in a and "over its maximum" in a
               for a in table.assumptions)
    over = [c for c in rows.all_of(demo.db, Channel) if c.max_spend_minor is not None
            and c.max_spend_minor < sum(r.plan_minor for r in table.rows if r.channel_id == c.id)]
    lifted = {c.id: (c.min_spend_minor, None) for c in over}
    table = rf.reforecast(demo, AS_OF, grain=grain, channel_limits=lifted).reforecast
    assert not any("not a feasible allocation" in a for a in table.assumptions)
    assert table.objective_minor is not None
    assert table.objective_minor >= table.current_objective_minor


def test_brand_stock_from_spend_to_date_carries_on(demo: Plan):
    table = rf.reforecast(demo, AS_OF).reforecast
    pp = rf.build_reforecast_problem(demo, AS_OF)
    for r, ch in zip(table.rows, pp.problem.channels, strict=True):
        assert r.carry_minor >= 0 and (ch.brand is not None or not r.carry_minor)
    assert sum(r.carry_minor > 0 for r in table.rows) >= 3
    assert any("carries into the remaining weeks" in a for a in table.assumptions)


# -- stored, applied, undone ------------------------------------------------------------

def test_stored_table_and_one_undo_step(demo: Plan):
    before = dump(demo.db.conn)
    done = rf.reforecast(demo, AS_OF, name="H2")
    assert done.done.action_id and done.fitted is None
    assert load_scenario(demo, done.scenario_id).name == "H2"
    assert rf.reforecast_table(demo, done.scenario_id) == done.reforecast
    history.undo(demo, done.done.action_id)
    assert dump(demo.db.conn) == before
    pp = optimise.build_problem(demo, grain="month", today=AS_OF)
    other = save_scenario(demo, "plain", pp, optimise.run(demo, pp)).created_id or ""
    with pytest.raises(NotFound, match="not a reforecast"):
        rf.reforecast_table(demo, other)


def test_apply_then_undo_restores_the_plan_file(demo: Plan):
    done = rf.reforecast(demo, AS_OF)
    before, days_before = dump(demo.db.conn), planned_days(demo)
    applied = apply_scenario(demo, done.scenario_id)
    after = planned_days(demo)
    first = done.reforecast.first_day
    assert {k: v for k, v in after.items() if k[1] < first and v} == \
        {k: v for k, v in days_before.items() if k[1] < first and v}
    for r in done.reforecast.rows:  # the rest of the year is the reforecast's
        assert sum(v for (cid, day), v in after.items() if cid == r.channel_id and day >= first) \
            == r.reforecast_remaining_minor
    history.undo(demo, applied.action_id)
    assert dump(demo.db.conn) == before


def test_dates_outside_the_horizon_are_refused(demo: Plan):
    before = dump(demo.db.conn)
    for day in (dt.date(2025, 12, 31), dt.date(2026, 12, 31), dt.date(2027, 3, 1)):
        with pytest.raises(PlannerError, match="outside the plan's horizon"):
            rf.reforecast(demo, day)
    with pytest.raises(PlannerError, match="nothing is left to re-plan"):
        rf.reforecast(demo, dt.date(2026, 12, 20), grain="month")
    with pytest.raises(TypeError, match="today"):
        rf.reforecast(demo, AS_OF, today=AS_OF)
    assert dump(demo.db.conn) == before


# -- the command ------------------------------------------------------------------------

def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_cli_reforecast_prints_and_saves(demo_file: Path, tmp_path: Path):
    path = shutil.copyfile(demo_file, tmp_path / "c.cplan")
    result = run("reforecast", path, "--as-of", "2026-06-30")
    assert result.exit_code == 0, result.output
    for text in ("Reforecast as of 2026-06-30", "天猫旗舰店", "Remaining", "Allocated",
                 "keeping the current plan", "planner apply"):
        assert text in result.stdout
    data = json.loads(run("reforecast", path, "--as-of", "2026-06-30", "--grain", "month",
                          "--json").stdout)
    assert data["reforecast"]["as_of"] == "2026-06-30"
    assert data["reforecast"]["first_day"] == "2026-07-01"
    with open_plan(path, read_only=True) as plan:
        assert rf.reforecast_table(plan, data["id"]).grain == "month"


@pytest.mark.parametrize("as_of, message", [
    ("2026-13-01", "is not a date like"), ("30/06/2026", "is not a date like"),
    ("2027-01-15", "outside the plan's horizon"), ("2025-06-30", "outside the plan's horizon")])
def test_cli_user_errors_are_one_line_exit_1(demo_file: Path, tmp_path: Path, as_of: str,
                                             message: str):
    path = shutil.copyfile(demo_file, tmp_path / "c.cplan")
    result = run("reforecast", path, "--as-of", as_of)
    assert result.exit_code == 1
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not result.stdout
    with open_plan(path, read_only=True) as plan:
        assert not plan.db.execute("SELECT COUNT(*) FROM scenarios").fetchone()[0]


def test_refit_is_its_own_undo_step(demo: Plan):
    """Re-fitted curves are saved first, as a separate action: undoing the
    reforecast keeps them, undoing the fit too restores the plan file."""
    before = dump(demo.db.conn)
    done = rf.reforecast(demo, AS_OF, refit=True)
    assert done.fitted is not None and done.fitted.action_id != done.done.action_id
    n, weeks = demo.db.execute("SELECT COUNT(*), MAX(json_extract(quality, '$.n')) FROM curves "
                               "WHERE source = 'fitted' AND goal = 'promotion'").fetchone()
    assert n and weeks == 104 + 26  # two years of history, then Jan to June's actual weeks
    assert any("curves re-fitted" in a for a in done.reforecast.assumptions)
    history.undo(demo, done.done.action_id)
    history.undo(demo, done.fitted.action_id)
    assert dump(demo.db.conn) == before
