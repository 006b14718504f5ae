"""Chart stall benchmark: the longest event-loop stall while the tabs draw charts.

A QTimer on the GUI thread ticks every 5 ms and records the gaps between ticks;
the longest gap, less the interval, is the longest time the GUI could not answer.
Measured, each from the first action until every chart has been drawn and painted:

1. budget       the Budget tab shown, 10 switches of the measure on a 5,000-flight
                plan (each switch waits for the grid, then for the charts);
2. curves       the Curves tab on the demo plan, switching across every channel;
3. performance  the Performance tab's first show on the demo plan, then the switch
                to one row per day;
4. refit        the Curves tab's re-fit from history, from the click until the
                saved fit is drawn (the fit runs on a pool thread).

`--freeze` calls `gc.freeze()` once the plan is open and shown, to show how much
of the stall is Python's cycle collector walking the app's long-lived objects
(a full collection stops every thread).

Target: no stall over 100 ms. Run it directly; pytest does not collect it::

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_chart_stall.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from planner.storage.plan_file import open_plan  # noqa: E402
from tests.benchmarks.bench_calendar import build_big_plan, build_demo_plan  # noqa: E402
from tests.benchmarks.bench_gui_stall import TARGET_MS, StallMeter  # noqa: E402
from ui.charts import all_idle  # noqa: E402
from ui.document import PlanDocument  # noqa: E402
from ui.models.plan_index import PlanIndex  # noqa: E402

DWELL_MS = 400  # after each step's charts report done: their paint, and anything late
MEASURES = ("baseline", "committed", "actual", "placeholder", "planned")
FREEZE = False  # set by --freeze
T = TypeVar("T", bound=QWidget)


def spin(ms: int) -> None:
    """Let the event loop run for `ms` (a nested loop, not processEvents)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(done: Callable[[], bool], timeout_s: float = 60.0) -> None:
    deadline = time.perf_counter() + timeout_s
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError("the tab did not settle")
        spin(10)


def settle(widget: QWidget, busy: Callable[[], bool] = lambda: False) -> None:
    wait_until(lambda: not busy())
    spin(50)  # a chart's debounce starts only once the data arrives
    wait_until(lambda: all_idle(widget))
    spin(DWELL_MS)


def open_tab(path: Path, make: Callable[[PlanDocument, PlanIndex], T]) -> tuple[PlanDocument, T]:
    """A copy of the plan open under a new tab at window size, not yet shown."""
    document = PlanDocument()
    tab = make(document, PlanIndex(document))
    tab.resize(1400, 900)
    document.open(open_plan(path, take_backup=False))
    return document, tab


def close_tab(document: PlanDocument, tab: Any) -> None:
    """`shutdown()` first: no computation or render may outlive the tab."""
    tab.shutdown()
    tab.close()
    document.close()


def opened() -> None:
    """The plan is open and its tab shown: what an app would freeze, if asked to."""
    if FREEZE:
        gc.collect()
        gc.freeze()


def bench_budget(path: Path) -> dict[str, float]:
    from ui.budget import BudgetTab
    from ui.models.overview import PlanOverview
    from ui.selection import Selection

    document = PlanDocument()
    index = PlanIndex(document)
    overview = PlanOverview(document)
    tab = BudgetTab(document, index, Selection(index), overview)
    tab.resize(1400, 900)
    document.open(open_plan(path, take_backup=False))
    tab.show()
    settle(tab, lambda: tab.busy or tab.result is None or overview.busy)
    opened()
    meter = StallMeter()
    meter.start()
    for n in range(10):
        tab.measure_combo.setCurrentIndex(tab.measure_combo.findData(MEASURES[n % 5]))
        settle(tab, lambda: tab.busy)
    meter.stop()
    overview.shutdown()
    close_tab(document, tab)
    return {"10 measure switches": meter.stall_ms}


def bench_curves(path: Path) -> dict[str, float]:
    from ui.curves.tab import CurvesTab

    document, tab = open_tab(path, CurvesTab)
    tab.show()
    settle(tab)
    opened()
    meter = StallMeter()
    meter.start()
    for row in [*range(1, tab.channel_list.count()), 0]:
        tab.channel_list.setCurrentRow(row)
        settle(tab)
    meter.stop()
    close_tab(document, tab)
    return {f"switch {tab.channel_list.count()} channels": meter.stall_ms}


def bench_performance(path: Path) -> dict[str, float]:
    from ui.models.flight_filter import FlightFilter
    from ui.performance.tab import PerformanceTab

    document, tab = open_tab(
        path, lambda document, index: PerformanceTab(document, index, FlightFilter()))
    opened()
    meter = StallMeter()
    meter.start()
    tab.show()
    settle(tab, lambda: tab.busy or tab.result is None)
    meter.stop()
    first = meter.stall_ms
    meter.start()
    tab.set_choice("period", "day")
    settle(tab, lambda: tab.busy)
    meter.stop()
    rows = len(tab.result.table)
    close_tab(document, tab)
    return {"first show": first, f"daily rows ({rows})": meter.stall_ms}


def bench_refit(path: Path) -> dict[str, float]:
    from ui.curves.tab import CurvesTab

    document, tab = open_tab(path, CurvesTab)
    tab.show()
    settle(tab)
    opened()
    outcome: list[object] = []
    tab.refit_done.connect(outcome.append)
    tab.refit_failed.connect(outcome.append)
    meter = StallMeter()
    meter.start()
    tab.refit_button.click()
    wait_until(lambda: bool(outcome), timeout_s=300)
    settle(tab)
    meter.stop()
    if isinstance(outcome[0], str):
        raise RuntimeError(f"re-fit failed: {outcome[0]}")
    close_tab(document, tab)
    return {"re-fit and redraw": meter.stall_ms}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--flights", type=int, default=5_000)
    parser.add_argument("--freeze", action="store_true",
                        help="gc.freeze() once each plan is open")
    args = parser.parse_args()
    global FREEZE
    FREEZE = args.freeze
    app = QApplication.instance() or QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp(prefix="bench-charts-"))
    os.environ["CAMPAIGN_PLANNER_HOME"] = str(folder / "home")
    try:
        big, demo = folder / "big.cplan", folder / "demo.cplan"
        build_big_plan(big, args.flights, random.Random(5))
        build_demo_plan(demo)
        benches = (("budget", bench_budget, big), ("curves", bench_curves, demo),
                   ("performance", bench_performance, demo), ("refit", bench_refit, demo))
        print(f"{'tab':<13}{'step':<26}{'stall p50 ms':>14}{'stall max ms':>14}{'target':>9}")
        worst = 0.0
        for name, bench, source in benches:
            runs = []
            for n in range(args.repeat):
                copy = Path(shutil.copyfile(source, folder / f"{name}-{n}.cplan"))
                runs.append(bench(copy))
            for step in runs[0]:
                stalls = [run[step] for run in runs]
                worst = max(worst, *stalls)
                print(f"{name:<13}{step:<26}{statistics.median(stalls):>14.1f}"
                      f"{max(stalls):>14.1f}{'ok' if max(stalls) < TARGET_MS else 'MISSED':>9}")
        print(f"Longest stall {worst:.1f} ms (target < {TARGET_MS:.0f} ms); "
              f"Qt platform {app.platformName()}.")
        return 0 if worst < TARGET_MS else 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
