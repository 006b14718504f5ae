"""Every plan-health rule, firing on a plan that breaks it and silent on one that doesn't."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.services import campaigns, channels, events, flights, health, plan_settings

D = dt.date
TODAY = D(2026, 5, 1)


@pytest.fixture
def healthy(plan):
    """A small plan that passes every rule: 40 % brand, within budget and caps."""
    plan_settings.update_settings(plan, total_budget_minor=10_000_000)
    shop = channels.create_channel(plan, "Tmall", "web_shop",
                                   max_spend_minor=8_000_000).created_id
    video = channels.create_channel(plan, "Douyin", "short_video").created_id
    promo = campaigns.create_campaign(plan, "618 大促", "promotion", festival_key="618").created_id
    brand = campaigns.create_campaign(plan, "品牌 Always-on", "brand").created_id
    for cid in (promo, brand):
        campaigns.add_kpi_target(plan, cid, "sales", "GMV", 1e6)
    f_promo = flights.add_flight(plan, promo, shop, D(2026, 6, 1), D(2026, 6, 18),
                                 3_000_000).created_id
    f_brand = flights.add_flight(plan, brand, video, D(2026, 3, 1), D(2026, 8, 31),
                                 2_000_000).created_id
    events.add_calendar_events(plan, [2026])
    flights.set_committed(plan, [f_promo, f_brand], booked_on=D(2026, 3, 1))
    return {"plan": plan, "shop": shop, "video": video, "promo": promo, "brand": brand,
            "f_promo": f_promo, "f_brand": f_brand}


def rules(plan, today=TODAY):
    return {f.rule for f in health.check(plan, today)}


def test_healthy_plan_has_no_findings(healthy):
    assert health.check(healthy["plan"], TODAY) == []


def test_over_budget(healthy):
    plan = healthy["plan"]
    plan_settings.update_settings(plan, total_budget_minor=4_000_000)
    findings = [f for f in health.check(plan, TODAY) if f.rule == "over_budget"]
    assert findings and "¥10,000.00 over" in findings[0].message


def test_placeholders_count_toward_budget(healthy):
    plan = healthy["plan"]
    plan_settings.add_placeholder(plan, healthy["shop"], D(2026, 10, 1), D(2026, 10, 31),
                                  5_000_001)
    assert "over_budget" in rules(plan)


def test_brand_share_out_of_range(healthy):
    plan = healthy["plan"]
    flights.update_flight(plan, healthy["f_brand"], budget_minor=500_000)
    assert "brand_share" in rules(plan)


def test_channel_over_cap(healthy):
    plan = healthy["plan"]
    flights.update_flight(plan, healthy["f_promo"], budget_minor=8_000_001)
    found = [f for f in health.check(plan, TODAY) if f.rule == "channel_over_cap"]
    assert found and found[0].object_ids == (healthy["shop"],)


def test_flight_in_blackout_all_channels_and_one_channel(healthy):
    plan = healthy["plan"]
    events.add_blackout(plan, "Brand safety pause", D(2026, 6, 10), D(2026, 6, 12),
                        channel_id=healthy["video"])
    found = [f for f in health.check(plan, TODAY) if f.rule == "flight_in_blackout"]
    assert len(found) == 1 and healthy["f_brand"] in found[0].object_ids
    assert healthy["f_promo"] not in found[0].object_ids
    events.add_blackout(plan, "Platform freeze", D(2026, 12, 1), D(2026, 12, 3))
    assert len([f for f in health.check(plan, TODAY) if f.rule == "flight_in_blackout"]) == 1


def test_outside_horizon(healthy):
    plan = healthy["plan"]
    flights.set_committed(plan, [healthy["f_promo"]], False)  # locked flights do not move
    flights.move_flight(plan, healthy["f_promo"], D(2026, 12, 25))
    assert "outside_horizon" in rules(plan)


def test_overlapping_flights_same_campaign_same_channel(healthy):
    plan = healthy["plan"]
    flights.add_flight(plan, healthy["promo"], healthy["video"], D(2026, 6, 1),
                       D(2026, 6, 5), 1)
    assert "overlapping_flights" not in rules(plan)  # other channel: fine
    dup = flights.duplicate_flight(plan, healthy["f_promo"], shift_days=10).created_id
    found = [f for f in health.check(plan, TODAY) if f.rule == "overlapping_flights"]
    assert found and dup in found[0].object_ids


def test_campaign_without_kpi(healthy):
    plan = healthy["plan"]
    lonely = campaigns.create_campaign(plan, "新客拉新", "promotion").created_id
    found = [f for f in health.check(plan, TODAY) if f.rule == "no_kpi_target"]
    assert [f.object_ids for f in found] == [(lonely,)]


def test_zero_budget(healthy):
    plan = healthy["plan"]
    flights.update_flight(plan, healthy["f_promo"], budget_minor=0)
    assert "zero_budget" in rules(plan)


def test_booking_deadline_late_and_unbooked(healthy):
    plan = healthy["plan"]
    flights.set_committed(plan, [healthy["f_promo"]], booked_on=D(2026, 5, 30))
    assert "booking_deadline" in rules(plan)
    flights.set_committed(plan, [healthy["f_promo"]], committed=False)
    assert "booking_deadline" not in rules(plan, today=D(2026, 3, 1))  # deadline still ahead
    late = [f for f in health.check(plan, D(2026, 5, 25)) if f.rule == "booking_deadline"]
    assert late and "not booked by" in late[0].message


def test_units_mismatch(healthy):
    plan = healthy["plan"]
    flights.update_flight(plan, healthy["f_promo"], unit_kind="cpm", units=100,
                          unit_cost_minor=30_000)
    assert "units_mismatch" not in rules(plan)
    flights.update_flight(plan, healthy["f_promo"], budget_minor=3_000_050)
    assert "units_mismatch" in rules(plan)


def test_empty_plan_is_healthy(plan):
    assert health.check(plan, TODAY) == []


def test_errors_sort_before_warnings(healthy):
    plan = healthy["plan"]
    plan_settings.update_settings(plan, total_budget_minor=1)
    campaigns.create_campaign(plan, "无 KPI", "promotion")
    severities = [f.severity for f in health.check(plan, TODAY)]
    assert severities == sorted(severities, key=health.SEVERITIES.index)
