"""The flights table over a real plan file: filter, sort, shared selection, in-place
edits that go to the file and come back with undo, updates without a reset."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit
from pytestqt.qtbot import QtBot

from planner.services import campaigns, flights
from tests.ui.plan_views import (
    Views,
    add_chinese_campaign,
    double_click,
    ids_in_order,
    open_views,
    row_point,
    show_panel,
)
from ui.models.flight_cells import Column
from ui.models.flights_table import ID_ROLE, SORT_ROLE
from ui.panels.flights_table import FlightsTable

CTRL = Qt.KeyboardModifier.ControlModifier


def make_table(qtbot: QtBot, views: Views) -> FlightsTable:
    return show_panel(qtbot, views, FlightsTable, 1200, 400)


def cell(table: FlightsTable, flight_id: str, column: Column):
    """The view's index of a flight's cell."""
    source = table.model.index(table.model.row_of(flight_id), column)
    return table.proxy.mapFromSource(source)


def shown(table: FlightsTable) -> list[str]:
    return ids_in_order(table.proxy, ID_ROLE)


def open_editor(qtbot: QtBot, table: FlightsTable, flight_id: str, column: Column):
    index = cell(table, flight_id, column)
    double_click(qtbot, table.view, index)
    editor = table.view.indexWidget(index) or table.view.focusWidget()
    assert table.view.state() == table.view.State.EditingState
    return editor


def press_return(qtbot: QtBot, table: FlightsTable, editor) -> None:
    """Enter commits an editor (through a queued call) and closes it."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.view.state() != table.view.State.EditingState)


def click_header(qtbot: QtBot, table: FlightsTable, column: Column) -> None:
    header = table.view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


# -- filtering --------------------------------------------------------------------------

def test_filter_by_text_channel_and_status_with_chinese_names(qtbot, views, sample_plan):
    chinese = add_chinese_campaign(views)
    table = make_table(qtbot, views)
    assert len(shown(table)) == 5
    flight_filter = views.flight_filter

    flight_filter.set_text("双十一")  # campaign name
    assert sorted(shown(table)) == sorted(chinese.flight_ids)
    flight_filter.set_text("爆发")  # flight name
    assert shown(table) == [chinese.flight_ids[1]]
    flight_filter.set_text("天猫")  # channel name
    assert sorted(shown(table)) == sorted(chinese.flight_ids)
    flight_filter.set_text("TMALL")  # case-insensitive, English
    assert shown(table) == [sample_plan.flight_ids[0]]

    flight_filter.set_text("")
    flight_filter.set_channel(sample_plan.channel_ids["Douyin"])
    assert shown(table) == [sample_plan.flight_ids[1]]
    flight_filter.set_channel(None)
    flight_filter.set_status("live")
    assert sorted(shown(table)) == sorted(chinese.flight_ids)
    flight_filter.set_objective("brand")  # live and brand: nothing
    assert shown(table) == []
    flight_filter.clear()
    assert len(shown(table)) == 5


def test_a_status_change_elsewhere_refilters_the_row(qtbot, views, sample_plan):
    table = make_table(qtbot, views)
    views.flight_filter.set_status("approved")
    assert shown(table) == []
    brand = views.index.flights[sample_plan.flight_ids[0]].campaign_id
    views.document.run(campaigns.set_status, brand, "approved")
    assert shown(table) == [sample_plan.flight_ids[0]]


# -- sorting ----------------------------------------------------------------------------

def test_sorting_by_budget_is_numeric_and_by_start_chronological(qtbot, views):
    chinese = add_chinese_campaign(views)  # ¥9.00 and ¥1,000.00: "¥9" > "¥1" as text
    table = make_table(qtbot, views)
    budgets = lambda: [views.index.flights[f].budget_minor for f in shown(table)]  # noqa: E731

    click_header(qtbot, table, Column.BUDGET)
    assert table.view.horizontalHeader().sortIndicatorSection() == Column.BUDGET
    assert budgets() == [9_00, 1_000_00, 150_000_00, 250_000_00, 300_000_00]
    click_header(qtbot, table, Column.BUDGET)
    assert budgets() == [300_000_00, 250_000_00, 150_000_00, 1_000_00, 9_00]

    views.document.run(flights.resize_flight, chinese.flight_ids[0],
                       flights.DateSpan(dt.date(2026, 2, 9), dt.date(2026, 2, 28)))
    click_header(qtbot, table, Column.START)
    starts = [views.index.flights[f].start for f in shown(table)]
    assert starts == sorted(starts) and starts[0] == dt.date(2026, 2, 9)
    assert isinstance(cell(table, chinese.flight_ids[0], Column.START).data(SORT_ROLE), int)


# -- selection --------------------------------------------------------------------------

def test_selection_follows_clicks_and_clicks_follow_the_selection(qtbot, views, sample_plan):
    table = make_table(qtbot, views)
    first, second, third = sample_plan.flight_ids
    viewport = table.view.viewport()

    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton,
                     pos=row_point(table.view, cell(table, first, Column.NAME)))
    assert views.selection.items == (("flight", first),)
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, CTRL,
                     row_point(table.view, cell(table, third, Column.NAME)))
    assert views.selection.flight_ids == [first, third]
    assert views.selection.current == ("flight", third)

    views.selection.select_flights([second], source="calendar")
    selected = [i.data(ID_ROLE) for i in table.view.selectionModel().selectedRows()]
    assert selected == [second]
    assert table.view.currentIndex().data(ID_ROLE) == second

    views.flight_filter.set_text("Douyin")  # hiding rows keeps the planner's selection
    views.flight_filter.set_text("WeChat")
    assert views.selection.flight_ids == [second]


# -- editing ----------------------------------------------------------------------------

def test_edits_of_budget_dates_and_channel_go_to_the_file_and_undo(qtbot, views, sample_plan):
    table = make_table(qtbot, views)
    flight_id = sample_plan.flight_ids[1]
    wechat = sample_plan.channel_ids["WeChat"]
    before = views.dump()

    editor = open_editor(qtbot, table, flight_id, Column.BUDGET)
    assert isinstance(editor, QLineEdit) and editor.text() == "150,000.00"
    editor.selectAll()
    qtbot.keyClicks(editor, "1,234.5")
    press_return(qtbot, table, editor)
    assert views.index.flights[flight_id].budget_minor == 1_234_50
    assert cell(table, flight_id, Column.BUDGET).data() == "¥1,234.50"

    editor = open_editor(qtbot, table, flight_id, Column.END)
    assert isinstance(editor, QDateEdit)
    editor.setDate(QDate(2026, 3, 31))
    press_return(qtbot, table, editor)
    assert views.index.flights[flight_id].end == dt.date(2026, 3, 31)
    assert cell(table, flight_id, Column.DAYS).data() == 31

    editor = open_editor(qtbot, table, flight_id, Column.CHANNEL)
    assert isinstance(editor, QComboBox)
    assert [editor.itemText(i) for i in range(editor.count())] == ["Tmall", "Douyin", "WeChat"]
    editor.setCurrentIndex(editor.findData(wechat))
    press_return(qtbot, table, editor)
    assert views.index.flights[flight_id].channel_id == wechat

    stored = views.document.plan.db.execute(
        'SELECT budget_minor, "end", channel_id FROM flights WHERE id = ?', [flight_id]).fetchone()
    assert tuple(stored) == (1_234_50, "2026-03-31", wechat)
    assert views.document.undo_stack.count() == 3
    for _ in range(3):
        views.document.undo_stack.undo()
    assert views.dump() == before
    assert cell(table, flight_id, Column.BUDGET).data() == "¥150,000.00"


@pytest.mark.parametrize("typed", ["12abc", "", "¥5"])
def test_a_budget_that_is_not_money_writes_nothing_and_says_so(qtbot, views, sample_plan, typed):
    table = make_table(qtbot, views)
    flight_id = sample_plan.flight_ids[0]
    before = views.dump()

    editor = open_editor(qtbot, table, flight_id, Column.BUDGET)
    editor.clear()
    qtbot.keyClicks(editor, typed)
    press_return(qtbot, table, editor)

    assert views.dump() == before
    assert views.document.undo_stack.count() == 0
    assert len(views.failures) == 1
    assert views.failures[0].startswith("Budget:") and f"“{typed}”" in views.failures[0]
    assert cell(table, flight_id, Column.BUDGET).data() == "¥300,000.00"


def test_edits_the_services_refuse_are_reported_and_leave_nothing(qtbot, views, sample_plan):
    table = make_table(qtbot, views)
    flight_id = sample_plan.flight_ids[0]
    before = views.dump()
    proxy = table.proxy

    assert not proxy.setData(cell(table, flight_id, Column.BUDGET), "-5")
    assert not proxy.setData(cell(table, flight_id, Column.END), QDate(2026, 2, 1))
    assert views.dump() == before and views.document.undo_stack.count() == 0
    assert [m.split(":")[0] for m in views.failures] == ["flight.budget", "flight.end"]


def test_committed_checkbox_locks_the_flight_and_undoes(qtbot, views, sample_plan):
    table = make_table(qtbot, views)
    flight_id = sample_plan.flight_ids[0]
    box = cell(table, flight_id, Column.COMMITTED)
    before = views.dump()

    table.view.setCurrentIndex(box)
    qtbot.keyClick(table.view, Qt.Key.Key_Space)  # toggles the box, as a click on it does
    assert views.index.flights[flight_id].committed
    assert views.document.undo_stack.undoText() == "Mark committed"
    assert box.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    locked = cell(table, flight_id, Column.BUDGET)
    assert not locked.flags() & Qt.ItemFlag.ItemIsEditable
    assert cell(table, flight_id, Column.NAME).flags() & Qt.ItemFlag.ItemIsEditable

    views.document.undo_stack.undo()
    assert views.dump() == before
    assert locked.flags() & Qt.ItemFlag.ItemIsEditable


def test_double_click_on_a_cell_that_cannot_be_edited_asks_for_the_editor(qtbot, views,
                                                                          sample_plan):
    table = make_table(qtbot, views)
    flight_id = sample_plan.flight_ids[2]
    index = cell(table, flight_id, Column.CAMPAIGN)
    with qtbot.waitSignal(table.edit_requested) as signal:
        double_click(qtbot, table.view, index)
    assert signal.args == ["flight", flight_id]


def test_a_read_only_plan_has_no_editable_cells(qtbot, sample_plan):
    with open_views(sample_plan.path, read_only=True) as views:
        table = make_table(qtbot, views)
        flight_id = sample_plan.flight_ids[0]
        editable = Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable
        assert not any(cell(table, flight_id, c).flags() & editable for c in Column)
        assert not table.proxy.setData(cell(table, flight_id, Column.NAME), "Renamed")
        with qtbot.waitSignal(table.edit_requested) as signal:
            double_click(qtbot, table.view, cell(table, flight_id, Column.BUDGET))
        assert signal.args == ["flight", flight_id]


# -- keeping in step --------------------------------------------------------------------

def test_edits_made_elsewhere_update_rows_without_a_reset(qtbot, views, sample_plan):
    table = make_table(qtbot, views)
    resets: list[str] = []
    table.model.modelReset.connect(lambda: resets.append("model"))
    table.proxy.modelReset.connect(lambda: resets.append("proxy"))
    click_header(qtbot, table, Column.BUDGET)  # 150k, 250k, 300k
    first, second, third = sample_plan.flight_ids
    views.selection.select_flights([third], source="calendar")

    views.document.run(flights.update_flight, second, budget_minor=500_000_00)
    assert cell(table, second, Column.BUDGET).data() == "¥500,000.00"
    assert shown(table) == [third, first, second]  # the edited row moved to its place
    assert [i.data(ID_ROLE) for i in table.view.selectionModel().selectedRows()] == [third]

    brand = views.index.flights[first].campaign_id
    added = views.document.run(flights.add_flight, brand, sample_plan.channel_ids["WeChat"],
                               dt.date(2026, 4, 1), dt.date(2026, 4, 30), 200_000_00).created_id
    assert shown(table) == [added, third, first, second]
    views.document.run(campaigns.update_campaign, brand, name="Brand film")
    assert cell(table, first, Column.CAMPAIGN).data() == "Brand film"
    views.document.run(flights.delete_flights, [first])
    assert shown(table) == [added, third, second]
    assert resets == []
