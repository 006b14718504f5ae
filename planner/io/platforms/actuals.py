"""Matched platform rows to actuals records, keyed so a re-import updates, never adds.

The key of a platform actual is its platform, account, campaign and dates. It lives
in the actuals' existing `source` column as "platform | account | id | campaign
name" (no schema change: the column says where an actual came from, and this says
it exactly; a plain import keeps writing a file name there). A row finds the
actual it updates by platform, account, campaign id and dates, or, when its id is
missing or destroyed, by campaign name, so an export whose ids Excel rounded still
updates what an intact one wrote (and keeps the id it recorded). The flight and
channel are not part of the key: a changed rule moves the same actual.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from planner.io.import_actuals import FIELDS, ActualsImport
from planner.io.import_report import ImportReport
from planner.io.platforms.overlaps import Span, refuse_overlaps
from planner.io.platforms.rows import PlatformRow
from planner.io.platforms.rules import Matcher

SEPARATOR = " | "
_NO_ID = "-"
_METRICS = ("revenue_minor", "impressions", "clicks", "conversions")
_START, _END, _SOURCE = (FIELDS.index(f) for f in ("start", "end", "source"))
_VERSION_4 = bytes(b & 0x0F | 0x40 for b in range(256))
_VARIANT = bytes(b & 0x3F | 0x80 for b in range(256))
_UUID_GROUPS = re.compile("(.{8})(.{4})(.{4})(.{4})(.{12})")


def source_key(platform: str, row: PlatformRow) -> str:
    account = (row.account or _NO_ID).replace("|", "/")
    return SEPARATOR.join((platform, account, row.campaign_id or _NO_ID, row.campaign))


def _parts(source: str) -> tuple[str, str, str, str] | None:
    parts = source.split(SEPARATOR, 3)
    return (parts[0], parts[1], parts[2], parts[3]) if len(parts) == 4 else None


@dataclass
class Unmatched:
    """A row no rule matched: listed in the report, never silently dropped."""

    number: int
    sheet: str | None
    campaign: str
    campaign_id: str | None
    spend_minor: int


@dataclass
class Matched:
    planned: ActualsImport
    matched_rows: int = 0
    merged_rows: int = 0
    unmatched: list[Unmatched] = field(default_factory=list)
    spend_minor: int = 0  # of the matched rows


class _Existing:
    """The plan's platform actuals (as tuples of FIELDS), by id-key and by name-key."""

    def __init__(self, plan: Any, platform: str) -> None:
        self.by_id: dict[tuple, tuple] = {}
        self.by_name: dict[tuple, tuple] = {}
        self.records: list[tuple] = []
        self.wide = False  # some actual spans more than a day
        columns = ", ".join(f'"{f}"' for f in FIELDS)
        for record in plan.db.execute(f"SELECT {columns} FROM actuals WHERE source LIKE ?",
                                      [platform + SEPARATOR + "%"]):
            parts = _parts(record[_SOURCE])
            if parts is None:
                continue
            _, account, ident, name = parts
            dates = (record[_START], record[_END])
            if ident != _NO_ID:
                self.by_id[(account, ident, *dates)] = record
            self.by_name.setdefault((account, name, *dates), record)
            self.records.append(record)
            self.wide = self.wide or dates[0] != dates[1]

    def __bool__(self) -> bool:
        return bool(self.by_name)

    def spans(self) -> list[Span]:
        out = []
        for record in self.records:
            _, account, ident, name = _parts(record[_SOURCE])  # type: ignore[misc]
            out.append(Span(account, None if ident == _NO_ID else ident, name, record[_START],
                            record[_END], None))
        return out

    def find(self, row: PlatformRow, account: str, dates: tuple[str, str]) -> tuple | None:
        if row.campaign_id:
            found = self.by_id.get((account, row.campaign_id, *dates))
            if found:
                return found
        found = self.by_name.get((account, row.campaign, *dates))
        if found and row.campaign_id and _parts(found[_SOURCE])[2] not in (_NO_ID,
                                                                             row.campaign_id):
            return None  # same name, another campaign
        return found


def _combined(rows: Iterable[PlatformRow], platform: str) -> tuple[dict[tuple, PlatformRow], int]:
    """Rows of one key added together (an export broken down by ad group or device),
    by (source key, start, end); each campaign's source key is made once."""
    out: dict[tuple, PlatformRow] = {}
    sources: dict[tuple, str] = {}
    copied: set[tuple] = set()  # the file's own rows are never changed
    merged = 0
    for row in rows:
        campaign = (row.account, row.campaign_id, row.campaign)
        source = sources.get(campaign)
        if source is None:
            source = sources[campaign] = source_key(platform, row)
        key = (source, row.start, row.end)
        first = out.get(key)
        if first is None:
            out[key] = row
            continue
        merged += 1
        if key not in copied:
            copied.add(key)
            out[key] = first = copy.copy(first)
        first.spend_minor += row.spend_minor
        for name in _METRICS:
            a, b = getattr(first, name), getattr(row, name)
            setattr(first, name, None if a is None and b is None else (a or 0) + (b or 0))
    return out, merged


def new_ids(count: int) -> list[str]:
    """`count` fresh ids, as :func:`planner.domain.entities.new_id` makes them (random
    UUIDs, version 4), made together: a 100,000-row export needs as many."""
    raw = bytearray(os.urandom(16 * count))
    raw[6::16] = raw[6::16].translate(_VERSION_4)
    raw[8::16] = raw[8::16].translate(_VARIANT)
    return list(map("-".join, _UUID_GROUPS.findall(raw.hex())))


def plan_platform_actuals(plan: Any, platform: str, rows: list[PlatformRow],
                          matcher: Matcher, report: ImportReport,
                          date_column: str | None = None) -> Matched:
    """-> the actuals to insert and update, the unmatched rows, and counts; a matched
    row whose days overlap another span of its campaign is a problem (see
    :mod:`.overlaps`), located in `date_column`."""
    combined, merged = _combined(rows, platform)
    existing = _Existing(plan, platform)
    out = Matched(ActualsImport(), merged_rows=merged)
    ids = iter(new_ids(len(combined)))
    new, changed = out.planned.new, out.planned.changed
    days: dict[dt.date, str] = {}  # each date written once, not once per row
    kept: list[tuple[str, PlatformRow, tuple[str, str]]] = []
    accounts: dict[str, str] = {}
    for (source, start, end), row in combined.items():
        match = matcher.match(platform, row.campaign_id, row.campaign, start)
        if match is None:
            out.unmatched.append(Unmatched(row.number, row.sheet, row.campaign, row.campaign_id,
                                           row.spend_minor))
            continue
        out.matched_rows += 1
        out.spend_minor += row.spend_minor
        dates = (days.get(start) or days.setdefault(start, start.isoformat()),
                 days.get(end) or days.setdefault(end, end.isoformat()))
        kept.append((source, row, dates))
        before = None
        if existing:
            account = accounts.get(source) or accounts.setdefault(source, _parts(source)[1])
            before = existing.find(row, account, dates)
        if before is not None and row.campaign_id is None:
            source = before[_SOURCE]  # keep an id an intact export recorded
        if before is None:
            new.append({"id": next(ids), "flight_id": match.flight_id,
                        "channel_id": match.channel_id, "start": dates[0], "end": dates[1],
                        "spend_minor": row.spend_minor, "revenue_minor": row.revenue_minor,
                        "impressions": row.impressions, "clicks": row.clicks,
                        "conversions": row.conversions, "source": source})
            continue
        fields = (before[0], match.flight_id, match.channel_id, *dates, row.spend_minor,
                  row.revenue_minor, row.impressions, row.clicks, row.conversions, source)
        if before != fields:
            changed.append(dict(zip(FIELDS, fields, strict=True)))
        else:
            report.unchanged += 1
    if existing.wide or any(start != end for _, row, (start, end) in kept):
        spans = [Span(_parts(source)[1], row.campaign_id, row.campaign, *dates, row)
                 for source, row, dates in kept]
        refuse_overlaps(spans + existing.spans(), report, date_column)
    return out
