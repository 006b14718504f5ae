"""The Campaigns and Flights tables as exported and imported: one layout for both.

The CSV export, the workbook's "Campaigns" and "Flights" sheets and every flights
import read this one list of columns, so a file the planner exports comes back in
exactly as it went out. Rows carry the records' stable UUIDs (a re-import updates by
id, never duplicates) next to channel and segment names a colleague can read; names
plus kinds and tiers are enough to recreate channels and segments in an empty plan.

Values are plain Python: dates as :class:`datetime.date`, money as :class:`Decimal`
in major units of the plan currency (exact to the minor unit), phasing and tags as
compact JSON text, flags as bool, missing values as ``None``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from planner.domain.entities import Campaign, Channel, Flight, Segment
from planner.domain.money import to_major
from planner.storage import rows

CAMPAIGNS_SHEET = "Campaigns"
FLIGHTS_SHEET = "Flights"


@dataclass(frozen=True)
class Column:
    """One column: the key importers use, and its header in English and Chinese."""

    key: str
    en: str
    zh: str
    kind: str = "text"  # text | id | date | money | int | bool | json | percent

    def header(self, language: str = "en") -> str:
        return self.zh if language == "zh" else self.en


CAMPAIGN_COLUMNS: tuple[Column, ...] = (
    Column("id", "ID", "编号", "id"),
    Column("name", "Campaign", "活动"),
    Column("objective", "Objective", "目标"),
    Column("brand_share", "Brand share %", "品牌占比%", "percent"),
    Column("segment", "Segment", "人群"),
    Column("segment_id", "Segment ID", "人群编号", "id"),
    Column("segment_tier", "Segment tier", "人群层级"),
    Column("status", "Status", "状态"),
    Column("owner", "Owner", "负责人"),
    Column("colour", "Colour", "颜色"),
    Column("tags", "Tags", "标签", "json"),
    Column("festival_key", "Festival", "节日"),
    Column("notes", "Notes", "备注"),
)

FLIGHT_COLUMNS: tuple[Column, ...] = (
    Column("id", "ID", "编号", "id"),
    Column("campaign", "Campaign", "活动"),
    Column("campaign_id", "Campaign ID", "活动编号", "id"),
    Column("channel", "Channel", "渠道"),
    Column("channel_id", "Channel ID", "渠道编号", "id"),
    Column("channel_kind", "Channel kind", "渠道类型"),
    Column("channel_group", "Channel group", "渠道分组"),
    Column("name", "Flight", "排期"),
    Column("start", "Start", "开始日期", "date"),
    Column("end", "End", "结束日期", "date"),
    Column("budget", "Budget", "预算", "money"),
    Column("currency", "Currency", "币种"),
    Column("phasing", "Phasing", "分配方式", "json"),
    Column("unit_kind", "Unit", "计价单位"),
    Column("units", "Units", "单位数", "int"),
    Column("unit_cost", "Unit cost", "单价", "money"),
    Column("committed", "Committed", "已确认", "bool"),
    Column("booked_on", "Booked on", "预订日期", "date"),
    Column("notes", "Notes", "备注"),
)


# The flat CSV of flights repeats each flight's campaign details, so one file can
# recreate its campaigns in an empty plan; a campaign without flights gets a row of
# its own with the flight cells empty.
CAMPAIGN_DETAIL_COLUMNS: tuple[Column, ...] = (
    *(c for c in CAMPAIGN_COLUMNS if c.key not in ("id", "name", "notes")),
    Column("campaign_notes", "Campaign notes", "活动备注"),
)
CSV_COLUMNS: tuple[Column, ...] = FLIGHT_COLUMNS + CAMPAIGN_DETAIL_COLUMNS
# Campaign detail keys in the flat layout -> keys of CAMPAIGN_COLUMNS.
FLAT_TO_CAMPAIGN = {"campaign_id": "id", "campaign": "name", "campaign_notes": "notes",
                    **{c.key: c.key for c in CAMPAIGN_DETAIL_COLUMNS if c.key != "campaign_notes"}}

ACTUAL_COLUMNS: tuple[Column, ...] = (
    Column("id", "ID", "编号", "id"),
    Column("flight_id", "Flight ID", "排期编号", "id"),
    Column("channel", "Channel", "渠道"),
    Column("channel_id", "Channel ID", "渠道编号", "id"),
    Column("start", "Start", "开始日期", "date"),
    Column("end", "End", "结束日期", "date"),
    Column("spend", "Spend", "花费", "money"),
    Column("revenue", "Revenue", "营收", "money"),
    Column("impressions", "Impressions", "曝光", "int"),
    Column("clicks", "Clicks", "点击", "int"),
    Column("conversions", "Conversions", "转化", "int"),
    Column("source", "Source", "来源"),
)


def compact_json(value: Any) -> str:
    """The one spelling of JSON in a cell: sorted keys, no spaces, Chinese kept."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def headers(columns: tuple[Column, ...], language: str = "en") -> list[str]:
    return [c.header(language) for c in columns]


def _money(minor: int | None, currency: str) -> Decimal | None:
    return None if minor is None else to_major(minor, currency)


def campaign_row(campaign: Campaign, segments: dict[str, Segment]) -> list[Any]:
    segment = segments.get(campaign.segment_id or "")
    values = {
        "id": campaign.id, "name": campaign.name, "objective": campaign.objective,
        "brand_share": Decimal(campaign.brand_share_bp).scaleb(-2),
        "segment": segment.name if segment else None,
        "segment_id": segment.id if segment else None,
        "segment_tier": segment.tier if segment else None,
        "status": campaign.status, "owner": campaign.owner, "colour": campaign.colour,
        "tags": compact_json(list(campaign.tags)), "festival_key": campaign.festival_key,
        "notes": campaign.notes,
    }
    return [values[c.key] for c in CAMPAIGN_COLUMNS]


def flight_row(flight: Flight, campaigns: dict[str, Campaign], channels: dict[str, Channel],
               currency: str) -> list[Any]:
    campaign, channel = campaigns[flight.campaign_id], channels[flight.channel_id]
    values = {
        "id": flight.id, "campaign": campaign.name, "campaign_id": campaign.id,
        "channel": channel.name, "channel_id": channel.id, "channel_kind": channel.kind,
        "channel_group": channel.grp, "name": flight.name, "start": flight.start,
        "end": flight.end, "budget": _money(flight.budget_minor, currency),
        "currency": currency,
        "phasing": None if flight.phasing is None else compact_json(flight.phasing),
        "unit_kind": flight.unit_kind, "units": flight.units,
        "unit_cost": _money(flight.unit_cost_minor, currency),
        "committed": flight.committed, "booked_on": flight.booked_on, "notes": flight.notes,
    }
    return [values[c.key] for c in FLIGHT_COLUMNS]


def flat_rows(plan: Any, language: str = "en") -> tuple[list[str], list[list[Any]]]:
    """The flat flights layout of the CSV export: flight cells, then campaign details."""
    _, campaign_rows, flight_headers, flight_rows = table_rows(plan, language)
    keys = [c.key for c in CAMPAIGN_COLUMNS]
    details = {r[0]: dict(zip(keys, r, strict=True)) for r in campaign_rows}
    campaign_at = [c.key for c in FLIGHT_COLUMNS].index("campaign_id")
    used = set()
    out = []
    for row in flight_rows:
        used.add(row[campaign_at])
        out.append(row + _details(details[row[campaign_at]]))
    for campaign_id, values in details.items():
        if campaign_id not in used:
            flight = dict.fromkeys((c.key for c in FLIGHT_COLUMNS), None)
            flight.update(campaign=values["name"], campaign_id=campaign_id)
            out.append([flight[c.key] for c in FLIGHT_COLUMNS] + _details(values))
    return flight_headers + headers(CAMPAIGN_DETAIL_COLUMNS, language), out


def _details(campaign: dict[str, Any]) -> list[Any]:
    return [campaign[FLAT_TO_CAMPAIGN[c.key]] for c in CAMPAIGN_DETAIL_COLUMNS]


def table_rows(plan: Any, language: str = "en",
               ) -> tuple[list[str], list[list[Any]], list[str], list[list[Any]]]:
    """(campaign headers, campaign rows, flight headers, flight rows), in plan order.

    :param language: ``"en"`` or ``"zh"`` for the header names; values are the same.
    """
    currency = rows.read_settings(plan.db).currency
    segments = {s.id: s for s in rows.all_of(plan.db, Segment)}
    channels = {c.id: c for c in rows.all_of(plan.db, Channel)}
    campaigns = rows.all_of(plan.db, Campaign)
    by_id = {c.id: c for c in campaigns}
    campaign_rows = [campaign_row(c, segments) for c in campaigns]
    flight_rows = [flight_row(f, by_id, channels, currency)
                   for f in rows.all_of(plan.db, Flight)]
    return (headers(CAMPAIGN_COLUMNS, language), campaign_rows,
            headers(FLIGHT_COLUMNS, language), flight_rows)
