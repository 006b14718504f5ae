"""The Performance tab's numbers, computed off the GUI thread.

Each run reads the plan through its own connection and returns the planner's
roll-ups unchanged, so the tab shows exactly what :mod:`planner.services.performance`
computes; `compute` runs through a `ui.workers.recompute.VisibleRecompute`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.services.frames import load
from planner.services.performance import as_of, kpi_attainment, plan_vs_actual, totals
from planner.storage.plan_file import reader

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Request:
    path: str
    by: str
    grain: str
    flights: frozenset[str] | None  # None: no filter


@dataclass(frozen=True, eq=False)
class PerformanceResult:
    """The table for the chosen rows, the per-period and per-channel tables the charts
    draw, KPI attainment, and the table's totals."""

    request: Request
    table: pd.DataFrame
    periods: pd.DataFrame
    channels: pd.DataFrame
    kpis: pd.DataFrame
    totals: dict[str, float]
    currency: str
    as_of: dt.date | None


def compute(_worker: object, request: Request) -> PerformanceResult:
    """On a pool thread: the GUI's own connection belongs to the GUI thread."""
    with reader(request.path) as plan:
        frames = load(plan)
    flights = request.flights

    def table(by: str) -> pd.DataFrame:
        return plan_vs_actual(frames, by, request.grain, flights=flights)  # type: ignore[arg-type]

    shown = table(request.by)
    return PerformanceResult(
        request, shown, shown if request.by == "period" else table("period"),
        shown if request.by == "channel" else table("channel"),
        kpi_attainment(frames, flights), totals(shown), frames.settings.currency,
        as_of(frames))
