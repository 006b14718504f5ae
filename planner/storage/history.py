"""User actions: captured writes, undo and redo as new actions, the audit trail.

Every write a service makes inside `plan.action(...)` is recorded by triggers
(`capture.py`) field by field under that action's id; rows inserted or deleted in
bulk are logged whole, thousands to a record (`bulk.py`). Undo applies the inverse
of those changes, redo applies them again; both are themselves actions, so the
log is complete and append-only: it answers "who moved the 618 budget, and
when" and is what a merge of two offline copies reads.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import sqlite3
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.domain.changes import Done, PlanChanges
from planner.errors import NotFound, ReadOnlyPlan, UndoConflict
from planner.storage import bulk
from planner.storage.lock import current_user
from planner.storage.schema import primary_key

if TYPE_CHECKING:
    from planner.storage.plan_file import Plan

USER_KINDS = ("edit", "import", "apply")


@dataclass
class ActionHandle:
    id: str
    label: str
    kind: str
    empty: bool = False


@dataclass(frozen=True)
class Change:
    seq: int
    tbl: str
    row_id: str
    op: str
    field: str | None
    old: object
    new: object


@dataclass(frozen=True)
class ActionRecord:
    id: str
    seq: int
    label: str
    kind: str
    at: str
    user: str
    undone: bool
    reverts: str | None
    changes: tuple[Change, ...]

    def summary(self) -> str:
        """A before/after line per changed field, for the audit trail."""
        lines = []
        for ch in self.changes:
            if ch.op == "update":
                lines.append(f"{ch.tbl} {ch.row_id[:8]} {ch.field}: {ch.old!r} → {ch.new!r}")
            elif ch.op in bulk.BULK_OPS:
                held: bulk.RowSet = ch.new or ch.old  # type: ignore[assignment]
                verb = "added" if ch.op == "insert_rows" else "removed"
                lines.append(f"{ch.tbl}: {held.count} records {verb}")
            else:
                name = (ch.new or ch.old or {}).get("name", "")  # type: ignore[union-attr]
                verb = "added" if ch.op == "insert" else "removed"
                lines.append(f"{ch.tbl} {ch.row_id[:8]} {verb} {name}".rstrip())
        return "\n".join(lines)


def _next_hlc(plan: Plan) -> tuple[int, str]:
    """Next sequence number and hybrid-logical-clock stamp: orders actions across
    copies even when wall clocks disagree (wall ms, then a counter, then copy id)."""
    row = plan.db.execute("SELECT seq, hlc FROM actions ORDER BY seq DESC LIMIT 1").fetchone()
    now_ms = int(time.time() * 1000)
    if row is None:
        return 1, f"{now_ms:015d}-00000-{plan.copy_id}"
    last_ms, last_count = (int(part) for part in row[1].split("-")[:2])
    stamp = (now_ms, 0) if now_ms > last_ms else (last_ms, last_count + 1)
    return row[0] + 1, f"{stamp[0]:015d}-{stamp[1]:05d}-{plan.copy_id}"


@contextlib.contextmanager
def action(
    plan: Plan, label: str, kind: str = "edit", reverts: str | None = None
) -> Iterator[ActionHandle]:
    """One transaction whose writes are captured under a new action id.

    A service called from inside another service's action joins that action.
    An action that wrote nothing leaves no trace.
    """
    if plan.read_only:  # undo and redo come here without `Plan.action`
        raise ReadOnlyPlan(f"{plan.path.name} is open read-only; “{label}” was not done")
    outer = getattr(plan, "_open_action", None)
    if outer is not None:
        yield outer
        return
    handle = ActionHandle(str(uuid.uuid4()), label, kind)
    db = plan.db
    with db.atomic():
        plan.settle_identity()
        seq, hlc = _next_hlc(plan)
        at = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
        db.execute(
            "INSERT INTO actions(id, seq, label, kind, at, hlc, copy_id, user, reverts) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [handle.id, seq, label, kind, at, hlc, plan.copy_id, current_user(), reverts],
        )
        db.execute("INSERT INTO _current_action(id) VALUES (?)", [handle.id])
        plan._open_action = handle  # type: ignore[attr-defined]
        try:
            yield handle
        finally:
            plan._open_action = None  # type: ignore[attr-defined]
            db.execute("DELETE FROM _current_action")
        if db.execute("SELECT 1 FROM changes WHERE action_id = ? LIMIT 1", [handle.id]).fetchone():
            return
        db.execute("DELETE FROM actions WHERE id = ?", [handle.id])
        handle.empty = True


_BY_ID = {f.name for f in dataclasses.fields(PlanChanges)}  # tables it names records of


def touched(plan: Plan, action_id: str) -> PlanChanges:
    """What the action touched: the ids of the records views redraw one by one, only
    the table of the others (an import of 100,000 actuals stays small)."""
    rows: dict[str, set[str]] = defaultdict(set)
    for seq, tbl, row_id, op in plan.db.execute(
        "SELECT seq, tbl, row_id, op FROM changes WHERE action_id = ?", [action_id]
    ).fetchall():
        if op not in bulk.BULK_OPS:
            rows[tbl].add(row_id)
        elif tbl in _BY_ID:
            rows[tbl].update(bulk.ids_held(plan.db.conn, seq))
        else:
            rows.setdefault(tbl, set())
    return PlanChanges.from_rows(rows)


def done(plan: Plan, handle: ActionHandle, created_id: str | None = None) -> Done:
    """What an action did; an action that wrote nothing has no id to undo."""
    if handle.empty:
        return Done(None, PlanChanges(), created_id)
    return Done(handle.id, touched(plan, handle.id), created_id)


def _decode(text: str | None) -> object:
    return None if text is None else json.loads(text)


def changes_of(plan: Plan, action_id: str) -> list[Change]:
    """The action's change records; a bulk record's rows are a `bulk.RowSet`, read from
    the file only when asked for."""
    out = []
    for seq, tbl, row_id, op, field, old, new, count in plan.db.execute(
        "SELECT seq, tbl, row_id, op, field, old, new, NULL FROM changes "
        f"WHERE action_id = ? AND op NOT IN {bulk.OPS_SQL} UNION ALL "
        "SELECT seq, tbl, row_id, op, field, NULL, NULL, "
        "json_array_length(COALESCE(new, old)) FROM changes "
        f"WHERE action_id = ? AND op IN {bulk.OPS_SQL} ORDER BY seq",
        [action_id, action_id],
    ):
        if count is None:
            out.append(Change(seq, tbl, row_id, op, field, _decode(old), _decode(new)))
        else:
            held = bulk.RowSet(seq, count, plan.db.conn)
            out.append(Change(seq, tbl, row_id, op, None, *(
                (None, held) if op == "insert_rows" else (held, None))))
    return out


def _record(plan: Plan, row: tuple) -> ActionRecord:
    aid, seq, label, kind, at, user, undone, reverts = row
    return ActionRecord(aid, seq, label, kind, at, user, bool(undone), reverts,
                        tuple(changes_of(plan, aid)))


_ACTION_COLUMNS = "id, seq, label, kind, at, user, undone, reverts"


def get_action(plan: Plan, action_id: str) -> ActionRecord:
    row = plan.db.execute(
        f"SELECT {_ACTION_COLUMNS} FROM actions WHERE id = ?", [action_id]
    ).fetchone()
    if row is None:
        raise NotFound(f"no action {action_id} in {plan.path.name}")
    return _record(plan, row)


def log(plan: Plan, *, limit: int = 50, object_id: str | None = None) -> list[ActionRecord]:
    """Newest first; with `object_id`, only actions that touched that record."""
    if object_id is None:
        sql = f"SELECT {_ACTION_COLUMNS} FROM actions ORDER BY seq DESC LIMIT ?"
        params: list[object] = [limit]
    else:
        sql = (f"SELECT {_ACTION_COLUMNS} FROM actions WHERE id IN "
               "(SELECT action_id FROM changes WHERE row_id = ? UNION "
               f"SELECT action_id FROM changes AS c WHERE {bulk.touching('c')}) "
               "ORDER BY seq DESC LIMIT ?")
        params = [object_id, object_id, limit]
    return [_record(plan, row) for row in plan.db.execute(sql, params).fetchall()]


# -- undo and redo --------------------------------------------------------------------

def _current_row(plan: Plan, tbl: str, row_id: str) -> dict | None:
    cursor = plan.db.execute(
        f'SELECT * FROM "{tbl}" WHERE "{primary_key(tbl)}" = ?', [row_id]
    )
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cursor.description], row, strict=True))


def _same(current: object, recorded: object) -> bool:
    if isinstance(current, float) or isinstance(recorded, float):
        return current is not None and recorded is not None and \
            abs(float(current) - float(recorded)) <= 1e-9 * max(1.0, abs(float(recorded)))
    return current == recorded


def _later_label(plan: Plan, tbl: str, row_id: str, seq: int) -> str:
    row = plan.db.execute(
        "SELECT a.label FROM changes c JOIN actions a ON a.id = c.action_id "
        f"WHERE c.tbl = ? AND c.seq > ? AND (c.row_id = ? OR {bulk.touching('c')}) "
        "ORDER BY c.seq DESC LIMIT 1",
        [tbl, seq, row_id, row_id],
    ).fetchone()
    return f"“{row[0]}”" if row else "another edit"


def _conflict(plan: Plan, verb: str, label: str, tbl: str, row_id: str, seq: int
              ) -> UndoConflict:
    return UndoConflict(f"cannot {verb} “{label}”: {tbl} {row_id} was changed afterwards by "
                        f"{_later_label(plan, tbl, row_id, seq)}")


def _batches(changes: tuple[Change, ...]) -> list[list[Change]]:
    """Consecutive field updates of one row go back in one UPDATE, as they were
    written: a CHECK across fields (a flight's end >= start) holds before and after
    the whole set but not necessarily between its fields (a flight moved by more
    than its length)."""
    batches: list[list[Change]] = []
    for ch in changes:
        last = batches[-1] if batches else None
        if (last is not None and ch.op == "update" and last[0].op == "update"
                and (last[0].tbl, last[0].row_id) == (ch.tbl, ch.row_id)
                and all(c.field != ch.field for c in last)):
            last.append(ch)
        else:
            batches.append([ch])
    return batches


def _apply(plan: Plan, batch: list[Change], *, forward: bool, label: str) -> None:
    """Apply recorded changes of one row forwards (redo) or backwards (undo), after
    checking the row is still as those changes left it (or found it)."""
    ch = batch[0]
    verb = "redo" if forward else "undo"
    if ch.op in bulk.BULK_OPS:
        held: bulk.RowSet = ch.new or ch.old  # type: ignore[assignment]
        blocking = bulk.replay(plan.db.conn, ch.tbl, ch.op, held, forward=forward)
        if blocking is not None:
            raise _conflict(plan, verb, label, ch.tbl, blocking, ch.seq)
        return
    pk = primary_key(ch.tbl)
    current = _current_row(plan, ch.tbl, ch.row_id)
    expect, want = (ch.old, ch.new) if forward else (ch.new, ch.old)
    creates = (ch.op == "insert") == forward

    def conflict() -> UndoConflict:
        return _conflict(plan, verb, label, ch.tbl, ch.row_id, ch.seq)

    if ch.op == "update":
        values = {}
        for field_change in batch:
            expect, want = ((field_change.old, field_change.new) if forward
                            else (field_change.new, field_change.old))
            if current is None or not _same(current.get(field_change.field), expect):
                raise conflict()
            values[field_change.field] = want
        assignments = ", ".join(f'"{f}" = ?' for f in values)
        plan.db.execute(f'UPDATE "{ch.tbl}" SET {assignments} WHERE "{pk}" = ?',
                        [*values.values(), ch.row_id])
    elif creates:
        if current is not None:
            raise conflict()
        row: dict = want  # type: ignore[assignment]
        columns = ", ".join(f'"{c}"' for c in row)
        marks = ", ".join("?" for _ in row)
        plan.db.execute(f'INSERT INTO "{ch.tbl}" ({columns}) VALUES ({marks})',
                        list(row.values()))
    else:
        recorded: dict = expect  # type: ignore[assignment]
        if current is None or any(not _same(current.get(k), v) for k, v in recorded.items()):
            raise conflict()
        plan.db.execute(f'DELETE FROM "{ch.tbl}" WHERE "{pk}" = ?', [ch.row_id])


def _replay(plan: Plan, target: ActionRecord, *, forward: bool) -> Done:
    verb = "Redo" if forward else "Undo"
    try:
        with action(plan, f"{verb} {target.label}", verb.lower(),
                    reverts=target.id) as handle:
            plan.db.execute("PRAGMA defer_foreign_keys = ON")
            ordered = target.changes if forward else tuple(reversed(target.changes))
            for batch in _batches(ordered):
                _apply(plan, batch, forward=forward, label=target.label)
            plan.db.execute("UPDATE actions SET undone = ? WHERE id = ?",
                            [0 if forward else 1, target.id])
    except sqlite3.IntegrityError as exc:
        # E.g. undoing "Add channel" while a later flight uses the channel: the
        # transaction was rolled back, nothing is written.
        raise UndoConflict(
            f"cannot {verb.lower()} “{target.label}”: a later edit depends on it ({exc})"
        ) from None
    return done(plan, handle)


def undo(plan: Plan, action_id: str | None = None) -> Done:
    """Revert one user action (the latest one when no id is given), as a new action.

    :raises UndoConflict: a later action changed what this one wrote; nothing is written.
    """
    if action_id is None:
        action_id = undo_candidate(plan)
        if action_id is None:
            raise NotFound("nothing to undo")
    target = get_action(plan, action_id)
    if target.undone:
        raise UndoConflict(f"“{target.label}” is already undone")
    if target.kind not in USER_KINDS:
        raise UndoConflict(f"“{target.label}” is itself an undo or redo; redo instead")
    return _replay(plan, target, forward=False)


def redo(plan: Plan, action_id: str | None = None) -> Done:
    """Re-apply an undone action (the most recently undone one when no id is given)."""
    if action_id is None:
        action_id = redo_candidate(plan)
        if action_id is None:
            raise NotFound("nothing to redo")
    target = get_action(plan, action_id)
    if not target.undone:
        raise UndoConflict(f"“{target.label}” is not undone")
    return _replay(plan, target, forward=True)


def undo_candidate(plan: Plan) -> str | None:
    kinds = ", ".join(f"'{k}'" for k in USER_KINDS)
    row = plan.db.execute(
        f"SELECT id FROM actions WHERE kind IN ({kinds}) AND undone = 0 "
        "ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return row[0] if row else None


def redo_candidate(plan: Plan) -> str | None:
    """The action undone last, unless a new edit has been made since (which, as in
    every editor, clears what could be redone)."""
    kinds = ", ".join(f"'{k}'" for k in USER_KINDS)
    last_edit = plan.db.execute(
        f"SELECT COALESCE(MAX(seq), 0) FROM actions WHERE kind IN ({kinds})"
    ).fetchone()[0]
    row = plan.db.execute(
        "SELECT u.reverts FROM actions u JOIN actions t ON t.id = u.reverts "
        "WHERE u.kind = 'undo' AND t.undone = 1 AND u.seq > ? ORDER BY u.seq DESC LIMIT 1",
        [last_edit],
    ).fetchone()
    return row[0] if row else None
