"""One writer per plan file, and a planner told who it is.

A lock file beside the plan holds the writer's pid, host, user and start time,
and the writer keeps an OS lock on it for as long as the plan is open. The OS
lock dies with the process, so a lock file left by a crash is recognised as
stale (its OS lock can be taken) and taken over safely; a live writer's cannot.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import socket
from pathlib import Path

from planner.errors import LockHolder, PlanLocked

if os.name == "nt":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path(plan_path: Path) -> Path:
    return plan_path.with_name(plan_path.name + ".lock")


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some service contexts
        return "unknown"


def _read_holder(fd: int) -> LockHolder:
    os.lseek(fd, 0, os.SEEK_SET)
    raw = os.read(fd, 4096)
    try:
        data = json.loads(raw.decode("utf-8"))
        return LockHolder(int(data["pid"]), str(data["host"]), str(data["user"]),
                          str(data["since"]))
    except (ValueError, KeyError, TypeError):
        return LockHolder(0, "unknown host", "unknown user", "an unknown time")


class WriteLock:
    """Held while a plan is open for writing; `release()` on close."""

    def __init__(self, plan_path: Path) -> None:
        self.path = lock_path(plan_path)
        self._fd: int | None = None
        fd = self._acquire(plan_path)
        # We hold it: whatever the file said was a crashed writer's and is stale.
        self.stale_holder = _read_holder(fd) if os.fstat(fd).st_size else None
        info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "user": current_user(),
            "since": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        }
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps(info).encode("utf-8"))
        self._fd = fd

    def _acquire(self, plan_path: Path) -> int:
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            if not _try_lock(fd):
                holder = _read_holder(fd)
                os.close(fd)
                raise PlanLocked(str(plan_path), holder)
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                return fd
            # The previous writer unlinked this file as we opened it: try the new one.
            _unlock(fd)
            os.close(fd)

    def release(self) -> None:
        """Unlink while still locked, so a waiting opener re-checks and never
        holds a lock on a file that is gone."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            with contextlib.suppress(OSError):  # Windows cannot unlink an open file
                self.path.unlink(missing_ok=True)
            _unlock(fd)
        finally:
            os.close(fd)
