"""The `planner` command: every command documented, user errors one line, exit codes."""

from __future__ import annotations

import datetime as dt
import json

import click
import pytest
from click.testing import CliRunner

from planner.cli import FINDINGS_EXIT, main
from planner.services import campaigns, channels, flights
from planner.storage.plan_file import open_plan


def _commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


@pytest.mark.parametrize("path", [p for p, _ in _commands(main)], ids=" ".join)
def test_every_command_has_help_with_an_example(path):
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0
    command = dict(_commands(main))[path]
    if not isinstance(command, click.Group):
        assert "Example:" in result.output


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_new_info_check_roundtrip(tmp_path):
    path = tmp_path / "p.cplan"
    assert run("new", path, "--name", "2027 计划", "--year", "2027",
               "--budget", "1,000,000").exit_code == 0
    result = run("info", path)
    assert result.exit_code == 0
    assert "2027 计划" in result.output and "¥1,000,000.00" in result.output
    assert "2027-01-01 – 2027-12-31" in result.output
    assert run("check", path).exit_code == 0


def test_check_exits_3_with_findings_and_json(tmp_path):
    path = tmp_path / "p.cplan"
    run("new", path, "--year", "2026", "--budget", "10")
    with open_plan(path) as plan:
        shop = channels.create_channel(plan, "Tmall", "web_shop").created_id
        camp = campaigns.create_campaign(plan, "618", "promotion").created_id
        flights.add_flight(plan, camp, shop, dt.date(2026, 6, 1), dt.date(2026, 6, 3), 5000)
    result = run("check", path, "--json")
    assert result.exit_code == FINDINGS_EXIT
    rules = {f["rule"] for f in json.loads(result.output)}
    assert {"over_budget", "no_kpi_target"} <= rules


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("info", "{dir}/missing.cplan"), "no such plan file"),
        (("info", "{dir}/text.cplan"), "not a plan file"),
        (("new", "{dir}/text.cplan"), "already exists"),
        (("new", "{dir}/x.cplan", "--budget", "lots"), "not an amount of money"),
        (("new", "{dir}/x.cplan", "--currency", "yuan"), "plan.currency"),
        (("check", "{dir}/text.cplan", "--today", "June"), "not a date"),
        (("undo", "{dir}/empty.cplan"), "nothing to undo"),
    ],
)
def test_user_errors_are_one_line_exit_1(tmp_path, args, message):
    (tmp_path / "text.cplan").write_text("hello", encoding="utf-8")
    run("new", tmp_path / "empty.cplan")
    result = CliRunner().invoke(main, [a.format(dir=tmp_path) for a in args])
    assert result.exit_code in (1, 2)
    error = result.stderr.strip() if result.stderr else result.output.strip()
    assert message in error
    assert "Traceback" not in result.output
    if result.exit_code == 1:
        assert len(error.splitlines()) == 1


def test_search_undo_redo_log(tmp_path):
    path = tmp_path / "p.cplan"
    run("new", path)
    with open_plan(path) as plan:
        campaigns.create_campaign(plan, "春节 年货节 Spring sale", "promotion",
                                  tags=["春节"], notes="大促前两周预热")
    assert "年货节" in run("search", path, "春节").output
    assert "年货节" in run("search", path, "Spring").output
    assert run("undo", path).output.startswith("Undone: Add campaign")
    assert run("search", path, "春节").stdout == ""
    assert run("redo", path).output.startswith("Redone: Add campaign")
    log = run("log", path).output
    assert "Redo Add campaign" in log and "campaigns" in log


def test_backup_create_list_restore(tmp_path):
    path = tmp_path / "p.cplan"
    run("new", path, "--name", "Before")
    created = run("backup", "create", path)
    assert created.exit_code == 0
    backup_file = created.output.strip().split(" to ", 1)[1]
    with open_plan(path) as plan:
        from planner.services.plan_settings import update_settings

        update_settings(plan, name="After")
    assert "manual" in run("backup", "list", path).output
    restored = run("backup", "restore", backup_file, path)
    assert restored.exit_code == 0, restored.output
    assert "Before" in run("info", path).output


def test_restore_refuses_another_plans_backup(tmp_path):
    a, b = tmp_path / "a.cplan", tmp_path / "b.cplan"
    run("new", a)
    run("new", b)
    backup_file = run("backup", "create", a).output.strip().split(" to ", 1)[1]
    result = run("backup", "restore", backup_file, b)
    assert result.exit_code == 1
    assert "another plan" in result.stderr
