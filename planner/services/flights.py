"""Flights: a campaign on one channel over a date span, with budget and phasing.

Where a flight is bought in media units (CPM, CPC, live sessions, KOL posts…),
budget = units × unit cost: setting units or unit cost recomputes the budget;
typing a budget recomputes the units, and the health check flags a budget that
is not a whole number of units.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from typing import Any

from planner.domain.changes import Done
from planner.domain.entities import DateSpan, Flight, new_id
from planner.domain.phasing import Phasing, custom_from_amounts
from planner.errors import ValidationError
from planner.services import records
from planner.storage import history, rows
from planner.storage.plan_file import Plan


def shifted(flight: Flight, delta: dt.timedelta) -> Flight:
    """The same flight `delta` later; custom phasing segments move with it."""
    phasing = flight.phasing
    if phasing and phasing.get("segments"):
        phasing = Phasing.from_dict(phasing)
        phasing = dataclasses.replace(phasing, segments=tuple(
            (start + delta, end + delta, weight) for start, end, weight in phasing.segments
        )).to_dict()
    return dataclasses.replace(flight, start=flight.start + delta, end=flight.end + delta,
                               phasing=phasing)


def with_units(flight: Flight, changes: dict[str, Any]) -> Flight:
    updated = dataclasses.replace(flight, **changes)
    if updated.units is None or not updated.unit_cost_minor:
        return updated
    if {"units", "unit_cost_minor"} & changes.keys():
        return dataclasses.replace(updated, budget_minor=updated.units * updated.unit_cost_minor)
    if "budget_minor" in changes:
        return dataclasses.replace(updated,
                                   units=round(updated.budget_minor / updated.unit_cost_minor))
    return updated


def add_flight(plan: Plan, campaign_id: str, channel_id: str, start: dt.date, end: dt.date,
               budget_minor: int = 0, **fields: Any) -> Done:
    records.check_fields(Flight, fields)
    flight = Flight(id=new_id(), campaign_id=campaign_id, channel_id=channel_id, start=start,
                    end=end, budget_minor=budget_minor)
    flight = with_units(flight, fields)
    return records.add(plan, flight, "Add flight")


def update_flight(plan: Plan, flight_id: str, label: str = "Edit flight", **changes: Any) -> Done:
    records.check_fields(Flight, changes)
    with plan.action(label) as act:
        current = rows.get(plan.db, Flight, flight_id)
        if {"start", "end", "channel_id"} & changes.keys():
            locked_check(current)
        records.write_changed(plan, with_units(current, changes))
    return history.done(plan, act)


def locked_check(flight: Flight) -> Flight:
    """Committed flights are contracted: refuse to move or reshape them."""
    if flight.committed:
        raise ValidationError("flight.committed", flight.name or flight.id,
                              "the flight is committed (locked); unlock it first")
    return flight


def move_flight(plan: Plan, flight_id: str, start: dt.date) -> Done:
    """Keep the length, start on `start`."""
    with plan.action("Move flight") as act:
        current = locked_check(rows.get(plan.db, Flight, flight_id))
        records.write_changed(plan, shifted(current, start - current.start))
    return history.done(plan, act)


def resize_flight(plan: Plan, flight_id: str, span: DateSpan) -> Done:
    """New start and end; a custom phasing no longer fitting the span falls back
    to even, since its per-period amounts no longer describe the flight."""
    with plan.action("Resize flight") as act:
        current = locked_check(rows.get(plan.db, Flight, flight_id))
        phasing = current.phasing
        if phasing and phasing.get("pattern") == "custom":
            phasing = None
        records.write_changed(plan, dataclasses.replace(
            current, start=span.start, end=span.end, phasing=phasing))
    return history.done(plan, act)


def set_custom_amounts(plan: Plan, flight_id: str,
                       amounts: Iterable[tuple[dt.date, dt.date, int]]) -> Done:
    """Per-period amounts typed by a planner; the budget becomes their sum."""
    amounts = list(amounts)
    if not any(a for _, _, a in amounts):
        raise ValidationError("flight.phasing", 0, "the months must add up to more than 0; "
                              "delete the flight instead")
    phasing = custom_from_amounts(amounts).to_dict()
    return update_flight(plan, flight_id, "Edit phasing", phasing=phasing,
                         budget_minor=sum(a for _, _, a in amounts))


def set_committed(plan: Plan, flight_ids: Iterable[str], committed: bool = True,
                  booked_on: dt.date | None = None) -> Done:
    """Mark flights contracted (or not) in one action; a commitment records the
    booking date (today unless given), which the festival booking-deadline rule reads."""
    label = "Mark committed" if committed else "Mark not committed"
    booked = (booked_on or dt.date.today()) if committed else None
    with plan.action(label) as act:
        for flight_id in flight_ids:
            current = rows.get(plan.db, Flight, flight_id)
            rows.update(plan.db, dataclasses.replace(current, committed=committed,
                                                     booked_on=booked))
    return history.done(plan, act)


def duplicate_flight(plan: Plan, flight_id: str, shift_days: int = 0) -> Done:
    with plan.action("Duplicate flight") as act:
        source = rows.get(plan.db, Flight, flight_id)
        copy = dataclasses.replace(shifted(source, dt.timedelta(days=shift_days)),
                                   id=new_id(), committed=False)
        records.write_new(plan, copy)
    return history.done(plan, act, created_id=copy.id)


def delete_flight_rows(plan: Plan, flight_ids: Iterable[str]) -> None:
    """Inside an open action: actuals stay with their channel, losing only the link."""
    for flight_id in flight_ids:
        plan.db.execute("UPDATE actuals SET flight_id = NULL WHERE flight_id = ?", [flight_id])
        rows.delete(plan.db, Flight, flight_id)


def delete_flights(plan: Plan, flight_ids: Iterable[str]) -> Done:
    flight_ids = list(flight_ids)
    label = "Delete flight" if len(flight_ids) == 1 else f"Delete {len(flight_ids)} flights"
    with plan.action(label) as act:
        for flight_id in flight_ids:
            rows.get(plan.db, Flight, flight_id)
        delete_flight_rows(plan, flight_ids)
    return history.done(plan, act)
