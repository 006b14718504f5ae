"""Workers report results and one-line failures on the GUI thread."""

from __future__ import annotations

import threading

from planner.errors import ValidationError
from ui.workers.runner import Worker, WorkerPool


def test_a_worker_runs_off_the_gui_thread_and_reports(qtbot):
    pool = WorkerPool()
    seen: dict[str, object] = {}

    def task(worker: Worker, n: int) -> int:
        seen["thread"] = threading.current_thread()
        worker.report(50, "half way")
        return n * 2

    worker = Worker(task, 21)
    with qtbot.waitSignal(worker.signals.finished, timeout=5000) as finished:
        pool.start(worker)
    assert finished.args == [42]
    assert seen["thread"] is not threading.main_thread()
    assert pool.shutdown()


def test_failures_become_one_line_messages(qtbot):
    pool = WorkerPool()

    def refused(_worker: Worker) -> None:
        raise ValidationError("channel.name", "", "must not be empty")

    def broken(_worker: Worker) -> None:
        raise ValueError("first line\nsecond line")

    messages = []
    for task in (refused, broken):
        worker = Worker(task)
        with qtbot.waitSignal(worker.signals.failed, timeout=5000) as failed:
            pool.start(worker)
        messages.append(failed.args[0])
    assert messages == ["channel.name: must not be empty (got '')", "ValueError: first line"]


def test_cancel_is_seen_by_the_task(qtbot):
    started, release = threading.Event(), threading.Event()

    def waits(worker: Worker) -> None:
        started.set()
        release.wait(5)
        worker.check_cancelled()

    pool = WorkerPool()
    worker = Worker(waits)
    pool.start(worker)
    assert started.wait(5)
    worker.cancel()
    with qtbot.waitSignal(worker.signals.failed, timeout=5000) as failed:
        release.set()
    assert failed.args == ["Cancelled"]
