"""Opens the right editor for what the planner asked to edit or create, and pushes
what it returns as one undoable command.

Every way into an editor (double-click on a bar, a tree row or a table row,
Edit ▸ Edit…, a drag on an empty calendar lane, the inspector's Bulk edit…)
ends here, so each dialog is set up the same way whichever view asked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from planner.services import flight_edits
from ui import dialogs
from ui.commands.base import ServiceCommand
from ui.document import PlanDocument
from ui.editors import (
    BulkEditDialog,
    CampaignDialog,
    FlightDialog,
    PlanSettingsDialog,
    bulk_edit_command,
    edit_campaign_command,
    edit_flight_command,
    new_campaign_command,
    new_flight_command,
)
from ui.models.plan_index import PlanIndex
from ui.selection import Selection


class EditorLauncher(QObject):
    def __init__(self, document: PlanDocument, index: PlanIndex, selection: Selection,
                 window: QWidget) -> None:
        super().__init__(window)
        self._document, self._index, self._selection = document, index, selection
        self._window = window

    def _push_and_select(self, command: ServiceCommand | None, kind: str) -> None:
        if command is None:
            return
        self._document.push(command)
        if command.created_ids:
            self._selection.select((kind, i) for i in command.created_ids)

    def edit(self, kind: str, record_id: str) -> None:
        if kind == "flight" and record_id in self._index.flights:
            dialog = FlightDialog(self._index, self._window, flight_id=record_id)
            if dialogs.run_dialog(dialog):
                self._push_and_select(
                    edit_flight_command(self._document, record_id, dialog.values()), kind)
        elif kind == "campaign" and record_id in self._index.campaigns:
            dialog = CampaignDialog(self._index, self._window, campaign_id=record_id)
            if dialogs.run_dialog(dialog):
                self._push_and_select(
                    edit_campaign_command(self._document, record_id, dialog.values()), kind)

    def new_flight(self, preset: dict | None = None) -> None:
        if preset is None:
            current = self._selection.current
            preset = {"campaign_id": current[1]} if current and current[0] == "campaign" else {}
        dialog = FlightDialog(self._index, self._window, preset=preset)
        if dialogs.run_dialog(dialog):
            self._push_and_select(new_flight_command(self._document, dialog.values()), "flight")

    def new_flight_in_lane(self, lane_kind: str, lane_id: str, start: dt.date,
                           end: dt.date) -> None:
        """A drag on an empty lane: the lane says the channel or campaign; a segment lane
        suggests the first campaign aimed at that segment."""
        preset: dict = {"start": start, "end": end}
        if lane_kind == "channel":
            preset["channel_id"] = lane_id
        elif lane_kind == "campaign":
            preset["campaign_id"] = lane_id
        elif lane_kind == "segment":
            campaign = next((c for c in self._index.campaigns.values()
                             if c.segment_id == lane_id), None)
            if campaign is not None:
                preset["campaign_id"] = campaign.id
        self.new_flight(preset)

    def new_campaign(self) -> None:
        dialog = CampaignDialog(self._index, self._window)
        if dialogs.run_dialog(dialog):
            self._push_and_select(new_campaign_command(self._document, dialog.values()),
                                  "campaign")

    def bulk_edit(self, flight_ids: Sequence[str]) -> None:
        if not flight_ids:
            return
        dialog = BulkEditDialog(self._index, list(flight_ids), self._window)
        if dialogs.run_dialog(dialog):
            self._push_and_select(
                bulk_edit_command(self._document, list(flight_ids), dialog.values()), "flight")

    def split(self, flight_id: str) -> None:
        flight = self._index.flights.get(flight_id)
        if flight is None or flight.end <= flight.start:
            return
        middle = flight.start + (flight.end - flight.start) / 2
        at = dialogs.choose_date(self._window, self.tr("Split flight"),
                                 self.tr("Second part starts on"), middle + dt.timedelta(days=1),
                                 flight.start + dt.timedelta(days=1), flight.end)
        if at is not None:
            self._push_and_select(ServiceCommand(self._document, self.tr("Split"),
                                                 flight_edits.split_flight, flight_id, at),
                                  "flight")

    def plan_settings(self) -> None:
        dialogs.run_dialog(PlanSettingsDialog(self._document, self._index, self._window))
