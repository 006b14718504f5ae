"""The whole plan as pandas DataFrames, read in one pass.

Roll-ups, health checks and exports all start here, so the plan is read once
per question and every view agrees on the same numbers. pandas is imported
lazily: the CLI's quick commands and the GUI's start-up don't pay for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from planner.storage import rows
from planner.storage.plan_file import Plan

if TYPE_CHECKING:
    import pandas as pd

    from planner.domain.entities import PlanSettings

BASIS = 10000  # brand shares are basis points
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

    @cached_property
    def split(self) -> pd.DataFrame:
        """Each flight with its campaign's objective, segment and brand share, and its
        money split into brand and promotion parts (brand rounded down, so the parts
        add up to the budget). Computed once per read: most roll-ups start here."""
        flights = self.flights.merge(
            self.campaigns[["id", "brand_share_bp", "objective", "segment_id"]]
            .rename(columns={"id": "campaign_id"}),
            on="campaign_id", how="left",
        )
        flights["brand_minor"] = flights["budget_minor"] * flights["brand_share_bp"] // BASIS
        flights["promotion_minor"] = flights["budget_minor"] - flights["brand_minor"]
        return flights


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
