"""Rotating copies of a plan, taken on open and before every migration.

Copies are made with SQLite's online backup API from a connection that is
already open, so a copy is always a consistent snapshot even while the WAL holds
recent commits. Each plan has its own folder (named by the plan's stem and id),
and only the newest `keep` copies stay.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from planner import paths

DEFAULT_KEEP = 10


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: dt.datetime
    reason: str


def folder_for(plan_path: Path, plan_id: str, root: Path | None = None) -> Path:
    root = root if root is not None else paths.backups_dir()
    return root / f"{plan_path.stem}-{plan_id[:8]}"


def take(
    conn: sqlite3.Connection,
    plan_path: Path,
    plan_id: str,
    *,
    reason: str = "open",
    keep: int = DEFAULT_KEEP,
    root: Path | None = None,
) -> Backup:
    """Snapshot `conn`'s database into the plan's backup folder and rotate."""
    folder = folder_for(plan_path, plan_id, root)
    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now()
    target = folder / f"{now:%Y%m%d-%H%M%S-%f}.{reason}.cplan"
    partial = target.with_suffix(".partial")
    dest = sqlite3.connect(partial)
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    partial.replace(target)
    rotate(folder, keep)
    return Backup(target, now, reason)


def listing(plan_path: Path, plan_id: str, root: Path | None = None) -> list[Backup]:
    """Backups of one plan, newest first."""
    folder = folder_for(plan_path, plan_id, root)
    found = []
    for path in folder.glob("*.cplan"):
        stamp, _, rest = path.name.partition(".")
        try:
            taken = dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S-%f")
        except ValueError:
            continue
        found.append(Backup(path, taken, rest.removesuffix(".cplan")))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def rotate(folder: Path, keep: int) -> None:
    copies = sorted(folder.glob("*.cplan"), reverse=True)
    for old in copies[max(keep, 1):]:
        old.unlink(missing_ok=True)
