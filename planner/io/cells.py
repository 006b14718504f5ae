"""One cell of an imported table to one typed value, or a reason it cannot be.

Cells arrive as text (CSV) or as a workbook typed them (:func:`planner.io.tabular_read.
read_tables`: int or float, date or datetime, bool); a float is read by its repr.
Each parser returns the value or raises :class:`CellError` with a reason a planner
understands; the importer adds where (sheet, row, column) and collects them all.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from decimal import Decimal, InvalidOperation
from typing import Any

from planner.domain.money import exponent
from planner.io.columns import Column

MAX_MINOR = 10 ** 15  # ten trillion yuan: beyond any plan, far inside SQLite's integers
MAX_COUNT = 10 ** 15
_TRUE = {"true", "yes", "y", "1", "是", "对", "x", "✓"}
_FALSE = {"false", "no", "n", "0", "否", "", "不"}
_GROUPING = re.compile(r"[,_\s]")
_NEUTRALISED = re.compile(r"^'(?=[=+\-@\t\r'])")


class CellError(ValueError):
    """The cell's value cannot be read as the column's type."""


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value: Any, *, csv: bool = False) -> str:
    """Cell text; a CSV cell our export neutralised (a leading ') comes back as written."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str):
        if isinstance(value, dt.datetime | dt.date):
            return value.isoformat()
        return str(value)
    return _NEUTRALISED.sub("", value) if csv else value


def date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        if value.time() != dt.time(0):
            raise CellError("has a time of day; a date like 2026-06-18 is expected")
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise CellError("is not a date like 2026-06-18")


def money(value: Any, currency: str) -> int:
    """Major units of `currency` to minor units, refusing digits the currency lacks."""
    number = _decimal(value)
    minor = number.scaleb(exponent(currency))
    if minor != minor.to_integral_value():
        raise CellError(f"has more decimals than {currency} allows ({exponent(currency)})")
    if minor < 0:
        raise CellError("must not be negative")
    if minor > MAX_MINOR:
        raise CellError("is too large for an amount of money")
    return int(minor)


def count(value: Any) -> int:
    number = _decimal(value)
    if number != number.to_integral_value():
        raise CellError("must be a whole number")
    if number < 0:
        raise CellError("must not be negative")
    if number > MAX_COUNT:
        raise CellError("is too large")
    return int(number)


def percent_bp(value: Any) -> int:
    """A percentage (40 or 40.5) to basis points, exact to 0.01 %."""
    number = _decimal(value)
    bp = number.scaleb(2)
    if bp != bp.to_integral_value():
        raise CellError("has more than two decimals")
    if not 0 <= bp <= 10000:
        raise CellError("must be between 0 and 100")
    return int(bp)


def flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    key = str(value).strip().casefold()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise CellError("is not yes or no (true/false, 1/0, 是/否)")


def json_value(value: Any, expected: type) -> Any:
    try:
        parsed = json.loads(str(value))
    except (json.JSONDecodeError, RecursionError):
        raise CellError("is not valid JSON text") from None
    if not isinstance(parsed, expected):
        raise CellError(f"must be a JSON {'object' if expected is dict else 'list'}")
    return parsed


def record_id(value: Any) -> str:
    try:
        return str(uuid.UUID(str(value).strip()))
    except ValueError:
        raise CellError("is not a record id (a UUID like 3f2b…-…)") from None


def _decimal(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise CellError("is not a number")
    if isinstance(value, float):
        value = repr(value)  # the decimal the sheet shows, not its binary neighbour
    try:
        number = Decimal(_GROUPING.sub("", str(value)))
    except InvalidOperation:
        raise CellError("is not a number") from None
    if not number.is_finite():
        raise CellError("is not a finite number")
    if abs(number.adjusted()) > 30:
        raise CellError("is too large")
    return number


def header_key(value: Any) -> str:
    return " ".join(str(value).split()).casefold()


def match_headers(header: list[Any], columns: tuple[Column, ...]) -> tuple[dict[str, int],
                                                                            list[str]]:
    """Column key -> index for headers named in English, Chinese or by key, any case.

    :returns: the matches, and reasons for headers that repeat a column.
    """
    names: dict[str, Column] = {}
    for column in columns:
        for name in (column.en, column.zh, column.key):
            names.setdefault(header_key(name), column)
    found: dict[str, int] = {}
    repeated = []
    for index, cell in enumerate(header):
        column = names.get(header_key(text(cell, csv=True)))
        if column is None:
            continue
        if column.key in found:
            repeated.append(f"{cell!r} repeats column {found[column.key] + 1}")
            continue
        found[column.key] = index
    return found, repeated
