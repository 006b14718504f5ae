"""`import_file(kind="history")`: a wide history table with its columns guessed.

The full mapping (which column is which channel, money units, geos) is what
:mod:`planner.io.history_import` takes and `planner import-history` asks for. Here
the common case is read without options: the date column by its name, every other
numeric column a channel's spend in the plan currency's major units, and a column
named like revenue or sales the total outcome. The checks and the write are
history_import's own, so both paths behave the same.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from planner.errors import PlannerError
from planner.io.cells import header_key
from planner.io.history_import import HistoryMapping, import_history, preview_history
from planner.io.import_report import ImportReport
from planner.io.limits import FileRefused, Limits
from planner.io.tabular_read import read_tables
from planner.storage import rows

DATE_NAMES = ("date", "week", "period", "start", "日期", "周", "开始日期", "期间")
OUTCOME_NAMES = ("revenue", "sales", "outcome", "gmv", "营收", "销售额", "收入")


def guess_mapping(header: list[Any], currency: str) -> HistoryMapping | str:
    """The mapping a plain wide table implies, or the reason none can be guessed."""
    names = [str(h) for h in header if h not in (None, "")]
    keys = [header_key(n) for n in names]
    date_at = next((i for i, k in enumerate(keys) if k in DATE_NAMES), None)
    if date_at is None:
        return f"no date column (one named {', '.join(DATE_NAMES)})"
    outcome = next((n for n, k in zip(names, keys, strict=True) if k in OUTCOME_NAMES), None)
    spend = {n: n for i, n in enumerate(names) if i != date_at and n != outcome}
    if not spend:
        return "no spend columns besides the date and outcome"
    return HistoryMapping(date_column=names[date_at], spend_columns=spend,
                          currency_unit="major", outcome_column=outcome, currency=currency)


def import_history_file(plan: Any, path: Path, report: ImportReport,
                        limits: Limits) -> ImportReport:
    try:
        tables = read_tables(path, limits)  # limits and safety first, as for every import
    except FileRefused as exc:
        report.problem(str(exc))
        return report
    currency = rows.read_settings(plan.db).currency
    mapping = guess_mapping(tables[0].header, currency)
    if isinstance(mapping, str):
        report.problem(f"{mapping}; use `planner import-history` to map the columns",
                       sheet=tables[0].sheet, row=1)
        return report
    known = {name for (name,) in plan.db.execute("SELECT name FROM channels")}
    try:
        preview = preview_history(path, mapping, known)
    except PlannerError as exc:  # history_import stops at its first problem, located
        report.problem(str(exc), sheet=tables[0].sheet)
        return report
    report.warnings += list(preview.warnings)
    report.added["history"] = len(preview.rows)
    report.added["channels"] = len([c for c in preview.channels if c not in known])
    if not report.dry_run:
        try:
            done = import_history(plan, preview)
        except PlannerError as exc:
            report.problem(f"nothing was written: {exc}")
            return report
        report.action_id = done.action_id
    return report
