"""Apply a previewed merge: one backup, one transaction, one undoable action.

The writes are exactly the preview's (its changes from the other copy and, per
conflict, the chosen side's). The other copy's actions go into this copy's log as
kind "merged", pointing at the merge action: merging the same copy again finds them
shared and changes nothing, and after Undo of the merge they count as unmerged again.
Then the plan's health rules run; findings the merge created come first.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

from planner.domain.changes import PlanChanges
from planner.errors import PlannerError
from planner.merge.model import SIDES, MergeDone, MergePreview, RowOp
from planner.merge.sides import MERGED_KIND, ActionRow
from planner.services import health
from planner.storage import backups, history, rows
from planner.storage.plan_file import Plan
from planner.storage.schema import primary_key


class MergeError(PlannerError):
    """The merge cannot be applied as previewed; nothing was written."""


def choose_all(preview: MergePreview, side: str) -> dict[str, str]:
    """Every conflict resolved to `side` ("mine" or "theirs")."""
    return {c.key: side for c in preview.conflicts}


def _check(mine: Plan, preview: MergePreview, choices: Mapping[str, str]) -> None:
    if mine.path.resolve() != preview.mine_path.resolve() or mine.plan_id != preview.plan_id:
        raise MergeError(f"the preview was made for {preview.mine_path}, not {mine.path}")
    head = mine.db.execute("SELECT id FROM actions ORDER BY seq DESC LIMIT 1").fetchone()
    if (head[0] if head else None) != preview.mine_head:
        raise MergeError(f"{mine.path.name} changed since the merge preview; preview again")
    keys = {c.key for c in preview.conflicts}
    for key, side in choices.items():
        if key not in keys:
            raise MergeError(f"no conflict {key!r} in this merge")
        if side not in SIDES:
            raise MergeError(f"conflict {key!r}: choose 'mine' or 'theirs', not {side!r}")
    missing = [c.text for c in preview.conflicts if c.key not in choices]
    if missing:
        raise MergeError(f"{len(missing)} conflict(s) have no choice yet, e.g. {missing[0]}")


def _write(plan: Plan, op: RowOp) -> None:
    pk = primary_key(op.table)
    if op.op == "insert":
        columns = ", ".join(f'"{c}"' for c in op.values)
        marks = ", ".join("?" for _ in op.values)
        plan.db.execute(f'INSERT INTO "{op.table}" ({columns}) VALUES ({marks})',
                        list(op.values.values()))
    elif op.op == "delete":
        plan.db.execute(f'DELETE FROM "{op.table}" WHERE "{pk}" = ?', [op.row_id])
    else:
        sets = ", ".join(f'"{c}" = ?' for c in op.values)
        plan.db.execute(f'UPDATE "{op.table}" SET {sets} WHERE "{pk}" = ?',
                        [*op.values.values(), op.row_id])


def _record(plan: Plan, merge_id: str | None, imported: tuple[ActionRow, ...]) -> None:
    """The other copy's actions as already-applied history of the merge `merge_id` (of
    none, when the merge kept this copy's side everywhere and wrote nothing). The last
    row of the log then carries the latest clock stamp seen, as a hybrid logical clock
    needs: the merge action, stamped past every imported action, or the previous last
    action when its stamp is later than theirs."""
    head_id, seq, head_hlc = plan.db.execute(
        "SELECT id, seq, hlc FROM actions ORDER BY seq DESC LIMIT 1").fetchone()
    for offset, a in enumerate(imported, start=1):
        plan.db.execute(
            "INSERT INTO actions(id, seq, label, kind, at, hlc, copy_id, user, reverts) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "reverts = excluded.reverts",
            [a.id, seq + offset, a.label, MERGED_KIND, a.at, a.hlc, a.copy_id, a.user, merge_id])
    latest = max(a.hlc for a in imported)
    if merge_id is None and head_hlc <= latest:
        return
    stamp = head_hlc
    if head_hlc <= latest:
        ms, count = (int(part) for part in latest.split("-")[:2])
        stamp = f"{ms:015d}-{count + 1:05d}-{plan.copy_id}"
    plan.db.execute("UPDATE actions SET seq = ?, hlc = ? WHERE id = ?",
                    [seq + len(imported) + 1, stamp, head_id])


def _new_first(before: list[health.Finding], after: list[health.Finding]
               ) -> tuple[tuple[health.Finding, ...], tuple[health.Finding, ...]]:
    seen = {(f.rule, f.message) for f in before}
    created = tuple(f for f in after if (f.rule, f.message) not in seen)
    return created + tuple(f for f in after if f not in created), created


def apply_merge(mine: Plan, preview: MergePreview, choices: Mapping[str, str]) -> MergeDone:
    """Merge as previewed, with one side chosen per conflict (`choose_all` for all).

    :raises MergeError: a conflict has no choice, or the plan changed since the preview;
        nothing is written.
    """
    _check(mine, preview, choices)
    ops = [op for item in preview.items for op in item.ops]
    ops += [op for c in preview.conflicts for op in c.ops(choices[c.key])]
    if not ops:  # this copy's side everywhere: only remember what was merged
        if preview.theirs_actions:
            with mine.db.atomic():
                _record(mine, None, preview.theirs_actions)
        return MergeDone(None, PlanChanges())
    before = health.check(mine)
    snapshot = backups.take(mine.db.conn, mine.path, mine.plan_id, reason="before-merge",
                            keep=rows.read_settings(mine.db).backup_keep)
    try:
        with mine.action(f"Merge copy from {preview.theirs_user}") as act:
            mine.db.execute("PRAGMA defer_foreign_keys = ON")
            for op in ops:
                _write(mine, op)
            _record(mine, act.id, preview.theirs_actions)
    except sqlite3.IntegrityError as exc:
        raise MergeError(f"the merged plan would be inconsistent ({exc}); nothing was "
                         "merged — choose the other side for the conflicts involved") from None
    done = history.done(mine, act)
    findings, created = _new_first(before, health.check(mine))
    return MergeDone(done.action_id, done.changes, findings=findings, created=created,
                     backup=snapshot.path)
