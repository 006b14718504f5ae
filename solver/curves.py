"""Response curves: what a channel returns for the money it gets.

Hill saturation ``a·x^s/(x^s + k^s)`` (concave for s ≤ 1, S-shaped above) and
exponential saturation ``a·(1 − e^{−x/k})``, each scaled by a seasonal index per
period; brand money works through geometric adstock, so money spent keeps
working after it is spent (and money spent before the window still counts).

Everything here is vectorised over numpy arrays, and every curve can answer
``max_{lo ≤ x ≤ hi} f(x) − price·x`` exactly: that one-dimensional problem is
what turns the allocation LP's duals into a *certified* upper bound.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np

from solver.errors import InvalidProblem

Family = Literal["hill", "exponential"]
_BISECTION_STEPS = 200


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
        for name in ("a", "k", "s"):
            value = getattr(self, name)
            if not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
                raise InvalidProblem(f"curve.{name} must be a positive finite number, "
                                     f"got {value!r}")
        if self.family not in ("hill", "exponential"):
            raise InvalidProblem(f"curve.family must be hill or exponential, got {self.family!r}")

    @property
    def concave(self) -> bool:
        return self.family == "exponential" or self.s <= 1.0

    @property
    def inflection(self) -> float:
        """Where an S-curve stops accelerating (0 for concave curves): the spend
        at which the slope is largest."""
        if self.concave:
            return 0.0
        return self.k * ((self.s - 1.0) / (self.s + 1.0)) ** (1.0 / self.s)

    def value(self, x: np.ndarray | float) -> np.ndarray:
        x = np.maximum(np.asarray(x, dtype=float), 0.0)
        if self.family == "exponential":
            return self.a * -np.expm1(-x / self.k)
        ratio = (x / self.k) ** self.s
        return self.a * ratio / (1.0 + ratio)

    def slope(self, x: np.ndarray | float) -> np.ndarray:
        x = np.maximum(np.asarray(x, dtype=float), 0.0)
        if self.family == "exponential":
            return (self.a / self.k) * np.exp(-x / self.k)
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = (x / self.k) ** self.s
            slope = self.a * self.s * ratio / (x * (1.0 + ratio) ** 2)
        at_zero = np.inf if self.s < 1 else (self.a / self.k if self.s == 1 else 0.0)
        return np.where(x > 0, slope, at_zero)

    def sample(self, upper: float, points: int = 200) -> tuple[np.ndarray, np.ndarray]:
        """Plot-ready (spend, response) pairs from 0 to `upper`."""
        xs = np.linspace(0.0, upper, points)
        return xs, self.value(xs)

    def best_response(self, price: np.ndarray, lo: np.ndarray, hi: np.ndarray,
                      scale: np.ndarray | float = 1.0) -> tuple[np.ndarray, np.ndarray]:
        """Exact ``argmax/max over lo ≤ x ≤ hi of scale·f(x) − price·x``, vectorised.

        Concave: the slope falls monotonically, so the optimum is where it meets
        `price` (closed form for the exponential, bisection for Hill). S-shaped:
        the slope rises then falls, so the candidates are both ends and the
        point on the falling side where the slope meets `price`.
        """
        price, lo, hi = (np.asarray(v, dtype=float) for v in (price, lo, hi))
        scale = np.broadcast_to(np.asarray(scale, dtype=float), price.shape)
        candidates = [lo, hi]
        # Slope meets price where scale·f'(x) = price on the falling side.
        with np.errstate(divide="ignore", invalid="ignore"):
            target = np.where(scale > 0, price / scale, np.inf)
        if self.family == "exponential":
            with np.errstate(divide="ignore", invalid="ignore"):
                root = self.k * np.log(self.a / (self.k * target))
            root = np.where(target > 0, root, hi)
        else:
            root = self._falling_root(target, np.maximum(lo, self.inflection), hi)
        candidates.append(np.clip(np.nan_to_num(root, nan=0.0, posinf=0.0, neginf=0.0), lo, hi))
        values = np.stack([scale * self.value(c) - price * c for c in candidates])
        best = np.argmax(values, axis=0)
        xs = np.choose(best, candidates)
        return xs, np.max(values, axis=0)

    def _falling_root(self, target: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
        """Bisection for f'(x) = target where f' is decreasing on [lo, hi]."""
        left, right = lo.copy(), hi.copy()
        upper_cap = np.where(np.isfinite(right), right, 0.0)
        for _ in range(_BISECTION_STEPS):
            mid = 0.5 * (left + right)
            above = self.slope(mid) > target
            left = np.where(above, mid, left)
            right = np.where(above, right, mid)
            if np.all(right - left <= 1e-13 * np.maximum(1.0, np.abs(right))):
                break
        return np.minimum(0.5 * (left + right), np.maximum(upper_cap, lo))


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
