"""Plan commands: create, inspect, check, search, audit, undo, back up."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path

import click

from planner.cli import FINDINGS_EXIT, PLAN, main, open_read, open_write, parse_date
from planner.domain.money import format_money, to_minor


@main.command()
@PLAN
@click.option("--name", default="Untitled plan", help="Plan name.")
@click.option("--currency", default="CNY", show_default=True, help="ISO 4217 code.")
@click.option("--year", type=int, default=None, help="Horizon: this calendar year.")
@click.option("--budget", default="0", help="Total budget in major units, e.g. 60000000.")
def new(plan: Path, name: str, currency: str, year: int | None, budget: str) -> None:
    """Create an empty plan file.

    Example: planner new 2027.cplan --name "2027 plan" --year 2027 --budget 60000000
    """
    from planner.domain.entities import PlanSettings
    from planner.domain.validate import check
    from planner.storage.plan_file import create_plan

    year = year or dt.date.today().year
    try:
        total = to_minor(budget, currency)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--budget") from None
    settings = PlanSettings(name=name, currency=currency.upper(),
                            horizon_start=dt.date(year, 1, 1), horizon_end=dt.date(year, 12, 31),
                            total_budget_minor=total)
    check(settings)
    create_plan(plan, settings).close()
    click.echo(f"Created {plan}")


@main.command()
@PLAN
@click.option("--year", type=int, default=None, help="Plan year (default: this year).")
@click.option("--today", callback=parse_date, default=None,
              help="Pretend today is this date (decides which months have actuals).")
@click.option("--seed", type=int, default=2026, show_default=True, help="Random seed.")
def demo(plan: Path, year: int | None, today: dt.date | None, seed: int) -> None:
    """Create a realistic demo plan (channels, campaigns, flights, history, actuals).

    Example: planner demo demo.cplan --year 2026
    """
    from planner.demo import build_demo

    build_demo(plan, year=year, today=today, seed=seed).close()
    click.echo(f"Created demo plan {plan}")


@main.command()
@PLAN
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def info(plan: Path, as_json: bool) -> None:
    """Summary: horizon, budget, totals by channel and objective, brand share, counts.

    Example: planner info demo.cplan
    """
    from planner.services.summary import summarise

    with open_read(plan) as opened:
        summary = summarise(opened)
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2, default=str))
        return
    currency = summary["currency"]

    def money(minor: int) -> str:
        return format_money(minor, currency)

    click.echo(f"{summary['name']}  ({plan})")
    click.echo(f"Horizon   {summary['horizon_start']} – {summary['horizon_end']}"
               f"  · calendar {summary['calendar']}")
    t = summary["totals"]
    click.echo(f"Budget    {money(t['budget_minor'])}   planned {money(t['planned_minor'])}"
               f"   placeholders {money(t['placeholder_minor'])}"
               f"   committed {money(t['committed_minor'])}   actual {money(t['actual_minor'])}")
    share = summary["brand_share"]
    click.echo(f"Brand     {money(t['brand_minor'])}   promotion {money(t['promotion_minor'])}"
               f"   brand share {'–' if share is None else f'{share:.1%}'}"
               f" (range {summary['brand_share_range']})")
    click.echo("Counts    " + ", ".join(f"{n} {k}" for k, n in summary["counts"].items()))
    click.echo("\nBy channel")
    for row in summary["by_channel"]:
        cap = "" if row["max_spend_minor"] is None else f"   cap {money(row['max_spend_minor'])}"
        click.echo(f"  {row['name']:<28} {money(row['budget_minor']):>18}{cap}")
    click.echo("\nBy objective")
    for objective, minor in summary["by_objective"].items():
        click.echo(f"  {objective:<28} {money(minor):>18}")
    click.echo("\nBy segment tier")
    for tier, minor in summary["by_tier"].items():
        click.echo(f"  {tier:<28} {money(minor):>18}")


@main.command()
@PLAN
@click.option("--today", callback=parse_date, default=None, help="Check as of this date.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def check(plan: Path, today: dt.date | None, as_json: bool) -> None:
    """Plan health findings; exit 0 when clean, 3 when there are findings.

    Example: planner check demo.cplan || echo "needs attention"
    """
    from planner.services.health import check as run_checks

    with open_read(plan) as opened:
        findings = run_checks(opened, today)
    if as_json:
        click.echo(json.dumps([f.__dict__ for f in findings], ensure_ascii=False, indent=2))
    elif not findings:
        click.echo("No findings: the plan is healthy.")
    else:
        for f in findings:
            click.echo(f"{f.severity:<8} {f.rule:<20} {f.message}")
        click.echo(f"\n{len(findings)} finding(s)")
    if findings:
        sys.exit(FINDINGS_EXIT)


@main.command()
@PLAN
@click.argument("query")
def search(plan: Path, query: str) -> None:
    """Find campaigns by name, tag or note (Chinese works: 春节, 618 预售).

    Example: planner search demo.cplan 直播
    """
    from planner.services.search import search as find

    with open_read(plan) as opened:
        hits = find(opened, query)
    for hit in hits:
        tags = ", ".join(json.loads(hit.tags or "[]"))
        suffix = f"  [{tags}]" if tags else ""
        click.echo(f"{hit.campaign_id}  {hit.status:<9} {hit.name}{suffix}")
    if not hits:
        click.echo("No campaigns match.", err=True)


@main.command()
@PLAN
@click.option("--object", "object_id", default=None, help="Only actions touching this id.")
@click.option("--limit", default=20, show_default=True, help="How many actions.")
def log(plan: Path, object_id: str | None, limit: int) -> None:
    """The audit trail: who changed what, when, field by field.

    Example: planner log demo.cplan --object 3f2c…  (who moved the 618 budget?)
    """
    from planner.storage.history import log as read_log

    with open_read(plan) as opened:
        records = read_log(opened, limit=limit, object_id=object_id)
    for record in records:
        state = " (undone)" if record.undone else ""
        click.echo(f"{record.at}  {record.user:<12} {record.label}{state}   [{record.id}]")
        for line in record.summary().splitlines()[:12]:
            click.echo(f"    {line}")


@main.command()
@PLAN
def undo(plan: Path) -> None:
    """Undo the latest action in the plan (as a new, logged action).

    Example: planner undo demo.cplan
    """
    from planner.storage import history

    _replay(plan, history.undo, history.undo_candidate, "Undone")


@main.command()
@PLAN
def redo(plan: Path) -> None:
    """Redo the action undone last.

    Example: planner redo demo.cplan
    """
    from planner.storage import history

    _replay(plan, history.redo, history.redo_candidate, "Redone")


def _replay(plan: Path, replay: Callable, candidate: Callable, verb: str) -> None:
    from planner.storage import history

    with open_write(plan) as opened:
        target = candidate(opened)
        replay(opened)
        click.echo(f"{verb}: {history.get_action(opened, target).label}")


@main.group()
def backup() -> None:
    """Backups: a copy is taken automatically every time a plan is opened for writing."""


@backup.command("create")
@PLAN
def backup_create(plan: Path) -> None:
    """Take a backup now.

    Example: planner backup create demo.cplan
    """
    from planner.storage import backups

    with open_read(plan) as opened:
        taken = backups.take(opened.db.conn, plan, opened.plan_id, reason="manual")
    click.echo(f"Backed up to {taken.path}")


@backup.command("list")
@PLAN
def backup_list(plan: Path) -> None:
    """List a plan's backups, newest first.

    Example: planner backup list demo.cplan
    """
    from planner.storage import backups

    with open_read(plan) as opened:
        found = backups.listing(plan, opened.plan_id)
    for item in found:
        click.echo(f"{item.taken_at:%Y-%m-%d %H:%M:%S}  {item.reason:<22} {item.path}")
    if not found:
        click.echo("No backups yet.", err=True)


@backup.command("restore")
@click.argument("backup_file", type=click.Path(dir_okay=False, path_type=Path))
@PLAN
@click.option("--any-plan", is_flag=True, help="Allow a backup of a different plan.")
def backup_restore(backup_file: Path, plan: Path, any_plan: bool) -> None:
    """Replace PLAN with BACKUP_FILE (PLAN's current state is backed up first).

    Example: planner backup restore ~/.local/share/campaign-planner/backups/…cplan demo.cplan
    """
    from planner.storage.restore import restore

    saved = restore(backup_file, plan, any_plan=any_plan)
    click.echo(f"Restored {plan} from {backup_file.name}; its previous state is in {saved.path}")
