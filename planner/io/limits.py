"""Sane limits for files a planner imports, and the checks that run before parsing.

An import reads files that come from outside (a colleague, an agency, a download).
Size, row and column limits stop a mistaken or hostile file before it costs memory.
Workbooks are read by calamine, which holds each sheet's whole used range in memory
(empty cells included) and aborts the process when that cannot be allocated. So every
part of a workbook is scanned here before calamine opens it: declared sizes stop zip
bombs, a DTD or entity declaration is refused (calamine's XML parser expands none,
it fails on them; this is the first line), a sheet whose cell references span more
than :attr:`Limits.max_cells` is refused, since a few bytes can name cell XFD1048576,
and so is one whose rows run past :attr:`Limits.max_sheet_rows`, as soon as the scan
reaches them (two million rows are refused after reading a tenth of them). The
declared <dimension> is never believed: calamine sizes a sheet by its cells.

The scan reads the common form, every tag `<c r="B7"` / `<row r="7"`, a megabyte at a
time with numpy (about 40 MB of sheet XML in a third of a second); any piece written
otherwise goes through the exact regular-expression scan, so an odd or hostile file
is checked just as strictly, only more slowly.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any


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

    @property
    def max_sheet_rows(self) -> int:
        """The last row a sheet may use: the data rows, and room for titles and notes."""
        return self.max_rows + 1_000


DEFAULT_LIMITS = Limits()
_SCAN_CHUNK = 1 << 20
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
# A cell typed as an error (#DIV/0!, #N/A, #REF!…): calamine reads it as empty, which
# would silently clear a field on update, so such a workbook is refused, naming the cell.
_ERROR_CELL = re.compile(rb"""<(?:[\w.-]+:)?c\b(?=[^>]*\st\s*=\s*["']e["'])"""
                         rb"""(?:[^>]*?\sr\s*=\s*["']\s*([A-Za-z]+\d+))?""")
_TAG_ENDS = list(b" \t\r\n/>")  # what may follow a tag's name
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
    """Stream one part: no DTD anywhere in it, and a sheet's cells within max_cells and
    its rows within :attr:`Limits.max_sheet_rows` (refused as soon as a piece shows it)."""
    sheet, rows, columns, unplaced = False, 0, 0, 0
    with archive.open(member) as stream:
        for data in _whole_tags(stream):
            if _DTD.search(data):
                raise FileRefused(f"part {member.filename} declares a DTD or entities, "
                                  "which workbooks never need; refused as unsafe")
            sheet = sheet or (b"sheetData" in data and _SHEET_DATA.search(data) is not None)
            found = plain_positions(data)
            if found is None:
                found = _positions(data, member)
            rows, columns = max(rows, found[0]), max(columns, found[1])
            unplaced += found[2]
            if sheet:
                _check_span(member, rows + unplaced, columns + unplaced, limits)
    # An unreferenced row or cell sits one past the one before: each adds one at most.
    if sheet:
        _check_span(member, rows + unplaced, columns + unplaced, limits)


def _check_span(member: zipfile.ZipInfo, height: int, width: int, limits: Limits) -> None:
    if height * width > limits.max_cells:
        raise FileRefused(f"sheet part {member.filename} spans {height:,} rows by {width:,} "
                          f"columns; at most {limits.max_cells:,} cells are accepted")
    if height > limits.max_sheet_rows:
        raise FileRefused(f"sheet part {member.filename} runs to row {height:,}; at most "
                          f"{limits.max_rows:,} rows are accepted: split it into smaller files")


def _positions(data: bytes, member: zipfile.ZipInfo) -> tuple[int, int, int]:
    """The exact scan of a piece: no error cell; -> its highest row and column
    reference and how many row and cell tags have none."""
    error = _ERROR_CELL.search(data)
    if error is not None:
        cell = (error.group(1) or b"?").decode("ascii", "replace")
        raise FileRefused(f"cell {cell} of part {member.filename} holds an Excel "
                          "error value (#DIV/0!, #N/A…); correct it and import again")
    found = _POSITION.findall(data)
    if not found:
        return 0, 0, 0
    numbers = [n for _, n in found]
    return (max(map(_row_number, filter(None, numbers)), default=0),
            max(map(_column_number, {c for c, _ in found})), numbers.count(b""))


def plain_positions(data: bytes) -> tuple[int, int, int] | None:
    """The fast scan of a piece written as spreadsheet programs write sheets: every row
    and cell tag opens `<row r="7"` / `<c r="B7"` (no prefix, the reference first, in
    double quotes) and no attribute is "e" (an error cell's type). -> its highest row
    and column; None for any other piece, which the exact scan reads (a hostile file
    gains nothing by writing oddly, only the slower scan)."""
    if b'"e"' in data or (b"'" in data and b"'e'" in data) or (
            b":" in data and (b":c" in data or b":row" in data)):
        return None
    import numpy as np

    raw = np.frombuffer(data + b"\0" * 32, dtype=np.uint8)
    opens = np.flatnonzero(raw[:len(data)] == ord("<"))
    starts = []
    for name in (b"c", b"row"):
        tags = _followed(raw, opens, name)
        tags = tags[np.isin(raw[tags + len(name) + 1], _TAG_ENDS)]
        referenced = _followed(raw, tags, name + b' r="')
        if len(referenced) != len(tags):
            return None
        starts.append(referenced + len(name) + 5)
    if not len(starts[0]) + len(starts[1]):
        return 0, 0, 0
    return _references(raw, np.concatenate(starts))


def _followed(raw: Any, positions: Any, text: bytes) -> Any:
    """The positions whose next bytes are `text`."""
    for offset, byte in enumerate(text, start=1):
        positions = positions[raw[positions + offset] == byte]
    return positions


def _references(raw: Any, starts: Any) -> tuple[int, int, int] | None:
    """Highest row and column of the references (letters, digits, a closing quote)
    beginning at `starts`; None unless every one is plain (at most 3 letters and 7
    digits, as Excel's own XFD1048576). Read a byte at a time across all of them, so
    the memory is a few numbers per reference."""
    import numpy as np

    count = len(starts)
    row, column, letters, digits = (np.zeros(count, dtype=np.int64) for _ in range(4))
    lettering, done = np.ones(count, dtype=bool), np.zeros(count, dtype=bool)
    for offset in range(11):
        byte = raw[starts + offset]
        upper = byte & 0xDF  # a-z to A-Z
        letter = lettering & (upper - ord("A") < 26)  # (bytes wrap below "A")
        column = np.where(letter, column * 26 + upper - (ord("A") - 1), column)
        letters += letter
        lettering = letter
        reading = ~lettering & ~done
        digit = reading & (byte - ord("0") < 10)
        row = np.where(digit, row * 10 + byte - ord("0"), row)
        digits += digit
        closed = reading & ~digit
        if (closed & (byte != ord('"'))).any():
            return None
        done |= closed
    if not done.all() or (digits == 0).any() or (letters > 3).any() or (digits > 7).any():
        return None
    return int(row.max()), int(column.max()), 0


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
