"""Editors: the flight and campaign forms, their dialogs, the inspector dock,
bulk edit and the plan settings dialog. Each returns values or pushes commands;
none writes the plan itself."""

from ui.editors.bulk_edit import BulkEditDialog, bulk_edit_command
from ui.editors.campaign_edits import edit_campaign_command, new_campaign_command
from ui.editors.dialogs import CampaignDialog, FlightDialog, FormDialog
from ui.editors.flight_edits import edit_flight_command, new_flight_command
from ui.editors.inspector import Inspector
from ui.editors.plan_settings_dialog import PlanSettingsDialog

__all__ = [
    "BulkEditDialog",
    "CampaignDialog",
    "FlightDialog",
    "FormDialog",
    "Inspector",
    "PlanSettingsDialog",
    "bulk_edit_command",
    "edit_campaign_command",
    "edit_flight_command",
    "new_campaign_command",
    "new_flight_command",
]
