"""Draw one channel's curves: history points, the curve, and where the plan and
the latest optimised scenario sit on it (no Qt here; called with a Figure on the
render thread, see `ui.charts`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from planner.domain.money import exponent
from planner.services.curve_edits import ChannelView, GoalView

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

PLAN_COLOUR, SCENARIO_COLOUR, CURVE_COLOUR = "#e15759", "#59a14f", "#4e79a7"


@dataclass(frozen=True)
class ChannelChart:
    """One channel's curves and the translated labels to draw them with."""

    view: ChannelView
    words: dict[str, str]


def draw_channel(figure: Figure, data: ChannelChart) -> None:
    """Promotion and brand side by side."""
    view, words = data.view, data.words
    figure.set_layout_engine("constrained")
    scale = 10.0 ** -exponent(view.currency)
    for column, goal in enumerate(view.goals):
        _goal(figure.add_subplot(1, len(view.goals), column + 1), goal, scale, words)


def _goal(axes: Axes, goal: GoalView, scale: float, words: dict[str, str]) -> None:
    axes.set_title(words[goal.goal], fontsize=9)
    axes.tick_params(labelsize=7)
    axes.set_xlabel(words["stock"] if goal.goal == "brand" else words["spend"], fontsize=8)
    y_scale = scale if goal.goal == "promotion" else 1.0
    if len(goal.x):
        axes.scatter(goal.x * scale, goal.y * y_scale, s=8, alpha=0.5, color="#79706e",
                     label=words["history"])
    if goal.curve is None:
        axes.text(0.5, 0.5, words["no_curve"], ha="center", va="center",
                  transform=axes.transAxes, fontsize=8)
        return
    marks = [goal.plan_x, *(() if goal.scenario_x is None else (goal.scenario_x,))]
    top = max([*goal.x, *marks, float(goal.curve.params["k"])]) * 1.2 or 1.0
    x = np.linspace(0.0, top, 200)
    axes.plot(x * scale, goal.curve.value(x) * y_scale, color=CURVE_COLOUR,
              label=words.get(goal.curve.source, goal.curve.source))
    axes.plot([goal.plan_x * scale], goal.curve.value([goal.plan_x]) * y_scale, "o",
              color=PLAN_COLOUR, markersize=8, label=words["plan"])
    if goal.scenario_x is not None:
        axes.plot([goal.scenario_x * scale], goal.curve.value([goal.scenario_x]) * y_scale,
                  "D", color=SCENARIO_COLOUR, markersize=7, label=words["scenario"])
    axes.xaxis.set_major_formatter("{x:,.0f}")
    axes.legend(fontsize=7, frameon=False, loc="lower right")
