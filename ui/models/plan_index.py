"""The plan's records in memory, kept in step with the file, for every view.

The calendar, the campaign tree, the flights table and the inspector all draw
the same records; reading them once here (and after an edit only the rows it
touched) keeps them consistent and keeps a 5,000-flight plan fast. Values are
the core's frozen entities, so nothing a view does can change the plan behind
the services' back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from planner.domain.changes import PlanChanges
from planner.domain.entities import Campaign, Channel, Event, Flight, PlanSettings, Segment
from planner.services.plan_settings import latest_baseline
from planner.storage import rows
from planner.storage.plan_file import Plan
from ui.document import PlanDocument

T = TypeVar("T")


@dataclass(frozen=True)
class BaselineFlight:
    """Where a flight stood in the latest baseline: drawn as a ghost under it."""

    start: dt.date
    end: dt.date
    budget_minor: int
    channel_id: str


class PlanIndex(QObject):
    """`reset` after a plan opens or closes; `changed(PlanChanges)` after an edit,
    once the index already holds the new values. The dicts are updated in place and
    never replaced, so a view may keep a reference to one."""

    reset = Signal()
    changed = Signal(object)

    def __init__(self, document: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.settings: PlanSettings | None = None
        self.channels: dict[str, Channel] = {}
        self.segments: dict[str, Segment] = {}
        self.campaigns: dict[str, Campaign] = {}
        self.flights: dict[str, Flight] = {}
        self.events: dict[str, Event] = {}
        self.baseline: dict[str, BaselineFlight] = {}
        document.opened.connect(self._load_all)
        document.closed.connect(self._clear)
        document.changed.connect(self._apply)
        if document.is_open:
            self._load_all()

    @property
    def is_open(self) -> bool:
        return self.settings is not None

    @property
    def read_only(self) -> bool:
        return self._document.read_only

    # -- questions views ask ----------------------------------------------------------
    def flights_of(self, campaign_id: str) -> list[Flight]:
        return [f for f in self.flights.values() if f.campaign_id == campaign_id]

    def campaign_name(self, flight: Flight) -> str:
        campaign = self.campaigns.get(flight.campaign_id)
        return campaign.name if campaign is not None else ""

    def channel_name(self, channel_id: str | None) -> str:
        channel = self.channels.get(channel_id or "")
        return channel.name if channel is not None else ""

    def segment_of(self, flight: Flight) -> str | None:
        campaign = self.campaigns.get(flight.campaign_id)
        return campaign.segment_id if campaign is not None else None

    # -- keeping in step --------------------------------------------------------------
    def _load_all(self, *_args: object) -> None:
        plan = self._document.plan
        self.settings = rows.read_settings(plan.db)
        _replace(self.channels, rows.all_of(plan.db, Channel, order="sort_order, rowid"))
        _replace(self.segments, rows.all_of(plan.db, Segment, order="sort_order, rowid"))
        _replace(self.campaigns, rows.all_of(plan.db, Campaign))
        _replace(self.flights, rows.all_of(plan.db, Flight))
        _replace(self.events, rows.all_of(plan.db, Event, order="start, rowid"))
        _replace(self.baseline, _baseline(plan))
        self.reset.emit()

    def _clear(self) -> None:
        self.settings = None
        for table in (self.channels, self.segments, self.campaigns, self.flights, self.events,
                      self.baseline):
            table.clear()
        self.reset.emit()

    def _apply(self, changes: PlanChanges) -> None:
        plan = self._document.plan
        if changes.settings:
            self.settings = rows.read_settings(plan.db)
        if changes.channels:
            # Order can change with any edit of a channel: re-read the (short) list.
            _replace(self.channels, rows.all_of(plan.db, Channel, order="sort_order, rowid"))
        if changes.segments:
            _replace(self.segments, rows.all_of(plan.db, Segment, order="sort_order, rowid"))
        _refresh(plan, Campaign, self.campaigns, changes.campaigns)
        _refresh(plan, Flight, self.flights, changes.flights)
        if changes.events:
            _replace(self.events, rows.all_of(plan.db, Event, order="start, rowid"))
        if "baselines" in changes.other_tables or "baseline_flights" in changes.other_tables:
            _replace(self.baseline, _baseline(plan))
        self.changed.emit(changes)


def _replace(table: dict, records: list | dict) -> None:
    """In place: views may hold on to the dicts themselves."""
    table.clear()
    table.update(records if isinstance(records, dict)
                 else {r.id: r for r in records})


def _refresh(plan: Plan, cls: type[T], table: dict[str, T], ids: frozenset[str]) -> None:
    """Re-read the touched rows; a row no longer there was deleted."""
    name = rows.TABLES[cls]
    for record_id in ids:
        row = plan.db.execute(f'SELECT * FROM "{name}" WHERE id = ?', [record_id])
        found = row.fetchone()
        if found is None:
            table.pop(record_id, None)
        else:
            columns = [c[0] for c in row.description]
            table[record_id] = rows.from_row(cls, dict(zip(columns, found, strict=True)))


def _baseline(plan: Plan) -> dict[str, BaselineFlight]:
    baseline_id = latest_baseline(plan)
    if baseline_id is None:
        return {}
    found = plan.db.execute(
        'SELECT flight_id, start, "end", budget_minor, channel_id FROM baseline_flights '
        "WHERE baseline_id = ?", [baseline_id]).fetchall()
    return {fid: BaselineFlight(dt.date.fromisoformat(s), dt.date.fromisoformat(e), b, c)
            for fid, s, e, b, c in found}
