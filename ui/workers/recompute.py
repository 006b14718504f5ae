"""Numbers recomputed off the GUI thread after every edit, without piling up.

Reading a 5,000-flight plan and rolling it up takes long enough to stall typing, so
each run happens on a pool thread with a reader connection of its own. Edits come
faster than that: one computation runs at a time, and requests arriving meanwhile
collapse into one more run with the newest request. A result for an outdated
request, or for a plan closed since, is dropped.

`Recompute` is that mechanism; `VisibleRecompute` adds what a tab needs on top:
it computes only while its widget is visible, so a hidden tab just remembers that
it is stale and catches up when shown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

from ui.workers.runner import Worker, WorkerPool


class Recompute(QObject):
    """Runs `fn(worker, *args)` for the latest `request(*args)`.

    `computed(result)` for the latest request; `idle` once nothing is pending. A
    failure is logged as "<what> failed: <message>" and leaves the last result shown.
    """

    computed = Signal(object)
    idle = Signal()

    def __init__(self, fn: Callable[..., Any], what: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn, self._what = fn, what
        self._pool = WorkerPool(self)
        self._request: tuple[Any, ...] | None = None
        self._running = self._again = False
        self._generation = 0

    @property
    def busy(self) -> bool:
        """A computation is running or queued: the last result may be behind the file."""
        return self._running or self._again

    def request(self, *args: Any) -> None:
        self._request = args
        if self._running:
            self._again = True
            return
        self._again, self._running = False, True
        generation = self._generation
        worker = Worker(self._fn, *args)
        worker.signals.finished.connect(lambda result: self._done(generation, args, result))
        worker.signals.failed.connect(
            lambda message: self._done(generation, args, None, message))
        self._pool.start(worker)

    def forget(self) -> None:
        """The plan closed: whatever runs now answers for nobody."""
        self._generation += 1
        self._request = None
        self._again = False

    def shutdown(self) -> None:
        self.forget()
        self._pool.shutdown()

    def _done(self, generation: int, request: tuple[Any, ...], result: object,
              message: str = "") -> None:
        self._running = False
        current = generation == self._generation
        if result is None and current:
            logging.getLogger(__name__).warning("%s failed: %s", self._what, message)
        elif current and request == self._request:
            self.computed.emit(result)
        if self._again and self._request is not None:
            self.request(*self._request)
        else:
            self._again = False
            self.idle.emit()


class VisibleRecompute(Recompute):
    """A `Recompute` for one widget, run only while the widget is visible.

    `refresh()` marks the numbers stale and, if the widget shows and a plan is
    open, asks for `arguments()` at once; otherwise showing the widget does.
    `started` fires as each request goes out (for an "Updating…" line).
    """

    started = Signal()

    def __init__(self, fn: Callable[..., Any], what: str, widget: QWidget,
                 is_open: Callable[[], bool], arguments: Callable[[], tuple[Any, ...]]) -> None:
        super().__init__(fn, what, widget)
        self._widget, self._is_open, self._arguments = widget, is_open, arguments
        self._stale = True
        widget.installEventFilter(self)

    @property
    def pending(self) -> bool:
        """The numbers may be behind the file: a run is under way, due, or waits to be shown."""
        return self.busy or (self._stale and self._is_open())

    def refresh(self) -> None:
        self._stale = True
        self._run()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self._stale:
            self._run()
        return False

    def _run(self) -> None:
        if not self._is_open() or not self._widget.isVisible():
            return
        self._stale = False
        self.started.emit()
        self.request(*self._arguments())
