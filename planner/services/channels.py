"""Channels and segments: the lanes of the calendar and the tiers of the value pyramid."""

from __future__ import annotations

from typing import Any

from planner.domain.changes import Done
from planner.domain.entities import Channel, Segment, new_id
from planner.errors import ValidationError
from planner.services import records
from planner.storage import history, rows
from planner.storage.plan_file import Plan


def next_order(plan: Plan, table: str) -> int:
    return plan.db.execute(f'SELECT COALESCE(MAX(sort_order), -1) + 1 FROM "{table}"').fetchone()[0]


def create_channel(plan: Plan, name: str, kind: str, **fields: Any) -> Done:
    fields.setdefault("sort_order", next_order(plan, "channels"))
    return records.add(plan, Channel(id=new_id(), name=name, kind=kind, **fields),
                       f"Add channel {name}")


def update_channel(plan: Plan, channel_id: str, **changes: Any) -> Done:
    return records.edit(plan, Channel, channel_id, "Edit channel", **changes)


def duplicate_channel(plan: Plan, channel_id: str) -> Done:
    """Same settings, no flights: a lane for a second account on the same platform."""
    return records.duplicate(plan, Channel, channel_id, "Duplicate channel",
                             sort_order=next_order(plan, "channels"))


def delete_channel(plan: Plan, channel_id: str) -> Done:
    """Refused while flights, actuals or history use the channel: deleting it would
    silently take money out of the plan."""
    for table, what in (("flights", "flights"), ("actuals", "actuals"),
                        ("history", "history rows"), ("placeholders", "placeholders")):
        used = records.count(plan, table, "channel_id = ?", [channel_id])
        if used:
            name = rows.get(plan.db, Channel, channel_id).name
            raise ValidationError("channel", name,
                                  f"still has {used} {what}; move or delete them first")
    with plan.action("Delete channel") as act:
        rows.get(plan.db, Channel, channel_id)
        plan.db.execute("UPDATE events SET channel_id = NULL WHERE channel_id = ?", [channel_id])
        plan.db.execute("DELETE FROM curves WHERE channel_id = ?", [channel_id])
        rows.delete(plan.db, Channel, channel_id)
    return history.done(plan, act)


def move_channel(plan: Plan, channel_id: str, position: int) -> Done:
    """Put a channel at `position` in the lane order (0 = first)."""
    return _reorder(plan, "channels", Channel, channel_id, position, "Move channel")


def create_segment(plan: Plan, name: str, tier: str, **fields: Any) -> Done:
    fields.setdefault("sort_order", next_order(plan, "segments"))
    return records.add(plan, Segment(id=new_id(), name=name, tier=tier, **fields),
                       f"Add segment {name}")


def update_segment(plan: Plan, segment_id: str, **changes: Any) -> Done:
    return records.edit(plan, Segment, segment_id, "Edit segment", **changes)


def duplicate_segment(plan: Plan, segment_id: str) -> Done:
    return records.duplicate(plan, Segment, segment_id, "Duplicate segment",
                             sort_order=next_order(plan, "segments"))


def delete_segment(plan: Plan, segment_id: str) -> Done:
    """Campaigns aimed at the segment keep their money and lose only the target."""
    with plan.action("Delete segment") as act:
        rows.get(plan.db, Segment, segment_id)
        plan.db.execute("UPDATE campaigns SET segment_id = NULL WHERE segment_id = ?",
                        [segment_id])
        rows.delete(plan.db, Segment, segment_id)
    return history.done(plan, act)


def move_segment(plan: Plan, segment_id: str, position: int) -> Done:
    return _reorder(plan, "segments", Segment, segment_id, position, "Move segment")


def _reorder(plan: Plan, table: str, cls: type, record_id: str, position: int,
             label: str) -> Done:
    with plan.action(label) as act:
        rows.get(plan.db, cls, record_id)
        ids = [r[0] for r in plan.db.execute(
            f'SELECT id FROM "{table}" ORDER BY sort_order, rowid')]
        ids.remove(record_id)
        ids.insert(max(0, min(position, len(ids))), record_id)
        for order, rid in enumerate(ids):
            plan.db.execute(f'UPDATE "{table}" SET sort_order = ? WHERE id = ?', [order, rid])
    return history.done(plan, act)
