"""Hostile and oversized files are refused with a message, and the plan is untouched.

Workbooks are read by python-calamine. Entity tricks meet two lines of defence, each
proven alone: our scan (planner.io.limits) refuses any DTD before calamine opens the
file, and calamine's XML parser expands no entity at all: it fails on the reference,
at once. A sheet naming a far-away cell would make calamine allocate its whole range
and abort the process, so such a sheet is refused before calamine sees it.
"""

from __future__ import annotations

import os
import time
import zipfile

import openpyxl
import pytest
from python_calamine import CalamineWorkbook, XmlError

from planner.errors import ValidationError
from planner.io.history_import import HistoryMapping, preview_history
from planner.io.imports import import_file
from planner.io.limits import DEFAULT_LIMITS, FileRefused, Limits, check_workbook
from tests.planner.io_support import Snapshot, write_rows

LAUGHS = (b'<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;")
                                                * 10) for i in range(1, 10))
          + b"]>\n")
SHEET = "xl/worksheets/sheet1.xml"


def _with_member(source, target, member, transform):
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) \
            as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item, transform(data) if item.filename == member else data)
    return target


def _poisoned(tmp_path, prolog=b"", name="laughs.xlsx"):
    """A workbook whose first string cell is a billion "lol"s, if entities expanded."""
    good = write_rows(tmp_path / "good.xlsx", [["Campaign", "Channel"], ["a", "b"]])

    def poison(data):
        body = data.split(b"?>", 1)[-1]
        assert b"<t>a</t>" in body
        return b'<?xml version="1.0"?>\n' + prolog + body.replace(b"<t>a</t>", b"<t>&lol9;</t>")
    return _with_member(good, tmp_path / name, SHEET, poison)


def _calamine_cells(path):
    """Calamine alone, without our checks: the second line of defence."""
    with CalamineWorkbook.from_path(path) as book:
        return book.get_sheet_by_index(0).to_python()


def test_billion_laughs_is_refused_by_us_and_by_calamine(plan, tmp_path):
    path = _poisoned(tmp_path, LAUGHS)
    snapshot = Snapshot(plan)
    report = import_file(plan, path, "flights")
    assert "declares a DTD or entities" in report.problems[0].reason
    assert snapshot.unchanged()
    started = time.perf_counter()
    with pytest.raises(XmlError, match="unrecognized entity `&lol9;`"):  # the second line
        _calamine_cells(path)
    assert time.perf_counter() - started < 1


def test_a_dtd_after_a_long_comment_is_still_found(plan, tmp_path):
    """The prolog may hold megabytes of comment before the DTD: the whole part is read."""
    filler = b"<!-- " + os.urandom(1_500_000).hex().encode() + b" -->\n"
    path = _poisoned(tmp_path, filler + LAUGHS)
    report = import_file(plan, path, "flights")
    assert "declares a DTD or entities" in report.problems[0].reason


def test_an_entity_reference_reaches_calamine_and_is_neither_expanded_nor_slow(plan, tmp_path):
    """Without a DTD our scan lets the part through: the calamine path itself refuses."""
    path = _poisoned(tmp_path)
    snapshot = Snapshot(plan)
    started = time.perf_counter()
    report = import_file(plan, path, "flights")
    assert time.perf_counter() - started < 2
    assert len(report.problems) == 1
    assert "not a readable .xlsx workbook (XmlError" in report.problems[0].reason
    assert "unrecognized entity" in report.problems[0].reason
    assert snapshot.unchanged()


def test_zip_bomb_is_refused_before_parsing(plan, tmp_path):
    good = write_rows(tmp_path / "good.xlsx", [["Campaign"], ["a"]])
    bomb = _with_member(good, tmp_path / "bomb.xlsx", SHEET,
                        lambda data: data + b" " * 50_000_000)
    assert bomb.stat().st_size < 200_000
    snapshot = Snapshot(plan)
    report = import_file(plan, bomb, "flights")
    assert "expands" in report.problems[0].reason and "zip bomb" in report.problems[0].reason
    small = Limits(max_unzipped_bytes=1_000_000)
    report = import_file(plan, bomb, "flights", limits=small)
    assert "would unpack to" in report.problems[0].reason
    assert snapshot.unchanged()


_B2 = b'<c r="B2" t="inlineStr"><is><t>b</t></is></c>'


@pytest.mark.parametrize("cell", [
    b'<c r="XFD1048576"><v>1</v></c>',  # Excel's last cell: 17 billion cells to allocate
    b'<c r="gr1000000"><v>1</v></c>',  # lower case is read too
    b'<c s="0" t="n" r = "GR1000000"><v>1</v></c>',
    b'</row><row r="1000000">' + b"<c><v>1</v></c>" * 20,  # cells placed one after another
])
def test_a_sheet_spanning_too_many_cells_is_refused_before_parsing(plan, tmp_path, cell):
    good = write_rows(tmp_path / "good.xlsx", [["Campaign", "Channel"], ["a", "b"]])
    far = _with_member(good, tmp_path / "far.xlsx", SHEET,
                       lambda data: data.replace(_B2, _B2 + cell))
    assert far.stat().st_size < 10_000
    snapshot = Snapshot(plan)
    report = import_file(plan, far, "flights")
    assert "cells are accepted" in report.problems[0].reason
    assert snapshot.unchanged()


def test_history_workbooks_are_checked_before_calamine_too(tmp_path):
    good = write_rows(tmp_path / "good.xlsx", [["week", "tv"], ["2025-01-06", 1]])
    far = _with_member(good, tmp_path / "far.xlsx", SHEET, lambda data: data.replace(
        b"</row></sheetData>", b'<c r="XFD1048576"><v>1</v></c></row></sheetData>'))
    with pytest.raises(ValidationError, match="cells are accepted"):
        preview_history(far, HistoryMapping(date_column="week", spend_columns={"tv": "TV"},
                                            currency_unit="yuan"))
    laughs = _poisoned(tmp_path, LAUGHS)
    with pytest.raises(ValidationError, match="declares a DTD"):
        preview_history(laughs, HistoryMapping(date_column="Campaign",
                                               spend_columns={"Channel": "TV"},
                                               currency_unit="yuan"))


def test_a_prefixed_far_cell_is_counted_too(plan, tmp_path):
    good = write_rows(tmp_path / "good.xlsx", [["Campaign", "Channel"], ["a", "b"]])

    def prefixed(data):
        for tag in (b"worksheet", b"sheetData", b"row", b"c", b"v", b"is", b"t"):
            data = data.replace(b"<%s " % tag, b"<x:%s " % tag).replace(
                b"<%s>" % tag, b"<x:%s>" % tag).replace(b"</%s>" % tag, b"</x:%s>" % tag)
        data = data.replace(b"<x:worksheet xmlns=", b"<x:worksheet xmlns:x=")
        return data.replace(b"</x:row></x:sheetData>",
                            b'<x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row></x:sheetData>')
    far = _with_member(good, tmp_path / "far.xlsx", SHEET, prefixed)
    report = import_file(plan, far, "flights")
    assert "spans 1,048,576 rows by 16,384 columns" in report.problems[0].reason


@pytest.mark.parametrize("limits, rows, reason", [
    (Limits(max_bytes=100), [["x" * 200]], "imports accept at most 100"),
    (Limits(max_rows=3), [["Campaign"]] + [["a"]] * 5, "more than 3 rows"),
    (Limits(max_columns=4), [["a"] * 6], "at most 4 are accepted"),
    (Limits(max_cells=10), [["Campaign", "Channel"]] + [["a", "b"]] * 5, "at most 10 cells"),
])
def test_size_row_column_and_cell_limits(plan, tmp_path, limits, rows, reason):
    if limits.max_cells == Limits().max_cells:  # the cell limit is a workbook's alone
        path = tmp_path / "big.csv"
        path.write_text("\n".join(",".join(r) for r in rows), encoding="utf-8")
        report = import_file(plan, path, "flights", limits=limits)
        assert reason in report.problems[0].reason
    path = write_rows(tmp_path / "big.xlsx", rows)
    if limits.max_bytes > 1000:
        assert reason in import_file(plan, path, "flights", limits=limits).problems[0].reason


def test_not_a_workbook_and_missing_file(plan, tmp_path):
    (tmp_path / "fake.xlsx").write_bytes(b"PK\x03\x04 not really")
    assert "not a readable .xlsx" in import_file(plan, tmp_path / "fake.xlsx", "flights")\
        .problems[0].reason
    assert "no such file" in import_file(plan, tmp_path / "nope.csv", "actuals")\
        .problems[0].reason


def test_a_formula_error_cell_is_refused_with_its_reference(tmp_path):
    """calamine reads #DIV/0! as an empty cell: on update that would clear a field."""
    path = tmp_path / "errors.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"], sheet["B3"] = "Budget", "=1/0"
    book.save(path)
    # openpyxl writes the formula without a cached value; give B3 the cached error
    # Excel would store, as a real export from Excel carries it.
    with zipfile.ZipFile(path) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    name = "xl/worksheets/sheet1.xml"
    parts[name] = parts[name].replace(b'<c r="B3">', b'<c r="B3" t="e">').replace(
        b"</f>", b"</f><v>#DIV/0!</v>")
    with zipfile.ZipFile(path, "w") as archive:
        for n, data in parts.items():
            archive.writestr(n, data)
    with pytest.raises(FileRefused, match=r"cell B3 .* error value"):
        check_workbook(path, DEFAULT_LIMITS)
