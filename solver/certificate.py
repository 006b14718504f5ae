"""A proved upper bound on the best possible objective, from any multipliers.

For a row ``lb ≤ a·v ≤ ub`` and any number y, every feasible v has
``y·a·v ≤ max(y·ub, y·lb)``. Adding ``−y·a·v + max(y·ub, y·lb) ≥ 0`` for every
row to the objective therefore only raises it at feasible points, and what
remains separates by variable: each variable's term is maximised over its own
bounds with its *exact* curve (`curves.best_response`). The sum is an upper
bound on the optimum whatever y is; with the LP's duals it is tight once the
pieces are fine enough. This is the certificate every allocation carries, and
the per-term shortfall says where to refine the pieces.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from solver import curves
from solver.formulation import Formulation


@dataclass(frozen=True)
class Bound:
    value: float
    term_gap: np.ndarray      # per curve term: shortfall of the solution against the bound
    best_points: np.ndarray   # per curve term: where the bound's maximum is attained


def bound(f: Formulation, duals: np.ndarray, values: np.ndarray) -> Bound:
    """The better of the bounds from `duals` and from `−duals`: both are valid, so
    the solver's sign convention for duals cannot make the certificate wrong."""
    first = _bound(f, duals, values)
    second = _bound(f, -duals, values)
    return first if first.value <= second.value else second


def _bound(f: Formulation, y: np.ndarray, values: np.ndarray) -> Bound:
    rid, cid, val, lb, ub = f.matrix()
    y = y.copy()
    # A multiplier pushing towards an infinite side would make the bound infinite.
    y[(y > 0) & ~np.isfinite(ub)] = 0.0
    y[(y < 0) & ~np.isfinite(lb)] = 0.0
    constant = float(np.sum(np.where(y > 0, y * np.nan_to_num(ub, posinf=0.0),
                                     y * np.nan_to_num(lb, neginf=0.0))))
    price = np.bincount(cid, weights=val * y[rid], minlength=f.n_vars)
    linear = f.objective - price

    terms = f.terms
    block_scale = np.array([b.weight for b in f.blocks], dtype=float)
    for r, row in enumerate(f.rows):
        for block_id, coef in row.curve_terms:
            block_scale[block_id] -= y[r] * coef
    scale = block_scale[terms.block] * terms.sigma if len(terms) else np.zeros(0)
    v = terms.var
    best_x, best_value = curves.best_response(*terms.params, -linear[v], f.lo[v], f.hi[v], scale)
    at_solution = scale * curves.value(*terms.params, values[v]) + linear[v] * values[v]

    plain = np.ones(f.n_vars, dtype=bool)
    plain[v] = False
    linear_part = float(np.sum(np.maximum(linear[plain] * f.lo[plain],
                                          linear[plain] * f.hi[plain])))
    total = constant + float(best_value.sum()) + linear_part
    return Bound(total, np.maximum(best_value - at_solution, 0.0), best_x)
