"""allocate(): the exact week-by-week brand/promotion allocation, with its proof.

    max   Σ_{c,t} season[c,t]·f_c(x[c,t,promotion]) + value·Σ_{c,t} g_c(A[c,t])
    s.t.  A[c,t] = λ_c·A[c,t−1] + x[c,t,brand],   A[c,−1] = carry_c
          Σ x ≤ budget (or = budget); brand share within its range;
          channel min/max; caps per channel-period and per period; locks;
          availability; pacing; minimum buys (binary use[c,t]).

The curves become chord pieces (an LP on GLOP; a MIP on SCIP when minimum buys
or S-curves need switches). Each round, the LP's duals give an upper bound
through the exact curves (`certificate.py`); pieces are added where the bound
and the solution disagree, until the certified gap is within tolerance.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from solver import certificate, lp
from solver.errors import NoAllocation
from solver.explain import explain
from solver.formulation import Formulation, build
from solver.outer import tangent_bound
from solver.pieces import Breakpoints
from solver.problem import BRAND, PROMOTION, AllocationProblem
from solver.report import assemble, envelope_gap, relative_gap
from solver.result import Allocation, Infeasible

_DUST = 1e-6
_CLUSTER = (0.9, 0.97, 1.03, 1.1)
Progress = Callable[[int, float], bool]  # (round, gap) -> keep going?


def allocate(
    problem: AllocationProblem,
    *,
    current: np.ndarray | None = None,
    progress: Progress | None = None,
) -> Allocation | Infeasible:
    """Optimise `problem`; return an `Allocation`, or an `Infeasible` explanation.

    :param current: the plan's present spend [channel, period, goal]; pieces are
        placed on it so the result is never worse than it when it is feasible.
    :param progress: called after each round; returning False stops early (the
        best allocation so far is returned, with its honest gap).
    :raises InvalidProblem: malformed input.
    :raises NoAllocation: the solver gave up (time limit, numerical trouble).
    """
    return allocate_from(problem, current=current, progress=progress)[0]


def allocate_from(
    problem: AllocationProblem,
    breakpoints: Breakpoints | None = None,
    *,
    current: np.ndarray | None = None,
    progress: Progress | None = None,
) -> tuple[Allocation | Infeasible, Breakpoints]:
    """`allocate`, starting from the breakpoints of an earlier solve of a problem with
    the same channels and periods, and returning the refined breakpoints.

    S-curves are first optimised through their concave envelopes (an LP); when the
    answer leans on an envelope's straight part, the search goes on with the
    curves themselves (a MIP with a switch per S-curve term).
    """
    problem.validate()
    search = _Search(problem, time.perf_counter(), progress)
    f = build(problem)
    terms = f.terms
    bp = breakpoints if breakpoints is not None else Breakpoints.initial(terms)
    plan_values = _plan_values(f, current) if current is not None else None
    if plan_values is not None:
        bp.add(terms, np.arange(len(terms)), plan_values[terms.var])
    if search.rounds(f, bp) == "infeasible":
        return explain(problem), bp
    if search.values is not None and envelope_gap(f, search.values) > problem.tolerance \
            and not search.done:
        exact = Breakpoints.initial(terms, exact_s=True)
        exact.add(terms, np.arange(len(terms)), search.values[terms.var])
        search.rounds(f, exact)
    if plan_values is not None and _feasible(f, plan_values):
        search.offer(f.true_objective(plan_values), plan_values, np.zeros(len(f.rows)), None)
    if search.values is None:
        raise NoAllocation("the time limit ran out before a first allocation was found")
    result = assemble(f, search.values, search.duals, search.reduced, lower=search.lower,
                      upper=search.upper,
                      rounds=search.count, seconds=time.perf_counter() - search.started)
    return result, bp


def _plan_values(f: Formulation, current: np.ndarray) -> np.ndarray:
    """The formulation's variables for a given spend: brand stocks from adstock,
    minimum-buy switches on wherever the channel-period spends."""
    values = np.zeros(f.n_vars)
    values[: f.n_x] = np.asarray(current, dtype=float).reshape(-1)
    n_t = len(f.problem.periods)
    for c, ch in enumerate(f.problem.channels):
        if ch.brand is None:
            continue
        level = ch.carry
        for t in range(n_t):
            level = ch.adstock * level + values[f.x_index(c, t, BRAND)]
            values[f.a_index(c, t)] = level
    for brand_x, promo_x, use, _, _ in f.minimum_buys:
        values[use] = float(values[brand_x] + values[promo_x] > 0)
    return values


def _cleaned(f: Formulation, values: np.ndarray) -> np.ndarray:
    """The solver's spend without its tolerance dust (±1e-7 around zero from a MIP:
    "not used" is exactly zero and spend is never negative), with the brand
    stocks and switches that follow from it exactly."""
    spend = f.spend(values).copy()
    spend[spend < _DUST] = 0.0
    return _plan_values(f, spend)


def _feasible(f: Formulation, values: np.ndarray, tol: float = 1e-9) -> bool:
    scale = max(1.0, float(np.abs(values).max(initial=0.0)))
    if np.any(values < f.lo - tol * scale) or np.any(values > f.hi + tol * scale):
        return False
    for row in f.rows:
        activity = f.row_activity(values, row)
        slack = tol * max(1.0, abs(activity))
        if activity < row.lb - slack or activity > row.ub + slack:
            return False
    return True


@dataclass
class _Search:
    """The best allocation found so far and the best bound proved so far."""

    problem: AllocationProblem
    started: float
    progress: Progress | None
    values: np.ndarray | None = None
    duals: np.ndarray | None = None
    reduced: np.ndarray | None = None
    lower: float = -np.inf
    upper: float = np.inf
    count: int = 0
    done: bool = False

    def offer(self, lower: float, values: np.ndarray, duals: np.ndarray,
              reduced: np.ndarray | None) -> None:
        if lower > self.lower:
            self.lower, self.values, self.duals = lower, values, duals
            self.reduced = reduced

    def rounds(self, f: Formulation, bp: Breakpoints) -> str:
        """Solve, bound, refine until the gap is proved small enough; returns
        "infeasible" when the constraints cannot hold together."""
        problem = self.problem
        integers = np.flatnonzero(f.integer)
        hint = None
        for _ in range(problem.max_rounds):
            remaining = problem.time_limit - (time.perf_counter() - self.started)
            if remaining <= 0:
                break
            self.count += 1
            solution = lp.solve(f, bp, time_limit=remaining, hint=hint)
            if solution.status == "infeasible":
                return "infeasible"
            continuous = solution
            if len(integers) or solution.switches is not None:
                fixed = {int(i): float(round(solution.values[i])) for i in integers}
                continuous = lp.solve(f, bp, fixed=fixed, fixed_switches=solution.switches,
                                      time_limit=remaining)
                hint = solution.values
            duals = continuous.duals
            # The continuous re-solve around the MIP's switches is exact to GLOP's
            # precision, the MIP's own values only to its feasibility tolerance.
            values = _cleaned(f, continuous.values)
            lower = f.true_objective(values)
            bound = certificate.bound(f, duals, values)
            self.upper = min(self.upper, bound.value)
            outer_values = None
            mip = len(integers) or solution.switches is not None
            if mip and relative_gap(lower, self.upper) > problem.tolerance:
                outer, outer_values = tangent_bound(f, bp, remaining)
                self.upper = min(self.upper, outer)
            self.offer(lower, values, duals, continuous.reduced_costs)
            gap = relative_gap(self.lower, self.upper)
            if gap <= problem.tolerance:
                self.done = True
                break
            if self.progress is not None and not self.progress(self.count, gap):
                self.done = True
                break
            added = _refine(f, bp, bound, values, problem.tolerance * abs(self.upper))
            if outer_values is not None:
                terms = f.terms
                added |= bp.add(terms, np.arange(len(terms)), outer_values[terms.var]) > 0
            if not added:
                break
        return "solved"


def _refine(f: Formulation, bp: Breakpoints, bound: certificate.Bound,
            values: np.ndarray, total_tolerance: float) -> bool:
    """Add breakpoints at the solution and at the bound's best response for every
    term whose shortfall matters; report whether anything was added."""
    terms = f.terms
    threshold = 0.1 * total_tolerance / max(len(terms), 1)
    chosen = np.flatnonzero(bound.term_gap > threshold)
    x = values[terms.var[chosen]]
    best = bound.best_points[chosen]
    # The answer moves little between rounds: a tight cluster around the solution
    # and the bound's best response closes most of the gap in one more round.
    near = np.concatenate([x * r for r in _CLUSTER] + [best * r for r in _CLUSTER])
    points = np.concatenate([x, best, 0.5 * (x + best), near])
    added = bp.add(terms, np.tile(chosen, 3 + 2 * len(_CLUSTER)), points)
    return added > 0


__all__ = ["BRAND", "PROMOTION", "allocate", "relative_gap"]
