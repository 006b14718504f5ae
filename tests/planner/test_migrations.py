"""A plan written by version 1 of the app opens in this version with every value
intact, after a backup, and a migration that fails or a file from a newer version
leaves the file exactly as it was."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from planner.domain import validate
from planner.errors import NewerPlanFile, PlanFileError
from planner.services import flights, plan_settings
from planner.storage import history, plan_file, rows, schema
from planner.storage.schema import APPLICATION_ID, SCHEMA_VERSION

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "plan_v1.cplan"
V1_USER_TABLES = (
    "settings", "channels", "segments", "campaigns", "kpi_targets", "flights", "actuals",
    "history", "events", "curves", "scenarios",
)
V1_BOOKKEEPING = ("meta", "actions", "changes")
V2_FLIGHT_COLUMNS = ("unit_kind", "units", "unit_cost_minor", "committed")
V2_TABLES = ("placeholders", "baselines", "baseline_flights")
SIDECARS = ("-wal", "-shm", "-journal", ".lock")


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    target = tmp_path / "plans" / "年度计划 v1.cplan"
    target.parent.mkdir()
    shutil.copyfile(FIXTURE, target)
    return target


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_only(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 look that cannot change the file."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]


def table_rows(conn: sqlite3.Connection, table: str, cols: list[str]) -> list[tuple]:
    """Every row, each value with its SQLite storage class, in primary-key order."""
    order = "seq" if table in ("changes", "actions") else f'"{schema.primary_key(table)}"'
    selected = ", ".join(f'"{c}", typeof("{c}")' for c in cols)
    return conn.execute(f'SELECT {selected} FROM "{table}" ORDER BY {order}').fetchall()


def fixture_dump() -> dict[str, tuple[list[str], list[tuple]]]:
    conn = read_only(FIXTURE)
    try:
        return {t: (columns(conn, t), table_rows(conn, t, columns(conn, t)))
                for t in V1_USER_TABLES + V1_BOOKKEEPING}
    finally:
        conn.close()


def leftovers(path: Path) -> list[str]:
    return [path.name + s for s in SIDECARS if Path(f"{path}{s}").exists()]


# -- the fixture itself ------------------------------------------------------------------

def test_fixture_is_a_version_1_plan_with_data_in_every_table() -> None:
    conn = read_only(FIXTURE)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert not tables & set(V2_TABLES)
        assert not set(V2_FLIGHT_COLUMNS) & set(columns(conn, "flights"))
        for table in V1_USER_TABLES:
            assert conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0] > 0, table
        assert conn.execute("SELECT COUNT(*) FROM changes").fetchone()[0] > 0
        assert conn.execute("SELECT COUNT(*) FROM campaigns WHERE name LIKE '%大促%'").fetchone()[0]
    finally:
        conn.close()
    assert not leftovers(FIXTURE)


# -- a successful upgrade ----------------------------------------------------------------

def test_open_migrates_to_current_version_keeping_every_row(v1_copy: Path) -> None:
    expected = fixture_dump()
    with plan_file.opened(v1_copy) as plan:
        assert plan.opened_from_version == 1
        assert plan.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert plan.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert plan.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert plan.db.execute("PRAGMA foreign_key_check").fetchall() == []
    # What is on disk after the plan is closed, read without the app.
    conn = read_only(v1_copy)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        for table, (cols, rows) in expected.items():
            assert set(cols) <= set(columns(conn, table)), table
            assert table_rows(conn, table, cols) == rows, table
    finally:
        conn.close()


def test_upgraded_plan_reads_through_the_services(v1_copy: Path) -> None:
    with plan_file.opened(v1_copy) as plan:
        settings = plan_settings.settings(plan)
        assert settings.name == "2026 全渠道计划"
        assert settings.total_budget_minor == 1_234_567_890_12
        names = {r[0] for r in plan.db.execute("SELECT name FROM campaigns")}
        assert {"618 年中大促", "双十一 品牌日", "春节 年货节"} <= names
        kpi = plan.db.execute("SELECT target FROM kpi_targets WHERE metric = 'ROI'").fetchone()
        assert kpi[0] == 3.3333333333333335
        # Every record version 1 wrote is a valid record for this version.
        validate.check(settings)
        for cls in rows.TABLES:
            for record in rows.all_of(plan.db, cls):
                validate.check(record)


def test_new_columns_and_tables_exist_with_their_defaults(v1_copy: Path) -> None:
    before = fixture_dump()
    with plan_file.opened(v1_copy) as plan:
        conn = plan.db.conn
        assert set(V2_FLIGHT_COLUMNS) <= set(columns(conn, "flights"))
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert set(V2_TABLES) <= tables
        # Every planner table of this version exists, and the v2 ones start empty.
        assert set(schema.USER_TABLES) <= tables
        for table in set(schema.USER_TABLES) - set(V1_USER_TABLES):
            assert conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0] == 0, table
        # Every column added to an old table holds its declared default in old rows.
        for table in V1_USER_TABLES:
            old_cols = before[table][0]
            for cid, name, _type, _notnull, default, _pk in conn.execute(
                    f'PRAGMA table_info("{table}")').fetchall():
                if name in old_cols:
                    continue
                want = conn.execute(f"SELECT {default}").fetchone()[0] if default else None
                values = {r[0] for r in conn.execute(f'SELECT "{name}" FROM "{table}"')}
                assert values == {want}, (table, name, cid)
        assert {r[0] for r in conn.execute("SELECT committed FROM flights")} == {0}
        # The change log captures the new tables and columns too.
        triggers = {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name GLOB '_capture_*'")}
        for table in schema.USER_TABLES:
            for op in ("insert", "update", "delete"):
                assert f"_capture_{table}_{op}" in triggers
        update_sql = conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = '_capture_flights_update'").fetchone()[0]
        assert "'committed'" in update_sql


def test_backup_taken_before_upgrade_is_the_version_1_file(v1_copy: Path,
                                                          home: Path) -> None:
    fixture_hash = sha256(FIXTURE)
    expected = fixture_dump()
    with plan_file.opened(v1_copy) as plan:
        assert plan.backup is not None
        assert "before-upgrade-v1" in plan.backup.path.name
        backup = plan.backup.path
    found = list(home.rglob("*before-upgrade-v1*"))
    assert found == [backup]
    assert sha256(backup) != sha256(v1_copy)  # the plan moved on; the backup did not
    assert plan_file.inspect(backup) == 1
    conn = read_only(backup)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for table, (cols, rows) in expected.items():
            assert columns(conn, table) == cols, table
            assert table_rows(conn, table, cols) == rows, table
    finally:
        conn.close()
    assert not leftovers(backup)
    # The backup is a plan in its own right: it upgrades the same way.
    restored = v1_copy.with_name("restored.cplan")
    shutil.copyfile(backup, restored)
    assert sha256(FIXTURE) == fixture_hash
    with plan_file.opened(restored) as plan:
        assert plan.opened_from_version == 1


def test_reopening_an_upgraded_plan_does_not_upgrade_again(v1_copy: Path) -> None:
    plan_file.open_plan(v1_copy).close()
    with plan_file.opened(v1_copy) as plan:
        assert plan.opened_from_version == SCHEMA_VERSION
        assert plan.backup is not None and plan.backup.reason == "open"
    with plan_file.opened(v1_copy, read_only=True) as plan:
        assert plan.db.execute("SELECT COUNT(*) FROM flights").fetchone()[0] == 4


def test_change_log_keeps_working_after_upgrade(v1_copy: Path) -> None:
    with plan_file.opened(v1_copy) as plan:
        log_before = [a.id for a in history.log(plan)]
        assert len(log_before) == 2
        flight_id = plan.db.execute(
            "SELECT id FROM flights WHERE name = '618 天猫'").fetchone()[0]
        # The edit that version 1 recorded is still in the audit trail ...
        v1_edit = history.log(plan, object_id=flight_id)[0]
        assert v1_edit.label == "Edit flight"
        assert [(c.field, c.old, c.new) for c in v1_edit.changes] == [
            ("budget_minor", 3_000_000_00, 3_100_000_00)]

        def flight_row() -> tuple:
            return plan.db.execute("SELECT * FROM flights WHERE id = ?", [flight_id]).fetchone()

        original = flight_row()
        # ... a new edit, including the new columns, is captured ...
        done = flights.update_flight(plan, flight_id, budget_minor=3_200_000_00,
                                     unit_kind="cpm", units=1000)
        edited = flight_row()
        assert edited != original
        fields = {c.field for c in history.get_action(plan, done.action_id).changes}
        assert {"budget_minor", "unit_kind", "units"} <= fields
        # ... and undone and redone.
        history.undo(plan)
        assert flight_row() == original
        history.redo(plan)
        assert flight_row() == edited
        history.undo(plan)
        # The edit made by version 1 can be undone by this version.
        history.undo(plan, v1_edit.id)
        assert plan.db.execute("SELECT budget_minor FROM flights WHERE id = ?",
                               [flight_id]).fetchone()[0] == 3_000_000_00
        dangling = plan.db.execute(
            "SELECT COUNT(*) FROM changes WHERE action_id NOT IN (SELECT id FROM actions)"
        ).fetchone()[0]
        assert dangling == 0


# -- failures leave the file as it was ---------------------------------------------------

BROKEN_STEPS = {
    # Valid statements first, so the step fails halfway through.
    "syntax error": "ALTER TABLE flights ADD COLUMN broken_a TEXT;\n"
                    "CREATE TABLE broken_b (id TEXT PRIMARY KEY);\n"
                    "THIS IS NOT SQL;",
    "constraint": "ALTER TABLE flights ADD COLUMN broken_a TEXT;\n"
                  "UPDATE flights SET broken_a = 'x';\n"
                  "UPDATE flights SET budget_minor = -1;",
}


@pytest.mark.parametrize("kind", sorted(BROKEN_STEPS))
def test_failed_migration_leaves_file_byte_identical(
    v1_copy: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    before = sha256(v1_copy)
    listing = sorted(p.name for p in v1_copy.parent.iterdir())
    with monkeypatch.context() as patch:
        patch.setitem(schema.STEPS, 2, schema.STEPS[2] + "\n" + BROKEN_STEPS[kind])
        with pytest.raises((sqlite3.Error, PlanFileError)):
            plan_file.open_plan(v1_copy)
    assert sha256(v1_copy) == before
    assert sorted(p.name for p in v1_copy.parent.iterdir()) == listing
    conn = read_only(v1_copy)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert "broken_a" not in columns(conn, "flights")
    finally:
        conn.close()
    # With the real steps, the same file upgrades (and the lock was released).
    with plan_file.opened(v1_copy) as plan:
        assert plan.opened_from_version == 1
        assert plan.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def _newer_v1_copy(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    return path


def _newer_wal_plan(path: Path) -> Path:
    path.unlink()
    plan_file.create_plan(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    return path


@pytest.mark.parametrize("make", [_newer_v1_copy, _newer_wal_plan], ids=["delete", "wal"])
def test_newer_file_is_refused_and_left_untouched(v1_copy: Path, make) -> None:
    newer = make(v1_copy)
    before = sha256(newer)
    listing = sorted(p.name for p in newer.parent.iterdir())
    for read_only_flag in (False, True):
        with pytest.raises(NewerPlanFile) as info:
            plan_file.open_plan(newer, read_only=read_only_flag)
        assert "99" in str(info.value) and str(SCHEMA_VERSION) in str(info.value)
        assert sha256(newer) == before
        assert sorted(p.name for p in newer.parent.iterdir()) == listing
    with pytest.raises(NewerPlanFile):
        plan_file.inspect(newer)
    assert sha256(newer) == before
