"""The Performance tab's numbers, computed off the GUI thread.

Each run reads the plan through its own connection and returns the planner's
roll-ups unchanged, so the tab shows exactly what :mod:`planner.services.performance`
computes. Requests arriving while one runs collapse into one more run with the
newest request; a result for an older request, or a closed plan, is dropped.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from planner.services.frames import load
from planner.services.performance import as_of, kpi_attainment, plan_vs_actual, totals
from planner.storage.plan_file import reader
from ui.workers.runner import Worker, WorkerPool

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


class PerformanceComputer(QObject):
    """`computed(PerformanceResult)` for the latest request; `idle` when none is pending."""

    computed = Signal(object)
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = WorkerPool(self)
        self._request: Request | None = None
        self._running = self._again = False
        self._generation = 0

    @property
    def busy(self) -> bool:
        return self._running or self._again

    def request(self, request: Request) -> None:
        self._request = request
        if self._running:
            self._again = True
            return
        self._again, self._running = False, True
        generation = self._generation
        worker = Worker(compute, request)
        worker.signals.finished.connect(lambda result: self._done(generation, request, result))
        worker.signals.failed.connect(
            lambda message: self._done(generation, request, None, message))
        self._pool.start(worker)

    def forget(self) -> None:
        """The plan closed: whatever runs now answers for nobody."""
        self._generation += 1
        self._request = None
        self._again = False

    def shutdown(self) -> None:
        self.forget()
        self._pool.shutdown()

    def _done(self, generation: int, request: Request, result: PerformanceResult | None,
              message: str = "") -> None:
        self._running = False
        current = generation == self._generation
        if result is None and current:
            logging.getLogger(__name__).warning("performance roll-up failed: %s", message)
        elif current and request == self._request:
            self.computed.emit(result)
        if self._again and self._request is not None:
            self.request(self._request)
        else:
            self._again = False
            self.idle.emit()
