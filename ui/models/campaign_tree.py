"""Campaigns and, under each, its flights: the tree the planner navigates by.

Campaigns are ordered by name and flights by start, an order the model keeps
itself (so no proxy sorts 5,000 rows through Python). After an edit only the
touched rows change: flights are inserted, removed or moved between campaigns,
and their campaign's dates and budget redrawn; only `index.reset` resets.

A flight row's internal id is the serial number of its campaign (campaign rows
have 0), which stays valid while campaign rows come and go.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import IntEnum
from itertools import count
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from planner.domain.changes import PlanChanges
from planner.domain.entities import Campaign, Flight
from ui.formatting import format_money, format_span
from ui.models.flight_filter import fold
from ui.models.plan_index import PlanIndex
from ui.models.row_order import insertion_point, runs
from ui.models.vocabulary import OBJECTIVE_LABELS, STATUS_LABELS, label
from ui.selection import Item

Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class TreeColumn(IntEnum):
    NAME = 0
    STATUS = 1
    CHANNEL = 2
    DATES = 3
    BUDGET = 4


LAST = len(TreeColumn) - 1


def span_text(start: dt.date, end: dt.date) -> str:
    return format_span(start, end)


class CampaignTreeModel(QAbstractItemModel):
    def __init__(self, index: PlanIndex, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._index = index
        self._campaigns: list[str] = []
        self._campaign_row: dict[str, int] = {}
        self._children: dict[str, list[str]] = {}
        self._parent_of: dict[str, str] = {}  # flight id -> campaign id, as shown
        self._flight_row: dict[str, int] = {}
        self._serials = count(1)
        self._serial: dict[str, int] = {}
        self._by_serial: dict[int, str] = {}
        self._colours: dict[str, QColor] = {}
        index.reset.connect(self._reset)
        index.changed.connect(self._apply)
        self._reset()

    # -- lookups ----------------------------------------------------------------------
    def item(self, index: Index) -> Item | None:
        """("campaign" | "flight", id) of a row."""
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return "campaign", self._campaigns[index.row()]
        return "flight", self._children[self._by_serial[index.internalId()]][index.row()]

    def index_of(self, item: Item, column: int = 0) -> QModelIndex:
        kind, record_id = item
        if kind == "campaign" and record_id in self._campaign_row:
            return self.createIndex(self._campaign_row[record_id], column, 0)
        if kind == "flight" and record_id in self._parent_of:
            return self.createIndex(self._flight_row[record_id], column,
                                    self._serial[self._parent_of[record_id]])
        return QModelIndex()

    # Lookups give None for a row whose plan has just closed: other views hear of
    # the index's reset before this model has dropped its rows.
    def campaign(self, row: int) -> Campaign | None:
        return self._index.campaigns.get(self._campaigns[row])

    def flight_at(self, parent: Index, row: int) -> Flight | None:
        """The flight on `row` under the campaign row `parent`."""
        return self._index.flights.get(self._children[self._campaigns[parent.row()]][row])

    def flights_under(self, campaign_id: str) -> list[Flight]:
        flights = self._index.flights
        return [flights[f] for f in self._children.get(campaign_id, ()) if f in flights]

    # -- QAbstractItemModel --------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not parent.isValid():
            return self.createIndex(row, column, 0) if 0 <= row < len(self._campaigns) \
                else QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        campaign_id = self._campaigns[parent.row()]
        if not 0 <= row < len(self._children[campaign_id]):
            return QModelIndex()
        return self.createIndex(row, column, self._serial[campaign_id])

    def parent(self, index: Index) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(self._campaign_row[self._by_serial[index.internalId()]], 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._campaigns)
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        return len(self._children[self._campaigns[parent.row()]])

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(TreeColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Name"), self.tr("Status"), self.tr("Channel"), self.tr("Dates"),
                    self.tr("Budget"))[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == TreeColumn.BUDGET:
            return RIGHT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index)
        if item is None:
            return None
        kind, record_id = item
        if role == ID_ROLE:
            return record_id
        if role == KIND_ROLE:
            return kind
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == TreeColumn.BUDGET:
            return RIGHT
        if kind == "campaign":
            campaign = self._index.campaigns.get(record_id)
            return None if campaign is None else \
                self._campaign_data(campaign, index.column(), role)
        flight = self._index.flights.get(record_id)
        return None if flight is None else self._flight_data(flight, index.column(), role)

    # -- cells ---------------------------------------------------------------------------
    @property
    def _currency(self) -> str:
        settings = self._index.settings
        return settings.currency if settings is not None else "CNY"

    def _campaign_data(self, campaign: Campaign, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TreeColumn.NAME:
                return campaign.name
            if column == TreeColumn.STATUS:
                return label(STATUS_LABELS, campaign.status)
            flights = self.flights_under(campaign.id)
            if column == TreeColumn.DATES and flights:
                return span_text(min(f.start for f in flights), max(f.end for f in flights))
            if column == TreeColumn.BUDGET:
                return format_money(sum(f.budget_minor for f in flights), self._currency)
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == TreeColumn.NAME:
            return self._colour(campaign.colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            segment = self._index.segments.get(campaign.segment_id or "")
            parts = [campaign.name, label(OBJECTIVE_LABELS, campaign.objective),
                     label(STATUS_LABELS, campaign.status)]
            return " · ".join(parts + ([segment.name] if segment else []))
        return None

    def _flight_data(self, flight: Flight, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TreeColumn.NAME:
                return flight.name or self._index.channel_name(flight.channel_id)
            if column == TreeColumn.STATUS:
                return self.tr("Committed") if flight.committed else None
            if column == TreeColumn.CHANNEL:
                return self._index.channel_name(flight.channel_id)
            if column == TreeColumn.DATES:
                return span_text(flight.start, flight.end)
            if column == TreeColumn.BUDGET:
                return format_money(flight.budget_minor, self._currency)
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == TreeColumn.CHANNEL:
            channel = self._index.channels.get(flight.channel_id)
            return self._colour(channel.colour) if channel is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and flight.notes:
            return flight.notes
        return None

    def _colour(self, colour: str) -> QColor:
        if colour not in self._colours:
            self._colours[colour] = QColor(colour)
        return self._colours[colour]

    # -- order -----------------------------------------------------------------------------
    def _campaign_key(self, campaign_id: str) -> tuple[str, str]:
        return fold(self._index.campaigns[campaign_id].name), campaign_id

    def _flight_key(self, flight_id: str) -> tuple[dt.date, dt.date, str]:
        flight = self._index.flights[flight_id]
        return flight.start, flight.end, flight_id

    def _renumber_campaigns(self, first: int = 0) -> None:
        self._campaign_row.update(
            (self._campaigns[row], row) for row in range(first, len(self._campaigns)))

    def _renumber_flights(self, campaign_id: str, first: int = 0) -> None:
        children = self._children[campaign_id]
        self._flight_row.update((children[row], row) for row in range(first, len(children)))

    # -- keeping in step -----------------------------------------------------------------
    def _reset(self) -> None:
        self.beginResetModel()
        index = self._index
        self._campaigns = sorted(index.campaigns, key=self._campaign_key)
        self._campaign_row = {}
        self._renumber_campaigns()
        self._children = {c: [] for c in self._campaigns}
        for flight in index.flights.values():
            if flight.campaign_id in self._children:
                self._children[flight.campaign_id].append(flight.id)
        self._parent_of, self._flight_row = {}, {}
        for campaign_id, children in self._children.items():
            children.sort(key=self._flight_key)
            self._parent_of.update((f, campaign_id) for f in children)
            self._renumber_flights(campaign_id)
        self._serial = {c: next(self._serials) for c in self._campaigns}
        self._by_serial = {s: c for c, s in self._serial.items()}
        self.endResetModel()

    def _apply(self, changes: PlanChanges) -> None:
        index = self._index
        for campaign_id in changes.campaigns:
            if campaign_id in index.campaigns and campaign_id not in self._campaign_row:
                self._insert_campaign(campaign_id)
        redraw: set[str] = set()  # campaigns whose own row shows something new
        for flight_id in changes.flights:
            redraw.update(self._place_flight(flight_id))
        for campaign_id in changes.campaigns:
            if campaign_id in self._campaign_row and campaign_id not in index.campaigns:
                self._remove_campaign(campaign_id)
            elif campaign_id in self._campaign_row:
                redraw.add(campaign_id)
                self._move_campaign(campaign_id)
        if changes.settings or changes.channels:
            self._redraw_children(changes.channels, everything=changes.settings)
            redraw.update(self._campaigns if changes.settings else ())
        for first, last in runs(self._campaign_row[c] for c in redraw if c in self._campaign_row):
            self.dataChanged.emit(self.createIndex(first, 0, 0), self.createIndex(last, LAST, 0))

    def _place_flight(self, flight_id: str) -> Iterable[str]:
        """Insert, remove, move or redraw one flight; the campaigns it touched."""
        flight = self._index.flights.get(flight_id)
        shown_under = self._parent_of.get(flight_id)
        target = flight.campaign_id if flight is not None and \
            flight.campaign_id in self._campaign_row else None
        if shown_under is not None and shown_under != target:
            self._remove_flight(flight_id)
        if target is None:
            return [shown_under] if shown_under else []
        if shown_under != target:
            self._insert_flight(flight_id, target)
        else:
            row = self._flight_row[flight_id]
            self.dataChanged.emit(self.index_of(("flight", flight_id)),
                                  self.index_of(("flight", flight_id), LAST))
            self._move_flight(flight_id, target, row)
        return {c for c in (shown_under, target) if c}

    def _insert_campaign(self, campaign_id: str) -> None:
        row = insertion_point(self._campaigns, self._campaign_key(campaign_id), self._campaign_key)
        serial = next(self._serials)
        self.beginInsertRows(QModelIndex(), row, row)
        self._campaigns.insert(row, campaign_id)
        self._children[campaign_id] = []
        self._serial[campaign_id], self._by_serial[serial] = serial, campaign_id
        self._renumber_campaigns(row)
        self.endInsertRows()

    def _remove_campaign(self, campaign_id: str) -> None:
        for flight_id in list(self._children[campaign_id]):
            self._remove_flight(flight_id)
        row = self._campaign_row[campaign_id]
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._campaigns[row]
        del self._campaign_row[campaign_id], self._children[campaign_id]
        del self._by_serial[self._serial.pop(campaign_id)]
        self._renumber_campaigns(row)
        self.endRemoveRows()

    def _move_campaign(self, campaign_id: str) -> None:
        row = self._campaign_row[campaign_id]
        rest = self._campaigns[:row] + self._campaigns[row + 1:]
        target = insertion_point(rest, self._campaign_key(campaign_id), self._campaign_key)
        if target == row:
            return
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(),
                           target if target < row else target + 1)
        self._campaigns = rest
        self._campaigns.insert(target, campaign_id)
        self._renumber_campaigns(min(row, target))
        self.endMoveRows()

    def _insert_flight(self, flight_id: str, campaign_id: str) -> None:
        children = self._children[campaign_id]
        row = insertion_point(children, self._flight_key(flight_id), self._flight_key)
        self.beginInsertRows(self.index_of(("campaign", campaign_id)), row, row)
        children.insert(row, flight_id)
        self._parent_of[flight_id] = campaign_id
        self._renumber_flights(campaign_id, row)
        self.endInsertRows()

    def _remove_flight(self, flight_id: str) -> None:
        campaign_id = self._parent_of[flight_id]
        row = self._flight_row[flight_id]
        self.beginRemoveRows(self.index_of(("campaign", campaign_id)), row, row)
        del self._children[campaign_id][row]
        del self._parent_of[flight_id], self._flight_row[flight_id]
        self._renumber_flights(campaign_id, row)
        self.endRemoveRows()

    def _move_flight(self, flight_id: str, campaign_id: str, row: int) -> None:
        children = self._children[campaign_id]
        rest = children[:row] + children[row + 1:]
        target = insertion_point(rest, self._flight_key(flight_id), self._flight_key)
        if target == row:
            return
        parent = self.index_of(("campaign", campaign_id))
        self.beginMoveRows(parent, row, row, parent, target if target < row else target + 1)
        rest.insert(target, flight_id)
        self._children[campaign_id] = rest
        self._renumber_flights(campaign_id, min(row, target))
        self.endMoveRows()

    def _redraw_children(self, channel_ids: frozenset[str], *, everything: bool) -> None:
        flights = self._index.flights
        for campaign_id, children in self._children.items():
            rows = range(len(children)) if everything else \
                [r for r, f in enumerate(children) if flights[f].channel_id in channel_ids]
            parent = self.index_of(("campaign", campaign_id))
            for first, last in runs(rows):
                self.dataChanged.emit(self.index(first, 0, parent),
                                      self.index(last, LAST, parent))

