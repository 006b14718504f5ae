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


def backups_dir() -> Path:
    return data_dir() / "backups"


def demo_plan_path() -> Path:
    return data_dir() / "Demo plan.cplan"
