"""A robust run as a scenario, stored, shown, compared and applied like any other.

A scenario's figures (value, revenue, brand response per channel) are read through
the curves in use, the fitted point curves, so a robust scenario compares like for
like with a plain one and applies through the same
:func:`planner.services.scenario_apply.apply_scenario`. Its proof is of something else:
the risk measure across the curve draws. So the stored ``gap`` and
``upper_bound_minor`` (which certify the value) are unknown, and a ``risk`` entry
in the result holds what was certified (:func:`certificate`).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from planner.domain.changes import Done
from planner.services.optimise import PlanProblem, marginal_returns, outcome
from planner.services.scenarios import save_scenario
from planner.storage.plan_file import Plan
from solver.problem import BRAND, PROMOTION
from solver.result import Allocation, ChannelResult, Infeasible
from solver.robust_problem import PriceOfRobustness, RobustAllocation

_MONEY_KEYS = ("mean", "p5", "worst", "objective")
LABELS = ("chosen", "mean_optimal")


def _finite(value: float) -> float | None:
    return float(value) if np.isfinite(value) else None


def as_allocation(problem: PlanProblem, run: RobustAllocation) -> Allocation:
    """The robust spend in the plain optimiser's terms, scored through the curves
    in use. Upper bound and gap are unknown (infinite): they would certify this
    value, which was not what was optimised."""
    p, spend = problem.problem, run.spend
    revenue, brand = outcome(problem, spend)
    marginal = marginal_returns(problem, spend)
    channels = []
    for c, ch in enumerate(p.channels):
        total, value = float(spend[c].sum()), revenue[c] + p.brand_value * brand[c]
        channels.append(ChannelResult(
            ch.name, total, float(spend[c, :, BRAND].sum()), float(spend[c, :, PROMOTION].sum()),
            float(revenue[c]), float(brand[c]), value / total if total > 0 else None,
            float(marginal[c])))
    return Allocation(
        spend=spend, objective=float(revenue.sum() + p.brand_value * brand.sum()),
        promotion_revenue=float(revenue.sum()), brand_response=float(brand.sum()),
        upper_bound=np.inf, gap=np.inf, channels=tuple(channels), binding=(),
        budget_shadow_price=np.nan, status="optimal", solve_seconds=run.seconds,
        rounds=run.rounds, mip=False, unspent=max(p.budget - float(spend.sum()), 0.0))


def certificate(problem: PlanProblem, found: PriceOfRobustness) -> dict[str, Any]:
    """The robust run as plain JSON, money in minor units: the measure (``risk``:
    mean, worst or cvar; ``alpha``), the number of draws, the measure of the chosen
    allocation with its proved bound and certified gap, the solver's rounds, cuts
    and seconds, and the price of robustness: mean, 5th percentile and worst across
    the draws of the chosen allocation and of the mean-optimal one, with each
    draw's outcome (``outcomes_minor``)."""
    chosen, money = found.chosen, problem.to_minor
    return {
        "risk": chosen.risk, "alpha": chosen.alpha, "draws": len(chosen.outcomes),
        "objective_minor": money(chosen.objective),
        "bound_minor": money(chosen.bound) if np.isfinite(chosen.bound) else None,
        "gap": _finite(chosen.gap), "rounds": chosen.rounds, "cuts": chosen.cuts,
        "seconds": chosen.seconds,
        "price_of_robustness": [
            {key: (money(value) if key in _MONEY_KEYS else value) for key, value in row.items()}
            for row in found.rows],
        "outcomes_minor": {label: [money(v) for v in run.outcomes]
                           for label, run in zip(LABELS, (chosen, found.mean_optimal),
                                                 strict=True)}}


def save_robust_scenario(plan: Plan, name: str, problem: PlanProblem,
                         found: PriceOfRobustness | Infeasible) -> Done:
    """Store a robust run as a scenario (one undoable action; an impossible one
    with its explanation, like a plain run); `Done.created_id` is its id."""
    if isinstance(found, Infeasible):
        return save_scenario(plan, name, problem, found)
    return save_scenario(plan, name, problem, as_allocation(problem, found.chosen),
                         extra={"risk": certificate(problem, found)})
