"""The Budget tab on real plan files: the grid's money after the worker, switching
rows and measure, editing a flight's month (undoable to the byte), the gauge and
the charts."""

from __future__ import annotations

import datetime as dt
import random
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit
from pytestqt.qtbot import QtBot

from planner.services import flights, frames, plan_settings
from planner.services.budget_grid import budget_grid
from planner.storage.plan_file import open_plan, reader
from tests.plan_dump import dump
from tests.ui.conftest import SamplePlan
from ui.budget import BudgetTab
from ui.budget.grid_model import MINOR_ROLE
from ui.document import PlanDocument
from ui.models.overview import PlanOverview
from ui.models.plan_index import PlanIndex
from ui.selection import Selection

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Parts:
    document: PlanDocument
    index: PlanIndex
    selection: Selection
    overview: PlanOverview
    tab: BudgetTab


@pytest.fixture
def open_tab(qtbot: QtBot) -> Iterator[Callable[..., Parts]]:
    made: list[Parts] = []

    def make(path: Path, show: bool = True) -> Parts:
        document = PlanDocument()
        index = PlanIndex(document)
        selection = Selection(index)
        overview = PlanOverview(document)
        tab = BudgetTab(document, index, selection, overview)
        qtbot.addWidget(tab)
        tab.resize(1000, 700)
        document.open(open_plan(path))
        parts = Parts(document, index, selection, overview, tab)
        made.append(parts)
        if show:
            tab.show()
            settle(qtbot, parts)
        return parts

    yield make
    for parts in made:
        parts.tab.shutdown()
        parts.overview.shutdown()
        parts.document.close()


def settle(qtbot: QtBot, parts: Parts) -> None:
    """Until the grid and the overview both match the file."""
    qtbot.waitUntil(lambda: not parts.tab.busy and parts.tab.result is not None
                    and not parts.overview.busy, timeout=20_000)


def shown(tab: BudgetTab) -> dict[str, list[int]]:
    """The grid as the planner sees it: row header → minor units per column (+ total)."""
    model = tab.grid_model
    return {model.headerData(r, Qt.Orientation.Vertical): [
        model.data(model.index(r, c), MINOR_ROLE) for c in range(model.columnCount())]
        for r in range(model.rowCount())}


def column(tab: BudgetTab, label: str) -> int:
    model = tab.grid_model
    return next(c for c in range(model.columnCount())
                if model.headerData(c, Qt.Orientation.Horizontal) == label)


def test_grid_shows_planned_money_by_channel_after_the_worker(open_tab, sample_plan):
    tab = open_tab(sample_plan.path).tab
    rows = shown(tab)
    march = column(tab, "Mar 2026")
    assert rows["Tmall"][march] == 300_000_00
    assert rows["Douyin"][march] == 150_000_00
    assert rows["WeChat"][-1] == 250_000_00
    assert rows["Total"][march] == rows["Total"][-1] == 700_000_00
    assert tab.grid_model.data(tab.grid_model.index(0, march)) == "300,000.00"
    assert "¥700,000.00" in tab.total_label.text()


def test_switching_rows_and_measure(open_tab, sample_plan, qtbot):
    with open_plan(sample_plan.path) as plan:
        flights.set_committed(plan, [sample_plan.flight_ids[1]])
        plan_settings.add_placeholder(plan, sample_plan.channel_ids["WeChat"],
                                      dt.date(2026, 4, 1), dt.date(2026, 4, 30), 12_345)
    parts = open_tab(sample_plan.path)
    tab = parts.tab
    tab.rows_combo.setCurrentIndex(tab.rows_combo.findData("campaign"))
    settle(qtbot, parts)
    rows = shown(tab)
    assert rows["Brand story"][-1] == 300_000_00
    assert rows["618 promotion"][-1] == 400_000_00
    tab.measure_combo.setCurrentIndex(tab.measure_combo.findData("committed"))
    settle(qtbot, parts)
    assert shown(tab)["618 promotion"][-1] == 150_000_00
    assert tab.result.grid.measure == "committed"
    tab.set_choice("tier", "placeholder")
    settle(qtbot, parts)
    rows = shown(tab)
    assert rows["No segment"][column(tab, "Apr 2026")] == 12_345
    assert rows["High value"][-1] == 0
    tab.set_choice("channel", "baseline")
    settle(qtbot, parts)
    assert shown(tab)["Total"][-1] == 0  # no baseline taken yet


def test_an_edit_elsewhere_recomputes_only_while_visible(open_tab, sample_plan, qtbot):
    parts = open_tab(sample_plan.path)
    tab, document = parts.tab, parts.document
    tab.hide()
    document.run(flights.update_flight, sample_plan.flight_ids[0], budget_minor=1)
    assert tab.busy and not tab.computer.busy  # stale, and waiting to be shown
    assert shown(tab)["Tmall"][-1] == 300_000_00
    tab.show()
    settle(qtbot, parts)
    assert shown(tab)["Tmall"][-1] == 1


def test_edits_in_a_burst_are_coalesced(open_tab, sample_plan, qtbot):
    parts = open_tab(sample_plan.path)
    tab, document = parts.tab, parts.document
    results: list[object] = []
    tab.updated.connect(results.append)
    for budget in range(1, 11):
        document.run(flights.update_flight, sample_plan.flight_ids[0], budget_minor=budget)
    settle(qtbot, parts)
    assert shown(tab)["Tmall"][-1] == 10
    assert len(results) < 10


def edit_month(qtbot: QtBot, tab: BudgetTab, month: int, text: str) -> None:
    """Type into a month cell of the flight grid as a planner does: F2, text, Enter."""
    view = tab.flight_panel.view
    view.setFocus()
    view.setCurrentIndex(tab.flight_panel.model.index(0, month))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.viewport().findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on the next turn of the event loop.
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def test_editing_a_flight_month_writes_custom_phasing_and_undo_restores_the_file(
        open_tab, sample_plan: SamplePlan, qtbot):
    with open_plan(sample_plan.path) as plan:
        flights.update_flight(plan, sample_plan.flight_ids[0], end=dt.date(2026, 4, 9))
    parts = open_tab(sample_plan.path)
    tab, document = parts.tab, parts.document
    panel = tab.flight_panel
    assert panel.isHidden()
    parts.selection.select_flights(sample_plan.flight_ids[:2])
    assert panel.isHidden()  # two flights: no single flight to edit
    flight_id = sample_plan.flight_ids[0]
    parts.selection.select_flights([flight_id])
    assert panel.isVisible()
    model = panel.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Mar 2026", "Apr 2026", "Total"]
    before = [model.data(model.index(0, c), MINOR_ROLE) for c in range(3)]
    assert before[2] == 300_000_00
    file_before = dump(document.plan.db.conn)

    edit_month(qtbot, tab, 1, "1,000.50")
    flight = parts.index.flights[flight_id]
    assert flight.phasing["pattern"] == "custom"
    assert flight.budget_minor == before[0] + 1_000_50
    assert [model.data(model.index(0, c), MINOR_ROLE) for c in range(3)] == [
        before[0], 1_000_50, before[0] + 1_000_50]
    settle(qtbot, parts)
    assert shown(tab)["Tmall"][column(tab, "Apr 2026")] == 1_000_50
    assert document.undo_stack.undoText() == "Edit month amount"

    document.undo_stack.undo()
    assert dump(document.plan.db.conn) == file_before
    assert [model.data(model.index(0, c), MINOR_ROLE) for c in range(3)] == before
    settle(qtbot, parts)
    assert shown(tab)["Tmall"][column(tab, "Apr 2026")] == before[1]


@pytest.mark.parametrize("text", ["lots", "12..5", "-5", "0"])
def test_bad_month_text_is_refused_and_nothing_written(open_tab, sample_plan, qtbot, text):
    parts = open_tab(sample_plan.path)
    document = parts.document
    messages: list[str] = []
    document.failed.connect(messages.append)
    parts.selection.select_flights([sample_plan.flight_ids[1]])  # one month only
    file_before = dump(document.plan.db.conn)
    edit_month(qtbot, parts.tab, 0, text)
    assert len(messages) == 1 and "nothing was changed" in messages[0].lower()
    assert dump(document.plan.db.conn) == file_before
    assert document.undo_stack.count() == 0


def test_a_committed_flight_months_are_locked(open_tab, sample_plan):
    with open_plan(sample_plan.path) as plan:
        flights.set_committed(plan, [sample_plan.flight_ids[0]])
    parts = open_tab(sample_plan.path)
    parts.selection.select_flights([sample_plan.flight_ids[0]])
    model = parts.tab.flight_panel.model
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert "locked" in parts.tab.flight_panel.title.text()


def test_the_gauge_reflects_the_snapshot_share(open_tab, sample_plan, qtbot):
    parts = open_tab(sample_plan.path)
    gauge = parts.tab.gauge
    # Brand story 300,000 of 700,000 planned: 42.9 %, inside 35–45 %.
    assert gauge.gauge.share == pytest.approx(300 / 700)
    assert parts.overview.snapshot.brand_share == gauge.gauge.share
    assert (gauge.gauge.low, gauge.gauge.high, gauge.gauge.target) == (0.35, 0.45, 0.40)
    assert gauge.gauge.in_range
    assert "42.9%" in gauge.caption.text() and "inside" in gauge.caption.text()
    parts.document.run(flights.update_flight, sample_plan.flight_ids[0],
                       budget_minor=1_000_000_00)
    settle(qtbot, parts)
    assert gauge.gauge.share == pytest.approx(1_000 / 1_400)
    assert not gauge.gauge.in_range and "outside" in gauge.caption.text()
    image = gauge.gauge.grab().toImage()
    assert image.width() > 0 and not image.isNull()


def test_charts_are_drawn_after_showing_the_tab(open_tab, sample_plan, qtbot):
    parts = open_tab(sample_plan.path, show=False)
    tab = parts.tab
    by_channel, split = tab.charts.views
    assert by_channel.image is None and tab.result is None  # nothing done while hidden
    tab.show()
    settle(qtbot, parts)
    qtbot.waitUntil(lambda: by_channel.summary is not None and split.summary is not None,
                    timeout=20_000)
    assert by_channel.summary == pytest.approx(700_000)  # the money stacked, in yuan
    assert set(by_channel.axes[0].legend) == {"Tmall", "Douyin", "WeChat"}
    assert split.summary == pytest.approx(700_000)
    assert split.axes[0].legend == ("Brand", "Promotion")
    assert by_channel.image.width() == round(by_channel.width()
                                             * by_channel.devicePixelRatioF())


def test_charts_follow_an_edit(open_tab, sample_plan, qtbot):
    parts = open_tab(sample_plan.path)
    by_channel = parts.tab.charts.views[0]
    qtbot.waitUntil(lambda: by_channel.summary is not None, timeout=20_000)
    parts.document.run(flights.update_flight, sample_plan.flight_ids[0], budget_minor=1_00)
    settle(qtbot, parts)
    qtbot.waitUntil(lambda: by_channel.summary == pytest.approx(400_001), timeout=20_000)


def test_closing_the_plan_empties_the_tab(open_tab, sample_plan):
    parts = open_tab(sample_plan.path)
    parts.document.close()
    assert parts.tab.grid_model.rowCount() == 0
    assert parts.tab.result is None and not parts.tab.busy


def test_building_the_tab_does_not_import_matplotlib(sample_plan):
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from ui.document import PlanDocument\n"
        "from ui.models.plan_index import PlanIndex\n"
        "from ui.models.overview import PlanOverview\n"
        "from ui.selection import Selection\n"
        "from ui.budget import BudgetTab\n"
        "d = PlanDocument(); i = PlanIndex(d)\n"
        "tab = BudgetTab(d, i, Selection(i), PlanOverview(d))\n"
        "print('matplotlib' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                         text=True, env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
                         timeout=60)
    assert out.stdout.strip() == "False", out.stderr


def test_a_5000_flight_plan_recomputes_without_freezing(open_tab, tmp_path, qtbot):
    from tests.benchmarks.bench_calendar import build_big_plan

    path = tmp_path / "big.cplan"
    build_big_plan(path, 5_000, random.Random(5))
    parts = open_tab(path, show=False)
    tab = parts.tab
    tab.show()
    started = time.perf_counter()
    tab.set_choice("tier", "planned")  # the GUI thread only asks; the pool computes
    assert time.perf_counter() - started < 0.1
    settle(qtbot, parts)
    with reader(path) as plan:
        expected = budget_grid(frames.load(plan), "tier", "planned")
    assert tab.result.grid == expected
    assert shown(tab)["Total"][-1] == expected.grand_total
