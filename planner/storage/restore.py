"""Put a backup back in place of a plan, keeping the plan's current state too.

The plan is locked, its current state is itself backed up, the WAL is folded in
and closed, and only then is the checked backup copied over the file with an
atomic rename: at every moment the path holds one complete plan.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import uuid
from pathlib import Path

from planner.errors import PlanFileError
from planner.storage import backups
from planner.storage.plan_file import inspect, open_plan


def restore(backup_path: Path, plan_path: Path, *, backup_root: Path | None = None,
            any_plan: bool = False) -> backups.Backup:
    """Replace `plan_path` with `backup_path`; return the backup of what was replaced.

    :param any_plan: allow a backup of a different plan (different plan id).
    """
    inspect(backup_path)
    with sqlite3.connect(f"{backup_path.resolve().as_uri()}?mode=ro", uri=True) as src:
        row = src.execute("SELECT value FROM meta WHERE key = 'plan_id'").fetchone()
    backup_plan_id = row[0] if row else ""
    plan = open_plan(plan_path, backup_root=backup_root, take_backup=False)
    try:
        if backup_plan_id != plan.plan_id and not any_plan:
            raise PlanFileError(
                f"{backup_path.name} is a backup of another plan; "
                "use --any-plan to restore it over this one anyway")
        saved = backups.take(plan.db.conn, plan_path, plan.plan_id, reason="before-restore",
                             root=backup_root)
        plan.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        staged = plan_path.with_name(f".{plan_path.name}.{uuid.uuid4().hex[:8]}.restoring")
        shutil.copyfile(backup_path, staged)
        plan.db.close()
        for side in ("-wal", "-shm"):
            Path(f"{plan_path}{side}").unlink(missing_ok=True)
        os.replace(staged, plan_path)
    finally:
        plan.close()
    return saved
