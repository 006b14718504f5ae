"""From a form's values to undoable commands: create with all, edit with what changed.

An edit sends only the fields that differ from the record, so an edit of the
budget never rewrites (and on undo never reverts) a name someone else changed in
between, and an untouched form pushes nothing at all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ui.commands.base import ServiceCommand
from ui.document import PlanDocument

Normalise = Mapping[str, Callable[[Any], Any]]


def changed_fields(current: Any, values: Mapping[str, Any],
                   normalise: Normalise | None = None) -> dict[str, Any]:
    """The values that differ from `current`'s attributes.

    `normalise` maps a field to a function making equal meanings compare equal
    (a stored phasing of None and {"pattern": "even"} are the same phasing).
    """
    same = normalise or {}
    out = {}
    for name, value in values.items():
        key = same.get(name, _identity)
        if key(getattr(current, name)) != key(value):
            out[name] = value
    return out


def edit_command(document: PlanDocument, text: str, service: Callable[..., Any],
                 record_id: str, changes: Mapping[str, Any]) -> ServiceCommand | None:
    """`service(plan, record_id, **changes)` as a command; None when nothing changed."""
    if not changes:
        return None
    return ServiceCommand(document, text, service, record_id, **changes)


def _identity(value: Any) -> Any:
    return value
