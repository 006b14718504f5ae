"""Campaign dialog and inspector values to commands."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from planner.domain.entities import Campaign
from planner.services import campaigns
from planner.storage import rows
from ui.commands.base import ServiceCommand
from ui.document import PlanDocument
from ui.editors.edits import changed_fields, edit_command

NORMALISE = {"tags": tuple}


def new_campaign_command(document: PlanDocument, values: Mapping[str, Any]) -> ServiceCommand:
    return ServiceCommand(document, QCoreApplication.translate("CampaignEdits", "Add campaign"),
                          campaigns.create_campaign, **values)


def edit_campaign_command(document: PlanDocument, campaign_id: str,
                          values: Mapping[str, Any]) -> ServiceCommand | None:
    """Change only what differs from the campaign on file; None when nothing does."""
    current = rows.get(document.plan.db, Campaign, campaign_id)
    return edit_command(document, QCoreApplication.translate("CampaignEdits", "Edit campaign"),
                        campaigns.update_campaign, campaign_id,
                        changed_fields(current, values, NORMALISE))
