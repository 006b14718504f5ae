"""The Edit menu on the shared selection, in a real window over a real plan file."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from planner.storage import history
from planner.storage.plan_file import open_plan
from tests.plan_dump import dump
from ui import dialogs, settings
from ui.edit_controller import MIME_TYPE


def opened(make_window, sample_plan):
    window = make_window()
    window.files.start(sample_plan.path)
    window.overview.wait()
    return window


def test_copy_paste_and_undo(make_window, sample_plan):
    window = opened(make_window, sample_plan)
    first = sample_plan.flight_ids[0]
    window.selection.select_flights([first])
    assert window.edits.copy_action.isEnabled()
    window.edits.copy_action.trigger()
    data = QGuiApplication.clipboard().mimeData()
    assert data.hasFormat(MIME_TYPE)
    lines = data.text().splitlines()
    assert lines[1].split("\t")[:2] == ["Brand story", "Tmall"]
    assert lines[1].endswith("\t300000.00")
    before = dump(window.document.plan.db.conn)
    window.edits.paste_date = lambda: dt.date(2026, 5, 4)
    window.edits.paste_action.trigger()
    pasted = window.selection.flight_ids
    assert len(pasted) == 1 and pasted[0] != first
    assert window.index.flights[pasted[0]].start == dt.date(2026, 5, 4)
    window.undo_action.trigger()
    assert dump(window.document.plan.db.conn) == before
    assert window.selection.flight_ids == []


def test_delete_cut_duplicate_lock_are_single_steps(make_window, sample_plan):
    window = opened(make_window, sample_plan)
    plan = window.document.plan
    start = dump(plan.db.conn)
    a, b, c = sample_plan.flight_ids
    window.selection.select_flights([a, b])
    window.edits.lock_action.trigger()
    assert window.index.flights[a].committed and window.index.flights[b].committed
    assert not window.edits.lock_action.isEnabled() and window.edits.unlock_action.isEnabled()
    assert not window.edits.split_action.isEnabled()
    window.edits.unlock_action.trigger()
    window.edits.duplicate_action.trigger()
    assert len(window.index.flights) == 5
    window.selection.select_flights([c])
    window.edits.cut_action.trigger()
    assert c not in window.index.flights
    window.selection.select([("campaign", window.index.flights[a].campaign_id)])
    window.edits.delete_action.trigger()
    assert a not in window.index.flights
    labels = [r.label for r in history.log(plan, limit=5)]
    assert labels[:2] == ["Delete 1 item", "Delete flight"]
    for _ in range(5):
        window.undo_action.trigger()
    assert dump(plan.db.conn) == start
    for _ in range(5):
        window.redo_action.trigger()
    assert a not in window.index.flights and len(window.index.flights) == 2


def test_move_to_channel_from_the_menu(make_window, sample_plan):
    window = opened(make_window, sample_plan)
    first = sample_plan.flight_ids[0]
    window.selection.select_flights([first])
    window.edits.move_menu.aboutToShow.emit()
    action = next(a for a in window.edits.move_menu.actions() if a.text() == "WeChat")
    action.trigger()
    assert window.index.flights[first].channel_id == sample_plan.channel_ids["WeChat"]


def test_status_line_opens_health_and_a_finding_selects_its_objects(make_window, sample_plan,
                                                                    qtbot):
    window = opened(make_window, sample_plan)
    window.health_dock.hide()
    window.plan_status.clicked.emit()
    assert window.health_dock.isVisible()
    model = window.health.model
    row = next(r for r in range(model.rowCount()) if model.finding(r).rule == "channel_over_cap")
    window.health.view.doubleClicked.emit(model.index(row, 0))
    assert window.selection.flight_ids == [sample_plan.flight_ids[1]]  # the Douyin flight


def test_view_choices_persist(make_window, sample_plan):
    window = opened(make_window, sample_plan)
    quarter = next(a for a in window.view_options.zoom_group.actions() if a.data() == "quarter")
    quarter.trigger()
    assert window.calendar.zoom == "quarter"
    lanes = next(a for a in window.view_options.lanes_group.actions() if a.data() == "campaign")
    lanes.trigger()
    window.view_options.festivals_action.setChecked(False)
    window.close()
    again = make_window()
    assert again.calendar.zoom == "quarter"
    assert settings.view_option("view/lanes") == "campaign"
    assert not again.view_options.festivals_action.isChecked()


def test_save_a_copy(make_window, sample_plan, tmp_path, monkeypatch):
    window = opened(make_window, sample_plan)
    monkeypatch.setattr(dialogs, "choose_save_path", lambda *_: str(tmp_path / "copy"))
    assert window.files.save_copy_dialog()
    with open_plan(tmp_path / "copy.cplan", read_only=True) as copy:
        assert copy.plan_id == window.document.plan.plan_id
    assert window.document.path == sample_plan.path  # the original stays open


def test_tabs_by_name(make_window, sample_plan):
    window = opened(make_window, sample_plan)
    assert window.show_tab("flights") and window.tabs.currentWidget() is window.flights_table
    assert not window.show_tab("nope")


def test_dragging_on_an_empty_lane_creates_a_flight_through_the_dialog(
        make_window, sample_plan, monkeypatch, qtbot):
    window = opened(make_window, sample_plan)
    shown = []

    def fill_and_accept(dialog):
        shown.append(dialog)
        assert not dialog.ok_button.isEnabled()  # no budget typed yet
        campaign = dialog.form.campaign
        campaign.setCurrentIndex(campaign.findText("618 promotion"))
        qtbot.keyClicks(dialog.form.budget, "12,345.67")
        assert dialog.ok_button.isEnabled()
        return True

    monkeypatch.setattr(dialogs, "run_dialog", fill_and_accept)
    view = window.calendar
    view.set_zoom("month")
    view.scroll_to_date(dt.date(2026, 4, 1))
    scene = view.calendar_scene
    wechat = sample_plan.channel_ids["WeChat"]
    lane = next(lane for lane in scene.layout.lanes if lane.id == wechat)

    def point(day):
        x = scene.scale.x_of(day) + scene.scale.px_per_day / 2
        return view.mapFromScene(QPointF(x, lane.row_top(0) + 12))

    start, end = point(dt.date(2026, 4, 6)), point(dt.date(2026, 4, 10))
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     start)
    for step in range(1, 6):
        QTest.mouseMove(view.viewport(), start + (end - start) * (step / 5))
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier, end)

    assert len(shown) == 1
    created = [f for f in window.index.flights.values() if f.id not in sample_plan.flight_ids]
    assert len(created) == 1
    flight = created[0]
    assert (flight.channel_id, flight.start, flight.end, flight.budget_minor) == (
        wechat, dt.date(2026, 4, 6), dt.date(2026, 4, 10), 1_234_567)
    assert window.selection.flight_ids == [flight.id]
    window.undo_action.trigger()
    assert flight.id not in window.index.flights
