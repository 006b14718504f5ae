"""`import_file`: one entry for every import (flights, actuals, history).

Reads the file safely, checks every row against the plan, and writes only when
there is no problem at all, in one action (one undo step). A dry run stops after the
checks. Whatever happens, a failed import leaves the plan file as it was: nothing
is written before the checks pass, and a write that fails rolls back whole.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from planner.errors import PlannerError
from planner.io.import_actuals import plan_actuals_import, write_actuals
from planner.io.import_flights import plan_flight_import
from planner.io.import_report import ImportReport
from planner.io.limits import DEFAULT_LIMITS, FileRefused, Limits
from planner.io.tabular_read import read_tables
from planner.storage import rows

KINDS = ("flights", "actuals", "history")
_TABLES = {"Segment": "segments", "Channel": "channels", "Campaign": "campaigns",
           "Flight": "flights"}


def import_file(plan: Any, path: str | os.PathLike[str], kind: str, *, dry_run: bool = False,
                limits: Limits = DEFAULT_LIMITS) -> ImportReport:
    """Import `path` (CSV or xlsx) into `plan`; the report says what was (or would be) done.

    :param kind: "flights" (flights and campaigns in the export's columns), "actuals"
        or "history" (a wide table, see :mod:`planner.io.history_import`).
    :param dry_run: check only; write nothing.
    :raises ValueError: an unknown `kind` (a programming error, not the file's).
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    path = Path(path)
    report = ImportReport(file=path.name, kind=kind, dry_run=dry_run)
    if kind == "history":
        from planner.io.history_table import import_history_file

        return import_history_file(plan, path, report, limits)
    try:
        tables = read_tables(path, limits)
    except FileRefused as exc:
        report.problem(str(exc))
        return report
    if kind == "flights":
        planned = plan_flight_import(plan, tables, report)
        for record in planned.new:
            report.count(_TABLES[type(record).__name__], new=True)
        for record in planned.changed:
            report.count(_TABLES[type(record).__name__], new=False)
        write = _flight_writer(planned)
    else:
        planned = plan_actuals_import(plan, tables, report)
        report.added["actuals"] = len(planned.new)
        report.updated["actuals"] = len(planned.changed)

        def write(target: Any) -> None:
            write_actuals(target, planned)
    if report.problems or dry_run:
        return report
    _write(plan, report, f"Import {kind}", write)
    return report


def _flight_writer(planned: Any) -> Any:
    def write(plan: Any) -> None:
        for record in planned.new:  # segments, channels, campaigns, flights: references first
            rows.insert(plan.db, record)
        for record in planned.changed:
            rows.update(plan.db, record)
    return write


def _write(plan: Any, report: ImportReport, label: str, write: Any) -> None:
    """One action; any failure rolls it back and becomes the report's problem."""
    try:
        with plan.action(label, kind="import") as action:
            write(plan)
        report.action_id = None if action.empty else action.id
    except (PlannerError, sqlite3.Error) as exc:
        report.problem(f"nothing was written: {exc}")
