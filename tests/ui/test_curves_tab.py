"""The Curves tab on the demo plan: curves and markers as planner reads them, a
re-fit in a worker saved as one undo step, cancel, and an undoable hand edit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from planner.services.curve_edits import channel_view, curve_records, in_use
from planner.services.optimise import build_problem, run
from planner.services.scenarios import save_scenario
from tests.plan_dump import dump
from tests.ui.editing import Editing
from ui.commands.base import ServiceCommand
from ui.curves.tab import CurvesTab


@pytest.fixture
def tab(qtbot: QtBot, demo_editing: Editing) -> Iterator[CurvesTab]:
    widget = CurvesTab(demo_editing.document, demo_editing.index)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    yield widget
    widget.shutdown()


def drawn(qtbot: QtBot, tab: CurvesTab) -> tuple[tuple[str, ...], ...]:
    """The legends of the chart, once it shows the tab's latest channel."""
    qtbot.waitUntil(lambda: tab.chart.up_to_date, timeout=20_000)
    assert tab.chart.data.view is tab.view
    return tuple(axes.legend for axes in tab.chart.axes)


def test_shows_the_channels_curves_as_planner_reads_them(qtbot: QtBot, tab: CurvesTab) -> None:
    document = tab._document
    assert tab.channel_list.count() == len(tab._index.channels)
    tab.channel_list.setCurrentRow(2)
    expected = channel_view(document.plan, tab.channel_id)
    assert tab.view.channel_id == expected.channel_id
    for shown, planned in zip(tab.view.goals, expected.goals, strict=True):
        assert shown.curve == planned.curve
        assert shown.plan_x == planned.plan_x
        assert list(shown.x) == list(planned.x)
    legends = drawn(qtbot, tab)
    assert [axes.title for axes in tab.chart.axes] == [
        "Promotion: revenue per week", "Brand: index per week"]
    assert all("Current plan" in legend and "History" in legend for legend in legends)
    assert "known" in tab.info["promotion"].text()


def test_refit_runs_in_a_worker_and_saves_as_one_undo_step(qtbot: QtBot,
                                                          tab: CurvesTab) -> None:
    document = tab._document
    before = dump(document.plan.db.conn)
    with qtbot.waitSignal(tab.refit_done, timeout=120_000) as done:
        tab.refit_button.click()
        assert tab.refitting and tab.cancel_button.isEnabled()
    report = done.args[0]
    assert report.fits and not report.failures
    assert document.undo_stack.count() == 1
    used = in_use(curve_records(document.plan))
    assert {r.source for r in used.values()} == {"fitted"}
    assert "R²" in tab.info["promotion"].text()  # the redraw shows the fit's quality
    document.undo_stack.undo()
    assert dump(document.plan.db.conn) == before
    assert "known" in tab.info["promotion"].text()


def test_cancel_stops_a_refit_and_saves_nothing(qtbot: QtBot, tab: CurvesTab) -> None:
    document = tab._document
    before = dump(document.plan.db.conn)
    with qtbot.waitSignal(tab.refit_failed, timeout=60_000) as failed:
        tab.refit_button.click()
        qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
    assert failed.args == ["Cancelled"]
    assert document.undo_stack.count() == 0
    assert dump(document.plan.db.conn) == before
    assert not tab.refitting and tab.refit_button.isEnabled()


def test_hand_edit_marks_the_curve_manual_and_undoes(qtbot: QtBot, tab: CurvesTab) -> None:
    document = tab._document
    before = dump(document.plan.db.conn)
    form = tab.forms["brand"]
    form.a.setValue(88.5)
    form.adstock.setValue(0.42)
    qtbot.mouseClick(form.apply_button, Qt.MouseButton.LeftButton)
    assert document.undo_stack.count() == 1
    curve = in_use(curve_records(document.plan))[tab.channel_id, "brand"]
    assert (curve.source, curve.params["a"], curve.adstock) == ("manual", 88.5, 0.42)
    assert tab.view.goals[1].curve == curve  # the tab redrew from the edit
    assert "manual" in tab.info["brand"].text()
    document.undo_stack.undo()
    assert dump(document.plan.db.conn) == before
    assert tab.view.goals[1].curve.source == "generator"


def test_a_refused_edit_is_reported(qtbot: QtBot, tab: CurvesTab) -> None:
    document = tab._document
    form = tab.forms["promotion"]
    form.k.setValue(0.0)
    with qtbot.waitSignal(document.failed) as failed:
        qtbot.mouseClick(form.apply_button, Qt.MouseButton.LeftButton)
    assert "curve.k" in failed.args[0]
    assert document.undo_stack.count() == 0


def test_markers_follow_a_new_scenario(qtbot: QtBot, tab: CurvesTab) -> None:
    document = tab._document
    labels = drawn(qtbot, tab)[0]
    assert "Current plan" in labels and "Optimised scenario" not in labels
    problem = build_problem(document.plan, grain="month", today=dt.date(2026, 7, 15))
    document.push(ServiceCommand(document, "Save scenario", save_scenario, "Run 1", problem,
                                 run(document.plan, problem)))
    tab.select_channel(problem.channel_ids[0])
    assert tab.view.scenario == "Run 1"
    assert tab.view.goals[0].scenario_x == \
        channel_view(document.plan, problem.channel_ids[0]).goals[0].scenario_x
    assert "Optimised scenario" in drawn(qtbot, tab)[0]
