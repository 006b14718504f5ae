"""The price of robustness: what an allocation made robust across the curve draws
gives up on average and what it protects in bad draws, against the mean-optimal
allocation over the same draws, as a table and a chart.

Filled from the certificate a robust run stores with its scenario
(`planner.services.robust_scenarios.certificate`), so a fresh run and a stored
scenario show the same.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from planner.domain.money import exponent
from ui.charts import ChartView
from ui.formatting import format_money, format_percent
from ui.optimise.risk import measure_words
from ui.optimise.robust_chart import PriceChart, draw_price

_COLUMNS = ("mean", "p5", "worst")


class RobustPanel(QWidget):
    """`show_proof(proof, currency)`; `clear()`. `proof` is None when nothing is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proof: dict[str, Any] | None = None
        self.summary = QLabel(self.tr("Choose a risk across curve draws and run, or select a "
                                      "robust scenario."))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = QStandardItemModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setMaximumHeight(130)
        self.chart = ChartView(draw_price)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(self.chart, 1)

    def clear(self) -> None:
        self.proof = None
        self.summary.clear()
        self.model.clear()
        self.chart.set_data(None)

    def measure(self, proof: dict[str, Any]) -> str:
        return measure_words(proof["risk"], proof["alpha"])

    def _gap(self, proof: dict[str, Any]) -> str:
        return self.tr("unknown") if proof["gap"] is None else format_percent(proof["gap"], 4)

    def gap_text(self, proof: dict[str, Any]) -> str:
        """The certified gap in words, for the results' gap line."""
        return self.tr("{gap} on the {measure} across {n} curve draws (no allocation does "
                       "better on it by more)").format(gap=self._gap(proof),
                                                       measure=self.measure(proof),
                                                       n=proof["draws"])

    def show_proof(self, proof: dict[str, Any], currency: str) -> None:
        self.clear()
        self.proof = proof
        money = lambda minor: format_money(int(minor), currency)  # noqa: E731
        rows = {row["allocation"]: row for row in proof["price_of_robustness"]}
        chosen, mean = rows["chosen"], rows["mean_optimal"]
        self.summary.setText(self.tr(
            "Optimised for the {measure} across {n} curve draws; certified gap {gap}. "
            "Against the mean-optimal allocation it changes the mean outcome by {mean} and "
            "the worst by {worst}.")
            .format(measure=self.measure(proof), n=proof["draws"], gap=self._gap(proof),
                    mean=money(chosen["mean"] - mean["mean"]),
                    worst=money(chosen["worst"] - mean["worst"])))
        self.model.setHorizontalHeaderLabels(
            [self.tr("Mean"), self.tr("5th percentile"), self.tr("Worst")])
        labels = {"chosen": self.tr("Chosen ({measure})").format(measure=self.measure(proof)),
                  "mean_optimal": self.tr("Mean-optimal")}
        for key in ("chosen", "mean_optimal"):
            self._row(labels[key], [money(rows[key][c]) for c in _COLUMNS])
        self._row(self.tr("Difference"), [money(chosen[c] - mean[c]) for c in _COLUMNS])
        unit = 1000 * 10 ** exponent(currency)
        outcomes = proof["outcomes_minor"]
        self.chart.set_data(PriceChart(
            tuple((labels[key], tuple(v / unit for v in outcomes[key]))
                  for key in ("chosen", "mean_optimal")),
            {"x": self.tr("Outcome per draw, k {currency}").format(currency=currency),
             "mean": self.tr("Mean"), "p5": self.tr("5th percentile"),
             "worst": self.tr("Worst"), "draws": self.tr("Draws")}))

    def _row(self, label: str, cells: list[str]) -> None:
        items = [QStandardItem(text) for text in cells]
        for item in items:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.model.appendRow(items)
        self.model.setVerticalHeaderItem(self.model.rowCount() - 1, QStandardItem(label))
