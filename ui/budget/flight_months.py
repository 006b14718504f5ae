"""One flight's money per month, editable: typing a month's amount switches the
flight to custom phasing so that month keeps exactly what was typed.

The amounts come from `budget_grid.flight_month_amounts` (the same phasing every
roll-up uses); an edit is one undoable `set_custom_amounts` command, and the
flight's budget becomes the months' sum.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.calendars import CalendarSpec, period_of
from planner.domain.changes import PlanChanges
from planner.domain.money import to_minor
from planner.services.budget_grid import flight_month_amounts
from planner.services.flights import set_custom_amounts
from ui.budget.grid_model import MINOR_ROLE, Index
from ui.commands.base import ServiceCommand
from ui.document import PlanDocument
from ui.formatting import format_money, format_span
from ui.models.plan_index import PlanIndex
from ui.models.vocabulary import period_label
from ui.selection import Selection

Amounts = list[tuple[dt.date, dt.date, int]]


class FlightMonthsModel(QAbstractTableModel):
    """One row of month amounts and a Total column; month cells are editable unless
    the plan is read-only or the flight committed (contracted money is locked)."""

    def __init__(self, document: PlanDocument, index: PlanIndex,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document, self._index = document, index
        self.flight_id: str | None = None
        self.amounts: Amounts = []
        self._labels: list[str] = []

    @property
    def currency(self) -> str:
        return self._index.settings.currency if self._index.settings else "CNY"

    @property
    def editable(self) -> bool:
        flight = self._index.flights.get(self.flight_id or "")
        return flight is not None and not flight.committed and not self._document.read_only

    def load(self, flight_id: str | None) -> None:
        """Show `flight_id`'s months (None: nothing).

        The same flight over the same months is updated in place, not reset: a reset
        would close the cell editor that is committing the very edit being shown.
        """
        amounts = [] if flight_id is None else self._document.run(flight_month_amounts,
                                                                  flight_id)
        spans = [(start, end) for start, end, _ in amounts]
        if flight_id == self.flight_id and spans == [(s, e) for s, e, _ in self.amounts]:
            self.amounts = amounts
            if amounts:
                self.dataChanged.emit(self.index(0, 0), self.index(0, len(amounts)))
            return
        self.beginResetModel()
        self.flight_id, self.amounts = flight_id, amounts
        spec = CalendarSpec.from_dict(self._index.settings.calendar if self._index.settings
                                      else {"kind": "iso"})
        self._labels = [period_label(period_of(spec, start, "month"))
                        for start, _, _ in self.amounts]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.amounts else 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.amounts else len(self.amounts) + 1

    def _minor(self, column: int) -> int:
        if column == len(self.amounts):
            return sum(amount for _, _, amount in self.amounts)
        return self.amounts[column][2]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return format_money(self._minor(column), self.currency, symbol=False)
        if role == MINOR_ROLE:
            return self._minor(column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return self.tr("Amount") if role == Qt.ItemDataRole.DisplayRole else None
        if section == len(self.amounts):
            return self.tr("Total") if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._labels[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            start, end, _ = self.amounts[section]
            return format_span(start, end)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() < len(self.amounts) and self.editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Push one undoable edit; text that is not money, a negative amount or a flight
        left with nothing in any month is refused with a message and nothing written."""
        if (role != Qt.ItemDataRole.EditRole or not index.isValid()
                or not self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        column, text = index.column(), "" if value is None else str(value).strip()
        try:
            amount = to_minor(text, self.currency)
        except ValueError:
            return self._refuse(self.tr(
                "Month amount: “{text}” is not an amount of money in {currency}; nothing was "
                "changed.").format(text=text, currency=self.currency))
        if amount < 0:
            return self._refuse(self.tr(
                "Month amount: {text} is negative; nothing was changed.").format(text=text))
        start, end, old = self.amounts[column]
        if amount == old:
            return False
        amounts = [*self.amounts[:column], (start, end, amount), *self.amounts[column + 1:]]
        if not any(a for _, _, a in amounts):
            return self._refuse(self.tr(
                "Month amount: a flight needs money in at least one month; delete the flight "
                "instead. Nothing was changed."))
        assert self.flight_id is not None
        self._document.push(ServiceCommand(self._document, self.tr("Edit month amount"),
                                           set_custom_amounts, self.flight_id, amounts))
        return True

    def _refuse(self, message: str) -> bool:
        self._document.report(message)
        return False


class FlightMonthsPanel(QWidget):
    """Shown only while the selection holds exactly one flight."""

    def __init__(self, document: PlanDocument, index: PlanIndex, selection: Selection,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._index, self._selection = index, selection
        self.model = FlightMonthsModel(document, index, self)
        self.title = QLabel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view)
        selection.changed.connect(self.reload)
        index.changed.connect(self._on_changed)
        index.reset.connect(self.reload)
        self.reload()

    def reload(self, *_args: object) -> None:
        ids = self._selection.flight_ids
        one = ids[0] if len(ids) == 1 and not self._selection.campaign_ids else None
        flight = self._index.flights.get(one or "")
        self.model.load(flight.id if flight is not None else None)
        self.setVisible(flight is not None)
        if flight is None:
            return
        name = flight.name or self._index.campaign_name(flight)
        channel = self._index.channel_name(flight.channel_id)
        title = self.tr("Flight “{name}” on {channel} by month").format(name=name,
                                                                          channel=channel)
        if flight.committed:
            title += self.tr(" (committed: locked)")
        elif (flight.phasing or {}).get("pattern") != "custom":
            title += self.tr(" — typing an amount switches it to custom phasing")
        self.title.setText(title)
        view = self.view
        view.setFixedHeight(view.horizontalHeader().sizeHint().height()
                            + view.verticalHeader().defaultSectionSize()
                            + view.horizontalScrollBar().sizeHint().height()
                            + 2 * view.frameWidth())

    def _on_changed(self, changes: PlanChanges) -> None:
        if self.model.flight_id in changes.flights:
            self.reload()
