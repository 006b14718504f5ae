"""Jobs run in the shared child process: results and progress come back, Cancel stops
them (a child that will not stop is killed), failures become one-line messages,
and a child that dies is reported and replaced.

The task functions are module-level so the child can import them by name.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from planner.errors import ValidationError
from ui.workers.process import STOP_GRACE, Task, run_in_process, shutdown_processes
from ui.workers.runner import Worker, WorkerPool

TIMEOUT_MS = 60_000  # the first job starts the child, which imports the test module


# -- tasks, run in the child ----------------------------------------------------------------
def doubled(_task: Task, n: int) -> tuple[int, int]:
    return os.getpid(), n * 2


def counts_to_three(task: Task) -> str:
    for step in (1, 2, 3):
        task.report(step * 33, f"step {step}")
        time.sleep(0.2)  # apart, so the parent sees each rather than only the last
    return "counted"


def waits_for_cancel(task: Task) -> int:
    task.report(1, "waiting")
    while True:
        task.check_cancelled()
        time.sleep(0.01)


def ignores_cancel(task: Task) -> None:
    task.report(1, "busy")
    time.sleep(60)


def refuses(_task: Task) -> None:
    raise ValidationError("channel.name", "", "must not be empty")


def breaks(_task: Task) -> None:
    raise ValueError("first line\nsecond line")


def dies(_task: Task) -> None:
    os._exit(3)


# -- the parent's side ----------------------------------------------------------------------
@pytest.fixture
def pool() -> Iterator[WorkerPool]:
    pool = WorkerPool()
    yield pool
    pool.shutdown()


@pytest.fixture(scope="module", autouse=True)
def child_stopped_afterwards() -> Iterator[None]:
    yield
    shutdown_processes()


def result_of(qtbot: QtBot, pool: WorkerPool, fn: Any, *args: Any) -> Any:
    worker = Worker(run_in_process, fn, *args)
    with qtbot.waitSignal(worker.signals.finished, timeout=TIMEOUT_MS) as finished:
        pool.start(worker)
    return finished.args[0]


def failure_of(qtbot: QtBot, pool: WorkerPool, fn: Any) -> str:
    worker = Worker(run_in_process, fn)
    with qtbot.waitSignal(worker.signals.failed, timeout=TIMEOUT_MS) as failed:
        pool.start(worker)
    return failed.args[0]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_the_result_comes_back_from_one_kept_child(qtbot: QtBot, pool: WorkerPool):
    pid, value = result_of(qtbot, pool, doubled, 21)
    assert value == 42 and pid != os.getpid()
    assert result_of(qtbot, pool, doubled, 5) == (pid, 10)  # warm: the same child again


def test_progress_is_relayed(qtbot: QtBot, pool: WorkerPool):
    worker = Worker(run_in_process, counts_to_three)
    seen: list[tuple[int, str]] = []
    worker.signals.progress.connect(lambda percent, text: seen.append((percent, text)))
    with qtbot.waitSignal(worker.signals.finished, timeout=TIMEOUT_MS) as finished:
        pool.start(worker)
    assert finished.args == ["counted"]
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=2000)
    assert seen == [(33, "step 1"), (66, "step 2"), (99, "step 3")]


def test_cancel_stops_the_job_and_keeps_the_child(qtbot: QtBot, pool: WorkerPool):
    pid, _ = result_of(qtbot, pool, doubled, 1)
    worker = Worker(run_in_process, waits_for_cancel)
    with qtbot.waitSignal(worker.signals.progress, timeout=TIMEOUT_MS):
        pool.start(worker)
    started = time.perf_counter()
    with qtbot.waitSignal(worker.signals.failed, timeout=5000) as failed:
        worker.cancel()
    assert failed.args == ["Cancelled"]
    assert time.perf_counter() - started < 1.0
    assert result_of(qtbot, pool, doubled, 2) == (pid, 4)


def test_a_child_that_ignores_cancel_is_killed_and_replaced(qtbot: QtBot, pool: WorkerPool):
    pid, _ = result_of(qtbot, pool, doubled, 1)
    worker = Worker(run_in_process, ignores_cancel)
    with qtbot.waitSignal(worker.signals.progress, timeout=TIMEOUT_MS):
        pool.start(worker)
    started = time.perf_counter()
    with qtbot.waitSignal(worker.signals.failed, timeout=10_000) as failed:
        worker.cancel()
    assert failed.args == ["Cancelled"]
    assert STOP_GRACE <= time.perf_counter() - started < 2.0
    assert not alive(pid)
    new_pid, value = result_of(qtbot, pool, doubled, 3)
    assert value == 6 and new_pid != pid


def test_failures_become_one_line_messages(qtbot: QtBot, pool: WorkerPool):
    assert failure_of(qtbot, pool, refuses) == "channel.name: must not be empty (got '')"
    assert failure_of(qtbot, pool, breaks) == "ValueError: first line"


def test_a_child_that_dies_is_reported_and_the_next_job_works(qtbot: QtBot, pool: WorkerPool):
    pid, _ = result_of(qtbot, pool, doubled, 1)
    assert failure_of(qtbot, pool, dies) == \
        "The background process stopped unexpectedly (exit code 3)."
    assert not alive(pid)
    new_pid, value = result_of(qtbot, pool, doubled, 4)
    assert value == 8 and new_pid != pid


def test_shutdown_stops_the_child(qtbot: QtBot, pool: WorkerPool):
    pid, _ = result_of(qtbot, pool, doubled, 1)
    shutdown_processes()
    assert not alive(pid)
    assert result_of(qtbot, pool, doubled, 1)[0] not in (pid, os.getpid())


def test_a_job_waiting_for_the_child_can_be_cancelled(qtbot: QtBot):
    pool = WorkerPool(max_threads=2)
    first = Worker(run_in_process, waits_for_cancel)
    with qtbot.waitSignal(first.signals.progress, timeout=TIMEOUT_MS):
        pool.start(first)
    second = Worker(run_in_process, doubled, 1)
    pool.start(second)
    with qtbot.waitSignal(second.signals.failed, timeout=2000) as failed:
        second.cancel()
    assert failed.args == ["Cancelled"]
    with qtbot.waitSignal(first.signals.failed, timeout=5000):
        first.cancel()
    assert pool.shutdown()
