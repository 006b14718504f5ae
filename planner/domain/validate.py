"""Field checks shared by every way a record enters the plan (GUI, CLI, import).

Each failure names the field and the value, so a planner knows what to fix.
"""

from __future__ import annotations

import math
import re
from typing import Any

from planner.domain import entities as e
from planner.domain.phasing import Phasing, PhasingError
from planner.errors import ValidationError
from planner.i18n import QT_TRANSLATE_NOOP

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _one_of(field: str, value: object, allowed: tuple[str, ...] | dict) -> None:
    if value not in allowed:
        reason = QT_TRANSLATE_NOOP("validation", "must be one of {allowed}")
        raise ValidationError(field, value, reason.format(allowed=", ".join(allowed)))


def _name(field: str, value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(field, value, QT_TRANSLATE_NOOP("validation", "must not be empty"))


def _money(field: str, value: object, *, optional: bool = False) -> None:
    if value is None and optional:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError(field, value, QT_TRANSLATE_NOOP(
            "validation", "must be a whole, non-negative amount in minor units"))


def _span(prefix: str, start: object, end: object) -> None:
    if end < start:  # type: ignore[operator]
        reason = QT_TRANSLATE_NOOP("validation", "must not be before start {start}")
        raise ValidationError(f"{prefix}.end", str(end), reason.format(start=str(start)))


def _colour(field: str, value: str) -> None:
    if not _COLOUR.match(value or ""):
        raise ValidationError(field, value,
                              QT_TRANSLATE_NOOP("validation", "must be a colour like #4e79a7"))


def channel(c: e.Channel) -> None:
    _name("channel.name", c.name)
    _one_of("channel.kind", c.kind, e.CHANNEL_KINDS)
    _colour("channel.colour", c.colour)
    _money("channel.min_spend", c.min_spend_minor)
    _money("channel.max_spend", c.max_spend_minor, optional=True)
    if c.max_spend_minor is not None and c.max_spend_minor < c.min_spend_minor:
        raise ValidationError("channel.max_spend", c.max_spend_minor,
                              QT_TRANSLATE_NOOP("validation", "must not be below the minimum "
                                                "spend {minimum}").format(
                                  minimum=c.min_spend_minor))


def segment(s: e.Segment) -> None:
    _name("segment.name", s.name)
    _one_of("segment.tier", s.tier, e.TIERS)
    if s.customers is not None and s.customers < 0:
        raise ValidationError("segment.customers", s.customers,
                              QT_TRANSLATE_NOOP("validation", "must not be negative"))


def campaign(c: e.Campaign) -> None:
    _name("campaign.name", c.name)
    _one_of("campaign.objective", c.objective, e.OBJECTIVES)
    _one_of("campaign.status", c.status, e.STATUSES)
    _colour("campaign.colour", c.colour)
    expected = {"brand": (10000, 10000), "promotion": (0, 0), "mixed": (1, 9999)}[c.objective]
    reasons = {
        "brand": QT_TRANSLATE_NOOP("validation",
                                   "a brand campaign needs a brand share of 100 %"),
        "promotion": QT_TRANSLATE_NOOP("validation",
                                       "a promotion campaign needs a brand share of 0 %"),
        "mixed": QT_TRANSLATE_NOOP("validation", "a mixed campaign needs a brand share of "
                                   "between 0 % and 100 % (exclusive)"),
    }
    if not expected[0] <= c.brand_share_bp <= expected[1]:
        raise ValidationError("campaign.brand_share", c.brand_share_bp / 100,
                              reasons[c.objective])


def kpi_target(k: e.KpiTarget) -> None:
    _one_of("kpi.category", k.category, e.KPI_CATEGORIES)
    _one_of("kpi.cycle", k.cycle, e.KPI_CYCLES)
    _name("kpi.metric", k.metric)
    if isinstance(k.target, bool) or not isinstance(k.target, int | float) \
            or not math.isfinite(k.target):
        raise ValidationError("kpi.target", k.target,
                              QT_TRANSLATE_NOOP("validation", "must be a finite number"))


def flight(f: e.Flight) -> None:
    _span("flight", f.start, f.end)
    _money("flight.budget", f.budget_minor)
    try:
        Phasing.from_dict(f.phasing)
    except PhasingError as exc:
        raise ValidationError("flight.phasing", f.phasing, str(exc)) from None
    if f.unit_kind is not None:
        _one_of("flight.unit_kind", f.unit_kind, e.UNIT_KINDS)
    if f.units is not None and (not isinstance(f.units, int) or f.units < 0):
        raise ValidationError("flight.units", f.units,
                              QT_TRANSLATE_NOOP("validation",
                                                "must be a whole, non-negative number"))
    _money("flight.unit_cost", f.unit_cost_minor, optional=True)


def event(ev: e.Event) -> None:
    _name("event.name", ev.name)
    _one_of("event.kind", ev.kind, e.EVENT_KINDS)
    _span("event", ev.start, ev.end)


def placeholder(p: e.Placeholder) -> None:
    _span("placeholder", p.start, p.end)
    _money("placeholder.amount", p.amount_minor)
    if p.goal is not None:
        _one_of("placeholder.goal", p.goal, e.GOALS)


def settings(s: e.PlanSettings) -> None:
    _name("plan.name", s.name)
    if not re.fullmatch(r"[A-Z]{3}", s.currency or ""):
        raise ValidationError("plan.currency", s.currency,
                              QT_TRANSLATE_NOOP("validation", "must be a three-letter ISO code"))
    _span("plan.horizon", s.horizon_start, s.horizon_end)
    _money("plan.total_budget", s.total_budget_minor)
    for field in ("brand_share_min_bp", "brand_share_max_bp", "brand_share_target_bp"):
        value = getattr(s, field)
        if not 0 <= value <= 10000:
            raise ValidationError(f"plan.{field[:-3]}", value / 100,
                                  QT_TRANSLATE_NOOP("validation", "must be between 0 % and 100 %"))
    if not s.brand_share_min_bp <= s.brand_share_target_bp <= s.brand_share_max_bp:
        raise ValidationError("plan.brand_share_target", s.brand_share_target_bp / 100,
                              QT_TRANSLATE_NOOP("validation",
                                                "must lie within the brand share range"))
    if s.backup_keep < 1:
        raise ValidationError("plan.backup_keep", s.backup_keep,
                              QT_TRANSLATE_NOOP("validation", "must be at least 1"))
    from planner.domain.calendars import CalendarSpec

    try:
        CalendarSpec.from_dict(s.calendar)
    except ValueError as exc:
        raise ValidationError("plan.calendar", s.calendar, str(exc)) from None


VALIDATORS: dict[type, Any] = {
    e.Channel: channel, e.Segment: segment, e.Campaign: campaign, e.KpiTarget: kpi_target,
    e.Flight: flight, e.Event: event, e.Placeholder: placeholder, e.PlanSettings: settings,
}


def check(entity: Any) -> None:
    VALIDATORS[type(entity)](entity)
