"""Bulk edit of a multi-selection: shift dates, scale budgets, change channel or status.

The whole edit is one `flight_edits.bulk_edit` call, so one undo step. The
dialog refuses up front what the service would refuse as a whole (moving or
rescaling committed flights), so OK never leads to an error message.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.services.flight_edits import bulk_edit
from ui.commands.base import ServiceCommand
from ui.document import PlanDocument
from ui.editors import labels
from ui.editors.form import MessageLabel
from ui.models.plan_index import PlanIndex

MAX_SHIFT_DAYS = 3660


class BulkEditDialog(QDialog):
    def __init__(self, index: PlanIndex, flight_ids: Sequence[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bulk edit flights"))
        self._flights = [index.flights[i] for i in flight_ids if i in index.flights]
        self.shift_days = QSpinBox()
        self.shift_days.setRange(-MAX_SHIFT_DAYS, MAX_SHIFT_DAYS)
        self.shift_days.setSuffix(self.tr(" days"))
        self.scale_percent = QDoubleSpinBox()
        self.scale_percent.setRange(0.0, 1000.0)
        self.scale_percent.setValue(100.0)
        self.scale_percent.setSuffix(" %")
        self.channel = QComboBox()
        self.channel.addItem(self.tr("Keep each flight's channel"), None)
        for channel in index.channels.values():
            self.channel.addItem(channel.name, channel.id)
        self.status = QComboBox()
        self.status.addItem(self.tr("Keep each campaign's status"), None)
        for status, text in labels.statuses().items():
            self.status.addItem(text, status)
        self.message = MessageLabel()

        form = QFormLayout()
        form.addRow(QLabel(labels.flights_selected(len(self._flights))))
        form.addRow(self.tr("Shift dates by"), self.shift_days)
        form.addRow(self.tr("Scale budgets to"), self.scale_percent)
        form.addRow(self.tr("Move to channel"), self.channel)
        form.addRow(self.tr("Set campaign status"), self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        for spin in (self.shift_days, self.scale_percent):
            spin.valueChanged.connect(self._check)
        for combo in (self.channel, self.status):
            combo.currentIndexChanged.connect(self._check)
        self._check()

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def values(self) -> dict[str, Any]:
        """Keyword arguments for `planner.services.flight_edits.bulk_edit`."""
        scale = self.scale_percent.value()
        return {
            "shift_days": self.shift_days.value(),
            "scale_percent": None if scale == 100.0 else scale,
            "channel_id": self.channel.currentData(),
            "status": self.status.currentData(),
        }

    def accept(self) -> None:
        if self._check():
            super().accept()

    def _check(self, *_args: object) -> bool:
        values = self.values()
        reshape = bool(values["shift_days"]) or values["scale_percent"] is not None \
            or values["channel_id"] is not None
        locked = sum(f.committed for f in self._flights)
        if not self._flights:
            problem = self.tr("No flights are selected.")
        elif not reshape and values["status"] is None:
            problem = self.tr("Choose something to change.")
        elif reshape and locked:
            problem = self.tr("{0} of them are committed (locked) and cannot be moved or "
                              "rescaled; unlock them first.").format(locked)
        else:
            problem = ""
        self.message.setText(problem)
        self.message.setVisible(bool(problem))
        self.ok_button.setEnabled(not problem)
        return not problem


def bulk_edit_command(document: PlanDocument, flight_ids: Sequence[str],
                      values: Mapping[str, Any]) -> ServiceCommand:
    """The dialog's values as one undoable step."""
    text = QCoreApplication.translate("BulkEdit", "Bulk edit flights")
    return ServiceCommand(document, text, bulk_edit, list(flight_ids), **values)
