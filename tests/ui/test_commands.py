"""Undoable edits: the command runs a real service, undo and redo replay the core's action."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel

from planner.services import channels, flights
from planner.storage import history
from ui.commands.base import ServiceCommand
from ui.main_window import MainWindow
from ui.models.channel_totals import ID_ROLE


def _rules(window: MainWindow) -> set[str]:
    model = window.health.model
    return {model.finding(row).rule for row in range(model.rowCount())}


def _cell(model: QAbstractItemModel, key: str, column: int) -> str:
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ID_ROLE) == key)
    return model.index(row, column).data()


def test_undo_and_redo_round_trip_an_edit_and_the_summary_follows(make_window, sample_plan):
    window = make_window()
    window.files.start(sample_plan.path)
    window.overview.wait()
    document, model = window.document, window.summary.channel_model
    douyin = sample_plan.channel_ids["Douyin"]
    flight = sample_plan.flight_ids[1]  # the Douyin flight, over the channel's cap

    command = ServiceCommand(document, "Cut Douyin budget", flights.update_flight, flight,
                             budget_minor=80_000_00)
    document.push(command)
    window.overview.wait()

    assert _cell(model, douyin, 1) == "¥80,000.00"
    # Under its cap now, and the brand share (300k of 630k) has left its range.
    assert _rules(window) == {"brand_share", "no_kpi_target"}
    assert "· Brand 48 % (35–45 %) ·" in window.plan_status.text()
    assert history.get_action(document.plan, command.action_id).label == "Edit flight"
    assert window.undo_action.isEnabled()
    assert "Cut Douyin budget" in window.undo_action.text()

    window.undo_action.trigger()
    window.overview.wait()
    assert _cell(model, douyin, 1) == "¥150,000.00"
    assert _rules(window) == {"channel_over_cap", "no_kpi_target"}
    assert history.get_action(document.plan, command.action_id).undone

    window.redo_action.trigger()
    window.overview.wait()
    assert _cell(model, douyin, 1) == "¥80,000.00"
    assert window.plan_status.text().startswith("Planned ¥630,000.00 of ¥1,000,000.00")


def test_a_rename_redraws_the_channel_table(make_window, sample_plan):
    window = make_window()
    window.files.start(sample_plan.path)
    wechat = sample_plan.channel_ids["WeChat"]

    window.document.push(ServiceCommand(window.document, "Rename channel",
                                        channels.update_channel, wechat, name="Weixin"))
    window.overview.wait()
    assert _cell(window.summary.channel_model, wechat, 0) == "Weixin"
    window.document.undo_stack.undo()
    window.overview.wait()
    assert _cell(window.summary.channel_model, wechat, 0) == "WeChat"


def test_a_refused_edit_is_reported_and_leaves_nothing_to_undo(make_window, sample_plan,
                                                               prompts):
    window = make_window()
    window.files.start(sample_plan.path, read_only=True)

    window.document.push(ServiceCommand(window.document, "Rename channel",
                                        channels.update_channel,
                                        sample_plan.channel_ids["Tmall"], name="Taobao"))

    assert window.document.undo_stack.count() == 0
    assert "read-only" in prompts.informed[0]
