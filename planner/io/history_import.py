"""Channel history from a wide spend/outcome table (CSV or XLSX).

Marketing-mix tables are *wide*: one row per period (and geo), one spend column
per channel and one outcome column for the whole business. The outcome is a
total, not per channel, so it is never split between channels (any split would
invent the answer fitting is meant to find). Instead:

- each spend column becomes ``history`` rows of its channel (spend, and the
  brand part of it); their per-channel ``revenue_minor`` and ``brand_outcome``
  stay empty;
- the total outcome (and a total brand outcome, when mapped) is stored once per
  period, plan-wide, under the settings key :data:`TOTALS_KEY`, so fitting can
  regress it on all channels jointly (:func:`solver.fitting.fit_joint`).

:func:`preview_history` is pure: it parses and checks the file and returns every
row it would write. :func:`import_history` writes exactly those rows in one
undoable action, so the preview is what is committed. Bad input raises
:class:`~planner.errors.ValidationError` naming the file, row and column, before
anything is written. Money is converted with an explicit unit, never guessed.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import math
from calendar import monthrange
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from planner.domain.changes import Done
from planner.domain.entities import Channel, new_id
from planner.domain.money import exponent
from planner.errors import PlannerError, ValidationError
from planner.i18n import QT_TRANSLATE_NOOP
from planner.io.limits import DEFAULT_LIMITS, FileRefused, check_size, check_workbook
from planner.io.tabular_read import WORKBOOK_SUFFIXES
from planner.services import records
from planner.storage import history
from planner.storage.plan_file import Plan

TOTALS_KEY = "history_outcome"  # settings key of the plan-wide outcome per period
# Money units a file can be in: minor units per file unit (None: the currency's major unit).
_MINOR_UNITS = {"minor": 1, "fen": 1, "cent": 1, "cents": 1}
_MAJOR_MULTIPLES = {"major": 1, "yuan": 1, "dollar": 1, "euro": 1, "jiao": 0.1,
                    "thousand": 1_000, "k": 1_000, "wan": 10_000, "万": 10_000,
                    "million": 1_000_000, "m": 1_000_000}
UNITS = tuple(_MINOR_UNITS) + tuple(_MAJOR_MULTIPLES)


@dataclass(frozen=True, kw_only=True)
class HistoryMapping:
    """Which columns of a wide table mean what.

    :param spend_columns: column → channel name; channels not in the plan are
        created (kind "other") by the import.
    :param currency_unit: what one unit of the file's money is ('yuan', 'fen',
        'thousand', 'wan', …; see :data:`UNITS`), relative to `currency`.
    :param outcome_is_money: the outcome is revenue (converted like spend) rather
        than a count such as conversions (kept as it is).
    :param outcome_factor_column: multiply the outcome by this column row by row
        (e.g. Meridian's revenue per conversion).
    :param brand_spend_share: the part of each channel's spend that bought brand
        (one share for all, or per channel name).
    """

    date_column: str
    spend_columns: Mapping[str, str]
    currency_unit: str
    outcome_column: str | None = None
    brand_outcome_column: str | None = None
    geo_column: str | None = None
    brand_spend_share: float | Mapping[str, float] = 0.0
    outcome_is_money: bool = True
    outcome_factor_column: str | None = None
    currency: str = "CNY"

    def share(self, channel: str) -> float:
        if isinstance(self.brand_spend_share, Mapping):
            return float(self.brand_spend_share.get(channel, 0.0))
        return float(self.brand_spend_share)


@dataclass(frozen=True)
class HistoryRow:
    """One channel's spend in one period, in minor units."""

    channel: str
    start: dt.date
    end: dt.date
    spend_minor: int
    brand_spend_minor: int


@dataclass(frozen=True)
class PeriodTotal:
    """The plan-wide outcome of one period (minor units when it is money)."""

    start: dt.date
    end: dt.date
    outcome: float | None
    brand_outcome: float | None


@dataclass(frozen=True)
class HistoryPreview:
    """Everything an import would write, and what a planner should know first."""

    rows: tuple[HistoryRow, ...]
    periods: tuple[PeriodTotal, ...]
    channels: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    source: str = ""
    grain: str = ""
    outcome_unit: str = "minor"  # 'minor' (money) or 'count'
    mapping: dict[str, Any] = field(default_factory=dict)


def minor_per_unit(unit: str, currency: str) -> float:
    """How many minor units of `currency` one unit of the file's money is."""
    key = unit.strip().lower()
    if key in _MINOR_UNITS:
        return float(_MINOR_UNITS[key])
    if key in _MAJOR_MULTIPLES:
        return _MAJOR_MULTIPLES[key] * 10 ** exponent(currency)
    raise ValidationError("unit", unit, f"is not a money unit; use one of {', '.join(UNITS)}")


# -- reading ------------------------------------------------------------------------------

def _read(path: Path) -> Any:
    """The table with every cell as text (or a date/number from a workbook), so a
    bad cell can be reported as it appears in the file."""
    import pandas as pd

    if not path.exists():
        raise ValidationError("file", str(path), "no such file")
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        if importlib.util.find_spec("python_calamine") is None:
            raise PlannerError(f"{path.name}: reading .xlsx files needs the python-calamine "
                               "package; save the sheet as CSV instead")
        from python_calamine import CalamineError

        try:
            check_size(path, DEFAULT_LIMITS)
            check_workbook(path, DEFAULT_LIMITS)  # zip bombs, DTDs, huge ranges: see limits
        except FileRefused as exc:
            raise ValidationError(path.name, path.suffix, str(exc)) from None
        try:
            return pd.read_excel(path, dtype=object, engine="calamine")
        except (ValueError, OSError, CalamineError) as exc:
            raise ValidationError(path.name, path.suffix, f"is not a readable workbook ({exc})")\
                from None
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise ValidationError(path.name, path.suffix, f"is not a readable CSV table ({exc})")\
            from None


def _where(path: Path, index: int, column: str) -> str:
    return f"{path.name} row {index + 2}, column {column!r}"  # row 1 is the header


def _numbers(frame: Any, column: str, path: Path, *, negative: bool = True) -> np.ndarray:
    import pandas as pd

    raw = frame[column]
    text = raw.map(lambda v: "" if v is None or (isinstance(v, float) and math.isnan(v))
                   else str(v).strip())
    values = pd.to_numeric(text.where(text != "", None), errors="coerce").to_numpy(float)
    for i in np.flatnonzero(~np.isfinite(values)):
        reason = "is empty" if text.iloc[i] == "" else "is not a number"
        raise ValidationError(_where(path, int(i), column), raw.iloc[i], reason)
    if not negative and (values < 0).any():
        i = int(np.flatnonzero(values < 0)[0])
        raise ValidationError(_where(path, i, column), raw.iloc[i], "spend cannot be negative")
    return values


def _dates(frame: Any, column: str, path: Path) -> list[dt.date]:
    out = []
    for i, cell in enumerate(frame[column]):
        if isinstance(cell, dt.datetime | dt.date):
            out.append(cell.date() if isinstance(cell, dt.datetime) else cell)
            continue
        text = "" if cell is None else str(cell).strip()
        try:
            out.append(dt.date.fromisoformat(text[:10]))
        except ValueError:
            raise ValidationError(_where(path, i, column), cell,
                                  "is not a date like 2021-01-25") from None
    return out


def _next_month(day: dt.date) -> dt.date:
    year, month = day.year + day.month // 12, day.month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, monthrange(year, month)[1]))


def _periods(starts: list[dt.date]) -> tuple[list[dt.date], str, list[str]]:
    """Each period's last day, from the spacing of the dates (stated, not hidden)."""
    if len(starts) < 2:
        raise ValidationError("dates", len(starts), "at least two periods are needed to tell "
                              "how long a period is")
    gaps = np.diff([d.toordinal() for d in starts])
    if all(28 <= g <= 31 for g in gaps):  # calendar months: each ends before the next
        nxt = [*starts[1:], _next_month(starts[-1])]
        return [n - dt.timedelta(days=1) for n in nxt], "monthly", []
    step = int(np.bincount(gaps).argmax())
    notes = []
    if (gaps % step).any():
        raise ValidationError("dates", f"{step} days", "periods are not evenly spaced "
                              f"(e.g. {starts[int(np.flatnonzero(gaps % step)[0]) + 1]})")
    missing = int((gaps // step - 1).sum())
    if missing:
        notes.append(f"{missing} period(s) missing between the first and last date")
    grain = {1: "daily", 7: "weekly"}.get(step, f"every {step} days")
    return [d + dt.timedelta(days=step - 1) for d in starts], f"{grain} ({step} days)", notes


def preview_history(path: str | Path, mapping: HistoryMapping,
                    known_channels: set[str] | frozenset[str] = frozenset()) -> HistoryPreview:
    """Parse and check a wide table; return every row an import would write.

    Rows are grouped by date, geos summed. Pure: reads the file, writes nothing.

    :param known_channels: the plan's channel names, to say which would be created.
    :raises ValidationError: a missing column, an empty or non-numeric cell, a bad
        date, negative spend, a repeated date or geo — naming file, row and column.
    """
    path = Path(path)
    frame = _read(path)
    if not mapping.spend_columns:
        raise ValidationError("spend columns", {}, "map at least one spend column to a channel")
    wanted = [mapping.date_column, *mapping.spend_columns, mapping.outcome_column,
              mapping.brand_outcome_column, mapping.geo_column, mapping.outcome_factor_column]
    for column in (c for c in wanted if c is not None):
        if column not in frame.columns:
            raise ValidationError(f"{path.name} column {column!r}", column,
                                  f"is not in the file (its columns: {', '.join(frame.columns)})")
    if frame.empty:
        raise ValidationError(path.name, 0, "has no data rows")
    scale = minor_per_unit(mapping.currency_unit, mapping.currency)
    dates = _dates(frame, mapping.date_column, path)
    keys = list(zip(dates, frame[mapping.geo_column].astype(str), strict=True)) \
        if mapping.geo_column else [(d, "") for d in dates]
    seen: dict[tuple, int] = {}
    for i, key in enumerate(keys):
        if key in seen:
            hint = "" if mapping.geo_column else "; if the table has one row per geo, name its " \
                                                 "geo column"
            raise ValidationError(_where(path, i, mapping.geo_column or mapping.date_column),
                                  str(key[0]), f"repeats row {seen[key] + 2}{hint}")
        seen[key] = i
    starts = sorted(set(dates))
    slot = np.searchsorted(np.array([d.toordinal() for d in starts]),
                           [d.toordinal() for d in dates])

    def total(values: np.ndarray) -> np.ndarray:
        return np.bincount(slot, weights=values, minlength=len(starts))

    ends, grain, warnings = _periods(starts)
    spends: dict[str, np.ndarray] = {}  # two columns may feed one channel
    for column, channel in mapping.spend_columns.items():
        spends[channel] = spends.get(channel, 0.0) + total(_numbers(frame, column, path,
                                                                    negative=False))
    rows = []
    for channel, money in spends.items():
        spend, share = np.floor(money * scale + 0.5), mapping.share(channel)
        if not 0.0 <= share <= 1.0:
            raise ValidationError(
                QT_TRANSLATE_NOOP("fields", "brand share of {channel}").format(channel=channel),
                share, QT_TRANSLATE_NOOP("validation", "must be between 0 and 1"))
        if not spend.any():
            warnings.append(f"{channel} never spends in this file")
        rows += [HistoryRow(channel, s, e, int(x), math.floor(x * share + 0.5))
                 for s, e, x in zip(starts, ends, spend, strict=True)]
    outcome: list[float | None] = [None] * len(starts)
    if mapping.outcome_column:
        values = _numbers(frame, mapping.outcome_column, path)
        if mapping.outcome_factor_column:
            values = values * _numbers(frame, mapping.outcome_factor_column, path)
        summed = total(values)
        outcome = [float(np.floor(v * scale + 0.5)) if mapping.outcome_is_money else float(v)
                   for v in summed]
    brand: list[float | None] = [None] * len(starts)
    if mapping.brand_outcome_column:
        brand = [float(v) for v in total(_numbers(frame, mapping.brand_outcome_column, path))]
    if mapping.geo_column:
        geos = np.bincount(slot, minlength=len(starts))
        if geos.min() != geos.max():
            warnings.append(f"some periods have fewer geos ({geos.min()}) than others "
                            f"({geos.max()}): their sums are not comparable")
    names = tuple(dict.fromkeys(mapping.spend_columns.values()))
    new = [n for n in names if n not in known_channels]
    if known_channels and new:
        warnings.append(f"new channel(s) to be created: {', '.join(new)}")
    periods = tuple(PeriodTotal(s, e, o, b)
                    for s, e, o, b in zip(starts, ends, outcome, brand, strict=True))
    return HistoryPreview(tuple(rows), periods, names, tuple(warnings), path.name, grain,
                          "minor" if mapping.outcome_is_money else "count",
                          {k: (dict(v) if isinstance(v, Mapping) else v)
                           for k, v in asdict(mapping).items()})


# -- writing ------------------------------------------------------------------------------

def read_totals(plan: Plan) -> dict[str, Any] | None:
    """The plan-wide outcome series the last import stored, or None."""
    row = plan.db.execute("SELECT value FROM settings WHERE key = ?", [TOTALS_KEY]).fetchone()
    return None if row is None or row[0] is None else json.loads(row[0])


def import_history(plan: Plan, preview: HistoryPreview) -> Done:
    """Write exactly the preview's rows as one undoable action.

    Missing channels are created (kind "other"); a channel's existing history
    row for the same period start is replaced, so importing a file twice changes
    nothing; the plan-wide outcome series is replaced by this file's.
    """
    with plan.action("Import history", kind="import") as act:
        ids = {name: cid for cid, name in plan.db.execute("SELECT id, name FROM channels")}
        order = plan.db.execute("SELECT COALESCE(MAX(sort_order), -1) FROM channels")\
            .fetchone()[0]
        for name in preview.channels:
            if name not in ids:
                order += 1
                ids[name] = new_id()
                records.write_new(plan, Channel(id=ids[name], name=name, kind="other",
                                                sort_order=order))
        conn = plan.db.conn
        conn.executemany('DELETE FROM history WHERE channel_id = ? AND start = ?',
                         [(ids[r.channel], r.start.isoformat()) for r in preview.rows])
        conn.executemany(
            'INSERT INTO history(id, channel_id, start, "end", spend_minor, brand_spend_minor) '
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(new_id(), ids[r.channel], r.start.isoformat(), r.end.isoformat(), r.spend_minor,
              r.brand_spend_minor) for r in preview.rows])
        if any(p.outcome is not None or p.brand_outcome is not None for p in preview.periods):
            totals = {"source": preview.source, "grain": preview.grain,
                      "outcome_unit": preview.outcome_unit,
                      "outcome_column": preview.mapping.get("outcome_column"),
                      "brand_outcome_column": preview.mapping.get("brand_outcome_column"),
                      "periods": [[p.start.isoformat(), p.end.isoformat(), p.outcome,
                                   p.brand_outcome] for p in preview.periods]}
            plan.db.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE "
                "SET value = excluded.value WHERE value IS NOT excluded.value",
                [TOTALS_KEY, json.dumps(totals, ensure_ascii=False, sort_keys=True)])
    return history.done(plan, act)
