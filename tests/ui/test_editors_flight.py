"""The flight dialog: inline validation keeps OK disabled; valid input becomes one
undoable command that writes exactly the typed values."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from planner.domain.entities import Flight
from planner.storage import rows
from tests.ui.editing import Editing
from ui.editors.dialogs import FlightDialog
from ui.editors.flight_edits import edit_flight_command, new_flight_command

MARCH = dt.date(2026, 3, 1)


def _campaign(editing: Editing, name: str) -> str:
    return next(c.id for c in editing.index.campaigns.values() if c.name == name)


def _dialog(qtbot: QtBot, editing: Editing, **kwargs) -> FlightDialog:
    dialog = FlightDialog(editing.index, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def _preset(editing: Editing, sample_plan) -> dict:
    return {"channel_id": sample_plan.channel_ids["WeChat"],
            "campaign_id": _campaign(editing, "618 promotion"),
            "start": MARCH + dt.timedelta(days=9), "end": MARCH + dt.timedelta(days=19)}


def test_end_before_start_disables_ok_with_the_message_under_end(qtbot, editing, sample_plan):
    dialog = _dialog(qtbot, editing, preset=_preset(editing, sample_plan))
    form = dialog.form
    qtbot.keyClicks(form.budget, "1,000")
    assert dialog.ok_button.isEnabled()

    # Down arrow in the year section: the end moves to 2025, before the start.
    form.end.setFocus()
    qtbot.keyClick(form.end, Qt.Key.Key_Down)

    assert form.end.date().year() == 2025
    assert not dialog.ok_button.isEnabled()
    message = form.message("flight.end")
    assert message.isVisible()
    assert "must not be before start 2026-03-10" in message.text()
    assert not form.message("flight.budget").isVisible()


@pytest.mark.parametrize(("typed", "expected"), [
    ("-500", "non-negative"),
    ("12abc", "Not an amount"),
    ("", "Enter an amount"),
])
def test_a_bad_budget_disables_ok_with_its_message(qtbot, editing, sample_plan, typed,
                                                   expected):
    dialog = _dialog(qtbot, editing, preset=_preset(editing, sample_plan))
    qtbot.keyClicks(dialog.form.budget, "2,500")
    assert dialog.ok_button.isEnabled()

    _retype(qtbot, dialog.form.budget, typed)

    assert not dialog.ok_button.isEnabled()
    message = dialog.form.message("flight.budget")
    assert message.isVisible()
    assert expected in message.text()


def test_a_missing_channel_disables_ok_until_one_is_picked(qtbot, editing):
    dialog = _dialog(qtbot, editing,
                     preset={"campaign_id": _campaign(editing, "Brand story"), "start": MARCH})
    form = dialog.form
    qtbot.keyClicks(form.budget, "10")
    message = form.message("flight.channel_id")
    assert not dialog.ok_button.isEnabled()
    assert message.isVisible() and message.text() == "Choose a channel"

    qtbot.keyClick(form.channel, Qt.Key.Key_Down)

    assert form.channel.currentText() == "Tmall"
    assert not message.isVisible()
    assert dialog.ok_button.isEnabled()


def test_valid_input_writes_exactly_those_values_and_undo_restores_the_file(
        qtbot, editing, sample_plan):
    before = editing.dump()
    dialog = _dialog(qtbot, editing, preset=_preset(editing, sample_plan))
    form = dialog.form
    qtbot.keyClicks(form.name, "WeChat moments burst")
    qtbot.keyClicks(form.budget, "12,345.67")
    qtbot.keyClicks(form.notes, "booked via agency")
    qtbot.keyClick(form.pattern, Qt.Key.Key_Down)  # even -> front-loaded
    assert form.ratio.isVisible() and not form.on_days.isVisible()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == FlightDialog.DialogCode.Accepted

    command = new_flight_command(editing.document, dialog.values())
    editing.document.push(command)

    added = [f for f in editing.index.flights.values() if f.name == "WeChat moments burst"]
    assert len(added) == 1
    stored = rows.get(editing.document.plan.db, Flight, added[0].id)
    assert (stored.campaign_id, stored.channel_id) == (_campaign(editing, "618 promotion"),
                                                       sample_plan.channel_ids["WeChat"])
    assert (stored.start, stored.end) == (dt.date(2026, 3, 10), dt.date(2026, 3, 20))
    assert stored.budget_minor == 1_234_567
    assert stored.notes == "booked via agency"
    assert stored.phasing == {"pattern": "front"}
    assert stored.unit_kind is None and stored.units is None

    editing.document.undo_stack.undo()
    assert editing.dump() == before


def test_units_times_unit_cost_sets_the_budget(qtbot, editing, sample_plan):
    dialog = _dialog(qtbot, editing, preset=_preset(editing, sample_plan))
    form = dialog.form
    assert not form.units.isVisible()
    form.unit_kind.setFocus()
    qtbot.keyClick(form.unit_kind, Qt.Key.Key_Down)  # cpm
    assert form.units.isVisible()
    qtbot.keyClicks(form.units, "2,000")
    qtbot.keyClicks(form.unit_cost, "35.50")

    assert form.budget.text() == "71,000.00"
    assert dialog.ok_button.isEnabled()
    values = dialog.values()
    assert (values["unit_kind"], values["units"], values["unit_cost_minor"],
            values["budget_minor"]) == ("cpm", 2000, 3550, 7_100_000)

    _retype(qtbot, form.units, "many")
    assert not dialog.ok_button.isEnabled()
    assert form.message("flight.units").isVisible()


def test_a_flight_outside_the_horizon_only_warns(qtbot, editing, sample_plan):
    preset = {**_preset(editing, sample_plan), "end": dt.date(2027, 1, 10)}
    dialog = _dialog(qtbot, editing, preset=preset)
    qtbot.keyClicks(dialog.form.budget, "100")

    message = dialog.form.message("flight.end")
    assert message.isVisible()
    assert "after the plan horizon" in message.text()
    assert dialog.ok_button.isEnabled()


def test_an_edit_sends_only_changed_fields_and_undoes_to_the_same_file(
        qtbot, editing, sample_plan):
    flight_id = sample_plan.flight_ids[0]
    before = editing.dump()
    dialog = _dialog(qtbot, editing, flight_id=flight_id)
    assert dialog.windowTitle() == "Edit flight"
    assert dialog.ok_button.isEnabled()
    assert edit_flight_command(editing.document, flight_id, dialog.values()) is None

    _retype(qtbot, dialog.form.budget, "280,000")
    command = edit_flight_command(editing.document, flight_id, dialog.values())
    editing.document.push(command)

    assert editing.index.flights[flight_id].budget_minor == 28_000_000
    flights_before = {row[0][1]: row for row in before["flights"]}
    flights_after = {row[0][1]: row for row in editing.dump()["flights"]}
    changed = [i for i, (old, new) in enumerate(zip(flights_before[flight_id],
                                                    flights_after[flight_id], strict=True))
               if old != new]
    assert len(changed) == 1  # the budget column, nothing else rewritten
    editing.document.undo_stack.undo()
    assert editing.dump() == before
