"""The optimiser's output: spends, responses, proof of optimality, explanations.

Arrays are numpy and indexed [channel, period, goal] (goal 0 = brand,
1 = promotion); the dataclasses are frozen so a result can be handed between
threads and stored without anyone changing it underneath.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Binding:
    """A constraint that holds with equality at the optimum, and what relaxing it
    by one unit would be worth (its dual value, in objective units)."""

    group: str
    label: str
    value: float


@dataclass(frozen=True)
class ChannelResult:
    name: str
    spend: float
    brand_spend: float
    promotion_spend: float
    revenue: float
    brand_response: float
    roi: float | None
    marginal_return: float


@dataclass(frozen=True)
class Allocation:
    """An optimal allocation with its certificate.

    :param spend: money per [channel, period, goal].
    :param upper_bound: no feasible allocation has an objective above this
        (proved from the LP duals through the exact curves).
    :param gap: relative distance between `objective` and `upper_bound`.
    :param envelope_gap: for S-shaped curves optimised through their concave
        envelope, the share of the objective the envelope over-promised (0 when
        the S-curves were solved exactly).
    :param unspent_reason: why money was left unspent, when it was.
    """

    spend: np.ndarray
    objective: float
    promotion_revenue: float
    brand_response: float
    upper_bound: float
    gap: float
    channels: tuple[ChannelResult, ...]
    binding: tuple[Binding, ...]
    budget_shadow_price: float
    status: str
    solve_seconds: float
    rounds: int
    mip: bool
    unspent: float = 0.0
    unspent_reason: str | None = None
    envelope_gap: float = 0.0
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def total_spend(self) -> float:
        return float(self.spend.sum())

    @property
    def brand_share(self) -> float | None:
        total = self.total_spend
        return float(self.spend[:, :, 0].sum()) / total if total > 0 else None


@dataclass(frozen=True)
class Conflict:
    """One group of constraints that cannot hold together with the others,
    with how far it had to give."""

    group: str
    violation: float
    message: str


@dataclass(frozen=True)
class Infeasible:
    """An impossible setup, explained in planner language."""

    conflicts: tuple[Conflict, ...]

    @property
    def message(self) -> str:
        return "; ".join(c.message for c in self.conflicts)


@dataclass(frozen=True)
class FrontierPoint:
    """The allocation that maximises promotion revenue + `brand_value` × brand
    response (0 and infinity at the two ends)."""

    brand_value: float
    allocation: Allocation


@dataclass(frozen=True)
class Frontier:
    points: tuple[FrontierPoint, ...]

    def as_pairs(self) -> list[tuple[float, float]]:
        """(brand response, promotion revenue) per point, brand ascending."""
        pairs = [(p.allocation.brand_response, p.allocation.promotion_revenue)
                 for p in self.points]
        return sorted(pairs)
