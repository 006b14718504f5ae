"""Reforecast from the Optimise tab on the demo plan (actuals to 2026-05-31): the button
runs it off the GUI thread, the scenario appears selected in the scenarios panel,
undo removes it (and a re-fit is its own step); the Performance tab shows plan,
actual to date and reforecast per channel exactly as `reforecast_table` stores them."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from planner.services.reforecast import reforecast_table
from planner.services.scenarios import list_scenarios
from planner.storage.plan_file import open_plan
from tests.plan_dump import dump
from tests.ui.optimise_support import make_demo
from ui import dialogs
from ui.document import PlanDocument
from ui.models.flight_filter import FlightFilter
from ui.models.plan_index import PlanIndex
from ui.optimise import OptimiseTab
from ui.optimise.reforecast import ReforecastDialog
from ui.performance.reforecast_panel import MONEY
from ui.performance.tab import PerformanceTab
from ui.performance.table_model import RAW_ROLE
from ui.selection import Selection

LAST_ACTUALS = dt.date(2026, 5, 31)
SOLVE_MS = 120_000


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo(tmp_path_factory.mktemp("demo") / "demo.cplan")


@dataclass
class Opened:
    document: PlanDocument
    optimise: OptimiseTab
    performance: PerformanceTab


@pytest.fixture
def opened(qtbot: QtBot, demo_file: Path, tmp_path: Path) -> Iterator[Opened]:
    path = Path(shutil.copyfile(demo_file, tmp_path / "plan.cplan"))
    document = PlanDocument()
    index = PlanIndex(document)
    optimise = OptimiseTab(document, index, Selection(index))
    performance = PerformanceTab(document, index, FlightFilter())
    for tab in (optimise, performance):
        qtbot.addWidget(tab)
    document.open(open_plan(path, take_backup=False))
    optimise.show()
    yield Opened(document, optimise, performance)
    optimise.shutdown()
    performance.shutdown()
    document.close()


def answer(monkeypatch: pytest.MonkeyPatch, fill: Callable[[ReforecastDialog], None],
           asked: list[dt.date]) -> None:
    """The reforecast dialog, shown and filled by `fill`, then OK; `asked` records the
    date it offered."""
    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, ReforecastDialog)
        dialog.show()
        asked.append(dialog.as_of())
        fill(dialog)
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "run_dialog", run)


def click_reforecast(qtbot: QtBot, tab: OptimiseTab) -> object:
    with qtbot.waitSignal(tab.reforecast.finished, timeout=SOLVE_MS) as finished:
        qtbot.mouseClick(tab.reforecast.button, Qt.MouseButton.LeftButton)
        assert tab.reforecast.busy and not tab.reforecast.button.isEnabled()
    return finished.args[0]


def test_the_button_saves_a_reforecast_scenario_and_undo_removes_it(qtbot, opened, monkeypatch):
    document, tab = opened.document, opened.optimise
    asked: list[dt.date] = []
    answer(monkeypatch, lambda _dialog: None, asked)
    before = dump(document.plan.db.conn)
    result = click_reforecast(qtbot, tab)
    assert asked == [LAST_ACTUALS]  # the last actuals day, as the Performance tab says
    scenario_id = result.scenario_id
    assert tab.scenarios.selected_ids() == [scenario_id]
    assert tab.scenarios.scenarios[scenario_id].name == "Reforecast as of 2026-05-31"
    assert tab.scenarios.apply_button.isEnabled()  # applied like any other scenario
    assert "saved as a scenario" in tab.status_label.text()
    stack = document.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == ["Reforecast as of 2026-05-31"]
    assert reforecast_table(document.plan, scenario_id) == result.reforecast
    stack.undo()
    assert dump(document.plan.db.conn) == before
    assert scenario_id not in tab.scenarios.scenarios
    stack.redo()
    assert scenario_id in tab.scenarios.scenarios
    assert tab.reforecast.button.isEnabled()


def test_a_refit_is_its_own_undo_step(qtbot, opened, monkeypatch):
    document, tab = opened.document, opened.optimise
    asked: list[dt.date] = []
    answer(monkeypatch, lambda dialog: dialog.refit_box.setChecked(True), asked)
    before = dump(document.plan.db.conn)
    result = click_reforecast(qtbot, tab)
    assert result.fitted is not None
    stack = document.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == [
        "Re-fit curves to 2026-05-31", "Reforecast as of 2026-05-31"]
    stack.undo()
    assert [s.id for s in list_scenarios(document.plan)] == []
    stack.undo()
    assert dump(document.plan.db.conn) == before


def shown_rows(opened: Opened) -> list[list[object]]:
    model = opened.performance.reforecast.model
    rows = model.rowCount() - 1  # the totals row aside
    return [[model.index(r, c).data(RAW_ROLE) for c in range(model.columnCount())]
            for r in range(rows)]


def test_the_performance_tab_shows_the_reforecast_beside_plan_and_actuals(
        qtbot, opened, monkeypatch):
    panel = opened.performance.reforecast
    opened.performance.show()
    assert panel.isHidden() and panel.forecast is None
    answer(monkeypatch, lambda _dialog: None, [])
    result = click_reforecast(qtbot, opened.optimise)
    stored = reforecast_table(opened.document.plan, result.scenario_id)
    assert not panel.isHidden() and panel.forecast == stored
    headers = [panel.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(panel.model.columnCount())]
    assert headers == ["Channel", "Plan", "Actual to date", "Fixed to date", "Plan remaining",
                       "Reforecast remaining", "Reforecast total"]
    assert shown_rows(opened) == [[r.name, *(getattr(r, m) for m in MONEY)]
                                  for r in stored.rows]
    total = [panel.model.index(len(stored.rows), c).data(RAW_ROLE)
             for c in range(1, panel.model.columnCount())]
    assert total == [sum(getattr(r, m) for r in stored.rows) for m in MONEY]
    assert "Reforecast as of 2026-05-31" in panel.title.text()
    assert stored.assumptions[0] in panel.assumptions.text()
    opened.document.undo_stack.undo()
    assert panel.isHidden() and panel.forecast is None
