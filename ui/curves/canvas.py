"""A matplotlib canvas made the first time it is needed.

matplotlib costs about a second to import, so a tab holds this placeholder and
calls `ensure()` when first shown; `draw(fn)` before that keeps the latest
drawing and runs it once the canvas exists. Shared by the Curves and Performance
tabs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from planner.io.fonts import chinese_capable

if TYPE_CHECKING:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

Drawing = Callable[["Figure"], None]


class LazyCanvas(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas: FigureCanvasQTAgg | None = None
        self._drawing: Drawing | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.setMinimumHeight(200)

    def ensure(self) -> None:
        if self.canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.canvas = FigureCanvasQTAgg(Figure(figsize=(5, 3), layout="constrained"))
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._layout.addWidget(self.canvas)
        if self._drawing is not None:
            self._draw()

    def draw(self, drawing: Drawing) -> None:
        """Clear the figure and let `drawing(figure)` fill it (now or once made)."""
        self._drawing = drawing
        if self.canvas is not None:
            self._draw()

    def _draw(self) -> None:
        figure = self.canvas.figure
        with chinese_capable():
            figure.clear()
            self._drawing(figure)
            self.canvas.draw_idle()
