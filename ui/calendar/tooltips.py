"""What hovering a bar tells: the flight or campaign in a few lines.

Built when the tooltip is asked for, so 5,000 bars carry no tooltip strings.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from planner.domain.entities import Campaign
from ui.calendar.items import BarItem
from ui.calendar.scene import CalendarScene
from ui.formatting import format_date, format_money
from ui.models.plan_index import PlanIndex
from ui.models.vocabulary import OBJECTIVE_LABELS, STATUS_LABELS, label


class Tooltips(QObject):
    def __init__(self, index: PlanIndex, scene: CalendarScene,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._index = index
        self._scene = scene

    def _money(self, minor: int) -> str:
        settings = self._index.settings
        return format_money(minor, settings.currency if settings else "CNY")

    def _objective_status(self, campaign: Campaign) -> str:
        return self.tr("Objective: %1 · Status: %2") \
            .replace("%1", label(OBJECTIVE_LABELS, campaign.objective)) \
            .replace("%2", label(STATUS_LABELS, campaign.status))

    def text(self, bar: BarItem) -> str:
        index = self._index
        if bar.kind == "campaign":
            campaign = index.campaigns[bar.item_id]
            flights = index.flights_of(campaign.id)
            lines = [f"<b>{campaign.name}</b>",
                     self.tr("%1 flights, %2").replace("%1", str(len(flights))).replace(
                         "%2", self._money(sum(f.budget_minor for f in flights))),
                     self._objective_status(campaign)]
            return "<br>".join(lines)
        flight = index.flights[bar.item_id]
        campaign = index.campaigns.get(flight.campaign_id)
        lines = [f"<b>{index.campaign_name(flight)}</b>"
                 + (f" — {flight.name}" if flight.name else ""),
                 index.channel_name(flight.channel_id),
                 self.tr("%1 – %2 (%3 days)").replace("%1", format_date(flight.start))
                 .replace("%2", format_date(flight.end)).replace("%3", str(flight.span.days)),
                 self.tr("Budget: %1").replace("%1", self._money(flight.budget_minor))]
        if campaign is not None:
            lines.append(self._objective_status(campaign))
        if flight.committed:
            lines.append(self.tr("Committed (locked)"))
        base = index.baseline.get(flight.id)
        if base is not None:
            lines.append(self.tr("Baseline: %1 – %2, %3").replace("%1", format_date(base.start))
                         .replace("%2", format_date(base.end))
                         .replace("%3", self._money(base.budget_minor)))
        if flight.id in self._scene.flagged:
            lines.append(self.tr("⚠ Named in a plan health finding"))
        return "<br>".join(lines)
