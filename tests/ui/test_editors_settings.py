"""Bulk edit and plan settings: each OK or button is one undoable command, and undo
returns the plan tables to exactly what they were."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from planner.services import flights
from ui.editors.bulk_edit import BulkEditDialog, bulk_edit_command
from ui.editors.plan_settings_dialog import PlanSettingsDialog


def _shown(qtbot: QtBot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _retype(qtbot: QtBot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_bulk_edit_is_one_undo_step(qtbot, editing, sample_plan):
    chosen = sample_plan.flight_ids[1:]
    before = editing.dump()
    dialog = _shown(qtbot, BulkEditDialog(editing.index, chosen))
    assert not dialog.ok_button.isEnabled()
    assert dialog.message.isVisible()

    _retype(qtbot, dialog.shift_days, "7")
    _retype(qtbot, dialog.scale_percent, "110")
    qtbot.keyClick(dialog.status, Qt.Key.Key_Down)  # keep -> draft
    qtbot.keyClick(dialog.status, Qt.Key.Key_Down)  # -> approved
    assert dialog.ok_button.isEnabled()
    assert dialog.values() == {"shift_days": 7, "scale_percent": 110.0, "channel_id": None,
                               "status": "approved"}

    editing.document.push(bulk_edit_command(editing.document, chosen, dialog.values()))

    moved = [editing.index.flights[i] for i in chosen]
    assert [f.start for f in moved] == [dt.date(2026, 3, 8)] * 2
    assert [f.budget_minor for f in moved] == [165_000_00, 275_000_00]
    assert editing.index.campaigns[moved[0].campaign_id].status == "approved"
    assert editing.document.undo_stack.count() == 1
    editing.document.undo_stack.undo()
    assert editing.dump() == before


def test_bulk_edit_refuses_to_move_committed_flights(qtbot, editing, sample_plan):
    editing.document.run(flights.set_committed, [sample_plan.flight_ids[0]], True)
    dialog = _shown(qtbot, BulkEditDialog(editing.index, sample_plan.flight_ids))

    _retype(qtbot, dialog.shift_days, "3")

    assert not dialog.ok_button.isEnabled()
    assert dialog.message.isVisible() and "committed (locked)" in dialog.message.text()


def test_general_settings_round_trip_as_one_step(qtbot, editing):
    before = editing.dump()
    dialog = _shown(qtbot, PlanSettingsDialog(editing.document, editing.index))
    general = dialog.general
    assert general.name.text() == "Spring test plan"
    assert general.total_budget.text() == "1,000,000.00"

    _retype(qtbot, general.name, "Autumn plan")
    _retype(qtbot, general.total_budget, "2,500,000")
    _retype(qtbot, general.brand_share_target, "42")
    general.calendar_kind.setFocus()
    qtbot.keyClick(general.calendar_kind, Qt.Key.Key_Down)  # iso -> fiscal
    assert general.fiscal_start_month.isVisible() and not general.retail_pattern.isVisible()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    settings = editing.index.settings
    assert (settings.name, settings.total_budget_minor, settings.brand_share_target_bp) == (
        "Autumn plan", 250_000_000, 4200)
    assert settings.calendar == {"kind": "fiscal", "fiscal_start_month": 1,
                                 "retail_pattern": "445"}
    assert editing.document.undo_stack.count() == 1
    editing.document.undo_stack.undo()
    assert editing.dump() == before


@pytest.mark.parametrize(("field", "typed", "name", "expected"), [
    ("brand_share_target", "60", "plan.brand_share_target", "within the brand share range"),
    ("currency_code", "RM", "plan.currency", "three-letter ISO code"),
    ("total_budget", "1.000.000", "plan.total_budget", "Not an amount"),
])
def test_invalid_settings_keep_ok_disabled(qtbot, editing, field, typed, name, expected):
    dialog = _shown(qtbot, PlanSettingsDialog(editing.document, editing.index))
    assert dialog.ok_button.isEnabled()
    widget = getattr(dialog.general, field)

    _retype(qtbot, widget, typed)

    message = dialog.general.message(name)
    assert not dialog.ok_button.isEnabled()
    assert message.isVisible() and expected in message.text()


def test_cancel_writes_nothing(qtbot, editing):
    before = editing.dump()
    dialog = _shown(qtbot, PlanSettingsDialog(editing.document, editing.index))
    _retype(qtbot, dialog.general.name, "Never saved")
    dialog.reject()
    assert editing.dump() == before


def test_a_channel_added_and_deleted_from_its_tab_undoes_step_by_step(qtbot, editing):
    before = editing.dump()
    dialog = _shown(qtbot, PlanSettingsDialog(editing.document, editing.index))
    dialog.tabs.setCurrentWidget(dialog.channels_tab)
    tab = dialog.channels_tab

    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    editor = tab.editor
    qtbot.waitExposed(editor)
    assert not editor.ok_button.isEnabled()
    qtbot.keyClicks(editor.form.name, "Xiaohongshu")
    _retype(qtbot, editor.form.max_spend, "80,000")
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)

    added = next(c for c in editing.index.channels.values() if c.name == "Xiaohongshu")
    assert added.max_spend_minor == 80_000_00
    assert tab.list.count() == 4
    after_add = editing.dump()

    tab.select(added.id)
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert added.id not in editing.index.channels
    assert tab.list.count() == 3

    editing.document.undo_stack.undo()
    assert editing.dump() == after_add
    assert tab.list.count() == 4
    editing.document.undo_stack.undo()
    assert editing.dump() == before


def test_a_channel_with_flights_is_not_deleted(qtbot, editing, sample_plan):
    dialog = _shown(qtbot, PlanSettingsDialog(editing.document, editing.index))
    tab = dialog.channels_tab
    before = editing.dump()
    tab.select(sample_plan.channel_ids["Tmall"])

    with qtbot.waitSignal(editing.document.failed) as failed:
        qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)

    assert "still has 1 flights" in failed.args[0]
    assert editing.dump() == before
    assert editing.document.undo_stack.count() == 0


def test_editing_a_segment_and_an_event(qtbot, editing):
    dialog = _shown(qtbot, PlanSettingsDialog(editing.document, editing.index))
    for tab, name in ((dialog.segments_tab, "Members"), (dialog.events_tab, "Price war")):
        qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(tab.editor.form.name, name)
        qtbot.mouseClick(tab.editor.ok_button, Qt.MouseButton.LeftButton)
    segment = next(iter(editing.index.segments.values()))
    event = next(iter(editing.index.events.values()))
    assert (segment.name, event.name, event.kind) == ("Members", "Price war", "blackout")

    dialog.segments_tab.select(segment.id)
    qtbot.mouseClick(dialog.segments_tab.edit_button, Qt.MouseButton.LeftButton)
    customers: QLineEdit = dialog.segments_tab.editor.form.customers
    qtbot.keyClicks(customers, "1,200,000")
    qtbot.mouseClick(dialog.segments_tab.editor.ok_button, Qt.MouseButton.LeftButton)
    assert editing.index.segments[segment.id].customers == 1_200_000

    qtbot.mouseClick(dialog.segments_tab.duplicate_button, Qt.MouseButton.LeftButton)
    assert [s.name for s in editing.index.segments.values()] == ["Members", "Members (copy)"]
    assert editing.document.undo_stack.count() == 4


def test_festivals_and_holidays_for_the_horizon_are_one_undo_step(qtbot, editing):
    before = editing.dump()
    dialog = _shown(qtbot, PlanSettingsDialog(editing.document, editing.index))

    qtbot.mouseClick(dialog.calendar_button, Qt.MouseButton.LeftButton)

    kinds = {e.kind for e in editing.index.events.values()}
    assert kinds == {"festival", "holiday"}
    assert all(e.start.year == 2026 or e.end.year == 2026
               for e in editing.index.events.values())
    assert dialog.events_tab.list.count() == len(editing.index.events)
    editing.document.undo_stack.undo()
    assert editing.dump() == before
