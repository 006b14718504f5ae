"""The piecewise-linear model on OR-Tools MathOpt, built straight from arrays.

Variables: the formulation's own (spend, brand stock, minimum-buy switches),
then one bounded variable per curve piece (``piece[c,t,k]``). Rows: the
formulation's rows with every curve term expanded over its pieces, then one
link per curve term, ``var[c,t] − Σ_k piece[c,t,k] = 0``. Because the chord
slopes fall, a maximising LP fills the pieces in order, so the pieces add up to
the curve's chord approximation. The model proto is filled from numpy arrays:
building it through per-variable Python calls costs seconds at 50 × 52 × 2.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from solver.errors import NoAllocation
from solver.formulation import Formulation
from solver.pieces import Breakpoints

GLOP, SCIP, HIGHS = "glop", "scip", "highs"


@dataclass(frozen=True)
class LpSolution:
    status: str
    values: np.ndarray          # the formulation's variables
    duals: np.ndarray           # one per formulation row
    objective: float            # the piecewise objective
    violations: np.ndarray | None = None  # elastic mode: how far each row had to give


def _solver_type(name: str) -> int:
    from ortools.math_opt.python import parameters

    return {GLOP: parameters.SolverType.GLOP, SCIP: parameters.SolverType.GSCIP,
            HIGHS: parameters.SolverType.HIGHS}[name].value


@dataclass
class _Columns:
    lo: list[np.ndarray]
    hi: list[np.ndarray]
    obj: list[np.ndarray]
    count: int

    def add(self, lo: np.ndarray, hi: np.ndarray, obj: np.ndarray) -> np.ndarray:
        ids = np.arange(self.count, self.count + len(lo))
        self.lo.append(lo)
        self.hi.append(hi)
        self.obj.append(obj)
        self.count += len(lo)
        return ids


def solve(
    f: Formulation,
    bp: Breakpoints,
    *,
    solver: str = GLOP,
    fixed: dict[int, float] | None = None,
    elastic: bool = False,
    time_limit: float = 60.0,
    hint: np.ndarray | None = None,
) -> LpSolution:
    """Solve the piecewise model; `fixed` pins variables (the integers after a MIP,
    to read the duals); `elastic` minimises the relative violation of every
    planner constraint instead (for explaining infeasibility)."""
    n = f.n_vars
    terms = f.terms
    lo, hi = f.lo.copy(), f.hi.copy()
    integer = f.integer.copy()
    for index, value in (fixed or {}).items():
        lo[index] = hi[index] = value
        integer[index] = False
    columns = _Columns([lo], [hi], [np.zeros(n) if elastic else f.objective.copy()], n)

    piece_term, width, slope = bp.pieces(terms)
    weight = np.zeros(len(slope)) if elastic else \
        terms.weight[piece_term] * terms.sigma[piece_term] * slope
    piece_col = columns.add(np.zeros(len(width)), width, weight)

    rid, cid, val, row_lb, row_ub = f.matrix()
    parts_r, parts_c, parts_v = [rid], [cid], [val]
    # Curve terms inside rows (revenue target, return on spend), over the pieces.
    for r, row in enumerate(f.rows):
        for block_id, coef in row.curve_terms:
            mask = terms.block[piece_term] == block_id
            parts_r.append(np.full(int(mask.sum()), r))
            parts_c.append(piece_col[mask])
            parts_v.append(coef * terms.sigma[piece_term[mask]] * slope[mask])
    n_rows = len(f.rows)
    lbs, ubs = [row_lb], [row_ub]
    slack_rows = np.zeros(0, dtype=int)
    if elastic:
        slack_rows, slack_cols = _elastic_slacks(f, columns, parts_r, parts_c, parts_v)
    # Links: var − Σ pieces = 0, one row per curve term.
    link_row = n_rows + np.arange(len(terms))
    parts_r += [link_row, link_row[piece_term]]
    parts_c += [terms.var, piece_col]
    parts_v += [np.ones(len(terms)), -np.ones(len(piece_col))]
    lbs.append(np.zeros(len(terms)))
    ubs.append(np.zeros(len(terms)))

    all_lo = np.concatenate(columns.lo)
    all_hi = np.concatenate(columns.hi)
    all_obj = np.concatenate(columns.obj)
    integers = np.zeros(columns.count, dtype=bool)
    integers[:n] = integer
    proto = _proto(all_lo, all_hi, all_obj, integers, np.concatenate(parts_r),
                   np.concatenate(parts_c), np.concatenate(parts_v),
                   np.concatenate(lbs), np.concatenate(ubs))
    is_mip = bool(integers.any())
    name = solver
    if solver == GLOP and is_mip:
        name = SCIP
    elif solver == GLOP and any(row.curve_terms for row in f.rows):
        # A row over every piece's slope (revenue target, brand floor, return on
        # spend) is badly scaled for GLOP (seconds, or a wrong "infeasible");
        # HiGHS's dual simplex takes it in a fraction of a second.
        name = HIGHS
    result = _run(proto, name, time_limit, hint[:n] if (hint is not None and is_mip) else None)
    status = _status(result)
    if status in ("imprecise", "numerical_error") and name == GLOP:
        # GLOP occasionally loses precision on finely refined pieces; HiGHS's simplex
        # takes the same model from scratch.
        result = _run(proto, HIGHS, time_limit, None)
        status = _status(result)
    if status in ("infeasible", "infeasible_or_unbounded"):
        return LpSolution("infeasible", np.zeros(n), np.zeros(n_rows), float("nan"))
    if status not in ("optimal", "feasible") or not result.solutions:
        raise NoAllocation(f"the solver stopped without an allocation ({status}: "
                           f"{result.termination.detail or 'no detail'})")
    solution = result.solutions[0]
    primal = np.zeros(columns.count)
    values = solution.primal_solution.variable_values
    primal[np.asarray(values.ids, dtype=int)] = values.values
    duals = np.zeros(len(np.concatenate(lbs)))
    if solution.HasField("dual_solution"):
        dual_values = solution.dual_solution.dual_values
        duals[np.asarray(dual_values.ids, dtype=int)] = dual_values.values
    violations = None
    if elastic:
        violations = np.bincount(slack_rows, weights=primal[slack_cols], minlength=n_rows)
    return LpSolution(status, primal[:n], duals[:n_rows],
                      float(solution.primal_solution.objective_value), violations)


def _status(result) -> str:
    from ortools.math_opt import result_pb2

    reason = result_pb2.TerminationReasonProto.Name(result.termination.reason)
    return reason.removeprefix("TERMINATION_REASON_").lower()


def _elastic_slacks(f: Formulation, columns: _Columns, parts_r: list, parts_c: list,
                    parts_v: list) -> tuple[np.ndarray, np.ndarray]:
    """One slack per finite side of every planner row, costed by the row's scale,
    so the solver gives way where the violation is relatively smallest."""
    _, _, _, lb, ub = f.matrix()
    soft = np.array([not r.structural for r in f.rows], dtype=bool)
    rows, signs = [], []
    for side, sign in ((lb, 1.0), (ub, -1.0)):
        chosen = np.flatnonzero(soft & np.isfinite(side))
        rows.append(chosen)
        signs.append(np.full(len(chosen), sign))
    slack_rows = np.concatenate(rows)
    sign = np.concatenate(signs)
    bounds = np.where(np.isfinite(lb), np.abs(lb), 0.0), np.where(np.isfinite(ub), np.abs(ub), 0.0)
    scale = np.maximum(1.0, np.maximum(*bounds))[slack_rows]
    cols = columns.add(np.zeros(len(slack_rows)), np.full(len(slack_rows), np.inf),
                       -1.0 / scale)
    parts_r.append(slack_rows)
    parts_c.append(cols)
    parts_v.append(sign)
    return slack_rows, cols


def _proto(lo, hi, obj, integers, rid, cid, val, lb, ub):
    from ortools.math_opt import model_pb2

    proto = model_pb2.ModelProto(name="allocation")
    proto.variables.ids.extend(range(len(lo)))
    proto.variables.lower_bounds.extend(lo.tolist())
    proto.variables.upper_bounds.extend(hi.tolist())
    proto.variables.integers.extend(integers.tolist())
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


def _run(proto, name: str, time_limit: float, hint: np.ndarray | None):
    from ortools.math_opt import result_pb2
    from ortools.math_opt.core.python import solver as core
    from ortools.math_opt.python import (
        callback,
        init_arguments,
        model_parameters,
        parameters,
    )

    params = parameters.SolveParameters(time_limit=dt.timedelta(seconds=max(time_limit, 0.01)))
    params_proto = params.to_proto()
    if name == GLOP:
        # Dual simplex: the piece model's many bounded columns suit it far better
        # than primal simplex (0.4 s against 1.5 s at 50 × 52 × 2).
        params_proto.glop.use_dual_simplex = True
    elif name == HIGHS and hint is None:  # hints come only with MIPs
        params_proto.lp_algorithm = parameters.LPAlgorithm.DUAL_SIMPLEX.value
    model_params = model_parameters.ModelSolveParameters().to_proto()
    if hint is not None:
        h = model_params.solution_hints.add()
        h.variable_values.ids.extend(range(len(hint)))
        h.variable_values.values.extend(np.asarray(hint, dtype=float).tolist())
    raw = core.solve(proto, _solver_type(name),
                     init_arguments.StreamableSolverInitArguments().to_proto(),
                     params_proto, model_params, None,
                     callback.CallbackRegistration().to_proto(), None, None)
    return raw if not isinstance(raw, bytes) else result_pb2.SolveResultProto.FromString(raw)
