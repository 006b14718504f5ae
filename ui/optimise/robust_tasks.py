"""The robust run the tab starts: in the shared child process, like a plain run
(`ui.optimise.tasks`), the whole job there: reading the draws, both solves (the
chosen measure and the mean-optimal allocation beside it) and the figures."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from planner.services import optimise
from planner.services.robust import run_robust
from planner.services.robust_scenarios import as_allocation, certificate
from planner.storage.plan_file import reader
from solver.allocation import Stopped
from solver.result import Infeasible
from solver.robust_problem import PriceOfRobustness
from ui.optimise.figures import RunFigures, from_allocation
from ui.optimise.request import RunRequest, build
from ui.optimise.risk import Risk
from ui.workers.process import Task
from ui.workers.runner import Cancelled


@dataclass(frozen=True)
class RobustOutcome:
    """`proof` is the run's certificate and price of robustness as stored with a
    scenario (`planner.services.robust_scenarios.certificate`); it and `figures`
    are None when the setup is impossible."""

    request: RunRequest
    risk: Risk
    problem: optimise.PlanProblem
    result: PriceOfRobustness | Infeasible
    figures: RunFigures | None = None
    proof: dict[str, Any] | None = None


def run_robust_task(task: Task, path: str, request: RunRequest, risk: Risk) -> RobustOutcome:
    """Cancel is asked before every solve of both runs, so it ends the job within
    about one solve; the bar moves to half way once the mean-optimal run is done."""
    with reader(path) as plan:
        problem = build(plan, request)
        task.check_cancelled()
        task.report(5, "")
        try:
            found = run_robust(plan, problem, risk.measure, risk.alpha,
                               tolerance=request.tolerance,
                               should_stop=lambda: task.cancelled,
                               progress=lambda share: task.report(int(5 + 90 * share), ""))
        except Stopped:
            raise Cancelled("cancelled") from None
    task.check_cancelled()
    if isinstance(found, Infeasible):
        return RobustOutcome(request, risk, problem, found)
    return RobustOutcome(request, risk, problem, found,
                         from_allocation(problem, as_allocation(problem, found.chosen)),
                         certificate(problem, found))
