"""The weighted-mean problem of the draws, solved with a proof, for weights that
change from call to call.

    V(q) = max  Σ_d q_d·value_d(x)     s.t. every rule of the plain problem

is the plain allocation problem with a weighted mean of the draws' curves on each
term (`draws.Mixture`): separable per channel, period and goal, the size of the
plain problem however many draws there are. It is solved like the plain problem
(`solver.allocation`): chord pieces in an LP kept alive in GLOP (`PieceModel`), an
upper bound from the LP's duals through the exact mean curves (`certificate`),
pieces added where bound and answer disagree. The breakpoints carry over from one q
to the next (the draws' curves bend in the same places), and a new q changes only
the pieces' objective coefficients; GLOP's dual simplex starts from the last basis
(faster here than its primal simplex, although that basis stays primal feasible).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from solver import certificate, curves, lp
from solver.allocation import ShouldStop, Stopped, cleaned, refine
from solver.draws import DrawTerms
from solver.errors import NoAllocation
from solver.formulation import Formulation
from solver.mathopt import HIGHS
from solver.piece_model import PieceModel
from solver.pieces import Breakpoints, matches


@dataclass(frozen=True)
class Priced:
    """An allocation for weights q and what is proved about V(q).

    :param values: the formulation's variables, every rule kept.
    :param bound: a proved upper bound on V(q), hence on every risk measure whose
        envelope holds q (`solver.column_generation`).
    :param weighted: Σ_d q_d·value_d(values), exact curves.
    :param outcomes: value_d(values) for every draw, exact curves.
    """

    values: np.ndarray
    bound: float
    weighted: float
    outcomes: np.ndarray


class Pricing:
    """V(q) for any q, with breakpoints and the GLOP model kept between calls."""

    def __init__(self, f: Formulation, dt: DrawTerms, start: np.ndarray | None = None) -> None:
        self.f, self.dt = f, dt
        terms = f.terms
        self.bp = Breakpoints.initial(terms)
        every = np.arange(len(terms))
        if not f.problem.spend_all:
            self.bp.add(terms, every, dt.flat_points())
        if start is not None:
            self.bp.add(terms, every, start[terms.var])
        self.model = PieceModel(f)
        self.solves = 0
        self._heights = np.zeros((dt.n_draws, 0))  # every draw's curve at every breakpoint
        self._known = (np.zeros(0, dtype=int), np.zeros(0))

    def _table(self) -> np.ndarray:
        """Every draw's curve at every breakpoint, (N, breakpoints): kept from call to
        call, only new breakpoints are evaluated."""
        term, x = self.bp.term, self.bp.x
        old_term, old_x = self._known
        if len(old_term) == len(term) and np.array_equal(old_x, x) \
                and np.array_equal(old_term, term):
            return self._heights
        old_of = matches(old_term, old_x, term, x)
        heights = np.empty((self.dt.n_draws, len(term)))
        kept = old_of >= 0
        heights[:, kept] = self._heights[:, old_of[kept]]
        fresh = np.flatnonzero(~kept)
        dt = self.dt
        idx = (np.arange(dt.n_draws)[:, None] * dt.n + term[fresh][None, :])
        heights[:, fresh] = curves.value(*dt.params(idx), np.broadcast_to(x[fresh], idx.shape))
        self._heights, self._known = heights, (term.copy(), x.copy())
        return heights

    def price(self, q: np.ndarray, share: float, time_limit: float,
              should_stop: ShouldStop | None = None, most: int = 6) -> Priced | None:
        """Solve for weights `q` until the answer is within `share` (relative) of its
        bound, or `most` LP solves; None when the rules cannot hold together.

        :param should_stop: asked before each solve; True abandons the run.
        :raises Stopped: `should_stop` said so.
        :raises NoAllocation: the solver gave up.
        """
        started = time.perf_counter()
        f, dt = self.f, self.dt
        best: Priced | None = None
        upper = np.inf
        for _ in range(most):
            remaining = time_limit - (time.perf_counter() - started)
            if remaining <= 0 and best is not None:
                break
            if should_stop is not None and should_stop():
                raise Stopped(f"stopped by the caller after {self.solves} solve(s)")
            heights = q @ self._table()
            mixture = dt.mixture(q, (self.bp.term, self.bp.x, heights))
            solution = self.model.solve(self.bp, max(remaining, 0.01), heights)
            self.solves += 1
            if solution.status == "infeasible" and self.solves > 1:
                # Only pieces or weights changed since a feasible solve: GLOP lost its way.
                solution = lp.solve(f, self.bp, time_limit=max(remaining, 0.01),
                                    solver=HIGHS, heights=heights)
            if solution.status == "infeasible":
                if best is None and self.solves == 1:
                    return None
                raise NoAllocation("the weighted-mean model turned infeasible")
            values = cleaned(f, solution.values)
            bound = certificate.bound(f, solution.duals, values, mixture)
            upper = min(upper, bound.value)
            outcomes = dt.outcomes(values)
            weighted = float(q @ outcomes)
            if best is None or weighted > best.weighted:
                best = Priced(values, upper, weighted, outcomes)
            else:
                best = Priced(best.values, upper, best.weighted, best.outcomes)
            if upper - best.weighted <= share * max(abs(upper), 1e-9):
                break
            if not refine(f, self.bp, bound, values, share * abs(upper)):
                break
        return best
