"""The Curves tab: per channel, the response curves the optimiser uses, the
history they were fitted on, their quality, and where the plan and the latest
optimised scenario sit on them, with the band its curve draws span (a toggle; the
band is computed with the chart, on the render thread).

Reading one channel's curves is a few small queries, so it runs on the GUI
thread; re-fitting takes seconds and runs in a worker with its own connection,
and only its save — one undoable step — comes back to the GUI thread. A hand
edit is one undoable step too, and marks the curve manual.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from planner.domain.changes import PlanChanges
from planner.services.curve_edits import ChannelView, GoalView, channel_view, set_curve_params
from planner.services.fit_settings import MAX_DRAWS, fit_draws, save_fits_with_draws
from planner.services.fitting import FitReport
from ui.charts import ChartView
from ui.commands.base import ServiceCommand
from ui.curves.chart import ChannelChart, draw_channel
from ui.curves.form import CurveForm
from ui.curves.refit import refit
from ui.document import PlanDocument
from ui.empty_state import EmptyHint
from ui.i18n import result_message
from ui.models.plan_index import PlanIndex
from ui.workers.runner import Worker, WorkerPool

_REDRAW_TABLES = {"curves", "history", "scenarios", "settings"}


class CurvesTab(QWidget):
    """`shown(ChannelView)` after a channel's curves are read (the chart follows on the
    render thread); `refit_done(FitReport)`
    after a re-fit was saved (as one undo step); `refit_failed(message)`.

    Call `shutdown()` when the window closes, so no re-fit outlives it.
    """

    shown = Signal(object)
    refit_done = Signal(object)
    refit_failed = Signal(str)

    def __init__(self, document: PlanDocument, index: PlanIndex,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document, self._index = document, index
        self.view: ChannelView | None = None
        self._stale = True
        self._pool = WorkerPool(self)
        self._worker: Worker | None = None
        self._draws_used = 0
        self._build()
        index.reset.connect(self._on_reset)
        index.changed.connect(self._on_changed)

    def _build(self) -> None:
        self.channel_list = QListWidget()
        self.channel_list.setAccessibleName(self.tr("Channels"))
        self.channel_list.currentItemChanged.connect(lambda *_: self._reload())
        self.chart = ChartView(draw_channel)
        self.empty_hint = EmptyHint(self.chart, self._empty_text).follow(self.shown)
        self.empty_hint.follow_model(self.channel_list.model())
        self.band_box = QCheckBox(self.tr("Show the spread of the curve draws"))
        self.band_box.setChecked(True)
        self.band_box.toggled.connect(lambda _on: self._draw())
        self.draws_box = QSpinBox()
        self.draws_box.setAccessibleName(self.tr("Resampled curves"))
        self.draws_box.setRange(0, MAX_DRAWS)
        self.draws_box.setPrefix(self.tr("Draws per curve: "))
        self.draws_box.setToolTip(self.tr(
            "How many curves a re-fit draws from resampled history, for robust optimising "
            "(kept with the plan when the re-fit is saved); 0 draws none."))
        self.info = {goal: QLabel() for goal in ("promotion", "brand")}
        self.forms = {"promotion": CurveForm("promotion", self.tr("Promotion curve")),
                      "brand": CurveForm("brand", self.tr("Brand curve"))}
        for form in self.forms.values():
            form.apply_requested.connect(self._edit)
        self.refit_button = QPushButton(self.tr("Re-fit from history"))
        self.refit_button.clicked.connect(self.start_refit)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_refit)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.status = QLabel()

        details = QHBoxLayout()
        for goal in ("promotion", "brand"):
            column = QVBoxLayout()
            self.info[goal].setWordWrap(True)
            self.info[goal].setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            column.addWidget(self.info[goal])
            column.addWidget(self.forms[goal])
            details.addLayout(column)
        bar = QHBoxLayout()
        bar.addWidget(self.band_box)
        bar.addWidget(self.draws_box)
        bar.addWidget(self.refit_button)
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.status, 2)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.chart, 3)
        right_layout.addLayout(details)
        right_layout.addLayout(bar)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.channel_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 4)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # -- API ------------------------------------------------------------------------------
    @property
    def channel_id(self) -> str | None:
        item = self.channel_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def select_channel(self, channel_id: str) -> None:
        for row in range(self.channel_list.count()):
            if self.channel_list.item(row).data(Qt.ItemDataRole.UserRole) == channel_id:
                self.channel_list.setCurrentRow(row)
                return

    @property
    def refitting(self) -> bool:
        return self._worker is not None

    def start_refit(self) -> None:
        if self._worker is not None or not self._document.is_open:
            return
        self._draws_used = self.draws_box.value()
        worker = Worker(refit, str(self._document.path), draws=self._draws_used)
        worker.signals.progress.connect(self._progress)
        worker.signals.finished.connect(self._refitted)
        worker.signals.failed.connect(self._refit_failed)
        self._worker = worker
        self.refit_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Fitting curves…"))
        self._pool.start(worker)

    def cancel_refit(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def shutdown(self) -> None:
        self._pool.shutdown()

    # -- re-fit ---------------------------------------------------------------------------
    def _progress(self, percent: int, _text: str) -> None:
        self.progress.setValue(percent)

    def _finish(self, message: str) -> None:
        self._worker = None
        self.refit_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setVisible(False)
        self.status.setText(message)

    def _refitted(self, report: FitReport) -> None:
        if not self._document.is_open:
            self._finish("")
            return
        self._document.push(ServiceCommand(self._document, self.tr("Re-fit curves"),
                                           save_fits_with_draws, report, self._draws_used))
        message = self.tr("{fits} curves fitted").format(fits=len(report.fits))
        if report.failures:
            message += self.tr(", {n} could not be fitted: {first}").format(
                n=len(report.failures), first=result_message(report.failures[0].reason))
        self._finish(message)
        self.refit_done.emit(report)

    def _refit_failed(self, message: str) -> None:
        cancelled = message == "Cancelled"
        self._finish(self.tr("Re-fit cancelled") if cancelled
                     else self.tr("Re-fit failed: {message}").format(message=message))
        self.refit_failed.emit(message)

    # -- hand edits -----------------------------------------------------------------------
    def _edit(self, goal: str, family: str, params: dict, rate: float) -> None:
        channel_id = self.channel_id
        if channel_id is None:
            return
        name = self._index.channel_name(channel_id)
        self._document.push(ServiceCommand(
            self._document, self.tr("Edit {goal} curve of {channel}").format(
                goal=self._goal_word(goal), channel=name),
            set_curve_params, channel_id, goal, params, rate, family=family))

    # -- keeping in step ------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._fill_channels()

    def _on_reset(self) -> None:
        self.view = None
        self._stale = True
        if self.isVisible():
            self._fill_channels()

    def _on_changed(self, changes: PlanChanges) -> None:
        if changes.channels:
            self._stale = True
        if changes.channels or changes.flights or changes.campaigns \
                or _REDRAW_TABLES & changes.other_tables:
            if self.isVisible():
                self._fill_channels() if self._stale else self._reload()
            else:
                self._stale = True

    def _fill_channels(self) -> None:
        self._stale = False
        current = self.channel_id
        self.channel_list.blockSignals(True)
        self.channel_list.clear()
        for channel in sorted(self._index.channels.values(),
                              key=lambda ch: (ch.sort_order, ch.name)):
            item = QListWidgetItem(channel.name)
            item.setData(Qt.ItemDataRole.UserRole, channel.id)
            self.channel_list.addItem(item)
        self.channel_list.blockSignals(False)
        if current is not None:
            self.select_channel(current)
        if self.channel_list.currentRow() < 0 and self.channel_list.count():
            self.channel_list.setCurrentRow(0)
        self._reload()

    def _reload(self) -> None:
        channel_id = self.channel_id
        if channel_id is None or not self._document.is_open:
            self.view = None
            self.chart.set_data(None)
            return
        self.view = self._document.run(channel_view, channel_id)
        if not self.refitting:
            self.draws_box.setValue(self._document.run(fit_draws))
        for goal in self.view.goals:
            self.info[goal.goal].setText(self._describe(goal))
            self.forms[goal.goal].show_curve(goal.curve, self.view.currency)
            self.forms[goal.goal].setEnabled(goal.curve is not None
                                             and not self._document.read_only)
        self._draw()
        self.shown.emit(self.view)

    def _draw(self) -> None:
        if self.view is not None:
            self.chart.set_data(ChannelChart(self.view, self._words(), self.band_box.isChecked()))

    # -- words ----------------------------------------------------------------------------
    def _goal_word(self, goal: str) -> str:
        return self.tr("brand") if goal == "brand" else self.tr("promotion")

    def _words(self) -> dict[str, str]:
        return {"promotion": self.tr("Promotion: revenue per week"),
                "brand": self.tr("Brand: index per week"),
                "spend": self.tr("Promotion spend per week"),
                "stock": self.tr("Brand stock (adstocked spend)"),
                "history": self.tr("History"), "plan": self.tr("Current plan"),
                "scenario": self.tr("Optimised scenario"),
                "no_curve": self.tr("No curve: fit one from history"),
                "fitted": self.tr("Fitted curve"), "manual": self.tr("Manual curve"),
                "generator": self.tr("Known curve"),
                "band": self.tr("5–95 % of {n} draws")}

    def _empty_text(self) -> str:
        if not self._document.is_open:
            return ""
        if not self.channel_list.count():
            return self.tr("No channels yet. Add them in File ▸ Plan Settings…, then bring in "
                           "their history with File ▸ Import ▸ Channel history…")
        view = self.view
        if view is None or any(len(goal.x) or goal.curve is not None for goal in view.goals):
            return ""
        return self.tr("No history or curves for this channel yet. Import weekly spend and "
                       "results with File ▸ Import ▸ Channel history…, then press Re-fit "
                       "from history.")

    def _describe(self, goal: GoalView) -> str:
        curve = goal.curve
        if curve is None:
            return self.tr("No {goal} curve.").format(goal=self._goal_word(goal.goal))
        source = {"fitted": self.tr("fitted"), "manual": self.tr("manual (set by hand)"),
                  "generator": self.tr("known (demo generator)")}.get(curve.source,
                                                                      curve.source)
        text = self.tr("{family} curve, {source}; adstock λ = {rate:.3f}").format(
            family={"hill": self.tr("Hill"), "exponential": self.tr("Exponential")}.get(
                curve.family, curve.family), source=source, rate=curve.adstock)
        quality = curve.quality
        if "r2" in quality:
            text += self.tr("; R² = {r2:.3f}, MAPE = {mape:.1%}, {n} points").format(
                r2=quality["r2"], mape=quality["mape"], n=quality.get("n", len(goal.x)))
        else:
            text += self.tr("; no fit quality")
        draws = len(curve.quality.get("draws", {}).get("a", ()))
        if draws:
            text += self.tr("; {n} draws").format(n=draws)
        return text
