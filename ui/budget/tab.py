"""The Budget tab: rows × months of one money measure with totals, the brand vs
promotion gauge, the selected flight's months (editable) and two charts.

The grid is computed off the GUI thread and only while the tab is visible: an
edit made elsewhere marks it stale, and showing the tab recomputes it. The gauge
reads the overview's snapshot, which is computed anyway for the summary.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.changes import PlanChanges
from planner.services.budget_grid import UNASSIGNED, Measure, RowKind
from ui.budget.charts import BudgetCharts
from ui.budget.compute import BudgetResult, compute
from ui.budget.flight_months import FlightMonthsPanel
from ui.budget.gauge import BrandGauge
from ui.budget.grid_model import BudgetGridModel
from ui.document import PlanDocument
from ui.formatting import format_money
from ui.models.overview import PlanOverview
from ui.models.plan_index import PlanIndex
from ui.models.vocabulary import period_label
from ui.selection import Selection
from ui.workers.recompute import VisibleRecompute


class BudgetTab(QWidget):
    """`updated(BudgetResult)` after the grid shows fresh numbers.

    Call `shutdown()` when the window closes, so no computation outlives it.
    """

    updated = Signal(object)

    def __init__(self, document: PlanDocument, index: PlanIndex, selection: Selection,
                 overview: PlanOverview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document, self._index = document, index
        self.result: BudgetResult | None = None
        self.computer = VisibleRecompute(
            compute, "budget grid", self, lambda: index.is_open,
            lambda: (str(document.path), self.rows, self.measure))
        self.grid_model = BudgetGridModel(self)
        self._build(document, index, selection)
        self.computer.started.connect(lambda: self.status_label.setText(self.tr("Updating…")))
        self.computer.computed.connect(self._show_result)
        self.computer.idle.connect(self.status_label.clear)
        index.reset.connect(self._on_reset)
        index.changed.connect(self._on_changed)
        overview.updated.connect(self.gauge.show_snapshot)
        self.gauge.show_snapshot(overview.snapshot)

    # -- building -------------------------------------------------------------------
    def _build(self, document: PlanDocument, index: PlanIndex, selection: Selection) -> None:
        self.rows_combo = QComboBox()
        for key, text in (("channel", self.tr("Channel")), ("campaign", self.tr("Campaign")),
                          ("tier", self.tr("Segment tier"))):
            self.rows_combo.addItem(text, key)
        self.measure_combo = QComboBox()
        for key, text in (("planned", self.tr("Planned")), ("baseline", self.tr("Baseline")),
                          ("committed", self.tr("Committed")), ("actual", self.tr("Actual")),
                          ("placeholder", self.tr("Placeholders"))):
            self.measure_combo.addItem(text, key)
        for combo in (self.rows_combo, self.measure_combo):
            combo.currentIndexChanged.connect(self.computer.refresh)
        self.total_label = QLabel()
        self.status_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(_buddy(QLabel(self.tr("Rows:")), self.rows_combo))
        bar.addWidget(self.rows_combo)
        bar.addWidget(_buddy(QLabel(self.tr("Measure:")), self.measure_combo))
        bar.addWidget(self.measure_combo)
        bar.addStretch(1)
        bar.addWidget(self.status_label)
        bar.addWidget(self.total_label)

        self.grid_view = QTableView()
        self.grid_view.setAccessibleName(self.tr("Budget grid"))
        self.grid_view.setModel(self.grid_model)
        self.grid_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid_view.setAlternatingRowColors(True)
        # Fixed widths from the widest figure: sizing 400 campaign rows to their contents
        # takes longer than the GUI thread may be held.
        self.grid_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.flight_panel = FlightMonthsPanel(document, index, selection)
        self.gauge = BrandGauge()
        self.charts = BudgetCharts()

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.grid_view, 1)
        top_layout.addWidget(self.flight_panel)
        top_layout.addWidget(self.gauge)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.charts)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

    # -- what is asked --------------------------------------------------------------
    @property
    def rows(self) -> RowKind:
        return self.rows_combo.currentData()

    @property
    def measure(self) -> Measure:
        return self.measure_combo.currentData()

    @property
    def busy(self) -> bool:
        """The grid may be behind the file (a computation is running or due)."""
        return self.computer.pending

    def set_choice(self, rows: RowKind, measure: Measure) -> None:
        self.rows_combo.setCurrentIndex(self.rows_combo.findData(rows))
        self.measure_combo.setCurrentIndex(self.measure_combo.findData(measure))

    def shutdown(self) -> None:
        self.computer.shutdown()

    # -- keeping in step ------------------------------------------------------------
    def _on_reset(self) -> None:
        self.computer.forget()
        self._show_result(None)
        self.computer.refresh()

    def _on_changed(self, changes: PlanChanges) -> None:
        if changes.budget or "baseline_flights" in changes.other_tables or changes.segments:
            self.computer.refresh()

    def _show_result(self, result: BudgetResult | None) -> None:
        self.result = result
        if result is None:
            self.grid_model.set_grid(None, "CNY")
            self.total_label.clear()
            self.status_label.clear()
        else:
            grid = result.grid
            self.grid_model.set_grid(grid, result.currency, self._labels(result))
            self._fit_columns([format_money(grid.grand_total, result.currency, symbol=False),
                               *map(period_label, grid.periods)])
            self.total_label.setText(self.tr("Total: {money}").format(
                money=format_money(grid.grand_total, result.currency)))
        self.charts.show_result(result)
        self.updated.emit(result)

    def _fit_columns(self, texts: list[str]) -> None:
        """Every column as wide as the grand total in bold (no cell exceeds it) or the
        longest month name."""
        font = self.grid_view.font()
        font.setBold(True)
        metrics = QFontMetrics(font)
        width = max(metrics.horizontalAdvance(text) for text in texts) + 16
        self.grid_view.horizontalHeader().setDefaultSectionSize(width)

    def _labels(self, result: BudgetResult) -> tuple[str, ...]:
        """Tier codes and "unassigned" are the core's words; the planner reads ours."""
        grid = result.grid
        words = {"high": self.tr("High value"), "potential": self.tr("Potential"),
                 "low": self.tr("Low value"),
                 UNASSIGNED: self.tr("No segment") if grid.rows == "tier"
                 else self.tr("No campaign")}
        return tuple(words.get(key, label) if grid.rows == "tier" or key == UNASSIGNED
                     else label for key, label in zip(grid.row_keys, grid.row_labels,
                                                      strict=True))


def _buddy(label: QLabel, field: QWidget) -> QLabel:
    """The caption names its field for a screen reader."""
    label.setBuddy(field)
    return label
