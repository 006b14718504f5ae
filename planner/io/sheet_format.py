"""How exported sheets look: money in the plan currency, dates, widths that fit.

Shared by every sheet so a number reads the same everywhere. Widths count East
Asian wide characters double, as Excel draws them, so Chinese names are not cut.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from planner.domain.money import exponent, format_money

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

MIN_WIDTH, MAX_WIDTH = 6, 60
DATE_FORMAT = "yyyy-mm-dd"
SHADES = ("#eef4fb", "#d3e3f3", "#a9c9e8", "#73a6d6", "#3f7fbf")  # light to dark


def text_width(text: str) -> int:
    """Columns Excel needs for `text`: wide and full-width characters count two."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def money_format(currency: str, decimals: int | None = None) -> str:
    """An Excel number format for the currency, e.g. ``"¥"#,##0.00`` for CNY."""
    digits = exponent(currency) if decimals is None else decimals
    number = "#,##0" + ("." + "0" * digits if digits else "")
    bare = format_money(0, currency, symbol=False)
    prefix, _, suffix = format_money(0, currency).partition(bare)
    quoted = (f'"{prefix}"' if prefix else "") + number + (f'"{suffix}"' if suffix else "")
    return f"{quoted};-{quoted}"


class Formats:
    """The workbook's cell formats, made once (xlsxwriter wants shared objects)."""

    def __init__(self, book: Workbook, currency: str) -> None:
        add = book.add_format
        money = money_format(currency)
        self.title = add({"bold": True, "font_size": 14})
        self.header = add({"bold": True, "bg_color": "#dde4ee", "bottom": 1,
                           "text_wrap": True, "valign": "top"})
        self.label = add({"bold": True})
        self.date = add({"num_format": DATE_FORMAT})
        self.money = add({"num_format": money})
        self.money_bold = add({"num_format": money, "bold": True, "top": 1})
        self.money_whole = add({"num_format": money_format(currency, 0)})
        self.percent = add({"num_format": "0.0%"})
        self.percent_bold = add({"num_format": "0.0%", "bold": True})
        self.number = add({"num_format": "#,##0"})
        self.decimal = add({"num_format": "0.00"})
        self.ratio = add({"num_format": "0.000"})
        self.wrap = add({"text_wrap": True, "valign": "top"})
        self.error = add({"font_color": "#9c0006", "bg_color": "#ffc7ce"})
        self.warning = add({"font_color": "#9c5700", "bg_color": "#ffeb9c"})
        self.info = add({"font_color": "#1f4e79"})
        self.festival = add({"bg_color": "#fde9d9"})
        self.festival_head = add({"bg_color": "#f4b183", "bold": True, "font_size": 8,
                                  "text_wrap": True, "valign": "top"})
        self.week_start = add({"num_format": "mm-dd", "align": "center", "font_size": 8})
        self.week_head = add({"bold": True, "align": "center", "bg_color": "#dde4ee"})
        self.month_head = add({"bold": True, "align": "center", "bg_color": "#b4c6e7",
                               "border": 1})
        self.channel = add({"bold": True, "bg_color": "#f2f2f2", "num_format": money_format(
            currency, 0)})
        self.shades = [add({"num_format": money_format(currency, 0), "bg_color": c,
                            "font_color": "#ffffff" if i >= 3 else "#000000"})
                       for i, c in enumerate(SHADES)]
        self.by_kind: dict[str, Format | None] = {
            "date": self.date, "money": self.money, "int": self.number,
            "percent": self.decimal,
        }


def _cell_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, str):
        return text_width(value)
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return len(f"{value:,.2f}") + 2
    return len(str(value))


def fit_widths(sheet: Worksheet, headers: Sequence[str], rows: Iterable[Sequence[Any]],
               first_col: int = 0) -> None:
    """Set each column to its widest cell (header included), within sane limits."""
    widths = [text_width(h) + 2 for h in headers]
    for row in rows:
        for i, value in enumerate(row):
            w = _cell_width(value)
            if w > widths[i]:
                widths[i] = w
    for i, w in enumerate(widths):
        sheet.set_column(first_col + i, first_col + i, min(max(w + 1, MIN_WIDTH), MAX_WIDTH))


def write_table(sheet: Worksheet, formats: Formats, headers: Sequence[str],
                rows: Sequence[Sequence[Any]], kinds: Sequence[str], top: int = 0) -> None:
    """A header row and typed rows: dates as dates, money as numbers, text as text
    (never as a formula, whatever it starts with); header frozen, filter on."""
    sheet.write_row(top, 0, headers, formats.header)
    writers = [_writer(sheet, formats, kind) for kind in kinds]
    for r, row in enumerate(rows, start=top + 1):
        for c, value in enumerate(row):
            if value is not None:
                writers[c](r, c, value)
    sheet.freeze_panes(top + 1, 0)
    sheet.autofilter(top, 0, top + max(len(rows), 1), len(headers) - 1)
    fit_widths(sheet, headers, rows)


def _writer(sheet: Worksheet, formats: Formats, kind: str) -> Any:
    """One cell writer per column kind, chosen once rather than per cell."""
    fmt = formats.by_kind.get(kind)
    if kind == "date":
        return lambda r, c, v: sheet.write_datetime(r, c, v, fmt)
    if kind in ("money", "int", "percent", "number"):
        return lambda r, c, v: sheet.write_number(r, c, float(v), fmt)
    if kind == "bool":
        return sheet.write_boolean
    return lambda r, c, v: sheet.write_string(r, c, str(v))
