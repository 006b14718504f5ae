"""A small real plan on a shown calendar, and real mouse gestures on its viewport.

March 2026: three channels, two campaigns in one segment, three flights (the
WeChat one committed), a festival, and a baseline taken before the Douyin
flight moved three days later, so its ghost bar sits apart from it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from planner.domain.entities import Flight
from planner.services import campaigns, channels, events, flights, plan_settings
from planner.storage.plan_file import open_plan
from tests.plan_dump import dump
from ui.calendar import CalendarView
from ui.document import PlanDocument
from ui.models.plan_index import PlanIndex
from ui.selection import Selection

D = dt.date


@dataclass
class Calendar:
    view: CalendarView
    document: PlanDocument
    index: PlanIndex
    selection: Selection
    ids: dict[str, str] = field(default_factory=dict)

    @property
    def viewport(self) -> QWidget:
        return self.view.viewport()

    def flight(self, name: str) -> Flight:
        return self.index.flights[self.ids[name]]

    def dump(self) -> dict:
        return dump(self.document.plan.db.conn)

    def bar_point(self, name: str, where: str = "middle") -> QPoint:
        """Viewport position on a bar: its middle, or 2 px inside either end."""
        rect = self.view.calendar_scene.bars[self.ids[name]].sceneBoundingRect()
        x = {"middle": rect.center().x(), "left": rect.left() + 3,
             "right": rect.right() - 3}[where]
        return self.view.mapFromScene(QPointF(x, rect.center().y()))

    def lane_point(self, lane_id: str, day: dt.date, row: int = 0) -> QPoint:
        """Viewport position in the middle of `day` on a row of a lane."""
        scene = self.view.calendar_scene
        lane = next(lane for lane in scene.layout.lanes if lane.id == lane_id)
        x = scene.scale.x_of(day) + scene.scale.px_per_day / 2
        return self.view.mapFromScene(QPointF(x, lane.row_top(row) + 12))

    def days(self, count: float) -> int:
        return round(count * self.view.calendar_scene.scale.px_per_day)

    def drag(self, start: QPoint, end: QPoint,
             modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        viewport = self.viewport
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, modifiers, start)
        for step in range(1, 6):
            QTest.mouseMove(viewport, start + (end - start) * (step / 5))
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifiers, end)

    def click(self, point: QPoint,
              modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        QTest.mouseClick(self.viewport, Qt.MouseButton.LeftButton, modifiers, point)


def build_calendar_plan(path: Path) -> dict[str, str]:
    with open_plan(path) as plan:
        plan_settings.update_settings(plan, name="Calendar test plan",
                                      horizon_start=D(2026, 1, 1), horizon_end=D(2026, 12, 31))
        ids = {
            "Tmall": channels.create_channel(plan, "Tmall", "web_shop").created_id,
            "Douyin": channels.create_channel(plan, "Douyin", "short_video").created_id,
            "WeChat": channels.create_channel(plan, "WeChat", "social").created_id,
            "segment": channels.create_segment(plan, "High value", "high").created_id,
        }
        ids["brand"] = campaigns.create_campaign(plan, "Brand story", "brand",
                                                 segment_id=ids["segment"]).created_id
        ids["promo"] = campaigns.create_campaign(plan, "Spring promotion", "promotion",
                                                 segment_id=ids["segment"]).created_id
        ids["tmall"] = flights.add_flight(plan, ids["brand"], ids["Tmall"], D(2026, 3, 2),
                                          D(2026, 3, 15), 100_000_00).created_id
        ids["douyin"] = flights.add_flight(plan, ids["promo"], ids["Douyin"], D(2026, 3, 9),
                                           D(2026, 3, 22), 80_000_00).created_id
        ids["wechat"] = flights.add_flight(plan, ids["promo"], ids["WeChat"], D(2026, 3, 16),
                                           D(2026, 3, 29), 50_000_00).created_id
        flights.set_committed(plan, [ids["wechat"]], True, booked_on=D(2026, 2, 1))
        ids["festival"] = events.create_event(plan, "festival", "Spring sale", D(2026, 3, 20),
                                              D(2026, 3, 25)).created_id
        plan_settings.take_baseline(plan, "Approved")
        flights.move_flight(plan, ids["douyin"], D(2026, 3, 12))
    return ids


@pytest.fixture(name="calendar")
def calendar_fixture(qtbot: QtBot, plan_path: Path) -> Iterator[Calendar]:
    """The plan open in a 1,200 × 600 calendar at week zoom (a day is 40 px, drags
    snap to days), scrolled to the start of March."""
    ids = build_calendar_plan(plan_path)
    document = PlanDocument()
    index = PlanIndex(document)
    selection = Selection(index)
    view = CalendarView(document, index, selection)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    qtbot.waitExposed(view)
    document.open(open_plan(plan_path))
    view.set_zoom("week")
    view.horizontalScrollBar().setValue(
        round(view.calendar_scene.scale.x_of(D(2026, 2, 27))))
    yield Calendar(view, document, index, selection, ids)
    document.close()
