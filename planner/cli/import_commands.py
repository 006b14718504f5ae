"""`planner import`: flights, actuals or history from CSV/xlsx, all or nothing."""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli import PLAN, main, open_read, open_write


@main.command("import")
@PLAN
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--kind", type=click.Choice(["flights", "actuals", "history"]), required=True,
              help="What the file holds.")
@click.option("--dry-run", is_flag=True, help="Check only: list problems or what would change.")
def import_command(plan: Path, file: Path, kind: str, dry_run: bool) -> None:
    """Import flights (the export's columns), actuals or history from CSV or xlsx.

    Every problem is listed with its sheet, row, column and value; nothing is
    written unless the whole file is valid, and a successful import is one undo step.

    Example: planner import demo.cplan flights.csv --kind flights --dry-run
    """
    from planner.io.imports import import_file

    with (open_read(plan) if dry_run else open_write(plan)) as opened:
        report = import_file(opened, file, kind, dry_run=dry_run)
    for problem in report.problems:
        click.echo(problem.describe())
    for warning in report.warnings:
        click.echo(f"warning: {warning}")
    if report.problems:
        raise click.ClickException(report.summary())
    click.echo(report.summary())
