"""The proxy the campaign tree and the flights table show their rows through.

Both follow the one shared `FlightFilter`: every row passes while it is inactive,
and the view refilters whenever it changes. How a row is judged, and how a change
is applied (a layout change for the tree, a filter change for the table), is each
view's own.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)

from ui.models.flight_filter import FlightFilter
from ui.models.plan_index import PlanIndex

Index = QModelIndex | QPersistentModelIndex


class SharedFilterProxy(QSortFilterProxyModel):
    """Subclasses give `accepts(source_row, source_parent)` (asked only while the filter
    is active) and `_refilter()` (run on every change of the filter)."""

    def __init__(self, model: QAbstractItemModel, index: PlanIndex, flight_filter: FlightFilter,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model, self._index, self._filter = model, index, flight_filter
        self.setSourceModel(model)
        flight_filter.changed.connect(self._refilter)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        return not self._filter.is_active or self.accepts(source_row, source_parent)

    def accepts(self, source_row: int, source_parent: Index) -> bool:
        raise NotImplementedError

    def _refilter(self) -> None:
        raise NotImplementedError
