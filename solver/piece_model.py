"""The plain piece LP kept alive in GLOP between refinement rounds.

The model is `solver.lp`'s (the formulation's columns and rows, one bounded
column per curve piece, one link row per curve term), without integers or
curves inside rows. Each round sends only what changed, as a MathOpt model
update, and GLOP starts from the last round's basis: rebuilding and re-validating
the whole model each round, and solving it from scratch, was most of the time at
50 × 52 × 2. The curve under the pieces may change between rounds too (the
weighted mean of curve draws, `solver.robust`): then only objective coefficients
change.
"""

from __future__ import annotations

import numpy as np

from solver import lp
from solver.errors import NoAllocation
from solver.formulation import Formulation
from solver.mathopt import (
    GLOP,
    HIGHS,
    Incremental,
    ModelArrays,
    put_entries,
    read_solution,
    status_of,
)
from solver.pieces import Breakpoints, matches


class PieceModel:
    """A refined piece keeps its column (its width and chord slope change), the new
    pieces are new columns linked to the same term."""

    def __init__(self, f: Formulation) -> None:
        self.f = f
        self._solver = None
        self._term = np.zeros(0, dtype=int)   # per piece column: its term
        self._left = np.zeros(0)              # … its left end
        self._width = np.zeros(0)
        self._weight = np.zeros(0)
        self._x_cost = 0.0
        self._n_cols = 0

    @staticmethod
    def suits(f: Formulation) -> bool:
        """Only the continuous model with linear rows goes to GLOP incrementally."""
        return not f.integer.any() and not any(row.curve_terms for row in f.rows)

    def _whisker(self, weight: np.ndarray) -> float:
        if self.f.problem.spend_all:
            return 0.0
        earning = np.abs(weight[weight != 0])
        return lp.WHISKER * (float(np.median(earning)) if len(earning) else 0.0)

    def solve(self, bp: Breakpoints, time_limit: float,
              heights: np.ndarray | None = None) -> lp.LpSolution:
        """Solve with the pieces of `bp` (a refinement of the previous call's).

        :param heights: the curve at every breakpoint, when not each term's own.
        """
        f = self.f
        n, terms = f.n_vars, f.terms
        if np.any(f.lo > f.hi):
            return lp.LpSolution("infeasible", np.zeros(n), np.zeros(len(f.rows)), float("nan"))
        piece_term, left, width, slope = bp.pieces(terms, heights)
        weight = terms.weight[piece_term] * terms.sigma[piece_term] * slope
        x_cost = self._whisker(weight)
        n_rows = len(f.rows) + len(terms)
        if self._solver is None:
            m = ModelArrays()
            objective = f.objective.copy()
            objective[: f.n_x] -= x_cost
            m.columns(f.lo, f.hi, objective)
            cols = m.columns(np.zeros(len(width)), width, weight)
            rid, cid, val, row_lb, row_ub = f.matrix()
            m.rows(row_lb, row_ub)
            m.add(rid, cid, val)
            link_row = m.rows(np.zeros(len(terms)), np.zeros(len(terms)))
            m.add(link_row, terms.var, 1.0)
            m.add(link_row[piece_term], cols, -1.0)
            self._solver = Incremental(m.proto(), GLOP)
            column = cols
            self._n_cols = m.n_cols
        else:
            column, update = self._update(piece_term, left, width, weight, x_cost)
            if not self._solver.update(update):
                raise NoAllocation("GLOP refused an update of the piece model")
        self._term, self._left = piece_term, left
        self._width, self._weight, self._x_cost = width, weight, x_cost
        self._column = column
        result = self._solver.solve(time_limit, keep=(n, len(f.rows)))
        status = status_of(result)
        if status in ("imprecise", "numerical_error", "no_solution_found", "other_error"):
            self._solver = None  # start afresh next time; this time HiGHS from scratch
            return lp.solve(self.f, bp, time_limit=time_limit, solver=HIGHS, heights=heights)
        if status in ("infeasible", "infeasible_or_unbounded"):
            return lp.LpSolution("infeasible", np.zeros(n), np.zeros(len(f.rows)), float("nan"))
        if status not in ("optimal", "feasible") or not result.solutions:
            raise NoAllocation(f"the solver stopped without an allocation ({status}: "
                               f"{result.termination.detail or 'no detail'})")
        primal, duals, reduced = read_solution(result.solutions[0], self._n_cols, n_rows)
        return lp.LpSolution(status, primal[:n], duals[: len(f.rows)],
                          float(result.solutions[0].primal_solution.objective_value),
                          reduced_costs=reduced[:n])

    def _update(self, term: np.ndarray, left: np.ndarray, width: np.ndarray,
                weight: np.ndarray, x_cost: float) -> tuple[np.ndarray, object]:
        """The model update from the last pieces to these: a new piece starting
        where an old one did takes over its column; the others get new columns;
        old columns left over (a breakpoint merged away) are closed."""
        from ortools.math_opt import model_update_pb2

        f = self.f
        old_n, new_n = len(self._term), len(term)
        old_of = matches(self._term, self._left, term, left)
        column = np.empty(new_n, dtype=int)
        kept = old_of >= 0
        column[kept] = self._column[old_of[kept]]
        fresh = np.flatnonzero(~kept)
        column[fresh] = self._n_cols + np.arange(len(fresh))
        self._n_cols += len(fresh)
        used = np.zeros(old_n, dtype=bool)
        used[old_of[kept]] = True
        stale = self._column[~used]

        update = model_update_pb2.ModelUpdateProto()
        # Bounds and objective of the kept columns that changed, and of stale ones.
        changed = kept.copy()
        changed[kept] = (width[kept] != self._width[old_of[kept]]) | \
            (weight[kept] != self._weight[old_of[kept]])
        ub_ids = np.concatenate([column[changed], stale])
        ub_val = np.concatenate([width[changed], np.zeros(len(stale))])
        order = np.argsort(ub_ids)
        update.variable_updates.upper_bounds.ids.extend(ub_ids[order].tolist())
        update.variable_updates.upper_bounds.values.extend(ub_val[order].tolist())
        obj_ids = [ub_ids[order]]
        obj_val = [np.concatenate([weight[changed], np.zeros(len(stale))])[order]]
        if x_cost != self._x_cost:
            x = np.arange(f.n_x)
            obj_ids.insert(0, x)
            obj_val.insert(0, f.objective[: f.n_x] - x_cost)
        obj_ids.append(column[fresh])
        obj_val.append(weight[fresh])
        ids, values = np.concatenate(obj_ids), np.concatenate(obj_val)
        update.objective_updates.linear_coefficients.ids.extend(ids.tolist())
        update.objective_updates.linear_coefficients.values.extend(values.tolist())
        new = update.new_variables
        new.ids.extend(column[fresh].tolist())
        new.lower_bounds.extend(np.zeros(len(fresh)).tolist())
        new.upper_bounds.extend(width[fresh].tolist())
        new.integers.extend([False] * len(fresh))
        # New columns join their term's link row: var − Σ pieces = 0.
        link_row = len(f.rows) + term[fresh]
        cols = column[fresh]
        put_entries(update.linear_constraint_matrix_updates, link_row, cols,
                    np.full(len(cols), -1.0))
        return column, update
