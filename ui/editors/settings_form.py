"""The plan's general settings: name, currency, horizon, calendar, budget, brand-share range.

Shown on the first tab of `PlanSettingsDialog`; OK applies every changed
setting as one `plan_settings.update_settings` command.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox, QWidget

from planner.domain.calendars import CalendarSpec
from planner.domain.entities import PlanSettings
from planner.services import plan_settings
from ui.commands.base import ServiceCommand
from ui.document import PlanDocument
from ui.editors import labels
from ui.editors.edits import changed_fields
from ui.editors.form import Problems, RecordForm
from ui.editors.widgets import date_edit, money_text, read_date
from ui.models.plan_index import PlanIndex

RETAIL_PATTERNS = ("445", "454", "544")
_CURRENCY = re.compile(r"[A-Z]{3}")
_FISCAL_MONTH_KINDS = ("fiscal", "retail_445")


def _percent() -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0.0, 100.0)
    spin.setDecimals(2)
    spin.setSuffix(" %")
    return spin


class SettingsForm(RecordForm):
    def __init__(self, index: PlanIndex, parent: QWidget | None = None) -> None:
        super().__init__(index, parent)
        self.name = QLineEdit()
        self.currency_code = QLineEdit()
        self.currency_code.setMaxLength(3)
        self.horizon_start = date_edit()
        self.horizon_end = date_edit()
        self.calendar_kind = QComboBox()
        for kind, text in labels.calendar_kinds().items():
            self.calendar_kind.addItem(text, kind)
        self.fiscal_start_month = QComboBox()
        locale = QLocale()
        for month in range(1, 13):
            self.fiscal_start_month.addItem(
                locale.standaloneMonthName(month, QLocale.FormatType.LongFormat), month)
        self.retail_pattern = QComboBox()
        for pattern in RETAIL_PATTERNS:
            self.retail_pattern.addItem("-".join(pattern), pattern)
        self.total_budget = QLineEdit()
        self.brand_share_min = _percent()
        self.brand_share_target = _percent()
        self.brand_share_max = _percent()
        self.backup_keep = QSpinBox()
        self.backup_keep.setRange(0, 1000)

        self._row(self.tr("Plan name"), self.name, "plan.name")
        self._row(self.tr("Currency"), self.currency_code, "plan.currency")
        self._row(self.tr("Horizon start"), self.horizon_start, "plan.horizon.start")
        self._row(self.tr("Horizon end"), self.horizon_end, "plan.horizon.end")
        self._row(self.tr("Calendar"), self.calendar_kind, "plan.calendar")
        self._month_row = self._row(self.tr("Year starts in"), self.fiscal_start_month)
        self._pattern_row = self._row(self.tr("Weeks per month"), self.retail_pattern)
        self._row(self.tr("Total budget"), self.total_budget, "plan.total_budget")
        self._row(self.tr("Brand share minimum"), self.brand_share_min, "plan.brand_share_min")
        self._row(self.tr("Brand share target"), self.brand_share_target,
                  "plan.brand_share_target")
        self._row(self.tr("Brand share maximum"), self.brand_share_max, "plan.brand_share_max")
        self._row(self.tr("Backups kept"), self.backup_keep, "plan.backup_keep")
        self._finish()

    @property
    def currency(self) -> str:
        """Amounts are read in the currency being typed, once it is a valid code."""
        typed = self.currency_code.text().strip().upper()
        return typed if _CURRENCY.fullmatch(typed) else super().currency

    def _fill(self, record: PlanSettings, preset: dict[str, Any],
              skip: frozenset[QWidget]) -> None:
        spec = CalendarSpec.from_dict(record.calendar)
        for widget, value in (
            (self.name, record.name), (self.currency_code, record.currency),
            (self.horizon_start, record.horizon_start), (self.horizon_end, record.horizon_end),
            (self.calendar_kind, spec.kind), (self.fiscal_start_month, spec.fiscal_start_month),
            (self.retail_pattern, spec.retail_pattern),
            (self.total_budget, money_text(record.total_budget_minor, record.currency)),
            (self.brand_share_min, record.brand_share_min_bp / 100),
            (self.brand_share_target, record.brand_share_target_bp / 100),
            (self.brand_share_max, record.brand_share_max_bp / 100),
            (self.backup_keep, record.backup_keep),
        ):
            self._set(widget, value, skip)
        self._show_relevant()

    def _changed(self, widget: QWidget) -> None:
        self._show_relevant()

    def _show_relevant(self) -> None:
        kind = self.calendar_kind.currentData()
        self._layout.setRowVisible(self._month_row, kind in _FISCAL_MONTH_KINDS)
        self._layout.setRowVisible(self._pattern_row, kind == "retail_445")

    def _read(self, problems: Problems) -> dict[str, Any]:
        try:
            calendar = CalendarSpec(kind=self.calendar_kind.currentData(),
                                    fiscal_start_month=self.fiscal_start_month.currentData(),
                                    retail_pattern=self.retail_pattern.currentData()).to_dict()
        except ValueError as exc:
            problems.error("plan.calendar", str(exc))
            calendar = self.record.calendar
        return {
            "name": self.name.text().strip(),
            "currency": self.currency_code.text().strip().upper(),
            "horizon_start": read_date(self.horizon_start),
            "horizon_end": read_date(self.horizon_end),
            "calendar": calendar,
            "total_budget_minor": self._money(self.total_budget, "plan.total_budget", problems,
                                              required=True),
            "brand_share_min_bp": round(self.brand_share_min.value() * 100),
            "brand_share_target_bp": round(self.brand_share_target.value() * 100),
            "brand_share_max_bp": round(self.brand_share_max.value() * 100),
            "backup_keep": self.backup_keep.value(),
        }

    def _build(self, values: dict[str, Any]) -> PlanSettings:
        return self._entity(PlanSettings, values)


def settings_command(document: PlanDocument, current: PlanSettings,
                     values: Mapping[str, Any]) -> ServiceCommand | None:
    """Every changed setting as one command; None when nothing changed."""
    changes = changed_fields(current, values, {"calendar": CalendarSpec.from_dict})
    if not changes:
        return None
    return ServiceCommand(document, QCoreApplication.translate("PlanSettings",
                                                               "Edit plan settings"),
                          plan_settings.update_settings, **changes)
