"""Amounts in 厘 and 万元, a flowchart's own totals cross-checked, and Meta exports whose
rows span several days: each read to the fen from files generated in the layout."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.io.imports import write_import
from planner.io.platforms.check import check_platform_import
from planner.io.platforms.rules import MatchRule
from planner.services.frames import load
from planner.services.performance import plan_vs_actual
from tests.planner import platform_files as pf
from tests.planner.io_support import Snapshot


@pytest.fixture
def ids(plan):
    return pf.small_plan(plan)


@pytest.fixture
def rules(ids):
    return [MatchRule("contains", "抖音", ids["feed"]),
            MatchRule("regex", ".", ids["tv"], platform="flowchart")]


def _stored(plan):
    return plan.db.execute('SELECT start, "end", spend_minor FROM actuals ORDER BY start, '
                           "spend_minor").fetchall()


def _csv(path, header, lines, preamble=()):
    path.write_bytes(pf._csv_text([*([line] for line in preamble), header, *lines])
                     .encode("gb18030"))
    return path


@pytest.mark.parametrize("header, cells, fen, rounded", [
    # 厘 are tenths of a fen: whole fen read exactly, finer ones rounded half up and said
    ("消耗(厘)", ["12340", "5", "4", "1,000,000"], [1234, 1, 0, 100_000], 2),
    ("消耗(万元)", ["1.2345", "0.000001", "2", "12,345.678901"],
     [1_234_500, 1, 2_000_000, 12_345_678_901], 0),
])
def test_li_and_wan_yuan_read_to_the_fen(plan, rules, tmp_path, header, cells, fen, rounded):
    lines = [[f"2026-06-0{i + 1}", "抖音 a", cell] for i, cell in enumerate(cells)]
    path = _csv(tmp_path / "u.csv", ["日期", "计划名称", header], lines, ["巨量引擎 报表"])
    checked = check_platform_import(plan, path, rules)
    assert checked.report.ok, [p.describe() for p in checked.report.problems]
    assert checked.summary.spend_minor == sum(fen)
    assert any(unit in checked.summary.units[0] for unit in ("厘 (CNY)", "万元 (CNY)"))
    said = [w for w in checked.report.warnings if "rounded half up" in w]
    assert said == ([f"{rounded} amount(s) had more decimals than the plan's currency keeps; "
                     "each was rounded half up to the minor unit"] if rounded else [])
    assert write_import(plan, checked).ok
    assert [s for _, _, s in _stored(plan)] == fen


def test_a_unit_line_above_the_header_or_the_planners_unit(plan, rules, tmp_path):
    lines = [["2026-06-01", "抖音 a", "0.5"], ["2026-06-02", "抖音 a", "１．２５"]]
    stated = _csv(tmp_path / "s.csv", ["日期", "计划名称", "消耗"], lines, ["单位：万元"])
    checked = check_platform_import(plan, stated, rules)
    assert checked.summary.spend_minor == 500_000 + 1_250_000
    bare = _csv(tmp_path / "b.csv", ["日期", "计划名称", "消耗"], lines)
    assert check_platform_import(plan, bare, rules, unit="万元").summary.spend_minor == 1_750_000
    assert check_platform_import(plan, bare, rules, unit="厘").summary.spend_minor == 0 + 0
    problem = check_platform_import(plan, bare, rules).report.problems[0]
    assert (problem.row, problem.column) == (1, "消耗") and "does not say its unit" in \
        problem.reason
    marked = _csv(tmp_path / "m.csv", ["日期", "计划名称", "消耗(万元)"],
                  [["2026-06-01", "抖音 a", "¥3"]])
    problem = check_platform_import(plan, marked, rules).report.problems[0]
    assert (problem.row, problem.column, problem.value) == (2, "消耗(万元)", "¥3")
    assert "marked in 元 but the column is in 万元 (CNY)" in problem.reason


# -- the flowchart's row and column totals ------------------------------------------

def _flowchart(tmp_path, change=None):
    """The test flowchart, with its totals (column J, row 8) written out and `change`
    applied to one cell: (row, column, value)."""
    import openpyxl

    path, total = pf.flowchart_xlsx(tmp_path / "plan.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["排期"]
    for column in range(3, 10):  # week totals in the 合计 row
        sheet.cell(8, column, sum(sheet.cell(r, column).value for r in range(5, 8)))
    if change:
        sheet.cell(*change)
    book.save(path)
    return path, total


def test_flowchart_totals_that_add_up_pass(plan, rules, tmp_path):
    path, total = _flowchart(tmp_path)
    checked = check_platform_import(plan, path, rules)
    assert checked.report.ok, [p.describe() for p in checked.report.problems]
    assert checked.summary.spend_minor == checked.summary.file_total_minor == total


@pytest.mark.parametrize("change, row, column, stated, summed", [
    ((6, 10, 140_011), 6, "合计", "140,011.00", "140,010.50"),  # a media row's total
    ((8, 4, 60_001), 8, "week of 2026-06-08", "60,001.00", "60,001.50"),  # a week's total
    ((8, 10, 1), 8, "合计", "1.00", "420,031.50"),  # the grand total
])
def test_a_flowchart_total_that_does_not_add_up_is_located(plan, rules, tmp_path, change, row,
                                                           column, stated, summed):
    path, _ = _flowchart(tmp_path, change)
    snapshot = Snapshot(plan)
    checked = check_platform_import(plan, path, rules)
    problems = [(p.sheet, p.row, p.column) for p in checked.report.problems]
    assert problems == [("排期", row, column)]
    assert f"the total ¥{stated} is not the sum of" in checked.report.problems[0].reason
    assert f"(¥{summed})" in checked.report.problems[0].reason
    assert not write_import(plan, checked).ok and snapshot.unchanged()


# -- Meta rows over several days ------------------------------------------------------

def _meta(path, spans):
    """A Meta export with one row per (start, end, fen) of campaign "抖音 Feed"."""
    lines = [["Reporting starts", "Reporting ends", "Campaign name", "Amount spent (CNY)"]]
    lines += [[s.isoformat(), e.isoformat(), "抖音 Feed", f"{fen / 100:.2f}"]
              for s, e, fen in spans]
    path.write_text("\n".join(",".join(line) for line in lines) + "\n", encoding="utf-8-sig")
    return path


JUNE_1, JUNE_30 = dt.date(2026, 6, 1), dt.date(2026, 6, 30)


def test_a_range_is_one_actual_over_its_days_and_a_reimport_updates_it(plan, rules, tmp_path):
    path = _meta(tmp_path / "m.csv", [(JUNE_1, JUNE_30, 3_000_001)])
    assert write_import(plan, check_platform_import(plan, path, rules)).added == \
        {"actuals": 1}
    assert _stored(plan) == [("2026-06-01", "2026-06-30", 3_000_001)]
    again = check_platform_import(plan, _meta(path, [(JUNE_1, JUNE_30, 3_100_000)]), rules)
    assert again.report.updated == {"actuals": 1} and write_import(plan, again).ok
    assert _stored(plan) == [("2026-06-01", "2026-06-30", 3_100_000)]
    weeks = plan_vs_actual(load(plan), by="period", grain="week")
    spread = weeks["actual_minor"][weeks["actual_minor"] > 0]
    assert len(spread) == 5 and spread.sum() == 3_100_000  # over its days, to the fen


@pytest.mark.parametrize("later, where", [
    ([(dt.date(2026, 6, 15), dt.date(2026, 7, 14), 100)], "imported before"),
    ([(dt.date(2026, 6, 30), dt.date(2026, 6, 30), 100)], "imported before"),  # one day of it
])
def test_a_range_overlapping_one_imported_before_is_refused(plan, rules, tmp_path, later,
                                                            where):
    first = _meta(tmp_path / "m.csv", [(JUNE_1, JUNE_30, 3_000_000)])
    assert write_import(plan, check_platform_import(plan, first, rules)).ok
    snapshot = Snapshot(plan)
    checked = check_platform_import(plan, _meta(tmp_path / "n.csv", later), rules)
    problem = checked.report.problems[0]
    assert (problem.row, problem.column) == (2, "Reporting starts")
    assert f"overlaps its 2026-06-01 to 2026-06-30 {where}" in problem.reason
    assert not write_import(plan, checked).ok and snapshot.unchanged()


def test_overlapping_ranges_in_one_file_are_refused_and_disjoint_ones_pass(plan, rules,
                                                                           tmp_path):
    week = dt.timedelta(days=6)
    days = [JUNE_1 + dt.timedelta(days=7 * i) for i in range(4)]
    disjoint = _meta(tmp_path / "d.csv", [(d, d + week, 700 + i) for i, d in enumerate(days)])
    checked = check_platform_import(plan, disjoint, rules)
    assert checked.report.ok and checked.summary.spend_minor == 700 + 701 + 702 + 703
    overlapping = _meta(tmp_path / "o.csv", [(JUNE_1, JUNE_30, 5), (days[1], days[1], 6)])
    problems = check_platform_import(plan, overlapping, rules).report.problems
    assert [(p.row, p.column) for p in problems] == [(2, "Reporting starts"),
                                                     (3, "Reporting starts")]
    assert "in this file" in problems[0].reason
