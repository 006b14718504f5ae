"""Sizes and colours of the calendar, in one place so every part agrees.

Surface and mark colours come from the theme at paint time (`colours()`), so the
calendar repaints light or dark with the application palette; bar fills are the
plan's own colours and look the same in both.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from planner.domain.entities import Campaign, Channel, Flight
from ui.theme import colours as colours  # the calendar's: style.colours()

ROW_HEIGHT = 26  # one row of bars in a lane (bar, then its baseline ghost)
BAR_HEIGHT = 18
BAR_TOP = 2  # bar's offset inside its row
GHOST_HEIGHT = 3  # baseline bar, under the row's bar
LANE_PAD = 4  # space above and below a lane's rows
HEADER_ROW = 22  # each of the time header's two rows
EVENT_STRIP = 18  # festival names under the time header
LANE_HEADER_WIDTH = 190
EDGE_GRIP = 5  # px at either end of a bar that resize instead of move

OBJECTIVE_COLOURS = {"brand": "#4e79a7", "promotion": "#f28e2b", "mixed": "#76b7b2"}
STATUS_COLOURS = {"draft": "#b7b0aa", "approved": "#59a14f", "live": "#2f7ed8",
                  "done": "#7f7f7f"}
COLOUR_MODES = ("campaign", "objective", "channel", "status")
FALLBACK = "#8c96a3"


def bar_colour(mode: str, flight: Flight, campaign: Campaign | None,
               channel: Channel | None) -> str:
    """The bar's fill for the planner's chosen colouring."""
    if mode == "channel":
        return channel.colour if channel is not None else FALLBACK
    if campaign is None:
        return FALLBACK
    if mode == "objective":
        return OBJECTIVE_COLOURS.get(campaign.objective, FALLBACK)
    if mode == "status":
        return STATUS_COLOURS.get(campaign.status, FALLBACK)
    return campaign.colour or FALLBACK


def text_on(fill: QColor) -> QColor:
    """Dark text on light fills, white on dark (relative luminance, sRGB weights)."""
    luminance = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF()
    return QColor("#1d2330") if luminance > 0.6 else QColor("#ffffff")
