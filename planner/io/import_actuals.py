"""Actual spend and results, per flight or per channel and period.

A row names a flight (by its id) or a channel (by id or name); the plan must already
have it, since actuals report on what was planned. A row is matched to an existing
actual by its id, else by (flight, channel, start, end), so importing the same
agency report twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from planner.domain.entities import new_id
from planner.io.columns import ACTUAL_COLUMNS
from planner.io.import_report import ImportReport
from planner.io.sheet_rows import Row, RowReader
from planner.io.tabular_read import Table
from planner.storage import bulk, rows

FIELDS = ("id", "flight_id", "channel_id", "start", "end", "spend_minor", "revenue_minor",
          "impressions", "clicks", "conversions", "source")
_OPTIONAL = {"revenue": "revenue_minor", "impressions": "impressions", "clicks": "clicks",
             "conversions": "conversions"}


@dataclass
class ActualsImport:
    new: list[dict[str, Any]] = field(default_factory=list)
    changed: list[dict[str, Any]] = field(default_factory=list)


def _existing(plan: Any) -> tuple[dict[str, dict], dict[tuple, str]]:
    by_id = {r["id"]: r for r in plan.db.query("SELECT * FROM actuals")}
    by_key = {(r["flight_id"], r["channel_id"], r["start"], r["end"]): i
              for i, r in by_id.items()}
    return by_id, by_key


def _channel(reader: RowReader, row: Row, channels: dict[str, str], names: dict[str, str],
             flight_channel: str | None) -> str | None:
    cid, name = row.values.get("channel_id"), (row.values.get("channel") or "")
    chosen = cid if cid in channels else names.get(name) if name else None
    if (cid or name) and chosen is None:
        reader.problem(row, "channel_id" if cid else "channel", "unknown channel")
        return None
    if flight_channel and chosen and chosen != flight_channel:
        reader.problem(row, "channel" if name else "channel_id",
                       "is not the channel of the flight named in this row")
        return None
    if not (chosen or flight_channel):
        reader.problem(row, None, "names neither a flight nor a channel")
    return chosen or flight_channel


def plan_actuals_import(plan: Any, tables: list[Table], report: ImportReport) -> ActualsImport:
    """Check the first sheet's rows; -> the actuals rows to insert and update."""
    out = ActualsImport()
    table = next((t for t in tables if (t.sheet or "").casefold() in ("actuals", "实际")),
                 tables[0])
    reader = RowReader(table, ACTUAL_COLUMNS, report, rows.read_settings(plan.db).currency)
    if not reader.require(("flight_id", "channel", "channel_id"), ("start",), ("end",),
                          ("spend",)):
        return out
    if not table.rows:
        report.problem("has no data rows", sheet=table.sheet)
        return out
    flights = dict(plan.db.execute("SELECT id, channel_id FROM flights").fetchall())
    channels = dict(plan.db.execute("SELECT id, name FROM channels").fetchall())
    names = {name: cid for cid, name in channels.items()}
    by_id, by_key = _existing(plan)
    seen: dict[Any, int] = {}
    for row in reader.rows():
        v = row.values
        flight_id = v.get("flight_id")
        if flight_id and flight_id not in flights:
            reader.problem(row, "flight_id", "no flight in the plan has this id")
            continue
        channel_id = _channel(reader, row, channels, names, flights.get(flight_id or ""))
        for key in ("start", "end", "spend"):
            if v.get(key) is None and not row.given(key):
                reader.problem(row, key, "is empty")
        if channel_id is None or any(v.get(k) is None for k in ("start", "end", "spend")):
            continue
        if v["end"] < v["start"]:
            reader.problem(row, "end", f"is before the start {v['start']}")
            continue
        key = (flight_id, channel_id, v["start"].isoformat(), v["end"].isoformat())
        ident = v.get("id") or by_key.get(key)
        repeated = seen.get(("id", ident)) if ident else None
        repeated = repeated or seen.get(key)
        if repeated:
            reader.problem(row, "id" if v.get("id") else "start",
                           f"repeats the actual of row {repeated}")
            continue
        seen[key] = row.number
        if ident:
            seen[("id", ident)] = row.number
        record = {"id": ident or new_id(), "flight_id": flight_id, "channel_id": channel_id,
                  "start": key[2], "end": key[3], "spend_minor": v["spend"],
                  "source": v.get("source") or report.file}
        before = by_id.get(record["id"])
        for column, target in _OPTIONAL.items():
            record[target] = v.get(column) if reader.has(column) else \
                (before or {}).get(target)
        if before is None:
            out.new.append(record)
        elif any(before[f] != record[f] for f in FIELDS):
            out.changed.append(record)
        else:
            report.unchanged += 1
    return out


def write_actuals(plan: Any, planned: ActualsImport) -> None:
    """Inside the import's open action. New actuals are streamed into the table and
    logged whole, thousands to a change record (`bulk.py`), not field by field."""
    conn = plan.db.conn
    bulk.insert_rows(conn, "actuals", FIELDS, ([r[f] for f in FIELDS] for r in planned.new))
    sets = ", ".join(f'"{f}" = ?' for f in FIELDS[1:])
    conn.executemany(f"UPDATE actuals SET {sets} WHERE id = ?",
                     [[r[f] for f in FIELDS[1:]] + [r["id"]] for r in planned.changed])
