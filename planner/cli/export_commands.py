"""`planner export`: the plan as a workbook, CSV, iCalendar, PDF calendar or PNG charts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from planner.cli import PLAN, main, open_read, parse_date

FORMATS = ("xlsx", "csv", "ics", "pdf", "png")


@main.command("export")
@PLAN
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="xlsx workbook, csv of flights, ics calendar, pdf calendar, png charts.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              required=True, help="File to write (replaced whole, never half-written).")
@click.option("--per", type=click.Choice(("flight", "campaign")), default="flight",
              show_default=True, help="ics: one event per flight or per campaign.")
@click.option("--page-size", type=click.Choice(("A4", "A3")), default="A4",
              show_default=True, help="pdf: landscape page size.")
@click.option("--start", callback=parse_date, default=None,
              help="pdf: first day shown (default: the horizon's).")
@click.option("--end", callback=parse_date, default=None,
              help="pdf: last day shown (default: the horizon's).")
def export(plan: Path, fmt: str, output: Path, per: str, page_size: str,
           start: dt.date | None, end: dt.date | None) -> None:
    """Export the plan for colleagues, finance, calendars and slides.

    Example: planner export demo.cplan --format xlsx -o plan.xlsx
    """
    with open_read(plan) as opened:
        if fmt == "xlsx":
            from planner.io.workbook import export_xlsx

            written = export_xlsx(opened, output)
        elif fmt == "csv":
            from planner.io.csv_export import export_csv

            written = export_csv(opened, output)
        elif fmt == "ics":
            from planner.io.ics_export import export_ics

            written = export_ics(opened, output, per)  # type: ignore[arg-type]
        elif fmt == "pdf":
            from planner.io.pdf_calendar import export_calendar_pdf

            written = export_calendar_pdf(opened, output, page_size, start, end)
        else:
            from planner.io.budget_png import export_budget_png

            written = export_budget_png(opened, output)
    click.echo(f"Wrote {written}")
