"""Roll-ups add up to the last minor unit, in the plan's own calendar."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.services import budget, campaigns, channels, flights, frames, plan_settings
from planner.services.summary import summarise

D = dt.date


@pytest.fixture
def money_plan(plan):
    shop = channels.create_channel(plan, "Tmall", "web_shop").created_id
    video = channels.create_channel(plan, "Douyin", "short_video").created_id
    high = channels.create_segment(plan, "高价值", "high").created_id
    low = channels.create_segment(plan, "新客", "low").created_id
    mixed = campaigns.create_campaign(plan, "会员日", "mixed", brand_share_bp=3333,
                                      segment_id=high).created_id
    promo = campaigns.create_campaign(plan, "双11", "promotion", segment_id=low).created_id
    flights.add_flight(plan, mixed, shop, D(2026, 1, 20), D(2026, 2, 10), 1_000_001,
                       phasing={"pattern": "front", "ratio": 4})
    flights.add_flight(plan, mixed, video, D(2026, 3, 30), D(2026, 4, 2), 77)
    flights.add_flight(plan, promo, shop, D(2026, 10, 20), D(2026, 11, 11), 9_999_999,
                       phasing={"pattern": "flighting", "on_days": 3, "off_days": 2})
    return plan


def test_channel_by_month_sums_exactly(money_plan):
    fr = frames.load(money_plan)
    table = budget.by_channel_period(fr, "month")
    assert int(table.to_numpy().sum()) == 1_000_001 + 77 + 9_999_999
    assert list(table.index) == ["Tmall", "Douyin"]
    assert table.loc["Douyin", "2026-03"] + table.loc["Douyin", "2026-04"] == 77
    assert table.loc["Tmall", "2026-01"] + table.loc["Tmall", "2026-02"] == 1_000_001


def test_weeks_follow_the_plan_calendar(money_plan):
    plan_settings.update_settings(money_plan, calendar={"kind": "broadcast"})
    table = budget.by_channel_period(frames.load(money_plan), "week")
    assert all(key.startswith("B2026-W") for key in table.columns)
    assert int(table.to_numpy().sum()) == 11_000_077


def test_brand_split_is_exact(money_plan):
    t = budget.totals(frames.load(money_plan))
    # 1,000,001 × 33.33 % rounds down to 333,300; 77 × 33.33 % to 25.
    assert t["brand_minor"] == 333_300 + 25
    assert t["brand_minor"] + t["promotion_minor"] == t["planned_minor"] == 11_000_077


def test_tier_and_campaign_rollups(money_plan):
    fr = frames.load(money_plan)
    tiers = budget.by_tier(fr)
    assert tiers.loc["high", "budget_minor"] == 1_000_078
    assert tiers.loc["low", "budget_minor"] == 9_999_999
    per_campaign = budget.by_campaign(fr).set_index("name")
    assert per_campaign.loc["会员日", "flights"] == 2


def test_summary_counts(money_plan):
    summary = summarise(money_plan)
    assert summary["counts"]["flights"] == 3
    assert summary["by_objective"] == {"mixed": 1_000_078, "promotion": 9_999_999}
