"""Personal data never reaches the plan; hostile platform files are refused quickly,
with the memory the reader used measured (tracemalloc), not assumed."""

from __future__ import annotations

import os
import time
import tracemalloc
import zipfile

import pytest

from planner.io.imports import write_import
from planner.io.platforms.check import check_platform_import
from planner.io.platforms.rules import MatchRule
from tests.plan_dump import dump
from tests.planner import platform_files as pf
from tests.planner.io_support import Snapshot, write_rows
from tests.planner.test_io_safety import LAUGHS, SHEET, _poisoned, _with_member

MB = 1 << 20


@pytest.fixture
def ids(plan):
    return pf.small_plan(plan)


def test_an_unneeded_phone_column_is_dropped_by_name(plan, ids, tmp_path):
    rules = [MatchRule("contains", "朋友圈", ids["feed"])]
    checked = check_platform_import(plan, pf.tencent_with_phones(tmp_path / "t.csv"), rules)
    assert "column '联系电话' holds personal data (its header says '电话'); dropped, nothing " \
           "of it is written" in checked.report.warnings
    assert write_import(plan, checked).added == {"actuals": 3}
    assert "13812345678" not in repr(dump(plan.db.conn))


@pytest.mark.parametrize("cell, kind", [
    ("li.lei@example.com", "e-mail addresses"),
    ("11010519491231002X", "ID-card numbers"),  # a valid check digit
    ("+86 138 1234 5678", "phone numbers"),
])
def test_personal_data_found_by_content_alone(plan, ids, tmp_path, cell, kind):
    path = tmp_path / "x.csv"
    path.write_text(f"日期,计划名称,消耗(元),备注\n2026-06-01,抖音 a,1,{cell}\n", encoding="utf-8")
    checked = check_platform_import(plan, path, [MatchRule("contains", "抖音", ids["feed"])])
    assert f"column '备注' holds {kind}; dropped, nothing of it is written" in \
        checked.report.warnings


def test_personal_data_in_a_column_that_would_be_written_is_refused(plan, ids, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("日期,计划名称,消耗(元)\n2026-06-01,抖音 zhang.san@example.com,1\n",
                    encoding="utf-8")
    snapshot = Snapshot(plan)
    checked = check_platform_import(plan, path, [MatchRule("contains", "抖音", ids["feed"])])
    problem = checked.report.problems[0]
    assert (problem.row, problem.column) == (1, "计划名称")
    assert "holds e-mail addresses; the plan keeps no personal data" in problem.reason
    assert write_import(plan, checked).problems and snapshot.unchanged()
    checked = check_platform_import(plan, _customer_file(tmp_path), [])
    assert "header says '客户姓名'" in checked.report.warnings[0]  # not needed: dropped


def _customer_file(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("日期,计划名称,消耗(元),客户姓名\n2026-06-01,抖音 a,1,张三\n", encoding="utf-8")
    return path


def _member(path, name):
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def _measured(plan, path):
    """The check's report, seconds and peak traced memory in MB."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        checked = check_platform_import(plan, path, [])
    finally:
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] / MB
        tracemalloc.stop()
    return checked.report, seconds, peak


def test_hostile_workbooks_are_refused_quickly_in_little_memory(plan, tmp_path):
    good = write_rows(tmp_path / "good.xlsx", [["日期", "计划名称", "消耗(元)"],
                                               ["2026-06-01", "a", 1]])
    bomb = _with_member(good, tmp_path / "bomb.xlsx", SHEET, lambda d: d + b" " * 50_000_000)
    laughs = _poisoned(tmp_path, LAUGHS)
    far = _with_member(good, tmp_path / "far.xlsx", SHEET, lambda d: d.replace(
        b"</row></sheetData>", b'<c r="XFD1048576"><v>1</v></c></row></sheetData>'))
    snapshot = Snapshot(plan)
    for path, reason in ((bomb, "zip bomb"), (laughs, "declares a DTD"),
                         (far, "spans 1,048,576 rows by 16,384 columns")):
        report, seconds, peak = _measured(plan, path)
        assert reason in report.problems[0].reason
        assert seconds < 2 and peak < 20, (path.name, seconds, peak)
    assert snapshot.unchanged()


def test_a_10_mb_cell_is_refused(plan, tmp_path):
    csv_path = tmp_path / "big_cell.csv"
    csv_path.write_text("日期,计划名称,消耗(元)\n2026-06-01," + "x" * 10 * MB + ",1\n",
                        encoding="utf-8")
    report, seconds, peak = _measured(plan, csv_path)
    assert "has a cell of more than" in report.problems[0].reason
    assert seconds < 2 and peak < 40, (seconds, peak)
    good = write_rows(tmp_path / "good.xlsx", [["日期", "计划名称", "消耗(元)"],
                                               ["2026-06-01", "PLACEHOLDER", 1]])
    big = os.urandom(5 * MB).hex().encode()  # openpyxl cuts cells to 32,767: patch the XML
    member = SHEET if b"PLACEHOLDER" in _member(good, SHEET) else "xl/sharedStrings.xml"
    book = _with_member(good, tmp_path / "big_cell.xlsx", member,
                        lambda d: d.replace(b"PLACEHOLDER", big))
    report, seconds, peak = _measured(plan, book)
    assert "has a cell of 10,485,760 characters" in report.problems[0].reason
    assert seconds < 5 and peak < 120, (seconds, peak)


def test_two_million_rows_stop_at_the_limit(plan, tmp_path):
    path = tmp_path / "rows.csv"
    with path.open("w", encoding="utf-8") as out:
        out.write("日期,计划名称,消耗(元)\n")
        out.writelines("2026-06-01,a,1\n" for _ in range(2_000_000))
    report, seconds, peak = _measured(plan, path)
    assert "has more than 200,000 rows" in report.problems[0].reason
    assert seconds < 10 and peak < 150, (seconds, peak)
