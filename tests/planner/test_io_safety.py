"""Hostile and oversized files are refused with a message, and the plan is untouched.

The billion-laughs test goes through both lines of defence: our reader refuses the
DTD before parsing, and openpyxl on its own (reading through defusedxml) refuses it
too, so neither line depends on the other.
"""

from __future__ import annotations

import zipfile

import openpyxl
import openpyxl.xml
import pytest

from planner.io.imports import import_file
from planner.io.limits import Limits
from tests.planner.io_support import Snapshot, write_rows

LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;")
                                                * 10) for i in range(1, 10))
          + b"]>\n")


def _with_member(source, target, member, transform):
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) \
            as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item, transform(data) if item.filename == member else data)
    return target


def _billion_laughs(tmp_path):
    good = write_rows(tmp_path / "good.xlsx", [["Campaign", "Channel"], ["a", "b"]])

    def poison(data):  # the first string cell becomes a billion "lol"s
        body = data.split(b"?>", 1)[-1]
        assert b"<t>a</t>" in body
        return LAUGHS + body.replace(b"<t>a</t>", b"<t>&lol9;</t>")
    return _with_member(good, tmp_path / "laughs.xlsx", "xl/worksheets/sheet1.xml", poison)


def test_openpyxl_reads_through_defusedxml():
    assert openpyxl.xml.DEFUSEDXML is True


def test_billion_laughs_is_refused_by_us_and_by_openpyxl(plan, tmp_path):
    path = _billion_laughs(tmp_path)
    snapshot = Snapshot(plan)
    report = import_file(plan, path, "flights")
    assert "declares a DTD or entities" in report.problems[0].reason
    assert snapshot.unchanged()
    from defusedxml import DTDForbidden, EntitiesForbidden

    with pytest.raises(ValueError) as refused:  # the second line holds alone
        book = openpyxl.load_workbook(path, read_only=True)
        list(book.worksheets[0].iter_rows(values_only=True))
    assert isinstance(refused.value.__cause__ or refused.value,
                      (DTDForbidden, EntitiesForbidden))


def test_zip_bomb_is_refused_before_parsing(plan, tmp_path):
    good = write_rows(tmp_path / "good.xlsx", [["Campaign"], ["a"]])
    bomb = _with_member(good, tmp_path / "bomb.xlsx", "xl/worksheets/sheet1.xml",
                        lambda data: data + b" " * 50_000_000)
    assert bomb.stat().st_size < 200_000
    snapshot = Snapshot(plan)
    report = import_file(plan, bomb, "flights")
    assert "expands" in report.problems[0].reason and "zip bomb" in report.problems[0].reason
    small = Limits(max_unzipped_bytes=1_000_000)
    report = import_file(plan, bomb, "flights", limits=small)
    assert "would unpack to" in report.problems[0].reason
    assert snapshot.unchanged()


@pytest.mark.parametrize("limits, rows, reason", [
    (Limits(max_bytes=100), [["x" * 200]], "imports accept at most 100"),
    (Limits(max_rows=3), [["Campaign"]] + [["a"]] * 5, "more than 3 rows"),
    (Limits(max_columns=4), [["a"] * 6], "at most 4 are accepted"),
])
def test_size_row_and_column_limits(plan, tmp_path, limits, rows, reason):
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
