"""The plan at a glance, as plain data (CLI `info`, the GUI's summary, exports)."""

from __future__ import annotations

from typing import Any

from planner.services import budget
from planner.services.frames import PlanFrames, load
from planner.storage.plan_file import Plan


def _optional_int(value: Any) -> int | None:
    import pandas as pd

    return None if pd.isna(value) else int(value)


def summarise(plan: Plan) -> dict[str, Any]:
    return summarise_frames(load(plan))


def summarise_frames(frames: PlanFrames) -> dict[str, Any]:
    """The summary from frames already read (shared with the health check)."""
    s = frames.settings
    per_channel = budget.by_channel(frames)
    return {
        "name": s.name,
        "currency": s.currency,
        "horizon_start": s.horizon_start.isoformat(),
        "horizon_end": s.horizon_end.isoformat(),
        "calendar": s.calendar.get("kind", "iso"),
        "totals": budget.totals(frames),
        "brand_share": budget.brand_share(frames),
        "brand_share_range": f"{s.brand_share_min_bp / 100:g}–{s.brand_share_max_bp / 100:g} %",
        "counts": {
            "channels": len(frames.channels), "segments": len(frames.segments),
            "campaigns": len(frames.campaigns), "flights": len(frames.flights),
            "events": len(frames.events), "actuals": len(frames.actuals),
        },
        "by_channel": [
            {"id": cid, "name": row["name"], "budget_minor": int(row["budget_minor"]),
             "max_spend_minor": _optional_int(row["max_spend_minor"])}
            for cid, row in per_channel.iterrows()
        ],
        "by_objective": {k: int(v) for k, v in
                         budget.by_objective(frames)["budget_minor"].items()},
        "by_tier": {k: int(v) for k, v in budget.by_tier(frames)["budget_minor"].items()},
    }
