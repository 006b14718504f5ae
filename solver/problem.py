"""The optimiser's input: channels with their curves, periods, budget and rules.

Money here is a plain float in whatever unit the caller chose (the planner
passes thousands of the plan currency, which keeps the LP well scaled). Indices
follow the design: channel `c`, period `t`, goal `g` (0 = brand, 1 = promotion).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from solver.curves import Curve
from solver.errors import InvalidProblem

BRAND, PROMOTION = 0, 1
GOALS = ("brand", "promotion")
Objective = Literal["max_value", "min_cost", "max_value_roas"]


@dataclass(frozen=True)
class Lock:
    """Money already contracted: channel `c` spends at least `amount` in period `t`
    on goal `g`. Locks on the same channel, period and goal add up (two contracts)."""

    channel: int
    period: int
    goal: int
    amount: float


@dataclass(frozen=True)
class ChannelSpec:
    """One channel: its curves and its own limits.

    :param promotion: response of promotion money in one period, or None when the
        channel cannot carry promotion money.
    :param brand: response of the channel's brand stock in one period, or None.
    :param adstock: carry-over rate λ of brand stock from one period to the next.
    :param carry: brand stock at the start of the window, left by past spend.
    :param season: seasonal index per period for promotion response (default 1).
    :param available: whether the channel can be bought in each period.
    :param pacing: largest change of the channel's spend between two periods.
    :param min_when_used: smallest spend in a period where the channel is used
        at all (a minimum buy); makes the problem a MIP.
    """

    name: str
    promotion: Curve | None = None
    brand: Curve | None = None
    adstock: float = 0.0
    carry: float = 0.0
    season: tuple[float, ...] | None = None
    min_total: float = 0.0
    max_total: float | None = None
    max_per_period: float | None = None
    available: tuple[bool, ...] | None = None
    pacing: float | None = None
    min_when_used: float = 0.0


@dataclass(frozen=True)
class AllocationProblem:
    """Everything the allocation needs, and nothing about where it came from.

    :param spend_all: spend exactly the budget (True) or up to it.
    :param brand_share: (low, high) share of spend that must go to brand.
    :param brand_value: value of one unit of brand response, in revenue units.
    :param promotion_weight: weight of promotion revenue in the objective (1; the
        frontier sets it to 0 to find the most brand response there is).
    :param brand_floor: brand response the allocation must reach (frontier points).
    :param objective: ``max_value`` (promotion revenue + brand_value × brand
        response), ``min_cost`` (reach `revenue_target` at least cost) or
        ``max_value_roas`` (max value with revenue ≥ `min_roas` × spend).
    :param tolerance: certified relative gap to reach (1e-4 = 0.01 %).
    :param money_unit: how the caller's money unit reads in explanations.
    """

    periods: tuple[str, ...]
    channels: tuple[ChannelSpec, ...]
    budget: float
    spend_all: bool = True
    brand_share: tuple[float, float] | None = None
    brand_value: float = 1.0
    promotion_weight: float = 1.0
    brand_floor: float | None = None
    objective: Objective = "max_value"
    revenue_target: float | None = None
    min_roas: float | None = None
    period_caps: tuple[float | None, ...] | None = None
    locks: tuple[Lock, ...] = ()
    tolerance: float = 1e-4
    time_limit: float = 60.0
    max_rounds: int = 30
    money_unit: str = ""

    def money(self, amount: float) -> str:
        """An amount in the problem's money unit, for explanations (e.g. "1,250.00 k CNY")."""
        return f"{amount:,.2f} {self.money_unit}".rstrip()

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.channels), len(self.periods)

    def validate(self) -> None:
        """Malformed input is refused with the field and value named; input that is
        well formed but impossible is not an error (it gets an explanation)."""
        _finite_nonneg("budget", self.budget)
        if not self.periods:
            raise InvalidProblem("periods: at least one period is needed")
        if not self.channels:
            raise InvalidProblem("channels: at least one channel is needed")
        if self.brand_share is not None:
            low, high = self.brand_share
            if not (0.0 <= low <= high <= 1.0):
                raise InvalidProblem(f"brand_share must satisfy 0 ≤ low ≤ high ≤ 1, "
                                     f"got {self.brand_share!r}")
        _finite_nonneg("brand_value", self.brand_value)
        _finite_nonneg("promotion_weight", self.promotion_weight)
        if self.brand_floor is not None:
            _finite_nonneg("brand_floor", self.brand_floor)
        if self.objective == "min_cost":
            if self.revenue_target is None:
                raise InvalidProblem("revenue_target is needed for the least-cost objective")
            _finite_nonneg("revenue_target", self.revenue_target)
        if self.objective == "max_value_roas":
            if self.min_roas is None:
                raise InvalidProblem("min_roas is needed for the return-on-spend objective")
            _finite_nonneg("min_roas", self.min_roas)
        if not 0 < self.tolerance < 1:
            raise InvalidProblem(f"tolerance must be in (0, 1), got {self.tolerance!r}")
        n_periods = len(self.periods)
        if self.period_caps is not None and len(self.period_caps) != n_periods:
            raise InvalidProblem(f"period_caps has {len(self.period_caps)} values for "
                                 f"{n_periods} periods")
        for t, cap in enumerate(self.period_caps or ()):
            if cap is not None:
                _finite_nonneg(f"period_caps[{self.periods[t]}]", cap)
        for ch in self.channels:
            _validate_channel(ch, n_periods)
        n_channels = len(self.channels)
        for lock in self.locks:
            if not (0 <= lock.channel < n_channels and 0 <= lock.period < n_periods
                    and lock.goal in (BRAND, PROMOTION)):
                raise InvalidProblem(f"lock {lock!r} refers to no channel, period or goal")
            _finite_nonneg("lock.amount", lock.amount)


def _finite_nonneg(name: str, value: float) -> None:
    if not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        raise InvalidProblem(f"{name} must be a finite number ≥ 0, got {value!r}")


def _validate_channel(ch: ChannelSpec, n_periods: int) -> None:
    where = f"channel {ch.name!r}"
    if ch.promotion is None and ch.brand is None:
        raise InvalidProblem(f"{where}: needs a promotion curve, a brand curve or both")
    if not 0.0 <= ch.adstock < 1.0:
        raise InvalidProblem(f"{where}: adstock must be in [0, 1), got {ch.adstock!r}")
    for name in ("carry", "min_total", "min_when_used"):
        _finite_nonneg(f"{where}: {name}", getattr(ch, name))
    for name in ("max_total", "max_per_period", "pacing"):
        value = getattr(ch, name)
        if value is not None:
            _finite_nonneg(f"{where}: {name}", value)
    if ch.max_total is not None and ch.max_total < ch.min_total:
        raise InvalidProblem(f"{where}: max_total {ch.max_total} is below min_total "
                             f"{ch.min_total}")
    for name in ("season", "available"):
        values = getattr(ch, name)
        if values is not None and len(values) != n_periods:
            raise InvalidProblem(f"{where}: {name} has {len(values)} values for "
                                 f"{n_periods} periods")
    for t, index in enumerate(ch.season or ()):
        if not math.isfinite(index) or index < 0:
            raise InvalidProblem(f"{where}: season[{t}] must be finite and ≥ 0, got {index!r}")
