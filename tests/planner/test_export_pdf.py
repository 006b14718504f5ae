"""The calendar PDF spans pages with lane labels on each; the budget PNG renders."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from planner.errors import ValidationError
from planner.io.budget_png import export_budget_png
from planner.io.fonts import font_rc
from planner.io.pdf_calendar import Bar, export_calendar_pdf, page_rows
from planner.storage.plan_file import Plan
from tests.planner.export_plans import long_plan, small_plan

PAGE = re.compile(rb"/Type\s*/Page\b(?!s)")


def pages(path: Path) -> int:
    return len(PAGE.findall(path.read_bytes()))


def test_long_plan_spans_several_pages(plan: Plan, tmp_path: Path) -> None:
    long_plan(plan)
    a4 = export_calendar_pdf(plan, tmp_path / "a4.pdf")
    a3 = export_calendar_pdf(plan, tmp_path / "a3.pdf", page_size="A3")
    assert a4.read_bytes().startswith(b"%PDF")
    assert pages(a4) > 4  # four quarters at least, more where lanes overflow
    assert 1 < pages(a3) < pages(a4)


def test_date_range_limits_pages(plan: Plan, tmp_path: Path) -> None:
    small_plan(plan)
    path = export_calendar_pdf(plan, tmp_path / "q4.pdf", start=dt.date(2026, 10, 1),
                               end=dt.date(2026, 12, 31))
    assert pages(path) == 1


def test_lanes_continued_on_a_page_are_labelled_again() -> None:
    day = dt.date(2026, 1, 1)
    bars = [Bar(day, day + dt.timedelta(days=30), f"b{i}", "#000000") for i in range(5)]
    cut = page_rows([("天猫", bars), ("抖音", [])], (day, dt.date(2026, 3, 31)), per_page=3)
    assert [[r.lane for r in page if r.first] for page in cut] == [["天猫"],
                                                                   ["天猫 (cont.)", "抖音"]]


def test_bad_page_size_and_range(plan: Plan, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        export_calendar_pdf(plan, tmp_path / "x.pdf", page_size="Letter")
    with pytest.raises(ValidationError):
        export_calendar_pdf(plan, tmp_path / "x.pdf", start=dt.date(2026, 5, 1),
                            end=dt.date(2026, 4, 1))
    assert not (tmp_path / "x.pdf").exists()


def test_fonts_fall_back_from_latin() -> None:
    assert font_rc()["font.family"][0] == "DejaVu Sans"


def test_budget_png(plan: Plan, tmp_path: Path) -> None:
    small_plan(plan)
    path = export_budget_png(plan, tmp_path / "budget.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
