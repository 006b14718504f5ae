"""Where the app keeps its own files (demo plan, backups, logs).

`CAMPAIGN_PLANNER_HOME` overrides the platform's user data folder, so tests,
portable installs and CI never write into a real profile.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "campaign-planner"


def data_dir() -> Path:
    override = os.environ.get("CAMPAIGN_PLANNER_HOME")
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = platformdirs.user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    """Where the app's log goes: beside the data under an override, else the
    platform's user log folder (which a support person knows where to find)."""
    override = os.environ.get("CAMPAIGN_PLANNER_HOME")
    if override:
        path = Path(override) / "logs"
    else:
        import platformdirs

        path = platformdirs.user_log_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def backups_dir() -> Path:
    return data_dir() / "backups"


def demo_plan_path() -> Path:
    return data_dir() / "Demo plan.cplan"
