"""The brand/promotion frontier: the most promotion revenue for each level of
brand response, from "all for sales" to "all for brand".

Each point maximises ``revenue + w·brand`` for a brand value w: with concave
curves every such point is on the frontier, and each is the ordinary
allocation model (fast, and certified like any allocation). The ends are w ≈ 0
and w large; every further w is the slope between the two neighbouring points
that lie furthest apart, which places the next point where the curve between
them bends most. Each solve starts from its neighbour's allocation.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable

import numpy as np

from solver.allocation import ShouldStop, Stopped, allocate
from solver.problem import AllocationProblem
from solver.result import Allocation, Frontier, FrontierPoint, Infeasible

# A whisker of the other goal breaks ties at the ends without moving them.
_TIE_BREAK = 1e-6


def frontier(problem: AllocationProblem, points: int = 21,
             progress: Callable[[int, int], bool] | None = None,
             should_stop: ShouldStop | None = None) -> Frontier | Infeasible:
    """`points` allocations from the most promotion revenue to the most brand response.

    :param progress: called with (done, total) after each point; returning False
        stops early with the points found so far.
    :param should_stop: asked before each point and inside each point's solve;
        True abandons the sweep.
    :raises Stopped: `should_stop` returned True (the points so far are dropped:
        a cancelled sweep is not a shorter frontier).
    """
    if points < 2:
        raise ValueError("a frontier needs at least 2 points")
    base = dataclasses.replace(problem, objective="max_value", brand_floor=None,
                               promotion_weight=1.0)

    def solve(brand_value: float, current: np.ndarray | None = None,
              promotion_weight: float = 1.0) -> Allocation | Infeasible:
        if should_stop is not None and should_stop():
            raise Stopped("frontier stopped by the caller")
        return allocate(dataclasses.replace(base, brand_value=brand_value,
                                            promotion_weight=promotion_weight),
                        current=current, should_stop=should_stop)

    sales = solve(_TIE_BREAK)
    if isinstance(sales, Infeasible):
        return sales
    brand = solve(1.0, sales.spend, promotion_weight=_TIE_BREAK)
    assert isinstance(brand, Allocation)  # the same constraints as the feasible first end
    found = [FrontierPoint(0.0, sales), FrontierPoint(np.inf, brand)]
    if progress is not None and not progress(2, points):
        return Frontier(tuple(found))
    span_b = max(brand.brand_response - sales.brand_response, 1e-12)
    span_p = max(sales.promotion_revenue - brand.promotion_revenue, 1e-12)
    while len(found) < points:
        # The widest gap between neighbours, in units of each axis's range.
        distances = [np.hypot((b.allocation.brand_response - a.allocation.brand_response) / span_b,
                              (a.allocation.promotion_revenue - b.allocation.promotion_revenue)
                              / span_p) for a, b in itertools.pairwise(found)]
        i = int(np.argmax(distances))
        left, right = found[i].allocation, found[i + 1].allocation
        if distances[i] < 1e-9:
            break
        rise = left.promotion_revenue - right.promotion_revenue
        run = right.brand_response - left.brand_response
        weight = rise / run if run > 0 else found[i].brand_value
        point = solve(float(weight), left.spend)
        if not isinstance(point, Allocation):
            break
        found.insert(i + 1, FrontierPoint(float(weight), point))
        if progress is not None and not progress(len(found), points):
            break
    return Frontier(tuple(found))
