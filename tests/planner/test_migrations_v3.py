"""Plan format 3 (bulk change records): a version 2 file, change log and all, opens with
every log row, seq and AUTOINCREMENT mark kept, its old actions still undo, and a bulk
write then works; a step 3 that fails leaves the version 2 file byte for byte."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from planner.errors import PlanFileError
from planner.storage import bulk, history, migrations, plan_file, schema

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "plan_v1.cplan"
LOG = "SELECT seq, action_id, tbl, row_id, op, field, old, new FROM changes ORDER BY seq"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def v2_file(tmp_path: Path) -> Path:
    """The version 1 fixture upgraded to version 2 by the steps of that version, with
    one more edit captured by version 2's triggers and one log row deleted at the end
    (so AUTOINCREMENT's mark is above the highest seq left)."""
    path = tmp_path / "plans" / "计划 v2.cplan"
    path.parent.mkdir()
    shutil.copyfile(FIXTURE, path)
    conn = sqlite3.connect(path)
    db = sqlite_utils.Database(conn)
    assert migrations.migrate(db, str(path), target=2) == 1
    with db.atomic():
        conn.execute("INSERT INTO actions(id, seq, label, kind, at, hlc, copy_id, user) "
                     "SELECT 'v2-edit', MAX(seq) + 1, 'Rename channel', 'edit', at, hlc, "
                     "copy_id, user FROM actions")
        conn.execute("INSERT INTO _current_action(id) VALUES ('v2-edit')")
        conn.execute("UPDATE channels SET name = '天猫 v2' WHERE name = '天猫旗舰店'")
        conn.execute("INSERT INTO settings(key, value) VALUES ('scratch', '1')")
        conn.execute("DELETE FROM _current_action")
        conn.execute("DELETE FROM changes WHERE seq = (SELECT MAX(seq) FROM changes)")
    conn.close()
    return path


def _read(path: Path) -> tuple[list[tuple], int, int]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        mark = conn.execute(
            "SELECT seq FROM sqlite_sequence WHERE name = 'changes'").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        return conn.execute(LOG).fetchall(), mark, version
    finally:
        conn.close()


def test_the_fixture_is_a_version_2_file_with_its_own_log(v2_file: Path) -> None:
    log, mark, version = _read(v2_file)
    assert version == 2 and schema.SCHEMA_VERSION == 3
    assert ("channels", "update") in {(r[2], r[4]) for r in log if r[1] == "v2-edit"}
    assert mark == log[-1][0] + 1


def test_a_version_2_file_upgrades_keeping_its_change_log(v2_file: Path) -> None:
    log, mark, _ = _read(v2_file)
    with plan_file.opened(v2_file) as plan:
        assert plan.opened_from_version == 2
        assert "before-upgrade-v2" in plan.backup.path.name
        assert plan.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    after, after_mark, version = _read(v2_file)
    assert version == 3 and after == log and after_mark == mark
    # The backup is the version 2 file as it was.
    assert _read(plan.backup.path) == (log, mark, 2)


def test_after_the_upgrade_old_actions_undo_and_bulk_writes_are_logged(v2_file: Path) -> None:
    log, mark, _ = _read(v2_file)
    with plan_file.opened(v2_file) as plan:
        undone = history.undo(plan, "v2-edit")
        assert plan.db.execute(
            "SELECT COUNT(*) FROM channels WHERE name = '天猫旗舰店'").fetchone()[0] == 1
        # AUTOINCREMENT's mark came along: no seq the version 2 log handed out is reused.
        first = plan.db.execute("SELECT MIN(seq) FROM changes WHERE action_id = ?",
                                [undone.action_id]).fetchone()[0]
        assert first == mark + 1 and log[-1][0] < mark
        channel = plan.db.execute("SELECT id FROM channels LIMIT 1").fetchone()[0]
        with plan.action("Import history", kind="import") as act:
            bulk.insert_rows(plan.db.conn, "history", ("id", "channel_id", "start", "end",
                                                       "spend_minor"),
                             [(f"h{i}", channel, "2025-01-01", "2025-01-07", i)
                              for i in range(5)])
        ops = plan.db.execute("SELECT op FROM changes WHERE action_id = ?", [act.id]).fetchall()
        assert ops == [("insert_rows",)]
        history.undo(plan, act.id)
        assert plan.db.execute("SELECT COUNT(*) FROM history WHERE id GLOB 'h*'"
                               ).fetchone()[0] == 0


def test_the_old_log_refuses_bulk_records_and_the_new_one_takes_them(v2_file: Path) -> None:
    row = ("INSERT INTO changes(action_id, tbl, row_id, op, new) "
           "VALUES (NULL, 'history', '*', 'insert_rows', '{}')")
    conn = sqlite3.connect(v2_file)
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        conn.execute(row)
    conn.rollback()
    conn.close()
    with plan_file.opened(v2_file) as plan:
        plan.db.conn.execute(row)
        plan.db.conn.rollback()


def test_a_failed_step_3_leaves_the_version_2_file_as_it_was(
        v2_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _sha(v2_file)
    listing = sorted(p.name for p in v2_file.parent.iterdir())
    with monkeypatch.context() as patch:
        patch.setitem(schema.STEPS, 3, f"{schema.STEPS[3]}\nINSERT INTO no_such_table VALUES (1);")
        with pytest.raises(PlanFileError, match="format 2"):
            plan_file.open_plan(v2_file)
    assert _sha(v2_file) == before
    assert sorted(p.name for p in v2_file.parent.iterdir()) == listing
    with plan_file.opened(v2_file) as plan:
        assert plan.db.execute("PRAGMA user_version").fetchone()[0] == 3


def test_a_version_4_file_is_refused(v2_file: Path) -> None:
    conn = sqlite3.connect(v2_file)
    conn.execute("PRAGMA user_version = 4")
    conn.close()
    before = _sha(v2_file)
    with pytest.raises(PlanFileError, match="plan format 4"):
        plan_file.open_plan(v2_file)
    assert _sha(v2_file) == before
