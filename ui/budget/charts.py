"""The Budget tab's charts: spend by channel per month (stacked) and brand vs
promotion per month.

Both are drawn on the render thread (`ui.charts.ChartView`); the drawing
functions here take plain data and a Figure, and import matplotlib only when
called there, so the app starts without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QWidget

from planner.domain.money import exponent
from planner.services.budget_grid import BudgetGrid
from ui.budget.compute import BudgetResult
from ui.charts import ChartInfo, ChartView
from ui.formatting import axis_numbers
from ui.models.vocabulary import period_label

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

TOP_CHANNELS = 10  # the rest are stacked as one "Other" band, to keep the legend readable
OTHER_COLOUR = "#bab0ac"
BRAND_COLOUR, PROMOTION_COLOUR = "#4e79a7", "#f28e2b"
BAR_WIDTH = 0.8


@dataclass(frozen=True)
class Charted:
    """What both charts draw: the result's numbers and the translated words."""

    result: BudgetResult
    words: dict[str, str]


class BudgetCharts(QWidget):
    """Two charts side by side; `show_result` redraws them only when the charted
    numbers changed (switching the grid's rows does not change them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.views = (ChartView(draw_channels), ChartView(draw_brand))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for view in self.views:
            layout.addWidget(view)
        self.setMinimumHeight(220)

    def show_result(self, result: BudgetResult | None) -> None:
        drawn = self.views[0].data
        if drawn is not None and result is not None and _same(result, drawn.result):
            return
        data = None if result is None else Charted(result, self._words(result.currency))
        for view in self.views:
            view.set_data(data)

    def _words(self, currency: str) -> dict[str, str]:
        return {"other": self.tr("Other"), "brand": self.tr("Brand"),
                "promotion": self.tr("Promotion"),
                "by_channel": self.tr("Spend by channel per month ({currency})").format(
                    currency=currency),
                "split": self.tr("Brand vs promotion per month ({currency})").format(
                    currency=currency)}


def _same(a: BudgetResult, b: BudgetResult) -> bool:
    """Whether both results chart the same numbers."""
    return ((a.by_channel, a.brand, a.channel_colours, a.currency)
            == (b.by_channel, b.brand, b.channel_colours, b.currency))


def draw_channels(figure: Figure, data: Charted) -> ChartInfo:
    """The top channels stacked per month, the rest as one "Other" band.

    Summary: the money drawn, in major units."""
    import numpy as np

    result, words = data.result, data.words
    grid = result.by_channel
    spend = np.array(grid.cells, dtype=np.int64).reshape(len(grid.row_keys),
                                                         len(grid.periods))
    order = np.argsort(-spend.sum(axis=1), kind="stable")
    bands = [(grid.row_labels[i], spend[i], result.channel_colours[i])
             for i in order[:TOP_CHANNELS] if spend[i].any()]
    if len(order) > TOP_CHANNELS and spend[order[TOP_CHANNELS:]].any():
        bands.append((words["other"], spend[order[TOP_CHANNELS:]].sum(axis=0), OTHER_COLOUR))
    # Fixed margins: a constrained layout would double the time to render. The right
    # one leaves room for the legend.
    figure.subplots_adjust(left=0.14, right=0.66, bottom=0.24, top=0.9)
    axes = figure.add_subplot()
    total = _stacked(axes, grid, result.currency, bands)
    axes.set_title(words["by_channel"], fontsize=9)
    if bands:
        axes.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    return ChartInfo(summary=total)


def draw_brand(figure: Figure, data: Charted) -> ChartInfo:
    """Planned brand and promotion money stacked per month. Summary: the money drawn."""
    grid, words = data.result.brand, data.words
    figure.subplots_adjust(left=0.14, right=0.98, bottom=0.24, top=0.9)
    axes = figure.add_subplot()
    total = _stacked(axes, grid, data.result.currency, [
        (words["brand"], grid.cells[0], BRAND_COLOUR),
        (words["promotion"], grid.cells[1], PROMOTION_COLOUR)])
    axes.set_title(words["split"], fontsize=9)
    axes.legend(fontsize=7, loc="upper left", frameon=False)
    return ChartInfo(summary=total)


def _stacked(axes: Axes, grid: BudgetGrid, currency: str,
             bands: list[tuple[str, Sequence[int], str]]) -> float:
    """Stacked bars, months along x, money in major units along y; returns the
    money stacked (the tops of the last band, summed).

    One polygon collection per band rather than `Axes.bar`: a bar per month and
    channel is a patch each, and 130 patches take ~100 ms to add.
    """
    import numpy as np
    from matplotlib.collections import PolyCollection

    x = np.arange(len(grid.periods), dtype=float)
    scale = 10.0 ** -exponent(currency)
    left, right = x - BAR_WIDTH / 2, x + BAR_WIDTH / 2
    bottom = np.zeros(len(x))
    for label, values, colour in bands:
        top = bottom + np.asarray(values, dtype=float) * scale
        corners = np.stack([np.column_stack(pair) for pair in
                            ((left, bottom), (left, top), (right, top), (right, bottom))], axis=1)
        axes.add_collection(PolyCollection(corners, facecolors=colour, edgecolors="none",
                                           label=label))
        bottom = top
    axes.set_xlim(-0.6, len(x) - 0.4)
    axes.set_ylim(0, max(float(bottom.max(initial=0.0)), 1.0) * 1.05)
    axes.set_xticks(x, [period_label(p) for p in grid.periods], rotation=45, ha="right", fontsize=7)
    axes.tick_params(axis="y", labelsize=7)
    axes.yaxis.set_major_formatter(axis_numbers())
    return float(bottom.sum())
