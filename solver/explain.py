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
    money = problem.money
    names = [ch.name for ch in problem.channels]
    minimums = sum(ch.min_total for ch in problem.channels)
    locked = sum(lock.amount for lock in problem.locks)
    budget = problem.budget
    if kind == "budget" and below:
        return (f"the budget {money(budget)} cannot all be spent: channel caps, caps per period "
                f"and availability leave {money(amount)} with nowhere to go")
    if kind == "budget":
        return (f"the budget {money(budget)} is short by {money(amount)}: channel minimums add "
                f"up to {money(minimums)} and locked spend to {money(locked)}")
    if kind == "channel_min":
        ch = problem.channels[int(index)]
        return (f"the minimum for {ch.name} ({money(ch.min_total)}) cannot be met "
                f"(short {money(amount)})")
    if kind == "channel_max":
        ch = problem.channels[int(index)]
        return f"the cap on {ch.name} ({money(ch.max_total)}) would be exceeded by {money(amount)}"
    if kind == "brand_share_min":
        low = problem.brand_share[0] if problem.brand_share else 0.0
        return (f"brand share ≥ {low:.0%} cannot be reached: brand-capable channels can take "
                f"at most {money(_channel_caps(problem, True))}")
    if kind == "brand_share_max":
        high = problem.brand_share[1] if problem.brand_share else 1.0
        return (f"brand share ≤ {high:.0%} cannot hold: promotion-capable channels can take "
                f"at most {money(_channel_caps(problem, False))}")
    if kind == "period_cap":
        return f"the cap in {problem.periods[int(index)]} is exceeded by {money(amount)}"
    if kind == "channel_period_cap":
        return f"the per-period cap on {names[int(index)]} is exceeded by {money(amount)}"
    if kind == "pacing":
        return f"the pacing limit on {names[int(index)]} is exceeded by {money(amount)}"
    if kind == "lock":
        c, _, t = index.partition(":")
        return (f"locked spend on {names[int(c)]} in {problem.periods[int(t)]} cannot be "
                f"honoured (the channel is unavailable or capped there)")
    if kind == "revenue_target":
        return (f"the revenue target {money(problem.revenue_target)} is out of reach by "
                f"{money(amount)} within the budget and caps")
    if kind == "brand_floor":
        return (f"brand response {money(problem.brand_floor)} is out of reach by {money(amount)} "
                "within the budget and caps")
    if kind == "roas":
        return f"a return on spend of {problem.min_roas:g} cannot be reached"
    return f"{group} is violated by {money(amount)}"


def explain(problem: AllocationProblem) -> Infeasible:
    """Name the conflicting constraint groups, largest violation first."""
    f = build(problem, lock_rows=True)
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
