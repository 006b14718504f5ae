"""A report table's body read a column at a time, each distinct cell value once.

A daily export of 100,000 rows holds a few hundred dates, campaigns and ids and
repeats its metric values; parsing each distinct value once and mapping the results
back is exact, since a cell's reading depends only on its value and its column's
rule (dates, unit). Rows whose cells all read cleanly become platform rows here; a
row with any problem is handed back, so the reader reads it cell by cell in the
order it always has and every problem keeps its row and column.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import repeat
from operator import itemgetter
from typing import Any

from planner.io.platforms import dates, values
from planner.io.platforms.rows import PlatformRow
from planner.io.platforms.values import CellError, Unit

METRICS = {"impressions": values.count, "clicks": values.count,
            "conversions": values.conversions}


class Failed:
    """A distinct value that could not be read (the row is then read cell by cell)."""

    __slots__ = ()


FAILED = Failed()


def parse_distinct(cells: Sequence[Any], parse: Callable[[Any], Any],
                   plain: Callable[[set[Any]], dict[Any, Any]] | None = None,
                   text: bool = False) -> tuple[list[Any], bool]:
    """`parse(cell)` for every cell, computed once per distinct value, with
    :data:`FAILED` where it raised :class:`CellError`; and whether any did.

    Values that are equal but of different types (True and 1, 1 and 1.0) may read
    differently, so when a column mixes such types (or holds pairs of cells) each
    value is keyed with its type.

    :param plain: reads the plain values of a set at once, as `parse` would; `parse`
        then reads the others.
    :param text: the cells are text or None (a CSV file's): no mixed types to key.
    """
    kinds = {str} if text else set(map(type, cells))
    if tuple in kinds:
        keys: Sequence[Any] = [tuple(zip(map(type, pair), pair, strict=True)) for pair in cells]
        read = {key: _attempt(parse, tuple(v for _, v in key)) for key in set(keys)}
    elif bool in kinds or len(kinds - {str, type(None)}) > 1:
        keys = list(zip(map(type, cells), cells, strict=True))
        read = {key: _attempt(parse, key[1]) for key in set(keys)}
    else:
        keys = cells
        distinct = set(cells)
        read = plain(distinct) if plain is not None else {}
        read.update((value, _attempt(parse, value)) for value in distinct - read.keys())
    return list(map(read.__getitem__, keys)), FAILED in read.values()


def _attempt(parse: Callable[[Any], Any], value: Any) -> Any:
    try:
        return parse(value)
    except CellError:
        return FAILED


def _optional(parse: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if values.is_missing(value) else parse(value)


def _text(value: Any) -> str:
    return values.normalise(value or "")


def _amount(unit: Unit, currency: str, value: Any) -> Any:
    return values.amount(value, unit, currency)


def _date(rule: dates.DateRule, value: Any) -> Any:
    return dates.parse(value, rule)


def _platform_id(value: Any) -> tuple[str | None, bool]:
    """-> the id (None when absent or destroyed) and whether Excel destroyed it."""
    if values.is_missing(value):
        return None, False
    found = values.platform_id(value)
    return found, found is None


@dataclass
class ColumnRead:
    """The clean rows, the body indexes to read cell by cell, and the counts to warn."""

    rows: list[PlatformRow | None]  # None where the row is to be read cell by cell
    retry: list[int]
    mangled: int = 0
    blank_spend: int = 0
    rounded: int = 0


def read_columns(body: list[tuple[int, list[Any]]], columns: dict[str, int], sheet: str | None,
                 rules: dict[str, dates.DateRule], currency: str,
                 spend: Unit | None, revenue: Unit | None, per_row: bool,
                 text: bool = False) -> ColumnRead:
    """Every body row read column by column (see the module's docstring).

    :param text: every cell is text (a CSV file's).
    :param spend: the spend column's unit; None with `per_row` (a currency column).
    :param revenue: the revenue column's unit; None when revenue is not read.
    """
    blank = [None] * len(body)
    retry: set[int] = set()
    width = max(columns.values()) + 1
    cut = tuple(zip(*(cells if len(cells) >= width else cells + [None] * (width - len(cells))
                      for _, cells in body), strict=False))  # the columns, up to `width`

    def column(field: str) -> Sequence[Any]:
        index = columns.get(field)
        return blank if index is None or not cut else cut[index]

    def parsed(field: str, parse: Callable[[Any], Any], cells: Sequence[Any] | None = None,
               plain: Callable[[set[Any]], dict[Any, Any]] | None = None) -> list[Any]:
        if field not in columns:
            return blank
        out, failed = parse_distinct(column(field) if cells is None else cells, parse, plain,
                                     text and cells is None)
        if failed:
            retry.update(i for i, value in enumerate(out) if value is FAILED)
        return out

    day = {f: parsed(f, _optional(partial(_date, rules.get(f)))) for f in ("date", "start", "end")}
    money = [_money(column, parsed, "spend", spend, per_row, currency),
             _money(column, parsed, "revenue", revenue, per_row, currency)
             if revenue is not None else blank]
    metrics = [parsed(f, _optional(parse), plain=values.plain_counts)
               for f, parse in METRICS.items()]
    ids = parsed("campaign_id", _platform_id)
    names = parse_distinct(column("campaign"), _text, text=text)[0]
    accounts = parse_distinct([a or b for a, b in zip(column("account_id"), column("account"),
                                                      strict=True)], _text, text=text)[0]
    starts, ends = _spans(day, retry)
    campaign_ids = [read[0] if read.__class__ is tuple else None for read in ids]
    if "" in names:
        retry.update(i for i, (name, found) in enumerate(zip(names, campaign_ids, strict=True))
                     if not name and found is None)
    for index in retry:  # only clean rows are read from here on
        for cells in (*day.values(), *money, *metrics, ids):
            if cells is not blank:
                cells[index] = None
    rows: list[PlatformRow | None] = list(map(
        PlatformRow, map(itemgetter(0), body), repeat(sheet), starts, ends, accounts, names,
        campaign_ids, [s[0] if s else 0 for s in money[0]],
        [r and r[0] for r in money[1]], *metrics))
    for index in retry:
        rows[index] = None
    found = [read for read in (*money[0], *money[1]) if read]
    return ColumnRead(rows, sorted(retry),
                      mangled=sum(map(itemgetter(1), filter(None, ids))),
                      blank_spend=money[0].count(None) - len(retry),
                      rounded=sum(map(itemgetter(1), found)))


def _spans(day: dict[str, list[Any]], retry: set[int]) -> tuple[list[Any], list[Any]]:
    """Each row's first and last day: its date, else its reporting start and end (the
    start when there is no end); rows without a start, or ending before it, retried."""
    daily = day["start"] is day["end"]  # neither column is there: both are the blank list
    if daily and day["date"] is not day["start"] and None not in day["date"]:
        return day["date"], day["date"]  # daily rows, the common case
    starts = [d or s for d, s in zip(day["date"], day["start"], strict=True)]
    ends = [d or e or s for d, e, s in zip(day["date"], day["end"], starts, strict=True)]
    for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
        if start is None or start is FAILED or end is FAILED or end < start:
            retry.add(i)
    return starts, ends


def _money(column: Callable[[str], Sequence[Any]], parsed: Callable[..., list[Any]], field: str,
           unit: Unit | None, per_row: bool, currency: str) -> list[Any]:
    """(minor, rounded) per cell, None where blank; with `per_row`, in each row's
    currency (a row whose currency is not a code fails, to be read cell by cell)."""
    if not per_row:
        assert unit is not None
        return parsed(field, _optional(partial(_amount, unit, currency)),
                      plain=partial(values.plain_amounts, unit=unit, currency=currency))

    def in_row_unit(pair: tuple[Any, Any]) -> Any:
        code, value = pair
        row_unit = values.unit_named(str(code)) if not values.is_missing(code) else None
        if row_unit is None:
            raise CellError("is not a currency code")
        return None if values.is_missing(value) else values.amount(value, row_unit, currency)

    return parsed(field, in_row_unit, list(zip(column("currency"), column(field), strict=True)))
