"""Hand-edited response curves: stored as manual, used by the optimiser, undoable,
and refused whole when a parameter is wrong."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.demo import build_demo
from planner.errors import NotFound, ValidationError
from planner.services import curve_edits
from planner.services.optimise import best_curves, build_problem, run
from planner.services.scenarios import list_scenarios, save_scenario
from planner.storage import history
from planner.storage.plan_file import Plan
from tests.plan_dump import dump

TODAY = dt.date(2026, 7, 15)


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Plan]:
    plan = build_demo(tmp_path / "demo.cplan", year=2026, today=TODAY)
    yield plan
    plan.close()


def first_channel(plan: Plan) -> tuple[str, str]:
    return plan.db.execute("SELECT id, name FROM channels ORDER BY sort_order").fetchone()


def spec(plan: Plan, channel_name: str):
    problem = build_problem(plan, grain="week", today=TODAY)
    return next(ch for ch in problem.problem.channels if ch.name == channel_name)


def test_manual_params_are_stored_and_used_by_the_optimiser(demo: Plan) -> None:
    cid, name = first_channel(demo)
    before = curve_edits.in_use(curve_edits.curve_records(demo))[cid, "promotion"]
    assert before.source == "generator"
    done = curve_edits.set_curve_params(demo, cid, "promotion",
                                        {"a": 2.0e8, "k": 1.5e7, "s": 0.8}, 0.0)
    assert done.action_id and "curves" in done.changes.other_tables
    now = curve_edits.in_use(curve_edits.curve_records(demo))[cid, "promotion"]
    assert (now.source, now.family) == ("manual", "hill")
    assert (now.params["a"], now.params["k"], now.params["s"]) == (2.0e8, 1.5e7, 0.8)
    assert now.params["season"] == before.params["season"]  # what the edit did not name stays
    assert now.quality["based_on"] == "generator"
    # The optimiser's own choice agrees, and its problem is built on the manual curve.
    best = best_curves(demo)[cid, "promotion"]
    assert (best[0], best[1]) == (now.family, now.params)
    curve = spec(demo, name).promotion
    scale = build_problem(demo, grain="week", today=TODAY).scale
    assert (curve.a, curve.k, curve.s) == pytest.approx((2.0e8 / scale, 1.5e7 / scale, 0.8))


def test_brand_adstock_edit_reaches_the_problem(demo: Plan) -> None:
    cid, name = first_channel(demo)
    old = curve_edits.in_use(curve_edits.curve_records(demo))[cid, "brand"]
    curve_edits.set_curve_params(demo, cid, "brand", {"a": 70.0, "k": 3.0e6}, 0.5)
    assert spec(demo, name).adstock == pytest.approx(0.5)
    assert old.adstock != 0.5
    # A second edit replaces the first manual curve rather than piling up.
    curve_edits.set_curve_params(demo, cid, "brand", {"a": 71.0, "k": 3.0e6})
    manual = [r for r in curve_edits.curve_records(demo, cid) if r.source == "manual"]
    assert [(r.goal, r.params["a"], r.adstock) for r in manual] == [("brand", 71.0, 0.5)]


def test_undo_restores_the_file(demo: Plan) -> None:
    cid, _ = first_channel(demo)
    before = dump(demo.db.conn)
    done = curve_edits.set_curve_params(demo, cid, "promotion", {"a": 1e8, "k": 1e7, "s": 1})
    assert dump(demo.db.conn) != before
    history.undo(demo, done.action_id)
    assert dump(demo.db.conn) == before


@pytest.mark.parametrize(("params", "rate", "field"), [
    ({"a": -1.0, "k": 1e7, "s": 0.7}, None, "curve.a"),
    ({"a": 1e8, "k": math.nan, "s": 0.7}, None, "curve.k"),
    ({"a": 1e8, "k": 1e7, "s": 0.0}, None, "curve.s"),
    ({"a": 1e8, "k": 1e7}, None, "curve.s"),
    ({"a": 1e8, "k": 1e7, "s": 0.7, "b": 2.0}, None, "curve.b"),
    ({"a": 1e8, "k": 1e7, "s": 0.7}, 1.0, "curve.adstock"),
    ({"a": 1e8, "k": 1e7, "s": 0.7}, -0.1, "curve.adstock"),
    ({"a": "lots", "k": 1e7, "s": 0.7}, None, "curve.a"),
])
def test_bad_params_are_refused_and_nothing_is_written(demo: Plan, params: dict,
                                                      rate: float | None, field: str) -> None:
    cid, _ = first_channel(demo)
    before = dump(demo.db.conn, ("curves", "actions", "changes"))
    with pytest.raises(ValidationError) as caught:
        curve_edits.set_curve_params(demo, cid, "promotion", params, rate, family="hill")
    assert caught.value.field == field
    assert dump(demo.db.conn, ("curves", "actions", "changes")) == before


def test_unknown_goal_or_channel(demo: Plan) -> None:
    cid, _ = first_channel(demo)
    with pytest.raises(ValidationError, match=r"curve\.goal"):
        curve_edits.set_curve_params(demo, cid, "loyalty", {"a": 1, "k": 1})
    with pytest.raises(NotFound):
        curve_edits.set_curve_params(demo, "nope", "brand", {"a": 1, "k": 1})


def test_channel_view_places_the_plan_on_the_curve(demo: Plan) -> None:
    cid, name = first_channel(demo)
    view = curve_edits.channel_view(demo, cid)
    assert view.name == name and view.scenario is None
    promotion, brand = view.goals
    assert len(promotion.x) == len(promotion.y) == 104  # two years of weekly history
    planned = demo.db.execute(
        "SELECT SUM(f.budget_minor - f.budget_minor * c.brand_share_bp / 10000) FROM flights f "
        "JOIN campaigns c ON c.id = f.campaign_id WHERE f.channel_id = ?", [cid]).fetchone()[0]
    assert promotion.plan_x == pytest.approx(planned / (365 / 7))
    assert brand.plan_x > 0 and brand.curve is not None and brand.curve.adstock > 0


def test_channel_view_places_the_latest_optimised_scenario(demo: Plan) -> None:
    problem = build_problem(demo, grain="month", today=TODAY)
    save_scenario(demo, "Run 1", problem, run(demo, problem))
    cid = problem.channel_ids[0]
    scenario = list_scenarios(demo)[-1]
    spend = scenario.result["spend_minor"][0]  # [t][brand, promotion], minor units
    view = curve_edits.channel_view(demo, cid)
    assert view.scenario == "Run 1"
    promotion, brand = view.goals
    assert promotion.scenario_x == pytest.approx(sum(t[1] for t in spend) / (365 / 7))
    rate = brand.curve.adstock
    assert brand.scenario_x == pytest.approx(sum(t[0] for t in spend) / (365 / 7) / (1 - rate))
