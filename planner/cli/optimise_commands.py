"""Optimiser commands: optimise a plan, its brand/promotion frontier, scenarios, apply.

An impossible setup is not a user error: `optimize` and `frontier` print the
explanation on stdout and exit 4 (`INFEASIBLE_EXIT`), so a script can tell
"these constraints cannot all hold" from a mistyped option (exit 1 or 2).
Money options are in the plan currency's major units, as typed ("60,000,000").
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sys
import unicodedata
from pathlib import Path
from typing import Any

import click

from planner.cli import PLAN, main, open_read, open_write, parse_date
from planner.domain.money import exponent, to_minor

INFEASIBLE_EXIT = 4
_OBJECTIVES = {"max-value": "max_value", "min-cost": "min_cost",
               "max-value-roas": "max_value_roas"}
_GRAIN = click.option("--grain", type=click.Choice(["week", "month"]), default="week",
                      show_default=True, help="Period of the plan; month is faster, "
                      "week exact.")
_TODAY = click.option("--today", callback=parse_date, default=None,
                      help="Re-plan from this date; earlier periods stay as they are "
                      "(default: today).")
_JSON = click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")


def _share(_ctx: click.Context, _param: click.Parameter, value: str | None
           ) -> tuple[float, float] | None:
    if value is None:
        return None
    try:
        low, high = (float(part) for part in value.split(":"))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a range like 0.35:0.45") from None
    if not 0 <= low <= high <= 1:
        raise click.BadParameter(f"{value!r}: need 0 ≤ low ≤ high ≤ 1")
    return low, high


def _minor(value: str | None, currency: str, option: str) -> int | None:
    if value is None:
        return None
    try:
        return to_minor(value, currency)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint=option) from None


def _risk(_ctx: click.Context, _param: click.Parameter, value: str | None
          ) -> tuple[str, float] | None:
    """"mean", "worst" or "cvar:α" (0 < α ≤ 1) as (measure, α)."""
    if value is None:
        return None
    name, _, level = value.partition(":")
    if name in ("mean", "worst") and not level:
        return name, 1.0
    try:
        alpha = float(level)
    except ValueError:
        alpha = math.nan
    if name != "cvar" or not 0 < alpha <= 1:
        raise click.BadParameter(f"{value!r}: use mean, worst or cvar:α with 0 < α ≤ 1 "
                                 "(e.g. cvar:0.1)")
    return name, alpha


class _Money:
    """Whole major units for tables: a planner reads ¥1,234,567, not fen."""

    def __init__(self, currency: str) -> None:
        self.currency, self.unit = currency, 10 ** exponent(currency)

    def __call__(self, minor: float) -> str:
        return f"{minor / self.unit:,.0f}"

    def change(self, before: float, after: float) -> str:
        delta = after - before
        sign = "+" if delta >= 0 else "−"
        pct = f", {sign}{abs(delta / before):.1%}" if before else ""
        return f"{self(before)} → {self(after)}  ({sign}{self(abs(delta))}{pct})"


_ORDER = ("budget", "brand_share_min", "brand_share_max", "revenue_target", "roas",
          "channel_max", "channel_min", "channel_period_cap", "period_cap", "pacing", "lock")
_WORDS = {"budget": "the whole budget is used: more money would still earn",
          "brand_share_min": "brand share held at its floor ({label})",
          "brand_share_max": "brand share held at its ceiling ({label})",
          "channel_max": "{label} is reached", "period_cap": "{label} is reached",
          "channel_min": "{label} forces more money in than the curve wants",
          "revenue_target": "the revenue target sets the spend",
          "roas": "the return-on-spend floor binds ({label})"}


def _binding_lines(bindings: list[dict[str, Any]], channels: list[str], past: int,
                   grain: str) -> list[str]:
    """Binding constraints in the planner's words, most important kind first. The
    fixed past is left out; committed-flight locks are counted per channel."""
    lines: list[tuple[int, float, str]] = []
    locks: dict[int, dict[int, float]] = {}
    for b in bindings:
        kind, _, where = b["group"].partition(":")
        value = math.inf if b["value"] is None else b["value"]
        index = [int(i) for i in where.split(":")] if where else []
        if kind in ("lock", "period_cap") and index[-1] < past:
            continue
        if kind == "lock":
            periods = locks.setdefault(index[0], {})
            periods[index[1]] = max(periods.get(index[1], 0.0), value)
            continue
        text = _WORDS.get(kind, "{label}").format(label=b["label"])
        rank = _ORDER.index(kind) if kind in _ORDER else len(_ORDER)
        lines.append((rank, -value, f"{text}  (shadow value {value:.3g})"))
    for c, periods in locks.items():
        top = max(periods.values())
        lines.append((_ORDER.index("lock"), -top,
                      f"committed flights on {channels[c]} hold more than it would get, in "
                      f"{len(periods)} {grain}(s)  (shadow value up to {top:.3g})"))
    return [text for *_, text in sorted(lines)]


def _percent(value: float | None) -> str:
    return "unknown" if value is None else f"{value:.4%}"


def _cell(text: str, width: int) -> str:
    """Left-aligned to a display width: CJK characters take two columns."""
    out, used = "", 0
    for char in text:
        size = 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if used + size > width - 1:
            break
        out, used = out + char, used + size
    return out + " " * (width - used)


def _print_result(scenario: Any, pp: Any, money: _Money) -> None:
    result, inputs = scenario.result, scenario.inputs
    current = result["current"]
    click.echo(f"{len(pp.periods)} {pp.grain}s, re-planned from {pp.today} "
               f"({pp.past} fixed); budget {money(pp.budget_minor)} {pp.currency}")
    head = (f"{'Channel':<26}{'Current':>14}{'Optimised':>14}{'Brand':>13}{'Promotion':>13}"
            f"{'Revenue':>15}{'Brand pts':>11}{'ROI':>7}{'Marginal':>10}")
    click.echo(head)
    capped = {inputs["channel_ids"][int(b["group"].partition(":")[2])]
              for b in result["binding"] if b["group"].startswith("channel_max:")}
    for row, now in zip(result["channels"], current["spend_minor"], strict=True):
        roi = "–" if row["roi"] is None else f"{row['roi']:.2f}"
        marginal = "–" if row["marginal_return"] is None else f"{row['marginal_return']:.3f}"
        marginal += "*" if row["channel_id"] in capped else " "
        click.echo(f"{_cell(row['name'], 26)}{money(now):>14}{money(row['spend_minor']):>14}"
                   f"{money(row['brand_minor']):>13}{money(row['promotion_minor']):>13}"
                   f"{money(row['revenue_minor']):>15}{row['brand_response']:>11,.0f}"
                   f"{roi:>7}{marginal:>10}")
    click.echo("Marginal: value of the next unit in the channel's best future period "
               "(* at its cap: what lifting the cap would earn)")
    spent = sum(r["spend_minor"] for r in result["channels"])
    brand = sum(r["brand_minor"] for r in result["channels"])
    now_brand = float(pp.current_minor[:, :, 0].sum())
    now_spent = float(pp.current_minor.sum())
    click.echo(f"\nSpend           {money.change(now_spent, spent)}")
    click.echo(f"Revenue         {money.change(current['revenue_minor'], result['revenue_minor'])}")
    click.echo(f"Brand response  {current['brand_response']:,.0f} → "
               f"{result['brand_response']:,.0f} points")
    if inputs["objective"] != "min_cost":
        value = money.change(current["objective_minor"], result["objective_minor"])
        click.echo(f"Value           {value}   (revenue + {inputs['brand_value']:g} × 1,000 "
                   f"{pp.currency} per brand point)")
    if now_spent and spent:
        click.echo(f"Brand share     {now_brand / now_spent:.1%} → {brand / spent:.1%}")
    click.echo(f"Certified gap   {_percent(result['gap'])}  (no allocation can beat this one "
               "by more)")
    lines = _binding_lines(result["binding"], inputs["channels"], pp.past, pp.grain)
    if inputs["objective"] == "min_cost":
        lines.insert(0, f"the revenue target {money(inputs['revenue_target_minor'])} sets "
                     "the spend")
    if pp.past:
        lines.insert(0, f"the {pp.past} {pp.grain}(s) before {pp.today} are fixed as spent")
    click.echo("Binding constraints:")
    for line in lines[:10]:
        click.echo(f"  - {line}")
    if len(lines) > 10:
        click.echo(f"  … and {len(lines) - 10} more")
    if result.get("unspent_reason"):
        click.echo(f"Unspent         {result['unspent_reason']}")
    for note in (*pp.notes, *result.get("notes", ())):
        click.echo(f"Note            {note}")


@main.command()
@PLAN
@click.option("--budget", default=None, help="Total budget in major units (default: the plan's).")
@click.option("--brand-share", callback=_share, default=None,
              help="Brand share range LOW:HIGH, e.g. 0.35:0.45 (default: the plan's).")
@click.option("--objective", type=click.Choice(list(_OBJECTIVES)), default="max-value",
              show_default=True, help="max-value: revenue + brand value; min-cost: reach "
              "--revenue-target at least cost; max-value-roas: max value with --min-roas.")
@click.option("--revenue-target", default=None, help="Revenue to reach (min-cost), major units.")
@click.option("--min-roas", type=float, default=None, help="Least revenue per unit spent.")
@_GRAIN
@click.option("--name", default=None, help="Scenario name (default: date and time).")
@click.option("--risk", callback=_risk, default=None,
              help="Optimise across the fitted curves' draws: mean, worst or cvar:α (mean of "
              "the worst α share). Prints the outcome spread of this allocation and of the "
              "mean-optimal one; saves a scenario only with --save-scenario.")
@click.option("--save-scenario", "save_as", default=None, metavar="NAME",
              help="With --risk: save the robust allocation as a scenario named NAME, to "
              "apply like any other (planner apply).")
@_TODAY
@_JSON
def optimize(plan: Path, budget: str | None, brand_share: tuple[float, float] | None,
             objective: str, revenue_target: str | None, min_roas: float | None, grain: str,
             name: str | None, risk: tuple[str, float] | None, save_as: str | None,
             today: dt.date | None, as_json: bool) -> None:
    """Optimise the plan's future spend; save it as a scenario and print it.

    An impossible setup prints why and exits 4.

    Example: planner optimize demo.cplan --grain month --brand-share 0.35:0.45

    Example: planner optimize demo.cplan --grain month --risk cvar:0.1 --save-scenario Safe
    """
    if risk is not None:
        from planner.cli.robust_run import optimize_risk

        optimize_risk(plan, budget, brand_share, grain, today, risk, save_as, as_json)
        return
    if save_as is not None:
        raise click.BadParameter("needs --risk (a plain run is always saved; name it with "
                                 "--name)", param_hint="--save-scenario")
    from planner.services import optimise
    from planner.services.scenarios import load_scenario, save_scenario
    from planner.storage import rows

    with open_write(plan) as opened:
        currency = rows.read_settings(opened.db).currency
        pp = optimise.build_problem(
            opened, grain=grain, budget_minor=_minor(budget, currency, "--budget"),
            brand_share=brand_share, objective=_OBJECTIVES[objective],
            revenue_target_minor=_minor(revenue_target, currency, "--revenue-target"),
            min_roas=min_roas, today=today)
        result = optimise.run(opened, pp)
        name = name or f"Optimised {dt.datetime.now():%Y-%m-%d %H:%M}"
        done = save_scenario(opened, name, pp, result)
        scenario = load_scenario(opened, done.created_id or "")
    if as_json:
        click.echo(json.dumps({"id": scenario.id, "name": scenario.name,
                               "inputs": scenario.inputs, "result": scenario.result},
                              ensure_ascii=False, indent=2))
    elif scenario.feasible:
        _print_result(scenario, pp, _Money(currency))
    else:
        click.echo(f"No allocation is possible (amounts in thousands of {currency}):")
        for conflict in scenario.result["conflicts"]:
            click.echo(f"  - {conflict['message']}")
    click.echo(f"Scenario {scenario.id} saved as “{scenario.name}”", err=as_json)
    if not scenario.feasible:
        sys.exit(INFEASIBLE_EXIT)


@main.command()
@PLAN
@click.option("--points", default=21, show_default=True, help="How many allocations.")
@click.option("--brand-share", callback=_share, default="0:1", show_default=True,
              help="Brand share range the frontier may use.")
@_GRAIN
@_TODAY
@_JSON
def frontier(plan: Path, points: int, brand_share: tuple[float, float], grain: str,
             today: dt.date | None, as_json: bool) -> None:
    """Most promotion revenue for each level of brand response, from all-sales to all-brand.

    Example: planner frontier demo.cplan --points 11 --grain month
    """
    from planner.services import optimise
    from planner.storage import rows
    from solver.frontier import frontier as sweep
    from solver.result import Infeasible

    if points < 2:
        raise click.BadParameter("a frontier needs at least 2 points", param_hint="--points")
    with open_read(plan) as opened:
        currency = rows.read_settings(opened.db).currency
        pp = optimise.build_problem(opened, grain=grain, brand_share=brand_share, today=today)
    found = sweep(pp.problem, points=points)
    if isinstance(found, Infeasible):
        click.echo(f"No allocation is possible (amounts in thousands of {currency}):")
        for conflict in found.conflicts:
            click.echo(f"  - {conflict.message}")
        sys.exit(INFEASIBLE_EXIT)
    ordered = sorted(found.points, key=lambda p: p.allocation.brand_response)
    table = [{"brand_value": None if math.isinf(p.brand_value) else p.brand_value,
              "brand_response": p.allocation.brand_response,
              "revenue_minor": pp.to_minor(p.allocation.promotion_revenue),
              "spend_minor": pp.to_minor(p.allocation.total_spend),
              "brand_share": p.allocation.brand_share, "gap": p.allocation.gap}
             for p in ordered]
    if as_json:
        click.echo(json.dumps(table, indent=2))
        return
    money = _Money(currency)
    click.echo(f"{'#':>3}{'Brand points':>15}{'Revenue':>18}{'Spend':>16}{'Brand share':>13}"
               f"{'Brand value':>13}")
    for i, row in enumerate(table, 1):
        share = "–" if row["brand_share"] is None else f"{row['brand_share']:.1%}"
        value = "∞" if row["brand_value"] is None else f"{row['brand_value']:.4g}"
        click.echo(f"{i:>3}{row['brand_response']:>15,.0f}{money(row['revenue_minor']):>18}"
                   f"{money(row['spend_minor']):>16}{share:>13}{value:>13}")
    click.echo(f"Money in {currency}; brand value = {currency} thousands per brand point at "
               "which the point is optimal.")


@main.command()
@PLAN
def scenarios(plan: Path) -> None:
    """List the plan's optimiser scenarios, oldest first.

    Example: planner scenarios demo.cplan
    """
    from planner.domain.money import format_money
    from planner.services.scenarios import list_scenarios

    with open_read(plan) as opened:
        found = list_scenarios(opened)
    for s in found:
        currency = s.inputs.get("currency", "CNY")
        risk = s.result.get("risk")
        gap = ("" if not s.feasible else f"gap {_percent(s.result['gap'])}" if risk is None
               else f"{risk['risk']} over {risk['draws']} draws, gap {_percent(risk['gap'])}")
        summary = (f"value {format_money(s.result['objective_minor'], currency)}  {gap}"
                   if s.feasible else "infeasible")
        click.echo(f"{s.id}  {s.created_at}  {s.inputs.get('grain', ''):<5}  {s.name}  "
                   f"[{summary}]")
    if not found:
        click.echo("No scenarios yet: run planner optimize.", err=True)


@main.command()
@PLAN
@click.argument("scenario")
@click.option("--mode", type=click.Choice(["new-flights", "rescale"]), default="new-flights",
              show_default=True, help="new-flights: optimised flights replace the uncommitted "
              "future (flights under way are cut short, committed ones kept); rescale: "
              "scale the plan's uncommitted future flights to the scenario.")
def apply(plan: Path, scenario: str, mode: str) -> None:
    """Apply a scenario to the plan (one action: `planner undo` reverts it).

    Example: planner apply demo.cplan 3f2c9a0e-… --mode rescale
    """
    from planner.services.scenario_apply import apply_scenario
    from planner.services.scenarios import load_scenario

    with open_write(plan) as opened:
        done = apply_scenario(opened, scenario, mode.replace("-", "_"))  # type: ignore[arg-type]
        name = load_scenario(opened, scenario).name
    changes = done.changes
    click.echo(f"Applied “{name}” ({mode}): {len(changes.flights)} flight(s) and "
               f"{len(changes.campaigns)} campaign(s) touched. Undo with: planner undo {plan}")
