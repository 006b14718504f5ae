"""Add, edit and remove any record as one user action.

The entity services build on these three so every record gets the same
treatment: validated before anything is written, references checked with a
message that names the field, one captured transaction, a `Done` back.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from planner.domain import entities as e
from planner.domain import validate
from planner.domain.changes import Done
from planner.errors import ValidationError
from planner.storage import history, rows
from planner.storage.plan_file import Plan

T = TypeVar("T")

REFERENCES: dict[type, dict[str, type]] = {
    e.Campaign: {"segment_id": e.Segment},
    e.KpiTarget: {"campaign_id": e.Campaign},
    e.Flight: {"campaign_id": e.Campaign, "channel_id": e.Channel},
    e.Event: {"channel_id": e.Channel},
    e.Placeholder: {"channel_id": e.Channel},
}


def check_references(plan: Plan, entity: Any) -> None:
    for field, target in REFERENCES.get(type(entity), {}).items():
        value = getattr(entity, field)
        if value is None:
            continue
        table = rows.TABLES[target]
        if plan.db.execute(f'SELECT 1 FROM "{table}" WHERE id = ?', [value]).fetchone() is None:
            raise ValidationError(f"{rows.noun(rows.TABLES[type(entity)])}.{field}", value,
                                  f"no {rows.noun(table)} has this id")


def write_new(plan: Plan, entity: Any) -> None:
    """Validate and insert inside an action that is already open."""
    validate.check(entity)
    check_references(plan, entity)
    rows.insert(plan.db, entity)


def write_changed(plan: Plan, entity: Any) -> None:
    validate.check(entity)
    check_references(plan, entity)
    rows.update(plan.db, entity)


def add(plan: Plan, entity: Any, label: str) -> Done:
    with plan.action(label) as act:
        write_new(plan, entity)
    return history.done(plan, act, created_id=entity.id)


def check_fields(cls: type, changes: dict[str, Any]) -> None:
    """Unknown field names are refused by name (the id is never editable)."""
    known = {f.name for f in dataclasses.fields(cls)} - {"id"}
    for name in changes:
        if name not in known:
            raise ValidationError(f"{rows.noun(rows.TABLES[cls])}.{name}", changes[name],
                                  "is not a field that can be edited")


def edit(plan: Plan, cls: type[T], record_id: str, label: str, **changes: Any) -> Done:
    """Change fields of one record."""
    check_fields(cls, changes)
    with plan.action(label) as act:
        current = rows.get(plan.db, cls, record_id)
        write_changed(plan, dataclasses.replace(current, **changes))  # type: ignore[type-var]
    return history.done(plan, act)


def duplicate(plan: Plan, cls: type[T], record_id: str, label: str, **overrides: Any) -> Done:
    """A copy under a new id (names get " (copy)" unless given)."""
    check_fields(cls, overrides)
    with plan.action(label) as act:
        source = rows.get(plan.db, cls, record_id)
        if hasattr(source, "name") and "name" not in overrides:
            overrides["name"] = f"{source.name} (copy)"  # type: ignore[attr-defined]
        copy = dataclasses.replace(source, id=e.new_id(), **overrides)  # type: ignore[type-var]
        write_new(plan, copy)
    return history.done(plan, act, created_id=copy.id)


def remove(plan: Plan, cls: type, record_id: str, label: str) -> Done:
    with plan.action(label) as act:
        rows.get(plan.db, cls, record_id)
        rows.delete(plan.db, cls, record_id)
    return history.done(plan, act)


def count(plan: Plan, table: str, where: str, params: list[Any]) -> int:
    return plan.db.execute(f'SELECT COUNT(*) FROM "{table}" WHERE {where}', params).fetchone()[0]
