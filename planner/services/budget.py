"""Money roll-ups: by channel and period, campaign, segment tier, brand vs promotion.

All sums are exact integer minor units. Periods follow the plan's calendar
(ISO, fiscal, broadcast or 4-4-5), never the interface language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planner.domain.calendars import CalendarSpec, Grain, period_of
from planner.services.frames import BASIS, PlanFrames

if TYPE_CHECKING:
    import pandas as pd


def totals(frames: PlanFrames) -> dict[str, int]:
    """Planned, placeholder, committed and brand/promotion totals of the whole plan."""
    split = frames.split
    planned = int(split["budget_minor"].sum())
    placeholders = int(frames.placeholders["amount_minor"].sum())
    brand = int(split["brand_minor"].sum())
    return {
        "planned_minor": planned,
        "placeholder_minor": placeholders,
        "allocated_minor": planned + placeholders,
        "committed_minor": int(split.loc[split["committed"] == 1, "budget_minor"].sum()),
        "brand_minor": brand,
        "promotion_minor": planned - brand,
        "actual_minor": int(frames.actuals["spend_minor"].sum()),
        "budget_minor": frames.settings.total_budget_minor,
    }


def brand_share(frames: PlanFrames) -> float | None:
    """Brand money over planned money (None when nothing is planned)."""
    t = totals(frames)
    return t["brand_minor"] / t["planned_minor"] if t["planned_minor"] else None


def daily(frames: PlanFrames) -> pd.DataFrame:
    """Every flight phased to days: flight_id, day, amount_minor (exact per flight)."""
    from planner.domain.phasing_frame import phase_frame

    flights = frames.flights
    if flights.empty:
        import pandas as pd

        return pd.DataFrame({"flight_id": pd.Series(dtype=str),
                             "day": pd.Series(dtype="datetime64[ns]"),
                             "amount_minor": pd.Series(dtype="int64")})
    return phase_frame(flights[["id", "start", "end", "budget_minor", "phasing"]])


def period_keys(spec: CalendarSpec, days: pd.Series, grain: Grain) -> pd.Series:
    """Map dates to the plan calendar's period keys, once per distinct day."""
    unique = days.drop_duplicates()
    lookup = {day: period_of(spec, day.date(), grain).key for day in unique}
    return days.map(lookup)


def by_channel_period(frames: PlanFrames, grain: Grain = "month") -> pd.DataFrame:
    """Channels down, periods across, planned minor units in the cells."""
    spend = daily(frames).merge(
        frames.flights[["id", "channel_id"]].rename(columns={"id": "flight_id"}), on="flight_id")
    spec = CalendarSpec.from_dict(frames.settings.calendar)
    spend["period"] = period_keys(spec, spend["day"], grain)
    names = frames.channels.sort_values("sort_order").set_index("id")["name"]
    table = spend.pivot_table(index="channel_id", columns="period", values="amount_minor",
                              aggfunc="sum", fill_value=0)
    table = table.reindex(names.index, fill_value=0)
    table.index = names.reindex(table.index).to_numpy()
    table.index.name = "channel"
    return table.astype("int64")


def by_channel(frames: PlanFrames) -> pd.DataFrame:
    """Planned money per channel with its brand/promotion parts and its min/max."""
    split = frames.split
    grouped = split.groupby("channel_id")[["budget_minor", "brand_minor", "promotion_minor"]].sum()
    channels = frames.channels.sort_values("sort_order").set_index("id")
    out = channels[["name", "kind", "min_spend_minor", "max_spend_minor"]].join(grouped)
    cols = ["budget_minor", "brand_minor", "promotion_minor"]
    out[cols] = out[cols].fillna(0).astype("int64")
    return out


def by_campaign(frames: PlanFrames) -> pd.DataFrame:
    split = frames.split
    grouped = split.groupby("campaign_id").agg(
        budget_minor=("budget_minor", "sum"), brand_minor=("brand_minor", "sum"),
        flights=("id", "count"), start=("start", "min"), end=("end", "max"))
    campaigns = frames.campaigns.set_index("id")
    out = campaigns[["name", "objective", "status", "segment_id"]].join(grouped)
    out[["budget_minor", "brand_minor", "flights"]] = (
        out[["budget_minor", "brand_minor", "flights"]].fillna(0).astype("int64"))
    return out


def by_tier(frames: PlanFrames) -> pd.DataFrame:
    """Money per value tier of the segment pyramid (campaigns without a segment:
    'unassigned')."""
    tiers = frames.segments.set_index("id")["tier"]
    split = frames.split.assign(
        tier=frames.split["segment_id"].map(tiers).astype(object).fillna("unassigned"))
    out = split.groupby("tier")[["budget_minor", "brand_minor", "promotion_minor"]].sum()
    order = [t for t in ("high", "potential", "low", "unassigned") if t in out.index]
    return out.reindex(order).astype("int64")


def by_objective(frames: PlanFrames) -> pd.DataFrame:
    split = frames.split
    return split.groupby("objective")[["budget_minor", "brand_minor", "promotion_minor"]].sum()


def running_brand(ids: pd.Series, amounts: pd.Series, share_bp: pd.Series) -> pd.Series:
    """Brand money in each of a flight's consecutive period amounts.

    The flight's brand share is applied to its running total and rounded down, so its
    period parts add up to exactly the brand part of the whole flight (what `totals`
    reports) however the periods cut it. Rows must be in period order per flight.
    """
    running = amounts.groupby(ids, sort=False).cumsum()
    brand_running = running * share_bp // BASIS
    return brand_running - brand_running.groupby(ids, sort=False).shift(fill_value=0)
