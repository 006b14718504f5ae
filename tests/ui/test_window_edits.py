"""The Edit menu on the shared selection, in a real window over a real plan file."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QGuiApplication

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
