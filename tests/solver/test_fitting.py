"""Curve fitting recovers known curves from noisy history and refuses what it cannot.

Tolerances are on what the optimiser uses: the response at typical spend (and, for
brand, the steady-state response and the adstock rate), not on (a, k) one by one,
which trade off against each other within the noise.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solver.curves import Curve, adstock
from solver.errors import SolverError
from solver.fitting import FitError, bootstrap, fit_brand, fit_joint, fit_promotion

N = 104


def _spend(rng: np.random.Generator, n: int = N, level: float = 1e6) -> np.ndarray:
    """Spend that swings (lean weeks, pushes), as real budgets do."""
    spend = level * rng.lognormal(0, 0.45, n)
    spend[rng.random(n) < 0.08] *= 0.2
    return np.round(spend, -2)


def _season(n: int = N) -> np.ndarray:
    return 1 + 0.15 * np.sin(np.arange(n) * 2 * np.pi / 52)


def _close(fitted: Curve, true: Curve, at: np.ndarray, tol: float) -> None:
    ratio = fitted.value(at) / true.value(at)
    assert np.all(np.abs(ratio - 1) < tol), (fitted, true, ratio)


def test_recovers_a_seasonal_hill_promotion_curve():
    rng = np.random.default_rng(1)
    x, season = _spend(rng), _season()
    true = Curve("hill", 5e6, 1.2e6, 0.7)
    revenue = season * true.value(x) * rng.lognormal(0, 0.06, N)
    fit = fit_promotion(x, revenue, season, channel="Weibo")
    _close(fit.curve, true, np.quantile(x, [0.1, 0.5, 0.9]), 0.05)
    assert fit.adstock == 0 and fit.n == N and fit.log_space
    assert fit.r2 > 0.8 and fit.mape < 0.1
    assert set(fit.family_scores) == {"hill", "exponential"}
    np.testing.assert_allclose(fit.predict(x, season), season * fit.curve.value(x))


def test_recovers_an_exponential_curve_and_a_named_family():
    rng = np.random.default_rng(2)
    x = _spend(rng)
    true = Curve("exponential", 8e6, 1.5e6)
    revenue = true.value(x) * rng.lognormal(0, 0.05, N)
    chosen = fit_promotion(x, revenue)
    _close(chosen.curve, true, np.quantile(x, [0.1, 0.5, 0.9]), 0.05)
    named = fit_promotion(x, revenue, family="exponential")
    assert named.curve.family == "exponential"
    assert set(named.family_scores) == {"exponential"}
    assert abs(named.curve.k / true.k - 1) < 0.2


def test_s_curves_only_when_asked():
    rng = np.random.default_rng(3)
    x = _spend(rng)
    true = Curve("hill", 4e6, 1e6, 2.5)
    revenue = true.value(x) * rng.lognormal(0, 0.04, N)
    s_curve = fit_promotion(x, revenue, family="hill", allow_s_curve=True)
    assert abs(s_curve.curve.s - 2.5) < 0.5
    _close(s_curve.curve, true, np.quantile(x, [0.25, 0.5, 0.75]), 0.05)
    concave = fit_promotion(x, revenue, family="hill")
    assert concave.curve.s <= 1.0 + 1e-9
    assert any("limit" in w for w in concave.warnings)


def test_recovers_brand_curve_adstock_and_carry():
    rng = np.random.default_rng(4)
    brand = _spend(rng, level=5e5) * np.repeat(rng.choice([0.3, 1.7], N // 4 + 1), 4)[:N]
    rate = 0.6
    carry = brand.mean() / (1 - rate)
    true = Curve("hill", 70.0, 1.5e6, 0.85)
    outcome = true.value(adstock(brand, rate, carry)) * rng.lognormal(0, 0.03, N)
    fit = fit_brand(brand, outcome, channel="Douyin")
    assert abs(fit.adstock - rate) < 0.05
    assert abs(fit.carry / carry - 1) < 0.1
    typical = np.median(brand)
    steady_fit = fit.curve.value(typical / (1 - fit.adstock))
    steady_true = true.value(typical / (1 - rate))
    assert abs(steady_fit / steady_true - 1) < 0.03
    assert fit.r2 > 0.8


def test_brand_with_a_known_carry_and_no_adstock():
    rng = np.random.default_rng(5)
    brand = _spend(rng, level=3e5)
    true = Curve("exponential", 50.0, 4e5)
    outcome = true.value(brand) * rng.lognormal(0, 0.03, N)
    fit = fit_brand(brand, outcome, carry=0.0)
    assert fit.adstock < 0.05
    _close(fit.curve, true, np.quantile(brand, [0.2, 0.5, 0.8]), 0.05)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(family=st.sampled_from(["hill", "exponential"]),
       k_ratio=st.floats(0.5, 2.0), s=st.floats(0.5, 1.0), seed=st.integers(0, 10_000))
def test_property_recovers_random_curves_under_modest_noise(family, k_ratio, s, seed):
    rng = np.random.default_rng(seed)
    x = _spend(rng, n=80)
    true = Curve(family, 3e6, k_ratio * float(np.median(x)), s)
    revenue = true.value(x) * rng.lognormal(0, 0.05, 80)
    fit = fit_promotion(x, revenue, starts=2)
    _close(fit.curve, true, np.quantile(x, [0.25, 0.5, 0.75]), 0.06)


def test_joint_fit_separates_channels_and_baseline():
    rng = np.random.default_rng(6)
    x = np.column_stack([_spend(rng, level=1e6), _spend(rng, level=4e5)])
    tv, search = Curve("exponential", 6e6, 1.5e6), Curve("exponential", 2e6, 3e5)
    baseline = 4e6
    y = (baseline + tv.value(x[:, 0]) + search.value(x[:, 1])) * rng.lognormal(0, 0.01, N)
    joint = fit_joint(x, y, ["TV", "Search"], family="exponential")
    assert joint.r2 > 0.8 and joint.n == N and not joint.failures
    assert abs(joint.baseline / baseline - 1) < 0.1
    for name, true, col in (("TV", tv, 0), ("Search", search, 1)):
        at = np.median(x[:, col])
        assert abs(joint.fits[name].curve.value(at) / true.value(at) - 1) < 0.1, name
        assert joint.fits[name].r2 == joint.r2


def test_joint_fit_with_adstock_and_a_channel_it_cannot_use():
    rng = np.random.default_rng(7)
    x = np.column_stack([_spend(rng, level=1e6), np.full(N, 5e5)])
    stock = adstock(x[:, 0], 0.5, x[:, 0].mean() / 0.5)
    y = 20 + Curve("exponential", 60.0, 2e6).value(stock) * rng.lognormal(0, 0.02, N)
    joint = fit_joint(x, y, ["Video", "Flat"], adstock=True, family="exponential")
    assert "Flat" in joint.failures and "barely varies" in joint.failures["Flat"]
    assert abs(joint.fits["Video"].adstock - 0.5) < 0.1
    with pytest.raises(FitError, match="periods × channels"):
        fit_joint(x, y, ["one name"])


def test_bootstrap_is_deterministic_and_brackets_the_fit():
    rng = np.random.default_rng(8)
    x = _spend(rng)
    true = Curve("hill", 5e6, 1e6, 0.8)
    revenue = true.value(x) * rng.lognormal(0, 0.08, N)
    fit = fit_promotion(x, revenue, family="hill")
    draws = bootstrap(fit, x, revenue, draws=20, seed=11)
    again = bootstrap(fit, x, revenue, draws=20, seed=11)
    other = bootstrap(fit, x, revenue, draws=20, seed=12)
    assert draws == again and draws != other
    assert len(draws) == 20 and all(c.family == "hill" for c in draws)
    at = float(np.median(x))
    values = np.array([c.value(at) for c in draws])
    assert values.std() > 0
    assert abs(np.median(values) / fit.curve.value(at) - 1) < 0.03
    assert values.min() < true.value(at) * 1.05 and values.max() > true.value(at) * 0.95


def test_brand_bootstrap_keeps_adstock():
    rng = np.random.default_rng(9)
    brand = _spend(rng, level=5e5)
    outcome = Curve("exponential", 50.0, 1e6).value(adstock(brand, 0.4, brand.mean() / 0.6))
    fit = fit_brand(brand, outcome * rng.lognormal(0, 0.03, N), family="exponential")
    draws = bootstrap(fit, brand, outcome, draws=5, seed=1)
    assert len(draws) == 5 and all(c.family == "exponential" for c in draws)


@pytest.mark.parametrize(("spend", "outcome", "message"), [
    (np.linspace(1, 2, 10) * 1e5, np.linspace(1, 2, 10), "only 10 periods with spend"),
    (np.r_[np.zeros(95), np.linspace(1, 2, 9) * 1e5], np.ones(104), "only 9 periods"),
    (np.full(50, 1e5), np.linspace(1, 2, 50), "barely varies"),
    (np.linspace(1, 2, 50) * 1e5, np.r_[np.ones(49), np.nan], "one finite number"),
    (np.r_[-1.0, np.linspace(1, 2, 49) * 1e5], np.ones(50), "not negative"),
])
def test_refusals_name_the_channel_and_the_reason(spend, outcome, message):
    with pytest.raises(FitError, match=message) as caught:
        fit_promotion(spend, outcome, channel="小红书 Xiaohongshu")
    assert str(caught.value).startswith("小红书 Xiaohongshu: ")
    assert isinstance(caught.value, SolverError)


def test_refuses_a_history_with_no_signal():
    rng = np.random.default_rng(10)
    x = _spend(rng)
    noise = 1e6 * rng.lognormal(0, 0.3, N)  # revenue unrelated to spend
    with pytest.raises(FitError, match=r"Search: .*no better than the mean \(R² = "):
        fit_promotion(x, noise, channel="Search")
    with pytest.raises(FitError, match="no better than the mean"):
        fit_brand(x, noise, channel="Search")


def test_refuses_bad_seasons_and_families():
    x = np.linspace(1, 3, 40) * 1e5
    with pytest.raises(FitError, match="seasonal index"):
        fit_promotion(x, x, np.zeros(40), channel="TV")
    with pytest.raises(FitError, match="hill or exponential"):
        fit_promotion(x, x, family="logistic")
