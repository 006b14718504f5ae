"""The numbers the result views show, from a fresh run or a stored scenario.

Both sources give the same figures: a run through the planner's own read-back
(`PlanProblem.spend_minor`, `optimise.outcome`, `optimise.marginal_returns`), a
scenario from the JSON the planner stored from those very functions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from planner.services import optimise
from planner.services.scenarios import Scenario
from solver.result import Allocation, Binding


@dataclass(frozen=True, eq=False)
class RunFigures:
    """Money in integer minor units; `month_spend` [channel, month] may be fractional
    where a week straddles two months (split by its days)."""

    currency: str
    grain: str
    past: int
    channel_names: tuple[str, ...]
    current_spend: np.ndarray  # per channel
    spend: np.ndarray  # per channel
    months: tuple[str, ...]  # "2026-01"
    month_spend: np.ndarray
    revenue_minor: int
    current_revenue_minor: int
    brand_response: float
    current_brand_response: float
    objective_minor: int
    current_objective_minor: int
    marginal: tuple[float | None, ...]
    binding: tuple[Binding, ...]
    gap: float | None
    unspent_reason: str | None = None
    objective: str = "max_value"


def _by_month(cells: np.ndarray, spans: list[tuple[dt.date, dt.date]]
              ) -> tuple[tuple[str, ...], np.ndarray]:
    """[c, t] per period -> [c, month], each period split over its months by days."""
    months: dict[str, int] = {}
    weights: list[list[tuple[int, float]]] = []
    for start, end in spans:
        days = (end - start).days + 1
        share: dict[str, int] = {}
        for i in range(days):
            key = f"{start + dt.timedelta(days=i):%Y-%m}"
            share[key] = share.get(key, 0) + 1
        weights.append([(months.setdefault(k, len(months)), n / days) for k, n in share.items()])
    out = np.zeros((cells.shape[0], len(months)))
    for t, parts in enumerate(weights):
        for m, w in parts:
            out[:, m] += cells[:, t] * w
    return tuple(months), out


def from_allocation(problem: optimise.PlanProblem, result: Allocation) -> RunFigures:
    p = problem.problem
    minor = problem.spend_minor(result.spend)
    revenue, brand = optimise.outcome(problem, problem.current)
    spans = [(q.start, q.end) for q in problem.periods]
    months, month_spend = _by_month(minor.sum(axis=2).astype(float), spans)
    current_objective = (-int(problem.current_minor.sum()) if p.objective == "min_cost"
                         else problem.to_minor(revenue.sum() + p.brand_value * brand.sum()))
    marginal = optimise.marginal_returns(problem, result.spend)
    return RunFigures(
        problem.currency, problem.grain, problem.past, tuple(ch.name for ch in p.channels),
        problem.current_minor.sum(axis=(1, 2)), minor.sum(axis=(1, 2)), months, month_spend,
        problem.to_minor(result.promotion_revenue),
        problem.to_minor(revenue.sum()), result.brand_response, float(brand.sum()),
        problem.to_minor(result.objective), current_objective,
        tuple(float(v) if np.isfinite(v) else None for v in marginal), result.binding,
        result.gap if np.isfinite(result.gap) else None, result.unspent_reason, p.objective)


def from_scenario(scenario: Scenario) -> RunFigures | None:
    """None for an impossible scenario: it has nothing to show but its explanation."""
    if not scenario.feasible:
        return None
    inputs, stored = scenario.inputs, scenario.result
    spend = np.array(stored["spend_minor"], dtype=np.int64)
    spans = [(dt.date.fromisoformat(s), dt.date.fromisoformat(e)) for _, s, e in inputs["periods"]]
    months, month_spend = _by_month(spend.sum(axis=2).astype(float), spans)
    current = stored["current"]
    return RunFigures(
        inputs["currency"], inputs["grain"], inputs["past_periods"], tuple(inputs["channels"]),
        np.array(current["spend_minor"], dtype=np.int64), spend.sum(axis=(1, 2)), months,
        month_spend, stored["revenue_minor"],
        current["revenue_minor"], stored["brand_response"], current["brand_response"],
        stored["objective_minor"], current["objective_minor"],
        tuple(row["marginal_return"] for row in stored["channels"]),
        tuple(Binding(b["group"], b["label"], b["value"] if b["value"] is not None
                      else float("inf")) for b in stored["binding"]),
        stored["gap"], stored.get("unspent_reason"), inputs["objective"])
