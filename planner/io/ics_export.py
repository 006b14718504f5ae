"""The plan as an iCalendar file (RFC 5545): one all-day event per flight or campaign.

UIDs are the records' own UUIDs (``<id>@campaign-planner``), so importing a
newer export into a calendar client updates the events it already has instead
of adding copies. SEQUENCE counts the actions that changed a record since it was
made (read from the plan's change log), so it only ever grows and clients accept
the newer version; LAST-MODIFIED is the time of the latest of those actions.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from planner.domain.entities import Campaign, Channel, Flight
from planner.domain.money import format_money
from planner.errors import ValidationError
from planner.io.atomic import write_atomically
from planner.storage import rows

if TYPE_CHECKING:
    from planner.storage.plan_file import Plan

Per = Literal["flight", "campaign"]
PER: tuple[str, ...] = ("flight", "campaign")
PRODID = "-//Omnichannel Campaign Planner//planner//EN"
UID_DOMAIN = "campaign-planner"
_DAY = dt.timedelta(days=1)

# Per record: how many actions touched it and when the latest ran. A campaign's
# history includes its flights', deleted ones too (their owner is in the log).
_FLIGHT_HISTORY = """
SELECT c.row_id, COUNT(DISTINCT c.action_id), MAX(a.at)
FROM changes c JOIN actions a ON a.id = c.action_id
WHERE c.tbl = 'flights' GROUP BY c.row_id
"""
_CAMPAIGN_HISTORY = """
WITH owner(flight_id, campaign_id) AS (
    SELECT row_id, json_extract(COALESCE(new, old), '$.campaign_id') FROM changes
    WHERE tbl = 'flights' AND op IN ('insert', 'delete')
    UNION SELECT id, campaign_id FROM flights),
touched(campaign_id, action_id) AS (
    SELECT row_id, action_id FROM changes WHERE tbl = 'campaigns'
    UNION SELECT o.campaign_id, c.action_id FROM changes c
    JOIN owner o ON o.flight_id = c.row_id WHERE c.tbl = 'flights')
SELECT t.campaign_id, COUNT(DISTINCT t.action_id), MAX(a.at)
FROM touched t JOIN actions a ON a.id = t.action_id GROUP BY t.campaign_id
"""


def uid(record_id: str) -> str:
    return f"{record_id}@{UID_DOMAIN}"


def _history(plan: Plan, per: Per) -> dict[str, tuple[int, dt.datetime | None]]:
    """Record id → (SEQUENCE, LAST-MODIFIED)."""
    sql = _FLIGHT_HISTORY if per == "flight" else _CAMPAIGN_HISTORY
    return {record_id: (max(count - 1, 0), dt.datetime.fromisoformat(at) if at else None)
            for record_id, count, at in plan.db.execute(sql)}


def _event(record_id: str, summary: str, start: dt.date, end: dt.date, description: str,
           history: dict[str, tuple[int, dt.datetime | None]], stamp: dt.datetime,
           categories: list[str]) -> Any:
    from icalendar import Event

    event = Event()
    event.add("uid", uid(record_id))
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", end + _DAY)  # all-day DTEND is exclusive
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")  # a campaign running is not the planner being busy
    if categories:
        event.add("categories", categories)
    sequence, modified = history.get(record_id, (0, None))
    event.add("sequence", sequence)
    if modified is not None:
        event.add("last-modified", modified.astimezone(dt.UTC))
    return event


def _flight_events(plan: Plan, currency: str, stamp: dt.datetime) -> list[Any]:
    campaigns = {c.id: c for c in rows.all_of(plan.db, Campaign)}
    channels = {c.id: c for c in rows.all_of(plan.db, Channel)}
    history = _history(plan, "flight")
    events = []
    for f in rows.all_of(plan.db, Flight, order="start, rowid"):
        campaign, channel = campaigns[f.campaign_id], channels[f.channel_id]
        title = f"{campaign.name} · {channel.name}" + (f" · {f.name}" if f.name else "")
        lines = [f"Budget: {format_money(f.budget_minor, currency)}",
                 f"Campaign: {campaign.name}", f"Channel: {channel.name}",
                 f"Phasing: {(f.phasing or {}).get('pattern', 'even')}",
                 "Committed" if f.committed else "Not committed"]
        if f.notes:
            lines.append(f.notes)
        events.append(_event(f.id, title, f.start, f.end, "\n".join(lines), history, stamp,
                             [channel.name]))
    return events


def _campaign_events(plan: Plan, currency: str, stamp: dt.datetime) -> list[Any]:
    channels = {c.id: c.name for c in rows.all_of(plan.db, Channel)}
    flights: dict[str, list[Flight]] = defaultdict(list)
    for f in rows.all_of(plan.db, Flight):
        flights[f.campaign_id].append(f)
    history = _history(plan, "campaign")
    events = []
    for c in rows.all_of(plan.db, Campaign):
        mine = flights.get(c.id)
        if not mine:
            continue  # a campaign without flights has no dates to show
        used = list(dict.fromkeys(channels[f.channel_id] for f in mine))
        total = sum(f.budget_minor for f in mine)
        lines = [f"Budget: {format_money(total, currency)}",
                 f"Objective: {c.objective} · brand share {c.brand_share_bp / 100:g} %",
                 f"Status: {c.status}", f"Flights: {len(mine)}",
                 "Channels: " + ", ".join(used)]
        if c.notes:
            lines.append(c.notes)
        events.append(_event(c.id, c.name, min(f.start for f in mine),
                             max(f.end for f in mine), "\n".join(lines), history, stamp, used))
    return events


def calendar_bytes(plan: Plan, per: Per = "flight") -> bytes:
    """The iCalendar text of the plan (UTF-8)."""
    from icalendar import Calendar

    if per not in PER:
        raise ValidationError("per", per, "must be flight or campaign")
    settings = rows.read_settings(plan.db)
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", settings.name)
    make = _flight_events if per == "flight" else _campaign_events
    for event in make(plan, settings.currency, stamp):
        calendar.add_component(event)
    return calendar.to_ical()


def export_ics(plan: Plan, path: str | os.PathLike[str], per: Per = "flight") -> Path:
    """Write the plan's calendar to `path` (replacing it whole) and return the path."""
    data = calendar_bytes(plan, per)
    return write_atomically(path, lambda target: target.write_bytes(data))
