"""Export -> import into an empty plan reproduces every campaign and flight exactly;
re-importing into the same plan updates by id; an import is one undo step."""

from __future__ import annotations

import csv

import pytest

from planner.io.columns import CAMPAIGN_COLUMNS, FLIGHT_COLUMNS, table_rows
from planner.io.csv_export import export_csv
from planner.io.imports import import_file
from planner.storage import history
from tests.plan_dump import dump
from tests.planner.io_support import Snapshot, demo, empty_like, write_workbook

TABLES = ("segments", "channels", "campaigns", "flights")


@pytest.fixture
def source(tmp_path):
    plan = demo(tmp_path)
    yield plan
    plan.close()


def _same_records(a, b):
    """Campaigns, flights, channels' names and kinds, segments: equal field by field."""
    assert table_rows(a) == table_rows(b)
    keep = {"channels": "id, name, kind, grp", "segments": "id, name, tier",
            "campaigns": "*", "flights": "*"}
    for table, columns in keep.items():
        query = f"SELECT {columns} FROM {table} ORDER BY id"
        assert list(a.db.execute(query)) == list(b.db.execute(query)), table


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "xlsx-zh"])
def test_export_import_into_empty_plan_is_exact(source, tmp_path, fmt):
    path = tmp_path / f"out.{fmt[:4]}"
    if fmt == "csv":
        export_csv(source, path)
    else:
        write_workbook(source, path, "zh" if fmt.endswith("zh") else "en")
    target = empty_like(source, tmp_path / "empty.cplan")
    report = import_file(target, path, "flights")
    assert report.ok, [p.describe() for p in report.problems]
    assert report.added["flights"] == len(table_rows(source)[3])
    _same_records(source, target)
    target.close()


def test_reimport_into_same_plan_changes_nothing(source, tmp_path):
    export_csv(source, tmp_path / "f.csv")
    before = dump(source.db.conn)
    report = import_file(source, tmp_path / "f.csv", "flights")
    assert report.ok and not report.added and not report.updated
    assert report.action_id is None
    assert dump(source.db.conn) == before


def test_edited_export_updates_by_id_in_one_undo_step(source, tmp_path):
    path = tmp_path / "f.csv"
    export_csv(source, path)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    budget = table[0].index("Budget")
    table[1][budget] = "1234567.89"
    table[2][table[0].index("Notes")] = "改了 = edited"
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(table)
    before = dump(source.db.conn)
    count = source.db.execute("SELECT COUNT(*) FROM flights").fetchone()[0]
    report = import_file(source, path, "flights")
    assert report.ok and report.updated == {"flights": 2} and not report.added
    assert source.db.execute("SELECT COUNT(*) FROM flights").fetchone()[0] == count
    row = source.db.execute("SELECT budget_minor FROM flights WHERE id = ?",
                            [table[1][0]]).fetchone()
    assert row == (123456789,)
    assert history.get_action(source, report.action_id).label == "Import flights"
    history.undo(source, report.action_id)
    assert dump(source.db.conn, TABLES) == {k: v for k, v in before.items() if k in TABLES}


def test_dry_run_counts_and_writes_nothing(source, tmp_path):
    export_csv(source, tmp_path / "f.csv")
    target = empty_like(source, tmp_path / "empty.cplan")
    snapshot = Snapshot(target)
    report = import_file(target, tmp_path / "f.csv", "flights", dry_run=True)
    assert report.ok and report.added["campaigns"] == len(table_rows(source)[1])
    assert "would add" in report.summary()
    assert snapshot.unchanged()
    target.close()


def test_headers_in_any_case_and_in_chinese(source, tmp_path):
    path = tmp_path / "f.csv"
    export_csv(source, path, language="zh")
    text = path.read_text(encoding="utf-8-sig")
    assert text.startswith("编号,活动,活动编号,渠道")
    path.write_text(text.replace("ID,", "id,", 1), encoding="utf-8-sig")
    target = empty_like(source, tmp_path / "empty.cplan")
    assert import_file(target, path, "flights").ok
    _same_records(source, target)
    target.close()


def test_layout_names_every_column_in_both_languages():
    for column in (*CAMPAIGN_COLUMNS, *FLIGHT_COLUMNS):
        assert column.en and column.zh and column.en != column.zh
