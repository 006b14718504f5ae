"""The price-of-robustness chart, drawn into a Figure on the render thread (no Qt
here; see `ui.charts`): for the chosen allocation and the mean-optimal one, each
draw's outcome as a faint dot, the range from the worst draw to the mean, and
marks at the worst, the 5th percentile and the mean."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ui.charts import ChartInfo
from ui.formatting import axis_numbers
from ui.optimise.charts import CURRENT_COLOUR, OPTIMISED_COLOUR

if TYPE_CHECKING:
    from matplotlib.figure import Figure

WORST_COLOUR, P5_COLOUR = "#e15759", "#f28e2b"


@dataclass(frozen=True)
class PriceChart:
    """Per allocation (chosen first): its label and each draw's outcome in the
    currency's thousands; translated words ("x", "mean", "p5", "worst", "draws")."""

    rows: tuple[tuple[str, tuple[float, ...]], ...]
    words: dict[str, str]


def draw_price(figure: Figure, data: PriceChart) -> ChartInfo:
    """Summary: per allocation label, (mean, 5th percentile, worst) as drawn."""
    words = data.words
    figure.set_layout_engine("constrained")
    axes = figure.add_subplot()
    summary = {}
    for y, (label, values) in enumerate(data.rows):
        outcomes = np.asarray(values, dtype=float)
        mean, p5, worst = outcomes.mean(), np.percentile(outcomes, 5), outcomes.min()
        summary[label] = (float(mean), float(p5), float(worst))
        first = y == 0
        axes.scatter(outcomes, np.full(len(outcomes), y), s=10, alpha=0.3, color=CURRENT_COLOUR,
                     label=words["draws"] if first else None, zorder=1)
        axes.plot([worst, mean], [y, y], color=OPTIMISED_COLOUR, linewidth=3, alpha=0.6,
                  zorder=2)
        axes.plot([mean], [y], "o", color=OPTIMISED_COLOUR, markersize=9,
                  label=words["mean"] if first else None, zorder=3)
        axes.plot([p5], [y], "|", color=P5_COLOUR, markersize=18, markeredgewidth=3,
                  label=words["p5"] if first else None, zorder=3)
        axes.plot([worst], [y], "X", color=WORST_COLOUR, markersize=9,
                  label=words["worst"] if first else None, zorder=3)
    axes.set_yticks(range(len(data.rows)), [label for label, _ in data.rows], fontsize=8)
    axes.set_ylim(len(data.rows) - 0.5, -0.5)
    axes.set_xlabel(words["x"])
    axes.xaxis.set_major_formatter(axis_numbers())
    axes.grid(axis="x", alpha=0.3)
    axes.legend(fontsize=7, loc="lower left")
    return ChartInfo(summary=summary)
