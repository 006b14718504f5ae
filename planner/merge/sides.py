"""Each copy's history since the common ancestor, read from its change log.

Action ids are UUIDs made where the action happened, so the actions two copies share
are the ones whose ids both logs hold: that set is the common ancestor. A merge
records the other copy's actions in the log as kind "merged", pointing (`reverts`) at
the merge action that brought their changes in; while that merge is undone they do
not count as shared, so merging again after an undo brings the changes back.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.merge.net import Key, RowEffect, compose
from planner.storage.bulk import BULK_OPS, expand
from planner.storage.plan_file import Plan

MERGED_KIND = "merged"


@dataclass(frozen=True)
class ActionRow:
    """An action of the other copy, as it is written into this copy's log."""

    id: str
    label: str
    at: str
    hlc: str
    copy_id: str
    user: str


def effective_actions(plan: Plan) -> dict[str, int]:
    """Action id -> seq of every action whose changes are in the plan now."""
    rows = plan.db.execute(
        "SELECT a.id, a.seq FROM actions a LEFT JOIN actions m ON m.id = a.reverts "
        f"WHERE a.kind != '{MERGED_KIND}' OR COALESCE(m.undone, 0) = 0"
    )
    return dict(rows.fetchall())


@dataclass(frozen=True)
class Side:
    """One copy's changes since the ancestor, netted per record."""

    effects: dict[Key, RowEffect]
    new_actions: tuple[str, ...]  # in the copy's own order
    shared: int


def read_side(plan: Plan, own: dict[str, int], other: dict[str, int]) -> Side:
    """Net effects of the actions in `own` (this copy's) that are not in `other`."""
    new = sorted((seq, aid) for aid, seq in own.items() if aid not in other)
    ids = {aid for _, aid in new}
    changes = []
    if new:
        cursor = plan.db.execute(
            "SELECT action_id, tbl, row_id, op, field, old, new FROM changes WHERE action_id "
            "IN (SELECT id FROM actions WHERE seq >= ?) ORDER BY seq", [new[0][0]])
        for row in cursor:
            if row[0] not in ids:
                continue
            if row[3] in BULK_OPS:  # many whole rows in one record: one insert or delete each
                changes.extend(expand(row[1], row[3], row[4], row[5], row[6]))
            else:
                changes.append(row[1:])
    return Side(compose(changes), tuple(aid for _, aid in new), len(own) - len(new))


def action_rows(plan: Plan, ids: tuple[str, ...]) -> tuple[ActionRow, ...]:
    """The rows of `ids`, in the order given."""
    wanted = set(ids)
    found = {row[0]: ActionRow(*row) for row in plan.db.execute(
        "SELECT id, label, at, hlc, copy_id, user FROM actions") if row[0] in wanted}
    return tuple(found[i] for i in ids)
