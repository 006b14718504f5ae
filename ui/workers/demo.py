"""Build the demo plan off the GUI thread.

The build writes a whole year of channels, campaigns, flights and history
(a second or more), so it runs in a worker with its own connection, which it
closes before handing back only the path; the GUI thread then opens the file
itself. It is built under a temporary name and renamed when complete, so a
build that fails or is interrupted never leaves a half-made demo behind that a
later start would open.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ui.workers.runner import Worker


def _remove_plan_files(path: Path) -> None:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"),
                     path.with_name(path.name + ".lock")):
        leftover.unlink(missing_ok=True)


def build_demo_file(worker: Worker, target: Path) -> Path:
    """Create the demo plan at `target` and return `target` (closed)."""
    from planner.demo import build_demo  # imported here: only a first start pays for it

    worker.check_cancelled()
    building = target.with_name(f".{target.stem}.building{target.suffix}")
    _remove_plan_files(building)
    worker.report(0, QCoreApplication.translate("DemoPlan", "Building the demo plan…"))
    try:
        # Not cancellable part-way; once built it is kept, even if the window closed.
        plan = build_demo(building)
        plan.close()
        if target.exists():  # another instance finished first: keep theirs
            return target
        os.replace(building, target)
    finally:
        with contextlib.suppress(OSError):
            _remove_plan_files(building)
    worker.report(100, QCoreApplication.translate("DemoPlan", "Demo plan ready"))
    return target
