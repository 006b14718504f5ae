"""Optimiser scenarios: runs stored in the plan, and applying one to the plan.

A scenario keeps its inputs and its answer as JSON, money in exact integer minor
units: spend[c][t][g] per channel, period and goal (brand, promotion) over the
whole horizon, the past as it was fixed. Applying one makes the plan's future
spend the scenario's, to the minor unit, as one undoable action.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from planner.domain.changes import Done
from planner.domain.entities import new_id
from planner.domain.money import format_money
from planner.errors import NotFound, ValidationError
from planner.i18n import QT_TRANSLATE_NOOP
from planner.services.optimise import PlanProblem, marginal_returns, outcome
from planner.storage import history
from planner.storage.plan_file import Plan
from solver.problem import BRAND, PROMOTION
from solver.result import Allocation, Infeasible


@dataclass(frozen=True)
class Scenario:
    """A stored optimiser run; `inputs` and `result` are its stored JSON."""

    id: str
    name: str
    created_at: str
    inputs: dict[str, Any]
    result: dict[str, Any] = field(default_factory=dict)

    @property
    def feasible(self) -> bool:
        return self.result.get("status") == "optimal"


# -- storing -------------------------------------------------------------------------------

_LIMITS = ("channel_max", "period_cap", "channel_period_cap", "brand_share_max",
           "brand_share_min", "pacing", "roas")


def _reason(pp: PlanProblem, result: Allocation, unspent: int) -> str | None:
    """Why money was left unspent, in the plan's money. The solver's own reason
    counts the caps that fix the past and states money in its unit, so it is
    restated here from the binding constraints that concern the future."""
    if result.unspent_reason is None:
        return None
    fixed = {f"period_cap:{t}" for t in range(pp.past)}
    limits = [b.label for b in result.binding
              if b.group not in fixed and b.group.partition(":")[0] in _LIMITS]
    because = ("the revenue target is reached without it" if pp.problem.objective == "min_cost"
               else "held back by " + ", ".join(limits[:4]) if limits
               else "every channel is at its cap or saturated")
    return f"{format_money(unspent, pp.currency)} left unspent: {because}"


def _finite(value: float | None) -> float | None:
    """JSON has no infinity: an unbounded figure is stored as unknown."""
    return value if value is not None and np.isfinite(value) else None


def _stored(pp: PlanProblem, result: Allocation | Infeasible) -> tuple[dict, dict]:
    """(inputs, result) as stored: money in minor units, spend[c][t][g] integers."""
    p, money = pp.problem, pp.to_minor
    inputs = {"budget_minor": pp.budget_minor, "brand_share": list(p.brand_share or (0, 1)),
              "objective": p.objective, "brand_value": p.brand_value,
              "revenue_target_minor": None if p.revenue_target is None
              else money(p.revenue_target), "min_roas": p.min_roas, "grain": pp.grain,
              "today": pp.today.isoformat(), "currency": pp.currency, "scale": pp.scale,
              "periods": [[q.key, q.start.isoformat(), q.end.isoformat()] for q in pp.periods],
              "past_periods": pp.past, "channel_ids": list(pp.channel_ids),
              "channels": [ch.name for ch in p.channels], "locks": len(p.locks),
              "channel_limits_minor": [[money(ch.min_total), None if ch.max_total is None
                                        else money(ch.max_total)] for ch in p.channels],
              "period_caps_minor": {q.key: money(cap) for t, (q, cap) in enumerate(
                  zip(pp.periods, p.period_caps or [None] * len(pp.periods), strict=True))
                  if cap is not None and t >= pp.past},
              "tolerance": p.tolerance, "notes": list(pp.notes),
              "outside": [list(pair) for pair in pp.outside]}
    revenue, brand = outcome(pp, pp.current)
    out: dict[str, Any] = {"current": {
        "spend_minor": pp.current_minor.sum(axis=(1, 2)).tolist(),
        "revenue_minor": money(revenue.sum()), "brand_response": float(brand.sum()),
        "objective_minor": -int(pp.current_minor.sum()) if p.objective == "min_cost"
        else money(revenue.sum() + p.brand_value * brand.sum())}}
    if isinstance(result, Infeasible):
        return inputs, {**out, "status": "infeasible", "message": result.message,
                        "conflicts": [vars(c) for c in result.conflicts]}
    minor, marginal = pp.spend_minor(result.spend), marginal_returns(pp, result.spend)
    unspent = pp.budget_minor - int(minor.sum())
    out["channels"] = [{
        "channel_id": cid, "name": ch.name, "spend_minor": int(minor[c].sum()),
        "brand_minor": int(minor[c, :, BRAND].sum()),
        "promotion_minor": int(minor[c, :, PROMOTION].sum()), "revenue_minor": money(ch.revenue),
        "brand_response": ch.brand_response, "roi": _finite(ch.roi),
        "marginal_return": _finite(marginal[c])}
        for c, (cid, ch) in enumerate(zip(pp.channel_ids, result.channels, strict=True))]
    return inputs, {**out, "status": result.status, "spend_minor": minor.tolist(),
                    "objective_minor": money(result.objective),
                    "upper_bound_minor": money(result.upper_bound)
                    if np.isfinite(result.upper_bound) else None,
                    "revenue_minor": money(result.promotion_revenue),
                    "brand_response": result.brand_response, "gap": _finite(result.gap),
                    "envelope_gap": result.envelope_gap,
                    "binding": [{**vars(b), "value": _finite(b.value)} for b in result.binding],
                    "budget_shadow_price": _finite(result.budget_shadow_price),
                    "unspent_minor": unspent, "unspent_reason": _reason(pp, result, unspent),
                    "rounds": result.rounds, "solve_seconds": result.solve_seconds,
                    "notes": list(result.notes)}


def _name(name: str) -> str:
    if not name.strip():
        raise ValidationError("scenario.name", name,
                              QT_TRANSLATE_NOOP("validation", "must not be empty"))
    return name.strip()


def save_scenario(plan: Plan, name: str, problem: PlanProblem,
                  result: Allocation | Infeasible, extra: dict[str, Any] | None = None) -> Done:
    """Store a run, an impossible one with its explanation, as one undoable action;
    `Done.created_id` is the scenario's id. `extra` adds keys to the stored result
    (a robust run's certificate: :mod:`planner.services.robust_scenarios`)."""
    name, scenario_id = _name(name), new_id()
    inputs, stored = _stored(problem, result)
    stored.update(extra or {})
    with plan.action(f"Save scenario {name}") as act:
        plan.db.execute(
            "INSERT INTO scenarios(id, name, created_at, inputs, result) VALUES (?, ?, ?, ?, ?)",
            [scenario_id, name, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
             json.dumps(inputs, ensure_ascii=False), json.dumps(stored, ensure_ascii=False)])
    return history.done(plan, act, created_id=scenario_id)


_COLUMNS = "SELECT id, name, created_at, inputs, result FROM scenarios"


def list_scenarios(plan: Plan) -> list[Scenario]:
    """Every stored scenario, oldest first."""
    return [Scenario(i, n, at, json.loads(a), json.loads(r or "{}")) for i, n, at, a, r
            in plan.db.execute(f"{_COLUMNS} ORDER BY created_at, rowid")]


def load_scenario(plan: Plan, scenario_id: str) -> Scenario:
    found = plan.db.execute(f"{_COLUMNS} WHERE id = ?", [scenario_id]).fetchone()
    if found is None:
        raise NotFound(QT_TRANSLATE_NOOP("scenarios", "no scenario with id {id}").format(
            id=scenario_id))
    return Scenario(*found[:3], json.loads(found[3]), json.loads(found[4] or "{}"))


def rename_scenario(plan: Plan, scenario_id: str, name: str) -> Done:
    name = _name(name)
    with plan.action("Rename scenario") as act:
        load_scenario(plan, scenario_id)
        plan.db.execute("UPDATE scenarios SET name = ? WHERE id = ?", [name, scenario_id])
    return history.done(plan, act)


def delete_scenario(plan: Plan, scenario_id: str) -> Done:
    with plan.action("Delete scenario") as act:
        load_scenario(plan, scenario_id)
        plan.db.execute("DELETE FROM scenarios WHERE id = ?", [scenario_id])
    return history.done(plan, act)
