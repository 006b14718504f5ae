"""`check_platform_import`: a platform export read, checked and matched, not written.

Its result is a :class:`~planner.io.imports.CheckedImport` whose writer inserts and
updates exactly the actuals this check computed from the rows it parsed, so the
preview (GUI, `--dry-run`) and the commit (`imports.write_import`, one action, one
undo step) are the same rows. Unmatched rows are problems that stop the import
unless the planner chose to leave them out; either way each is listed.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner.domain.money import format_money
from planner.i18n import QT_TRANSLATE_NOOP
from planner.io.import_actuals import write_actuals
from planner.io.import_report import ImportReport
from planner.io.imports import CheckedImport, plan_stamp
from planner.io.limits import DEFAULT_LIMITS, FileRefused, Limits
from planner.io.platforms.actuals import Matched, plan_platform_actuals
from planner.io.platforms.flowchart import read_flowchart
from planner.io.platforms.grid import Grid, read_grids
from planner.io.platforms.layouts import find_layout
from planner.io.platforms.report_table import TableReader
from planner.io.platforms.rows import ReadFile
from planner.io.platforms.rules import Matcher, MatchRule, load_rules
from planner.io.platforms.values import Unit, unit_named
from planner.io.platforms.words import summary_words
from planner.storage import rows as plan_rows

KIND = "platform"


@dataclass
class PlatformSummary:
    """What the preview shows beside the report: the format and the money."""

    platform: str = ""
    platform_name: str = ""
    encoding: str | None = None
    sheet: str | None = None
    units: list[str] = field(default_factory=list)
    rows: int = 0  # data rows read (after totals and notes)
    matched: int = 0  # actuals (rows of one key added together)
    unmatched: int = 0
    spend_minor: int = 0  # every row read
    matched_spend_minor: int = 0
    file_total_minor: int | None = None
    currency: str = "CNY"

    def lines(self) -> list[str]:
        """The summary in English, each line a `Text` a GUI can show translated."""
        money = lambda minor: format_money(minor, self.currency)  # noqa: E731
        found = {"name": summary_words(self.platform_name), "platform": self.platform,
                 "encoding": self.encoding, "sheet": repr(self.sheet)}
        if self.encoding and self.sheet:
            line = QT_TRANSLATE_NOOP("import", "format: {name} ({platform}), {encoding}, "
                                     "sheet {sheet}")
        elif self.sheet:
            line = QT_TRANSLATE_NOOP("import", "format: {name} ({platform}), sheet {sheet}")
        elif self.encoding:
            line = QT_TRANSLATE_NOOP("import", "format: {name} ({platform}), {encoding}")
        else:
            line = QT_TRANSLATE_NOOP("import", "format: {name} ({platform})")
        out = [line.format(**found)]
        out += [QT_TRANSLATE_NOOP("import", "unit: {unit}").format(unit=summary_words(unit))
                for unit in self.units]
        out.append(QT_TRANSLATE_NOOP("import", "rows: {rows} read, {matched} actuals matched, "
                                     "{unmatched} unmatched").format(
            rows=self.rows, matched=self.matched, unmatched=self.unmatched))
        out.append(QT_TRANSLATE_NOOP("import", "spend: {spend} in the file, {matched} matched"
                                     ).format(spend=money(self.spend_minor),
                                              matched=money(self.matched_spend_minor)))
        if self.file_total_minor is not None:
            out.append(QT_TRANSLATE_NOOP("import", "file's own total: {total}").format(
                total=money(self.file_total_minor)))
        return out


@dataclass
class PlatformImport(CheckedImport):
    summary: PlatformSummary


def check_platform_import(plan: Any, path: str | os.PathLike[str],
                          rules: list[MatchRule] | None = None, *, unit: str | None = None,
                          skip_unmatched: bool = False,
                          limits: Limits = DEFAULT_LIMITS) -> PlatformImport:
    """Read `path` (any platform layout, CSV or xlsx), match its rows by `rules` (the
    plan's remembered rules when None) and check everything; write nothing.

    :param unit: the amounts' unit ("元", "分", "厘", "万元", "CNY") when the file does
        not state it; a file that states another is refused.
    :param skip_unmatched: leave unmatched rows out (each listed as a warning) instead
        of refusing the file.
    """
    with _without_cycle_collection():
        return _check(plan, Path(path), rules, unit, skip_unmatched, limits)


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Checking makes a few hundred thousand cells and rows, none of them in a reference
    cycle; Python's cycle collector would walk them all again and again (about half the
    time of a 100,000-row check) and free nothing, since reference counting frees all."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _check(plan: Any, path: Path, rules: list[MatchRule] | None, unit: str | None,
           skip_unmatched: bool, limits: Limits) -> PlatformImport:
    stamp = plan_stamp(plan)
    report = ImportReport(file=path.name, kind=KIND, dry_run=True)
    currency = plan_rows.read_settings(plan.db).currency
    summary = PlatformSummary(currency=currency)
    checked = PlatformImport(path, KIND, report, stamp, None, summary)
    given = _given_unit(unit, report)
    if report.problems:
        return checked
    try:
        grids = read_grids(path, limits)
    except FileRefused as exc:
        report.problem(str(exc))
        return checked
    read = _read(grids, report, currency, given, summary)
    del grids  # the cells, now read: matching needs only the rows
    if read is None or report.problems:
        return checked
    matched = plan_platform_actuals(plan, read.platform, read.rows,
                                    Matcher(plan, load_rules(plan) if rules is None else rules),
                                    report, read.date_column)
    _summarise(summary, read, matched)
    _list_unmatched(report, matched, currency, skip_unmatched)
    report.added["actuals"] = len(matched.planned.new)
    report.updated["actuals"] = len(matched.planned.changed)
    if not report.problems:
        checked.write = lambda target: write_actuals(target, matched.planned)
    return checked


def _given_unit(unit: str | None, report: ImportReport) -> Unit | None:
    if unit is None:
        return None
    found = unit_named(unit)
    if found is None:
        report.problem(f"unit {unit!r} is not 元, 分, 厘, 万元 or a currency code such as CNY")
    return found


def _read(grids: list[Grid], report: ImportReport, currency: str, given: Unit | None,
          summary: PlatformSummary) -> ReadFile | None:
    """The first sheet with a platform report table, else the first flowchart sheet."""
    for grid in grids:
        layout = find_layout(grid.lines)
        if layout is not None:
            summary.encoding, summary.sheet = grid.encoding, grid.sheet
            return TableReader(grid, layout, report, currency, given).read(layout.platform.key)
    for grid in grids:
        read = read_flowchart(grid, report, currency, given)
        if read is not None or report.problems:
            summary.sheet = grid.sheet
            return read
    report.problem("is not a platform report this planner knows: no line names a date, a "
                   "campaign and the spend (日期, 计划名称, 消耗 / Day, Campaign, Cost), and "
                   "no sheet has months over weeks like a media flowchart")
    return None


def _summarise(summary: PlatformSummary, read: ReadFile, matched: Matched) -> None:
    summary.platform, summary.platform_name, summary.units = (read.platform, read.platform_name,
                                                              read.units)
    summary.rows = len(read.rows)
    summary.matched, summary.unmatched = matched.matched_rows, len(matched.unmatched)
    summary.spend_minor = sum(r.spend_minor for r in read.rows)
    summary.matched_spend_minor = matched.spend_minor
    summary.file_total_minor = read.file_total_minor


def _list_unmatched(report: ImportReport, matched: Matched, currency: str, skip: bool) -> None:
    if matched.merged_rows:
        report.warnings.append(f"{matched.merged_rows} row(s) repeat another row's platform, "
                               "account, campaign and dates (the export is broken down "
                               "further); they were added together")
    for row in matched.unmatched:
        reason = (f"campaign {row.campaign!r}"
                  + (f" (id {row.campaign_id})" if row.campaign_id else "")
                  + f", spend {format_money(row.spend_minor, currency)}: no matching rule "
                  "names its channel")
        if skip:
            report.warnings.append(f"row {row.number} left out: {reason}")
        else:
            report.problem(reason, sheet=row.sheet, row=row.number)
