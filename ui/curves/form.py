"""A small form to set one curve's parameters by hand.

Money parameters are shown in the plan currency's major units (the plan stores
minor units per week); a brand curve's height `a` is an index, not money.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QPushButton,
    QWidget,
)

from planner.domain.money import exponent
from planner.services.curve_edits import FAMILY_PARAMS, CurveRecord

_LARGEST = 1e13


def _spin(decimals: int, top: float, step: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setDecimals(decimals)
    spin.setRange(0.0, top)
    spin.setSingleStep(step)
    spin.setKeyboardTracking(False)
    return spin


class CurveForm(QGroupBox):
    """`apply_requested(goal, family, params in minor units, adstock λ)`."""

    apply_requested = Signal(str, str, dict, float)

    def __init__(self, goal: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.goal = goal
        self._scale = 100.0
        self.family = QComboBox()
        self.family.setAccessibleName(self.tr("Curve family"))
        for family, text in (("hill", self.tr("Hill")), ("exponential", self.tr("Exponential"))):
            self.family.addItem(text, family)
        self.family.currentIndexChanged.connect(self._family_changed)
        self.a = _spin(2, _LARGEST, 1000.0)
        self.k = _spin(2, _LARGEST, 1000.0)
        self.s = _spin(4, 10.0, 0.05)
        self.adstock = _spin(4, 0.9999, 0.05)
        self.apply_button = QPushButton(self.tr("Apply (marks the curve manual)"))
        self.apply_button.clicked.connect(self._apply)
        layout = QFormLayout(self)
        layout.addRow(self.tr("Family"), self.family)
        layout.addRow(self.tr("Saturation a") if goal == "brand"
                      else self.tr("Saturation a (money per week)"), self.a)
        layout.addRow(self.tr("Half-saturation k (money per week)"), self.k)
        layout.addRow(self.tr("Shape s"), self.s)
        layout.addRow(self.tr("Adstock λ"), self.adstock)
        layout.addRow(self.apply_button)

    def show_curve(self, curve: CurveRecord | None, currency: str) -> None:
        self._scale = float(10 ** exponent(currency))
        self.setEnabled(curve is not None)
        if curve is None:
            return
        self.family.setCurrentIndex(self.family.findData(curve.family))
        money_a = self.goal != "brand"
        self.a.setValue(curve.params["a"] / (self._scale if money_a else 1.0))
        self.k.setValue(curve.params["k"] / self._scale)
        self.s.setValue(float(curve.params.get("s", 1.0)))
        self.adstock.setValue(curve.adstock)
        self._family_changed()

    def _family_changed(self) -> None:
        self.s.setEnabled(self.family.currentData() == "hill")

    def _apply(self) -> None:
        family = self.family.currentData()
        values = {"a": self.a.value() * (1.0 if self.goal == "brand" else self._scale),
                  "k": self.k.value() * self._scale, "s": self.s.value()}
        params = {name: values[name] for name in FAMILY_PARAMS[family]}
        self.apply_requested.emit(self.goal, family, params, self.adstock.value())
