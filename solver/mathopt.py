"""MathOpt plumbing shared by every model: assembling a model from numpy arrays,
solving it once or keeping it alive for incremental updates, and reading the
answer back as dense arrays.

Models are filled from numpy arrays straight into a ModelProto: building them
through per-variable Python calls costs seconds at 50 × 52 × 2.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

GLOP, SCIP, HIGHS = "glop", "scip", "highs"


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


def solver_type(name: str) -> int:
    from ortools.math_opt.python import parameters

    return {GLOP: parameters.SolverType.GLOP, SCIP: parameters.SolverType.GSCIP,
            HIGHS: parameters.SolverType.HIGHS}[name].value


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
    put_entries(proto.linear_constraint_matrix, rid[keep], cid[keep], val[keep])
    return proto


def put_entries(matrix, rows: np.ndarray, cols: np.ndarray, vals: np.ndarray) -> None:
    """COO entries into a MathOpt sparse matrix proto, which wants them in row-major
    order."""
    order = np.lexsort((cols, rows))
    matrix.row_ids.extend(rows[order].tolist())
    matrix.column_ids.extend(cols[order].tolist())
    matrix.coefficients.extend(vals[order].tolist())


def status_of(result) -> str:
    from ortools.math_opt import result_pb2

    reason = result_pb2.TerminationReasonProto.Name(result.termination.reason)
    return reason.removeprefix("TERMINATION_REASON_").lower()


def solve_parameters(name: str, time_limit: float, hint: np.ndarray | None,
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

    params_proto, model_params = solve_parameters(name, time_limit, hint)
    raw = core.solve(proto, solver_type(name),
                     init_arguments.StreamableSolverInitArguments().to_proto(),
                     params_proto, model_params, None,
                     callback.CallbackRegistration().to_proto(), None, None)
    return raw if not isinstance(raw, bytes) else result_pb2.SolveResultProto.FromString(raw)


def primal_values(solution, n_cols: int) -> np.ndarray:
    """A MathOpt solution's primal values as a dense array."""
    primal = np.zeros(n_cols)
    values = solution.primal_solution.variable_values
    primal[np.asarray(values.ids, dtype=int)] = values.values
    return primal


def read_solution(solution, n_cols: int,
                  n_rows: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Primal values, duals and reduced costs of a MathOpt solution as dense arrays."""
    duals = np.zeros(n_rows)
    reduced = np.zeros(n_cols)
    if solution.HasField("dual_solution"):
        dual_values = solution.dual_solution.dual_values
        duals[np.asarray(dual_values.ids, dtype=int)] = dual_values.values
        costs = solution.dual_solution.reduced_costs
        reduced[np.asarray(costs.ids, dtype=int)] = costs.values
    return primal_values(solution, n_cols), duals, reduced


class Incremental:
    """A model kept alive in one solver between solves: later solves receive only a
    MathOpt model update and start from the last basis."""

    def __init__(self, proto, name: str = GLOP) -> None:
        from ortools.math_opt.core.python import solver as core
        from ortools.math_opt.python import init_arguments

        self.name = name
        self._solver = core.new(solver_type(name), proto,
                                init_arguments.StreamableSolverInitArguments().to_proto())

    def update(self, update) -> bool:
        """Apply a ModelUpdateProto; False when the solver cannot take it in place."""
        return bool(self._solver.update(update))

    def solve(self, time_limit: float, keep: tuple[int, int] | None = None):
        """The raw SolveResultProto of solving the model as it now stands."""
        from ortools.math_opt.python import callback

        params, model_params = solve_parameters(self.name, time_limit, None, keep)
        return self._solver.solve(params, model_params, None,
                                  callback.CallbackRegistration().to_proto(), None, None)
