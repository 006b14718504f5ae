"""The Budget tab's grids: channel, campaign or segment tier down, the plan calendar's
months across, one money measure in the cells.

Every measure (planned, baseline, committed, actual, placeholder) goes through the same
exact daily phasing as the other roll-ups (`planner.services.budget`), so a cell here,
a workbook cell and a calendar tooltip agree to the cent, and every row and column total
is the sum of its cells. Baselines are not part of `PlanFrames`; read them with
`baseline_flights(plan)` and pass them in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from planner.domain.calendars import CalendarSpec, Grain, Period, period_of, periods_between
from planner.domain.entities import TIERS, Flight
from planner.domain.phasing import Phasing, phase_by_periods
from planner.domain.phasing_frame import phase_frame
from planner.services import budget
from planner.services.frames import PlanFrames
from planner.services.plan_settings import latest_baseline
from planner.storage import rows as stored
from planner.storage.plan_file import Plan

if TYPE_CHECKING:
    import pandas as pd

RowKind = Literal["channel", "campaign", "tier", "goal"]
Measure = Literal["planned", "baseline", "committed", "actual", "placeholder"]
ROW_KINDS: tuple[RowKind, ...] = ("channel", "campaign", "tier")
MEASURES: tuple[Measure, ...] = ("planned", "baseline", "committed", "actual", "placeholder")
UNASSIGNED = "unassigned"  # money with no campaign (placeholders, actuals without a flight)
GOALS = ("brand", "promotion")
_ITEM_COLUMNS = ["id", "start", "end", "budget_minor", "phasing", "channel_id", "campaign_id"]


@dataclass(frozen=True)
class BudgetGrid:
    """Plain values, safe to hand from a worker thread to the GUI.

    Cells are integer minor units, `cells[row][column]`; totals are exact sums.
    """

    rows: RowKind
    measure: Measure
    row_keys: tuple[str, ...]
    row_labels: tuple[str, ...]
    periods: tuple[Period, ...]
    cells: tuple[tuple[int, ...], ...]
    row_totals: tuple[int, ...]
    column_totals: tuple[int, ...]
    grand_total: int

    @property
    def period_keys(self) -> tuple[str, ...]:
        return tuple(p.key for p in self.periods)

    @property
    def period_labels(self) -> tuple[str, ...]:
        return tuple(p.label for p in self.periods)

    def cell(self, row_key: str, period_key: str) -> int:
        return self.cells[self.row_keys.index(row_key)][self.period_keys.index(period_key)]


def baseline_flights(plan: Plan) -> pd.DataFrame:
    """The latest baseline's flights (empty when none was taken), shaped like
    `PlanFrames.flights` so they phase the same way."""
    import pandas as pd

    baseline_id = latest_baseline(plan)
    cursor = plan.db.execute(
        'SELECT id, start, "end", budget_minor, phasing, channel_id, campaign_id '
        "FROM baseline_flights WHERE baseline_id = ?", [baseline_id])
    frame = pd.DataFrame(cursor.fetchall(), columns=_ITEM_COLUMNS)
    for column in ("start", "end"):
        frame[column] = pd.to_datetime(frame[column], format="ISO8601")
    frame["budget_minor"] = frame["budget_minor"].astype("int64")
    return frame


def _items(frames: PlanFrames, measure: Measure, baseline: pd.DataFrame | None) -> pd.DataFrame:
    """The measure's money as dated items (id, span, amount, phasing, channel, campaign)."""
    flights = frames.flights
    if measure == "planned":
        return flights[_ITEM_COLUMNS]
    if measure == "committed":
        return flights.loc[flights["committed"] == 1, _ITEM_COLUMNS]
    if measure == "baseline":
        if baseline is None:
            raise ValueError("measure 'baseline' needs baseline=baseline_flights(plan)")
        return baseline[_ITEM_COLUMNS]
    if measure == "actual":
        campaign_of = flights.set_index("id")["campaign_id"]
        actuals = frames.actuals.rename(columns={"spend_minor": "budget_minor"})
        return actuals.assign(phasing=None, campaign_id=actuals["flight_id"].map(campaign_of))[
            _ITEM_COLUMNS]
    if measure == "placeholder":
        placeholders = frames.placeholders.rename(columns={"amount_minor": "budget_minor"})
        return placeholders.assign(phasing=None, campaign_id=None)[_ITEM_COLUMNS]
    raise ValueError(f"measure: unknown measure {measure!r}; expected one of {MEASURES}")


def _periods(frames: PlanFrames, items: pd.DataFrame, grain: Grain) -> list[Period]:
    """The horizon's periods, widened to any money dated outside it, so columns are
    contiguous and no cent falls off the grid."""
    s = frames.settings
    first, last = s.horizon_start, s.horizon_end
    if not items.empty:
        first = min(first, items["start"].min().date())
        last = max(last, items["end"].max().date())
    return periods_between(CalendarSpec.from_dict(s.calendar), first, last, grain)


def _phased(frames: PlanFrames, items: pd.DataFrame, grain: Grain) -> pd.DataFrame:
    """One row per item and period: id, period, amount_minor (exact per item)."""
    days = phase_frame(items[["id", "start", "end", "budget_minor", "phasing"]])
    spec = CalendarSpec.from_dict(frames.settings.calendar)
    days["period"] = budget.period_keys(spec, days["day"], grain)
    return (days.groupby(["flight_id", "period"], sort=True)["amount_minor"].sum()
            .reset_index().rename(columns={"flight_id": "id"}))


def _row_axis(frames: PlanFrames, kind: RowKind, items: pd.DataFrame) -> tuple[
        pd.Series, list[str], list[str]]:
    """Each item's row key, and the rows in display order with their labels.

    Every channel and campaign gets a row even without money (a planner looks for the
    empty ones too); the "unassigned" row only when money sits there. Keys no longer in
    the plan (a baseline's deleted campaign) are shown by id rather than dropped.
    """
    import pandas as pd

    if kind == "channel":
        channels = frames.channels.sort_values("sort_order", kind="stable")
        keys, labels = channels["id"].tolist(), channels["name"].tolist()
        key = items["channel_id"]
    elif kind == "campaign":
        keys, labels = frames.campaigns["id"].tolist(), frames.campaigns["name"].tolist()
        key = items["campaign_id"].astype(object).fillna(UNASSIGNED)
    elif kind == "tier":
        segment_of = frames.campaigns.set_index("id")["segment_id"]
        tier_of = frames.segments.set_index("id")["tier"]
        key = (items["campaign_id"].map(segment_of).map(tier_of)
               .astype(object).fillna(UNASSIGNED))
        keys, labels = list(TIERS), list(TIERS)
    else:
        raise ValueError(f"rows: unknown row kind {kind!r}; expected one of {ROW_KINDS}")
    known = set(keys)
    extra = [k for k in pd.unique(key) if k not in known]
    extra.sort(key=lambda k: (k == UNASSIGNED, str(k)))
    return pd.Series(key.to_numpy(), index=items["id"].to_numpy()), keys + extra, labels + extra


def _grid(rows: RowKind, measure: Measure, row_keys: list[str], row_labels: list[str],
          periods: list[Period], per: pd.DataFrame, value: str = "amount_minor") -> BudgetGrid:
    """Pivot (row, period, value) into an exact grid with its totals."""
    import numpy as np

    period_keys = [p.key for p in periods]
    table = (per.groupby(["row", "period"])[value].sum().unstack(fill_value=0)
             .reindex(index=row_keys, columns=period_keys, fill_value=0))
    values = table.to_numpy(np.int64).reshape(len(row_keys), len(period_keys))
    return BudgetGrid(
        rows=rows, measure=measure, row_keys=tuple(row_keys), row_labels=tuple(row_labels),
        periods=tuple(periods),
        cells=tuple(tuple(int(v) for v in row) for row in values),
        row_totals=tuple(int(v) for v in values.sum(axis=1)),
        column_totals=tuple(int(v) for v in values.sum(axis=0)),
        grand_total=int(values.sum()),
    )


def budget_grid(frames: PlanFrames, rows: RowKind = "channel", measure: Measure = "planned",
                grain: Grain = "month", baseline: pd.DataFrame | None = None) -> BudgetGrid:
    """Rows × periods of one measure; the grand total is the plan's total for it.

    :param baseline: `baseline_flights(plan)`, needed for the "baseline" measure only.
    :raises ValueError: for an unknown row kind or measure, or a baseline not passed.
    """
    items = _items(frames, measure, baseline)
    row_of, row_keys, row_labels = _row_axis(frames, rows, items)
    per = _phased(frames, items, grain)
    per["row"] = per["id"].map(row_of)
    return _grid(rows, measure, row_keys, row_labels, _periods(frames, items, grain), per)


def brand_promotion_by_month(frames: PlanFrames, grain: Grain = "month") -> BudgetGrid:
    """Planned money split into brand and promotion rows per period.

    Each flight's brand share is applied to its running total and rounded down, so its
    period parts add up to exactly the brand part `budget.totals` reports (the same rule
    the workbook export uses), and brand + promotion is the planned grid's column total.
    """
    import pandas as pd

    items = _items(frames, "planned", None)
    per = _phased(frames, items, grain)
    share = frames.split.set_index("id")["brand_share_bp"]
    per["brand"] = budget.running_brand(per["id"], per["amount_minor"],
                                        per["id"].map(share).astype("int64"))
    brand = per.assign(row="brand", amount_minor=per["brand"])
    promotion = per.assign(row="promotion", amount_minor=per["amount_minor"] - per["brand"])
    return _grid("goal", "planned", list(GOALS), list(GOALS), _periods(frames, items, grain),
                 pd.concat([brand, promotion], ignore_index=True))


def flight_month_amounts(plan: Plan, flight_id: str) -> list[tuple[dt.date, dt.date, int]]:
    """The flight's money per plan-calendar month, each span clipped to the flight.

    The spans tile the flight exactly, so the list (with one amount changed) is what
    `flights.set_custom_amounts` takes to make that month's figure stick.
    """
    flight = stored.get(plan.db, Flight, flight_id)
    spec = CalendarSpec.from_dict(stored.read_settings(plan.db).calendar)
    months = periods_between(spec, flight.start, flight.end, "month")
    amounts = phase_by_periods(flight.budget_minor, flight.start, flight.end,
                               Phasing.from_dict(flight.phasing),
                               lambda day: period_of(spec, day, "month").key)
    return [(max(m.start, flight.start), min(m.end, flight.end), amounts.get(m.key, 0))
            for m in months]
