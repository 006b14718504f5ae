"""Helpers for the import/export tests: a demo plan, workbooks written with openpyxl
from `table_rows`, and "the plan file is unchanged" as dump plus file bytes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from planner.demo import build_demo
from planner.io.columns import CAMPAIGNS_SHEET, FLIGHTS_SHEET, table_rows
from planner.storage import rows
from planner.storage.plan_file import Plan, create_plan
from tests.plan_dump import dump

TODAY = dt.date(2026, 5, 20)


def demo(tmp_path: Path) -> Plan:
    return build_demo(tmp_path / "demo.cplan", year=2026, today=TODAY)


def empty_like(plan: Plan, path: Path) -> Plan:
    """An empty plan with the same settings (currency, horizon)."""
    return create_plan(path, rows.read_settings(plan.db))


def _cell(value: Any) -> Any:
    return float(value) if isinstance(value, Decimal) else value


def write_workbook(plan: Plan, path: Path, language: str = "en") -> Path:
    """Sheets Campaigns and Flights as the workbook export writes them."""
    import openpyxl

    campaign_headers, campaign_rows, flight_headers, flight_rows = table_rows(plan, language)
    book = openpyxl.Workbook()
    for sheet, header, data in ((CAMPAIGNS_SHEET, campaign_headers, campaign_rows),
                                (FLIGHTS_SHEET, flight_headers, flight_rows)):
        ws = book.create_sheet(sheet)
        ws.append(header)
        for row in data:
            ws.append([_cell(v) for v in row])
    del book["Sheet"]
    book.save(path)
    return path


def write_rows(path: Path, rows_: list[list[Any]], sheet: str = "Flights") -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows_:
        ws.append(row)
    book.save(path)
    return path


class Snapshot:
    """The plan's contents and its file's bytes, to prove an import changed nothing."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        plan.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.contents = dump(plan.db.conn)
        self.bytes = plan.path.read_bytes()

    def unchanged(self) -> bool:
        self.plan.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return dump(self.plan.db.conn) == self.contents and \
            self.plan.path.read_bytes() == self.bytes
