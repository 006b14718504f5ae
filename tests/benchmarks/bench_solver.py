"""Optimiser benchmark: certified allocations against the local method marketing-mix
tools use, on realistic seeded problems.

For each size (channels × periods, two goals each) it builds a plan-like
problem from a seeded generator: concave Hill and exponential curves, weekly or
monthly seasonality with festival peaks, brand adstock with carry-over from
before the window, brand share 35–45 %, channel caps and a few minimums. Then:

1. ``allocate`` time, certified gap and objective;
2. scipy's SLSQP on the same curves and the same constraints (one variable per
   channel-period-goal, the constraints as linear rows, analytic gradients,
   started from an even split, capped in iterations and seconds): its time, its
   objective through the same true curves, time ratio and objective difference;
3. the 21-point brand/promotion frontier.

Run it directly; pytest does not collect it::

    python tests/benchmarks/bench_solver.py [--seed 2026] [--slsqp-seconds 120] [--no-slsqp]
"""

from __future__ import annotations

import os

# One BLAS thread unless told otherwise: SLSQP's dense linear algebra slows down
# by an order of magnitude when BLAS threads compete for cores (1.3 s against
# 15-40 s at 8 × 12 on a busy two-core machine); the optimiser barely uses BLAS.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import argparse  # noqa: E402
import dataclasses  # noqa: E402
import math  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402

import numpy as np  # noqa: E402

from solver.allocation import allocate  # noqa: E402
from solver.curves import Curve  # noqa: E402
from solver.frontier import frontier  # noqa: E402
from solver.problem import BRAND, PROMOTION, AllocationProblem, ChannelSpec  # noqa: E402
from solver.result import Allocation, Infeasible  # noqa: E402

SIZES = ((8, 12), (20, 52), (50, 52))
SLSQP_SIZES = ((8, 12), (20, 52))
SLSQP_MAXITER = 500
ALLOCATE_RUNS = 3
FRONTIER_SIZE = (20, 52)
FRONTIER_POINTS = 21

# Targets: gap at every size; seconds at 50 × 52; speed-up at 20 × 52; frontier seconds.
TARGET_GAP = 1e-4
TARGET_LARGE_SECONDS = 0.5
TARGET_SPEEDUP = 100.0
TARGET_FRONTIER_SECONDS = 3.0


# -- problems -------------------------------------------------------------------------

def seasonality(n_t: int, rng: np.random.Generator) -> np.ndarray:
    """A year's index over n_t periods: a gentle wave plus Chinese New Year, 618,
    Double 11 and Double 12 peaks, with a channel-specific strength."""
    phase = np.arange(n_t) / n_t
    index = 1.0 + 0.15 * np.sin(2 * np.pi * (phase - rng.uniform(0, 1)))
    for peak, height in ((0.10, 0.3), (0.46, 0.6), (0.86, 1.0), (0.94, 0.4)):
        width = max(1.0 / n_t, 0.02)
        index += height * rng.uniform(0.5, 1.5) * np.exp(-0.5 * ((phase - peak) / width) ** 2)
    return index / index.mean()


def realistic(n_c: int, n_t: int, seed: int) -> AllocationProblem:
    """A plan-like problem in thousands of the plan currency."""
    rng = np.random.default_rng(seed + 1000 * n_c + n_t)
    weekly = n_t > 12
    channels = []
    for c in range(n_c):
        # Per-period money scale of the channel (k) and its saturation level (a).
        k = float(rng.lognormal(np.log(40.0 if weekly else 170.0), 0.5))
        roas = float(rng.uniform(1.5, 4.0))
        family = "hill" if rng.random() < 0.5 else "exponential"
        shape = float(rng.uniform(0.6, 1.0)) if family == "hill" else 1.0
        promotion = Curve(family, roas * k * 2.0, k, shape) if rng.random() < 0.9 else None
        brand = None
        adstock = carry = 0.0
        if promotion is None or rng.random() < 0.6:
            bk = k * float(rng.uniform(1.0, 3.0))
            brand = Curve("exponential" if rng.random() < 0.5 else "hill",
                          float(rng.uniform(1.0, 3.0)) * bk, bk, 1.0)
            adstock = float(rng.uniform(0.3, 0.8) if weekly else rng.uniform(0.1, 0.5))
            carry = float(rng.uniform(0.0, 2.0)) * bk
        channels.append(ChannelSpec(
            f"channel {c + 1:02d}", promotion=promotion, brand=brand, adstock=adstock,
            carry=carry, season=tuple(seasonality(n_t, rng).round(4)),
        ))
    # Budget: about the spend where curves are half-saturated, everywhere.
    budget = float(sum(ch.promotion.k if ch.promotion else ch.brand.k for ch in channels)
                   * n_t * rng.uniform(0.8, 1.2))
    for c, ch in enumerate(channels):
        share = 1.0 / n_c
        changes: dict = {}
        if rng.random() < 0.4:
            changes["max_total"] = round(budget * share * float(rng.uniform(0.6, 1.2)), 3)
        if rng.random() < 0.15:
            changes["min_total"] = round(budget * share * float(rng.uniform(0.2, 0.5)), 3)
        if changes:
            channels[c] = dataclasses.replace(ch, **changes)
    return AllocationProblem(
        periods=tuple(f"{'W' if weekly else 'M'}{t + 1:02d}" for t in range(n_t)),
        channels=tuple(channels), budget=round(budget, 3), spend_all=True,
        brand_share=(0.35, 0.45), brand_value=1.0)


# -- the same problem for SLSQP -------------------------------------------------------

@dataclasses.dataclass
class Dense:
    """The problem as dense arrays over x[c, t, g] flattened, for SLSQP."""

    problem: AllocationProblem
    upper: np.ndarray
    a_ub: np.ndarray    # a_ub @ x ≤ b_ub
    b_ub: np.ndarray
    a_eq: np.ndarray    # a_eq @ x = b_eq
    b_eq: np.ndarray

    @property
    def shape(self) -> tuple[int, int]:
        return self.problem.shape


def dense(problem: AllocationProblem) -> Dense:
    n_c, n_t = problem.shape
    n = n_c * n_t * 2

    def index(c: int, t: int, g: int) -> int:
        return (c * n_t + t) * 2 + g

    upper = np.zeros(n)
    for c, ch in enumerate(problem.channels):
        cap = min(problem.budget, ch.max_total or math.inf, ch.max_per_period or math.inf)
        available = ch.available or (True,) * n_t
        for t in range(n_t):
            for g, curve in ((BRAND, ch.brand), (PROMOTION, ch.promotion)):
                upper[index(c, t, g)] = cap if curve is not None and available[t] else 0.0
    rows_ub, b_ub, rows_eq, b_eq = [], [], [], []
    ones = np.ones(n)
    brand = np.zeros(n)
    brand[[index(c, t, BRAND) for c in range(n_c) for t in range(n_t)]] = 1.0
    if problem.spend_all:
        rows_eq.append(ones)
        b_eq.append(problem.budget)
    else:
        rows_ub.append(ones)
        b_ub.append(problem.budget)
    if problem.brand_share is not None:
        low, high = problem.brand_share
        rows_ub += [low * ones - brand, brand - high * ones]
        b_ub += [0.0, 0.0]
    for c, ch in enumerate(problem.channels):
        row = np.zeros(n)
        row[[index(c, t, g) for t in range(n_t) for g in (BRAND, PROMOTION)]] = 1.0
        if ch.max_total is not None:
            rows_ub.append(row)
            b_ub.append(ch.max_total)
        if ch.min_total > 0:
            rows_ub.append(-row)
            b_ub.append(-ch.min_total)
    empty = np.zeros((0, n))
    return Dense(problem, upper, np.array(rows_ub) if rows_ub else empty, np.array(b_ub),
                 np.array(rows_eq) if rows_eq else empty, np.array(b_eq))


def _curve_arrays(curves: list[Curve | None]) -> tuple[np.ndarray, ...]:
    present = np.array([c is not None for c in curves])
    expo = np.array([c is not None and c.family == "exponential" for c in curves])
    a = np.array([c.a if c else 0.0 for c in curves])
    k = np.array([c.k if c else 1.0 for c in curves])
    s = np.array([c.s if c else 1.0 for c in curves])
    return present, expo, a, k, s


def _value_slope(params: tuple[np.ndarray, ...], x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """f and f' of every channel's curve at x[c, t] (rows: channels)."""
    present, expo, a, k, s = (p[:, None] for p in params)
    x = np.maximum(x, 0.0)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        e = np.exp(-x / k)
        ratio = (x / k) ** s
        hill_value = a * ratio / (1.0 + ratio)
        hill_slope = np.where(x > 0, a * s * ratio / (x * (1.0 + ratio) ** 2),
                              np.where(s < 1, 1e12, a / k))
    value = np.where(expo, a * (1 - e), hill_value)
    slope = np.where(expo, a / k * e, hill_slope)
    return np.where(present, value, 0.0), np.where(present, slope, 0.0)


def objective_and_gradient(d: Dense) -> Callable[[np.ndarray], tuple[float, np.ndarray]]:
    """Negated objective (SLSQP minimises) and its gradient, through the true curves:
    Σ season·f(x_promotion) + value·Σ g(A), A_t = λ·A_{t−1} + x_brand,t."""
    p = d.problem
    n_c, n_t = d.shape
    promo = _curve_arrays([ch.promotion for ch in p.channels])
    brand = _curve_arrays([ch.brand for ch in p.channels])
    season = np.array([ch.season or (1.0,) * n_t for ch in p.channels])
    lam = np.array([ch.adstock for ch in p.channels])
    carry = np.array([ch.carry for ch in p.channels])

    def fun(v: np.ndarray) -> tuple[float, np.ndarray]:
        x = v.reshape(n_c, n_t, 2)
        stock = np.empty((n_c, n_t))
        level = carry.copy()
        for t in range(n_t):
            level = lam * level + x[:, t, BRAND]
            stock[:, t] = level
        pv, ps = _value_slope(promo, x[:, :, PROMOTION])
        bv, bs = _value_slope(brand, stock)
        total = p.promotion_weight * float((season * pv).sum()) + p.brand_value * float(bv.sum())
        grad = np.empty((n_c, n_t, 2))
        grad[:, :, PROMOTION] = p.promotion_weight * season * ps
        # d/dx_brand,s = Σ_{t≥s} λ^{t−s}·g'(A_t): a reverse running sum.
        carried = np.zeros(n_c)
        for t in range(n_t - 1, -1, -1):
            carried = p.brand_value * bs[:, t] + lam * carried
            grad[:, t, BRAND] = carried
        return -total, -grad.reshape(-1)

    return fun


def true_value(problem: AllocationProblem, spend: np.ndarray) -> float:
    return -objective_and_gradient(dense(problem))(spend.reshape(-1))[0]


def worst_violation(d: Dense, v: np.ndarray) -> float:
    """Largest constraint violation of v, relative to the budget."""
    worst = max(float(np.max(-v, initial=0.0)), float(np.max(v - d.upper, initial=0.0)))
    if len(d.b_ub):
        worst = max(worst, float(np.max(d.a_ub @ v - d.b_ub, initial=0.0)))
    if len(d.b_eq):
        worst = max(worst, float(np.max(np.abs(d.a_eq @ v - d.b_eq), initial=0.0)))
    return worst / max(1.0, d.problem.budget)


@dataclasses.dataclass
class LocalResult:
    seconds: float
    objective: float
    converged: bool
    iterations: int
    violation: float
    message: str


def slsqp(problem: AllocationProblem, time_cap: float) -> LocalResult:
    """scipy SLSQP from an even split of the budget over every open cell, with the
    brand share at the middle of its range; stopped at `time_cap` seconds."""
    from scipy.optimize import minimize

    d = dense(problem)
    n_c, n_t = d.shape
    start = np.zeros((n_c, n_t, 2))
    open_cells = d.upper.reshape(n_c, n_t, 2) > 0
    low, high = problem.brand_share or (0.0, 1.0)
    for g, share in ((BRAND, 0.5 * (low + high)), (PROMOTION, 1.0 - 0.5 * (low + high))):
        cells = open_cells[:, :, g]
        if cells.any():
            start[:, :, g][cells] = problem.budget * share / cells.sum()
    x0 = np.minimum(start.reshape(-1), d.upper)
    fun = objective_and_gradient(d)
    constraints = []
    if len(d.b_ub):
        constraints.append({"type": "ineq", "fun": lambda v: d.b_ub - d.a_ub @ v,
                            "jac": lambda v: -d.a_ub})
    if len(d.b_eq):
        constraints.append({"type": "eq", "fun": lambda v: d.a_eq @ v - d.b_eq,
                            "jac": lambda v: d.a_eq})
    last = {"x": x0, "nit": 0}
    started = time.perf_counter()

    def stop_at_cap(intermediate_result) -> None:
        last["x"] = np.asarray(intermediate_result.x, dtype=float)
        last["nit"] += 1
        if time.perf_counter() - started > time_cap:
            raise StopIteration

    found = minimize(fun, x0, jac=True, method="SLSQP", bounds=list(zip(np.zeros(len(x0)),
                                                                      d.upper, strict=True)),
                     constraints=constraints, callback=stop_at_cap,
                     options={"maxiter": SLSQP_MAXITER, "ftol": 1e-9})
    seconds = time.perf_counter() - started
    x = np.clip(np.asarray(found.x, dtype=float), 0.0, d.upper)
    message = str(found.message)
    if not found.success and seconds > time_cap:
        message = f"stopped at the {time_cap:g} s cap"
    return LocalResult(seconds, -fun(x)[0], bool(found.success), max(int(found.nit),
                       last["nit"]), worst_violation(d, x), message)


# -- report ---------------------------------------------------------------------------

@dataclasses.dataclass
class Row:
    measure: str
    value: str
    target: str = "—"
    ok: bool | None = None

    @property
    def verdict(self) -> str:
        if self.ok is None:
            return "info" if self.target == "—" else "n/a"
        return "pass" if self.ok else "FAIL"


def print_table(rows: list[Row]) -> None:
    head = Row("measure", "value", "target")
    widths = [max(len(getattr(r, f)) for r in [head, *rows]) for f in ("measure", "value",
                                                                        "target")]

    def line(r: Row, verdict: str) -> str:
        return (f"{r.measure:<{widths[0]}}  {r.value:>{widths[1]}}  {r.target:<{widths[2]}}  "
                f"{verdict}")

    print(line(head, "verdict"))
    print("-" * (sum(widths) + 14))
    for r in rows:
        print(line(r, r.verdict))


def timed(call: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    out = call()
    return time.perf_counter() - started, out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--slsqp-seconds", type=float, default=120.0,
                        help="stop SLSQP after this many seconds (reported as not converged)")
    parser.add_argument("--no-slsqp", action="store_true", help="skip the SLSQP comparison")
    args = parser.parse_args(argv)

    import ortools
    import scipy

    print(f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}, OR-Tools {ortools.__version__}, "
          f"scipy {scipy.__version__}")
    print(f"seed {args.seed}; SLSQP: maxiter {SLSQP_MAXITER}, ftol 1e-9, analytic gradients, "
          f"stopped after {args.slsqp_seconds:g} s; BLAS threads "
          f"{os.environ['OPENBLAS_NUM_THREADS']}; load average "
          f"{', '.join(f'{v:.2f}' for v in os.getloadavg())}\n")
    rows: list[Row] = []
    failed = 0
    for n_c, n_t in SIZES:
        size = f"{n_c} × {n_t} × 2"
        problem = realistic(n_c, n_t, args.seed)
        allocate(problem)  # warm up imports and solver libraries once per size
        runs = [timed(lambda problem=problem: allocate(problem)) for _ in range(ALLOCATE_RUNS)]
        seconds = statistics.median(s for s, _ in runs)
        result = runs[0][1]
        if isinstance(result, Infeasible):
            rows.append(Row(f"{size}: allocate", "infeasible: " + result.message[:60]))
            failed += 1
            continue
        assert isinstance(result, Allocation)
        time_target = "< 0.5 s" if (n_c, n_t) == SIZES[-1] else "—"
        time_ok = seconds < TARGET_LARGE_SECONDS if (n_c, n_t) == SIZES[-1] else None
        brand_capable = sum(ch.brand is not None for ch in problem.channels)
        capped = sum(ch.max_total is not None for ch in problem.channels)
        rows += [
            Row(f"{size}: problem", f"budget {problem.budget:,.0f}, {brand_capable} brand-capable, "
                f"{capped} capped; brand share {result.brand_share:.1%}"),
            Row(f"{size}: allocate time (median of {ALLOCATE_RUNS})",
                f"{seconds:.3f} s  ({result.rounds} rounds)",
                time_target, time_ok),
            Row(f"{size}: certified gap", f"{result.gap:.2e} ({100 * result.gap:.4f} %)",
                "≤ 0.01 %", result.gap <= TARGET_GAP),
            Row(f"{size}: objective", f"{result.objective:,.3f} (bound "
                f"{result.upper_bound:,.3f})"),
        ]
        if not args.no_slsqp and (n_c, n_t) in SLSQP_SIZES:
            local = slsqp(problem, args.slsqp_seconds)
            ratio = local.seconds / seconds
            diff = 100.0 * (result.objective - local.objective) / abs(result.objective)
            state = "converged" if local.converged else f"NOT converged ({local.message})"
            fast_ok = ratio >= TARGET_SPEEDUP if (n_c, n_t) == FRONTIER_SIZE else None
            # A stopped SLSQP only gives a lower bound on its time, and only a
            # feasible SLSQP point is an allocation whose objective can be compared.
            at_least = "≥ " if not local.converged else ""
            comparable = local.violation <= 1e-6
            rows += [
                Row(f"{size}: SLSQP time", f"{local.seconds:.2f} s, {local.iterations} it, "
                    f"{state}"),
                Row(f"{size}: SLSQP objective", f"{local.objective:,.3f} ("
                    + ("feasible" if local.violation <= 1e-6 else "INFEASIBLE iterate")
                    + f", worst violation {local.violation:.1e} × budget)"),
                Row(f"{size}: SLSQP time / ours", f"{at_least}{ratio:,.0f}×",
                    "≥ 100×" if fast_ok is not None else "—", fast_ok),
                Row(f"{size}: ours − SLSQP objective",
                    f"{diff:+.4f} %" if comparable else
                    f"no feasible SLSQP point to compare ({diff:+.1f} % vs its iterate)",
                    "≥ 0 %" if (n_c, n_t) == FRONTIER_SIZE else "—",
                    diff >= 0.0 if (n_c, n_t) == FRONTIER_SIZE and comparable else None),
            ]
    problem = realistic(*FRONTIER_SIZE, args.seed)
    seconds, curve = timed(lambda: frontier(problem, points=FRONTIER_POINTS))
    if isinstance(curve, Infeasible):
        rows.append(Row("frontier", "infeasible: " + curve.message[:60]))
    else:
        worst = max((p.allocation.gap for p in curve.points), default=math.nan)
        rows.append(Row(f"{FRONTIER_SIZE[0]} × {FRONTIER_SIZE[1]} × 2: frontier, "
                        f"{len(curve.points)} points",
                        f"{seconds:.2f} s (worst gap {worst:.1e})", "< 3 s",
                        seconds < TARGET_FRONTIER_SECONDS
                        and len(curve.points) == FRONTIER_POINTS))
    print_table(rows)
    failed += sum(1 for r in rows if r.ok is False)
    unchecked = sum(1 for r in rows if r.verdict == "n/a")
    print(f"\ntargets missed: {failed}; targets that could not be checked: {unchecked}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
