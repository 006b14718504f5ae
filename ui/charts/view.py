"""A chart drawn off the GUI thread and shown as an image.

Drawing a matplotlib figure takes 100–500 ms, longer than the GUI thread may be
held, so `ChartView` keeps no matplotlib objects: it hands a pure drawing
function and plain data to a pool thread (`render`), and paints the image that
comes back. Until then it keeps painting the last image, stretched to the
current size. Requests are debounced, and a render overtaken by newer data or a
new size is dropped when it arrives (each request has a generation number).

All charts share one render thread: matplotlib's style settings (rcParams) are
process-wide, so two renders at once could see each other's fonts.
"""

from __future__ import annotations

import logging
import math
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QWidget

from ui.charts.render import Draw, DrawnAxes, Rendered, render
from ui.theme import PALETTE_EVENTS, colours
from ui.workers.runner import Worker, WorkerPool

DEBOUNCE_MS = 100
PICK_RADIUS = 6.0  # logical pixels around a point that still count as a click on it

_log = logging.getLogger(__name__)
_pool: WorkerPool | None = None


def render_pool() -> WorkerPool:
    """The one render thread, owned by the application so it outlives any tab, and
    drained when the application quits, before Python tears the workers down."""
    global _pool
    if _pool is None:
        app = QCoreApplication.instance()
        _pool = WorkerPool(app, max_threads=1)
        app.aboutToQuit.connect(_pool.shutdown)
    return _pool


class ChartView(QWidget):
    """Shows `draw(figure, data)` at the widget's size.

    `rendered()` after a new image is shown; `failed(message)` when drawing raised;
    `point_clicked(index)` when a click lands within `PICK_RADIUS` of a pickable
    point the drawing returned (`ChartInfo.points`).
    """

    rendered = Signal()
    failed = Signal(str)
    point_clicked = Signal(int)

    def __init__(self, draw: Draw, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._draw = draw
        self._data: Any = None
        self._generation = 0
        self._worker: Worker | None = None
        self._dirty = False
        self.last: Rendered | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._start)
        self.setMinimumHeight(200)

    # -- API ------------------------------------------------------------------------------
    def set_data(self, data: Any) -> None:
        """Draw `data` (None: an empty chart, at once)."""
        self._data = data
        self._generation += 1
        self._cancel()  # its image would be stale; the last one stays until the new one
        if data is None:
            self._debounce.stop()
            self._dirty = False
            self.last = None
            self.update()
            return
        self._schedule()

    @property
    def data(self) -> Any:
        return self._data

    @property
    def summary(self) -> Any:
        """What the drawing function reported for the image shown (None: no image)."""
        return self.last.summary if self.last else None

    @property
    def axes(self) -> tuple[DrawnAxes, ...]:
        """Titles and legends of the image shown."""
        return self.last.axes if self.last else ()

    @property
    def image(self) -> QImage | None:
        return self.last.image if self.last else None

    @property
    def up_to_date(self) -> bool:
        """Whether the image shown is of the latest data."""
        return self.last is not None and self.last.generation == self._generation

    @property
    def idle(self) -> bool:
        """Nothing is due or rendering (a hidden view waits to be shown)."""
        return self._worker is None and not self._debounce.isActive()

    def point_at(self, x: float, y: float) -> int | None:
        """The nearest pickable point within `PICK_RADIUS` of (x, y), in widget pixels."""
        if self.last is None or not self.last.points:
            return None
        # The image is stretched to the widget until the re-render at the new size lands.
        sx = self.last.size[0] / max(self.width(), 1)
        sy = self.last.size[1] / max(self.height(), 1)
        x, y = x * sx, y * sy
        distance, index = min((math.hypot(px - x, py - y), i)
                              for i, (px, py) in enumerate(self.last.points))
        return index if distance <= PICK_RADIUS else None

    # -- rendering --------------------------------------------------------------------------
    def _schedule(self) -> None:
        """Debounced; a hidden view renders when shown."""
        if self._data is None:
            return
        self._dirty = True
        if self.isVisible() and self.width() > 0 and self.height() > 0:
            self._debounce.start()

    def _start(self) -> None:
        if not self._dirty or not self.isVisible():
            return
        self._dirty = False
        self._cancel()
        size = (self.width(), self.height())
        worker = Worker(render, self._generation, self._draw, self._data, size,
                        self.devicePixelRatioF(), colours().chart)
        worker.signals.finished.connect(self._finished)
        worker.signals.failed.connect(self._failed)
        self._worker = worker
        render_pool().start(worker)

    def _cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self._worker = None

    def _current(self) -> bool:
        """Whether the reporting worker is the one this view waits for (a cancelled
        one may still finish: cancelling is cooperative)."""
        return self._worker is not None and self.sender() is self._worker.signals

    def _finished(self, result: Rendered) -> None:
        if not self._current():
            return
        self._worker = None
        if result.generation != self._generation:
            return  # new data came; its render is due
        if result.size != (self.width(), self.height()):
            self._schedule()  # resized while rendering; show this image meanwhile
        self.last = result
        self.update()
        self.rendered.emit()

    def _failed(self, message: str) -> None:
        if not self._current():
            return
        self._worker = None
        _log.warning("chart drawing failed: %s", message)
        self.failed.emit(message)

    # -- Qt events ----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self._schedule()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in PALETTE_EVENTS and self._data is not None:
            self._generation += 1  # light or dark: drawn again; a render under way is stale
            self._cancel()
            self._schedule()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._dirty or (self.last is not None
                           and self.last.size != (self.width(), self.height())):
            self._schedule()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        if self.last is not None:
            painter.drawImage(self.rect(), self.last.image)
        painter.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        where: QPointF = event.position()
        index = self.point_at(where.x(), where.y())
        if index is not None:
            self.point_clicked.emit(index)


def all_idle(widget: QWidget) -> bool:
    """Whether every chart inside `widget` has drawn what it was given (a screenshot or
    a benchmark waits for this; a hidden chart counts as idle)."""
    return all(view.idle for view in widget.findChildren(ChartView))
