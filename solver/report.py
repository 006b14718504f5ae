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


def marginal_returns(f: Formulation, values: np.ndarray) -> np.ndarray:
    """What the next unit of money earns on each channel, put in its best period
    and goal (0 where the channel cannot take more)."""
    p = f.problem
    n_c, n_t = p.shape
    best = np.zeros(n_c)
    spend = f.spend(values)
    for block in f.blocks:
        c = block.channel
        slope = block.weight * block.sigma * block.curve.slope(values[block.variables])
        if block.goal == PROMOTION:
            room = spend[c, :, PROMOTION] < f.hi[block.variables] - _ACTIVE
            gain = np.where(room, slope, 0.0)
        else:
            # A unit of brand money at t adds λ^(s−t) to the stock of every s ≥ t.
            lam = p.channels[c].adstock
            gain = np.zeros(n_t)
            carried = 0.0
            for t in range(n_t - 1, -1, -1):
                carried = slope[t] + lam * carried
                gain[t] = carried
            room = spend[c, :, BRAND] < np.array(
                [f.hi[f.x_index(c, t, BRAND)] for t in range(n_t)]) - _ACTIVE
            gain = np.where(room, gain, 0.0)
        best[c] = max(best[c], float(gain.max(initial=0.0)))
    return best + np.array([f.objective[f.x_index(c, 0, PROMOTION)] for c in range(n_c)])


def binding_rows(f: Formulation, values: np.ndarray, duals: np.ndarray) -> list[Binding]:
    found: dict[str, Binding] = {}
    for row, dual in zip(f.rows, duals, strict=True):
        if row.structural or abs(dual) < 1e-9:
            continue
        activity = f.row_activity(values, row)
        scale = max(1.0, abs(activity))
        at_bound = any(np.isfinite(b) and abs(activity - b) <= 1e-6 * scale
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
    limits = [b.label for b in binding if b.group.split(":")[0] in
              ("channel_max", "period_cap", "channel_period_cap", "brand_share_max",
               "brand_share_min", "pacing", "roas")]
    if limits:
        return f"{unspent:,.2f} left unspent: held back by " + ", ".join(limits[:4])
    if p.objective == "min_cost":
        return f"{unspent:,.2f} left unspent: the revenue target is reached without it"
    return (f"{unspent:,.2f} left unspent: every channel is at its cap or saturated "
            "(the next unit would earn nothing)")


def relative_gap(lower: float, upper: float) -> float:
    scale = max(abs(upper), abs(lower), 1e-9)
    return max(upper - lower, 0.0) / scale


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


def assemble(f: Formulation, values: np.ndarray, duals: np.ndarray, *, lower: float,
             upper: float, rounds: int, seconds: float) -> Allocation:
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
    binding = binding_rows(f, values, duals)
    budget_dual = next((abs(float(d)) for row, d in zip(f.rows, duals, strict=True)
                        if row.group == "budget"), 0.0)
    reason = unspent_reason(f, values, binding)
    return Allocation(
        spend=spend, objective=lower, promotion_revenue=float(revenue.sum()),
        brand_response=float(brand.sum()), upper_bound=upper,
        gap=relative_gap(lower, upper), channels=tuple(channels), binding=tuple(binding),
        budget_shadow_price=budget_dual, status="optimal", solve_seconds=seconds,
        rounds=rounds, mip=bool(f.integer.any()),
        unspent=max(p.budget - float(spend.sum()), 0.0), unspent_reason=reason,
        envelope_gap=envelope_gap(f, values),
    )
