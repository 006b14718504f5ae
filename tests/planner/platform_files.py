"""Platform exports as the platforms write them, generated for the tests, and a small
plan (three channels, one campaign with two flights) to match them against."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

from planner.domain.entities import Campaign, Channel, Flight, new_id
from planner.storage import rows

JUNE = [dt.date(2026, 6, d) for d in range(1, 31)]


def small_plan(plan: Any) -> dict[str, str]:
    ids = {k: new_id() for k in ("search", "feed", "tv", "campaign", "f_search", "f_feed")}
    with plan.action("Test plan"):
        for key, name in (("search", "百度搜索 Baidu search"), ("feed", "抖音 Douyin"),
                          ("tv", "电视 TV")):
            rows.insert(plan.db, Channel(id=ids[key], name=name, kind="search"))
        rows.insert(plan.db, Campaign(id=ids["campaign"], name="618 大促", objective="mixed",
                                      brand_share_bp=4000))
        for flight, channel in (("f_search", "search"), ("f_feed", "feed")):
            rows.insert(plan.db, Flight(id=ids[flight], campaign_id=ids["campaign"],
                                        channel_id=ids[channel], start=dt.date(2026, 5, 20),
                                        end=dt.date(2026, 6, 30), budget_minor=10 ** 9))
    return ids


def _csv_text(lines: list[list[Any]], delimiter: str = ",") -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(lines)
    return out.getvalue()


def google_ads(path: Path, days: int = 30, campaigns: tuple[str, ...] = ("Brand search",
                                                                          "Generic search")
               ) -> tuple[Path, int]:
    """UTF-16 (BOM), tabs, a title and a date range above, totals below, "--" for n/a,
    thousands separators. -> the path and the spend in fen."""
    lines: list[list[Any]] = [["Campaign report"], ["June 1, 2026 - June 30, 2026"],
                              ["Day", "Campaign", "Campaign ID", "Customer ID", "Currency code",
                               "Cost", "Impr.", "Clicks", "Conversions", "Conv. value"]]
    total = 0
    for day in JUNE[:days]:
        for n, name in enumerate(campaigns):
            fen = 123_456 * (n + 1) + day.day * 101
            total += fen
            lines.append([day.strftime("%-m/%-d/%Y"), name, str(20_000_000_000 + n),
                          "123-456-7890", "CNY", f"{fen / 100:,.2f}", f"{10_000 + day.day:,}",
                          "1,234", "12.50" if n else "--", "--" if n else "3,456.78"])
    lines.append(["Total: Account", "--", "--", "--", "--", f"{total / 100:,.2f}", "--", "--",
                  "--", "--"])
    lines.append(["Total: Campaigns", "--", "--", "--", "--", f"{total / 100:,.2f}", "--", "--",
                  "--", "--"])
    path.write_bytes(_csv_text(lines, "\t").encode("utf-16"))
    return path, total


def meta(path: Path) -> tuple[Path, int]:
    """UTF-8 with BOM, currency in the header, blank metrics."""
    lines = [["Reporting starts", "Reporting ends", "Campaign name", "Amount spent (CNY)",
              "Impressions", "Link clicks", "Results"]]
    total = 0
    for day in JUNE[:10]:
        fen = 5_000 + day.day * 3
        total += fen
        lines.append([day.isoformat(), day.isoformat(), "抖音 Feed 618", f"{fen / 100:.2f}",
                      "2000", "" if day.day % 2 else "37", ""])
    path.write_bytes(_csv_text(lines).encode("utf-8-sig"))
    return path, total


_FULL = str.maketrans("0123456789.", "０１２３４５６７８９．")


def ocean_engine(path: Path, *, mangled: bool = True) -> tuple[Path, int]:
    """GB18030 as Excel saves "CSV" on a Chinese Windows: metadata lines, 消耗(元),
    dates like 2026/6/1, a 16-digit id Excel rounded, ¥ marks and full-width digits,
    a 合计 row."""
    lines: list[list[Any]] = [["巨量引擎 广告投放数据报表"], ["时间范围：2026-06-01 至 2026-06-07"],
                              [],
                              ["日期", "广告主ID", "计划ID", "计划名称", "消耗(元)", "展示数",
                               "点击数", "转化数", "成交金额"]]
    total = 0
    for day in JUNE[:7]:
        for n, name in enumerate(("抖音信息流-618预热", "抖音搜索-品牌词")):
            fen = 1_234_567 + day.day * 100 + n
            total += fen
            text = f"{fen / 100:,.2f}"
            spend = ("¥" + text) if day.day == 1 else text.translate(_FULL) if day.day == 2 \
                else text
            ident = "1.71234E+15" if mangled and n == 0 else f"171234567890123{n}"
            lines.append([f"2026/6/{day.day}", "1690000000000001", ident, name, spend,
                          "１２０００" if day.day == 3 else "12000", "345", "12", "888.00"])
    lines.append(["合计", "", "", "", f"{total / 100:,.2f}", "", "", "", ""])
    path.write_bytes(_csv_text(lines).encode("gb18030"))
    return path, total


def alimama_xlsx(path: Path) -> tuple[Path, int]:
    """A workbook in 分 with 小计 and 总计 rows and a title above."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "报表"
    sheet.append(["阿里妈妈 万相台 推广报表"])
    sheet.append(["日期", "计划ID", "计划名字", "花费(分)", "展现量", "点击量", "总成交金额(分)"])
    total = 0
    for day in JUNE[:5]:
        for n in range(2):
            fen = 99_901 + day.day + n
            total += fen
            sheet.append([dt.datetime(2026, 6, day.day), 3_000_000_000 + n, f"天猫搜索 {n}", fen,
                          1000, 10, 500_000])
        sheet.append(["小计", None, None, 0, None, None, None])
    sheet.append(["总计", None, None, total, None, None, None])
    book.save(path)
    return path, total


def tencent_with_phones(path: Path) -> Path:
    lines = [["腾讯广告 数据报表"], ["日期", "推广计划名称", "花费(元)", "曝光量", "点击量",
                                  "联系电话"]]
    for day in JUNE[:3]:
        lines.append([day.isoformat(), "朋友圈-品牌", "100.00", "1000", "10", "13812345678"])
    path.write_bytes(_csv_text(lines).encode("gb18030"))
    return path


def flowchart_xlsx(path: Path) -> tuple[Path, int]:
    """An agency flowchart: merged title, months merged over weeks (day numbers), media
    names merged down, a totals column and a 合计 row; amounts in 元."""
    import openpyxl

    weeks = [(6, 1), (6, 8), (6, 15), (6, 22), (6, 29), (7, 6), (7, 13)]
    media = [("抖音", "信息流"), ("抖音", "开屏"), ("百度", "品牌专区")]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "排期"
    sheet["A1"] = "2026年 618 媒体排期表"
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=10)
    sheet["A2"] = "单位：元"
    sheet["A3"], sheet["B3"] = "媒体", "形式"
    sheet.cell(3, 3, "2026年6月")
    sheet.merge_cells(start_row=3, start_column=3, end_row=3, end_column=7)
    sheet.cell(3, 8, "2026年7月")
    sheet.merge_cells(start_row=3, start_column=8, end_row=3, end_column=9)
    sheet.cell(3, 10, "合计")
    for i, (_, day) in enumerate(weeks):
        sheet.cell(4, 3 + i, day)
    total = 0
    for r, (name, form) in enumerate(media):
        row = 5 + r
        sheet.cell(row, 1, name)
        sheet.cell(row, 2, form)
        amounts = [10_000 * (r + 1) + i * 0.5 for i in range(len(weeks))]
        for i, amount in enumerate(amounts):
            sheet.cell(row, 3 + i, amount)
        sheet.cell(row, 10, sum(amounts))
        total += round(sum(amounts) * 100)
    sheet.merge_cells(start_row=5, start_column=1, end_row=6, end_column=1)
    sheet.cell(8, 1, "合计")
    sheet.cell(8, 10, total / 100)
    book.save(path)
    return path, total
