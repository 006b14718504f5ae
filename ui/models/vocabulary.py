"""Words the planner sees for the core's stored codes (statuses, objectives,
phasing patterns, finding severities and rules, KPI cycles) and calendar months,
translated where they are shown, never stored translated."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale

from planner.domain.calendars import Period

_CONTEXT = "vocabulary"

STATUS_LABELS = {
    "draft": QT_TRANSLATE_NOOP("vocabulary", "Draft"),
    "approved": QT_TRANSLATE_NOOP("vocabulary", "Approved"),
    "live": QT_TRANSLATE_NOOP("vocabulary", "Live"),
    "done": QT_TRANSLATE_NOOP("vocabulary", "Done"),
}
OBJECTIVE_LABELS = {
    "brand": QT_TRANSLATE_NOOP("vocabulary", "Brand"),
    "promotion": QT_TRANSLATE_NOOP("vocabulary", "Promotion"),
    "mixed": QT_TRANSLATE_NOOP("vocabulary", "Mixed"),
}
PATTERN_LABELS = {
    "even": QT_TRANSLATE_NOOP("vocabulary", "Even"),
    "front": QT_TRANSLATE_NOOP("vocabulary", "Front-loaded"),
    "back": QT_TRANSLATE_NOOP("vocabulary", "Back-loaded"),
    "continuous": QT_TRANSLATE_NOOP("vocabulary", "Continuous"),
    "flighting": QT_TRANSLATE_NOOP("vocabulary", "Flighting"),
    "pulsing": QT_TRANSLATE_NOOP("vocabulary", "Pulsing"),
    "custom": QT_TRANSLATE_NOOP("vocabulary", "Custom"),
}
SEVERITY_LABELS = {
    "error": QT_TRANSLATE_NOOP("vocabulary", "Error"),
    "warning": QT_TRANSLATE_NOOP("vocabulary", "Warning"),
    "info": QT_TRANSLATE_NOOP("vocabulary", "Info"),
}
RULE_LABELS = {
    "over_budget": QT_TRANSLATE_NOOP("vocabulary", "Over budget"),
    "brand_share": QT_TRANSLATE_NOOP("vocabulary", "Brand share"),
    "channel_over_cap": QT_TRANSLATE_NOOP("vocabulary", "Channel over cap"),
    "flight_in_blackout": QT_TRANSLATE_NOOP("vocabulary", "Flight in blackout"),
    "outside_horizon": QT_TRANSLATE_NOOP("vocabulary", "Outside the horizon"),
    "overlapping_flights": QT_TRANSLATE_NOOP("vocabulary", "Overlapping flights"),
    "no_kpi_target": QT_TRANSLATE_NOOP("vocabulary", "No KPI target"),
    "zero_budget": QT_TRANSLATE_NOOP("vocabulary", "Zero budget"),
    "booking_deadline": QT_TRANSLATE_NOOP("vocabulary", "Booking deadline"),
    "units_mismatch": QT_TRANSLATE_NOOP("vocabulary", "Units mismatch"),
}
KPI_CYCLE_LABELS = {
    "daily": QT_TRANSLATE_NOOP("vocabulary", "daily"),
    "weekly": QT_TRANSLATE_NOOP("vocabulary", "weekly"),
    "monthly": QT_TRANSLATE_NOOP("vocabulary", "monthly"),
    "total": QT_TRANSLATE_NOOP("vocabulary", "total"),
}
# Units KPI targets are stored in that are codes rather than words.
KPI_UNIT_LABELS = {
    "fen": QT_TRANSLATE_NOOP("vocabulary", "fen"),
    "pct": QT_TRANSLATE_NOOP("vocabulary", "%"),
}


def label(labels: dict[str, str], code: str) -> str:
    """The translated word for `code`; an unknown code is shown as stored."""
    text = labels.get(code)
    return QCoreApplication.translate(_CONTEXT, text) if text is not None else code


_ISO_MONTH_KEY = re.compile(r"\d{4}-\d{2}")


def period_label(period: Period) -> str:
    """A calendar month in the interface's language ("Apr 2026", "2026年4月"). Fiscal
    and retail periods keep the core's label: they name positions in a year, not months."""
    return period_text(period.key, period.label)


def period_text(key: str, core_label: str) -> str:
    """`period_label` for a period known by its key and the core's label."""
    if _ISO_MONTH_KEY.fullmatch(key):
        fmt = QCoreApplication.translate("vocabulary", "MMM yyyy", "date format")
        return QLocale().toString(QDate(int(key[:4]), int(key[5:]), 1), fmt)
    return core_label
