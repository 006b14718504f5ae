"""The Optimise tab: the constraint editor, the risk chooser and Run / Frontier /
Cancel on the left; the result views on the right above the frontier chart, the
scenarios and the price of robustness.

Run optimises the fitted curves, or, with a risk chosen, the mean, worst case or
CVaR across the curve draws; a robust run shows its allocation like a plain one,
its certificate and the price of robustness beside it, and is saved as a scenario
like a plain run, to apply the same way.

Work runs on a pool thread (`OptimiseRunner`) and charts on the render thread
(`ui.charts`); the GUI thread only reads the constraint widgets, fills the
result views, and stores each finished run as a scenario through
the undo stack (saving writes the plan, and every write the user causes is an
undoable step; undoing it removes the scenario).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.services.optimise import PlanProblem
from planner.services.robust_scenarios import save_robust_scenario
from planner.services.scenarios import Scenario, save_scenario
from solver.result import Allocation, Infeasible
from ui.commands.base import ServiceCommand
from ui.document import PlanDocument
from ui.models.plan_index import PlanIndex
from ui.optimise.constraints import ConstraintEditor, InvalidInput
from ui.optimise.figures import from_allocation, from_scenario
from ui.optimise.frontier_panel import FrontierPanel
from ui.optimise.reforecast import ReforecastLauncher
from ui.optimise.request import RunRequest
from ui.optimise.results import ResultsView
from ui.optimise.risk import RiskChooser, measure_words
from ui.optimise.robust_panel import RobustPanel
from ui.optimise.robust_tasks import RobustOutcome
from ui.optimise.runner import OptimiseRunner
from ui.optimise.scenarios_panel import ScenariosPanel
from ui.optimise.tasks import FrontierOutcome, RunOutcome
from ui.selection import Selection


class OptimiseTab(QWidget):
    """`run_finished(RunOutcome)` once a run is shown and saved;
    `robust_finished(RobustOutcome)` likewise for a run across the curve draws;
    `frontier_finished(FrontierOutcome)` once a frontier is drawn.

    Call `shutdown()` when the window closes, so no solve outlives it.
    """

    run_finished = Signal(object)
    robust_finished = Signal(object)
    frontier_finished = Signal(object)

    def __init__(self, document: PlanDocument, index: PlanIndex, selection: Selection,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document, self._index = document, index
        self.last_run: RunOutcome | None = None
        self.runner = OptimiseRunner(self)
        self.editor = ConstraintEditor(index, selection)
        self.results = ResultsView()
        self.risk = RiskChooser()
        self.robust_panel = RobustPanel()
        self.frontier = FrontierPanel()
        self.scenarios = ScenariosPanel(document, index)
        self.reforecast = ReforecastLauncher(document, self.scenarios, self)
        self.reforecast.message.connect(lambda text: self.status_label.setText(text))
        self._build()
        self.run_button.clicked.connect(self.start_run)
        self.frontier_button.clicked.connect(self.start_frontier)
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.cancel_button.clicked.connect(
            lambda: self.status_label.setText(self.tr("Cancelling…")))
        self.runner.progress.connect(self._progress)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)
        self.runner.cancelled.connect(lambda: self._idle(self.tr("Cancelled.")))
        self.frontier.chosen.connect(self._show_point)
        self.scenarios.shown.connect(self._show_scenario)
        index.reset.connect(self._plan_reset)
        document.opened.connect(lambda _path: self._update_buttons())
        self._idle("")

    def _build(self) -> None:
        self.run_button = QPushButton(self.tr("Run"))
        self.frontier_button = QPushButton(self.tr("Frontier"))
        self.points_box = QSpinBox()
        self.points_box.setAccessibleName(self.tr("Frontier points"))
        self.points_box.setRange(3, 101)
        self.points_box.setValue(21)
        self.points_box.setSuffix(self.tr(" points"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        buttons = QHBoxLayout()
        for widget in (self.run_button, self.frontier_button, self.points_box,
                       self.cancel_button, self.reforecast.button):
            buttons.addWidget(widget)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes straight to the fields
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(scroll, 1)
        left_layout.addWidget(self.risk)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.progress_bar)
        left_layout.addWidget(self.status_label)
        self.lower_tabs = QTabWidget()
        self.lower_tabs.addTab(self.frontier, self.tr("Frontier"))
        self.lower_tabs.addTab(self.scenarios, self.tr("Scenarios"))
        self.lower_tabs.addTab(self.robust_panel, self.tr("Price of robustness"))
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.results)
        right.addWidget(self.lower_tabs)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def shutdown(self) -> None:
        self.runner.shutdown()
        self.reforecast.shutdown()

    # -- starting and stopping -------------------------------------------------------
    def _request(self) -> RunRequest | None:
        try:
            return self.editor.request()
        except InvalidInput as exc:
            self.status_label.setText(str(exc))
            return None

    def start_run(self) -> None:
        request = self._request()
        if request is None or self.runner.busy or not self._document.is_open:
            return
        risk = self.risk.risk()
        if risk is None:
            self.runner.optimise(str(self._document.path), request)
            self._busy(self.tr("Optimising…"))
        elif request.objective != "max_value":
            self.status_label.setText(self.tr(
                "A risk across curve draws needs the objective “Most value (revenue + "
                "brand)”."))
        else:
            self.runner.robust(str(self._document.path), request, risk)
            self._busy(self.tr("Optimising across the curve draws…"))
            self.progress_bar.setRange(0, 0)  # no gap to report until both solves end

    def start_frontier(self) -> None:
        request = self._request()
        if request is None or self.runner.busy or not self._document.is_open:
            return
        self.runner.frontier(str(self._document.path), request, self.points_box.value())
        self._busy(self.tr("Computing the frontier…"))

    def _busy(self, text: str) -> None:
        self.status_label.setText(text)
        self.progress_bar.setValue(0)
        self._update_buttons()

    def _idle(self, text: str) -> None:
        self.status_label.setText(text)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy, is_open = self.runner.busy, self._document.is_open
        self.run_button.setEnabled(is_open and not busy)
        self.frontier_button.setEnabled(is_open and not busy)
        self.cancel_button.setEnabled(busy)

    def _progress(self, percent: int, text: str) -> None:
        self.progress_bar.setValue(percent)
        if text and self.runner.kind == "run":
            self.status_label.setText(self.tr("Optimising… certified gap {gap}").format(gap=text))
        elif text:
            self.status_label.setText(self.tr("Frontier: point {done}").format(done=text))

    def _failed(self, message: str) -> None:
        self._idle(self.tr("The optimiser stopped: {message}").format(message=message))

    def _plan_reset(self) -> None:
        self.runner.cancel()
        self.last_run = None
        self.results.clear()
        self.frontier.clear()
        self.robust_panel.clear()
        self._update_buttons()

    # -- results ---------------------------------------------------------------------
    def _finished(self, outcome: RunOutcome | FrontierOutcome) -> None:
        self._idle("")
        if isinstance(outcome, FrontierOutcome):
            self._frontier_done(outcome)
            return
        if isinstance(outcome, RobustOutcome):
            self._robust_done(outcome)
            return
        self.last_run = outcome
        stamp = f"{dt.datetime.now():%Y-%m-%d %H:%M:%S}"
        name = self.tr("Optimised {time}").format(time=stamp)
        self._show_run(outcome, name)
        if not self._document.read_only:
            self._document.push(ServiceCommand(self._document, self.tr("Save scenario"),
                                               save_scenario, name, outcome.problem,
                                               outcome.result))
        self.status_label.setText(self.tr("Done in {rounds} round(s); saved as “{name}”.")
                                  .format(rounds=getattr(outcome.result, "rounds", 0),
                                          name=name))
        self.run_finished.emit(outcome)

    def _robust_done(self, outcome: RobustOutcome) -> None:
        stamp = f"{dt.datetime.now():%Y-%m-%d %H:%M:%S}"
        name = self.tr("Robust ({measure}) {time}").format(
            measure=measure_words(outcome.risk.measure, outcome.risk.alpha), time=stamp)
        if isinstance(outcome.result, Infeasible):
            self.results.show_infeasible(name, [c.message for c in outcome.result.conflicts])
        elif outcome.figures is not None and outcome.proof is not None:
            self.results.show_figures(outcome.figures, name)
            self._show_proof(outcome.proof, outcome.problem.currency)
        if not self._document.read_only:
            self._document.push(ServiceCommand(self._document, self.tr("Save scenario"),
                                               save_robust_scenario, name, outcome.problem,
                                               outcome.result))
        self.status_label.setText(self.tr("Done; saved as “{name}”.").format(name=name))
        self.robust_finished.emit(outcome)

    def _show_proof(self, proof: dict, currency: str) -> None:
        self.results.gap_label.setText(self.robust_panel.gap_text(proof))
        self.robust_panel.show_proof(proof, currency)
        self.lower_tabs.setCurrentWidget(self.robust_panel)

    def _show_run(self, outcome: RunOutcome, title: str) -> None:
        if isinstance(outcome.result, Infeasible):
            self.results.show_infeasible(
                title, [c.message for c in outcome.result.conflicts])
        elif outcome.figures is not None:
            self.results.show_figures(outcome.figures, title)

    def _frontier_done(self, outcome: FrontierOutcome) -> None:
        self.frontier.show_outcome(outcome)
        self.lower_tabs.setCurrentWidget(self.frontier)
        if outcome.infeasible is not None:
            self.results.show_infeasible(self.tr("Frontier"),
                                         [c.message for c in outcome.infeasible.conflicts])
        self.frontier_finished.emit(outcome)

    def _show_point(self, problem: PlanProblem, allocation: Allocation, number: int) -> None:
        self.results.show_figures(from_allocation(problem, allocation),
                                  self.tr("Frontier point {number}").format(number=number))

    def _show_scenario(self, scenario: Scenario) -> None:
        figures = from_scenario(scenario)
        if figures is None:
            self.results.show_infeasible(
                scenario.name, [c["message"] for c in scenario.result.get("conflicts", [])])
        else:
            self.results.show_figures(figures, scenario.name)
            if "risk" in scenario.result:
                self.results.gap_label.setText(
                    self.robust_panel.gap_text(scenario.result["risk"]))
                self.robust_panel.show_proof(scenario.result["risk"],
                                             scenario.inputs.get("currency", "CNY"))
