"""The plan's money per channel, period and goal, as the optimiser and the reforecast
see it: flights phased to their days, split by their campaign's brand share, and
actual spend in place of the plan where the past has actuals. Exact minor units,
so the locks the optimiser gets add up to the fen to what the plan holds."""

from __future__ import annotations

import bisect
import datetime as dt

import numpy as np

from planner.domain.calendars import Period
from planner.domain.entities import Flight
from planner.domain.phasing import Phasing, phase_days
from planner.storage import rows
from planner.storage.plan_file import Plan
from solver.problem import BRAND


def _per_period(starts: list[int], start: dt.date, amounts: list[int]) -> np.ndarray:
    """Daily amounts from `start` summed into periods (`starts` ends one past the
    last period; days outside every period are dropped)."""
    n = len(starts) - 1
    out = np.zeros(n + 2, dtype=np.int64)
    index = np.searchsorted(starts, np.arange(len(amounts)) + start.toordinal(), side="right")
    np.add.at(out, np.minimum(index, n + 1), np.array(amounts, dtype=np.int64))
    return out[1:n + 1]


def period_starts(periods: list[tuple[dt.date, dt.date]]) -> list[int]:
    """Day numbers (ordinals) where consecutive periods (start, end) begin, and one
    past the last end: the grid of :func:`flight_cells`."""
    return [s.toordinal() for s, _ in periods] + [periods[-1][1].toordinal() + 1]


def brand_shares(plan: Plan) -> dict[str, int]:
    """Campaign id -> brand share in basis points."""
    return dict(plan.db.execute("SELECT id, brand_share_bp FROM campaigns"))


def flight_days(flight: Flight) -> list[int]:
    """A flight's budget phased to its days, start to end."""
    return phase_days(flight.budget_minor, flight.start, flight.end,
                      Phasing.from_dict(flight.phasing))


def flight_cells(flight: Flight, brand_share_bp: int, starts: list[int]) -> np.ndarray:
    """A flight's money per period and goal [t, g] in minor units: phased to days,
    summed per period of `starts` (see :func:`period_starts`; days outside are
    dropped) and split by its campaign's brand share, brand rounded down."""
    total = _per_period(starts, flight.start, flight_days(flight))
    brand = total * brand_share_bp // 10000
    return np.stack([brand, total - brand], axis=1)


def plan_spend(plan: Plan, ids: list[str], periods: tuple[Period, ...], past: int,
                through: dt.date | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(spend, committed) [c, t, g] in minor units: flights phased to days and split
    by their campaign's brand share; in past periods a channel's actuals, where it
    has any, replace the plan (split like their flight, else like the plan there).
    With `through`, actuals count only up to that day and, where they replace the
    plan, the plan still stands on the past periods' days after it."""
    where = {cid: c for c, cid in enumerate(ids)}
    starts = period_starts([(p.start, p.end) for p in periods])
    cut = starts[past] if through is None else min(through.toordinal() + 1, starts[past])
    after = [max(s, cut) for s in starts[:past + 1]]  # the past periods' days after `through`
    spend, committed = (np.zeros((len(ids), len(periods), 2), dtype=np.int64) for _ in "ab")
    tail = np.zeros_like(spend[:, :past])
    campaign_share, share = brand_shares(plan), {}
    for flight in rows.all_of(plan.db, Flight):
        share[flight.id] = campaign_share[flight.campaign_id]
        if flight.channel_id in where:
            cell = flight_cells(flight, share[flight.id], starts)
            spend[where[flight.channel_id]] += cell
            committed[where[flight.channel_id]] += cell if flight.committed else 0
            if past and cut < starts[past]:
                tail[where[flight.channel_id]] += flight_cells(flight, share[flight.id], after)
    actual = np.zeros_like(spend[:, :past])
    seen = np.zeros(actual.shape[:2], dtype=bool)
    for fid, cid, start, end, amount in plan.db.execute(
            'SELECT flight_id, channel_id, start, "end", spend_minor FROM actuals'):
        first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
        if cid not in where or not past or first.toordinal() >= cut:
            continue
        c = where[cid]
        days = phase_days(max(amount, 0), first, last)[:cut - first.toordinal()]
        last = min(last, dt.date.fromordinal(cut - 1))
        total = _per_period(starts, first, days)
        planned = spend[c].sum(axis=1)
        brand = (total * share[fid] // 10000 if fid in share else
                 (total * spend[c, :, BRAND] / np.maximum(planned, 1)).astype(np.int64))
        actual[c] += np.stack([brand, total - brand], axis=1)[:past]
        lo = bisect.bisect_right(starts, first.toordinal()) - 1
        seen[c, max(lo, 0):min(bisect.bisect_right(starts, last.toordinal()), past)] = True
    spend[:, :past] = np.where(seen[..., None], actual + tail, spend[:, :past])
    return spend, committed
