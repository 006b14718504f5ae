"""Every flight of the plan as one table row, edited in place through the services.

Rows are flight ids; values are read from the `PlanIndex` when drawn, so an edit
from anywhere (calendar, inspector, undo) shows here from `index.changed` with
only the touched rows redrawn, and a 5,000-flight plan is never copied. Each
cell edit is one `ServiceCommand`, so it lands in the file at once and Ctrl+Z
takes it back.

The model keeps its rows in sort order itself: sorting 5,000 ids by a Python key
takes milliseconds, where a proxy sorting them would call `data()` from C++ for
every comparison (about half a second). An edited row moves to its new place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from planner.domain.changes import PlanChanges
from planner.domain.entities import DateSpan, Flight
from planner.domain.money import to_minor
from planner.services import flights
from ui.commands.base import ServiceCommand
from ui.document import PlanDocument
from ui.models import flight_cells as cells
from ui.models.flight_cells import EDITABLE, LOCKED, NUMERIC, TEXT_FIELDS, Column
from ui.models.plan_index import PlanIndex
from ui.models.row_order import insertion_point, runs

Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = Qt.ItemDataRole.UserRole  # a real sort key: ints for dates and money
ID_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# More rows than this moved or added at once: one re-sort beats moving them one by one.
RESORT_AT = 20


class Edit(NamedTuple):
    """One cell edit as the command that will do it."""

    text: str
    service: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]


class FlightsTableModel(QAbstractTableModel):
    def __init__(self, document: PlanDocument, index: PlanIndex,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document, self._index = document, index
        self._ids: list[str] = []
        self._row: dict[str, int] = {}
        self._sort_column: Column | None = None
        self._descending = False
        self._colours: dict[str, QColor] = {}
        index.reset.connect(self._reset)
        index.changed.connect(self._apply)
        self._reset()

    # -- lookups ----------------------------------------------------------------------
    def flight(self, row: int) -> Flight | None:
        """None only for a row whose plan has just closed: other views hear of the
        index's reset before this model has dropped its rows."""
        return self._index.flights.get(self._ids[row])

    def row_of(self, flight_id: str) -> int | None:
        return self._row.get(flight_id)

    @property
    def currency(self) -> str:
        settings = self._index.settings
        return settings.currency if settings is not None else "CNY"

    # -- QAbstractTableModel -----------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Campaign"), self.tr("Channel"), self.tr("Flight"), self.tr("Start"),
                    self.tr("End"), self.tr("Days"), self.tr("Budget"), self.tr("Phasing"),
                    self.tr("Committed"), self.tr("Notes"))[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in NUMERIC:
            return RIGHT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        flight = self.flight(index.row())
        if flight is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return cells.display(flight, column, self._index, self.currency)
        if role == SORT_ROLE:
            return cells.sort_key(flight, column, self._index)
        if role == Qt.ItemDataRole.EditRole:
            return cells.edit_value(flight, column, self._index, self.currency)
        if role == Qt.ItemDataRole.CheckStateRole and column == Column.COMMITTED:
            return Qt.CheckState.Checked if flight.committed else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC:
            return RIGHT
        if role == Qt.ItemDataRole.DecorationRole and column == Column.CAMPAIGN:
            return self._campaign_colour(flight)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(flight, column)
        if role == ID_ROLE:
            return flight.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column, flight = index.column(), self.flight(index.row())
        if self._index.read_only or flight is None:
            return flags
        if column == Column.COMMITTED:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if column in EDITABLE and not (column in LOCKED and flight.committed):
            return flags | Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Push the edit as one undoable command; True when the flight changed.

        Text that is not an amount, or not a date, is refused here with a message
        and nothing reaches the file; what the services refuse (an end before the
        start, a negative budget) they report through the command.
        """
        if not index.isValid() or not self.flags(index) & (
                Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable):
            return False
        flight, column = self.flight(index.row()), Column(index.column())
        if flight is None:
            return False
        if column == Column.COMMITTED and role == Qt.ItemDataRole.CheckStateRole:
            edit = self._committed_edit(flight, Qt.CheckState(value) == Qt.CheckState.Checked)
        elif column != Column.COMMITTED and role == Qt.ItemDataRole.EditRole:
            edit = self._edit(flight, column, value)
        else:
            return False
        if edit is None:
            return False
        self._document.push(ServiceCommand(self._document, edit.text, edit.service, *edit.args,
                                           **edit.kwargs))
        return self._index.flights.get(flight.id) != flight

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column = Column(column) if column >= 0 else None
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._resort()

    # -- editing -----------------------------------------------------------------------
    def _edit(self, flight: Flight, column: Column, value: Any) -> Edit | None:
        """The command for a typed value; None when the value is unchanged or was
        refused (and reported)."""
        if column in TEXT_FIELDS:
            field = TEXT_FIELDS[column]
            text = "" if value is None else str(value)
            if text == getattr(flight, field):
                return None
            words = self.tr("Rename flight") if column == Column.NAME else self.tr("Edit notes")
            return Edit(words, flights.update_flight, (flight.id,), {field: text})
        if column == Column.CHANNEL:
            channel_id = str(value)
            if channel_id == flight.channel_id:
                return None
            if channel_id not in self._index.channels:
                self._document.report(self.tr("Channel: no such channel; nothing was changed."))
                return None
            return Edit(self.tr("Change channel"), flights.update_flight, (flight.id,),
                        {"channel_id": channel_id})
        if column == Column.BUDGET:
            return self._budget_edit(flight, value)
        return self._date_edit(flight, column, value)

    def _committed_edit(self, flight: Flight, committed: bool) -> Edit | None:
        if committed == flight.committed:
            return None
        text = self.tr("Mark committed") if committed else self.tr("Mark not committed")
        return Edit(text, flights.set_committed, ([flight.id], committed), {})

    def _budget_edit(self, flight: Flight, value: Any) -> Edit | None:
        text = "" if value is None else str(value)
        try:
            budget = to_minor(text.strip(), self.currency)
        except ValueError:
            self._document.report(self.tr(
                "Budget: “{text}” is not an amount of money in {currency}; nothing was changed."
            ).format(text=text, currency=self.currency))
            return None
        if budget == flight.budget_minor:
            return None
        return Edit(self.tr("Edit budget"), flights.update_flight, (flight.id,),
                    {"budget_minor": budget})

    def _date_edit(self, flight: Flight, column: Column, value: Any) -> Edit | None:
        try:
            day = cells.as_date(value)
        except ValueError:
            self._document.report(self.tr(
                "Date: “{text}” is not a date (YYYY-MM-DD); nothing was changed.").format(
                    text=value))
            return None
        span = DateSpan(day, flight.end) if column == Column.START else DateSpan(flight.start, day)
        if span == flight.span:
            return None
        # resize_flight, not update_flight: it refuses committed flights and drops a
        # custom phasing that no longer fits the span.
        return Edit(self.tr("Change dates"), flights.resize_flight, (flight.id, span), {})

    # -- cells ---------------------------------------------------------------------------
    def _tooltip(self, flight: Flight, column: int) -> str | None:
        if column in LOCKED and flight.committed:
            return self.tr("Committed flights are locked: clear Committed to change this.")
        if column == Column.NOTES and flight.notes:
            return flight.notes
        return None

    def _campaign_colour(self, flight: Flight) -> QColor | None:
        campaign = self._index.campaigns.get(flight.campaign_id)
        if campaign is None:
            return None
        if campaign.colour not in self._colours:
            self._colours[campaign.colour] = QColor(campaign.colour)
        return self._colours[campaign.colour]

    # -- row order -----------------------------------------------------------------------
    def _key(self, flight_id: str) -> tuple[Any, ...]:
        flight = self._index.flights[flight_id]
        return (cells.sort_key(flight, self._sort_column, self._index),
                flight.start.toordinal(), flight_id)

    def _sorted(self, ids: list[str]) -> list[str]:
        if self._sort_column is None:
            return ids
        return sorted(ids, key=self._key, reverse=self._descending)

    def _renumber(self, first: int = 0) -> None:
        self._row.update((self._ids[row], row) for row in range(first, len(self._ids)))

    def _resort(self) -> None:
        """Sort in place, keeping persistent indexes (selection, current cell) on their
        flights."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self._ids[i.row()] for i in old]
        self._ids = self._sorted(self._ids)
        self._renumber()
        self.changePersistentIndexList(
            old, [self.index(self._row[f], i.column()) for f, i in zip(ids, old, strict=True)])
        self.layoutChanged.emit()

    def _move_into_place(self, flight_id: str) -> None:
        row = self._row[flight_id]
        rest = self._ids[:row] + self._ids[row + 1:]
        target = insertion_point(rest, self._key(flight_id), self._key,
                                 descending=self._descending)
        if target == row:
            return
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(),
                           target if target < row else target + 1)
        self._ids = rest
        self._ids.insert(target, flight_id)
        self._renumber(min(row, target))
        self.endMoveRows()

    # -- keeping in step -----------------------------------------------------------------
    def _reset(self) -> None:
        self.beginResetModel()
        self._ids = self._sorted(list(self._index.flights))
        self._row = {}
        self._renumber()
        self.endResetModel()

    def _apply(self, changes: PlanChanges) -> None:
        """Remove deleted rows, add new ones, redraw and re-place touched ones: never a
        reset, so the view keeps its selection, scroll position and open editor."""
        flights_now = self._index.flights
        gone = [self._row[f] for f in changes.flights if f in self._row and f not in flights_now]
        new = [f for f in changes.flights if f not in self._row and f in flights_now]
        for first, last in reversed(runs(gone)):
            self.beginRemoveRows(QModelIndex(), first, last)
            for flight_id in self._ids[first:last + 1]:
                del self._row[flight_id]
            del self._ids[first:last + 1]
            self._renumber(first)
            self.endRemoveRows()
        touched = self._touched(changes, set(new))
        for first, last in runs(self._row[f] for f in touched):
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(Column) - 1))
        self._add(new)
        if self._sort_column is not None and touched:
            if len(touched) > RESORT_AT:
                self._resort()
            else:
                for flight_id in touched:
                    self._move_into_place(flight_id)

    def _add(self, new: list[str]) -> None:
        if self._sort_column is None or len(new) > RESORT_AT:
            if new:
                first = len(self._ids)
                self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
                self._ids.extend(new)
                self._renumber(first)
                self.endInsertRows()
            if new and self._sort_column is not None:
                self._resort()
            return
        for flight_id in new:
            row = insertion_point(self._ids, self._key(flight_id), self._key,
                                  descending=self._descending)
            self.beginInsertRows(QModelIndex(), row, row)
            self._ids.insert(row, flight_id)
            self._renumber(row)
            self.endInsertRows()

    def _touched(self, changes: PlanChanges, new: set[str]) -> list[str]:
        """Kept flights whose cells may show something new."""
        if changes.settings:
            return list(self._ids)
        flights_now = self._index.flights
        touched = {f for f in changes.flights if f in self._row and f not in new}
        if changes.campaigns or changes.channels:
            touched.update(f for f in self._ids
                           if flights_now[f].campaign_id in changes.campaigns
                           or flights_now[f].channel_id in changes.channels)
        return list(touched)
