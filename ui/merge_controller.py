"""File ▸ Merge a Copy…: choose the copy, preview in a worker, choose, apply as one edit.

The preview reads both files (the other copy read-only, this plan through its own
`reader` connection), which takes over 100 ms on a big plan, so it runs on a pool
thread. It records the plan's latest action, and `apply_merge` refuses a plan that
moved on since; an edit made here while the preview ran therefore starts the preview
again rather than letting the planner choose on stale values. The merge itself
writes on a connection of a worker's own (`Plan.worker_writer`, as an import does),
the window held by a modal progress so nothing else writes meanwhile; the written
action is then adopted as one `ServiceCommand`: one Edit ▸ Undo step, and the index
(so the calendar and budget) follows from the `changed` it broadcasts.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from planner.errors import PlannerError
from planner.io.import_action import recorded
from planner.merge import MergeDone, MergePreview, apply_merge, merge_preview
from planner.services.health import Finding
from planner.storage.plan_file import Plan, reader
from ui import dialogs
from ui.commands.base import ServiceCommand
from ui.document import PlanDocument
from ui.i18n import translated
from ui.merge_dialog import MergeDialog
from ui.models.plan_index import PlanIndex
from ui.transfer.progress import TransferProgress
from ui.workers.runner import Worker, WorkerPool

SHOWN_FINDINGS = 8  # more would make the message box taller than a screen


def preview_task(_worker: Worker, plan_path: Path, theirs_path: Path) -> MergePreview:
    """On a pool thread: the preview, read through a connection of this thread's own."""
    with reader(plan_path) as mine:
        return merge_preview(mine, theirs_path)


def apply_task(_worker: Worker, plan: Plan, preview: MergePreview,
               choices: dict[str, str]) -> MergeDone:
    """On a pool thread: the merge written on a connection of the worker's own, under
    the plan's lock (a big merge takes well over 100 ms)."""
    with plan.worker_writer() as writing:
        return apply_merge(writing, preview, choices)


class MergeController(QObject):
    """Owns File ▸ Merge a Copy… for one window; `message` is for its status bar and
    `finished` tells that one merge attempt is over (merged, cancelled or refused).

    `index` is taken like the other controllers' but needs no call: the merge's
    `changed` updates it, and the calendar and budget follow the index.
    """

    message = Signal(str)
    finished = Signal()

    def __init__(self, document: PlanDocument, index: PlanIndex, window: QWidget, *,
                 workers: WorkerPool | None = None) -> None:
        super().__init__(window)
        del index
        self._document = document
        self._window = window
        self._workers = workers if workers is not None else WorkerPool(self)
        self._running: Worker | None = None
        self._stale = False
        self.last_result: MergeDone | None = None
        self.merge_action = QAction(self.tr("&Merge a Copy…"), self)
        self.merge_action.setStatusTip(self.tr("Bring in the changes made in an offline copy "
                                               "of this plan"))
        self.merge_action.triggered.connect(self.merge_dialog)
        document.opened.connect(self._update_action)
        document.closed.connect(self._update_action)
        document.changed.connect(self._plan_changed)
        self._update_action()

    @property
    def busy(self) -> bool:
        return self._running is not None

    def _update_action(self) -> None:
        self.merge_action.setEnabled(self._document.is_open and not self._document.read_only
                                     and self._running is None)

    def _plan_changed(self, _changes: object) -> None:
        if self._running is not None:
            self._stale = True

    # -- choosing and previewing ------------------------------------------------------
    def merge_dialog(self) -> None:
        """Ask for the copy, then preview it (File ▸ Merge a Copy…)."""
        if not self._document.is_open or self._running is not None:
            return
        folder = str(self._document.plan.path.parent)
        chosen = dialogs.choose_open_path(self._window, self.tr("Merge a copy"), folder)
        if chosen:
            self.preview(Path(chosen))

    def preview(self, theirs_path: Path) -> Worker:
        """Compare the copy at `theirs_path` with the open plan in a worker; the dialog
        follows when it is done."""
        plan_path = self._document.plan.path
        worker = Worker(preview_task, plan_path, theirs_path)
        worker.signals.finished.connect(
            lambda preview: self._previewed(plan_path, theirs_path, preview))
        worker.signals.failed.connect(self._refused)
        self._running, self._stale = worker, False
        self._update_action()
        self.message.emit(self.tr("Comparing with %1…").replace("%1", theirs_path.name))
        return self._workers.start(worker)

    def _previewed(self, plan_path: Path, theirs_path: Path, preview: MergePreview) -> None:
        self._running = None
        self._update_action()
        if self._document.path != plan_path:  # the plan was closed or swapped meanwhile
            self.finished.emit()
            return
        if self._stale:  # an edit landed after the preview read the plan
            self.preview(theirs_path)
            return
        if preview.nothing_to_do:
            self._record_only(preview)
            return
        dialog = MergeDialog(preview, self._window)
        try:
            accepted = dialogs.run_dialog(dialog)
            choices = dialog.choices()
        finally:
            dialog.deleteLater()
        if accepted:
            self.apply(preview, choices)
        else:
            self.message.emit(self.tr("Merge cancelled; nothing was changed"))
            self.finished.emit()

    def _refused(self, message: str) -> None:
        """A copy of another plan, a newer or damaged file: both files are untouched."""
        self._running = None
        self._update_action()
        dialogs.inform(self._window, self.tr("Cannot merge"), message)
        self.finished.emit()

    def _record_only(self, preview: MergePreview) -> None:
        """Nothing to write; the copy's actions are still noted as merged, so that a
        later merge of a newer copy compares from here."""
        if preview.theirs_actions:
            try:
                self._document.run(apply_merge, preview, {})
            except PlannerError as exc:
                self._document.report(str(exc))
        dialogs.inform(self._window, self.tr("Nothing to merge"),
                       self.tr("%1 has no change that this plan does not already have.")
                       .replace("%1", preview.theirs_path.name))
        self.finished.emit()

    # -- applying ---------------------------------------------------------------------
    def apply(self, preview: MergePreview, choices: dict[str, str]) -> Worker:
        """Merge as previewed with `choices` in a worker, as one undoable edit; a
        refusal (the plan moved on since the preview) is reported like a refused edit.
        `finished` follows either way, and `last_result` holds what was merged."""
        self.last_result = None
        worker = Worker(apply_task, self._document.plan, preview, choices)
        progress = TransferProgress(
            worker, self.tr("Merging %1…").replace("%1", preview.theirs_path.name),
            self._window, modal=True)
        worker.signals.finished.connect(
            lambda done: (progress.finish(), self._merged(preview, done)))
        worker.signals.failed.connect(
            lambda message: (progress.finish(), self._apply_refused(message)))
        self._running = worker
        self._update_action()
        return self._workers.start(worker)

    def _merged(self, preview: MergePreview, done: MergeDone) -> None:
        self._running = None
        self._update_action()
        label = self.tr("Merge copy from %1").replace("%1", preview.theirs_user)
        self._document.push(ServiceCommand(self._document, label, recorded, done))
        self.last_result = done
        self._report(preview, done)
        self.finished.emit()

    def _apply_refused(self, message: str) -> None:
        self._running = None
        self._update_action()
        self._document.report(message)
        self.finished.emit()

    def _report(self, preview: MergePreview, done: MergeDone) -> None:
        if done.action_id is None:
            self.message.emit(self.tr("Merged: this plan already had every change"))
            return
        merged = self.tr("Merged %1's copy: %2 change(s) taken, %3 conflict(s) resolved.") \
            .replace("%1", preview.theirs_user) \
            .replace("%2", str(len(preview.side("theirs")))) \
            .replace("%3", str(len(preview.conflicts)))
        if not done.created:
            self.message.emit(merged + " " + self.tr("No new plan health findings."))
            return
        self.message.emit(merged)
        dialogs.inform(self._window, self.tr("Merged: please check the plan"),
                       merged + "\n\n" + self.findings_text(done.created))

    def findings_text(self, created: tuple[Finding, ...]) -> str:
        """The findings the merge created, worst first, as lines for a message box."""
        order = {"error": 0, "warning": 1, "info": 2}
        ranked = sorted(created, key=lambda f: order.get(f.severity, 3))
        lines = [self.tr("The merge created these findings:")]
        lines += [f"• {translated(f.message)}" for f in ranked[:SHOWN_FINDINGS]]
        if len(ranked) > SHOWN_FINDINGS:
            lines.append(self.tr("…and %1 more in Plan health")
                         .replace("%1", str(len(ranked) - SHOWN_FINDINGS)))
        return "\n".join(lines)

    def shutdown(self) -> None:
        """The window is closing: let a running preview finish before the plan goes."""
        self._workers.shutdown()
