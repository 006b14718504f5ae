"""`planner import`: flights, actuals, history or a platform export, all or nothing."""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli import PLAN, main, open_read, open_write


@main.command("import")
@PLAN
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--kind", type=click.Choice(["flights", "actuals", "history", "platform"]),
              required=True, help="What the file holds; platform: an ad platform's or "
              "agency's export (Google Ads, Meta, 巨量引擎, 阿里妈妈, 腾讯广告, 百度, flowchart).")
@click.option("--unit", help="Platform amounts' unit when the file does not say it: "
              "元, 分, 厘, 万元 or a currency code.")
@click.option("--skip-unmatched", is_flag=True,
              help="Platform: leave rows no matching rule names out (each is listed).")
@click.option("--dry-run", is_flag=True, help="Check only: list problems or what would change.")
def import_command(plan: Path, file: Path, kind: str, unit: str | None, skip_unmatched: bool,
                   dry_run: bool) -> None:
    """Import flights (the export's columns), actuals, history or a platform export.

    Every problem is listed with its sheet, row, column and value; nothing is
    written unless the whole file is valid, and a successful import is one undo step.
    Platform rows are matched to channels by the plan's matching rules.

    Example: planner import demo.cplan flights.csv --kind flights --dry-run
    """
    from planner.io.imports import import_file, write_import

    if kind != "platform" and (unit or skip_unmatched):
        raise click.UsageError("--unit and --skip-unmatched are for --kind platform")
    summary: list[str] = []
    with (open_read(plan) if dry_run else open_write(plan)) as opened:
        if kind == "platform":
            from planner.io.platforms.check import check_platform_import

            checked = check_platform_import(opened, file, unit=unit,
                                            skip_unmatched=skip_unmatched)
            summary = checked.summary.lines()
            report = checked.report if dry_run else write_import(opened, checked)
        else:
            report = import_file(opened, file, kind, dry_run=dry_run)
    for line in summary:
        click.echo(line)
    for problem in report.problems:
        click.echo(problem.describe())
    for warning in report.warnings:
        click.echo(f"warning: {warning}")
    if report.problems:
        raise click.ClickException(report.summary())
    click.echo(report.summary())
