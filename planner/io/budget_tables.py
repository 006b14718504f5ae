"""The budget tables exports show: channel × month, brand vs promotion per month,
and weekly spend per channel and campaign for the flowchart.

Every table is exact integer minor units from the same daily phasing the budget
view uses, so a workbook, a PDF and the GUI agree to the cent. Brand money per
month is split from each flight's cumulative spend (brand share applied to the
running total, rounded down), so a flight's monthly brand parts add up to exactly
the brand part the plan totals report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.domain.calendars import CalendarSpec, Period, periods_between
from planner.services import budget
from planner.services.frames import PlanFrames

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd


@dataclass(frozen=True)
class MonthlyBudget:
    """Channels down, the plan calendar's months across, minor units in the cells."""

    months: list[Period]
    channels: list[str]
    spend: np.ndarray  # [channel, month]
    brand: np.ndarray  # [month]
    promotion: np.ndarray  # [month]


@dataclass(frozen=True)
class WeeklySpend:
    """The flowchart's cells: ISO weeks across, one row per (channel, campaign)."""

    weeks: list[Period]
    cells: pd.DataFrame  # channel_id, campaign_id, week (index into weeks), amount_minor


def _span(frames: PlanFrames) -> tuple[dt.date, dt.date]:
    """The horizon, widened to any flight running outside it."""
    s, flights = frames.settings, frames.flights
    if flights.empty:
        return s.horizon_start, s.horizon_end
    return (min(s.horizon_start, flights["start"].min().date()),
            max(s.horizon_end, flights["end"].max().date()))


def _spend_days(frames: PlanFrames, daily: pd.DataFrame) -> pd.DataFrame:
    columns = frames.split[["id", "channel_id", "campaign_id", "brand_share_bp"]]
    return daily.merge(columns.rename(columns={"id": "flight_id"}), on="flight_id")


def _brand_by_month(days: pd.DataFrame, keys: list[str]) -> np.ndarray:
    import numpy as np

    if days.empty:
        return np.zeros(len(keys), dtype=np.int64)
    per = (days.groupby(["flight_id", "period"], sort=True)
           .agg(amount=("amount_minor", "sum"), bp=("brand_share_bp", "first")).reset_index())
    per["brand"] = budget.running_brand(per["flight_id"], per["amount"], per["bp"])
    return per.groupby("period")["brand"].sum().reindex(keys, fill_value=0).to_numpy(np.int64)


def monthly_budget(frames: PlanFrames, daily: pd.DataFrame | None = None) -> MonthlyBudget:
    """Channel × month planned spend (every channel in plan order, every month of the
    span): `budget.by_channel_period` by month, from a daily phasing read once.

    :param daily: `budget.daily(frames)` when the caller has it already.
    """
    import numpy as np

    daily = budget.daily(frames) if daily is None else daily
    spec = CalendarSpec.from_dict(frames.settings.calendar)
    months = periods_between(spec, *_span(frames), "month")
    keys = [m.key for m in months]
    days = _spend_days(frames, daily)
    days["period"] = budget.period_keys(spec, days["day"], "month")
    channels = frames.channels.sort_values("sort_order")
    table = (days.groupby(["channel_id", "period"])["amount_minor"].sum().unstack(fill_value=0)
             .reindex(index=channels["id"], columns=keys, fill_value=0))
    spend = table.to_numpy(np.int64).reshape(len(channels), len(keys))
    brand = _brand_by_month(days, keys)
    return MonthlyBudget(months, [str(n) for n in channels["name"]], spend, brand,
                         spend.sum(axis=0) - brand)


def weekly_spend(frames: PlanFrames, daily: pd.DataFrame | None = None) -> WeeklySpend:
    """Planned spend per ISO week, channel and campaign (only non-zero cells)."""
    import numpy as np

    daily = budget.daily(frames) if daily is None else daily
    weeks = periods_between(CalendarSpec(), *_span(frames), "week")
    days = _spend_days(frames, daily)
    first = np.datetime64(weeks[0].start, "D")
    offset = (days["day"].to_numpy().astype("datetime64[D]") - first).astype(np.int64)
    days["week"] = offset // 7
    cells = (days[days["amount_minor"] != 0]
             .groupby(["channel_id", "campaign_id", "week"], sort=False)["amount_minor"].sum()
             .reset_index())
    return WeeklySpend(weeks, cells)
