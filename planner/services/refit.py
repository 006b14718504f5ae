"""Re-fit the plan's curves on its history and the actuals to a date, for a reforecast.

:func:`planner.services.fitting.fit_plan` reads the ``history`` table only. Mid-year
the plan also holds weeks of actuals, which carry revenue but no brand outcome, so:

- promotion curves fitted per channel are fitted again on the history's weeks
  followed by the actual weeks up to the as-of date (promotion money = actual
  spend less its campaign's brand share; weeks not yet over, or with a row that
  reports no revenue, are left out), with the same seasonal index;
- brand curves, and curves fitted jointly on a plan-wide outcome, stay as fitted
  from the history: the actuals hold nothing to fit them on.

The curves are saved through :func:`planner.services.fitting.save_fits`, one
undoable action of its own.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import replace

import numpy as np

from planner.domain.calendars import CalendarSpec, periods_between
from planner.domain.changes import Done
from planner.domain.phasing import phase_days
from planner.services.fitting import ChannelFit, fit_plan, save_fits
from planner.services.optimise import season_index
from planner.storage.plan_file import Plan
from solver.fitting import FitError, fit_promotion

_DAY = dt.timedelta(days=1)


def actual_weeks(plan: Plan, as_of: dt.date) -> dict[str, dict[dt.date, tuple[float, float]]]:
    """Channel id -> ISO week's Monday -> (promotion spend, revenue), minor units,
    for weeks over by `as_of` whose every actuals row reports revenue. Rows are
    spread evenly over their days; a row with no flight counts as promotion."""
    share = {fid: bp / 10000 for fid, bp in plan.db.execute(
        "SELECT f.id, c.brand_share_bp FROM flights f JOIN campaigns c ON c.id = f.campaign_id")}
    money: dict[tuple[str, dt.date], list[float]] = defaultdict(lambda: [0.0, 0.0])
    unknown: set[tuple[str, dt.date]] = set()
    for fid, cid, start, end, spend, revenue in plan.db.execute(
            'SELECT flight_id, channel_id, start, "end", spend_minor, revenue_minor FROM actuals '
            "WHERE start <= ?", [as_of.isoformat()]):
        first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
        days = (last - first).days + 1
        promotion = phase_days(max(spend, 0), first, last)
        for i, amount in enumerate(promotion):
            day = first + i * _DAY
            key = (cid, day - day.weekday() * _DAY)
            if revenue is None:
                unknown.add(key)
                continue
            money[key][0] += amount * (1 - share.get(fid, 0.0))
            money[key][1] += revenue / days
    out: dict[str, dict[dt.date, tuple[float, float]]] = defaultdict(dict)
    for (cid, monday), (spend, revenue) in sorted(money.items()):
        if monday + 6 * _DAY <= as_of and (cid, monday) not in unknown:
            out[cid][monday] = (spend, revenue)
    return dict(out)


def _with_actuals(plan: Plan, fit: ChannelFit, weeks: dict[dt.date, tuple[float, float]],
                  season: dict | None) -> ChannelFit:
    found = plan.db.execute(
        "SELECT start, spend_minor - brand_spend_minor, revenue_minor FROM history "
        "WHERE channel_id = ? AND revenue_minor IS NOT NULL ORDER BY start",
        [fit.channel_id]).fetchall()
    starts = [dt.date.fromisoformat(s) for s, _, _ in found] + list(weeks)
    spend = np.array([x for _, x, _ in found] + [x for x, _ in weeks.values()], float)
    revenue = np.array([y for _, _, y in found] + [y for _, y in weeks.values()], float)
    index = None
    if fit.seasonal and season:
        periods = [p for start in starts
                   for p in periods_between(CalendarSpec(), start, start, "week")]
        index = season_index(tuple(periods), season)
    result = fit_promotion(spend, revenue, index, channel=fit.channel)
    return replace(fit, result=result, seasonal=index is not None)


def refit_curves(plan: Plan, as_of: dt.date) -> tuple[Done, tuple[str, ...]]:
    """Fit the curves again with the actuals up to `as_of` and save them as one
    undoable action; returns it and notes in words (what was re-fitted, and any
    channel whose fit failed and so kept its earlier curve)."""
    report = fit_plan(plan)
    weeks = actual_weeks(plan, as_of)
    season: dict = {}
    for (params,) in plan.db.execute("SELECT params FROM curves WHERE goal = 'promotion' "
                                     "AND source != 'fitted' ORDER BY created_at"):
        season.update(json.loads(params).get("season") or {})
    fits, notes, renewed = [], [], 0
    for fit in report.fits:
        if fit.goal == "promotion" and not fit.joint and weeks.get(fit.channel_id):
            try:
                fit = _with_actuals(plan, fit, weeks[fit.channel_id], season)
                renewed += 1
            except FitError as exc:
                notes.append(f"{fit.channel}: promotion curve kept from history only ({exc})")
        fits.append(fit)
    notes.insert(0, f"curves re-fitted before the reforecast: {renewed} promotion curve(s) on "
                    f"history and actual weeks to {as_of}, brand curves on history (actuals "
                    "carry no brand outcome); saved as their own undoable step")
    notes += [f"{f.channel} {f.goal}: not fitted ({f.reason})" for f in report.failures]
    return save_fits(plan, replace(report, fits=tuple(fits))), tuple(notes)
