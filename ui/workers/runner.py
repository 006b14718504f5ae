"""Run one function off the GUI thread and report back through signals.

A `QRunnable` cannot emit signals itself, so each worker carries a small
`WorkerSignals` QObject created on the GUI thread; emitting from the pool thread
then queues the call onto the GUI thread, where the receivers live. Work is
given plain data (a path, a frozen problem), never the GUI's open `Plan`: an
SQLite connection belongs to the thread that opened it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from planner.errors import PlannerError
from ui.i18n import error_message


class WorkerSignals(QObject):
    """`finished(result)`, `failed(one-line message)`, `progress(percent, text)`."""

    finished = Signal(object)
    failed = Signal(str)
    progress = Signal(int, str)


class Cancelled(Exception):
    """Raised inside a task by `Worker.check_cancelled()` once cancel was asked."""


def one_line(exc: BaseException) -> str:
    """A message fit for a dialog: a planner error's own line (in the interface
    language); anything else gets its type name in front, since its text alone
    ("'NoneType' object …") says little."""
    text = error_message(exc).strip() if isinstance(exc, PlannerError) else (
        f"{type(exc).__name__}: {exc}".strip().rstrip(":"))
    return text.splitlines()[0] if text else type(exc).__name__


class Worker(QRunnable):
    """Calls `fn(worker, *args, **kwargs)` on a pool thread.

    The task gets the worker so it can `report(percent, text)` and
    `check_cancelled()` between steps; cancelling is cooperative, as a half-written
    result must never be left behind by a thread killed mid-step.
    """

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        # Owned here, not by the pool: the Python side must outlive the queued signals.
        self.setAutoDelete(False)
        self.signals = WorkerSignals()
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self._cancel = threading.Event()

    # -- called from the task ---------------------------------------------------------
    def report(self, percent: int, text: str = "") -> None:
        self.signals.progress.emit(int(percent), text)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled("cancelled")

    # -- called from the GUI thread ---------------------------------------------------
    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            result = self._fn(self, *self._args, **self._kwargs)
        except Cancelled:
            self.signals.failed.emit("Cancelled")
        except Exception as exc:  # report it; an exception lost in the pool hangs the GUI
            self.signals.failed.emit(one_line(exc))
        else:
            self.signals.finished.emit(result)


class WorkerPool(QObject):
    """Keeps each started worker referenced until it has reported, and runs one at a
    time: plan work is sequential (one file, one writer), as in Anki's task manager."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._running: set[Worker] = set()

    def start(self, worker: Worker) -> Worker:
        self._running.add(worker)
        worker.signals.finished.connect(lambda _result: self._running.discard(worker))
        worker.signals.failed.connect(lambda _message: self._running.discard(worker))
        self._pool.start(worker)
        return worker

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Ask every worker to stop and wait: a demo build half-way through must not
        race a closing window."""
        for worker in list(self._running):
            worker.cancel()
        return self._pool.waitForDone(timeout_ms)
