"""What lies behind the bars: lane stripes, the day/week/month grid, weekends.

Drawn straight from the visible rectangle on every paint, so a year of grid
lines costs nothing while off screen and nothing is allocated per line.
"""

from __future__ import annotations

import datetime as dt
import math

from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QPainter, QPen

from ui.calendar import style
from ui.calendar.geometry import TimeScale, month_start, next_month, quarter_start
from ui.calendar.lanes import LaneLayout


def visible_days(rect: QRectF, scale: TimeScale) -> tuple[dt.date, dt.date]:
    first = scale.date_at(max(rect.left(), 0.0))
    last = scale.date_at(max(rect.right(), 0.0))
    return max(first, scale.origin), min(last, scale.end)


def paint_background(painter: QPainter, rect: QRectF, scale: TimeScale,
                     layout: LaneLayout) -> None:
    colours = style.colours()
    thin, strong = QPen(colours.grid, 0), QPen(colours.grid_strong, 0)
    painter.fillRect(rect, colours.lane_even)
    for i, lane in enumerate(layout.lanes):
        if lane.top > rect.bottom():
            break
        if lane.top + lane.height < rect.top():
            continue
        if i % 2:
            painter.fillRect(QRectF(rect.left(), lane.top, rect.width(), lane.height),
                             colours.lane_odd)
    first, last = visible_days(rect, scale)
    ppd = scale.px_per_day
    top, bottom = rect.top(), rect.bottom()
    zoom = scale.zoom
    if zoom.bottom == "day":
        day = first
        while day <= last:
            x = scale.x_of(day)
            if day.weekday() >= 5:
                painter.fillRect(QRectF(x, top, ppd, bottom - top), colours.weekend)
            painter.setPen(strong if day.weekday() == 0 else thin)
            painter.drawLine(QLineF(x, top, x, bottom))
            day += dt.timedelta(days=1)
    else:
        painter.setPen(thin)
        monday = first - dt.timedelta(days=first.weekday())
        while monday <= last:
            x = scale.x_of(monday)
            painter.drawLine(QLineF(x, top, x, bottom))
            monday += dt.timedelta(days=7)
    boundary = month_start(first)
    while boundary <= last:
        x = scale.x_of(boundary)
        quarter = zoom.top == "quarter" and boundary == quarter_start(boundary)
        painter.setPen(QPen(colours.header_subtle, 0) if quarter else strong)
        painter.drawLine(QLineF(x, top, x, bottom))
        boundary = next_month(boundary)
    painter.setPen(strong)
    for lane in layout.lanes:
        y = lane.top + lane.height
        if y > bottom:
            break
        if y >= top:
            painter.drawLine(QLineF(rect.left(), math.floor(y) + 0.5, rect.right(),
                                    math.floor(y) + 0.5))
