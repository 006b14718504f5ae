"""Imports collect every problem, located; nothing is written unless all is valid.
Also actuals, history and the `planner import` command."""

from __future__ import annotations

import csv
import datetime as dt

from click.testing import CliRunner

from planner.cli import main
from planner.io.csv_export import export_csv
from planner.io.imports import import_file
from planner.services import campaigns, channels, flights
from tests.planner.io_support import Snapshot, write_rows

HEADER = ["ID", "Campaign", "Channel", "Channel kind", "Start", "End", "Budget"]
FLIGHT = "3f2b0c1e-0000-4000-8000-000000000001"


def _csv(path, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _small_plan(plan):
    channel = channels.create_channel(plan, "天猫", "web_shop").created_id
    campaign = campaigns.create_campaign(plan, "618", "promotion").created_id
    flight = flights.add_flight(plan, campaign, channel, dt.date(2026, 6, 1),
                                dt.date(2026, 6, 18), 100_000_00).created_id
    return channel, campaign, flight


def test_every_problem_is_listed_with_its_place_and_nothing_is_written(plan, tmp_path):
    _small_plan(plan)
    path = _csv(tmp_path / "bad.csv", [
        ["id", "活动", "渠道", "Start", "End", "预算"],
        [FLIGHT, "618", "No such channel", "2026-06-01", "2026-06-10", "10"],
        ["", "618", "天猫", "2026-06-10", "2026-06-01", "10"],
        ["", "618", "天猫", "2026-06-01", "2026-06-10", "ten yuan"],
        ["", "618", "天猫", "2027-06-01", "2027-06-10", "10"],
        [FLIGHT, "618", "天猫", "2026-06-01", "2026-06-10", "10"],
        [FLIGHT, "618", "天猫", "2026-06-01", "2026-06-10", "10"],
        ["", "618", "天猫", "June 1st", "2026-06-10", "10.001"],
    ])
    snapshot = Snapshot(plan)
    report = import_file(plan, path, "flights")
    found = {(p.row, p.column, p.reason.split(";")[0]) for p in report.problems}
    assert (2, "渠道", "unknown channel") in found
    assert (3, "End", "flight.end must not be before start 2026-06-10") in found
    assert (4, "预算", "is not a number") in found
    assert any(p.row == 5 and p.column == "Start" and "horizon" in p.reason
               for p in report.problems)
    assert (6, "id", "repeats the flight of row 2") in found
    assert (7, "id", "repeats the flight of row 2") in found
    assert (8, "Start", "is not a date like 2026-06-18") in found
    assert (8, "预算", "has more decimals than CNY allows (2)") in found
    assert all(p.file == "bad.csv" for p in report.problems)
    assert "nothing was imported" in report.summary()
    assert snapshot.unchanged()


def test_missing_columns_and_empty_file(plan, tmp_path):
    report = import_file(plan, _csv(tmp_path / "a.csv", [["Start", "End"], ["x", "y"]]),
                         "flights")
    reasons = " ".join(p.reason for p in report.problems)
    assert "“Campaign” (活动)" in reasons and "“Channel” (渠道)" in reasons
    (tmp_path / "empty.csv").write_bytes(b"")
    assert not import_file(plan, tmp_path / "empty.csv", "flights").ok


def test_xlsx_problems_name_the_sheet(plan, tmp_path):
    _small_plan(plan)
    path = write_rows(tmp_path / "f.xlsx", [HEADER, ["", "618", "天猫", "", dt.date(2026, 6, 1),
                                                     dt.date(2026, 6, 9), -5]])
    report = import_file(plan, path, "flights")
    problem = report.problems[0]
    assert (problem.sheet, problem.row, problem.column, problem.value) == \
        ("Flights", 2, "Budget", -5)
    assert "Flights" in problem.describe() and "row 2" in problem.describe()


def test_actuals_per_flight_and_per_channel_reimport_is_idempotent(plan, tmp_path):
    channel, _, flight = _small_plan(plan)
    path = _csv(tmp_path / "actuals.csv", [
        ["Flight ID", "Channel", "Start", "End", "Spend", "营收", "Clicks"],
        [flight, "", "2026-06-01", "2026-06-07", "40000.50", "120000", "900"],
        ["", "天猫", "2026-06-08", "2026-06-14", "1,000", "", ""],
    ])
    report = import_file(plan, path, "actuals")
    assert report.ok and report.added == {"actuals": 2}
    got = list(plan.db.execute('SELECT flight_id, channel_id, spend_minor, revenue_minor, clicks '
                               "FROM actuals ORDER BY start"))
    assert got == [(flight, channel, 4000050, 12000000, 900), (None, channel, 100000, None, None)]
    again = import_file(plan, path, "actuals")
    assert again.ok and again.unchanged == 2 and again.action_id is None


def test_actuals_problems(plan, tmp_path):
    _small_plan(plan)
    path = _csv(tmp_path / "actuals.csv", [
        ["Flight ID", "Channel", "Start", "End", "Spend"],
        [FLIGHT, "", "2026-06-01", "2026-06-07", "1"],
        ["", "抖音", "2026-06-01", "2026-06-07", "1"],
        ["", "天猫", "2026-06-07", "2026-06-01", "1"],
    ])
    snapshot = Snapshot(plan)
    report = import_file(plan, path, "actuals")
    assert [(p.row, p.column) for p in report.problems] == \
        [(2, "Flight ID"), (3, "Channel"), (4, "End")]
    assert snapshot.unchanged()


def test_history_wide_table(plan, tmp_path):
    path = _csv(tmp_path / "h.csv", [["date", "TV", "Search", "revenue"],
                                     ["2025-01-06", "100", "50", "900"],
                                     ["2025-01-13", "120", "40", "950"]])
    report = import_file(plan, path, "history")
    assert report.ok and report.added == {"history": 4, "channels": 2}
    assert plan.db.execute("SELECT COUNT(*) FROM history").fetchone() == (4,)
    bad = _csv(tmp_path / "b.csv", [["when", "TV"], ["x", "1"]])
    assert "no date column" in import_file(plan, bad, "history").problems[0].reason


def test_cli_import_dry_run_then_import_and_problems(plan, tmp_path):
    _small_plan(plan)
    export_csv(plan, tmp_path / "f.csv")
    path = plan.path
    plan.close()
    runner = CliRunner()
    result = runner.invoke(main, ["import", str(path), str(tmp_path / "f.csv"), "--kind",
                                  "flights", "--dry-run"])
    assert result.exit_code == 0 and "would add nothing" in result.output
    bad = _csv(tmp_path / "bad.csv", [HEADER, ["", "618", "天猫", "", "x", "2026-06-01", "1"]])
    result = runner.invoke(main, ["import", str(path), str(bad), "--kind", "flights"])
    assert result.exit_code == 1
    assert "bad.csv, row 2, column 'Start': 'x': is not a date" in result.output
    assert "1 problem(s); nothing was imported" in result.output
