"""Allocation across curve draws: expected value, worst case or CVaR, with a proof.

    max   ρ(value_1(x), …, value_N(x))        ρ = mean, min or CVaR_α
    s.t.  every rule of the plain problem (`solver.formulation` rows and bounds)

value_d(x) = Σ_terms w·σ·f_d(v), v a spend or brand-stock variable. Two routes,
each with an upper bound proved on the best risk measure and, as the lower bound,
the risk measure of the returned spend through the exact curves:

- concave curves in every draw and no minimum buys: column generation over the
  measure's envelope (`column_generation`), whose every step is a weighted-mean
  problem the size of the plain one;
- otherwise (minimum buys make a MIP; S-curves make values non-concave): lazy
  tangent cuts per draw in one growing model (`robust_cuts`).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from solver.allocation import ShouldStop, plan_values
from solver.column_generation import by_columns
from solver.draws import DrawTerms
from solver.formulation import build
from solver.result import Infeasible
from solver.robust_cuts import by_cuts
from solver.robust_problem import PriceOfRobustness, RobustAllocation, RobustProblem


def robust_allocate(problem: RobustProblem, *, start: np.ndarray | None = None,
                    should_stop: ShouldStop | None = None) -> RobustAllocation | Infeasible:
    """Maximise the risk measure of `problem` across its draws; an explanation when
    the rules cannot hold together.

    :param start: formulation values of an earlier answer that obeys every rule (the
        mean-optimal one): the first allocation of either route.
    :param should_stop: asked before each solve; True abandons the run (`Stopped`).
    :raises InvalidProblem: malformed input.
    :raises NoAllocation: the solver gave up.
    """
    problem.validate()
    started = time.perf_counter()
    f = build(problem.base)
    dt = DrawTerms.of(f, problem)
    # The pieces follow the base curves' shape too (`pieces.Breakpoints`).
    concave = dt.concave and not np.any(f.terms.tau > 0)
    route = by_columns if concave and not f.integer.any() else by_cuts
    return route(problem, f, dt, start, should_stop, started)


def price_of_robustness(problem: RobustProblem, *, should_stop: ShouldStop | None = None,
                        progress: Callable[[float], None] | None = None
                        ) -> PriceOfRobustness | Infeasible:
    """The allocation for `problem`'s risk measure and the mean-optimal one, solved
    over the same draws (the mean answer is the robust run's first allocation).

    :param should_stop: asked before each solve of either run; True abandons the
        whole job (`Stopped`).
    :param progress: told the share of the job done once the mean run is over.
    """
    mean = robust_allocate(replace(problem, risk="mean"), should_stop=should_stop)
    if isinstance(mean, Infeasible) or problem.risk == "mean":
        return mean if isinstance(mean, Infeasible) else PriceOfRobustness(mean, mean)
    if progress is not None:
        progress(0.5)
    start = plan_values(build(problem.base), mean.spend)
    chosen = robust_allocate(problem, start=start, should_stop=should_stop)
    if isinstance(chosen, Infeasible):
        return chosen
    return PriceOfRobustness(chosen, mean)
