"""The Budget tab's numbers, computed off the GUI thread.

Phasing a 5,000-flight plan to days and rolling it up takes long enough to stall
typing, so it runs on a pool thread with a reader connection of its own, and edits
arriving meanwhile are coalesced into one more run, as `PlanOverview` does.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from planner.services.budget_grid import (
    BudgetGrid,
    Measure,
    RowKind,
    baseline_flights,
    brand_promotion_by_month,
    budget_grid,
)
from planner.services.frames import load
from planner.storage.plan_file import reader
from ui.workers.runner import Worker, WorkerPool


@dataclass(frozen=True)
class BudgetResult:
    """Everything the tab draws for one (rows, measure) choice: plain values."""

    grid: BudgetGrid
    by_channel: BudgetGrid  # the same measure by channel, for the stacked chart
    brand: BudgetGrid  # planned brand / promotion rows
    channel_colours: tuple[str, ...]  # per by_channel row
    currency: str


def compute(_worker: object, path: str, rows: RowKind, measure: Measure) -> BudgetResult:
    """On a pool thread: the GUI's own connection belongs to the GUI thread."""
    with reader(path) as plan:
        frames = load(plan)
        baseline = baseline_flights(plan) if measure == "baseline" else None
    grid = budget_grid(frames, rows, measure, baseline=baseline)
    by_channel = grid if rows == "channel" else budget_grid(frames, "channel", measure,
                                                            baseline=baseline)
    colour = frames.channels.set_index("id")["colour"]
    colours = tuple(str(colour.get(key) or "#888888") for key in by_channel.row_keys)
    return BudgetResult(grid, by_channel, brand_promotion_by_month(frames), colours,
                        frames.settings.currency)


class BudgetComputer(QObject):
    """`computed(BudgetResult)` for the latest request; `idle` once nothing is pending.

    One computation at a time; requests arriving meanwhile collapse into one more run
    with the newest choice. A result for an outdated choice, or for a plan closed
    since, is dropped.
    """

    computed = Signal(object)
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = WorkerPool(self)
        self._request: tuple[str, RowKind, Measure] | None = None
        self._running = False
        self._again = False
        self._generation = 0

    @property
    def busy(self) -> bool:
        return self._running or self._again

    def request(self, path: str, rows: RowKind, measure: Measure) -> None:
        self._request = (path, rows, measure)
        if self._running:
            self._again = True
            return
        self._again, self._running = False, True
        generation = self._generation
        request = self._request
        worker = Worker(compute, *request)
        worker.signals.finished.connect(lambda result: self._done(generation, request, result))
        worker.signals.failed.connect(lambda message: self._done(generation, request, None,
                                                                 message))
        self._pool.start(worker)

    def forget(self) -> None:
        """The plan closed: whatever is running now answers for nobody."""
        self._generation += 1
        self._request = None
        self._again = False

    def shutdown(self) -> None:
        self.forget()
        self._pool.shutdown()

    def _done(self, generation: int, request: tuple[str, RowKind, Measure],
              result: BudgetResult | None, message: str = "") -> None:
        self._running = False
        current = generation == self._generation
        if result is None and current:
            logging.getLogger(__name__).warning("budget grid failed: %s", message)
        elif current and request == self._request:
            self.computed.emit(result)
        if self._again and self._request is not None:
            self.request(*self._request)
        else:
            self._again = False
            self.idle.emit()
