"""The Budget tab's grids add up to the last minor unit, for every row kind and measure."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.phasing import PhasingError
from planner.services import budget, campaigns, channels, flights, frames, plan_settings
from planner.services.budget_grid import (
    MEASURES,
    ROW_KINDS,
    UNASSIGNED,
    BudgetGrid,
    baseline_flights,
    brand_promotion_by_month,
    budget_grid,
    flight_month_amounts,
)
from planner.storage.plan_file import Plan

D = dt.date


def add_actual(plan: Plan, channel_id: str, start: dt.date, end: dt.date, spend: int,
               flight_id: str | None = None) -> None:
    with plan.action("Add actual"):
        plan.db.execute('INSERT INTO actuals(id, flight_id, channel_id, start, "end", '
                        "spend_minor) VALUES (?, ?, ?, ?, ?, ?)",
                        [f"a{spend}", flight_id, channel_id, start.isoformat(),
                         end.isoformat(), spend])


def assert_exact(grid: BudgetGrid) -> None:
    """Every total is the sum of its cells, and the grand total the sum of both."""
    assert all(len(row) == len(grid.periods) for row in grid.cells)
    assert grid.row_totals == tuple(sum(row) for row in grid.cells)
    assert grid.column_totals == tuple(sum(row[j] for row in grid.cells)
                                       for j in range(len(grid.periods)))
    assert grid.grand_total == sum(grid.row_totals) == sum(grid.column_totals)


@pytest.fixture
def money_plan(plan: Plan) -> dict[str, str]:
    """Two channels, two tiers (and a campaign with no segment), awkward amounts and
    phasings that leave remainders in every month."""
    ids = {
        "shop": channels.create_channel(plan, "Tmall", "web_shop").created_id,
        "video": channels.create_channel(plan, "Douyin", "short_video").created_id,
    }
    high = channels.create_segment(plan, "高价值", "high").created_id
    low = channels.create_segment(plan, "新客", "low").created_id
    ids["mixed"] = campaigns.create_campaign(plan, "会员日", "mixed", brand_share_bp=3333,
                                             segment_id=high).created_id
    ids["promo"] = campaigns.create_campaign(plan, "双11", "promotion",
                                             segment_id=low).created_id
    ids["loose"] = campaigns.create_campaign(plan, "No segment", "brand").created_id
    ids["f1"] = flights.add_flight(plan, ids["mixed"], ids["shop"], D(2026, 1, 20),
                                   D(2026, 2, 10), 1_000_001,
                                   phasing={"pattern": "front", "ratio": 4}).created_id
    ids["f2"] = flights.add_flight(plan, ids["mixed"], ids["video"], D(2026, 3, 30),
                                   D(2026, 4, 2), 77).created_id
    ids["f3"] = flights.add_flight(plan, ids["promo"], ids["shop"], D(2026, 10, 20),
                                   D(2026, 11, 11), 9_999_999,
                                   phasing={"pattern": "flighting", "on_days": 3,
                                            "off_days": 2}).created_id
    ids["f4"] = flights.add_flight(plan, ids["loose"], ids["video"], D(2026, 5, 31),
                                   D(2026, 6, 1), 3).created_id
    flights.set_committed(plan, [ids["f1"], ids["f4"]], booked_on=D(2026, 1, 1))
    return ids


def test_channel_grid_is_exact_and_matches_the_budget_rollup(plan, money_plan):
    fr = frames.load(plan)
    grid = budget_grid(fr, "channel", "planned")
    assert_exact(grid)
    assert grid.row_labels == ("Tmall", "Douyin")
    assert grid.grand_total == budget.totals(fr)["planned_minor"] == 11_000_080
    assert grid.period_keys == tuple(f"2026-{m:02d}" for m in range(1, 13))
    assert grid.period_labels[0] == "Jan 2026"
    table = budget.by_channel_period(fr, "month")
    for row, name in zip(grid.row_keys, grid.row_labels, strict=True):
        for key in table.columns:
            assert grid.cell(row, key) == table.loc[name, key]
    assert grid.cell(money_plan["video"], "2026-03") + grid.cell(money_plan["video"],
                                                                 "2026-04") == 77


def test_campaign_and_tier_rows(plan, money_plan):
    fr = frames.load(plan)
    by_campaign = budget_grid(fr, "campaign", "planned")
    assert_exact(by_campaign)
    totals = dict(zip(by_campaign.row_keys, by_campaign.row_totals, strict=True))
    assert totals == {money_plan["mixed"]: 1_000_078, money_plan["promo"]: 9_999_999,
                      money_plan["loose"]: 3}
    tiers = budget_grid(fr, "tier", "planned")
    assert_exact(tiers)
    assert tiers.row_keys == ("high", "potential", "low", UNASSIGNED)
    assert tiers.row_totals == (1_000_078, 0, 9_999_999, 3)
    # The 3 minor units straddle May and June: one row, two months, no cent lost.
    assert tiers.cell(UNASSIGNED, "2026-05") + tiers.cell(UNASSIGNED, "2026-06") == 3


def test_committed_measure_counts_only_contracted_flights(plan, money_plan):
    grid = budget_grid(frames.load(plan), "channel", "committed")
    assert_exact(grid)
    assert grid.grand_total == budget.totals(frames.load(plan))["committed_minor"] == 1_000_004


def test_actuals_by_channel_campaign_and_tier(plan, money_plan):
    add_actual(plan, money_plan["shop"], D(2026, 1, 25), D(2026, 2, 3), 1_001,
               flight_id=money_plan["f1"])
    add_actual(plan, money_plan["video"], D(2026, 4, 1), D(2026, 4, 1), 50)  # no flight
    fr = frames.load(plan)
    by_channel = budget_grid(fr, "channel", "actual")
    assert_exact(by_channel)
    assert by_channel.grand_total == budget.totals(fr)["actual_minor"] == 1_051
    # Ten days, 1,001 evenly: seven January days get 101, 100 … , February the rest.
    assert by_channel.cell(money_plan["shop"], "2026-01") == 701
    assert by_channel.cell(money_plan["shop"], "2026-02") == 300
    by_campaign = budget_grid(fr, "campaign", "actual")
    assert dict(zip(by_campaign.row_keys, by_campaign.row_totals, strict=True)) == {
        money_plan["mixed"]: 1_001, money_plan["promo"]: 0, money_plan["loose"]: 0,
        UNASSIGNED: 50}
    assert budget_grid(fr, "tier", "actual").row_totals == (1_001, 0, 0, 50)


def test_placeholders_sit_on_their_channel_and_no_campaign(plan, money_plan):
    plan_settings.add_placeholder(plan, money_plan["video"], D(2026, 7, 15), D(2026, 8, 14),
                                  310_001)
    fr = frames.load(plan)
    grid = budget_grid(fr, "channel", "placeholder")
    assert_exact(grid)
    assert grid.grand_total == budget.totals(fr)["placeholder_minor"] == 310_001
    assert grid.row_totals == (0, 310_001)
    assert budget_grid(fr, "campaign", "placeholder").row_keys[-1] == UNASSIGNED


def test_baseline_reads_the_latest_baseline_not_todays_flights(plan, money_plan):
    plan_settings.take_baseline(plan, "Approved")
    flights.update_flight(plan, money_plan["f2"], budget_minor=1_000)
    fr = frames.load(plan)
    with pytest.raises(ValueError, match="baseline"):
        budget_grid(fr, "channel", "baseline")
    grid = budget_grid(fr, "channel", "baseline", baseline=baseline_flights(plan))
    assert_exact(grid)
    assert grid.grand_total == 11_000_080
    assert budget_grid(fr, "channel", "planned").grand_total == 11_000_080 - 77 + 1_000
    flights.delete_flights(plan, [money_plan["f1"]])
    # A flight deleted since the baseline still counts there, by its campaign.
    by_campaign = budget_grid(frames.load(plan), "campaign", "baseline",
                              baseline=baseline_flights(plan))
    assert by_campaign.row_totals[0] == 1_000_078


def test_no_baseline_gives_an_empty_grid(plan, money_plan):
    grid = budget_grid(frames.load(plan), "tier", "baseline", baseline=baseline_flights(plan))
    assert grid.grand_total == 0
    assert len(grid.periods) == 12


def test_money_outside_the_horizon_widens_the_columns(plan, money_plan):
    flights.add_flight(plan, money_plan["promo"], money_plan["shop"], D(2027, 1, 30),
                       D(2027, 2, 2), 400)
    grid = budget_grid(frames.load(plan), "channel", "planned")
    assert grid.period_keys[-2:] == ("2027-01", "2027-02")
    assert grid.cell(money_plan["shop"], "2027-01") == 200


def test_fiscal_calendar_months(plan, money_plan):
    plan_settings.update_settings(plan, calendar={"kind": "fiscal", "fiscal_start_month": 4})
    grid = budget_grid(frames.load(plan), "channel", "planned")
    assert_exact(grid)
    assert grid.period_keys[0].startswith("FY2026-P")
    assert grid.grand_total == 11_000_080


def test_brand_and_promotion_per_month_add_up_to_the_plan_split(plan, money_plan):
    fr = frames.load(plan)
    split = brand_promotion_by_month(fr)
    assert_exact(split)
    t = budget.totals(fr)
    assert split.row_totals == (t["brand_minor"], t["promotion_minor"])
    assert split.column_totals == budget_grid(fr, "channel", "planned").column_totals


def test_flight_month_amounts_tile_the_flight(plan, money_plan):
    months = flight_month_amounts(plan, money_plan["f1"])
    assert [(s, e) for s, e, _ in months] == [(D(2026, 1, 20), D(2026, 1, 31)),
                                              (D(2026, 2, 1), D(2026, 2, 10))]
    grid = budget_grid(frames.load(plan), "channel", "planned")
    assert [a for _, _, a in months] == [grid.cell(money_plan["shop"], "2026-01"),
                                         grid.cell(money_plan["shop"], "2026-02")]


def test_a_month_edit_sticks_through_custom_phasing(plan, money_plan):
    months = flight_month_amounts(plan, money_plan["f1"])
    edited = [(*months[0][:2], 123_457), months[1]]
    flights.set_custom_amounts(plan, money_plan["f1"], edited)
    assert flight_month_amounts(plan, money_plan["f1"]) == edited
    grid = budget_grid(frames.load(plan), "channel", "planned")
    assert grid.cell(money_plan["shop"], "2026-01") == 123_457
    assert grid.grand_total == 11_000_080 - months[0][2] + 123_457


def test_unknown_choices_are_refused(plan, money_plan):
    fr = frames.load(plan)
    with pytest.raises(ValueError, match="row kind"):
        budget_grid(fr, "goal", "planned")
    with pytest.raises(ValueError, match="measure"):
        budget_grid(fr, "channel", "forecast")  # type: ignore[arg-type]


def test_an_empty_plan_gives_zero_grids(plan):
    fr = frames.load(plan)
    for rows in ROW_KINDS:
        for measure in MEASURES:
            grid = budget_grid(fr, rows, measure, baseline=baseline_flights(plan))
            assert grid.grand_total == 0
            assert_exact(grid)
    assert brand_promotion_by_month(fr).grand_total == 0


def test_a_broken_phasing_is_named(plan, money_plan):
    with plan.action("Break"):
        plan.db.execute("UPDATE flights SET phasing = 'nonsense' WHERE id = ?",
                        [money_plan["f2"]])
    with pytest.raises(PhasingError, match=money_plan["f2"]):
        budget_grid(frames.load(plan), "channel", "planned")


flight_specs = st.lists(
    st.tuples(st.integers(0, 2), st.integers(0, 2), st.integers(0, 400), st.integers(0, 60),
              st.integers(0, 10**9), st.sampled_from([None, {"pattern": "front", "ratio": 3},
                                                      {"pattern": "pulsing", "on_days": 2,
                                                       "off_days": 3, "base_share": 0.25}]),
              st.booleans()),
    min_size=1, max_size=12)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(specs=flight_specs)
def test_random_flights_add_up_exactly(plan, specs):
    """Any flights, any phasing: every grid's rows sum to the plan total."""
    with plan.action("Reset"):
        plan.db.execute("DELETE FROM flights")
    if not plan.db.execute("SELECT count(*) FROM channels").fetchone()[0]:
        for name in ("A", "B", "C"):
            channels.create_channel(plan, name, "social")
        for tier in ("high", "low"):
            segment = channels.create_segment(plan, tier, tier).created_id
            campaigns.create_campaign(plan, f"C {tier}", "mixed", brand_share_bp=4321,
                                      segment_id=segment)
        campaigns.create_campaign(plan, "C none", "promotion")
    channel_ids = [r[0] for r in plan.db.execute("SELECT id FROM channels ORDER BY rowid")]
    campaign_ids = [r[0] for r in plan.db.execute("SELECT id FROM campaigns ORDER BY rowid")]
    for channel, campaign, offset, days, amount, phasing, committed in specs:
        start = D(2026, 1, 1) + dt.timedelta(days=offset)
        done = flights.add_flight(plan, campaign_ids[campaign], channel_ids[channel], start,
                                  start + dt.timedelta(days=days), amount, phasing=phasing)
        if committed:
            flights.set_committed(plan, [done.created_id])
    fr = frames.load(plan)
    t = budget.totals(fr)
    for rows in ROW_KINDS:
        planned = budget_grid(fr, rows, "planned")
        assert_exact(planned)
        assert planned.grand_total == t["planned_minor"] == sum(s[4] for s in specs)
        committed = budget_grid(fr, rows, "committed")
        assert_exact(committed)
        assert committed.grand_total == t["committed_minor"]
    split = brand_promotion_by_month(fr)
    assert_exact(split)
    assert split.row_totals == (t["brand_minor"], t["promotion_minor"])
