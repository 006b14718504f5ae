"""A plan written in Chinese throughout (names, full-width punctuation, notes) goes
out to Excel and CSV and comes back unchanged, into itself and into an empty plan."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planner.io.csv_export import export_csv
from planner.io.imports import import_file
from planner.io.workbook import export_xlsx
from planner.services import campaigns, channels, flights, plan_settings
from planner.storage.plan_file import Plan, create_plan
from tests.plan_dump import dump
from tests.planner.io_support import demo, empty_like

RECORDS = ("segments", "channels", "campaigns", "flights")
NOTE = "预热期：先种草，后收割；「爆品」主推（限量）！预算不足？——再议。"


def chinese_plan(path: Path) -> Plan:
    plan = create_plan(path)
    plan_settings.update_settings(plan, name="二〇二六年度全渠道营销计划（草案）",
                                  total_budget_minor=88_000_000_00)
    tier = channels.create_segment(plan, "高价值会员（复购≥3次）", "high",
                                   description="近一年消费满五千元的会员。").created_id
    shop = channels.create_channel(plan, "天猫旗舰店·官方", "web_shop", notes=NOTE).created_id
    video = channels.create_channel(plan, "抖音短视频，达人种草", "short_video",
                                    grp="内容平台").created_id
    spring = campaigns.create_campaign(plan, "春节团圆季：品牌大片", "brand", segment_id=tier,
                                       owner="王小明", notes=NOTE).created_id
    promo = campaigns.create_campaign(plan, "６１８年中大促！全场五折", "promotion",
                                      owner="李华", notes="满减：每满３００减５０。").created_id
    day = dt.date(2026, 2, 1)
    flights.add_flight(plan, spring, video, day, day + dt.timedelta(days=20), 1_200_000_00,
                       name="除夕倒计时（第一波）", notes=NOTE)
    flights.add_flight(plan, promo, shop, dt.date(2026, 6, 1), dt.date(2026, 6, 18),
                       3_456_789_01, name="开门红·预售「定金膨胀」", notes="尾款：６月１８日。")
    return plan


def _records(plan: Plan) -> dict:
    return dump(plan.db.conn, RECORDS)


@pytest.fixture(params=["chinese", "demo"])
def source(request, tmp_path) -> Plan:
    plan = chinese_plan(tmp_path / "中文计划.cplan") if request.param == "chinese" \
        else demo(tmp_path)
    yield plan
    plan.close()


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_a_chinese_plan_reimports_into_itself_unchanged(source, tmp_path, fmt):
    path = tmp_path / f"导出的计划.{fmt}"
    (export_xlsx if fmt == "xlsx" else export_csv)(source, path)
    before = dump(source.db.conn)
    report = import_file(source, path, "flights")
    assert report.ok, [p.describe() for p in report.problems]
    assert not report.added and not report.updated
    assert dump(source.db.conn) == before


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_a_chinese_plan_imports_into_an_empty_plan_exactly(source, tmp_path, fmt):
    path = tmp_path / f"导出的计划.{fmt}"
    (export_xlsx if fmt == "xlsx" else export_csv)(source, path)
    target = empty_like(source, tmp_path / "空白计划.cplan")
    try:
        report = import_file(target, path, "flights")
        assert report.ok, [p.describe() for p in report.problems]
        theirs, ours = _records(target), _records(source)
        assert theirs["campaigns"] == ours["campaigns"]
        assert theirs["flights"] == ours["flights"]
        names = "SELECT id, name FROM {} ORDER BY id"
        for table in ("channels", "segments"):
            assert list(target.db.execute(names.format(table))) == \
                list(source.db.execute(names.format(table)))
    finally:
        target.close()


def test_the_chinese_plan_keeps_its_text_exactly(tmp_path):
    with chinese_plan(tmp_path / "p.cplan") as plan:
        notes = {row[0] for row in plan.db.execute("SELECT notes FROM flights")}
    assert NOTE in notes
