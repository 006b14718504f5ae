"""Why an allocation is impossible, in the planner's words.

An elastic copy of the model lets every planner-facing constraint give way at a
cost proportional to its relative violation and minimises the total; the
groups that had to give are the ones in conflict. Each is then described with
the numbers a planner can act on (the minimums add up to more than the budget,
brand share cannot be reached with the brand-capable channels' caps, …).
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from solver import lp
from solver.formulation import build
from solver.pieces import Breakpoints
from solver.problem import AllocationProblem
from solver.result import Conflict, Infeasible


def _channel_caps(problem: AllocationProblem, brand: bool) -> float:
    total = 0.0
    for ch in problem.channels:
        if (ch.brand if brand else ch.promotion) is None:
            continue
        total += ch.max_total if ch.max_total is not None else problem.budget
    return total


def _describe(problem: AllocationProblem, group: str, amount: float, below: bool) -> str:
    """One sentence per conflicting group; `below` says the row fell short of its
    lower bound (rather than rising above its upper bound)."""
    kind, _, index = group.partition(":")
    names = [ch.name for ch in problem.channels]
    minimums = sum(ch.min_total for ch in problem.channels)
    locked = sum(lock.amount for lock in problem.locks)
    budget = problem.budget
    if kind == "budget" and below:
        return (f"the budget {budget:,.2f} cannot all be spent: channel caps, caps per period "
                f"and availability leave {amount:,.2f} with nowhere to go")
    if kind == "budget":
        return (f"the budget {budget:,.2f} is short by {amount:,.2f}: channel minimums add "
                f"up to {minimums:,.2f} and locked spend to {locked:,.2f}")
    if kind == "channel_min":
        ch = problem.channels[int(index)]
        return (f"the minimum for {ch.name} ({ch.min_total:,.2f}) cannot be met "
                f"(short {amount:,.2f})")
    if kind == "channel_max":
        ch = problem.channels[int(index)]
        return f"the cap on {ch.name} ({ch.max_total:,.2f}) would be exceeded by {amount:,.2f}"
    if kind == "brand_share_min":
        low = problem.brand_share[0] if problem.brand_share else 0.0
        return (f"brand share ≥ {low:.0%} cannot be reached: brand-capable channels can take "
                f"at most {_channel_caps(problem, True):,.2f}")
    if kind == "brand_share_max":
        high = problem.brand_share[1] if problem.brand_share else 1.0
        return (f"brand share ≤ {high:.0%} cannot hold: promotion-capable channels can take "
                f"at most {_channel_caps(problem, False):,.2f}")
    if kind == "period_cap":
        return f"the cap in {problem.periods[int(index)]} is exceeded by {amount:,.2f}"
    if kind == "channel_period_cap":
        return f"the per-period cap on {names[int(index)]} is exceeded by {amount:,.2f}"
    if kind == "pacing":
        return f"the pacing limit on {names[int(index)]} is exceeded by {amount:,.2f}"
    if kind == "lock":
        c, _, t = index.partition(":")
        return (f"locked spend on {names[int(c)]} in {problem.periods[int(t)]} cannot be "
                f"honoured (the channel is unavailable or capped there)")
    if kind == "revenue_target":
        return (f"the revenue target {problem.revenue_target:,.2f} is out of reach by "
                f"{amount:,.2f} within the budget and caps")
    if kind == "brand_floor":
        return (f"brand response {problem.brand_floor:,.2f} is out of reach by {amount:,.2f} "
                "within the budget and caps")
    if kind == "roas":
        return f"a return on spend of {problem.min_roas:g} cannot be reached"
    return f"{group} is violated by {amount:,.2f}"


def explain(problem: AllocationProblem) -> Infeasible:
    """Name the conflicting constraint groups, largest violation first."""
    f = build(problem)
    bp = Breakpoints.initial(f.terms)
    solution = lp.solve(f, bp, elastic=True, time_limit=problem.time_limit)
    by_group: dict[tuple[str, bool], float] = defaultdict(float)
    if solution.violations is not None and solution.excesses is not None:
        for row, under, over in zip(f.rows, solution.violations, solution.excesses,
                                    strict=True):
            size = max(1.0, row.scale or 0.0, *(abs(b) for b in (row.lb, row.ub)
                                                if np.isfinite(b)))
            for amount, below in ((under, True), (over, False)):
                if amount > 1e-7 * size:
                    by_group[row.group, below] += float(amount)
    if not by_group:
        return Infeasible((Conflict("structure", 0.0, "the constraints cannot hold together, "
                                    "but no single planner rule can be blamed"),))
    ordered = sorted(by_group.items(), key=lambda kv: -kv[1])
    return Infeasible(tuple(Conflict(group, amount, _describe(problem, group, amount, below))
                            for (group, below), amount in ordered))
