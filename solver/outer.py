"""An upper bound for allocations with switches (minimum buys, exact S-curves).

With integer switches the Lagrangian certificate can leave a duality gap, so
MIPs get a second bound: each curve's response is capped by tangent lines,
which lie above a concave curve everywhere. An S-curve is split at its
inflection point into a convex part, capped by the chord from the origin, and a
concave part, capped by its tangents, with a switch choosing the part (the
convex hull of the two). The MIP solver's proved bound on that relaxation
bounds the true optimum too, even when the solver stops at its time limit.
"""

from __future__ import annotations

import numpy as np

from solver import curves
from solver.formulation import Formulation
from solver.mathopt import SCIP, ModelArrays, primal_values, run, status_of
from solver.pieces import Breakpoints


def tangent_bound(f: Formulation, bp: Breakpoints, time_limit: float,
                  convex: tuple[np.ndarray, np.ndarray] | None = None,
                  ) -> tuple[float, np.ndarray | None]:
    """``max Σ w·r + c·v`` with each r capped as above; returns the proved bound
    and the relaxation's solution (where new breakpoints help most), if any.

    :param convex: (term, spend) points inside S-curves' convex parts at which
        their chord caps are cut (see `_s_curve_hulls`)."""
    terms = f.terms
    n, n_terms = f.n_vars, len(terms)
    m = ModelArrays()
    m.columns(f.lo, f.hi, f.objective, f.integer)
    # r[term] is the term's response σ·f(v), at most σ·a.
    r_col = m.columns(np.zeros(n_terms), terms.a * np.maximum(terms.sigma, 0.0), terms.weight)
    rid, cid, val, row_lb, row_ub = f.matrix()
    m.rows(row_lb, row_ub)
    m.add(rid, cid, val)
    for r, row in enumerate(f.rows):
        for block_id, coef in row.curve_terms:
            chosen = np.flatnonzero(terms.block == block_id)
            m.add(np.full(len(chosen), r), r_col[chosen], coef)

    s_curve = terms.inflection > 0
    concave = np.flatnonzero(~s_curve)
    near_zero = np.minimum(1e-6 * terms.k, terms.upper)
    # Concave terms: tangents at every breakpoint above 0 and just above 0.
    keep = (bp.x > 0) & ~s_curve[bp.term]
    term = np.concatenate([bp.term[keep], concave])
    at = np.concatenate([bp.x[keep], near_zero[concave]])
    _tangents(m, terms, term, at, r_col[term], terms.var[term], on=None)
    _s_curve_hulls(m, terms, bp, np.flatnonzero(s_curve & (terms.upper > 0)), r_col, convex)
    _unused_earns_nothing(m, f, r_col)

    result = run(m.proto(), SCIP, time_limit, None)
    if status_of(result) in ("infeasible", "infeasible_or_unbounded"):
        return -np.inf, None
    bound = result.termination.objective_bounds.dual_bound
    values = primal_values(result.solutions[0], m.n_cols)[:n] if result.solutions else None
    return (float(bound) if np.isfinite(bound) else np.inf), values


def _tangents(m: ModelArrays, terms, term: np.ndarray, at: np.ndarray,
              r: np.ndarray, v: np.ndarray, on: np.ndarray | None) -> None:
    """``r ≤ σ·(f(b) + f'(b)·(v − b))`` per (term, b); with switch columns `on`,
    the perspective ``r ≤ σ·(f(b)·on + f'(b)·(v − b·on))`` (0 when off)."""
    params = tuple(p[term] for p in terms.params)
    sigma = terms.sigma[term]
    slope, value = curves.slope(*params, at), curves.value(*params, at)
    intercept = sigma * (value - slope * at)
    rows = m.rows(np.full(len(term), -np.inf),
                  intercept if on is None else np.zeros(len(term)))
    m.add(rows, r, 1.0)
    m.add(rows, v, -sigma * slope)
    if on is not None:
        m.add(rows, on, -intercept)


def _s_curve_hulls(m: ModelArrays, terms, bp: Breakpoints, s_terms: np.ndarray,
                   r_col: np.ndarray, convex: tuple[np.ndarray, np.ndarray] | None) -> None:
    """v = Σ_j low_j + high, Σ_j z_j + on ≤ 1, b_j·z_j ≤ low_j ≤ b_{j+1}·z_j,
    inflection·on ≤ high ≤ upper·on; r = r_low + r_high, r_low under the chord of
    the convex segment in use (chords lie above a convex curve), r_high under the
    tangents of the concave part and 0 when off.

    The convex part [0, inflection] is cut at the `convex` points (where earlier
    relaxations spent inside it): one chord from 0 over the whole part lets the
    relaxation earn the chord's rate on any fraction of it, which keeps the bound
    above the true optimum for good."""
    count = len(s_terms)
    if not count:
        return
    infl = np.minimum(terms.inflection[s_terms], terms.upper[s_terms])
    upper = terms.upper[s_terms]
    zeros = np.zeros(count)
    on = m.columns(zeros, np.ones(count), zeros, integer=True)
    high = m.columns(zeros, upper, zeros)
    r_low = m.columns(zeros, np.full(count, np.inf), zeros)
    r_high = m.columns(zeros, np.full(count, np.inf), zeros)
    # Segments of the convex part: 0, the given points inside, the inflection point.
    position = np.full(len(terms), -1)
    position[s_terms] = np.arange(count)
    seg_owner, seg_x = np.arange(count), np.zeros(count)
    if convex is not None and len(convex[0]):
        inside = position[convex[0]] >= 0
        owner = position[convex[0][inside]]
        x = convex[1][inside]
        keep = (x > 0) & (x < infl[owner] * (1 - 1e-9))
        seg_owner = np.concatenate([seg_owner, owner[keep]])
        seg_x = np.concatenate([seg_x, x[keep]])
    seg_owner = np.concatenate([seg_owner, np.arange(count)])
    seg_x = np.concatenate([seg_x, infl])
    order = np.lexsort((seg_x, seg_owner))
    seg_owner, seg_x = seg_owner[order], seg_x[order]
    same = seg_owner[1:] == seg_owner[:-1]
    distinct = np.diff(seg_x) > 0
    use = same & distinct
    owner = seg_owner[:-1][use]
    left, right = seg_x[:-1][use], seg_x[1:][use]
    params = tuple(p[s_terms[owner]] for p in terms.params)
    f_left, f_right = curves.value(*params, left), curves.value(*params, right)
    chord = (f_right - f_left) / (right - left)
    n_seg = len(owner)
    seg_zeros = np.zeros(n_seg)
    z = m.columns(seg_zeros, np.ones(n_seg), seg_zeros, integer=True)
    low = m.columns(seg_zeros, right, seg_zeros)
    link = m.rows(zeros, zeros)  # v − Σ low − high = 0
    m.add(link, terms.var[s_terms], 1.0)
    m.add(link[owner], low, -1.0)
    m.add(link, high, -1.0)
    split = m.rows(zeros, zeros)
    m.add(split, r_col[s_terms], 1.0)
    m.add(split, r_low, -1.0)
    m.add(split, r_high, -1.0)
    choose = m.rows(np.full(count, -np.inf), np.ones(count))  # Σ z + on ≤ 1
    m.add(choose[owner], z, 1.0)
    m.add(choose, on, 1.0)
    seg_low = m.rows(seg_zeros, np.full(n_seg, np.inf))  # low − left·z ≥ 0
    m.add(seg_low, low, 1.0)
    m.add(seg_low, z, -left)
    seg_high = m.rows(np.full(n_seg, -np.inf), seg_zeros)  # low − right·z ≤ 0
    m.add(seg_high, low, 1.0)
    m.add(seg_high, z, -right)
    high_on = m.rows(np.zeros(count), np.full(count, np.inf))  # high − infl·on ≥ 0
    m.add(high_on, high, 1.0)
    m.add(high_on, on, -infl)
    high_cap = m.rows(np.full(count, -np.inf), zeros)  # high − upper·on ≤ 0
    m.add(high_cap, high, 1.0)
    m.add(high_cap, on, -upper)
    # r_low ≤ σ·Σ_j (f(b_j)·z_j + chord_j·(low_j − b_j·z_j))
    sigma = terms.sigma[s_terms]
    chord_rows = m.rows(np.full(count, -np.inf), zeros)
    m.add(chord_rows, r_low, 1.0)
    m.add(chord_rows[owner], low, -sigma[owner] * chord)
    m.add(chord_rows[owner], z, -sigma[owner] * (f_left - chord * left))
    position = np.full(len(terms), -1)
    position[s_terms] = np.arange(count)
    mine = (position[bp.term] >= 0) & (bp.x >= terms.inflection[bp.term])
    term = np.concatenate([bp.term[mine], s_terms])
    at = np.concatenate([bp.x[mine], infl])
    where = position[term]
    _tangents(m, terms, term, at, r_high[where], high[where], on=on[where])


def _unused_earns_nothing(m: ModelArrays, f: Formulation, r_col: np.ndarray) -> None:
    """r ≤ σ·a·use for promotion terms of minimum buys: tangents alone would let an
    unused channel-period earn their intercept at zero spend."""
    if not f.minimum_buys:
        return
    terms = f.terms
    term_of = np.full(f.n_vars, -1)
    term_of[terms.var] = np.arange(len(terms))
    _, promo_x, use, _, _ = zip(*f.minimum_buys, strict=True)
    linked = term_of[np.array(promo_x)]
    has = linked >= 0
    linked, use = linked[has], np.array(use)[has]
    rows = m.rows(np.full(len(linked), -np.inf), np.zeros(len(linked)))
    m.add(rows, r_col[linked], 1.0)
    m.add(rows, use, -terms.a[linked] * terms.sigma[linked])
