"""What a run of logged changes did to each record, all told.

A copy's actions since the common ancestor are replayed field by field, in the order
they were written, into one net effect per record: added, deleted or edited (with the
fields that end up different). Undo and redo are ordinary actions in the log, so a
field changed and then undone nets to no change, and a record deleted and restored
nets to whatever differs between before and after.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

Key = tuple[str, str]  # (table, row id)


@dataclass
class RowEffect:
    """The net effect of one copy's changes on one record.

    `before` holds the values at the common ancestor that the log tells (every field
    once the record was deleted; only the touched fields for plain edits); `after`
    the values now (every field when the record was inserted last).
    """

    table: str
    row_id: str
    existed: bool
    exists: bool = True
    before: dict[str, object] = field(default_factory=dict)
    after: dict[str, object] = field(default_factory=dict)
    whole: bool = False  # `after` is the whole row (inserted since the ancestor)

    @property
    def kind(self) -> str | None:
        """"added", "deleted", "edited", or None when it all cancelled out."""
        if not self.existed:
            return "added" if self.exists else None
        if not self.exists:
            return "deleted"
        return "edited" if self.changed else None

    @property
    def changed(self) -> tuple[str, ...]:
        """The fields whose value now differs from the ancestor's (every field of an
        added record)."""
        if not self.existed:
            return tuple(self.after)
        if not self.exists:
            return ()
        return tuple(f for f, v in self.after.items() if self.before.get(f, _ABSENT) != v)

    def version(self, ancestor: dict[str, object] | None) -> dict[str, object] | None:
        """The whole record as this copy has it, given the ancestor's record."""
        if not self.exists:
            return None
        if self.whole or ancestor is None:
            return dict(self.after)
        return {**ancestor, **self.after}


_ABSENT = object()


def _decode(text: str | None) -> object:
    return None if text is None else json.loads(text)


def compose(changes: Iterable[tuple[str, str, str, str | None, str | None, str | None]]
            ) -> dict[Key, RowEffect]:
    """Net effects of `(table, row id, op, field, old, new)` changes given in the order
    they were written; records whose changes cancel out are left out."""
    effects: dict[Key, RowEffect] = {}
    pristine: set[Key] = set()  # only field updates so far: `before` is the ancestor's
    for table, row_id, op, fname, old, new in changes:
        key = (table, row_id)
        effect = effects.get(key)
        if effect is None:
            effect = effects[key] = RowEffect(table, row_id, existed=op != "insert")
            pristine.add(key)
        if op == "update":
            if key in pristine and fname not in effect.before:
                effect.before[fname] = _decode(old)  # type: ignore[index]
            effect.after[fname] = _decode(new)  # type: ignore[index]
        elif op == "delete":
            if key in pristine:
                for f, v in _decode(old).items():  # type: ignore[union-attr]
                    effect.before.setdefault(f, v)
                pristine.discard(key)
            effect.exists, effect.after, effect.whole = False, {}, False
        else:
            pristine.discard(key)
            effect.exists, effect.after, effect.whole = True, dict(_decode(new)), True  # type: ignore[arg-type]
    return {key: e for key, e in effects.items() if e.kind is not None}
