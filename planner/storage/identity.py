"""Which file a plan is in: a plain file copy is told apart from the file it was copied from.

Save a Copy As gives the copy its own copy id, but a copy made outside the app (`cp`,
Explorer, an e-mail attachment saved to disk) carries the original's copy id. So every
action records where the file is (host, device, inode) in `meta`, and when the file an
action writes to is not the one recorded, it is a copy and gets a new copy id before the
action is stamped. Checking at the first write rather than on open keeps opening a plan
free of writes (a refused import leaves the file byte for byte as it was).

Why host + device + inode: a copy always gets a new inode, and a copy on another
machine a new host, while renaming or moving a file within one disk keeps all three.
A file moved to another disk, restored from a backup or read over a network share
whose inodes are unstable gets a new copy id too; that is harmless (copy ids only tag
history, merges match actions by their ids), whereas two live copies sharing one copy
id would not be, so the rule errs that way. A file that has no recorded identity yet
(made before identities were recorded) is taken to be the original.

These are bookkeeping writes to `meta`, which is never captured: opening a copy is not
an undoable action.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import uuid
from pathlib import Path

IDENTITY_KEY = "file_identity"


def of_file(path: Path) -> dict[str, object]:
    """Where `path` is now, as recorded in `meta`."""
    st = os.stat(path)
    return {"host": socket.gethostname(), "dev": st.st_dev, "ino": st.st_ino,
            "path": str(path.resolve())}


def _same_file(recorded: dict[str, object], current: dict[str, object]) -> bool:
    return all(recorded.get(key) == current[key] for key in ("host", "dev", "ino"))


def settle(conn: sqlite3.Connection, path: Path) -> bool:
    """Record the file's identity; give it a new copy id when it is a copy.

    Called inside every action's transaction (so it is undone with a refused edit and
    costs one read when nothing moved); writes only when something differs.
    Returns whether a new copy id was given.
    """
    current = of_file(path)
    row = conn.execute("SELECT value FROM meta WHERE key = ?", [IDENTITY_KEY]).fetchone()
    recorded = json.loads(row[0]) if row else None
    if recorded == current:
        return False
    is_copy = recorded is not None and not _same_file(recorded, current)
    conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                 [IDENTITY_KEY, json.dumps(current, sort_keys=True)])
    if is_copy:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'copy_id'", [str(uuid.uuid4())])
    return is_copy


def forget(conn: sqlite3.Connection) -> None:
    """For a copy written by the app (Save a Copy As), which already has its own copy
    id: its first open records where it is instead of taking it for another copy."""
    conn.execute("DELETE FROM meta WHERE key = ?", [IDENTITY_KEY])
