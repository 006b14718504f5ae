"""The demo plan: a whole fiscal year that is realistic, clean but for three planted
findings, deterministic, and whose history follows the curves it stores."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from planner.demo import build_demo, generate_demo
from planner.demo_history import HISTORY_WEEKS, expected_brand, expected_revenue
from planner.domain.entities import DateSpan
from planner.domain.festivals import festival_windows
from planner.domain.phasing import Phasing, phase_days
from planner.errors import PlanExists
from planner.services.health import check
from planner.storage.plan_file import Plan

YEAR = 2026
TODAY = date(2026, 7, 15)
CUTOFF = date(2026, 7, 1)  # actuals stop at the end of the month before today's
D = date.fromisoformat


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    with pytest.MonkeyPatch.context() as mp:
        path = tmp_path_factory.mktemp("home")
        mp.setenv("CAMPAIGN_PLANNER_HOME", str(path))
        yield path


@pytest.fixture(scope="module")
def demo(home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Plan]:
    plan = build_demo(tmp_path_factory.mktemp("demo") / "demo.cplan", year=YEAR, today=TODAY)
    yield plan
    plan.close()


def rows(plan: Plan, sql: str, params: tuple = ()) -> list[dict]:
    return list(plan.db.query(sql, params))


def scalar(plan: Plan, sql: str, params: tuple = ()) -> object:
    return plan.db.execute(sql, params).fetchone()[0]


def windows() -> dict[str, object]:
    return {w.key: w for w in festival_windows([YEAR])}


# -- counts and content --------------------------------------------------------------------

def test_counts(demo: Plan) -> None:
    assert scalar(demo, "SELECT COUNT(*) FROM channels") >= 10
    assert scalar(demo, "SELECT COUNT(*) FROM campaigns") >= 30
    assert scalar(demo, "SELECT COUNT(*) FROM flights") >= 150
    tiers = sorted(r["tier"] for r in rows(demo, "SELECT tier, customers FROM segments"))
    assert tiers == ["high", "low", "potential"]
    assert all(r["customers"] > 0 for r in rows(demo, "SELECT customers FROM segments"))
    kinds = {r["kind"] for r in rows(demo, "SELECT kind FROM channels")}
    assert kinds >= {"web_shop", "app", "social", "short_video", "live_stream", "search", "kol",
                     "crm", "offline", "display"}
    assert scalar(demo, "SELECT COUNT(*) FROM placeholders") >= 3


def test_settings_budget_and_brand_share(demo: Plan) -> None:
    settings = {r["key"]: json.loads(r["value"]) for r in rows(demo, "SELECT * FROM settings")}
    assert settings["currency"] == "CNY"
    assert (settings["horizon_start"], settings["horizon_end"]) == ("2026-01-01", "2026-12-31")
    assert (settings["brand_share_min_bp"], settings["brand_share_target_bp"],
            settings["brand_share_max_bp"]) == (3500, 4000, 4500)
    total = settings["total_budget_minor"]
    assert 60_000_000_00 <= total <= 80_000_000_00
    planned = scalar(demo, "SELECT SUM(budget_minor) FROM flights")
    reserved = scalar(demo, "SELECT SUM(amount_minor) FROM placeholders")
    assert planned + reserved <= total
    brand = scalar(demo, "SELECT SUM(f.budget_minor * c.brand_share_bp / 10000) FROM flights f "
                         "JOIN campaigns c ON c.id = f.campaign_id")
    assert 0.35 <= brand / planned <= 0.45


def test_flights_budgets_units_and_horizon(demo: Plan) -> None:
    flights = rows(demo, "SELECT f.*, c.kind FROM flights f JOIN channels c ON c.id = f.channel_id")
    units_of = {"display": {"cpm"}, "short_video": {"cpm"}, "search": {"cpc"},
                "live_stream": {"live_session"}, "app": {"push"}, "crm": {"push"},
                "kol": {"kol_post_top", "kol_post_mid", "kol_post_micro"}}
    for f in flights:
        assert D("2026-01-01") <= D(f["start"]) <= D(f["end"]) <= D("2026-12-31")
        assert 50_000_00 <= f["budget_minor"] <= 5_000_000_00
        if f["units"] is not None:
            assert f["budget_minor"] == f["units"] * f["unit_cost_minor"]
        if f["kind"] in units_of:
            assert f["unit_kind"] in units_of[f["kind"]]
        phase_days(f["budget_minor"], D(f["start"]), D(f["end"]),
                   Phasing.from_dict(json.loads(f["phasing"]) if f["phasing"] else None))
    patterns = {json.loads(f["phasing"])["pattern"] if f["phasing"] else "even" for f in flights}
    assert patterns >= {"even", "front", "back", "flighting", "pulsing", "custom"}
    for p in rows(demo, "SELECT * FROM placeholders"):
        assert D("2026-01-01") <= D(p["start"]) <= D(p["end"]) <= D("2026-12-31")


def test_festival_campaigns_sit_in_their_festival(demo: Plan) -> None:
    by_key = windows()
    tied = rows(demo, "SELECT f.start, f.\"end\", c.festival_key FROM flights f "
                      "JOIN campaigns c ON c.id = f.campaign_id WHERE c.festival_key IS NOT NULL")
    assert {r["festival_key"] for r in tied} >= {"spring_festival", "valentines", "38", "520",
                                                 "618", "back_to_school", "mid_autumn",
                                                 "double_11", "black_friday", "double_12"}
    for r in tied:
        window = by_key[r["festival_key"]]
        assert D(r["start"]) <= window.end and D(r["end"]) >= window.start


def test_statuses_and_commitments_follow_today(demo: Plan) -> None:
    spans = {r["id"]: r for r in rows(
        demo, "SELECT c.id, c.status, MIN(f.start) AS start, MAX(f.\"end\") AS \"end\" "
              "FROM campaigns c JOIN flights f ON f.campaign_id = c.id GROUP BY c.id")}
    today = TODAY.isoformat()
    statuses = {r["status"] for r in spans.values()}
    assert statuses == {"done", "live", "approved", "draft"}
    for r in spans.values():
        if r["status"] == "done":
            assert r["end"] < today
        elif r["status"] == "live":
            assert r["start"] <= today <= r["end"]
        elif r["status"] == "approved":
            assert r["start"] > today
    past = rows(demo, "SELECT f.committed, c.status FROM flights f JOIN campaigns c "
                      "ON c.id = f.campaign_id WHERE f.\"end\" < ?", (today,))
    assert past and all(r["committed"] == 1 for r in past if r["status"] != "draft")
    later = rows(demo, "SELECT committed FROM flights WHERE start > ?", (today,))
    assert {r["committed"] for r in later} == {0, 1}


def test_kpis_owners_and_tags(demo: Plan) -> None:
    counts = {r["id"]: r for r in rows(
        demo, "SELECT c.id, c.status, c.owner, c.tags, COUNT(k.id) AS n FROM campaigns c "
              "LEFT JOIN kpi_targets k ON k.campaign_id = c.id GROUP BY c.id")}
    without = [r for r in counts.values() if r["n"] == 0]
    assert len(without) == 1 and without[0]["status"] == "draft"
    assert all(1 <= r["n"] <= 3 for r in counts.values() if r["n"])
    assert len({r["owner"] for r in counts.values()}) >= 3
    assert all(json.loads(r["tags"]) for r in counts.values())
    kpis = rows(demo, "SELECT * FROM kpi_targets")
    assert {k["category"] for k in kpis} == {"brand", "user", "sales", "cost"}
    gmv = [k for k in kpis if k["metric"] == "GMV"]
    assert gmv and all(k["unit"] == "fen" and k["target"] == int(k["target"]) for k in gmv)


def test_events(demo: Plan) -> None:
    kinds = defaultdict(list)
    for ev in rows(demo, "SELECT * FROM events"):
        kinds[ev["kind"]].append(ev)
    assert {ev["festival_key"] for ev in kinds["festival"]} >= {"618", "double_11"}
    assert kinds["holiday"]
    assert len(kinds["blackout"]) == 1 and kinds["blackout"][0]["channel_id"]


# -- the planted findings, and nothing else ------------------------------------------------

def test_health_reports_exactly_the_planted_findings(demo: Plan) -> None:
    findings = check(demo, TODAY)
    assert sorted(f.rule for f in findings) == ["channel_over_cap", "flight_in_blackout",
                                                "no_kpi_target"]
    blackout = next(f for f in findings if f.rule == "flight_in_blackout")
    assert len(blackout.object_ids) == 2  # one flight, and the blackout itself


def test_one_channel_slightly_over_its_cap(demo: Plan) -> None:
    per = rows(demo, "SELECT c.max_spend_minor AS cap, c.min_spend_minor AS low, "
                     "SUM(f.budget_minor) AS planned FROM channels c JOIN flights f "
                     "ON f.channel_id = c.id GROUP BY c.id")
    over = [r for r in per if r["planned"] > r["cap"]]
    assert len(over) == 1 and over[0]["planned"] < over[0]["cap"] * 1.1
    assert all(r["planned"] >= r["low"] for r in per)


# -- history, curves, actuals --------------------------------------------------------------

def test_history_weeks(demo: Plan) -> None:
    last_sunday = date(2025, 12, 28)
    for channel_id, in demo.db.execute("SELECT id FROM channels").fetchall():
        weeks = rows(demo, 'SELECT start, "end" FROM history WHERE channel_id = ? ORDER BY start',
                     (channel_id,))
        assert len(weeks) == HISTORY_WEEKS
        assert D(weeks[-1]["end"]) == last_sunday
        for w in weeks:
            assert D(w["start"]).isoweekday() == 1
            assert D(w["end"]) - D(w["start"]) == timedelta(days=6)
        assert scalar(demo, "SELECT COUNT(*) FROM curves WHERE channel_id = ?",
                      (channel_id,)) == 2


def test_history_follows_the_stored_curves(demo: Plan) -> None:
    curves = rows(demo, "SELECT * FROM curves")
    assert {(c["source"], c["quality"]) for c in curves} == {("generator", None)}
    assert {c["family"] for c in curves} == {"hill", "exponential"}
    for curve in curves:
        params = json.loads(curve["params"])
        assert isinstance(params["k"], int) and params["k"] > 0
        history = rows(demo, "SELECT * FROM history WHERE channel_id = ? ORDER BY start",
                       (curve["channel_id"],))
        spend = np.array([h["spend_minor"] for h in history])
        brand = np.array([h["brand_spend_minor"] for h in history])
        if curve["goal"] == "promotion":
            assert params["adstock"] == 0 and isinstance(params["a"], int)
            truth = expected_revenue(curve["family"], params, [h["start"] for h in history],
                                     spend - brand)
            seen = np.array([h["revenue_minor"] for h in history])
            assert (spend - brand).max() > 2 * (spend - brand).min()  # identifiable
        else:
            assert 0.3 <= params["adstock"] <= 0.8
            truth = expected_brand(curve["family"], params, brand)
            seen = np.array([h["brand_outcome"] for h in history])
        if curve["family"] == "hill":
            assert 0 < params["s"] <= 1
        assert np.corrcoef(truth, seen)[0, 1] > 0.8


def test_actuals_only_for_past_months_and_near_the_plan(demo: Plan) -> None:
    actuals = rows(demo, "SELECT a.*, f.start AS f_start, f.\"end\" AS f_end, f.budget_minor, "
                         "f.phasing, f.committed FROM actuals a "
                         "JOIN flights f ON f.id = a.flight_id")
    assert len(actuals) > 300
    assert {a["source"] for a in actuals} == {"demo"}
    for a in actuals:
        assert a["end"] < CUTOFF.isoformat() and a["committed"] == 1
        assert a["f_start"] <= a["start"] <= a["end"] <= a["f_end"]
        days = phase_days(a["budget_minor"], D(a["f_start"]), D(a["f_end"]),
                          Phasing.from_dict(json.loads(a["phasing"]) if a["phasing"] else None))
        lo = (D(a["start"]) - D(a["f_start"])).days
        planned = sum(days[lo:lo + (D(a["end"]) - D(a["start"])).days + 1])
        assert abs(a["spend_minor"] - planned) <= 0.15 * planned
        assert a["impressions"] >= a["clicks"] >= 0 and a["revenue_minor"] >= 0
    ended = scalar(demo, "SELECT COUNT(*) FROM flights WHERE \"end\" < ? AND id NOT IN "
                         "(SELECT flight_id FROM actuals)", (CUTOFF.isoformat(),))
    assert ended == 0


def test_money_is_integer_and_the_file_is_sound(demo: Plan) -> None:
    money = {"flights": ["budget_minor", "unit_cost_minor", "units"],
             "placeholders": ["amount_minor"], "channels": ["min_spend_minor", "max_spend_minor"],
             "history": ["spend_minor", "brand_spend_minor", "revenue_minor"],
             "actuals": ["spend_minor", "revenue_minor", "impressions", "clicks", "conversions"]}
    for table, columns in money.items():
        for column in columns:
            sql = f'SELECT DISTINCT typeof("{column}") FROM {table}'
            types = {r[0] for r in demo.db.execute(sql)}
            assert types <= {"integer", "null"}, (table, column, types)
    assert demo.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert demo.db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert scalar(demo, "SELECT COUNT(*) FROM actions") == 1  # one undoable action


# -- files and determinism -----------------------------------------------------------------

def fingerprint(path: Path) -> dict[str, list]:
    conn = sqlite3.connect(path)
    try:
        return {
            "flights": conn.execute(
                'SELECT c.name, ch.name, f.start, f."end", f.budget_minor, f.units, f.phasing, '
                "f.committed FROM flights f JOIN campaigns c ON c.id = f.campaign_id "
                "JOIN channels ch ON ch.id = f.channel_id ORDER BY 1, 2, 3").fetchall(),
            "history": conn.execute(
                "SELECT ch.name, h.start, h.spend_minor, h.revenue_minor, h.brand_outcome "
                "FROM history h JOIN channels ch ON ch.id = h.channel_id ORDER BY 1, 2").fetchall(),
            "actuals": conn.execute(
                "SELECT start, spend_minor, revenue_minor FROM actuals ORDER BY 1, 2").fetchall(),
            "events": conn.execute(
                'SELECT kind, name, start, "end" FROM events ORDER BY 1, 2, 3').fetchall(),
        }
    finally:
        conn.close()


def test_same_seed_same_plan_other_seed_other_plan(demo: Plan, tmp_path: Path) -> None:
    again = build_demo(tmp_path / "again.cplan", year=YEAR, today=TODAY)
    again.close()
    other = build_demo(tmp_path / "other.cplan", year=YEAR, today=TODAY, seed=7)
    other.close()
    assert fingerprint(tmp_path / "again.cplan") == fingerprint(demo.path)
    assert fingerprint(tmp_path / "other.cplan")["flights"] != fingerprint(demo.path)["flights"]


def test_refuses_an_existing_file(home: Path, tmp_path: Path) -> None:
    path = tmp_path / "mine.cplan"
    path.write_bytes(b"not mine to overwrite")
    with pytest.raises(PlanExists):
        build_demo(path, year=YEAR, today=TODAY)
    assert path.read_bytes() == b"not mine to overwrite"


@pytest.mark.parametrize("year", [2025, 2027, 2028, 2031])
def test_other_years_stay_in_the_horizon(year: int) -> None:
    # 2028 and 2031: the New Year goods festival starts in the December before.
    demo = generate_demo(year=year, today=date(year, 5, 1), seed=year)
    first, last = date(year, 1, 1), date(year, 12, 31)
    assert all(first <= f.start <= f.end <= last for f in demo.flights)
    assert all(first <= p.start <= p.end <= last for p in demo.placeholders)
    assert len(demo.flights) >= 150 and len(demo.campaigns) >= 30
    with_kpi = {k.campaign_id for k in demo.kpis}
    assert [c.id for c in demo.campaigns if c.id not in with_kpi] == [demo.planted["no_kpi"]]
    over = demo.planted["over_cap"]
    cap = next(c.max_spend_minor for c in demo.channels if c.id == over)
    assert sum(f.budget_minor for f in demo.flights if f.channel_id == over) > cap
    blackout = next(ev for ev in demo.events if ev.kind == "blackout")
    paused = DateSpan(blackout.start, blackout.end)
    touched = [f.id for f in demo.flights
               if f.channel_id == blackout.channel_id and f.span.overlaps(paused)]
    assert touched == [demo.planted["in_blackout"]]
