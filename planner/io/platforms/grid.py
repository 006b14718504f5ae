"""Every line of a platform file, as written, with the row number a spreadsheet shows.

Platform exports put title, date-range and account lines above the header and
totals below it, so unlike :func:`planner.io.tabular_read.read_tables` nothing here
decides which line is the header. Text files come in UTF-16 (Google Ads), UTF-8
with or without BOM (Meta) or GB18030 (Excel on a Chinese Windows); they are decoded
as a stream and stop at the row limit, so a file of two million rows costs the
limit's memory, not the file's. Workbooks pass :func:`planner.io.limits.check_workbook`
before calamine opens them; merged cells are filled from their top-left cell, as a
reader of the sheet sees them.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner.io.limits import FileRefused, Limits, check_size
from planner.io.tabular_read import WORKBOOK_SUFFIXES, checked_cells, read_sheets

PREAMBLE_LINES = 50  # lines above the header and totals below it, beyond max_rows
_SNIFF_LINES = 30
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True)
class Grid:
    """One sheet (or the CSV file): non-empty lines as (row number, cells)."""

    file: str
    sheet: str | None
    lines: list[tuple[int, list[Any]]]
    encoding: str | None = None  # text files only
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # 1-based r0,c0,r1,c1


def read_grids(path: Path, limits: Limits) -> list[Grid]:
    """The sheets of a workbook, or the one grid of a text file.

    :raises FileRefused: missing, too big, unsafe or unreadable, with the reason.
    """
    if not path.is_file():
        raise FileRefused("no such file")
    check_size(path, limits)
    if path.suffix.lower() in WORKBOOK_SUFFIXES or _is_zip(path):
        return _read_workbook(path, limits)
    return [_read_text(path, limits)]


def _is_zip(path: Path) -> bool:
    with path.open("rb") as stream:
        return stream.read(4) == b"PK\x03\x04"


def text_encoding(path: Path) -> str:
    """The encoding by BOM, else UTF-16 by its zero bytes, else UTF-8 if the whole file
    decodes as UTF-8 (checked in chunks), else GB18030 (a superset of GBK)."""
    with path.open("rb") as stream:
        head = stream.read(4096)
        for bom, name in _BOMS:
            if head.startswith(bom):
                return name
        if head[1::2].count(0) > len(head) // 4 and head[::2].count(0) == 0:
            return "utf-16-le"
        if head[::2].count(0) > len(head) // 4 and head[1::2].count(0) == 0:
            return "utf-16-be"
        stream.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            while chunk := stream.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "gb18030"
    return "utf-8"


def _delimiter(path: Path, encoding: str) -> str:
    """The separator with the most fields on one line among the first lines, looking
    first at the lines without digits: the header has the most fields, while title
    lines above it may have none, and data lines may hold amounts grouped with commas
    ("1,234,567.89") in a tab-separated file."""
    with path.open(encoding=encoding, errors="replace", newline="") as stream:
        lines = [line for _, line in zip(range(_SNIFF_LINES), stream, strict=False)]
    wordy = [line for line in lines if not any(c.isdigit() for c in line)]
    for pool in (wordy, lines):
        most = {d: max((line.count(d) for line in pool), default=0) for d in "\t,;"}
        if any(most.values()):
            return max("\t,;", key=lambda d: (most[d], d == ","))
    return ","


def _read_text(path: Path, limits: Limits) -> Grid:
    encoding = text_encoding(path)
    delimiter = _delimiter(path, encoding)
    try:
        with path.open(encoding=encoding, newline="") as stream:
            lines = _bounded(path.name, csv.reader(stream, delimiter=delimiter), limits)
    except UnicodeDecodeError:
        raise FileRefused(f"is not text in {encoding}; save it as “CSV UTF-8”") from None
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise FileRefused(f"has a cell of more than {csv.field_size_limit():,} "
                              f"characters; at most {limits.max_cell_chars:,} are "
                              "accepted") from None
        raise FileRefused(f"is not a readable CSV table ({exc})") from None
    return Grid(path.name, None, lines, encoding)


def _bounded(file: str, rows: Iterable[list[Any]], limits: Limits,
             text: bool = True) -> list[tuple[int, list[Any]]]:
    """Non-empty lines, trailing empty cells cut, every limit checked as lines arrive.

    A line that is plainly within the limits (its last cell filled, few enough cells,
    no long one) is kept as it is; any other goes through the full check."""
    kept: list[tuple[int, list[Any]]] = []
    most = limits.max_rows + PREAMBLE_LINES
    columns, chars = limits.max_columns, limits.max_cell_chars
    for number, row in enumerate(rows, start=1):
        if text:
            plain = row and row[-1] and len(row) <= columns and len(max(row, key=len)) <= chars
        else:
            if "" in row:
                row = [None if cell == "" else cell for cell in row]
            plain = row and row[-1] is not None and len(row) <= columns and \
                max(map(len, filter(str.__instancecheck__, row)), default=0) <= chars
        cells = row if plain else checked_cells(number, row, limits)
        if not cells:
            continue
        if len(kept) >= most:
            raise FileRefused(f"has more than {limits.max_rows:,} rows; split it into "
                              "smaller files")
        kept.append((number, cells))
    return kept


def _read_workbook(path: Path, limits: Limits) -> list[Grid]:
    return read_sheets(path, limits,
                       lambda name, sheet: _sheet_grid(path.name, name, sheet, limits))


def _sheet_grid(file: str, name: str, sheet: Any, limits: Limits) -> Grid:
    """calamine's rows start at row 1 but at the used range's first column: pad them."""
    pad = [None] * sheet.start[1] if sheet.height else []
    rows = ([*pad, *row] for row in sheet.iter_rows()) if pad else sheet.iter_rows()
    lines = _bounded(file, rows, limits, text=False)
    merged = [(r0 + 1, c0 + 1, r1 + 1, c1 + 1)
              for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])]
    return Grid(file, name, _fill_merged(lines, merged, limits.max_columns), None, merged)


def _fill_merged(lines: list[tuple[int, list[Any]]], merged: list[tuple[int, int, int, int]],
                 max_columns: int) -> list[tuple[int, list[Any]]]:
    """Each merged range shows its top-left value in every cell it covers (within the
    lines read: a range declared far beyond them costs nothing)."""
    if not merged:
        return lines
    by_number = {number: cells for number, cells in lines}
    for r0, c0, r1, c1 in merged:
        top = by_number.get(r0)
        if top is None or c0 > len(top) or top[c0 - 1] is None:
            continue
        value = top[c0 - 1]
        for number in range(r0, min(r1, lines[-1][0]) + 1):
            cells = by_number.get(number)
            if cells is None:
                continue
            width = min(c1, max_columns)
            if len(cells) < width:
                cells.extend([None] * (width - len(cells)))
            for column in range(c0 - 1, width):
                if cells[column] is None:
                    cells[column] = value
    return lines

