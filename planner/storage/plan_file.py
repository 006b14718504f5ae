"""Open, create and close plan files: the one way into a `.cplan`.

Opening checks before it writes: the header must be SQLite's, the application id
ours, the schema not newer than this version and `quick_check` clean; all of that
is read through a read-only connection, so a refused file keeps every byte. Only
then is the write lock taken, a rotating backup made, and the file migrated
forward in one transaction.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from planner.domain import validate
from planner.domain.entities import PlanSettings
from planner.errors import (
    CorruptPlanFile,
    ForeignPlanFile,
    MissingPlanFile,
    NotAPlanFile,
    PlanExists,
    PlanFileError,
    ReadOnlyPlan,
)
from planner.storage import backups, history, identity, migrations, rows
from planner.storage.lock import WriteLock
from planner.storage.schema import APPLICATION_ID, SCHEMA_VERSION

if TYPE_CHECKING:
    import sqlite_utils

SQLITE_HEADER = b"SQLite format 3\x00"
SUFFIX = ".cplan"


class Plan:
    """An open plan file. Belongs to the thread that opened it."""

    def __init__(self, path: Path, db: sqlite_utils.Database, lock: WriteLock | None, *,
                 owns_lock: bool = True) -> None:
        self.path = path
        self.db = db
        self._lock = lock
        self._owns_lock = owns_lock
        self.read_only = lock is None
        self.opened_from_version = SCHEMA_VERSION
        self.backup: backups.Backup | None = None

    # -- identity -------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    @property
    def plan_id(self) -> str:
        return self.meta("plan_id") or ""

    @property
    def copy_id(self) -> str:
        return self.meta("copy_id") or ""

    # -- writing --------------------------------------------------------------------
    def settle_identity(self) -> None:
        """Inside each action's transaction, before its stamp: a plain file copy gets its
        own copy id at its first edit (see `identity.py`). Not on open, so opening a plan
        writes nothing, and a refused edit leaves the file as it was."""
        identity.settle(self.db.conn, self.path)

    def action(self, label: str, kind: str = "edit") -> contextlib.AbstractContextManager:
        """One user action: one transaction, every write captured under one id."""
        if self.read_only:
            raise ReadOnlyPlan(f"{self.path.name} is open read-only; “{label}” was not done")
        return history.action(self, label, kind)

    def close(self) -> None:
        try:
            if not self.read_only:
                with contextlib.suppress(sqlite3.Error):
                    self.db.execute("PRAGMA optimize")
            self.db.close()
        finally:
            if self._lock is not None and self._owns_lock:
                self._lock.release()
            self._lock = None

    def worker_writer(self) -> Plan:
        """A second writing connection, to be opened and used on one worker thread.

        A long write (an import of thousands of rows) then runs off the GUI thread
        under the lock this plan holds; the caller keeps the GUI from writing
        meanwhile, since SQLite lets one writer in at a time.
        """
        if self.read_only or self._lock is None:
            raise ReadOnlyPlan(f"{self.path.name} is open read-only")
        conn = _connect(self.path, read_only=False)
        _configure(conn)
        return Plan(self.path, _database(conn), self._lock, owns_lock=False)

    def __enter__(self) -> Plan:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _database(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """sqlite-utils imports pandas and numpy when it is imported (half a second): it is
    imported here, on first use, so importing this module stays cheap and the window can
    paint before the plan opens."""
    import sqlite_utils

    return sqlite_utils.Database(conn)


def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    if read_only:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True)
    else:
        conn = sqlite3.connect(path)
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def _describe(path: Path) -> str:
    return str(path)


def inspect(path: Path) -> int:
    """Refuse anything but a healthy plan file; return its schema version.

    Reads only: a refused file is left byte for byte as it was.
    """
    if not path.exists():
        raise MissingPlanFile(f"{_describe(path)}: no such plan file")
    if path.is_dir():
        raise NotAPlanFile(f"{_describe(path)} is a folder, not a plan file")
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise NotAPlanFile(f"{_describe(path)} is not a plan file (not an SQLite database)")
    sidecars = [Path(f"{path}-wal"), Path(f"{path}-shm")]
    absent = [p for p in sidecars if not p.exists()]
    try:
        return _inspect_sqlite(path)
    except PlanFileError:
        _remove_made_sidecars(absent)
        raise


def _remove_made_sidecars(made: list[Path]) -> None:
    """A read-only look at a WAL-mode file creates -wal and -shm files that the
    read-only connection cannot remove on close. A refused file is left as it was
    found: remove the ones that were not there before, unless a write landed in them."""
    for sidecar in made:
        if sidecar.name.endswith("-wal") and sidecar.exists() and sidecar.stat().st_size:
            return
    for sidecar in made:
        sidecar.unlink(missing_ok=True)


def _inspect_sqlite(path: Path) -> int:
    try:
        conn = _connect(path, read_only=True)
    except sqlite3.Error as exc:
        raise CorruptPlanFile(f"{_describe(path)} cannot be read: {exc}") from None
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise ForeignPlanFile(
                f"{_describe(path)} is an SQLite database but not a campaign plan; "
                "it was left untouched"
            )
        version = migrations.check_version(conn, _describe(path))
        problems = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
        if problems != ["ok"]:
            raise CorruptPlanFile(
                f"{_describe(path)} is damaged ({problems[0]}); it was left untouched — "
                "restore a backup with `planner backup restore`"
            )
        return version
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, PlanFileError):
            raise
        raise CorruptPlanFile(
            f"{_describe(path)} is damaged ({exc}); it was left untouched — "
            "restore a backup with `planner backup restore`"
        ) from None
    finally:
        conn.close()


def _configure(conn: sqlite3.Connection) -> None:
    # WAL + synchronous=FULL: an edit is on disk, durably, when its call returns.
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    # SQLite's default 2 MB page cache thrashes on a 100,000-row import (its rows land
    # all over a random-id index); 32 MB holds it, and is only taken as pages are read.
    conn.execute("PRAGMA cache_size = -32768")


def _kept_backups(conn: sqlite3.Connection) -> int:
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = 'backup_keep'").fetchone()
        return max(1, int(row[0])) if row else backups.DEFAULT_KEEP
    except (sqlite3.Error, ValueError, TypeError):
        return backups.DEFAULT_KEEP


def open_plan(
    path: str | os.PathLike[str],
    *,
    read_only: bool = False,
    backup_root: Path | None = None,
    backup_keep: int | None = None,
    take_backup: bool = True,
) -> Plan:
    """Open an existing plan for writing (or read-only).

    :param backup_keep: how many rotating backups to keep; by default the plan's
        own `backup_keep` setting.

    :raises PlanFileError: the file is missing, not SQLite, not ours, newer,
        damaged, or held by another writer (`PlanLocked` names who).
    """
    path = Path(path)
    version = inspect(path)
    if read_only:
        if version < SCHEMA_VERSION:
            raise PlanFileError(
                f"{_describe(path)} is in an older plan format; open it for writing once "
                "to upgrade it (a backup is taken first)"
            )
        db = _database(_connect(path, read_only=True))
        return Plan(path, db, None)
    lock = WriteLock(path)
    try:
        conn = _connect(path, read_only=False)
        db = _database(conn)
        plan = Plan(path, db, lock)
        plan.opened_from_version = version
        # Opening is bookkeeping, never an undoable action: nothing here is captured.
        if take_backup or version < SCHEMA_VERSION:
            reason = "open" if version == SCHEMA_VERSION else f"before-upgrade-v{version}"
            keep = backup_keep if backup_keep is not None else _kept_backups(conn)
            plan.backup = backups.take(conn, path, plan.plan_id, reason=reason,
                                       keep=keep, root=backup_root)
        # Migrate before switching to WAL: a failed migration then rolls back in the
        # file's own journal mode and leaves every byte (header included) as it was.
        migrations.migrate(db, _describe(path))
        _configure(conn)
        return plan
    except BaseException:
        with contextlib.suppress(Exception):
            conn.close()  # type: ignore[possibly-undefined]
        lock.release()
        raise


def save_copy(plan: Plan, target: str | os.PathLike[str]) -> Path:
    """Save a Copy As: the whole plan in another file, which appears complete or not at
    all. The copy keeps the plan id (copies of one plan can be merged later) and gets
    a copy id of its own. The open plan itself is never the target.
    """
    target = Path(target)
    if target.exists() and target.resolve() == plan.path.resolve():
        raise PlanExists(f"{_describe(target)} is the open plan; choose another name")
    if not target.exists():
        return _write_copy(plan, target)
    lock = WriteLock(target)  # a plan someone has open is not replaced under them
    try:
        return _write_copy(plan, target)
    finally:
        lock.release()


def _write_copy(plan: Plan, target: Path) -> Path:
    partial = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        dest = sqlite3.connect(partial)
        try:
            plan.db.conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
            dest.execute("UPDATE meta SET value = ? WHERE key = 'copy_id'", [str(uuid.uuid4())])
            identity.forget(dest)
            dest.commit()
        finally:
            dest.close()
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def reader(path: str | os.PathLike[str]) -> Plan:
    """A second, read-only connection to a plan this process already opened and checked.

    A connection belongs to the thread that opened it, so a worker that reads the plan
    while the GUI keeps editing opens its own; WAL lets it read the last committed
    state without blocking the writer. Nothing is inspected again: that was done on open.
    """
    path = Path(path)
    return Plan(path, _database(_connect(path, read_only=True)), None)


def create_plan(path: str | os.PathLike[str], settings: PlanSettings | None = None) -> Plan:
    """Create a new, empty plan file atomically: it appears complete or not at all.

    :raises PlanExists: a file is already there (it is never overwritten).
    """
    path = Path(path)
    if path.exists():
        raise PlanExists(f"{_describe(path)} already exists; choose another name")
    settings = settings or PlanSettings()
    validate.check(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.partial")
    conn = sqlite3.connect(partial)
    try:
        db = _database(conn)
        migrations.migrate(db, _describe(path))
        with db.atomic():
            db.execute("INSERT INTO meta(key, value) VALUES ('plan_id', ?)", [str(uuid.uuid4())])
            db.execute("INSERT INTO meta(key, value) VALUES ('copy_id', ?)", [str(uuid.uuid4())])
            rows.write_settings(db, settings)
            # A new plan's first settings are where its history starts, not an edit:
            # leave no change rows without an action behind.
            db.execute("DELETE FROM changes WHERE action_id IS NULL")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.close()
        try:  # a hard link fails if the name was taken meanwhile: never overwrite
            os.link(partial, path)
        except FileExistsError:
            raise PlanExists(f"{_describe(path)} already exists; choose another name") from None
        except OSError:  # file systems without hard links
            if path.exists():
                raise PlanExists(f"{_describe(path)} already exists; "
                                 "choose another name") from None
            os.replace(partial, path)
    finally:
        with contextlib.suppress(Exception):
            conn.close()
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)
    return open_plan(path, take_backup=False)


@contextlib.contextmanager
def opened(path: str | os.PathLike[str], **kwargs: object) -> Iterator[Plan]:
    plan = open_plan(path, **kwargs)  # type: ignore[arg-type]
    try:
        yield plan
    finally:
        plan.close()
