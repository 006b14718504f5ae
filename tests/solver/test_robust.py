"""Allocation across curve draws (`solver.robust`) against an independent convex solve.

Property tests on concave problems with every rule of the optimiser: for the mean,
the worst case and CVaR, the answer obeys the rules to 1e-6, its risk measure is
what an independent evaluation over the draws gives, it is within the certified gap
of Clarabel's optimum, and the bound is never below that optimum.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from solver.allocation import allocate
from solver.curves import Curve
from solver.errors import InvalidProblem
from solver.problem import AllocationProblem, ChannelSpec
from solver.result import Infeasible
from solver.robust import price_of_robustness, robust_allocate
from solver.robust_problem import Draw, RobustProblem, risk_measure
from tests.solver.conftest import assert_feasible
from tests.solver.robust_reference import measure, outcomes, robust_reference
from tests.solver.test_allocation import general_problems

PROPERTY = settings(max_examples=25, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
TOL = 1e-4


def _scaled(curve: Curve | None, a: float, k: float) -> Curve | None:
    return None if curve is None else dataclasses.replace(curve, a=curve.a * a, k=curve.k * k)


@st.composite
def draws_of(draw, problem: AllocationProblem, most: int = 4) -> tuple[Draw, ...]:
    """Draws that move each curve's height and scale by up to ±40 % (shape kept)."""
    factor = st.floats(0.6, 1.4)
    out = []
    for _ in range(draw(st.integers(1, most))):
        out.append(Draw(tuple((_scaled(ch.promotion, draw(factor), draw(factor)),
                               _scaled(ch.brand, draw(factor), draw(factor)))
                              for ch in problem.channels)))
    return tuple(out)


@st.composite
def robust_problems(draw) -> RobustProblem:
    problem = draw(general_problems(max_channels=3, max_periods=4))
    risk = draw(st.sampled_from(["mean", "worst", "cvar"]))
    alpha = draw(st.sampled_from([0.25, 0.5, 0.8, 1.0]))
    return RobustProblem(problem, draw(draws_of(problem, most=12)), risk=risk, alpha=alpha,
                         tolerance=TOL)


def _base() -> AllocationProblem:
    rng = np.random.default_rng(3)
    channels = tuple(ChannelSpec(
        f"c{c}", promotion=Curve("exponential", float(rng.uniform(50, 150)),
                                 float(rng.uniform(5, 20))),
        brand=Curve("hill", float(rng.uniform(20, 80)), float(rng.uniform(10, 40)),
                    float(rng.uniform(0.5, 1.0))),
        adstock=0.4, season=tuple(rng.uniform(0.7, 1.3, 6)), max_per_period=40.0)
        for c in range(3))
    return AllocationProblem(tuple(f"w{t}" for t in range(6)), channels, budget=150.0,
                             spend_all=False, brand_share=(0.3, 0.5))


def _draws(problem: AllocationProblem, n: int, seed: int = 0) -> tuple[Draw, ...]:
    rng = np.random.default_rng(seed)
    return tuple(Draw(tuple((_scaled(ch.promotion, *rng.lognormal(0, 0.25, 2)),
                             _scaled(ch.brand, *rng.lognormal(0, 0.25, 2)))
                            for ch in problem.channels)) for _ in range(n))


@PROPERTY
@given(robust_problems())
def test_robust_matches_an_independent_convex_solve(rp):
    ref = robust_reference(rp.base, rp.draws, rp.risk, rp.alpha)
    assume(ref.status in ("optimal", "infeasible"))  # else the reference proves nothing
    found = robust_allocate(rp)
    if isinstance(found, Infeasible):
        assert ref.status == "infeasible"
        return
    assert ref.status == "optimal"
    size = max(1.0, abs(ref.value))
    assert_feasible(rp.base, found.spend, 1e-6)
    # The measure reported is the one an independent evaluation gives.
    values = outcomes(rp.base, rp.draws, found.spend)
    np.testing.assert_allclose(found.outcomes, values, rtol=1e-9, atol=1e-9)
    assert found.objective == pytest.approx(measure(values, rp.risk, rp.alpha), rel=1e-9,
                                            abs=1e-9)
    assert found.gap <= TOL
    # The bound is never wrong, and the answer is within the certified gap.
    assert found.bound >= ref.value - 1e-6 * size
    assert ref.value - found.objective <= found.bound - found.objective + 1e-6 * size
    assert values.min() <= risk_measure(values, "cvar", rp.alpha) + 1e-9 * size
    assert risk_measure(values, "cvar", rp.alpha) <= values.mean() + 1e-9 * size


@pytest.mark.parametrize("risk", ["mean", "worst", "cvar"])
def test_one_draw_and_identical_draws_reduce_to_the_plain_optimiser(risk):
    base = _base()
    plain = allocate(dataclasses.replace(base, tolerance=1e-6))
    same = Draw(tuple((ch.promotion, ch.brand) for ch in base.channels))
    for draws in ((same,), (same,) * 5):
        found = robust_allocate(RobustProblem(base, draws, risk=risk, alpha=0.3,
                                              tolerance=TOL))
        assert found.objective == pytest.approx(plain.objective, rel=2 * TOL)
        assert found.bound >= plain.objective * (1 - 1e-6)
        assert np.ptp(found.outcomes) == 0


def test_cvar_at_one_is_the_mean_and_at_one_over_n_the_worst_case():
    base = _base()
    draws = _draws(base, 8)
    mean = robust_allocate(RobustProblem(base, draws, "mean", tolerance=TOL))
    cvar1 = robust_allocate(RobustProblem(base, draws, "cvar", alpha=1.0, tolerance=TOL))
    worst = robust_allocate(RobustProblem(base, draws, "worst", tolerance=TOL))
    cvar_n = robust_allocate(RobustProblem(base, draws, "cvar", alpha=1 / 8, tolerance=TOL))
    for a, b in ((mean, cvar1), (worst, cvar_n)):
        assert abs(a.objective - b.objective) <= max(a.bound - a.objective,
                                                     b.bound - b.objective) + 1e-9
        assert a.bound >= b.objective - 1e-9 and b.bound >= a.objective - 1e-9


def test_price_of_robustness_orders_the_outcomes():
    base = _base()
    draws = _draws(base, 12, seed=5)
    for risk, alpha in (("worst", 1.0), ("cvar", 0.25)):
        price = price_of_robustness(RobustProblem(base, draws, risk, alpha=alpha,
                                                  tolerance=TOL))
        chosen, mean = price.chosen, price.mean_optimal
        for a in (chosen, mean):
            s = a.spread
            assert s.worst <= risk_measure(a.outcomes, "cvar", alpha) <= s.mean + 1e-9
            assert s.worst <= s.p5 <= s.mean
        # Each allocation is (within its gap) best at its own measure.
        tol = chosen.bound - chosen.objective + mean.bound - mean.objective + 1e-9
        assert risk_measure(chosen.outcomes, risk, alpha) >= \
            risk_measure(mean.outcomes, risk, alpha) - tol
        assert mean.spread.mean >= chosen.spread.mean - tol
        assert [r["allocation"] for r in price.rows] == ["chosen", "mean_optimal"]


def test_minimum_buys_make_a_mip_with_a_proved_gap():
    base = _base()
    base = dataclasses.replace(base, channels=tuple(
        dataclasses.replace(ch, min_when_used=12.0) for ch in base.channels))
    draws = _draws(base, 4, seed=2)
    found = robust_allocate(RobustProblem(base, draws, "worst", tolerance=1e-3))
    assert_feasible(base, found.spend, 1e-6)
    assert found.gap <= 1e-3
    assert found.bound >= found.objective


def test_same_input_same_answer():
    base = _base()
    draws = _draws(base, 6, seed=9)
    rp = RobustProblem(base, draws, "cvar", alpha=0.5, tolerance=TOL)
    first, second = robust_allocate(rp), robust_allocate(rp)
    assert np.array_equal(first.spend, second.spend)
    assert first.objective == second.objective and first.bound == second.bound


def test_malformed_input_is_refused():
    base = _base()
    draws = _draws(base, 2)
    with pytest.raises(InvalidProblem, match="alpha"):
        robust_allocate(RobustProblem(base, draws, "cvar", alpha=0.0))
    with pytest.raises(InvalidProblem, match="at least one draw"):
        robust_allocate(RobustProblem(base, (), "mean"))
    with pytest.raises(InvalidProblem, match="curves for 2 channels"):
        robust_allocate(RobustProblem(base, (Draw(draws[0].curves[:2]),), "mean"))
    with pytest.raises(InvalidProblem, match="max-value"):
        robust_allocate(RobustProblem(dataclasses.replace(base, objective="min_cost",
                                                          revenue_target=10.0), draws))


def test_an_impossible_setup_is_explained():
    base = dataclasses.replace(_base(), brand_share=(0.9, 1.0), spend_all=True)
    base = dataclasses.replace(base, channels=tuple(
        dataclasses.replace(ch, brand=None) for ch in base.channels))
    draws = (Draw(tuple((ch.promotion, None) for ch in base.channels)),)
    assert isinstance(robust_allocate(RobustProblem(base, draws, "worst")), Infeasible)
