"""`planner optimize`, `frontier`, `scenarios` and `apply` on the demo plan: output,
exit codes (0 done, 1 user error, 2 bad option, 4 impossible setup) and undo."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.cli import main
from planner.cli.optimise_commands import INFEASIBLE_EXIT
from planner.demo import build_demo
from planner.storage.plan_file import open_plan

TODAY = "2026-06-01"


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "d.cplan"
    build_demo(path, year=2026, today=dt.date(2026, 6, 1)).close()
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Path:
    return Path(shutil.copyfile(demo_file, tmp_path / "d.cplan"))


def run(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


def flights(path: Path) -> list[tuple]:
    with open_plan(path, read_only=True) as plan:
        return plan.db.execute("SELECT * FROM flights ORDER BY id").fetchall()


def test_optimize_prints_the_allocation_and_saves_a_scenario(demo: Path):
    result = run("optimize", demo, "--grain", "month", "--today", TODAY, "--name", "B")
    assert result.exit_code == 0, result.output
    out = result.output
    for text in ("天猫旗舰店", "Optimised", "Certified gap", "Binding constraints",
                 "brand share held at its floor", "5 month(s) before 2026-06-01 are fixed",
                 "saved as “B”"):
        assert text in out
    listed = run("scenarios", demo)
    assert listed.exit_code == 0 and "  B  [value ¥" in listed.output


def test_optimize_json_and_options(demo: Path):
    result = run("optimize", demo, "--grain", "month", "--today", TODAY, "--json",
                 "--budget", "70,000,000", "--brand-share", "0.4:0.45",
                 "--objective", "max-value-roas", "--min-roas", "2")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["inputs"]["budget_minor"] == 7_000_000_000
    assert data["inputs"]["brand_share"] == [0.4, 0.45]
    assert data["inputs"]["objective"] == "max_value_roas"
    assert data["result"]["status"] == "optimal"
    assert sum(c["spend_minor"] for c in data["result"]["channels"]) <= 7_000_000_000


def test_min_cost_reaches_the_revenue_target(demo: Path):
    result = run("optimize", demo, "--grain", "month", "--today", TODAY, "--json",
                 "--objective", "min-cost", "--revenue-target", "150,000,000")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)["result"]
    assert data["revenue_minor"] >= 15_000_000_000 * (1 - 1e-4)


def test_an_impossible_setup_exits_4_with_the_reason_on_stdout(demo: Path):
    result = run("optimize", demo, "--grain", "month", "--today", TODAY,
                 "--brand-share", "0.9:1.0")
    assert result.exit_code == INFEASIBLE_EXIT == 4
    assert "No allocation is possible" in result.stdout and "brand share" in result.stdout
    assert "infeasible" in run("scenarios", demo).output
    scenario_id = result.output.split("Scenario ")[1].split()[0]
    refused = run("apply", demo, scenario_id)
    assert refused.exit_code == 1 and "no allocation to apply" in refused.output


@pytest.mark.parametrize("args", [("--brand-share", "0.5:0.2"), ("--grain", "day"),
                                  ("--budget", "lots"), ("--objective", "max")])
def test_bad_options_exit_2(demo: Path, args: tuple[str, str]):
    assert run("optimize", demo, *args).exit_code == 2


def test_user_errors_exit_1(demo: Path, tmp_path: Path):
    assert run("optimize", tmp_path / "missing.cplan").exit_code == 1
    assert run("apply", demo, "no-such-scenario").exit_code == 1
    assert run("optimize", demo, "--objective", "min-cost").exit_code == 1  # no target


def test_frontier_table_and_json(demo: Path):
    result = run("frontier", demo, "--points", "4", "--grain", "month", "--today", TODAY)
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines() if line[:3].strip().isdigit()]
    assert len(rows) == 4
    data = json.loads(run("frontier", demo, "--points", "3", "--grain", "month", "--today",
                          TODAY, "--json").stdout)
    brand = [p["brand_response"] for p in data]
    revenue = [p["revenue_minor"] for p in data]
    assert brand == sorted(brand) and revenue == sorted(revenue, reverse=True)
    assert run("frontier", demo, "--points", "1").exit_code == 2


def test_apply_both_modes_then_undo(demo: Path):
    before = flights(demo)
    made = run("optimize", demo, "--grain", "month", "--today", TODAY, "--json")
    scenario_id = json.loads(made.stdout)["id"]
    applied = run("apply", demo, scenario_id, "--mode", "rescale")
    assert applied.exit_code == 0 and "(rescale)" in applied.output
    assert flights(demo) != before
    assert run("undo", demo).exit_code == 0
    assert flights(demo) == before
    added = run("apply", demo, scenario_id)
    assert added.exit_code == 0 and "2 campaign(s)" in added.output
    with open_plan(demo, read_only=True) as plan:  # the optimised flights replace the rest
        future = plan.db.execute('SELECT name FROM flights WHERE committed = 0 AND '
                                 '"end" >= ?', [TODAY]).fetchall()
    assert future and {name for (name,) in future} == {"Optimised brand", "Optimised promotion"}
    assert run("undo", demo).exit_code == 0 and flights(demo) == before
