"""Render one matplotlib drawing to an image, on a pool thread.

A `Figure` drawn through `FigureCanvasAgg` belongs to no GUI and is safe off the
main thread as long as one thread uses it, which holds here: each render makes
its own figure and drops it. pyplot is never used (its figure registry is
global). matplotlib is imported inside `render`, so the app starts without it.

Python's cycle collector stops every thread while it runs, and the many short-lived
objects of a figure would trigger full collections of the whole app's heap
(60–160 ms measured) from the render thread. So automatic collection is paused
while a figure is alive, and its objects, all still in the youngest generation,
are collected on their own once it is dropped (a few ms).

Pickable points are located after the figure is drawn, because a constrained
layout moves the axes during the draw; they go back as widget pixels with the
origin top left, the way Qt counts.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QImage

from planner.io.fonts import chinese_capable
from ui.theme import LIGHT, ChartColours
from ui.workers.runner import Worker

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

DPI = 100.0  # figure inches per logical pixel; fonts keep their size on any screen


@dataclass(frozen=True)
class ChartInfo:
    """What a drawing function hands back besides the pixels.

    `summary` is plain data the caller wants to read back (the totals drawn, say);
    `points` are the pickable points, per axes, in data coordinates; their order,
    group after group, is the index `ChartView.point_clicked` reports.
    """

    summary: Any = None
    points: Sequence[tuple[Axes, Sequence[float], Sequence[float]]] = ()


Draw = Callable[["Figure", Any], "ChartInfo | None"]


@dataclass(frozen=True)
class DrawnAxes:
    """One axes as drawn: its title and the labels in its legend."""

    title: str
    legend: tuple[str, ...]


@dataclass(frozen=True)
class Rendered:
    """A finished render: the image (already at device pixels), what was drawn, and
    where the pickable points landed, in logical pixels from the top left."""

    generation: int
    image: QImage
    size: tuple[int, int]
    summary: Any
    axes: tuple[DrawnAxes, ...]
    points: tuple[tuple[float, float], ...]


def render(worker: Worker, generation: int, draw: Draw, data: Any,
           size: tuple[int, int], ratio: float, colours: ChartColours = LIGHT.chart) -> Rendered:
    """On a pool thread: `draw(figure, data)` at `size` logical pixels × `ratio`, in the
    light or dark `colours` the widget's palette asked for."""
    worker.check_cancelled()  # a newer request came while this one queued
    collecting = gc.isenabled()
    gc.disable()
    try:
        image, summary, axes, points = _draw(worker, draw, data, size, ratio, colours)
    finally:
        gc.collect(0)  # the figure, now unreachable
        if collecting:
            gc.enable()
    return Rendered(generation, image, size, summary, axes, points)


def _draw(worker: Worker, draw: Draw, data: Any, size: tuple[int, int], ratio: float,
          colours: ChartColours) -> tuple[QImage, Any, tuple[DrawnAxes, ...],
                                          tuple[tuple[float, float], ...]]:
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    width, height = size
    with chinese_capable(), matplotlib.rc_context(colours.rc()):
        figure = Figure(figsize=(width / DPI, height / DPI), dpi=DPI * ratio)
        canvas = FigureCanvasAgg(figure)
        info = draw(figure, data) or ChartInfo()
        worker.check_cancelled()
        canvas.draw()
    pixels_w, pixels_h = canvas.get_width_height(physical=True)
    image = QImage(bytes(canvas.buffer_rgba()), pixels_w, pixels_h,
                   QImage.Format.Format_RGBA8888).copy()  # own the pixels
    image.setDevicePixelRatio(ratio)
    return image, info.summary, _drawn_axes(figure), _located(info, pixels_h, ratio)


def _drawn_axes(figure: Figure) -> tuple[DrawnAxes, ...]:
    return tuple(DrawnAxes(axes.get_title(), tuple(
        text.get_text() for text in legend.get_texts()) if (legend := axes.get_legend())
        else ()) for axes in figure.axes)


def _located(info: ChartInfo, pixels_h: int, ratio: float) -> tuple[tuple[float, float], ...]:
    """Display pixels (origin bottom left, device pixels) to widget pixels."""
    import numpy as np

    located: list[tuple[float, float]] = []
    for axes, xs, ys in info.points:
        if not len(xs):
            continue
        points = axes.transData.transform(np.column_stack([xs, ys]).astype(float))
        located += [(float(x) / ratio, float(pixels_h - y) / ratio) for x, y in points]
    return tuple(located)
