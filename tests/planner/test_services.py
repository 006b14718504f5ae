"""Domain services on a real plan file: each edit is one action, validated first."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.entities import Campaign, Channel, DateSpan, Flight
from planner.errors import NotFound, ValidationError
from planner.services import campaigns, channels, events, flights, plan_settings
from planner.storage import history, rows

D = dt.date


@pytest.fixture
def world(plan):
    tmall = channels.create_channel(plan, "天猫旗舰店 Tmall", "web_shop").created_id
    douyin = channels.create_channel(plan, "抖音 Douyin", "short_video").created_id
    seg = channels.create_segment(plan, "高价值客户", "high").created_id
    camp = campaigns.create_campaign(plan, "618 年中大促", "promotion", segment_id=seg,
                                     tags=["618", "大促"]).created_id
    flight = flights.add_flight(plan, camp, tmall, D(2026, 6, 1), D(2026, 6, 18),
                                1_000_000).created_id
    return {"tmall": tmall, "douyin": douyin, "segment": seg, "campaign": camp, "flight": flight}


def test_each_service_call_is_one_action(plan, world):
    labels = [a.label for a in history.log(plan)]
    assert labels[0] == "Add flight"
    assert len(labels) == 5


def test_objective_sets_brand_share(plan, world):
    brand = campaigns.create_campaign(plan, "品牌视频 Always-on", "brand").created_id
    assert rows.get(plan.db, Campaign, brand).brand_share_bp == 10000
    campaigns.update_campaign(plan, brand, objective="mixed")
    assert rows.get(plan.db, Campaign, brand).brand_share_bp == 5000
    with pytest.raises(ValidationError, match=r"campaign\.brand_share"):
        campaigns.update_campaign(plan, brand, objective="promotion", brand_share_bp=3000)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"end": D(2026, 5, 1)}, "flight.end"),
        ({"budget_minor": -5}, "flight.budget"),
        ({"budget_minor": 10.5}, "flight.budget"),
        ({"phasing": {"pattern": "zigzag"}}, "flight.phasing"),
        ({"channel_id": "nope"}, "flight.channel_id"),
        ({"unit_kind": "furlongs"}, "flight.unit_kind"),
        ({"colour": "red"}, "flight.colour"),
    ],
)
def test_bad_flight_edits_name_the_field_and_write_nothing(plan, world, changes, field):
    before = list(plan.db.query("SELECT * FROM flights"))
    actions = plan.db.execute("SELECT COUNT(*) FROM actions").fetchone()[0]
    with pytest.raises(ValidationError) as caught:
        flights.update_flight(plan, world["flight"], **changes)
    assert caught.value.field == field
    assert list(plan.db.query("SELECT * FROM flights")) == before
    assert plan.db.execute("SELECT COUNT(*) FROM actions").fetchone()[0] == actions


def test_units_keep_budget_consistent(plan, world):
    flights.update_flight(plan, world["flight"], unit_kind="cpm", units=2000,
                          unit_cost_minor=3500)
    assert rows.get(plan.db, Flight, world["flight"]).budget_minor == 7_000_000
    flights.update_flight(plan, world["flight"], budget_minor=7_035_000)
    updated = rows.get(plan.db, Flight, world["flight"])
    assert updated.units == 2010
    assert updated.units * updated.unit_cost_minor == updated.budget_minor


def test_move_and_resize_flight(plan, world):
    flights.move_flight(plan, world["flight"], D(2026, 6, 10))
    moved = rows.get(plan.db, Flight, world["flight"])
    assert (moved.start, moved.end) == (D(2026, 6, 10), D(2026, 6, 27))
    flights.resize_flight(plan, world["flight"], DateSpan(D(2026, 6, 12), D(2026, 6, 20)))
    resized = rows.get(plan.db, Flight, world["flight"])
    assert (resized.start, resized.end) == (D(2026, 6, 12), D(2026, 6, 20))


def test_custom_amounts_become_the_budget(plan, world):
    amounts = [(D(2026, 6, 1), D(2026, 6, 10), 300_001), (D(2026, 6, 11), D(2026, 6, 18), 99)]
    flights.set_custom_amounts(plan, world["flight"], amounts)
    flight = rows.get(plan.db, Flight, world["flight"])
    assert flight.budget_minor == 300_100
    assert flight.phasing["pattern"] == "custom"


def test_duplicate_campaign_copies_flights_and_kpis_with_new_ids(plan, world):
    campaigns.add_kpi_target(plan, world["campaign"], "sales", "GMV", 5e7, unit="CNY")
    copy = campaigns.duplicate_campaign(plan, world["campaign"], name="619 返场",
                                        shift_days=7).created_id
    copied = campaigns.campaign_flights(plan, copy)
    assert len(copied) == 1 and copied[0].id != world["flight"]
    assert copied[0].start == D(2026, 6, 8)
    assert len(campaigns.kpi_targets(plan, copy)) == 1


def test_move_campaign_shifts_every_flight(plan, world):
    flights.add_flight(plan, world["campaign"], world["douyin"], D(2026, 5, 20), D(2026, 5, 31),
                       500_000)
    campaigns.move_campaign(plan, world["campaign"], -3)
    starts = sorted(f.start for f in campaigns.campaign_flights(plan, world["campaign"]))
    assert starts == [D(2026, 5, 17), D(2026, 5, 29)]


def test_delete_campaign_takes_flights_and_undo_brings_them_back(plan, world):
    campaigns.add_kpi_target(plan, world["campaign"], "sales", "ROI", 3.5)
    before = {t: list(plan.db.query(f"SELECT * FROM {t} ORDER BY id"))
              for t in ("campaigns", "flights", "kpi_targets")}
    campaigns.delete_campaign(plan, world["campaign"])
    assert plan.db.execute("SELECT COUNT(*) FROM flights").fetchone()[0] == 0
    history.undo(plan)
    after = {t: list(plan.db.query(f"SELECT * FROM {t} ORDER BY id")) for t in before}
    assert after == before


def test_channel_in_use_cannot_be_deleted(plan, world):
    with pytest.raises(ValidationError, match="still has 1 flights"):
        channels.delete_channel(plan, world["tmall"])
    channels.delete_channel(plan, world["douyin"])
    with pytest.raises(NotFound):
        rows.get(plan.db, Channel, world["douyin"])


def test_deleting_a_segment_keeps_its_campaigns(plan, world):
    channels.delete_segment(plan, world["segment"])
    assert rows.get(plan.db, Campaign, world["campaign"]).segment_id is None


def test_move_channel_reorders_lanes(plan, world):
    channels.move_channel(plan, world["douyin"], 0)
    order = [r["name"] for r in plan.db.query("SELECT name FROM channels ORDER BY sort_order")]
    assert order == ["抖音 Douyin", "天猫旗舰店 Tmall"]


def test_events_and_festivals(plan, world):
    done = events.add_calendar_events(plan, [2026])
    assert done.changes.events
    again = events.add_calendar_events(plan, [2026])
    assert not again.changes.events  # nothing added twice
    spring = list(plan.db.query(
        "SELECT * FROM events WHERE festival_key = 'spring_festival' ORDER BY start"))
    assert spring and all(r["booking_deadline"] < r["start"] for r in spring)
    blackout = events.add_blackout(plan, "品牌安全暂停", D(2026, 7, 1), D(2026, 7, 7),
                                   channel_id=world["douyin"]).created_id
    events.move_event(plan, blackout, 7)
    row = next(plan.db.query("SELECT start, \"end\" FROM events WHERE id = ?", [blackout]))
    assert (row["start"], row["end"]) == ("2026-07-08", "2026-07-14")


def test_settings_are_validated_and_undoable(plan):
    with pytest.raises(ValidationError, match=r"plan\.brand_share_target"):
        plan_settings.update_settings(plan, brand_share_target_bp=9000)
    plan_settings.update_settings(plan, name="2027 计划", total_budget_minor=6_000_000_000)
    assert plan_settings.settings(plan).name == "2027 计划"
    history.undo(plan)
    assert plan_settings.settings(plan).name == "Untitled plan"


def test_baseline_freezes_flights(plan, world):
    baseline = plan_settings.take_baseline(plan, "Approved v1").created_id
    flights.update_flight(plan, world["flight"], budget_minor=1)
    frozen = next(plan.db.query(
        "SELECT budget_minor FROM baseline_flights WHERE baseline_id = ?", [baseline]))
    assert frozen["budget_minor"] == 1_000_000
    assert plan_settings.latest_baseline(plan) == baseline


def test_committed_records_booking_date(plan, world):
    flights.set_committed(plan, [world["flight"]], booked_on=D(2026, 4, 1))
    flight = rows.get(plan.db, Flight, world["flight"])
    assert flight.committed and flight.booked_on == D(2026, 4, 1)
    flights.set_committed(plan, [world["flight"]], committed=False)
    assert rows.get(plan.db, Flight, world["flight"]).booked_on is None


def test_duplicates_get_new_ids(plan, world):
    from planner.domain.entities import Event, KpiTarget, Segment

    ch = channels.duplicate_channel(plan, world["tmall"]).created_id
    assert rows.get(plan.db, Channel, ch).name == "天猫旗舰店 Tmall (copy)"
    seg = channels.duplicate_segment(plan, world["segment"]).created_id
    assert rows.get(plan.db, Segment, seg).tier == "high"
    ev = events.add_blackout(plan, "暂停", D(2026, 7, 1), D(2026, 7, 2)).created_id
    copy = events.duplicate_event(plan, ev, shift_days=31).created_id
    assert rows.get(plan.db, Event, copy).start == D(2026, 8, 1)
    other = campaigns.create_campaign(plan, "双11", "promotion").created_id
    kpi = campaigns.add_kpi_target(plan, world["campaign"], "cost", "CPA", 35.0).created_id
    kpi_copy = campaigns.duplicate_kpi_target(plan, kpi, campaign_id=other).created_id
    assert rows.get(plan.db, KpiTarget, kpi_copy).campaign_id == other
    campaigns.move_kpi_target(plan, kpi, other)
    assert len(campaigns.kpi_targets(plan, other)) == 2
    flight_copy = flights.duplicate_flight(plan, world["flight"]).created_id
    assert flight_copy != world["flight"]


@pytest.mark.parametrize("target", [float("inf"), float("nan"), True])
def test_kpi_target_must_be_a_finite_number(plan, world, target):
    with pytest.raises(ValidationError, match=r"kpi\.target"):
        campaigns.add_kpi_target(plan, world["campaign"], "sales", "GMV", target)


def test_backups_kept_follow_the_plan_setting(plan_path):
    from planner.storage import backups
    from planner.storage.plan_file import open_plan

    with open_plan(plan_path) as opened:
        plan_settings.update_settings(opened, backup_keep=2)
        plan_id = opened.plan_id
    for _ in range(4):
        open_plan(plan_path).close()
    assert len(backups.listing(plan_path, plan_id)) == 2
