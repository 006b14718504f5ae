"""Plan settings and budget states: baselines and placeholders."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from planner.domain import validate
from planner.domain.changes import Done
from planner.domain.entities import Placeholder, PlanSettings, new_id
from planner.errors import ValidationError
from planner.services import records
from planner.storage import history, rows
from planner.storage.plan_file import Plan


def settings(plan: Plan) -> PlanSettings:
    return rows.read_settings(plan.db)


def update_settings(plan: Plan, **changes: Any) -> Done:
    known = {f.name for f in dataclasses.fields(PlanSettings)}
    for name, value in changes.items():
        if name not in known:
            raise ValidationError(f"plan.{name}", value, "is not a plan setting")
    with plan.action("Edit plan settings") as act:
        updated = dataclasses.replace(settings(plan), **changes)
        validate.check(updated)
        rows.write_settings(plan.db, updated)
    return history.done(plan, act)


def add_placeholder(plan: Plan, channel_id: str, start: dt.date, end: dt.date,
                    amount_minor: int, **fields: Any) -> Done:
    """Money reserved for a channel and period, not yet given to a campaign."""
    ph = Placeholder(id=new_id(), channel_id=channel_id, start=start, end=end,
                     amount_minor=amount_minor, **fields)
    return records.add(plan, ph, "Add placeholder")


def update_placeholder(plan: Plan, placeholder_id: str, **changes: Any) -> Done:
    return records.edit(plan, Placeholder, placeholder_id, "Edit placeholder", **changes)


def delete_placeholder(plan: Plan, placeholder_id: str) -> Done:
    return records.remove(plan, Placeholder, placeholder_id, "Delete placeholder")


def take_baseline(plan: Plan, name: str) -> Done:
    """Freeze every flight as it is now, for plan-vs-baseline comparison later."""
    if not name.strip():
        raise ValidationError("baseline.name", name, "must not be empty")
    baseline_id = new_id()
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with plan.action(f"Baseline {name}") as act:
        plan.db.execute("INSERT INTO baselines(id, name, created_at) VALUES (?, ?, ?)",
                        [baseline_id, name, now])
        flights = plan.db.execute(
            'SELECT id, campaign_id, channel_id, start, "end", budget_minor, phasing '
            "FROM flights").fetchall()
        plan.db.conn.executemany(
            "INSERT INTO baseline_flights(id, baseline_id, flight_id, campaign_id, channel_id, "
            'start, "end", budget_minor, phasing) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
            [(new_id(), baseline_id, *row) for row in flights],
        )
    return history.done(plan, act, created_id=baseline_id)


def latest_baseline(plan: Plan) -> str | None:
    row = plan.db.execute(
        "SELECT id FROM baselines ORDER BY created_at DESC, rowid DESC LIMIT 1").fetchone()
    return row[0] if row else None
