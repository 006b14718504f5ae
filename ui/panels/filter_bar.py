"""The filter box and the channel, segment, status and objective pickers, bound to
the shared `FlightFilter` both ways (a filter set elsewhere shows here too)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QGridLayout, QLineEdit, QVBoxLayout, QWidget

from planner.domain.changes import PlanChanges
from planner.domain.entities import OBJECTIVES, STATUSES
from ui.models.flight_filter import FlightFilter
from ui.models.plan_index import PlanIndex
from ui.models.vocabulary import OBJECTIVE_LABELS, STATUS_LABELS, label

# Typing pauses this long before 5,000 rows are filtered again.
TYPING_PAUSE_MS = 150


class FilterBar(QWidget):
    def __init__(self, index: PlanIndex, flight_filter: FlightFilter,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._index, self._filter = index, flight_filter
        self.text = QLineEdit()
        self.text.setAccessibleName(self.tr("Filter text"))
        self.text.setObjectName("filter_text")
        self.text.setPlaceholderText(self.tr("Filter campaigns, flights, channels…"))
        self.text.setClearButtonEnabled(True)
        self.channel = self._combo("filter_channel", self.tr("All channels"))
        self.segment = self._combo("filter_segment", self.tr("All segments"))
        self.status = self._combo("filter_status", self.tr("Any status"))
        self.objective = self._combo("filter_objective", self.tr("Any objective"))
        for code in STATUSES:
            self.status.addItem(label(STATUS_LABELS, code), code)
        for code in OBJECTIVES:
            self.objective.addItem(label(OBJECTIVE_LABELS, code), code)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._apply_text)

        pickers = QGridLayout()
        pickers.setContentsMargins(0, 0, 0, 0)
        for position, combo in enumerate((self.channel, self.segment, self.status,
                                          self.objective)):
            pickers.addWidget(combo, position // 2, position % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addLayout(pickers)

        self.text.textEdited.connect(lambda _text: self._typing.start())
        self.text.returnPressed.connect(self._apply_text)
        self.channel.currentIndexChanged.connect(
            lambda _i: flight_filter.set_channel(self.channel.currentData()))
        self.segment.currentIndexChanged.connect(
            lambda _i: flight_filter.set_segment(self.segment.currentData()))
        self.status.currentIndexChanged.connect(
            lambda _i: flight_filter.set_status(self.status.currentData()))
        self.objective.currentIndexChanged.connect(
            lambda _i: flight_filter.set_objective(self.objective.currentData()))
        flight_filter.changed.connect(self._show_filter)
        index.reset.connect(self._fill_lists)
        index.changed.connect(self._lists_changed)
        self._fill_lists()

    def _combo(self, name: str, anything: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(anything, None)
        combo.setAccessibleName(anything)
        return combo

    def _apply_text(self) -> None:
        self._typing.stop()
        self._filter.set_text(self.text.text())

    def _lists_changed(self, changes: PlanChanges) -> None:
        if changes.channels or changes.segments:
            self._fill_lists()

    def _fill_lists(self) -> None:
        """Channels and segments as they are now, in lane order; a chosen one that is
        gone falls back to "all"."""
        for combo, records in ((self.channel, self._index.channels),
                               (self.segment, self._index.segments)):
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for record in records.values():
                combo.addItem(record.name, record.id)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)
        self._filter.set_channel(self.channel.currentData())
        self._filter.set_segment(self.segment.currentData())

    def _show_filter(self) -> None:
        """Show a filter changed from elsewhere (the menu's Find, another panel)."""
        if self.text.text() != self._filter.text and not self._typing.isActive():
            self.text.setText(self._filter.text)
        for combo, value in ((self.channel, self._filter.channel_id),
                             (self.segment, self._filter.segment_id),
                             (self.status, self._filter.status),
                             (self.objective, self._filter.objective)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
