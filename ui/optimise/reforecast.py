"""Reforecast from the Optimise tab: as of a day, re-plan the rest of the budget.

`planner.services.reforecast.reforecast` solves and saves in one call (it keeps
no public seam between the optimiser run and the save, and with re-fitting it also
saves curves first), and takes about a second on the demo plan (seven with
re-fitting): too long for the GUI thread. So it runs on a worker's own writing
connection (`Plan.worker_writer`, as an import's write does) while a modal
progress holds the window, and the actions it recorded are then adopted by the
undo stack: the re-fit (if asked) and the reforecast scenario, each one step, as
the planner keeps them. The new scenario is then selected in the scenarios panel,
to be looked at and applied like any other.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from planner.io.import_action import recorded
from planner.services.frames import load
from planner.services.performance import as_of as last_actuals_day
from planner.services.reforecast import ReforecastResult, reforecast
from planner.storage import rows
from planner.storage.plan_file import Plan
from ui import dialogs
from ui.commands.base import ServiceCommand
from ui.document import PlanDocument
from ui.formatting import date_pattern, format_date
from ui.i18n import result_message
from ui.optimise.scenarios_panel import ScenariosPanel
from ui.transfer.progress import TransferProgress
from ui.workers.runner import Worker, WorkerPool

_DAY = dt.timedelta(days=1)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ReforecastDialog(QDialog):
    """As of which day (a day of the horizon before its last), and whether to re-fit
    the curves on the actuals first."""

    def __init__(self, value: dt.date, first: dt.date, last: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reforecast"))
        self.date_edit = QDateEdit(_qdate(value))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_pattern())
        self.date_edit.setDateRange(_qdate(first), _qdate(last))
        self.refit_box = QCheckBox(self.tr("Re-fit the curves with the actuals first "
                                           "(its own undo step)"))
        note = QLabel(self.tr("Spend up to this day is fixed at the actuals; the rest of the "
                              "budget is re-planned over the remaining weeks and saved as a "
                              "scenario to apply like any other."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(note)
        layout.addRow(self.tr("Actuals up to:"), self.date_edit)
        layout.addRow(self.refit_box)
        layout.addRow(buttons)

    def as_of(self) -> dt.date:
        return self.date_edit.date().toPython()  # type: ignore[no-any-return]

    def refit(self) -> bool:
        return self.refit_box.isChecked()


def reforecast_task(worker: Worker, plan: Plan, as_of: dt.date, refit: bool
                    ) -> ReforecastResult:
    """Solve and save on a writing connection of the worker's own, under the plan's
    lock; nothing is written when it fails."""
    worker.check_cancelled()
    with plan.worker_writer() as writing:
        return reforecast(writing, as_of, refit=refit)


class ReforecastLauncher(QObject):
    """Owns the Reforecast… `button`; `finished(ReforecastResult)` once its steps are
    on the undo stack, `message(text)` for the tab's status line."""

    finished = Signal(object)
    message = Signal(str)

    def __init__(self, document: PlanDocument, scenarios: ScenariosPanel,
                 window: QWidget) -> None:
        super().__init__(window)
        self._document, self._scenarios, self._window = document, scenarios, window
        self._workers = WorkerPool(self)
        self._running: Worker | None = None
        self.progress: TransferProgress | None = None
        self.button = QPushButton(self.tr("Reforecast…"))
        self.button.setToolTip(self.tr("Fix spend to date at the actuals and re-plan the "
                                       "rest of the budget"))
        self.button.clicked.connect(self.ask)
        document.opened.connect(lambda _path: self._update())
        document.closed.connect(self._update)
        self._update()

    @property
    def busy(self) -> bool:
        return self._running is not None

    def _update(self) -> None:
        self.button.setEnabled(self._document.is_open and not self._document.read_only
                               and self._running is None)

    def _days(self) -> tuple[dt.date, dt.date]:
        """The as-of days a reforecast accepts: the horizon but its last day."""
        settings = rows.read_settings(self._document.plan.db)
        return settings.horizon_start, settings.horizon_end - _DAY

    def default_as_of(self) -> dt.date:
        """The last day any actuals cover (the Performance tab's as-of), kept inside
        the days a reforecast accepts; without actuals, today's date there."""
        first, last = self._days()
        found = last_actuals_day(self._document.run(load)) or dt.date.today()
        return min(max(found, first), last)

    def ask(self) -> None:
        """Ask as of when and whether to re-fit, then reforecast."""
        if not self.button.isEnabled():
            return
        dialog = ReforecastDialog(self.default_as_of(), *self._days(), self._window)
        try:
            if dialogs.run_dialog(dialog):
                self.start(dialog.as_of(), dialog.refit())
        finally:
            dialog.deleteLater()

    def start(self, as_of: dt.date, refit: bool = False) -> Worker:
        """Reforecast in a worker while a modal progress keeps other edits out."""
        worker = Worker(reforecast_task, self._document.plan, as_of, refit)
        self._running = worker
        text = self.tr("Reforecasting as of %1…").replace("%1", format_date(as_of))
        self.progress = TransferProgress(worker, text, self._window, modal=True)
        worker.signals.finished.connect(lambda result: (self._stopped(), self._adopt(result)))
        worker.signals.failed.connect(lambda message: (self._stopped(), self._failed(message)))
        self._update()
        self.message.emit(text)
        return self._workers.start(worker)

    def shutdown(self) -> None:
        self._workers.shutdown()

    def _stopped(self) -> None:
        self._running = None
        if self.progress is not None:
            self.progress.finish()
            self.progress = None
        self._update()

    def _failed(self, message: str) -> None:
        self.message.emit(self.tr("The reforecast stopped: %1").replace("%1", message))

    def _adopt(self, result: ReforecastResult) -> None:
        day = format_date(result.reforecast.as_of)
        if result.fitted is not None:
            self._document.push(ServiceCommand(
                self._document, self.tr("Re-fit curves to %1").replace("%1", day), recorded,
                result.fitted))
        self._document.push(ServiceCommand(
            self._document, self.tr("Reforecast as of %1").replace("%1", day), recorded,
            result.done))
        self._scenarios.select([result.scenario_id])
        forecast = result.reforecast
        text = self.tr("Reforecast as of %1 saved as a scenario.").replace("%1", day)
        if not forecast.feasible:
            text += " " + self.tr("No allocation was possible (%1).").replace(
                "%1", result_message(forecast.status))
        elif forecast.unspent_reason:
            text += " " + self.tr("Not all of the budget is spent: %1").replace(
                "%1", result_message(forecast.unspent_reason))
        self.message.emit(text)
        self.finished.emit(result)
