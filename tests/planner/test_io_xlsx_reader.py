"""What calamine reads is what the sheet shows: typed cells, exact money, row numbers
as Excel counts them, sheet names, merged and empty rows, Chinese text."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.chart import BarChart, Reference

from planner.io.history_import import HistoryMapping, preview_history
from planner.io.imports import import_file
from planner.io.tabular_read import read_tables
from planner.services import campaigns, channels

HEADER = ["Campaign", "Channel", "Start", "End", "Budget", "Units", "Committed", "Notes"]


def _book(path):
    """Header on row 3 (two empty rows above), an empty row 5, a merged block,
    a hidden sheet and a chart sheet."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "排期"
    sheet.append([])
    sheet.append([])
    sheet.append(HEADER)
    sheet.append(["618 大促", "天猫", dt.date(2026, 6, 1), dt.datetime(2026, 6, 18),
                  1234.56, 12, True, "双十一 预热"])
    sheet.append([])
    sheet.append(["618 大促", "天猫", dt.datetime(2026, 6, 2, 9, 30), "2026-06-20",
                  0.07, 2026.0, False, 2026])
    sheet.append(["merged", None, None])
    sheet.merge_cells("A7:C8")
    hidden = book.create_sheet("隐藏 hidden")
    hidden.append(["x"])
    hidden.sheet_state = "hidden"
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=5, min_row=3, max_row=6))
    book.create_chartsheet("图表").add_chart(chart)
    book.save(path)
    return path


def test_cells_sheets_and_row_numbers(tmp_path):
    flights, hidden = read_tables(_book(tmp_path / "f.xlsx"))  # the chart sheet has no cells
    assert (flights.sheet, hidden.sheet) == ("排期", "隐藏 hidden")
    assert flights.header == HEADER
    assert [number for number, _ in flights.rows] == [4, 6, 7]
    first, second, merged = (cells for _, cells in flights.rows)
    assert first == ["618 大促", "天猫", dt.date(2026, 6, 1), dt.date(2026, 6, 18), 1234.56, 12,
                     True, "双十一 预热"]
    assert type(first[5]) is int
    assert second == ["618 大促", "天猫", dt.datetime(2026, 6, 2, 9, 30), "2026-06-20", 0.07,
                      2026, False, 2026]
    assert merged == ["merged"]  # the merged block's other cells are empty, as in Excel
    assert hidden.rows == [] and hidden.header == ["x"]


def _seeded(plan):
    if plan.db.execute("SELECT COUNT(*) FROM channels").fetchone()[0] == 0:
        channels.create_channel(plan, "天猫", "web_shop")
        campaigns.create_campaign(plan, "618 大促", "promotion")
    return plan


def test_problems_are_located_on_the_excel_row(plan, tmp_path):
    report = import_file(_seeded(plan), _book(tmp_path / "f.xlsx"), "flights")
    [problem] = report.problems  # 09:30 is not a date; row 7 only names a campaign
    assert (problem.sheet, problem.row, problem.column, problem.value) == \
        ("排期", 6, "Start", dt.datetime(2026, 6, 2, 9, 30))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.integers(min_value=0, max_value=10**13), min_size=1, max_size=40))
def test_money_typed_as_a_number_imports_to_the_cent(plan, tmp_path, cents):
    """1234.56 is stored as the nearest double; it must come back as 123456, not 123455."""
    path = tmp_path / "money.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Flights"
    book.active.append(["Campaign", "Channel", "Start", "End", "Budget", "Flight"])
    for i, amount in enumerate(cents):
        book.active.append(["618 大促", "天猫", dt.date(2026, 6, 1), dt.date(2026, 6, 18),
                            float(Decimal(amount) / 100), f"排期 {i}"])
    book.save(path)
    plan = _seeded(plan)
    before = plan.db.execute("SELECT COALESCE(MAX(rowid), 0) FROM flights").fetchone()[0]
    report = import_file(plan, path, "flights")
    assert report.ok, [p.describe() for p in report.problems]
    budgets = [b for (b,) in plan.db.execute(
        "SELECT budget_minor FROM flights WHERE rowid > ? ORDER BY rowid", [before])]
    assert budgets == cents


def test_history_from_a_workbook_matches_the_csv(tmp_path):
    rows = [["周", "天猫", "营收"], [dt.date(2025, 1, 6), 1234.56, 9000],
            [dt.date(2025, 1, 13), 0.07, 9500.5]]
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(tmp_path / "h.xlsx")
    (tmp_path / "h.csv").write_text("\n".join(",".join(str(c) for c in r) for r in rows),
                                    encoding="utf-8")
    mapping = HistoryMapping(date_column="周", spend_columns={"天猫": "天猫"},
                             outcome_column="营收", currency_unit="yuan")
    from_book = preview_history(tmp_path / "h.xlsx", mapping)
    assert [r.spend_minor for r in from_book.rows] == [123456, 7]
    assert from_book.rows == preview_history(tmp_path / "h.csv", mapping).rows
