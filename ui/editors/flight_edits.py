"""Flight dialog and inspector values to commands, and the flight they would make.

`candidate_flight` builds the record the service will store from the same values
(units × unit cost included, through the core's own `with_units`), so the form
validates exactly what will be written.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from planner.domain.entities import Flight
from planner.domain.phasing import Phasing
from planner.services import flights
from planner.storage import rows
from ui.commands.base import ServiceCommand
from ui.document import PlanDocument
from ui.editors.edits import changed_fields, edit_command

_SPAN_FIELDS = ("campaign_id", "channel_id", "start", "end", "budget_minor")
NORMALISE = {"phasing": Phasing.from_dict}


def flight_changes(current: Flight, values: Mapping[str, Any]) -> dict[str, Any]:
    return changed_fields(current, values, NORMALISE)


def candidate_flight(current: Flight | None, values: Mapping[str, Any]) -> Flight:
    """The flight `add_flight` (current None) or `update_flight` would store."""
    if current is None:
        base = Flight(id="", **{name: values[name] for name in _SPAN_FIELDS})
        return flights.with_units(base, {k: v for k, v in values.items()
                                         if k not in _SPAN_FIELDS})
    return flights.with_units(current, flight_changes(current, values))


def new_flight_command(document: PlanDocument, values: Mapping[str, Any]) -> ServiceCommand:
    """Add a flight with every value from the dialog."""
    return ServiceCommand(document, QCoreApplication.translate("FlightEdits", "Add flight"),
                          flights.add_flight, **values)


def edit_flight_command(document: PlanDocument, flight_id: str,
                        values: Mapping[str, Any]) -> ServiceCommand | None:
    """Change only the fields that differ from the flight on file; None when none do."""
    current = rows.get(document.plan.db, Flight, flight_id)
    return edit_command(document, QCoreApplication.translate("FlightEdits", "Edit flight"),
                        flights.update_flight, flight_id, flight_changes(current, values))
