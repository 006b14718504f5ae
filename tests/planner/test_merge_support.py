"""Shared by the merge tests: a small plan, its copies, real service calls, and the
plan's records read back as {table: {id: row}} for field-by-field comparison."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from pathlib import Path

from planner.domain.entities import DateSpan
from planner.errors import PlannerError
from planner.services import campaigns, channels, events, flights
from planner.storage import history
from planner.storage.plan_file import Plan, open_plan, save_copy
from planner.storage.schema import USER_TABLES, primary_key

D = dt.date(2026, 3, 2)


def seed(plan: Plan) -> dict[str, str]:
    """Two channels, two campaigns, three flights and an event."""
    ids = {
        "tmall": channels.create_channel(plan, "天猫", "web_shop").created_id,
        "douyin": channels.create_channel(plan, "抖音", "short_video").created_id,
        "d11": campaigns.create_campaign(plan, "双11", "promotion").created_id,
        "cny": campaigns.create_campaign(plan, "春节", "brand").created_id,
    }
    ids["f1"] = flights.add_flight(plan, ids["d11"], ids["tmall"], D, D + dt.timedelta(9),
                                   100_000_00, name="双11 直播 第二波").created_id
    ids["f2"] = flights.add_flight(plan, ids["d11"], ids["douyin"], D, D + dt.timedelta(4),
                                   50_000_00).created_id
    ids["f3"] = flights.add_flight(plan, ids["cny"], ids["douyin"], D, D + dt.timedelta(20),
                                   80_000_00, name="春节 品牌").created_id
    ids["ev"] = events.create_event(plan, "custom", "发布会", D, D + dt.timedelta(1)).created_id
    return ids


def copies(plan: Plan, folder: Path) -> Plan:
    """A Save a Copy As of `plan`, open for writing."""
    return open_plan(save_copy(plan, folder / "theirs.cplan"))


def records(conn: sqlite3.Connection) -> dict[str, dict[str, dict]]:
    out: dict[str, dict[str, dict]] = {}
    for table in USER_TABLES:
        cursor = conn.execute(f'SELECT * FROM "{table}"')
        names = [d[0] for d in cursor.description]
        out[table] = {str(r[names.index(primary_key(table))]): dict(zip(names, r, strict=True))
                      for r in cursor}
    return out


def integrity_ok(conn: sqlite3.Connection) -> bool:
    return (conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            and not conn.execute("PRAGMA foreign_key_check").fetchall())


def _ids(plan: Plan, table: str) -> list[str]:
    return [r[0] for r in plan.db.execute(f'SELECT id FROM "{table}" ORDER BY rowid')]


OPS = 18


def do(plan: Plan, op: int, x: int, y: int) -> None:
    """One real service call chosen by `op`, on records picked by `x`; refusals (a
    channel still in use, nothing to undo) are part of the game."""
    chs, cs, fs, evs = (_ids(plan, t) for t in ("channels", "campaigns", "flights", "events"))

    def pick(ids: list[str]) -> str:
        if not ids:
            raise PlannerError("nothing to pick")
        return ids[x % len(ids)]

    day = D + dt.timedelta(days=y % 200)
    calls = {
        0: lambda: campaigns.create_campaign(plan, f"活动{x}", ("brand", "promotion")[y % 2]),
        1: lambda: campaigns.update_campaign(plan, pick(cs), name=f"改名{y}"),
        2: lambda: campaigns.delete_campaign(plan, pick(cs)),
        3: lambda: flights.add_flight(plan, pick(cs), chs[y % len(chs)] if chs else pick(chs),
                                      day, day + dt.timedelta(days=x % 20), y * 1000),
        4: lambda: flights.update_flight(plan, pick(fs), budget_minor=y * 100),
        5: lambda: flights.move_flight(plan, pick(fs), day),
        6: lambda: flights.resize_flight(plan, pick(fs), DateSpan(day, day + dt.timedelta(y % 9))),
        7: lambda: flights.delete_flights(plan, [pick(fs)]),
        8: lambda: channels.create_channel(plan, f"渠道{x}", "social"),
        9: lambda: channels.update_channel(plan, pick(chs), max_spend_minor=y * 10_000),
        10: lambda: channels.delete_channel(plan, pick(chs)),
        11: lambda: channels.move_channel(plan, pick(chs), y % 4),
        12: lambda: events.create_event(plan, "custom", f"事件{x}", day, day),
        13: lambda: events.update_event(plan, pick(evs), name=f"事件 {y}"),
        14: lambda: events.move_event(plan, pick(evs), y % 11 - 5),
        15: lambda: events.delete_event(plan, pick(evs)),
        16: lambda: history.undo(plan),
        17: lambda: flights.update_flight(plan, pick(fs), name=f"波次{y}"),
    }
    with contextlib.suppress(PlannerError):
        calls[op % OPS]()
