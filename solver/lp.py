"""The piecewise-linear model on OR-Tools MathOpt, built straight from arrays.

Variables: the formulation's own (spend, brand stock, minimum-buy switches),
then one bounded variable per curve piece (``piece[c,t,k]``). Rows: the
formulation's rows with every curve term expanded over its pieces, then one
link per curve term, ``var[c,t] − Σ_k piece[c,t,k] = 0``. Because the chord
slopes fall, a maximising LP fills the pieces in order, so the pieces add up to
the curve's chord approximation. The model proto is filled from numpy arrays:
building it through per-variable Python calls costs seconds at 50 × 52 × 2.
Between refinement rounds the plain LP stays alive in GLOP (`PieceModel`) and
only what changed is sent, so each round starts from the last basis.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from solver.errors import NoAllocation
from solver.formulation import Formulation
from solver.pieces import Breakpoints

GLOP, SCIP, HIGHS = "glop", "scip", "highs"
_WHISKER = 1e-7


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


@dataclass
class ModelArrays:
    """Columns, rows and COO entries of a model as it is assembled."""

    lo: list[np.ndarray] = field(default_factory=list)
    hi: list[np.ndarray] = field(default_factory=list)
    obj: list[np.ndarray] = field(default_factory=list)
    integer: list[np.ndarray] = field(default_factory=list)
    lb: list[np.ndarray] = field(default_factory=list)
    ub: list[np.ndarray] = field(default_factory=list)
    entries: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = field(default_factory=list)
    n_cols: int = 0
    n_rows: int = 0

    def columns(self, lo: np.ndarray, hi: np.ndarray, obj: np.ndarray,
                integer: np.ndarray | bool = False) -> np.ndarray:
        ids = np.arange(self.n_cols, self.n_cols + len(lo))
        self.lo.append(np.asarray(lo, dtype=float))
        self.hi.append(np.asarray(hi, dtype=float))
        self.obj.append(np.asarray(obj, dtype=float))
        self.integer.append(np.broadcast_to(np.asarray(integer, dtype=bool), len(lo)))
        self.n_cols += len(lo)
        return ids

    def rows(self, lb: np.ndarray, ub: np.ndarray) -> np.ndarray:
        ids = np.arange(self.n_rows, self.n_rows + len(lb))
        self.lb.append(np.asarray(lb, dtype=float))
        self.ub.append(np.asarray(ub, dtype=float))
        self.n_rows += len(lb)
        return ids

    def add(self, rows: np.ndarray, cols: np.ndarray, values: np.ndarray) -> None:
        rows, cols, values = np.broadcast_arrays(rows, cols, np.asarray(values, dtype=float))
        self.entries.append((rows, cols, values))

    def proto(self):
        rid, cid, val = (np.concatenate(part) if part else np.zeros(0)
                         for part in zip(*self.entries, strict=True))
        return build_proto(np.concatenate(self.lo), np.concatenate(self.hi),
                           np.concatenate(self.obj), np.concatenate(self.integer),
                           rid.astype(int), cid.astype(int), val,
                           np.concatenate(self.lb), np.concatenate(self.ub))


def _solver_type(name: str) -> int:
    from ortools.math_opt.python import parameters

    return {GLOP: parameters.SolverType.GLOP, SCIP: parameters.SolverType.GSCIP,
            HIGHS: parameters.SolverType.HIGHS}[name].value


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
) -> LpSolution:
    """Solve the piecewise model.

    :param fixed: pins formulation variables (the integers after a MIP, to read
        the duals of the continuous problem around it); `fixed_switches` does the
        same for the S-curve switches.
    :param elastic: minimise the relative violation of every planner constraint
        instead (for explaining infeasibility).
    :param solver: force GLOP, HIGHS or SCIP instead of the choice made here (to
        check a doubtful answer on another solver).
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
    piece_term, left, width, slope = bp.pieces(terms)
    weight = np.zeros(len(width)) if elastic else \
        terms.weight[piece_term] * terms.sigma[piece_term] * slope
    objective = np.zeros(n) if elastic else f.objective.copy()
    if not elastic and not f.problem.spend_all:
        # With "up to" the budget, money that would earn (next to) nothing stays
        # unspent rather than filling flat pieces: a whisker of cost per unit,
        # relative to a typical piece's return (a solver's tolerances see it, the
        # answer does not: curves steep near zero must not set its size).
        earning = np.abs(weight[weight != 0])
        objective[: f.n_x] -= _WHISKER * (float(np.median(earning)) if len(earning) else 0.0)
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
    primal = np.zeros(m.n_cols)
    values = solution.primal_solution.variable_values
    primal[np.asarray(values.ids, dtype=int)] = values.values
    duals = np.zeros(m.n_rows)
    reduced = np.zeros(m.n_cols)
    if solution.HasField("dual_solution"):
        dual_values = solution.dual_solution.dual_values
        duals[np.asarray(dual_values.ids, dtype=int)] = dual_values.values
        costs = solution.dual_solution.reduced_costs
        reduced[np.asarray(costs.ids, dtype=int)] = costs.values
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


def build_proto(lo, hi, obj, integers, rid, cid, val, lb, ub):
    """A MathOpt ModelProto (maximising) from column and row arrays and COO entries."""
    from ortools.math_opt import model_pb2

    proto = model_pb2.ModelProto(name="allocation")
    proto.variables.ids.extend(range(len(lo)))
    proto.variables.lower_bounds.extend(lo.tolist())
    proto.variables.upper_bounds.extend(hi.tolist())
    proto.variables.integers.extend(np.asarray(integers, dtype=bool).tolist())
    proto.objective.maximize = True
    nonzero = np.flatnonzero(obj)
    proto.objective.linear_coefficients.ids.extend(nonzero.tolist())
    proto.objective.linear_coefficients.values.extend(obj[nonzero].tolist())
    proto.linear_constraints.ids.extend(range(len(lb)))
    proto.linear_constraints.lower_bounds.extend(lb.tolist())
    proto.linear_constraints.upper_bounds.extend(ub.tolist())
    keep = val != 0
    rid, cid, val = rid[keep], cid[keep], val[keep]
    order = np.lexsort((cid, rid))
    matrix = proto.linear_constraint_matrix
    matrix.row_ids.extend(rid[order].tolist())
    matrix.column_ids.extend(cid[order].tolist())
    matrix.coefficients.extend(val[order].tolist())
    return proto


def status_of(result) -> str:
    from ortools.math_opt import result_pb2

    reason = result_pb2.TerminationReasonProto.Name(result.termination.reason)
    return reason.removeprefix("TERMINATION_REASON_").lower()


def _parameters(name: str, time_limit: float, hint: np.ndarray | None,
                keep: tuple[int, int] | None = None):
    """Solve parameters and model parameters (hints) for solver `name`, as protos.

    :param keep: (variables, rows): return values, reduced costs and duals of the
        first ones only (the formulation's), not of every piece: reading 100,000
        piece values back into Python costs more than the solver's last iterations.
    """
    from ortools.math_opt.python import model_parameters, parameters

    params = parameters.SolveParameters(time_limit=dt.timedelta(seconds=max(time_limit, 0.01)))
    params_proto = params.to_proto()
    if name == GLOP:
        # Dual simplex: the piece model's many bounded columns suit it far better
        # than primal simplex (0.4 s against 1.5 s at 50 × 52 × 2).
        params_proto.glop.use_dual_simplex = True
        params_proto.glop.use_preprocessing = False
    elif name == HIGHS and hint is None:  # hints come only with MIPs
        params_proto.lp_algorithm = parameters.LPAlgorithm.DUAL_SIMPLEX.value
    model_params = model_parameters.ModelSolveParameters().to_proto()
    if hint is not None:
        h = model_params.solution_hints.add()
        h.variable_values.ids.extend(range(len(hint)))
        h.variable_values.values.extend(np.asarray(hint, dtype=float).tolist())
    if keep is not None:
        for target, count in ((model_params.variable_values_filter, keep[0]),
                              (model_params.reduced_costs_filter, keep[0]),
                              (model_params.dual_values_filter, keep[1])):
            target.filter_by_ids = True
            target.filtered_ids.extend(range(count))
    return params_proto, model_params


def run(proto, name: str, time_limit: float, hint: np.ndarray | None):
    """Solve a ModelProto with MathOpt's solver `name`; the raw SolveResultProto."""
    from ortools.math_opt import result_pb2
    from ortools.math_opt.core.python import solver as core
    from ortools.math_opt.python import callback, init_arguments

    params_proto, model_params = _parameters(name, time_limit, hint)
    raw = core.solve(proto, _solver_type(name),
                     init_arguments.StreamableSolverInitArguments().to_proto(),
                     params_proto, model_params, None,
                     callback.CallbackRegistration().to_proto(), None, None)
    return raw if not isinstance(raw, bytes) else result_pb2.SolveResultProto.FromString(raw)


class PieceModel:
    """The plain piece LP (no integers, no curves inside rows) kept alive in GLOP
    between refinement rounds: each round sends only what changed, as a MathOpt
    model update, and GLOP starts from the last round's basis.

    A refined piece keeps its column (its width and chord slope change), the new
    pieces are new columns linked to the same term. Rebuilding and re-validating
    the whole model each round, and solving it from scratch, was most of the time
    at 50 × 52 × 2.
    """

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
        return _WHISKER * (float(np.median(earning)) if len(earning) else 0.0)

    def solve(self, bp: Breakpoints, time_limit: float) -> LpSolution:
        """Solve with the pieces of `bp` (a refinement of the previous call's)."""
        from ortools.math_opt.core.python import solver as core
        from ortools.math_opt.python import callback, init_arguments

        f = self.f
        n, terms = f.n_vars, f.terms
        if np.any(f.lo > f.hi):
            return LpSolution("infeasible", np.zeros(n), np.zeros(len(f.rows)), float("nan"))
        piece_term, left, width, slope = bp.pieces(terms)
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
            self._solver = core.new(_solver_type(GLOP), m.proto(),
                                    init_arguments.StreamableSolverInitArguments().to_proto())
            column = cols
            self._n_cols = m.n_cols
        else:
            column, update = self._update(piece_term, left, width, weight, x_cost)
            if not self._solver.update(update):
                raise NoAllocation("GLOP refused an update of the piece model")
        self._term, self._left = piece_term, left
        self._width, self._weight, self._x_cost = width, weight, x_cost
        self._column = column
        params, model_params = _parameters(GLOP, time_limit, None, keep=(n, len(f.rows)))
        result = self._solver.solve(params, model_params, None,
                                    callback.CallbackRegistration().to_proto(), None, None)
        status = status_of(result)
        if status in ("imprecise", "numerical_error", "no_solution_found", "other_error"):
            self._solver = None  # start afresh next time; this time HiGHS from scratch
            return solve(self.f, bp, time_limit=time_limit, solver=HIGHS)
        if status in ("infeasible", "infeasible_or_unbounded"):
            return LpSolution("infeasible", np.zeros(n), np.zeros(len(f.rows)), float("nan"))
        if status not in ("optimal", "feasible") or not result.solutions:
            raise NoAllocation(f"the solver stopped without an allocation ({status}: "
                               f"{result.termination.detail or 'no detail'})")
        primal, duals, reduced = _read(result.solutions[0], self._n_cols, n_rows)
        return LpSolution(status, primal[:n], duals[: len(f.rows)],
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
        # Pair old and new pieces with the same (term, left): sort both together.
        key_term = np.concatenate([self._term, term])
        key_left = np.concatenate([self._left, left])
        origin = np.concatenate([np.zeros(old_n, dtype=int), np.ones(new_n, dtype=int)])
        index = np.concatenate([np.arange(old_n), np.arange(new_n)])
        order = np.lexsort((origin, key_left, key_term))
        o_term, o_left, o_origin, o_index = (a[order] for a in (key_term, key_left, origin,
                                                                 index))
        pair = (o_origin[:-1] == 0) & (o_origin[1:] == 1) & (o_term[:-1] == o_term[1:]) \
            & (o_left[:-1] == o_left[1:])
        old_of = np.full(new_n, -1)
        old_of[o_index[1:][pair]] = o_index[:-1][pair]
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
        order = np.lexsort((cols, link_row))
        matrix = update.linear_constraint_matrix_updates
        matrix.row_ids.extend(link_row[order].tolist())
        matrix.column_ids.extend(cols[order].tolist())
        matrix.coefficients.extend([-1.0] * len(cols))
        return column, update


def _read(solution, n_cols: int, n_rows: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Primal values, duals and reduced costs of a MathOpt solution as dense arrays."""
    primal = np.zeros(n_cols)
    values = solution.primal_solution.variable_values
    primal[np.asarray(values.ids, dtype=int)] = values.values
    duals = np.zeros(n_rows)
    reduced = np.zeros(n_cols)
    if solution.HasField("dual_solution"):
        dual_values = solution.dual_solution.dual_values
        duals[np.asarray(dual_values.ids, dtype=int)] = dual_values.values
        costs = solution.dual_solution.reduced_costs
        reduced[np.asarray(costs.ids, dtype=int)] = costs.values
    return primal, duals, reduced
