"""Hostile and huge workbooks, measured in a fresh interpreter (time, and the peak
resident memory of the whole process, the workbook reader's own included), and the
fast workbook scan held to the exact one."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.io import limits
from tests.planner.io_support import write_rows
from tests.planner.test_io_safety import SHEET, _with_member

_CHILD = """
import json, sys, time
from planner.io.platforms.check import check_platform_import
from planner.storage.plan_file import open_plan
plan = open_plan(sys.argv[1])
started = time.perf_counter()
checked = check_platform_import(plan, sys.argv[2], [], unit="元", skip_unmatched=True)
with open("/proc/self/status") as status:  # VmHWM: this process's own peak (ru_maxrss
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
print(json.dumps({"seconds": time.perf_counter() - started, "rss_mb": peak / 1024,
                  "problems": [p.reason for p in checked.report.problems],
                  "rows": checked.summary.rows, "spend": checked.summary.spend_minor}))
"""


def _measured(plan_path, path) -> dict:
    done = subprocess.run([sys.executable, "-c", _CHILD, str(plan_path), str(path)],
                          capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout)


def _good(tmp_path):
    return write_rows(tmp_path / "good.xlsx", [["日期", "计划名称", "消耗(元)"],
                                               ["2026-06-01", "抖音 a", 12.5],
                                               ["2026-06-02", "抖音 a", 7]])


def _with_rows(good, target, count):
    """`good` with `count` more rows in its sheet, streamed into the zip."""
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED,
                                                          compresslevel=1) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename != SHEET:
                out.writestr(item, data)
                continue
            head, tail = data.split(b"</sheetData>")
            with out.open(SHEET, "w", force_zip64=True) as sheet:
                sheet.write(head)
                for first in range(4, count + 4, 100_000):
                    sheet.write(b"".join(
                        b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>2026-06-01</t></is></c>'
                        b'<c r="B%d"><v>%d</v></c></row>' % (i, i, i, i)
                        for i in range(first, min(first + 100_000, count + 4))))
                sheet.write(b"</sheetData>" + tail)
    return target


def test_two_million_rows_in_a_workbook_are_refused_before_they_are_read(plan_path, tmp_path):
    big = _with_rows(_good(tmp_path), tmp_path / "rows.xlsx", 2_000_000)
    with zipfile.ZipFile(big) as archive:
        assert archive.getinfo(SHEET).file_size > 150_000_000
    got = _measured(plan_path, big)
    assert "runs to row" in got["problems"][0], got
    assert "at most 200,000 rows are accepted" in got["problems"][0]
    assert got["seconds"] < 5 and got["rss_mb"] < 150, got  # stopped early: a few MB read


def test_a_huge_declared_dimension_costs_nothing(plan_path, tmp_path):
    """The <dimension> a file declares is not believed: the cells present are read."""
    declared = _with_member(_good(tmp_path), tmp_path / "dim.xlsx", SHEET,
                            lambda d: d.replace(b'ref="A1:C3"', b'ref="A1:XFD1048576"'))
    assert b"XFD1048576" in zipfile.ZipFile(declared).read(SHEET)
    got = _measured(plan_path, declared)
    assert got["problems"] == [] and (got["rows"], got["spend"]) == (2, 1950)
    assert got["seconds"] < 2 and got["rss_mb"] < 150, got


def test_a_stray_cell_far_out_is_refused_before_calamine_allocates(plan_path, tmp_path):
    far = _with_member(_good(tmp_path), tmp_path / "far.xlsx", SHEET, lambda d: d.replace(
        b"</row></sheetData>", b'<c r="XFD1048576"><v>1</v></c></row></sheetData>'))
    got = _measured(plan_path, far)
    assert "spans 1,048,576 rows by 16,384 columns" in got["problems"][0]
    assert got["seconds"] < 2 and got["rss_mb"] < 150, got


# -- the fast scan finds what the exact scan finds, or leaves the piece to it ------------

_COMMON = re.compile(rb'<c r="[A-Za-z]{0,3}\d{1,7}"(?: t="s")?>|<row r="\d{1,7}"/?>|</row>')
_COLUMN = st.sampled_from(["A", "B", "Z", "AA", "az", "XFD", "ABCD", ""])
_ROW = st.sampled_from(["1", "9", "10", "1048576", "12345678", "007", ""])
_TAG = st.one_of(
    st.builds(lambda c, r: b'<c r="%s%s"><v>1</v></c>' % (c.encode(), r.encode()), _COLUMN,
              _ROW),
    st.builds(lambda r: b'<row r="%s">' % r.encode(), _ROW),
    st.sampled_from([b"</row>", b"<c><v>2</v></c>", b"<row>", b'<c s="1" r="C3"/>',
                     b"<c r='D4'/>", b'<c  r="E5"/>', b'<c r="F6" t="e"><v>#N/A</v></c>',
                     b'<x:c r="G7"/>', b'<cols><col min="1" max="3"/></cols>',
                     b'<c r="H8" t="s"><v>0</v></c>', b"<c\nr=\"I9\"/>", b'<row r="3"/>',
                     b"<t>a:c &quot;e&quot;</t>"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(_TAG, max_size=30))
def test_the_fast_scan_agrees_with_the_exact_one(tags):
    piece = b'<sheetData>' + b"".join(tags) + b"</sheetData>"
    fast = limits.plain_positions(piece)
    try:
        exact = limits._positions(piece, zipfile.ZipInfo("sheet.xml"))
    except limits.FileRefused:
        assert fast is None  # an error cell: only the exact scan names it
        return
    assert fast is None or fast == exact
    if all(_COMMON.match(tag) for tag in tags):
        assert fast == exact  # written the common way: the fast scan reads it itself
