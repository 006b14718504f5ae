"""The allocation problem as the maths states it, before any approximation.

Variables: spend ``x[c,t,g]``, brand stock ``A[c,t]`` and, for minimum buys,
``use[c,t] ∈ {0,1}``. Curve blocks say which variables carry a response curve
(promotion on ``x[c,·,promotion]`` scaled by the seasonal index, brand on
``A[c,·]``). Rows are linear in the variables, plus, for the revenue-target and
return-on-spend rows, the promotion curves themselves.

Both the LP (which replaces each curve by pieces) and the certificate (which
uses the exact curves) read this one description, so they cannot disagree
about what the problem is.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from solver.curves import Curve
from solver.problem import BRAND, PROMOTION, AllocationProblem

INF = math.inf
_LOOSE = 1e-7
_NEGLIGIBLE = 1e-12


@dataclass
class CurveBlock:
    """One channel's curve over all periods: response Σ_t sigma_t · f(var_t)."""

    channel: int
    goal: int
    curve: Curve
    variables: np.ndarray
    sigma: np.ndarray
    weight: float


@dataclass
class Row:
    lb: float
    ub: float
    group: str
    label: str
    columns: list[int] = field(default_factory=list)
    coefficients: list[float] = field(default_factory=list)
    curve_terms: list[tuple[int, float]] = field(default_factory=list)  # (block, coefficient)
    structural: bool = False  # a definition (adstock, minimum buy), never "violated"
    scale: float | None = None  # the row's natural size, for relative violations


@dataclass(frozen=True)
class Terms:
    """Every (block, period) curve term as flat arrays, for one-pass numpy work."""

    var: np.ndarray
    block: np.ndarray
    sigma: np.ndarray
    weight: np.ndarray
    family: np.ndarray
    a: np.ndarray
    k: np.ndarray
    s: np.ndarray
    tau: np.ndarray          # S-curves: where the envelope meets the curve (else 0)
    inflection: np.ndarray   # S-curves: where the slope peaks (else 0)
    upper: np.ndarray
    typical: np.ndarray      # the level an even spread of the budget would give

    @property
    def params(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        return self.family, self.a, self.k, self.s

    def __len__(self) -> int:
        return len(self.var)


@dataclass
class Formulation:
    problem: AllocationProblem
    lo: np.ndarray
    hi: np.ndarray
    objective: np.ndarray            # linear objective coefficients (maximised)
    integer: np.ndarray
    blocks: list[CurveBlock]
    rows: list[Row]
    n_x: int
    # (x[c,t,brand], x[c,t,promotion], use[c,t], minimum, cap) per minimum buy.
    minimum_buys: list[tuple[int, int, int, float, float]] = field(default_factory=list)
    _terms: Terms | None = None
    _matrix: tuple[np.ndarray, ...] | None = None

    @property
    def terms(self) -> Terms:
        if self._terms is None:
            self._terms = _flatten(self)
        return self._terms

    def matrix(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The rows' linear parts as COO (row, column, value), with lb and ub."""
        if self._matrix is None:
            sizes = [len(r.columns) for r in self.rows]
            rid = np.repeat(np.arange(len(self.rows)), sizes)
            cid = np.fromiter((c for r in self.rows for c in r.columns), dtype=np.int64,
                              count=int(sum(sizes)))
            val = np.fromiter((v for r in self.rows for v in r.coefficients), dtype=float,
                              count=int(sum(sizes)))
            lb = np.array([r.lb for r in self.rows], dtype=float)
            ub = np.array([r.ub for r in self.rows], dtype=float)
            # Coefficients at rounding-error size next to the row's others (a share
            # of 1e-16, what 0.1 + 0.2 − 0.3 gives; an adstock rate of 2.2e-16) move
            # no answer but stall the simplex, or make GLOP call a feasible model
            # infeasible: they are dropped.
            largest = np.zeros(len(self.rows))
            np.maximum.at(largest, rid, np.abs(val))
            keep = np.abs(val) > _NEGLIGIBLE * largest[rid]
            self._matrix = (rid[keep], cid[keep], val[keep], lb, ub)
        return self._matrix  # type: ignore[return-value]

    @property
    def scale(self) -> float:
        """The most the objective could be worth in size: every curve at its
        saturation level plus the whole budget at the largest money price. Gaps of
        objectives that are ~0 are measured against it."""
        terms = self.terms
        curves_part = float(np.sum(np.abs(terms.weight * terms.sigma) * terms.a))
        money = float(np.abs(self.objective[: self.n_x]).max(initial=0.0))
        return curves_part + money * self.problem.budget

    def x_index(self, c: int, t: int, g: int) -> int:
        return (c * len(self.problem.periods) + t) * 2 + g

    def a_index(self, c: int, t: int) -> int:
        return self.n_x + c * len(self.problem.periods) + t

    @property
    def n_vars(self) -> int:
        return len(self.lo)

    def spend(self, values: np.ndarray) -> np.ndarray:
        n_c, n_t = self.problem.shape
        return values[: self.n_x].reshape(n_c, n_t, 2)

    def curve_values(self, values: np.ndarray) -> list[np.ndarray]:
        """Each block's per-period response at `values` (exact curves)."""
        return [b.sigma * b.curve.value(values[b.variables]) for b in self.blocks]

    def true_objective(self, values: np.ndarray) -> float:
        responses = self.curve_values(values)
        return float(self.objective @ values
                     + sum(b.weight * r.sum() for b, r in zip(self.blocks, responses,
                                                                strict=True)))

    def row_activity(self, values: np.ndarray, row: Row) -> float:
        linear = float(np.dot(row.coefficients, values[row.columns])) if row.columns else 0.0
        for block_id, coef in row.curve_terms:
            b = self.blocks[block_id]
            linear += coef * float((b.sigma * b.curve.value(values[b.variables])).sum())
        return linear


def _flatten(f: Formulation) -> Terms:
    from solver.curves import inflection, tangent_from_origin

    def per_term(get) -> np.ndarray:
        return np.concatenate([np.broadcast_to(np.asarray(get(b), dtype=float),
                                               len(b.variables)) for b in f.blocks]) \
            if f.blocks else np.zeros(0)

    var = (np.concatenate([b.variables for b in f.blocks]).astype(int) if f.blocks
           else np.zeros(0, dtype=int))
    family = per_term(lambda b: b.curve.code).astype(int)
    a, k, s = (per_term(lambda b, n=n: getattr(b.curve, n)) for n in ("a", "k", "s"))
    return Terms(
        var=var,
        block=per_term(lambda b: f.blocks.index(b)).astype(int),
        sigma=per_term(lambda b: b.sigma),
        weight=per_term(lambda b: b.weight),
        family=family, a=a, k=k, s=s,
        tau=tangent_from_origin(family, a, k, s),
        inflection=inflection(family, k, s),
        upper=f.hi[var].astype(float),
        typical=_typical_levels(f, var),
    )


def _typical_levels(f: Formulation, var: np.ndarray) -> np.ndarray:
    """Spend per channel-period-goal if the budget were spread evenly over every
    open one, and the brand stock that spend would build: where the answer tends
    to lie, so where the first pieces should be fine."""
    p = f.problem
    open_x = int(np.count_nonzero(f.hi[: f.n_x] > 0)) or 1
    even = p.budget / open_x
    levels = np.full(f.n_vars, even)
    n_t = len(p.periods)
    for c, ch in enumerate(p.channels):
        for t in range(n_t):
            built = even * (1 - ch.adstock ** (t + 1)) / (1 - ch.adstock)
            levels[f.a_index(c, t)] = built + ch.adstock ** (t + 1) * ch.carry
    return levels[var]


def build(problem: AllocationProblem, *, with_minimum_buys: bool = True,
          lock_rows: bool = False) -> Formulation:
    """The formulation of `problem`. Locks are lower bounds on their spend (cheap for
    the solver, even with a whole fixed past); `lock_rows` makes them rows instead,
    so an explanation can name a lock that cannot hold."""
    n_c, n_t = problem.shape
    n_x = 2 * n_c * n_t
    n_a = n_c * n_t
    lo = np.zeros(n_x + n_a)
    hi = np.zeros(n_x + n_a)
    rows: list[Row] = []
    blocks: list[CurveBlock] = []
    names = [ch.name for ch in problem.channels]

    def xi(c: int, t: int, g: int) -> int:
        return (c * n_t + t) * 2 + g

    def ai(c: int, t: int) -> int:
        return n_x + c * n_t + t

    for c, ch in enumerate(problem.channels):
        # The budget and the caps are rows, so their duals say what binds; the bound
        # only keeps the pieces finite and lies a hair outside every row.
        cap = min(problem.budget, ch.max_total if ch.max_total is not None else INF,
                  ch.max_per_period if ch.max_per_period is not None else INF)
        cap = cap * (1 + _LOOSE)
        available = ch.available or (True,) * n_t
        for t in range(n_t):
            for g, curve in ((BRAND, ch.brand), (PROMOTION, ch.promotion)):
                hi[xi(c, t, g)] = cap if (curve is not None and available[t]) else 0.0
        # Brand stock: A[c,t] = λ·A[c,t-1] + x[c,t,brand], A[c,-1] = carry.
        lam = ch.adstock
        reach = ch.carry
        for t in range(n_t):
            reach = lam * reach + hi[xi(c, t, BRAND)]
            if ch.brand is None:
                continue  # no brand money, no stock: carry-over without a curve earns nothing
            hi[ai(c, t)] = reach
            row = Row(lam * ch.carry if t == 0 else 0.0, lam * ch.carry if t == 0 else 0.0,
                      "adstock", f"brand stock of {ch.name}", structural=True)
            row.columns += [ai(c, t), xi(c, t, BRAND)]
            row.coefficients += [1.0, -1.0]
            if t > 0:
                row.columns.append(ai(c, t - 1))
                row.coefficients.append(-lam)
            rows.append(row)
        if ch.promotion is not None:
            season = np.asarray(ch.season if ch.season is not None else (1.0,) * n_t, float)
            weight = 0.0 if problem.objective == "min_cost" else problem.promotion_weight
            blocks.append(CurveBlock(c, PROMOTION, ch.promotion,
                                     np.array([xi(c, t, PROMOTION) for t in range(n_t)]),
                                     season, weight))
        if ch.brand is not None:
            weight = 0.0 if problem.objective == "min_cost" else problem.brand_value
            blocks.append(CurveBlock(c, BRAND, ch.brand,
                                     np.array([ai(c, t) for t in range(n_t)]),
                                     np.ones(n_t), weight))

    all_x = list(range(n_x))
    brand_x = [xi(c, t, BRAND) for c in range(n_c) for t in range(n_t)]

    budget = Row(problem.budget if problem.spend_all else -INF, problem.budget, "budget",
                 "total budget", all_x, [1.0] * n_x)
    rows.append(budget)
    if problem.brand_share is not None:
        low, high = problem.brand_share
        if low > 0:
            rows.append(_share_row(brand_x, low, n_x, ">=", "brand_share_min",
                                   f"brand share ≥ {low:.0%}", problem.budget))
        if high < 1:
            rows.append(_share_row(brand_x, high, n_x, "<=", "brand_share_max",
                                   f"brand share ≤ {high:.0%}", problem.budget))
    for c, ch in enumerate(problem.channels):
        cols = [xi(c, t, g) for t in range(n_t) for g in (BRAND, PROMOTION)]
        if ch.min_total > 0:
            rows.append(Row(ch.min_total, INF, f"channel_min:{c}",
                            f"minimum spend on {ch.name}", cols, [1.0] * len(cols)))
        if ch.max_total is not None:
            rows.append(Row(-INF, ch.max_total, f"channel_max:{c}",
                            f"maximum spend on {ch.name}", cols, [1.0] * len(cols)))
        for t in range(n_t):
            pair = [xi(c, t, BRAND), xi(c, t, PROMOTION)]
            if ch.max_per_period is not None and hi[pair].sum() > 0:
                rows.append(Row(-INF, ch.max_per_period, f"channel_period_cap:{c}",
                                f"{ch.name} cap per period", pair, [1.0, 1.0]))
            if ch.pacing is not None and t > 0:
                prev = [xi(c, t - 1, BRAND), xi(c, t - 1, PROMOTION)]
                rows.append(Row(-ch.pacing, ch.pacing, f"pacing:{c}",
                                f"pacing of {ch.name}", pair + prev, [1.0, 1.0, -1.0, -1.0]))
    for t, cap in enumerate(problem.period_caps or ()):
        if cap is not None:
            cols = [xi(c, t, g) for c in range(n_c) for g in (BRAND, PROMOTION)]
            rows.append(Row(-INF, cap, f"period_cap:{t}", f"cap in {problem.periods[t]}",
                            cols, [1.0] * len(cols)))
    # Locks are contracts: two on the same channel, period and goal add up.
    locked: dict[tuple[int, int, int], float] = defaultdict(float)
    for lock in problem.locks:
        locked[lock.channel, lock.period, lock.goal] += lock.amount
    for (c, t, g), amount in locked.items():
        if not lock_rows:
            lo[xi(c, t, g)] = amount
            continue
        goal = "brand" if g == BRAND else "promotion"
        rows.append(Row(amount, INF, f"lock:{c}:{t}",
                        f"locked {goal} spend on {names[c]} in {problem.periods[t]}",
                        [xi(c, t, g)], [1.0]))
    promo_blocks = [i for i, b in enumerate(blocks) if b.goal == PROMOTION]
    if problem.brand_floor is not None:
        rows.append(Row(problem.brand_floor, INF, "brand_floor",
                        f"brand response ≥ {problem.brand_floor:,.2f}",
                        curve_terms=[(i, 1.0) for i, b in enumerate(blocks) if b.goal == BRAND]))
    if problem.objective == "min_cost":
        rows.append(Row(problem.revenue_target or 0.0, INF, "revenue_target",
                        "revenue target", curve_terms=[(i, 1.0) for i in promo_blocks]))
    if problem.objective == "max_value_roas":
        rows.append(Row(0.0, INF, "roas", f"return on spend ≥ {problem.min_roas:g}",
                        all_x, [-(problem.min_roas or 0.0)] * n_x,
                        curve_terms=[(i, 1.0) for i in promo_blocks]))

    objective = np.zeros(len(lo))
    if problem.objective == "min_cost":
        objective[:n_x] = -1.0
    integer = np.zeros(len(lo), dtype=bool)
    formulation = Formulation(problem, lo, hi, objective, integer, blocks, rows, n_x)
    if with_minimum_buys:
        _add_minimum_buys(formulation)
    return formulation


def _share_row(brand_x: list[int], share: float, n_x: int, sense: str, group: str,
               label: str, scale: float) -> Row:
    """Σ brand − share·Σ all  ≥ 0 (or ≤ 0): the brand share as a linear row."""
    coefficients = np.full(n_x, -share)
    coefficients[brand_x] += 1.0
    lb, ub = (0.0, INF) if sense == ">=" else (-INF, 0.0)
    return Row(lb, ub, group, label, list(range(n_x)), coefficients.tolist(), scale=scale)


def _add_minimum_buys(f: Formulation) -> None:
    """use[c,t] ∈ {0,1}; m·use ≤ x[c,t,brand] + x[c,t,promotion] ≤ cap·use."""
    n_t = len(f.problem.periods)
    for c, ch in enumerate(f.problem.channels):
        if ch.min_when_used <= 0:
            continue
        for t in range(n_t):
            pair = [f.x_index(c, t, BRAND), f.x_index(c, t, PROMOTION)]
            cap = float(f.hi[pair].sum())
            if cap <= 0:
                continue
            use = f.n_vars
            f.lo = np.append(f.lo, 0.0)
            f.hi = np.append(f.hi, 1.0)
            f.objective = np.append(f.objective, 0.0)
            f.integer = np.append(f.integer, True)
            f.rows.append(Row(0.0, INF, f"min_buy:{c}", f"minimum buy on {ch.name}",
                              [*pair, use], [1.0, 1.0, -ch.min_when_used], structural=True))
            f.rows.append(Row(-INF, 0.0, f"min_buy:{c}", f"minimum buy on {ch.name}",
                              [*pair, use], [1.0, 1.0, -cap], structural=True))
            f.minimum_buys.append((pair[0], pair[1], use, ch.min_when_used, cap))
