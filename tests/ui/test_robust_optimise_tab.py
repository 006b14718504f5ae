"""The Optimise tab across curve draws: the risk chooser runs the robust optimiser in
the worker, shows its certified gap and the price of robustness (table and chart)
as the planner computes them, saves it as a scenario that applies and undoes like
any other, and Cancel ends a long robust run."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from planner.domain.money import format_money
from planner.services.fitting import fit_plan, save_fits
from planner.services.robust import run_robust as planner_run
from planner.services.robust_scenarios import certificate
from planner.services.scenarios import list_scenarios
from planner.storage.plan_file import open_plan, reader
from tests.plan_dump import dump
from tests.ui.optimise_support import make_demo, widen
from tests.ui.test_optimise_tab import Opened, open_tab
from ui.optimise.request import build
from ui.optimise.robust_tasks import RobustOutcome

SOLVE_MS = 120_000
COUNT = 6


@pytest.fixture(scope="module")
def fitted_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = make_demo(tmp_path_factory.mktemp("robust") / "demo.cplan")
    with open_plan(path, take_backup=False) as plan:
        save_fits(plan, fit_plan(plan, starts=1, draws=COUNT, seed=5))
    return path


@pytest.fixture
def demo(qtbot: QtBot, fitted_file: Path, tmp_path: Path) -> Iterator[Opened]:
    opened = open_tab(qtbot, fitted_file, tmp_path)
    opened.tab.editor.tolerance_combo.setCurrentIndex(
        opened.tab.editor.tolerance_combo.findData(1e-3))
    yield opened
    opened.tab.shutdown()
    opened.document.close()


def run_robust(qtbot: QtBot, opened: Opened, measure: str, alpha: float = 0.1
               ) -> RobustOutcome:
    tab = opened.tab
    tab.risk.choose(measure, alpha)
    finished: list[RobustOutcome] = []
    tab.robust_finished.connect(finished.append)
    qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    assert tab.progress_bar.maximum() == 0  # busy: no gap to show until both solves end
    qtbot.waitUntil(lambda: not tab.runner.busy, timeout=SOLVE_MS)
    assert finished, tab.status_label.text()
    assert tab.progress_bar.maximum() == 100
    return finished[0]


def test_the_chooser_offers_the_plain_run_and_three_measures(qtbot: QtBot, demo: Opened):
    risk = demo.tab.risk
    assert risk.risk() is None and not risk.alpha_box.isEnabled()
    risk.choose("cvar", 0.25)
    assert risk.alpha_box.isEnabled() and risk.risk().measure == "cvar"
    assert risk.risk().alpha == pytest.approx(0.25)
    risk.choose("worst")
    assert not risk.alpha_box.isEnabled() and risk.risk().alpha == 1.0


def test_a_worst_case_run_shows_its_price_and_applies_as_a_scenario(qtbot: QtBot,
                                                                    demo: Opened):
    tab, document = demo.tab, demo.document
    before = dump(document.plan.db.conn)
    outcome = run_robust(qtbot, demo, "worst")
    # What the tab shows is what the planner computes for the same request.
    with reader(str(demo.path)) as plan:
        problem = build(plan, outcome.request)
        expected = certificate(problem, planner_run(plan, problem, "worst",
                                                    tolerance=outcome.request.tolerance))
    proof = tab.robust_panel.proof
    assert proof == outcome.proof
    assert proof["price_of_robustness"] == expected["price_of_robustness"]
    assert proof["draws"] == COUNT and proof["gap"] <= 1e-3
    assert "worst case across 6 curve draws" in tab.results.gap_label.text()
    assert tab.lower_tabs.currentWidget() is tab.robust_panel
    model, currency = tab.robust_panel.model, outcome.problem.currency
    rows = {r["allocation"]: r for r in proof["price_of_robustness"]}
    for row, key in enumerate(("chosen", "mean_optimal")):
        for column, field in enumerate(("mean", "p5", "worst")):
            assert model.item(row, column).text() == format_money(rows[key][field], currency)
    worst_gain = rows["chosen"]["worst"] - rows["mean_optimal"]["worst"]
    assert model.item(2, 2).text() == format_money(worst_gain, currency)
    assert worst_gain >= -proof["gap"] * abs(proof["objective_minor"])
    chart = tab.robust_panel.chart
    qtbot.waitUntil(lambda: chart.up_to_date, timeout=20_000)
    (chosen_label, mean_label) = (model.verticalHeaderItem(r).text() for r in (0, 1))
    unit = 1000 * 100  # thousands of yuan, in fen
    drawn = chart.summary
    assert set(drawn) == {chosen_label, mean_label}
    for label, key in ((chosen_label, "chosen"), (mean_label, "mean_optimal")):
        mean, p5, worst = drawn[label]
        assert worst == pytest.approx(rows[key]["worst"] / unit, abs=1e-6)
        assert p5 == pytest.approx(rows[key]["p5"] / unit, abs=1e-3)
        assert mean == pytest.approx(rows[key]["mean"] / unit, abs=1e-3)
    assert chart.axes[0].legend == ("Draws", "Mean", "5th percentile", "Worst")

    # Saved as a scenario, applied from the scenarios panel, undone to the byte.
    (scenario,) = document.run(list_scenarios)
    assert scenario.result["risk"] == proof and scenario.name.startswith("Robust (worst case)")
    panel = tab.scenarios
    panel.select([scenario.id])
    assert tab.robust_panel.proof == proof  # the stored scenario shows the same
    saved = dump(document.plan.db.conn)
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert dump(document.plan.db.conn) != saved
    document.undo_stack.undo()
    assert dump(document.plan.db.conn) == saved
    document.undo_stack.undo()
    assert dump(document.plan.db.conn) == before


def test_a_risk_needs_the_most_value_objective(qtbot: QtBot, demo: Opened):
    tab = demo.tab
    tab.editor.objective_combo.setCurrentIndex(tab.editor.objective_combo.findData("min_cost"))
    tab.editor.target_edit.setText("100,000,000")
    tab.risk.choose("cvar", 0.2)
    qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    assert not tab.runner.busy and "Most value" in tab.status_label.text()


def test_cancel_ends_a_long_robust_run(qtbot: QtBot, fitted_file: Path, tmp_path: Path):
    wide = widen(Path(shutil.copyfile(fitted_file, tmp_path / "wide.cplan")), 30)
    (tmp_path / "open").mkdir()
    opened = open_tab(qtbot, wide, tmp_path / "open")
    tab = opened.tab
    try:
        tab.editor.grain_combo.setCurrentIndex(tab.editor.grain_combo.findData("week"))
        tab.editor.tolerance_combo.setCurrentIndex(tab.editor.tolerance_combo.findData(1e-8))
        tab.risk.choose("cvar", 0.2)
        with qtbot.waitSignal(tab.runner.progress, timeout=SOLVE_MS):
            qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
        qtbot.wait(500)
        started = time.perf_counter()
        with qtbot.assertNotEmitted(tab.robust_finished), \
                qtbot.waitSignal(tab.runner.cancelled, timeout=5000):
            qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
        assert time.perf_counter() - started < 2.5
        assert tab.run_button.isEnabled() and tab.status_label.text() == "Cancelled."
        assert opened.document.run(list_scenarios) == []
    finally:
        tab.shutdown()
        opened.document.close()
