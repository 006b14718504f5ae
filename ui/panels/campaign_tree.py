"""The campaign tree dock: a filter over campaigns → flights, selection shared with
the calendar, the flights table and the inspector."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QVBoxLayout, QWidget

from ui.document import PlanDocument
from ui.models.campaign_tree import CampaignTreeModel, TreeColumn
from ui.models.flight_filter import FlightFilter
from ui.models.plan_index import PlanIndex
from ui.panels.filter_bar import FilterBar
from ui.panels.filter_proxy import Index, SharedFilterProxy
from ui.panels.selection_sync import SelectionSync
from ui.selection import Selection

COLUMN_WIDTHS = {TreeColumn.STATUS: 80, TreeColumn.CHANNEL: 110, TreeColumn.DATES: 190,
                 TreeColumn.BUDGET: 120}


NAME_WIDTH = 230


class CampaignTreeProxy(SharedFilterProxy):
    """A campaign shows when the filter takes it (by its own fields, and by its name
    or one of its flights); a flight when the filter takes the flight."""

    _model: CampaignTreeModel

    def accepts(self, source_row: int, source_parent: Index) -> bool:
        if not source_parent.isValid():
            campaign = self._model.campaign(source_row)
            return campaign is not None and self._filter.matches_campaign(
                campaign, self._index, self._model.flights_under(campaign.id))
        flight = self._model.flight_at(source_parent, source_row)
        return flight is not None and self._filter.matches_flight(flight, self._index)

    def _refilter(self) -> None:
        # A layout change, not a filter change: removing rows parent by parent makes
        # Qt walk every mapped row per removal, seconds on 5,000 expanded flights.
        self.invalidate()


class CampaignTree(QWidget):
    """`edit_requested(kind, id)` when a row is double-clicked ("campaign" or "flight")."""

    edit_requested = Signal(str, str)

    def __init__(self, document: PlanDocument, index: PlanIndex, selection: Selection,
                 flight_filter: FlightFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        del document  # the same constructor as the other panels; the tree edits nothing
        self.filter_bar = FilterBar(index, flight_filter)
        self.model = CampaignTreeModel(index, self)
        self.proxy = CampaignTreeProxy(self.model, index, flight_filter, self)
        self.view = QTreeView()
        self.view.setAccessibleName(self.tr("Campaigns and flights"))
        self.view.setObjectName("campaign_tree")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setExpandsOnDoubleClick(False)  # double-click opens the editor
        self.view.setUniformRowHeights(True)  # keeps 5,000 rows cheap to lay out
        self.view.setAllColumnsShowFocus(True)
        self.sync = SelectionSync(self.view, self.proxy, selection, self,
                                  self.model.item, self.model.index_of)
        header = self.view.header()
        header.setStretchLastSection(False)
        # Fixed widths: sizing columns to contents would measure all 5,000 rows
        # after every edit.
        # The name is what planners read: it keeps a readable width and the other
        # columns scroll into view when the dock is narrow.
        header.setSectionResizeMode(TreeColumn.NAME, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(TreeColumn.NAME, NAME_WIDTH)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        self.view.doubleClicked.connect(self._double_clicked)
        flight_filter.changed.connect(lambda: self._show_matches(flight_filter))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.view)

    def _double_clicked(self, index: QModelIndex) -> None:
        item = self.model.item(self.proxy.mapToSource(index))
        if item is not None:
            self.edit_requested.emit(*item)

    def _show_matches(self, flight_filter: FlightFilter) -> None:
        """Text or a channel picks flights: open the campaigns so they can be seen."""
        if not (flight_filter.text.strip() or flight_filter.channel_id is not None):
            return
        for row in range(self.proxy.rowCount()):
            campaign = self.proxy.index(row, 0)
            if not self.view.isExpanded(campaign):
                self.view.expand(campaign)
