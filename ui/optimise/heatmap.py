"""The optimised spend as a channel × month table, each cell shaded by its amount."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from planner.domain.money import exponent
from ui.formatting import format_money, format_number
from ui.optimise.figures import RunFigures
from ui.theme import colours

Index = QModelIndex | QPersistentModelIndex


def shade(fraction: float) -> QColor:
    """The base colour to deep blue, linear in the cell's share of the largest cell."""
    f = min(max(fraction, 0.0), 1.0)
    low, high = colours().heat_low, colours().heat_high
    return QColor(*(round(a + (b - a) * f) for a, b in
                    zip(low.getRgb()[:3], high.getRgb()[:3], strict=True)))


class HeatMapModel(QAbstractTableModel):
    """Rows are channels, columns months; cells read in thousands, exact in the tooltip."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._figures: RunFigures | None = None
        self._top = 1.0

    @property
    def figures(self) -> RunFigures | None:
        return self._figures

    def set_figures(self, figures: RunFigures | None) -> None:
        self.beginResetModel()
        self._figures = figures
        self._top = float(figures.month_spend.max(initial=0.0)) if figures else 1.0
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._figures is None else len(self._figures.channel_names)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._figures is None else len(self._figures.months)

    def amount(self, row: int, column: int) -> int:
        assert self._figures is not None
        return round(float(self._figures.month_spend[row, column]))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._figures is None:
            return None
        value = float(self._figures.month_spend[index.row(), index.column()])
        if role == Qt.ItemDataRole.DisplayRole:
            unit = 1000 * 10 ** exponent(self._figures.currency)
            return format_number(value / unit) if value else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            return shade(value / self._top) if self._top > 0 else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("white") if self._top > 0 and value / self._top > 0.55 else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return format_money(round(value), self._figures.currency)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or self._figures is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._figures.months[section]
        return self._figures.channel_names[section]
