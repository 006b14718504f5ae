"""Response curves: what a channel returns for the money it gets.

Hill saturation ``a·x^s/(x^s + k^s)`` (concave for s ≤ 1, S-shaped above) and
exponential saturation ``a·(1 − e^{−x/k})``, each scaled by a seasonal index per
period; brand money works through geometric adstock, so money spent keeps
working after it is spent (and money spent before the window still counts).

The maths is written once, over arrays of parameters (`value`, `slope`,
`best_response`), so thousands of channel-period terms are evaluated in one
numpy pass; `Curve` is the single-curve face of the same functions. Every curve
can answer ``max_{lo ≤ x ≤ hi} scale·f(x) − price·x`` exactly: that
one-dimensional problem turns the allocation LP's duals into a *certified*
upper bound.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np

from solver.errors import InvalidProblem

Family = Literal["hill", "exponential"]
EXPONENTIAL, HILL = 0, 1
_CODES = {"exponential": EXPONENTIAL, "hill": HILL}
_BISECTION_STEPS = 100


def value(family: np.ndarray, a: np.ndarray, k: np.ndarray, s: np.ndarray,
          x: np.ndarray) -> np.ndarray:
    """f(x) elementwise; `family` holds EXPONENTIAL or HILL codes."""
    return np.where(family == HILL, hill_value(a, k, s, x), exponential_value(a, k, x))


def slope(family: np.ndarray, a: np.ndarray, k: np.ndarray, s: np.ndarray,
          x: np.ndarray) -> np.ndarray:
    """f'(x) elementwise (the right derivative at 0)."""
    return np.where(family == HILL, hill_slope(a, k, s, x), exponential_slope(a, k, x))


def hill_value(a: np.ndarray, k: np.ndarray, s: np.ndarray, x: np.ndarray) -> np.ndarray:
    x = np.maximum(np.asarray(x, dtype=float), 0.0)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ratio = (x / k) ** s
        return a * np.where(np.isinf(ratio), 1.0, ratio / (1.0 + ratio))


def exponential_value(a: np.ndarray, k: np.ndarray, x: np.ndarray) -> np.ndarray:
    x = np.maximum(np.asarray(x, dtype=float), 0.0)
    return a * -np.expm1(-x / k)


def hill_slope(a: np.ndarray, k: np.ndarray, s: np.ndarray, x: np.ndarray) -> np.ndarray:
    x = np.maximum(np.asarray(x, dtype=float), 0.0)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ratio = (x / k) ** s
        hill = a * s * ratio / (x * (1.0 + ratio) ** 2)
        hill = np.where(np.isfinite(hill), hill, 0.0)
        at_zero = np.where(s < 1, np.inf, np.where(s == 1, a / k, 0.0))
        return np.where(x > 0, hill, at_zero)


def exponential_slope(a: np.ndarray, k: np.ndarray, x: np.ndarray) -> np.ndarray:
    x = np.maximum(np.asarray(x, dtype=float), 0.0)
    with np.errstate(over="ignore"):
        return (a / k) * np.exp(-x / k)


def inflection(family: np.ndarray, k: np.ndarray, s: np.ndarray) -> np.ndarray:
    """Where an S-curve's slope peaks (0 for concave curves)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        point = k * np.clip((s - 1.0) / (s + 1.0), 0.0, None) ** (1.0 / s)
    return np.where((family == HILL) & (s > 1), point, 0.0)


def best_response(family: np.ndarray, a: np.ndarray, k: np.ndarray, s: np.ndarray,
                  price: np.ndarray, lo: np.ndarray, hi: np.ndarray,
                  scale: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Exact argmax and max over lo ≤ x ≤ hi of scale·f(x) − price·x, elementwise.

    The slope of f falls monotonically beyond the inflection point (all of the
    way for concave curves), so the interior optimum is where scale·f' meets
    price on that falling side: closed form for the exponential, bisection for
    Hill. Both ends are candidates too, which covers S-curves, negative scales
    and prices above every slope.
    """
    price, lo, hi, scale = np.broadcast_arrays(*(np.asarray(v, dtype=float)
                                                 for v in (price, lo, hi, scale)))
    with np.errstate(divide="ignore", invalid="ignore"):
        target = np.where(scale > 0, price / scale, np.inf)
        closed = k * np.log(a / (k * target))
    family, a, k, s = np.broadcast_arrays(family, a, k, s, price)[:4]
    # Bisection only where it is needed (Hill); the exponential has its closed form.
    hill = np.flatnonzero(family == HILL)
    h_family, h_a, h_k, h_s, h_target = (v[hill] for v in (family, a, k, s, target))
    left = np.maximum(lo[hill], inflection(h_family, h_k, h_s))
    right = hi[hill].copy()
    for _ in range(_BISECTION_STEPS if len(hill) else 0):
        mid = 0.5 * (left + right)
        above = slope(h_family, h_a, h_k, h_s, mid) > h_target
        left = np.where(above, mid, left)
        right = np.where(above, right, mid)
        if np.all(right - left <= 1e-12 * np.maximum(1.0, right)):
            break
    root = np.broadcast_to(closed, family.shape).copy()
    root[hill] = 0.5 * (left + right)
    root = np.clip(np.nan_to_num(root, nan=0.0, posinf=0.0, neginf=0.0), lo, hi)
    candidates = np.stack([lo, hi, root])
    values = scale * value(family, a, k, s, candidates) - price * candidates
    best = np.argmax(values, axis=0)
    return np.take_along_axis(candidates, best[None], 0)[0], values.max(axis=0)


def tangent_from_origin(family: np.ndarray, a: np.ndarray, k: np.ndarray,
                        s: np.ndarray) -> np.ndarray:
    """For S-curves, the spend τ where f(τ) = τ·f'(τ): below τ the concave envelope
    is the straight line from the origin; 0 for concave curves."""
    s_curve = (family == HILL) & (s > 1)
    if not s_curve.any():  # no bisection over thousands of concave terms for nothing
        return np.zeros(np.broadcast(family, a, k, s).shape)
    lo = inflection(family, k, s)
    hi = np.maximum(2.0 * lo, k)
    for _ in range(60):  # grow until the tangent condition is past
        grow = s_curve & (value(family, a, k, s, hi) > hi * slope(family, a, k, s, hi))
        if not grow.any():
            break
        hi = np.where(grow, 2.0 * hi, hi)
    for _ in range(_BISECTION_STEPS):
        mid = 0.5 * (lo + hi)
        past = value(family, a, k, s, mid) > mid * slope(family, a, k, s, mid)
        hi = np.where(past, mid, hi)
        lo = np.where(past, lo, mid)
    return np.where(s_curve, 0.5 * (lo + hi), 0.0)


@dataclass(frozen=True)
class Curve:
    """A saturating response curve in the caller's money and outcome units.

    :param a: saturation level: the most the channel can return per period.
    :param k: half-saturation spend (Hill) or the spend scale (exponential).
    :param s: Hill shape; ≤ 1 concave, > 1 S-shaped. Ignored for exponential.
    """

    family: Family
    a: float
    k: float
    s: float = 1.0

    def __post_init__(self) -> None:
        if self.family not in _CODES:
            raise InvalidProblem(f"curve.family must be hill or exponential, got {self.family!r}")
        for name in ("a", "k", "s"):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v) \
                    or v <= 0:
                raise InvalidProblem(f"curve.{name} must be a positive finite number, got {v!r}")

    @property
    def code(self) -> int:
        return _CODES[self.family]

    @property
    def concave(self) -> bool:
        return self.family == "exponential" or self.s <= 1.0

    def _params(self) -> tuple[int, float, float, float]:
        return self.code, self.a, self.k, self.s

    def value(self, x: np.ndarray | float) -> np.ndarray:
        return value(*self._params(), x)

    def slope(self, x: np.ndarray | float) -> np.ndarray:
        return slope(*self._params(), x)

    @property
    def inflection(self) -> float:
        return float(inflection(np.array(self.code), np.array(self.k), np.array(self.s)))

    def sample(self, upper: float, points: int = 200) -> tuple[np.ndarray, np.ndarray]:
        """Plot-ready (spend, response) pairs from 0 to `upper`."""
        xs = np.linspace(0.0, upper, points)
        return xs, self.value(xs)


def adstock(spend: np.ndarray, rate: float, carry: float = 0.0) -> np.ndarray:
    """Brand stock per period: ``A_t = rate·A_{t−1} + x_t`` with ``A_{−1} = carry``,
    the stock left by spend made before the window."""
    if not 0.0 <= rate < 1.0:
        raise InvalidProblem(f"adstock rate must be in [0, 1), got {rate!r}")
    stock = np.empty(len(spend), dtype=float)
    level = carry
    for t, x in enumerate(np.asarray(spend, dtype=float)):
        level = rate * level + x
        stock[t] = level
    return stock


def carry_in(history_spend: np.ndarray, rate: float) -> float:
    """The brand stock at the start of the window left by past brand spend
    (oldest first): what carries over into the first planning period."""
    if len(history_spend) == 0:
        return 0.0
    return float(adstock(np.asarray(history_spend, dtype=float), rate)[-1])
