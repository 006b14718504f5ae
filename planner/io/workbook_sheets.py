"""The workbook's record sheets: Summary, Campaigns, Flights, Actuals, Scenario.

Campaigns and Flights use the import layout (`planner.io.columns`), so the
workbook a planner sends out is also a file the planner can read back in.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from planner.domain.money import to_major
from planner.io.columns import CAMPAIGN_COLUMNS, FLIGHT_COLUMNS, table_rows
from planner.io.sheet_format import Formats, fit_widths, write_table
from planner.services import budget

if TYPE_CHECKING:
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

    from planner.services.frames import PlanFrames
    from planner.services.health import Finding
    from planner.services.scenarios import Scenario
    from planner.storage.plan_file import Plan


def _money(frames: PlanFrames, minor: int) -> float:
    return float(to_major(int(minor), frames.settings.currency))


class _Rows:
    """Label/value rows down a sheet; remembers where each named value went, so
    formulas can refer to it."""

    def __init__(self, sheet: Worksheet, formats: Formats, top: int) -> None:
        self.sheet, self.formats, self.row, self.cells = sheet, formats, top, {}

    def add(self, key: str, label: str, value: Any, fmt: Any = None,
            formula: str | None = None) -> None:
        self.sheet.write_string(self.row, 0, label, self.formats.label)
        if formula is not None:
            self.sheet.write_formula(self.row, 1, formula.format(**self.cells), fmt, value)
        elif isinstance(value, str):
            self.sheet.write_string(self.row, 1, value)
        elif isinstance(value, dt.date):
            self.sheet.write_datetime(self.row, 1, value, self.formats.date)
        else:
            self.sheet.write_number(self.row, 1, value, fmt)
        self.cells[key] = f"B{self.row + 1}"
        self.row += 1

    def gap(self) -> None:
        self.row += 1


def write_summary(book: Workbook, formats: Formats, frames: PlanFrames,
                  findings: list[Finding]) -> None:
    """Settings, totals and brand share (live formulas over the totals), findings."""
    s, t = frames.settings, budget.totals(frames)
    sheet = book.add_worksheet("Summary")
    sheet.write_string(0, 0, s.name, formats.title)
    out, money = _Rows(sheet, formats, 2), formats.money
    out.add("currency", "Currency", s.currency)
    out.add("start", "Horizon start", s.horizon_start)
    out.add("end", "Horizon end", s.horizon_end)
    out.add("calendar", "Calendar", str(s.calendar.get("kind", "iso")))
    out.add("exported", "Exported", dt.datetime.now().strftime("%Y-%m-%d %H:%M"))
    out.gap()
    for key, label in (("budget", "Total budget"), ("planned", "Planned (flights)"),
                       ("placeholder", "Placeholders"), ("committed", "Committed"),
                       ("actual", "Actual spend"), ("brand", "Brand"),
                       ("promotion", "Promotion")):
        out.add(key, label, _money(frames, t[f"{key}_minor"]), money)
    out.add("allocated", "Allocated (planned + placeholders)",
            _money(frames, t["allocated_minor"]), formats.money_bold,
            "={planned}+{placeholder}")
    out.add("headroom", "Headroom (budget − allocated)",
            _money(frames, t["budget_minor"] - t["allocated_minor"]), formats.money_bold,
            "={budget}-{allocated}")
    out.gap()
    share = budget.brand_share(frames)
    out.add("share", "Brand share", "" if share is None else share, formats.percent_bold,
            '=IF({planned}=0,"",{brand}/{planned})')
    out.add("low", "Brand share: minimum", s.brand_share_min_bp / 10000, formats.percent)
    out.add("target", "Brand share: target", s.brand_share_target_bp / 10000, formats.percent)
    out.add("high", "Brand share: maximum", s.brand_share_max_bp / 10000, formats.percent)
    status = ("–" if share is None else "below range" if share < s.brand_share_min_bp / 10000
              else "above range" if share > s.brand_share_max_bp / 10000 else "within range")
    out.add("status", "Brand share against range", status, None,
            '=IF({share}="","–",IF({share}<{low},"below range",'
            'IF({share}>{high},"above range","within range")))')
    out.gap()
    for label, frame in (("Channels", frames.channels), ("Campaigns", frames.campaigns),
                         ("Flights", frames.flights), ("Actuals", frames.actuals)):
        out.add(label.lower(), label, len(frame), formats.number)
    out.gap()
    _write_findings(sheet, formats, findings, out.row)
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 1, 20)
    sheet.set_column(2, 2, 24)
    sheet.set_column(3, 3, 90)


def _write_findings(sheet: Worksheet, formats: Formats, findings: list[Finding],
                    top: int) -> None:
    sheet.write_string(top, 0, "Health findings", formats.title)
    if not findings:
        sheet.write_string(top + 1, 0, "No findings: the plan passes every check.")
        return
    sheet.write_row(top + 1, 0, ["Severity", "Records", "Rule", "Finding"], formats.header)
    for r, f in enumerate(findings, start=top + 2):
        sheet.write_string(r, 0, f.severity, getattr(formats, f.severity, None))
        sheet.write_number(r, 1, len(f.object_ids), formats.number)
        sheet.write_string(r, 2, f.rule)
        sheet.write_string(r, 3, f.message, formats.wrap)


def write_records(book: Workbook, formats: Formats, plan: Plan) -> None:
    """Campaigns and Flights in the import layout."""
    campaign_headers, campaigns, flight_headers, flights = table_rows(plan)
    for name, headers, rows, columns in (
            ("Campaigns", campaign_headers, campaigns, CAMPAIGN_COLUMNS),
            ("Flights", flight_headers, flights, FLIGHT_COLUMNS)):
        write_table(book.add_worksheet(name), formats, headers, rows,
                    [c.kind for c in columns])


ACTUAL_HEADERS = ("Channel", "Campaign", "Flight ID", "Start", "End", "Spend", "Revenue",
                  "Impressions", "Clicks", "Conversions", "Source", "ID")
ACTUAL_KINDS = ("text", "text", "id", "date", "date", "money", "money", "int", "int", "int",
                "text", "id")


def actual_rows(frames: PlanFrames) -> list[list[Any]]:
    """Actuals with channel and campaign names, money in major units."""
    import pandas as pd

    a = frames.actuals
    channels = frames.channels.set_index("id")["name"]
    campaign_of = frames.flights.set_index("id")["campaign_id"]
    names = frames.campaigns.set_index("id")["name"]
    currency = frames.settings.currency

    def value(v: Any, money: bool = False) -> Any:
        if v is None or pd.isna(v):
            return None
        return to_major(int(v), currency) if money else int(v)

    out = []
    for row in a.itertuples(index=False):
        flight = row.flight_id if isinstance(row.flight_id, str) else None
        campaign = names.get(campaign_of.get(flight)) if flight else None
        out.append([channels.get(row.channel_id, row.channel_id), campaign, flight,
                    row.start.date(), row.end.date(), value(row.spend_minor, True),
                    value(row.revenue_minor, True), value(row.impressions),
                    value(row.clicks), value(row.conversions), row.source, row.id])
    return out


def write_actuals(book: Workbook, formats: Formats, frames: PlanFrames) -> None:
    write_table(book.add_worksheet("Actuals"), formats, ACTUAL_HEADERS, actual_rows(frames),
                ACTUAL_KINDS)


def write_scenario(book: Workbook, formats: Formats, scenario: Scenario,
                   currency: str) -> None:
    """The latest optimiser run: what it was asked, what it gives per channel, and
    its spend per channel and period (or why it was impossible)."""
    sheet = book.add_worksheet("Scenario")
    result, inputs = scenario.result, scenario.inputs

    def money(minor: Any) -> float | None:
        return None if minor is None else float(to_major(int(minor), currency))

    sheet.write_string(0, 0, f"Scenario: {scenario.name}", formats.title)
    out = _Rows(sheet, formats, 2)
    out.add("created", "Created", scenario.created_at)
    out.add("status", "Status", str(result.get("status", "not solved")))
    out.add("objective", "Objective", str(inputs.get("objective", "")))
    out.add("budget", "Budget", money(inputs.get("budget_minor", 0)), formats.money)
    if not scenario.feasible:
        out.add("why", "Why", str(result.get("message", "")))
        for i, conflict in enumerate(result.get("conflicts", []), start=1):
            out.add(f"c{i}", f"Conflict {i}", str(conflict.get("label", conflict)))
        sheet.set_column(0, 0, 20)
        sheet.set_column(1, 1, 90)
        return
    out.add("unspent", "Unspent", money(result.get("unspent_minor", 0)), formats.money)
    if result.get("unspent_reason"):
        out.add("reason", "Why unspent", str(result["unspent_reason"]))
    out.gap()
    headers = ["Channel", "Spend", "Brand", "Promotion", "Revenue", "ROI", "Marginal return"]
    kinds = ["text", "money", "money", "money", "money", "number", "number"]
    rows = [[c["name"], money(c["spend_minor"]), money(c["brand_minor"]),
             money(c["promotion_minor"]), money(c["revenue_minor"]), c.get("roi"),
             c.get("marginal_return")] for c in result.get("channels", [])]
    top = out.row
    write_table(sheet, formats, headers, rows, kinds, top=top)
    _write_scenario_periods(sheet, formats, scenario, money, top + len(rows) + 3)


def _write_scenario_periods(sheet: Worksheet, formats: Formats, scenario: Scenario,
                            money: Any, top: int) -> None:
    spend = scenario.result.get("spend_minor") or []
    periods = [key for key, _, _ in scenario.inputs.get("periods", [])]
    sheet.write_string(top, 0, "Spend per channel and period (brand + promotion)",
                       formats.label)
    sheet.write_row(top + 1, 0, ["Channel", *periods], formats.header)
    for r, (name, cells) in enumerate(zip(scenario.inputs.get("channels", []), spend,
                                          strict=False), start=top + 2):
        sheet.write_string(r, 0, name)
        for t, goals in enumerate(cells, start=1):
            sheet.write_number(r, t, money(sum(goals)), formats.money_whole)
    fit_widths(sheet, ["Channel"], [[n] for n in scenario.inputs.get("channels", [])])
