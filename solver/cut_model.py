"""The outer model of the cutting-plane route across curve draws (`robust_cuts`).

The formulation's columns and rows, an epigraph column ``r[d,term]`` per draw and
curve term (or ``r[term]`` under the mean curve), and tangent cuts that only ever
grow:

    mean:   max Σ_term w·r̄[term],          r̄ under tangents of the mean curve
    tail:   max t − (1/(αN))·Σ_d u_d,      u_d ≥ t − lin·x − Σ_term w·r[d,term], u ≥ 0

A tangent lies over a concave curve everywhere (over an S-curve's concave
envelope, which lies over the curve), so the model is a relaxation and its optimum
an upper bound. LPs live on in GLOP between rounds (only new rows are sent);
MIPs are rebuilt for SCIP, whose proved dual bound is the bound.
"""

from __future__ import annotations

import numpy as np

from solver.draws import DrawTerms
from solver.errors import NoAllocation
from solver.formulation import Formulation
from solver.mathopt import (
    GLOP,
    HIGHS,
    SCIP,
    Incremental,
    ModelArrays,
    build_proto,
    primal_values,
    put_entries,
    run,
    status_of,
)


class CutModel:
    """The outer model and the cuts added to it so far."""

    def __init__(self, f: Formulation, dt: DrawTerms, tail: bool, level: float) -> None:
        self.f, self.dt, self.tail, self.level = f, dt, tail, level
        terms, n = f.terms, dt.n
        open_term = (terms.upper > 0).astype(float)
        m = ModelArrays()
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

    def _unused_earns_nothing(self, m: ModelArrays, cap: np.ndarray) -> None:
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
            name = SCIP if self.mip else HIGHS
            return self._read(run(proto, name, time_limit, None), mip=self.mip)
        if self._solver is None:
            self._solver = Incremental(self._proto(), GLOP)
        elif self._sent < len(self.added) and not self._solver.update(self._update()):
            raise NoAllocation("GLOP refused an update of the robust cut model")
        self._sent = len(self.added)
        try:
            result = self._solver.solve(time_limit)
            status = status_of(result)
        except Exception:  # GLOP can end ABNORMAL [INTERNAL] after updates
            status = "other_error"
        if status in ("imprecise", "numerical_error", "no_solution_found", "other_error"):
            self._solver = None
            self.glop = False  # from now on HiGHS from scratch: GLOP lost this model
            return self._read(run(self._proto(), HIGHS, time_limit, None), mip=False)
        return self._read(result, mip=False)

    def _proto(self):
        m = self.m
        lb, ub, rid, cid, val = (list(part) for part in zip(*self.added, strict=True)) \
            if self.added else ([], [], [], [], [])
        base = [np.concatenate(part) for part in zip(*m.entries, strict=True)]
        return build_proto(
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
        put_entries(update.linear_constraint_matrix_updates, rows, cols, vals)
        return update

    def _read(self, result, mip: bool) -> tuple[str, np.ndarray | None, float]:
        status = status_of(result)
        if status in ("infeasible", "infeasible_or_unbounded"):
            return "infeasible", None, np.inf
        if status not in ("optimal", "feasible") or not result.solutions:
            raise NoAllocation(f"the solver stopped without an allocation ({status}: "
                               f"{result.termination.detail or 'no detail'})")
        values = primal_values(result.solutions[0], self.m.n_cols)
        bound = result.termination.objective_bounds.dual_bound if mip else \
            result.solutions[0].primal_solution.objective_value
        return status, values, float(bound) if np.isfinite(bound) else np.inf
