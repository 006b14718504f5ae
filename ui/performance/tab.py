"""The Performance tab: plan against actual per channel, campaign or period (day,
week, month), variance, ROAS, KPI attainment and two charts; once a reforecast
exists, its plan, actual to date and reforecast per channel (`ReforecastPanel`).

The figures are the planner's roll-ups (:mod:`planner.services.performance`),
computed off the GUI thread and only while the tab is visible; the shared
`FlightFilter` (the campaign tree's) narrows them to the flights it matches.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.changes import PlanChanges
from planner.services.performance import UNATTACHED
from ui.charts import ChartView
from ui.document import PlanDocument
from ui.empty_state import EmptyHint
from ui.formatting import format_date, format_money
from ui.models.flight_filter import FlightFilter
from ui.models.plan_index import PlanIndex
from ui.models.vocabulary import KPI_CYCLE_LABELS, KPI_UNIT_LABELS, label, period_text
from ui.performance.charts import PerformanceChart, draw_performance
from ui.performance.compute import PerformanceResult, Request, compute
from ui.performance.reforecast_panel import ReforecastPanel
from ui.performance.table_model import Column, FrameModel
from ui.workers.recompute import VisibleRecompute

_ACTUAL_TABLES = {"actuals", "kpi_targets", "placeholders"}


class PerformanceTab(QWidget):
    """`updated(PerformanceResult)` after the tables show fresh numbers.

    Call `shutdown()` when the window closes, so no computation outlives it.
    """

    updated = Signal(object)

    def __init__(self, document: PlanDocument, index: PlanIndex, flight_filter: FlightFilter,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document, self._index, self._filter = document, index, flight_filter
        self.result: PerformanceResult | None = None
        self.computer = VisibleRecompute(
            compute, "performance roll-up", self, lambda: index.is_open,
            lambda: (Request(str(document.path), self.by, self.grain, self.flight_ids()),))
        self.table_model = FrameModel(self)
        self.kpi_model = FrameModel(self)
        self._build()
        self.computer.started.connect(lambda: self.status_label.setText(self.tr("Updating…")))
        self.computer.computed.connect(self._show_result)
        self.computer.idle.connect(self.status_label.clear)
        index.reset.connect(self._on_reset)
        index.changed.connect(self._on_changed)
        flight_filter.changed.connect(self.computer.refresh)

    def _build(self) -> None:
        self.rows_combo = QComboBox()
        for key, text in (("channel", self.tr("Channel")), ("campaign", self.tr("Campaign")),
                          ("period", self.tr("Period"))):
            self.rows_combo.addItem(text, key)
        self.grain_combo = QComboBox()
        for key, text in (("month", self.tr("Month")), ("week", self.tr("Week")),
                          ("day", self.tr("Day"))):
            self.grain_combo.addItem(text, key)
        for combo in (self.rows_combo, self.grain_combo):
            combo.currentIndexChanged.connect(self.computer.refresh)
        self.as_of_label = QLabel()
        self.filter_label = QLabel()
        self.status_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(_buddy(QLabel(self.tr("Rows:")), self.rows_combo))
        bar.addWidget(self.rows_combo)
        bar.addWidget(_buddy(QLabel(self.tr("Period:")), self.grain_combo))
        bar.addWidget(self.grain_combo)
        bar.addStretch(1)
        bar.addWidget(self.filter_label)
        bar.addWidget(self.status_label)
        bar.addWidget(self.as_of_label)

        self.table_view = self._view(self.table_model)
        self.kpi_view = self._view(self.kpi_model)
        self.table_view.setAccessibleName(self.tr("Planned and actual spend"))
        self.kpi_view.setAccessibleName(self.tr("KPI attainment"))
        self.empty_hint = EmptyHint(self.table_view, self._empty_text).follow_model(
            self.table_model)
        self.charts = ChartView(draw_performance)
        tables = QSplitter(Qt.Orientation.Horizontal)
        tables.addWidget(self.table_view)
        kpis = QWidget()
        kpi_layout = QVBoxLayout(kpis)
        kpi_layout.setContentsMargins(0, 0, 0, 0)
        kpi_layout.addWidget(QLabel(self.tr("KPI attainment")))
        kpi_layout.addWidget(self.kpi_view)
        tables.addWidget(kpis)
        tables.setStretchFactor(0, 3)
        tables.setStretchFactor(1, 2)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(tables)
        self.reforecast = ReforecastPanel(self._document, self._index, splitter)
        splitter.addWidget(self.reforecast)
        splitter.addWidget(self.charts)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

    @staticmethod
    def _view(model: FrameModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.verticalHeader().setVisible(False)
        # Fit columns to the first rows only: measuring all 365 daily rows took 170 ms.
        view.horizontalHeader().setResizeContentsPrecision(40)
        return view

    # -- what is asked --------------------------------------------------------------------
    @property
    def by(self) -> str:
        return self.rows_combo.currentData()

    @property
    def grain(self) -> str:
        return self.grain_combo.currentData()

    @property
    def busy(self) -> bool:
        """The figures may be behind the file or the filter."""
        return self.computer.pending

    def set_choice(self, by: str, grain: str = "month") -> None:
        self.rows_combo.setCurrentIndex(self.rows_combo.findData(by))
        self.grain_combo.setCurrentIndex(self.grain_combo.findData(grain))

    def flight_ids(self) -> frozenset[str] | None:
        """The flights the shared filter lets through (None: it lets all through)."""
        if not self._filter.is_active:
            return None
        return frozenset(f.id for f in self._index.flights.values()
                         if self._filter.matches_flight(f, self._index))

    def shutdown(self) -> None:
        self.computer.shutdown()

    def _empty_text(self) -> str:
        if self.result is None or self.result.as_of is not None:
            return ""
        return self.tr("No actuals yet. Bring in what was spent with File ▸ Import ▸ "
                       "Actuals… or Ad platform report…, and plan against actual shows here.")

    # -- keeping in step ------------------------------------------------------------------
    def _on_reset(self) -> None:
        self.computer.forget()
        self._show_result(None)
        self.computer.refresh()

    def _on_changed(self, changes: PlanChanges) -> None:
        if changes.budget or _ACTUAL_TABLES & changes.other_tables:
            self.computer.refresh()

    def _show_result(self, result: PerformanceResult | None) -> None:
        self.result = result
        if result is None:
            self.table_model.set_frame(None, (), "CNY")
            self.kpi_model.set_frame(None, (), "CNY")
            self.as_of_label.clear()
            self.filter_label.clear()
            self.charts.set_data(None)
            return
        table = result.table.assign(name=[self._name(key, name) for key, name in
                                          zip(result.table.index, result.table["name"],
                                              strict=True)])
        self.table_model.set_frame(table, self._columns(result.request.by), result.currency,
                                   {**result.totals, "name": self.tr("Total")})
        kpis = result.kpis.assign(
            measure=[self._measure(m) for m in result.kpis["measure"]],
            cycle=[label(KPI_CYCLE_LABELS, c) for c in result.kpis["cycle"]],
            unit=[label(KPI_UNIT_LABELS, u) if isinstance(u, str) else u
                  for u in result.kpis["unit"]])
        self.kpi_model.set_frame(kpis, self._kpi_columns(), result.currency)
        self.as_of_label.setText(
            self.tr("Actuals to {day}; planned to date {money}").format(
                day=format_date(result.as_of),
                money=format_money(int(result.totals["planned_to_date_minor"]),
                                   result.currency))
            if result.as_of else self.tr("No actuals yet"))
        self.filter_label.setText(self.tr("Filtered") if result.request.flights is not None
                                  else "")
        self.table_view.resizeColumnsToContents()
        periods = {key: period_text(key, name) for key, name in result.periods["name"].items()}
        self.charts.set_data(PerformanceChart(result, self._chart_words(), periods))
        self.updated.emit(result)

    # -- words ----------------------------------------------------------------------------
    def _name(self, key: str, name: str) -> str:
        return self.tr("Not attached to a flight") if key == UNATTACHED else period_text(key, name)

    def _columns(self, by: str) -> tuple[Column, ...]:
        first = {"channel": self.tr("Channel"), "campaign": self.tr("Campaign"),
                 "period": self.tr("Period")}[by]
        return (Column("name", first, "text"),
                Column("planned_minor", self.tr("Planned"), "money"),
                Column("planned_to_date_minor", self.tr("Planned to date"), "money"),
                Column("actual_minor", self.tr("Actual"), "money"),
                Column("variance_minor", self.tr("Variance"), "money"),
                Column("variance_pct", self.tr("Variance %"), "change"),
                Column("revenue_minor", self.tr("Revenue"), "money"),
                Column("roas", self.tr("ROAS"), "ratio"),
                Column("impressions", self.tr("Impressions"), "count"),
                Column("clicks", self.tr("Clicks"), "count"),
                Column("conversions", self.tr("Conversions"), "count"))

    def _kpi_columns(self) -> tuple[Column, ...]:
        return (Column("campaign", self.tr("Campaign"), "text"),
                Column("metric", self.tr("KPI"), "text"),
                Column("cycle", self.tr("Cycle"), "text"),
                Column("target", self.tr("Target"), "number"),
                Column("unit", self.tr("Unit"), "text"),
                Column("measure", self.tr("Measured by"), "text"),
                Column("actual", self.tr("Actual"), "number"),
                Column("attainment", self.tr("Attainment"), "share"))

    def _measure(self, measure: object) -> str:
        words = {"revenue": self.tr("revenue"), "roas": self.tr("ROAS"), "cpa": self.tr("CPA"),
                 "cpc": self.tr("CPC"), "cpm": self.tr("CPM"),
                 "impressions": self.tr("impressions"), "clicks": self.tr("clicks"),
                 "conversions": self.tr("conversions")}
        return words.get(measure, self.tr("not tracked")) if isinstance(measure, str) \
            else self.tr("not tracked")

    def _chart_words(self) -> dict[str, str]:
        return {"planned": self.tr("Planned"), "actual": self.tr("Actual"),
                "per_period": self.tr("Planned vs actual per period"),
                "variance": self.tr("Variance against plan to date, by channel")}


def _buddy(label: QLabel, field: QWidget) -> QLabel:
    """The caption names its field for a screen reader."""
    label.setBuddy(field)
    return label
