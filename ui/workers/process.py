"""Run a picklable top-level function in a child process, driven from a Worker thread.

A worker thread still holds the GIL whenever its Python (or numpy, or a solver
binding that keeps the lock) runs, and every millisecond it holds it is a
millisecond the GUI's event loop cannot run: a long optimisation stalls the
window for a tenth of a second at a time. A child process has its own
interpreter, so the GUI thread competes with nothing.

One child serves every job, one at a time: it is started (with the 'spawn'
method, safe beside Qt's threads) on the first job rather than at start-up, and
kept for the next so that one does not import numpy and OR-Tools again. The
thread that called `run_in_process` waits on the pipe (which releases the GIL),
relays the child's progress to its `Worker`, and on Cancel sets an event the
child's task reads; a child that does not stop within `STOP_GRACE` seconds, or
that dies, is replaced by a fresh one on the next job.

Call `shutdown_processes()` when the main window closes (it is also registered
to run at interpreter exit).
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import pickle
import signal
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from multiprocessing.synchronize import Event
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication

from planner.errors import PlannerError
from ui.workers.runner import Cancelled, one_line

T = TypeVar("T")

STOP_GRACE = 1.5  # seconds a cancelled child gets before it is killed; Cancel promises 2 s
POLL = 0.05  # seconds between looks at the worker's cancel flag
CLOSE_WAIT = 1.0  # seconds an idle child gets to leave on its own before it is killed


class Task(Protocol):
    """What a task function is given: a `Worker` on a thread, a `ChildTask` in the
    child, so the same function runs in either."""

    def report(self, percent: int, text: str = "") -> None: ...

    @property
    def cancelled(self) -> bool: ...

    def check_cancelled(self) -> None: ...


class ProcessFailed(PlannerError):
    """The child died, or failed in a way that could not be sent back as it was; the
    message is already one line for the user."""


# -- the child's side ---------------------------------------------------------------------
class ChildTask:
    """The child's stand-in for the `Worker`: reports go down the pipe, and the
    cancel flag is the event the parent sets."""

    def __init__(self, conn: Connection, stop: Event) -> None:
        self._conn, self._stop = conn, stop

    def report(self, percent: int, text: str = "") -> None:
        self._conn.send(("progress", int(percent), text))

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def check_cancelled(self) -> None:
        if self._stop.is_set():
            raise Cancelled("cancelled")


def _portable(exc: BaseException) -> BaseException:
    """`exc` itself when it survives pickling (so the parent raises the same type and
    one-line message a thread would), else its one line as a `ProcessFailed`."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:  # an exception whose __init__ does not take its own args
        return ProcessFailed(one_line(exc))
    return exc


def _serve(conn: Connection, stop: Event) -> None:
    """The child's loop: run each job sent, answer ("done", result) or ("failed", exc)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in a terminal is the parent's
    while True:
        try:
            message = conn.recv_bytes()
        except (EOFError, OSError):  # the parent has gone
            return
        try:
            job = pickle.loads(message)
            if job is None:
                return
            fn, args = job
            answer = ("done", fn(ChildTask(conn, stop), *args))
            conn.send(answer)
        except Exception as exc:  # sent back as it is: the parent reports it
            conn.send(("failed", _portable(exc)))


# -- the parent's side --------------------------------------------------------------------
class _Child:
    """A started child process, the parent's end of its pipe and its stop event."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child_end = context.Pipe()
        self.stop = context.Event()
        self.process: BaseProcess = context.Process(
            target=_serve, args=(child_end, self.stop), name="planner-worker", daemon=True)
        self.process.start()
        child_end.close()

    def close(self) -> None:
        """Ask the child to leave; kill it if it does not (it may be mid-job)."""
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(CLOSE_WAIT)
        self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(CLOSE_WAIT)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(CLOSE_WAIT)
        self.conn.close()


class ProcessHost:
    """Owns the one child; `run` is called from worker threads, one job at a time
    (a second caller waits, cancellable, for the first job to end)."""

    def __init__(self) -> None:
        self._job_lock = threading.Lock()
        self._state_lock = threading.Lock()
        self._child: _Child | None = None

    def run(self, worker: Task, fn: Callable[..., T], *args: Any) -> T:
        while not self._job_lock.acquire(timeout=POLL):  # a job waiting its turn can cancel
            worker.check_cancelled()
        try:
            worker.check_cancelled()
            return self._await(worker, self._send((fn, args)))
        finally:
            self._job_lock.release()

    def shutdown(self) -> None:
        """Close the child (a job still running in it is failed or, if cancelled,
        reported as cancelled). A later job starts a new one."""
        with self._state_lock:
            child, self._child = self._child, None
        if child is not None:
            child.close()

    def _current(self) -> _Child:
        with self._state_lock:
            if self._child is None:
                self._child = _Child()
            return self._child

    def _send(self, job: tuple[Callable[..., Any], tuple[Any, ...]]) -> _Child:
        """Hand `job` to the child, to a fresh one if the kept one has died meanwhile."""
        child = self._current()
        child.stop.clear()
        try:
            child.conn.send(job)
        except OSError:
            self._discard(child)
            child = self._current()
            child.conn.send(job)
        return child

    def _discard(self, child: _Child) -> None:
        with self._state_lock:
            if self._child is child:
                self._child = None
        child.kill()

    def _await(self, worker: Task, child: _Child) -> Any:
        asked: float | None = None
        while True:
            if asked is None and worker.cancelled:
                child.stop.set()
                asked = time.monotonic()
            if asked is not None and time.monotonic() - asked > STOP_GRACE:
                self._discard(child)
                raise Cancelled("cancelled")
            try:
                ready = wait([child.conn, child.process.sentinel], POLL)
            except OSError:  # closed by `shutdown` on another thread
                ready = [child.process.sentinel]
            if not ready:
                continue
            answer = self._drain(worker, child, relay=asked is None)
            if answer is not None:
                kind, payload = answer
                if asked is not None:  # whatever it brings, the job was cancelled
                    raise Cancelled("cancelled")
                if kind == "failed":
                    raise payload
                return payload
            if not child.process.is_alive():
                self._discard(child)
                if asked is not None:
                    raise Cancelled("cancelled")
                raise ProcessFailed(self._died(child))

    def _drain(self, worker: Task, child: _Child, relay: bool
               ) -> tuple[str, Any] | None:
        """Read what the child has sent so far; relay only the latest progress (a burst
        of them would only queue repaints). The job's answer, if it came."""
        latest: tuple[int, str] | None = None
        answer = None
        try:
            while answer is None and child.conn.poll():
                kind, *payload = child.conn.recv()
                if kind == "progress":
                    latest = (payload[0], payload[1])
                else:
                    answer = (kind, payload[0])
        except (EOFError, OSError):  # the child died; the caller sees it is not alive
            child.process.join(CLOSE_WAIT)
        if latest is not None and relay:
            worker.report(*latest)
        return answer

    @staticmethod
    def _died(child: _Child) -> str:
        return QCoreApplication.translate(
            "ProcessHost", "The background process stopped unexpectedly (exit code {code})."
        ).format(code=child.process.exitcode)


_host = ProcessHost()


def run_in_process(worker: Task, fn: Callable[..., T], *args: Any) -> T:
    """Call `fn(task, *args)` in the shared child and return its result.

    Itself a task (`Worker(run_in_process, fn, *args)`): progress the child's `task`
    reports reaches `worker`, and `worker.cancel()` sets the child's
    `task.cancelled`. `fn` must be a module-level function, and `args` and the
    result picklable. The child's exception is raised here as it was (or, if it
    cannot travel, as a `ProcessFailed` with its one line).
    """
    return _host.run(worker, fn, *args)


def shutdown_processes() -> None:
    """Stop the shared child; the main window calls this when it closes."""
    _host.shutdown()


atexit.register(shutdown_processes)
