"""Response curves from history, with how far to trust them.

A channel's **promotion** curve is fitted from ``revenue_t = season_t·f(x_t)``, its
**brand** curve from ``outcome_t = g(A_t)`` with adstock ``A_t = λ·A_{t−1} + x_t``
(:mod:`solver.curves`); when only a total outcome is known (a wide marketing-mix
table), :func:`fit_joint` fits ``y_t = b + season_t·Σ_c f_c(x_{c,t})`` at once.

Why so: heights ``a`` and a baseline ``b`` enter linearly, so they are solved inside
the residual (closed form or NNLS) and `least_squares` searches only the shape (log k,
log s): positive, bounded, well conditioned from a few starts. Revenue noise is
multiplicative, so one channel's fit compares logs when nothing is zero. The fit is
not convex in λ, so λ is profiled over a grid, then refined. The family is chosen by
AIC unless named. Refusals raise :class:`FitError` naming the channel: no curve is
made from noise. Money stays in the caller's units; scipy is imported where used.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from solver.curves import EXPONENTIAL, HILL, Curve, value
from solver.errors import SolverError

MIN_PERIODS = 12  # periods with spend below which no curve is fitted
MIN_R2 = 0.1  # a fit explaining less than this is no better than the mean
ADSTOCK_GRID = tuple(round(0.1 * i, 1) for i in range(10))  # 0 … 0.9, then refined
MAX_ADSTOCK = 0.95
S_MIN, S_CONCAVE, S_CURVE = 0.2, 1.0, 5.0  # bounds of Hill's shape
K_SPAN = 50.0  # k may reach this many times the largest spend seen
FAMILIES = {"hill": HILL, "exponential": EXPONENTIAL}
_NAME = {HILL: "hill", EXPONENTIAL: "exponential"}


class FitError(SolverError):
    """History that cannot give a trustworthy curve; the message names the channel."""


@dataclass(frozen=True)
class FitResult:
    """A fitted curve and its quality.
    :param adstock: λ of the brand stock (0 for promotion curves).
    :param carry: stock before the history's first period (0 without adstock).
    :param r2: share of the outcome's variance explained, on the outcome's scale.
    :param mape: mean absolute percentage error over periods with an outcome ≠ 0.
    :param family_scores: AIC of each family tried (lower is better).
    :param baseline: outcome with no spend at all (0 unless a baseline was fitted).
    :param log_space: residuals were compared as logs (multiplicative noise).
    """

    curve: Curve
    adstock: float
    carry: float
    r2: float
    mape: float
    n: int
    family_scores: dict[str, float]
    warnings: tuple[str, ...] = ()
    baseline: float = 0.0
    log_space: bool = False

    def stock(self, spend: Sequence[float]) -> np.ndarray:
        """What the curve reads: the spend itself, or the brand stock."""
        return adstocked(np.asarray(spend, dtype=float), self.adstock, self.carry)

    def predict(self, spend: Sequence[float], season: Sequence | None = None) -> np.ndarray:
        """Expected outcome per period of this spend history."""
        index = 1.0 if season is None else np.asarray(season, dtype=float)
        return self.baseline + index * self.curve.value(self.stock(spend))


@dataclass(frozen=True)
class JointFit:
    """One additive model of a total outcome: each channel's `FitResult` carries the
    joint quality; channels with unusable history or no effect are in `failures`."""

    fits: dict[str, FitResult]
    baseline: float
    r2: float
    mape: float
    n: int
    failures: dict[str, str] = field(default_factory=dict)


def adstocked(spend: np.ndarray, rate: float, carry: float | None = None) -> np.ndarray:
    """``A_t = rate·A_{t−1} + x_t`` with ``A_{−1} = carry``, as a linear filter (fast
    enough to sit inside a residual). `carry=None` starts in the steady state."""
    from scipy.signal import lfilter

    spend = np.asarray(spend, dtype=float)
    if rate <= 0.0:
        return spend
    carry = steady_carry(spend, rate) if carry is None else carry
    return lfilter([1.0], [1.0, -rate], spend, zi=[rate * carry])[0]


def steady_carry(spend: np.ndarray, rate: float) -> float:
    """Stock left by earlier periods that spent like this window on average: the
    usual assumption when the history does not say what came before it."""
    return float(np.mean(spend)) / (1.0 - rate) if rate > 0 else 0.0


def quality(y: np.ndarray, fitted: np.ndarray) -> tuple[float, float]:
    """(R², MAPE) on the outcome's own scale, so every family is judged alike."""
    total = float(np.sum((y - np.mean(y)) ** 2))
    r2 = 1.0 - float(np.sum((y - fitted) ** 2)) / total if total > 0 else 0.0
    nz = y != 0
    return r2, float(np.mean(np.abs((y - fitted)[nz] / y[nz]))) if nz.any() else 0.0


def _aic(sse: float, n: int, params: int) -> float:
    return n * math.log(max(sse, 1e-300) / n) + 2 * params


def _inputs(channel: str, spend: Sequence[float], outcome: Sequence[float],
            season: Sequence[float] | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Refuse histories no curve can be read from, saying why."""
    x, y = np.asarray(spend, dtype=float), np.asarray(outcome, dtype=float)
    index = np.ones(len(x)) if season is None else np.asarray(season, dtype=float)
    if len(y) != len(x) or not np.all(np.isfinite(y)):
        raise FitError(f"{channel}: the outcome needs one finite number per period")
    if not np.all(np.isfinite(x)) or np.any(x < 0):
        raise FitError(f"{channel}: spend must be finite and not negative")
    if len(index) != len(x) or not np.all(np.isfinite(index)) or np.any(index <= 0):
        raise FitError(f"{channel}: the seasonal index needs one positive number per period")
    used = x[x > 0]
    if len(used) < MIN_PERIODS:
        raise FitError(f"{channel}: only {len(used)} periods with spend; a curve needs at "
                       f"least {MIN_PERIODS}")
    if len(np.unique(used)) < 3 or np.std(used) < 0.02 * np.mean(used):
        raise FitError(f"{channel}: spend barely varies, so the history cannot show how "
                       "the return changes with spend")
    return x, y, index


def _codes(family: str | None) -> list[int]:
    if family is not None and family not in FAMILIES:
        raise FitError(f"curve family must be hill or exponential, got {family!r}")
    return [FAMILIES[family]] if family else [HILL, EXPONENTIAL]


@dataclass(frozen=True)
class _Model:
    """A fitted additive model in the caller's units; `sse` is in the fitting space
    (for AIC), `theta` the scaled shape parameters (to warm-start a neighbour)."""

    curves: tuple[Curve | None, ...]  # None where the height came out 0
    rates: tuple[float, ...]
    baseline: float
    sse: float
    theta: np.ndarray
    fitted: np.ndarray
    k_top: tuple[bool, ...]  # k at its upper bound: no saturation seen
    log_space: bool = False


def _fit(x: np.ndarray, y: np.ndarray, season: np.ndarray, hill: Sequence[bool], s_max: float,
         *, adstock: bool = False, baseline: bool = False, log_space: bool = False,
         starts: int = 1, warm: np.ndarray | None = None) -> _Model:
    """``y ≈ b + season·Σ_c a_c·h_c(x_c)``: least squares over θ = (log k per channel,
    log s per Hill channel, λ per channel when `adstock`); heights a and baseline b
    are projected out (closed form on logs for one channel, else NNLS)."""
    from scipy.optimize import least_squares, nnls

    hill = np.asarray(hill, dtype=bool)
    (n, m), h = x.shape, int(hill.sum())
    x_scale, y_scale = np.array([np.median(c[c > 0]) for c in x.T]), np.mean(np.abs(y)) or 1.0
    xs, ys = x / x_scale, y / y_scale
    top = np.log(K_SPAN * xs.max(axis=0) / ((1 - MAX_ADSTOCK) if adstock else 1.0))
    lo = np.array([math.log(1e-3)] * m + [math.log(S_MIN)] * h + [0.0] * (m * adstock))
    hi = np.array([*top] + [math.log(s_max)] * h + [MAX_ADSTOCK] * (m * adstock))

    def unpack(theta: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        s = np.ones(m)
        s[hill] = np.exp(theta[m:m + h])
        return np.exp(theta[:m]), s, (theta[m + h:] if adstock else np.zeros(m))

    def design(theta: np.ndarray) -> np.ndarray:
        cols = [season * value(HILL if hill[c] else EXPONENTIAL, 1.0, k, s,
                               adstocked(xs[:, c], rate))
                for c, (k, s, rate) in enumerate(zip(*unpack(theta), strict=True))]
        return np.column_stack(cols + [np.ones(n)] * baseline)

    def solve(g: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        if log_space:
            logs = np.log(ys) - np.log(np.maximum(g[:, 0], 1e-300))
            return np.array([math.exp(float(np.mean(logs)))]), logs - np.mean(logs)
        coef = nnls(g, ys)[0]
        return coef, ys - g @ coef

    guesses = [[math.log(k0)] * m + [math.log(s0)] * h + [r0] * (m * adstock)
               for k0 in (1.0, 0.3, 3.0)[:max(starts, 1)]
               for s0 in (0.7, min(s_max, 1.5))[:2 if m == 1 and h else 1]
               for r0 in ((0.3, 0.6)[:max(starts, 1)] if adstock else (0.0,))]
    if warm is not None:
        guesses = [list(warm), *guesses[:max(starts, 1) - 1]]
    best = None
    for guess in guesses:
        sol = least_squares(lambda t: solve(design(t))[1], np.clip(guess, lo + 1e-9, hi - 1e-9),
                            bounds=(lo, hi), method="trf", max_nfev=300)
        best = sol if best is None or sol.cost < best.cost else best
    g = design(best.x)
    coef, resid = solve(g)
    k, s, rates = unpack(best.x)
    fitted = y_scale * (coef[0] * g[:, 0] if log_space else g @ coef)
    curves = tuple(Curve("hill" if hill[c] else "exponential", float(coef[c]) * y_scale,
                         float(k[c] * x_scale[c]), float(s[c])) if coef[c] > 1e-12 else None
                   for c in range(m))
    return _Model(curves, tuple(float(r) for r in rates),
                  float(coef[-1]) * y_scale if baseline else 0.0, float(resid @ resid), best.x,
                  fitted, tuple(bool(t) for t in best.x[:m] > hi[:m] - 0.1), log_space)


def _notes(channel: str, model: _Model, c: int, s_max: float) -> list[str]:
    curve, notes = model.curves[c], []
    if model.k_top[c]:
        notes.append(f"{channel}: no saturation within the history's spend; beyond its "
                     "largest spend the curve is an extrapolation")
    if curve is not None and curve.family == "hill" and curve.s > 0.99 * s_max:
        notes.append(f"{channel}: Hill shape at its limit s = {s_max:g}")
    if model.rates[c] > MAX_ADSTOCK - 0.01:
        notes.append(f"{channel}: adstock at the top of its range")
    return notes


def _single(channel: str, model: _Model, y: np.ndarray, carry: float,
            scores: dict[str, float], s_max: float) -> FitResult:
    """One channel's model as a result; refuse one without signal."""
    curve = model.curves[0]
    if curve is None:
        raise FitError(f"{channel}: the outcome does not rise with spend")
    r2, mape = quality(y, model.fitted)
    if r2 < MIN_R2:
        raise FitError(f"{channel}: the fit is no better than the mean (R² = {r2:.2f}); "
                       "the history carries no usable signal")
    notes = _notes(channel, model, 0, s_max)
    if len(y) < 26:
        notes.append(f"{channel}: only {len(y)} periods of history; treat the curve as rough")
    return FitResult(curve, model.rates[0], carry, r2, mape, len(y), scores, tuple(notes),
                     model.baseline, model.log_space)


def _one(stock: np.ndarray, y: np.ndarray, season: np.ndarray, code: int, s_max: float,
         baseline: bool, starts: int, warm: np.ndarray | None = None) -> _Model:
    """One curve of `stock`; logs are compared when nothing is zero (multiplicative noise)."""
    log_space = not baseline and bool(np.all(y > 0) and np.all(stock > 0))
    return _fit(stock[:, None], y, season, [code == HILL], s_max, baseline=baseline,
                log_space=log_space, starts=starts, warm=warm)


# -- public fits ---------------------------------------------------------------------

def fit_promotion(spend: Sequence[float], revenue: Sequence[float],
                  season: Sequence[float] | None = None, *, channel: str = "channel",
                  family: str | None = None, allow_s_curve: bool = False,
                  baseline: bool = False, starts: int = 3) -> FitResult:
    """Fit ``revenue_t = season_t·f(spend_t)`` (+ a baseline when asked).

    :param family: 'hill' or 'exponential'; None picks the lower AIC.
    :param allow_s_curve: let Hill's shape exceed 1; off by default because the
        allocation LP wants concave curves.
    :param starts: starting points per shape parameter; fewer is faster.
    :raises FitError: too few periods with spend, flat spend, or no signal.
    """
    x, y, index = _inputs(channel, spend, revenue, season)
    s_max = S_CURVE if allow_s_curve else S_CONCAVE
    fits = {c: _one(x, y, index, c, s_max, baseline, starts) for c in _codes(family)}
    scores = {_NAME[c]: _aic(f.sse, len(y), 2 + (c == HILL) + baseline) for c, f in fits.items()}
    return _single(channel, fits[min(fits, key=lambda c: scores[_NAME[c]])], y, 0.0, scores,
                   s_max)


def fit_brand(spend: Sequence[float], outcome: Sequence[float], carry: float | None = None, *,
              channel: str = "channel", family: str | None = None,
              allow_s_curve: bool = False, baseline: bool = False, starts: int = 3,
              grid: Sequence[float] = ADSTOCK_GRID) -> FitResult:
    """Fit ``outcome_t = g(A_t)`` and the adstock rate λ that makes ``A``.

    λ is profiled over `grid` (each point warm-started from the last), refined by a
    bounded scalar search, and the curve re-fitted there from every start.

    :param carry: brand stock before the first period; None assumes the window
        starts in the steady state of its mean spend.
    :raises FitError: too few periods with spend, flat spend, or no signal.
    """
    from scipy.optimize import minimize_scalar

    x, y, index = _inputs(channel, spend, outcome, None)
    s_max = S_CURVE if allow_s_curve else S_CONCAVE
    step = float(np.diff(grid).max()) if len(grid) > 1 else 0.1
    fits: dict[int, _Model] = {}
    for code in _codes(family):
        profile, warm = [], None
        for rate in grid:
            model = _one(adstocked(x, rate, carry), y, index, code, s_max, baseline, 1, warm)
            profile.append((model.sse, rate, warm := model.theta))
        sse, rate, warm = min(profile, key=lambda p: p[0])
        found = minimize_scalar(
            lambda r, code=code, warm=warm: _one(adstocked(x, r, carry), y, index, code, s_max,
                                                 baseline, 1, warm).sse,
            bounds=(max(rate - step, 0.0), min(rate + step, MAX_ADSTOCK)), method="bounded",
            options={"xatol": 1e-3})
        rate = float(found.x) if found.fun < sse else float(rate)
        fits[code] = replace(_one(adstocked(x, rate, carry), y, index, code, s_max, baseline,
                                  starts, warm), rates=(rate,))
    scores = {_NAME[c]: _aic(f.sse, len(y), 3 + (c == HILL) + baseline) for c, f in fits.items()}
    model = fits[min(fits, key=lambda c: scores[_NAME[c]])]
    start = steady_carry(x, model.rates[0]) if carry is None else carry
    return _single(channel, model, y, start, scores, s_max)


def fit_joint(spend: np.ndarray, outcome: Sequence[float], names: Sequence[str],
              season: Sequence[float] | None = None, *, adstock: bool = False,
              family: str | None = None, allow_s_curve: bool = False, baseline: bool = True,
              starts: int = 2) -> JointFit:
    """Fit ``y_t = b + season_t·Σ_c f_c(x_{c,t})`` to a total outcome.

    All channels start exponential; each in turn switches to Hill when that
    lowers the joint AIC (greedy: C + 1 fits instead of 2^C).

    :param spend: periods × channels, in the caller's money unit.
    :param adstock: give each channel its own λ (for brand outcomes).
    :raises FitError: no channel has usable history, or the model has no signal.
    """
    x, y = np.asarray(spend, dtype=float), np.asarray(outcome, dtype=float)
    if x.ndim != 2 or x.shape != (len(y), len(names)):
        raise FitError("joint fit: spend must be periods × channels, matching outcome and names")
    _codes(family)  # an unknown family is refused before any work
    index, failures = np.ones(len(y)) if season is None else np.asarray(season, float), {}
    for c, name in enumerate(names):
        try:
            _inputs(name, x[:, c], y, index)
        except FitError as exc:
            failures[name] = str(exc)
    keep = [c for c, name in enumerate(names) if name not in failures]
    if not keep:
        raise FitError(f"joint fit: no channel has usable history ({'; '.join(failures.values())})")
    s_max = S_CURVE if allow_s_curve else S_CONCAVE

    def fit(hill: list[bool]) -> tuple[float, _Model]:
        model = _fit(x[:, keep], y, index, hill, s_max, adstock=adstock, baseline=baseline,
                     starts=starts)
        return _aic(model.sse, len(y), len(keep) * (2 + adstock) + sum(hill) + baseline), model

    hill = [family == "hill"] * len(keep)
    score, model = fit(hill)
    scores = [{_NAME[HILL if h else EXPONENTIAL]: score} for h in hill]
    for j in range(len(keep) if family is None else 0):
        trial = [*hill[:j], True, *hill[j + 1:]]
        scores[j]["hill"], trial_model = fit(trial)
        if scores[j]["hill"] < score:
            hill, score, model = trial, scores[j]["hill"], trial_model
    r2, mape = quality(y, model.fitted)
    if r2 < MIN_R2 or not any(model.curves):
        raise FitError(f"{', '.join(names[c] for c in keep)}: jointly no better than the "
                       f"mean (R² = {r2:.2f}); the history carries no usable signal")
    fits, rates = {}, model.rates
    for j, c in enumerate(keep):
        if (curve := model.curves[j]) is None:
            failures[names[c]] = f"{names[c]}: no detectable effect on the outcome"
            continue
        fits[names[c]] = FitResult(curve, rates[j], steady_carry(x[:, c], rates[j]), r2, mape,
                                   len(y), scores[j], tuple(_notes(names[c], model, j, s_max)),
                                   model.baseline)
    return JointFit(fits, model.baseline, r2, mape, len(y), failures)


# -- uncertainty -------------------------------------------------------------------------

def bootstrap(result: FitResult, spend: Sequence[float], outcome: Sequence[float],
              season: Sequence[float] | None = None, *, draws: int = 50, seed: int = 0,
              channel: str = "channel") -> list[Curve]:
    """Residual-bootstrap re-fits of one curve: the plausible curves a robust
    allocation can later guard against.

    Residuals of `result` (of logs when it was fitted on logs) are resampled onto
    its fitted values and the curve re-fitted with the same family, adstock and
    carry; draws with no positive height are left out. Same seed, same curves.
    """
    x, y, index = _inputs(channel, spend, outcome, season)
    stock, fitted = result.stock(x), result.predict(x, index)
    res = np.log(y) - np.log(fitted) - np.mean(np.log(y / fitted)) if result.log_space \
        else y - fitted
    rng, curve = np.random.default_rng(seed), result.curve
    s_max = S_CONCAVE if curve.s <= 1 else S_CURVE
    warm = np.log([curve.k / float(np.median(stock[stock > 0]))] +
                  ([curve.s] if curve.family == "hill" else []))
    draw = []
    for _ in range(draws):
        noise = res[rng.integers(0, len(y), len(y))]
        y_star = fitted * np.exp(noise) if result.log_space else fitted + noise
        draw.append(_fit(stock[:, None], y_star, index, [curve.family == "hill"], s_max,
                         baseline=result.baseline > 0, log_space=result.log_space,
                         warm=warm).curves[0])
    return [c for c in draw if c is not None]
