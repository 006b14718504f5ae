"""Runs optimisations and frontiers one at a time, with progress and Cancel, and
reports each back on the GUI thread. The solving happens in the shared child
process (`ui.workers.process`); a pool thread waits for it and relays.

Cancel asks the solver to stop (it checks before every LP solve); `cancelled`
comes when the job has actually ended, so the next one never waits behind it
unannounced. Whatever a cancelled job still sends is dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ui.optimise.request import RunRequest
from ui.optimise.risk import Risk
from ui.optimise.robust_tasks import run_robust_task
from ui.optimise.tasks import run_frontier, run_optimisation
from ui.workers.process import run_in_process
from ui.workers.runner import Worker, WorkerPool


class OptimiseRunner(QObject):
    """`finished(RunOutcome | FrontierOutcome | RobustOutcome)`, `failed(message)`,
    `cancelled()`, `progress(percent, text)`; `busy` while a job runs."""

    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    progress = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = WorkerPool(self)
        self._worker: Worker | None = None
        self._stopping = False
        self.kind = ""

    @property
    def busy(self) -> bool:
        return self._worker is not None

    def optimise(self, path: str, request: RunRequest) -> None:
        self._start("run", Worker(run_in_process, run_optimisation, path, request))

    def robust(self, path: str, request: RunRequest, risk: Risk) -> None:
        self._start("robust", Worker(run_in_process, run_robust_task, path, request, risk))

    def frontier(self, path: str, request: RunRequest, points: int) -> None:
        self._start("frontier", Worker(run_in_process, run_frontier, path, request, points))

    def _start(self, kind: str, worker: Worker) -> None:
        if self._worker is not None:
            raise RuntimeError("one optimiser job at a time")
        self._worker, self.kind = worker, kind
        worker.signals.progress.connect(lambda p, text: self._relay(worker, p, text))
        worker.signals.finished.connect(lambda result: self._done(worker, result))
        worker.signals.failed.connect(lambda message: self._done(worker, None, message))
        self._pool.start(worker)

    @property
    def stopping(self) -> bool:
        return self._stopping

    def cancel(self) -> None:
        """Ask the job to stop; `cancelled` follows once it has."""
        if self._worker is not None and not self._stopping:
            self._stopping = True
            self._worker.cancel()

    def shutdown(self) -> None:
        self.cancel()
        self._pool.shutdown()

    def _relay(self, worker: Worker, percent: int, text: str) -> None:
        if worker is self._worker and not self._stopping:
            self.progress.emit(percent, text)

    def _done(self, worker: Worker, result: object, message: str = "") -> None:
        if worker is not self._worker:
            return
        self._worker = None
        if self._stopping:
            self._stopping = False
            self.cancelled.emit()
        elif result is None:
            self.failed.emit(message)
        else:
            self.finished.emit(result)
