"""`import_file`: one entry for every import (flights, actuals, history).

Reads the file safely, checks every row against the plan, and writes only when
there is no problem at all, in one action (one undo step). A dry run stops after the
checks. Whatever happens, a failed import leaves the plan file as it was: nothing
is written before the checks pass, and a write that fails rolls back whole.
"""

from __future__ import annotations

import dataclasses
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
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


@dataclass
class CheckedImport:
    """A file checked against the plan as it stood at `stamp` (its last action).

    Checking reads and validates every row, which takes seconds on a big file; it
    can run on a worker's own connection, and `write_import` then only writes, on the
    plan's connection, provided nothing changed the plan meanwhile.
    """

    path: Path
    kind: str
    report: ImportReport
    stamp: int
    write: Callable[[Any], None] | None  # None for history, which re-reads on write


def plan_stamp(plan: Any) -> int:
    """The plan's last action, to tell whether it changed between a check and its write."""
    return int(plan.db.execute("SELECT COALESCE(MAX(seq), 0) FROM actions").fetchone()[0])


def check_import(plan: Any, path: str | os.PathLike[str], kind: str, *,
                 limits: Limits = DEFAULT_LIMITS) -> CheckedImport:
    """Read and check `path` against `plan` without writing; every problem is reported.

    :raises ValueError: an unknown `kind` (a programming error, not the file's).
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    path = Path(path)
    stamp = plan_stamp(plan)
    report = ImportReport(file=path.name, kind=kind, dry_run=True)
    if kind == "history":
        from planner.io.history_table import import_history_file

        return CheckedImport(path, kind, import_history_file(plan, path, report, limits),
                             stamp, None)
    try:
        tables = read_tables(path, limits)
    except FileRefused as exc:
        report.problem(str(exc))
        return CheckedImport(path, kind, report, stamp, None)
    if kind == "flights":
        planned = plan_flight_import(plan, tables, report)
        for record in planned.new:
            report.count(_TABLES[type(record).__name__], new=True)
        for record in planned.changed:
            report.count(_TABLES[type(record).__name__], new=False)
        return CheckedImport(path, kind, report, stamp, _flight_writer(planned))
    planned = plan_actuals_import(plan, tables, report)
    report.added["actuals"] = len(planned.new)
    report.updated["actuals"] = len(planned.changed)
    return CheckedImport(path, kind, report, stamp,
                         lambda target: write_actuals(target, planned))


def write_import(plan: Any, checked: CheckedImport, *,
                 limits: Limits = DEFAULT_LIMITS) -> ImportReport:
    """Write a checked import as one action; refused whole when it had problems or the
    plan changed after the check (the rows were checked against another plan)."""
    checked_report = checked.report
    report = dataclasses.replace(checked_report, dry_run=False,
                                 problems=list(checked_report.problems),
                                 warnings=list(checked_report.warnings))
    if report.problems:
        return report
    if plan_stamp(plan) != checked.stamp:
        report.problem("the plan changed after the file was checked; import it again")
        return report
    if checked.kind == "history":
        from planner.io.history_table import import_history_file

        fresh = ImportReport(file=checked.path.name, kind="history", dry_run=False)
        return import_history_file(plan, checked.path, fresh, limits)
    if checked.write is not None:
        _write(plan, report, f"Import {checked.kind}", checked.write)
    return report


def import_file(plan: Any, path: str | os.PathLike[str], kind: str, *, dry_run: bool = False,
                limits: Limits = DEFAULT_LIMITS) -> ImportReport:
    """Import `path` (CSV or xlsx) into `plan`; the report says what was (or would be) done.

    :param kind: "flights" (flights and campaigns in the export's columns), "actuals"
        or "history" (a wide table, see :mod:`planner.io.history_import`).
    :param dry_run: check only; write nothing.
    :raises ValueError: an unknown `kind` (a programming error, not the file's).
    """
    checked = check_import(plan, path, kind, limits=limits)
    if dry_run:
        return checked.report
    return write_import(plan, checked, limits=limits)


def _flight_writer(planned: Any) -> Callable[[Any], None]:
    def write(plan: Any) -> None:
        for record in planned.new:  # segments, channels, campaigns, flights: references first
            rows.insert(plan.db, record)
        for record in planned.changed:
            rows.update(plan.db, record)
    return write


def _write(plan: Any, report: ImportReport, label: str, write: Callable[[Any], None]) -> None:
    """One action; any failure rolls it back and becomes the report's problem."""
    try:
        with plan.action(label, kind="import") as action:
            write(plan)
        report.action_id = None if action.empty else action.id
    except (PlannerError, sqlite3.Error) as exc:
        report.problem(f"nothing was written: {exc}")
