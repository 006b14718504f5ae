"""The plan as an Excel workbook for finance and colleagues.

Sheets: Summary, Flowchart, Campaigns, Flights, Budget (live totals), Charts
(native Excel charts over the Budget cells), Actuals and, when the plan has one,
the latest optimiser Scenario. Campaigns and Flights use the import layout, so
the workbook reads back in. The file is written beside its target and moved into
place at the end, so a failed export never leaves half a workbook.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from planner.io.atomic import write_atomically

if TYPE_CHECKING:
    from planner.storage.plan_file import Plan

SHEETS = ("Summary", "Flowchart", "Campaigns", "Flights", "Budget", "Charts", "Actuals",
          "Scenario")


def export_xlsx(plan: Plan, path: str | os.PathLike[str]) -> Path:
    """Write the plan's workbook to `path` (replacing it whole) and return the path.

    :raises PlannerError: when `path` cannot be written (a folder, no such folder).
    """
    import xlsxwriter

    from planner.io import budget_tables, flowchart, workbook_budget, workbook_sheets
    from planner.io.sheet_format import Formats
    from planner.services import budget, frames, health, scenarios

    data = frames.load(plan)
    currency = data.settings.currency
    daily = budget.daily(data)
    monthly = budget_tables.monthly_budget(data, daily)
    weekly = budget_tables.weekly_spend(data, daily)
    findings = health.check_frames(data)
    stored = scenarios.list_scenarios(plan)

    def write(target: Path) -> None:
        book = xlsxwriter.Workbook(str(target), {
            "strings_to_numbers": False, "strings_to_formulas": False,
            "strings_to_urls": False, "default_date_format": "yyyy-mm-dd"})
        try:
            book.set_properties({"title": data.settings.name,
                                 "subject": "Omnichannel campaign plan",
                                 "comments": "Exported by Omnichannel Campaign Planner"})
            formats = Formats(book, currency)
            workbook_sheets.write_summary(book, formats, data, findings)
            flowchart.write_flowchart(book, formats, data, weekly)
            workbook_sheets.write_records(book, formats, plan)
            layout = workbook_budget.write_budget(book, formats, monthly, currency)
            workbook_budget.write_charts(book, layout)
            workbook_sheets.write_actuals(book, formats, data)
            if stored:
                workbook_sheets.write_scenario(book, formats, stored[-1], currency)
        finally:
            book.close()

    return write_atomically(path, write)
