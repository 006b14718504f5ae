"""The risk measure across draws by column generation over its envelope.

CVaR at level α (the worst case is α = 1/N, the mean α = 1) is the least weighted
mean over the envelope Q = {q : 0 ≤ q_d ≤ 1/(αN), Σ q = 1}:

    CVaR_α(R(x)) = min_{q ∈ Q} Σ_d q_d·R_d(x),

so, each R_d being concave and the rules linear (no minimum buys, no S-curves),

    max_x CVaR_α(R(x)) = min_{q ∈ Q} V(q),   V(q) = max_x Σ_d q_d·R_d(x)

(a minimax theorem). Hence:

- **Upper bound.** The proved bound on V(q) of *any* q in Q (`robust_pricing`)
  bounds the robust optimum.
- **Lower bound.** Allocations x_k from pricing obey every rule, and so does any mix
  Σ λ_k·x_k; by concavity its outcome in each draw is at least the mix of theirs,
  so its exact risk measure is at least the master's value (`robust_master`).
- **Next q.** The master's duals say where the known allocations are weakest, and
  are priced next. When they stop lowering the bound, the weights priced are pulled
  towards the q with the best bound so far (Wentges smoothing, more the longer
  they miss), which stops the duals from jumping between corners of Q.

The certified gap is the distance between the best bound and the best exact risk
measure found.
"""

from __future__ import annotations

import time

import numpy as np

from solver.allocation import ShouldStop, cleaned
from solver.draws import DrawTerms
from solver.errors import NoAllocation
from solver.explain import explain
from solver.formulation import Formulation
from solver.report import relative_gap
from solver.result import Infeasible
from solver.robust_master import Mix, best_mix
from solver.robust_pricing import Pricing
from solver.robust_problem import RobustAllocation, RobustProblem, risk_measure

_SMOOTHING = (0.0, 0.25, 0.75)  # share of the best-bound weights in those priced next
_PRICING = 0.5    # pricing stops within this share of the tolerance of its bound
_STALL = 10       # rounds in a row that close less than a tenth of the tolerance


def by_columns(problem: RobustProblem, f: Formulation, dt: DrawTerms,
               start: np.ndarray | None, should_stop: ShouldStop | None, started: float,
               ) -> RobustAllocation | Infeasible:
    """Maximise `problem`'s risk measure (concave draws, no integers) by column
    generation; `start` (formulation values obeying every rule) is the first column."""
    n = dt.n_draws
    pricing = Pricing(f, dt, start)
    found = _Columns(problem, f, dt)
    center, center_bound = np.full(n, 1.0 / n), np.inf
    q = center
    if start is not None:
        q = found.add(start).q
    rounds = stalled = misses = 0
    while rounds < problem.max_rounds and stalled < _STALL:
        remaining = problem.time_limit - (time.perf_counter() - started)
        if remaining <= 0:
            break
        rounds += 1
        try:
            priced = pricing.price(q, _PRICING * problem.tolerance, remaining, should_stop)
        except NoAllocation:
            if found.values is None:
                raise
            break  # out of time inside a solve: the best answer so far, honest gap
        if priced is None:
            return explain(problem.base)
        before = found.gap
        found.upper = min(found.upper, priced.bound)
        # The master's weights alone, while they keep lowering the bound; pulled
        # towards the best weights so far once they stop doing so.
        improved = priced.bound < center_bound
        if improved:
            center, center_bound = q, priced.bound
        misses = 0 if improved else min(misses + 1, len(_SMOOTHING) - 1)
        mix = found.add(priced.values, priced.outcomes)
        if found.gap <= problem.tolerance:
            break
        stalled = 0 if before - found.gap >= 0.1 * problem.tolerance else stalled + 1
        q = _SMOOTHING[misses] * center + (1 - _SMOOTHING[misses]) * mix.q
    if found.values is None:
        raise NoAllocation("the time limit ran out before a first allocation was found")
    return RobustAllocation(problem.risk, problem.alpha, f.spend(found.values).copy(),
                            found.lower, found.upper, found.gap, dt.outcomes(found.values),
                            rounds, 0, time.perf_counter() - started,
                            columns=len(found.columns))


class _Columns:
    """The allocations known so far with their outcomes, the best exact risk measure
    among them and their mixes, and the best bound."""

    def __init__(self, problem: RobustProblem, f: Formulation, dt: DrawTerms) -> None:
        self.problem, self.f, self.dt = problem, f, dt
        self.columns: list[np.ndarray] = []
        self.outcomes: list[np.ndarray] = []
        self.values: np.ndarray | None = None
        self.lower, self.upper = -np.inf, np.inf

    @property
    def gap(self) -> float:
        if not (np.isfinite(self.lower) and np.isfinite(self.upper)):
            return np.inf
        return relative_gap(self.lower, self.upper, self.f.scale)

    def add(self, values: np.ndarray, outcomes: np.ndarray | None = None) -> Mix:
        """Take a column, solve the master, and take the master's mix as a column too
        (by concavity at least as good in every draw as the mix of outcomes)."""
        self._take(values, outcomes)
        mix = best_mix(np.array(self.outcomes), self.problem.level)
        used = np.flatnonzero(mix.weights > 1e-12)
        if len(used) > 1:
            self._take(cleaned(self.f, mix.weights[used] @ np.array([self.columns[k]
                                                                     for k in used])))
        return mix

    def _take(self, values: np.ndarray, outcomes: np.ndarray | None = None) -> None:
        outcomes = self.dt.outcomes(values) if outcomes is None else outcomes
        self.columns.append(values)
        self.outcomes.append(outcomes)
        measure = risk_measure(outcomes, self.problem.risk, self.problem.alpha)
        if measure > self.lower:
            self.values, self.lower = values, measure
