"""What the constraint editor asks of the optimiser, as plain data a worker can take.

The problem itself is built on the worker from its own read-only connection
(`planner.storage.plan_file.reader`): building it phases every flight, about a
tenth of a second on the demo plan, too long to do between two repaints.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from planner.services import optimise
from planner.storage.plan_file import Plan

OBJECTIVES = ("max_value", "min_cost", "max_value_roas")


@dataclass(frozen=True)
class RunRequest:
    """The arguments of `planner.services.optimise.build_problem`, plus `spend_all`,
    which the planner leaves at "up to the budget" and the solver supports."""

    grain: str = "month"
    today: dt.date = field(default_factory=dt.date.today)
    budget_minor: int | None = None
    spend_all: bool = False
    brand_share: tuple[float, float] | None = None
    objective: str = "max_value"
    brand_value: float | None = None
    revenue_target_minor: int | None = None
    min_roas: float | None = None
    channel_limits: dict[str, tuple[int | None, int | None]] = field(default_factory=dict)
    period_caps: dict[str, int] = field(default_factory=dict)
    tolerance: float = 1e-4

    def build_kwargs(self) -> dict[str, Any]:
        return {"grain": self.grain, "today": self.today, "budget_minor": self.budget_minor,
                "brand_share": self.brand_share, "objective": self.objective,
                "brand_value": self.brand_value,
                "revenue_target_minor": self.revenue_target_minor, "min_roas": self.min_roas,
                "channel_limits": self.channel_limits or None,
                "period_caps": self.period_caps or None, "tolerance": self.tolerance}


def build(plan: Plan, request: RunRequest, **overrides: Any) -> optimise.PlanProblem:
    """The plan's problem for `request` (`overrides` replace build arguments)."""
    problem = optimise.build_problem(plan, **{**request.build_kwargs(), **overrides})
    if request.spend_all:
        problem = dataclasses.replace(
            problem, problem=dataclasses.replace(problem.problem, spend_all=True))
    return problem
