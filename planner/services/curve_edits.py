"""Response curves as a planner sees and corrects them: the curve the optimiser
uses per channel and goal, the history it was fitted on, where the plan sits on
it, and hand edits.

A hand edit stores a new curve with source ``manual``, which the optimiser ranks
above fitted and generator curves (:func:`planner.services.optimise.build_problem`),
so it is what the next run uses. Re-fitting keeps it (``save_fits`` only replaces
fitted curves); deleting it — undoing the edit — brings the fitted one back.

Curves are per week, money in minor units (see :mod:`planner.services.fitting`).
Brand curves respond to the adstock *stock* A[t] = spend[t] + λ·A[t−1]: steady
weekly spend x holds the stock at x / (1 − λ), which is where a plan's average
week sits on the brand curve.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from planner.domain.changes import Done
from planner.domain.entities import Flight, new_id
from planner.errors import NotFound, ValidationError
from planner.services.optimise import CURVE_RANK, GOAL_NAMES
from planner.services.plan_spend import brand_shares
from planner.services.scenarios import list_scenarios
from planner.storage import history, rows
from planner.storage.plan_file import Plan
from solver.curves import Curve, adstock
from solver.problem import BRAND, PROMOTION

FAMILY_PARAMS: dict[str, tuple[str, ...]] = {"hill": ("a", "k", "s"), "exponential": ("a", "k")}
MANUAL = "manual"


@dataclass(frozen=True)
class CurveRecord:
    """One row of the ``curves`` table, JSON decoded."""

    id: str
    channel_id: str
    goal: str
    family: str
    params: dict[str, Any]
    source: str
    quality: dict[str, Any]
    created_at: str

    @property
    def adstock(self) -> float:
        return float(self.params.get("adstock", 0.0))

    @property
    def curve(self) -> Curve:
        p = self.params
        return Curve(self.family, float(p["a"]), float(p["k"]), float(p.get("s", 1.0)))

    def value(self, x: np.ndarray) -> np.ndarray:
        return self.curve.value(np.asarray(x, dtype=float))


def curve_records(plan: Plan, channel_id: str | None = None) -> list[CurveRecord]:
    """Stored curves, oldest first (of one channel when given)."""
    where, args = ("WHERE channel_id = ? ", [channel_id]) if channel_id else ("", [])
    return [CurveRecord(i, c, g, f, json.loads(p), s, json.loads(q or "{}"), at)
            for i, c, g, f, p, s, q, at in plan.db.execute(
                "SELECT id, channel_id, goal, family, params, source, quality, created_at "
                f"FROM curves {where}ORDER BY created_at, rowid", args)]


def in_use(records: list[CurveRecord]) -> dict[tuple[str, str], CurveRecord]:
    """(channel id, goal) -> the curve the optimiser uses: the optimiser's own
    ranking (manual over fitted over generator, the latest of a source)."""
    best: dict[tuple[str, str], CurveRecord] = {}
    for record in records:
        key = (record.channel_id, record.goal)
        rank = CURVE_RANK.get(record.source, 0)
        if key not in best or rank >= CURVE_RANK.get(best[key].source, 0):
            best[key] = record
    return best


# -- hand edits ------------------------------------------------------------------------------

def _positive(name: str, value: object) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValidationError(f"curve.{name}", value, "must be a number") from None
    if not math.isfinite(number) or number <= 0:
        raise ValidationError(f"curve.{name}", value, "must be a finite number above 0")
    return number


def _checked(family: str, params: Mapping[str, object], rate: float | None
             ) -> tuple[dict[str, float], float | None]:
    if family not in FAMILY_PARAMS:
        raise ValidationError("curve.family", family,
                              f"must be one of {', '.join(FAMILY_PARAMS)}")
    names = FAMILY_PARAMS[family]
    unknown = sorted(set(params) - set(names))
    if unknown:
        raise ValidationError(f"curve.{unknown[0]}", params[unknown[0]],
                              f"is not a parameter of a {family} curve")
    missing = [n for n in names if n not in params]
    if missing:
        raise ValidationError(f"curve.{missing[0]}", None, "is required")
    checked = {n: _positive(n, params[n]) for n in names}
    if rate is not None:
        if not isinstance(rate, int | float) or not math.isfinite(rate) \
                or not 0.0 <= rate < 1.0:
            raise ValidationError("curve.adstock", rate, "must be at least 0 and below 1")
        rate = float(rate)
    return checked, rate


def set_curve_params(plan: Plan, channel_id: str, goal: str, params: Mapping[str, object],
                     adstock_rate: float | None = None, family: str | None = None) -> Done:
    """Store hand-set parameters as the channel's `goal` curve, marked manual, as one
    undoable action; it replaces an earlier manual curve of the same channel and goal.

    What the edit does not name is kept from the curve in use (seasonal index,
    carry-in, period), so only what the planner changed changes.

    :param params: a, k (and s for Hill), money in minor units per week.
    :param adstock_rate: λ in [0, 1) (default: the current curve's).
    :param family: "hill" or "exponential" (default: the current curve's).
    :raises ValidationError: a parameter not finite and positive, λ outside [0, 1),
        an unknown goal or family; nothing is written.
    :raises NotFound: no such channel.
    """
    if goal not in GOAL_NAMES:
        raise ValidationError("curve.goal", goal, f"must be one of {', '.join(GOAL_NAMES)}")
    name = plan.db.execute("SELECT name FROM channels WHERE id = ?", [channel_id]).fetchone()
    if name is None:
        raise NotFound(f"no channel with id {channel_id}")
    base = in_use(curve_records(plan, channel_id)).get((channel_id, goal))
    family = family or (base.family if base else "")
    if not family:
        raise ValidationError("curve.family", family, "is required: the channel has no curve")
    checked, rate = _checked(family, params, adstock_rate)
    stored: dict[str, Any] = dict(base.params) if base else {"period": "week"}
    stored.pop("s", None)
    stored.update(checked)
    stored["adstock"] = rate if rate is not None else stored.get("adstock", 0.0)
    quality = {"based_on": base.source if base else None,
               "seasonal": bool(base and base.quality.get("seasonal"))}
    created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with plan.action(f"Edit {goal} curve of {name[0]}") as act:
        plan.db.execute("DELETE FROM curves WHERE channel_id = ? AND goal = ? AND source = ?",
                        [channel_id, goal, MANUAL])
        plan.db.execute(
            "INSERT INTO curves(id, channel_id, goal, family, params, source, quality, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [new_id(), channel_id, goal, family, json.dumps(stored, sort_keys=True), MANUAL,
             json.dumps(quality, sort_keys=True), created])
    return history.done(plan, act)


# -- what the Curves tab draws ---------------------------------------------------------------

@dataclass(frozen=True)
class GoalView:
    """One goal's curve of one channel with what to plot around it.

    :param x: history points' money per week (the stock, for brand), minor units.
    :param y: their outcome (promotion: revenue net of the season index when one
        covers the week; brand: the brand index).
    :param plan_x: the plan's average week on the curve's axis.
    :param scenario_x: the latest optimised scenario's average week, if any.
    """

    goal: str
    curve: CurveRecord | None
    x: np.ndarray = field(default_factory=lambda: np.zeros(0))
    y: np.ndarray = field(default_factory=lambda: np.zeros(0))
    plan_x: float = 0.0
    scenario_x: float | None = None


@dataclass(frozen=True)
class ChannelView:
    channel_id: str
    name: str
    currency: str
    goals: tuple[GoalView, ...]
    scenario: str | None  # the name of the scenario the markers come from


def _season(records: list[CurveRecord]) -> dict[str, float]:
    """The seasonal index a promotion fit uses: any non-fitted promotion curve's."""
    out: dict[str, float] = {}
    for r in records:
        if r.goal == "promotion" and r.source != "fitted" and isinstance(r.params.get("season"),
                                                                          dict):
            out.update({k: float(v) for k, v in r.params["season"].items()})
    return out


def _points(plan: Plan, channel_id: str, goal: str, curve: CurveRecord | None,
            season: dict[str, float]) -> tuple[np.ndarray, np.ndarray]:
    found = plan.db.execute(
        "SELECT start, spend_minor, brand_spend_minor, revenue_minor, brand_outcome "
        "FROM history WHERE channel_id = ? ORDER BY start", [channel_id]).fetchall()
    if not found:
        return np.zeros(0), np.zeros(0)
    starts = [r[0] for r in found]
    spend, brand = (np.array([r[i] for r in found], float) for i in (1, 2))
    if goal == "promotion":
        y = np.array([np.nan if r[3] is None else r[3] for r in found], float)
        if all(s in season for s in starts):
            y = y / np.array([season[s] for s in starts])
        x = spend - brand
    else:
        y = np.array([np.nan if r[4] is None else r[4] for r in found], float)
        rate = curve.adstock if curve else 0.0
        carry = float(curve.params.get("carry_in", 0.0)) if curve else 0.0
        x = adstock(brand, rate, carry)
    keep = np.isfinite(y)
    return x[keep], y[keep]


def _plan_weeks(plan: Plan, channel_id: str) -> np.ndarray:
    """The plan's money on the channel per average week of the horizon [brand, promotion]."""
    settings = rows.read_settings(plan.db)
    share = brand_shares(plan)
    money = np.zeros(2)
    for f in rows.all_of(plan.db, Flight):
        if f.channel_id == channel_id:
            part = f.budget_minor * share[f.campaign_id] // 10000
            money += (part, f.budget_minor - part)
    weeks = ((settings.horizon_end - settings.horizon_start).days + 1) / 7
    return money / weeks


def _scenario_weeks(plan: Plan, channel_id: str) -> tuple[str | None, np.ndarray | None]:
    """(name, [brand, promotion] per average week) of the latest optimal scenario
    that covers the channel."""
    for scenario in reversed(list_scenarios(plan)):
        ids = scenario.inputs.get("channel_ids", [])
        if not scenario.feasible or channel_id not in ids or "spend_minor" not in \
                scenario.result:
            continue
        spend = np.array(scenario.result["spend_minor"][ids.index(channel_id)], float)
        days = sum((dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days + 1
                   for _, start, end in scenario.inputs["periods"])
        return scenario.name, spend.sum(axis=0)[[BRAND, PROMOTION]] / (days / 7)
    return None, None


def channel_view(plan: Plan, channel_id: str) -> ChannelView:
    """Everything the Curves tab draws for one channel.

    :raises NotFound: no such channel.
    """
    found = plan.db.execute("SELECT name FROM channels WHERE id = ?", [channel_id]).fetchone()
    if found is None:
        raise NotFound(f"no channel with id {channel_id}")
    records = curve_records(plan)
    used = in_use(records)
    season = _season(records)
    planned = _plan_weeks(plan, channel_id)
    name, optimised = _scenario_weeks(plan, channel_id)
    goals = []
    for goal in ("promotion", "brand"):
        curve = used.get((channel_id, goal))
        g = BRAND if goal == "brand" else PROMOTION
        steady = 1 / (1 - curve.adstock) if goal == "brand" and curve else 1.0
        x, y = _points(plan, channel_id, goal, curve, season)
        goals.append(GoalView(goal, curve, x, y, float(planned[g] * steady),
                              None if optimised is None else float(optimised[g] * steady)))
    return ChannelView(channel_id, found[0], rows.read_settings(plan.db).currency,
                       tuple(goals), name)
