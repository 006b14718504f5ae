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

_THIN = QPen(style.GRID, 0)
_STRONG = QPen(style.GRID_STRONG, 0)
_QUARTER = QPen(style.HEADER_SUBTLE, 0)


def visible_days(rect: QRectF, scale: TimeScale) -> tuple[dt.date, dt.date]:
    first = scale.date_at(max(rect.left(), 0.0))
    last = scale.date_at(max(rect.right(), 0.0))
    return max(first, scale.origin), min(last, scale.end)


def paint_background(painter: QPainter, rect: QRectF, scale: TimeScale,
                     layout: LaneLayout) -> None:
    painter.fillRect(rect, style.LANE_EVEN)
    for i, lane in enumerate(layout.lanes):
        if lane.top > rect.bottom():
            break
        if lane.top + lane.height < rect.top():
            continue
        if i % 2:
            painter.fillRect(QRectF(rect.left(), lane.top, rect.width(), lane.height),
                             style.LANE_ODD)
    first, last = visible_days(rect, scale)
    ppd = scale.px_per_day
    top, bottom = rect.top(), rect.bottom()
    zoom = scale.zoom
    if zoom.bottom == "day":
        day = first
        while day <= last:
            x = scale.x_of(day)
            if day.weekday() >= 5:
                painter.fillRect(QRectF(x, top, ppd, bottom - top), style.WEEKEND)
            painter.setPen(_STRONG if day.weekday() == 0 else _THIN)
            painter.drawLine(QLineF(x, top, x, bottom))
            day += dt.timedelta(days=1)
    else:
        painter.setPen(_THIN)
        monday = first - dt.timedelta(days=first.weekday())
        while monday <= last:
            x = scale.x_of(monday)
            painter.drawLine(QLineF(x, top, x, bottom))
            monday += dt.timedelta(days=7)
    boundary = month_start(first)
    while boundary <= last:
        x = scale.x_of(boundary)
        quarter = zoom.top == "quarter" and boundary == quarter_start(boundary)
        painter.setPen(_QUARTER if quarter else _STRONG)
        painter.drawLine(QLineF(x, top, x, bottom))
        boundary = next_month(boundary)
    painter.setPen(_STRONG)
    for lane in layout.lanes:
        y = lane.top + lane.height
        if y > bottom:
            break
        if y >= top:
            painter.drawLine(QLineF(rect.left(), math.floor(y) + 0.5, rect.right(),
                                    math.floor(y) + 0.5))
