"""Sane limits for files a planner imports, and the checks that run before parsing.

An import reads files that come from outside (a colleague, an agency, a download).
Size, row and column limits stop a mistaken or hostile file before it costs memory.
Workbooks are read by calamine, which holds each sheet's whole used range in memory
(empty cells included) and aborts the process when that cannot be allocated. So every
part of a workbook is scanned here before calamine opens it: declared sizes stop zip
bombs, a DTD or entity declaration is refused (calamine's XML parser expands none,
it fails on them; this is the first line), and a sheet whose cell references span more
than :attr:`Limits.max_cells` is refused, since a few bytes can name cell XFD1048576.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO


class FileRefused(Exception):
    """The file breaks a limit; its message says which and by how much."""


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 50 * 1024 * 1024  # the file as stored
    max_rows: int = 200_000  # data rows per sheet
    max_columns: int = 200
    max_cell_chars: int = 32_767  # Excel's own cell limit
    max_unzipped_bytes: int = 300 * 1024 * 1024  # all members of a workbook together
    max_ratio: int = 200  # uncompressed / compressed per member; sheets run ~5-30
    max_members: int = 2_000
    max_cells: int = 10_000_000  # a sheet's used range, empty cells included (~320 MB read)


DEFAULT_LIMITS = Limits()
_SCAN_CHUNK = 4 << 20
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
# A cell typed as an error (#DIV/0!, #N/A, #REF!…): calamine reads it as empty, which
# would silently clear a field on update, so such a workbook is refused, naming the cell.
_ERROR_CELL = re.compile(rb"""<(?:[\w.-]+:)?c\b(?=[^>]*\st\s*=\s*["']e["'])"""
                         rb"""(?:[^>]*?\sr\s*=\s*["']\s*([A-Za-z]+\d+))?""")
_SHEET_DATA = re.compile(rb"<(?:[\w.-]+:)?sheetData[\s/>]")
# A row or cell start tag, with its reference when it has one ("B7" or "7"). A tag
# without one sits just after the previous row or cell, as calamine places it.
_POSITION = re.compile(rb"""<(?:[\w.-]+:)?(?:c|row)(?=[\s/>])"""
                       rb"""(?:[^>]*?\sr\s*=\s*["']\s*([A-Za-z]*)(\d+))?""")


def check_size(path: Path, limits: Limits) -> None:
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise FileRefused(f"is {size:,} bytes; imports accept at most {limits.max_bytes:,}")


def check_workbook(path: Path, limits: Limits) -> None:
    """Refuse a workbook whose zip could expand past the limits, whose XML declares a
    DTD, or whose sheets span too many cells. Python's zipfile never yields more than
    a member's declared size, so checking the declared sizes bounds what is read."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > limits.max_members:
                raise FileRefused(f"holds {len(members):,} parts; at most "
                                  f"{limits.max_members:,} are accepted")
            total = sum(m.file_size for m in members)
            if total > limits.max_unzipped_bytes:
                raise FileRefused(f"would unpack to {total:,} bytes; at most "
                                  f"{limits.max_unzipped_bytes:,} are accepted (a zip bomb?)")
            for member in members:
                ratio = member.file_size / max(member.compress_size, 1)
                if member.file_size > 1_000_000 and ratio > limits.max_ratio:
                    raise FileRefused(f"part {member.filename} expands {ratio:,.0f} times; "
                                      f"at most {limits.max_ratio} is accepted (a zip bomb?)")
            for member in members:  # every part: calamine follows names the rels give
                _check_part(archive, member, limits)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError,
            RuntimeError, zlib.error) as exc:  # RuntimeError: an encrypted part
        raise FileRefused(f"is not a readable .xlsx workbook ({exc})") from None


def _check_part(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limits: Limits) -> None:
    """Stream one part: no DTD anywhere in it, and a sheet's cells within max_cells."""
    sheet, rows, columns, unplaced = False, 0, 0, 0
    with archive.open(member) as stream:
        for data in _whole_tags(stream):
            if _DTD.search(data):
                raise FileRefused(f"part {member.filename} declares a DTD or entities, "
                                  "which workbooks never need; refused as unsafe")
            sheet = sheet or _SHEET_DATA.search(data) is not None
            error = _ERROR_CELL.search(data)
            if error is not None:
                cell = (error.group(1) or b"?").decode("ascii", "replace")
                raise FileRefused(f"cell {cell} of part {member.filename} holds an Excel "
                                  "error value (#DIV/0!, #N/A…); correct it and import again")
            found = _POSITION.findall(data)
            if found:
                numbers = [n for _, n in found]
                unplaced += numbers.count(b"")
                rows = max(rows, max(map(_row_number, filter(None, numbers)), default=0))
                columns = max(columns, *map(_column_number, {c for c, _ in found}))
    # An unreferenced row or cell sits one past the one before: each adds one at most.
    height, width = rows + unplaced, columns + unplaced
    if sheet and height * width > limits.max_cells:
        raise FileRefused(f"sheet part {member.filename} spans {height:,} rows by {width:,} "
                          f"columns; at most {limits.max_cells:,} cells are accepted")


def _whole_tags(stream: IO[bytes]) -> Iterator[bytes]:
    """The part in pieces that each end where a tag starts, so no tag is cut in two
    (XML allows no "<" inside a tag); a long tag is joined once, never re-copied."""
    pending: list[bytes] = []
    while chunk := stream.read(_SCAN_CHUNK):
        cut = chunk.rfind(b"<")
        if cut < 0:
            pending.append(chunk)
            continue
        yield b"".join([*pending, chunk[:cut]])
        pending = [chunk[cut:]]
    yield b"".join(pending)


def _row_number(digits: bytes) -> int:
    return int(digits) if len(digits) <= 9 else 10 ** 9  # far past any limit either way


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters[:6].upper():
        number = number * 26 + letter - 64
    return number
