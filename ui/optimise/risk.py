"""The risk chooser: optimise the fitted curves alone, or across their draws by the
mean, the worst case or the CVaR at a level α (the mean of the worst α share)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QWidget

from ui.formatting import format_percent


@dataclass(frozen=True)
class Risk:
    """A risk measure across curve draws: ``measure`` is mean, worst or cvar."""

    measure: str
    alpha: float = 1.0


def measure_words(measure: str, alpha: float) -> str:
    """The measure as the tab names it: "worst case", "CVaR 10 %", …"""
    if measure == "mean":
        return QCoreApplication.translate("RiskChooser", "mean")
    if measure == "worst":
        return QCoreApplication.translate("RiskChooser", "worst case")
    return QCoreApplication.translate("RiskChooser", "CVaR {alpha}").format(
        alpha=format_percent(alpha))


class RiskChooser(QWidget):
    """`risk()` is None for the plain optimiser on the fitted curves; `changed()`
    when the choice changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Risk measure"))
        for key, text in ((None, self.tr("Fitted curves only")),
                          ("mean", self.tr("Mean across curve draws")),
                          ("worst", self.tr("Worst case across curve draws")),
                          ("cvar", self.tr("CVaR across curve draws"))):
            self.combo.addItem(text, key)
        self.combo.setToolTip(self.tr(
            "Across curve draws, the optimiser weighs every plausible curve the fit drew: "
            "the mean, the worst draw, or the mean of the worst α share (CVaR)."))
        self.alpha_box = QDoubleSpinBox()
        self.alpha_box.setAccessibleName(self.tr("Risk level"))
        self.alpha_box.setRange(0.01, 1.0)
        self.alpha_box.setSingleStep(0.05)
        self.alpha_box.setDecimals(2)
        self.alpha_box.setValue(0.1)
        self.alpha_box.setPrefix(self.tr("α = "))
        self.alpha_box.setToolTip(self.tr("The share of worst draws CVaR averages."))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Risk:")))
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.alpha_box)
        self.combo.currentIndexChanged.connect(self._update)
        self.alpha_box.valueChanged.connect(lambda _value: self.changed.emit())
        self._update()

    def risk(self) -> Risk | None:
        measure = self.combo.currentData()
        if measure is None:
            return None
        return Risk(measure, self.alpha_box.value() if measure == "cvar" else 1.0)

    def choose(self, measure: str | None, alpha: float = 0.1) -> None:
        self.alpha_box.setValue(alpha)
        self.combo.setCurrentIndex(self.combo.findData(measure))

    def _update(self) -> None:
        self.alpha_box.setEnabled(self.combo.currentData() == "cvar")
        self.changed.emit()
