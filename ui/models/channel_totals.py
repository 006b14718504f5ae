"""Planned money per channel, and per objective or segment tier, as table models.

Rows are plain values from `summarise(plan)` (keyed by the channel's id, never
a row number); money stays integer minor units until it is displayed, in the
plan's currency, right-aligned so that digits line up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from ui.formatting import format_money, format_percent

Index = QModelIndex | QPersistentModelIndex

MONEY_ALIGN = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
SORT_ROLE = Qt.ItemDataRole.UserRole  # raw minor units or text, for sorting
ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class MoneyRow:
    key: str  # a channel id, an objective or a tier
    label: str
    planned_minor: int
    cap_minor: int | None = None


def _share(part: int, whole: int) -> str:
    return format_percent(part / whole) if whole else "—"


class _MoneyTableModel(QAbstractTableModel):
    """Label | Planned | Share of planned (| Cap, for channels)."""

    # English words marked for translation; headerData shows them translated.
    headers: tuple[str, ...] = (QT_TRANSLATE_NOOP("ChannelTotals", "Name"),
                                QT_TRANSLATE_NOOP("ChannelTotals", "Planned"),
                                QT_TRANSLATE_NOOP("ChannelTotals", "Share"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[MoneyRow] = []
        self._currency = "CNY"
        self._total = 0

    def set_rows(self, rows: list[MoneyRow], currency: str) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._currency = currency
        self._total = sum(r.planned_minor for r in rows)
        self.endResetModel()

    def row_key(self, row: int) -> str:
        return self._rows[row].key

    # -- QAbstractTableModel --------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ChannelTotals", self.headers[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and section > 0:
            return MONEY_ALIGN
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return MONEY_ALIGN
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if role == ID_ROLE:
            return row.key
        return None

    def _display(self, row: MoneyRow, column: int) -> str:
        if column == 0:
            return row.label
        if column == 1:
            return format_money(row.planned_minor, self._currency)
        if column == 2:
            return _share(row.planned_minor, self._total)
        if row.cap_minor is None:
            return "—"
        return format_money(row.cap_minor, self._currency)

    def _sort_value(self, row: MoneyRow, column: int) -> Any:
        if column == 0:
            return row.label
        if column == 3:
            return -1 if row.cap_minor is None else row.cap_minor
        return row.planned_minor


class ChannelTotalsModel(_MoneyTableModel):
    """One row per channel, in lane order: planned money, its share, the channel cap."""

    headers = (QT_TRANSLATE_NOOP("ChannelTotals", "Channel"),
               QT_TRANSLATE_NOOP("ChannelTotals", "Planned"),
               QT_TRANSLATE_NOOP("ChannelTotals", "Share"),
               QT_TRANSLATE_NOOP("ChannelTotals", "Cap"))

    def set_summary(self, summary: dict[str, Any]) -> None:
        self.set_rows([
            MoneyRow(c["id"], c["name"], c["budget_minor"], c["max_spend_minor"])
            for c in summary["by_channel"]
        ], summary["currency"])


OBJECTIVE_LABELS = {"brand": QT_TRANSLATE_NOOP("ChannelTotals", "Brand"),
                    "promotion": QT_TRANSLATE_NOOP("ChannelTotals", "Promotion"),
                    "mixed": QT_TRANSLATE_NOOP("ChannelTotals", "Mixed")}
TIER_LABELS = {"high": QT_TRANSLATE_NOOP("ChannelTotals", "High value"),
               "potential": QT_TRANSLATE_NOOP("ChannelTotals", "Potential"),
               "low": QT_TRANSLATE_NOOP("ChannelTotals", "Low value"),
               "unassigned": QT_TRANSLATE_NOOP("ChannelTotals", "No segment")}


class BreakdownModel(_MoneyTableModel):
    """Planned money by one grouping of the summary (`by_objective`, `by_tier`)."""

    def __init__(self, key: str, heading: str, labels: dict[str, str],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key, self._labels = key, labels
        self.headers = (heading, QT_TRANSLATE_NOOP("ChannelTotals", "Planned"),
                        QT_TRANSLATE_NOOP("ChannelTotals", "Share"))

    def set_summary(self, summary: dict[str, Any]) -> None:
        groups: dict[str, int] = summary[self._key]
        order = [k for k in self._labels if k in groups] + \
            sorted(k for k in groups if k not in self._labels)
        self.set_rows([MoneyRow(k, self._label(k), groups[k]) for k in order],
                      summary["currency"])

    def _label(self, key: str) -> str:
        text = self._labels.get(key)
        return key.title() if text is None else QCoreApplication.translate("ChannelTotals", text)
