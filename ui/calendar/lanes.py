"""Swimlanes: which lane each flight sits in, and in which row of it.

Flights that overlap in time inside one lane are stacked in rows (greedy
interval packing by start date), so no bar hides another. After an edit only the
touched lanes are packed again; the lanes below move down or up as a block.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from planner.domain.entities import Flight
from ui.calendar.style import LANE_PAD, ROW_HEIGHT
from ui.models.plan_index import PlanIndex

LANE_MODES = ("channel", "campaign", "segment")
LaneKey = tuple[str, str]  # (lane kind, lane id); id "" is the "no segment" lane


@dataclass(frozen=True)
class Relaid:
    """After an edit: flights whose row may have changed, lanes whose rows were
    touched, and lanes that moved up or down as a block."""

    flights: set[str]
    lanes: set[LaneKey]
    moved: set[LaneKey]


@dataclass
class Lane:
    kind: str
    id: str
    title: str
    colour: str
    summary: bool = False  # a campaign lane: row 0 holds the campaign's summary bar
    expanded: bool = True
    rows: int = 1
    top: float = 0.0
    total_minor: int = 0  # the lane's flights' budgets, for its header
    members: set[str] = field(default_factory=set)

    @property
    def key(self) -> LaneKey:
        return (self.kind, self.id)

    @property
    def height(self) -> float:
        return self.rows * ROW_HEIGHT + 2 * LANE_PAD

    def row_top(self, row: int) -> float:
        return self.top + LANE_PAD + row * ROW_HEIGHT


class LaneLayout:
    """Lanes in display order with their rows; `row_of` has only visible flights."""

    def __init__(self, index: PlanIndex, mode: str, expanded: set[str],
                 no_segment_title: str) -> None:
        if mode not in LANE_MODES:
            raise ValueError(f"unknown lane mode {mode!r}")
        self._index = index
        self.mode = mode
        self.lanes: list[Lane] = _lanes(index, mode, expanded, no_segment_title)
        self._by_key = {lane.key: lane for lane in self.lanes}
        self.lane_of: dict[str, LaneKey] = {}
        self.row_of: dict[str, int] = {}
        for flight in index.flights.values():
            key = self.key_of(flight)
            if key in self._by_key:
                self.lane_of[flight.id] = key
                self._by_key[key].members.add(flight.id)
        for lane in self.lanes:
            self._pack(lane)
        self._stack()

    # -- questions ------------------------------------------------------------------
    def key_of(self, flight: Flight) -> LaneKey:
        if self.mode == "channel":
            return ("channel", flight.channel_id)
        if self.mode == "campaign":
            return ("campaign", flight.campaign_id)
        return ("segment", self._index.segment_of(flight) or "")

    def lane(self, key: LaneKey) -> Lane | None:
        return self._by_key.get(key)

    def lane_at(self, y: float) -> Lane | None:
        if not self.lanes:
            return None
        tops = [lane.top for lane in self.lanes]
        i = bisect.bisect_right(tops, y) - 1
        if i < 0 or y >= self.lanes[i].top + self.lanes[i].height:
            return None
        return self.lanes[i]

    @property
    def height(self) -> float:
        return self.lanes[-1].top + self.lanes[-1].height if self.lanes else 0.0

    def flight_top(self, flight_id: str) -> float | None:
        """Top of the flight's row, None when its lane is collapsed or missing."""
        row = self.row_of.get(flight_id)
        if row is None:
            return None
        return self._by_key[self.lane_of[flight_id]].row_top(row)

    # -- keeping in step ------------------------------------------------------------
    def update(self, flight_ids: Iterable[str]) -> Relaid | None:
        """Re-place edited, added or deleted flights, each in its old row when that
        row is still free, so the rest of the lane stays where the planner saw it.
        None when a flight needs a lane that does not exist yet."""
        touched: dict[LaneKey, list[tuple[str, int | None]]] = {}
        for flight_id in flight_ids:
            old = self.lane_of.pop(flight_id, None)
            row = self.row_of.pop(flight_id, None)
            if old is not None:
                self._by_key[old].members.discard(flight_id)
                touched.setdefault(old, [])
            if flight_id not in self._index.flights:
                continue
            key = self.key_of(self._index.flights[flight_id])
            lane = self._by_key.get(key)
            if lane is None:
                return None
            lane.members.add(flight_id)
            self.lane_of[flight_id] = key
            touched.setdefault(key, []).append((flight_id, row if key == old else None))
        before = [lane.top for lane in self.lanes]
        for key, placing in touched.items():
            self._insert(self._by_key[key], placing)
        return self._restack(before, {i for placing in touched.values() for i, _ in placing},
                             set(touched))

    def set_expanded(self, key: LaneKey, expanded: bool) -> Relaid:
        """Open or fold a campaign lane."""
        before = [lane.top for lane in self.lanes]
        lane = self._by_key[key]
        lane.expanded = expanded
        self._pack(lane)
        return self._restack(before, set(lane.members), {key})

    def _restack(self, before: list[float], flights: set[str], lanes: set[LaneKey]) -> Relaid:
        self._stack()
        moved = {lane.key for lane, top in zip(self.lanes, before, strict=True) if lane.top != top}
        return Relaid(flights, lanes, moved)

    def _insert(self, lane: Lane, placing: list[tuple[str, int | None]]) -> None:
        """Put `placing` (flight, row it had) into a lane whose other rows stay."""
        lane.total_minor = sum(self._index.flights[i].budget_minor for i in lane.members)
        first = 1 if lane.summary else 0
        if not lane.expanded:
            lane.rows = 1
            return
        flights = self._index.flights
        moving = {i for i, _ in placing}
        taken: dict[int, list[tuple[dt.date, dt.date]]] = {}
        for flight_id in lane.members - moving:
            flight = flights[flight_id]
            taken.setdefault(self.row_of[flight_id], []).append((flight.start, flight.end))
        for flight_id, had in sorted(placing, key=lambda p: flights[p[0]].start):
            flight = flights[flight_id]
            beyond = max(taken, default=first - 1) + 2  # the first row past all taken ones
            candidates = ([had] if had is not None else []) + list(range(first, beyond))
            row = next(r for r in candidates if not any(
                start <= flight.end and flight.start <= end for start, end in taken.get(r, ())))
            taken.setdefault(row, []).append((flight.start, flight.end))
            self.row_of[flight_id] = row
        used = [r for r, spans in taken.items() if spans]
        lane.rows = max(1, first + 1, max(used, default=0) + 1)

    def _pack(self, lane: Lane) -> None:
        for flight_id in lane.members:
            self.row_of.pop(flight_id, None)
        lane.total_minor = sum(self._index.flights[i].budget_minor for i in lane.members)
        first = 1 if lane.summary else 0
        if not lane.expanded:
            lane.rows = 1
            return
        flights = sorted((self._index.flights[i] for i in lane.members),
                         key=lambda f: (f.start, f.end, f.id))
        ends: list[dt.date] = []  # last day taken in each row so far
        for flight in flights:
            row = next((r for r, end in enumerate(ends) if end < flight.start), len(ends))
            if row == len(ends):
                ends.append(flight.end)
            else:
                ends[row] = flight.end
            self.row_of[flight.id] = first + row
        lane.rows = max(1, first + len(ends))

    def _stack(self) -> None:
        top = 0.0
        for lane in self.lanes:
            lane.top = top
            top += lane.height


def _lanes(index: PlanIndex, mode: str, expanded: set[str], no_segment: str) -> list[Lane]:
    if mode == "channel":
        return [Lane("channel", c.id, c.name, c.colour) for c in index.channels.values()]
    if mode == "segment":
        lanes = [Lane("segment", s.id, s.name, "#8c96a3") for s in index.segments.values()]
        if any(index.segment_of(f) is None for f in index.flights.values()):
            lanes.append(Lane("segment", "", no_segment, "#8c96a3"))
        return lanes
    first_start: dict[str, object] = {}
    for flight in index.flights.values():
        known = first_start.get(flight.campaign_id)
        if known is None or flight.start < known:  # type: ignore[operator]
            first_start[flight.campaign_id] = flight.start
    ordered = sorted(index.campaigns.values(),
                     key=lambda c: (first_start.get(c.id) is None,
                                    str(first_start.get(c.id, "")), c.name))
    return [Lane("campaign", c.id, c.name, c.colour, summary=True,
                 expanded=c.id in expanded) for c in ordered]
