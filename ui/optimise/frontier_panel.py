"""The brand/promotion frontier: the chart, the current plan on it, and choosing a
point to see its allocation in the result views."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.charts import ChartView
from ui.optimise.charts import FrontierChart, draw_frontier
from ui.optimise.tasks import FrontierOutcome


class FrontierPanel(QWidget):
    """`chosen(PlanProblem, Allocation, number)` when a point is clicked on the chart
    or passed to `choose` (number from 1, all-sales end first)."""

    chosen = Signal(object, object, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome: FrontierOutcome | None = None
        self.current_point: int | None = None
        self.chart = ChartView(draw_frontier)
        self.chart.setMinimumHeight(220)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.note)
        self.chart.point_clicked.connect(self.choose)
        self.clear()

    def clear(self) -> None:
        self.outcome, self.current_point = None, None
        self.note.setText(self.tr("Compute the frontier to see how much promotion revenue "
                                  "each level of brand response costs."))
        self.chart.set_data(None)

    def show_outcome(self, outcome: FrontierOutcome) -> None:
        self.clear()
        self.outcome = outcome
        if outcome.infeasible is not None:
            self.note.setText(self.tr("No frontier: the constraints cannot all hold."))
            return
        self.note.setText(self.tr(
            "{count} allocations from all-sales to all-brand, brand share free (0–100 %); "
            "click a point to see it.").format(count=len(outcome.points)))
        self._draw()

    def points(self) -> tuple[tuple[float, float], ...]:
        """(brand response, promotion revenue in solver units) per point, brand ascending."""
        return self.outcome.points if self.outcome is not None else ()

    def choose(self, number: int) -> None:
        """Show point `number` (0-based, brand ascending) in the result views."""
        if self.outcome is None or not 0 <= number < len(self.outcome.points):
            return
        self.current_point = number
        self._draw()
        self.chosen.emit(self.outcome.problem, self.outcome.allocation(number), number + 1)

    def _draw(self) -> None:
        assert self.outcome is not None
        self.chart.set_data(FrontierChart(
            self.points(), self.outcome.current, self.current_point,
            {"frontier": self.tr("Frontier"), "current": self.tr("Current plan"),
             "x": self.tr("Brand response (points)"),
             "y": self.tr("Promotion revenue (thousands)")}))
