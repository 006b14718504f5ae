"""The Budget tab's numbers, computed off the GUI thread.

Phasing a 5,000-flight plan to days and rolling it up takes long enough to stall
typing, so `compute` runs through a `ui.workers.recompute.VisibleRecompute`.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.services.budget_grid import (
    BudgetGrid,
    Measure,
    RowKind,
    baseline_flights,
    brand_promotion_by_month,
    budget_grid,
)
from planner.services.frames import load
from planner.storage.plan_file import reader


@dataclass(frozen=True)
class BudgetResult:
    """Everything the tab draws for one (rows, measure) choice: plain values."""

    grid: BudgetGrid
    by_channel: BudgetGrid  # the same measure by channel, for the stacked chart
    brand: BudgetGrid  # planned brand / promotion rows
    channel_colours: tuple[str, ...]  # per by_channel row
    currency: str


def compute(_worker: object, path: str, rows: RowKind, measure: Measure) -> BudgetResult:
    """On a pool thread: the GUI's own connection belongs to the GUI thread."""
    with reader(path) as plan:
        frames = load(plan)
        baseline = baseline_flights(plan) if measure == "baseline" else None
    grid = budget_grid(frames, rows, measure, baseline=baseline)
    by_channel = grid if rows == "channel" else budget_grid(frames, "channel", measure,
                                                            baseline=baseline)
    colour = frames.channels.set_index("id")["colour"]
    colours = tuple(str(colour.get(key) or "#888888") for key in by_channel.row_keys)
    return BudgetResult(grid, by_channel, brand_promotion_by_month(frames), colours,
                        frames.settings.currency)
