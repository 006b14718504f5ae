"""Each platform's layout, generated as the platform writes it, read to the fen."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.io.imports import write_import
from planner.io.platforms import dates, values
from planner.io.platforms.check import check_platform_import
from planner.io.platforms.rules import MatchRule
from tests.planner import platform_files as pf


@pytest.fixture
def ids(plan):
    return pf.small_plan(plan)


@pytest.fixture
def rules(ids):
    return [MatchRule("contains", "search", ids["search"], flight_id=ids["f_search"]),
            MatchRule("contains", "抖音", ids["feed"], campaign_id=ids["campaign"]),
            MatchRule("contains", "天猫", ids["search"]),
            MatchRule("regex", ".", ids["tv"], platform="flowchart")]


@pytest.mark.parametrize("make, platform, rows, encoding", [
    (pf.google_ads, "google_ads", 60, "utf-16"),
    (pf.meta, "meta", 10, "utf-8-sig"),
    (pf.ocean_engine, "ocean_engine", 14, "gb18030"),
    (pf.alimama_xlsx, "alimama", 10, None),
    (pf.flowchart_xlsx, "flowchart", 21, None),
])
def test_each_layout_reads_exact_rows_and_totals(plan, rules, tmp_path, make, platform, rows,
                                                 encoding):
    suffix = ".xlsx" if "xlsx" in make.__name__ else ".csv"
    path, total = make(tmp_path / f"export{suffix}")
    renamed = path.rename(tmp_path / "download")  # recognised by content, not by name
    checked = check_platform_import(plan, renamed, rules)
    assert checked.report.ok, [p.describe() for p in checked.report.problems]
    summary = checked.summary
    assert (summary.platform, summary.rows, summary.encoding) == (platform, rows, encoding)
    assert summary.spend_minor == summary.matched_spend_minor == total
    assert checked.report.added == {"actuals": rows}
    if summary.file_total_minor is not None:
        assert summary.file_total_minor == total


def test_google_totals_dashes_and_thousands(plan, rules, tmp_path):
    path, total = pf.google_ads(tmp_path / "g.csv", days=3)
    checked = check_platform_import(plan, path, rules)
    assert checked.summary.rows == 6 and checked.summary.spend_minor == total
    assert checked.summary.units == ["Cost: per row, from 'Currency code'"]
    checked_write = checked.write
    assert checked_write is not None


def test_mangled_ids_are_said_and_matched_by_name(plan, rules, tmp_path):
    path, _ = pf.ocean_engine(tmp_path / "o.csv")
    checked = check_platform_import(plan, path, rules)
    warning = next(w for w in checked.report.warnings if "1.71234E+15" in w)
    assert "'计划ID': 7 row(s)" in warning and "by campaign name" in warning


def test_units_in_fen_and_a_missing_unit(plan, rules, tmp_path):
    path, total = pf.alimama_xlsx(tmp_path / "a.xlsx")
    checked = check_platform_import(plan, path, rules)
    assert checked.summary.units[0] == "花费(分): 分 (CNY)"
    assert checked.summary.spend_minor == total  # 分 are fen: no scaling
    refused = check_platform_import(plan, path, rules, unit="元")
    assert "states 分 (CNY), but 元 (CNY) was given" in refused.report.problems[0].reason
    lines = ["日期,推广计划,消费,展现,点击", "2026-06-01,百度 search,12.34,1,1"]
    bare = tmp_path / "baidu.csv"
    bare.write_text("百度营销 报告\n" + "\n".join(lines), encoding="gb18030")
    problem = check_platform_import(plan, bare, rules).report.problems[0]
    assert (problem.row, problem.column) == (2, "消费")
    assert "does not say its unit" in problem.reason
    given_unit = check_platform_import(plan, bare, rules, unit="元")
    assert given_unit.report.ok and given_unit.summary.spend_minor == 1234
    assert given_unit.summary.platform == "baidu"


def test_a_yuan_mark_in_a_fen_column_is_refused_at_its_cell(plan, rules, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("日期,计划名称,花费(分)\n2026-06-01,天猫 a,¥12\n", encoding="utf-8")
    problem = check_platform_import(plan, path, rules).report.problems[0]
    assert (problem.row, problem.column, problem.value) == (2, "花费(分)", "¥12")
    assert "marked in 元" in problem.reason


def test_ambiguous_dates_resolved_per_column_with_a_stated_assumption(plan, rules, tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("Day,Campaign,Cost (CNY),Impr.\n6/1/2026,search a,1,9\n7/1/2026,search a,2,9\n",
                    encoding="utf-8")
    checked = check_platform_import(plan, path, rules)
    assert any("'Day' such as 6/1/2026 could be read either way; read as month/day/year" in w
               for w in checked.report.warnings)  # Google Ads (Impr.) writes month first
    assert write_import(plan, checked).ok
    starts = plan.db.execute('SELECT start FROM actuals ORDER BY start').fetchall()
    assert starts == [("2026-06-01",), ("2026-07-01",)]
    path.write_text("Day,Campaign,Cost (CNY)\n6/1/2026,search a,1\n13/1/2026,search a,2\n"
                    "1/13/2026,search a,3\n", encoding="utf-8")
    problem = check_platform_import(plan, path, rules).report.problems[0]
    assert "mixes month/day/year and day/month/year" in problem.reason


def test_a_plan_in_another_currency_refuses_the_amounts(plan, rules, tmp_path):
    path, _ = pf.meta(tmp_path / "m.csv")
    plan.db.execute("UPDATE settings SET value = '\"USD\"' WHERE key = 'currency'")
    problem = check_platform_import(plan, path, rules).report.problems[0]
    assert "is in CNY, but the plan is in USD" in problem.reason


@given(st.integers(min_value=0, max_value=10 ** 12), st.booleans(), st.booleans(),
       st.sampled_from(["", "¥", "￥"]))
def test_amount_text_reads_back_to_the_fen(fen, grouped, full_width, mark):
    text = f"{fen / 100:,.2f}" if grouped else f"{fen // 100}.{fen % 100:02d}"
    if grouped:
        text = f"{fen // 100:,}.{fen % 100:02d}"
    if full_width:
        text = text.translate(str.maketrans("0123456789.,", "０１２３４５６７８９．，"))
    yuan = values.unit_named("元")
    assert values.amount(mark + text, yuan, "CNY") == (fen, False)
    assert values.amount(str(fen), values.unit_named("分"), "CNY") == (fen, False)


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_every_written_date_form_reads_back(day):
    forms = [f"{day.year}/{day.month}/{day.day}", day.isoformat(),
             f"{day.year}年{day.month}月{day.day}日", day.strftime("%Y%m%d"),
             day.strftime("%b %d, %Y")]
    for form in forms:
        assert dates.parse(form, dates.DateRule()) == day
    rule = dates.column_rule([f"{day.month}/{day.day}/{day.year}"], True, "Day")
    assert dates.parse(f"{day.month}/{day.day}/{day.year}", rule) == day
