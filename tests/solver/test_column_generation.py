"""Column generation over the risk envelope (`solver.column_generation`) and its parts:
the weighted mean of draws, the master, the choice between columns and cuts."""

from __future__ import annotations

import dataclasses
import time

import numpy as np
import pytest

from solver import curves
from solver.allocation import Stopped
from solver.column_generation import by_columns
from solver.draws import DrawTerms
from solver.formulation import build
from solver.robust import robust_allocate
from solver.robust_cuts import by_cuts
from solver.robust_master import best_mix
from solver.robust_problem import Draw, RobustProblem
from tests.solver.conftest import assert_feasible
from tests.solver.test_robust import _base, _draws

TOL = 1e-5


@pytest.mark.parametrize(("risk", "alpha"), [("worst", 1.0), ("cvar", 0.25), ("mean", 1.0)])
def test_columns_and_cuts_prove_the_same_optimum(risk, alpha):
    base = _base()
    rp = RobustProblem(base, _draws(base, 8, seed=4), risk, alpha=alpha, tolerance=TOL)
    f = build(base)
    dt = DrawTerms.of(f, rp)
    columns = by_columns(rp, f, dt, None, None, time.perf_counter())
    cuts = by_cuts(rp, f, dt, None, None, time.perf_counter())
    assert columns.gap <= TOL and cuts.gap <= TOL
    assert columns.columns > 0 and columns.cuts == 0
    # Each route's answer is below the other's proved bound.
    size = abs(cuts.bound)
    assert columns.objective <= cuts.bound + 1e-9 * size
    assert cuts.objective <= columns.bound + 1e-9 * size
    assert_feasible(base, columns.spend, 1e-6)


def test_the_master_mixes_allocations_that_cover_each_other():
    # Two allocations, each good in one draw only: the worst case of the even mix is 5,
    # and the master's weights on the draws are even too.
    mix = best_mix(np.array([[10.0, 0.0], [0.0, 10.0]]), level=0.5)
    assert mix.value == pytest.approx(5.0)
    np.testing.assert_allclose(mix.weights, [0.5, 0.5], atol=1e-9)
    np.testing.assert_allclose(mix.q, [0.5, 0.5], atol=1e-9)
    # At level 1 (the mean) the better allocation alone is best.
    mean = best_mix(np.array([[10.0, 2.0], [5.0, 5.0]]), level=1.0)
    assert mean.value == pytest.approx(6.0)
    np.testing.assert_allclose(mean.weights, [1.0, 0.0], atol=1e-9)


def _mixture_case(seed: int = 1):
    base = _base()
    rp = RobustProblem(base, _draws(base, 5, seed=seed), "mean")
    f = build(base)
    return f, DrawTerms.of(f, rp)


def test_a_mixture_of_one_draw_is_that_draws_curve():
    f, dt = _mixture_case()
    terms = f.terms
    rng = np.random.default_rng(0)
    price = rng.uniform(0.1, 5.0, dt.n)
    scale = terms.sigma * terms.weight
    lo, hi = f.lo[terms.var], f.hi[terms.var]
    for d in range(dt.n_draws):
        q = np.zeros(dt.n_draws)
        q[d] = 1.0
        params = dt.params(d * dt.n + np.arange(dt.n))
        _, value = dt.mixture(q).best_response(price, lo, hi, scale)
        _, own_value = curves.best_response(*params, price, lo, hi, scale)
        np.testing.assert_allclose(value, own_value, rtol=1e-9, atol=1e-9)
        np.testing.assert_allclose(dt.mixture(q).value(None, hi), curves.value(*params, hi))


def test_the_mixtures_best_response_beats_every_point_of_a_fine_grid():
    f, dt = _mixture_case(seed=7)
    terms = f.terms
    rng = np.random.default_rng(2)
    q = rng.dirichlet(np.ones(dt.n_draws))
    mixture = dt.mixture(q)
    price = rng.uniform(0.05, 3.0, dt.n)
    scale = terms.sigma * terms.weight
    lo, hi = f.lo[terms.var], f.hi[terms.var]
    x, value = mixture.best_response(price, lo, hi, scale)
    np.testing.assert_allclose(value, scale * mixture.value(None, x) - price * x, rtol=1e-12)
    for share in np.linspace(0.0, 1.0, 2001):
        at = lo + share * (hi - lo)
        assert np.all(scale * mixture.value(None, at) - price * at <= value + 1e-9)


def test_minimum_buys_and_s_curves_take_the_cutting_planes():
    base = _base()
    draws = _draws(base, 4, seed=2)
    concave = robust_allocate(RobustProblem(base, draws, "worst", tolerance=1e-3))
    assert concave.columns > 0 and concave.cuts == 0
    buys = dataclasses.replace(base, channels=tuple(
        dataclasses.replace(ch, min_when_used=12.0) for ch in base.channels))
    mip = robust_allocate(RobustProblem(buys, draws, "worst", tolerance=1e-3))
    assert mip.cuts > 0 and mip.columns == 0
    # One draw with an S-shaped brand curve: the draws' values are not concave.
    s_shaped = (Draw(tuple((p, dataclasses.replace(b, s=2.0)) for p, b in draws[0].curves)),
                *draws[1:])
    s_curve = robust_allocate(RobustProblem(base, s_shaped, "worst", tolerance=1e-3))
    assert s_curve.cuts > 0 and s_curve.columns == 0
    assert s_curve.bound >= s_curve.objective


def test_a_caller_can_stop_the_column_generation_between_solves():
    base = _base()
    rp = RobustProblem(base, _draws(base, 6, seed=3), "worst", tolerance=1e-9)
    asked = []

    def stop_at_the_third_ask() -> bool:
        asked.append(True)
        return len(asked) >= 3

    with pytest.raises(Stopped):
        robust_allocate(rp, should_stop=stop_at_the_third_ask)
    assert len(asked) == 3
