"""Storage benchmark: a plan of 10,000 campaigns and 50,000 flights, end to end.

Measures, against the targets planners notice:

1. create   build the plan through the real write path (validated records inside
            a handful of captured actions) and report seconds and file size;
2. open     `open_plan` (writable, with its automatic backup, and again without
            it, so the backup's share is visible) plus `frames.load`;
3. roll-up  `budget.by_channel_period` by month and by week (exact phasing);
4. edit     one flight edit per user action through the services, each a durable
            commit (WAL + synchronous=FULL), and undo of those edits;
5. health   `health.check` on the whole plan, median of five runs.

Run it directly; pytest does not collect it::

    python tests/benchmarks/bench_storage.py [--campaigns 10000] [--flights 50000] [--edits 500]

Everything is written to a temporary folder (backups included, through
`CAMPAIGN_PLANNER_HOME`) that is removed afterwards. Data are drawn from a
seeded generator, so two runs build the same plan.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import datetime as dt
import io
import os
import platform
import pstats
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.benchmarks import bench_report  # noqa: E402
from tests.benchmarks.bench_report import Row, percentile, timed  # noqa: E402

YEAR = 2026
CHANNELS = 12
SEGMENTS = (("High value", "high"), ("Potential", "potential"), ("Low value", "low"))
EVEN_SHARE = 0.8
OTHER_PHASINGS: tuple[dict[str, Any], ...] = (
    {"pattern": "front", "ratio": 3},
    {"pattern": "back", "ratio": 2},
    {"pattern": "flighting", "on_days": 7, "off_days": 7},
    {"pattern": "pulsing", "on_days": 5, "off_days": 9, "base_share": 0.3},
)
FESTIVALS = ("618", "double_11")
CAMPAIGNS_PER_ACTION = 5_000
FLIGHTS_PER_ACTION = 10_000
HEALTH_RUNS = 5
HEALTH_BUDGET = 20.0  # seconds of health checks at most, so a slow check cannot stall the run
OPEN_RUNS = 3
TODAY = dt.date(YEAR, 6, 1)

# Targets in seconds; None: reported, no target given.
TARGET_OPEN_LOAD = 1.0
TARGET_EDIT_P95 = 0.005
TARGET_HEALTH = 0.5


# -- results --------------------------------------------------------------------------

@dataclasses.dataclass
class Report(bench_report.Report):
    failed_steps: list[str] = dataclasses.field(default_factory=list)

    def check(self, step: str, measure: str, seconds: float, target: float,
              unit: str = "s") -> None:
        ok = seconds < target
        self.rows.append(Row(measure, _fmt(seconds, unit), f"< {_fmt(target, unit)}", ok))
        if not ok and step not in self.failed_steps:
            self.failed_steps.append(step)


def _fmt(seconds: float, unit: str = "s") -> str:
    if unit == "ms":
        return f"{seconds * 1000:.2f} ms"
    return f"{seconds:.3f} s"


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


# -- data -----------------------------------------------------------------------------

class Ids:
    """UUIDs from the seeded generator, so a rerun builds the very same plan."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng

    def __call__(self) -> str:
        return str(uuid.UUID(int=self._rng.getrandbits(128), version=4))


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def build_plan(path: Path, n_campaigns: int, n_flights: int, rng: random.Random) -> dict:
    """Create the plan through the real write path; return what later steps need."""
    from planner.domain import entities as e
    from planner.services import records
    from planner.services.events import festival_events
    from planner.storage.plan_file import create_plan

    new_id = Ids(rng)
    settings = e.PlanSettings(
        name="Benchmark plan", currency="CNY",
        horizon_start=dt.date(YEAR, 1, 1), horizon_end=dt.date(YEAR, 12, 31),
        total_budget_minor=n_flights * 30_000_000,
    )
    channels = [
        e.Channel(id=new_id(), name=f"Channel {i + 1:02d}",
                  kind=e.CHANNEL_KINDS[i % len(e.CHANNEL_KINDS)], sort_order=i)
        for i in range(CHANNELS)
    ]
    segments = [e.Segment(id=new_id(), name=name, tier=tier, sort_order=i)
                for i, (name, tier) in enumerate(SEGMENTS)]
    events = [dataclasses.replace(ev, id=new_id()) for ev in festival_events([YEAR], "en")
              if ev.festival_key in FESTIVALS]
    events += [
        e.Event(id=new_id(), kind="blackout", name="Brand safety freeze",
                start=dt.date(YEAR, 4, 1), end=dt.date(YEAR, 4, 3)),
        e.Event(id=new_id(), kind="blackout", name="Platform migration",
                start=dt.date(YEAR, 7, 10), end=dt.date(YEAR, 7, 12), channel_id=channels[0].id),
        e.Event(id=new_id(), kind="blackout", name="Quiet period",
                start=dt.date(YEAR, 9, 28), end=dt.date(YEAR, 10, 7), channel_id=channels[5].id),
    ]

    campaigns: list[e.Campaign] = []
    kpis: list[e.KpiTarget] = []
    for i in range(n_campaigns):
        objective = rng.choice(e.OBJECTIVES)
        share = {"brand": 10000, "promotion": 0}.get(objective, rng.randint(1, 9999))
        campaign = e.Campaign(
            id=new_id(), name=f"Campaign {i + 1:05d}", objective=objective,
            brand_share_bp=share, segment_id=rng.choice(segments).id,
            festival_key=rng.choice(FESTIVALS) if rng.random() < 0.1 else None,
        )
        campaigns.append(campaign)
        kpis.append(e.KpiTarget(id=new_id(), campaign_id=campaign.id,
                                category=rng.choice(e.KPI_CATEGORIES), metric="GMV",
                                target=float(rng.randint(1, 1000) * 1000)))

    year_start = dt.date(YEAR, 1, 1)
    year_days = (dt.date(YEAR, 12, 31) - year_start).days + 1
    flights: list[e.Flight] = []
    for _ in range(n_flights):
        days = rng.randint(1, 60)
        start = year_start + dt.timedelta(days=rng.randrange(year_days - days + 1))
        phasing = None if rng.random() < EVEN_SHARE else dict(rng.choice(OTHER_PHASINGS))
        committed = rng.random() < 0.3
        flights.append(e.Flight(
            id=new_id(), campaign_id=rng.choice(campaigns).id,
            channel_id=rng.choice(channels).id, start=start,
            end=start + dt.timedelta(days=days - 1),
            budget_minor=rng.randint(100, 500_000) * 100, phasing=phasing,
            committed=committed,
            booked_on=start - dt.timedelta(days=rng.randint(10, 90)) if committed else None,
        ))

    plan = create_plan(path, settings)
    try:
        with plan.action("Set up channels, segments and events", "import"):
            for entity in (*channels, *segments, *events):
                records.write_new(plan, entity)
        for chunk in _chunks(list(zip(campaigns, kpis, strict=True)), CAMPAIGNS_PER_ACTION):
            with plan.action(f"Import {len(chunk)} campaigns", "import"):
                for campaign, kpi in chunk:
                    records.write_new(plan, campaign)
                    records.write_new(plan, kpi)
        for chunk in _chunks(flights, FLIGHTS_PER_ACTION):
            with plan.action(f"Import {len(chunk)} flights", "import"):
                for flight in chunk:
                    records.write_new(plan, flight)
        actions = plan.db.execute("SELECT COUNT(*) FROM actions").fetchone()[0]
    finally:
        plan.close()
    return {
        "flight_ids": [f.id for f in flights],
        "budget_total": sum(f.budget_minor for f in flights),
        "actions": actions,
        "records": len(channels) + len(segments) + len(events) + 2 * n_campaigns + n_flights,
    }


# -- steps ----------------------------------------------------------------------------

def step_create(report: Report, path: Path, args: argparse.Namespace,
                rng: random.Random) -> dict:
    seconds, built = timed(lambda: build_plan(path, args.campaigns, args.flights, rng))
    report.info("create: build plan (records via real write path)", _fmt(seconds))
    report.info("create: records / actions",
                f"{built['records']:,} in {built['actions']} actions")
    report.info("create: file size (closed)", _mib(path.stat().st_size))
    return built


def step_open_load(report: Report, path: Path) -> None:
    from planner.services import frames
    from planner.storage.plan_file import open_plan

    with_backup: list[float] = []
    without_backup: list[float] = []
    loads: list[float] = []
    backup_size = 0
    for _ in range(OPEN_RUNS):
        for take_backup, bucket in ((True, with_backup), (False, without_backup)):
            seconds, plan = timed(lambda tb=take_backup: open_plan(path, take_backup=tb))
            try:
                bucket.append(seconds)
                if plan.backup is not None:
                    backup_size = plan.backup.path.stat().st_size
                load_seconds, loaded = timed(lambda p=plan: frames.load(p))
                loads.append(load_seconds)
                n = len(loaded.flights)
            finally:
                plan.close()
    open_b = statistics.median(with_backup)
    open_nb = statistics.median(without_backup)
    load = statistics.median(loads)
    report.info(f"open_plan, writable, with backup (median of {OPEN_RUNS})", _fmt(open_b))
    report.info(f"open_plan, take_backup=False (median of {OPEN_RUNS})", _fmt(open_nb))
    share = open_b - open_nb
    report.info("  of which backup", f"{_fmt(share)} ({share / open_b:.0%} of open)")
    report.info("  backup file size", _mib(backup_size))
    report.info(f"frames.load ({n:,} flights, median of {2 * OPEN_RUNS})", _fmt(load))
    report.check("open", "open (with backup) + load", open_b + load, TARGET_OPEN_LOAD)
    report.info("open (no backup) + load", _fmt(open_nb + load))


def step_rollup(report: Report, path: Path, budget_total: int) -> None:
    from planner.services import budget, frames
    from planner.storage.plan_file import open_plan

    plan = open_plan(path, take_backup=False)
    try:
        loaded = frames.load(plan)
    finally:
        plan.close()
    for grain in ("month", "week"):
        seconds, table = timed(lambda g=grain: budget.by_channel_period(loaded, g))
        total = int(table.to_numpy().sum())
        exact = "exact" if total == budget_total else f"OFF BY {total - budget_total}"
        report.info(f"roll-up by_channel_period '{grain}' ({table.shape[1]} periods, {exact})",
                    _fmt(seconds))


def step_edits(report: Report, path: Path, flight_ids: list[str], n_edits: int,
               rng: random.Random) -> None:
    from planner.errors import PlannerError
    from planner.services import flights
    from planner.storage import history
    from planner.storage.plan_file import open_plan

    plan = open_plan(path, take_backup=False)
    try:
        mode = plan.db.execute("PRAGMA journal_mode").fetchone()[0]
        sync = plan.db.execute("PRAGMA synchronous").fetchone()[0]
        report.info("edit: journal_mode / synchronous",
                    f"{mode} / {({0: 'OFF', 1: 'NORMAL', 2: 'FULL', 3: 'EXTRA'}).get(sync, sync)}")
        report.info("edit: disk floor, write + fsync 4 KiB (median)",
                    _fmt(fsync_floor(path.parent), "ms"))
        year_start = dt.date(YEAR, 1, 1)
        latencies: list[float] = []
        done: list[tuple[str, str]] = []  # (service, action id), oldest first
        for i in range(n_edits):
            flight_id = rng.choice(flight_ids)
            if i % 2 == 0:
                budget_minor = rng.randint(100, 500_000) * 100
                seconds, result = timed(lambda f=flight_id, b=budget_minor: flights.update_flight(
                    plan, f, budget_minor=b))
                done.append(("update_flight", result.action_id))
            else:
                start = year_start + dt.timedelta(days=rng.randrange(300))
                seconds, result = timed(lambda f=flight_id, s=start: flights.move_flight(
                    plan, f, s))
                done.append(("move_flight", result.action_id))
            latencies.append(seconds)
            # A move onto the flight's own start writes nothing and leaves no action.
            if not plan.db.execute("SELECT 1 FROM actions WHERE id = ?",
                                   [result.action_id]).fetchone():
                done.pop()
        # Undo every edit, newest first, each its own action like Ctrl+Z. An undo that
        # fails rolls back and leaves the plan as it was; it is counted, not timed.
        undos: list[float] = []
        failures: dict[str, list[str]] = {"update_flight": [], "move_flight": []}
        for service, action_id in reversed(done):
            start_time = time.perf_counter()
            try:
                history.undo(plan, action_id)
            except (PlannerError, sqlite3.Error) as exc:
                failures[service].append(f"{type(exc).__name__}: {exc}")
                continue
            undos.append(time.perf_counter() - start_time)
    finally:
        plan.close()
    report.info(f"edit commit p50 ({n_edits} edits: update_flight / move_flight)",
                _fmt(percentile(latencies, 50), "ms"))
    report.check("edit", "edit commit p95", percentile(latencies, 95), TARGET_EDIT_P95, "ms")
    report.info("edit commit max", _fmt(max(latencies), "ms"))
    if undos:
        report.info(f"undo p50 ({len(undos)} undos, newest first)",
                    _fmt(percentile(undos, 50), "ms"))
        report.info("undo p95", _fmt(percentile(undos, 95), "ms"))
    for service, errors in failures.items():
        attempted = sum(1 for s, _ in done if s == service)
        ok = not errors
        first = f" ({errors[0][:70]})" if errors else ""
        report.rows.append(Row(f"undo of {service} refused or failed",
                               f"{len(errors)} of {attempted}{first}", "0", ok))
        if not ok and "undo" not in report.failed_steps:
            report.failed_steps.append("undo")


def step_health(report: Report, path: Path) -> None:
    from planner.services import health
    from planner.storage.plan_file import open_plan

    plan = open_plan(path, take_backup=False)
    try:
        runs: list[float] = []
        findings: list = []
        # Five runs, unless a slow check would push the whole benchmark past its budget.
        while len(runs) < HEALTH_RUNS and (not runs or sum(runs) < HEALTH_BUDGET):
            seconds, findings = timed(lambda: health.check(plan, TODAY))
            runs.append(seconds)
    finally:
        plan.close()
    cut = "" if len(runs) == HEALTH_RUNS else f", stopped after {HEALTH_BUDGET:.0f} s"
    report.check("health", f"health.check (median of {len(runs)}{cut}; {len(findings)} findings)",
                 statistics.median(runs), TARGET_HEALTH)


def fsync_floor(folder: Path, samples: int = 50) -> float:
    """Median time to write and fsync 4 KiB in `folder`: the floor under a durable commit."""
    probe = folder / "fsync.probe"
    times = []
    fd = os.open(probe, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        for _ in range(samples):
            os.lseek(fd, 0, os.SEEK_SET)
            start = time.perf_counter()
            os.write(fd, b"\0" * 4096)
            os.fsync(fd)
            times.append(time.perf_counter() - start)
    finally:
        os.close(fd)
        probe.unlink(missing_ok=True)
    return statistics.median(times)


# -- profiling of failed steps (--profile) ---------------------------------------------

def profile_step(step: str, path: Path, flight_ids: list[str], top: int) -> None:
    from planner.services import flights, frames, health
    from planner.storage.plan_file import open_plan

    profiler = cProfile.Profile()
    if step == "open":
        profiler.enable()
        plan = open_plan(path)
        frames.load(plan)
        profiler.disable()
        plan.close()
    elif step == "health":
        plan = open_plan(path, take_backup=False)
        load_seconds, loaded = timed(lambda: frames.load(plan))
        print(f"\n--- health.check by part ---\n{'frames.load':28} {load_seconds:8.3f} s")
        for rule in health.RULES:
            seconds, found = timed(lambda r=rule: r(loaded, TODAY))
            print(f"{rule.__name__:28} {seconds:8.3f} s  ({len(found)} findings)")
        profiler.runcall(health.check, plan, TODAY)
        plan.close()
    elif step == "edit":
        plan = open_plan(path, take_backup=False)
        rng = random.Random(1)
        profiler.enable()
        for _ in range(100):
            flights.update_flight(plan, rng.choice(flight_ids),
                                  budget_minor=rng.randint(1, 1000) * 100)
        profiler.disable()
        plan.close()
    else:
        return
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    print(f"\n--- cProfile: {step} (top {top} by cumulative time) ---")
    print(out.getvalue())


# -- main -----------------------------------------------------------------------------

def machine() -> str:
    return (f"python {platform.python_version()} ({platform.python_implementation()}), "
            f"sqlite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs, "
            f"{platform.system()} {platform.machine()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--campaigns", type=int, default=10_000)
    parser.add_argument("--flights", type=int, default=50_000)
    parser.add_argument("--edits", type=int, default=500)
    parser.add_argument("--seed", type=int, default=20260601)
    parser.add_argument("--profile", action="store_true",
                        help="profile every step that misses its target")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="bench-storage-"))
    previous_home = os.environ.get("CAMPAIGN_PLANNER_HOME")
    # Before planner is imported: backups and app data land in the temporary folder.
    os.environ["CAMPAIGN_PLANNER_HOME"] = str(workdir / "home")
    try:
        rng = random.Random(args.seed)
        path = workdir / "bench.cplan"
        report = Report()
        started = time.perf_counter()
        built = step_create(report, path, args, rng)
        step_open_load(report, path)
        step_rollup(report, path, built["budget_total"])
        step_edits(report, path, built["flight_ids"], args.edits, rng)
        step_health(report, path)
        total = time.perf_counter() - started

        print(f"machine: {machine()}")
        print(f"plan: {args.campaigns:,} campaigns, {args.flights:,} flights, "
              f"{CHANNELS} channels, {len(SEGMENTS)} segments; seed {args.seed}; "
              f"temp dir {workdir}")
        print()
        report.print()
        print()
        failed = ", ".join(report.failed_steps) or "none"
        print(f"total run {total:.1f} s; targets missed: {failed}")
        if args.profile:
            for step in report.failed_steps:
                profile_step(step, path, built["flight_ids"], top=25)
        return 1 if report.failed_steps else 0
    finally:
        if previous_home is None:
            os.environ.pop("CAMPAIGN_PLANNER_HOME", None)
        else:
            os.environ["CAMPAIGN_PLANNER_HOME"] = previous_home
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
