"""`python packaging/frozen_child.py APP_EXE PLAN`: one optimisation in the bundle's
solver child, the way the window runs it.

The window solves in a child process started with multiprocessing's 'spawn'
(`ui.workers.process`). In a bundle the child is the app's own executable, started
with `--multiprocessing-fork`, and `multiprocessing.freeze_support()` at the top of
`ui.app.main` turns it into the solver child. Nothing but a click on Optimise starts
one, so this script plays the window's part: it runs the app's own `ProcessHost`
here, but has multiprocessing start APP_EXE exactly as a frozen parent would (the
command line and the preparation data of stdlib's frozen branch, nothing of this
interpreter's `sys.path` or `__main__`), sends it `run_optimisation` on PLAN, and
prints what came back. Exit status 0 when the child answered with an allocation or
with the reason there is none.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import multiprocessing.spawn as spawn
import multiprocessing.util
import os
import sys
import time
from pathlib import Path
from typing import Any

# PyInstaller's bootloader runs Python isolated (-I), without `site` (-S) and without
# writing bytecode (-B); a frozen parent passes these to the helpers it starts.
BUNDLE_FLAGS = ("-I", "-S", "-B")


def tracker_alive() -> bool | None:
    """Whether the resource tracker started through the bundle still runs (None where
    there is none: Windows, or nothing registered)."""
    from multiprocessing import resource_tracker

    pid = getattr(resource_tracker._resource_tracker, "_pid", None)
    if pid is None or sys.platform == "win32":
        return None
    return os.waitpid(pid, os.WNOHANG) == (0, 0)


class _Watching:
    """The `Task` the host relays to: keeps the last progress, never cancels."""

    cancelled = False

    def __init__(self) -> None:
        self.progress: list[tuple[int, str]] = []

    def report(self, percent: int, text: str = "") -> None:
        self.progress.append((percent, text))

    def check_cancelled(self) -> None:
        pass


def start_children_as_frozen(executable: Path) -> None:
    """Make 'spawn' start `executable` with the command line and preparation data a
    frozen parent sends (`spawn.get_command_line`'s `sys.frozen` branch), and the
    resource tracker with the interpreter flags the bundle's own interpreter has: the
    runtime hook behind `freeze_support` runs a tracker only when they match."""
    spawn.set_executable(str(executable))
    multiprocessing.util._args_from_interpreter_flags = lambda: list(BUNDLE_FLAGS)

    def command_line(**kwds: Any) -> list[str]:
        return [str(executable), "--multiprocessing-fork",
                *(f"{key}={value!r}" for key, value in kwds.items())]

    plain = spawn.get_preparation_data

    def preparation_data(name: str) -> dict[str, Any]:
        data = plain(name)
        for key in ("sys_path", "init_main_from_path", "init_main_from_name"):
            data.pop(key, None)  # the frozen child has its own, as a frozen parent's would
        return data

    spawn.get_command_line = command_line
    spawn.get_preparation_data = preparation_data


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.split("\n\n")[0], file=sys.stderr)
        return 2
    executable, plan = Path(argv[0]).resolve(), Path(argv[1]).resolve()
    from solver.result import Allocation, Infeasible
    from ui.optimise.request import RunRequest
    from ui.optimise.tasks import run_optimisation
    from ui.workers.process import ProcessHost

    start_children_as_frozen(executable)
    host, task = ProcessHost(), _Watching()
    started = time.perf_counter()
    try:
        outcome = host.run(task, run_optimisation, str(plan),
                           RunRequest(grain="month", today=dt.date(2026, 1, 1)))
        (child,) = [p for p in multiprocessing.active_children() if p.name == "planner-worker"]
        pid = child.pid
        image = Path(f"/proc/{pid}/exe").resolve() if sys.platform == "linux" else executable
        tracker = tracker_alive()
    finally:
        host.shutdown()
    seconds = time.perf_counter() - started
    result = outcome.result
    status = getattr(result, "status", type(result).__name__)
    print(f"solver child pid {pid} ran {image}: {type(result).__name__} {status}, "
          f"{len(task.progress)} progress reports, {seconds:.1f} s; resource tracker "
          f"{ {True: 'running', False: 'DIED', None: 'not used'}[tracker] }")
    solved = isinstance(result, Allocation | Infeasible)  # impossible is an answer too
    return 0 if solved and image == executable and tracker is not False else 1


if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main(sys.argv[1:]))
