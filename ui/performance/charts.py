"""The Performance tab's charts, drawn into a Figure (no Qt here; called on the
render thread, see `ui.charts`): planned vs actual per period, and variance
against plan to date per channel."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from planner.domain.money import exponent
from ui.charts.render import ChartInfo
from ui.formatting import axis_numbers

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ui.performance.compute import PerformanceResult

PLANNED_COLOUR, ACTUAL_COLOUR = "#bab0ac", "#4e79a7"
MOST_BARS = 60  # beyond this (days, weeks) lines draw in a fraction of the time
OVER_COLOUR, UNDER_COLOUR = "#e15759", "#59a14f"


@dataclass(frozen=True)
class PerformanceChart:
    """A result and the translated labels to draw it with."""

    result: PerformanceResult
    words: dict[str, str]
    period_names: dict[str, str] = field(default_factory=dict)  # by key, in the UI's language


def draw_performance(figure: Figure, data: PerformanceChart) -> ChartInfo:
    """Summary: the periods drawn and the money on each chart, in major units."""
    result, words = data.result, data.words
    figure.set_layout_engine("constrained")
    scale = 10.0 ** -exponent(result.currency)
    periods = result.periods[(result.periods["planned_minor"] != 0)
                             | (result.periods["actual_minor"] != 0)]
    axes = figure.add_subplot(1, 2, 1)
    x = np.arange(len(periods))
    planned, actual = periods["planned_minor"] * scale, periods["actual_minor"] * scale
    if len(x) > MOST_BARS:
        axes.plot(x, planned, color=PLANNED_COLOUR, label=words["planned"])
        axes.plot(x, actual, color=ACTUAL_COLOUR, label=words["actual"])
    else:
        axes.bar(x - 0.2, planned, 0.4, color=PLANNED_COLOUR, label=words["planned"])
        axes.bar(x + 0.2, actual, 0.4, color=ACTUAL_COLOUR, label=words["actual"])
    step = max(1, len(x) // 24)
    names = [data.period_names.get(key, name) for key, name in periods["name"].items()]
    axes.set_xticks(x[::step], names[::step], rotation=45, ha="right",
                    fontsize=7)
    axes.set_title(words["per_period"], fontsize=9)
    axes.yaxis.set_major_formatter(axis_numbers())
    axes.tick_params(axis="y", labelsize=7)
    axes.legend(fontsize=7, frameon=False)

    channels = result.channels[result.channels["planned_to_date_minor"]
                               + result.channels["actual_minor"] != 0]
    axes = figure.add_subplot(1, 2, 2)
    variance = channels["variance_minor"].to_numpy() * scale
    y = np.arange(len(channels))
    axes.barh(y, variance, color=[OVER_COLOUR if v > 0 else UNDER_COLOUR for v in variance])
    axes.set_yticks(y, list(channels["name"]), fontsize=7)
    axes.invert_yaxis()
    axes.axvline(0, color=axes.spines["left"].get_edgecolor(), linewidth=0.8)
    axes.set_title(words["variance"], fontsize=9)
    axes.xaxis.set_major_formatter(axis_numbers())
    axes.tick_params(axis="x", labelsize=7)
    return ChartInfo(summary={"periods": len(periods), "planned": float(planned.sum()),
                              "actual": float(actual.sum()),
                              "variance": float(variance.sum())})
