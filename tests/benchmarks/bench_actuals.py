"""Platform actuals benchmark: a 100,000-row daily export, CSV and xlsx, with matching.

Measures, against the targets of issue 10 (< 3 s and < 500 MB each):

1. CSV   a 巨量引擎-style GB18030 export (metadata lines, 合计 row) checked, matched by
         20 "contains" and 5 "regex" rules, and written into a plan as one action;
2. xlsx  the same rows in a workbook (written by xlsxwriter), read by calamine after
         the safety scan, checked, matched and written;
3. re-import of the CSV into the plan it went into (every row unchanged).

Each case runs in a process of its own. Time is measured without tracing, split into
the check (read, match, compare) and the write (one action); peak memory is measured
as that run's peak resident size, and in a second run under tracemalloc (Python
allocations, calamine's own excluded). Run it directly; pytest does not collect it::

    python tests/benchmarks/bench_actuals.py [--rows 100000]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from planner.domain.entities import Channel, PlanSettings, new_id
from planner.io.imports import write_import
from planner.io.platforms.check import check_platform_import
from planner.io.platforms.rules import MatchRule, set_match_rules
from planner.storage import rows
from planner.storage.plan_file import Plan, create_plan, open_plan

HEADER = ["日期", "广告主ID", "计划ID", "计划名称", "消耗(元)", "展示数", "点击数", "转化数",
          "成交金额"]
CHANNELS = 20


def data(count: int) -> list[list[str]]:
    campaigns = max(1, count // 365)
    out = []
    for i in range(count):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=i // campaigns)
        n = i % campaigns
        out.append([f"{day.year}/{day.month}/{day.day}", "1690000000000001",
                    f"17{n:014d}", f"渠道{n % CHANNELS}-计划{n}",
                    f"{(i * 7919) % 10_000_000 / 100:,.2f}", "12000", "345", "12", "888.00"])
    return out


def write_csv(path: Path, lines: list[list[str]]) -> Path:
    with path.open("w", encoding="gb18030", newline="") as out:
        writer = csv.writer(out)
        writer.writerows([["巨量引擎 广告投放数据报表"], ["时间范围：2026-01-01 至 2026-12-31"],
                          HEADER, *lines, ["合计"]])
    return path


def write_xlsx(path: Path, lines: list[list[str]]) -> Path:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("报表")
    sheet.write_row(0, 0, ["巨量引擎 广告投放数据报表"])
    sheet.write_row(1, 0, HEADER)
    for r, line in enumerate(lines, start=2):
        sheet.write_row(r, 0, [*line[:4], float(line[4].replace(",", "")), *map(int, line[5:8]),
                               float(line[8])])
    book.close()
    return path


def build(path: Path) -> Plan:
    plan = create_plan(path, PlanSettings(name="Bench 实际"))
    ids = [new_id() for _ in range(CHANNELS)]
    with plan.action("Bench channels"):
        for i, cid in enumerate(ids):
            rows.insert(plan.db, Channel(id=cid, name=f"渠道 {i}", kind="search"))
    rules = [MatchRule("regex", rf"^渠道{i}-", cid) for i, cid in enumerate(ids[:5])]
    rules += [MatchRule("contains", f"渠道{i}-", cid) for i, cid in enumerate(ids) if i >= 5]
    set_match_rules(plan, rules)
    return plan


def run(plan: Plan, path: Path) -> tuple[str, int, float, float]:
    """-> the report's summary, the matched spend, and the check's and write's seconds."""
    started = time.perf_counter()
    checked = check_platform_import(plan, path)
    checked_at = time.perf_counter()
    report = write_import(plan, checked)
    assert report.ok, [p.describe() for p in report.problems[:3]]
    return (report.summary(), checked.summary.matched_spend_minor, checked_at - started,
            time.perf_counter() - checked_at)


def case(label: str, folder: Path, source: Path, fresh: bool) -> None:
    """One case in this process (a fresh one per case, so its peak RSS is its own): a
    timed run, then a run under tracemalloc on a plan in the same state."""
    out = []
    for traced in (False, True):
        plan = build(folder / f"{label}-{traced}.cplan") if fresh else \
            open_plan(folder / "csv-False.cplan")
        if traced:
            tracemalloc.start()
        summary, spend, check, write = run(plan, source)
        out.append((check, write, tracemalloc.get_traced_memory()[1] / 2 ** 20))
        tracemalloc.stop()
        plan.close()
        if not traced:
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    (check, write, _), (_, _, peak) = out
    print(f"{label:10s} {check + write:6.2f} s = check {check:5.2f} + write {write:5.2f}   "
          f"peak traced {peak:6.1f} MB   peak RSS {rss:6.0f} MB   {summary}; "
          f"spend {spend / 100:,.2f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--case", nargs=3, metavar=("LABEL", "FOLDER", "SOURCE"),
                        help=argparse.SUPPRESS)  # one case, run by the parent process
    args = parser.parse_args()
    if args.case:
        label, folder, source = args.case
        case(label, Path(folder), Path(source), fresh=label != "re-import")
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        lines = data(args.rows)
        csv_path = write_csv(folder / "daily.csv", lines)
        xlsx_path = write_xlsx(folder / "daily.xlsx", lines)
        del lines
        print(f"{args.rows:,} rows: CSV {csv_path.stat().st_size / 2 ** 20:.1f} MB, "
              f"xlsx {xlsx_path.stat().st_size / 2 ** 20:.1f} MB (targets < 3 s, < 500 MB)",
              flush=True)
        for label, source in (("csv", csv_path), ("xlsx", xlsx_path), ("re-import", csv_path)):
            subprocess.run([sys.executable, __file__, "--case", label, str(folder),
                            str(source)], check=True)


if __name__ == "__main__":
    main()
