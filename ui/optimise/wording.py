"""Binding constraints in a planner's words, most important kind first.

The solver labels each constraint ("cap on Douyin", "brand share ≥ 35 %"); this
puts each kind into a sentence the translators can reach. The fixed past is left
out (nothing can move there), and committed-flight locks are counted per channel
instead of listed per period.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from solver.result import Binding

_ORDER = ("budget", "brand_share_min", "brand_share_max", "revenue_target", "roas",
          "channel_max", "channel_min", "channel_period_cap", "period_cap", "pacing", "lock")


def _tr(text: str) -> str:
    return QCoreApplication.translate("OptimiseWording", text)


def _sentence(kind: str, label: str) -> str:
    words = {
        "budget": _tr("The whole budget is used: more money would still earn."),
        "brand_share_min": _tr("Brand share is held at its floor ({label})."),
        "brand_share_max": _tr("Brand share is held at its ceiling ({label})."),
        "channel_max": _tr("{label} is reached."),
        "period_cap": _tr("{label} is reached."),
        "channel_period_cap": _tr("{label} is reached."),
        "channel_min": _tr("{label} forces more money in than the curve wants."),
        "revenue_target": _tr("The revenue target sets the spend."),
        "roas": _tr("The return-on-spend floor binds ({label})."),
        "pacing": _tr("Pacing limits how fast spend may change ({label})."),
    }
    return words.get(kind, "{label}").format(label=label)


def binding_lines(binding: tuple[Binding, ...], channels: tuple[str, ...], past: int,
                  grain: str) -> list[str]:
    """One sentence per binding constraint, with what relaxing it would be worth."""
    lines: list[tuple[int, float, str]] = []
    locks: dict[int, dict[int, float]] = {}
    worth = _tr("worth {value} per unit relaxed")
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
        lines.append((rank, -value, f"{_sentence(kind, b.label)} "
                      f"({worth.format(value=f'{value:.3g}')})"))
    for c, periods in locks.items():
        top = max(periods.values())
        text = _tr("Committed flights on {channel} hold more than the optimiser would give, "
                   "in {count} {grain}(s) (worth up to {value} per unit).")
        lines.append((_ORDER.index("lock"), -top, text.format(
            channel=channels[c], count=len(periods), grain=grain, value=f"{top:.3g}")))
    return [text for *_, text in sorted(lines)]
