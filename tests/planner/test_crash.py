"""A writer killed at any moment never damages the plan or loses a committed action.

`crash_child.py` edits a real plan through the services and reports each action
as it returns; it is SIGKILLed at a random moment, over and over, on one plan.
After each kill the file must be intact, hold every reported action, let the
next writer take the stale lock over, and keep a consistent change log.
A failure names its seed; `CRASH_SEED=<seed>` replays the same schedule of edits.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from planner.domain.entities import PlanSettings
from planner.services import campaigns, channels
from planner.storage import history, lock, plan_file

CHILD = Path(__file__).with_name("crash_child.py")
ROUNDS = 32


@pytest.fixture(autouse=True)
def app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("CAMPAIGN_PLANNER_HOME", str(home))
    return home


class Child:
    """The child process, its reported actions collected as they arrive."""

    def __init__(self, path: Path, seed: int) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(path), str(seed)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=os.environ.copy(),
        )
        self.lines: list[bytes] = []
        self.first = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)
            self.first.set()
        self.first.set()

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)
        self._reader.join(timeout=10)
        assert self.proc.stdout is not None and self.proc.stderr is not None
        self.stderr = self.proc.stderr.read().decode(errors="replace")
        self.proc.stdout.close()
        self.proc.stderr.close()

    def committed(self) -> list[str]:
        """Ids from complete lines only: a line cut by the kill proves nothing."""
        ids = []
        for line in self.lines:
            assert line.endswith(b"\n") or line is self.lines[-1], line
            if line.endswith(b"\n"):
                word, action_id = line.decode().split()
                assert word == "committed"
                ids.append(action_id)
        return ids


def seed_plan(path: Path) -> None:
    with plan_file.create_plan(path, PlanSettings(name="崩溃测试")) as plan:
        for name, kind in (("天猫旗舰店", "web_shop"), ("抖音直播", "live_stream")):
            channels.create_channel(plan, name, kind)
        campaigns.create_campaign(plan, "618 年中大促", "promotion")
        campaigns.create_campaign(plan, "双十一 品牌日", "brand")


def check_after_kill(path: Path, child: Child, reported: set[str],
                     known: set[str]) -> set[str]:
    """Open as the next writer would and check everything; return all action ids."""
    assert lock.lock_path(path).exists(), "the killed writer's lock file is left behind"
    with plan_file.opened(path, take_backup=False) as plan:
        stale = plan._lock.stale_holder
        assert stale is not None and stale.pid == child.proc.pid
        db = plan.db
        assert [r[0] for r in db.execute("PRAGMA integrity_check")] == ["ok"]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        actions = {r[0] for r in db.execute("SELECT id FROM actions")}
        missing = reported - actions
        assert not missing, f"reported as committed but lost: {sorted(missing)}"
        # At most the one action committed just before the kill went unreported.
        assert len(actions - known - reported) <= 1
        # The change log is consistent: every change belongs to a recorded action ...
        orphans = db.execute(
            "SELECT COUNT(*) FROM changes WHERE action_id IS NULL "
            "OR action_id NOT IN (SELECT id FROM actions)").fetchone()[0]
        assert orphans == 0
        # ... every recorded action wrote something, no action was left open ...
        empty = db.execute(
            "SELECT seq, label, kind FROM actions a "
            "WHERE NOT EXISTS (SELECT 1 FROM changes c WHERE c.action_id = a.id)"
        ).fetchall()
        assert empty == []
        assert db.execute("SELECT COUNT(*) FROM _current_action").fetchone()[0] == 0
        # ... and undo flags agree with the undo and redo actions that set them.
        last_replay: dict[str, str] = {}
        undone: dict[str, bool] = {}
        for action_id, kind, reverts, flag in db.execute(
                "SELECT id, kind, reverts, undone FROM actions ORDER BY seq"):
            if reverts is not None:
                last_replay[reverts] = kind
            if kind == "edit":
                undone[action_id] = bool(flag)
        for action_id, flag in undone.items():
            assert flag == (last_replay.get(action_id) == "undo"), action_id
        # The plan takes a new edit and its undo after the crash.
        done = channels.update_channel(plan, db.execute(
            "SELECT id FROM channels ORDER BY rowid LIMIT 1").fetchone()[0], notes="after crash")
        history.undo(plan, done.action_id)
        actions = {r[0] for r in db.execute("SELECT id FROM actions")}
    assert not lock.lock_path(path).exists()
    return actions


def test_killed_writer_never_loses_or_damages_anything(tmp_path: Path) -> None:
    seed = int(os.environ.get("CRASH_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    path = tmp_path / "崩溃 plan.cplan"
    seed_plan(path)
    with plan_file.opened(path, take_backup=False) as plan:
        known = {r[0] for r in plan.db.execute("SELECT id FROM actions")}
    total_reported = 0
    for round_no in range(ROUNDS):
        child = Child(path, rng.randrange(1 << 30))
        assert child.first.wait(timeout=30), "the child never reported an action"
        delay = rng.uniform(0.05, 0.5)
        time.sleep(delay)
        child.kill()
        assert child.proc.returncode == -signal.SIGKILL, child.stderr
        reported = set(child.committed())
        assert reported, child.stderr
        total_reported += len(reported)
        context = f"seed={seed} round={round_no} delay={delay:.3f}"
        try:
            known = check_after_kill(path, child, reported, known)
        except AssertionError as exc:
            raise AssertionError(f"{context}: {exc}") from exc
    # The file after all the kills is one self-consistent plan a plain sqlite3 reads.
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert total_reported >= ROUNDS * 2
