"""Allocation across curve draws: expected value, worst case or CVaR, with a proof.

    max   ρ(value_1(x), …, value_N(x))        ρ = mean, min or CVaR_α
    s.t.  every rule of the plain problem (`solver.formulation` rows and bounds)

value_d(x) = Σ_terms w·σ·f_d(v) with v a spend or brand-stock variable. Each term's
response in each draw gets an epigraph variable ``r[d,term]`` held under tangent
lines of its curve (outer approximation); the risk measure is linear in them:

    mean:   max Σ_term w·r̄[term],          r̄ under tangents of the mean curve
    tail:   max t − (1/(αN))·Σ_d u_d,      u_d ≥ t − lin·x − Σ_term w·r[d,term], u ≥ 0

(the worst case is the tail with α = 1/N). A tangent lies over a concave curve
everywhere (over an S-curve's concave envelope, which lies over the curve), so
every feasible spend with its true responses satisfies every cut: the model is a
relaxation and its optimum is an UPPER BOUND on the best risk measure. Any
solution's spend obeys every rule, so its risk measure through the exact curves is
a LOWER bound. The certified gap is the distance between the two.

Cuts are added lazily (Kelley): each round, only at the last answer, only for the
draws that can set the measure (true value below the model's t) and only for the
terms whose epigraph variable over-states the curve by more than a share of the
tolerance. Draws themselves join the tail model lazily, a few per round, lowest true
value first: a draw without its coupling row cannot lower the measure, so the model
stays a relaxation, and most draws never set the measure. The LP stays alive in GLOP
and receives only the new rows, so each round starts from the last basis (dual simplex
after added rows). With minimum buys the model is a MIP (SCIP, rebuilt each round;
its proved dual bound is the bound).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

import numpy as np

from solver import curves, lp
from solver.allocation import Stopped, _cleaned, _plan_values
from solver.errors import NoAllocation
from solver.explain import explain
from solver.formulation import Formulation, build
from solver.problem import PROMOTION
from solver.report import relative_gap
from solver.result import Infeasible
from solver.robust_problem import (
    PriceOfRobustness,
    RobustAllocation,
    RobustProblem,
    risk_measure,
)

_NEAR_ZERO = 1e-6        # tangents at 0 are taken a hair above it (Hill s < 1 is vertical)
_SHARE = 0.1             # cuts matter above this share of the tolerance, spread over terms
_START = (0.5, 1.0, 2.0)  # first tangents of the mean model, × a typical level


@dataclass
class DrawTerms:
    """Every (draw, term) curve as flat arrays, index ``d·n + term``."""

    f: Formulation
    family: np.ndarray
    a: np.ndarray
    k: np.ndarray
    s: np.ndarray
    tau: np.ndarray   # S-curves: where the concave envelope meets the curve (else 0)
    n_draws: int

    @classmethod
    def of(cls, f: Formulation, problem: RobustProblem) -> DrawTerms:
        terms = f.terms
        per_block = []
        for draw in problem.draws:
            row = []
            for block in f.blocks:
                promotion, brand = draw.curves[block.channel]
                c = promotion if block.goal == PROMOTION else brand
                row.append((c.code, c.a, c.k, c.s))
            per_block.append(row)
        table = np.array(per_block, dtype=float).reshape(len(problem.draws), len(f.blocks), 4)
        flat = table[:, terms.block, :].reshape(-1, 4)
        family = flat[:, 0].astype(int)
        a, k, s = flat[:, 1], flat[:, 2], flat[:, 3]
        return cls(f, family, a, k, s, curves.tangent_from_origin(family, a, k, s),
                   len(problem.draws))

    @property
    def n(self) -> int:
        return len(self.f.terms)

    def params(self, idx: np.ndarray) -> tuple[np.ndarray, ...]:
        return self.family[idx], self.a[idx], self.k[idx], self.s[idx]

    def responses(self, values: np.ndarray) -> np.ndarray:
        """σ·f_d(v) per (draw, term), shape (N, n), exact curves."""
        terms = self.f.terms
        x = np.tile(values[terms.var], self.n_draws)
        out = curves.value(self.family, self.a, self.k, self.s, x)
        return out.reshape(self.n_draws, self.n) * terms.sigma

    def outcomes(self, values: np.ndarray) -> np.ndarray:
        """value_d at `values` for every draw d (exact curves)."""
        weight = self.f.terms.weight
        return float(self.f.objective @ values) + self.responses(values) @ weight

    def tangent(self, idx: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(value, slope) at b of the concave envelope of the (draw, term) curves `idx`:
        the curve itself for concave ones; below τ, the line from the origin."""
        params = self.params(idx)
        tau = self.tau[idx]
        below = (tau > 0) & (b < tau)
        at = np.where(below, tau, b)
        f_at, slope_at = curves.value(*params, at), curves.slope(*params, at)
        with np.errstate(divide="ignore", invalid="ignore"):
            line = np.where(below, f_at / tau, 0.0)
        return np.where(below, line * b, f_at), np.where(below, line, slope_at)


class CutModel:
    """The outer model: the formulation's columns and rows, epigraph columns, and
    tangent cuts that only ever grow. LPs live on in GLOP between rounds; MIPs are
    rebuilt for SCIP."""

    def __init__(self, f: Formulation, dt: DrawTerms, tail: bool, level: float) -> None:
        self.f, self.dt, self.tail, self.level = f, dt, tail, level
        terms, n = f.terms, dt.n
        open_term = (terms.upper > 0).astype(float)
        m = lp.ModelArrays()
        m.columns(f.lo, f.hi, np.zeros(f.n_vars) if tail else f.objective, f.integer)
        cap = (dt.a.reshape(dt.n_draws, n) * terms.sigma * open_term)
        if tail:
            self.r = m.columns(np.zeros(cap.size), cap.ravel(), np.zeros(cap.size))
            self.t = int(m.columns(np.array([-np.inf]), np.array([np.inf]), np.ones(1))[0])
            share = 1.0 / (level * dt.n_draws)
            self.u = m.columns(np.zeros(dt.n_draws), np.full(dt.n_draws, np.inf),
                               np.full(dt.n_draws, -share))
        else:
            self.r = m.columns(np.zeros(n), cap.mean(axis=0), terms.weight)
        rid, cid, val, row_lb, row_ub = f.matrix()
        m.rows(row_lb, row_ub)
        m.add(rid, cid, val)
        self._unused_earns_nothing(m, cap)
        self.m = m
        self.added: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
        self.n_added = 0
        self.cuts = 0
        self._sent = 0             # added row chunks already in the live GLOP model
        self._solver = None
        self.mip = bool(f.integer.any())
        self.glop = True
        self.active = np.zeros(dt.n_draws, dtype=bool)

    def _append(self, lb: np.ndarray, ub: np.ndarray, rows: np.ndarray, cols: np.ndarray,
                vals: np.ndarray) -> None:
        """New rows (`rows` counts from 0 within them) after every earlier one."""
        start = self.m.n_rows + self.n_added
        self.added.append((np.asarray(lb, float), np.asarray(ub, float), start + rows,
                           cols.astype(int), np.asarray(vals, float)))
        self.n_added += len(lb)

    def activate(self, draws: np.ndarray) -> None:
        """Coupling rows ``t − u_d − lin·v − Σ_term w·r[d,term] ≤ 0`` of draws not yet in
        the model. A draw without its row cannot lower the measure, so leaving it out
        keeps the model a relaxation; draws join once their true value falls below t."""
        draws = draws[~self.active[draws]]
        if not len(draws):
            return
        self.active[draws] = True
        f, n, weight = self.f, self.dt.n, self.f.terms.weight
        lin = np.flatnonzero(f.objective)
        local = np.arange(len(draws))
        r_cols = self.r[(draws[:, None] * n + np.arange(n)[None, :]).ravel()]
        rows = np.concatenate([local, local, np.repeat(local, len(lin)), np.repeat(local, n)])
        cols = np.concatenate([np.full(len(draws), self.t), self.u[draws],
                               np.tile(lin, len(draws)), r_cols])
        vals = np.concatenate([np.ones(len(draws)), -np.ones(len(draws)),
                               np.tile(-f.objective[lin], len(draws)),
                               np.tile(-weight, len(draws))])
        self._append(np.full(len(draws), -np.inf), np.zeros(len(draws)), rows, cols, vals)

    def _unused_earns_nothing(self, m: lp.ModelArrays, cap: np.ndarray) -> None:
        """r ≤ cap·use on promotion terms of minimum buys: tangent intercepts would
        otherwise let an unused channel-period earn at zero spend."""
        f = self.f
        if not f.minimum_buys:
            return
        term_of = np.full(f.n_vars, -1)
        term_of[f.terms.var] = np.arange(self.dt.n)
        _, promo_x, use, _, _ = (np.array(col) for col in zip(*f.minimum_buys, strict=True))
        linked = term_of[promo_x]
        use = use[linked >= 0]
        linked = linked[linked >= 0]
        if self.tail:
            d = np.repeat(np.arange(self.dt.n_draws), len(linked))
            columns = self.r[d * self.dt.n + np.tile(linked, self.dt.n_draws)]
            caps = cap[d, np.tile(linked, self.dt.n_draws)]
            use = np.tile(use, self.dt.n_draws)
        else:
            columns, caps = self.r[linked], cap.mean(axis=0)[linked]
        rows = m.rows(np.full(len(columns), -np.inf), np.zeros(len(columns)))
        m.add(rows, columns, 1.0)
        m.add(rows, use, -caps)

    def add_cuts(self, term: np.ndarray, draw: np.ndarray | None, b: np.ndarray) -> int:
        """Tangents at b: ``r − σ·f'(b)·v ≤ σ·(f(b) − f'(b)·b)`` for (draw, term) pairs,
        or, in the mean model (`draw` None), of the mean over draws for each term."""
        dt, terms = self.dt, self.f.terms
        sigma = terms.sigma[term]
        if draw is None:
            idx = (np.arange(dt.n_draws)[:, None] * dt.n + term[None, :]).ravel()
            value, slope = dt.tangent(idx, np.tile(b, dt.n_draws))
            value = value.reshape(dt.n_draws, -1).mean(axis=0)
            slope = slope.reshape(dt.n_draws, -1).mean(axis=0)
            r_col = self.r[term]
        else:
            idx = draw * dt.n + term
            value, slope = dt.tangent(idx, b)
            r_col = self.r[idx]
        local = np.arange(len(term))
        self._append(np.full(len(term), -np.inf), sigma * (value - slope * b),
                     np.concatenate([local, local]), np.concatenate([r_col, terms.var[term]]),
                     np.concatenate([np.ones(len(term)), -sigma * slope]))
        self.cuts += len(term)
        return len(term)

    def solve(self, time_limit: float) -> tuple[str, np.ndarray | None, float]:
        """(status, every column's value, proved upper bound)."""
        if self.mip or not self.glop:
            proto = self._proto()
            name = lp.SCIP if self.mip else lp.HIGHS
            return self._read(lp.run(proto, name, time_limit, None), mip=self.mip)
        if self._solver is None:
            proto = self._proto()
            from ortools.math_opt.core.python import solver as core
            from ortools.math_opt.python import init_arguments

            self._solver = core.new(lp._solver_type(lp.GLOP), proto,
                                    init_arguments.StreamableSolverInitArguments().to_proto())
        elif self._sent < len(self.added) and not self._solver.update(self._update()):
            raise NoAllocation("GLOP refused an update of the robust cut model")
        self._sent = len(self.added)
        from ortools.math_opt.python import callback

        params, model_params = lp._parameters(lp.GLOP, time_limit, None)
        try:
            result = self._solver.solve(params, model_params, None,
                                        callback.CallbackRegistration().to_proto(), None, None)
            status = lp.status_of(result)
        except Exception:  # GLOP can end ABNORMAL [INTERNAL] after updates
            status = "other_error"
        if status in ("imprecise", "numerical_error", "no_solution_found", "other_error"):
            self._solver = None
            self.glop = False  # from now on HiGHS from scratch: GLOP lost this model
            return self._read(lp.run(self._proto(), lp.HIGHS, time_limit, None), mip=False)
        return self._read(result, mip=False)

    def _proto(self):
        m = self.m
        lb, ub, rid, cid, val = (list(part) for part in zip(*self.added, strict=True)) \
            if self.added else ([], [], [], [], [])
        base = [np.concatenate(part) for part in zip(*m.entries, strict=True)]
        return lp.build_proto(
            np.concatenate(m.lo), np.concatenate(m.hi), np.concatenate(m.obj),
            np.concatenate(m.integer), np.concatenate([base[0], *rid]).astype(int),
            np.concatenate([base[1], *cid]).astype(int), np.concatenate([base[2], *val]),
            np.concatenate([*m.lb, *lb]), np.concatenate([*m.ub, *ub]))

    def _update(self):
        """The rows added since the last solve, as a MathOpt model update."""
        from ortools.math_opt import model_update_pb2

        lb, ub, rows, cols, vals = (np.concatenate(part) for part in
                                    zip(*self.added[self._sent:], strict=True))
        ids = np.arange(self.m.n_rows + self.n_added - len(lb), self.m.n_rows + self.n_added)
        update = model_update_pb2.ModelUpdateProto()
        new = update.new_linear_constraints
        new.ids.extend(ids.tolist())
        new.lower_bounds.extend(lb.tolist())
        new.upper_bounds.extend(ub.tolist())
        order = np.lexsort((cols, rows))
        matrix = update.linear_constraint_matrix_updates
        matrix.row_ids.extend(rows[order].tolist())
        matrix.column_ids.extend(cols[order].tolist())
        matrix.coefficients.extend(vals[order].tolist())
        return update

    def _read(self, result, mip: bool) -> tuple[str, np.ndarray | None, float]:
        status = lp.status_of(result)
        if status in ("infeasible", "infeasible_or_unbounded"):
            return "infeasible", None, np.inf
        if status not in ("optimal", "feasible") or not result.solutions:
            raise NoAllocation(f"the solver stopped without an allocation ({status}: "
                               f"{result.termination.detail or 'no detail'})")
        solution = result.solutions[0]
        values = np.zeros(self.m.n_cols)
        primal = solution.primal_solution.variable_values
        values[np.asarray(primal.ids, dtype=int)] = primal.values
        bound = result.termination.objective_bounds.dual_bound if mip else \
            solution.primal_solution.objective_value
        return status, values, float(bound) if np.isfinite(bound) else np.inf


def robust_allocate(problem: RobustProblem, *, start: np.ndarray | None = None,
                    should_stop=None) -> RobustAllocation | Infeasible:
    """Maximise the risk measure of `problem` across its draws; an explanation when
    the rules cannot hold together.

    :param start: formulation values of an earlier answer (the mean-optimal one):
        the first tangents of every draw are placed there.
    :param should_stop: asked before each solve; True abandons the run (`Stopped`).
    :raises InvalidProblem: malformed input.
    :raises NoAllocation: the solver gave up.
    """
    problem.validate()
    started = time.perf_counter()
    f = build(problem.base)
    dt = DrawTerms.of(f, problem)
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
        clean = _cleaned(f, values)
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


def price_of_robustness(problem: RobustProblem) -> PriceOfRobustness | Infeasible:
    """The allocation for `problem`'s risk measure and the mean-optimal one, solved
    over the same draws (the mean answer seeds the tail model's first tangents)."""
    mean = robust_allocate(replace(problem, risk="mean"))
    if isinstance(mean, Infeasible) or problem.risk == "mean":
        return mean if isinstance(mean, Infeasible) else PriceOfRobustness(mean, mean)
    start = _plan_values(build(problem.base), mean.spend)
    chosen = robust_allocate(problem, start=start)
    if isinstance(chosen, Infeasible):
        return chosen
    return PriceOfRobustness(chosen, mean)
