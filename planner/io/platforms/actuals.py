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

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from planner.domain.entities import new_id
from planner.io.import_actuals import FIELDS, ActualsImport
from planner.io.import_report import ImportReport
from planner.io.platforms.rows import PlatformRow
from planner.io.platforms.rules import Matcher

SEPARATOR = " | "
_NO_ID = "-"
_METRICS = ("revenue_minor", "impressions", "clicks", "conversions")


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
    """The plan's platform actuals, by id-key and by name-key."""

    def __init__(self, plan: Any, platform: str) -> None:
        self.by_id: dict[tuple, dict] = {}
        self.by_name: dict[tuple, dict] = {}
        for record in plan.db.query("SELECT * FROM actuals WHERE source LIKE ?",
                                    [platform + SEPARATOR + "%"]):
            parts = _parts(record["source"])
            if parts is None:
                continue
            _, account, ident, name = parts
            dates = (record["start"], record["end"])
            if ident != _NO_ID:
                self.by_id[(account, ident, *dates)] = record
            self.by_name.setdefault((account, name, *dates), record)

    def find(self, row: PlatformRow, account: str, dates: tuple[str, str]) -> dict | None:
        if row.campaign_id:
            found = self.by_id.get((account, row.campaign_id, *dates))
            if found:
                return found
        found = self.by_name.get((account, row.campaign, *dates))
        if found and row.campaign_id and _parts(found["source"])[2] not in (_NO_ID,
                                                                             row.campaign_id):
            return None  # same name, another campaign
        return found


def _combined(rows: Iterable[PlatformRow], platform: str) -> tuple[dict[tuple, PlatformRow], int]:
    """Rows of one key added together (an export broken down by ad group or device)."""
    out: dict[tuple, PlatformRow] = {}
    merged = 0
    for row in rows:
        key = (source_key(platform, row), row.start, row.end)
        first = out.get(key)
        if first is None:
            out[key] = PlatformRow(**vars(row))
            continue
        merged += 1
        first.spend_minor += row.spend_minor
        for name in ("revenue_minor", "impressions", "clicks", "conversions"):
            a, b = getattr(first, name), getattr(row, name)
            setattr(first, name, None if a is None and b is None else (a or 0) + (b or 0))
    return out, merged


def plan_platform_actuals(plan: Any, platform: str, rows: list[PlatformRow],
                          matcher: Matcher, report: ImportReport) -> Matched:
    """-> the actuals to insert and update, the unmatched rows, and counts."""
    combined, merged = _combined(rows, platform)
    existing = _Existing(plan, platform)
    out = Matched(ActualsImport(), merged_rows=merged)
    for (source, _, _), row in combined.items():
        match = matcher.match(platform, row.campaign_id, row.campaign, row.start)
        if match is None:
            out.unmatched.append(Unmatched(row.number, row.sheet, row.campaign, row.campaign_id,
                                           row.spend_minor))
            continue
        out.matched_rows += 1
        out.spend_minor += row.spend_minor
        dates = (row.start.isoformat(), row.end.isoformat())
        before = existing.find(row, _parts(source)[1], dates)
        if before is not None and row.campaign_id is None:
            source = before["source"]  # keep an id an intact export recorded
        record = {"id": before["id"] if before else new_id(), "flight_id": match.flight_id,
                  "channel_id": match.channel_id, "start": dates[0], "end": dates[1],
                  "spend_minor": row.spend_minor, "source": source,
                  **{name: getattr(row, name) for name in _METRICS}}
        if before is None:
            out.planned.new.append(record)
        elif any(before[f] != record[f] for f in FIELDS):
            out.planned.changed.append(record)
        else:
            report.unchanged += 1
    return out
