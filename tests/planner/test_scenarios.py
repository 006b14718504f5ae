"""Scenarios on the demo plan: stored, renamed, deleted and undone; applied in both
modes so that the plan's future is the scenario's to the minor unit; refused, with
nothing written, when they cannot be applied."""

from __future__ import annotations

import bisect
import datetime as dt
import json

import numpy as np
import pytest

from planner.domain.calendars import CalendarSpec, period_of
from planner.domain.entities import Flight
from planner.domain.phasing import Phasing, phase_by_periods, phase_days
from planner.errors import NotFound, PlannerError, ValidationError
from planner.services import optimise
from planner.services import scenarios as sc
from planner.services.flights import set_committed
from planner.services.scenario_apply import apply_scenario
from planner.storage import history, rows
from planner.storage.plan_file import Plan
from planner.storage.schema import USER_TABLES
from solver.result import Infeasible
from tests.planner import test_optimise_service as base

TODAY = base.TODAY
demo_file, demo, month_run = base.demo_file, base.demo, base.month_run  # the same fixtures


def snapshot(plan: Plan) -> dict[str, list[tuple]]:
    """Every planner table, row by row, in a stable order."""
    return {t: sorted(map(tuple, plan.db.execute(f'SELECT * FROM "{t}"').fetchall()), key=repr)
            for t in USER_TABLES}


def by_period(flight: Flight, grain: str) -> dict[str, int]:
    spec = CalendarSpec()
    return phase_by_periods(flight.budget_minor, flight.start, flight.end,
                            Phasing.from_dict(flight.phasing),
                            lambda day: period_of(spec, day, grain).key)


def days_of(flight: Flight) -> dict[dt.date, int]:
    amounts = phase_days(flight.budget_minor, flight.start, flight.end,
                         Phasing.from_dict(flight.phasing))
    return {flight.start + dt.timedelta(days=i): a for i, a in enumerate(amounts)}


def future_cells(plan: Plan, scenario: sc.Scenario, committed_only: bool = False
                 ) -> np.ndarray:
    """The plan's future [c, t, g] over the scenario's channels and future periods:
    every flight (or every committed one) phased to days, summed per period, split
    by its campaign's brand share (brand rounded down per flight and period)."""
    past, ids = scenario.inputs["past_periods"], scenario.inputs["channel_ids"]
    periods = [dt.date.fromisoformat(s) for _, s, _ in scenario.inputs["periods"][past:]]
    last = dt.date.fromisoformat(scenario.inputs["periods"][-1][2])
    share = dict(plan.db.execute("SELECT id, brand_share_bp FROM campaigns"))
    out = np.zeros((len(ids), len(periods), 2), dtype=np.int64)
    for flight in rows.all_of(plan.db, Flight):
        if flight.channel_id not in ids or (committed_only and not flight.committed):
            continue
        total = [0] * len(periods)
        for day, amount in days_of(flight).items():
            if periods[0] <= day <= last:
                total[bisect.bisect_right(periods, day) - 1] += amount
        for t, amount in enumerate(total):
            brand = amount * share[flight.campaign_id] // 10000
            out[ids.index(flight.channel_id), t] += (brand, amount - brand)
    return out


def wanted(scenario: sc.Scenario) -> np.ndarray:
    """The scenario's stored future integers [c, t, g]."""
    return np.array(scenario.result["spend_minor"])[:, scenario.inputs["past_periods"]:]


def _saved(demo: Plan, month_run, name: str = "Plan B") -> sc.Scenario:
    pp, result = month_run
    return sc.load_scenario(demo, sc.save_scenario(demo, name, pp, result).created_id)


# -- storing ---------------------------------------------------------------------------

def test_scenario_save_load_rename_delete_undo(demo: Plan, month_run):
    pp, result = month_run
    before = snapshot(demo)
    saved = sc.save_scenario(demo, "  Max value  ", pp, result)
    scenario = sc.load_scenario(demo, saved.created_id)
    assert scenario.name == "Max value" and scenario.feasible
    assert scenario.inputs["grain"] == "month" and len(scenario.inputs["periods"]) == 12
    assert scenario.inputs["channel_ids"] == list(pp.channel_ids)
    assert scenario.inputs["outside"] == []  # every demo channel has both curves
    spend = np.array(scenario.result["spend_minor"])
    assert spend.shape == (16, 12, 2) and spend.dtype.kind == "i"
    totals = [c["spend_minor"] for c in scenario.result["channels"]]
    assert totals == spend.sum(axis=(1, 2)).tolist()
    assert scenario.result["unspent_minor"] == pp.budget_minor - spend.sum()
    assert scenario.result["objective_minor"] == pp.to_minor(result.objective)
    assert "scenarios" in saved.changes.other_tables
    sc.rename_scenario(demo, scenario.id, "Renamed")
    assert [s.name for s in sc.list_scenarios(demo)] == ["Renamed"]
    deleted = sc.delete_scenario(demo, scenario.id)
    assert sc.list_scenarios(demo) == []
    history.undo(demo, deleted.action_id)
    assert sc.load_scenario(demo, scenario.id).name == "Renamed"
    history.undo(demo)  # the rename
    history.undo(demo)  # the save
    assert snapshot(demo) == before
    with pytest.raises(NotFound):
        sc.load_scenario(demo, scenario.id)
    with pytest.raises(ValidationError):
        sc.save_scenario(demo, " ", pp, result)


def test_an_impossible_setup_is_stored_with_its_explanation(demo: Plan):
    pp = optimise.build_problem(demo, grain="month", today=TODAY, brand_share=(0.9, 1.0))
    result = optimise.run(demo, pp)
    assert isinstance(result, Infeasible)
    scenario = sc.load_scenario(demo, sc.save_scenario(demo, "All brand", pp, result).created_id)
    assert not scenario.feasible and scenario.result["status"] == "infeasible"
    assert "brand share" in scenario.result["message"]
    assert scenario.result["conflicts"][0]["message"]
    before = snapshot(demo)
    for mode in ("new_flights", "rescale"):
        with pytest.raises(PlannerError, match="no allocation to apply"):
            apply_scenario(demo, scenario.id, mode)
    assert snapshot(demo) == before


# -- applying as new flights -----------------------------------------------------------

def test_apply_as_new_flights_makes_the_future_the_scenarios(demo: Plan, month_run):
    scenario = _saved(demo, month_run)
    past, ids = scenario.inputs["past_periods"], scenario.inputs["channel_ids"]
    first = dt.date.fromisoformat(scenario.inputs["periods"][past][1])
    # Flights under way on `first` are all committed in the demo: free some to be cut.
    under_way = [f for f in rows.all_of(demo.db, Flight) if f.start < first <= f.end]
    set_committed(demo, [f.id for f in under_way[::2]], False)
    before, flights = snapshot(demo), {f.id: f for f in rows.all_of(demo.db, Flight)}
    committed = [f for f in flights.values() if f.committed]
    removed = {f.id for f in flights.values() if not f.committed and f.start >= first}
    cut = {f.id for f in flights.values() if not f.committed and f.start < first <= f.end}
    assert removed and len(cut) == len(under_way[::2]) > 5
    held = future_cells(demo, scenario, committed_only=True)
    done = apply_scenario(demo, scenario.id, "new_flights")

    after = {f.id: f for f in rows.all_of(demo.db, Flight)}
    assert (future_cells(demo, scenario) == wanted(scenario)).all()  # every cell, to the fen
    assert (future_cells(demo, scenario).sum(axis=1) == wanted(scenario).sum(axis=1)).all()
    assert [f for f in rows.all_of(demo.db, Flight) if f.committed] == committed
    assert not removed & after.keys()
    for fid in cut:  # cut short; every kept day as it was, to the fen
        kept = {d: a for d, a in days_of(flights[fid]).items() if d < first}
        assert after[fid].end == first - dt.timedelta(days=1) and days_of(after[fid]) == kept
    for fid in flights.keys() - removed - cut:
        assert after[fid] == flights[fid]
    # The new flights carry the scenario less what committed flights hold.
    new = [f for f in after.values() if f.id not in flights]
    assert {f.id for f in new} | removed | cut == done.changes.flights
    keys = [p[0] for p in scenario.inputs["periods"][past:]]
    for g, goal in enumerate(("brand", "promotion")):
        (campaign_id,) = demo.db.execute("SELECT id FROM campaigns WHERE name = ?",
                                         [f"Optimised {goal} — Plan B"]).fetchone()
        for c, cid in enumerate(ids):
            mine = [f for f in new if f.channel_id == cid and f.campaign_id == campaign_id]
            rest = wanted(scenario)[c, :, g] - held[c, :, g]
            assert (rest >= 0).all()
            if not rest.any():
                assert not mine
                continue
            (flight,) = mine
            assert by_period(flight, "month") == dict(zip(keys, rest.tolist(), strict=True))
    again = apply_scenario(demo, scenario.id)  # replaces its own flights, reuses campaigns
    assert not again.changes.campaigns
    assert (future_cells(demo, scenario) == wanted(scenario)).all()
    history.undo(demo, again.action_id)
    history.undo(demo, done.action_id)
    assert snapshot(demo) == before


def test_new_flights_refuse_when_commitments_exceed_the_scenario(demo: Plan, month_run):
    """Committing more after optimising leaves cells where committed flights hold
    more than the scenario: nothing may be written then."""
    scenario = _saved(demo, month_run)
    set_committed(demo, [f.id for f in rows.all_of(demo.db, Flight)], True, booked_on=TODAY)
    before = snapshot(demo)
    with pytest.raises(PlannerError, match="committed flights hold more than it gives"):
        apply_scenario(demo, scenario.id, "new_flights")
    assert snapshot(demo) == before


def test_money_without_a_curve_stays_as_planned(demo: Plan):
    """A channel with no brand curve: its brand money is outside the model, so the
    scenario's zero there must not wipe it out; the promotion side is the scenario's."""
    pp = optimise.build_problem(demo, grain="month", today=TODAY)
    c, cid = 2, pp.channel_ids[2]
    demo.db.execute("DELETE FROM curves WHERE channel_id = ? AND goal = 'brand'", [cid])
    pp = optimise.build_problem(demo, grain="month", today=TODAY)
    assert pp.outside == ((cid, "brand"),) and pp.channel_ids[c] == cid
    scenario = sc.load_scenario(demo, sc.save_scenario(
        demo, "No brand curve", pp, optimise.run(demo, pp)).created_id)
    assert scenario.inputs["outside"] == [[cid, "brand"]]
    planned = future_cells(demo, scenario)
    assert planned[c, :, 0].any() and not wanted(scenario)[c, :, 0].any()
    apply_scenario(demo, scenario.id)
    after, expected = future_cells(demo, scenario), wanted(scenario).copy()
    expected[c, :, 0] = planned[c, :, 0]
    assert (after == expected).all()


# -- rescaling, and what both modes refuse ---------------------------------------------

def test_apply_by_rescaling_matches_channel_totals_and_undoes(demo: Plan, month_run):
    scenario = _saved(demo, month_run)
    before = snapshot(demo)
    committed = [f for f in rows.all_of(demo.db, Flight) if f.committed]
    done = apply_scenario(demo, scenario.id, "rescale")
    assert done.changes.flights and not done.changes.campaigns
    past = scenario.inputs["past_periods"]
    first = dt.date.fromisoformat(scenario.inputs["periods"][past][1])
    spend = wanted(scenario).sum(axis=(1, 2))
    flights = rows.all_of(demo.db, Flight)
    for cid, target in zip(scenario.inputs["channel_ids"], spend.tolist(), strict=True):
        assert sum(base.future_total(f, first) for f in flights if f.channel_id == cid) == target
    assert [f for f in flights if f.committed] == committed
    history.undo(demo, done.action_id)
    assert snapshot(demo) == before


def test_rescale_refuses_a_channel_it_cannot_match(demo: Plan, month_run):
    scenario = _saved(demo, month_run)
    flights = rows.all_of(demo.db, Flight)
    set_committed(demo, [f.id for f in flights], True, booked_on=TODAY)
    before = snapshot(demo)
    with pytest.raises(PlannerError, match="apply it as new flights"):
        apply_scenario(demo, scenario.id, "rescale")
    assert snapshot(demo) == before
    with pytest.raises(ValidationError):
        apply_scenario(demo, scenario.id, "replace")  # type: ignore[arg-type]


@pytest.mark.parametrize("field", ["channel_ids", "currency"])
def test_a_scenario_of_other_channels_is_refused(demo: Plan, month_run, field: str):
    scenario = _saved(demo, month_run)
    inputs = dict(scenario.inputs)
    ids = inputs["channel_ids"]
    inputs[field] = "USD" if field == "currency" else [*ids[:3], "elsewhere", *ids[4:]]
    demo.db.execute("UPDATE scenarios SET inputs = ? WHERE id = ?",
                    [json.dumps(inputs), scenario.id])
    before = snapshot(demo)
    for mode in ("new_flights", "rescale"):
        with pytest.raises(PlannerError, match="made for another plan"):
            apply_scenario(demo, scenario.id, mode)
    assert snapshot(demo) == before
