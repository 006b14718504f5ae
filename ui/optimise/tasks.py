"""The two jobs the tab runs off the GUI thread: one optimisation, one frontier.

They run in the shared child process (`ui.workers.process`), the whole job there:
building the problem phases every flight and the solver's Python holds the GIL,
so either on a thread would stall the GUI; in the child, the GUI's only cost is
reading back the outcome. So each opens its own reader connection on the plan's
path, and passes the task's cancel flag to the solver, which asks it before
every LP solve: Cancel ends even a long weekly run within about one solve.
"""

from __future__ import annotations

import math
import pickle
from dataclasses import dataclass

import numpy as np

from planner.services import optimise
from planner.storage.plan_file import reader
from solver.allocation import Stopped, allocate
from solver.frontier import frontier
from solver.result import Allocation, Infeasible
from ui.optimise.figures import RunFigures, from_allocation
from ui.optimise.request import RunRequest, build
from ui.workers.process import Task
from ui.workers.runner import Cancelled

FRONTIER_SHARE = (0.0, 1.0)  # the sweep runs from all-sales to all-brand, as the CLI's


@dataclass(frozen=True)
class RunOutcome:
    """`figures` are computed here, off the GUI thread (None when impossible)."""

    request: RunRequest
    problem: optimise.PlanProblem
    result: Allocation | Infeasible
    figures: RunFigures | None = None


@dataclass(frozen=True)
class FrontierOutcome:
    """`current` is the plan's own (brand response, promotion revenue) in solver units,
    `points` the frontier's, brand ascending (none when `infeasible` says why not).

    Each point's allocation travels pickled and is opened when shown (`allocation`):
    unpickling all of them, binding constraints and all (2.5 MB for 21 weekly
    points), takes ~60 ms on the receiving thread while it holds the GIL, which
    stalls the GUI as much; opening one takes ~3 ms."""

    request: RunRequest
    problem: optimise.PlanProblem
    current: tuple[float, float]
    points: tuple[tuple[float, float], ...] = ()
    packed: tuple[bytes, ...] = ()
    infeasible: Infeasible | None = None

    def allocation(self, index: int) -> Allocation:
        """The allocation at point `index` (0-based, brand ascending)."""
        return pickle.loads(self.packed[index])


def _progress_percent(gap: float, tolerance: float) -> int:
    """A gap closes roughly geometrically: 1 (nothing known) → tolerance (done)."""
    if not math.isfinite(gap) or gap >= 1:
        return 5
    return int(5 + 90 * min(1.0, math.log(max(gap, tolerance)) / math.log(tolerance)))


def run_optimisation(task: Task, path: str, request: RunRequest) -> RunOutcome:
    """What `optimise.run` does, with progress and cancelling (it takes neither)."""
    with reader(path) as plan:
        problem = build(plan, request)
    task.check_cancelled()
    task.report(5, "")

    def progress(_round: int, gap: float) -> bool:
        task.report(_progress_percent(gap, request.tolerance), f"{gap:.4%}")
        return True

    try:
        result = allocate(problem.problem, current=problem.current, progress=progress,
                          should_stop=lambda: task.cancelled)
    except Stopped:
        raise Cancelled("cancelled") from None
    figures = from_allocation(problem, result) if isinstance(result, Allocation) else None
    return RunOutcome(request, problem, result, figures)


def run_frontier(task: Task, path: str, request: RunRequest, points: int
                 ) -> FrontierOutcome:
    with reader(path) as plan:
        problem = build(plan, request, brand_share=FRONTIER_SHARE)
    task.check_cancelled()
    revenue, brand = optimise.outcome(problem, problem.current)

    def progress(done: int, total: int) -> bool:
        task.report(int(100 * done / total), f"{done}/{total}")
        return True

    try:
        result = frontier(problem.problem, points=points, progress=progress,
                          should_stop=lambda: task.cancelled)
    except Stopped:
        raise Cancelled("cancelled") from None
    current = (float(np.sum(brand)), float(np.sum(revenue)))
    if isinstance(result, Infeasible):
        return FrontierOutcome(request, problem, current, infeasible=result)
    ordered = sorted((p.allocation for p in result.points), key=lambda a: a.brand_response)
    return FrontierOutcome(request, problem, current,
                           tuple((a.brand_response, a.promotion_revenue) for a in ordered),
                           tuple(pickle.dumps(a) for a in ordered))
