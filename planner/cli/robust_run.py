"""`planner optimize --risk`: the robust allocation across the curve draws, its
certificate and the price of robustness, saved as a scenario when asked.

Imported by `optimize` when --risk is given, so plain runs never load it."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import click

from planner.cli import open_read, open_write
from planner.cli.optimise_commands import INFEASIBLE_EXIT, _minor, _Money, _percent


def optimize_risk(plan: Path, budget: str | None, brand_share: tuple[float, float] | None,
                  grain: str, today: dt.date | None, risk: tuple[str, float],
                  save_as: str | None, as_json: bool) -> None:
    """`optimize --risk`: the robust allocation and the price of robustness, saved as
    a scenario when asked (an impossible setup too, with its explanation)."""
    from planner.services import optimise, robust
    from planner.services.robust_scenarios import certificate, save_robust_scenario
    from planner.storage import rows
    from solver.errors import InvalidProblem
    from solver.result import Infeasible

    saved = None
    with (open_read(plan) if save_as is None else open_write(plan)) as opened:
        currency = rows.read_settings(opened.db).currency
        pp = optimise.build_problem(opened, grain=grain,
                                    budget_minor=_minor(budget, currency, "--budget"),
                                    brand_share=brand_share, today=today)
        try:
            found = robust.run_robust(opened, pp, risk[0], risk[1])
        except InvalidProblem as exc:
            raise click.ClickException(str(exc)) from None
        if save_as is not None:
            saved = save_robust_scenario(opened, save_as, pp, found).created_id
    if isinstance(found, Infeasible):
        click.echo(f"No allocation is possible (amounts in thousands of {currency}):")
        for conflict in found.conflicts:
            click.echo(f"  - {conflict.message}")
    else:
        _print_risk(pp, found, certificate(pp, found), as_json)
    if saved is not None:
        click.echo(f"Scenario {saved} saved as “{save_as.strip()}”", err=as_json)
    if isinstance(found, Infeasible):
        sys.exit(INFEASIBLE_EXIT)


def _print_risk(pp: Any, found: Any, proof: dict[str, Any], as_json: bool) -> None:
    if as_json:
        minor = pp.spend_minor(found.chosen.spend).sum(axis=(1, 2))
        spend = [{"channel_id": cid, "spend_minor": int(minor[c])}
                 for c, cid in enumerate(pp.channel_ids)]
        click.echo(json.dumps({**proof, "channels": spend}, indent=2))
        return
    money = _Money(pp.currency)
    level = f" α={proof['alpha']:g}" if proof["risk"] == "cvar" else ""
    click.echo(f"Risk {proof['risk']}{level} over {proof['draws']} curve draws; "
               f"certified gap {_percent(proof['gap'])}")
    click.echo(f"{'Allocation':<16}{'Mean':>16}{'5th pct':>16}{'Worst':>16}")
    for row in proof["price_of_robustness"]:
        click.echo(f"{row['allocation']:<16}{money(row['mean']):>16}{money(row['p5']):>16}"
                   f"{money(row['worst']):>16}")
    click.echo(f"Value in {pp.currency} (revenue + brand value).")
