"""What each cell of the flights table shows, sorts by and edits, for one flight.

Plain functions of a frozen `Flight` and the `PlanIndex`, apart from the model
so the model file keeps to rows and edits. Sort keys are real values (day
numbers, minor units, folded names), never the displayed text, so 9 Mar sorts
before 10 Mar and ¥900 before ¥1,000.
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QDate

from planner.domain.entities import Flight
from ui.formatting import format_date, format_money
from ui.models.flight_filter import fold
from ui.models.plan_index import PlanIndex
from ui.models.vocabulary import PATTERN_LABELS, label


class Column(IntEnum):
    CAMPAIGN = 0
    CHANNEL = 1
    NAME = 2
    START = 3
    END = 4
    DAYS = 5
    BUDGET = 6
    PHASING = 7
    COMMITTED = 8
    NOTES = 9


TEXT_FIELDS = {Column.NAME: "name", Column.NOTES: "notes"}
EDITABLE = frozenset({Column.NAME, Column.CHANNEL, Column.START, Column.END, Column.BUDGET,
                      Column.NOTES})
# A committed flight is contracted: the services refuse to move or reshape it.
LOCKED = frozenset({Column.CHANNEL, Column.START, Column.END, Column.BUDGET})
NUMERIC = frozenset({Column.DAYS, Column.BUDGET})


def as_date(value: Any) -> dt.date:
    """A date from an editor (QDate), from code (date) or typed ISO text.

    :raises ValueError: when `value` is not a date.
    """
    if isinstance(value, QDate):
        if not value.isValid():
            raise ValueError(f"not a date: {value!r}")
        return value.toPython()  # type: ignore[return-value]
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value).strip())


def pattern(flight: Flight) -> str:
    return (flight.phasing or {}).get("pattern", "even")


def display(flight: Flight, column: int, index: PlanIndex, currency: str) -> Any:
    if column == Column.CAMPAIGN:
        return index.campaign_name(flight)
    if column == Column.CHANNEL:
        return index.channel_name(flight.channel_id)
    if column == Column.NAME:
        return flight.name
    if column == Column.START:
        return format_date(flight.start)
    if column == Column.END:
        return format_date(flight.end)
    if column == Column.DAYS:
        return flight.span.days
    if column == Column.BUDGET:
        return format_money(flight.budget_minor, currency)
    if column == Column.PHASING:
        return label(PATTERN_LABELS, pattern(flight))
    if column == Column.NOTES:
        return flight.notes.split("\n", 1)[0]
    return None


def sort_key(flight: Flight, column: int, index: PlanIndex) -> int | str:
    if column == Column.START:
        return flight.start.toordinal()
    if column == Column.END:
        return flight.end.toordinal()
    if column == Column.DAYS:
        return flight.span.days
    if column == Column.BUDGET:
        return flight.budget_minor
    if column == Column.COMMITTED:
        return int(flight.committed)
    if column == Column.NOTES:
        return fold(flight.notes)
    return fold(str(display(flight, column, index, "")))


def edit_value(flight: Flight, column: int, index: PlanIndex, currency: str) -> Any:
    """What an editor starts from: the channel's id, a QDate, money without a symbol."""
    if column == Column.CHANNEL:
        return flight.channel_id
    if column == Column.START:
        return QDate(flight.start)
    if column == Column.END:
        return QDate(flight.end)
    if column == Column.BUDGET:
        return format_money(flight.budget_minor, currency, symbol=False)
    if column == Column.NOTES:
        return flight.notes
    return display(flight, column, index, currency)
