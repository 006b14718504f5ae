"""Curves as pieces: breakpoints per curve term, and the concave envelope of S-curves.

A concave curve between breakpoints is replaced by its chords; chords lie under
the curve, so any allocation the LP returns earns at least what the LP says.
An S-shaped curve is replaced by its concave envelope (the straight line from
zero to the point where the tangent passes through the origin, then the curve);
the envelope lies over the curve, and the difference is reported.
"""

from __future__ import annotations

import numpy as np

from solver.curves import Curve

INITIAL_POINTS = 8


def tangent_from_origin(curve: Curve) -> float:
    """For an S-curve, the spend τ where f(τ) = τ·f'(τ): below it the envelope is a
    straight line, above it the envelope is the curve (0 for concave curves)."""
    if curve.concave:
        return 0.0
    lo, hi = curve.inflection, max(curve.inflection * 2.0, curve.k)
    while curve.value(hi) > hi * curve.slope(hi):
        hi *= 2.0
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if curve.value(mid) > mid * curve.slope(mid):
            hi = mid
        else:
            lo = mid
    return 0.5 * (lo + hi)


def initial(curve: Curve, upper: float, points: int = INITIAL_POINTS) -> np.ndarray:
    """Breakpoints from 0 to `upper`, denser where the curve bends most (near
    zero for concave curves, around the half-saturation spend otherwise)."""
    if upper <= 0:
        return np.array([0.0])
    grid = upper * (np.arange(1, points + 1) / points) ** 2
    near_k = curve.k * np.array([0.25, 0.5, 1.0, 2.0, 4.0])
    tau = tangent_from_origin(curve)
    candidates = np.concatenate([[0.0], grid, near_k[near_k < upper], [upper]])
    return envelope_points(np.unique(candidates), tau, upper)


def envelope_points(points: np.ndarray, tau: float, upper: float) -> np.ndarray:
    """Drop breakpoints inside (0, τ): there the envelope is one straight piece."""
    if tau <= 0:
        return points
    if tau >= upper:
        return np.array([0.0, upper])
    kept = points[(points == 0) | (points >= tau)]
    return np.unique(np.concatenate([kept, [tau]]))


def slopes(curve: Curve, points: np.ndarray) -> np.ndarray:
    """Chord slopes between consecutive breakpoints (non-increasing once the
    S-curve's envelope points are used)."""
    values = curve.value(points)
    return np.diff(values) / np.diff(points)


def envelope_value(curve: Curve, x: np.ndarray, tau: float) -> np.ndarray:
    """The concave envelope at x (the curve itself for concave curves)."""
    x = np.asarray(x, dtype=float)
    if tau <= 0:
        return curve.value(x)
    line = x * (curve.value(tau) / tau)
    return np.where(x < tau, line, curve.value(x))


def refine(points: np.ndarray, *new: float, tau: float, upper: float) -> np.ndarray:
    """Add breakpoints (kept within [0, upper] and off the envelope's straight part)."""
    extra = np.clip(np.asarray(new, dtype=float), 0.0, upper)
    merged = np.unique(np.concatenate([points, extra]))
    # Breakpoints closer than a relative 1e-12 only make the LP ill-conditioned.
    keep = np.concatenate([[True], np.diff(merged) > 1e-12 * max(upper, 1.0)])
    return envelope_points(merged[keep], tau, upper)
