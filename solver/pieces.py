"""Curves as pieces: breakpoints for every curve term, held as flat arrays.

A concave curve between breakpoints is replaced by its chords; chords lie under
the curve, so any allocation the LP returns earns at least what the LP says.
An S-shaped curve is replaced by its concave envelope (the straight line from
zero to the point τ where the tangent passes through the origin, then the
curve); the envelope lies over the curve, and the difference is reported.

Breakpoints are stored as two parallel arrays, `term` and `x`, sorted by term
then spend, so building the LP and refining it are single numpy passes over
every channel-period at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from solver import curves
from solver.formulation import Terms

_GRID = np.array([0.5])
_NEAR_K = np.array([1.0])
_NEAR_TYPICAL = np.array([0.5, 1.0, 2.0])


@dataclass
class Breakpoints:
    """Breakpoints of every term. With `exact_s`, S-curves are not replaced by their
    envelope: their first piece runs from 0 to the inflection point and is taken
    whole or not at all (a switch in the MIP), the rest follows the curve."""

    term: np.ndarray
    x: np.ndarray
    exact_s: bool = False

    @classmethod
    def initial(cls, terms: Terms, exact_s: bool = False) -> Breakpoints:
        """0 and the upper bound, a coarse grid, points around the half-saturation
        spend (where curves bend most) and, densest, around the level an even
        spread of the budget gives (where answers tend to lie)."""
        n = len(terms)
        columns = [np.zeros((n, 1)), terms.upper[:, None] * _GRID[None, :],
                   terms.k[:, None] * _NEAR_K[None, :],
                   terms.typical[:, None] * _NEAR_TYPICAL[None, :]]
        term = np.repeat(np.arange(n), sum(c.shape[1] for c in columns))
        x = np.concatenate(columns, axis=1).ravel()
        return _normalised(terms, term, x, exact_s)

    def add(self, terms: Terms, term: np.ndarray, x: np.ndarray) -> int:
        """Insert points; return how many were new."""
        before = len(self.x)
        merged = _normalised(terms, np.concatenate([self.term, term]),
                             np.concatenate([self.x, x]), self.exact_s)
        self.term, self.x = merged.term, merged.x
        return len(self.x) - before

    @property
    def size(self) -> int:
        return len(self.x) - len(np.unique(self.term))

    def pieces(self, terms: Terms, heights: np.ndarray | None = None,
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(term, left end, width, chord slope) of every piece, in breakpoint order.

        :param heights: the curve at every breakpoint (default: each term's own
            curve), when the pieces follow another curve (a weighted mean of draws)."""
        if heights is None:
            heights = curves.value(*(p[self.term] for p in terms.params), self.x)
        same = self.term[1:] == self.term[:-1]
        term = self.term[:-1][same]
        left, right = self.x[:-1][same], self.x[1:][same]
        rise = heights[1:][same] - heights[:-1][same]
        width = right - left
        return term, left, width, rise / width


def matches(old_term: np.ndarray, old_x: np.ndarray, term: np.ndarray,
            x: np.ndarray) -> np.ndarray:
    """For each new (term, x), the index of the same pair among the old ones, or −1:
    what a refinement kept, so work done for it is not done again."""
    origin = np.concatenate([np.zeros(len(old_term), dtype=int), np.ones(len(term), dtype=int)])
    index = np.concatenate([np.arange(len(old_term)), np.arange(len(term))])
    all_term, all_x = np.concatenate([old_term, term]), np.concatenate([old_x, x])
    order = np.lexsort((origin, all_x, all_term))
    o_term, o_x, o_origin, o_index = (a[order] for a in (all_term, all_x, origin, index))
    pair = (o_origin[:-1] == 0) & (o_origin[1:] == 1) & (o_term[:-1] == o_term[1:]) \
        & (o_x[:-1] == o_x[1:])
    old_of = np.full(len(term), -1)
    old_of[o_index[1:][pair]] = o_index[:-1][pair]
    return old_of


def _normalised(terms: Terms, term: np.ndarray, x: np.ndarray,
                exact_s: bool) -> Breakpoints:
    """Clip to [0, upper], keep S-curves' first piece straight (below τ on the
    envelope, below the inflection point when exact), sort, dedupe."""
    upper = terms.upper[term]
    x = np.clip(x, 0.0, upper)
    corner = terms.inflection if exact_s else terms.tau
    tau = corner[term]
    straight = (tau > 0) & (x > 0) & (x < np.minimum(tau, upper))
    term, x, upper = term[~straight], x[~straight], upper[~straight]
    bend = np.flatnonzero((corner > 0) & (corner < terms.upper))
    term = np.concatenate([term, bend, np.arange(len(terms))])
    x = np.concatenate([x, corner[bend], terms.upper])
    term = np.concatenate([term, np.arange(len(terms))])
    x = np.concatenate([x, np.zeros(len(terms))])
    order = np.lexsort((x, term))
    term, x = term[order], x[order]
    scale = np.maximum(terms.upper[term], 1.0)
    keep = np.ones(len(x), dtype=bool)
    keep[1:] = (term[1:] != term[:-1]) | (np.diff(x) > 1e-12 * scale[1:])
    return Breakpoints(term[keep], x[keep], exact_s)


def flat_points(params: tuple[np.ndarray, ...], upper: np.ndarray) -> np.ndarray:
    """Per curve (`params` as `curves.value` takes them), the least spend at which it
    already returns, in double precision, all it returns at `upper` (`upper` itself
    when the curve still rises there). With "up to" budgets a breakpoint there keeps
    money out of the flat end: the chords past it have slope exactly 0, so the unspent
    whisker wins, while a coarse chord across it would still look worth filling."""
    top = curves.value(*params, upper)
    lo, hi = np.zeros(np.shape(upper)), np.array(upper, dtype=float)
    for _ in range(64):  # bisection on "already at the top" (monotone in x)
        mid = 0.5 * (lo + hi)
        flat = curves.value(*params, mid) >= top
        hi = np.where(flat, mid, hi)
        lo = np.where(flat, lo, mid)
    return hi


def envelope_value(terms: Terms, index: np.ndarray, x: np.ndarray) -> np.ndarray:
    """The concave envelope of the given terms' curves at x (the curve itself for
    concave curves)."""
    params = tuple(p[index] for p in terms.params)
    tau = terms.tau[index]
    f = curves.value(*params, x)
    with np.errstate(divide="ignore", invalid="ignore"):
        line = x * curves.value(*params, tau) / tau
    return np.where((tau > 0) & (x < tau), line, f)
