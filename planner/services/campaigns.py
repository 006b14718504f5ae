"""Campaigns and their KPI targets: create, edit, duplicate, move, delete."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import Any

from planner.domain.changes import Done
from planner.domain.entities import Campaign, Flight, KpiTarget, new_id
from planner.services import records
from planner.services.flights import delete_flight_rows, locked_check, shifted
from planner.storage import history, rows
from planner.storage.plan_file import Plan

_SHARE_BY_OBJECTIVE = {"brand": 10000, "promotion": 0, "mixed": 5000}


def create_campaign(plan: Plan, name: str, objective: str = "promotion", **fields: Any) -> Done:
    """A brand campaign is all brand money, a promotion one none; a mixed one
    carries its own share (50 % unless given)."""
    fields.setdefault("brand_share_bp", _SHARE_BY_OBJECTIVE.get(objective, 0))
    if "tags" in fields:
        fields["tags"] = tuple(fields["tags"])
    campaign = Campaign(id=new_id(), name=name, objective=objective, **fields)
    return records.add(plan, campaign, f"Add campaign {name}")


def update_campaign(plan: Plan, campaign_id: str, **changes: Any) -> Done:
    """Changing the objective moves the brand share with it unless one is given."""
    if "objective" in changes and "brand_share_bp" not in changes:
        current = rows.get(plan.db, Campaign, campaign_id)
        if changes["objective"] != current.objective:
            changes["brand_share_bp"] = _SHARE_BY_OBJECTIVE.get(changes["objective"], 0)
    if "tags" in changes:
        changes["tags"] = tuple(changes["tags"])
    return records.edit(plan, Campaign, campaign_id, "Edit campaign", **changes)


def set_status(plan: Plan, campaign_id: str, status: str) -> Done:
    return records.edit(plan, Campaign, campaign_id, f"Set status {status}", status=status)


def campaign_flights(plan: Plan, campaign_id: str) -> list[Flight]:
    return [rows.from_row(Flight, r) for r in plan.db.query(
        "SELECT * FROM flights WHERE campaign_id = ? ORDER BY start, rowid", [campaign_id])]


def delete_campaign_rows(plan: Plan, campaign_id: str) -> None:
    """Inside an open action: its flights and KPI targets go with it."""
    rows.get(plan.db, Campaign, campaign_id)
    delete_flight_rows(plan, [f.id for f in campaign_flights(plan, campaign_id)])
    plan.db.execute("DELETE FROM kpi_targets WHERE campaign_id = ?", [campaign_id])
    rows.delete(plan.db, Campaign, campaign_id)


def delete_campaign(plan: Plan, campaign_id: str) -> Done:
    with plan.action("Delete campaign") as act:
        delete_campaign_rows(plan, campaign_id)
    return history.done(plan, act)


def delete_selection(plan: Plan, flight_ids: Iterable[str] = (),
                     campaign_ids: Iterable[str] = ()) -> Done:
    """What a planner selected and pressed Delete on, in one undoable action: the
    campaigns (with their flights) and the other flights."""
    flight_ids, campaign_ids = list(flight_ids), list(campaign_ids)
    count = len(flight_ids) + len(campaign_ids)
    label = "Delete 1 item" if count == 1 else f"Delete {count} items"
    with plan.action(label) as act:
        for flight_id in flight_ids:
            rows.get(plan.db, Flight, flight_id)
        delete_flight_rows(plan, flight_ids)
        for campaign_id in campaign_ids:
            delete_campaign_rows(plan, campaign_id)
    return history.done(plan, act)


def duplicate_campaign(plan: Plan, campaign_id: str, *, name: str | None = None,
                       shift_days: int = 0) -> Done:
    """A copy with new ids for the campaign, its flights and its KPI targets,
    optionally shifted in time (e.g. last year's 618 moved to this year)."""
    source = rows.get(plan.db, Campaign, campaign_id)
    copy = dataclasses.replace(source, id=new_id(), name=name or f"{source.name} (copy)",
                               status="draft")
    with plan.action(f"Duplicate campaign {source.name}") as act:
        records.write_new(plan, copy)
        for flight in campaign_flights(plan, campaign_id):
            moved = shifted(flight, dt.timedelta(days=shift_days))
            records.write_new(plan, dataclasses.replace(
                moved, id=new_id(), campaign_id=copy.id, committed=False))
        for kpi in kpi_targets(plan, campaign_id):
            records.write_new(plan, dataclasses.replace(kpi, id=new_id(), campaign_id=copy.id))
    return history.done(plan, act, created_id=copy.id)


def move_campaign(plan: Plan, campaign_id: str, days: int) -> Done:
    """Shift every flight of the campaign by `days` (negative: earlier); refused whole
    when any of them is committed (locked)."""
    with plan.action("Move campaign") as act:
        rows.get(plan.db, Campaign, campaign_id)
        for flight in campaign_flights(plan, campaign_id):
            locked_check(flight)
            records.write_changed(plan, shifted(flight, dt.timedelta(days=days)))
    return history.done(plan, act)


def kpi_targets(plan: Plan, campaign_id: str) -> list[KpiTarget]:
    return [rows.from_row(KpiTarget, r) for r in plan.db.query(
        "SELECT * FROM kpi_targets WHERE campaign_id = ? ORDER BY rowid", [campaign_id])]


def add_kpi_target(plan: Plan, campaign_id: str, category: str, metric: str, target: float,
                   **fields: Any) -> Done:
    kpi = KpiTarget(id=new_id(), campaign_id=campaign_id, category=category, metric=metric,
                    target=target, **fields)
    return records.add(plan, kpi, f"Add KPI target {metric}")


def update_kpi_target(plan: Plan, kpi_id: str, **changes: Any) -> Done:
    return records.edit(plan, KpiTarget, kpi_id, "Edit KPI target", **changes)


def duplicate_kpi_target(plan: Plan, kpi_id: str, campaign_id: str | None = None) -> Done:
    """Copy a target, to the same campaign or to another one."""
    overrides = {} if campaign_id is None else {"campaign_id": campaign_id}
    return records.duplicate(plan, KpiTarget, kpi_id, "Duplicate KPI target", **overrides)


def move_kpi_target(plan: Plan, kpi_id: str, campaign_id: str) -> Done:
    """Give a target to another campaign."""
    return records.edit(plan, KpiTarget, kpi_id, "Move KPI target", campaign_id=campaign_id)


def delete_kpi_target(plan: Plan, kpi_id: str) -> Done:
    return records.remove(plan, KpiTarget, kpi_id, "Delete KPI target")
