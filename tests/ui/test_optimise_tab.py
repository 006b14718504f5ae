"""The Optimise tab on the demo plan: runs from the tab equal runs through the
planner, Cancel ends a long run, an impossible setup is explained, frontier
points can be clicked, and scenarios are compared and applied (undoably)."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from planner.domain.money import format_money
from planner.services import optimise
from planner.services.scenarios import list_scenarios
from planner.storage.plan_file import open_plan, reader
from solver.result import Allocation
from tests.plan_dump import dump
from tests.ui.optimise_support import TODAY, make_demo, widen
from ui.document import PlanDocument
from ui.models.plan_index import PlanIndex
from ui.optimise import OptimiseTab
from ui.selection import Selection

SOLVE_MS = 120_000


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("demo") / "demo.cplan")


@pytest.fixture(scope="module")
def wide_file(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return widen(Path(shutil.copyfile(demo_file, tmp_path_factory.mktemp("wide") / "w.cplan")),
                 50)


@dataclass
class Opened:
    path: Path
    document: PlanDocument
    index: PlanIndex
    tab: OptimiseTab


def open_tab(qtbot: QtBot, source: Path, tmp_path: Path) -> Opened:
    path = Path(shutil.copyfile(source, tmp_path / "plan.cplan"))
    document = PlanDocument()
    index = PlanIndex(document)
    tab = OptimiseTab(document, index, Selection(index))
    qtbot.addWidget(tab)
    document.open(open_plan(path, take_backup=False))
    tab.editor.set_today(TODAY)
    tab.resize(1400, 900)
    tab.show()
    return Opened(path, document, index, tab)


@pytest.fixture
def demo(qtbot: QtBot, demo_file: Path, tmp_path: Path) -> Iterator[Opened]:
    opened = open_tab(qtbot, demo_file, tmp_path)
    yield opened
    opened.tab.shutdown()
    opened.document.close()


def run(qtbot: QtBot, tab: OptimiseTab) -> object:
    finished: list[object] = []
    tab.run_finished.connect(finished.append)
    qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.runner.busy, timeout=SOLVE_MS)
    tab.run_finished.disconnect(finished.append)
    assert finished, tab.status_label.text()
    return finished[0]


def direct(path: Path, **kwargs: object) -> tuple[optimise.PlanProblem, object]:
    with reader(path) as plan:
        problem = optimise.build_problem(plan, grain="month", today=TODAY, **kwargs)
        return problem, optimise.run(plan, problem)


def test_a_run_shows_what_the_planner_computes_and_is_saved(qtbot: QtBot, demo: Opened):
    tab = demo.tab
    assert tab.editor.budget_edit.text() == format_money(
        demo.index.settings.total_budget_minor, "CNY", symbol=False)
    run(qtbot, tab)
    problem, result = direct(demo.path)
    assert isinstance(result, Allocation)
    figures = tab.results.figures
    assert figures is not None
    assert figures.objective_minor == problem.to_minor(result.objective)
    assert figures.gap == pytest.approx(result.gap, rel=1e-9, abs=1e-15)
    assert np.array_equal(figures.spend, problem.spend_minor(result.spend).sum(axis=(1, 2)))
    assert format_money(figures.objective_minor, "CNY") in tab.results.value_label.text()
    assert f"{result.gap:.4%}" in tab.results.gap_label.text()
    assert tab.results.binding_list.count() > 0
    assert tab.results.heat_model.rowCount() == len(problem.channel_ids)
    assert tab.results.heat_model.columnCount() == 12
    heat_total = sum(tab.results.heat_model.amount(r, c) for r in range(16) for c in range(12))
    assert abs(heat_total - int(figures.spend.sum())) <= 16 * 12
    bars = tab.results.bars
    tab.results.detail.setCurrentWidget(bars)
    qtbot.waitUntil(lambda: bars.up_to_date, timeout=5000)
    assert bars.summary["channels"] == len(problem.channel_ids)
    assert bars.summary["optimised"] == pytest.approx(figures.spend.sum() / 100_000)
    assert bars.summary["current"] == pytest.approx(figures.current_spend.sum() / 100_000)
    assert bars.axes[0].legend == ("Current plan", "Optimised")
    # Saved as a scenario, undoably; undo removes it again.
    stored = demo.document.run(list_scenarios)
    assert len(stored) == 1 and stored[0].result["objective_minor"] == figures.objective_minor
    assert tab.scenarios.list.count() == 1
    assert demo.document.undo_stack.undoText() == "Save scenario"
    demo.document.undo_stack.undo()
    assert demo.document.run(list_scenarios) == [] and tab.scenarios.list.count() == 0


def test_constraints_reach_the_problem(qtbot: QtBot, demo: Opened):
    editor = demo.tab.editor
    editor.share_min.setValue(20)
    editor.share_max.setValue(30)
    channel = min(demo.index.channels.values(), key=lambda c: (c.sort_order, c.name))
    cap = channel.min_spend_minor + 1_000_000_00
    limits = editor.limits_model
    assert limits.setData(limits.index(0, 2), format_money(cap, "CNY", symbol=False))
    assert not limits.setData(limits.index(0, 1), "lots")
    request = editor.request()
    assert request.brand_share == (0.2, 0.3)
    assert request.channel_limits == {channel.id: (channel.min_spend_minor, cap)}
    outcome = run(qtbot, demo.tab)
    assert outcome.problem.problem.brand_share == (0.2, 0.3)
    spend = outcome.problem.spend_minor(outcome.result.spend)
    assert spend[0].sum() <= cap
    assert 0.2 - 1e-6 <= spend[:, :, 0].sum() / spend.sum() <= 0.3 + 1e-6


def test_cancel_ends_a_long_run_promptly(qtbot: QtBot, wide_file: Path, tmp_path: Path):
    opened = open_tab(qtbot, wide_file, tmp_path)
    tab = opened.tab
    try:
        tab.editor.grain_combo.setCurrentIndex(tab.editor.grain_combo.findData("week"))
        tab.editor.tolerance_combo.setCurrentIndex(tab.editor.tolerance_combo.findData(1e-8))
        with qtbot.waitSignal(tab.runner.progress, timeout=SOLVE_MS):
            qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
        assert not tab.run_button.isEnabled() and tab.cancel_button.isEnabled()
        started = time.perf_counter()
        with qtbot.assertNotEmitted(tab.run_finished), \
                qtbot.waitSignal(tab.runner.cancelled, timeout=3000):
            qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
        assert time.perf_counter() - started < 2.0  # the whole run takes ~20 s
        assert tab.run_button.isEnabled() and tab.status_label.text() == "Cancelled."
        assert opened.document.run(list_scenarios) == []
    finally:
        tab.shutdown()
        opened.document.close()


def test_an_impossible_setup_is_explained(qtbot: QtBot, demo: Opened, prompts):
    editor = demo.tab.editor
    editor.budget_edit.setText("1,000")  # far below what committed flights hold
    outcome = run(qtbot, demo.tab)
    assert not isinstance(outcome.result, Allocation)
    text = demo.tab.results.explanation.text()
    assert text.startswith("No allocation is possible")
    for conflict in outcome.result.conflicts:
        assert conflict.message in text
    assert demo.tab.results.pages.currentWidget() is demo.tab.results.explanation
    assert prompts.informed == []
    _, planner_result = direct(demo.path, budget_minor=1_000_00)
    assert [c.message for c in planner_result.conflicts] == \
        [c.message for c in outcome.result.conflicts]
    stored = demo.document.run(list_scenarios)
    assert len(stored) == 1 and not stored[0].feasible


def test_clicking_a_frontier_point_shows_it(qtbot: QtBot, demo: Opened):
    tab = demo.tab
    tab.points_box.setValue(7)
    with qtbot.waitSignal(tab.frontier_finished, timeout=SOLVE_MS):
        qtbot.mouseClick(tab.frontier_button, Qt.MouseButton.LeftButton)
    panel = tab.frontier
    points = panel.points()
    assert len(points) == 7
    assert [b for b, _ in points] == sorted(b for b, _ in points)
    chart = panel.chart
    qtbot.waitUntil(lambda: chart.up_to_date, timeout=5000)
    assert chart.summary == {"points": 7, "current": panel.outcome.current, "chosen": None}
    assert chart.axes[0].legend == ("Frontier", "Current plan")
    assert len(chart.last.points) == 7  # the frontier's; the current plan is not pickable
    x, y = chart.last.points[3]
    assert chart.point_at(x, y) == 3
    with qtbot.waitSignal(panel.chosen, timeout=2000) as blocker:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(y)))
    assert blocker.args[2] == 4 and panel.current_point == 3
    chosen = panel.outcome.allocation(3)
    assert (chosen.brand_response, chosen.promotion_revenue) == points[3]
    figures = tab.results.figures
    assert figures is not None and tab.results.title.text() == "Frontier point 4"
    assert figures.brand_response == chosen.brand_response
    assert figures.revenue_minor == panel.outcome.problem.to_minor(chosen.promotion_revenue)
    qtbot.waitUntil(lambda: chart.up_to_date, timeout=5000)
    assert chart.summary["chosen"] == 3


def test_apply_then_undo_restores_the_file(qtbot: QtBot, demo: Opened):
    tab = demo.tab
    run(qtbot, tab)
    before = dump(demo.document.plan.db.conn)
    flights_before = set(demo.index.flights)
    tab.lower_tabs.setCurrentWidget(tab.scenarios)
    tab.scenarios.list.setCurrentRow(0)
    assert tab.scenarios.apply_button.isEnabled()
    qtbot.mouseClick(tab.scenarios.apply_button, Qt.MouseButton.LeftButton)
    assert demo.document.undo_stack.undoText().startswith("Apply scenario")
    added = set(demo.index.flights) - flights_before
    assert added and all(demo.index.flights[f].name.startswith("Optimised") for f in added)
    assert dump(demo.document.plan.db.conn) != before
    demo.document.undo_stack.undo()
    assert dump(demo.document.plan.db.conn) == before
    assert set(demo.index.flights) == flights_before


def test_compare_two_scenarios(qtbot: QtBot, demo: Opened):
    tab = demo.tab
    first = run(qtbot, tab)
    lower = demo.index.settings.total_budget_minor * 97 // 100
    tab.editor.budget_edit.setText(format_money(lower, "CNY", symbol=False))
    second = run(qtbot, tab)
    stored = demo.document.run(list_scenarios)
    assert len(stored) == 2
    tab.scenarios.select([s.id for s in stored])
    qtbot.mouseClick(tab.scenarios.compare_button, Qt.MouseButton.LeftButton)
    model = tab.scenarios.compare_model
    spend = [o.problem.spend_minor(o.result.spend).sum(axis=(1, 2)) for o in (first, second)]
    names = [ch.name for ch in first.problem.problem.channels]
    for row, name in enumerate(names):
        assert model.item(row, 0).text() == name
        assert model.item(row, 1).text() == format_money(int(spend[0][row]))
        assert model.item(row, 2).text() == format_money(int(spend[1][row]))
        assert model.item(row, 3).text() == format_money(int(spend[1][row] - spend[0][row]))
    total = len(names)
    assert model.item(total, 0).text() == "Total spend"
    assert model.item(total, 3).text() == format_money(int(spend[1].sum() - spend[0].sum()))


def test_rename_and_delete_are_undoable(qtbot: QtBot, demo: Opened):
    tab = demo.tab
    run(qtbot, tab)
    item = tab.scenarios.list.item(0)
    item.setText("Lean spring")
    assert [s.name for s in demo.document.run(list_scenarios)] == ["Lean spring"]
    tab.scenarios.list.setCurrentRow(0)
    qtbot.mouseClick(tab.scenarios.delete_button, Qt.MouseButton.LeftButton)
    assert demo.document.run(list_scenarios) == []
    demo.document.undo_stack.undo()
    demo.document.undo_stack.undo()
    assert tab.scenarios.list.item(0).text() != "Lean spring"
