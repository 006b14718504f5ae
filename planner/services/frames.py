"""The whole plan as pandas DataFrames, read in one pass.

Roll-ups, health checks and exports all start here, so the plan is read once
per question and every view agrees on the same numbers. pandas is imported
lazily: the CLI's quick commands and the GUI's start-up don't pay for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.storage import rows
from planner.storage.plan_file import Plan

if TYPE_CHECKING:
    import pandas as pd

    from planner.domain.entities import PlanSettings

_TABLES = ("channels", "segments", "campaigns", "kpi_targets", "flights", "events",
           "placeholders", "actuals")
_DATES = ("start", "end", "booked_on", "booking_deadline")


@dataclass(frozen=True)
class PlanFrames:
    settings: PlanSettings
    channels: pd.DataFrame
    segments: pd.DataFrame
    campaigns: pd.DataFrame
    kpi_targets: pd.DataFrame
    flights: pd.DataFrame
    events: pd.DataFrame
    placeholders: pd.DataFrame
    actuals: pd.DataFrame


def _read(plan: Plan, table: str) -> pd.DataFrame:
    import pandas as pd

    cursor = plan.db.execute(f'SELECT * FROM "{table}"')
    frame = pd.DataFrame(cursor.fetchall(), columns=[d[0] for d in cursor.description])
    for column in _DATES:
        if column in frame:
            frame[column] = pd.to_datetime(frame[column], format="ISO8601")
    return frame


def load(plan: Plan) -> PlanFrames:
    """Every planning table as a frame; dates as datetime64, money as int64."""
    frames = {table: _read(plan, table) for table in _TABLES}
    return PlanFrames(settings=rows.read_settings(plan.db), **frames)
