"""Forward-only schema steps on `PRAGMA user_version`, all in one transaction.

A file from a newer version is refused before anything is written; an older file
is backed up first, then every missing step, the change-log triggers and the
search index are applied in a single transaction, so a failure leaves the file
exactly as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from planner.errors import NewerPlanFile, PlanFileError
from planner.storage import capture
from planner.storage.schema import APPLICATION_ID, SCHEMA_VERSION, STEPS

# Python steps that follow a version's SQL (data moves SQL alone cannot say).
if TYPE_CHECKING:
    import sqlite_utils

_AFTER_STEP: dict[int, Callable[[sqlite_utils.Database], None]] = {}


def _search_index(db: sqlite_utils.Database) -> None:
    """Trigram full-text search over campaigns: finds Chinese words of 3+ characters
    without a word segmenter; shorter queries fall back to LIKE (see services/search)."""
    tokenize = "trigram" if sqlite3.sqlite_version_info >= (3, 34, 0) else None
    db["campaigns"].enable_fts(
        ["name", "tags", "notes"], create_triggers=True, tokenize=tokenize, replace=True
    )


_AFTER_STEP[2] = _search_index


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def check_version(conn: sqlite3.Connection, path: str) -> int:
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        raise NewerPlanFile(
            f"{path} was saved by a newer version of the planner (plan format {version}, "
            f"this version reads up to {SCHEMA_VERSION}); update the app to open it"
        )
    return version


def migrate(
    db: sqlite_utils.Database,
    path: str,
    *,
    before: Callable[[], None] | None = None,
    target: int = SCHEMA_VERSION,
) -> int:
    """Bring the file up to `target`; return the version it had.

    :param before: called once before the first write (the backup), only when
        there is something to migrate.
    """
    version = check_version(db.conn, path)
    if version >= target:
        return version
    if before is not None and version > 0:
        before()
    try:
        with db.atomic():
            capture.uninstall(db.conn)  # they name tables a step may rebuild
            for step in range(version + 1, target + 1):
                db.executescript(STEPS[step])
                if step in _AFTER_STEP:
                    _AFTER_STEP[step](db)
            capture.install(db.conn)
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute(f"PRAGMA user_version = {target}")
    except sqlite3.Error as exc:
        raise PlanFileError(f"{path} could not be upgraded from plan format {version} "
                            f"({exc}); it was left untouched") from None
    return version
