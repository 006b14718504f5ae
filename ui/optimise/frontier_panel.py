"""The brand/promotion frontier: the chart, the current plan on it, and choosing a
point to see its allocation in the result views."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from solver.result import Allocation, Infeasible
from ui.optimise.charts import FrontierChart
from ui.optimise.tasks import FrontierOutcome


class FrontierPanel(QWidget):
    """`chosen(PlanProblem, Allocation, number)` when a point is picked (number from 1,
    all-sales end first)."""

    chosen = Signal(object, object, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome: FrontierOutcome | None = None
        self.allocations: list[Allocation] = []
        self.current_point: int | None = None
        self.chart = FrontierChart()
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.note)
        self.chart.picked.connect(self.choose)
        self.clear()

    def ensure_chart(self) -> None:
        self.chart.ensure()

    def clear(self) -> None:
        self.outcome, self.allocations, self.current_point = None, [], None
        self.note.setText(self.tr("Compute the frontier to see how much promotion revenue "
                                  "each level of brand response costs."))
        self.chart.show_data(None)

    def show_outcome(self, outcome: FrontierOutcome) -> None:
        self.clear()
        self.outcome = outcome
        if isinstance(outcome.result, Infeasible):
            self.note.setText(self.tr("No frontier: the constraints cannot all hold."))
            return
        ordered = sorted(outcome.result.points, key=lambda p: p.allocation.brand_response)
        self.allocations = [p.allocation for p in ordered]
        self.note.setText(self.tr(
            "{count} allocations from all-sales to all-brand, brand share free (0–100 %); "
            "click a point to see it.").format(count=len(self.allocations)))
        self._draw()

    def points(self) -> list[tuple[float, float]]:
        """(brand response, promotion revenue in solver units) per point."""
        return [(a.brand_response, a.promotion_revenue) for a in self.allocations]

    def choose(self, number: int) -> None:
        """Show point `number` (0-based, brand ascending) in the result views."""
        if self.outcome is None or not 0 <= number < len(self.allocations):
            return
        self.current_point = number
        self._draw()
        self.chosen.emit(self.outcome.problem, self.allocations[number], number + 1)

    def _draw(self) -> None:
        assert self.outcome is not None
        self.chart.show_data(self.points(), self.outcome.current, self.current_point,
                             (self.tr("Frontier"), self.tr("Current plan"),
                              self.tr("Brand response (points)"),
                              self.tr("Promotion revenue (thousands)")))
