"""What hovering a bar tells: the flight or campaign in a few lines.

Built when the tooltip is asked for, so 5,000 bars carry no tooltip strings.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from planner.domain.money import format_money
from ui.calendar.items import BarItem
from ui.calendar.scene import CalendarScene
from ui.models.plan_index import PlanIndex


class Tooltips(QObject):
    def __init__(self, index: PlanIndex, scene: CalendarScene,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._index = index
        self._scene = scene

    def _money(self, minor: int) -> str:
        settings = self._index.settings
        return format_money(minor, settings.currency if settings else "CNY")

    def text(self, bar: BarItem) -> str:
        index = self._index
        if bar.kind == "campaign":
            campaign = index.campaigns[bar.item_id]
            flights = index.flights_of(campaign.id)
            lines = [f"<b>{campaign.name}</b>",
                     self.tr("%1 flights, %2").replace("%1", str(len(flights))).replace(
                         "%2", self._money(sum(f.budget_minor for f in flights))),
                     self.tr("Objective: %1 · Status: %2").replace("%1", campaign.objective)
                     .replace("%2", campaign.status)]
            return "<br>".join(lines)
        flight = index.flights[bar.item_id]
        campaign = index.campaigns.get(flight.campaign_id)
        lines = [f"<b>{index.campaign_name(flight)}</b>"
                 + (f" — {flight.name}" if flight.name else ""),
                 index.channel_name(flight.channel_id),
                 self.tr("%1 – %2 (%3 days)").replace("%1", flight.start.isoformat())
                 .replace("%2", flight.end.isoformat()).replace("%3", str(flight.span.days)),
                 self.tr("Budget: %1").replace("%1", self._money(flight.budget_minor))]
        if campaign is not None:
            lines.append(self.tr("Objective: %1 · Status: %2").replace("%1", campaign.objective)
                         .replace("%2", campaign.status))
        if flight.committed:
            lines.append(self.tr("Committed (locked)"))
        base = index.baseline.get(flight.id)
        if base is not None:
            lines.append(self.tr("Baseline: %1 – %2, %3").replace("%1", base.start.isoformat())
                         .replace("%2", base.end.isoformat())
                         .replace("%3", self._money(base.budget_minor)))
        if flight.id in self._scene.flagged:
            lines.append(self.tr("⚠ Named in a plan health finding"))
        return "<br>".join(lines)
