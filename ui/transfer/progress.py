"""A small non-modal progress window with Cancel, for one running transfer.

Non-modal on purpose: a modal one would run its own event loop in tests and keep
the planner from looking at the plan while a big workbook is written. The planner
functions report no steps, so it shows a busy bar until the worker reports.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from ui.workers.runner import Worker

SHOW_AFTER_MS = 400  # quick exports finish before the window would flash up


class TransferProgress(QProgressDialog):
    """Follows one worker: busy until it reports a percentage; Cancel asks it to stop.

    A modal one holds the window at once and cannot be cancelled: it follows a write,
    which must finish (or roll back) whole while nothing else writes.
    """

    def __init__(self, worker: Worker, text: str, parent: QWidget | None, *,
                 modal: bool = False) -> None:
        super().__init__(text, "", 0, 0, parent)
        self.cancel_button: QPushButton | None = None
        if modal:
            self.setCancelButton(None)
        else:
            self.cancel_button = QPushButton(self.tr("Cancel"))
            self.setCancelButton(self.cancel_button)
        self.setWindowTitle(self.tr("Please wait"))
        self.setWindowModality(Qt.WindowModality.WindowModal if modal
                               else Qt.WindowModality.NonModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(0 if modal else SHOW_AFTER_MS)
        self._worker: Worker | None = worker
        self.canceled.connect(self._cancel_worker)
        worker.signals.progress.connect(self._progress)

    def _cancel_worker(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def finish(self) -> None:
        """Close for good once the worker has reported (closing emits `canceled`, which
        must not reach a worker that already finished)."""
        self._worker = None
        self.close()
        self.deleteLater()

    def _progress(self, percent: int, text: str) -> None:
        self.setRange(0, 100)
        self.setValue(percent)
        if text:
            self.setLabelText(text)
