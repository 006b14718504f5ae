"""An independent answer for the robust allocation: the same problem in cvxpy.

The rules come from `conftest.cvxpy_model`; each draw's value is written again over
the same spend variables (brand stock rebuilt from the adstock recursion), and the
risk measure is stated directly: the mean, the minimum (an epigraph t ≤ value_d) or
Rockafellar–Uryasev's CVaR. Nothing here imports `solver.robust`.
"""

from __future__ import annotations

import math

import numpy as np

from solver.problem import AllocationProblem
from tests.solver.conftest import (
    Reference,
    clarabel_reference,
    cvx_curve,
    cvxpy_model,
    season_of,
    true_objective,
)


def draw_problem(problem: AllocationProblem, curves) -> AllocationProblem:
    """`problem` with one draw's (promotion, brand) curves per channel."""
    import dataclasses

    return dataclasses.replace(problem, channels=tuple(
        dataclasses.replace(ch, promotion=p, brand=b)
        for ch, (p, b) in zip(problem.channels, curves, strict=True)))


def outcomes(problem: AllocationProblem, draws, spend: np.ndarray) -> np.ndarray:
    """The plain objective of `spend` through each draw's curves."""
    return np.array([true_objective(draw_problem(problem, d.curves), spend) for d in draws])


def measure(values: np.ndarray, risk: str, alpha: float) -> float:
    """The risk measure by its definition: CVaR as the mean of the worst αN outcomes,
    the last one counted by its fraction."""
    values = np.sort(np.asarray(values, dtype=float))
    if risk == "mean":
        return float(values.mean())
    if risk == "worst":
        return float(values[0])
    share = alpha * len(values)
    whole = math.floor(share + 1e-12)
    total = values[:whole].sum() + (share - whole) * (values[whole] if whole < len(values)
                                                      else 0.0)
    return float(total / share)


def robust_reference(problem: AllocationProblem, draws, risk: str, alpha: float) -> Reference:
    import cvxpy as cp

    (xb, xp), cons, _, _ = cvxpy_model(problem)
    values = []
    for draw in draws:
        value = 0
        for c, (ch, (promotion, brand)) in enumerate(zip(problem.channels, draw.curves,
                                                         strict=True)):
            if promotion is not None:
                value = value + problem.promotion_weight * (
                    season_of(problem, c) @ cvx_curve(promotion, xp[c, :]))
            if brand is not None:
                level, stock = ch.carry, []
                for t in range(len(problem.periods)):
                    level = ch.adstock * level + xb[c, t]
                    stock.append(level)
                value = value + problem.brand_value * cp.sum(cvx_curve(brand, cp.hstack(stock)))
        values.append(value)
    n = len(values)
    if risk == "mean":
        objective = sum(values) / n
    else:
        t = cp.Variable()
        level = 1.0 / n if risk == "worst" else alpha
        u = cp.Variable(n, nonneg=True)
        cons += [u[d] >= t - values[d] for d in range(n)]
        objective = t - cp.sum(u) / (level * n)
    return clarabel_reference(cp.Problem(cp.Maximize(objective), cons), xb, xp)
