"""The Budget tab's matplotlib charts: spend by channel per month (stacked) and
brand vs promotion per month.

matplotlib costs about a second to import, so nothing here imports it until the
tab is first shown (`ensure_canvases`); the app starts without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from planner.domain.money import exponent
from planner.io.fonts import chinese_capable
from planner.services.budget_grid import BudgetGrid
from ui.budget.compute import BudgetResult

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

TOP_CHANNELS = 10  # the rest are stacked as one "Other" band, to keep the legend readable
OTHER_COLOUR = "#bab0ac"
BRAND_COLOUR, PROMOTION_COLOUR = "#4e79a7", "#f28e2b"
SETTLE_MS = 150
BAR_WIDTH = 0.8


class BudgetCharts(QWidget):
    """Two canvases side by side; `show_result` before the canvases exist keeps the
    result and draws it once they do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvases: tuple[FigureCanvasQTAgg, ...] = ()
        self._result: BudgetResult | None = None
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.setMinimumHeight(220)
        # Results arriving in a burst (a run of edits) redraw once, when it ends.
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(SETTLE_MS)
        self._redraw.timeout.connect(self._draw_both)

    def ensure_canvases(self) -> None:
        if self.canvases:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        canvases = []
        for _ in range(2):
            canvas = FigureCanvasQTAgg(Figure(figsize=(5, 3)))
            canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            self._layout.addWidget(canvas)
            canvases.append(canvas)
        self.canvases = tuple(canvases)
        result, self._result = self._result, None
        self.show_result(result)

    def show_result(self, result: BudgetResult | None) -> None:
        """Redraw only when the charted numbers changed (switching the grid's rows
        does not change them), one chart per turn of the event loop, after the grid:
        matplotlib takes about 100 ms per chart, which the GUI thread may spend only once
        at a time."""
        drawn = self._result
        self._result = result
        if not self.canvases or (drawn is not None and _same(result, drawn)):
            return
        self._redraw.start()

    def _draw_both(self) -> None:
        self._draw(0)
        QTimer.singleShot(0, self, lambda: self._draw(1))

    def _draw(self, which: int) -> None:
        result, canvas = self._result, self.canvases[which]
        with chinese_capable():
            canvas.figure.clear()
            if result is not None:
                # Fixed margins: constrained layout would double the time to render.
                # The channel chart keeps room on its right for the legend.
                canvas.figure.subplots_adjust(left=0.14, right=(0.66, 0.98)[which],
                                              bottom=0.24, top=0.9)
                (self._channels, self._brand)[which](canvas.figure.add_subplot(), result)
        canvas.draw_idle()

    def _channels(self, axes: Axes, result: BudgetResult) -> None:
        import numpy as np

        grid = result.by_channel
        spend = np.array(grid.cells, dtype=np.int64).reshape(len(grid.row_keys),
                                                             len(grid.periods))
        order = np.argsort(-spend.sum(axis=1), kind="stable")
        bands = [(grid.row_labels[i], spend[i], result.channel_colours[i])
                 for i in order[:TOP_CHANNELS] if spend[i].any()]
        if len(order) > TOP_CHANNELS and spend[order[TOP_CHANNELS:]].any():
            bands.append((self.tr("Other"), spend[order[TOP_CHANNELS:]].sum(axis=0),
                          OTHER_COLOUR))
        _stacked(axes, grid, result.currency, bands)
        axes.set_title(self.tr("Spend by channel per month ({currency})").format(
            currency=result.currency), fontsize=9)
        if bands:
            axes.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                        frameon=False)

    def _brand(self, axes: Axes, result: BudgetResult) -> None:
        grid = result.brand
        _stacked(axes, grid, result.currency, [
            (self.tr("Brand"), grid.cells[0], BRAND_COLOUR),
            (self.tr("Promotion"), grid.cells[1], PROMOTION_COLOUR)])
        axes.set_title(self.tr("Brand vs promotion per month ({currency})").format(
            currency=result.currency), fontsize=9)
        axes.legend(fontsize=7, loc="upper left", frameon=False)


def _same(a: BudgetResult | None, b: BudgetResult | None) -> bool:
    """Whether both results chart the same numbers."""
    if a is None or b is None:
        return a is b
    return ((a.by_channel, a.brand, a.channel_colours, a.currency)
            == (b.by_channel, b.brand, b.channel_colours, b.currency))


def _stacked(axes: Axes, grid: BudgetGrid, currency: str,
             bands: list[tuple[str, Sequence[int], str]]) -> None:
    """Stacked bars, months along x, money in major units along y.

    One polygon collection per band rather than `Axes.bar`: a bar per month and
    channel is a patch each, and adding 130 patches costs the GUI thread ~100 ms.
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
    axes.set_xticks(x, [p.label for p in grid.periods], rotation=45, ha="right", fontsize=7)
    axes.tick_params(axis="y", labelsize=7)
    axes.yaxis.set_major_formatter("{x:,.0f}")
