"""A `BudgetGrid` as a read-only table: its rows and a Total row, its periods and a
Total column, money in the plan currency's major units."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from planner.services.budget_grid import BudgetGrid
from ui.formatting import format_money, format_span
from ui.models.vocabulary import period_label

Index = QModelIndex | QPersistentModelIndex
MINOR_ROLE = Qt.ItemDataRole.UserRole  # the cell's integer minor units, for tests and copy


class BudgetGridModel(QAbstractTableModel):
    """The last row and column are totals; `row_label` lets the tab translate keys
    (segment tiers, "unassigned") that the planner layer leaves in English."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.grid: BudgetGrid | None = None
        self._currency = "CNY"
        self._labels: tuple[str, ...] = ()
        self._bold = QFont()
        self._bold.setBold(True)

    def set_grid(self, grid: BudgetGrid | None, currency: str,
                 labels: tuple[str, ...] = ()) -> None:
        self.beginResetModel()
        self.grid, self._currency = grid, currency
        self._labels = labels or (grid.row_labels if grid is not None else ())
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else len(self.grid.row_keys) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else len(self.grid.periods) + 1

    def minor(self, row: int, column: int) -> int:
        """The money shown at (row, column), totals included."""
        grid = self.grid
        assert grid is not None
        rows, columns = len(grid.row_keys), len(grid.periods)
        if row == rows:
            return grid.grand_total if column == columns else grid.column_totals[column]
        return grid.row_totals[row] if column == columns else grid.cells[row][column]

    def is_total(self, row: int, column: int) -> bool:
        grid = self.grid
        return grid is not None and (row == len(grid.row_keys) or column == len(grid.periods))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.grid is None:
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return format_money(self.minor(row, column), self._currency, symbol=False)
        if role == MINOR_ROLE:
            return self.minor(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and self.is_total(row, column):
            return self._bold
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        grid = self.grid
        if grid is None or role not in (Qt.ItemDataRole.DisplayRole,
                                        Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section == len(grid.periods):
                return self.tr("Total")
            period = grid.periods[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return format_span(period.start, period.end)
            return period_label(period)
        return self.tr("Total") if section == len(grid.row_keys) else self._labels[section]
