"""The two headers that stay put while the calendar scrolls under them.

`TimeHeader` sits above the viewport (months or quarters over days or ISO weeks,
then a strip naming festivals) and follows only horizontal scrolling;
`LaneHeader` sits left of it (lane names, campaign fold toggles) and follows only
vertical scrolling. Both are plain widgets painted from the scene's scale and
layout, so they never scroll out of sight.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QLocale, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from ui.calendar import style
from ui.calendar.geometry import (
    DAY,
    monday_on_or_before,
    month_start,
    next_month,
    next_quarter,
    quarter_start,
)
from ui.calendar.lanes import Lane
from ui.calendar.scene import CalendarScene
from ui.formatting import format_money

TOGGLE_WIDTH = 18
ALIGN_LEFT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
ALIGN_CENTRE = Qt.AlignmentFlag.AlignCenter


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class TimeHeader(QWidget):
    """Spans the view's full width; its left `corner` px lie above the lane header."""

    def __init__(self, scene: CalendarScene, offset: Callable[[], QPointF], corner: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scene = scene
        self._offset = offset  # scene (0, 0) in viewport coordinates
        self._corner = corner
        self.corner_title = ""
        self.show_events = True
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(self.font().pointSizeF() - 1.0, 7.0))
        self._small_metrics = QFontMetricsF(self._small)
        self._metrics = {False: self._small_metrics, True: QFontMetricsF(self._bold)}
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def preferred_height(self) -> int:
        return 2 * style.HEADER_ROW + (style.EVENT_STRIP if self.show_events else 0)

    def _x(self, day: dt.date) -> float:
        return self._corner + self._offset().x() + self._scene.scale.x_of(day)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), style.colours().header_bg)
        scale = self._scene.scale
        if self._scene.layout is not None:
            painter.setClipRect(QRectF(self._corner, 0, self.width() - self._corner,
                                       self.height()))
            left = scale.date_at(max(-self._offset().x(), 0.0))
            right = scale.date_at(max(self.width() - self._corner - self._offset().x(), 0.0))
            first, last = max(left, scale.origin), min(right, scale.end)
            self._paint_top(painter, first, last)
            self._paint_bottom(painter, first, last)
            if self.show_events:
                self._paint_events(painter, first, last)
            self._paint_today(painter)
            painter.setClipping(False)
        painter.setPen(QPen(style.colours().grid_strong, 1))
        painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        painter.drawLine(self._corner - 1, 0, self._corner - 1, self.height())
        painter.setPen(style.colours().header_subtle)
        painter.setFont(self._bold)
        painter.drawText(QRectF(10, 0, self._corner - 14, 2 * style.HEADER_ROW), ALIGN_LEFT,
                         self.corner_title)
        painter.end()

    def _cell(self, painter: QPainter, start: dt.date, end: dt.date, row: int, text: str,
              font: QFont, sticky: bool) -> None:
        """One unit of a header row from `start` to the day before `end`; sticky text
        stays readable at the left edge while the unit's start is scrolled away."""
        x0, x1 = self._x(start), self._x(end)
        y = row * style.HEADER_ROW
        colours = style.colours()
        painter.setPen(QPen(colours.grid_strong if row == 0 else colours.grid, 1))
        painter.drawLine(QPointF(x0, y), QPointF(x0, y + style.HEADER_ROW))
        cut = x0 < self._corner  # the unit's start is scrolled away: its text sticks
        left = max(x0, float(self._corner))
        pad = 4.0 if x1 - x0 > 40 else 1.0
        room = x1 - left - 2 * pad
        if room < 8:
            return
        painter.setFont(font)
        painter.setPen(colours.header_text if row == 0 else colours.header_subtle)
        metrics = self._metrics[font.bold()]
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        flags = ALIGN_LEFT if sticky or cut or metrics.horizontalAdvance(text) > room \
            else ALIGN_CENTRE
        painter.drawText(QRectF(left + pad, y, room, style.HEADER_ROW), flags, shown)

    def _paint_top(self, painter: QPainter, first: dt.date, last: dt.date) -> None:
        locale = QLocale()
        quarters = self._scene.scale.zoom.top == "quarter"
        start = quarter_start(first) if quarters else month_start(first)
        while start <= last:
            end = next_quarter(start) if quarters else next_month(start)
            if quarters:
                text = self.tr("Q%1 %2").replace("%1", str((start.month - 1) // 3 + 1)) \
                    .replace("%2", str(start.year))
            else:
                text = locale.toString(_qdate(start), self.tr("MMMM yyyy", "date format"))
            self._cell(painter, start, end, 0, text, self._bold, sticky=True)
            start = end
        painter.setPen(QPen(style.colours().grid, 1))
        painter.drawLine(self._corner, style.HEADER_ROW, self.width(), style.HEADER_ROW)

    def _paint_bottom(self, painter: QPainter, first: dt.date, last: dt.date) -> None:
        scale = self._scene.scale
        locale = QLocale()
        if scale.zoom.bottom == "day":
            day = first
            weekday = scale.px_per_day >= 60
            while day <= last:
                text = str(day.day)
                if weekday:
                    text = f"{locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)} " \
                           f"{day.day}"
                self._cell(painter, day, day + DAY, 1, text, self._small, sticky=False)
                day += DAY
            return
        monday = monday_on_or_before(first)
        wide = scale.px_per_day * 7 >= 150
        while monday <= last:
            week = monday.isocalendar()[1]
            if wide:
                text = self.tr("Week %1 · %2").replace("%1", str(week)).replace(
                    "%2", locale.toString(_qdate(monday), self.tr("d MMM", "date format")))
            elif scale.px_per_day * 7 >= 40:
                text = self.tr("W%1").replace("%1", str(week))
            else:
                text = str(week)
            self._cell(painter, monday, monday + 7 * DAY, 1, text, self._small, sticky=False)
            monday += 7 * DAY

    def _paint_events(self, painter: QPainter, first: dt.date, last: dt.date) -> None:
        y = 2 * style.HEADER_ROW + 2
        height = style.EVENT_STRIP - 4
        painter.setFont(self._small)
        chips = style.colours().band_chips
        shown = [e for e in self._scene.visible_events() if e.end >= first and e.start <= last]
        starts = [self._x(e.start) for e in shown]
        for i, event in enumerate(shown):
            x0, x1 = starts[i], self._x(event.end + DAY)
            chip = QRectF(x0 + 0.5, y, max(x1 - x0 - 1.0, 2.0), height)
            painter.fillRect(chip, chips.get(event.kind, chips["festival"]))
            # Overlapping chips: a name stops where the next chip begins.
            end = min([x1, *(s for s in starts[i + 1:] if s > x0)])
            left = max(x0, float(self._corner)) + 3
            room = end - left - 4
            if room > 14:
                painter.setPen(QColor("#ffffff"))
                text = self._small_metrics.elidedText(event.name, Qt.TextElideMode.ElideRight,
                                                      room)
                painter.drawText(QRectF(left, y, room, height), ALIGN_LEFT, text)

    def _paint_today(self, painter: QPainter) -> None:
        scale = self._scene.scale
        today = self._scene.today
        if not scale.origin <= today <= scale.end:
            return
        x = self._x(today) + scale.px_per_day / 2
        painter.setPen(QPen(style.colours().today, 1.5))
        painter.drawLine(QPointF(x, style.HEADER_ROW), QPointF(x, self.height()))
        painter.setBrush(style.colours().today)
        painter.drawEllipse(QPointF(x, style.HEADER_ROW + 3), 3, 3)


class LaneHeader(QWidget):
    """Lane names down the left; clicking a campaign's triangle folds or opens it."""

    toggled = Signal(str)  # campaign id

    def __init__(self, scene: CalendarScene, offset: Callable[[], QPointF],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scene = scene
        self._offset = offset
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        colours = style.colours()
        painter.fillRect(self.rect(), colours.header_bg)
        layout = self._scene.layout
        dy = self._offset().y()
        metrics = QFontMetricsF(self._bold)
        width = self.width()
        for i, lane in enumerate(layout.lanes if layout else ()):
            top = lane.top + dy
            if top > self.height():
                break
            if top + lane.height < 0:
                continue
            band = QRectF(0, top, width, lane.height)
            painter.fillRect(band, colours.lane_odd if i % 2 else colours.lane_even)
            painter.fillRect(QRectF(0, top, 4, lane.height), QColor(lane.colour))
            left = 12.0
            row = QRectF(0, top + style.LANE_PAD, width, style.ROW_HEIGHT)
            if lane.summary:
                painter.setPen(colours.header_subtle)
                painter.drawText(QRectF(8, row.top(), TOGGLE_WIDTH, row.height()), ALIGN_CENTRE,
                                 "▾" if lane.expanded else "▸")
                left = 8.0 + TOGGLE_WIDTH
            painter.setPen(colours.header_text)
            painter.setFont(self._bold)
            text = metrics.elidedText(lane.title, Qt.TextElideMode.ElideRight, width - left - 8)
            painter.drawText(QRectF(left, row.top(), width - left - 8, row.height()), ALIGN_LEFT,
                             text)
            if lane.rows > 1 and lane.members:
                painter.setPen(colours.header_subtle)
                painter.setFont(self.font())
                line = row.translated(0, style.ROW_HEIGHT - 6).adjusted(left, 0, -8, 0)
                painter.drawText(line, ALIGN_LEFT, self.fontMetrics().elidedText(
                    self._summary(lane), Qt.TextElideMode.ElideRight, round(line.width())))
            painter.setPen(QPen(colours.grid_strong, 1))
            painter.drawLine(QPointF(0, top + lane.height - 0.5),
                             QPointF(width, top + lane.height - 0.5))
        painter.setPen(QPen(colours.grid_strong, 1))
        painter.drawLine(width - 1, 0, width - 1, self.height())
        painter.end()

    def _summary(self, lane: Lane) -> str:
        settings = self._scene.index.settings
        money = format_money(lane.total_minor, settings.currency if settings else "CNY")
        count = len(lane.members)
        flights = self.tr("1 flight") if count == 1 else \
            self.tr("%1 flights").replace("%1", str(count))
        return f"{flights} · {money}"

    def mousePressEvent(self, event: QMouseEvent) -> None:
        layout = self._scene.layout
        lane = layout.lane_at(event.position().y() - self._offset().y()) if layout else None
        if lane is not None and lane.summary:
            self.toggled.emit(lane.id)
            event.accept()
            return
        super().mousePressEvent(event)
