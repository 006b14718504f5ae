"""Binding constraints in a planner's words, most important kind first.

The solver labels each constraint ("cap on Douyin", "brand share ≥ 35 %"); this
puts each kind into a sentence the translators can reach. The fixed past is left
out (nothing can move there), and committed-flight locks are counted per channel
instead of listed per period.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from solver.result import Binding
from ui.formatting import format_figure
from ui.i18n import result_message

_ORDER = ("budget", "brand_share_min", "brand_share_max", "revenue_target", "roas",
          "channel_max", "channel_min", "channel_period_cap", "period_cap", "pacing", "lock")

# Committed flights holding more than the optimiser would give, by the grain counted.
_LOCKS = {
    "month": QT_TRANSLATE_NOOP("OptimiseWording",
                               "Committed flights on {channel} hold more than the optimiser "
                               "would give, in {count} month(s) (worth up to {value} per unit)."),
    "week": QT_TRANSLATE_NOOP("OptimiseWording",
                              "Committed flights on {channel} hold more than the optimiser "
                              "would give, in {count} week(s) (worth up to {value} per unit)."),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("OptimiseWording", text)


def _sentence(kind: str, label: str) -> str:
    words = {
        "budget": QT_TRANSLATE_NOOP(
            "OptimiseWording", "The whole budget is used: more money would still earn."),
        "brand_share_min": QT_TRANSLATE_NOOP(
            "OptimiseWording", "Brand share is held at its floor ({label})."),
        "brand_share_max": QT_TRANSLATE_NOOP(
            "OptimiseWording", "Brand share is held at its ceiling ({label})."),
        "channel_max": QT_TRANSLATE_NOOP("OptimiseWording", "{label} is reached."),
        "period_cap": QT_TRANSLATE_NOOP("OptimiseWording", "{label} is reached."),
        "channel_period_cap": QT_TRANSLATE_NOOP("OptimiseWording", "{label} is reached."),
        "channel_min": QT_TRANSLATE_NOOP(
            "OptimiseWording", "{label} forces more money in than the curve wants."),
        "revenue_target": QT_TRANSLATE_NOOP(
            "OptimiseWording", "The revenue target sets the spend."),
        "roas": QT_TRANSLATE_NOOP("OptimiseWording", "The return-on-spend floor binds ({label})."),
        "pacing": QT_TRANSLATE_NOOP(
            "OptimiseWording", "Pacing limits how fast spend may change ({label})."),
    }
    return _tr(words[kind]).format(label=label) if kind in words else label


def binding_lines(binding: tuple[Binding, ...], channels: tuple[str, ...], past: int,
                  grain: str) -> list[str]:
    """One sentence per binding constraint, with what relaxing it would be worth."""
    lines: list[tuple[int, float, str]] = []
    locks: dict[int, dict[int, float]] = {}
    worth = QCoreApplication.translate("OptimiseWording", "worth {value} per unit relaxed")
    for b in binding:
        kind, _, where = b.group.partition(":")
        value = math.inf if b.value is None else b.value
        index = [int(i) for i in where.split(":")] if where else []
        if kind in ("lock", "period_cap") and index and index[-1] < past:
            continue
        if kind == "lock":
            periods = locks.setdefault(index[0], {})
            periods[index[1]] = max(periods.get(index[1], 0.0), value)
            continue
        rank = _ORDER.index(kind) if kind in _ORDER else len(_ORDER)
        lines.append((rank, -value, f"{_sentence(kind, result_message(b.label))} "
                      f"({worth.format(value=format_figure(value))})"))
    for c, periods in locks.items():
        top = max(periods.values())
        text = _tr(_LOCKS.get(grain, _LOCKS["week"]))
        lines.append((_ORDER.index("lock"), -top, text.format(
            channel=channels[c], count=len(periods), value=format_figure(top))))
    return [text for *_, text in sorted(lines)]
