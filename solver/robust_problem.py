"""Inputs and outputs of the allocation across curve draws (`solver.robust`).

A *draw* is one plausible set of response curves, one per channel and goal (a
bootstrap re-fit of the history, say). Spend, brand stock and every rule are those
of the plain `AllocationProblem`; only the curves differ from draw to draw, so the
value of an allocation is a distribution over draws, and the planner chooses
which summary of it to maximise:

- ``mean``: the expected value, (1/N)·Σ_d value_d;
- ``worst``: the worst case, min_d value_d;
- ``cvar``: the conditional value at risk at level α, the mean of the worst α
  share of draws: max_t t − (1/(αN))·Σ_d (t − value_d)⁺ (Rockafellar–Uryasev).
  α = 1 is the mean; α ≤ 1/N is the worst case.

value_d is the plain objective (promotion revenue + brand_value × brand
response) through draw d's curves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from solver.curves import Curve
from solver.errors import InvalidProblem
from solver.problem import AllocationProblem

Risk = Literal["mean", "worst", "cvar"]
RISKS = ("mean", "worst", "cvar")


@dataclass(frozen=True)
class Draw:
    """One plausible set of curves: per channel, (promotion curve, brand curve),
    None exactly where the base problem's channel has no such curve."""

    curves: tuple[tuple[Curve | None, Curve | None], ...]


@dataclass(frozen=True)
class RobustProblem:
    """The plain problem, its curve draws and the risk measure to maximise.

    :param max_rounds: rounds at most: of column generation (one weighted-mean
        problem priced each) or of cutting planes (each adds only the tangents that
        bind at the last answer), whichever route the problem takes.
    """

    base: AllocationProblem
    draws: tuple[Draw, ...]
    risk: Risk = "mean"
    alpha: float = 0.1
    tolerance: float = 1e-3
    max_rounds: int = 200
    time_limit: float = 120.0

    def validate(self) -> None:
        """Malformed input names the field and value; the base problem checks itself."""
        self.base.validate()
        if self.risk not in RISKS:
            raise InvalidProblem(f"risk must be one of {', '.join(RISKS)}, got {self.risk!r}")
        if not (isinstance(self.alpha, int | float) and 0 < self.alpha <= 1):
            raise InvalidProblem(f"alpha must be in (0, 1], got {self.alpha!r}")
        if not 0 < self.tolerance < 1:
            raise InvalidProblem(f"tolerance must be in (0, 1), got {self.tolerance!r}")
        if not self.draws:
            raise InvalidProblem("draws: at least one draw of the curves is needed")
        if self.base.objective != "max_value" or self.base.brand_floor is not None:
            raise InvalidProblem("risk across curve draws is defined for the max-value "
                                 "objective without a brand floor only")
        channels = self.base.channels
        for d, draw in enumerate(self.draws):
            if len(draw.curves) != len(channels):
                raise InvalidProblem(f"draw {d} has curves for {len(draw.curves)} channels, "
                                     f"the problem has {len(channels)}")
            for ch, (promotion, brand) in zip(channels, draw.curves, strict=True):
                if (promotion is None) != (ch.promotion is None) or \
                        (brand is None) != (ch.brand is None):
                    raise InvalidProblem(f"draw {d}, channel {ch.name!r}: a draw needs a "
                                         "curve exactly where the channel has one")

    @property
    def level(self) -> float:
        """The tail share the measure averages: 1 (mean), 1/N (worst), α (CVaR)."""
        return {"mean": 1.0, "worst": 1.0 / len(self.draws), "cvar": self.alpha}[self.risk]


def risk_measure(values: np.ndarray, risk: Risk, alpha: float = 1.0) -> float:
    """The risk measure of outcomes `values` (one per draw), exactly.

    CVaR is max_t t − Σ_d (t − v_d)⁺/(αN): a concave piecewise-linear function of t
    with kinks at the values, so its maximum sits at one of them."""
    values = np.asarray(values, dtype=float)
    if risk == "mean":
        return float(values.mean())
    if risk == "worst":
        return float(values.min())
    shortfall = np.maximum(values[:, None] - values[None, :], 0.0).sum(axis=1)
    return float(np.max(values - shortfall / (alpha * len(values))))


@dataclass(frozen=True)
class Spread:
    """An allocation's outcome across draws: mean, 5th percentile (linear
    interpolation between draws) and worst."""

    mean: float
    p5: float
    worst: float

    @classmethod
    def of(cls, values: np.ndarray) -> Spread:
        values = np.asarray(values, dtype=float)
        return cls(float(values.mean()), float(np.percentile(values, 5)), float(values.min()))


@dataclass(frozen=True, eq=False)
class RobustAllocation:
    """The answer and its proof.

    :param spend: [channel, period, goal] in the problem's money unit.
    :param objective: the risk measure of `spend`, through the exact curves.
    :param bound: a proved upper bound on the risk measure of any feasible spend.
    :param gap: (bound − objective) relative to the objective (`report.relative_gap`).
    :param outcomes: value of `spend` in each draw, exact curves.
    :param rounds: cutting-plane rounds, or column-generation rounds (one weighted-mean
        problem priced each).
    :param cuts: tangent cuts in the final model (cutting planes; 0 for columns).
    :param columns: allocations the column generation's master mixed (0 for cuts).
    """

    risk: Risk
    alpha: float
    spend: np.ndarray
    objective: float
    bound: float
    gap: float
    outcomes: np.ndarray
    rounds: int
    cuts: int
    seconds: float
    columns: int = 0

    @property
    def spread(self) -> Spread:
        return Spread.of(self.outcomes)

    @property
    def total_spend(self) -> float:
        return float(self.spend.sum())


@dataclass(frozen=True)
class PriceOfRobustness:
    """The chosen allocation and the mean-optimal one, each with its spread across
    the same draws: what robustness costs on average and what it protects."""

    chosen: RobustAllocation
    mean_optimal: RobustAllocation

    @property
    def rows(self) -> list[dict[str, float | str]]:
        out = []
        for label, a in (("chosen", self.chosen), ("mean_optimal", self.mean_optimal)):
            s = a.spread
            out.append({"allocation": label, "risk": a.risk, "mean": s.mean, "p5": s.p5,
                        "worst": s.worst, "objective": a.objective, "gap": a.gap})
        return out
