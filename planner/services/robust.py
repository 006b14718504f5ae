"""Optimising across the plan's curve draws: the draws as solver curves, and the
robust run with the mean-optimal allocation beside it (the price of robustness)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np

from planner.services.optimise import PlanProblem, best_curves, outcome, scaled_spec
from planner.storage.plan_file import Plan
from solver.curves import Curve
from solver.result import Infeasible
from solver.robust_problem import Draw, PriceOfRobustness, RobustProblem


def curve_draws(plan: Plan, problem: PlanProblem) -> tuple[Draw, ...]:
    """The plan's curve draws (stored by :func:`planner.services.fitting.save_fits` in
    a curve's quality) as per-period solver curves, scaled like the curves in use.
    A curve without draws (hand-edited, jointly fitted, generator) is the same in
    every draw; a curve with fewer draws than the most any has repeats them in order.
    No draws anywhere gives one draw: the plain problem."""
    stored = best_curves(plan)
    weeks = np.array([p.days / 7 for p in problem.periods])
    season = np.ones(len(problem.periods))
    count = max([len(q.get("draws", {}).get("a", ())) for _, _, q in stored.values()] or [1])
    count = max(count, 1)
    draws: list[list[tuple[Curve | None, Curve | None]]] = [[] for _ in range(count)]
    for cid, spec in zip(problem.channel_ids, problem.problem.channels, strict=True):
        per_goal: dict[str, list[Curve | None]] = {}
        for goal, base in (("promotion", spec.promotion), ("brand", spec.brand)):
            if base is None:
                per_goal[goal] = [None] * count
                continue
            family, params, quality = stored[cid, goal]
            found = quality.get("draws") or {"a": [params["a"]], "k": [params["k"]],
                                             "s": [params.get("s", 1.0)]}
            curves = []
            for d in range(count):
                i = d % len(found["a"])
                own = {**params, "a": found["a"][i], "k": found["k"][i], "s": found["s"][i]}
                scaled = scaled_spec(spec.name, {goal: (family, own, quality)}, season, weeks, 0.0,
                               problem.scale)
                curves.append(scaled.promotion if goal == "promotion" else scaled.brand)
            per_goal[goal] = curves
        for d in range(count):
            draws[d].append((per_goal["promotion"][d], per_goal["brand"][d]))
    return tuple(Draw(tuple(curves)) for curves in draws)


def draw_outcomes(problem: PlanProblem, draws: tuple[Draw, ...], spend: np.ndarray
                  ) -> np.ndarray:
    """The value (promotion revenue + brand value × brand response, solver money) of
    `spend` [c, t, g] in each draw, through the exact curves: how an allocation is
    scored on draws it was not optimised on."""
    p = problem.problem
    values = []
    for draw in draws:
        channels = tuple(replace(ch, promotion=promotion, brand=brand) for ch, (promotion, brand)
                         in zip(p.channels, draw.curves, strict=True))
        revenue, brand = outcome(replace(problem, problem=replace(p, channels=channels)), spend)
        values.append(float(p.promotion_weight * revenue.sum() + p.brand_value * brand.sum()))
    return np.array(values)


def run_robust(plan: Plan, problem: PlanProblem, risk: str, alpha: float = 0.1,
               tolerance: float = 1e-3, draws: tuple[Draw, ...] | None = None, *,
               should_stop: Callable[[], bool] | None = None,
               progress: Callable[[float], None] | None = None
               ) -> PriceOfRobustness | Infeasible:
    """Optimise the risk measure `risk` (mean, worst, cvar) of `problem` across the
    plan's curve draws (or `draws`, e.g. some of them held back), with the
    mean-optimal allocation beside it. `should_stop` and `progress` are passed to
    the solver (`solver.robust.price_of_robustness`): a window can cancel between
    solves and show the share done.

    :raises InvalidProblem: a risk measure the problem cannot take (e.g. min-cost).
    :raises SolverError: the solver gave up.
    """
    from solver.robust import price_of_robustness

    robust = RobustProblem(problem.problem, curve_draws(plan, problem) if draws is None else draws,
                           risk=risk, alpha=alpha,  # type: ignore[arg-type]
                           tolerance=tolerance)
    return price_of_robustness(robust, should_stop=should_stop, progress=progress)
