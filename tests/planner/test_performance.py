"""Plan against actual: planned money equals the budget roll-ups, actuals equal the
table, variance, ROAS and KPI attainment are exact."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from planner.demo import build_demo
from planner.io.imports import import_file
from planner.services import budget, campaigns, channels, flights, performance
from planner.services.frames import PlanFrames, load
from planner.storage.plan_file import Plan

TODAY = dt.date(2026, 7, 15)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Plan]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CAMPAIGN_PLANNER_HOME", str(tmp_path_factory.mktemp("home")))
        plan = build_demo(tmp_path_factory.mktemp("demo") / "demo.cplan", year=2026,
                          today=TODAY)
    yield plan
    plan.close()


@pytest.fixture(scope="module")
def frames(demo: Plan) -> PlanFrames:
    return load(demo)


def sql(plan: Plan, query: str, args: tuple = ()) -> list[tuple]:
    return plan.db.execute(query, args).fetchall()


def test_planned_equals_budget_roll_ups(frames: PlanFrames) -> None:
    by_channel = performance.plan_vs_actual(frames, "channel")
    expected = budget.by_channel(frames)["budget_minor"]
    assert by_channel["planned_minor"].to_dict() == expected.to_dict()
    by_campaign = performance.plan_vs_actual(frames, "campaign")
    assert by_campaign["planned_minor"].to_dict() == \
        budget.by_campaign(frames)["budget_minor"].to_dict()
    months = performance.plan_vs_actual(frames, "period", "month")
    grid = budget.by_channel_period(frames, "month").sum()
    assert months["planned_minor"][grid.index].to_dict() == grid.to_dict()
    assert months["planned_minor"].sum() == grid.sum()


@pytest.mark.parametrize(("by", "grain"), [("channel", "month"), ("campaign", "month"),
                                           ("period", "day"), ("period", "week"),
                                           ("period", "month")])
def test_actuals_add_up_to_the_table(demo: Plan, frames: PlanFrames, by: str,
                                     grain: str) -> None:
    table = performance.plan_vs_actual(frames, by, grain)
    (spend, revenue, clicks), = sql(demo, "SELECT SUM(spend_minor), SUM(revenue_minor), "
                                    "SUM(clicks) FROM actuals")
    assert spend > 0
    assert (table["actual_minor"].sum(), table["revenue_minor"].sum(),
            table["clicks"].sum()) == (spend, revenue, clicks)


def test_actuals_per_channel_variance_and_roas(demo: Plan, frames: PlanFrames) -> None:
    table = performance.plan_vs_actual(frames, "channel")
    as_of = performance.as_of(frames)
    assert as_of == dt.date.fromisoformat(sql(demo, 'SELECT MAX("end") FROM actuals')[0][0])
    days = budget.daily(frames).merge(frames.flights[["id", "channel_id"]]
                                      .rename(columns={"id": "flight_id"}), on="flight_id")
    for cid, spend, revenue in sql(demo, "SELECT channel_id, SUM(spend_minor), "
                                   "SUM(revenue_minor) FROM actuals GROUP BY channel_id"):
        row = table.loc[cid]
        due = int(days.loc[(days["channel_id"] == cid)
                           & (days["day"] <= pd.Timestamp(as_of)), "amount_minor"].sum())
        assert row["actual_minor"] == spend
        assert row["planned_to_date_minor"] == due
        assert row["variance_minor"] == spend - due
        assert row["variance_pct"] == (spend - due) / due
        assert row["roas"] == revenue / spend


def test_a_period_row_spreads_actuals_over_its_days(frames: PlanFrames) -> None:
    weeks = performance.plan_vs_actual(frames, "period", "week")
    days = performance.plan_vs_actual(frames, "period", "day")
    # A week's actual is the sum of its days', to the minor unit.
    first = weeks.index[weeks["actual_minor"] > 0][3]  # an ISO week key, "2026-W04"
    week_days = [k for k in days.index
                 if dt.date.fromisoformat(k).isocalendar()[:2] ==
                 (int(first[:4]), int(first.split("W")[1]))]
    assert len(week_days) == 7
    assert days.loc[week_days, "actual_minor"].sum() == weeks.loc[first, "actual_minor"]


def test_filter_keeps_only_its_flights(demo: Plan, frames: PlanFrames) -> None:
    campaign = frames.campaigns["id"].iloc[0]
    mine = set(frames.flights.loc[frames.flights["campaign_id"] == campaign, "id"])
    table = performance.plan_vs_actual(frames, "campaign", flights=mine)
    assert list(table.index) == [campaign]
    marks = ",".join("?" * len(mine))
    (spend,), = sql(demo, f"SELECT SUM(spend_minor) FROM actuals WHERE flight_id IN ({marks})",
                    tuple(mine))
    assert table.loc[campaign, "actual_minor"] == spend
    assert table.loc[campaign, "planned_minor"] == \
        int(frames.flights.loc[frames.flights["campaign_id"] == campaign, "budget_minor"].sum())
    by_channel = performance.plan_vs_actual(frames, "channel", flights=mine)
    assert by_channel["actual_minor"].sum() == spend
    assert (by_channel["planned_minor"] > 0).all()


def test_totals_recompute_ratios(frames: PlanFrames) -> None:
    table = performance.plan_vs_actual(frames, "channel")
    total = performance.totals(table)
    assert total["actual_minor"] == table["actual_minor"].sum()
    assert total["roas"] == total["revenue_minor"] / total["reported_spend_minor"]
    assert total["variance_pct"] == total["variance_minor"] / total["planned_to_date_minor"]


def test_unknown_grouping_is_refused(frames: PlanFrames) -> None:
    with pytest.raises(performance.ValidationError, match="grain"):
        performance.plan_vs_actual(frames, "period", "fortnight")  # type: ignore[arg-type]
    with pytest.raises(performance.ValidationError, match="by"):
        performance.plan_vs_actual(frames, "segment")  # type: ignore[arg-type]


@pytest.mark.parametrize(("metric", "measure"), [
    ("GMV", "revenue"), ("ROI", "roas"), ("CPA", "cpa"), ("点击 Clicks", "clicks"),
    ("场均 GMV GMV per session", None), ("覆盖人次 Reach", None), ("订单数", "conversions")])
def test_metric_names_map_to_what_actuals_carry(metric: str, measure: str | None) -> None:
    assert performance.measure_of(metric) == measure


# -- KPI attainment on a plan small enough to check by hand ---------------------------------

def test_kpi_attainment(plan: Plan, tmp_path: Path) -> None:
    shop = channels.create_channel(plan, "Shop", "web_shop").created_id
    sale = campaigns.create_campaign(plan, "Sale", "promotion").created_id
    flight = flights.add_flight(plan, sale, shop, dt.date(2026, 3, 2), dt.date(2026, 3, 15),
                                14_000_00).created_id
    campaigns.add_kpi_target(plan, sale, "sales", "GMV", 60_000_00, unit="fen")
    campaigns.add_kpi_target(plan, sale, "sales", "GMV", 1_000, unit="CNY", cycle="weekly")
    campaigns.add_kpi_target(plan, sale, "cost", "ROI", 4, unit="x")
    campaigns.add_kpi_target(plan, sale, "cost", "CPA", 50, unit="CNY")
    campaigns.add_kpi_target(plan, sale, "brand", "Reach", 1_000_000)
    report = tmp_path / "actuals.csv"
    report.write_text("Flight ID,Channel,Start,End,Spend,Revenue,Conversions\n"
                      f"{flight},Shop,2026-03-02,2026-03-08,6000,30000,100\n"
                      f"{flight},Shop,2026-03-09,2026-03-15,9000,15000,200\n",
                      encoding="utf-8")
    assert not import_file(plan, report, "actuals").problems
    table = performance.kpi_attainment(load(plan))
    rows = {(r.metric, r.cycle): r for r in table.itertuples()}
    gmv = rows["GMV", "total"]
    assert (gmv.actual, gmv.attainment) == (45_000_00, 45_000_00 / 60_000_00)
    weekly = rows["GMV", "weekly"]
    assert (weekly.cycles, weekly.actual) == (2, 22_500_00)
    assert weekly.attainment == 22_500_00 / 1_000_00
    assert rows["ROI", "total"].attainment == (45_000 / 15_000) / 4
    cpa = rows["CPA", "total"]
    assert (cpa.actual, cpa.attainment) == (15_000_00 / 300, 50_00 / (15_000_00 / 300))
    reach = rows["Reach", "total"]
    assert pd.isna(reach.measure) and math.isnan(reach.attainment)
