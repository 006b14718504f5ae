"""Events on the timeline: festivals with their phases, public holidays, blackouts.

Festival windows and holidays come from data (`resources/festivals.json` and the
`holidays` package), are computed per year, and land in the plan as ordinary
events the planner can then adjust like any other record.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import Any

from planner.domain.changes import Done
from planner.domain.entities import Event, new_id
from planner.domain.festivals import festival_windows, public_holidays
from planner.services import records
from planner.storage import history, rows
from planner.storage.plan_file import Plan


def create_event(plan: Plan, kind: str, name: str, start: dt.date, end: dt.date,
                 **fields: Any) -> Done:
    event = Event(id=new_id(), kind=kind, name=name, start=start, end=end, **fields)
    return records.add(plan, event, f"Add {kind} {name}")


def add_blackout(plan: Plan, name: str, start: dt.date, end: dt.date,
                 channel_id: str | None = None, notes: str = "") -> Done:
    """No flight may run here (all channels, or only `channel_id`)."""
    return create_event(plan, "blackout", name, start, end, channel_id=channel_id, notes=notes)


def update_event(plan: Plan, event_id: str, **changes: Any) -> Done:
    return records.edit(plan, Event, event_id, "Edit event", **changes)


def _shifted(ev: Event, days: int) -> Event:
    """The event `days` later; a festival's booking deadline moves with it."""
    delta = dt.timedelta(days=days)
    deadline = ev.booking_deadline + delta if ev.booking_deadline else None
    return dataclasses.replace(ev, start=ev.start + delta, end=ev.end + delta,
                               booking_deadline=deadline)


def move_event(plan: Plan, event_id: str, days: int) -> Done:
    with plan.action("Move event") as act:
        records.write_changed(plan, _shifted(rows.get(plan.db, Event, event_id), days))
    return history.done(plan, act)


def duplicate_event(plan: Plan, event_id: str, shift_days: int = 0) -> Done:
    """A copy, optionally shifted (e.g. the same blackout next month)."""
    with plan.action("Duplicate event") as act:
        copy = dataclasses.replace(_shifted(rows.get(plan.db, Event, event_id), shift_days),
                                   id=new_id())
        records.write_new(plan, copy)
    return history.done(plan, act, created_id=copy.id)


def delete_event(plan: Plan, event_id: str) -> Done:
    return records.remove(plan, Event, event_id, "Delete event")


def festival_events(years: Iterable[int], language: str = "zh") -> list[Event]:
    """One event per festival phase, each carrying its festival's booking deadline."""
    events = []
    for window in festival_windows(years):
        festival = window.name_zh if language == "zh" else window.name_en
        for phase in window.phases:
            phase_name = phase.name_zh if language == "zh" else phase.name_en
            events.append(Event(
                id=new_id(), kind="festival", name=f"{festival} · {phase_name}",
                start=phase.start, end=phase.end, festival_key=window.key, phase=phase.key,
                booking_deadline=window.booking_deadline,
            ))
    return events


def holiday_events(years: Iterable[int], language: str = "zh") -> list[Event]:
    """Consecutive days of the same holiday become one event."""
    locale = "zh_CN" if language == "zh" else "en_US"
    events: list[Event] = []
    for day, name in public_holidays(years, language=locale):
        last = events[-1] if events else None
        if last is not None and last.name == name and last.end + dt.timedelta(days=1) == day:
            events[-1] = dataclasses.replace(last, end=day)
        else:
            events.append(Event(id=new_id(), kind="holiday", name=name, start=day, end=day))
    return events


def add_calendar_events(plan: Plan, years: Iterable[int], language: str = "zh") -> Done:
    """Festivals and public holidays for `years`, skipping any already in the plan."""
    years = sorted(set(years))
    existing = {(r["kind"], r["name"], r["start"]) for r in plan.db.query(
        "SELECT kind, name, start FROM events WHERE kind IN ('festival', 'holiday')")}
    with plan.action("Add festivals and holidays") as act:
        for ev in festival_events(years, language) + holiday_events(years, language):
            if (ev.kind, ev.name, ev.start.isoformat()) not in existing:
                records.write_new(plan, ev)
    return history.done(plan, act)
