"""Calendar gestures with real mouse and key events: each edit is one undo step."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from tests.ui.calendar_support import Calendar, calendar_fixture  # noqa: F401 - fixture

D = dt.date
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_dragging_on_an_empty_lane_asks_to_create_a_flight_there(calendar: Calendar, qtbot):
    wechat = calendar.ids["WeChat"]
    with qtbot.waitSignal(calendar.view.create_requested) as created:
        calendar.drag(calendar.lane_point(wechat, D(2026, 3, 2)),
                      calendar.lane_point(wechat, D(2026, 3, 6)))
    assert created.args == ["channel", wechat, D(2026, 3, 2), D(2026, 3, 6)]
    assert calendar.document.undo_stack.count() == 0  # the dialog makes the flight


def test_dragging_backwards_on_a_campaign_lane_gives_its_lane_and_ordered_dates(
        calendar: Calendar, qtbot):
    calendar.view.set_lanes("campaign")
    brand = calendar.ids["brand"]
    with qtbot.waitSignal(calendar.view.create_requested) as created:
        calendar.drag(calendar.lane_point(brand, D(2026, 3, 20)),
                      calendar.lane_point(brand, D(2026, 3, 17)))
    assert created.args == ["campaign", brand, D(2026, 3, 17), D(2026, 3, 20)]


def test_a_drag_moves_the_flight_in_one_undo_step(calendar: Calendar):
    before = calendar.dump()
    start = calendar.bar_point("tmall")
    calendar.drag(start, start + QPoint(calendar.days(3), 0))

    flight = calendar.flight("tmall")
    assert (flight.start, flight.end) == (D(2026, 3, 5), D(2026, 3, 18))
    bar = calendar.view.calendar_scene.bars[flight.id]
    assert bar.x() == calendar.view.calendar_scene.scale.x_of(D(2026, 3, 5))
    stack = calendar.document.undo_stack
    assert stack.count() == 1
    stack.undo()
    assert calendar.dump() == before
    assert calendar.flight("tmall").start == D(2026, 3, 2)


def test_a_vertical_drag_in_channel_lanes_changes_the_channel(calendar: Calendar):
    start = calendar.bar_point("tmall")
    target = calendar.lane_point(calendar.ids["WeChat"], D(2026, 3, 5))
    calendar.drag(start, QPoint(start.x(), target.y()))
    flight = calendar.flight("tmall")
    assert flight.channel_id == calendar.ids["WeChat"]
    assert flight.start == D(2026, 3, 2)


def test_dragging_either_edge_resizes(calendar: Calendar):
    before = calendar.dump()
    left = calendar.bar_point("tmall", "left")
    calendar.drag(left, left + QPoint(calendar.days(2), 0))
    assert (calendar.flight("tmall").start, calendar.flight("tmall").end) == \
        (D(2026, 3, 4), D(2026, 3, 15))

    right = calendar.bar_point("tmall", "right")
    calendar.drag(right, right - QPoint(calendar.days(3), 0))
    assert (calendar.flight("tmall").start, calendar.flight("tmall").end) == \
        (D(2026, 3, 4), D(2026, 3, 12))

    stack = calendar.document.undo_stack
    assert stack.count() == 2
    stack.undo()
    stack.undo()
    assert calendar.dump() == before


def test_alt_drag_copies_and_leaves_the_original(calendar: Calendar):
    before = calendar.dump()
    start = calendar.bar_point("tmall")
    calendar.drag(start, start + QPoint(calendar.days(7), 0), ALT)

    copies = [f for f in calendar.index.flights.values()
              if f.channel_id == calendar.ids["Tmall"] and f.id != calendar.ids["tmall"]]
    assert [(c.start, c.end, c.budget_minor) for c in copies] == \
        [(D(2026, 3, 9), D(2026, 3, 22), 100_000_00)]
    assert calendar.flight("tmall").start == D(2026, 3, 2)
    assert copies[0].id in calendar.view.calendar_scene.bars
    assert calendar.selection.flight_ids == [copies[0].id]  # the copy is what you now hold
    calendar.document.undo_stack.undo()
    assert calendar.dump() == before
    assert copies[0].id not in calendar.view.calendar_scene.bars


def test_rubber_band_selects_and_one_drag_moves_them_all_in_one_step(calendar: Calendar):
    before = calendar.dump()
    scene = calendar.view.calendar_scene
    tmall, douyin = calendar.ids["tmall"], calendar.ids["douyin"]
    # From an empty spot above-left of the Tmall bar to below the Douyin bar.
    corner = calendar.lane_point(calendar.ids["Tmall"], D(2026, 2, 28))
    far = calendar.lane_point(calendar.ids["Douyin"], D(2026, 3, 13))
    calendar.drag(corner - QPoint(0, 8), far + QPoint(0, 6), SHIFT)
    assert set(calendar.selection.flight_ids) == {tmall, douyin}
    assert scene.bars[tmall].isSelected() and scene.bars[douyin].isSelected()

    start = calendar.bar_point("douyin")
    calendar.drag(start, start + QPoint(calendar.days(2), 0))
    assert calendar.flight("tmall").start == D(2026, 3, 4)
    assert calendar.flight("douyin").start == D(2026, 3, 14)
    stack = calendar.document.undo_stack
    assert stack.count() == 1
    stack.undo()
    assert calendar.dump() == before


def test_ctrl_click_adds_to_the_selection_and_takes_away_again(calendar: Calendar):
    tmall, douyin = calendar.ids["tmall"], calendar.ids["douyin"]
    calendar.click(calendar.bar_point("tmall"))
    assert calendar.selection.flight_ids == [tmall]
    calendar.click(calendar.bar_point("douyin"), CTRL)
    assert calendar.selection.flight_ids == [tmall, douyin]
    assert calendar.selection.current == ("flight", douyin)
    calendar.click(calendar.bar_point("tmall"), CTRL)
    assert calendar.selection.flight_ids == [douyin]


def test_a_locked_flight_does_not_move(calendar: Calendar):
    before = calendar.dump()
    start = calendar.bar_point("wechat")
    calendar.drag(start, start + QPoint(calendar.days(4), 0))
    edge = calendar.bar_point("wechat", "right")
    calendar.drag(edge, edge + QPoint(calendar.days(2), 0))
    assert calendar.flight("wechat").start == D(2026, 3, 16)
    assert calendar.flight("wechat").end == D(2026, 3, 29)
    assert calendar.document.undo_stack.count() == 0
    assert calendar.dump() == before
    assert calendar.selection.flight_ids == [calendar.ids["wechat"]]  # still selectable


def test_arrow_keys_nudge_the_selection_by_one_snap_step(calendar: Calendar):
    view = calendar.view
    calendar.click(calendar.bar_point("tmall"))
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert calendar.flight("tmall").start == D(2026, 3, 3)  # week zoom snaps to days
    view.set_zoom("month")
    QTest.keyClick(view, Qt.Key.Key_Left)
    assert calendar.flight("tmall").start == D(2026, 2, 24)  # month zoom snaps to weeks
    assert calendar.document.undo_stack.count() == 2


def test_double_click_asks_to_edit_and_right_click_asks_for_a_menu(calendar: Calendar, qtbot):
    view = calendar.view
    point = calendar.bar_point("douyin")
    with qtbot.waitSignal(view.edit_requested) as edit:
        QTest.mouseDClick(calendar.viewport, Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier, point)
    assert edit.args == ["flight", calendar.ids["douyin"]]

    calendar.click(calendar.bar_point("tmall"))
    with qtbot.waitSignal(view.context_menu_requested) as menu:
        QTest.mouseClick(calendar.viewport, Qt.MouseButton.RightButton,
                         Qt.KeyboardModifier.NoModifier, point)
    assert menu.args[1] == view.date_at(point)
    assert D(2026, 3, 12) <= menu.args[1] <= D(2026, 3, 25)
    assert calendar.selection.flight_ids == [calendar.ids["douyin"]]


def test_dragging_a_campaign_summary_moves_the_whole_campaign(calendar: Calendar):
    before = calendar.dump()
    view = calendar.view
    view.set_lanes("campaign")
    summary = view.calendar_scene.summaries[calendar.ids["brand"]]
    start = view.mapFromScene(summary.sceneBoundingRect().center())
    calendar.drag(start, start + QPoint(calendar.days(5), 0))
    assert calendar.flight("tmall").start == D(2026, 3, 7)
    assert calendar.selection.items == (("campaign", calendar.ids["brand"]),)
    calendar.document.undo_stack.undo()
    assert calendar.dump() == before


def test_a_click_on_one_bar_of_a_selection_keeps_only_that_bar(calendar: Calendar):
    calendar.selection.select_flights([calendar.ids["tmall"], calendar.ids["douyin"]], "tree")
    calendar.click(calendar.bar_point("douyin"))
    assert calendar.selection.flight_ids == [calendar.ids["douyin"]]
