"""The piecewise-linear model on OR-Tools MathOpt, built straight from arrays.

Variables: the formulation's own (spend, brand stock, minimum-buy switches),
then one bounded variable per curve piece (``piece[c,t,k]``). Rows: the
formulation's rows with every curve term expanded over its pieces, then one
link per curve term, ``var[c,t] − Σ_k piece[c,t,k] = 0``. Because the chord
slopes fall, a maximising LP fills the pieces in order, so the pieces add up to
the curve's chord approximation. The model proto is filled from numpy arrays:
building it through per-variable Python calls costs seconds at 50 × 52 × 2.
Between refinement rounds the plain LP stays alive in GLOP instead
(`solver.piece_model`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from solver.errors import NoAllocation
from solver.formulation import Formulation
from solver.mathopt import GLOP, HIGHS, SCIP, ModelArrays, read_solution, run, status_of
from solver.pieces import Breakpoints

WHISKER = 1e-7  # cost per unspent-budget unit, relative to a typical piece's return


@dataclass(frozen=True)
class LpSolution:
    status: str
    values: np.ndarray          # the formulation's variables
    duals: np.ndarray           # one per formulation row
    objective: float            # the piecewise objective
    violations: np.ndarray | None = None  # elastic: how far each row fell below its lb
    excesses: np.ndarray | None = None    # elastic: how far each row rose above its ub
    switches: np.ndarray | None = None    # exact S-curves: first piece taken (1) or not
    reduced_costs: np.ndarray | None = None  # per formulation variable: what its bound is worth


def solve(
    f: Formulation,
    bp: Breakpoints,
    *,
    fixed: dict[int, float] | None = None,
    fixed_switches: np.ndarray | None = None,
    elastic: bool = False,
    time_limit: float = 60.0,
    hint: np.ndarray | None = None,
    solver: str | None = None,
    heights: np.ndarray | None = None,
) -> LpSolution:
    """Solve the piecewise model.

    :param fixed: pins formulation variables (the integers after a MIP, to read
        the duals of the continuous problem around it); `fixed_switches` does the
        same for the S-curve switches.
    :param elastic: minimise the relative violation of every planner constraint
        instead (for explaining infeasibility).
    :param solver: force GLOP, HIGHS or SCIP instead of the choice made here (to
        check a doubtful answer on another solver).
    :param heights: the curve at every breakpoint, when not each term's own.
    """
    n = f.n_vars
    terms = f.terms
    m = ModelArrays()
    lo, hi, integer = f.lo.copy(), f.hi.copy(), f.integer.copy()
    for index, value in (fixed or {}).items():
        lo[index] = hi[index] = value
        integer[index] = False
    if np.any(lo > hi):  # a lock above what its cell can take
        return LpSolution("infeasible", np.zeros(n), np.zeros(len(f.rows)), float("nan"))
    piece_term, left, width, slope = bp.pieces(terms, heights)
    weight = np.zeros(len(width)) if elastic else \
        terms.weight[piece_term] * terms.sigma[piece_term] * slope
    objective = np.zeros(n) if elastic else f.objective.copy()
    if not elastic and not f.problem.spend_all:
        # With "up to" the budget, money that would earn (next to) nothing stays
        # unspent rather than filling flat pieces: a whisker of cost per unit,
        # relative to a typical piece's return (a solver's tolerances see it, the
        # answer does not: curves steep near zero must not set its size).
        earning = np.abs(weight[weight != 0])
        objective[: f.n_x] -= WHISKER * (float(np.median(earning)) if len(earning) else 0.0)
    m.columns(lo, hi, objective, integer)
    piece_col = m.columns(np.zeros(len(width)), width, weight)

    rid, cid, val, row_lb, row_ub = f.matrix()
    m.rows(row_lb, row_ub)
    m.add(rid, cid, val)
    # Curve terms inside rows (revenue target, brand floor, return on spend).
    for r, row in enumerate(f.rows):
        for block_id, coef in row.curve_terms:
            mask = terms.block[piece_term] == block_id
            m.add(np.full(int(mask.sum()), r), piece_col[mask],
                  coef * terms.sigma[piece_term[mask]] * slope[mask])
    # Links: var − Σ pieces = 0, one row per curve term.
    link_row = m.rows(np.zeros(len(terms)), np.zeros(len(terms)))
    m.add(link_row, terms.var, 1.0)
    m.add(link_row[piece_term], piece_col, -1.0)
    switch_col = np.zeros(0, dtype=int)
    if bp.exact_s and not elastic:
        switch_col = _s_switches(m, terms, piece_term, left, width, piece_col, fixed_switches)
    slack_rows = slack_cols = slack_sign = np.zeros(0, dtype=int)
    if elastic:
        slack_rows, slack_cols, slack_sign = _elastic_slacks(f, m)

    is_mip = bool(np.concatenate(m.integer).any())
    name = GLOP
    if is_mip:
        name = SCIP
    elif any(row.curve_terms for row in f.rows):
        # A row over every piece's slope (revenue target, brand floor, return on
        # spend) is badly scaled for GLOP (seconds, or a wrong "infeasible");
        # HiGHS's dual simplex takes it in a fraction of a second.
        name = HIGHS
    if solver is not None:
        name = solver
    proto = m.proto()
    result = run(proto, name, time_limit, hint[:n] if (hint is not None and is_mip) else None)
    status = status_of(result)
    if status in ("imprecise", "numerical_error", "no_solution_found", "other_error") \
            and name == GLOP:
        # GLOP occasionally loses precision on finely refined pieces; HiGHS's simplex
        # takes the same model from scratch.
        result = run(proto, HIGHS, time_limit, None)
        status = status_of(result)
    if status in ("infeasible", "infeasible_or_unbounded"):
        return LpSolution("infeasible", np.zeros(n), np.zeros(len(f.rows)), float("nan"))
    if status not in ("optimal", "feasible") or not result.solutions:
        raise NoAllocation(f"the solver stopped without an allocation ({status}: "
                           f"{result.termination.detail or 'no detail'})")
    solution = result.solutions[0]
    primal, duals, reduced = read_solution(solution, m.n_cols, m.n_rows)
    under = over = None
    if elastic:
        lifted = primal[slack_cols]
        under = np.bincount(slack_rows, weights=np.where(slack_sign > 0, lifted, 0.0),
                            minlength=len(f.rows))
        over = np.bincount(slack_rows, weights=np.where(slack_sign < 0, lifted, 0.0),
                           minlength=len(f.rows))
    switches = np.round(primal[switch_col]) if len(switch_col) else None
    return LpSolution(status, primal[:n], duals[: len(f.rows)],
                      float(solution.primal_solution.objective_value), under, over, switches,
                      reduced[:n])


def _s_switches(m: ModelArrays, terms, piece_term: np.ndarray, left: np.ndarray,
                width: np.ndarray, piece_col: np.ndarray,
                fixed: np.ndarray | None) -> np.ndarray:
    """S-curves solved exactly: a switch per S-curve term takes its first piece
    (0 to the inflection point) whole or not at all, and later pieces only when on,
    so the spend is 0 or on the concave part, where chords are exact again."""
    s_terms = np.flatnonzero((terms.inflection > 0) & (terms.upper > 0))
    count = len(s_terms)
    lo = np.zeros(count) if fixed is None else np.asarray(fixed, dtype=float)
    hi = np.ones(count) if fixed is None else np.asarray(fixed, dtype=float)
    switch_col = m.columns(lo, hi, np.zeros(count), integer=fixed is None)
    position = np.full(len(terms), -1)
    position[s_terms] = np.arange(count)
    on = np.flatnonzero(position[piece_term] >= 0)
    rows = m.rows(np.where(left[on] == 0, 0.0, -np.inf), np.zeros(len(on)))
    m.add(rows, piece_col[on], 1.0)
    m.add(rows, switch_col[position[piece_term[on]]], -width[on])
    return switch_col


def _elastic_slacks(f: Formulation,
                    m: ModelArrays) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One slack per finite side of every planner row, costed by the row's scale,
    so the solver gives way where the violation is relatively smallest."""
    _, _, _, lb, ub = f.matrix()
    natural = np.array([r.scale or 0.0 for r in f.rows])
    soft = np.array([not r.structural for r in f.rows], dtype=bool)
    rows, signs = [], []
    for side, sign in ((lb, 1.0), (ub, -1.0)):
        chosen = np.flatnonzero(soft & np.isfinite(side))
        rows.append(chosen)
        signs.append(np.full(len(chosen), sign))
    slack_rows = np.concatenate(rows)
    magnitude = np.maximum.reduce([np.where(np.isfinite(lb), np.abs(lb), 0.0),
                                   np.where(np.isfinite(ub), np.abs(ub), 0.0), natural])
    scale = np.maximum(1.0, magnitude)[slack_rows]
    sign = np.concatenate(signs)
    cols = m.columns(np.zeros(len(slack_rows)), np.full(len(slack_rows), np.inf), -1.0 / scale)
    m.add(slack_rows, cols, sign)  # +slack lifts a row to its lb, −slack lowers it to its ub
    return slack_rows, cols, sign


