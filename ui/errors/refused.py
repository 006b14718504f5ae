"""A way back for a plan that will not open: its newest backup, as a new file.

Backups are foldered by the plan file's stem and the first eight characters of
its plan id (`planner.storage.backups.folder_for`). A damaged file's id may be
unreadable, so backups are found by the file's name alone, and only ones this
version can open count. Restoring never writes over the refused file: a planner
expects to keep working in the folder where their plans live, on a file that
says where it came from, while the refused one stays byte for byte for whoever
can still read or repair it (a newer version, IT). Opening the backup itself
read-only would leave them in the app's data folder with nothing to edit, and a
backup in an older format cannot be opened read-only at all.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from planner import paths
from planner.errors import PlanFileError
from planner.storage import backups
from planner.storage.plan_file import SUFFIX, inspect

ID_CHARS = 8  # how much of the plan id names a backup folder


def newest_backup(plan_path: Path) -> backups.Backup | None:
    """The newest backup of a plan file with this name that this version can open."""
    root = paths.backups_dir()
    if not root.is_dir():
        return None
    prefix = f"{plan_path.stem}-"
    found: list[backups.Backup] = []
    for folder in root.iterdir():
        name = folder.name
        if folder.is_dir() and name.startswith(prefix) and len(name) == len(prefix) + ID_CHARS:
            found.extend(backups.listing(plan_path, name[len(prefix):]))
    for backup in sorted(found, key=lambda b: b.taken_at, reverse=True):
        try:
            inspect(backup.path)
        except PlanFileError:
            continue  # damaged too, or written by the newer version that refused the file
        return backup
    return None


def restore_copy(backup: backups.Backup, plan_path: Path) -> Path:
    """Copy `backup` next to `plan_path` under a name no file has yet; return it.

    :raises OSError: the folder cannot be written.
    """
    stamp = f"{backup.taken_at:%Y-%m-%d %H.%M}"
    number = 1
    while True:
        extra = "" if number == 1 else f" {number}"
        target = plan_path.with_name(f"{plan_path.stem} (restored {stamp}){extra}{SUFFIX}")
        try:
            out = open(target, "xb")  # noqa: SIM115 - exclusive: never replaces a file
        except FileExistsError:
            number += 1
            continue
        try:
            with out, open(backup.path, "rb") as src:
                shutil.copyfileobj(src, out)
        except BaseException:
            target.unlink(missing_ok=True)  # no half copy left behind
            raise
        return target
