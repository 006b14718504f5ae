"""Many rows written at once are one change record: undo, redo, the audit trail and a
merge read it exactly as they read rows logged one by one."""

from __future__ import annotations

import csv
import sqlite3
import uuid

import pytest

from planner.domain.changes import PlanChanges
from planner.errors import UndoConflict
from planner.io.import_action import run_import
from planner.io.imports import check_import
from planner.merge import apply_merge, choose_all, merge_preview
from planner.services import channels
from planner.storage import bulk, history
from tests.plan_dump import dump
from tests.planner.test_merge_support import copies, records

COLUMNS = ("id", "channel_id", "start", "end", "spend_minor", "brand_spend_minor",
           "revenue_minor", "brand_outcome")
# Values a per-field JSON log must carry exactly: a REAL that needs 17 digits, one too
# big for an integer, NULLs, quotes, a newline, Chinese and an emoji.
ODD = (0.1 + 0.2, 1e300, -0.0, 3.3333333333333335, None, 12.0)


def history_rows(channel_id: str, count: int) -> list[tuple]:
    return [(str(uuid.uuid4()), channel_id, f"2025-{1 + i % 12:02d}-01",
             f"2025-{1 + i % 12:02d}-28", i * 101, i % 7, None if i % 3 else i * 1_000_003,
             ODD[i % len(ODD)]) for i in range(count)]


@pytest.fixture
def channel(plan) -> str:
    return channels.create_channel(plan, "天猫 \"旗舰\"\n店 🧧", "web_shop").created_id


def bulk_insert(plan, rows, label="Import history"):
    with plan.action(label, kind="import") as act:
        count = bulk.insert_rows(plan.db.conn, "history", COLUMNS, iter(rows))
    return act, count


def change_rows(plan, action_id: str) -> list[tuple]:
    return plan.db.execute("SELECT tbl, row_id, op FROM changes WHERE action_id = ?",
                           [action_id]).fetchall()


def test_a_bulk_insert_is_one_change_record_holding_exactly_what_was_stored(plan, channel):
    rows = history_rows(channel, 500)
    act, count = bulk_insert(plan, rows)
    assert count == 500
    assert change_rows(plan, act.id) == [("history", "*", "insert_rows")]
    held = history.get_action(plan, act.id).changes[0].new
    assert held.count == 500 and held.columns == list(COLUMNS)
    assert [tuple(r) for r in held.rows()] == rows  # 0.1 + 0.2 and 1e300 to the last bit
    assert history.get_action(plan, act.id).summary() == "history: 500 records added"
    done = history.done(plan, act)
    assert done.changes.other_tables == {"history"} and done.changes.budget is False


def test_undo_and_redo_of_a_bulk_insert_restore_the_file_exactly(plan, channel):
    before = dump(plan.db.conn)
    act, _ = bulk_insert(plan, history_rows(channel, 300))
    after = dump(plan.db.conn)
    undone = history.undo(plan)
    assert dump(plan.db.conn) == before
    assert change_rows(plan, undone.action_id) == [("history", "*", "delete_rows")]
    history.redo(plan, act.id)
    assert dump(plan.db.conn) == after
    history.undo(plan, act.id)
    assert dump(plan.db.conn) == before


def test_rows_inserted_in_bulk_keep_their_order_through_undo_and_redo(plan, channel):
    rows = history_rows(channel, 50)
    act, _ = bulk_insert(plan, rows)
    history.undo(plan)
    history.redo(plan, act.id)
    order = [r[0] for r in plan.db.execute("SELECT id FROM history ORDER BY rowid")]
    assert order == [r[0] for r in rows]


def test_undo_is_refused_when_a_later_action_changed_one_of_the_rows(plan, channel):
    rows = history_rows(channel, 200)
    act, _ = bulk_insert(plan, rows)
    with plan.action("Correct one week"):
        plan.db.execute("UPDATE history SET spend_minor = 1 WHERE id = ?", [rows[123][0]])
    before = dump(plan.db.conn)
    with pytest.raises(UndoConflict, match=f"{rows[123][0]}.*“Correct one week”"):
        history.undo(plan, act.id)
    assert dump(plan.db.conn) == before
    history.undo(plan)  # the correction, then the import
    history.undo(plan, act.id)
    assert plan.db.execute("SELECT COUNT(*) FROM history").fetchone()[0] == 0


def test_redo_is_refused_when_a_row_with_the_same_id_came_back(plan, channel):
    rows = history_rows(channel, 20)
    act, _ = bulk_insert(plan, rows)
    history.undo(plan)
    with plan.action("Add one week"):
        plan.db.execute(f"INSERT INTO history({', '.join(f'{c!r}' for c in COLUMNS)}) "
                        f"VALUES ({', '.join('?' for _ in COLUMNS)})", rows[7])
    before = dump(plan.db.conn)
    with pytest.raises(UndoConflict, match=f"cannot redo .*{rows[7][0]}.*“Add one week”"):
        history.redo(plan, act.id)
    assert dump(plan.db.conn) == before


def test_a_bulk_delete_is_one_record_and_undoes_exactly(plan, channel):
    rows = history_rows(channel, 100)
    bulk_insert(plan, rows)
    before = dump(plan.db.conn)
    with plan.action("Clear history") as act:
        bulk.delete_rows(plan.db.conn, "history", [r[0] for r in rows[::2]])
    assert change_rows(plan, act.id) == [("history", "*", "delete_rows")]
    assert plan.db.execute("SELECT COUNT(*) FROM history").fetchone()[0] == 50
    assert history.get_action(plan, act.id).summary() == "history: 50 records removed"
    history.undo(plan)
    assert dump(plan.db.conn) == before


def test_per_row_and_bulk_changes_in_one_action_undo_in_order(plan, channel):
    rows = history_rows(channel, 30)
    before = dump(plan.db.conn)
    with plan.action("Import and fix", kind="import") as act:
        bulk.insert_rows(plan.db.conn, "history", COLUMNS, rows)
        plan.db.execute("UPDATE history SET spend_minor = -5 WHERE id = ?", [rows[3][0]])
        plan.db.execute("DELETE FROM history WHERE id = ?", [rows[4][0]])
    after = dump(plan.db.conn)
    ops = [r[2] for r in change_rows(plan, act.id)]
    assert ops == ["insert_rows", "update", "delete"]
    history.undo(plan)
    assert dump(plan.db.conn) == before
    history.redo(plan)
    assert dump(plan.db.conn) == after


def test_undo_of_a_bulk_insert_others_depend_on_is_refused(plan):
    ids = [str(uuid.uuid4()) for _ in range(3)]
    with plan.action("Add channels") as act:
        bulk.insert_rows(plan.db.conn, "channels", ("id", "name", "kind"),
                         [(i, f"渠道{n}", "search") for n, i in enumerate(ids)])
    assert history.done(plan, act).changes.channels == set(ids)  # named tables: by id
    with plan.action("Add history"):
        bulk.insert_rows(plan.db.conn, "history", COLUMNS, history_rows(ids[1], 2))
    before = dump(plan.db.conn)
    with pytest.raises(UndoConflict, match="a later edit depends on it"):
        history.undo(plan, act.id)
    assert dump(plan.db.conn) == before


def test_the_audit_trail_finds_a_record_inside_a_bulk_change(plan, channel):
    rows = history_rows(channel, 40)
    act, _ = bulk_insert(plan, rows, label="Import 2025 history")
    channels.create_channel(plan, "京东", "web_shop")
    trail = history.log(plan, object_id=rows[17][0])
    assert [r.id for r in trail] == [act.id]
    assert history.log(plan, object_id=str(uuid.uuid4())) == []


def test_a_bulk_write_outside_an_action_is_refused(plan, channel):
    with pytest.raises(RuntimeError, match=r"inside plan\.action"):
        bulk.insert_rows(plan.db.conn, "history", COLUMNS, history_rows(channel, 1))
    assert plan.db.execute("SELECT COUNT(*) FROM history").fetchone()[0] == 0


def test_an_empty_bulk_insert_leaves_no_action(plan):
    with plan.action("Import nothing", kind="import") as act:
        assert bulk.insert_rows(plan.db.conn, "history", COLUMNS, []) == 0
    assert act.empty


def test_a_failed_bulk_insert_writes_nothing(plan, channel):
    before = dump(plan.db.conn)
    stray = (str(uuid.uuid4()), "no such channel", "2025-01-01", "2025-01-02", 1, 0, None, None)
    rows = [*history_rows(channel, 10), stray]
    with pytest.raises(sqlite3.IntegrityError):
        bulk_insert(plan, rows)
    assert dump(plan.db.conn) == before
    # The row trigger is back: a plain insert is logged row by row again.
    names = ", ".join(f'"{c}"' for c in COLUMNS)
    with plan.action("Add one week") as act:
        plan.db.execute(f"INSERT INTO history({names}) VALUES ({', '.join('?' for _ in COLUMNS)})",
                        rows[0])
    assert change_rows(plan, act.id) == [("history", rows[0][0], "insert")]


def test_a_merge_brings_in_rows_another_copy_inserted_in_bulk(plan, channel, tmp_path):
    theirs = copies(plan, tmp_path)
    rows = history_rows(channel, 60)
    bulk_insert(theirs, rows)
    with theirs.action("Clear some") as act:
        bulk.delete_rows(theirs.db.conn, "history", [r[0] for r in rows[:10]])
    assert change_rows(theirs, act.id) == [("history", "*", "delete_rows")]
    expected = records(theirs.db.conn)["history"]
    path = theirs.path
    theirs.close()
    preview = merge_preview(plan, path)
    assert not preview.conflicts
    apply_merge(plan, preview, choose_all(preview, "mine"))
    assert records(plan.db.conn)["history"] == expected
    assert len(expected) == 50


@pytest.mark.parametrize("count", [21, 23])
def test_many_rows_are_logged_a_record_per_few_thousand_and_replay_whole(
        plan, channel, tmp_path, monkeypatch, count):
    monkeypatch.setattr(bulk, "ROWS_PER_RECORD", 7)
    theirs = copies(plan, tmp_path)
    rows = history_rows(channel, count)
    before = dump(theirs.db.conn)
    act, _ = bulk_insert(theirs, rows)
    after = dump(theirs.db.conn)
    held = [c.new for c in history.get_action(theirs, act.id).changes]
    assert [h.count for h in held] == [7, 7, 7, *([2] if count == 23 else [])]
    assert [tuple(r) for h in held for r in h.rows()] == rows
    undone = history.undo(theirs)
    assert dump(theirs.db.conn) == before
    assert len(change_rows(theirs, undone.action_id)) == len(held)
    history.redo(theirs)
    assert dump(theirs.db.conn) == after
    with theirs.action("Clear all") as cleared:
        bulk.delete_rows(theirs.db.conn, "history", [r[0] for r in rows])
    assert len(change_rows(theirs, cleared.id)) == len(held)
    history.undo(theirs)
    assert dump(theirs.db.conn) == after
    assert [r.id for r in history.log(theirs, object_id=rows[-1][0])][-1] == act.id
    expected = records(theirs.db.conn)["history"]
    path = theirs.path
    theirs.close()
    preview = merge_preview(plan, path)
    apply_merge(plan, preview, choose_all(preview, "mine"))
    assert records(plan.db.conn)["history"] == expected and len(expected) == count


def test_an_actuals_import_is_logged_in_bulk_and_reports_only_the_table(plan, channel,
                                                                       tmp_path):
    path = tmp_path / "actuals.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["Channel ID", "Start", "End", "Spend", "Clicks", "Source"])
        for day in range(1, 29):
            writer.writerow([channel, f"2026-02-{day:02d}", f"2026-02-{day:02d}",
                             f"{day * 1000.5:.2f}", day, "代理商 \"周报\""])
    before = dump(plan.db.conn)
    checked = check_import(plan, path, "actuals")
    done = run_import(plan, checked)
    assert change_rows(plan, done.action_id) == [("actuals", "*", "insert_rows")]
    assert done.changes == PlanChanges(other_tables=frozenset({"actuals"}))
    after = dump(plan.db.conn)
    assert len(after["actuals"]) == 28
    history.undo(plan, done.action_id)
    assert dump(plan.db.conn) == before
    history.redo(plan, done.action_id)
    assert dump(plan.db.conn) == after
