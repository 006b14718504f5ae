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

import numpy as np

from solver import certificate, lp
from solver.errors import NoAllocation
from solver.explain import explain
from solver.formulation import Formulation, build
from solver.pieces import Breakpoints
from solver.problem import BRAND, PROMOTION, AllocationProblem
from solver.report import assemble
from solver.result import Allocation, Infeasible

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
    the same channels and periods (the frontier's warm start), and returning the
    refined breakpoints for the next one."""
    problem.validate()
    started = time.perf_counter()
    f = build(problem)
    bp = breakpoints if breakpoints is not None else Breakpoints.initial(f.terms)
    if current is not None:
        _place_on(f, bp, current)
    return _refine_loop(f, bp, problem, started, progress), bp


def _place_on(f: Formulation, bp: Breakpoints, current: np.ndarray) -> None:
    """Breakpoints at the current plan's spends and brand stocks: there the pieces
    equal the curves, so the LP already knows exactly what the plan earns."""
    values = np.zeros(f.n_vars)
    values[: f.n_x] = np.asarray(current, dtype=float).reshape(-1)
    n_t = len(f.problem.periods)
    for c, ch in enumerate(f.problem.channels):
        level = ch.carry
        for t in range(n_t):
            level = ch.adstock * level + values[f.x_index(c, t, BRAND)]
            values[f.a_index(c, t)] = level
    terms = f.terms
    bp.add(terms, np.arange(len(terms)), values[terms.var])


def _refine_loop(f: Formulation, bp: Breakpoints, problem: AllocationProblem,
                 started: float, progress: Progress | None) -> Allocation | Infeasible:
    integers = np.flatnonzero(f.integer)
    best_values: np.ndarray | None = None
    best_lower = -np.inf
    best_upper = np.inf
    best_duals = np.zeros(len(f.rows))
    rounds = 0
    gap = np.inf
    hint = None
    for rounds in range(1, problem.max_rounds + 1):
        remaining = problem.time_limit - (time.perf_counter() - started)
        if remaining <= 0:
            break
        solution = lp.solve(f, bp, time_limit=remaining, hint=hint)
        if solution.status == "infeasible":
            return explain(problem)
        duals = solution.duals
        if len(integers):
            fixed = {int(i): float(round(solution.values[i])) for i in integers}
            duals = lp.solve(f, bp, fixed=fixed, time_limit=remaining).duals
            hint = solution.values
        lower = f.true_objective(solution.values)
        bound = certificate.bound(f, duals, solution.values)
        best_upper = min(best_upper, bound.value)
        if lower > best_lower:
            best_lower, best_values, best_duals = lower, solution.values, duals
        gap = relative_gap(best_lower, best_upper)
        if gap <= problem.tolerance or (progress is not None and not progress(rounds, gap)):
            break
        if not _refine(f, bp, bound, solution.values, problem.tolerance * abs(best_upper)):
            break
    if best_values is None:
        raise NoAllocation("the time limit ran out before a first allocation was found")
    return assemble(f, best_values, best_duals, lower=best_lower, upper=best_upper,
                    rounds=rounds, seconds=time.perf_counter() - started)


def relative_gap(lower: float, upper: float) -> float:
    scale = max(abs(upper), abs(lower), 1e-9)
    return max(upper - lower, 0.0) / scale


def _refine(f: Formulation, bp: Breakpoints, bound: certificate.Bound,
            values: np.ndarray, total_tolerance: float) -> bool:
    """Add breakpoints at the solution and at the bound's best response for every
    term whose shortfall matters; report whether anything was added."""
    terms = f.terms
    threshold = 0.1 * total_tolerance / max(len(terms), 1)
    chosen = np.flatnonzero(bound.term_gap > threshold)
    x = values[terms.var[chosen]]
    best = bound.best_points[chosen]
    added = bp.add(terms, np.tile(chosen, 3), np.concatenate([x, best, 0.5 * (x + best)]))
    return added > 0


__all__ = ["BRAND", "PROMOTION", "allocate", "relative_gap"]
