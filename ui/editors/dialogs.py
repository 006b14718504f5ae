"""Dialogs around the record forms: OK stays disabled until the form is valid.

A dialog returns plain values and writes nothing: the caller turns `values()`
into one command (see `flight_edits`, `campaign_edits`), so a cancelled or
invalid dialog can never leave anything half-written in the plan.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from ui.editors.campaign_form import CampaignForm
from ui.editors.flight_form import FlightForm
from ui.editors.form import RecordForm
from ui.models.plan_index import PlanIndex


class FormDialog(QDialog):
    """Any `RecordForm` with OK and Cancel."""

    def __init__(self, form: RecordForm, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = form
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(form)
        layout.addWidget(self.buttons)
        form.validity_changed.connect(self.ok_button.setEnabled)
        self.ok_button.setEnabled(form.is_valid())

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def values(self) -> dict[str, Any]:
        """Keyword arguments for the record's create or update service."""
        return self.form.values()

    def accept(self) -> None:
        # Enter in a field must not get past a disabled OK button.
        if self.form.revalidate():
            super().accept()


class FlightDialog(FormDialog):
    """New flight (`preset` from the calendar: channel_id, campaign_id, start, end) or,
    with `flight_id`, an edit of that flight."""

    def __init__(self, index: PlanIndex, parent: QWidget | None = None, *,
                 preset: dict[str, Any] | None = None, flight_id: str | None = None) -> None:
        form = FlightForm(index)
        super().__init__(form, "", parent)
        self.setWindowTitle(self.tr("New flight") if flight_id is None else self.tr("Edit flight"))
        form.load(index.flights[flight_id] if flight_id else None, preset=preset)


class CampaignDialog(FormDialog):
    """New campaign or, with `campaign_id`, an edit of that campaign."""

    def __init__(self, index: PlanIndex, parent: QWidget | None = None, *,
                 preset: dict[str, Any] | None = None, campaign_id: str | None = None) -> None:
        form = CampaignForm(index)
        super().__init__(form, "", parent)
        self.setWindowTitle(self.tr("New campaign") if campaign_id is None
                            else self.tr("Edit campaign"))
        form.load(index.campaigns[campaign_id] if campaign_id else None, preset=preset)
