"""Change-log benchmark: 100,000 actuals inserted in one action, and what reads that log.

Measures, wall clock and CPU (the CPU share tells a loaded disk from slow code):

1. bulk     `bulk.insert_rows` inside `plan.action`: one change record for all rows;
2. per-row  the same rows through a plain INSERT, logged row by row by the triggers
            (what an import cost before bulk records), for comparison;
3. undo and redo of the bulk action, the audit trail of one record in it
   (`history.log(object_id=...)`), the latest 50 actions, and what the action touched.

Run it directly; pytest does not collect it::

    python tests/benchmarks/bench_change_log.py [--rows 100000]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from planner.domain.entities import Channel, PlanSettings, new_id
from planner.io.import_actuals import FIELDS
from planner.storage import bulk, history, rows
from planner.storage.plan_file import Plan, create_plan


def plan_with_channels(path: Path) -> tuple[Plan, list[str]]:
    plan = create_plan(path, PlanSettings(name="Bench 变更"))
    ids = [new_id() for _ in range(20)]
    with plan.action("Bench channels"):
        for i, cid in enumerate(ids):
            rows.insert(plan.db, Channel(id=cid, name=f"渠道 {i}", kind="search"))
    return plan, ids


def actuals(channels: list[str], count: int) -> Iterator[list[Any]]:
    for i in range(count):
        yield [str(uuid.uuid4()), None, channels[i % len(channels)], "2026-01-01", "2026-01-01",
               i * 7919 % 10_000_000, 88_800, 12_000, 345, 12,
               f"oceanengine | 1690000000000001 | 17{i:014d} | 渠道{i % 20}-计划{i}"]


def timed(label: str, call: Callable[[], Any]) -> Any:
    wall, cpu = time.perf_counter(), time.process_time()
    result = call()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{label:34s} {wall:6.2f} s   CPU {cpu:6.2f} s   peak RSS so far {peak:5.0f} MB",
          flush=True)
    return result


def bulk_action(plan: Plan, channels: list[str], count: int) -> str:
    with plan.action("Import actuals", kind="import") as act:
        bulk.insert_rows(plan.db.conn, "actuals", FIELDS, actuals(channels, count))
    return act.id


def per_row_action(plan: Plan, channels: list[str], count: int) -> None:
    names = ", ".join(f'"{f}"' for f in FIELDS)
    with plan.action("Import actuals", kind="import"):
        plan.db.conn.executemany(
            f"INSERT INTO actuals({names}) VALUES ({', '.join('?' for _ in FIELDS)})",
            actuals(channels, count))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    count = args.rows
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        plan, channels = plan_with_channels(folder / "bulk.cplan")
        action_id = timed(f"bulk insert, {count:,} rows",
                          lambda: bulk_action(plan, channels, count))
        some_id = plan.db.execute("SELECT id FROM actuals LIMIT 1 OFFSET ?",
                                  [count // 2]).fetchone()[0]
        timed("what it touched", lambda: history.touched(plan, action_id))
        timed("undo", lambda: history.undo(plan, action_id))
        timed("redo", lambda: history.redo(plan, action_id))
        timed("audit trail of one record", lambda: history.log(plan, object_id=some_id))
        timed("latest 50 actions", lambda: history.log(plan))
        size = sum(p.stat().st_size for p in folder.glob("bulk.cplan*")) / 2 ** 20
        plan.close()
        print(f"{'file with its WAL':34s} {size:6.1f} MB")
        other, channels = plan_with_channels(folder / "per-row.cplan")
        timed(f"per-row triggers, {count:,} rows", lambda: per_row_action(other, channels, count))
        other.close()


if __name__ == "__main__":
    main()
