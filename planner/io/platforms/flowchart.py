"""Agency media flowcharts (排期表): media down, weeks across under their months.

The layout is told by its content: a line of months ("2026年6月", "Jun 2026", a
first-of-month date, merged across its weeks) over a line of week starts (day
numbers, dates or "6/1"), media names in the columns before the weeks, and a totals
row and column (合计, Total) that are skipped. Each media row's week cell becomes
one platform row spanning that week (to the day before the next week's start); the
amount's unit comes from a "单位：元 / 万元" line above, or from the planner.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from planner.io.import_report import ImportReport
from planner.io.platforms import values
from planner.io.platforms.grid import Grid
from planner.io.platforms.rows import PlatformRow, ReadFile, is_grand_total, is_total
from planner.io.platforms.values import CellError, Unit

PLATFORM = "flowchart"
_SEARCH_LINES = 20
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                "dec")
_YEAR_MONTH = re.compile(r"^(\d{4})\s*[年/.-]\s*(\d{1,2})\s*月?$|^()(\d{1,2})\s*月$")
_NAMED_MONTH = re.compile(r"^([a-z]{3})[a-z]*\.?\s*(\d{4})?$")
_DAY = re.compile(r"^(?:(\d{1,2})\s*[/.月-]\s*)?(\d{1,2})\s*日?(?:\s*[-~–至].*)?$")
_YEAR = re.compile(r"(20\d\d)\s*年?")


@dataclass(frozen=True)
class _Weeks:
    month_line: int  # index into grid.lines
    columns: dict[int, dt.date]  # column -> week start
    first: int  # the first week column: label columns are before it
    total_column: int | None


def _month(value: Any, year: int | None) -> tuple[int | None, int] | None:
    if isinstance(value, dt.date):
        return value.year, value.month
    text = values.normalise(value).casefold() if value is not None else ""
    if found := _YEAR_MONTH.match(text):
        month = int(found.group(2) or found.group(4))
        return (int(found.group(1)) if found.group(1) else year, month) if 1 <= month <= 12 \
            else None
    if (found := _NAMED_MONTH.match(text)) and found.group(1) in _MONTH_NAMES:
        return (int(found.group(2)) if found.group(2) else year,
                _MONTH_NAMES.index(found.group(1)) + 1)
    return None


def _week_start(value: Any, month: tuple[int | None, int]) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = values.normalise(value) if value is not None else ""
    found = _DAY.match(text)
    if not found or month[0] is None:
        return None
    month_number = int(found.group(1)) if found.group(1) else month[1]
    try:
        return dt.date(month[0], month_number, int(found.group(2)))
    except ValueError:
        return None


def find_weeks(grid: Grid, year: int | None) -> _Weeks | None:
    """The month line and the week line under it, or None: not a flowchart."""
    lines = grid.lines
    for index in range(min(len(lines) - 1, _SEARCH_LINES)):
        months = {c: m for c, cell in enumerate(lines[index][1])
                  if (m := _month(cell, year)) is not None}
        if not months:
            continue
        below = lines[index + 1][1]
        columns: dict[int, dt.date] = {}
        current = None
        total = None
        for c in range(min(c for c in months), max(len(below), len(lines[index][1]))):
            head = lines[index][1][c] if c < len(lines[index][1]) else None
            if is_total(head) or (c < len(below) and is_total(below[c])):
                total = c
                current = None
                continue
            current = months.get(c, current)
            start = _week_start(below[c], current) if current and c < len(below) else None
            if start is not None:
                columns[c] = start
        if len(columns) >= 2:
            return _Weeks(index, columns, min(columns), total)
    return None


def _year(grid: Grid, before: int) -> int | None:
    for _, cells in grid.lines[:before + 1]:
        for cell in cells:
            if isinstance(cell, str) and (found := _YEAR.search(values.normalise(cell))):
                return int(found.group(1))
    return None


def _unit(grid: Grid, before: int, given: Unit | None) -> Unit | None:
    for _, cells in grid.lines[:before]:
        for cell in cells:
            for part in values.normalise(cell).replace("：", ":").split():
                if ":" in part and (unit := values.unit_named(part)):
                    return unit
            if (unit := values.unit_in_header(str(cell))) is not None:
                return unit
    return given


def read_flowchart(grid: Grid, report: ImportReport, currency: str, given: Unit | None
                   ) -> ReadFile | None:
    """A flowchart sheet's weekly spend as platform rows, or None: not a flowchart."""
    weeks = find_weeks(grid, _year(grid, _SEARCH_LINES))
    if weeks is None:
        return None
    week_line = weeks.month_line + 1
    unit = _unit(grid, weeks.month_line, given)
    header_row = grid.lines[week_line][0]
    if unit is None:
        report.problem("the flowchart does not say its unit (a line like 单位：元 or 单位：万元); "
                       "give the unit for this import (--unit)", sheet=grid.sheet, row=header_row)
        return None
    starts = sorted(weeks.columns.items(), key=lambda item: item[1])
    ends = {c: (starts[i + 1][1] - dt.timedelta(days=1) if i + 1 < len(starts)
                and (starts[i + 1][1] - s).days <= 7 else s + dt.timedelta(days=6))
            for i, (c, s) in enumerate(starts)}
    rows: list[PlatformRow] = []
    grand = None
    label = ""
    for number, cells in grid.lines[week_line + 1:]:
        labels = [values.normalise(c) for c in cells[:weeks.first] if not values.is_missing(c)]
        if labels and is_total(labels[0]):
            if is_grand_total(labels[0]) and weeks.total_column is not None \
                    and weeks.total_column < len(cells):
                grand = _safe_amount(cells[weeks.total_column], unit, currency)
            continue
        label = " / ".join(labels) or label  # a merged media cell names the rows under it
        for column, start in weeks.columns.items():
            value = cells[column] if column < len(cells) else None
            if values.is_missing(value):
                continue
            try:
                minor, _ = values.amount(value, unit, currency)
            except CellError as exc:
                report.problem(str(exc), sheet=grid.sheet, row=number,
                               column=f"week of {start.isoformat()}", value=value)
                continue
            rows.append(PlatformRow(number, grid.sheet, start, ends[column], grid.sheet or "",
                                    label, None, minor))
    return ReadFile(PLATFORM, "agency media flowchart", [f"weekly amounts: {unit.describe()}"],
                    rows, grand)


def _safe_amount(value: Any, unit: Unit, currency: str) -> int | None:
    try:
        return values.amount(value, unit, currency)[0]
    except CellError:
        return None
