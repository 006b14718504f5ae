"""Merge benchmark: two copies of the demo plan, 5,000 edits on each side.

Measures `merge_preview` (open the other copy, read both logs since the common
ancestor, net and classify every change) and `apply_merge` (backup, one transaction,
the log records, then the health rules), against the targets preview < 1 s and
apply < 2 s. The edits are real service calls (budget edits, moves, renames,
channel caps) on records picked at random, so both sides touch some of the same
fields and the merge has conflicts to resolve (`--take theirs`).

Run it directly; pytest does not collect it::

    python tests/benchmarks/bench_merge.py [--edits 5000] [--seed 7]

Everything is written to a temporary folder that is removed afterwards. Making the
edits is setup, not measured; it runs with synchronous=OFF to take seconds, not minutes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import tempfile
import time
from pathlib import Path

TARGETS = {"preview": 1.0, "apply": 2.0}


def _edit(plan, rng: random.Random, edits: int) -> None:
    from planner.errors import PlannerError
    from planner.services import campaigns, channels, flights

    flight_ids = [r[0] for r in plan.db.execute("SELECT id FROM flights WHERE committed = 0")]
    campaign_ids = [r[0] for r in plan.db.execute("SELECT id FROM campaigns")]
    channel_ids = [r[0] for r in plan.db.execute("SELECT id FROM channels")]
    plan.db.execute("PRAGMA synchronous = OFF")
    for _ in range(edits):
        kind = rng.random()
        try:
            if kind < 0.5:
                flights.update_flight(plan, rng.choice(flight_ids),
                                      budget_minor=rng.randrange(1, 5_000) * 100_00)
            elif kind < 0.75:
                flight = rng.choice(flight_ids)
                start = plan.db.execute("SELECT start FROM flights WHERE id = ?",
                                        [flight]).fetchone()[0]
                flights.move_flight(plan, flight, dt.date.fromisoformat(start)
                                    + dt.timedelta(days=rng.randrange(-3, 4) or 1))
            elif kind < 0.95:
                campaigns.update_campaign(plan, rng.choice(campaign_ids),
                                          notes=f"note {rng.randrange(10**6)}")
            else:
                channels.update_channel(plan, rng.choice(channel_ids),
                                        notes=f"cap review {rng.randrange(10**6)}")
        except PlannerError:
            pass
    plan.db.execute("PRAGMA synchronous = FULL")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["CAMPAIGN_PLANNER_HOME"] = str(Path(folder) / "home")
        from planner.demo import build_demo
        from planner.merge import apply_merge, choose_all, merge_preview
        from planner.storage.plan_file import open_plan, save_copy

        mine = build_demo(Path(folder) / "mine.cplan", year=2026, today=dt.date(2026, 5, 1))
        theirs = open_plan(save_copy(mine, Path(folder) / "theirs.cplan"))
        flights = mine.db.execute("SELECT COUNT(*) FROM flights").fetchone()[0]
        t0 = time.perf_counter()
        _edit(mine, random.Random(args.seed), args.edits)
        _edit(theirs, random.Random(args.seed + 1), args.edits)
        theirs.close()
        print(f"demo plan: {flights} flights; {args.edits} edits on each side "
              f"(setup {time.perf_counter() - t0:.1f} s)")

        t0 = time.perf_counter()
        preview = merge_preview(mine, Path(folder) / "theirs.cplan")
        took = {"preview": time.perf_counter() - t0}
        print(f"preview: {len(preview.side('theirs'))} changes from theirs, "
              f"{len(preview.side('mine'))} only here, {len(preview.side('same'))} alike, "
              f"{len(preview.conflicts)} conflicts")
        t0 = time.perf_counter()
        done = apply_merge(mine, preview, choose_all(preview, "theirs"))
        took["apply"] = time.perf_counter() - t0
        print(f"apply: {len(done.findings)} findings after the merge, "
              f"{len(done.created)} created by it")
        mine.close()
    missed = 0
    for name, seconds in took.items():
        ok = seconds < TARGETS[name]
        missed += not ok
        print(f"{name:<8} {seconds:7.3f} s   target < {TARGETS[name]:g} s   "
              f"{'pass' if ok else 'MISS'}")
    print(f"targets missed: {missed}")


if __name__ == "__main__":
    main()
