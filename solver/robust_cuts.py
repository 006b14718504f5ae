"""The risk measure across draws by lazy tangent cuts (Kelley), for the cases
column generation cannot certify: minimum buys (a MIP) and S-curves, where the
draws' values are not concave and a mix of allocations proves nothing.

Each round solves the outer model (`cut_model`) and adds tangents only at its last
answer, only for the draws that can set the measure (true value below the model's
t) and only for the terms whose epigraph variable over-states the curve by more
than a share of the tolerance. Draws join the tail model lazily, a few per round,
lowest true value first: a draw without its coupling row cannot lower the measure,
so the model stays a relaxation, and most draws never set the measure. Any
answer's spend obeys every rule, so its risk measure through the exact curves is a
lower bound; the model's optimum is the upper bound.
"""

from __future__ import annotations

import time

import numpy as np

from solver.allocation import ShouldStop, Stopped, cleaned
from solver.cut_model import CutModel
from solver.draws import DrawTerms
from solver.errors import NoAllocation
from solver.explain import explain
from solver.formulation import Formulation
from solver.report import relative_gap
from solver.result import Infeasible
from solver.robust_problem import RobustAllocation, RobustProblem, risk_measure

_NEAR_ZERO = 1e-6        # tangents at 0 are taken a hair above it (Hill s < 1 is vertical)
_SHARE = 0.1             # cuts matter above this share of the tolerance, spread over terms
_START = (0.5, 1.0, 2.0)  # first tangents of the mean model, × a typical level


def by_cuts(problem: RobustProblem, f: Formulation, dt: DrawTerms,
            start: np.ndarray | None, should_stop: ShouldStop | None, started: float,
            ) -> RobustAllocation | Infeasible:
    """Maximise `problem`'s risk measure by cutting planes; `start` (formulation
    values obeying every rule) places every draw's first tangents."""
    tail = problem.risk != "mean"
    model = CutModel(f, dt, tail, problem.level)
    _first_cuts(model, start)
    terms = f.terms
    live = np.flatnonzero((terms.weight > 0) & (terms.upper > 0))
    best_values, lower, upper, rounds = None, -np.inf, np.inf, 0
    if start is not None:  # an earlier answer obeys every rule: a first lower bound
        best_values = start
        lower = risk_measure(dt.outcomes(start), problem.risk, problem.alpha)
    while rounds < problem.max_rounds:
        remaining = problem.time_limit - (time.perf_counter() - started)
        if remaining <= 0:
            break
        if should_stop is not None and should_stop():
            raise Stopped(f"stopped by the caller after {rounds} round(s)")
        rounds += 1
        try:
            status, solution, bound = model.solve(remaining)
        except NoAllocation:
            if best_values is None:
                raise
            break  # out of time inside a solve: the best answer so far, honest gap
        if status == "infeasible":
            if best_values is None:
                return explain(problem.base)
            break
        upper = min(upper, bound)
        values = solution[: f.n_vars]
        clean = cleaned(f, values)
        found = risk_measure(dt.outcomes(clean), problem.risk, problem.alpha)
        if found > lower:
            best_values, lower = clean, found
        if relative_gap(lower, upper, f.scale) <= problem.tolerance:
            break
        if not _cut(model, solution, live, problem.tolerance * max(abs(upper), 1e-9)):
            break
    if best_values is None:
        raise NoAllocation("the time limit ran out before a first allocation was found")
    outcomes = dt.outcomes(best_values)
    return RobustAllocation(problem.risk, problem.alpha, f.spend(best_values).copy(), lower,
                            upper, relative_gap(lower, upper, f.scale), outcomes, rounds,
                            model.cuts, time.perf_counter() - started)


def _near_zero(dt: DrawTerms, term: np.ndarray, draw: np.ndarray | None) -> np.ndarray:
    k = dt.k.reshape(dt.n_draws, dt.n)
    scale = k[:, term].min(axis=0) if draw is None else k[draw, term]
    return np.minimum(_NEAR_ZERO * scale, dt.f.terms.upper[term])


def _first_cuts(model: CutModel, start: np.ndarray | None) -> None:
    """Mean model: tangents near 0, around an even spread of the budget and at the
    upper bound. Tail model: every draw's tangent at `start` (else at the even
    spread) and near 0."""
    dt, terms = model.dt, model.f.terms
    live = np.flatnonzero((terms.weight > 0) & (terms.upper > 0))
    if not model.tail:
        points = [_near_zero(dt, live, None), terms.upper[live]]
        points += [np.minimum(r * terms.typical[live], terms.upper[live]) for r in _START]
        for b in points:
            model.add_cuts(live, None, b)
        return
    values = start if start is not None else _even(model.f)
    outcomes = dt.outcomes(values)
    count = min(dt.n_draws, max(3, int(np.ceil(2 * model.level * dt.n_draws))))
    draws = np.sort(np.argsort(outcomes, kind="stable")[:count])
    model.activate(draws)
    at = values[terms.var[live]]
    term = np.tile(live, len(draws))
    draw = np.repeat(draws, len(live))
    model.add_cuts(term, draw, np.clip(np.tile(at, len(draws)), _near_zero(dt, term, draw),
                                       terms.upper[term]))


def _even(f: Formulation) -> np.ndarray:
    """Formulation values at the typical levels (an even spread of the budget)."""
    values = np.zeros(f.n_vars)
    values[f.terms.var] = f.terms.typical
    return values


def _cut(model: CutModel, solution: np.ndarray, live: np.ndarray, tolerance: float) -> bool:
    """Tangents at the model's answer where its epigraph variables over-state the
    curves by more than a share of the tolerance; in the tail model only for draws
    whose true value falls below the model's t (the others cannot set the
    measure). Returns whether any cut was added."""
    dt, f = model.dt, model.f
    terms = f.terms
    v = solution[: f.n_vars]
    true = dt.responses(v)
    weight = terms.weight
    if not model.tail:
        over = weight * (solution[model.r] - true.mean(axis=0))
        chosen = live[over[live] > _SHARE * tolerance / max(len(live), 1)]
        if not len(chosen):
            chosen = live[over[live] > 0]
        b = np.clip(v[terms.var[chosen]], _near_zero(dt, chosen, None), terms.upper[chosen])
        return model.add_cuts(chosen, None, b) > 0 if len(chosen) else False
    r = solution[model.r].reshape(dt.n_draws, dt.n)
    over = weight * (r - true)
    outcomes = float(f.objective @ v) + true @ weight
    in_play = outcomes <= solution[model.t] + 1e-12 * max(abs(solution[model.t]), 1.0)
    threshold = _SHARE * tolerance * model.level / max(len(live), 1)
    mask = np.zeros_like(over, dtype=bool)
    mask[:, live] = over[:, live] > threshold
    mask &= in_play[:, None]
    if not mask.any():
        mask[:, live] = over[:, live] > 0
        mask &= in_play[:, None]
    # Draws join a few at a time, lowest true value first: most never set the measure.
    waiting = np.flatnonzero(in_play & ~model.active)
    batch = max(2, int(np.ceil(model.level * dt.n_draws)))
    joining = waiting[np.argsort(outcomes[waiting], kind="stable")[:batch]]
    mask[~model.active] = False
    mask[np.ix_(joining, live)] = True  # a draw joining the model gets every tangent
    model.activate(joining)
    draw, term = np.nonzero(mask)
    if not len(term):
        return False
    b = np.clip(v[terms.var[term]], _near_zero(dt, term, draw), terms.upper[term])
    return model.add_cuts(term, draw, b) > 0
