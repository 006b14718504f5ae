"""matplotlib canvases for the tab: current vs optimised spend, and the frontier.

matplotlib costs about a second to import, so a canvas is made only when the tab is
first shown (`ensure`). Drawing 50 channels' bars takes ~200 ms of the GUI
thread, so data sent to a hidden chart is kept and drawn when it is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from planner.domain.money import exponent
from planner.io.fonts import chinese_capable
from ui.optimise.figures import RunFigures

if TYPE_CHECKING:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

CURRENT_COLOUR, OPTIMISED_COLOUR = "#bab0ac", "#4e79a7"


class LazyCanvas(QWidget):
    """One matplotlib canvas, made on `ensure()`; subclasses draw in `_draw`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas: FigureCanvasQTAgg | None = None
        self._pending: tuple[Any, ...] | None = None
        self._dirty = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.setMinimumHeight(220)

    def ensure(self) -> None:
        if self.canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.canvas = FigureCanvasQTAgg(Figure(figsize=(5, 3), layout="constrained"))
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._layout.addWidget(self.canvas)
        self._connect(self.canvas)
        self._redraw()

    def show_data(self, *data: Any) -> None:
        self._pending, self._dirty = data, True
        self._redraw()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._redraw()

    def _redraw(self) -> None:
        if self.canvas is None or not self._dirty or not self.isVisible():
            return
        self._dirty = False
        data = self._pending or (None,)
        figure = self.canvas.figure
        figure.clear()
        with chinese_capable():
            self._draw(figure.add_subplot(), *data)
            self.canvas.draw_idle()

    def _connect(self, canvas: FigureCanvasQTAgg) -> None:
        """Hook for canvas events."""

    def _draw(self, axes: Any, *data: Any) -> None:
        raise NotImplementedError


class SpendBars(LazyCanvas):
    """Current plan and optimised spend per channel, side by side."""

    def _draw(self, axes: Any, figures: RunFigures | None,
              labels: tuple[str, str] = ("", "")) -> None:
        if figures is None:
            axes.set_axis_off()
            return
        unit = 1000 * 10 ** exponent(figures.currency)
        y = np.arange(len(figures.channel_names))
        axes.barh(y - 0.2, figures.current_spend / unit, 0.4, label=labels[0],
                  color=CURRENT_COLOUR)
        axes.barh(y + 0.2, figures.spend / unit, 0.4, label=labels[1], color=OPTIMISED_COLOUR)
        axes.set_yticks(y, figures.channel_names, fontsize=8)
        axes.invert_yaxis()
        axes.set_xlabel(f"k {figures.currency}")
        axes.legend(fontsize=8)


class FrontierChart(LazyCanvas):
    """Promotion revenue against brand response; `picked(point index)` on a click
    near a frontier point (the points are in the order they were given)."""

    picked = Signal(int)

    def _connect(self, canvas: FigureCanvasQTAgg) -> None:
        canvas.mpl_connect("pick_event", self._on_pick)

    def _on_pick(self, event: Any) -> None:
        if getattr(event.artist, "get_gid", lambda: None)() == "frontier" and len(event.ind):
            self.picked.emit(int(event.ind[0]))

    def _draw(self, axes: Any, points: list[tuple[float, float]] | None,
              current: tuple[float, float] | None = None, chosen: int | None = None,
              labels: tuple[str, str, str, str] = ("", "", "", "")) -> None:
        if not points:
            axes.set_axis_off()
            return
        x, y = np.array(points, dtype=float).T
        axes.plot(x, y, "-", color=OPTIMISED_COLOUR, zorder=1)
        axes.plot(x, y, "o", color=OPTIMISED_COLOUR, picker=True, pickradius=6, gid="frontier",
                  label=labels[0], zorder=2)
        if current is not None:
            axes.plot(*current, "D", color="#e15759", label=labels[1], zorder=3)
        if chosen is not None:
            axes.plot(x[chosen], y[chosen], "o", ms=12, mfc="none", mec="#f28e2b", mew=2,
                      zorder=4)
        axes.set_xlabel(labels[2])
        axes.set_ylabel(labels[3])
        axes.legend(fontsize=8)
        axes.grid(alpha=0.3)

    def pixel_of(self, x: float, y: float) -> tuple[float, float]:
        """Where data point (x, y) is on the canvas, in Qt widget coordinates (tests
        click there)."""
        assert self.canvas is not None
        axes = self.canvas.figure.axes[0]
        px, py = axes.transData.transform((x, y))
        ratio = self.canvas.device_pixel_ratio
        return px / ratio, self.canvas.height() - py / ratio
