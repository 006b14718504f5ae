"""Response curves from the plan's own history, and how far to trust them.

Two kinds of history can sit in a plan (see :mod:`planner.io.history_import`):

- per channel: a channel's rows carry its own revenue and brand outcome (the
  demo plan, or a platform's own report). Its promotion curve is fitted on
  promotion spend (spend − brand spend) against revenue, its brand curve and
  adstock on brand spend against the brand outcome, channel by channel;
- a plan-wide total outcome per period (a wide marketing-mix table): channels
  whose rows carry no outcome of their own are fitted *jointly*, the total
  regressed on all of them at once plus a baseline.

A seasonal index for promotion comes from a non-fitted promotion curve's
``season`` (week start → index, as the demo's generator stores it) when one
covers the history; otherwise curves are fitted without seasonality, and say so.

Money in curves is in minor units per history period, as the plan stores it.
Fitting only reads; :func:`save_fits` writes the curves as one undoable action.

Curve uncertainty: each per-channel fit also gets `draws` residual-bootstrap
re-fits (:func:`solver.fitting.bootstrap`, same family, adstock and carry; seeded
per channel and goal, so the same history and seed give the same draws). They are
stored in the curve row's ``quality`` JSON as ``"draws": {"seed", "a", "k", "s"}``
(parallel lists, the same units as ``params``); a hand edit writes a fresh quality
and so, rightly, no draws. Jointly fitted channels get none.
"""

from __future__ import annotations

import datetime as dt
import json
import zlib
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from planner.domain.changes import Done
from planner.domain.entities import new_id
from planner.domain.money import format_money
from planner.errors import NotFound
from planner.io.history_import import read_totals
from planner.storage import history, rows
from planner.storage.plan_file import Plan
from solver.curves import Curve
from solver.fitting import FitError, FitResult, bootstrap, fit_brand, fit_joint, fit_promotion

GOALS = ("promotion", "brand")
DRAWS = 50  # bootstrap re-fits per curve, for allocations robust to the curves' spread


@dataclass(frozen=True)
class ChannelFit:
    """One fitted curve of one channel.

    :param joint: fitted jointly with other channels on a plan-wide outcome.
    :param carry_end: brand stock at the end of the history: what carries into
        the next period (the planning window's carry-in).
    :param truth: (family, params) of the plan's 'generator' curve, when it has one.
    :param draws: bootstrap re-fits of the curve (empty for joint fits).
    :param seed: the seed the draws came from.
    """

    channel_id: str
    channel: str
    goal: str
    result: FitResult
    period: str
    joint: bool = False
    seasonal: bool = False
    carry_end: float = 0.0
    truth: tuple[str, dict[str, Any]] | None = None
    draws: tuple[Curve, ...] = ()
    seed: int = 0


@dataclass(frozen=True)
class FitFailure:
    channel_id: str
    channel: str
    goal: str
    reason: str


@dataclass(frozen=True)
class FitReport:
    fits: tuple[ChannelFit, ...]
    failures: tuple[FitFailure, ...]
    warnings: tuple[str, ...] = ()


@dataclass
class _History:
    """One channel's rows, oldest first, as arrays."""

    starts: list[str]
    days: int
    spend: np.ndarray
    brand: np.ndarray
    revenue: np.ndarray  # NaN where the row carries no revenue
    outcome: np.ndarray  # NaN where the row carries no brand outcome


def _period(days: int) -> str:
    return {1: "day", 7: "week"}.get(days, "month" if 28 <= days <= 31 else f"{days} days")


def _histories(plan: Plan, channel_ids: list[str]) -> dict[str, _History]:
    out = {}
    for cid in channel_ids:
        rows = plan.db.execute(
            'SELECT start, "end", spend_minor, brand_spend_minor, revenue_minor, brand_outcome '
            "FROM history WHERE channel_id = ? ORDER BY start", [cid]).fetchall()
        if not rows:
            continue
        first = rows[0]
        days = (dt.date.fromisoformat(first[1]) - dt.date.fromisoformat(first[0])).days + 1
        col = list(zip(*rows, strict=True))
        out[cid] = _History(list(col[0]), days, np.array(col[2], float), np.array(col[3], float),
                            np.array([np.nan if v is None else v for v in col[4]], float),
                            np.array([np.nan if v is None else v for v in col[5]], float))
    return out


def _curves(plan: Plan) -> list[tuple[str, str, str, str, dict]]:
    """(channel id, goal, source, family, params) of every curve not fitted here, oldest first."""
    return [(cid, goal, source, family, json.loads(params)) for cid, goal, source, family, params
            in plan.db.execute("SELECT channel_id, goal, source, family, params FROM curves "
                               "WHERE source != 'fitted' ORDER BY created_at")]


def _season_map(others: list[tuple[str, str, str, str, dict]]) -> dict[str, float]:
    """Seasonal index per period start, from any non-fitted promotion curve that has one."""
    season: dict[str, float] = {}
    for _, goal, _, _, params in others:
        if goal == "promotion" and isinstance(params.get("season"), dict):
            season.update({k: float(v) for k, v in params["season"].items()})
    return season


def _index(season: dict[str, float], starts: list[str]) -> np.ndarray | None:
    return np.array([season[s] for s in starts]) if all(s in season for s in starts) else None


def fit_plan(plan: Plan, channel_ids: list[str] | None = None, *, starts: int = 3,
             draws: int | None = None, seed: int = 0) -> FitReport:
    """Fit each channel's promotion and brand curves from the plan's history.

    Reads only. A channel whose history cannot give a curve is reported in
    `failures` with the reason, never silently skipped. Rows without an outcome
    are left out of a per-channel fit (for brand that breaks the stock's chain:
    keep brand histories complete).

    :param channel_ids: only these channels (default: every channel with history).
    :param starts: multistart count of the optimiser; lower is faster.
    :param draws: bootstrap re-fits per per-channel curve (0: none; default: the
        plan's setting, :func:`planner.services.fit_settings.fit_draws`).
    :param seed: seed of the draws.
    :raises NotFound: an id that is no channel of the plan.
    """
    if draws is None:
        from planner.services.fit_settings import fit_draws  # it imports this module

        draws = fit_draws(plan)
    names = dict(plan.db.execute("SELECT id, name FROM channels ORDER BY sort_order, name"))
    for cid in channel_ids or ():
        if cid not in names:
            raise NotFound(f"no channel with id {cid}")
    histories = _histories(plan, list(names) if channel_ids is None else list(channel_ids))
    others = _curves(plan)
    season = _season_map(others)
    truth = {(cid, goal): (family, params) for cid, goal, source, family, params in others
             if source == "generator"}
    fits: list[ChannelFit] = []
    failures: list[FitFailure] = []
    pooled: dict[str, list[str]] = {"promotion": [], "brand": []}
    for cid, h in histories.items():
        name, period = names[cid], _period(h.days)
        for goal in GOALS:
            y = h.revenue if goal == "promotion" else h.outcome
            use = np.isfinite(y)
            money = (h.spend - h.brand if goal == "promotion" else h.brand)[use]
            if not use.any():
                pooled[goal].append(cid)
                continue
            if goal == "brand" and not money.any():
                continue  # no brand money ever: nothing to fit, nothing wrong
            index = _index(season, [s for s, u in zip(h.starts, use, strict=True) if u]) \
                if goal == "promotion" else None
            try:
                result = (fit_promotion(money, y[use], index, channel=name, starts=starts)
                          if goal == "promotion" else
                          fit_brand(money, y[use], channel=name, starts=starts))
            except FitError as exc:
                failures.append(FitFailure(cid, name, goal, str(exc)))
                continue
            if goal == "promotion" and index is None:
                result = replace(result, warnings=(*result.warnings, f"{name}: no seasonal "
                                                   "index covers its history; fitted without "
                                                   "seasonality"))
            own_seed = _draw_seed(seed, cid, goal)
            spread = tuple(_cycled(bootstrap(result, money, y[use], index, draws=draws,
                                             seed=own_seed, channel=name), draws)) \
                if draws else ()
            fits.append(ChannelFit(cid, name, goal, result, period, seasonal=index is not None,
                                   carry_end=_carry_end(result, money),
                                   truth=truth.get((cid, goal)), draws=spread,
                                   seed=own_seed))
    warnings = []
    for goal, ids in pooled.items():
        if ids:
            warnings += _fit_pooled(plan, goal, ids, histories, names, season, starts, fits,
                                    failures)
    return FitReport(tuple(fits), tuple(failures), tuple(warnings))


def _draw_seed(seed: int, channel_id: str, goal: str) -> int:
    """A seed per curve that depends on the plan's seed and the curve only (not on
    which other channels were fitted with it)."""
    return zlib.crc32(f"{seed}:{channel_id}:{goal}".encode())


def _cycled(found: list[Curve], count: int) -> list[Curve]:
    """Exactly `count` draws: a re-fit that found no effect is dropped by
    `bootstrap`, and the others are repeated in order to fill its place."""
    return [found[i % len(found)] for i in range(count)] if found else []


def _carry_end(result: FitResult, spend: np.ndarray) -> float:
    """Brand stock after the last period: what carries into the planning window."""
    return float(result.stock(spend)[-1]) if result.adstock > 0 else 0.0


def _fit_pooled(plan: Plan, goal: str, ids: list[str], histories: dict[str, _History],
                names: dict[str, str], season: dict[str, float], starts: int,
                fits: list[ChannelFit], failures: list[FitFailure]) -> list[str]:
    """Channels without an outcome of their own: regress the plan-wide outcome on
    all of them jointly (promotion spend on revenue; brand spend, with adstock, on
    the brand outcome). Appends to `fits` and `failures`; returns notes."""
    totals = read_totals(plan) or {"periods": []}
    column = 2 if goal == "promotion" else 3
    periods = [p for p in totals["periods"] if p[column] is not None]
    if not periods:
        what = "revenue" if goal == "promotion" else "brand outcome"
        failures += [FitFailure(c, names[c], goal, f"{names[c]}: its history has no {what} "
                                f"and the plan has no total {what}") for c in ids
                     if goal == "promotion" or histories[c].brand.any()]
        return []
    y = np.array([p[column] for p in periods], dtype=float)
    matrix = np.zeros((len(periods), len(ids)))
    for j, cid in enumerate(ids):
        h = histories[cid]
        money = dict(zip(h.starts, h.spend - h.brand if goal == "promotion" else h.brand,
                         strict=True))
        matrix[:, j] = [money.get(p[0], 0.0) for p in periods]
    active = [j for j in range(len(ids)) if matrix[:, j].any()]
    if not active:
        return []
    ids, label = [ids[j] for j in active], [names[ids[j]] for j in active]
    index = _index(season, [p[0] for p in periods]) if goal == "promotion" else None
    try:
        joint = fit_joint(matrix[:, active], y, label, index, adstock=goal == "brand",
                          starts=max(1, starts - 1))
    except FitError as exc:
        failures += [FitFailure(c, names[c], goal, str(exc)) for c in ids]
        return []
    period = _period(histories[ids[0]].days)
    for cid, name, j in zip(ids, label, active, strict=True):
        if name in joint.failures:
            failures.append(FitFailure(cid, name, goal, joint.failures[name]))
            continue
        result = joint.fits[name]
        fits.append(ChannelFit(cid, name, goal, result, period, joint=True,
                               seasonal=index is not None,
                               carry_end=_carry_end(result, matrix[:, j])))
    outcome = totals.get("outcome_column" if goal == "promotion" else "brand_outcome_column")
    base = f"{joint.baseline:,.4g}"
    if goal == "promotion" and totals.get("outcome_unit") == "minor":
        base = format_money(round(joint.baseline), rows.read_settings(plan.db).currency)
    return [f"{goal}: {len(ids)} channel(s) fitted jointly on the plan's total {outcome}: "
            f"R² = {joint.r2:.2f}, MAPE = {joint.mape:.1%}, baseline {base} per {period} "
            "without any of them"]


def curve_rows(report: FitReport, created_at: str) -> list[tuple]:
    """Rows for the ``curves`` table: params a/k/s (money in minor units per
    period), adstock, carry_in (stock before the history, as the generator
    stores it) and carry_end (stock after it); quality r2/mape/n/warnings."""
    rows = []
    for fit in report.fits:
        r, curve = fit.result, fit.result.curve
        params: dict[str, Any] = {"a": curve.a, "k": curve.k, "adstock": r.adstock,
                                  "carry_in": r.carry, "carry_end": fit.carry_end,
                                  "period": fit.period}
        if curve.family == "hill":
            params["s"] = curve.s
        quality = {"r2": r.r2, "mape": r.mape, "n": r.n, "warnings": list(r.warnings),
                   "family_scores": r.family_scores, "model": "joint" if fit.joint else "channel",
                   "seasonal": fit.seasonal, "baseline": r.baseline}
        if fit.draws:
            quality["draws"] = {"seed": fit.seed, "a": [c.a for c in fit.draws],
                                "k": [c.k for c in fit.draws],
                                "s": [c.s for c in fit.draws]}
        rows.append((fit.channel_id, fit.goal, curve.family,
                     json.dumps(params, sort_keys=True), "fitted",
                     json.dumps(quality, ensure_ascii=False, sort_keys=True), created_at))
    return rows


def save_fits(plan: Plan, report: FitReport) -> Done:
    """Store the report's curves as one undoable action.

    Earlier 'fitted' curves of every channel with a new fit are replaced (all
    goals: a stale curve from older history is worse than none); 'generator'
    and 'manual' curves are kept.
    """
    created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    by_channel: dict[str, int] = defaultdict(int)
    for fit in report.fits:
        by_channel[fit.channel_id] += 1
    with plan.action("Save fitted curves") as act:
        plan.db.conn.executemany("DELETE FROM curves WHERE channel_id = ? AND source = 'fitted'",
                                 [(cid,) for cid in by_channel])
        plan.db.conn.executemany(
            "INSERT INTO curves(id, channel_id, goal, family, params, source, quality, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(new_id(), *row) for row in curve_rows(report, created)])
    return history.done(plan, act)
