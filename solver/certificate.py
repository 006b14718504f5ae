"""A proved upper bound on the best possible objective, from any multipliers.

For a row ``lb ≤ a·v ≤ ub`` and any number y, every feasible v has
``y·a·v ≤ max(y·ub, y·lb)``. Adding ``−y·a·v + max(y·ub, y·lb) ≥ 0`` for every
row to the objective therefore only raises it at feasible points, and what
remains separates by variable: each variable's term is maximised over its own
bounds with its *exact* curve (`curves.best_response`). The sum is an upper
bound on the optimum whatever y is; with the LP's duals it is tight once the
pieces are fine enough. This is the certificate every allocation carries, and
the per-term shortfall says where to refine the pieces.

Minimum buys are kept whole rather than relaxed: for each channel-period the
bound maximises over "not used, or used with at least the minimum" exactly
(`_minimum_buy_values`), which is what keeps the bound tight for the MIP.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from solver import curves
from solver.formulation import Formulation


class TermCurves(Protocol):
    """Another curve on every term than its own (a weighted mean of curve draws)."""

    def value(self, term: np.ndarray, x: np.ndarray) -> np.ndarray: ...

    def best_response(self, price: np.ndarray, lo: np.ndarray, hi: np.ndarray,
                      scale: np.ndarray) -> tuple[np.ndarray, np.ndarray]: ...


@dataclass(frozen=True)
class Bound:
    value: float
    term_gap: np.ndarray      # per curve term: shortfall of the solution against the bound
    best_points: np.ndarray   # per curve term: where the bound's maximum is attained


def bound(f: Formulation, duals: np.ndarray, values: np.ndarray,
          curve: TermCurves | None = None) -> Bound:
    """The better of the bounds from `duals` and from `−duals`: both are valid, so
    the solver's sign convention for duals cannot make the certificate wrong.

    Where to refine is always read from `duals` as MathOpt signs them (a binding
    ≤ row of a maximisation has a dual ≥ 0): those are the LP's prices, and their
    per-term shortfalls point at the pieces that make the prices wrong. The other
    sign can give the lower value (it drops a multiplier that pushes towards an
    infinite side) while its best points sit on bounds that are breakpoints
    already, which used to stop the refinement with the gap still open.

    :param curve: the curve on every term instead of its own (no minimum buys then).
    """
    first = _bound(f, duals, values, curve)
    second = _bound(f, -duals, values, curve)
    if second.value < first.value:
        return Bound(second.value, first.term_gap, first.best_points)
    return first


def _bound(f: Formulation, y: np.ndarray, values: np.ndarray,
           curve: TermCurves | None) -> Bound:
    rid, cid, val, lb, ub = f.matrix()
    y = y.copy()
    y[[r for r, row in enumerate(f.rows) if row.group.startswith("min_buy")]] = 0.0
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
    if curve is None:
        best_x, best_value = curves.best_response(*terms.params, -linear[v], f.lo[v],
                                                  f.hi[v], scale)
        own = curves.value(*terms.params, values[v])
    else:
        if f.minimum_buys:
            raise ValueError("a curve other than the terms' own takes no minimum buys")
        best_x, best_value = curve.best_response(-linear[v], f.lo[v], f.hi[v], scale)
        own = curve.value(np.arange(len(v)), values[v])
    at_solution = scale * own + linear[v] * values[v]

    plain = np.ones(f.n_vars, dtype=bool)
    plain[v] = False
    separate = best_value.copy()
    if f.minimum_buys:
        brand_x, promo_x, use, _, _ = (np.array(col) for col in zip(*f.minimum_buys,
                                                                     strict=True))
        plain[brand_x] = plain[promo_x] = plain[use] = False
        term_of = np.full(f.n_vars, -1)
        term_of[v] = np.arange(len(v))
        promo_terms = term_of[promo_x]
        separate[promo_terms[promo_terms >= 0]] = 0.0  # counted in the joint values
        joint = _minimum_buy_values(f, linear, scale, promo_terms)
    else:
        joint = np.zeros(0)
    linear_part = float(np.sum(np.maximum(linear[plain] * f.lo[plain],
                                          linear[plain] * f.hi[plain])))
    total = constant + float(separate.sum()) + float(joint.sum()) + linear_part
    return Bound(total, np.maximum(best_value - at_solution, 0.0), best_x)


def _minimum_buy_values(f: Formulation, linear: np.ndarray, scale: np.ndarray,
                        promo_terms: np.ndarray) -> np.ndarray:
    """Per channel-period with a minimum buy m: the max of 0 (not used) and
    ``max h(x_p) + l_b·x_b + l_use`` over m ≤ x_b + x_p ≤ cap within bounds, where
    h is the promotion term (curve plus linear price). The best brand spend for a
    given x_p is at an end of its interval, so the objective in x_p is h plus a
    linear function with one kink: two exact best responses, one per side."""
    brand_x, promo_x, use, minimum, cap = (np.array(col, dtype=float)
                                           for col in zip(*f.minimum_buys, strict=True))
    brand_x, promo_x, use = brand_x.astype(int), promo_x.astype(int), use.astype(int)
    terms = f.terms
    has_curve = promo_terms >= 0
    idx = np.where(has_curve, promo_terms, 0)
    family, a, k, s = (np.where(has_curve, p[idx], 1) for p in terms.params)
    curve_scale = np.where(has_curve, scale[idx] if len(scale) else 0.0, 0.0)
    l_b, l_p, l_use = linear[brand_x], linear[promo_x], linear[use]
    h_b, h_p = f.hi[brand_x], f.hi[promo_x]
    low = np.maximum(0.0, minimum - h_b)
    high = np.minimum(h_p, cap)
    # x_b at its upper end (l_b ≥ 0): min(h_b, cap − x_p), kink at cap − h_b;
    # at its lower end (l_b < 0): max(0, m − x_p), kink at m.
    up = l_b >= 0
    kink = np.clip(np.where(up, cap - h_b, minimum), low, high)
    # Left of the kink: x_b = h_b (up) or m − x_p (down); right: cap − x_p (up) or 0.
    left_slope = np.where(up, 0.0, -l_b)
    left_const = np.where(up, l_b * h_b, l_b * minimum)
    right_slope = np.where(up, -l_b, 0.0)
    right_const = np.where(up, l_b * cap, 0.0)
    best = np.full(len(use), -np.inf)
    for seg_lo, seg_hi, slope, const in ((low, kink, left_slope, left_const),
                                         (kink, high, right_slope, right_const)):
        _, value = curves.best_response(family, a, k, s, -(l_p + slope), seg_lo, seg_hi,
                                        curve_scale)
        best = np.maximum(best, np.where(seg_lo <= seg_hi, value + const, -np.inf))
    used = np.where(low <= high, best + l_use, -np.inf)
    return np.maximum(used, 0.0)
