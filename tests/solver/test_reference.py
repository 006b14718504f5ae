"""The test-only Clarabel reference says when it could not prove its answer."""

from __future__ import annotations

import warnings

from solver.curves import Curve
from solver.problem import AllocationProblem, ChannelSpec
from tests.solver.conftest import clarabel_reference, cvxpy_model


def _model():
    import cvxpy as cp

    problem = AllocationProblem(("w1", "w2"), (
        ChannelSpec("a", promotion=Curve("exponential", 100.0, 10.0)),
        ChannelSpec("b", promotion=Curve("hill", 60.0, 8.0)),
    ), budget=30.0)
    (xb, xp), cons, revenue, _ = cvxpy_model(problem)
    return cp.Problem(cp.Maximize(revenue), cons), xb, xp


def test_a_solve_stopped_short_is_a_status_not_a_warning():
    model, xb, xp = _model()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        stopped = clarabel_reference(model, xb, xp, attempts=({"max_iter": 3},))
        assert stopped.status not in ("optimal", "infeasible")
        assert stopped.spend is None
        # The default attempts go on to a proved optimum.
        proved = clarabel_reference(model, xb, xp)
    assert proved.status == "optimal" and proved.spend is not None
