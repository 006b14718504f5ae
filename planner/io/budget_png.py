"""The budget charts as one 16:9 PNG for slides: spend by channel per month, and
brand vs promotion per month against the plan's brand-share range.

Same numbers as the workbook's Budget sheet (`planner.io.budget_tables`), drawn
with matplotlib's object API (no pyplot, no GUI toolkit).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from planner.domain.money import to_major
from planner.io.atomic import write_atomically
from planner.io.budget_tables import MonthlyBudget, monthly_budget
from planner.io.fonts import chinese_capable

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from planner.domain.entities import PlanSettings
    from planner.storage.plan_file import Plan

SLIDE = (13.33, 7.5)  # inches, 16:9
DPI = 150
TOP_CHANNELS = 10  # the rest are drawn as one "Other" band


def _figure(table: MonthlyBudget, colours: list[str], settings: PlanSettings) -> Figure:
    import numpy as np
    from matplotlib.figure import Figure

    currency = settings.currency
    scale = float(to_major(1, currency))
    one_year = len({p.start.year for p in table.months}) == 1
    labels = [p.label.split(" ")[0] if one_year and p.key[:1].isdigit() else p.label
              for p in table.months]
    x = np.arange(len(labels))
    fig = Figure(figsize=SLIDE, layout="constrained")
    fig.suptitle(settings.name, fontsize=14, weight="bold")
    by_channel, split = fig.subplots(1, 2, width_ratios=(3, 2))

    order = np.argsort(-table.spend.sum(axis=1), kind="stable")
    keep, rest = order[:TOP_CHANNELS], order[TOP_CHANNELS:]
    bottom = np.zeros(len(x))
    for i in keep:
        values = table.spend[i] * scale
        by_channel.bar(x, values, bottom=bottom, label=table.channels[i], color=colours[i])
        bottom += values
    if len(rest):
        values = table.spend[rest].sum(axis=0) * scale
        by_channel.bar(x, values, bottom=bottom, label="Other", color="#bab0ac")
    by_channel.set_title(f"Planned spend by channel per month ({currency})")
    by_channel.set_xticks(x, labels)
    by_channel.legend(fontsize=7, loc="upper left", ncols=2, frameon=False)

    brand, promotion = table.brand * scale, table.promotion * scale
    split.bar(x, brand, label="Brand", color="#4e79a7")
    split.bar(x, promotion, bottom=brand, label="Promotion", color="#f28e2b")
    split.set_title(f"Brand vs promotion per month ({currency})")
    split.set_xticks(x, labels)
    share = split.twinx()
    planned = table.brand + table.promotion
    ratio = np.divide(table.brand, planned, out=np.full(len(x), np.nan), where=planned > 0)
    share.plot(x, ratio * 100, color="#222222", marker="o", label="Brand share %")
    share.axhspan(settings.brand_share_min_bp / 100, settings.brand_share_max_bp / 100,
                  color="#59a14f", alpha=0.15, label="Brand-share range")
    share.set_ylim(0, 100)
    share.set_ylabel("Brand share %")
    handles = split.get_legend_handles_labels()[0] + share.get_legend_handles_labels()[0]
    split.legend(handles=handles, fontsize=7, loc="upper left", frameon=False)
    for ax in (by_channel, split):
        ax.tick_params(axis="x", labelsize=8)
        ax.yaxis.set_major_formatter("{x:,.0f}")
    return fig


def export_budget_png(plan: Plan, path: str | os.PathLike[str]) -> Path:
    """Write the budget charts PNG to `path` (replacing it whole) and return the path."""
    from planner.services import frames

    data = frames.load(plan)
    table = monthly_budget(data)
    colours = data.channels.sort_values("sort_order")["colour"].tolist()

    def write(target: Path) -> None:
        with chinese_capable():
            _figure(table, colours, data.settings).savefig(target, dpi=DPI, format="png")

    return write_atomically(path, write)
