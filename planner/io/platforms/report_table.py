"""Platform report tables (Google Ads, Meta, Chinese platforms) to platform rows.

The header is found by :func:`.layouts.find_layout`; lines above it are the title,
date range and account lines, lines below it the data, then totals ("Total:
Account", 合计, 小计, 总计) and notes, which are skipped (a lone grand total is
kept to cross-check the sum). Each cell problem is located by sheet, row and the
column's header as written; a row with one is left out and the import refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from planner.io.import_report import ImportReport
from planner.io.platforms import compliance, dates, values
from planner.io.platforms.columns import METRICS, read_columns
from planner.io.platforms.grid import Grid
from planner.io.platforms.layouts import Layout
from planner.io.platforms.rows import PlatformRow, ReadFile, is_grand_total, is_total
from planner.io.platforms.values import CellError, Unit

_TEXT_FIELDS = ("campaign", "account", "account_id")  # written into each actual's key
_ID_FIELDS = ("campaign_id", "account_id")


@dataclass
class _Units:
    spend: Unit | None
    revenue: Unit | None
    per_row: bool  # a currency column gives each row's unit


class TableReader:
    """Reads one grid by its layout into :class:`PlatformRow` values."""

    def __init__(self, grid: Grid, layout: Layout, report: ImportReport, currency: str,
                 unit: Unit | None) -> None:
        self.grid, self.layout, self.report, self.currency = grid, layout, report, currency
        self.columns = layout.columns
        self.data = grid.lines[layout.header_index + 1:]
        self._mangled = self._blank_spend = self._rounded = 0  # counted, then warned once
        self.units = self._units(unit)

    # -- where ------------------------------------------------------------------
    def header(self, field: str) -> str:
        return str(self.layout.header[self.columns[field]])

    def _problem(self, number: int | None, field: str | None, reason: str,
                 value: Any = None) -> None:
        self.report.problem(reason, sheet=self.grid.sheet, row=number,
                            column=self.header(field) if field else None, value=value)

    def _header_row(self) -> int:
        return self.grid.lines[self.layout.header_index][0]

    # -- units ------------------------------------------------------------------
    def _units(self, given: Unit | None) -> _Units | None:
        stated = self._stated_unit()
        spend = values.unit_in_header(self.header("spend"))
        per_row = "currency" in self.columns and spend is None
        if spend and given and (spend.currency, spend.major) != (given.currency, given.major):
            self._problem(self._header_row(), "spend", f"states {spend.describe()}, but "
                          f"{given.describe()} was given for the import")
            return None
        spend = spend or given or stated
        if spend is None and not per_row:
            self._problem(self._header_row(), "spend",
                          "does not say its unit (元, 分, 厘 or a currency code such as CNY); "
                          "give the unit for this import (--unit)")
            return None
        revenue = None
        if "revenue" in self.columns:
            revenue = values.unit_in_header(self.header("revenue"))
            if revenue is None and spend is not None:
                revenue = spend
                self.report.warnings.append(
                    f"column {self.header('revenue')!r} does not say its unit; read in "
                    f"{spend.describe()}, the unit of {self.header('spend')!r}")
        return _Units(spend, revenue, per_row)

    def _stated_unit(self) -> Unit | None:
        """A "单位：元" or "Currency: CNY" line above the header."""
        for line in self.layout.preamble:
            for part in line.split():
                unit = values.unit_named(part) if (":" in part or "：" in part) else None
                if unit:
                    return unit
        return None

    def unit_labels(self) -> list[str]:
        if self.units is None:
            return []
        labels = []
        if self.units.spend:
            labels.append(f"{self.header('spend')}: {self.units.spend.describe()}")
        elif self.units.per_row:
            labels.append(f"{self.header('spend')}: per row, from {self.header('currency')!r}")
        if "revenue" in self.columns and self.units.revenue:
            labels.append(f"{self.header('revenue')}: {self.units.revenue.describe()}")
        return labels

    # -- compliance -------------------------------------------------------------
    def check_personal(self) -> bool:
        """Drop unneeded personal columns (warn), refuse needed ones; False if refused."""
        used = set(self.columns.values())
        plain = [cells for _, cells in self.data]
        ok = True
        for index, name in enumerate(self.layout.header):
            field = next((f for f, i in self.columns.items() if i == index), None)
            if field in _TEXT_FIELDS and field not in _ID_FIELDS:
                kind = compliance.column_kind(name, {c[index] for c in plain if index < len(c)})
            elif field is not None:
                kind = compliance.header_kind(name)
            else:
                kind = compliance.column_kind(name, compliance.sample(plain, index))
            if kind is None:
                continue
            if index in used:
                self._problem(self._header_row(), field, f"holds {kind}; the plan keeps no "
                              "personal data, so this file is refused: remove the column's "
                              "personal data and import again")
                ok = False
            else:
                self.report.warnings.append(
                    f"column {str(name)!r} holds {kind}; dropped, nothing of it is written")
        return ok

    # -- rows -------------------------------------------------------------------
    def read(self, platform: str) -> ReadFile | None:
        if self.units is None or not self.check_personal():
            return None
        body, totals = self._split()
        rules = self._date_rules(body)
        if rules is None:
            return None
        units = self.units
        fast = read_columns(body, self.columns, self.grid.sheet, rules, self.currency,
                            units.spend, units.revenue if "revenue" in self.columns else None,
                            units.per_row, text=self.grid.encoding is not None)
        self._mangled, self._blank_spend, self._rounded = (fast.mangled, fast.blank_spend,
                                                           fast.rounded)
        rows = fast.rows
        for index in fast.retry:  # in row order, so problems are listed as before
            rows[index] = self._row(*body[index], rules)
        self._warn_counts()
        return ReadFile(platform, self.layout.platform.name, self.unit_labels(),
                        [row for row in rows if row is not None], self._grand_total(totals),
                        self.header("date" if "date" in self.columns else "start"))

    def _split(self) -> tuple[list[tuple[int, list[Any]]], list[tuple[int, list[Any], Any]]]:
        """Data lines, and totals lines with their label; notes (one cell) are skipped.

        A line's label is its first cell, else its first date, campaign or id; whether
        a label is missing or a total is decided once per distinct first cell."""
        labels = [self.columns[f] for f in ("date", "start", "campaign", "campaign_id")
                  if f in self.columns]
        body, totals = [], []
        width = len(self.layout.header)
        first_missing: dict[Any, bool] = {}
        total: dict[Any, bool] = {}
        for line in self.data:
            number, cells = line
            first = cells[0]
            missing = first_missing.get(first)
            if missing is None:
                missing = first_missing[first] = values.is_missing(first)
            label = first if not missing else next(
                (cells[i] for i in labels if i < len(cells) and not values.is_missing(cells[i])),
                None)
            is_a_total = total.get(label)
            if is_a_total is None:
                is_a_total = total[label] = is_total(label)
            if is_a_total:
                totals.append((number, cells, label))
            elif width >= 3 and len(cells) - cells.count(None) - cells.count("") == 1:
                self.report.warnings.append(f"row {number} skipped: a note, not data "
                                            f"({str(label)[:40]!r})")
            else:
                body.append(line)
        return body, totals

    def _date_rules(self, body: list[tuple[int, list[Any]]]) -> dict[str, dates.DateRule] | None:
        rules = {}
        for field in ("date", "start", "end"):
            if field not in self.columns:
                continue
            index = self.columns[field]  # the rule depends on the distinct values alone
            column = {cells[index] for _, cells in body if index < len(cells)}
            try:
                rules[field] = dates.column_rule(column, self.layout.platform.month_first,
                                                 self.header(field))
            except CellError as exc:
                self._problem(self._header_row(), field, str(exc))
                return None
            if rules[field].assumption:
                self.report.warnings.append(rules[field].assumption)
        return rules

    def _warn_counts(self) -> None:
        if self._mangled:
            self.report.warnings.append(
                f"column {self.header('campaign_id')!r}: {self._mangled} row(s) have ids "
                "Excel rounded to a number (like 1.71234E+15), so they cannot identify a "
                "campaign; those rows are matched and keyed by campaign name instead")
        if self._blank_spend:
            self.report.warnings.append(
                f"{self._blank_spend} row(s) have no {self.header('spend')!r} (blank or --); "
                "read as no spend")
        if self._rounded:
            self.report.warnings.append(
                f"{self._rounded} amount(s) had more decimals than the plan's currency keeps; "
                "each was rounded half up to the minor unit")

    def _cell(self, cells: list[Any], field: str) -> Any:
        index = self.columns.get(field)
        return cells[index] if index is not None and index < len(cells) else None

    def _row(self, number: int, cells: list[Any], rules: dict[str, dates.DateRule]
             ) -> PlatformRow | None:
        parsed: dict[str, Any] = {}
        failed = False

        def read(field: str, parse: Any) -> None:
            nonlocal failed
            value = self._cell(cells, field)
            try:
                parsed[field] = None if values.is_missing(value) else parse(value)
            except CellError as exc:
                self._problem(number, field, str(exc), value)
                failed = True

        for field in ("date", "start", "end"):
            if field in self.columns:
                read(field, lambda v, f=field: dates.parse(v, rules[f]))
        start = parsed.get("date") or parsed.get("start")
        end = parsed.get("date") or parsed.get("end") or start
        if start is None and not failed:
            self._problem(number, "date" if "date" in self.columns else "start", "is empty")
            failed = True
        if start and end and end < start:
            self._problem(number, "end", f"is before the start {start}")
            failed = True
        unit = self._row_unit(number, cells)
        if unit is None:
            return None
        read("spend", lambda v: self._amount(v, unit))
        if "revenue" in self.columns and self.units and self.units.revenue:
            revenue_unit = self.units.revenue if not self.units.per_row else unit
            read("revenue", lambda v: self._amount(v, revenue_unit))
        for field, parse in METRICS.items():
            if field in self.columns:
                read(field, parse)
        campaign_id = self._campaign_id(number, cells)
        name = values.normalise(self._cell(cells, "campaign") or "")
        if campaign_id is False:
            return None
        if not name and campaign_id is None:
            self._problem(number, "campaign" if "campaign" in self.columns else "campaign_id",
                          "names no campaign (and no usable id)")
            return None
        if failed:
            return None
        if parsed.get("spend") is None:
            self._blank_spend += 1
        account = values.normalise(self._cell(cells, "account_id") or
                                   self._cell(cells, "account") or "")
        return PlatformRow(number, self.grid.sheet, start, end, account, name, campaign_id,
                           parsed.get("spend") or 0, parsed.get("revenue"),
                           parsed.get("impressions"), parsed.get("clicks"),
                           parsed.get("conversions"))

    def _amount(self, value: Any, unit: Unit) -> int:
        minor, rounded = values.amount(value, unit, self.currency)
        self._rounded += rounded
        return minor

    def _row_unit(self, number: int, cells: list[Any]) -> Unit | None:
        assert self.units is not None
        if not self.units.per_row:
            return self.units.spend
        code = self._cell(cells, "currency")
        unit = values.unit_named(str(code)) if not values.is_missing(code) else None
        if unit is None:
            self._problem(number, "currency", "is not a currency code such as CNY", code)
        return unit

    def _campaign_id(self, number: int, cells: list[Any]) -> str | bool | None:
        """The id as text; None when absent or destroyed; False after a problem."""
        if "campaign_id" not in self.columns:
            return None
        value = self._cell(cells, "campaign_id")
        if values.is_missing(value):
            return None
        try:
            found = values.platform_id(value)
        except CellError as exc:
            self._problem(number, "campaign_id", str(exc), value)
            return False
        if found is None:
            self._mangled += 1
        return found

    def _grand_total(self, totals: list[tuple[int, list[Any], Any]]) -> int | None:
        grand = [(n, c) for n, c, label in totals if is_grand_total(label)]
        if len(grand) != 1 or self.units is None or self.units.per_row:
            return None
        spend = self._cell(grand[0][1], "spend")
        try:
            return values.amount(spend, self.units.spend, self.currency)[0] \
                if self.units.spend and not values.is_missing(spend) else None
        except CellError:
            return None
