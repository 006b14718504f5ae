"""What a planner calls each field a `ValidationError` names, marked for translation.

The error keeps the field's code ("flight.end"): the CLI, logs and tests read it,
and in English it is the name shown. Each code here is also its own English
template, so the GUI shows the field in the interface language ("排期结束日期").
"""

from __future__ import annotations

from planner.i18n import QT_TRANSLATE_NOOP, Template


def _by_code(*templates: Template) -> dict[str, Template]:
    return {str(t): t for t in templates}


_FIELDS = _by_code(
    QT_TRANSLATE_NOOP("fields", "baseline.name"), QT_TRANSLATE_NOOP("fields", "campaign.name"),
    QT_TRANSLATE_NOOP("fields", "campaign.brand_share"),
    QT_TRANSLATE_NOOP("fields", "campaign.colour"),
    QT_TRANSLATE_NOOP("fields", "campaign.objective"),
    QT_TRANSLATE_NOOP("fields", "campaign.status"), QT_TRANSLATE_NOOP("fields", "channel.name"),
    QT_TRANSLATE_NOOP("fields", "channel.colour"), QT_TRANSLATE_NOOP("fields", "channel.kind"),
    QT_TRANSLATE_NOOP("fields", "channel.min_spend"),
    QT_TRANSLATE_NOOP("fields", "channel.max_spend"),
    QT_TRANSLATE_NOOP("fields", "curve.adstock"), QT_TRANSLATE_NOOP("fields", "curve.family"),
    QT_TRANSLATE_NOOP("fields", "curve.goal"), QT_TRANSLATE_NOOP("fields", "event.name"),
    QT_TRANSLATE_NOOP("fields", "event.kind"), QT_TRANSLATE_NOOP("fields", "event.end"),
    QT_TRANSLATE_NOOP("fields", "fit.draws"), QT_TRANSLATE_NOOP("fields", "flight.end"),
    QT_TRANSLATE_NOOP("fields", "flight.budget"), QT_TRANSLATE_NOOP("fields", "flight.committed"),
    QT_TRANSLATE_NOOP("fields", "flight.phasing"), QT_TRANSLATE_NOOP("fields", "flight.units"),
    QT_TRANSLATE_NOOP("fields", "flight.unit_cost"),
    QT_TRANSLATE_NOOP("fields", "flight.unit_kind"), QT_TRANSLATE_NOOP("fields", "kpi.metric"),
    QT_TRANSLATE_NOOP("fields", "kpi.category"), QT_TRANSLATE_NOOP("fields", "kpi.cycle"),
    QT_TRANSLATE_NOOP("fields", "kpi.target"), QT_TRANSLATE_NOOP("fields", "placeholder.end"),
    QT_TRANSLATE_NOOP("fields", "placeholder.amount"),
    QT_TRANSLATE_NOOP("fields", "placeholder.goal"), QT_TRANSLATE_NOOP("fields", "plan.name"),
    QT_TRANSLATE_NOOP("fields", "plan.currency"), QT_TRANSLATE_NOOP("fields", "plan.horizon.end"),
    QT_TRANSLATE_NOOP("fields", "plan.total_budget"),
    QT_TRANSLATE_NOOP("fields", "plan.brand_share_min"),
    QT_TRANSLATE_NOOP("fields", "plan.brand_share_max"),
    QT_TRANSLATE_NOOP("fields", "plan.brand_share_target"),
    QT_TRANSLATE_NOOP("fields", "plan.backup_keep"), QT_TRANSLATE_NOOP("fields", "plan.calendar"),
    QT_TRANSLATE_NOOP("fields", "scale.percent"), QT_TRANSLATE_NOOP("fields", "scenario.name"),
    QT_TRANSLATE_NOOP("fields", "segment.name"), QT_TRANSLATE_NOOP("fields", "segment.tier"),
    QT_TRANSLATE_NOOP("fields", "segment.customers"), QT_TRANSLATE_NOOP("fields", "split.date"),
    QT_TRANSLATE_NOOP("fields", "status"), QT_TRANSLATE_NOOP("fields", "clipboard"),
)


def field_name(code: str) -> str:
    """The field's marked name (its code in English), or the code when none is listed."""
    return _FIELDS.get(code, code)
