"""The constraint editor: every argument of an optimiser run, defaulted from the
plan's settings and channels, read back as one `RunRequest`.

Budget and limits are money text in the plan currency; brand share is a pair of
percentages; committed flights, which the optimiser keeps, are listed read-only.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.domain.calendars import CalendarSpec, periods_between
from planner.domain.money import to_minor
from ui.formatting import date_pattern, format_money, format_percent, format_span
from ui.models.plan_index import PlanIndex
from ui.models.vocabulary import period_label
from ui.optimise.money_table import MoneyTableModel
from ui.optimise.request import RunRequest
from ui.selection import Selection

TOLERANCES = (1e-3, 1e-4, 1e-6, 1e-8)


class InvalidInput(ValueError):
    """A field holds something the optimiser cannot take; the message names it."""


class ConstraintEditor(QWidget):
    """`request()` -> RunRequest (raises InvalidInput); `reset()` re-reads the plan.
    Clicking a locked flight selects it, so the calendar shows where it is."""

    def __init__(self, index: PlanIndex, selection: Selection,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._index, self._selection = index, selection
        self._currency = "CNY"
        self.budget_edit = QLineEdit()
        self.spend_combo = QComboBox()
        self.spend_combo.addItem(self.tr("up to the budget"), False)
        self.spend_combo.addItem(self.tr("all of the budget"), True)
        self.share_min, self.share_max = _percent_box(), _percent_box()
        self.share_min.setAccessibleName(self.tr("Least brand share"))
        self.share_max.setAccessibleName(self.tr("Most brand share"))
        self.objective_combo = QComboBox()
        for key, text in (("max_value", self.tr("Most value (revenue + brand)")),
                          ("min_cost", self.tr("Revenue target at least cost")),
                          ("max_value_roas", self.tr("Most value with a return-on-spend floor"))):
            self.objective_combo.addItem(text, key)
        self.target_edit = QLineEdit()
        self.roas_box = QDoubleSpinBox()
        self.roas_box.setRange(0.0, 100.0)
        self.roas_box.setDecimals(2)
        self.roas_box.setValue(1.0)
        self.brand_value_box = QDoubleSpinBox()
        self.brand_value_box.setRange(0.0, 1e6)
        self.brand_value_box.setDecimals(3)
        self.brand_value_box.setValue(1.0)
        self.grain_combo = QComboBox()
        self.grain_combo.addItem(self.tr("Month"), "month")
        self.grain_combo.addItem(self.tr("Week"), "week")
        self.today_edit = QDateEdit()
        self.today_edit.setCalendarPopup(True)
        self.today_edit.setDisplayFormat(date_pattern())
        self.tolerance_combo = QComboBox()
        for tolerance in TOLERANCES:
            self.tolerance_combo.addItem(format_percent(tolerance, 6).rstrip("0").rstrip("."),
                                         tolerance)
        self.tolerance_combo.setCurrentIndex(TOLERANCES.index(1e-4))

        self.limits_model = MoneyTableModel([self.tr("Channel"), self.tr("Minimum"),
                                             self.tr("Maximum")], self)
        self.caps_model = MoneyTableModel([self.tr("Period"), self.tr("Cap")], self)
        self.locked_list = QListWidget()
        self._build()
        self.objective_combo.currentIndexChanged.connect(self._objective_changed)
        self.grain_combo.currentIndexChanged.connect(self._fill_periods)
        self.today_edit.dateChanged.connect(self._fill_locked)
        self.locked_list.itemClicked.connect(
            lambda item: selection.select_flights([item.data(Qt.ItemDataRole.UserRole)], self))
        index.reset.connect(self.reset)
        index.changed.connect(self._plan_changed)
        self._objective_changed()
        self.reset()

    def _build(self) -> None:
        share = QHBoxLayout()
        share.addWidget(self.share_min)
        share.addWidget(QLabel(self.tr("to")))
        share.addWidget(self.share_max)
        form = QFormLayout()
        form.addRow(self.tr("Total budget:"), self.budget_edit)
        form.addRow(self.tr("Spend:"), self.spend_combo)
        form.addRow(self.tr("Brand share:"), share)
        form.addRow(self.tr("Objective:"), self.objective_combo)
        form.addRow(self.tr("Revenue target:"), self.target_edit)
        form.addRow(self.tr("Least return on spend:"), self.roas_box)
        form.addRow(self.tr("Value of one brand point (thousands):"), self.brand_value_box)
        form.addRow(self.tr("Periods:"), self.grain_combo)
        form.addRow(self.tr("Re-plan from:"), self.today_edit)
        form.addRow(self.tr("Certified gap target:"), self.tolerance_combo)
        tables = QTabWidget()
        for model, title in ((self.limits_model, self.tr("Channel limits")),
                             (self.caps_model, self.tr("Period caps"))):
            view = QTableView()
            view.setModel(model)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                 | QAbstractItemView.EditTrigger.EditKeyPressed
                                 | QAbstractItemView.EditTrigger.AnyKeyPressed)
            view.setAccessibleName(title)
            view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
            tables.addTab(view, title)
        tables.addTab(self.locked_list, self.tr("Locked (committed) flights"))
        self.tables = tables
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(tables, 1)

    # -- defaults from the plan ------------------------------------------------------
    def reset(self) -> None:
        """Every field back to the plan's settings and channel records."""
        index = self._index
        self.today_edit.setDate(QDate(dt.date.today()))
        if not index.is_open:
            self.limits_model.set_rows([], self._currency)
            self.caps_model.set_rows([], self._currency)
            self.locked_list.clear()
            return
        settings = index.settings
        self._currency = settings.currency
        self.budget_edit.setText(format_money(settings.total_budget_minor, self._currency,
                                              symbol=False))
        self.share_min.setValue(settings.brand_share_min_bp / 100)
        self.share_max.setValue(settings.brand_share_max_bp / 100)
        self.target_edit.clear()
        self._fill_channels()
        self._fill_periods()
        self._fill_locked()

    def _plan_changed(self, changes: object) -> None:
        if getattr(changes, "channels", None):
            self._fill_channels()
        if getattr(changes, "flights", None) or getattr(changes, "channels", None):
            self._fill_locked()

    def _fill_channels(self) -> None:
        channels = sorted(self._index.channels.values(), key=lambda c: (c.sort_order, c.name))
        self.limits_model.set_rows([(c.id, c.name, [c.min_spend_minor, c.max_spend_minor])
                                    for c in channels], self._currency)

    def _fill_periods(self) -> None:
        if not self._index.is_open:
            return
        s = self._index.settings
        periods = periods_between(CalendarSpec.from_dict(s.calendar), s.horizon_start,
                                  s.horizon_end, self.grain)
        self.caps_model.set_rows([(p.key, period_label(p), [None]) for p in periods],
                                 self._currency)

    def _fill_locked(self) -> None:
        self.locked_list.clear()
        if not self._index.is_open:
            return
        first = self.today
        locked = sorted((f for f in self._index.flights.values()
                         if f.committed and f.end >= first), key=lambda f: (f.start, f.id))
        for flight in locked:
            item = QListWidgetItem(
                f"{format_span(flight.start, flight.end)}  "
                f"{self._index.channel_name(flight.channel_id)}  ·  "
                f"{self._index.campaign_name(flight)}  ·  "
                f"{format_money(flight.budget_minor, self._currency)}")
            item.setData(Qt.ItemDataRole.UserRole, flight.id)
            self.locked_list.addItem(item)

    def _objective_changed(self) -> None:
        objective = self.objective
        self.target_edit.setEnabled(objective == "min_cost")
        self.roas_box.setEnabled(objective == "max_value_roas")
        self.brand_value_box.setEnabled(objective != "min_cost")

    # -- reading back ----------------------------------------------------------------
    @property
    def objective(self) -> str:
        return self.objective_combo.currentData()

    @property
    def grain(self) -> str:
        return self.grain_combo.currentData()

    @property
    def today(self) -> dt.date:
        return self.today_edit.date().toPython()

    def set_today(self, day: dt.date) -> None:
        self.today_edit.setDate(QDate(day))

    def _money(self, edit: QLineEdit, field: str) -> int:
        try:
            amount = to_minor(edit.text(), self._currency)
        except ValueError:
            raise InvalidInput(self.tr("{field}: “{text}” is not an amount of money")
                               .format(field=field, text=edit.text())) from None
        if amount < 0:
            raise InvalidInput(self.tr("{field} must not be negative").format(field=field))
        return amount

    def request(self) -> RunRequest:
        low, high = self.share_min.value() / 100, self.share_max.value() / 100
        if low > high:
            raise InvalidInput(self.tr("Brand share: the lowest share is above the highest"))
        objective = self.objective
        limits = {key: (low_, high_) for key, (low_, high_)
                  in self.limits_model.changed_rows().items()}
        caps = {key: cap for key, (cap,) in self.caps_model.changed_rows().items()
                if cap is not None}
        return RunRequest(
            grain=self.grain, today=self.today,
            budget_minor=self._money(self.budget_edit, self.tr("Total budget")),
            spend_all=bool(self.spend_combo.currentData()), brand_share=(low, high),
            objective=objective,
            brand_value=self.brand_value_box.value() if objective != "min_cost" else None,
            revenue_target_minor=self._money(self.target_edit, self.tr("Revenue target"))
            if objective == "min_cost" else None,
            min_roas=self.roas_box.value() if objective == "max_value_roas" else None,
            channel_limits=limits, period_caps=caps,
            tolerance=self.tolerance_combo.currentData())


def _percent_box() -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0.0, 100.0)
    box.setDecimals(1)
    box.setSuffix(" %")
    return box
