"""Whole files generated at random in each platform's layout, read back exactly; and
the column-at-a-time reading held to the cell-by-cell one, problems included."""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.io.import_report import ImportReport
from planner.io.imports import write_import
from planner.io.limits import DEFAULT_LIMITS
from planner.io.platforms import values
from planner.io.platforms.check import check_platform_import
from planner.io.platforms.grid import read_grids
from planner.io.platforms.layouts import find_layout
from planner.io.platforms.report_table import TableReader
from planner.io.platforms.rules import MatchRule, set_match_rules
from planner.storage.plan_file import open_plan
from tests.planner import platform_files as pf
from tests.planner.io_support import write_rows

NAMES = ("抖音信息流-618", "Brand search", "百度 品牌专区", "天猫 搜索 ２", "Generic, search")
_FULL = str.maketrans("0123456789.,", "０１２３４５６７８９．，")

rows_ = st.lists(st.tuples(st.sampled_from(NAMES), st.integers(0, 59),
                           st.integers(0, 10 ** 11), st.integers(0, 10 ** 7)),
                 min_size=1, max_size=40)


def _yuan(fen: int, grouped: bool, full_width: bool, mark: str) -> str:
    text = f"{fen // 100:,}" if grouped else str(fen // 100)
    text = f"{text}.{fen % 100:02d}"
    return mark + (text.translate(_FULL) if full_width else text)


def _day(offset: int) -> dt.date:
    return dt.date(2026, 5, 1) + dt.timedelta(days=offset)


def _google(path, rows, style):
    lines = [["Campaign report"], ["May 1, 2026 - June 29, 2026"],
             ["Day", "Campaign", "Currency code", "Cost", "Impr."]]
    lines += [[_day(d).strftime("%-m/%-d/%Y"), name, "CNY", _yuan(fen, style[0], False, ""),
               f"{impressions:,}"] for name, d, fen, impressions in rows]
    lines.append(["Total: Account", "--", "--", _yuan(sum(r[2] for r in rows), True, False, ""),
                  "--"])
    path.write_bytes(pf._csv_text(lines, "\t").encode("utf-16"))


def _ocean(path, rows, style):
    lines = [["巨量引擎 报表"], ["日期", "计划名称", "消耗(元)", "展示数"]]
    lines += [[f"{_day(d).year}/{_day(d).month}/{_day(d).day}", name,
               _yuan(fen, *style), str(impressions).translate(_FULL) if style[1]
               else str(impressions)] for name, d, fen, impressions in rows]
    lines.append(["合计", "", _yuan(sum(r[2] for r in rows), True, False, ""), ""])
    path.write_bytes(pf._csv_text(lines).encode("gb18030"))


def _meta(path, rows, style):
    lines = [["Reporting starts", "Reporting ends", "Campaign name", "Amount spent (CNY)",
              "Impressions"]]
    lines += [[_day(d).isoformat(), _day(d).isoformat(), name, _yuan(fen, False, False, ""),
               "" if style[0] else str(impressions)] for name, d, fen, impressions in rows]
    path.write_bytes(pf._csv_text(lines).encode("utf-8-sig"))


def _workbook(path, rows, style):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["阿里妈妈 报表"])
    sheet.append(["日期", "计划名字", "花费(分)", "展现量"])
    for name, d, fen, impressions in rows:
        sheet.append([dt.datetime.combine(_day(d), dt.time()), name,
                      str(fen) if style[0] else fen, impressions])
    sheet.append(["总计", None, sum(r[2] for r in rows), None])
    book.save(path)


LAYOUTS = {"google_ads": (_google, ".csv"), "ocean_engine": (_ocean, ".csv"),
           "meta": (_meta, ".csv"), "alimama": (_workbook, ".xlsx")}


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A plan with the test channels and one rule per campaign name."""
    folder = tmp_path_factory.mktemp("properties")
    path = folder / "template.cplan"
    from planner.storage.plan_file import create_plan

    plan = create_plan(path)
    ids = pf.small_plan(plan)
    set_match_rules(plan, [MatchRule("exact", name, ids["search"]) for name in NAMES])
    plan.close()
    return path, folder


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=rows_, layout=st.sampled_from(sorted(LAYOUTS)),
       style=st.tuples(st.booleans(), st.booleans(), st.sampled_from(["", "¥", "￥"])))
def test_a_generated_export_reads_back_exactly(template, rows, layout, style):
    source, folder = template
    write, suffix = LAYOUTS[layout]
    path = folder / f"export{suffix}"
    write(path, rows, style)
    plan_path = folder / "plan.cplan"
    shutil.copyfile(source, plan_path)
    plan = open_plan(plan_path)
    try:
        checked = check_platform_import(plan, path)
        assert checked.report.ok, [p.describe() for p in checked.report.problems[:3]]
        keys = Counter((name, d) for name, d, _, _ in rows)
        total = sum(fen for _, _, fen, _ in rows)
        summary = checked.summary
        assert (summary.platform, summary.rows, summary.matched) == (layout, len(rows),
                                                                      len(keys))
        assert summary.spend_minor == summary.matched_spend_minor == total
        # Google's currency is per row, so its total has no one unit; Meta writes none
        assert summary.file_total_minor == (None if layout in ("google_ads", "meta")
                                            else total)
        merged = len(rows) - len(keys)
        assert any(f"{merged} row(s) repeat" in w for w in checked.report.warnings) == \
            bool(merged)
        assert write_import(plan, checked).added == {"actuals": len(keys)}
        stored = plan.db.execute("SELECT COUNT(*), SUM(spend_minor), SUM(impressions) "
                                 "FROM actuals").fetchone()
        impressions = None if layout == "meta" and style[0] else \
            sum(r[3] for r in rows)
        assert stored == (len(keys), total, impressions)
        again = check_platform_import(plan, path)
        assert again.report.unchanged == len(keys) and again.report.added == {"actuals": 0}
    finally:
        plan.close()


# -- the column-at-a-time reading is the cell-by-cell reading ----------------------------

_CELLS = {
    "date": st.sampled_from(["2026/6/1", "2026-06-02", "6/3/2026", "2026/13/1", "", "--",
                             "合计", "June 4, 2026", "x"]),
    "name": st.sampled_from(["抖音 a", " 抖音 a ", "Brand", "", "１２", "--"]),
    "id": st.sampled_from(["171234567890123", "1.71234E+15", "", "--", "id x", "17"]),
    "spend": st.sampled_from(["1,234.56", "¥12", "１２．５", "-3", "abc", "", "--", "0.005",
                              "1e3", "12元", "9" * 19]),
    "count": st.sampled_from(["12,000", "１２", "1.5", "-1", "", "n/a", "7"]),
}


def _typed(cell: str):
    """A workbook's cell for `cell`: a number where it is one (calamine reads floats),
    True for "7", text otherwise."""
    if cell == "7":
        return True
    try:
        return float(cell)
    except ValueError:
        return cell or None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(*_CELLS.values()), min_size=1, max_size=25),
       st.sampled_from(["消耗(元)", "消耗(厘)", "消耗(万元)"]), st.booleans())
def test_columns_read_as_cells_would(tmp_path_factory, lines, spend_header, workbook):
    header = ["日期", "计划名称", "计划ID", spend_header, "展示数", "转化数"]
    rows = [[d, n, i, s, c, c] for d, n, i, s, c in lines]
    folder = tmp_path_factory.mktemp("cells")
    if workbook:
        path = write_rows(folder / "x.xlsx", [["巨量引擎 报表"], header,
                                              *([_typed(c) for c in row] for row in rows)])
    else:
        path = folder / "x.csv"
        path.write_bytes(pf._csv_text([["巨量引擎 报表"], header, *rows]).encode("gb18030"))
    grid = read_grids(path, DEFAULT_LIMITS)[0]
    layout = find_layout(grid.lines)
    fast_report, slow_report = (ImportReport(file=path.name, kind="platform") for _ in "ab")
    fast = TableReader(grid, layout, fast_report, "CNY", None).read("ocean_engine")
    slow_reader = TableReader(grid, layout, slow_report, "CNY", None)
    if not slow_reader.check_personal():
        assert fast is None and fast_report.problems == slow_report.problems
        return
    body, _ = slow_reader._split()
    rules = slow_reader._date_rules(body)
    if rules is None:
        assert fast is None and fast_report.problems == slow_report.problems
        return
    slow = [row for number, cells in body if (row := slow_reader._row(number, cells, rules))]
    slow_reader._warn_counts()
    assert fast is not None and fast.rows == slow
    assert fast_report.problems == slow_report.problems
    assert fast_report.warnings == slow_report.warnings


# -- the many-at-once amount reading is the one-at-a-time reading ------------------------

def _one_by_one(value, unit):
    """The amount in Decimal arithmetic (fen, and whether rounded), or why not."""
    try:
        number = values.decimal(value) * unit.major
        if number < 0:
            return "negative"
        scaled = number.scaleb(2)
        minor = scaled.quantize(Decimal(1), rounding=ROUND_HALF_UP)
        return (int(minor), minor != scaled) if minor <= values.MAX_MINOR else "too large"
    except values.CellError:
        return "not a number"


@settings(max_examples=3000, deadline=None)
@given(st.one_of(st.integers(0, 10 ** 15).map(lambda n: n / 100),
                 st.integers(0, 10 ** 9).map(lambda n: n / 1000),
                 st.floats(min_value=-1e16, max_value=1e16),
                 st.from_regex(r"\A ?[0-9][0-9,]{0,16}(\.[0-9]{0,6})? ?\Z")),
       st.sampled_from(["元", "分", "厘", "万元"]))
def test_plain_amounts_read_as_one_at_a_time(value, name):
    unit = values.unit_named(name)
    plain = values.plain_amounts({value}, unit, "CNY")
    if value in plain:
        assert plain[value] == _one_by_one(value, unit)
