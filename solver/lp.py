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

from solver import pieces as pw
from solver.errors import NoAllocation
from solver.formulation import Formulation

GLOP, SCIP, HIGHS = "glop", "scip", "highs"


@dataclass
class Breakpoints:
    """Per curve block, per period: sorted breakpoints from 0 to the term's upper bound."""

    points: list[list[np.ndarray]]
    tau: list[float]

    @classmethod
    def initial(cls, f: Formulation) -> Breakpoints:
        points, tau = [], []
        for block in f.blocks:
            tau.append(pw.tangent_from_origin(block.curve))
            points.append([pw.initial(block.curve, float(f.hi[v])) for v in block.variables])
        return cls(points, tau)

    @property
    def size(self) -> int:
        return sum(len(p) - 1 for block in self.points for p in block)


@dataclass(frozen=True)
class LpSolution:
    status: str
    values: np.ndarray          # the formulation's variables
    duals: np.ndarray           # one per formulation row
    objective: float            # the piecewise objective
    best_bound: float | None    # MIP solver's own bound on the piecewise objective
    violations: np.ndarray | None = None  # elastic mode: how far each row had to give


def _solver_type(name: str) -> int:
    from ortools.math_opt.python import parameters

    return {GLOP: parameters.SolverType.GLOP, SCIP: parameters.SolverType.GSCIP,
            HIGHS: parameters.SolverType.HIGHS}[name].value


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
    to read the duals); `elastic` minimises the violation of every planner
    constraint instead (for explaining infeasibility)."""
    from ortools.math_opt import model_pb2, result_pb2
    from ortools.math_opt.core.python import solver as core
    from ortools.math_opt.python import (
        callback,
        init_arguments,
        model_parameters,
        parameters,
    )

    n = f.n_vars
    lo, hi = f.lo.copy(), f.hi.copy()
    for index, value in (fixed or {}).items():
        lo[index] = hi[index] = value
    objective = f.objective.copy() if not elastic else np.zeros(n)

    # Piece columns and their slopes.
    piece_lo, piece_hi, piece_obj = [], [], []
    link_rows: list[tuple[int, np.ndarray]] = []  # (var, piece column ids)
    curve_piece_cols: list[list[tuple[np.ndarray, np.ndarray]]] = []  # [block][t] (cols, slope)
    column = n
    for b, block in enumerate(f.blocks):
        per_t = []
        for t, var in enumerate(block.variables):
            points = bp.points[b][t]
            widths = np.diff(points)
            slope = pw.slopes(block.curve, points) if len(points) > 1 else np.zeros(0)
            cols = np.arange(column, column + len(widths))
            column += len(widths)
            piece_lo.append(np.zeros(len(widths)))
            piece_hi.append(widths)
            weight = 0.0 if elastic else block.weight * block.sigma[t]
            piece_obj.append(weight * slope)
            link_rows.append((int(var), cols))
            per_t.append((cols, block.sigma[t] * slope))
        curve_piece_cols.append(per_t)
    n_cols = column
    all_lo = np.concatenate([lo, *piece_lo]) if piece_lo else lo
    all_hi = np.concatenate([hi, *piece_hi]) if piece_hi else hi
    all_obj = np.concatenate([objective, *piece_obj]) if piece_obj else objective

    row_ids, col_ids, coefs, row_lb, row_ub = [], [], [], [], []
    slack_cols: list[tuple[int, int, float]] = []  # (row, column, sign)
    for r, row in enumerate(f.rows):
        cols = list(row.columns)
        vals = list(row.coefficients)
        for block_id, coef in row.curve_terms:
            for piece_cols, weighted_slope in curve_piece_cols[block_id]:
                cols.extend(piece_cols.tolist())
                vals.extend((coef * weighted_slope).tolist())
        if elastic and not row.structural:
            scale = max(1.0, *(abs(v) for v in (row.lb, row.ub) if np.isfinite(v)))
            for sign, bound in ((1.0, row.lb), (-1.0, row.ub)):
                if np.isfinite(bound):
                    slack_cols.append((r, n_cols + len(slack_cols), sign))
                    cols.append(slack_cols[-1][1])
                    vals.append(sign)  # +slack lifts the row to its lb, −slack lowers it
                    all_obj = np.append(all_obj, -1.0 / scale)
        row_ids.extend([r] * len(cols))
        col_ids.extend(cols)
        coefs.extend(vals)
        row_lb.append(row.lb)
        row_ub.append(row.ub)
    n_rows = len(f.rows)
    for i, (var, cols) in enumerate(link_rows):
        r = n_rows + i
        row_ids.extend([r] * (len(cols) + 1))
        col_ids.extend([var, *cols.tolist()])
        coefs.extend([1.0, *([-1.0] * len(cols))])
        row_lb.append(0.0)
        row_ub.append(0.0)
    n_slack = len(slack_cols)
    all_lo = np.concatenate([all_lo, np.zeros(n_slack)])
    all_hi = np.concatenate([all_hi, np.full(n_slack, np.inf)])
    integers = np.zeros(len(all_lo), dtype=bool)
    integers[:n] = f.integer & (np.asarray([i not in (fixed or {}) for i in range(n)]))

    proto = model_pb2.ModelProto(name="allocation")
    variables = proto.variables
    variables.ids.extend(range(len(all_lo)))
    variables.lower_bounds.extend(all_lo)
    variables.upper_bounds.extend(all_hi)
    variables.integers.extend(integers.tolist())
    proto.objective.maximize = True
    nonzero = np.flatnonzero(all_obj)
    proto.objective.linear_coefficients.ids.extend(nonzero.tolist())
    proto.objective.linear_coefficients.values.extend(all_obj[nonzero].tolist())
    total_rows = len(row_lb)
    proto.linear_constraints.ids.extend(range(total_rows))
    proto.linear_constraints.lower_bounds.extend(row_lb)
    proto.linear_constraints.upper_bounds.extend(row_ub)
    rid, cid, val = np.asarray(row_ids), np.asarray(col_ids), np.asarray(coefs, dtype=float)
    order = np.lexsort((cid, rid))
    matrix = proto.linear_constraint_matrix
    matrix.row_ids.extend(rid[order].tolist())
    matrix.column_ids.extend(cid[order].tolist())
    matrix.coefficients.extend(val[order].tolist())

    is_mip = bool(integers.any())
    name = SCIP if (is_mip and solver == GLOP) else solver
    params = parameters.SolveParameters(time_limit=dt.timedelta(seconds=time_limit))
    model_params = model_parameters.ModelSolveParameters()
    model_params_proto = model_params.to_proto()
    if hint is not None and is_mip:
        h = model_params_proto.solution_hints.add()
        h.variable_values.ids.extend(range(n))
        h.variable_values.values.extend(np.asarray(hint, dtype=float)[:n].tolist())
    params_proto = params.to_proto()
    if name == GLOP:
        # Dual simplex: the piece model's many bounded columns suit it far better
        # than primal simplex (0.4 s against 1.5 s at 50 × 52 × 2).
        params_proto.glop.use_dual_simplex = True
    raw = core.solve(proto, _solver_type(name),
                     init_arguments.StreamableSolverInitArguments().to_proto(),
                     params_proto, model_params_proto, None,
                     callback.CallbackRegistration().to_proto(), None, None)
    result = raw if not isinstance(raw, bytes) else result_pb2.SolveResultProto.FromString(raw)
    reason = result_pb2.TerminationReasonProto.Name(result.termination.reason)
    status = reason.removeprefix("TERMINATION_REASON_").lower()
    if status in ("infeasible", "infeasible_or_unbounded"):
        return LpSolution("infeasible", np.zeros(n), np.zeros(len(f.rows)), float("nan"), None)
    if status not in ("optimal", "feasible") or not result.solutions:
        raise NoAllocation(f"the solver stopped without an allocation ({status}: "
                           f"{result.termination.detail or 'no detail'})")
    solution = result.solutions[0]
    primal = np.zeros(len(all_lo))
    primal[np.asarray(solution.primal_solution.variable_values.ids, dtype=int)] = \
        solution.primal_solution.variable_values.values
    duals = np.zeros(total_rows)
    if solution.HasField("dual_solution"):
        ids = np.asarray(solution.dual_solution.dual_values.ids, dtype=int)
        duals[ids] = solution.dual_solution.dual_values.values
    best_bound = result.termination.objective_bounds.dual_bound if is_mip else None
    violations = None
    if elastic:
        violations = np.zeros(n_rows)
        for r, col, _sign in slack_cols:
            violations[r] += primal[col]
    return LpSolution(status, primal[:n], duals[:n_rows],
                      float(solution.primal_solution.objective_value), best_bound, violations)
