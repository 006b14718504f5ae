"""The plan file is safe: refused files keep every byte, one writer at a time, backups
that are whole plans, and every user action undoable, redoable and audited."""

from __future__ import annotations

import dataclasses
import datetime as dt
import getpass
import hashlib
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.domain.entities import DateSpan, PlanSettings
from planner.errors import (
    CorruptPlanFile,
    ForeignPlanFile,
    MissingPlanFile,
    NotAPlanFile,
    NotFound,
    PlanExists,
    PlanFileError,
    PlanLocked,
    PlannerError,
    ReadOnlyPlan,
    UndoConflict,
    ValidationError,
)
from planner.services import campaigns, channels, events, flights, plan_settings
from planner.storage import backups, history, lock, plan_file, schema
from planner.storage.schema import APPLICATION_ID, SCHEMA_VERSION
from tests.plan_dump import dump

D = dt.date
SIDECARS = ("-wal", "-shm", "-journal", ".lock")


# -- helpers -----------------------------------------------------------------------------

def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


ALL_TABLES = (*schema.USER_TABLES, "meta", "actions", "changes", "_current_action")


def on_disk(path: Path, tables: tuple[str, ...] = schema.USER_TABLES) -> dict:
    """What another process would read from the file right now."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return dump(conn, tables)
    finally:
        conn.close()


def populate(plan: plan_file.Plan, flight_count: int = 3) -> dict[str, Any]:
    """A small but complete plan, built through the services."""
    ids: dict[str, Any] = {}
    ids["tmall"] = channels.create_channel(plan, "天猫旗舰店", "web_shop", grp="电商").created_id
    ids["douyin"] = channels.create_channel(plan, "抖音直播", "live_stream").created_id
    ids["spare"] = channels.create_channel(plan, "Spare", "other").created_id
    ids["vip"] = channels.create_segment(plan, "高价值会员", "high", customers=120_000).created_id
    ids["new"] = channels.create_segment(plan, "潜力新客", "potential").created_id
    ids["618"] = campaigns.create_campaign(plan, "618 年中大促", "promotion", segment_id=ids["vip"],
                                           tags=["大促", "618"]).created_id
    ids["1111"] = campaigns.create_campaign(plan, "双十一 品牌日", "mixed",
                                            segment_id=ids["new"]).created_id
    ids["kpi"] = campaigns.add_kpi_target(plan, ids["618"], "cost", "ROI",
                                          3.3333333333333335).created_id
    campaigns.add_kpi_target(plan, ids["618"], "sales", "GMV", 25_000_000.0, unit="CNY")
    ids["flights"] = [
        flights.add_flight(plan, ids["618"], ids["tmall" if i % 2 else "douyin"],
                           D(2026, 5, 20) + dt.timedelta(days=i), D(2026, 6, 18),
                           1_000_000_00 + i).created_id
        for i in range(flight_count)
    ]
    ids["f618"] = ids["flights"][0]
    ids["event"] = events.create_event(plan, "festival", "618 · 预售", D(2026, 5, 20),
                                       D(2026, 5, 31), festival_key="618",
                                       booking_deadline=D(2026, 4, 20)).created_id
    ids["blackout"] = events.add_blackout(plan, "维护", D(2026, 3, 1), D(2026, 3, 2),
                                          channel_id=ids["spare"]).created_id
    ids["placeholder"] = plan_settings.add_placeholder(plan, ids["douyin"], D(2026, 7, 1),
                                                       D(2026, 7, 31), 500_000_00).created_id
    with plan.action("Add data without a service"):
        plan.db.execute(
            "INSERT INTO curves(id, channel_id, goal, family, params, source, created_at) "
            "VALUES ('curve-1', ?, 'brand', 'hill', '{\"alpha\": 0.1}', 'manual', '2026-01-01')",
            [ids["spare"]])
        plan.db.execute(
            'INSERT INTO actuals(id, flight_id, channel_id, start, "end", spend_minor) '
            "VALUES ('actual-1', ?, ?, '2026-05-20', '2026-05-31', 12345)",
            [ids["f618"], ids["douyin"]])
    return ids


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    return tmp_path / "plans" / "2026 计划.cplan"


@pytest.fixture
def plan(plan_path: Path):
    plan = plan_file.create_plan(plan_path)
    yield plan
    plan.close()


@pytest.fixture
def ids(plan: plan_file.Plan) -> dict[str, Any]:
    return populate(plan)


# -- refusals ----------------------------------------------------------------------------

def _text_file(path: Path) -> None:
    path.write_text("campaign,budget\n618,1000000\n", encoding="utf-8")


def _empty_file(path: Path) -> None:
    path.write_bytes(b"")


def _foreign_db(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO recipes(name) VALUES ('麻婆豆腐')")
    conn.commit()
    conn.close()


def _foreign_wal_db(path: Path) -> None:
    _foreign_db(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()


def _corrupt_plan(path: Path) -> None:
    plan = plan_file.create_plan(path, PlanSettings(name="损坏的计划"))
    channel = channels.create_channel(plan, "天猫", "web_shop").created_id
    campaign = campaigns.create_campaign(plan, "618 年中大促").created_id
    with plan.action("Add many flights"):
        for i in range(300):
            flights.add_flight(plan, campaign, channel, D(2026, 1, 1) + dt.timedelta(days=i),
                               D(2026, 12, 31), 1000 * i, notes="备注 " * 20)
    plan.close()
    assert not Path(f"{path}-wal").exists()
    data = bytearray(path.read_bytes())
    pages = len(data) // 4096
    assert pages > 100
    rng = random.Random(618)
    for page in range(pages // 3, pages // 3 + 4):  # interior pages: header intact
        data[page * 4096:(page + 1) * 4096] = rng.randbytes(4096)
    path.write_bytes(bytes(data))


REFUSALS: dict[str, tuple[Callable[[Path], None], type[PlanFileError]]] = {
    "text file": (_text_file, NotAPlanFile),
    "empty file": (_empty_file, NotAPlanFile),
    "foreign sqlite": (_foreign_db, ForeignPlanFile),
    "foreign sqlite in wal mode": (_foreign_wal_db, ForeignPlanFile),
    "corrupted plan": (_corrupt_plan, CorruptPlanFile),
}


@pytest.mark.parametrize("case", list(REFUSALS))
@pytest.mark.parametrize("read_only", [False, True], ids=["write", "read-only"])
def test_refused_file_keeps_every_byte(tmp_path: Path, case: str, read_only: bool) -> None:
    make, error = REFUSALS[case]
    path = tmp_path / "x.cplan"
    make(path)
    before = sha256(path)
    files = listing(tmp_path)
    with pytest.raises(error) as info:
        plan_file.open_plan(path, read_only=read_only)
    assert "x.cplan" in str(info.value)
    assert sha256(path) == before
    assert listing(tmp_path) == files
    assert not [s for s in SIDECARS if Path(f"{path}{s}").exists()]
    with pytest.raises(error):
        plan_file.inspect(path)
    assert sha256(path) == before
    assert listing(tmp_path) == files


def test_missing_path_is_refused_and_nothing_is_created(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "missing.cplan"
    with pytest.raises(MissingPlanFile):
        plan_file.open_plan(path)
    path = tmp_path / "missing.cplan"
    files = listing(tmp_path)
    for read_only in (False, True):
        with pytest.raises(MissingPlanFile, match=r"missing\.cplan"):
            plan_file.open_plan(path, read_only=read_only)
    assert listing(tmp_path) == files
    assert not (tmp_path / "nowhere").exists()


def test_directory_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "folder.cplan"
    path.mkdir()
    (path / "inside.txt").write_text("keep me")
    files = listing(tmp_path)
    for read_only in (False, True):
        with pytest.raises(NotAPlanFile, match="folder"):
            plan_file.open_plan(path, read_only=read_only)
    assert listing(tmp_path) == files
    assert listing(path) == ["inside.txt"]


# -- creating ----------------------------------------------------------------------------

def test_create_plan_makes_a_complete_plan(plan_path: Path) -> None:
    with plan_file.create_plan(plan_path, PlanSettings(name="2026 全渠道")) as plan:
        assert plan.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert plan.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert plan.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert plan.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert len(plan.plan_id) == 36 and len(plan.copy_id) == 36
        assert plan_settings.settings(plan).name == "2026 全渠道"
        assert history.log(plan) == []  # creating and opening are not undoable
        assert plan.db.execute("SELECT COUNT(*) FROM changes").fetchone()[0] == 0
    assert listing(plan_path.parent) == [plan_path.name]


def test_create_plan_refuses_an_existing_path(plan_path: Path, tmp_path: Path) -> None:
    plan_file.create_plan(plan_path).close()
    text = tmp_path / "notes.cplan"
    text.write_text("not a plan")
    for existing in (plan_path, text):
        before = sha256(existing)
        files = listing(existing.parent)
        with pytest.raises(PlanExists, match=re.escape(existing.name)):
            plan_file.create_plan(existing)
        assert sha256(existing) == before
        assert listing(existing.parent) == files


@pytest.mark.parametrize("settings", [
    PlanSettings(currency="yuan"),
    PlanSettings(horizon_start=D(2026, 12, 31), horizon_end=D(2026, 1, 1)),
    # Fails while the new file is being written: settings that cannot be stored.
    PlanSettings(calendar={"kind": "iso", "extra": object()}),
], ids=["invalid currency", "horizon ends before it starts", "fails mid-write"])
def test_create_plan_never_leaves_a_partial_file(plan_path: Path, settings) -> None:
    plan_path.parent.mkdir()
    with pytest.raises((PlannerError, TypeError)):
        plan_file.create_plan(plan_path, settings)
    assert listing(plan_path.parent) == []


# -- read-only ---------------------------------------------------------------------------

def test_read_only_plan_sees_the_data_and_cannot_write(plan_path: Path) -> None:
    with plan_file.create_plan(plan_path) as plan:
        ids = populate(plan)
        expected = dump(plan.db.conn)
    before = sha256(plan_path)
    with plan_file.opened(plan_path, read_only=True) as ro:
        assert ro.read_only
        assert dump(ro.db.conn) == expected
        with pytest.raises(ReadOnlyPlan, match="read-only"):
            ro.action("Anything")
        with pytest.raises(ReadOnlyPlan):
            channels.create_channel(ro, "小红书", "social")
        with pytest.raises(ReadOnlyPlan):
            flights.update_flight(ro, ids["f618"], budget_minor=1)
        with pytest.raises(ReadOnlyPlan):
            history.undo(ro)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            ro.db.execute("DELETE FROM flights")
        assert dump(ro.db.conn) == expected
    assert sha256(plan_path) == before
    assert on_disk(plan_path) == expected


# -- backups -----------------------------------------------------------------------------

@pytest.mark.parametrize("keep", [1, 3])
def test_backups_rotate(plan_path: Path, tmp_path: Path, keep: int) -> None:
    root = tmp_path / "backup-root"
    with plan_file.create_plan(plan_path) as plan:
        plan_id = plan.plan_id
        channels.create_channel(plan, "天猫", "web_shop")
    taken = []
    for _ in range(keep + 3):
        with plan_file.opened(plan_path, backup_root=root, backup_keep=keep) as plan:
            taken.append(plan.backup.path)
    kept = backups.listing(plan_path, plan_id, root)
    assert len(kept) == keep
    assert [b.path for b in kept] == list(reversed(taken))[:keep]  # the newest stay
    assert all(b.reason == "open" for b in kept)
    assert len(list(backups.folder_for(plan_path, plan_id, root).iterdir())) == keep


def test_backup_default_location_is_under_the_app_home(plan_path: Path, home: Path) -> None:
    plan_file.create_plan(plan_path).close()
    with plan_file.opened(plan_path) as plan:
        assert plan.backup is not None
        assert home in plan.backup.path.parents


HOLDER = """
import sys
from planner.services import channels, flights
from planner.storage.plan_file import open_plan

plan = open_plan(sys.argv[1])
if len(sys.argv) > 2:  # edit, so recent commits sit in the WAL
    flight_id = sys.argv[2]
    for budget in range(1, 21):
        flights.update_flight(plan, flight_id, budget_minor=budget * 1000)
    channels.create_channel(plan, "last edit", "other")
print("open", flush=True)
sys.stdin.readline()
plan.close()
print("closed", flush=True)
"""


def start_holder(path: Path, *args: str) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path), *args],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=os.environ.copy(),
    )
    line = proc.stdout.readline()
    assert line == "open\n", proc.stderr.read()
    return proc


def kill(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    proc.stdin.close()
    proc.stdout.close()
    proc.stderr.close()


def test_backup_is_a_complete_consistent_plan(plan_path: Path) -> None:
    with plan_file.create_plan(plan_path) as plan:
        ids = populate(plan, flight_count=20)
    # A writer killed with recent commits still in the WAL beside the file.
    holder = start_holder(plan_path, ids["f618"])
    kill(holder)
    assert Path(f"{plan_path}-wal").stat().st_size > 0
    with plan_file.opened(plan_path) as plan:
        expected = dump(plan.db.conn, ALL_TABLES)
        backup = plan.backup.path
    assert expected["flights"] and any(r[1][1] == "last edit" for r in expected["channels"])
    # One backup from the killed writer's open, one from this open; nothing partial.
    assert len(list(backup.parent.glob("*.open.cplan"))) == 2
    assert not [p for p in backup.parent.iterdir() if not p.name.endswith(".cplan")]
    conn = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert dump(conn, ALL_TABLES) == expected
    finally:
        conn.close()
    assert not [s for s in SIDECARS if Path(f"{backup}{s}").exists()]
    # It opens as a plan, with its history: the last edit can be undone there.
    restored = plan_path.with_name("restored.cplan")
    restored.write_bytes(backup.read_bytes())
    with plan_file.opened(restored) as plan:
        history.undo(plan)
        assert plan.db.execute(
            "SELECT COUNT(*) FROM channels WHERE name = 'last edit'").fetchone()[0] == 0


# -- the write lock ----------------------------------------------------------------------

def test_second_writer_is_told_who_holds_the_plan(plan_path: Path) -> None:
    with plan_file.create_plan(plan_path) as plan:
        populate(plan)
        expected = dump(plan.db.conn)
    holder = start_holder(plan_path)
    try:
        lock_file = lock.lock_path(plan_path)
        assert lock_file.exists()
        started = dt.datetime.now().astimezone()
        with pytest.raises(PlanLocked) as info:
            plan_file.open_plan(plan_path)
        message = str(info.value)
        who = info.value.holder
        assert who.pid == holder.pid
        assert who.host == socket.gethostname()
        assert who.user == getpass.getuser()
        since = dt.datetime.fromisoformat(who.since)
        assert abs((started - since).total_seconds()) < 60
        for part in (str(holder.pid), socket.gethostname(), who.since, plan_path.name):
            assert part in message
        assert "read-only" in message
        # Refusing did not disturb the holder's lock.
        assert lock_file.exists()
        with pytest.raises(PlanLocked):
            plan_file.open_plan(plan_path, take_backup=False)
        # Reading still works while it is held.
        with plan_file.opened(plan_path, read_only=True) as ro:
            assert dump(ro.db.conn) == expected
    finally:
        holder.stdin.close()
        assert holder.stdout.readline() == "closed\n"
        assert holder.wait(timeout=10) == 0
        holder.stdout.close()
        holder.stderr.close()
    assert not lock.lock_path(plan_path).exists()
    with plan_file.opened(plan_path) as plan:
        assert plan._lock.stale_holder is None
        assert dump(plan.db.conn) == expected


def test_lock_of_a_killed_writer_is_taken_over(plan_path: Path) -> None:
    with plan_file.create_plan(plan_path) as plan:
        ids = populate(plan)
    holder = start_holder(plan_path, ids["f618"])
    with pytest.raises(PlanLocked):
        plan_file.open_plan(plan_path)
    kill(holder)
    lock_file = lock.lock_path(plan_path)
    assert lock_file.exists()  # left behind by the crash
    assert str(holder.pid) in lock_file.read_text()
    with plan_file.opened(plan_path) as plan:
        assert plan._lock.stale_holder is not None
        assert plan._lock.stale_holder.pid == holder.pid
        assert str(os.getpid()) in lock_file.read_text()
        # The killed writer's committed edits are all there.
        assert plan.db.execute("SELECT budget_minor FROM flights WHERE id = ?",
                               [ids["f618"]]).fetchone()[0] == 20_000
        assert plan.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # And this process now holds it against others.
        probe = subprocess.run(
            [sys.executable, "-c",
             "import sys\n"
             "from planner.errors import PlanLocked\n"
             "from planner.storage.plan_file import open_plan\n"
             "try:\n    open_plan(sys.argv[1])\n"
             "except PlanLocked as exc:\n    print(exc.holder.pid)\n",
             str(plan_path)],
            capture_output=True, text=True, timeout=30, env=os.environ.copy(), check=True,
        )
        assert probe.stdout.strip() == str(os.getpid())
    assert not lock_file.exists()


# -- undo and redo, for every kind of edit -----------------------------------------------

def _custom_amounts(plan, ids):
    return flights.set_custom_amounts(plan, ids["f618"], [
        (D(2026, 5, 20), D(2026, 5, 31), 400_000_00),
        (D(2026, 6, 1), D(2026, 6, 18), 750_000_01),
    ])


def _campaign_with_flights_and_kpis(plan, ids):
    with plan.action("Add campaign 春节 年货节") as act:
        campaign = campaigns.create_campaign(plan, "春节 年货节", "mixed", brand_share_bp=6000,
                                             segment_id=ids["new"], tags=["春节", "年货"])
        cid = campaign.created_id
        flights.add_flight(plan, cid, ids["tmall"], D(2026, 1, 10), D(2026, 2, 10), 800_000_00,
                           phasing={"pattern": "front", "ratio": 2.0})
        flights.add_flight(plan, cid, ids["douyin"], D(2026, 1, 20), D(2026, 2, 15), 300_000_00,
                           unit_kind="live_session", units=12, unit_cost_minor=25_000_00)
        campaigns.add_kpi_target(plan, cid, "sales", "GMV", 9_000_000.5, unit="CNY")
        campaigns.add_kpi_target(plan, cid, "user", "新客", 12_000, cycle="weekly")
    return history.done(plan, act, created_id=cid)


EDITS: dict[str, Callable[[plan_file.Plan, dict], Any]] = {
    "channel add": lambda p, i: channels.create_channel(p, "小红书", "social", colour="#ff2442"),
    "channel edit": lambda p, i: channels.update_channel(
        p, i["tmall"], name="天猫 TMALL", max_spend_minor=900_000_000_00, notes="改名"),
    "channel move": lambda p, i: channels.move_channel(p, i["spare"], 0),
    "channel delete": lambda p, i: channels.delete_channel(p, i["spare"]),
    "segment add": lambda p, i: channels.create_segment(p, "沉睡用户", "low"),
    "segment edit": lambda p, i: channels.update_segment(p, i["vip"], customers=130_000,
                                                         description="Top 10%"),
    "segment move": lambda p, i: channels.move_segment(p, i["new"], 0),
    "segment delete": lambda p, i: channels.delete_segment(p, i["vip"]),
    "campaign add": lambda p, i: campaigns.create_campaign(p, "春节 年货节", "brand",
                                                           tags=["春节"], owner="王芳"),
    "campaign edit": lambda p, i: campaigns.update_campaign(p, i["618"], objective="mixed",
                                                            notes="改为混合目标"),
    "campaign with flights and KPIs": _campaign_with_flights_and_kpis,
    "campaign status": lambda p, i: campaigns.set_status(p, i["618"], "approved"),
    "campaign duplicate": lambda p, i: campaigns.duplicate_campaign(
        p, i["618"], name="618 年中大促 2027", shift_days=365),
    "campaign move": lambda p, i: campaigns.move_campaign(p, i["618"], -7),
    "campaign move far": lambda p, i: campaigns.move_campaign(p, i["618"], 150),
    "campaign delete": lambda p, i: campaigns.delete_campaign(p, i["618"]),
    "kpi add": lambda p, i: campaigns.add_kpi_target(p, i["1111"], "brand", "曝光", 1.5e8),
    "kpi edit": lambda p, i: campaigns.update_kpi_target(p, i["kpi"], target=0.1, unit="x"),
    "kpi delete": lambda p, i: campaigns.delete_kpi_target(p, i["kpi"]),
    "flight add": lambda p, i: flights.add_flight(p, i["1111"], i["tmall"], D(2026, 10, 20),
                                                  D(2026, 11, 11), 5_000_000_00),
    "flight budget": lambda p, i: flights.update_flight(p, i["f618"], budget_minor=123_45),
    "flight move": lambda p, i: flights.move_flight(p, i["f618"], D(2026, 6, 1)),
    # Further than the flight is long: start and end must go back together.
    "flight move far": lambda p, i: flights.move_flight(p, i["f618"], D(2026, 11, 1)),
    "flight move far earlier": lambda p, i: flights.move_flight(p, i["f618"], D(2026, 1, 5)),
    "flight resize far": lambda p, i: flights.resize_flight(
        p, i["f618"], DateSpan(D(2026, 9, 1), D(2026, 9, 9))),
    "flight resize": lambda p, i: flights.resize_flight(p, i["f618"],
                                                        DateSpan(D(2026, 5, 1), D(2026, 6, 20))),
    "flight units": lambda p, i: flights.update_flight(p, i["f618"], unit_kind="cpm",
                                                       units=40_000, unit_cost_minor=25_00),
    "flight custom amounts": _custom_amounts,
    "flight committed": lambda p, i: flights.set_committed(p, i["flights"][:2]),
    "flight duplicate": lambda p, i: flights.duplicate_flight(p, i["f618"], shift_days=14),
    "flights delete": lambda p, i: flights.delete_flights(p, i["flights"]),
    "event add": lambda p, i: events.create_event(p, "holiday", "春节", D(2026, 2, 16),
                                                  D(2026, 2, 22)),
    "blackout add": lambda p, i: events.add_blackout(p, "封禁", D(2026, 4, 1), D(2026, 4, 3),
                                                     channel_id=i["douyin"]),
    "event edit": lambda p, i: events.update_event(p, i["event"], name="618 · 正式期",
                                                   notes="改期"),
    "festivals and holidays": lambda p, i: events.add_calendar_events(p, [2026]),
    "event move": lambda p, i: events.move_event(p, i["event"], 3),
    "event delete": lambda p, i: events.delete_event(p, i["event"]),
    "placeholder add": lambda p, i: plan_settings.add_placeholder(
        p, i["tmall"], D(2026, 9, 1), D(2026, 9, 30), 200_000_00, goal="brand"),
    "placeholder edit": lambda p, i: plan_settings.update_placeholder(
        p, i["placeholder"], amount_minor=1, notes="缩减"),
    "placeholder delete": lambda p, i: plan_settings.delete_placeholder(p, i["placeholder"]),
    "settings": lambda p, i: plan_settings.update_settings(
        p, name="2026 全渠道计划 v2", total_budget_minor=98_765_432_10,
        brand_share_target_bp=3600),
    "baseline": lambda p, i: plan_settings.take_baseline(p, "预算冻结 v1"),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_undo_and_redo_restore_exact_table_contents(plan, ids, plan_path: Path,
                                                    edit: str) -> None:
    before = dump(plan.db.conn)
    done = EDITS[edit](plan, ids)
    after = dump(plan.db.conn)
    assert after != before
    assert on_disk(plan_path) == after  # on disk when the call returns
    record = history.get_action(plan, done.action_id)
    assert record.changes and not record.undone

    assert history.undo_candidate(plan) == done.action_id
    history.undo(plan)
    assert dump(plan.db.conn) == before
    assert on_disk(plan_path) == before
    assert history.get_action(plan, done.action_id).undone

    assert history.redo_candidate(plan) == done.action_id
    history.redo(plan)
    assert dump(plan.db.conn) == after
    assert not history.get_action(plan, done.action_id).undone
    assert history.redo_candidate(plan) is None

    history.undo(plan, done.action_id)
    assert dump(plan.db.conn) == before
    assert plan.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_undo_of_several_actions_walks_back_in_order(plan, ids) -> None:
    states = [dump(plan.db.conn)]
    steps = ["flight budget", "flight move", "campaign duplicate", "settings", "channel delete"]
    for name in steps:
        EDITS[name](plan, ids)
        states.append(dump(plan.db.conn))
    for state in reversed(states[:-1]):
        history.undo(plan)
        assert dump(plan.db.conn) == state
    for state in states[1:]:
        history.redo(plan)
        assert dump(plan.db.conn) == state
    with pytest.raises(NotFound):
        history.redo(plan)


def test_undo_conflict_writes_nothing(plan, ids, plan_path: Path) -> None:
    first = flights.update_flight(plan, ids["f618"], budget_minor=2_000_000_00)
    flights.update_flight(plan, ids["f618"], budget_minor=3_000_000_00)
    before = dump(plan.db.conn, ALL_TABLES)
    with pytest.raises(UndoConflict, match="Edit flight"):
        history.undo(plan, first.action_id)
    assert dump(plan.db.conn, ALL_TABLES) == before
    assert on_disk(plan_path, ALL_TABLES) == before
    assert not history.get_action(plan, first.action_id).undone


def test_undo_of_an_edit_to_a_deleted_record_conflicts(plan, ids) -> None:
    edit = flights.move_flight(plan, ids["f618"], D(2026, 6, 1))
    flights.delete_flights(plan, [ids["f618"]])
    before = dump(plan.db.conn, ALL_TABLES)
    with pytest.raises(UndoConflict):
        history.undo(plan, edit.action_id)
    assert dump(plan.db.conn, ALL_TABLES) == before


def test_redo_conflict_after_a_later_edit(plan, ids) -> None:
    edit = flights.update_flight(plan, ids["f618"], budget_minor=7)
    history.undo(plan)
    flights.update_flight(plan, ids["f618"], budget_minor=8)
    assert history.redo_candidate(plan) is None  # a new edit clears redo
    before = dump(plan.db.conn, ALL_TABLES)
    with pytest.raises(UndoConflict):
        history.redo(plan, edit.action_id)
    assert dump(plan.db.conn, ALL_TABLES) == before


def test_undo_that_would_break_a_later_reference_conflicts(plan, ids, plan_path: Path) -> None:
    added = channels.create_channel(plan, "小红书", "social")
    flights.add_flight(plan, ids["618"], added.created_id, D(2026, 6, 1), D(2026, 6, 18), 100)
    before = dump(plan.db.conn, ALL_TABLES)
    with pytest.raises(UndoConflict, match="Add channel"):
        history.undo(plan, added.action_id)
    assert dump(plan.db.conn, ALL_TABLES) == before
    assert on_disk(plan_path, ALL_TABLES) == before
    assert not plan.db.conn.in_transaction


def test_undo_twice_and_undo_of_an_undo_are_refused(plan, ids) -> None:
    edit = flights.update_flight(plan, ids["f618"], budget_minor=7)
    undo = history.undo(plan)
    before = dump(plan.db.conn, ALL_TABLES)
    with pytest.raises(UndoConflict, match="already undone"):
        history.undo(plan, edit.action_id)
    with pytest.raises(UndoConflict):
        history.undo(plan, undo.action_id)
    assert dump(plan.db.conn, ALL_TABLES) == before


FAILING: dict[str, Callable[[plan_file.Plan, dict], Any]] = {
    "flight ends before it starts": lambda p, i: flights.add_flight(
        p, i["618"], i["tmall"], D(2026, 6, 18), D(2026, 6, 1), 100),
    "flight on a missing channel": lambda p, i: flights.add_flight(
        p, i["618"], "no-such-channel", D(2026, 6, 1), D(2026, 6, 18), 100),
    "flight for a missing campaign": lambda p, i: flights.add_flight(
        p, "no-such-campaign", i["tmall"], D(2026, 6, 1), D(2026, 6, 18), 100),
    "negative budget": lambda p, i: flights.update_flight(p, i["f618"], budget_minor=-1),
    "resize to end before start": lambda p, i: flights.resize_flight(
        p, i["f618"], DateSpan(D(2026, 6, 18), D(2026, 6, 1))),
    "second flight missing after first written": lambda p, i: flights.set_committed(
        p, [i["flights"][0], i["flights"][1], "no-such-flight"]),
    "brand campaign with promotion share": lambda p, i: campaigns.create_campaign(
        p, "品牌", "brand", brand_share_bp=5000),
    "channel still in use": lambda p, i: channels.delete_channel(p, i["tmall"]),
    "settings": lambda p, i: plan_settings.update_settings(p, currency="yuan"),
    "empty baseline name": lambda p, i: plan_settings.take_baseline(p, " "),
}


@pytest.mark.parametrize("case", list(FAILING))
def test_failed_action_changes_nothing(plan, ids, plan_path: Path, case: str) -> None:
    before = dump(plan.db.conn, ALL_TABLES)
    actions = plan.db.execute("SELECT COUNT(*) FROM actions").fetchone()[0]
    with pytest.raises((ValidationError, NotFound)):
        FAILING[case](plan, ids)
    assert plan.db.execute("SELECT COUNT(*) FROM actions").fetchone()[0] == actions
    assert dump(plan.db.conn, ALL_TABLES) == before
    assert on_disk(plan_path, ALL_TABLES) == before
    assert not plan.db.conn.in_transaction
    # The plan is still usable afterwards.
    flights.update_flight(plan, ids["f618"], budget_minor=1)
    history.undo(plan)
    assert dump(plan.db.conn, ALL_TABLES) != before  # only the log grew
    assert dump(plan.db.conn) == {t: v for t, v in before.items() if t in schema.USER_TABLES}


def test_action_that_raises_is_rolled_back(plan, ids) -> None:
    before = dump(plan.db.conn, ALL_TABLES)
    with pytest.raises(RuntimeError), plan.action("Half done"):
        flights.update_flight(plan, ids["f618"], budget_minor=99)
        channels.create_channel(plan, "半途", "other")
        raise RuntimeError("power cut")
    assert dump(plan.db.conn, ALL_TABLES) == before


def test_action_that_writes_nothing_leaves_no_trace(plan, ids) -> None:
    before = dump(plan.db.conn, ALL_TABLES)
    current = dataclasses.asdict(plan_settings.settings(plan))
    plan_settings.update_settings(plan, name=current["name"])
    assert dump(plan.db.conn, ALL_TABLES) == before


# -- the audit trail ---------------------------------------------------------------------

def test_audit_log_answers_who_moved_the_618_budget(plan, ids) -> None:
    flight_id = ids["f618"]
    old = plan.db.execute("SELECT budget_minor FROM flights WHERE id = ?",
                          [flight_id]).fetchone()[0]
    flights.update_flight(plan, ids["flights"][1], budget_minor=5)  # another flight
    t0 = dt.datetime.now(dt.UTC)
    moved = flights.update_flight(plan, flight_id, "Move 618 budget to Douyin",
                                  budget_minor=4_500_000_00)
    t1 = dt.datetime.now(dt.UTC)
    trail = history.log(plan, object_id=flight_id)
    assert [a.label for a in trail] == ["Move 618 budget to Douyin", "Add flight"]
    record = trail[0]
    assert record.id == moved.action_id
    assert record.user == getpass.getuser()
    at = dt.datetime.fromisoformat(record.at)
    assert t0 - dt.timedelta(seconds=1) <= at <= t1 + dt.timedelta(seconds=1)
    assert record.kind == "edit" and not record.undone
    assert [(c.tbl, c.row_id, c.op, c.field, c.old, c.new) for c in record.changes] == [
        ("flights", flight_id, "update", "budget_minor", old, 4_500_000_00)]
    assert f"budget_minor: {old!r} → {4_500_000_00!r}" in record.summary()
    # The trail is append-only: undoing adds an entry and keeps the original.
    history.undo(plan)
    trail = history.log(plan, object_id=flight_id)
    assert trail[0].kind == "undo" and trail[0].reverts == moved.action_id
    assert [(c.field, c.old, c.new) for c in trail[0].changes] == [
        ("budget_minor", 4_500_000_00, old)]
    assert trail[1].id == moved.action_id and trail[1].undone


def test_audit_log_survives_reopening(plan_path: Path) -> None:
    with plan_file.create_plan(plan_path) as plan:
        ids = populate(plan)
        flights.update_flight(plan, ids["f618"], "Move 618 budget", budget_minor=1)
        expected = history.log(plan, limit=100)
    with plan_file.opened(plan_path) as plan:
        assert history.log(plan, limit=100) == expected
        assert history.log(plan, object_id=ids["f618"])[0].label == "Move 618 budget"
        history.undo(plan)
        assert plan.db.execute("SELECT budget_minor FROM flights WHERE id = ?",
                               [ids["f618"]]).fetchone()[0] == 1_000_000_00


def test_save_a_copy_keeps_the_plan_id_and_gets_its_own_copy_id(plan, tmp_path):
    channels.create_channel(plan, "天猫", "web_shop")
    target = tmp_path / "copy.cplan"
    plan_file.save_copy(plan, target)
    with plan_file.open_plan(target) as copy:
        assert copy.plan_id == plan.plan_id and copy.copy_id != plan.copy_id
        assert dump(copy.db.conn) == dump(plan.db.conn)
    assert not list(tmp_path.glob("*.partial"))
    with pytest.raises(PlanExists):
        plan_file.save_copy(plan, plan.path)


def test_save_a_copy_never_replaces_a_plan_someone_has_open(plan, tmp_path, empty_plan_file):
    target = tmp_path / "theirs.cplan"
    shutil.copyfile(empty_plan_file, target)
    with plan_file.open_plan(target):
        before = target.read_bytes()
        with pytest.raises(PlanLocked):
            plan_file.save_copy(plan, target)
        assert target.read_bytes() == before
    plan_file.save_copy(plan, target)  # released: replaced whole
    with plan_file.open_plan(target) as copy:
        assert copy.plan_id == plan.plan_id


def test_a_worker_writes_on_its_own_connection_under_the_plans_lock(plan):
    """A long write runs off the GUI thread; its action is then undone on the plan's
    own connection like any other, and closing the worker's copy keeps the lock."""
    before = dump(plan.db.conn)
    done: list = []

    def work() -> None:
        with plan.worker_writer() as writing:
            done.append(channels.create_channel(writing, "抖音", "short_video"))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert plan.db.execute("SELECT name FROM channels").fetchall() == [("抖音",)]
    history.undo(plan, done[0].action_id)
    assert dump(plan.db.conn) == before
    with pytest.raises(PlanLocked):
        plan_file.open_plan(plan.path)  # still ours
    with plan_file.open_plan(plan.path, read_only=True) as viewer, \
            pytest.raises(ReadOnlyPlan):
        viewer.worker_writer()
