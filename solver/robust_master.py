"""The master of the column generation: the best mix of known allocations.

With allocations x_1 … x_K and their exact outcomes R[k, d] in each draw,

    max   t − (1/(αN))·Σ_d u_d
    s.t.  u_d ≥ t − Σ_k λ_k·R[k, d],  u ≥ 0,  Σ_k λ_k = 1,  λ ≥ 0

is the CVaR at level α (α = 1/N: the worst case) of the mixed outcomes (the
Rockafellar–Uryasev form). Its duals on the per-draw rows are weights q with
0 ≤ q_d ≤ 1/(αN) and Σ q = 1, the q that minimises max_k Σ_d q_d·R[k, d]: where
the known allocations are weakest, so where to look for the next one. A tiny LP
(N + K + 1 columns).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from solver.errors import NoAllocation
from solver.mathopt import GLOP, ModelArrays, read_solution, run, status_of


@dataclass(frozen=True)
class Mix:
    """The master's answer: its value, the mix λ and the draws' weights q."""

    value: float
    weights: np.ndarray
    q: np.ndarray


def best_mix(outcomes: np.ndarray, level: float) -> Mix:
    """Solve the master over the rows of `outcomes` (one per allocation, one column
    per draw) at tail share `level` (1/N worst case, α CVaR, 1 mean)."""
    outcomes = np.asarray(outcomes, dtype=float)
    k, n = outcomes.shape
    # Shifted and scaled to order 1: CVaR moves with a shift and scales with a factor.
    shift = float(outcomes.mean())
    size = max(float(np.abs(outcomes - shift).max()), 1e-12)
    r = (outcomes - shift) / size
    m = ModelArrays()
    lam = m.columns(np.zeros(k), np.full(k, np.inf), np.zeros(k))
    t = m.columns(np.array([-np.inf]), np.array([np.inf]), np.ones(1))
    u = m.columns(np.zeros(n), np.full(n, np.inf), np.full(n, -1.0 / (level * n)))
    rows = m.rows(np.full(n, -np.inf), np.zeros(n))  # t − u_d − Σ_k λ_k·r[k, d] ≤ 0
    m.add(rows, np.full(n, t[0]), 1.0)
    m.add(rows, u, -1.0)
    m.add(np.repeat(rows, k), np.tile(lam, n), -r.T.ravel())
    one = m.rows(np.ones(1), np.ones(1))  # Σ λ = 1
    m.add(np.full(k, one[0]), lam, 1.0)
    result = run(m.proto(), GLOP, 10.0, None)
    if status_of(result) != "optimal" or not result.solutions:
        raise NoAllocation(f"the master of the robust column generation failed "
                           f"({status_of(result)})")
    solution = result.solutions[0]
    primal, duals, _ = read_solution(solution, m.n_cols, m.n_rows)
    weights = np.maximum(primal[lam], 0.0)
    q = np.maximum(duals[rows], 0.0)  # a binding ≤ row of a maximisation: dual ≥ 0
    q = q / q.sum() if q.sum() > 0 else np.full(n, 1.0 / n)
    value = float(solution.primal_solution.objective_value)
    return Mix(value * size + shift, weights / weights.sum(), q)
