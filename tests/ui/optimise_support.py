"""Plans for the Optimise tab's tests and the stall benchmark: the demo plan, and
the demo plan widened to many channels (each new one a copy of a demo channel's
curves, with no flights), for runs long enough to cancel or to measure."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from planner.demo import build_demo
from planner.domain.entities import new_id
from planner.services import channels
from planner.storage.plan_file import open_plan

TODAY = dt.date(2026, 6, 1)


def make_demo(path: Path) -> Path:
    build_demo(path, year=2026, today=TODAY).close()
    return path


def widen(path: Path, total_channels: int) -> Path:
    """Add channels until the plan has `total_channels`, cycling through the demo
    channels' stored curves (scaled a little each time, so no two are equal)."""
    with open_plan(path, take_backup=False) as plan:
        curves = plan.db.execute(
            "SELECT channel_id, goal, family, params, source, quality, created_at "
            "FROM curves ORDER BY channel_id, goal").fetchall()
        existing = plan.db.execute("SELECT COUNT(*) FROM channels").fetchone()[0]
        sources = sorted({row[0] for row in curves})
        for n in range(total_channels - existing):
            source = sources[n % len(sources)]
            made = channels.create_channel(plan, f"Extra channel {n + 1}", "social")
            factor = 0.6 + 0.05 * (n % 17)
            with plan.db.conn:
                for cid, goal, family, params, kind, quality, created in curves:
                    if cid != source:
                        continue
                    values = json.loads(params)
                    values["a"] = values["a"] * factor
                    plan.db.execute(
                        "INSERT INTO curves(id, channel_id, goal, family, params, source, "
                        "quality, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [new_id(), made.created_id, goal, family, json.dumps(values), kind,
                         quality, created])
    return path
