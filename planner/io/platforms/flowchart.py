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

from planner.domain.money import format_money
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
    sums = _Sums(grid, weeks, report, unit, currency)
    label = ""
    for number, cells in grid.lines[week_line + 1:]:
        labels = [values.normalise(c) for c in cells[:weeks.first] if not values.is_missing(c)]
        if labels and is_total(labels[0]):
            if is_grand_total(labels[0]):
                sums.check_grand(number, cells)
            continue
        label = " / ".join(labels) or label  # a merged media cell names the rows under it
        row_sum = _Sum()
        for column, start in weeks.columns.items():
            value = cells[column] if column < len(cells) else None
            if values.is_missing(value):
                continue
            try:
                minor, rounded = values.amount(value, unit, currency)
            except CellError as exc:
                report.problem(str(exc), sheet=grid.sheet, row=number,
                               column=f"week of {start.isoformat()}", value=value)
                continue
            row_sum.add(minor, rounded)
            sums.columns.setdefault(column, _Sum()).add(minor, rounded)
            rows.append(PlatformRow(number, grid.sheet, start, ends[column], grid.sheet or "",
                                    label, None, minor))
        sums.check_row(number, cells, row_sum)
    return ReadFile(PLATFORM, "agency media flowchart", [f"weekly amounts: {unit.describe()}"],
                    rows, sums.grand)


@dataclass
class _Sum:
    """Amounts added up, and how many were rounded to the minor unit on the way."""

    minor: int = 0
    rounded: int = 0

    def add(self, minor: int, rounded: bool | int) -> None:
        self.minor += minor
        self.rounded += rounded

    def matches(self, stated: tuple[int, bool]) -> bool:
        """The stated total is this sum, to the minor unit; only amounts finer than
        it (each off by half a unit at most) allow a difference, of what they explain."""
        return abs(stated[0] - self.minor) <= (self.rounded + stated[1]) // 2


class _Sums:
    """The flowchart's own totals checked against its cells: each media row's total
    (the totals column), and the 合计 row's week totals and grand total. A total that
    is not the sum of what it adds up is a problem at its cell: the sheet is
    inconsistent, and which figure is right is the planner's call. Subtotal rows
    (小计) add up groups the sheet does not mark, so they are skipped, not checked."""

    def __init__(self, grid: Grid, weeks: _Weeks, report: ImportReport, unit: Unit,
                 currency: str) -> None:
        self.grid, self.weeks, self.report, self.unit, self.currency = (grid, weeks, report,
                                                                        unit, currency)
        self.columns: dict[int, _Sum] = {}
        self.all = _Sum()
        self.grand: int | None = None
        total = weeks.total_column
        heads = [grid.lines[weeks.month_line + i][1] for i in (0, 1)]
        self.total_header = next((str(h[total]) for h in heads if total is not None
                                  and total < len(h) and is_total(h[total])), "Total")

    def _stated(self, cells: list[Any], column: int | None) -> tuple[int, bool] | None:
        if column is None or column >= len(cells) or values.is_missing(cells[column]):
            return None
        try:
            return values.amount(cells[column], self.unit, self.currency)
        except CellError:
            return None

    def _mismatch(self, number: int, column: str, stated: tuple[int, bool], summed: _Sum,
                  what: str) -> None:
        money = lambda minor: format_money(minor, self.currency)  # noqa: E731
        self.report.problem(f"the total {money(stated[0])} is not the sum of {what} "
                            f"({money(summed.minor)}); correct the sheet and import again",
                            sheet=self.grid.sheet, row=number, column=column)

    def check_row(self, number: int, cells: list[Any], row: _Sum) -> None:
        self.all.add(row.minor, row.rounded)
        stated = self._stated(cells, self.weeks.total_column)
        if stated is not None and not row.matches(stated):
            self._mismatch(number, self.total_header, stated, row, "the row's weeks")

    def check_grand(self, number: int, cells: list[Any]) -> None:
        for column, start in self.weeks.columns.items():
            stated = self._stated(cells, column)
            summed = self.columns.get(column, _Sum())
            if stated is not None and not summed.matches(stated):
                self._mismatch(number, f"week of {start.isoformat()}", stated, summed,
                               "the week's media")
        stated = self._stated(cells, self.weeks.total_column)
        if stated is not None:
            self.grand = stated[0]
            if not self.all.matches(stated):
                self._mismatch(number, self.total_header, stated, self.all, "every media row")
