"""The plan's records as frozen values, with the vocabularies they draw from.

Entities carry stable UUID ids made at creation (never row numbers), so exports,
re-imports and merges of offline copies can match records one to one.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

OBJECTIVES = ("brand", "promotion", "mixed")
STATUSES = ("draft", "approved", "live", "done")
TIERS = ("high", "potential", "low")
EVENT_KINDS = ("festival", "holiday", "blackout", "custom")
KPI_CATEGORIES = ("brand", "user", "sales", "cost")
KPI_CYCLES = ("daily", "weekly", "monthly", "total")
GOALS = ("brand", "promotion")
CHANNEL_KINDS = (
    "web_shop", "app", "social", "short_video", "live_stream", "search", "kol", "crm",
    "offline", "display", "other",
)
# Media units a flight can be bought in, with what one unit is.
UNIT_KINDS = {
    "cpm": "1,000 impressions",
    "cpc": "click",
    "cpa": "acquisition",
    "live_session": "live-stream session",
    "kol_post_top": "post by a top-tier KOL",
    "kol_post_mid": "post by a mid-tier KOL",
    "kol_post_micro": "post by a micro KOL",
    "push": "push or message send",
    "day": "day of placement",
}


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class DateSpan:
    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def overlaps(self, other: DateSpan) -> bool:
        return self.start <= other.end and other.start <= self.end


@dataclass(frozen=True)
class PlanSettings:
    name: str = "Untitled plan"
    currency: str = "CNY"
    horizon_start: dt.date = dt.date(2026, 1, 1)
    horizon_end: dt.date = dt.date(2026, 12, 31)
    calendar: dict = field(default_factory=lambda: {"kind": "iso"})
    total_budget_minor: int = 0
    brand_share_min_bp: int = 3500
    brand_share_max_bp: int = 4500
    brand_share_target_bp: int = 4000
    backup_keep: int = 10

    @property
    def horizon(self) -> DateSpan:
        return DateSpan(self.horizon_start, self.horizon_end)


@dataclass(frozen=True)
class Channel:
    id: str
    name: str
    kind: str
    grp: str = ""
    colour: str = "#4e79a7"
    min_spend_minor: int = 0
    max_spend_minor: int | None = None
    sort_order: int = 0
    notes: str = ""


@dataclass(frozen=True)
class Segment:
    id: str
    name: str
    tier: str
    description: str = ""
    customers: int | None = None
    sort_order: int = 0


@dataclass(frozen=True)
class Campaign:
    id: str
    name: str
    objective: str
    brand_share_bp: int
    segment_id: str | None = None
    status: str = "draft"
    owner: str = ""
    colour: str = "#59a14f"
    tags: tuple[str, ...] = ()
    notes: str = ""
    festival_key: str | None = None


@dataclass(frozen=True)
class KpiTarget:
    id: str
    campaign_id: str
    category: str
    metric: str
    target: float
    unit: str = ""
    cycle: str = "total"


@dataclass(frozen=True)
class Flight:
    id: str
    campaign_id: str
    channel_id: str
    start: dt.date
    end: dt.date
    budget_minor: int
    phasing: dict | None = None
    name: str = ""
    notes: str = ""
    unit_kind: str | None = None
    units: int | None = None
    unit_cost_minor: int | None = None
    committed: bool = False
    booked_on: dt.date | None = None

    @property
    def span(self) -> DateSpan:
        return DateSpan(self.start, self.end)


@dataclass(frozen=True)
class Event:
    id: str
    kind: str
    name: str
    start: dt.date
    end: dt.date
    festival_key: str | None = None
    phase: str | None = None
    booking_deadline: dt.date | None = None
    channel_id: str | None = None
    notes: str = ""


@dataclass(frozen=True)
class Placeholder:
    id: str
    channel_id: str
    start: dt.date
    end: dt.date
    amount_minor: int
    goal: str | None = None
    notes: str = ""
