"""The exported workbook read back with openpyxl: live totals, charts, frozen
headers, Chinese text and money to the cent; written whole or not at all."""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from planner.domain.entities import Flight
from planner.domain.money import to_major
from planner.errors import PlannerError
from planner.io.atomic import write_atomically
from planner.io.workbook import export_xlsx
from planner.services import budget, frames
from planner.storage import rows
from planner.storage.plan_file import Plan
from tests.planner.export_plans import small_plan


@pytest.fixture
def book(plan: Plan, tmp_path: Path) -> tuple[Plan, Path]:
    small_plan(plan)
    return plan, export_xlsx(plan, tmp_path / "plan.xlsx")


def test_sheets_and_frozen_headers(book: tuple[Plan, Path]) -> None:
    wb = openpyxl.load_workbook(book[1])
    assert wb.sheetnames == ["Summary", "Flowchart", "Campaigns", "Flights", "Budget",
                             "Charts", "Actuals"]  # no scenario stored, no Scenario sheet
    assert wb["Flights"].freeze_panes == "A2"
    assert wb["Campaigns"].freeze_panes == "A2"
    assert wb["Budget"].freeze_panes == "B4"
    assert wb["Flowchart"].freeze_panes == "D6"


def _budget_cells(path: Path, data_only: bool) -> list[list[object]]:
    ws = openpyxl.load_workbook(path, data_only=data_only)["Budget"]
    return [list(r) for r in ws.iter_rows(min_row=3, max_row=6, values_only=True)]


def test_budget_totals_are_live_formulas_with_cached_results(book: tuple[Plan, Path]) -> None:
    plan, path = book
    formulas, cached = _budget_cells(path, False), _budget_cells(path, True)
    header, tmall, douyin, total = formulas
    assert header[0] == "Channel" and header[-1] == "Total" and header[1] == "Jan 2026"
    assert tmall[-1] == "=SUM(B4:M4)" and douyin[-1] == "=SUM(B5:M5)"
    assert total[0] == "Total"
    assert all(str(v).startswith("=SUM(") for v in total[1:])
    planned = budget.totals(frames.load(plan))["planned_minor"]
    assert Decimal(str(cached[3][-1])) == to_major(planned)
    month_sum = sum(Decimal(str(v)) for row in cached[1:3] for v in row[1:-1])
    assert month_sum == to_major(planned)


def test_brand_split_adds_up_and_share_is_a_formula(book: tuple[Plan, Path]) -> None:
    plan, path = book
    ws = openpyxl.load_workbook(path)["Budget"]
    labels = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    assert ws.cell(labels["Brand share"], 14).value.startswith("=IF(")
    values = openpyxl.load_workbook(path, data_only=True)["Budget"]
    t = budget.totals(frames.load(plan))
    assert Decimal(str(values.cell(labels["Brand"], 14).value)) == to_major(t["brand_minor"])
    assert (Decimal(str(values.cell(labels["Promotion"], 14).value))
            == to_major(t["promotion_minor"]))


def test_native_charts(book: tuple[Plan, Path]) -> None:
    with zipfile.ZipFile(book[1]) as z:
        charts = [n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
        assert len(charts) == 3
        assert all(b"Budget" in z.read(n) for n in charts)  # drawn from the Budget cells
    assert len(openpyxl.load_workbook(book[1])["Charts"]._charts) == 3


def test_chinese_names_and_exact_money(book: tuple[Plan, Path]) -> None:
    plan, path = book
    wb = openpyxl.load_workbook(path)
    flights = {f.id: f for f in rows.all_of(plan.db, Flight)}
    ws = wb["Flights"]
    head = [c.value for c in ws[1]]
    got = {r[head.index("ID")]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert set(got) == set(flights)
    for fid, f in flights.items():
        assert Decimal(str(got[fid][head.index("Budget")])) == to_major(f.budget_minor)
        assert got[fid][head.index("Start")].date() == f.start
    campaigns = {r[1] for r in wb["Campaigns"].iter_rows(min_row=2, values_only=True)}
    assert campaigns == {"新春品牌大片 · 团圆", "双11 预售 =SUM(A1)"}  # text, never a formula
    assert wb["Budget"]["A4"].value == "天猫旗舰店 Tmall"


def test_flowchart_weeks_add_up_and_festival_is_marked(book: tuple[Plan, Path]) -> None:
    plan, path = book
    ws = openpyxl.load_workbook(path, data_only=True)["Flowchart"]
    formulas = openpyxl.load_workbook(path)["Flowchart"]
    campaign_rows = [r for r in range(6, ws.max_row + 1) if ws.cell(r, 2).value]
    cells = sum(Decimal(str(ws.cell(r, c).value)) for r in campaign_rows
                for c in range(4, ws.max_column + 1) if ws.cell(r, c).value is not None)
    assert cells == to_major(budget.totals(frames.load(plan))["planned_minor"])
    assert formulas.cell(ws.max_row, 1).value == "All channels"
    assert formulas.cell(ws.max_row, 3).value.startswith("=SUBTOTAL(9,")
    marks = [ws.cell(3, c).value for c in range(4, ws.max_column + 1)]
    weeks = [ws.cell(5, c).value for c in range(4, ws.max_column + 1)]
    assert [w for w, m in zip(weeks, marks, strict=True) if m and "双11" in m] == ["W44", "W45",
                                                                                   "W46"]


def test_summary_has_findings_and_brand_share_formula(book: tuple[Plan, Path]) -> None:
    ws = openpyxl.load_workbook(book[1])["Summary"]
    values = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, ws.max_row + 1)}
    assert values["Brand share"].startswith("=IF(")
    assert values["Headroom (budget − allocated)"].startswith("=")
    assert "Health findings" in values
    assert any(ws.cell(r, 3).value == "no_kpi_target" for r in range(1, ws.max_row + 1))


def test_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"the old export")

    def half_then_fail(path: Path) -> None:
        path.write_bytes(b"half a work")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_atomically(target, half_then_fail)
    assert target.read_bytes() == b"the old export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]


def test_missing_folder_is_a_clear_error(plan: Plan, tmp_path: Path) -> None:
    with pytest.raises(PlannerError, match="does not exist"):
        export_xlsx(plan, tmp_path / "nowhere" / "plan.xlsx")
    assert not (tmp_path / "nowhere").exists()


def test_empty_plan_exports(plan: Plan, tmp_path: Path) -> None:
    path = export_xlsx(plan, tmp_path / "empty.xlsx")
    assert openpyxl.load_workbook(path)["Budget"]["A3"].value == "Channel"


# -- the latest optimiser scenario ---------------------------------------------------------

@pytest.fixture(scope="module")
def optimised(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo plan with one optimiser run stored (module-wide: the solve takes a while)."""
    import datetime as dt

    from planner.demo import build_demo
    from planner.services import optimise, scenarios
    from planner.storage.plan_file import open_plan

    path = tmp_path_factory.mktemp("optimised") / "demo.cplan"
    build_demo(path, year=2026, today=dt.date(2026, 7, 15)).close()
    with open_plan(path, take_backup=False) as plan:
        problem = optimise.build_problem(plan, grain="month", today=dt.date(2026, 7, 15))
        scenarios.save_scenario(plan, "月度优化 Monthly", problem, optimise.run(plan, problem))
    return path


def test_latest_scenario_sheet(optimised: Path, tmp_path: Path) -> None:
    from planner.services.scenarios import list_scenarios
    from planner.storage.plan_file import open_plan

    with open_plan(optimised, read_only=True) as plan:
        path = export_xlsx(plan, tmp_path / "demo.xlsx")
        scenario = list_scenarios(plan)[-1]
    ws = openpyxl.load_workbook(path, data_only=True)["Scenario"]
    assert ws["A1"].value == "Scenario: 月度优化 Monthly"
    column = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
    top = column.index("Channel") + 1
    spend = {ws.cell(r, 1).value: Decimal(str(ws.cell(r, 2).value))
             for r in range(top + 1, top + 1 + len(scenario.result["channels"]))}
    assert spend == {c["name"]: to_major(c["spend_minor"]) for c in scenario.result["channels"]}


def test_export_is_readable_like_any_new_file(plan: Plan, tmp_path: Path) -> None:
    import os

    umask = os.umask(0o022)
    os.umask(umask)
    path = export_xlsx(plan, tmp_path / "plan.xlsx")
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
