"""Every message an ad platform import writes is recognised, and shown in Chinese.

The readers write plain English; the GUI recognises each message as the template
in `planner.io.platforms.words` (or `planner.io.problem_words`) that made it. So
hostile and faulty files, made as the platform tests make them, are checked here:
every problem, warning and summary line must be recognised (a reader's wording
that drifts from its template fails), and every template must be met by one of
them (a template no reader writes any more fails too). Then the import preview is
opened in Chinese on such files and must show no English.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from planner.i18n import Joined, Template, Text
from planner.io.imports import check_import, write_import
from planner.io.limits import Limits
from planner.io.platforms.check import PlatformImport, check_platform_import
from planner.io.platforms.rules import MatchRule
from planner.io.platforms.words import _SUMMARY, PLATFORM_REASONS, WEEK_COLUMN
from planner.io.problem_words import _REFUSALS, column_words, reason_words
from tests.i18n.visible_text import english_words, report, untranslated, visible_strings
from tests.planner import platform_files as pf
from tests.planner.io_support import write_rows
from tests.planner.test_io_safety import LAUGHS, SHEET, _poisoned, _with_member
from ui.transfer.platform_preview import PlatformPreviewDialog

TABLE = ["日期", "计划名称", "消耗(元)"]
META = ["Reporting starts", "Reporting ends", "Campaign name", "Amount spent (CNY)"]
KEPT = {"ID"}  # as the platforms' own headers write it (计划ID); the catalogue keeps it too
# no file makes Python's csv reader fail (it is lenient), save a cell over its size limit
UNREACHED = {"is not a readable CSV table ({error})"}


def _csv(path: Path, *lines: list[Any]) -> Path:
    path.write_bytes(pf._csv_text(list(lines)).encode("utf-8"))
    return path


def _book(path: Path, *lines: list[Any]) -> Path:
    return write_rows(path, list(lines), sheet="报表")


def _problem_file(folder: Path) -> Path:
    """One table with a faulty cell of every kind, a note and a dropped phone column:
    the preview's test file."""
    return _csv(folder / "problems.csv", ["腾讯广告 数据报表"],
                ["日期", "推广计划名称", "计划ID", "花费(元)", "点击量", "联系电话"],
                ["2026-06-01", "朋友圈-品牌", "11", "abc", "1.5", "13812345678"],
                ["2026-02-30", "朋友圈-品牌", "12", "-5", "3", ""],
                ["abc", "朋友圈-品牌", "13", "1e19", "3", ""],
                ["", "朋友圈-品牌", "14", "1", "3", ""],
                ["2026-06-02", "", "", "1", "3", ""],
                ["2026-06-03", "朋友圈-品牌", "a b!", "1e400", "3", ""],
                ["2026-06-04", "朋友圈-效果", "15", "¥2", "3", ""],
                ["仅供参考"])


def _flowchart(folder: Path, change: tuple[int, int, Any] | None, name: str) -> Path:
    import openpyxl

    path, _ = pf.flowchart_xlsx(folder / name)
    book = openpyxl.load_workbook(path)
    sheet = book["排期"]
    for column in range(3, 10):  # week totals in the 合计 row
        sheet.cell(8, column, sum(sheet.cell(r, column).value for r in range(5, 8)))
    if change:
        sheet.cell(*change)
    book.save(path)
    return path


def _hostile_books(folder: Path) -> Iterator[tuple[Path, Limits]]:
    good = _book(folder / "good.xlsx", TABLE, ["2026-06-01", "抖音 a", 1])
    spaced = _with_member(good, folder / "bomb.xlsx", SHEET, lambda d: d + b" " * 1_100_000)
    far = _with_member(good, folder / "far.xlsx", SHEET, lambda d: d.replace(
        b"</row></sheetData>", b'<c r="XFD1048576"><v>1</v></c></row></sheetData>'))
    deep = _with_member(good, folder / "deep.xlsx", SHEET, lambda d: d.replace(
        b"</row></sheetData>", b'</row><row r="300000"><c r="A300000"><v>1</v></c>'
                               b"</row></sheetData>"))
    error = _with_member(good, folder / "error.xlsx", SHEET, lambda d: d.replace(
        b"</row></sheetData>", b'<c r="D2" t="e"><v>#N/A</v></c></row></sheetData>'))
    broken = folder / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    timed = _book(folder / "timed.xlsx", TABLE, [dt.datetime(2026, 6, 1, 10, 30), "抖音 a", 1])
    wide = _book(folder / "wide.xlsx", TABLE, ["2026-06-01", "抖音 a", 1, "x"])
    defaults = Limits()
    poison = folder / "poison"
    poison.mkdir()
    yield from [(good, Limits(max_bytes=10)), (good, Limits(max_members=2)),
                (good, Limits(max_unzipped_bytes=100)), (spaced, defaults), (far, defaults),
                (deep, defaults), (error, defaults), (broken, defaults),
                (_poisoned(poison, LAUGHS), defaults), (timed, defaults),
                (wide, Limits(max_columns=3)), (wide, Limits(max_cell_chars=6))]


def _files(folder: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
    """(file, options of the check) for every message the platform readers write."""
    yield pf.google_ads(folder / "google.csv", days=3)[0], {}
    yield pf.google_ads(folder / "google_unmatched.csv", days=1)[0], {"rules": []}
    yield pf.meta(folder / "meta.csv")[0], {"rules": [], "skip_unmatched": True}
    yield pf.ocean_engine(folder / "ocean.csv")[0], {}
    yield pf.alimama_xlsx(folder / "alimama.xlsx")[0], {}
    yield folder / "alimama.xlsx", {"unit": "元"}
    yield folder / "alimama.xlsx", {"unit": "斤"}
    yield pf.tencent_with_phones(folder / "tencent.csv"), {}
    yield _problem_file(folder), {}
    yield _csv(folder / "unknown.csv", ["a", "b"], ["1", "2"]), {}
    yield _csv(folder / "bare.csv", ["日期", "计划名称", "消耗"], ["2026-06-01", "抖音 a", "1"]), {}
    yield _csv(folder / "usd.csv", ["Reporting starts", "Reporting ends", "Campaign name",
                                    "Amount spent (USD)"],
               ["2026-06-01", "2026-06-01", "抖音 a", "1"]), {}
    for name, *spans in (("ends", ("2026-06-05", "2026-06-01")),
                         ("overlap", ("2026-06-01", "2026-06-30"), ("2026-06-02", "2026-06-02"))):
        yield _csv(folder / f"{name}.csv", META, *[[*span, "抖音 b", "1"] for span in spans]), {}
    yield _csv(folder / "currency.csv", ["Day", "Campaign", "Currency code", "Cost"],
               ["2026-06-01", "search a", "XX1", "1"]), {}
    yield _csv(folder / "mixed.csv", ["Day", "Campaign", "Cost (CNY)"],
               ["6/1/2026", "search a", "1"], ["13/1/2026", "search a", "2"],
               ["1/13/2026", "search a", "3"]), {}
    yield _csv(folder / "dayfirst.csv", ["日期", "计划", "实际消耗(元)"],
               ["6/1/2026", "抖音 a", "1"]), {}
    yield _csv(folder / "baidu.csv", ["百度营销 报告"],
               ["日期", "推广计划", "消费", "展现", "点击"],
               ["2026-06-01", "百度 search", "12.34", "1", "1"]), {"unit": "元"}
    yield _csv(folder / "repeated.csv", TABLE, ["2026-06-01", "抖音 a", "1"],
               ["2026-06-01", "抖音 a", "2"], ["2026-06-02", "抖音 a", "--"]), {}
    for unit, amount in (("厘", "5"), ("万元", "¥3")):
        yield _csv(folder / f"{unit}.csv", ["日期", "计划名称", f"消耗({unit})"],
                   ["2026-06-01", "抖音 a", amount]), {}
    yield _csv(folder / "email.csv", TABLE, ["2026-06-01", "抖音 zhang.san@example.com", "1"]), {}
    yield _csv(folder / "notes.csv", [*TABLE, "备注", "客户姓名", "编号", "附注"],
               ["2026-06-01", "抖音 a", "1", "li.lei@example.com", "张三",
                "11010519491231002X", "+86 138 1234 5678"]), {}
    yield _flowchart(folder, None, "flowchart.xlsx"), {}
    for n, change in enumerate([(6, 10, 140_011), (8, 4, 60_001), (8, 10, 1), (5, 3, "abc")]):
        yield _flowchart(folder, change, f"flowchart{n}.xlsx"), {}
    unitless = _flowchart(folder, (2, 1, "媒体排期"), "unitless.xlsx")
    yield unitless, {}
    yield folder / "missing.csv", {}
    (folder / "gb.csv").write_bytes("日期,计划名称,消耗(元)\n".encode("gb18030") + b"\x81\x20\n")
    yield folder / "gb.csv", {}
    (folder / "huge_cell.csv").write_text("日期,计划名称,消耗(元)\n2026-06-01," + "x" * 140_000
                                          + ",1\n", encoding="utf-8")
    yield folder / "huge_cell.csv", {}
    yield _csv(folder / "long.csv", TABLE, *[["2026-06-01", "抖音 a", "1"]] * 60), \
        {"limits": Limits(max_rows=1)}
    for path, limits in _hostile_books(folder):
        yield path, {"limits": limits}


@pytest.fixture
def ids(plan):
    return pf.small_plan(plan)


@pytest.fixture
def rules(ids):
    return [MatchRule("contains", "search", ids["search"]),
            MatchRule("contains", "抖音", ids["feed"]),
            MatchRule("contains", "天猫", ids["search"]),
            MatchRule("contains", "朋友圈-品牌", ids["feed"]),
            MatchRule("regex", ".", ids["tv"], platform="flowchart")]


def _checked(plan, rules, folder: Path) -> list[PlatformImport]:
    out = [check_platform_import(plan, path, **({"rules": rules} | options))
           for path, options in _files(folder)]
    first = _csv(folder / "month.csv", META, ["2026-06-01", "2026-06-30", "抖音 Feed", "1"])
    assert write_import(plan, check_platform_import(plan, first, rules)).ok
    later = _csv(folder / "later.csv", META, ["2026-06-15", "2026-07-14", "抖音 Feed", "1"])
    return [*out, check_platform_import(plan, later, rules)]


def _templates(message: str) -> Iterator[Template]:
    """The templates a recognised message was made of, its values' included."""
    if isinstance(message, Text):
        yield message.template
        for value in message.args.values():
            yield from _templates(value)
    elif isinstance(message, Joined):
        for part in message.parts:
            yield from _templates(part)


def _messages(checked: PlatformImport) -> Iterator[tuple[str, str]]:
    report = checked.report
    for problem in report.problems:
        yield problem.reason, reason_words(problem.reason)
        if problem.column and problem.column.startswith("week of"):  # not the file's header
            yield problem.column, column_words(problem.column)
    for warning in report.warnings:
        yield warning, reason_words(warning)
    if checked.summary.platform:
        for line in checked.summary.lines():
            yield line, line


def test_every_platform_message_is_recognised_and_every_template_is_met(plan, rules, tmp_path):
    met: set[Template] = set()
    unrecognised = []
    for checked in _checked(plan, rules, tmp_path):
        for english, recognised in _messages(checked):
            if isinstance(recognised, Text):
                assert recognised == english
                met.update(_templates(recognised))
            else:
                unrecognised.append(english)
    assert not unrecognised, "\n".join(unrecognised)
    # refusals only the other imports' reader writes (tabular_read) are met there
    flights = check_import(plan, _csv(tmp_path / "flights.csv", ["a"], ["\x00"]), "flights")
    met.update(_templates(reason_words(flights.report.problems[0].reason)))
    latin = tmp_path / "latin_flights.csv"
    latin.write_bytes(b"a\n\x81\x20\xff\n")
    met.update(_templates(reason_words(
        check_import(plan, latin, "flights").report.problems[0].reason)))
    words = {*PLATFORM_REASONS, *_REFUSALS, WEEK_COLUMN, *_SUMMARY}
    assert {str(t) for t in words - met} == UNREACHED


# -- the preview in Chinese ---------------------------------------------------------------

def _data_names(checked: PlatformImport) -> list[str]:
    """The file's own words: its name, sheet, encoding, headers and cells."""
    names = [checked.report.file, checked.summary.sheet or "", checked.summary.encoding or ""]
    for problem in checked.report.problems:
        names += [problem.sheet or "", str(problem.value or "")]
        if problem.column and not isinstance(column_words(problem.column), Text):
            names.append(problem.column)  # a header, as the file writes it
    return names


@pytest.mark.parametrize("make", [_problem_file,
                                  lambda f: _flowchart(f, (8, 4, 60_001), "flowchart.xlsx"),
                                  lambda f: pf.google_ads(f / "google.csv", days=3)[0]])
def test_the_platform_preview_shows_no_english_in_chinese(chinese, qtbot, plan, rules, tmp_path,
                                                          make):
    checked = check_platform_import(plan, make(tmp_path), rules[:1])
    assert checked.report.problems or checked.report.warnings
    dialog = PlatformPreviewDialog(checked)
    qtbot.addWidget(dialog)
    headers = ["Day", "Campaign", "Campaign ID", "Cost", "Currency code"]
    names = [name for name in [*_data_names(checked), *headers] if name]
    missing = [shown for shown in untranslated(visible_strings(dialog), names)
               if set(english_words(shown.text, names)) - KEPT]
    assert not missing, report(missing)
