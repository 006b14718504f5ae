"""Small plans for the export tests, built through the services: Chinese names,
a festival week, money that does not divide evenly, and a long plan that runs
over several PDF pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.services.campaigns import create_campaign
from planner.services.channels import create_channel
from planner.services.events import create_event
from planner.services.flights import add_flight
from planner.storage.plan_file import Plan

D = dt.date.fromisoformat


@dataclass(frozen=True)
class Built:
    channels: list[str]
    campaigns: list[str]
    flights: list[str]


def small_plan(plan: Plan) -> Built:
    """Two channels, two campaigns, four flights (¥1,000.01 and other odd cents)."""
    tmall = create_channel(plan, "天猫旗舰店 Tmall", "web_shop").created_id
    douyin = create_channel(plan, "抖音直播", "live_stream").created_id
    brand = create_campaign(plan, "新春品牌大片 · 团圆", "brand").created_id
    promo = create_campaign(plan, "双11 预售 =SUM(A1)", "mixed", brand_share_bp=3333).created_id
    flights = [
        add_flight(plan, brand, tmall, D("2026-01-05"), D("2026-02-20"), 100_001).created_id,
        add_flight(plan, brand, douyin, D("2026-02-01"), D("2026-02-01"), 33_333).created_id,
        add_flight(plan, promo, tmall, D("2026-10-20"), D("2026-11-11"), 123_456_789,
                   name="定金膨胀").created_id,
        add_flight(plan, promo, douyin, D("2026-11-01"), D("2026-12-31"), 7).created_id,
    ]
    create_event(plan, "festival", "双11", D("2026-11-01"), D("2026-11-11"))
    return Built([tmall, douyin], [brand, promo], [f for f in flights if f])


def long_plan(plan: Plan, lanes: int = 8, per_lane: int = 30) -> None:
    """Many overlapping flights per channel across the year: several pages."""
    campaign = create_campaign(plan, "全年常投 Always-on", "promotion").created_id
    for lane in range(lanes):
        channel = create_channel(plan, f"渠道 {lane + 1} Channel", "other").created_id
        for i in range(per_lane):
            start = D("2026-01-01") + dt.timedelta(days=(i * 11) % 330)
            add_flight(plan, campaign, channel, start, start + dt.timedelta(days=40), 10_000)
