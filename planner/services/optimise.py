"""The optimiser on a plan: the plan as a solver problem, and running it.

The solver takes plain numbers, so this module translates both ways. Money goes
in as floats in THOUSANDS of the plan currency's major units (¥1,000 = 1.0:
budgets of tens of millions stay near 1e4, which keeps the LP well scaled) and
comes back as exact integer minor units (:meth:`PlanProblem.spend_minor`) before
anything is stored. Storing a run as a scenario and applying it to the plan live in
:mod:`planner.services.scenarios`.

Curves are stored per week (money in minor units); :func:`build_problem` turns
them into curves per period of the chosen grain. Periods that began before
``today`` are fixed to what happened in them, so only the future is re-planned,
while brand stock built in the past still carries into it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, replace

import numpy as np

from planner.domain.calendars import CalendarSpec, Period, periods_between
from planner.domain.entities import Channel
from planner.domain.money import exponent, format_money
from planner.domain.phasing import apportion
from planner.errors import PlannerError, ValidationError
from planner.services.plan_spend import plan_spend
from planner.storage import rows
from planner.storage.plan_file import Plan
from solver.allocation import allocate
from solver.curves import Curve, adstock, carry_in
from solver.problem import BRAND, PROMOTION, AllocationProblem, ChannelSpec, Lock
from solver.result import Allocation, Infeasible

GRAINS = ("week", "month")
GOAL_NAMES = ("brand", "promotion")
CURVE_RANK = {"manual": 3, "fitted": 2, "generator": 1}  # which stored curve wins


@dataclass(frozen=True, eq=False)
class PlanProblem:
    """A plan as the solver sees it, with what it takes to read the answer back.

    :param scale: minor units per solver money unit (1,000 major units).
    :param current: the plan's spend [c, t, g] in solver units: actuals (else the
        plan) in the past periods, the plan after.
    :param current_minor: the same in exact minor units.
    :param committed_minor: committed flights' spend [c, t, g] in minor units.
    :param past: how many leading periods began before `today` (fixed).
    :param notes: approximations and money left out of the model, in words.
    :param outside: (channel id, goal) pairs whose money has no curve: left out of
        the model, it stays as planned.
    """

    problem: AllocationProblem
    periods: tuple[Period, ...]
    channel_ids: tuple[str, ...]
    scale: int
    current: np.ndarray
    current_minor: np.ndarray
    committed_minor: np.ndarray
    past: int
    grain: str
    today: dt.date
    currency: str
    budget_minor: int
    notes: tuple[str, ...] = ()
    outside: tuple[tuple[str, str], ...] = ()

    def to_solver(self, minor: float) -> float:
        return minor / self.scale

    def to_minor(self, value: float) -> int:
        return round(value * self.scale)

    def spend_minor(self, spend: np.ndarray) -> np.ndarray:
        """An allocation in integer minor units: past cells exactly as fixed, future
        cells by largest remainder to what was spent in all, rounded, less the past
        (never above the budget; the solver may fill the past's rounding slack). A
        locked cell gets at least its lock to the minor unit (the solver may stop a
        hair below it), the rest goes by what each cell holds above its lock."""
        out = self.current_minor.copy()
        floor = np.zeros_like(out[:, self.past:])
        for lock in self.problem.locks:
            if lock.period >= self.past:
                floor[lock.channel, lock.period - self.past, lock.goal] = \
                    self.to_minor(lock.amount)
        future = np.maximum(spend[:, self.past:, :], 0.0) * self.scale
        fixed = int(out[:, :self.past].sum())
        spent = round(float(np.maximum(spend, 0.0).sum()) * self.scale) - fixed
        extra = max(0, min(spent, self.budget_minor - fixed) - int(floor.sum()))
        weights = np.maximum(future - floor, 0.0)
        weights = weights if weights.any() else floor.astype(float)
        cells = apportion(extra, weights.reshape(-1).tolist()) if extra and weights.any() \
            else [0] * floor.size
        out[:, self.past:, :] = floor + np.array(cells, dtype=np.int64).reshape(floor.shape)
        return out


# -- the plan as a problem -----------------------------------------------------------------

def best_curves(plan: Plan) -> dict[tuple[str, str], tuple[str, dict, dict]]:
    """(channel, goal) -> (family, params, quality): manual over fitted over generator,
    the latest of a source."""
    best: dict[tuple[str, str], tuple[int, tuple[str, dict, dict]]] = {}
    for cid, goal, family, params, source, quality in plan.db.execute(
            "SELECT channel_id, goal, family, params, source, quality FROM curves "
            "ORDER BY created_at, rowid"):
        rank = CURVE_RANK.get(source, 0)
        if rank >= best.get((cid, goal), (-1, None))[0]:
            best[cid, goal] = (rank, (family, json.loads(params), json.loads(quality or "{}")))
    return {key: value for key, (_, value) in best.items()}


def season_index(periods: tuple[Period, ...], season: Mapping[str, float] | None) -> np.ndarray:
    """Mean seasonal index of each period's days. A day takes its own week's index
    when stored (keys are week starts), else the mean of the stored weeks with its
    ISO week number: festivals that move with the lunar calendar get smoothed."""
    if not season:
        return np.ones(len(periods))
    exact = {dt.date.fromisoformat(k): float(v) for k, v in season.items()}
    by_week: dict[int, list[float]] = {}
    for day, value in exact.items():
        by_week.setdefault(day.isocalendar().week, []).append(value)
    means = {week: sum(v) / len(v) for week, v in by_week.items()}

    def index(day: dt.date) -> float:
        week = day.isocalendar().week
        return exact.get(day - dt.timedelta(days=day.weekday()),
                         means.get(week, means.get(min(week, 52), 1.0)))
    return np.array([np.mean([index(p.start + dt.timedelta(days=i)) for i in range(p.days)])
                     for p in periods])


def _carry(plan: Plan, channel_id: str, params: dict, first: dt.date) -> float:
    """Brand stock (minor units, weekly) when `first` begins: the stored stock from
    before the history, carried through the history's brand spend
    (`solver.curves.carry_in`) and decayed over any gap after it."""
    rate = float(params.get("adstock", 0.0))
    found = plan.db.execute('SELECT start, "end", brand_spend_minor FROM history WHERE '
                            'channel_id = ? AND "end" < ? ORDER BY start',
                            [channel_id, first.isoformat()]).fetchall()
    stored = float(params.get("carry_in", 0.0))
    if not found:
        return float(params.get("carry_end", stored))
    days = (dt.date.fromisoformat(found[0][1]) - dt.date.fromisoformat(found[0][0])).days + 1
    row_rate = rate ** (days / 7)  # weekly rows are exact; other lengths approximate
    level = carry_in(np.array([r[2] for r in found], float), row_rate) \
        + row_rate ** len(found) * stored
    return level * rate ** (max((first - dt.date.fromisoformat(found[-1][1])).days - 1, 0) / 7)


def scaled_spec(name: str, curves: dict[str, tuple[str, dict, dict]], season: np.ndarray,
          weeks: np.ndarray, carry: float, scale: int) -> ChannelSpec:
    """Weekly curves as per-period ones. n weeks of evenly spread money are n weeks
    at 1/n of it, so a and k scale with n (exact for weeks). One curve serves all
    periods: months use the mean n, and the seasonal index carries each month's own
    length. Brand stock is measured so that a steady weekly spend gives the same
    response: λ → λ^n, stock (k, carry) × n(1−λ)/(1−λ^n)."""
    n = float(weeks.mean())
    promotion = brand = index = None
    rate = 0.0
    if "promotion" in curves:
        family, p, _ = curves["promotion"]
        promotion = Curve(family, p["a"] * n / scale, p["k"] * n / scale, p.get("s", 1.0))
        index = tuple(float(v) for v in season * weeks / n)
    if "brand" in curves:
        family, p, _ = curves["brand"]
        lam = float(p.get("adstock", 0.0))
        rate = lam ** n
        stock = n * (1 - lam) / (1 - rate) if lam > 0 else n
        brand = Curve(family, p["a"] * n, p["k"] * stock / scale, p.get("s", 1.0))
        carry = carry * stock / scale
    return ChannelSpec(name, promotion=promotion, brand=brand, adstock=rate,
                       carry=carry if brand else 0.0, season=index)


def build_problem(plan: Plan, *, grain: str = "week", budget_minor: int | None = None,
                  brand_share: tuple[float, float] | None = None,
                  objective: str = "max_value", brand_value: float | None = None,
                  revenue_target_minor: int | None = None, min_roas: float | None = None,
                  lock_committed: bool = True,
                  channel_limits: Mapping[str, tuple[int | None, int | None]] | None = None,
                  period_caps: Mapping[str, int] | None = None, tolerance: float = 1e-4,
                  today: dt.date | None = None, actuals_through: dt.date | None = None
                  ) -> PlanProblem:
    """The plan's allocation problem over its horizon at `grain` ("week" or "month").

    The past is fixed, not re-planned: each period that began before `today` gets
    a lock per channel and goal at its actual spend (planned where a channel has no
    actuals there) and a period cap equal to those locks' sum, so nothing can move
    there. From `today` on, committed flights are locks (at least their phased
    spend) when `lock_committed`. Money on a channel and goal without a curve
    cannot be modelled: it stays as planned, outside, and the budget shrinks by it.

    :param budget_minor: total budget (default the plan's); spent up to, not exactly.
    :param brand_share: (low, high) share of spend on brand (default the plan's range).
    :param brand_value: revenue that one brand-index point held for one week is worth,
        in the solver's money unit (thousands of the plan currency: 1.0 = ¥1,000);
        the plan has no setting for it, so 1.0 unless given.
    :param channel_limits: channel id -> (min, max) in minor units, over the record's.
    :param period_caps: period key -> most that may be spent in it, minor units.
    :param actuals_through: the last day actuals count for (a reforecast's as-of
        date). A past period holding later days keeps the plan on them, so a
        period that straddles the date is fixed at actuals to it plus the plan
        after it (default: a channel's actuals stand for its whole past periods).
    :raises ValidationError: an unknown grain, channel or period key.
    """
    if grain not in GRAINS:
        raise ValidationError("grain", grain, f"must be one of {', '.join(GRAINS)}")
    today = today or dt.date.today()
    settings = rows.read_settings(plan.db)
    scale = 1000 * 10 ** exponent(settings.currency)
    periods = tuple(periods_between(CalendarSpec.from_dict(settings.calendar),
                                    settings.horizon_start, settings.horizon_end, grain))
    past = sum(p.start < today for p in periods)
    curves = best_curves(plan)
    season_all: dict = {}  # for curves fitted on the plan's seasonal index
    for (_, goal), (_, params, _) in curves.items():
        if goal == "promotion" and isinstance(params.get("season"), dict):
            season_all.update(params["season"])
    channels = rows.all_of(plan.db, Channel, order="sort_order, name")
    limits = dict(channel_limits or {})
    unknown = sorted(set(limits) - {ch.id for ch in channels})
    if unknown:
        raise ValidationError("channel_limits", unknown[0], "is not a channel")
    spend, committed = plan_spend(plan, [ch.id for ch in channels], periods, past,
                                   actuals_through)
    weeks = np.array([p.days / 7 for p in periods])
    specs, keep, notes, outside, left = [], [], [], 0, []
    for c, ch in enumerate(channels):
        mine = {g: curves[ch.id, g] for g in GOAL_NAMES if (ch.id, g) in curves}
        low, high = limits.get(ch.id, (ch.min_spend_minor, ch.max_spend_minor))
        for g, goal in enumerate(GOAL_NAMES):
            if goal not in mine and spend[c, :, g].any():
                amount = int(spend[c, :, g].sum())
                outside, low = outside + amount, max((low or 0) - amount, 0)
                high = None if high is None else max(high - amount, 0)
                notes.append(f"{ch.name}: {format_money(amount, settings.currency)} of {goal} "
                             "money has no curve; it stays as planned")
                left.append((ch.id, goal))
                spend[c, :, g] = committed[c, :, g] = 0
        if not mine:
            continue
        promotion = mine.get("promotion", ("", {}, {}))
        season = promotion[1].get("season") or (season_all if promotion[2].get("seasonal")
                                                else None)
        carry = _carry(plan, ch.id, mine["brand"][1], periods[0].start) if "brand" in mine \
            else 0.0
        index = season_index(periods, season)
        specs.append(replace(scaled_spec(ch.name, mine, index, weeks, carry, scale),
                             min_total=(low or 0) / scale,
                             max_total=None if high is None else high / scale))
        keep.append(c)
    if not specs:
        raise PlannerError("no channel has a response curve: fit curves first (planner fit)")
    spend, committed = spend[keep], committed[keep]
    caps: list[float | None] = [None] * len(periods)
    keys = [p.key for p in periods]
    for key, cap in (period_caps or {}).items():
        if key not in keys:
            raise ValidationError("period_caps", key, f"is not a {grain} of the horizon")
        caps[keys.index(key)] = cap / scale
    for t in range(past):
        total = float(spend[:, t].sum()) / scale
        caps[t] = total * (1 + 1e-9) + 1e-9
    fixed = spend.copy()
    fixed[:, past:] = committed[:, past:] if lock_committed else 0
    locks = tuple(Lock(int(c), int(t), int(g), float(fixed[c, t, g]) / scale)
                  for c, t, g in zip(*np.nonzero(fixed), strict=True))
    for i, spec in enumerate(specs):
        held = float(fixed[i].sum()) / scale
        if spec.max_total is not None and held > spec.max_total:
            # Money already spent or contracted cannot be moved, so a cap it already
            # exceeds can only mean "nothing more here"; refusing would leave the rest
            # of the budget unplanned. The health check still reports the excess.
            notes.append(f"{spec.name}: {format_money(round(held * scale), settings.currency)} "
                         "is already spent or committed, over its cap of "
                         f"{format_money(round(spec.max_total * scale), settings.currency)}; "
                         "nothing more is placed on it")
            specs[i] = replace(spec, max_total=held * (1 + 1e-9))
    budget = max((settings.total_budget_minor if budget_minor is None else budget_minor)
                 - outside, 0)
    problem = AllocationProblem(
        periods=tuple(keys), channels=tuple(specs), budget=budget / scale, spend_all=False,
        brand_share=brand_share or (settings.brand_share_min_bp / 10000,
                                    settings.brand_share_max_bp / 10000),
        brand_value=1.0 if brand_value is None else brand_value, objective=objective,
        revenue_target=None if revenue_target_minor is None else revenue_target_minor / scale,
        min_roas=min_roas, period_caps=tuple(caps) if any(v is not None for v in caps)
        else None, locks=locks, tolerance=tolerance)
    if grain == "month":
        notes.append("monthly curves assume money spread evenly within each month")
    return PlanProblem(problem, periods, tuple(channels[c].id for c in keep), scale,
                       spend / scale, spend, committed, past, grain, today, settings.currency,
                       budget, tuple(notes), tuple(left))


def outcome(problem: PlanProblem, spend: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Promotion revenue (solver money) and brand response per channel of any spend
    [c, t, g] through the exact curves: how the current plan is scored."""
    channels = problem.problem.channels
    revenue, brand = np.zeros(len(channels)), np.zeros(len(channels))
    for c, ch in enumerate(channels):
        if ch.promotion is not None:
            season = np.asarray(ch.season if ch.season is not None else 1.0)
            revenue[c] = float((season * ch.promotion.value(spend[c, :, PROMOTION])).sum())
        if ch.brand is not None:
            stock = adstock(spend[c, :, BRAND], ch.adstock, ch.carry)
            brand[c] = float(ch.brand.value(stock).sum())
    return revenue, brand


def marginal_returns(problem: PlanProblem, spend: np.ndarray) -> np.ndarray:
    """What the next unit of money would earn on each channel in its best FUTURE
    period and goal (caps aside: on a capped channel, what lifting the cap earns).
    The solver's own figure also looks into the fixed past, where nothing can move."""
    p, past = problem.problem, problem.past
    best = np.zeros(len(p.channels))
    for c, ch in enumerate(p.channels):
        if ch.promotion is not None:
            season = np.asarray(ch.season if ch.season is not None else 1.0)
            slope = p.promotion_weight * season * ch.promotion.slope(spend[c, :, PROMOTION])
            best[c] = float(np.max(slope[past:], initial=0.0))
        if ch.brand is not None:  # a unit of brand money at t adds λ^(s−t) to every s ≥ t
            slope = p.brand_value * ch.brand.slope(adstock(spend[c, :, BRAND], ch.adstock,
                                                               ch.carry))
            for t in range(len(slope) - 2, past - 1, -1):
                slope[t] += ch.adstock * slope[t + 1]
            best[c] = max(best[c], float(np.max(slope[past:], initial=0.0)))
    return best


def run(plan: Plan, problem: PlanProblem) -> Allocation | Infeasible:
    """Optimise `problem` (built from `plan`). The current spend seeds the curve
    pieces, so when the plan is feasible the answer is never worse than it.

    :raises SolverError: the solver gave up (time limit, numerical trouble).
    """
    return allocate(problem.problem, current=problem.current)
