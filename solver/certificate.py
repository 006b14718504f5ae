"""A proved upper bound on the best possible objective, from any multipliers.

For a row ``lb ≤ a·v ≤ ub`` and any number y, every feasible v has
``y·a·v ≤ max(y·ub, y·lb)``. Adding ``−y·a·v + max(y·ub, y·lb) ≥ 0`` for every
row to the objective therefore only raises it at feasible points, and what
remains separates by variable: each variable's term is maximised over its own
bounds with its *exact* curve (``Curve.best_response``). The sum is an upper
bound on the optimum whatever y is; with the LP's duals it is tight once the
pieces are fine enough. This is the certificate every allocation carries, and
the per-variable shortfall says where to refine the pieces.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from solver.formulation import Formulation


@dataclass(frozen=True)
class Bound:
    value: float
    term_gap: list[np.ndarray]      # per block, per period: shortfall at the solution
    best_points: list[np.ndarray]   # per block, per period: where the bound is attained


def _matrix(f: Formulation) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rows = [np.full(len(r.columns), i) for i, r in enumerate(f.rows)]
    cols = [np.asarray(r.columns, dtype=int) for r in f.rows]
    vals = [np.asarray(r.coefficients, dtype=float) for r in f.rows]
    return (np.concatenate(rows).astype(int), np.concatenate(cols).astype(int),
            np.concatenate(vals))


def bound(f: Formulation, duals: np.ndarray, values: np.ndarray) -> Bound:
    """The better of the bounds from `duals` and from `−duals` (both are valid; which
    sign the solver's convention gives is then irrelevant)."""
    first = _bound(f, duals, values)
    second = _bound(f, -duals, values)
    return first if first.value <= second.value else second


def _bound(f: Formulation, y: np.ndarray, values: np.ndarray) -> Bound:
    lb = np.array([r.lb for r in f.rows])
    ub = np.array([r.ub for r in f.rows])
    y = y.copy()
    # A multiplier pushing towards an infinite side would make the bound infinite.
    y[(y > 0) & ~np.isfinite(ub)] = 0.0
    y[(y < 0) & ~np.isfinite(lb)] = 0.0
    constant = float(np.sum(np.where(y > 0, y * np.where(np.isfinite(ub), ub, 0.0),
                                     y * np.where(np.isfinite(lb), lb, 0.0))))
    rid, cid, val = _matrix(f)
    price = np.bincount(cid, weights=val * y[rid], minlength=f.n_vars)
    linear = f.objective - price  # per-variable linear coefficient in the Lagrangian

    scale = [b.weight * b.sigma.copy() for b in f.blocks]
    for r, row in enumerate(f.rows):
        for block_id, coef in row.curve_terms:
            scale[block_id] = scale[block_id] - y[r] * coef * f.blocks[block_id].sigma

    has_curve = np.zeros(f.n_vars, dtype=bool)
    total = constant
    term_gap, best_points = [], []
    for block, s in zip(f.blocks, scale, strict=True):
        v = block.variables
        has_curve[v] = True
        best_x, best_value = block.curve.best_response(-linear[v], f.lo[v], f.hi[v], s)
        at_solution = s * block.curve.value(values[v]) + linear[v] * values[v]
        total += float(best_value.sum())
        term_gap.append(np.maximum(best_value - at_solution, 0.0))
        best_points.append(best_x)
    plain = ~has_curve
    total += float(np.sum(np.maximum(linear[plain] * f.lo[plain], linear[plain] * f.hi[plain])))
    return Bound(total, term_gap, best_points)
