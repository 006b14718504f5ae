"""Flights and campaigns in the export's own columns: checked whole, written whole.

The file is matched to the plan by id first (a re-import of an export updates its
records, never duplicates them), then by name. Channels, segments and campaigns the
plan lacks are created from the names, kinds and tiers the export writes, so an
export imported into an empty plan reproduces it. Every row is checked before
anything is written; one problem anywhere means nothing is written.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from planner.domain import validate
from planner.domain.entities import (
    CHANNEL_KINDS,
    Campaign,
    Channel,
    Flight,
    Segment,
    new_id,
)
from planner.domain.field_names import field_name
from planner.errors import ValidationError
from planner.i18n import QT_TRANSLATE_NOOP
from planner.io.columns import (
    CAMPAIGN_COLUMNS,
    CAMPAIGNS_SHEET,
    CSV_COLUMNS,
    FLAT_TO_CAMPAIGN,
    FLIGHTS_SHEET,
)
from planner.io.import_report import ImportReport
from planner.io.sheet_rows import Row, RowReader
from planner.io.tabular_read import Table
from planner.storage import rows

_SHARE_BY_OBJECTIVE = {"brand": 10000, "promotion": 0, "mixed": 5000}
_SHEET_NAMES = {CAMPAIGNS_SHEET.casefold(): "campaigns", "活动": "campaigns",
                FLIGHTS_SHEET.casefold(): "flights", "排期": "flights"}
# validate.py's field names -> our column keys, to locate a rule's failure.
_FIELD_COLUMN = {"end": "end", "budget": "budget", "phasing": "phasing", "unit_kind": "unit_kind",
                 "units": "units", "unit_cost": "unit_cost", "name": "name",
                 "objective": "objective", "status": "status", "colour": "colour",
                 "brand_share": "brand_share", "kind": "channel_kind", "tier": "segment_tier"}


@dataclass
class _Spec:
    """A campaign as one row describes it: parsed values by CAMPAIGN_COLUMNS key."""

    reader: RowReader
    row: Row
    values: dict[str, Any]


@dataclass
class FlightImport:
    """What the import would write: new and changed records, in writing order."""

    new: list[Any] = field(default_factory=list)
    changed: list[Any] = field(default_factory=list)


class _Planner:
    """Resolves rows against the plan and the file, collecting problems."""

    def __init__(self, plan: Any, report: ImportReport) -> None:
        self.report = report
        self.settings = rows.read_settings(plan.db)
        self.segments = {s.id: s for s in rows.all_of(plan.db, Segment)}
        self.channels = {c.id: c for c in rows.all_of(plan.db, Channel)}
        self.campaigns = {c.id: c for c in rows.all_of(plan.db, Campaign)}
        self.flights = {f.id: f for f in rows.all_of(plan.db, Flight)}
        self.out = FlightImport()
        self._original = {**self.segments, **self.channels, **self.campaigns, **self.flights}
        self._next_order = max((c.sort_order for c in self.channels.values()), default=-1) + 1

    # -- lookups ------------------------------------------------------------------------
    @staticmethod
    def _find(records: dict[str, Any], record_id: str | None, name: str) -> Any:
        if record_id and record_id in records:
            return records[record_id]
        if name:
            return next((r for r in records.values() if r.name == name), None)
        return None

    def segment(self, spec: _Spec) -> tuple[bool, str | None]:
        sid, name = spec.values.get("segment_id"), spec.values.get("segment") or ""
        if not sid and not name:
            return True, None
        found = self._find(self.segments, sid, name)
        if found is not None:
            return True, found.id
        tier = (spec.values.get("segment_tier") or "").strip()
        if not tier:
            spec.reader.problem(spec.row, "segment", "unknown segment; give its tier "
                                "(high, potential, low) to create it")
            return False, None
        made = Segment(id=sid or new_id(), name=name or sid or "", tier=tier,
                       sort_order=len(self.segments))
        if not self._checked(made, spec.reader, spec.row):
            return False, None
        self.segments[made.id] = made
        return True, made.id

    def channel(self, reader: RowReader, row: Row) -> str | None:
        cid, name = row.values.get("channel_id"), row.values.get("channel") or ""
        if not cid and not name:
            reader.problem(row, "channel", "no channel given")
            return None
        found = self._find(self.channels, cid, name)
        if found is not None:
            return found.id
        kind = (row.values.get("channel_kind") or "").strip()
        if not kind:
            reader.problem(row, "channel", "unknown channel; add its kind in a “Channel kind” "
                           f"column ({', '.join(CHANNEL_KINDS)}) to create it")
            return None
        made = Channel(id=cid or new_id(), name=name or cid or "", kind=kind,
                       grp=row.values.get("channel_group") or "", sort_order=self._next_order)
        if not self._checked(made, reader, row):
            return None
        self._next_order += 1
        self.channels[made.id] = made
        return made.id

    # -- campaigns ----------------------------------------------------------------------
    def campaigns_from(self, specs: list[_Spec]) -> dict[tuple[str, str], str]:
        """Build every campaign the specs describe; -> (id or "", name) -> campaign id."""
        merged: dict[str, _Spec] = {}
        for spec in specs:
            key = spec.values.get("id") or f"name:{spec.values.get('name', '')}"
            first = merged.get(key)
            if first is None:
                merged[key] = spec
                continue
            for name, value in spec.values.items():
                if name not in first.values:
                    first.values[name] = value
                elif first.values[name] != value:
                    spec.reader.problem(spec.row, _flat_key(spec.reader, name),
                                        f"disagrees with row {first.row.number} about this "
                                        "campaign")
        resolved: dict[tuple[str, str], str] = {}
        for spec in merged.values():
            campaign_id = self._campaign(spec)
            if campaign_id is not None:
                resolved[(spec.values.get("id") or "", spec.values.get("name") or "")] = \
                    campaign_id
        return resolved

    def _campaign(self, spec: _Spec) -> str | None:
        v = spec.values
        cid, name = v.get("id"), v.get("name") or ""
        if not cid and not name:
            spec.reader.problem(spec.row, _flat_key(spec.reader, "name"), "no campaign given")
            return None
        base = self._find(self.campaigns, cid, name)
        if base is None:
            base = Campaign(id=cid or new_id(), name=name, objective="promotion",
                            brand_share_bp=0)
        changes: dict[str, Any] = {}
        given = set(v)  # columns the file has whose cells could be read
        for key in ("name", "objective", "status", "owner", "colour", "notes"):
            if key in given:
                changes[key] = v[key].strip() if key in ("objective", "status") else v[key]
        if "brand_share" in given:
            changes["brand_share_bp"] = v["brand_share"]
        elif "objective" in given and changes["objective"] != base.objective:
            changes["brand_share_bp"] = _SHARE_BY_OBJECTIVE.get(changes["objective"], 0)
        if "tags" in given:
            tags = v["tags"]
            if not all(isinstance(t, str) for t in tags):
                spec.reader.problem(spec.row, _flat_key(spec.reader, "tags"),
                                    "must be a JSON list of texts")
                return None
            changes["tags"] = tuple(tags)
        if "festival_key" in given:
            changes["festival_key"] = v["festival_key"] or None
        if {"segment", "segment_id"} & given:
            ok, segment_id = self.segment(spec)
            if not ok:
                return None
            changes["segment_id"] = segment_id
        campaign = dataclasses.replace(base, **changes)
        if not self._checked(campaign, spec.reader, spec.row):
            return None
        self.campaigns[campaign.id] = campaign
        return campaign.id

    # -- flights ------------------------------------------------------------------------
    def flight(self, reader: RowReader, row: Row, campaign_id: str | None,
               seen: dict[str, int]) -> None:
        v = row.values
        fid = v.get("id")
        if fid:
            if fid in seen:
                reader.problem(row, "id", f"repeats the flight of row {seen[fid]}")
                return
            seen[fid] = row.number
        base = self.flights.get(fid or "")
        channel_id = self.channel(reader, row) if base is None or reader.has("channel") \
            or reader.has("channel_id") else base.channel_id
        missing = [k for k in ("start", "end", "budget") if base is None and v.get(k) is None]
        for key in missing:
            if not reader.has(key):
                reader.problem(row, None, f"a new flight needs a “{reader.header(key)}” column")
            elif not row.given(key):
                reader.problem(row, key, "is empty")  # an unreadable cell is reported already
        if missing or channel_id is None or campaign_id is None:
            return
        changes: dict[str, Any] = {"campaign_id": campaign_id, "channel_id": channel_id}
        for key, target in (("start", "start"), ("end", "end"), ("budget", "budget_minor"),
                            ("phasing", "phasing"), ("units", "units"),
                            ("unit_cost", "unit_cost_minor"), ("booked_on", "booked_on")):
            if reader.has(key) and key in v:
                changes[target] = v[key]
        for key in ("name", "notes"):
            if reader.has(key):
                changes[key] = v[key]
        if reader.has("unit_kind"):
            changes["unit_kind"] = v["unit_kind"].strip() or None
        if reader.has("committed") and "committed" in v:
            changes["committed"] = bool(v["committed"])
        if row.given("currency") and v["currency"].strip().upper() != self.settings.currency:
            reader.problem(row, "currency", f"the plan is in {self.settings.currency}; "
                           "amounts in other currencies are not converted")
            return
        if base is None:
            base = Flight(id=fid or new_id(), campaign_id=campaign_id, channel_id=channel_id,
                          start=v["start"], end=v["end"], budget_minor=v["budget"])
        flight = dataclasses.replace(base, **changes)
        horizon = self.settings.horizon
        if flight.start < horizon.start or flight.start > horizon.end:
            reader.problem(row, "start", f"is outside the plan's horizon {horizon.start} to "
                           f"{horizon.end}")
            return
        if flight.end > horizon.end and flight.end >= flight.start:
            reader.problem(row, "end", f"is outside the plan's horizon {horizon.start} to "
                           f"{horizon.end}")
            return
        if self._checked(flight, reader, row):
            self.flights[flight.id] = flight

    # -- checks and results -------------------------------------------------------------
    def _checked(self, record: Any, reader: RowReader, row: Row) -> bool:
        try:
            validate.check(record)
        except ValidationError as exc:
            key = _FIELD_COLUMN.get(exc.field.rsplit(".", 1)[-1])
            if isinstance(record, Campaign) and key:
                key = _flat_key(reader, key)
            reader.problem(row, key if key and reader.has(key) else None,
                           QT_TRANSLATE_NOOP("import", "{field} {reason}").format(
                               field=field_name(exc.field), reason=exc.reason))
            return False
        return True

    def result(self) -> FlightImport:
        for records in (self.segments, self.channels, self.campaigns, self.flights):
            for record in records.values():
                before = self._original.get(record.id)
                if before is None:
                    self.out.new.append(record)
                elif before != record:
                    self.out.changed.append(record)
                else:
                    self.report.unchanged += 1
        return self.out


def _flat_key(reader: RowReader, key: str) -> str:
    """A campaign key as the reader's layout names it (flat flights or Campaigns)."""
    if reader.columns is CAMPAIGN_COLUMNS:
        return key
    return next((flat for flat, own in FLAT_TO_CAMPAIGN.items() if own == key), key)


def _pick(tables: list[Table], report: ImportReport) -> tuple[Table | None, Table | None]:
    named = {_SHEET_NAMES.get((t.sheet or "").strip().casefold()): t for t in tables}
    flights = named.get("flights") or (tables[0] if len(tables) == 1 else None)
    if flights is None:
        report.problem(f"has no sheet named “{FLIGHTS_SHEET}” (排期)")
    return flights, named.get("campaigns")


def plan_flight_import(plan: Any, tables: list[Table], report: ImportReport) -> FlightImport:
    """Check the file against the plan; -> the records to write (problems in `report`)."""
    flights_table, campaigns_table = _pick(tables, report)
    if flights_table is None:
        return FlightImport()
    currency = rows.read_settings(plan.db).currency
    planner = _Planner(plan, report)
    specs: list[_Spec] = []
    if campaigns_table is not None:
        reader = RowReader(campaigns_table, CAMPAIGN_COLUMNS, report, currency)
        if reader.require(("id", "name")):
            specs += [_Spec(reader, row, dict(row.values)) for row in reader.rows()]
    reader = RowReader(flights_table, CSV_COLUMNS, report, currency)
    if not reader.require(("campaign", "campaign_id"), ("channel", "channel_id")) \
            or not flights_table.rows:
        if not flights_table.rows:
            report.problem("has no data rows", sheet=flights_table.sheet)
        return FlightImport()
    flight_rows = list(reader.rows())
    for row in flight_rows:
        values = {FLAT_TO_CAMPAIGN[k]: v for k, v in row.values.items() if k in FLAT_TO_CAMPAIGN}
        specs.append(_Spec(reader, row, values))
    campaign_ids = planner.campaigns_from(specs)
    seen: dict[str, int] = {}
    for row in flight_rows:
        if not any(row.given(k) for k in ("id", "start", "end", "budget", "channel",
                                          "channel_id")):
            continue  # a campaign without flights
        key = (row.values.get("campaign_id") or "", row.values.get("campaign") or "")
        planner.flight(reader, row, campaign_ids.get(key), seen)
    return planner.result()
