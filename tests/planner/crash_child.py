"""Edit a plan through the services, forever, until killed.

Usage: python crash_child.py PLAN_PATH SEED

After each user action has returned (and so is committed), prints one line
`committed <action_id>` and flushes, so the parent knows which actions must
survive a kill at any moment. Started and SIGKILLed by `test_crash.py`.
"""

from __future__ import annotations

import datetime as dt
import random
import sys

from planner.domain.changes import PlanChanges
from planner.domain.entities import DateSpan
from planner.errors import NotFound, UndoConflict
from planner.services import campaigns, channels, flights, plan_settings
from planner.storage import history
from planner.storage.plan_file import open_plan

START = dt.date(2026, 1, 1)


def ids_of(plan, table: str, where: str = "1") -> list[str]:
    return [r[0] for r in plan.db.execute(f'SELECT id FROM "{table}" WHERE {where} ORDER BY rowid')]


def one_edit(plan, rng: random.Random):
    """One random user action; returns its `Done`, or None when nothing was done."""
    flight_ids = ids_of(plan, "flights")
    campaign_ids = ids_of(plan, "campaigns")
    channel_ids = ids_of(plan, "channels")
    movable = ids_of(plan, "flights", "committed = 0")  # committed flights are locked
    free_campaigns = ids_of(plan, "campaigns", "id NOT IN (SELECT campaign_id FROM flights "
                            "WHERE committed = 1)")
    roll = rng.random()
    if roll < 0.30 or not flight_ids:
        start = START + dt.timedelta(days=rng.randrange(300))
        return flights.add_flight(
            plan, rng.choice(campaign_ids), rng.choice(channel_ids), start,
            start + dt.timedelta(days=rng.randrange(1, 40)), rng.randrange(10**10),
            notes="备注 " * rng.randrange(30))
    if roll < 0.45 and movable:
        flight_id = rng.choice(movable)
        return flights.move_flight(plan, flight_id,
                                   START + dt.timedelta(days=rng.randrange(300)))
    if roll < 0.60:
        return flights.update_flight(plan, rng.choice(flight_ids), "Edit budget",
                                     budget_minor=rng.randrange(10**10))
    if roll < 0.65 and movable:
        start = START + dt.timedelta(days=rng.randrange(300))
        return flights.resize_flight(plan, rng.choice(movable),
                                     DateSpan(start, start + dt.timedelta(days=rng.randrange(60))))
    if roll < 0.72 or len(flight_ids) > 60:
        doomed = rng.sample(flight_ids, min(len(flight_ids), rng.randrange(1, 4)))
        return flights.delete_flights(plan, doomed)
    if roll < 0.76:
        return flights.set_committed(plan, rng.sample(flight_ids, min(5, len(flight_ids))))
    if roll < 0.79 and free_campaigns:
        return campaigns.move_campaign(plan, rng.choice(free_campaigns), rng.randrange(-5, 6))
    if roll < 0.81:
        return plan_settings.update_settings(plan, total_budget_minor=rng.randrange(10**12))
    if roll < 0.82:
        return plan_settings.take_baseline(plan, f"基线 {rng.randrange(1000)}")
    if roll < 0.95:
        try:
            return history.undo(plan)
        except (UndoConflict, NotFound):
            return None
    try:
        return history.redo(plan)
    except (UndoConflict, NotFound):
        return None


def main(path: str, seed: int) -> None:
    rng = random.Random(seed)
    plan = open_plan(path)
    # A few channels and campaigns of its own, so the plan keeps growing.
    done = channels.create_channel(plan, f"渠道 {seed}", "other")
    print(f"committed {done.action_id}", flush=True)
    done = campaigns.create_campaign(plan, f"活动 {seed}", "mixed")
    print(f"committed {done.action_id}", flush=True)
    while True:
        done = one_edit(plan, rng)
        # An action that changed nothing (a move by 0 days) leaves no trace to report.
        if done is not None and done.changes != PlanChanges():
            print(f"committed {done.action_id}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
