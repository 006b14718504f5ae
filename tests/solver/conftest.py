"""Independent answers for the optimiser's tests.

Nothing here imports the solver's maths: the curves, the brand stock, the
objective and every constraint are written again from the design's statement of
the problem, so a test that compares `allocate` with these helpers compares two
separate readings of the same model. The cvxpy model is the same problem in a
disciplined-convex form (exponential curves ``a·(1 − e^{−x/k})`` and Hill s = 1
curves ``a − a·k/(x + k)``), solved by Clarabel's interior point method.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from solver.curves import Curve
from solver.problem import BRAND, PROMOTION, AllocationProblem

# ---------------------------------------------------------------------------
# The maths, written again
# ---------------------------------------------------------------------------


def curve_value(curve: Curve, x: np.ndarray | float) -> np.ndarray:
    """f(x): ``a·x^s/(x^s + k^s)`` (Hill) or ``a·(1 − e^{−x/k})`` (exponential)."""
    x = np.maximum(np.asarray(x, dtype=float), 0.0)
    if curve.family == "exponential":
        return curve.a * (1.0 - np.exp(-x / curve.k))
    xs = x ** curve.s
    return curve.a * xs / (xs + curve.k ** curve.s)


def curve_slope(curve: Curve, x: np.ndarray | float) -> np.ndarray:
    x = np.maximum(np.asarray(x, dtype=float), 0.0)
    if curve.family == "exponential":
        return curve.a / curve.k * np.exp(-x / curve.k)
    s, k = curve.s, curve.k
    with np.errstate(divide="ignore", invalid="ignore"):
        out = curve.a * s * k ** s * x ** (s - 1) / (x ** s + k ** s) ** 2
    return np.where(np.isfinite(out), out, curve.a / k if s == 1 else 0.0)


def brand_stock(problem: AllocationProblem, spend: np.ndarray) -> np.ndarray:
    """A[c,t] = λ_c·A[c,t−1] + x[c,t,brand], A[c,−1] = carry_c."""
    n_c, n_t = len(problem.channels), len(problem.periods)
    stock = np.zeros((n_c, n_t))
    for c, ch in enumerate(problem.channels):
        level = ch.carry
        for t in range(n_t):
            level = ch.adstock * level + spend[c, t, BRAND]
            stock[c, t] = level
    return stock


def season_of(problem: AllocationProblem, c: int) -> np.ndarray:
    ch = problem.channels[c]
    n_t = len(problem.periods)
    return np.asarray(ch.season if ch.season is not None else (1.0,) * n_t, dtype=float)


def responses(problem: AllocationProblem, spend: np.ndarray) -> tuple[float, float]:
    """(promotion revenue, brand response) of `spend` through the true curves."""
    stock = brand_stock(problem, spend)
    revenue = brand = 0.0
    for c, ch in enumerate(problem.channels):
        if ch.promotion is not None:
            revenue += float((season_of(problem, c)
                              * curve_value(ch.promotion, spend[c, :, PROMOTION])).sum())
        if ch.brand is not None:
            brand += float(curve_value(ch.brand, stock[c]).sum())
    return revenue, brand


def true_objective(problem: AllocationProblem, spend: np.ndarray) -> float:
    """The "max_value" objective: weighted promotion revenue + brand_value × brand."""
    revenue, brand = responses(problem, spend)
    return problem.promotion_weight * revenue + problem.brand_value * brand


def money_scale(problem: AllocationProblem) -> float:
    return max(1.0, problem.budget)


def locked(problem: AllocationProblem) -> dict[tuple[int, int, int], float]:
    """Locked spend per (channel, period, goal): locks on one cell add up (two
    contracts), as `Lock` documents."""
    out: dict[tuple[int, int, int], float] = {}
    for lock in problem.locks:
        key = (lock.channel, lock.period, lock.goal)
        out[key] = out.get(key, 0.0) + lock.amount
    return out


def violations(problem: AllocationProblem, spend: np.ndarray) -> dict[str, float]:
    """How far `spend` breaks each constraint, relative to the money scale
    (0 when it holds). Keys are the constraint groups' names."""
    spend = np.asarray(spend, dtype=float)
    n_c, n_t = len(problem.channels), len(problem.periods)
    scale = money_scale(problem)
    out: dict[str, float] = {}

    def worse(name: str, amount: float) -> None:
        out[name] = max(out.get(name, 0.0), max(float(amount), 0.0) / scale)

    assert spend.shape == (n_c, n_t, 2)
    worse("nonnegative", -float(spend.min()))
    total = float(spend.sum())
    worse("budget", total - problem.budget)
    if problem.spend_all:
        worse("budget", problem.budget - total)
    if problem.brand_share is not None:
        low, high = problem.brand_share
        brand = float(spend[:, :, BRAND].sum())
        worse("brand_share_min", low * total - brand)
        worse("brand_share_max", brand - high * total)
    per_period = spend.sum(axis=2)
    for c, ch in enumerate(problem.channels):
        available = np.asarray(ch.available if ch.available is not None else (True,) * n_t)
        worse("available", float(spend[c][~available].sum()))
        if ch.promotion is None:
            worse("no_promotion_curve", float(spend[c, :, PROMOTION].sum()))
        if ch.brand is None:
            worse("no_brand_curve", float(spend[c, :, BRAND].sum()))
        worse("channel_min", ch.min_total - float(spend[c].sum()))
        if ch.max_total is not None:
            worse("channel_max", float(spend[c].sum()) - ch.max_total)
        if ch.max_per_period is not None:
            worse("channel_period_cap", float(per_period[c].max()) - ch.max_per_period)
        if ch.pacing is not None and n_t > 1:
            worse("pacing", float(np.abs(np.diff(per_period[c])).max()) - ch.pacing)
        if ch.min_when_used > 0:
            # Either nothing, or at least the minimum buy.
            used = per_period[c] > 1e-9 * scale
            short = np.where(used, ch.min_when_used - per_period[c], 0.0)
            worse("min_buy", float(short.max()))
    for t, cap in enumerate(problem.period_caps or ()):
        if cap is not None:
            worse("period_cap", float(per_period[:, t].sum()) - cap)
    for (c, t, g), amount in locked(problem).items():
        worse("lock", amount - float(spend[c, t, g]))
    revenue, brand_response = responses(problem, spend)
    if problem.brand_floor is not None:
        worse("brand_floor", (problem.brand_floor - brand_response)
              * scale / max(1.0, problem.brand_floor))
    if problem.objective == "min_cost" and problem.revenue_target is not None:
        worse("revenue_target", (problem.revenue_target - revenue)
              * scale / max(1.0, problem.revenue_target))
    return out


def assert_feasible(problem: AllocationProblem, spend: np.ndarray, tol: float = 1e-6) -> None:
    broken = {k: v for k, v in violations(problem, spend).items() if v > tol}
    assert not broken, f"constraints broken (relative amounts): {broken}"


# ---------------------------------------------------------------------------
# The same problem in cvxpy, solved by Clarabel
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Reference:
    status: str
    value: float               # the optimum of the stated objective (max_value: maximised)
    spend: np.ndarray | None   # [c, t, g]


def cvx_curve(curve: Curve, x):
    import cvxpy as cp

    if curve.family == "exponential":
        return curve.a - curve.a * cp.exp(-x / curve.k)
    if curve.s != 1:
        raise ValueError("cvxpy can only model Hill curves with s = 1")
    return curve.a - curve.a * curve.k * cp.inv_pos(x + curve.k)


def cvxpy_model(problem: AllocationProblem, fix_use: np.ndarray | None = None):
    """(x, constraints, revenue, brand) for `problem` in cvxpy.

    :param fix_use: for minimum buys, a [c, t] 0/1 pattern: used channel-periods
        spend at least the minimum, unused ones nothing (the MIP with its
        switches fixed is a convex problem).
    """
    import cvxpy as cp

    n_c, n_t = len(problem.channels), len(problem.periods)
    xb = cp.Variable((n_c, n_t), nonneg=True, name="x_brand")
    xp = cp.Variable((n_c, n_t), nonneg=True, name="x_promotion")
    stock = cp.Variable((n_c, n_t), name="A")
    cons = []
    revenue = 0
    brand = 0
    total = cp.sum(xb) + cp.sum(xp)
    cons.append(total <= problem.budget)
    if problem.spend_all:
        cons.append(total >= problem.budget)
    per_period = xb + xp
    for c, ch in enumerate(problem.channels):
        available = np.asarray(ch.available if ch.available is not None else (True,) * n_t)
        for t in range(n_t):
            previous = ch.carry if t == 0 else stock[c, t - 1]
            cons.append(stock[c, t] == ch.adstock * previous + xb[c, t])
        if (~available).any():
            cons += [xb[c, ~available] == 0, xp[c, ~available] == 0]
        if ch.promotion is None:
            cons.append(xp[c, :] == 0)
        else:
            revenue = revenue + season_of(problem, c) @ cvx_curve(ch.promotion, xp[c, :])
        if ch.brand is None:
            cons.append(xb[c, :] == 0)
        else:
            brand = brand + cp.sum(cvx_curve(ch.brand, stock[c, :]))
        if ch.min_total > 0:
            cons.append(cp.sum(per_period[c, :]) >= ch.min_total)
        if ch.max_total is not None:
            cons.append(cp.sum(per_period[c, :]) <= ch.max_total)
        if ch.max_per_period is not None:
            cons.append(per_period[c, :] <= ch.max_per_period)
        if ch.pacing is not None and n_t > 1:
            cons.append(cp.abs(cp.diff(per_period[c, :])) <= ch.pacing)
        if fix_use is not None and ch.min_when_used > 0:
            for t in range(n_t):
                if fix_use[c, t]:
                    cons.append(per_period[c, t] >= ch.min_when_used)
                else:
                    cons += [xb[c, t] == 0, xp[c, t] == 0]
    if problem.brand_share is not None:
        low, high = problem.brand_share
        cons += [cp.sum(xb) >= low * total, cp.sum(xb) <= high * total]
    for t, cap in enumerate(problem.period_caps or ()):
        if cap is not None:
            cons.append(cp.sum(per_period[:, t]) <= cap)
    for (c, t, g), amount in locked(problem).items():
        target = xb if g == BRAND else xp
        cons.append(target[c, t] >= amount)
    if problem.brand_floor is not None:
        cons.append(brand >= problem.brand_floor)
    if problem.objective == "min_cost":
        cons.append(revenue >= problem.revenue_target)
    return (xb, xp), cons, revenue, brand


def cvxpy_solve(problem: AllocationProblem, *, fix_use: np.ndarray | None = None,
                linear: np.ndarray | None = None) -> Reference:
    """Solve `problem` (or, with `linear`, maximise Σ linear·x over its constraints:
    a random feasible point) with Clarabel."""
    import cvxpy as cp

    (xb, xp), cons, revenue, brand = cvxpy_model(problem, fix_use)
    if linear is not None:
        objective = cp.Maximize(cp.sum(cp.multiply(linear[:, :, BRAND], xb))
                                + cp.sum(cp.multiply(linear[:, :, PROMOTION], xp)))
    elif problem.objective == "min_cost":
        objective = cp.Minimize(cp.sum(xb) + cp.sum(xp))
    else:
        objective = cp.Maximize(problem.promotion_weight * revenue
                                + problem.brand_value * brand)
    return clarabel_reference(cp.Problem(objective, cons), xb, xp)


# Clarabel at tight tolerances, then at its own defaults (1e-8) when it cannot reach them.
REFERENCE_ATTEMPTS = ({"tol_gap_abs": 1e-10, "tol_gap_rel": 1e-10, "tol_feas": 1e-10,
                       "max_iter": 400}, {})


def clarabel_reference(model, xb, xp, attempts: tuple[dict, ...] = REFERENCE_ATTEMPTS,
                       ) -> Reference:
    """Solve a reference model with Clarabel and read the spend back.

    Each attempt's settings in turn until one proves its answer ("optimal" or
    "infeasible"). An attempt that stops short of its tolerances ends with an
    inaccurate status, about which cvxpy also warns; the warning is not passed on,
    because the status carries it: a reference whose status is neither of the two
    proves nothing, and the tests set it aside (`assume`) rather than compare with it.
    """
    import warnings

    import cvxpy as cp

    status = "solver_error"
    for settings in attempts:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "Solution may be inaccurate", UserWarning)
            try:
                model.solve(solver=cp.CLARABEL, **settings)
            except cp.error.SolverError:
                continue
        status = model.status
        if status in (cp.OPTIMAL, cp.INFEASIBLE):
            break
    if status != cp.OPTIMAL:
        return Reference(status, math.nan, None)
    spend = np.stack([np.maximum(xb.value, 0.0), np.maximum(xp.value, 0.0)], axis=2)
    return Reference(status, float(model.value), spend)


# ---------------------------------------------------------------------------
# Water-filling: the exact optimum of the separable budget problem
# ---------------------------------------------------------------------------


def water_fill(curves: list[Curve], season: np.ndarray, lower: np.ndarray, upper: np.ndarray,
               budget: float, spend_all: bool) -> tuple[float, np.ndarray]:
    """max Σ season[i]·f_i(x_i) s.t. Σ x ≤ budget (= with `spend_all`), lower ≤ x ≤ upper,
    for concave f_i: every x solves season·f'(x) = λ clipped to its bounds, and
    λ is found by bisection so that the budget is met. Returns (optimum, x)."""

    season = np.asarray(season, dtype=float)

    expo = np.array([c.family == "exponential" for c in curves])
    a = np.array([c.a for c in curves], dtype=float)
    k = np.array([c.k for c in curves], dtype=float)
    s = np.array([c.s for c in curves], dtype=float)
    if np.any(~expo & (s > 1)):
        raise ValueError("water-filling needs concave curves")

    def marginal(x: np.ndarray) -> np.ndarray:
        """season·f'(x), every curve at once."""
        x = np.maximum(x, 0.0)
        with np.errstate(divide="ignore", invalid="ignore"):
            hill = a * s * k ** s * x ** (s - 1) / (x ** s + k ** s) ** 2
        hill = np.where(x > 0, hill, np.where(s < 1, np.inf, a / k))
        return season * np.where(expo, a / k * np.exp(-x / k), hill)

    def spend_at(lam: float) -> np.ndarray:
        """Each x where season·f'(x) = λ, clipped to [lower, upper] (f' falls)."""
        a, b = lower.astype(float).copy(), upper.astype(float).copy()
        for _ in range(100):
            m = 0.5 * (a + b)
            above = marginal(m) > lam
            a, b = np.where(above, m, a), np.where(above, b, m)
        x = 0.5 * (a + b)
        x = np.where(marginal(lower) <= lam, lower, x)
        return np.where(marginal(upper) >= lam, upper, x)

    if lower.sum() > budget + 1e-12:
        raise ValueError("lower bounds exceed the budget")
    if upper.sum() <= budget:
        # Every curve still rises at its upper bound: all of them are filled.
        x = upper.copy()
    else:
        lam_lo = 0.0
        lam_hi = float(np.max(marginal(np.maximum(lower, 1e-12 * upper)))) + 1.0
        for _ in range(120):
            lam = 0.5 * (lam_lo + lam_hi)
            if spend_at(lam).sum() > budget:
                lam_lo = lam
            else:
                lam_hi = lam
        x = spend_at(lam_hi)  # within a rounding error of the whole budget
    value = sum(season[i] * float(curve_value(c, x[i])) for i, c in enumerate(curves))
    return value, x



def relaxed_to(problem: AllocationProblem, spend: np.ndarray) -> tuple[AllocationProblem,
                                                                         np.ndarray]:
    """A copy of `problem` loosened just enough that `spend` (a numerical solver's
    answer, feasible to ~1e-9) is exactly feasible, and that spend cleaned up:
    negatives and unavailable cells zeroed, budget, caps, share range, locks and
    pacing moved by at most the solver's own rounding."""
    import dataclasses

    spend = np.maximum(np.asarray(spend, dtype=float), 0.0).copy()
    n_t = len(problem.periods)
    channels = []
    for c, ch in enumerate(problem.channels):
        available = np.asarray(ch.available if ch.available is not None else (True,) * n_t)
        spend[c][~available] = 0.0
        if ch.promotion is None:
            spend[c, :, PROMOTION] = 0.0
        if ch.brand is None:
            spend[c, :, BRAND] = 0.0
        per_period = spend[c].sum(axis=1)
        total = float(spend[c].sum())
        channels.append(dataclasses.replace(
            ch,
            min_total=min(ch.min_total, total),
            max_total=None if ch.max_total is None else max(ch.max_total, total),
            max_per_period=(None if ch.max_per_period is None
                            else max(ch.max_per_period, float(per_period.max()))),
            pacing=(None if ch.pacing is None or n_t < 2
                    else max(ch.pacing, float(np.abs(np.diff(per_period)).max()))),
        ))
    total = float(spend.sum())
    share = problem.brand_share
    if share is not None and total > 0:
        brand = float(spend[:, :, BRAND].sum()) / total
        share = (min(share[0], brand), max(share[1], brand))
    caps = problem.period_caps
    if caps is not None:
        per_period = spend.sum(axis=(0, 2))
        caps = tuple(None if cap is None else max(cap, float(per_period[t]))
                     for t, cap in enumerate(caps))
    total_locked = locked(problem)
    locks = tuple(dataclasses.replace(lock, amount=lock.amount * min(
        1.0, float(spend[lock.channel, lock.period, lock.goal])
        / total_locked[lock.channel, lock.period, lock.goal]))
        if lock.amount > 0 else lock for lock in problem.locks)
    budget = total if problem.spend_all else max(problem.budget, total)
    return dataclasses.replace(problem, channels=tuple(channels), brand_share=share,
                               period_caps=caps, locks=locks, budget=budget), spend
