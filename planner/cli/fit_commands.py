"""History and curve commands: import wide history tables, fit response curves."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import click

from planner.cli import PLAN, main, open_read, open_write
from planner.errors import NotFound, ValidationError

if TYPE_CHECKING:
    from planner.services.fitting import FitReport


def _number(value: float) -> str:
    """Short and readable: 1.23M, 45.6k, 0.812."""
    for size, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:.3g}"


def _width(text: str) -> int:
    """Columns a terminal gives `text`: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _params(family: str, a: float, k: float, s: float | None, adstock: float,
            scale: float, money_a: bool) -> list[str]:
    """a in major units when it is money (revenue), k always money; s only for Hill."""
    return [family, _number(a / scale if money_a else a), _number(k / scale),
            f"{s:.2f}" if family == "hill" and s is not None else "–", f"{adstock:.2f}"]


@main.command()
@PLAN
@click.option("--channel", "channels", multiple=True, metavar="NAME",
              help="Only this channel (repeatable); default: every channel with history.")
@click.option("--draws", type=int, default=None,
              help="Curve draws per curve (resampled re-fits, for planner optimize --risk); "
              "kept as the plan's setting for later fits (default: the plan's, 50 if unset).")
@click.option("--dry-run", is_flag=True, help="Fit and print; store nothing.")
def fit(plan: Path, channels: tuple[str, ...], draws: int | None, dry_run: bool) -> None:
    """Fit promotion and brand response curves from the plan's history.

    Prints each curve's parameters (money in major units per history period) and
    fit quality; when the plan holds the generator's true curves (the demo), they
    are printed beside. Without --dry-run the curves are stored as one undoable
    action, replacing earlier fitted ones (with --draws, the setting too).

    Example: planner fit demo.cplan --channel "微博 Weibo" --dry-run
    """
    from planner.domain.money import exponent
    from planner.services.fit_settings import check_draws, save_fits_with_draws
    from planner.services.fitting import fit_plan, save_fits

    if draws is not None:
        check_draws(draws)
    from planner.storage import rows

    with (open_read(plan) if dry_run else open_write(plan)) as opened:
        ids = None
        if channels:
            known = {name: cid for cid, name in opened.db.execute("SELECT id, name FROM channels")}
            missing = [name for name in channels if name not in known]
            if missing:
                raise NotFound(f"no channel named {missing[0]!r} in {plan.name}")
            ids = [known[name] for name in channels]
        report = fit_plan(opened, ids, draws=draws)
        scale = 10 ** exponent(rows.read_settings(opened.db).currency)
        _print_report(report, scale)
        if dry_run:
            click.echo("Dry run: nothing stored.")
        elif report.fits:
            if draws is None:
                save_fits(opened, report)
            else:
                save_fits_with_draws(opened, report, draws)
            click.echo(f"Stored {len(report.fits)} fitted curve(s) in {plan.name}.")


def _print_report(report: FitReport, scale: float) -> None:
    """One line per curve; failures, notes and warnings after it."""
    truth = any(f.truth for f in report.fits)
    head = ["channel", "goal", "family", "a", "k", "s", "adstock", "R²", "MAPE"]
    if truth:
        head += ["| true", "a", "k", "s", "adstock"]
    lines = [head]
    for f in report.fits:
        c, r = f.result.curve, f.result
        line = [f.channel[:28], f.goal,
                *_params(c.family, c.a, c.k, c.s, r.adstock, scale, f.goal == "promotion"),
                f"{r.r2:.2f}", f"{r.mape:.1%}"]
        if f.truth:
            family, p = f.truth
            line += ["| " + family, *_params(family, float(p["a"]), float(p["k"]), p.get("s"),
                                             float(p.get("adstock", 0.0)), scale,
                                             f.goal == "promotion")[1:]]
        lines.append(line)
    widths = [max(_width(row[i]) for row in lines if i < len(row)) for i in range(len(head))]
    for row in lines:
        click.echo("  ".join(v + " " * (w - _width(v)) for v, w in zip(row, widths, strict=False))
                   .rstrip())
    for failure in report.failures:
        click.echo(f"not fitted  {failure.goal:<9} {failure.reason}")
    for note in report.warnings:
        click.echo(f"note  {note}")
    for f in report.fits:
        for warning in f.result.warnings:
            click.echo(f"warning  {warning}")


def _spend_pairs(_ctx: click.Context, _param: click.Parameter,
                 values: tuple[str, ...]) -> dict[str, str]:
    pairs = {}
    for value in values:
        column, sep, channel = value.partition("=")
        if not sep or not column.strip() or not channel.strip():
            raise click.BadParameter(f"{value!r} is not COLUMN=CHANNEL, e.g. tv_S=TV")
        pairs[column.strip()] = channel.strip()
    return pairs


@main.command("import-history")
@PLAN
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--date-col", required=True, help="Column holding each period's first day.")
@click.option("--spend", "spend", multiple=True, required=True, callback=_spend_pairs,
              metavar="COL=CHANNEL", help="A spend column and its channel (repeatable).")
@click.option("--outcome-col", default=None, help="Total outcome column (revenue, or a count).")
@click.option("--outcome-count", is_flag=True,
              help="The outcome is a count (e.g. conversions), not money.")
@click.option("--outcome-factor-col", default=None,
              help="Multiply the outcome by this column (e.g. revenue per conversion).")
@click.option("--brand-outcome-col", default=None, help="Total brand outcome column.")
@click.option("--geo-col", default=None, help="Geo column: rows of one date are summed.")
@click.option("--brand-share", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Share of every channel's spend that bought brand.")
@click.option("--unit", required=True,
              help="What one unit of the file's money is: yuan, fen, thousand, wan, …")
@click.option("--dry-run", is_flag=True, help="Check and preview; write nothing.")
def import_history_command(plan: Path, file: Path, date_col: str, spend: dict[str, str],
                           outcome_col: str | None, outcome_count: bool,
                           outcome_factor_col: str | None, brand_outcome_col: str | None,
                           geo_col: str | None, brand_share: float, unit: str,
                           dry_run: bool) -> None:
    """Import channel history from a wide CSV/XLSX table (one row per period and geo).

    Each spend column becomes its channel's history (channels not in the plan are
    created); the outcome is stored once per period for the whole plan, so
    `planner fit` regresses it on all channels jointly. Nothing is written when any
    cell is bad; the error names the file, row and column.

    Example: planner import-history p.cplan weekly.csv --date-col DATE --spend tv_S=TV --unit yuan
    """
    from planner.io.history_import import HistoryMapping, import_history, preview_history
    from planner.storage import rows

    with (open_read(plan) if dry_run else open_write(plan)) as opened:
        known = {name for (name,) in opened.db.execute("SELECT name FROM channels")}
        mapping = HistoryMapping(
            date_column=date_col, spend_columns=spend, currency_unit=unit,
            outcome_column=outcome_col, brand_outcome_column=brand_outcome_col,
            geo_column=geo_col, brand_spend_share=brand_share,
            outcome_is_money=not outcome_count, outcome_factor_column=outcome_factor_col,
            currency=rows.read_settings(opened.db).currency)
        if outcome_factor_col and not outcome_col:
            raise ValidationError("--outcome-factor-col", outcome_factor_col,
                                  "needs --outcome-col")
        preview = preview_history(file, mapping, known)
        first, last = preview.periods[0], preview.periods[-1]
        click.echo(f"{preview.source}: {len(preview.periods)} periods, {preview.grain}, "
                   f"{first.start} – {last.end}")
        new = [c for c in preview.channels if c not in known]
        click.echo(f"Channels  {', '.join(preview.channels)}"
                   + (f"  (new: {', '.join(new)})" if new else ""))
        click.echo(f"Rows      {len(preview.rows)} history rows"
                   + (f", total outcome per period ({preview.outcome_unit})" if outcome_col
                      else ""))
        for note in preview.warnings:
            click.echo(f"warning   {note}")
        if dry_run:
            click.echo("Dry run: nothing written.")
            return
        import_history(opened, preview)
        click.echo(f"Imported {len(preview.rows)} history rows into {plan.name}.")
