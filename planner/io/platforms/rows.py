"""One row of spend a platform reported, whatever the layout it came in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

TOTAL_WORDS = ("total", "合计", "小计", "总计", "汇总", "总和", "grand total")
GRAND_TOTALS = ("total", "合计", "总计", "汇总", "grand total", "total: account")


@dataclass(slots=True)  # a 100,000-row export makes as many: no __dict__ each
class PlatformRow:
    """Spend of one platform campaign over one day (or week, from a flowchart).

    `campaign_id` is None when the file has no id or Excel destroyed it; the row is
    then known by its campaign name alone.
    """

    number: int
    sheet: str | None
    start: dt.date
    end: dt.date
    account: str
    campaign: str
    campaign_id: str | None
    spend_minor: int
    revenue_minor: int | None = None
    impressions: int | None = None
    clicks: int | None = None
    conversions: int | None = None


@dataclass
class ReadFile:
    """What a layout reader got from a file: rows, the platform and the units used."""

    platform: str
    platform_name: str
    units: list[str]
    rows: list[PlatformRow]
    file_total_minor: int | None = None  # the file's own grand total, when it has one
    date_column: str | None = None  # the header of the rows' date (or start) column


def is_total(label: object) -> bool:
    text = str(label).strip().casefold() if label is not None else ""
    return any(text.startswith(word) for word in TOTAL_WORDS)


def is_grand_total(label: object) -> bool:
    text = " ".join(str(label).split()).casefold().rstrip(":：") if label is not None else ""
    return text in GRAND_TOTALS
