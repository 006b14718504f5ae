"""Every curve term in every draw as flat arrays, and weighted means of them.

A robust model reads the formulation's curve terms (`Formulation.terms`) once per
draw: index ``d·n + term`` for draw d of N and term of n. The exact responses of
an allocation in every draw come from one numpy pass; so do a weighted mean of
the draws' curves (`Mixture`), the curve that the weighted-mean problem
``max Σ_d q_d·value_d(x)`` puts on each term.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from solver import curves
from solver.formulation import Formulation
from solver.pieces import flat_points
from solver.problem import PROMOTION
from solver.robust_problem import RobustProblem

_BISECTION_STEPS = 60


@dataclass
class DrawTerms:
    """Every (draw, term) curve as flat arrays, index ``d·n + term``."""

    f: Formulation
    family: np.ndarray
    a: np.ndarray
    k: np.ndarray
    s: np.ndarray
    tau: np.ndarray   # S-curves: where the concave envelope meets the curve (else 0)
    n_draws: int

    @classmethod
    def of(cls, f: Formulation, problem: RobustProblem) -> DrawTerms:
        terms = f.terms
        per_block = []
        for draw in problem.draws:
            row = []
            for block in f.blocks:
                promotion, brand = draw.curves[block.channel]
                c = promotion if block.goal == PROMOTION else brand
                row.append((c.code, c.a, c.k, c.s))
            per_block.append(row)
        table = np.array(per_block, dtype=float).reshape(len(problem.draws), len(f.blocks), 4)
        flat = table[:, terms.block, :].reshape(-1, 4)
        family = flat[:, 0].astype(int)
        a, k, s = flat[:, 1], flat[:, 2], flat[:, 3]
        return cls(f, family, a, k, s, curves.tangent_from_origin(family, a, k, s),
                   len(problem.draws))

    @property
    def n(self) -> int:
        return len(self.f.terms)

    @property
    def concave(self) -> bool:
        """No S-curve in any draw: every weighted mean of the curves is concave."""
        return not bool(np.any(self.tau > 0))

    def params(self, idx: np.ndarray) -> tuple[np.ndarray, ...]:
        return self.family[idx], self.a[idx], self.k[idx], self.s[idx]

    def responses(self, values: np.ndarray) -> np.ndarray:
        """σ·f_d(v) per (draw, term), shape (N, n), exact curves."""
        terms = self.f.terms
        x = np.tile(values[terms.var], self.n_draws)
        out = curves.value(self.family, self.a, self.k, self.s, x)
        return out.reshape(self.n_draws, self.n) * terms.sigma

    def outcomes(self, values: np.ndarray) -> np.ndarray:
        """value_d at `values` for every draw d (exact curves)."""
        weight = self.f.terms.weight
        return float(self.f.objective @ values) + self.responses(values) @ weight

    def tangent(self, idx: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(value, slope) at b of the concave envelope of the (draw, term) curves `idx`:
        the curve itself for concave ones; below τ, the line from the origin."""
        params = self.params(idx)
        tau = self.tau[idx]
        below = (tau > 0) & (b < tau)
        at = np.where(below, tau, b)
        f_at, slope_at = curves.value(*params, at), curves.slope(*params, at)
        with np.errstate(divide="ignore", invalid="ignore"):
            line = np.where(below, f_at / tau, 0.0)
        return np.where(below, line * b, f_at), np.where(below, line, slope_at)

    def flat_points(self) -> np.ndarray:
        """Per term, where every draw's curve is flat in double precision
        (`pieces.flat_points`): beyond it no weighted mean earns anything more."""
        upper = np.tile(self.f.terms.upper, self.n_draws)
        flat = flat_points(self.params(np.arange(len(upper))), upper)
        return flat.reshape(self.n_draws, self.n).max(axis=0)

    def mixture(self, q: np.ndarray,
                knots: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None) -> Mixture:
        return Mixture(self, q, knots)


class Mixture:
    """The weighted mean Σ_d q_d·f_d of each term's curves over the draws, for
    weights q ≥ 0 summing to 1. Only draws with weight take part. With concave
    draws the mean is concave, so chords lie under it and its best response is
    where its slope meets the price.

    :param knots: breakpoints (term, x, the mean curve there) whose chords bracket
        where the slope meets a price; without them the search spans [lo, hi].
    """

    def __init__(self, dt: DrawTerms, q: np.ndarray,
                 knots: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None) -> None:
        self.dt, self.q = dt, np.asarray(q, dtype=float)
        self.knots = knots
        self._all = self._group(np.arange(dt.n))

    def _group(self, term: np.ndarray) -> _Group:
        draws = np.flatnonzero(self.q > 0)
        idx = (draws[:, None] * self.dt.n + term[None, :]).ravel()
        column = np.tile(np.arange(len(term)), len(draws))
        weight = np.repeat(self.q[draws], len(term))
        family, a, k, s = self.dt.params(idx)
        hill = family == curves.HILL
        return _Group(len(term), *((column[m], weight[m], a[m], k[m], s[m])
                                   for m in (hill, ~hill)))

    def value(self, term: np.ndarray | None, x: np.ndarray) -> np.ndarray:
        """Σ_d q_d·f_d(x) of the given terms (None: all), before σ and weight."""
        group = self._all if term is None else self._group(np.asarray(term))
        return group.value(np.asarray(x, dtype=float))

    def best_response(self, price: np.ndarray, lo: np.ndarray, hi: np.ndarray,
                      scale: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Argmax and max over lo ≤ x ≤ hi of scale·Σ_d q_d·f_d(x) − price·x for every
        term (as `curves.best_response` for one curve): the slope falls, so the
        interior optimum is where scale·slope meets price, found by bisection
        (inside the knots' bracket); both ends are candidates too."""
        rising = scale > 0
        target = np.where(rising, price / np.where(rising, scale, 1.0), np.inf)
        left, right = self._bracket(target, lo, hi)
        live = np.flatnonzero(rising & (right > left))
        group = self._group(live)
        l_live, r_live, t_live = left[live], right[live], target[live]
        for _ in range(_BISECTION_STEPS if len(live) else 0):
            mid = 0.5 * (l_live + r_live)
            above = group.slope(mid) > t_live
            l_live = np.where(above, mid, l_live)
            r_live = np.where(above, r_live, mid)
            if np.all(r_live - l_live <= 1e-10 * np.maximum(1.0, r_live)):
                break
        root = np.clip(left, lo, hi)
        root[live] = 0.5 * (l_live + r_live)
        candidates = np.stack([lo, hi, root])
        values = np.stack([scale * self._all.value(c) - price * c for c in candidates])
        best = np.argmax(values, axis=0)
        return np.take_along_axis(candidates, best[None], 0)[0], values.max(axis=0)

    def _bracket(self, target: np.ndarray, lo: np.ndarray,
                 hi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per term, an interval within [lo, hi] holding where the slope meets
        `target`. A chord's slope is the curve's slope somewhere inside it, and the
        slopes fall: past the chords steeper than the target and up to the first
        flatter one, the crossing lies within two pieces (taken with one more on each
        side: chords of very short pieces carry rounding error)."""
        left, right = np.asarray(lo, dtype=float).copy(), np.asarray(hi, dtype=float).copy()
        if self.knots is None:
            return left, right
        term, x, height = self.knots
        same = term[1:] == term[:-1]
        p_term = term[:-1][same]
        with np.errstate(divide="ignore", invalid="ignore"):
            chord = (height[1:] - height[:-1])[same] / (x[1:] - x[:-1])[same]
        steeper = np.bincount(p_term, weights=chord > target[p_term], minlength=self.dt.n)
        first = np.searchsorted(term, np.arange(self.dt.n))
        last = np.searchsorted(term, np.arange(self.dt.n), side="right") - 1
        steeper = steeper.astype(int)
        below = x[np.clip(first + steeper - 2, first, last)]
        above = x[np.clip(first + steeper + 2, first, last)]
        return np.maximum(left, below), np.minimum(right, np.maximum(above, below))


@dataclass
class _Group:
    """The draws' curves on some terms, flattened per family: (position among the
    terms, draw weight, a, k, s) for Hill curves and for exponential ones."""

    size: int
    hill: tuple[np.ndarray, ...]
    exponential: tuple[np.ndarray, ...]

    def _sum(self, hill: np.ndarray, exponential: np.ndarray) -> np.ndarray:
        return np.bincount(self.hill[0], weights=self.hill[1] * hill, minlength=self.size) + \
            np.bincount(self.exponential[0], weights=self.exponential[1] * exponential,
                        minlength=self.size)

    def value(self, x: np.ndarray) -> np.ndarray:
        (hc, _, ha, hk, hs), (ec, _, ea, ek, _) = self.hill, self.exponential
        return self._sum(curves.hill_value(ha, hk, hs, x[hc]),
                         curves.exponential_value(ea, ek, x[ec]))

    def slope(self, x: np.ndarray) -> np.ndarray:
        (hc, _, ha, hk, hs), (ec, _, ea, ek, _) = self.hill, self.exponential
        return self._sum(curves.hill_slope(ha, hk, hs, x[hc]),
                         curves.exponential_slope(ea, ek, x[ec]))
