"""Response curves from history, with how far to trust them.

A channel's **promotion** curve is fitted from ``revenue_t = season_t·f(x_t)``, its
**brand** curve from ``outcome_t = g(A_t)`` with adstock ``A_t = λ·A_{t−1} + x_t``
(:mod:`solver.curves`); when only a total outcome is known (a wide marketing-mix
table), :func:`fit_joint` fits ``y_t = b + season_t·Σ_c f_c(x_{c,t})`` at once.

Why it is built this way: the height ``a`` and a baseline ``b`` enter linearly,
so they are solved inside the residual (closed form or non-negative least
squares) and `least_squares` only searches the shape (log k, log s): positive,
bounded and well conditioned from a few starts. Revenue noise is multiplicative,
so one channel's fit compares logs when every outcome and spend is positive. The
fit is not convex in λ, so λ is profiled over a grid (which cannot miss the
basin) and then refined. The family is chosen by AIC unless named. Refusals
raise :class:`FitError` naming the channel: no curve is made from noise. Money
stays in the caller's units; scipy is imported only where it is used.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

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

    def predict(self, spend: Sequence[float], season: Sequence[float] | None = None
                ) -> np.ndarray:
        """Expected outcome per period of this spend history."""
        index = 1.0 if season is None else np.asarray(season, dtype=float)
        return self.baseline + index * self.curve.value(self.stock(spend))


@dataclass(frozen=True)
class JointFit:
    """One additive model of a total outcome over several channels.

    Each channel's `FitResult` carries the joint model's quality; channels whose
    history could not be used, or that show no effect, are in `failures`.
    """

    fits: dict[str, FitResult]
    baseline: float
    r2: float
    mape: float
    n: int
    failures: dict[str, str] = field(default_factory=dict)


# -- shared pieces -------------------------------------------------------------------

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


def _check(channel: str, spend: np.ndarray, outcome: np.ndarray) -> None:
    """Refuse histories no curve can be read from, saying why."""
    if len(outcome) != len(spend) or not np.all(np.isfinite(outcome)):
        raise FitError(f"{channel}: the outcome needs one finite number per period")
    if not np.all(np.isfinite(spend)) or np.any(spend < 0):
        raise FitError(f"{channel}: spend must be finite and not negative")
    used = spend[spend > 0]
    if len(used) < MIN_PERIODS:
        raise FitError(f"{channel}: only {len(used)} periods with spend; a curve needs at "
                       f"least {MIN_PERIODS}")
    if len(np.unique(used)) < 3 or np.std(used) < 0.02 * np.mean(used):
        raise FitError(f"{channel}: spend barely varies, so the history cannot show how "
                       "the return changes with spend")


def _inputs(channel: str, spend: Sequence[float], outcome: Sequence[float],
            season: Sequence[float] | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x, y = np.asarray(spend, dtype=float), np.asarray(outcome, dtype=float)
    _check(channel, x, y)
    index = np.ones(len(x)) if season is None else np.asarray(season, dtype=float)
    if len(index) != len(x) or not np.all(np.isfinite(index)) or np.any(index <= 0):
        raise FitError(f"{channel}: the seasonal index needs one positive number per period")
    return x, y, index


def _codes(family: str | None) -> list[int]:
    if family is None:
        return [HILL, EXPONENTIAL]
    if family not in FAMILIES:
        raise FitError(f"curve family must be hill or exponential, got {family!r}")
    return [FAMILIES[family]]


# -- one curve ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _Shape:
    """A fit in scaled units (spend / x_scale, outcome / y_scale)."""

    code: int
    k: float
    s: float
    a: float = 0.0
    b: float = 0.0
    sse: float = math.inf


def _project(g: np.ndarray, y: np.ndarray, log_space: bool,
             baseline: bool) -> tuple[float, float, np.ndarray]:
    """Best height a (and baseline b ≥ 0) for a fixed shape; the residuals."""
    if log_space:
        logs = np.log(y) - np.log(np.maximum(g, 1e-300))
        c = float(np.mean(logs))
        return math.exp(c), 0.0, logs - c
    from scipy.optimize import nnls

    design = np.column_stack([g, np.ones_like(g)]) if baseline else g[:, None]
    coef = nnls(design, y)[0]
    return float(coef[0]), float(coef[1]) if baseline else 0.0, y - design @ coef


def _fit_shape(x: np.ndarray, y: np.ndarray, season: np.ndarray, code: int, s_max: float,
               log_space: bool, baseline: bool, starts: int, warm: _Shape | None) -> _Shape:
    """Least squares over (log k[, log s]) from several starts; a and b projected out."""
    from scipy.optimize import least_squares

    hill = code == HILL
    lo = [math.log(1e-3)] + ([math.log(S_MIN)] if hill else [])
    hi = [math.log(K_SPAN * float(x.max()))] + ([math.log(s_max)] if hill else [])

    def residual(theta: np.ndarray) -> np.ndarray:
        s = math.exp(theta[1]) if hill else 1.0
        return _project(season * value(code, 1.0, math.exp(theta[0]), s, x), y, log_space,
                        baseline)[2]

    guesses = [(k, s) for k in (1.0, 0.3, 3.0)[:max(starts, 1)]
               for s in ((0.7, min(s_max, 1.5)) if hill else (1.0,))]
    if warm is not None:
        guesses = [(warm.k, warm.s), *guesses[:max(starts - 1, 0)]]
    best = None
    for k0, s0 in guesses:
        theta0 = np.clip([math.log(k0), math.log(s0)][:len(lo)], np.add(lo, 1e-9),
                         np.subtract(hi, 1e-9))
        sol = least_squares(residual, theta0, bounds=(lo, hi), method="trf", max_nfev=300)
        best = sol if best is None or sol.cost < best.cost else best
    k, s = math.exp(best.x[0]), math.exp(best.x[1]) if hill else 1.0
    a, b, r = _project(season * value(code, 1.0, k, s, x), y, log_space, baseline)
    return _Shape(code, k, s, a, b, float(r @ r))


def _fit_scaled(stock: np.ndarray, y: np.ndarray, season: np.ndarray, code: int,
                s_max: float, baseline: bool, starts: int, warm: _Shape | None = None
                ) -> tuple[_Shape, float, float, bool]:
    """One family's best shape on scaled data, with the scales and the log flag."""
    x_scale = float(np.median(stock[stock > 0]))
    y_scale = float(np.mean(np.abs(y))) or 1.0
    log_space = not baseline and bool(np.all(y > 0) and np.all(stock > 0))
    shape = _fit_shape(stock / x_scale, y / y_scale, season, code, s_max, log_space, baseline,
                       starts, warm)
    return shape, x_scale, y_scale, log_space


def _bounds_hit(channel: str, shape: _Shape, x: np.ndarray, s_max: float) -> list[str]:
    notes = []
    if shape.k > 0.9 * K_SPAN * float(x.max()):
        notes.append(f"{channel}: no saturation within the history's spend; beyond its "
                     "largest spend the curve is an extrapolation")
    if shape.code == HILL and shape.s > 0.99 * s_max:
        notes.append(f"{channel}: Hill shape at its limit s = {s_max:g}")
    return notes


def _finish(channel: str, fitted: tuple[_Shape, float, float, bool], y: np.ndarray,
            stock: np.ndarray, season: np.ndarray, rate: float, carry: float,
            scores: dict[str, float], s_max: float) -> FitResult:
    """Back to the caller's units; refuse a fit without signal; note what to watch."""
    shape, x_scale, y_scale, log_space = fitted
    if shape.a <= 0:
        raise FitError(f"{channel}: the outcome does not rise with spend")
    curve = Curve(_NAME[shape.code], shape.a * y_scale, shape.k * x_scale, shape.s)
    r2, mape = quality(y, shape.b * y_scale + season * curve.value(stock))
    if r2 < MIN_R2:
        raise FitError(f"{channel}: the fit is no better than the mean (R² = {r2:.2f}); "
                       "the history carries no usable signal")
    notes = _bounds_hit(channel, shape, stock / x_scale, s_max)
    if rate > MAX_ADSTOCK - 0.01:
        notes.append(f"{channel}: adstock at the top of its range")
    if len(y) < 26:
        notes.append(f"{channel}: only {len(y)} periods of history; treat the curve as rough")
    return FitResult(curve, rate, carry, r2, mape, len(y), scores, tuple(notes),
                     shape.b * y_scale, log_space)


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
    fits = {c: _fit_scaled(x, y, index, c, s_max, baseline, starts) for c in _codes(family)}
    scores = {_NAME[c]: _aic(f[0].sse, len(y), 2 + (c == HILL) + baseline)
              for c, f in fits.items()}
    best = min(fits, key=lambda c: scores[_NAME[c]])
    return _finish(channel, fits[best], y, x, index, 0.0, 0.0, scores, s_max)


def fit_brand(spend: Sequence[float], outcome: Sequence[float], carry: float | None = None, *,
              channel: str = "channel", family: str | None = None,
              allow_s_curve: bool = False, baseline: bool = False, starts: int = 3,
              grid: Sequence[float] = ADSTOCK_GRID) -> FitResult:
    """Fit ``outcome_t = g(A_t)`` and the adstock rate λ that makes ``A``.

    λ is profiled over `grid` (each point warm-started from the last), refined by
    a bounded scalar search around the best point, and the curve re-fitted there
    from every start.

    :param carry: brand stock before the first period; None assumes the window
        starts in the steady state of its mean spend.
    :raises FitError: too few periods with spend, flat spend, or no signal.
    """
    from scipy.optimize import minimize_scalar

    x, y, index = _inputs(channel, spend, outcome, None)
    s_max = S_CURVE if allow_s_curve else S_CONCAVE
    step = float(np.diff(grid).max()) if len(grid) > 1 else 0.1
    fits: dict[int, tuple[float, tuple[_Shape, float, float, bool]]] = {}
    for code in _codes(family):
        profile, warm = [], None
        for rate in grid:
            warm = _fit_scaled(adstocked(x, rate, carry), y, index, code, s_max, baseline, 1,
                               warm)[0]
            profile.append((warm.sse, rate, warm))
        sse, rate, warm = min(profile, key=lambda p: p[0])

        def trial(r: float, code: int = code, warm: _Shape = warm) -> float:
            return _fit_scaled(adstocked(x, r, carry), y, index, code, s_max, baseline, 1,
                               warm)[0].sse

        found = minimize_scalar(trial, bounds=(max(rate - step, 0.0),
                                               min(rate + step, MAX_ADSTOCK)),
                                method="bounded", options={"xatol": 1e-3})
        rate = float(found.x) if found.fun < sse else rate
        fits[code] = (rate, _fit_scaled(adstocked(x, rate, carry), y, index, code, s_max,
                                        baseline, starts, warm))
    scores = {_NAME[c]: _aic(f[1][0].sse, len(y), 3 + (c == HILL) + baseline)
              for c, f in fits.items()}
    rate, best = fits[min(fits, key=lambda c: scores[_NAME[c]])]
    start = steady_carry(x, rate) if carry is None else carry
    return _finish(channel, best, y, adstocked(x, rate, start), index, rate, start, scores,
                   s_max)


# -- several channels, one outcome ------------------------------------------------------

def _joint(x: np.ndarray, y: np.ndarray, season: np.ndarray, hill: np.ndarray, s_max: float,
           adstock: bool, baseline: bool, starts: int) -> tuple[np.ndarray, np.ndarray, float]:
    """Least squares over every channel's shape (and λ); heights and baseline by NNLS.
    θ = (log k per channel, log s per Hill channel, λ per channel when adstock).
    Returns rows (k, s, λ) per channel, (heights…, baseline) and the SSE."""
    from scipy.optimize import least_squares, nnls

    n, m = x.shape
    h = int(hill.sum())
    top = K_SPAN * x.max(axis=0) / ((1 - MAX_ADSTOCK) if adstock else 1.0)
    lo = [math.log(1e-3)] * m + [math.log(S_MIN)] * h + [0.0] * (m * adstock)
    hi = [*np.log(top)] + [math.log(s_max)] * h + [MAX_ADSTOCK] * (m * adstock)

    def unpack(theta: np.ndarray) -> np.ndarray:
        s = np.ones(m)
        s[hill] = np.exp(theta[m:m + h])
        rates = theta[m + h:] if adstock else np.zeros(m)
        return np.column_stack([np.exp(theta[:m]), s, rates])

    def design(theta: np.ndarray) -> np.ndarray:
        cols = [season * value(HILL if hill[c] else EXPONENTIAL, 1.0, k, s,
                               adstocked(x[:, c], rate))
                for c, (k, s, rate) in enumerate(unpack(theta))]
        return np.column_stack(cols + [np.ones(n)] * baseline)

    def residual(theta: np.ndarray) -> np.ndarray:
        g = design(theta)
        return y - g @ nnls(g, y)[0]

    best = None
    for k0 in (1.0, 3.0, 0.3)[:max(starts, 1)]:
        for rate0 in ((0.3, 0.6) if adstock else (0.0,))[:max(starts, 1)]:
            theta0 = [math.log(k0)] * m + [math.log(0.7)] * h + [rate0] * (m * adstock)
            theta0 = np.clip(theta0, np.add(lo, 1e-9), np.subtract(hi, 1e-9))
            sol = least_squares(residual, theta0, bounds=(lo, hi), method="trf", max_nfev=200)
            best = sol if best is None or sol.cost < best.cost else best
    g = design(best.x)
    coef = nnls(g, y)[0]
    return unpack(best.x), coef, float(np.sum((y - g @ coef) ** 2))


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
    failures: dict[str, str] = {}
    for c, name in enumerate(names):
        try:
            _inputs(name, x[:, c], y, season)
        except FitError as exc:
            failures[name] = str(exc)
    keep = [c for c, name in enumerate(names) if name not in failures]
    if not keep:
        raise FitError("joint fit: no channel has usable history (" +
                       "; ".join(failures.values()) + ")")
    index = _inputs(names[keep[0]], x[:, keep[0]], y, season)[2]
    x_scale = np.array([np.median(x[x[:, c] > 0, c]) for c in keep])
    y_scale = float(np.mean(np.abs(y))) or 1.0
    xs = x[:, keep] / x_scale
    s_max = S_CURVE if allow_s_curve else S_CONCAVE

    def fit(hill: np.ndarray) -> tuple[float, tuple[np.ndarray, np.ndarray, float]]:
        model = _joint(xs, y / y_scale, index, hill, s_max, adstock, baseline, starts)
        return _aic(model[2], len(y), len(keep) * (2 + adstock) + int(hill.sum()) + baseline), \
            model

    _codes(family)  # refuses an unknown family before any work
    hill = np.full(len(keep), family == "hill")
    score, model = fit(hill)
    scores = [{_NAME[HILL if h else EXPONENTIAL]: score} for h in hill]
    for j in range(len(keep) if family is None else 0):
        trial = hill.copy()
        trial[j] = True
        scores[j]["hill"], trial_model = fit(trial)
        if scores[j]["hill"] < score:
            hill, score, model = trial, scores[j]["hill"], trial_model
    rows, coef, _ = model
    b = float(coef[-1]) * y_scale if baseline else 0.0
    fitted, curves = np.full(len(y), b), {}
    for j, c in enumerate(keep):
        k, s, rate = rows[j]
        if coef[j] <= 1e-9:
            failures[names[c]] = f"{names[c]}: no detectable effect on the outcome"
            continue
        curves[j] = Curve(_NAME[HILL if hill[j] else EXPONENTIAL], float(coef[j]) * y_scale,
                          float(k * x_scale[j]), float(s))
        fitted += index * curves[j].value(adstocked(x[:, c], rate))
    r2, mape = quality(y, fitted)
    if r2 < MIN_R2 or not curves:
        raise FitError(f"joint fit: no better than the mean (R² = {r2:.2f}); the history "
                       "carries no usable signal")
    fits = {}
    for j, curve in curves.items():
        name, (k, s, rate) = names[keep[j]], rows[j]
        notes = _bounds_hit(name, _Shape(curve.code, k, s), xs[:, j] / (1 - rate), s_max)
        notes.append(f"{name}: fitted jointly with {len(curves) - 1} other channel(s); the "
                     "quality is the joint model's")
        fits[name] = FitResult(curve, float(rate), steady_carry(x[:, keep[j]], rate), r2, mape,
                               len(y), scores[j], tuple(notes), b)
    return JointFit(fits, b, r2, mape, len(y), failures)


# -- uncertainty -------------------------------------------------------------------------

def bootstrap(result: FitResult, spend: Sequence[float], outcome: Sequence[float],
              season: Sequence[float] | None = None, *, draws: int = 50, seed: int = 0,
              channel: str = "channel") -> list[Curve]:
    """Residual-bootstrap re-fits of one curve: the spread of plausible curves that
    a robust allocation can later guard against.

    The residuals of `result` (of logs when it was fitted on logs) are resampled
    with replacement onto its fitted values and the curve re-fitted with the same
    family, adstock and carry. Draws whose re-fit has no positive height are
    left out, so fewer than `draws` curves can come back. Same seed, same curves.
    """
    x, y, index = _inputs(channel, spend, outcome, season)
    stock, fitted = result.stock(x), result.predict(x, index)
    res = np.log(y) - np.log(fitted) if result.log_space else y - fitted
    if result.log_space:
        res -= res.mean()
    rng = np.random.default_rng(seed)
    code, s_max = result.curve.code, S_CONCAVE if result.curve.s <= 1 else S_CURVE
    warm = _Shape(code, result.curve.k / float(np.median(stock[stock > 0])), result.curve.s)
    curves = []
    for _ in range(draws):
        noise = res[rng.integers(0, len(y), len(y))]
        y_star = fitted * np.exp(noise) if result.log_space else fitted + noise
        shape, xs, ys, _ = _fit_scaled(stock, y_star, index, code, s_max, result.baseline > 0,
                                       1, warm)
        if shape.a > 0:
            curves.append(Curve(result.curve.family, shape.a * ys, shape.k * xs, shape.s))
    return curves
