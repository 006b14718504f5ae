"""The result views: headline figures against the current plan, binding
constraints, per-channel spend and marginal return, the channel × month heat map
and the spend bars. An impossible setup shows the optimiser's explanation here,
in place of the figures, never in a message box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QLabel,
    QListWidget,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.charts import ChartView
from ui.formatting import format_money, format_number, format_percent
from ui.i18n import result_message
from ui.optimise.charts import SpendChart, draw_spend
from ui.optimise.figures import RunFigures
from ui.optimise.heatmap import HeatMapModel
from ui.optimise.wording import binding_lines


def _change(before: float, after: float, text: str) -> str:
    """"after (+x %)": the change against the current plan, signed."""
    if not before:
        return text
    return f"{text}  ({format_percent((after - before) / abs(before), 1, signed=True)})"


class ResultsView(QWidget):
    """`show_figures(figures, title)` or `show_infeasible(title, reasons)`; `clear()`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures: RunFigures | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.value_label, self.revenue_label, self.brand_label = QLabel(), QLabel(), QLabel()
        self.spend_label, self.gap_label, self.unspent_label = QLabel(), QLabel(), QLabel()
        self.unspent_label.setWordWrap(True)
        headline = QWidget()
        form = QFormLayout(headline)
        form.addRow(self.tr("Value:"), self.value_label)
        form.addRow(self.tr("Promotion revenue:"), self.revenue_label)
        form.addRow(self.tr("Brand response:"), self.brand_label)
        form.addRow(self.tr("Spend:"), self.spend_label)
        form.addRow(self.tr("Certified gap:"), self.gap_label)
        form.addRow(self.unspent_label)
        self.binding_list = QListWidget()
        self.binding_list.setAccessibleName(self.tr("Binding constraints"))
        self.binding_list.setWordWrap(True)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.channel_model = QStandardItemModel(self)
        self.channel_view = _read_only_table(self.channel_model)
        self.channel_view.setAccessibleName(self.tr("Optimised spend by channel"))
        self.heat_model = HeatMapModel(self)
        self.heat_view = _read_only_table(self.heat_model)
        self.heat_view.setAccessibleName(self.tr("Optimised spend by channel and month"))
        self.heat_view.horizontalHeader().setDefaultSectionSize(64)  # fits "12,345"
        self.bars = ChartView(draw_spend)
        self.bars.setMinimumHeight(220)

        figures_page = QWidget()
        left = QVBoxLayout(figures_page)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(headline)
        left.addWidget(QLabel(self.tr("Binding constraints:")))
        left.addWidget(self.binding_list, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(figures_page)
        self.pages.addWidget(self.explanation)
        detail = QTabWidget()
        detail.addTab(self.channel_view, self.tr("Channels"))
        detail.addTab(self.heat_view, self.tr("Heat map"))
        detail.addTab(self.bars, self.tr("Current vs optimised"))
        self.detail = detail
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.pages)
        splitter.addWidget(detail)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)

    def clear(self) -> None:
        self.figures = None
        self.title.clear()
        for label in (self.value_label, self.revenue_label, self.brand_label, self.spend_label,
                      self.gap_label, self.unspent_label, self.explanation):
            label.clear()
        self.binding_list.clear()
        self.channel_model.clear()
        self.heat_model.set_figures(None)
        self.bars.set_data(None)
        self.pages.setCurrentIndex(0)

    def show_infeasible(self, title: str, reasons: list[str]) -> None:
        self.clear()
        self.title.setText(title)
        self.explanation.setText("\n".join(
            [self.tr("No allocation is possible with these constraints:"),
             *(f"• {result_message(reason)}" for reason in reasons)]))
        self.pages.setCurrentIndex(1)

    def show_figures(self, figures: RunFigures, title: str) -> None:
        self.clear()
        self.figures = figures
        self.title.setText(title)
        money = lambda minor: format_money(int(minor), figures.currency)  # noqa: E731
        if figures.objective == "min_cost":
            self.value_label.setText(self.tr("least cost objective: {spend}").format(
                spend=money(figures.spend.sum())))
        else:
            self.value_label.setText(_change(
                figures.current_objective_minor, figures.objective_minor,
                f"{money(figures.current_objective_minor)} → {money(figures.objective_minor)}"))
        self.revenue_label.setText(_change(
            figures.current_revenue_minor, figures.revenue_minor,
            f"{money(figures.current_revenue_minor)} → {money(figures.revenue_minor)}"))
        self.brand_label.setText(_change(
            figures.current_brand_response, figures.brand_response,
            f"{format_number(figures.current_brand_response)} → "
            f"{format_number(figures.brand_response)}"))
        self.spend_label.setText(f"{money(figures.current_spend.sum())} → "
                                 f"{money(figures.spend.sum())}")
        self.gap_label.setText(self.tr("unknown") if figures.gap is None
                               else self.tr("{gap} (no allocation can beat this one by more)")
                               .format(gap=format_percent(figures.gap, 4)))
        self.unspent_label.setText(result_message(figures.unspent_reason or ""))
        self.binding_list.addItems(binding_lines(figures.binding, figures.channel_names,
                                                 figures.past, figures.grain))
        self._fill_channels(figures)
        self.heat_model.set_figures(figures)
        self.bars.set_data(SpendChart(figures, {"current": self.tr("Current plan"),
                                                "optimised": self.tr("Optimised")}))

    def _fill_channels(self, figures: RunFigures) -> None:
        self.channel_model.setHorizontalHeaderLabels(
            [self.tr("Channel"), self.tr("Current"), self.tr("Optimised"), self.tr("Change"),
             self.tr("Marginal return")])
        for name, now, new, marginal in zip(figures.channel_names, figures.current_spend,
                                            figures.spend, figures.marginal, strict=True):
            cells = [name, format_money(int(now), figures.currency),
                     format_money(int(new), figures.currency),
                     format_money(int(new - now), figures.currency),
                     "–" if marginal is None else format_number(marginal, 3)]
            row = [QStandardItem(text) for text in cells]
            for item in row[1:]:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.channel_model.appendRow(row)


def _read_only_table(model: object) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    return view
