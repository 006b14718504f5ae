"""Robust allocation benchmark: mean, worst case and CVaR across curve draws.

The plain optimiser's realistic seeded problem (`bench_solver.realistic`: concave
curves, seasonality, adstock with carry, brand share 35–45 %, caps, minimums) with
N draws per curve: height and scale of each channel's curves moved by lognormal
factors (σ = 0.2), as bootstrap re-fits spread. For each objective: solve time,
certified gap, rounds, and the cuts (cutting-plane route) or the columns (column
generation: allocations priced and mixed) of the final model. The CVaR and
worst-case runs start from the mean-optimal answer (as `price_of_robustness` does);
their time excludes the mean solve. Targets at 50 draws: gap ≤ 0.1 % in < 10 s.

Run it directly; pytest does not collect it::

    python tests/benchmarks/bench_robust.py [--sizes 20x52] [--draws 50 100] [--limit 60]
                                            [--sigma 0.2]

It exits non-zero when a run at 50 draws misses a target.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from solver.allocation import plan_values
from solver.formulation import build
from solver.robust import robust_allocate
from solver.robust_problem import Draw, RobustProblem
from tests.benchmarks.bench_solver import realistic

TARGET_DRAWS, TARGET_GAP, TARGET_SECONDS = 50, 1e-3, 10.0


def draws_for(problem, n: int, seed: int, sigma: float = 0.2) -> tuple[Draw, ...]:
    rng = np.random.default_rng(seed)

    def moved(curve):
        if curve is None:
            return None
        a, k = rng.lognormal(0.0, sigma, 2)
        return dataclasses.replace(curve, a=curve.a * a, k=curve.k * k)

    return tuple(Draw(tuple((moved(ch.promotion), moved(ch.brand)) for ch in problem.channels))
                 for _ in range(n))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="+", default=["20x52"])
    parser.add_argument("--draws", nargs="+", type=int, default=[50, 100])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--tolerance", type=float, default=1e-3)
    parser.add_argument("--limit", type=float, default=60.0, help="seconds per solve")
    parser.add_argument("--sigma", type=float, default=0.2,
                        help="spread of the draws' height and scale factors (lognormal σ)")
    args = parser.parse_args()
    print(f"load average {', '.join(f'{v:.2f}' for v in os.getloadavg())}")
    missed = 0
    print(f"{'size':>8}{'draws':>7}{'objective':>12}{'seconds':>10}{'gap':>10}"
          f"{'rounds':>8}{'cuts':>9}{'columns':>9}")
    for size in args.sizes:
        n_c, n_t = (int(v) for v in size.split("x"))
        base = realistic(n_c, n_t, args.seed)
        for n in args.draws:
            draws = draws_for(base, n, args.seed, args.sigma)
            mean = None
            for risk, alpha in (("mean", 1.0), ("worst", 1.0), ("cvar", 0.1)):
                rp = RobustProblem(base, draws, risk=risk, alpha=alpha,
                                   tolerance=args.tolerance, time_limit=args.limit)
                start = None if mean is None else plan_values(build(base), mean.spend)
                found = robust_allocate(rp, start=start)
                mean = found if risk == "mean" else mean
                label = risk if risk != "cvar" else f"cvar:{alpha:g}"
                met = found.gap <= TARGET_GAP and found.seconds < TARGET_SECONDS
                verdict = ("pass" if met else "FAIL") if n == TARGET_DRAWS else "info"
                missed += verdict == "FAIL"
                print(f"{size:>8}{n:>7}{label:>12}{found.seconds:>10.2f}{found.gap:>10.4%}"
                      f"{found.rounds:>8}{found.cuts:>9}{found.columns:>9}  {verdict}",
                      flush=True)
    return missed


if __name__ == "__main__":
    sys.exit(1 if main() else 0)
