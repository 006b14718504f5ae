"""Which platform wrote a file, and where its header is, told from the content alone.

A layout is a vocabulary: header names (after full-width folding, case folding and
dropping a bracketed unit) mapped to the fields an actual needs, plus marker words
that platforms print above the header. The header is the line among the first ones
that names the most fields, and must name a date (or a reporting start), a campaign
and the spend; the platform is the one whose markers appear above it, else the one
whose own header words it uses most. File names are never looked at.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from planner.io.platforms.values import normalise

HEADER_SEARCH_LINES = 40

# field -> header names, shared by every layout (a platform's own words are below)
FIELDS: dict[str, tuple[str, ...]] = {
    "date": ("day", "date", "日期", "时间", "日期/时间", "统计日期", "数据日期"),
    "start": ("reporting starts", "开始日期", "start date"),
    "end": ("reporting ends", "结束日期", "end date"),
    "campaign": ("campaign", "campaign name", "计划名称", "计划名字", "广告计划名称", "广告计划",
                 "推广计划", "推广计划名称", "计划", "广告名称"),
    "campaign_id": ("campaign id", "计划id", "广告计划id", "推广计划id", "计划 id", "广告id"),
    "account_id": ("account id", "customer id", "账户id", "广告主id", "账号id"),
    "account": ("account", "account name", "账户", "账户名称", "广告主", "广告主名称", "账号"),
    "spend": ("cost", "amount spent", "spend", "消耗", "花费", "消费", "总花费", "实际消耗"),
    "impressions": ("impr.", "impressions", "展示数", "展示", "展现", "展现量", "曝光量", "曝光",
                    "展示量"),
    "clicks": ("clicks", "link clicks", "点击数", "点击", "点击量"),
    "conversions": ("conversions", "results", "转化数", "转化量", "转化", "目标转化量",
                    "成交笔数", "总成交笔数"),
    "revenue": ("conv. value", "all conv. value", "purchases conversion value",
                "conversion value", "成交金额", "总成交金额", "转化金额", "gmv"),
    "currency": ("currency", "currency code", "币种", "货币"),
}
REQUIRED = (("date", "start"), ("campaign", "campaign_id"), ("spend",))


@dataclass(frozen=True)
class Platform:
    key: str
    name: str
    markers: tuple[str, ...]  # words printed above the header
    words: tuple[str, ...]  # header names only this platform uses
    month_first: bool  # how it writes x/y/year dates, when a column cannot tell


PLATFORMS = (
    Platform("google_ads", "Google Ads", ("google ads",),
             ("impr.", "conv. value", "currency code", "customer id", "campaign state",
              "cost / conv.", "all conv. value"), True),
    Platform("meta", "Meta Ads Manager", ("meta ads", "facebook ads"),
             ("amount spent", "reporting starts", "reporting ends", "link clicks", "results",
              "purchases conversion value", "campaign name"), True),
    Platform("ocean_engine", "巨量引擎 Ocean Engine", ("巨量引擎", "巨量广告", "oceanengine",
                                                      "穿山甲"),
             ("广告主id", "广告主名称", "消耗", "展示数", "广告计划id", "广告计划名称"), False),
    Platform("alimama", "阿里妈妈 Alimama", ("阿里妈妈", "万相台", "直通车", "alimama"),
             ("展现量", "总成交金额", "总成交笔数", "计划名字", "花费"), False),
    Platform("tencent_ads", "腾讯广告 Tencent Ads", ("腾讯广告", "广点通", "tencent"),
             ("曝光量", "目标转化量", "账户id", "推广计划名称", "花费"), False),
    Platform("baidu", "百度营销 Baidu", ("百度", "baidu", "凤巢"),
             ("推广计划", "推广计划id", "消费", "展现", "账户"), False),
)
UNKNOWN = Platform("cn_report", "platform report (not named in the file)", (), (), False)
_BRACKETED = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")
_ALIASES = {name: field for field, names in FIELDS.items() for name in names}


@dataclass(frozen=True)
class Layout:
    """A table found in a grid: header line, field -> column index, platform."""

    platform: Platform
    header_index: int  # index into grid.lines
    columns: dict[str, int]
    header: list[Any]
    preamble: list[str]  # the lines above the header, as text


def header_name(cell: Any) -> str:
    """"消耗（元）" and "Amount spent (CNY)" -> "消耗", "amount spent"."""
    return _BRACKETED.sub("", normalise(cell)).casefold().strip() if cell is not None else ""


def match_fields(header: Sequence[Any]) -> dict[str, int]:
    """Field -> first column whose header names it."""
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        field = _ALIASES.get(header_name(cell))
        if field is not None and field not in found:
            found[field] = index
    return found


def find_layout(lines: list[tuple[int, list[Any]]]) -> Layout | None:
    """The best header among the first lines, or None when no line has the fields."""
    best: tuple[int, int, dict[str, int]] | None = None
    for index, (_, cells) in enumerate(lines[:HEADER_SEARCH_LINES]):
        columns = match_fields(cells)
        if not all(any(f in columns for f in group) for group in REQUIRED):
            continue
        if best is None or len(columns) > best[0]:
            best = (len(columns), index, columns)
    if best is None:
        return None
    _, index, columns = best
    header = lines[index][1]
    preamble = [" ".join(str(c) for c in cells if c is not None) for _, cells in lines[:index]]
    return Layout(_platform(preamble, header), index, columns, header, preamble)


def _platform(preamble: list[str], header: list[Any]) -> Platform:
    text = normalise(" ".join(preamble)).casefold()
    for platform in PLATFORMS:
        if any(marker in text for marker in platform.markers):
            return platform
    names = {header_name(c) for c in header}
    scores = [(len(names & set(p.words)), p) for p in PLATFORMS]
    top = max(score for score, _ in scores)
    leaders = [p for score, p in scores if score == top]
    return leaders[0] if top and len(leaders) == 1 else UNKNOWN
