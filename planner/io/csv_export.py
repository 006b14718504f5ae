"""Flights as CSV that Excel opens safely: UTF-8 with a BOM, no formula injection.

Excel treats a cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return
as a formula (OWASP "CSV injection"), so such *text* cells are written with a leading
apostrophe, which Excel shows as text; a text cell already starting with an apostrophe
gets one more, so the import can always take exactly one off. Numbers are never
touched: money is written from :class:`Decimal` as plain digits ("599000.00"), so
Excel and the importer read numbers. Only ``str`` values are neutralised, so a
negative number would stay a number while the text "-5" becomes "'-5".
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from planner.io.columns import flat_rows

DANGEROUS_FIRST = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: str) -> str:
    return f"'{value}" if value.startswith((*DANGEROUS_FIRST, "'")) else value


def cell(value: Any) -> str | int:
    """A value as CSV text: numbers plain, dates ISO, flags TRUE/FALSE, text made safe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return neutralise(str(value))


def export_csv(plan: Any, path: str | os.PathLike[str], language: str = "en") -> Path:
    """Write the plan's flights (with their campaigns' details) to `path`.

    The file is written under a temporary name and renamed, so it appears whole.
    """
    path = Path(path)
    header, rows = flat_rows(plan, language)
    partial = path.with_name(f".{path.name}.partial")
    try:
        with open(partial, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow([neutralise(h) for h in header])
            writer.writerows([cell(v) for v in row] for row in rows)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path
