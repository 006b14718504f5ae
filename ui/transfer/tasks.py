"""What the transfer workers run: plain paths in, a path or a report out.

Each task opens its own read-only connection (`plan_file.reader`), since a SQLite
connection belongs to the thread that opened it, and closes it before returning.
The export modules are imported inside the writers: pandas, xlsxwriter and
matplotlib cost nothing until a planner first exports.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from planner.domain.changes import Done
from planner.errors import PlannerError
from planner.io.imports import CheckedImport
from planner.storage.plan_file import Plan, reader
from ui.workers.runner import Worker

if TYPE_CHECKING:
    from planner.io.platforms.check import PlatformImport

Writer = Callable[[Any, Path], Path]


def _xlsx(plan: Any, path: Path) -> Path:
    from planner.io.workbook import export_xlsx

    return export_xlsx(plan, path)


def _csv(plan: Any, path: Path) -> Path:
    from planner.io.csv_export import export_csv

    return export_csv(plan, path)


def _ics_by_flight(plan: Any, path: Path) -> Path:
    from planner.io.ics_export import export_ics

    return export_ics(plan, path, "flight")


def _ics_by_campaign(plan: Any, path: Path) -> Path:
    from planner.io.ics_export import export_ics

    return export_ics(plan, path, "campaign")


def _pdf_calendar(plan: Any, path: Path) -> Path:
    from planner.io.pdf_calendar import export_calendar_pdf

    return export_calendar_pdf(plan, path, "A4", None, None)  # the whole horizon


def _png_budget(plan: Any, path: Path) -> Path:
    from planner.io.budget_png import export_budget_png

    return export_budget_png(plan, path)


@dataclass(frozen=True)
class ExportFormat:
    key: str
    suffix: str
    write: Writer


FORMATS = {f.key: f for f in (
    ExportFormat("xlsx", ".xlsx", _xlsx),
    ExportFormat("csv", ".csv", _csv),
    ExportFormat("ics-flight", ".ics", _ics_by_flight),
    ExportFormat("ics-campaign", ".ics", _ics_by_campaign),
    ExportFormat("pdf", ".pdf", _pdf_calendar),
    ExportFormat("png", ".png", _png_budget),
)}


def export_task(worker: Worker, plan_path: Path, target: Path, write: Writer) -> Path:
    """Export into a file beside `target` and move it into place only if the planner
    has not cancelled meanwhile: a cancelled export leaves `target` as it was."""
    worker.check_cancelled()
    if target.is_dir():
        raise PlannerError(QCoreApplication.translate(
            "Transfer", "Cannot export to {target}: it is a folder").format(target=target))
    partial = target.with_name(f".{target.stem}.{secrets.token_hex(4)}{target.suffix}")
    try:
        with reader(plan_path) as plan:
            write(plan, partial)
        worker.check_cancelled()
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def preview_task(worker: Worker, plan_path: Path, source: Path, kind: str) -> CheckedImport:
    """Read and check the file on the worker's own connection: every problem, or what
    it would add and change, and the rows ready to write."""
    from planner.io.imports import check_import

    worker.check_cancelled()
    with reader(plan_path) as plan:
        checked = check_import(plan, source, kind)
    worker.check_cancelled()
    return checked


def platform_preview_task(worker: Worker, plan_path: Path, source: Path, unit: str | None,
                          skip_unmatched: bool) -> PlatformImport:
    """Read an ad platform's export and match it by the plan's stored rules, on the
    worker's own connection; the result is both the preview and what is committed."""
    from planner.io.platforms.check import check_platform_import

    worker.check_cancelled()
    with reader(plan_path) as plan:
        checked = check_platform_import(plan, source, unit=unit, skip_unmatched=skip_unmatched)
    worker.check_cancelled()
    return checked


def write_task(worker: Worker, plan: Plan, checked: CheckedImport) -> Done:
    """Write a checked import on a connection of the worker's own, under the plan's
    lock; the result is adopted by the GUI's undo stack as one step."""
    from planner.io.import_action import run_import

    with plan.worker_writer() as writing:
        return run_import(writing, checked)
