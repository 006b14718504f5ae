"""Where a date sits on the calendar, and how far one zoom step reaches.

Scene x is in pixels at the current zoom, not in days scaled by a view
transform: text, bar heights and line widths then stay crisp at every zoom and
only x positions change when the planner zooms.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Zoom:
    """`px_per_day` fits about `name`'s span across a ~1,100 px viewport; drags snap
    to `snap_days` (a day when days can be told apart, a week when zoomed out)."""

    name: str
    px_per_day: float
    snap_days: int
    top: str  # header rows: "month" | "quarter" over
    bottom: str  # "day" | "week"


ZOOM_LEVELS = (
    Zoom("day", 96.0, 1, "month", "day"),
    Zoom("week", 40.0, 1, "month", "day"),
    Zoom("month", 32.0, 7, "month", "week"),
    Zoom("quarter", 11.0, 7, "month", "week"),
    Zoom("year", 3.0, 7, "quarter", "week"),
)
ZOOMS = tuple(z.name for z in ZOOM_LEVELS)


def zoom_named(name: str) -> Zoom:
    for zoom in ZOOM_LEVELS:
        if zoom.name == name:
            return zoom
    raise ValueError(f"unknown zoom {name!r}; one of {', '.join(ZOOMS)}")


class TimeScale:
    """Maps dates to scene x and back for one origin and zoom."""

    def __init__(self, origin: dt.date, end: dt.date, zoom: Zoom) -> None:
        self.origin = origin
        self.end = end
        self.zoom = zoom

    @property
    def px_per_day(self) -> float:
        return self.zoom.px_per_day

    @property
    def width(self) -> float:
        return ((self.end - self.origin).days + 1) * self.px_per_day

    def x_of(self, day: dt.date) -> float:
        """Left edge of `day`."""
        return (day - self.origin).days * self.px_per_day

    def days_at(self, x: float) -> float:
        """Fractional days since the origin: what zooming keeps under the mouse."""
        return x / self.px_per_day

    def date_at(self, x: float) -> dt.date:
        return self.origin + dt.timedelta(days=math.floor(x / self.px_per_day))

    def snapped_days(self, dx: float) -> int:
        """A horizontal drag of `dx` px as whole snap steps of days."""
        step = self.zoom.snap_days
        return round(dx / self.px_per_day / step) * step


def monday_on_or_before(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def next_quarter(day: dt.date) -> dt.date:
    start = quarter_start(day)
    month = start.month + 3
    return dt.date(start.year + (month > 12), (month - 1) % 12 + 1, 1)


def span_of(dates: list[dt.date], horizon: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    """The scene's date range: the horizon and every flight, a month of margin
    either side, whole weeks so week lines start at the scene's edge."""
    first = min([horizon[0], *dates])
    last = max([horizon[1], *dates])
    origin = monday_on_or_before(first - dt.timedelta(days=31))
    end = monday_on_or_before(last + dt.timedelta(days=31)) + dt.timedelta(days=6)
    return origin, end
