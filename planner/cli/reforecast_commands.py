"""`planner reforecast`: re-plan the rest of the year from actual spend to a date.

Like `optimize`, an impossible setup prints why and exits 4; a bad or out-of-horizon
date is a user error (one line on stderr, exit 1).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from planner.cli import PLAN, main, open_write
from planner.cli.optimise_commands import INFEASIBLE_EXIT, _cell, _minor, _Money, _share

if TYPE_CHECKING:
    from planner.services.reforecast import ReforecastResult


def _as_of(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.ClickException(f"--as-of: {value!r} is not a date like 2026-06-30") from None


def _print(result: ReforecastResult, plan: Path) -> None:
    rf, money = result.reforecast, _Money(result.reforecast.currency)
    click.echo(f"Reforecast as of {rf.as_of}: re-planned from {rf.first_day} by {rf.grain}; "
               f"money in {rf.currency}")
    click.echo(f"{'Channel':<30}{'Plan':>14}{'Actual':>14}{'Fixed':>14}{'Plan rest':>14}"
               f"{'Reforecast':>14}{'New total':>14}")
    for row in rf.rows:
        rest = "–" if row.reforecast_remaining_minor is None \
            else money(row.reforecast_remaining_minor)
        total = "–" if row.reforecast_minor is None else money(row.reforecast_minor)
        click.echo(f"{_cell(row.name, 30)}{money(row.plan_minor):>14}"
                   f"{money(row.actual_minor):>14}{money(row.fixed_minor):>14}"
                   f"{money(row.plan_remaining_minor):>14}{rest:>14}{total:>14}")
    click.echo(f"\nBudget          {money(rf.budget_minor)}")
    click.echo(f"Fixed to date   {money(rf.fixed_minor)}")
    click.echo(f"Committed after {money(rf.committed_minor)}")
    click.echo(f"Remaining       {money(rf.remaining_minor)}  (free for the optimiser)")
    if rf.feasible:
        click.echo(f"Allocated       {money(rf.allocated_minor or 0)}")
        value = money.change(rf.current_objective_minor, rf.objective_minor or 0)
        click.echo(f"Value           {value}   (keeping the current plan → reforecast)")
    if rf.unspent_reason:
        click.echo(f"Unspent         {rf.unspent_reason}")
    for line in rf.assumptions:
        click.echo(f"Assumed         {line}")
    if result.fitted is not None:
        click.echo("Curves re-fitted and saved first (undone on their own: action "
                   f"{result.fitted.action_id})")
    click.echo(f"Scenario {rf.scenario_id} saved; apply with: planner apply {plan} "
               f"{rf.scenario_id}")


@main.command()
@PLAN
@click.option("--as-of", "as_of", required=True,
              help="Last day of actual spend, e.g. 2026-06-30; what follows is re-planned.")
@click.option("--refit", is_flag=True, help="First re-fit the curves on history and actuals "
              "to date and save them (its own undoable step).")
@click.option("--grain", type=click.Choice(["week", "month"]), default="week",
              show_default=True, help="Period of the plan; month is faster, week exact.")
@click.option("--budget", default=None, help="Total budget in major units (default: the plan's).")
@click.option("--brand-share", callback=_share, default=None,
              help="Brand share range LOW:HIGH, e.g. 0.35:0.45 (default: the plan's).")
@click.option("--name", default=None, help="Scenario name (default: Reforecast as of DATE).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def reforecast(plan: Path, as_of: str, refit: bool, grain: str, budget: str | None,
               brand_share: tuple[float, float] | None, name: str | None,
               as_json: bool) -> None:
    """Re-plan the budget left after actual spend up to --as-of; save it as a scenario.

    Spend to the date is fixed at actuals (the plan where a channel has none);
    brand stock already built carries on; the rest of the budget is optimised over
    the remaining periods. An impossible setup prints why and exits 4.

    Example: planner reforecast demo.cplan --as-of 2026-06-30 --refit
    """
    from planner.services.reforecast import reforecast as run
    from planner.services.scenarios import load_scenario
    from planner.storage import rows

    day = _as_of(as_of)
    with open_write(plan) as opened:
        currency = rows.read_settings(opened.db).currency
        result = run(opened, day, refit=refit, grain=grain, name=name,
                     budget_minor=_minor(budget, currency, "--budget"), brand_share=brand_share)
        scenario = load_scenario(opened, result.scenario_id)
    if as_json:
        click.echo(json.dumps({"id": scenario.id, "name": scenario.name,
                               "fit_action_id": result.fitted and result.fitted.action_id,
                               "reforecast": scenario.result["reforecast"]},
                              ensure_ascii=False, indent=2))
    elif scenario.feasible:
        _print(result, plan)
    else:
        click.echo(f"No reforecast is possible (amounts in thousands of {currency}):")
        for conflict in scenario.result["conflicts"]:
            click.echo(f"  - {conflict['message']}")
    if not scenario.feasible:
        sys.exit(INFEASIBLE_EXIT)
