"""A planner roll-up (a DataFrame) as a read-only table, formatted for reading;
`RAW_ROLE` gives each cell's value exactly as the planner computed it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ui.formatting import format_figure, format_money, format_number, format_percent

if TYPE_CHECKING:
    import pandas as pd

Index = QModelIndex | QPersistentModelIndex
RAW_ROLE = Qt.ItemDataRole.UserRole
Kind = Literal["text", "money", "change", "share", "ratio", "count", "number"]


@dataclass(frozen=True)
class Column:
    name: str  # the frame's column
    header: str  # translated
    kind: Kind


def format_value(value: Any, kind: Kind, currency: str) -> str:
    if kind == "text":
        return "" if value is None or (isinstance(value, float) and math.isnan(value)) \
            else str(value)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if kind == "money":
        return format_money(int(value), currency, symbol=False)
    if kind == "change":
        return format_percent(value, 1, signed=True)
    if kind == "share":
        return format_percent(value, 1)
    if kind == "ratio":
        return format_number(value, 2)
    if kind == "count":
        return format_number(int(value))
    return format_figure(value, 4, grouped=True)


class FrameModel(QAbstractTableModel):
    """Rows of the frame, then an optional bold totals row."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.frame: pd.DataFrame | None = None
        self.columns: tuple[Column, ...] = ()
        self.total: dict[str, Any] | None = None
        self.currency = "CNY"
        self._bold = QFont()
        self._bold.setBold(True)

    def set_frame(self, frame: pd.DataFrame | None, columns: tuple[Column, ...],
                  currency: str, total: dict[str, Any] | None = None) -> None:
        self.beginResetModel()
        self.frame, self.columns, self.currency, self.total = frame, columns, currency, total
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.frame is None:
            return 0
        return len(self.frame) + (self.total is not None)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def value(self, row: int, column: int) -> Any:
        name = self.columns[column].name
        assert self.frame is not None
        if row == len(self.frame):
            return (self.total or {}).get(name, self.tr("Total") if column == 0 else None)
        value = self.frame[name].iloc[row]
        return value.item() if hasattr(value, "item") else value

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.frame is None:
            return None
        row, column = index.row(), index.column()
        kind = self.columns[column].kind
        if role == RAW_ROLE:
            return self.value(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return format_value(self.value(row, column), kind, self.currency)
        if role == Qt.ItemDataRole.TextAlignmentRole and kind != "text":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row == len(self.frame):
            return self._bold
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None
