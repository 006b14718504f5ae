"""Edits of several flights at once, as the calendar and the tables make them.

A planner drags a multi-selection, Alt-drags a copy, pastes, splits a flight at a
date or bulk-edits dates, budgets, channel and status: each is one action in the
plan file, so one undo step, and each refuses as a whole (nothing written) when
any flight in it cannot take the edit. Committed flights are contracted: they
are locked against moves, resizes and budget changes until unlocked.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

from planner.domain.changes import Done
from planner.domain.entities import STATUSES, Campaign, Channel, Flight, new_id
from planner.domain.phasing import EVEN_PATTERNS, Phasing, custom_from_amounts, phase_days
from planner.errors import ValidationError
from planner.services import records
from planner.services.flights import locked_check, shifted, with_units
from planner.storage import history, rows
from planner.storage.plan_file import Plan

CLIPBOARD_KIND = "campaign-planner/flights"


def _label(verb: str, count: int) -> str:
    return f"{verb} flight" if count == 1 else f"{verb} {count} flights"


def _unlocked(plan: Plan, flight_ids: Iterable[str]) -> list[Flight]:
    return [locked_check(rows.get(plan.db, Flight, flight_id)) for flight_id in flight_ids]


def _created(plan: Plan, act: Any, ids: Sequence[str]) -> Done:
    done = history.done(plan, act, created_id=ids[0] if ids else None)
    return dataclasses.replace(done, created_ids=tuple(ids))


def move_flights(plan: Plan, flight_ids: Sequence[str], days: int = 0,
                 channel_id: str | None = None) -> Done:
    """Shift every flight by `days` and, when given, put them all on `channel_id`."""
    delta = dt.timedelta(days=days)
    with plan.action(_label("Move", len(flight_ids))) as act:
        for flight in _unlocked(plan, flight_ids):
            moved = shifted(flight, delta)
            if channel_id is not None:
                moved = dataclasses.replace(moved, channel_id=channel_id)
            records.write_changed(plan, moved)
    return history.done(plan, act)


def copy_flights(plan: Plan, flight_ids: Sequence[str], days: int = 0,
                 channel_id: str | None = None) -> Done:
    """New flights like these, `days` later (and on `channel_id`); copies are never
    committed, since nothing has been contracted for them yet."""
    delta = dt.timedelta(days=days)
    made: list[str] = []
    with plan.action(_label("Copy", len(flight_ids))) as act:
        for flight_id in flight_ids:
            copy = dataclasses.replace(shifted(rows.get(plan.db, Flight, flight_id), delta),
                                       id=new_id(), committed=False, booked_on=None)
            if channel_id is not None:
                copy = dataclasses.replace(copy, channel_id=channel_id)
            records.write_new(plan, copy)
            made.append(copy.id)
    return _created(plan, act, made)


def _runs(first: dt.date, amounts: list[int]) -> list[tuple[dt.date, dt.date, int]]:
    """Days with equal amounts grouped into segments that reproduce them exactly."""
    out: list[tuple[dt.date, dt.date, int]] = []
    start = 0
    for i in range(1, len(amounts) + 1):
        if i == len(amounts) or amounts[i] != amounts[start]:
            out.append((first + dt.timedelta(days=start), first + dt.timedelta(days=i - 1),
                        amounts[start] * (i - start)))
            start = i
    return out


def _part(flight: Flight, first: dt.date, amounts: list[int], **changes: Any) -> Flight:
    """One side of a split, spending exactly its days' amounts of the whole flight.

    Even phasing splits into even parts to the cent (the extra cents sit on the first
    days on both sides); any other shape becomes custom segments of the same amounts.
    """
    even = Phasing.from_dict(flight.phasing).pattern in EVEN_PATTERNS
    phasing = None if even or not any(amounts) else custom_from_amounts(
        _runs(first, amounts)).to_dict()
    part = dataclasses.replace(flight, start=first,
                               end=first + dt.timedelta(days=len(amounts) - 1),
                               budget_minor=sum(amounts), phasing=phasing, **changes)
    if part.units is not None and part.unit_cost_minor:
        part = dataclasses.replace(part, units=round(part.budget_minor / part.unit_cost_minor))
    return part


def split_flight(plan: Plan, flight_id: str, at: dt.date) -> Done:
    """Two flights, the second starting on `at`; together they spend exactly what the
    flight spent on every day. The first keeps the id (its actuals stay linked)."""
    with plan.action("Split flight") as act:
        flight = rows.get(plan.db, Flight, flight_id)
        if not flight.start < at <= flight.end:
            raise ValidationError("split.date", at.isoformat(),
                                  f"must fall after {flight.start} and on or before "
                                  f"{flight.end}, the flight's days")
        amounts = phase_days(flight.budget_minor, flight.start, flight.end,
                             Phasing.from_dict(flight.phasing))
        cut = (at - flight.start).days
        records.write_changed(plan, _part(flight, flight.start, amounts[:cut]))
        second = _part(flight, at, amounts[cut:], id=new_id(), booked_on=flight.booked_on)
        records.write_new(plan, second)
    return _created(plan, act, [second.id])


def _scaled(flight: Flight, percent: float) -> Flight:
    # Exact decimal arithmetic: 110 % of 1,000.00 is 1,100.00, not 1,099.99.
    budget = round(Fraction(flight.budget_minor) * Fraction(str(percent)) / 100)
    if budget < 0:
        raise ValidationError("scale.percent", percent, "must not make budgets negative")
    return with_units(flight, {"budget_minor": int(budget)})


def bulk_edit(plan: Plan, flight_ids: Sequence[str], *, shift_days: int = 0,
              scale_percent: float | None = None, channel_id: str | None = None,
              status: str | None = None) -> Done:
    """Shift dates, scale budgets, change channel and set the campaigns' status of a
    selection, as one step. Status lives on campaigns: every campaign with a selected
    flight takes it."""
    if status is not None and status not in STATUSES:
        raise ValidationError("status", status, f"must be one of {', '.join(STATUSES)}")
    if channel_id is not None:
        rows.get(plan.db, Channel, channel_id)
    reshape = bool(shift_days) or scale_percent is not None or channel_id is not None
    with plan.action(_label("Edit", len(flight_ids))) as act:
        flights = (_unlocked(plan, flight_ids) if reshape
                   else [rows.get(plan.db, Flight, i) for i in flight_ids])
        for flight in flights:
            edited = shifted(flight, dt.timedelta(days=shift_days))
            if scale_percent is not None:
                edited = _scaled(edited, scale_percent)
            if channel_id is not None:
                edited = dataclasses.replace(edited, channel_id=channel_id)
            if edited != flight:
                records.write_changed(plan, edited)
        if status is not None:
            for campaign_id in dict.fromkeys(f.campaign_id for f in flights):
                campaign = rows.get(plan.db, Campaign, campaign_id)
                if campaign.status != status:
                    rows.update(plan.db, dataclasses.replace(campaign, status=status))
    return history.done(plan, act)


def clipboard_payload(plan: Plan, flight_ids: Sequence[str]) -> dict[str, Any]:
    """What Copy puts on the clipboard: the flights as stored rows, JSON-able."""
    return {"kind": CLIPBOARD_KIND,
            "flights": [rows.to_row(rows.get(plan.db, Flight, i)) for i in flight_ids]}


def paste_flights(plan: Plan, payload: Mapping[str, Any], start: dt.date | None = None,
                  channel_id: str | None = None) -> Done:
    """New flights from a clipboard payload, the earliest starting on `start` (same
    dates when None), on `channel_id` when given. Flights copied from another plan
    paste only when their campaign exists here: the error names the first that does not."""
    if not isinstance(payload, Mapping) or payload.get("kind") != CLIPBOARD_KIND \
            or not isinstance(payload.get("flights"), list) or not payload["flights"]:
        raise ValidationError("clipboard", "", "holds no flights to paste")
    try:
        flights = [rows.from_row(Flight, dict(row)) for row in payload["flights"]]
    except (TypeError, ValueError, KeyError) as exc:
        raise ValidationError("clipboard", "", f"holds damaged flights ({exc})") from exc
    delta = (start - min(f.start for f in flights)) if start is not None else dt.timedelta(0)
    made: list[str] = []
    with plan.action(_label("Paste", len(flights))) as act:
        for flight in flights:
            copy = dataclasses.replace(shifted(flight, delta), id=new_id(), committed=False,
                                       booked_on=None)
            if channel_id is not None:
                copy = dataclasses.replace(copy, channel_id=channel_id)
            records.write_new(plan, copy)
            made.append(copy.id)
    return _created(plan, act, made)
