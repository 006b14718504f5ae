"""The inspector: committed fields write the file (one undo step each), invalid input
writes nothing, edits made elsewhere show up without eating a field being typed in."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from planner.services import flights
from tests.ui.editing import Editing, open_editing
from ui.commands.base import ServiceCommand
from ui.editors.inspector import Inspector


def _inspector(qtbot: QtBot, editing: Editing) -> Inspector:
    inspector = Inspector(editing.document, editing.index, editing.selection)
    qtbot.addWidget(inspector)
    inspector.show()
    qtbot.waitExposed(inspector)
    return inspector


def _budget_on_file(path: Path, flight_id: str) -> int:
    """Read by a connection of its own: what another program would see in the file."""
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT budget_minor FROM flights WHERE id = ?",
                            [flight_id]).fetchone()[0]


def _retype(qtbot: QtBot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_nothing_selected_shows_a_hint(qtbot, editing):
    inspector = _inspector(qtbot, editing)
    assert inspector.hint.isVisible()
    assert "Select a flight or a campaign" in inspector.hint.text()
    assert not inspector.flight_form.isVisible()


def test_a_committed_budget_is_written_to_the_file_as_one_undo_step(qtbot, editing,
                                                                   sample_plan):
    flight_id = sample_plan.flight_ids[0]
    inspector = _inspector(qtbot, editing)
    editing.selection.select_flights([flight_id])
    form = inspector.flight_form
    assert form.isVisible() and form.budget.text() == "300,000.00"

    _retype(qtbot, form.budget, "123,456")
    assert _budget_on_file(sample_plan.path, flight_id) == 300_000_00  # not yet committed
    qtbot.keyClick(form.budget, Qt.Key.Key_Return)

    assert _budget_on_file(sample_plan.path, flight_id) == 123_456_00
    assert editing.document.undo_stack.count() == 1
    assert form.budget.text() == "123,456.00"
    editing.document.undo_stack.undo()
    assert _budget_on_file(sample_plan.path, flight_id) == 300_000_00
    assert form.budget.text() == "300,000.00"


def test_invalid_input_shows_its_message_and_writes_nothing(qtbot, editing, sample_plan):
    flight_id = sample_plan.flight_ids[1]
    inspector = _inspector(qtbot, editing)
    editing.selection.select_flights([flight_id])
    before = editing.dump()
    form = inspector.flight_form

    _retype(qtbot, form.budget, "lots")
    qtbot.keyClick(form.budget, Qt.Key.Key_Return)
    _retype(qtbot, form.budget, "-10")
    qtbot.keyClick(form.budget, Qt.Key.Key_Return)

    message = form.message("flight.budget")
    assert message.isVisible() and "non-negative" in message.text()
    assert editing.dump() == before
    assert editing.document.undo_stack.count() == 0


def test_an_edit_made_elsewhere_shows_without_eating_typing(qtbot, editing, sample_plan):
    flight_id = sample_plan.flight_ids[2]
    inspector = _inspector(qtbot, editing)
    editing.selection.select_flights([flight_id])
    form = inspector.flight_form
    _retype(qtbot, form.notes, "half-typed note")

    editing.document.push(ServiceCommand(editing.document, "Rename", flights.update_flight,
                                         flight_id, name="WeChat launch",
                                         budget_minor=260_000_00))

    assert form.name.text() == "WeChat launch"
    assert form.budget.text() == "260,000.00"
    assert form.notes.text() == "half-typed note"


def test_a_campaign_objective_change_is_written_at_once(qtbot, editing):
    campaign = next(c for c in editing.index.campaigns.values() if c.name == "618 promotion")
    inspector = _inspector(qtbot, editing)
    editing.selection.select([("campaign", campaign.id)])
    form = inspector.campaign_form
    assert form.isVisible() and form.name.text() == "618 promotion"

    qtbot.keyClick(form.objective, Qt.Key.Key_Down)  # promotion -> mixed

    stored = editing.index.campaigns[campaign.id]
    assert (stored.objective, stored.brand_share_bp) == ("mixed", 5000)
    assert editing.document.undo_stack.count() == 1


def test_a_multi_selection_shows_count_total_and_asks_for_bulk_edit(qtbot, editing,
                                                                    sample_plan):
    inspector = _inspector(qtbot, editing)
    chosen = sample_plan.flight_ids[1:]
    editing.selection.select_flights(chosen)

    assert inspector.count_label.text() == "2 flights selected"
    assert inspector.total_label.text() == "Total budget: ¥400,000.00"
    with qtbot.waitSignal(inspector.bulk_edit_requested) as requested:
        qtbot.mouseClick(inspector.bulk_button, Qt.MouseButton.LeftButton)
    assert requested.args == [chosen]


def test_a_read_only_plan_shows_disabled_fields(qtbot, sample_plan):
    with open_editing(sample_plan.path, read_only=True) as editing:
        inspector = _inspector(qtbot, editing)
        editing.selection.select_flights([sample_plan.flight_ids[0]])
        assert inspector.flight_form.isVisible()
        assert not inspector.flight_form.budget.isEnabled()
        editing.selection.select_flights(sample_plan.flight_ids)
        assert not inspector.bulk_button.isEnabled()


def test_a_date_picked_in_the_calendar_is_written_only_when_valid(qtbot, editing,
                                                                  sample_plan):
    flight_id = sample_plan.flight_ids[0]
    inspector = _inspector(qtbot, editing)
    editing.selection.select_flights([flight_id])
    calendar = inspector.flight_form.end.calendarWidget()
    before = editing.dump()

    calendar.setSelectedDate(QDate(2026, 2, 20))  # before the start: refused inline
    message = inspector.flight_form.message("flight.end")
    assert message.isVisible() and "must not be before start" in message.text()
    assert editing.dump() == before

    calendar.setSelectedDate(QDate(2026, 3, 20))
    assert editing.index.flights[flight_id].end == dt.date(2026, 3, 20)
    assert not message.isVisible()
    assert editing.document.undo_stack.count() == 1
