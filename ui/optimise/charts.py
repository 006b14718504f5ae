"""The tab's two charts, drawn into a Figure on the render thread (no Qt here; see
`ui.charts`): current vs optimised spend per channel, and the brand/promotion
frontier with the current plan beside it.

Drawing 50 channels' bars takes ~250 ms (mostly their names and the layout) and
the frontier ~70 ms, too long for the GUI thread; here they cost it nothing but
handing over the data.
matplotlib is imported by the render thread, so the app starts without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from planner.domain.money import exponent
from ui.charts import ChartInfo
from ui.formatting import axis_numbers
from ui.optimise.figures import RunFigures

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

CURRENT_COLOUR, OPTIMISED_COLOUR = "#bab0ac", "#4e79a7"
PLAN_COLOUR, CHOSEN_COLOUR = "#e15759", "#f28e2b"


@dataclass(frozen=True)
class SpendChart:
    """A run's figures and the translated words ("current", "optimised")."""

    figures: RunFigures
    words: dict[str, str]


@dataclass(frozen=True)
class FrontierChart:
    """Frontier points (brand response, promotion revenue), brand ascending; the
    current plan's own point; the chosen point's index, if any; translated words
    ("frontier", "current", "x", "y")."""

    points: Sequence[tuple[float, float]]
    current: tuple[float, float]
    chosen: int | None
    words: dict[str, str]


def draw_spend(figure: Figure, data: SpendChart) -> ChartInfo:
    """Current and optimised spend per channel, side by side, in thousands.

    Summary: the channels drawn and each series' total, in thousands."""
    figures, words = data.figures, data.words
    figure.set_layout_engine("constrained")  # fits channel names of any length
    axes = figure.add_subplot()
    unit = 1000 * 10 ** exponent(figures.currency)
    current, optimised = figures.current_spend / unit, figures.spend / unit
    y = np.arange(len(figures.channel_names))
    _bars(axes, y - 0.4, current, words["current"], CURRENT_COLOUR)
    _bars(axes, y, optimised, words["optimised"], OPTIMISED_COLOUR)
    axes.set_xlim(0, max(float(current.max(initial=0.0)), float(optimised.max(initial=0.0)),
                         1.0) * 1.05)
    axes.set_ylim(len(y) - 0.5, -0.5)  # the first channel on top
    axes.set_yticks(y, figures.channel_names, fontsize=8 if len(y) <= 20 else 6)
    axes.set_xlabel(f"k {figures.currency}")
    axes.xaxis.set_major_formatter(axis_numbers())
    axes.legend(fontsize=8)
    return ChartInfo(summary={"channels": len(y), "current": float(current.sum()),
                              "optimised": float(optimised.sum())})


def _bars(axes: Axes, top: np.ndarray, widths: np.ndarray, label: str, colour: str) -> None:
    """Horizontal bars 0.4 high from `top` down, as one polygon collection: a bar
    each is a patch each, and for 50 channels' 100 bars that doubles the time to
    add and draw them (~60 ms against ~35 ms)."""
    from matplotlib.collections import PolyCollection

    bottom, zero = top + 0.4, np.zeros(len(top))
    corners = np.stack([np.column_stack(pair) for pair in
                        ((zero, top), (widths, top), (widths, bottom), (zero, bottom))], axis=1)
    axes.add_collection(PolyCollection(corners, facecolors=colour, edgecolors="none",
                                       label=label))


def draw_frontier(figure: Figure, data: FrontierChart) -> ChartInfo:
    """The frontier as a line through its points, the current plan as a separate
    diamond, a ring round the chosen point. Only the frontier points are pickable,
    so a clicked index is a frontier point's.

    Summary: the points drawn, the current plan's point and the chosen index."""
    words = data.words
    figure.set_layout_engine("constrained")
    axes = figure.add_subplot()
    x, y = np.array(data.points, dtype=float).reshape(-1, 2).T
    axes.plot(x, y, "-o", color=OPTIMISED_COLOUR, label=words["frontier"], zorder=2)
    axes.plot(*data.current, "D", color=PLAN_COLOUR, label=words["current"], zorder=3)
    if data.chosen is not None:
        axes.plot(x[data.chosen], y[data.chosen], "o", ms=12, mfc="none", mec=CHOSEN_COLOUR,
                  mew=2, zorder=4)
    axes.set_xlabel(words["x"])
    axes.set_ylabel(words["y"])
    axes.legend(fontsize=8)
    axes.grid(alpha=0.3)
    return ChartInfo(summary={"points": len(x), "current": data.current,
                              "chosen": data.chosen},
                     points=[(axes, x, y)])
