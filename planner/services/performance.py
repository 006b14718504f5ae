"""Plan against actual: what was planned, what was spent and what it returned.

Rows are channels, campaigns or calendar periods (day, week, month of the plan's
calendar). Planned money is the budget roll-up's (:mod:`planner.services.budget`:
flights phased to days), so both views agree to the minor unit. Actuals are
summed as the ``actuals`` table holds them; by period, an actuals row covering
several days is spread evenly over them (exactly, largest remainder first), like
an even flight.

Variance compares actual spend with what was planned *to date*, up to the last
day any actuals cover (``as_of``): mid-year, the rest of the year is not yet
late. ROAS is revenue over the spend of the rows that report revenue, so a
channel that reports none is not scored as returning nothing.

KPI attainment matches a target's metric name to what actuals carry (revenue,
ROAS/ROI, CPA, CPC, CPM, impressions, clicks, conversions); other targets (reach,
awareness, members) are listed as not tracked rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Collection
from typing import TYPE_CHECKING, Literal

from planner.domain.calendars import CalendarSpec, Grain, period_of, periods_between
from planner.domain.money import exponent
from planner.errors import ValidationError
from planner.services.budget import daily, period_keys
from planner.services.frames import PlanFrames

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

By = Literal["channel", "campaign", "period"]
BY: tuple[str, ...] = ("channel", "campaign", "period")
GRAINS: tuple[str, ...] = ("day", "week", "month")
UNATTACHED = ""  # campaign key of actuals that belong to no flight

COLUMNS = ("name", "planned_minor", "planned_to_date_minor", "actual_minor", "variance_minor",
           "variance_pct", "revenue_minor", "roas", "impressions", "clicks", "conversions",
           "reported_spend_minor")
_COUNTS = ("impressions", "clicks", "conversions")


def as_of(frames: PlanFrames) -> dt.date | None:
    """The last day any actuals cover: planned money up to it is what was due."""
    if frames.actuals.empty:
        return None
    return frames.actuals["end"].max().date()


def _flights(frames: PlanFrames, flights: Collection[str] | None) -> pd.DataFrame:
    table = frames.flights
    return table if flights is None else table[table["id"].isin(list(flights))]


def _actuals(frames: PlanFrames, flights: Collection[str] | None) -> pd.DataFrame:
    """Actuals with their flight's campaign; a filter keeps only its flights' rows
    (rows attached to no flight cannot match a campaign filter and are left out)."""
    campaign = frames.flights.set_index("id")["campaign_id"]
    table = frames.actuals
    if flights is not None:
        table = table[table["flight_id"].isin(list(flights))]
    table = table.assign(campaign_id=table["flight_id"].map(campaign).fillna(UNATTACHED)
                         .astype(object))
    revenue = table["revenue_minor"]
    return table.assign(
        revenue_minor=revenue.fillna(0).astype("int64"),
        spend_with_revenue=table["spend_minor"].where(revenue.notna(), 0).astype("int64"),
        **{c: table[c].fillna(0).astype("int64") for c in _COUNTS})


def _spread(starts: np.ndarray, ends: np.ndarray, amounts: np.ndarray
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, day, amount) for integer `amounts` spread evenly over each row's days:
    floor division plus one to each of the first `remainder` days, so every row's
    days add up exactly (negative amounts too)."""
    import numpy as np

    days = ((ends - starts) // np.timedelta64(1, "D")).astype(np.int64) + 1
    row = np.repeat(np.arange(len(days)), days)
    offset = np.arange(len(row)) - np.repeat(np.cumsum(days) - days, days)
    quotient, remainder = np.divmod(amounts.astype(np.int64), days)
    amount = quotient[row] + (offset < remainder[row])
    return row, starts[row] + offset.astype("timedelta64[D]"), amount


def _actual_days(actuals: pd.DataFrame) -> pd.DataFrame:
    """Each actuals measure per day: day, and one column per measure."""
    import pandas as pd

    starts = actuals["start"].to_numpy("datetime64[D]")
    ends = actuals["end"].to_numpy("datetime64[D]")
    out = None
    for column in ("spend_minor", "revenue_minor", "spend_with_revenue", *_COUNTS):
        _row, day, amount = _spread(starts, ends, actuals[column].to_numpy())
        if out is None:
            out = pd.DataFrame({"day": pd.to_datetime(day)})
        out[column] = amount
    return out


def _names(frames: PlanFrames, by: str) -> pd.Series:
    if by == "channel":
        return frames.channels.sort_values(["sort_order", "name"]).set_index("id")["name"]
    return frames.campaigns.set_index("id")["name"]


def plan_vs_actual(frames: PlanFrames, by: By = "channel", grain: Grain = "month",
                   flights: Collection[str] | None = None,
                   today: dt.date | None = None) -> pd.DataFrame:
    """Planned, planned to date, actual, variance, revenue and ROAS per row.

    :param by: "channel", "campaign" or "period" (periods of `grain`, over the
        plan's horizon and any actuals outside it).
    :param grain: "day", "week" or "month" of the plan's calendar (period rows only).
    :param flights: only these flights and their actuals (the shared filter).
    :param today: planned to date counts up to this day (default :func:`as_of`).
    :returns: indexed by channel id, campaign id (``UNATTACHED`` for actuals of no
        flight) or period key; columns :data:`COLUMNS`. Money in minor units;
        ``variance_pct`` and ``roas`` are NaN where their divisor is zero;
        ``reported_spend_minor`` is the actual spend of rows reporting revenue
        (ROAS's divisor).
    :raises ValidationError: an unknown `by` or `grain`.
    """
    import pandas as pd

    if by not in BY:
        raise ValidationError("by", by, f"must be one of {', '.join(BY)}")
    if grain not in GRAINS:
        raise ValidationError("grain", grain, f"must be one of {', '.join(GRAINS)}")
    chosen = _flights(frames, flights)
    planned = daily(frames)
    planned = planned[planned["flight_id"].isin(chosen["id"])].merge(
        chosen[["id", "channel_id", "campaign_id"]].rename(columns={"id": "flight_id"}),
        on="flight_id")
    actuals = _actuals(frames, flights)
    cutoff = today or as_of(frames)
    # Without actuals nothing is due yet (a scalar False is refused by `where`).
    due = planned["day"] <= pd.Timestamp(cutoff) if cutoff \
        else pd.Series(False, index=planned.index)
    planned = planned.assign(due=planned["amount_minor"].where(due, 0))
    spec = CalendarSpec.from_dict(frames.settings.calendar)
    if by == "period":
        actual_days = _actual_days(actuals)
        planned["key"] = period_keys(spec, planned["day"], grain)
        actual_days["key"] = period_keys(spec, actual_days["day"], grain)
        order = _period_order(frames, spec, grain, planned, actual_days)
        names = pd.Series({key: label for key, label in order}, dtype=object)
        actual_group = actual_days.groupby("key")
    else:
        column = f"{by}_id"
        planned["key"] = planned[column]
        names = _names(frames, by)
        actual_group = actuals.groupby(column)
    plan_group = planned.groupby("key")
    out = pd.DataFrame({
        "planned_minor": plan_group["amount_minor"].sum(),
        "planned_to_date_minor": plan_group["due"].sum()}).join(
        actual_group[["spend_minor", "revenue_minor", "spend_with_revenue", *_COUNTS]].sum(),
        how="outer")
    every = by == "period" or (by == "channel" and flights is None)
    keys = [k for k in names.index if every or k in out.index]
    extra = [k for k in out.index if k not in names.index]
    out = out.reindex(keys + extra).fillna(0).astype("int64")
    out.insert(0, "name", names.reindex(out.index).fillna("").astype(object))
    out = out.rename(columns={"spend_minor": "actual_minor"})
    out["variance_minor"] = out["actual_minor"] - out["planned_to_date_minor"]
    out["variance_pct"] = _ratio(out["variance_minor"], out["planned_to_date_minor"])
    out = out.rename(columns={"spend_with_revenue": "reported_spend_minor"})
    out["roas"] = _ratio(out["revenue_minor"], out["reported_spend_minor"])
    out.index.name = by
    return out[list(COLUMNS)]


def _ratio(top: pd.Series, bottom: pd.Series) -> pd.Series:
    return (top / bottom.where(bottom != 0)).astype(float)


def _period_order(frames: PlanFrames, spec: CalendarSpec, grain: Grain, planned: pd.DataFrame,
                  actual_days: pd.DataFrame) -> list[tuple[str, str]]:
    """(key, label) of every period of the horizon and of any day with money, in order."""
    settings = frames.settings
    days = [d.date() for frame in (planned, actual_days) if not frame.empty
            for d in (frame["day"].min(), frame["day"].max())]
    first, last = min([settings.horizon_start, *days]), max([settings.horizon_end, *days])
    return [(p.key, p.label) for p in periods_between(spec, first, last, grain)]


def totals(table: pd.DataFrame) -> dict[str, float]:
    """The table's totals row: sums, and variance % and ROAS recomputed from them
    (never summed)."""
    sums: dict[str, float] = {c: int(table[c].sum()) for c in COLUMNS
                               if c not in ("name", "variance_pct", "roas")}
    due, reported = sums["planned_to_date_minor"], sums["reported_spend_minor"]
    sums["variance_pct"] = sums["variance_minor"] / due if due else math.nan
    sums["roas"] = sums["revenue_minor"] / reported if reported else math.nan
    return sums


# -- KPI attainment --------------------------------------------------------------------------

Measure = Literal["revenue", "roas", "cpa", "cpc", "cpm", "impressions", "clicks",
                  "conversions"]
_LOWER_IS_BETTER = {"cpa", "cpc", "cpm"}
_MONEY = {"revenue", "cpa", "cpc", "cpm"}
_ADDITIVE = {"revenue", "impressions", "clicks", "conversions"}
_WORDS: tuple[tuple[str, Measure], ...] = (
    ("roas", "roas"), ("roi", "roas"), ("cpa", "cpa"), ("cpc", "cpc"), ("cpm", "cpm"),
    ("gmv", "revenue"), ("revenue", "revenue"), ("sales", "revenue"), ("销售额", "revenue"),
    ("impressions", "impressions"), ("曝光", "impressions"), ("clicks", "clicks"),
    ("点击", "clicks"), ("conversions", "conversions"), ("orders", "conversions"),
    ("订单", "conversions"), ("转化", "conversions"),
)
_MINOR_UNITS = {"fen", "minor", "cents", "分"}
_CYCLE_GRAIN: dict[str, Grain] = {"daily": "day", "weekly": "week", "monthly": "month"}


def measure_of(metric: str) -> Measure | None:
    """What actuals column a KPI metric is measured by, or None when they carry none.
    A rate per something actuals do not record ("GMV per session") is not GMV."""
    import unicodedata

    folded = unicodedata.normalize("NFKC", metric).casefold()
    tokens = set(re.findall(r"[a-z]+", folded))
    if "per" in tokens or "场均" in folded:
        return None
    for word, measure in _WORDS:
        if (word in tokens) if word.isascii() else (word in folded):
            return measure
    return None


def _value(measure: Measure, sums: dict[str, int]) -> float:
    spend = sums["spend_minor"]
    divisor = {"roas": sums["spend_with_revenue"], "cpa": sums["conversions"],
               "cpc": sums["clicks"], "cpm": sums["impressions"] / 1000}.get(measure)
    if divisor is None:
        return float(sums[f"{measure}_minor" if measure == "revenue" else measure])
    top = sums["revenue_minor"] if measure == "roas" else spend
    return top / divisor if divisor else math.nan


def _target(measure: Measure, target: float, unit: str, currency: str) -> float:
    """The target in the actuals' terms: money in minor units, ROAS as a ratio."""
    unit = unit.strip().casefold()
    if measure in _MONEY and unit not in _MINOR_UNITS:
        return target * 10 ** exponent(currency)
    if measure == "roas" and unit in ("%", "pct", "percent"):
        return target / 100
    return target


def _cycles(spec: CalendarSpec, grain: Grain, first: dt.date, last: dt.date) -> int:
    return len({period_of(spec, first + dt.timedelta(days=i), grain).key
                for i in range((last - first).days + 1)})


def kpi_attainment(frames: PlanFrames, flights: Collection[str] | None = None
                   ) -> pd.DataFrame:
    """One row per KPI target of a campaign in view: what its campaign's actuals
    achieved against it.

    A daily/weekly/monthly target of a summed measure (revenue, counts) is met
    per cycle: the actual is the mean per cycle over the cycles the campaign's
    actuals cover. Ratios (ROAS, costs per result) ignore the cycle. Attainment
    is actual / target, or target / actual for costs, where lower is better.

    :returns: columns kpi_id, campaign_id, campaign, category, metric, unit, cycle,
        target, measure (None: not tracked), actual, cycles, attainment (NaN when
        not tracked or no actuals yet).
    """
    import pandas as pd

    campaigns = frames.campaigns.set_index("id")["name"]
    in_view = set(_flights(frames, flights)["campaign_id"]) if flights is not None \
        else set(campaigns.index)
    actuals = _actuals(frames, flights)
    spec = CalendarSpec.from_dict(frames.settings.calendar)
    rows = []
    for kpi in frames.kpi_targets.itertuples(index=False):
        if kpi.campaign_id not in in_view:
            continue
        measure = measure_of(kpi.metric)
        mine = actuals[actuals["campaign_id"] == kpi.campaign_id]
        actual = attainment = math.nan
        cycles = 0
        if measure is not None and not mine.empty:
            sums = {c: int(mine[c].sum()) for c in ("spend_minor", "revenue_minor",
                                                     "spend_with_revenue", *_COUNTS)}
            actual = _value(measure, sums)
            grain = _CYCLE_GRAIN.get(kpi.cycle)
            if grain and measure in _ADDITIVE:
                cycles = _cycles(spec, grain, mine["start"].min().date(),
                                 mine["end"].max().date())
                actual /= cycles
            target = _target(measure, float(kpi.target), kpi.unit, frames.settings.currency)
            if measure in _LOWER_IS_BETTER:
                attainment = target / actual if actual else math.nan
            else:
                attainment = actual / target if target else math.nan
        rows.append({"kpi_id": kpi.id, "campaign_id": kpi.campaign_id,
                     "campaign": campaigns.get(kpi.campaign_id, ""), "category": kpi.category,
                     "metric": kpi.metric, "unit": kpi.unit, "cycle": kpi.cycle,
                     "target": float(kpi.target), "measure": measure, "actual": actual,
                     "cycles": cycles, "attainment": attainment})
    columns = ["kpi_id", "campaign_id", "campaign", "category", "metric", "unit", "cycle",
               "target", "measure", "actual", "cycles", "attainment"]
    return pd.DataFrame(rows, columns=columns)
