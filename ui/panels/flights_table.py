"""The flights table: every flight as a row, filtered like the tree, sorted by any
column on real keys, edited in place with the same undo as the calendar."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from ui.document import PlanDocument
from ui.empty_state import EmptyHint
from ui.models.flight_cells import Column
from ui.models.flight_filter import FlightFilter
from ui.models.flights_table import ID_ROLE, FlightsTableModel
from ui.models.plan_index import PlanIndex
from ui.panels.filter_proxy import Index, SharedFilterProxy
from ui.panels.flight_delegates import FlightCellDelegate
from ui.panels.selection_sync import SelectionSync
from ui.selection import Item, Selection


class FlightsProxy(SharedFilterProxy):
    """Rows the shared `FlightFilter` lets through, in the order the source model
    keeps: sorting is handed to it (see `FlightsTableModel`), which is what keeps a
    header click on 5,000 rows fast."""

    _model: FlightsTableModel

    def accepts(self, source_row: int, source_parent: Index) -> bool:
        flight = self._model.flight(source_row)
        return flight is not None and self._filter.matches_flight(flight, self._index)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._model.sort(column, order)

    def _refilter(self) -> None:
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)


class FlightsTable(QWidget):
    """`edit_requested(kind, id)` on a double-click that cannot edit in place (the
    campaign, days or phasing cell, or any cell of a read-only plan)."""

    edit_requested = Signal(str, str)

    def __init__(self, document: PlanDocument, index: PlanIndex, selection: Selection,
                 flight_filter: FlightFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FlightsTableModel(document, index, self)
        self.proxy = FlightsProxy(self.model, index, flight_filter, self)
        self.view = QTableView()
        self.view.setAccessibleName(self.tr("Flights"))
        self.view.setObjectName("flights_table")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setItemDelegate(FlightCellDelegate(index, self.view))
        self.view.setSortingEnabled(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        self.sync = SelectionSync(self.view, self.proxy, selection, self,
                                  self._item_of, self._index_of)
        self.view.sortByColumn(Column.START, Qt.SortOrder.AscendingOrder)
        self.view.doubleClicked.connect(self._double_clicked)
        self._index = index
        self.empty_hint = EmptyHint(self.view, self._empty_text).follow_model(self.proxy)
        self.empty_hint.follow_model(self.model).follow(index.reset)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def _empty_text(self) -> str:
        if not self._index.is_open or self.proxy.rowCount():
            return ""
        if self.model.rowCount():
            return self.tr("No flights match the filter. Change or clear it in the Campaigns "
                           "panel to see the others.")
        return self.tr("No flights yet. Add one with Edit ▸ New Flight…, or drag along a lane "
                       "on the Calendar tab.")

    def _item_of(self, source: QModelIndex) -> Item | None:
        return ("flight", source.data(ID_ROLE)) if source.isValid() else None

    def _index_of(self, item: Item) -> QModelIndex:
        kind, record_id = item
        row = self.model.row_of(record_id) if kind == "flight" else None
        return self.model.index(row, 0) if row is not None else QModelIndex()

    def _double_clicked(self, index: QModelIndex) -> None:
        if not index.flags() & (Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable):
            self.edit_requested.emit("flight", index.data(ID_ROLE))
