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
from solver.errors import NoAllocation, SolverError
from solver.explain import explain
from solver.formulation import Formulation, build
from solver.outer import tangent_bound
from solver.piece_model import PieceModel
from solver.pieces import Breakpoints, flat_points
from solver.problem import BRAND, PROMOTION, AllocationProblem
from solver.report import assemble, relative_gap
from solver.result import Allocation, Infeasible

_DUST = 1e-6
_CLUSTER = (0.9, 0.97, 1.03, 1.1)
Progress = Callable[[int, float], bool]  # (round, gap) -> keep going?
ShouldStop = Callable[[], bool]  # asked before every solve: has the caller given up?


class Stopped(SolverError):
    """The caller's `should_stop` said so: the run was abandoned, with no answer. Unlike
    `progress` returning False, nothing is returned: a cancelled run may have no
    allocation yet, and a half-refined one is not what the caller asked for."""


def allocate(
    problem: AllocationProblem,
    *,
    current: np.ndarray | None = None,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
) -> Allocation | Infeasible:
    """Optimise `problem`; return an `Allocation`, or an `Infeasible` explanation.

    :param current: the plan's present spend [channel, period, goal]; pieces are
        placed on it so the result is never worse than it when it is feasible.
    :param progress: called after each round; returning False stops early (the
        best allocation so far is returned, with its honest gap).
    :param should_stop: asked before each LP/MIP solve (and so between rounds, about
        every solve's time at worst); True abandons the run.
    :raises InvalidProblem: malformed input.
    :raises Stopped: `should_stop` returned True.
    :raises NoAllocation: the solver gave up (time limit, numerical trouble).
    """
    return allocate_from(problem, current=current, progress=progress,
                         should_stop=should_stop)[0]


def allocate_from(
    problem: AllocationProblem,
    breakpoints: Breakpoints | None = None,
    *,
    current: np.ndarray | None = None,
    progress: Progress | None = None,
    should_stop: ShouldStop | None = None,
) -> tuple[Allocation | Infeasible, Breakpoints]:
    """`allocate`, starting from the breakpoints of an earlier solve of a problem with
    the same channels and periods, and returning the refined breakpoints.

    S-curves are first optimised through their concave envelopes (an LP); when the
    answer leans on an envelope's straight part, the search goes on with the
    curves themselves (a MIP with a switch per S-curve term).
    """
    problem.validate()
    search = _Search(problem, time.perf_counter(), progress, should_stop)
    f = build(problem)
    terms = f.terms
    bp = breakpoints if breakpoints is not None else _initial(f)
    given = plan_values(f, current) if current is not None else None
    if given is not None:
        bp.add(terms, np.arange(len(terms)), given[terms.var])
    if search.rounds(f, bp) == "infeasible":
        return explain(problem), bp
    s_curves = bool(np.any((terms.tau > 0) & (terms.upper > 0)))
    exact_phase = False
    if search.values is not None and s_curves and not search.done:
        # The envelope's bound cannot go below the envelope's optimum, which can lie
        # above the true one wherever an S-curve is involved, whether or not the
        # answer sits on an envelope's straight part: the curves themselves decide.
        exact_phase = True
        exact = _initial(f, exact_s=True)
        exact.add(terms, np.arange(len(terms)), search.values[terms.var])
        search.rounds(f, exact)
    if given is not None and feasible(f, given):
        search.offer(f.true_objective(given), given, np.zeros(len(f.rows)), None)
    if search.values is None:
        raise NoAllocation("the time limit ran out before a first allocation was found")
    # The envelope over-promised only if the result rests on it: not when the curves
    # themselves were optimised, nor when the certificate (always against the true
    # curves) closed anyway.
    on_envelope = not exact_phase and \
        relative_gap(search.lower, search.upper, f.scale) > problem.tolerance
    result = assemble(f, search.values, search.duals, search.reduced, lower=search.lower,
                      upper=search.upper, on_envelope=on_envelope,
                      rounds=search.count, seconds=time.perf_counter() - search.started)
    return result, bp


def _initial(f: Formulation, exact_s: bool = False) -> Breakpoints:
    """First breakpoints; with "up to" budgets also where each curve goes flat in
    double precision, so no coarse chord carries money into a part that earns
    nothing more."""
    bp = Breakpoints.initial(f.terms, exact_s=exact_s)
    if not f.problem.spend_all:
        bp.add(f.terms, np.arange(len(f.terms)), flat_points(f.terms.params, f.terms.upper))
    return bp


def plan_values(f: Formulation, current: np.ndarray) -> np.ndarray:
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


def cleaned(f: Formulation, values: np.ndarray) -> np.ndarray:
    """The solver's spend without its tolerance dust (±1e-7 around zero from a MIP:
    "not used" is exactly zero and spend is never negative), with the brand
    stocks and switches that follow from it exactly."""
    spend = f.spend(values).copy()
    spend[spend < _DUST] = 0.0
    return plan_values(f, spend)


def feasible(f: Formulation, values: np.ndarray, tol: float = 1e-9) -> bool:
    """Whether `values` keep every bound and row, to `tol` relative: a candidate
    from a relaxation is offered as an answer only then."""
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
    should_stop: ShouldStop | None = None
    values: np.ndarray | None = None
    duals: np.ndarray | None = None
    reduced: np.ndarray | None = None
    lower: float = -np.inf
    upper: float = np.inf
    count: int = 0
    done: bool = False
    # Points inside S-curves' convex parts (term, spend) where the outer bound cuts.
    convex: tuple[np.ndarray, np.ndarray] = (np.zeros(0, dtype=int), np.zeros(0))

    def offer(self, lower: float, values: np.ndarray, duals: np.ndarray,
              reduced: np.ndarray | None) -> None:
        if lower > self.lower:
            self.lower, self.values, self.duals = lower, values, duals
            self.reduced = reduced

    def _cut_convex_parts(self, term: np.ndarray, x: np.ndarray) -> bool:
        """Remember new points inside S-curves' convex parts; report whether any was new."""
        known = set(zip(self.convex[0].tolist(), self.convex[1].tolist(), strict=True))
        fresh = [(t, v) for t, v in zip(term.tolist(), x.tolist(), strict=True)
                 if (t, v) not in known]
        if fresh:
            new_term, new_x = zip(*fresh, strict=True)
            self.convex = (np.concatenate([self.convex[0], np.array(new_term, dtype=int)]),
                           np.concatenate([self.convex[1], np.array(new_x, dtype=float)]))
        return bool(fresh)

    def _check_stop(self) -> None:
        if self.should_stop is not None and self.should_stop():
            raise Stopped(f"stopped by the caller after {self.count} round(s)")

    def rounds(self, f: Formulation, bp: Breakpoints) -> str:
        """Solve, bound, refine until the gap is proved small enough; returns
        "infeasible" when the constraints cannot hold together."""
        problem = self.problem
        integers = np.flatnonzero(f.integer)
        hint = None
        # The plain LP stays alive in GLOP between rounds (warm starts, updates only).
        pieces = PieceModel(f) if PieceModel.suits(f) and not bp.exact_s else None
        for _ in range(problem.max_rounds):
            remaining = problem.time_limit - (time.perf_counter() - self.started)
            if remaining <= 0:
                break
            self._check_stop()
            self.count += 1
            solution = pieces.solve(bp, remaining) if pieces is not None else \
                lp.solve(f, bp, time_limit=remaining, hint=hint)
            if solution.status == "infeasible" and self.values is not None:
                # Only the pieces changed since an earlier round found allocations, so
                # the constraints do hold together: GLOP lost its way (it can, on
                # coefficients at rounding-error size). Ask HiGHS; if it agrees, keep
                # the best allocation so far rather than call the plan impossible.
                if not (len(integers) or bp.exact_s):
                    solution = lp.solve(f, bp, time_limit=remaining, solver=lp.HIGHS)
                if solution.status == "infeasible":
                    break
            if solution.status == "infeasible":
                return "infeasible"
            continuous = solution
            if len(integers) or solution.switches is not None:
                self._check_stop()
                fixed = {int(i): float(round(solution.values[i])) for i in integers}
                continuous = lp.solve(f, bp, fixed=fixed, fixed_switches=solution.switches,
                                      time_limit=remaining)
                hint = solution.values
            duals = continuous.duals
            # The continuous re-solve around the MIP's switches is exact to GLOP's
            # precision, the MIP's own values only to its feasibility tolerance.
            values = cleaned(f, continuous.values)
            lower = f.true_objective(values)
            bound = certificate.bound(f, duals, values)
            self.upper = min(self.upper, bound.value)
            outer_values = None
            mip = len(integers) or solution.switches is not None
            if mip and relative_gap(lower, self.upper, f.scale) > problem.tolerance:
                self._check_stop()
                outer, outer_values = tangent_bound(f, bp, remaining, self.convex)
                self.upper = min(self.upper, outer)
            self.offer(lower, values, duals, continuous.reduced_costs)
            if outer_values is not None:
                # The relaxation's spend obeys every planner rule, and it may sit
                # inside an S-curve's convex part, which the switched LP never
                # visits: the true optimum can leave one S-curve there.
                candidate = cleaned(f, outer_values)
                if feasible(f, candidate, tol=1e-8):
                    self.offer(f.true_objective(candidate), candidate, duals, None)
            gap = relative_gap(self.lower, self.upper, f.scale)
            if gap <= problem.tolerance:
                self.done = True
                break
            if self.progress is not None and not self.progress(self.count, gap):
                self.done = True
                break
            added = refine(f, bp, bound, values, problem.tolerance * abs(self.upper))
            if outer_values is not None:
                terms = f.terms
                at = outer_values[terms.var]
                added |= bp.add(terms, np.arange(len(terms)), at) > 0
                inside = np.flatnonzero((at > 0) & (at < terms.inflection * (1 - 1e-9)))
                added |= self._cut_convex_parts(inside, at[inside])
            if not added:
                break
        return "solved"


def refine(f: Formulation, bp: Breakpoints, bound: certificate.Bound,
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


__all__ = ["BRAND", "PROMOTION", "ShouldStop", "Stopped", "allocate", "allocate_from", "cleaned",
           "feasible", "plan_values", "refine", "relative_gap"]
