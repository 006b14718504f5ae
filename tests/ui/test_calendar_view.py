"""What the calendar shows: zoom, lanes, colours, bands, ghosts, markers, selection."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from planner.services import flights
from planner.services.health import Finding
from tests.ui.calendar_support import Calendar, calendar_fixture  # noqa: F401 - fixture
from ui.calendar.items import SummaryBar
from ui.commands.base import ServiceCommand

D = dt.date


def _ctrl_wheel(calendar: Calendar, point: QPoint, notches: int) -> None:
    event = QWheelEvent(QPointF(point), QPointF(calendar.viewport.mapToGlobal(point)),
                        QPoint(), QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(calendar.viewport, event)


def test_ctrl_wheel_zooms_keeping_the_date_under_the_mouse(calendar: Calendar, qtbot):
    view = calendar.view
    point = QPoint(500, 100)
    anchor = view.date_at(point)
    with qtbot.waitSignal(view.zoom_changed) as changed:
        _ctrl_wheel(calendar, point, -1)
    assert (changed.args, view.zoom) == (["month"], "month")
    assert view.date_at(point) == anchor
    _ctrl_wheel(calendar, point, 2)  # two notches in one turn: two steps
    assert view.zoom == "day"
    assert view.date_at(point) == anchor
    _ctrl_wheel(calendar, point, -3)
    assert view.zoom == "quarter"
    assert view.date_at(point) == anchor


def test_keyboard_and_methods_step_through_the_zooms(calendar: Calendar):
    view = calendar.view
    widths = {}
    for name in view.ZOOMS:
        view.set_zoom(name)
        widths[name] = view.calendar_scene.bars[calendar.ids["tmall"]].width
    assert widths["day"] > widths["week"] > widths["month"] > widths["quarter"] > widths["year"]
    view.set_zoom("month")
    QTest.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == "quarter"
    QTest.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == "week"
    view.zoom_out()
    assert view.zoom == "month"
    with pytest.raises(ValueError):
        view.set_zoom("decade")


def test_lanes_by_channel_campaign_and_segment(calendar: Calendar):
    view, ids = calendar.view, calendar.ids
    scene = view.calendar_scene
    assert [lane.title for lane in scene.layout.lanes] == ["Tmall", "Douyin", "WeChat"]

    view.set_lanes("campaign")
    assert [lane.title for lane in scene.layout.lanes] == ["Brand story", "Spring promotion"]
    summary = scene.summaries[ids["promo"]]
    assert isinstance(summary, SummaryBar)
    x, width = scene.span_rect(D(2026, 3, 12), D(2026, 3, 29))  # Douyin start to WeChat end
    assert (summary.x(), summary.width) == (x, width)
    assert not scene.bars[ids["douyin"]].isVisible()  # folded
    scene.toggle_lane(ids["promo"])
    assert scene.bars[ids["douyin"]].isVisible() and scene.bars[ids["wechat"]].isVisible()
    assert scene.bars[ids["douyin"]].y() > summary.y()

    view.set_lanes("segment")
    assert [lane.title for lane in scene.layout.lanes] == ["High value"]
    lane = scene.layout.lanes[0]
    assert lane.members == {ids["tmall"], ids["douyin"], ids["wechat"]}
    assert lane.rows == 2  # Tmall and WeChat share a row; Douyin overlaps both


def test_the_lane_header_folds_a_campaign_on_click(calendar: Calendar):
    view, ids = calendar.view, calendar.ids
    view.set_lanes("campaign")
    header = view._lane_header  # the widget the planner clicks
    lane = view.calendar_scene.layout.lane(("campaign", ids["brand"]))
    y = round(view.mapFromScene(QPointF(0, lane.row_top(0) + 10)).y())
    QTest.mouseClick(header, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(20, y))
    assert view.calendar_scene.bars[ids["tmall"]].isVisible()
    assert ids["brand"] in view.calendar_scene.expanded


def test_colour_by_each_mode(calendar: Calendar):
    view = calendar.view
    bar = view.calendar_scene.bars[calendar.ids["tmall"]]
    fills = {}
    for mode in ("campaign", "objective", "channel", "status"):
        view.set_colour_by(mode)
        fills[mode] = bar._fill.name()
    channel = calendar.index.channels[calendar.ids["Tmall"]]
    campaign = calendar.index.campaigns[calendar.ids["brand"]]
    assert fills["campaign"] == QColor(campaign.colour).name()
    assert fills["channel"] == QColor(channel.colour).name()
    assert fills["objective"] == "#4e79a7"  # brand
    assert fills["status"] == "#b7b0aa"  # draft


def test_the_baseline_shows_as_a_ghost_under_a_moved_flight(calendar: Calendar):
    scene = calendar.view.calendar_scene
    douyin = calendar.ids["douyin"]
    ghost, bar = scene.ghosts[douyin], scene.bars[douyin]
    assert ghost.isVisible()
    assert ghost.x() == scene.scale.x_of(D(2026, 3, 9))  # where the baseline had it
    assert bar.x() == scene.scale.x_of(D(2026, 3, 12))
    assert bar.y() < ghost.y() < bar.y() + 26
    calendar.view.set_show_baseline(False)
    assert scene.ghosts == {}
    calendar.view.set_show_baseline(True)
    assert douyin in scene.ghosts


def test_festival_bands_and_the_event_strip(calendar: Calendar):
    scene = calendar.view.calendar_scene
    band = scene.bands[calendar.ids["festival"]]
    assert band.kind == "festival" and band.isVisible()
    x, width = scene.span_rect(D(2026, 3, 20), D(2026, 3, 25))
    rect = band.boundingRect()
    assert (rect.x(), rect.width(), rect.height()) == (x, width, scene.layout.height)
    assert [e.name for e in scene.visible_events()] == ["Spring sale"]
    calendar.view.set_show_festivals(False)
    assert not band.isVisible()
    assert scene.visible_events() == []


def test_findings_put_a_marker_on_the_bars_they_name(calendar: Calendar):
    scene, ids = calendar.view.calendar_scene, calendar.ids
    calendar.view.set_findings([
        Finding("overlapping_flights", "warning", "overlap", (ids["tmall"],), "flights"),
        Finding("channel_over_cap", "error", "over cap", (ids["WeChat"],), "channels"),
        Finding("no_kpi_target", "warning", "no KPI", (ids["promo"],), "campaigns"),
    ])
    flagged = {i for i, bar in scene.bars.items() if bar.flagged}
    assert flagged == {ids["tmall"], ids["wechat"]}
    calendar.view.set_findings([])
    assert not any(bar.flagged for bar in scene.bars.values())


def test_selection_follows_the_shared_selection_both_ways(calendar: Calendar):
    scene, ids = calendar.view.calendar_scene, calendar.ids
    calendar.selection.select_flights([ids["douyin"], ids["wechat"]], source="tree")
    assert {i for i, bar in scene.bars.items() if bar.isSelected()} == \
        {ids["douyin"], ids["wechat"]}
    calendar.click(calendar.bar_point("tmall"))
    assert calendar.selection.flight_ids == [ids["tmall"]]
    assert not scene.bars[ids["douyin"]].isSelected()
    calendar.click(calendar.lane_point(ids["Tmall"], D(2026, 3, 25)))  # empty: clears
    assert calendar.selection.items == ()


def test_an_edit_elsewhere_updates_only_its_bar(calendar: Calendar):
    scene, ids = calendar.view.calendar_scene, calendar.ids
    bars = dict(scene.bars)
    positions = {i: bar.pos() for i, bar in bars.items()}
    document = calendar.document
    document.push(ServiceCommand(document, "Move", flights.move_flight, ids["tmall"],
                                 D(2026, 3, 5)))
    assert scene.bars == bars  # the same items, none rebuilt
    assert scene.bars[ids["tmall"]].x() == scene.scale.x_of(D(2026, 3, 5))
    assert all(bars[i].pos() == positions[i] for i in (ids["douyin"], ids["wechat"]))

    added = document.run(flights.add_flight, ids["brand"], ids["Douyin"], D(2026, 3, 1),
                         D(2026, 3, 31), 1_000_00).created_id
    assert added in scene.bars
    assert scene.layout.lane(("channel", ids["Douyin"])).rows == 2
    document.run(flights.delete_flights, [added])
    assert added not in scene.bars
    assert scene.layout.lane(("channel", ids["Douyin"])).rows == 1


def test_date_at_and_scroll_to_date(calendar: Calendar):
    view = calendar.view
    view.scroll_to_date(D(2026, 6, 18))
    assert view.date_at(QPoint(view.viewport().width() // 3 + 5, 50)) == D(2026, 6, 18)
    assert view.date_at(QPoint(-10_000, 0)) is None
    view.reveal_flight(calendar.ids["wechat"])
    bar = view.calendar_scene.bars[calendar.ids["wechat"]]
    assert view.viewport().rect().intersects(view.mapFromScene(bar.sceneBoundingRect())
                                             .boundingRect())
