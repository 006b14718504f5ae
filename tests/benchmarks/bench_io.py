"""Import/export benchmark: 10,000 flights out to CSV and xlsx and back in.

Measures, against the targets of issue 5:

1. export CSV   `export_csv` of the plan (target < 0.3 s);
2. export xlsx  `planner.io.workbook.export_xlsx` when that module is present
                (target < 3 s);
3. import CSV   `import_file(kind="flights")` of the CSV into an empty plan (< 2 s);
4. import xlsx  the same from a workbook with sheets Campaigns and Flights written
                from `table_rows`, read by python-calamine after the safety scan (< 2 s);
5. re-import    the CSV into the plan it came from (every row matched by id).

Run it directly; pytest does not collect it::

    python tests/benchmarks/bench_io.py [--flights 10000]

Plans are generated outside the timings, in a temporary folder removed afterwards.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from planner.domain.entities import Campaign, Channel, Flight, PlanSettings, new_id
from planner.io.columns import CAMPAIGNS_SHEET, FLIGHTS_SHEET, table_rows
from planner.io.csv_export import export_csv
from planner.io.imports import import_file
from planner.storage import rows
from planner.storage.plan_file import Plan, create_plan

SETTINGS = PlanSettings(name="Bench 计划", horizon_start=dt.date(2026, 1, 1),
                        horizon_end=dt.date(2026, 12, 31))


def build(path: Path, flights: int) -> Plan:
    rng = random.Random(5)
    plan = create_plan(path, SETTINGS)
    channel_ids = [new_id() for _ in range(20)]
    campaign_ids = [new_id() for _ in range(200)]
    with plan.action("Bench plan"):
        for i, cid in enumerate(channel_ids):
            rows.insert(plan.db, Channel(id=cid, name=f"渠道 {i} channel", kind="search",
                                         sort_order=i))
        for i, cid in enumerate(campaign_ids):
            rows.insert(plan.db, Campaign(id=cid, name=f"活动 {i} campaign", objective="mixed",
                                          brand_share_bp=rng.randint(1, 9999),
                                          tags=("大促", f"t{i}")))
        for i in range(flights):
            start = SETTINGS.horizon_start + dt.timedelta(days=rng.randint(0, 300))
            phasing = {"pattern": "front", "ratio": 2.5} if i % 3 == 0 else None
            rows.insert(plan.db, Flight(
                id=new_id(), campaign_id=rng.choice(campaign_ids),
                channel_id=rng.choice(channel_ids), start=start,
                end=start + dt.timedelta(days=rng.randint(0, 60)),
                budget_minor=rng.randint(0, 10**10), phasing=phasing, name=f"排期 {i}",
                notes="-note" if i % 7 == 0 else "", committed=i % 2 == 0))
    return plan


def write_xlsx(plan: Plan, path: Path) -> None:
    import openpyxl

    campaign_headers, campaign_rows, flight_headers, flight_rows = table_rows(plan)
    book = openpyxl.Workbook(write_only=True)
    for name, header, data in ((CAMPAIGNS_SHEET, campaign_headers, campaign_rows),
                               (FLIGHTS_SHEET, flight_headers, flight_rows)):
        sheet = book.create_sheet(name)
        sheet.append(header)
        for row in data:
            sheet.append([float(v) if isinstance(v, Decimal) else v for v in row])
    book.save(path)


def _records(plan: Plan) -> list[list[list[object]]]:
    """Every campaign and flight row, by id (a flat CSV keeps flight order, not the
    campaigns' creation order)."""
    return [sorted(part) for part in table_rows(plan)[1::2]]


def timed(step: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = step()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--flights", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        os.environ["CAMPAIGN_PLANNER_HOME"] = str(root / "home")
        source = build(root / "source.cplan", args.flights)
        results: list[tuple[str, float, float | None]] = []
        seconds, _ = timed(lambda: export_csv(source, root / "f.csv"))
        results.append(("export CSV", seconds, 0.3))
        if importlib.util.find_spec("planner.io.workbook") is not None:
            from planner.io.workbook import export_xlsx

            seconds, _ = timed(lambda: export_xlsx(source, root / "export.xlsx"))
            results.append(("export xlsx (workbook.export_xlsx)", seconds, 3.0))
        write_xlsx(source, root / "f.xlsx")
        for name, file in (("import CSV", "f.csv"), ("import xlsx", "f.xlsx")):
            target = create_plan(root / f"{file}.cplan", SETTINGS)
            seconds, report = timed(lambda t=target, f=file: import_file(t, root / f, "flights"))
            assert report.ok and report.added["flights"] == args.flights, report.summary()
            assert _records(target) == _records(source), f"{name}: not a round trip"
            results.append((name, seconds, 2.0))
            target.close()
        seconds, report = timed(lambda: import_file(source, root / "f.csv", "flights"))
        assert report.ok and report.unchanged >= args.flights, report.summary()
        results.append(("re-import CSV (no changes)", seconds, 2.0))
        source.close()
    print(f"{args.flights:,} flights")
    print(f"{'step':<38}{'seconds':>9}{'target':>9}  ok")
    for name, seconds, target in results:
        verdict = "" if target is None else ("yes" if seconds < target else "NO")
        print(f"{name:<38}{seconds:>9.3f}{target or '':>9}  {verdict}")


if __name__ == "__main__":
    main()
