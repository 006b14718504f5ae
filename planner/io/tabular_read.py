"""CSV and xlsx files as plain tables of cells, each cell with its position.

Importers never see pandas or the workbook reader: they get :class:`Table` values
whose rows carry the row number a spreadsheet shows, so every problem can be located.
Reading checks the limits first (:mod:`planner.io.limits`) and turns anything
unreadable into :class:`~planner.io.limits.FileRefused` with a one-line reason, never
a traceback. Workbooks are read with python-calamine (Rust), in about a tenth of the
time openpyxl's read-only mode takes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from planner.io.limits import DEFAULT_LIMITS, FileRefused, Limits, check_size, check_workbook

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
# Tried in order: UTF-8 (with or without BOM) as we write it, then what Excel on a
# Chinese Windows writes when it saves "CSV" (GB18030 is a superset of GBK/GB2312).
_ENCODINGS = ("utf-8-sig", "gb18030")

T = TypeVar("T")


@dataclass(frozen=True)
class Table:
    """One sheet: its header cells and data rows (row numbers as a spreadsheet shows)."""

    file: str
    sheet: str | None
    header: list[Any]
    rows: list[tuple[int, list[Any]]]


def read_tables(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> list[Table]:
    """Every sheet of a workbook, or the one table of a CSV file.

    :raises FileRefused: missing, too big, unsafe or unreadable, with the reason.
    """
    path = Path(path)
    if not path.is_file():
        raise FileRefused("no such file")
    check_size(path, limits)
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        return _read_workbook(path, limits)
    return [_read_csv(path, limits)]


def _table(file: str, sheet: str | None, lines: Iterator[list[Any]], limits: Limits) -> Table:
    """The first non-empty row is the header; trailing empty rows and cells are dropped."""
    header: list[Any] | None = None
    rows: list[tuple[int, list[Any]]] = []
    for number, line in enumerate(lines, start=1):
        cells = checked_cells(number, line, limits)
        if not cells:
            continue
        if header is None:
            header = cells
            continue
        if len(rows) >= limits.max_rows:
            raise FileRefused(f"has more than {limits.max_rows:,} rows; split it into "
                              "smaller files")
        rows.append((number, cells))
    return Table(file, sheet, header or [], rows)


def checked_cells(number: int, cells: list[Any], limits: Limits) -> list[Any]:
    """Row `number`'s cells with trailing empty ones cut (none left: an empty row).

    :raises FileRefused: the row has more columns, or a cell more characters, than
        the limits accept.
    """
    if len(cells) > limits.max_columns and any(c not in (None, "")
                                               for c in cells[limits.max_columns:]):
        raise FileRefused(f"row {number} has {len(cells):,} columns; at most "
                          f"{limits.max_columns} are accepted")
    cells = list(cells[:limits.max_columns])
    while cells and cells[-1] in (None, ""):
        cells.pop()
    for cell in cells:
        if isinstance(cell, str) and len(cell) > limits.max_cell_chars:
            raise FileRefused(f"row {number} has a cell of {len(cell):,} characters; "
                              f"at most {limits.max_cell_chars:,} are accepted")
    return cells


def decode(data: bytes) -> str:
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise FileRefused("is neither UTF-8 nor GB18030 text; save it as “CSV UTF-8”")


def _read_csv(path: Path, limits: Limits) -> Table:
    text = decode(path.read_bytes())
    if "\x00" in text:
        raise FileRefused("contains NUL bytes: it is not a CSV text file")
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)  # Excel's list separator varies by locale
    try:
        return _table(path.name, None,
                      csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), limits)
    except csv.Error as exc:
        raise FileRefused(f"is not a readable CSV table ({exc})") from None


def _read_workbook(path: Path, limits: Limits) -> list[Table]:
    # skip_empty_area=False: row 1 is row 1 even when the table starts lower down
    return read_sheets(path, limits, lambda name, sheet: _table(
        path.name, name, map(_cells, sheet.to_python(skip_empty_area=False)), limits))


def read_sheets(path: Path, limits: Limits, read: Callable[[str, Any], T]) -> list[T]:
    """`read(name, calamine sheet)` for every worksheet of a workbook, in order.

    :raises FileRefused: unsafe (checked before calamine opens it, see
        :mod:`planner.io.limits`), damaged or unreadable, with the reason.
    """
    check_workbook(path, limits)
    from python_calamine import CalamineWorkbook, SheetTypeEnum  # only when a workbook is read

    try:
        with CalamineWorkbook.from_path(path) as book:
            names = [s.name for s in book.sheets_metadata if s.typ == SheetTypeEnum.WorkSheet]
            return [read(name, book.get_sheet_by_name(name)) for name in names]
    except FileRefused:
        raise
    except Exception as exc:  # CalamineError, or a conversion error in a damaged part
        raise FileRefused(f"is not a readable .xlsx workbook ({type(exc).__name__}: {exc})")\
            from None


def _cells(row: list[Any]) -> list[Any]:
    """Cells as the importers expect them: an empty cell is None, and a whole number an
    int, as the file wrote it (calamine reads every number as a float), so 12 in a text
    column reads "12", not "12.0". Dates come as date (midnight) or datetime."""
    return [None if cell == "" else int(cell) if type(cell) is float and cell.is_integer()
            else cell for cell in row]
