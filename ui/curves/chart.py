"""Draw one channel's curves: history points, the curve, the band its draws span,
and where the plan and the latest optimised scenario sit on it (no Qt here; called
with a Figure on the render thread, see `ui.charts`).

The band is the 5th–95th percentile, at each spend, of the curves re-fitted on
resampled history (the draws a fit stores; see `planner.services.fitting`): how
far the data let the curve move. It is computed here, with the drawing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from planner.domain.money import exponent
from planner.services.curve_edits import ChannelView, CurveRecord, GoalView
from solver.curves import Curve
from ui.charts import ChartInfo
from ui.formatting import axis_numbers

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

PLAN_COLOUR, SCENARIO_COLOUR, CURVE_COLOUR = "#e15759", "#59a14f", "#4e79a7"
BAND = (5.0, 95.0)  # percentiles of the draws the band spans


@dataclass(frozen=True)
class ChannelChart:
    """One channel's curves and the translated labels to draw them with
    (``words["band"]`` holds ``{n}``, the number of draws); `band` shows the draws."""

    view: ChannelView
    words: dict[str, str]
    band: bool = True


def draw_channel(figure: Figure, data: ChannelChart) -> ChartInfo:
    """Promotion and brand side by side.

    Summary: per goal, how many draws its band spans (0: no band drawn)."""
    view, words = data.view, data.words
    figure.set_layout_engine("constrained")
    scale = 10.0 ** -exponent(view.currency)
    bands = {goal.goal: _goal(figure.add_subplot(1, len(view.goals), column + 1), goal, scale,
                              words, data.band)
             for column, goal in enumerate(view.goals)}
    return ChartInfo(summary={"bands": bands})


def draw_curves(record: CurveRecord) -> list[Curve]:
    """The curves a fit stored as its draws (none for a hand-set or generator curve)."""
    found = record.quality.get("draws") or {}
    return [Curve(record.family, float(a), float(k), float(s))
            for a, k, s in zip(found.get("a", ()), found.get("k", ()), found.get("s", ()),
                               strict=True)]


def band(record: CurveRecord, x: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """(low, high) of the draws at each x: the 5th and 95th percentiles."""
    curves = draw_curves(record)
    if not curves:
        return None
    values = np.array([curve.value(x) for curve in curves])
    low, high = np.percentile(values, BAND, axis=0)
    return low, high


def _goal(axes: Axes, goal: GoalView, scale: float, words: dict[str, str],
          with_band: bool) -> int:
    """Draws the goal's panel; returns how many draws its band spans."""
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
        return 0
    marks = [goal.plan_x, *(() if goal.scenario_x is None else (goal.scenario_x,))]
    top = max([*goal.x, *marks, float(goal.curve.params["k"])]) * 1.2 or 1.0
    x = np.linspace(0.0, top, 200)
    spread = band(goal.curve, x) if with_band else None
    if spread is not None:
        axes.fill_between(x * scale, spread[0] * y_scale, spread[1] * y_scale,
                          color=CURVE_COLOUR, alpha=0.18, linewidth=0,
                          label=words["band"].format(n=len(draw_curves(goal.curve))))
    axes.plot(x * scale, goal.curve.value(x) * y_scale, color=CURVE_COLOUR,
              label=words.get(goal.curve.source, goal.curve.source))
    axes.plot([goal.plan_x * scale], goal.curve.value([goal.plan_x]) * y_scale, "o",
              color=PLAN_COLOUR, markersize=8, label=words["plan"])
    if goal.scenario_x is not None:
        axes.plot([goal.scenario_x * scale], goal.curve.value([goal.scenario_x]) * y_scale,
                  "D", color=SCENARIO_COLOUR, markersize=7, label=words["scenario"])
    axes.xaxis.set_major_formatter(axis_numbers())
    axes.legend(fontsize=7, frameon=False, loc="lower right")
    return 0 if spread is None else len(draw_curves(goal.curve))
