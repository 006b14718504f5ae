"""The brand/promotion frontier: the most promotion revenue for each level of
brand response, from "all for sales" to "all for brand".

Both ends are solved first (most promotion revenue, then most brand response);
the points between are ε-constraints, ``max revenue s.t. brand response ≥ level``,
at evenly spaced levels, so the curve is evenly sampled where planners read it.
Each point places breakpoints on the previous point's allocation, which is
close to its own: the pieces start exact where the answer will be.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import numpy as np

from solver.allocation import allocate
from solver.problem import AllocationProblem
from solver.result import Allocation, Frontier, FrontierPoint, Infeasible

# A whisker of the other goal breaks ties at the ends without moving them.
_TIE_BREAK = 1e-6


def frontier(problem: AllocationProblem, points: int = 21,
             progress: Callable[[int, int], bool] | None = None) -> Frontier | Infeasible:
    """`points` allocations from the most promotion revenue to the most brand response.

    :param progress: called with (done, total) after each point; returning False
        stops early with the points found so far.
    """
    if points < 2:
        raise ValueError("a frontier needs at least 2 points")
    sales = dataclasses.replace(problem, objective="max_value", brand_value=_TIE_BREAK,
                                promotion_weight=1.0, brand_floor=None)
    first = allocate(sales)
    if isinstance(first, Infeasible):
        return first
    brand = dataclasses.replace(sales, brand_value=1.0, promotion_weight=_TIE_BREAK)
    last = allocate(brand, current=first.spend)
    assert isinstance(last, Allocation)  # same constraints as the feasible first end
    found = [FrontierPoint(first.brand_response, first)]
    if progress is not None and not progress(1, points):
        return Frontier(tuple(found))
    levels = np.linspace(first.brand_response, last.brand_response, points)[1:-1]
    previous = first
    for done, level in enumerate(levels, start=2):
        point = dataclasses.replace(sales, brand_floor=float(level))
        result = allocate(point, current=previous.spend)
        if isinstance(result, Allocation):
            found.append(FrontierPoint(float(level), result))
            previous = result
        if progress is not None and not progress(done, points):
            return Frontier(tuple(found))
    found.append(FrontierPoint(last.brand_response, last))
    return Frontier(tuple(found))
