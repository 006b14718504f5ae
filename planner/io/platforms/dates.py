"""A date column read by one rule for the whole column, never guessed per cell.

"2026/6/1", "2026-06-01", "2026年6月1日", "20260601", "Jun 1, 2026" and workbook
dates say which part is the month. "6/1/2026" does not: it is June 1st in a US
export and January 6th in a European one. A column of such dates is read one way
throughout: the way a value with a part above 12 proves, else the platform's own
convention, stated as an assumption in the report; a column proving both ways is
refused. Reading one cell as month-first and the next as day-first never happens.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from planner.io.platforms.values import CellError, normalise

_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                  r"(?:[ T]0{1,2}:00(?::00)?)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_XYY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?: 0{1,2}:00(?::00)?)?$")
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_NAMED = re.compile(r"^(?:[a-z]+,\s*)?([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$|"
                    r"^(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})$")


@dataclass(frozen=True)
class DateRule:
    """How a column's x/y/year dates read; `assumption` is said in the report."""

    month_first: bool | None = None
    assumption: str | None = None


def column_rule(values: Iterable[Any], default_month_first: bool, name: str) -> DateRule:
    """The one reading for every x/y/year date in a column.

    :raises CellError: the column has dates that only read month-first and others
        that only read day-first.
    """
    month_first = day_first = seen = False
    for value in values:
        found = _XYY.match(normalise(value)) if isinstance(value, str) else None
        if not found:
            continue
        seen = True
        first, second = int(found.group(1)), int(found.group(2))
        day_first |= first > 12
        month_first |= second > 12
    if month_first and day_first:
        raise CellError(f"column {name!r} mixes month/day/year and day/month/year dates")
    if month_first or day_first:
        return DateRule(month_first)
    if not seen:
        return DateRule()
    order = "month/day/year" if default_month_first else "day/month/year"
    return DateRule(default_month_first,
                    f"dates in column {name!r} such as 6/1/2026 could be read either way; "
                    f"read as {order}, as this platform writes them")


def parse(value: Any, rule: DateRule) -> dt.date:
    """One cell by the column's rule.

    :raises CellError: not a date, or not a real day.
    """
    if isinstance(value, dt.datetime):
        if value.time() != dt.time(0):
            raise CellError("has a time of day; daily rows are expected")
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = normalise(value).casefold()
    try:
        if found := _YMD.match(text) or _COMPACT.match(text):
            return dt.date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
        if found := _XYY.match(text):
            first, second, year = (int(g) for g in found.groups())
            year += 2000 if year < 100 else 0
            month, day = (first, second) if rule.month_first else (second, first)
            return dt.date(year, month, day)
        if found := _NAMED.match(text):
            month, day, year = found.group(1, 2, 3) if found.group(1) else \
                found.group(5, 4, 6)
            if month in _MONTHS:
                return dt.date(int(year), _MONTHS[month], int(day))
    except ValueError:
        raise CellError("is not a real day") from None
    raise CellError("is not a date like 2026/6/1 or 2026-06-01")
