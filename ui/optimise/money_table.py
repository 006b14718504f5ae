"""An editable table of money amounts per row (channel limits, period caps).

Cells are typed in the plan currency's major units ("1,200,000") and kept as
integer minor units; an empty cell is "no limit" where the column allows it.
Text that is not money is refused (the cell keeps its value).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from planner.domain.money import to_minor
from ui.formatting import format_money

Index = QModelIndex | QPersistentModelIndex


class MoneyTableModel(QAbstractTableModel):
    """Column 0 is the row's label; columns 1.. are amounts (None = empty)."""

    def __init__(self, headers: list[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._keys: list[str] = []
        self._labels: list[str] = []
        self._values: list[list[int | None]] = []
        self._defaults: list[list[int | None]] = []
        self.currency = "CNY"

    def set_rows(self, rows: list[tuple[str, str, list[int | None]]], currency: str) -> None:
        """(key, label, default amounts) per row; edits start over."""
        self.beginResetModel()
        self.currency = currency
        self._keys = [key for key, _, _ in rows]
        self._labels = [label for _, label, _ in rows]
        self._defaults = [list(values) for _, _, values in rows]
        self._values = [list(values) for _, _, values in rows]
        self.endResetModel()

    def changed_rows(self) -> dict[str, tuple[int | None, ...]]:
        """Rows whose amounts differ from their defaults: key -> amounts."""
        return {key: tuple(values) for key, values, default
                in zip(self._keys, self._values, self._defaults, strict=True)
                if values != default}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() > 0 else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if column == 0:
            return self._labels[row] if role == Qt.ItemDataRole.DisplayRole else None
        value = self._values[row][column - 1]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return "" if value is None else format_money(value, self.currency, symbol=False)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == 0:
            return False
        text = str(value).strip()
        try:
            amount = None if not text else to_minor(text, self.currency)
        except ValueError:
            return False
        if amount is not None and amount < 0:
            return False
        self._values[index.row()][index.column() - 1] = amount
        self.dataChanged.emit(index, index)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None
