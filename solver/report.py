"""Turn a solved model into the planner-facing result: per channel figures,
marginal returns, what binds, and why any money was left unspent."""

from __future__ import annotations

import numpy as np

from solver import curves
from solver.formulation import Formulation
from solver.pieces import envelope_value
from solver.problem import BRAND, PROMOTION
from solver.result import Allocation, Binding, ChannelResult

_ACTIVE = 1e-7
_DUST = 1e-6


def _responses(f: Formulation, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Promotion revenue and brand response per channel."""
    n_c, _ = f.problem.shape
    revenue, brand = np.zeros(n_c), np.zeros(n_c)
    for block, response in zip(f.blocks, f.curve_values(values), strict=True):
        target = revenue if block.goal == PROMOTION else brand
        target[block.channel] += response.sum()
    return revenue, brand


def _blocked(f: Formulation) -> np.ndarray:
    """Spend variables that cannot move at all: fixed (a fixed past, a lock equal
    to its cap) or closed (channel unavailable, no curve for the goal)."""
    return f.hi - f.lo <= _ACTIVE * np.maximum(1.0, f.hi)


def marginal_returns(f: Formulation, values: np.ndarray) -> np.ndarray:
    """What the next unit of money would earn on each channel, in its best open
    period and goal: the value of loosening what holds the channel back (its cap,
    the budget). Fixed and closed periods are left out. Slopes are taken over a
    small step, so a curve that is vertical at zero gives a finite figure."""
    p = f.problem
    n_c, n_t = p.shape
    terms = f.terms
    blocked = _blocked(f)
    step = 1e-3 * np.maximum(terms.typical, 1e-9)
    at = values[terms.var]
    params = terms.params
    slope = terms.weight * terms.sigma * (curves.value(*params, at + step)
                                          - curves.value(*params, at)) / step
    best = np.zeros(n_c)
    for b, block in enumerate(f.blocks):
        c = block.channel
        gain = slope[terms.block == b]
        if block.goal == BRAND:
            # A unit of brand money at t adds λ^(s−t) to the stock of every s ≥ t.
            lam = p.channels[c].adstock
            carried = 0.0
            chained = np.zeros(n_t)
            for t in range(n_t - 1, -1, -1):
                carried = gain[t] + lam * carried
                chained[t] = carried
            gain = chained
        cells = [f.x_index(c, t, block.goal) for t in range(n_t)]
        gain = np.where(blocked[cells], 0.0, gain + f.objective[cells])
        best[c] = max(best[c], float(gain.max(initial=0.0)))
    return best


def binding_rows(f: Formulation, values: np.ndarray, duals: np.ndarray) -> list[Binding]:
    """Rows at a bound with a dual that counts. Rows over curves (revenue target,
    brand floor, return on spend) are met through conservative chords, so they
    land a little above their bound: they count within 0.1 %."""
    found: dict[str, Binding] = {}
    for row, dual in zip(f.rows, duals, strict=True):
        if row.structural or abs(dual) < 1e-9:
            continue
        activity = f.row_activity(values, row)
        scale = max(1.0, abs(activity))
        tolerance = 1e-3 if row.curve_terms else 1e-6
        at_bound = any(np.isfinite(b) and abs(activity - b) <= tolerance * scale
                       for b in (row.lb, row.ub))
        if at_bound:
            key = f"{row.group}|{row.label}"
            previous = found.get(key)
            value = abs(float(dual)) + (previous.value if previous else 0.0)
            found[key] = Binding(row.group, row.label, value)
    return sorted(found.values(), key=lambda b: -b.value)


def unspent_reason(f: Formulation, values: np.ndarray, binding: list[Binding]) -> str | None:
    p = f.problem
    unspent = p.budget - float(values[: f.n_x].sum())
    if p.spend_all or unspent <= 1e-6 * max(p.budget, 1.0):
        return None
    left = f"{p.money(unspent)} left unspent"
    if p.objective == "min_cost":
        return f"{left}: the revenue target is reached without it"
    limits = [b.label for b in binding if b.group.split(":")[0] in
              ("channel_max", "period_cap", "channel_period_cap", "brand_share_max",
               "brand_share_min", "pacing", "roas")]
    if limits:
        return f"{left}: held back by " + ", ".join(limits[:4])
    return f"{left}: every channel is at its cap or saturated (the next unit would earn nothing)"


_NEAR_ZERO = 1e-4


def relative_gap(lower: float, upper: float, scale: float = 0.0) -> float:
    """(upper − lower) relative to the objective; when the objective and its bound are
    both ~0 against `scale` (the most the problem could earn, `Formulation.scale`),
    relative to that scale instead: a bound of 1e-6 over a plan that can only spend
    nothing is not a 100 % gap, and curves steep at zero never let the bound reach
    0 exactly."""
    size = max(abs(upper), abs(lower))
    if size <= _NEAR_ZERO * scale:
        size = scale
    return max(upper - lower, 0.0) / max(size, 1e-9)


def envelope_gap(f: Formulation, values: np.ndarray) -> float:
    """How much the concave envelopes of S-curves over-promise at `values`, as a
    share of the true objective (0 without S-curves, or where none sits on the
    envelope's straight part)."""
    terms = f.terms
    s_curve = np.flatnonzero(terms.tau > 0)
    if not len(s_curve):
        return 0.0
    x = values[terms.var[s_curve]]
    params = tuple(p[s_curve] for p in terms.params)
    weight = terms.weight[s_curve] * terms.sigma[s_curve]
    excess = weight * (envelope_value(terms, s_curve, x) - curves.value(*params, x))
    return float(excess.sum()) / max(abs(f.true_objective(values)), 1e-9)


def locks_that_bind(f: Formulation, values: np.ndarray,
                    reduced: np.ndarray | None) -> list[Binding]:
    """Locked spend the optimiser would rather not have: the cell sits on its lock
    and its reduced cost says loosening the lock would pay."""
    if reduced is None:
        return []
    p = f.problem
    found = []
    for lock in {(lk.channel, lk.period, lk.goal) for lk in p.locks}:
        c, t, g = lock
        x = f.x_index(c, t, g)
        at_lock = values[x] <= f.lo[x] + 1e-7 * max(1.0, f.lo[x])
        if f.lo[x] > 0 and at_lock and abs(reduced[x]) > 1e-9:
            goal = "brand" if g == BRAND else "promotion"
            found.append(Binding(f"lock:{c}:{t}", f"locked {goal} spend on "
                                 f"{p.channels[c].name} in {p.periods[t]}", abs(float(reduced[x]))))
    return found


def assemble(f: Formulation, values: np.ndarray, duals: np.ndarray,
             reduced: np.ndarray | None, *, lower: float, upper: float, rounds: int,
             seconds: float, on_envelope: bool = True) -> Allocation:
    """The planner-facing result. `on_envelope` says the allocation rests on the
    S-curves' concave envelopes (then their over-promise is reported), rather than on
    the curves themselves."""
    p = f.problem
    spend = f.spend(values).copy()
    # Solver tolerances leave dust around zero (±1e-7 from a MIP); a planner's
    # "not used" is exactly zero, and no spend is ever negative.
    spend[spend < _DUST] = 0.0
    revenue, brand = _responses(f, values)
    marginal = marginal_returns(f, values)
    channels = []
    for c, ch in enumerate(p.channels):
        total = float(spend[c].sum())
        value = revenue[c] + p.brand_value * brand[c]
        channels.append(ChannelResult(
            ch.name, total, float(spend[c, :, BRAND].sum()), float(spend[c, :, PROMOTION].sum()),
            float(revenue[c]), float(brand[c]), value / total if total > 0 else None,
            float(marginal[c])))
    binding = sorted(binding_rows(f, values, duals) + locks_that_bind(f, values, reduced),
                     key=lambda b: -b.value)
    budget_dual = next((abs(float(d)) for row, d in zip(f.rows, duals, strict=True)
                        if row.group == "budget"), 0.0)
    reason = unspent_reason(f, values, binding)
    return Allocation(
        spend=spend, objective=lower, promotion_revenue=float(revenue.sum()),
        brand_response=float(brand.sum()), upper_bound=upper,
        gap=relative_gap(lower, upper, f.scale), channels=tuple(channels), binding=tuple(binding),
        budget_shadow_price=budget_dual, status="optimal", solve_seconds=seconds,
        rounds=rounds, mip=bool(f.integer.any()),
        unspent=max(p.budget - float(spend.sum()), 0.0), unspent_reason=reason,
        envelope_gap=envelope_gap(f, values) if on_envelope else 0.0,
    )
