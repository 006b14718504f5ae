"""Rows <-> entities: ISO dates, JSON for lists and phasing, integers for money.

The only place that knows how a record is laid out in its table.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any, TypeVar

from planner.domain.entities import (
    Campaign,
    Channel,
    Event,
    Flight,
    KpiTarget,
    Placeholder,
    PlanSettings,
    Segment,
)
from planner.errors import NotFound

T = TypeVar("T")

TABLES: dict[type, str] = {
    Channel: "channels", Segment: "segments", Campaign: "campaigns", KpiTarget: "kpi_targets",
    Flight: "flights", Event: "events", Placeholder: "placeholders",
}
_DATE_FIELDS = {"start", "end", "booking_deadline", "horizon_start", "horizon_end", "booked_on"}
_NOUNS = {"channels": "channel", "segments": "segment", "campaigns": "campaign",
          "kpi_targets": "KPI target", "flights": "flight", "events": "event",
          "placeholders": "placeholder"}


def to_row(entity: Any) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for f in dataclasses.fields(entity):
        value = getattr(entity, f.name)
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif f.name == "tags":
            value = json.dumps(list(value), ensure_ascii=False)
        elif f.name == "phasing":
            value = None if value is None else json.dumps(value, sort_keys=True)
        elif isinstance(value, bool):
            value = int(value)
        row[f.name] = value
    return row


def from_row(cls: type[T], row: dict[str, Any]) -> T:
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    values: dict[str, Any] = {}
    for key, value in row.items():
        if key not in names:
            continue
        if key in _DATE_FIELDS and value is not None:
            value = dt.date.fromisoformat(value)
        elif key == "tags":
            value = tuple(json.loads(value or "[]"))
        elif key == "phasing":
            value = None if value is None else json.loads(value)
        elif key == "committed":
            value = bool(value)
        values[key] = value
    return cls(**values)


def noun(table: str) -> str:
    return _NOUNS.get(table, table)


def get(db: Any, cls: type[T], record_id: str) -> T:
    table = TABLES[cls]
    rows = list(db.query(f'SELECT * FROM "{table}" WHERE id = ?', [record_id]))
    if not rows:
        raise NotFound(f"no {noun(table)} with id {record_id}")
    return from_row(cls, rows[0])


def all_of(db: Any, cls: type[T], order: str = "rowid") -> list[T]:
    table = TABLES[cls]
    return [from_row(cls, row) for row in db.query(f'SELECT * FROM "{table}" ORDER BY {order}')]


def insert(db: Any, entity: Any) -> None:
    row = to_row(entity)
    columns = ", ".join(f'"{c}"' for c in row)
    marks = ", ".join("?" for _ in row)
    db.execute(f'INSERT INTO "{TABLES[type(entity)]}" ({columns}) VALUES ({marks})',
               list(row.values()))


def update(db: Any, entity: Any) -> None:
    """Write every field; the capture triggers log only those that changed."""
    row = to_row(entity)
    record_id = row.pop("id")
    assignments = ", ".join(f'"{c}" = ?' for c in row)
    db.execute(f'UPDATE "{TABLES[type(entity)]}" SET {assignments} WHERE id = ?',
               [*row.values(), record_id])


def delete(db: Any, cls: type, record_id: str) -> None:
    db.execute(f'DELETE FROM "{TABLES[cls]}" WHERE id = ?', [record_id])


# -- settings: one row per key, JSON values -------------------------------------------

def read_settings(db: Any) -> PlanSettings:
    pairs = db.execute("SELECT key, value FROM settings")
    stored = {key: json.loads(value) for key, value in pairs}
    return from_row(PlanSettings, stored)


def write_settings(db: Any, settings: PlanSettings) -> None:
    for key, value in to_row(settings).items():
        encoded = json.dumps(value, ensure_ascii=False, sort_keys=True)
        db.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value "
            "WHERE value IS NOT excluded.value",
            [key, encoded],
        )
