"""Sane limits for files a planner imports, and the checks that run before parsing.

An import reads files that come from outside (a colleague, an agency, a download).
Size, row and column limits stop a mistaken or hostile file before it costs memory;
the workbook checks stop zip bombs and XML entity tricks before openpyxl sees them.
openpyxl itself parses through defusedxml when it is installed (a declared
dependency), which refuses entity declarations; the checks here are the first line.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path


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


DEFAULT_LIMITS = Limits()
_SCAN_CHUNK = 1 << 20
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")


def check_size(path: Path, limits: Limits) -> None:
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise FileRefused(f"is {size:,} bytes; imports accept at most {limits.max_bytes:,}")


def check_workbook(path: Path, limits: Limits) -> None:
    """Refuse a workbook whose zip could expand past the limits or whose XML declares
    a DTD. Python's zipfile never yields more than a member's declared size, so
    checking the declared sizes bounds what openpyxl can inflate."""
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
            for member in members:
                if member.filename.endswith((".xml", ".rels")) and _declares_dtd(archive,
                                                                                   member):
                    raise FileRefused(f"part {member.filename} declares a DTD or entities, "
                                      "which workbooks never need; refused as unsafe")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as exc:
        raise FileRefused(f"is not a readable .xlsx workbook ({exc})") from None


def _declares_dtd(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """A DTD can only come before the root element, so the first chunk decides."""
    with archive.open(member) as stream:
        head = stream.read(_SCAN_CHUNK)
    return any(marker in head for marker in _DTD_MARKERS)
