"""File ▸ Export and File ▸ Import: choose a file, work in a worker, report back.

Exports and the import's dry run read the plan through their own connection on a
pool thread, so a big workbook never freezes the window. The import itself writes
on the GUI thread's connection (the only writer) as one `ServiceCommand`, so it
is one undo step like any other edit; the dry run has already shown every problem.

An ad platform's export is previewed in a dialog that stays open while the planner
gives the unit, leaves unmatched rows out or edits the matching rules (saved as
their own undo step); each change re-checks the file in a worker.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from planner.domain.changes import Done
from planner.io.import_action import recorded
from planner.io.imports import CheckedImport
from ui import dialogs
from ui.commands.base import ServiceCommand
from ui.document import PlanDocument
from ui.models.plan_index import PlanIndex
from ui.transfer.match_rules import MatchRulesDialog
from ui.transfer.platform_preview import PlatformPreviewDialog
from ui.transfer.preview import ImportPreviewDialog
from ui.transfer.progress import TransferProgress
from ui.transfer.tasks import (
    FORMATS,
    export_task,
    platform_preview_task,
    preview_task,
    write_task,
)
from ui.workers.runner import Worker, WorkerPool

if TYPE_CHECKING:
    from planner.io.platforms.check import PlatformImport

PLATFORM = "platform"

_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class TransferController(QObject):
    """Owns the Export and Import menus of one window; `message` is for its status bar."""

    message = Signal(str)

    def __init__(self, document: PlanDocument, index: PlanIndex, window: QWidget, *,
                 workers: WorkerPool | None = None) -> None:
        super().__init__(window)
        self._document = document
        self._index = index
        self._window = window
        self._workers = workers if workers is not None else WorkerPool(self)
        self._running: Worker | None = None
        self.progress: TransferProgress | None = None
        self.platform_preview: PlatformPreviewDialog | None = None  # while one is open
        self._latest_check: Worker | None = None
        self.export_menu = QMenu(self.tr("&Export"), window)
        self.import_menu = QMenu(self.tr("&Import"), window)
        self.export_actions: dict[str, QAction] = {}
        self.import_actions: dict[str, QAction] = {}
        self._build_menus()
        document.opened.connect(self._update_actions)
        document.closed.connect(self._update_actions)
        self._update_actions()

    # -- menus ------------------------------------------------------------------------
    def _build_menus(self) -> None:
        exports = (("xlsx", self.tr("Excel &workbook…")), ("csv", self.tr("&CSV of flights…")),
                   ("ics-flight", self.tr("iCalendar by &flight…")),
                   ("ics-campaign", self.tr("iCalendar by c&ampaign…")),
                   ("pdf", self.tr("&PDF calendar…")), ("png", self.tr("P&NG budget charts…")))
        for key, text in exports:
            self.export_actions[key] = self._action(self.export_menu, text,
                                                    lambda _=False, k=key: self.export(k))
        imports = (("flights", self.tr("&Flights and campaigns…")),
                   ("actuals", self.tr("&Actuals…")), ("history", self.tr("Channel &history…")),
                   (PLATFORM, self.tr("Ad &platform report…")))
        for kind, text in imports:
            self.import_actions[kind] = self._action(self.import_menu, text,
                                                     lambda _=False, k=kind: self.import_(k))

    def _action(self, menu: QMenu, text: str, slot: Callable[..., None]) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        return action

    def _update_actions(self) -> None:
        free = self._document.is_open and self._running is None
        for action in self.export_actions.values():
            action.setEnabled(free)
        for action in self.import_actions.values():
            action.setEnabled(free and not self._document.read_only)

    @property
    def busy(self) -> bool:
        return self._running is not None

    # -- export -----------------------------------------------------------------------
    def _filters(self) -> dict[str, str]:
        return {".xlsx": self.tr("Excel workbooks (*.xlsx)"), ".csv": self.tr("CSV files (*.csv)"),
                ".ics": self.tr("iCalendar files (*.ics)"), ".pdf": self.tr("PDF files (*.pdf)"),
                ".png": self.tr("PNG images (*.png)")}

    def export(self, key: str) -> None:
        """Ask where, then export in a worker (File ▸ Export ▸ …)."""
        suffix = FORMATS[key].suffix
        chosen = dialogs.choose_save_path(self._window, self.tr("Export"),
                                          str(self._suggested_path(suffix)),
                                          self._filters()[suffix])
        if chosen:
            target = Path(chosen)
            if target.suffix.lower() != suffix:
                target = target.with_name(target.name + suffix)
            self.export_to(key, target)

    def _suggested_path(self, suffix: str) -> Path:
        plan_path = self._document.plan.path
        settings = self._index.settings
        name = _UNSAFE_NAME.sub(" ", settings.name if settings else "").strip() \
            or plan_path.stem
        return plan_path.parent / f"{name}{suffix}"

    def export_to(self, key: str, target: Path) -> Worker:
        """Export the open plan as format `key` to `target`, without asking."""
        worker = Worker(export_task, self._document.plan.path, target, FORMATS[key].write)
        text = self.tr("Exporting to %1…").replace("%1", target.name)
        return self._start(worker, text, self.tr("Export failed"), self._exported)

    def _exported(self, target: object) -> None:
        self.message.emit(self.tr("Exported %1").replace("%1", str(target)))

    # -- import -----------------------------------------------------------------------
    def import_(self, kind: str) -> None:
        """Ask for a file, then preview it (File ▸ Import ▸ …)."""
        folder = self._document.plan.path.parent
        files = (self.tr("Platform reports (*.csv *.tsv *.txt *.xlsx);;All files (*)")
                 if kind == PLATFORM else self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"))
        chosen = dialogs.choose_open_path(self._window, self.tr("Import"), str(folder), files)
        if chosen:
            self.preview(Path(chosen), kind)

    def preview(self, source: Path, kind: str) -> Worker:
        """Dry-run `source` in a worker, then show what it found."""
        plan_path = self._document.plan.path
        worker = (Worker(platform_preview_task, plan_path, source, None, False)
                  if kind == PLATFORM else Worker(preview_task, plan_path, source, kind))
        text = self.tr("Checking %1…").replace("%1", source.name)
        return self._start(worker, text, self.tr("Import failed"),
                           lambda checked: self._previewed(plan_path, checked))

    def _previewed(self, plan_path: Path, checked: CheckedImport) -> None:
        if self._document.path != plan_path:  # the plan was closed or swapped meanwhile
            return
        if checked.kind == PLATFORM:
            self._platform_previewed(plan_path, checked)  # type: ignore[arg-type]
            return
        dialog = ImportPreviewDialog(checked.report, self._window)
        try:
            accepted = dialogs.run_dialog(dialog) and checked.report.ok
        finally:
            dialog.deleteLater()
        if accepted:
            self.import_now(checked)

    def import_now(self, checked: CheckedImport) -> Worker:
        """Write the checked rows in a worker, the window held by a modal progress so
        nothing else writes meanwhile; the written action becomes one undo step. A
        refusal (the plan changed since the check) is reported like a refused edit."""
        labels = {"flights": self.tr("Import flights"), "actuals": self.tr("Import actuals"),
                  "history": self.tr("Import channel history"),
                  PLATFORM: self.tr("Import platform actuals")}
        worker = Worker(write_task, self._document.plan, checked)
        text = self.tr("Importing %1…").replace("%1", checked.path.name)
        started = self._start(worker, text, labels[checked.kind],
                              lambda done: self._imported(labels[checked.kind], checked, done),
                              modal=True, refused=self._document.report)
        return started

    def _imported(self, label: str, checked: CheckedImport, done: Done) -> None:
        command = ServiceCommand(self._document, label, recorded, done)
        self._document.push(command)
        if command.action_id is None:
            self.message.emit(self.tr("Nothing to import: every row is as in the plan"))
            return
        self.message.emit(self.tr("Imported %1").replace("%1", checked.path.name))

    # -- platform exports -------------------------------------------------------------
    def _platform_previewed(self, plan_path: Path, checked: PlatformImport) -> None:
        dialog = PlatformPreviewDialog(checked, self._window)
        self.platform_preview = dialog
        dialog.recheck_requested.connect(lambda: self.recheck(plan_path, dialog))
        dialog.rules_button.clicked.connect(lambda: self.edit_rules(plan_path, dialog))
        try:
            accepted = dialogs.run_dialog(dialog) and dialog.checked.report.ok \
                and not dialog.checking
        finally:
            self.platform_preview, self._latest_check = None, None  # late checks go nowhere
            dialog.deleteLater()
        if accepted and self._document.path == plan_path:
            self.import_now(dialog.checked)

    def recheck(self, plan_path: Path, dialog: PlatformPreviewDialog) -> Worker:
        """Check the file again with the dialog's options and the plan's rules as they
        are now; only the newest check reaches the dialog."""
        dialog.show_checking()
        worker = Worker(platform_preview_task, plan_path, dialog.checked.path, dialog.unit(),
                        dialog.skip_unmatched())
        self._latest_check = worker
        worker.signals.finished.connect(
            lambda checked: self._latest_check is worker and dialog.show_checked(checked))
        worker.signals.failed.connect(
            lambda message: self._latest_check is worker and dialog.show_failed(message))
        return self._workers.start(worker)

    def edit_rules(self, plan_path: Path, dialog: PlatformPreviewDialog) -> None:
        """The matching rules dialog; saved rules (one undo step) re-check the file."""
        rules = MatchRulesDialog(self._document, self._index, dialog)
        try:
            if dialogs.run_dialog(rules) and rules.saved:
                self.recheck(plan_path, dialog)
        finally:
            rules.deleteLater()

    # -- running ----------------------------------------------------------------------
    def _start(self, worker: Worker, text: str, failure_title: str,
               then: Callable[[Any], None], *, modal: bool = False,
               refused: Callable[[str], None] | None = None) -> Worker:
        """Run `worker` with a progress window; `then(result)` once it is closed.

        :param modal: hold the window while it runs (a write must be the only one).
        :param refused: where a failure goes instead of a message box.
        """
        self._running = worker
        self.progress = TransferProgress(worker, text, self._window, modal=modal)
        worker.signals.finished.connect(lambda result: (self._done(), then(result)))
        worker.signals.failed.connect(
            lambda message: self._failed(worker, failure_title, message, refused))
        self._update_actions()
        return self._workers.start(worker)

    def _done(self) -> None:
        self._running = None
        if self.progress is not None:
            self.progress.finish()
            self.progress = None
        self._update_actions()

    def _failed(self, worker: Worker, title: str, message: str,
                refused: Callable[[str], None] | None = None) -> None:
        self._done()
        if worker.cancelled:
            self.message.emit(self.tr("Cancelled"))
        elif refused is not None:
            refused(message)
        else:
            dialogs.inform(self._window, title, message)
