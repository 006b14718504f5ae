"""The in-memory index and the shared selection follow the plan file through edits."""

from __future__ import annotations

import datetime as dt

from planner.services import flight_edits, flights, plan_settings
from planner.storage.plan_file import open_plan
from ui.commands.base import ServiceCommand
from ui.document import PlanDocument
from ui.models.plan_index import PlanIndex
from ui.selection import Selection


def test_index_follows_edits_undo_and_close(qtbot, sample_plan):
    document = PlanDocument()
    index = PlanIndex(document)
    selection = Selection(index)
    document.open(open_plan(sample_plan.path))
    try:
        assert len(index.flights) == 3 and list(index.channels) == list(
            sample_plan.channel_ids.values())
        first = sample_plan.flight_ids[0]
        selection.select_flights([first])
        document.push(ServiceCommand(document, "Move", flight_edits.move_flights, [first], 5))
        assert index.flights[first].start == dt.date(2026, 3, 6)
        document.push(ServiceCommand(document, "Copy", flight_edits.copy_flights, [first], 40))
        assert len(index.flights) == 4
        copy = next(i for i in index.flights if i not in sample_plan.flight_ids)
        selection.select_flights([copy])
        with qtbot.waitSignal(selection.changed):
            document.undo_stack.undo()  # the copy goes, and with it the selection
        assert len(index.flights) == 3 and selection.items == ()
        document.undo_stack.undo()
        assert index.flights[first].start == dt.date(2026, 3, 1)
        assert index.baseline == {}
        document.run(plan_settings.take_baseline, "Approved")
        assert index.baseline[first].budget_minor == 300_000_00
        document.run(flights.delete_flights, [first])
        assert first not in index.flights
    finally:
        document.close()
    assert not index.is_open and index.flights == {}
