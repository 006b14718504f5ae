"""An upper bound for allocations with switches (minimum buys), from tangents.

With integer switches the Lagrangian certificate can leave a duality gap, so
MIPs get a second bound: each curve is replaced by the minimum of tangent lines
(over-estimating a concave curve everywhere; for an S-curve, tangents of its
concave envelope), and the MIP solver's own proved bound on that relaxation
bounds the true optimum too — even when the solver stops at its time limit.
"""

from __future__ import annotations

import numpy as np

from solver import curves, lp
from solver.formulation import Formulation
from solver.pieces import Breakpoints


def tangent_bound(f: Formulation, bp: Breakpoints,
                  time_limit: float) -> tuple[float, np.ndarray | None]:
    """``max Σ w·r + c·v`` with ``r ≤ σ·tangent_b(v)`` at every breakpoint b > 0: a
    relaxation of the true problem, solved as a MIP. Returns its proved bound and
    its solution (where new breakpoints help most), if it found one."""
    terms = f.terms
    n = f.n_vars
    n_terms = len(terms)
    r_col = n + np.arange(n_terms)
    # r[term] is the term's response σ·f(v), at most σ·a.
    lo = np.concatenate([f.lo, np.zeros(n_terms)])
    hi = np.concatenate([f.hi, terms.a * np.maximum(terms.sigma, 0.0)])
    obj = np.concatenate([f.objective, terms.weight])
    integers = np.concatenate([f.integer, np.zeros(n_terms, dtype=bool)])

    rid, cid, val, row_lb, row_ub = f.matrix()
    parts_r, parts_c, parts_v = [rid], [cid], [val]
    for r, row in enumerate(f.rows):
        for block_id, coef in row.curve_terms:
            chosen = np.flatnonzero(terms.block == block_id)
            parts_r.append(np.full(len(chosen), r))
            parts_c.append(r_col[chosen])
            parts_v.append(np.full(len(chosen), coef))
    # Tangents at every breakpoint above 0 (the envelope's for S-curves), in the
    # response units of the term (σ·f): σ·r_unit ≤ σ·(f(b) + f'(b)·(v − b)).
    term, x = bp.term, bp.x
    keep = x > 0
    term, x = term[keep], x[keep]
    params = tuple(p[term] for p in terms.params)
    tau = terms.tau[term]
    with np.errstate(divide="ignore", invalid="ignore"):
        line = np.where(tau > 0, curves.value(*params, tau) / tau, 0.0)
    on_line = (tau > 0) & (x <= tau)
    slope = np.where(on_line, line, curves.slope(*params, x))
    value = np.where(on_line, line * x, curves.value(*params, x))
    sigma = terms.sigma[term]
    first = len(row_lb)
    tangent_rows = first + np.arange(len(term))
    parts_r += [tangent_rows, tangent_rows]
    parts_c += [r_col[term], terms.var[term]]
    parts_v += [np.ones(len(term)), -sigma * slope]
    lbs = [row_lb, np.full(len(term), -np.inf)]
    ubs = [row_ub, sigma * (value - slope * x)]
    # A channel-period that is not used returns nothing: r ≤ σ·a·use (tangents
    # alone would allow their intercept at zero spend).
    if f.minimum_buys:
        term_of = np.full(n, -1)
        term_of[terms.var] = np.arange(n_terms)
        _, promo_x, use, _, _ = zip(*f.minimum_buys, strict=True)
        linked = term_of[np.array(promo_x)]
        has = linked >= 0
        linked, use = linked[has], np.array(use)[has]
        rows = first + len(term) + np.arange(len(linked))
        parts_r += [rows, rows]
        parts_c += [r_col[linked], use]
        parts_v += [np.ones(len(linked)), -terms.a[linked] * terms.sigma[linked]]
        lbs.append(np.full(len(linked), -np.inf))
        ubs.append(np.zeros(len(linked)))
    lbs, ubs = np.concatenate(lbs), np.concatenate(ubs)
    proto = lp.build_proto(lo, hi, obj, integers, np.concatenate(parts_r),
                           np.concatenate(parts_c), np.concatenate(parts_v), lbs, ubs)
    result = lp.run(proto, lp.SCIP, time_limit, None)
    status = lp.status_of(result)
    if status in ("infeasible", "infeasible_or_unbounded"):
        return -np.inf, None
    bound = result.termination.objective_bounds.dual_bound
    values = None
    if result.solutions:
        primal = result.solutions[0].primal_solution.variable_values
        values = np.zeros(len(lo))
        values[np.asarray(primal.ids, dtype=int)] = primal.values
        values = values[:n]
    return (float(bound) if np.isfinite(bound) else np.inf), values
