"""The campaign tree dock over a real plan file: campaigns and their flights, the
filter box and pickers, selection shared both ways, updates without a reset."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from planner.services import campaigns, channels, flights
from tests.ui.plan_views import (
    Views,
    add_chinese_campaign,
    double_click,
    ids_in_order,
    row_point,
    show_panel,
)
from ui.commands.base import ServiceCommand
from ui.models.campaign_tree import ID_ROLE, TreeColumn
from ui.panels.campaign_tree import CampaignTree

CTRL = Qt.KeyboardModifier.ControlModifier


def make_tree(qtbot: QtBot, views: Views) -> CampaignTree:
    return show_panel(qtbot, views, CampaignTree, 700, 500)


def row(tree: CampaignTree, kind: str, record_id: str, column: int = 0) -> QModelIndex:
    return tree.proxy.mapFromSource(tree.model.index_of((kind, record_id), column))


def campaigns_shown(tree: CampaignTree) -> list[str]:
    return ids_in_order(tree.proxy, ID_ROLE)


def flights_shown(tree: CampaignTree, campaign_id: str) -> list[str]:
    return ids_in_order(tree.proxy, ID_ROLE, row(tree, "campaign", campaign_id))


def click(qtbot: QtBot, tree: CampaignTree, index: QModelIndex,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.mouseClick(tree.view.viewport(), Qt.MouseButton.LeftButton, modifier,
                     row_point(tree.view, index))


def commit_from_input_method(widget: QWidget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def campaign_of(views: Views, flight_id: str) -> str:
    return views.index.flights[flight_id].campaign_id


def test_campaigns_by_name_with_their_flights_status_swatch_and_totals(qtbot, views,
                                                                      sample_plan):
    tree = make_tree(qtbot, views)
    brand, promo = (campaign_of(views, f) for f in sample_plan.flight_ids[:2])
    assert campaigns_shown(tree) == [promo, brand]  # "618 promotion" < "Brand story"
    assert sorted(flights_shown(tree, promo)) == sorted(sample_plan.flight_ids[1:])

    def text(kind: str, record_id: str, column: TreeColumn) -> str:
        return row(tree, kind, record_id, column).data()

    assert text("campaign", promo, TreeColumn.STATUS) == "Draft"
    assert text("campaign", promo, TreeColumn.BUDGET) == "¥400,000.00"
    assert text("campaign", promo, TreeColumn.DATES) == "2026-03-01 – 2026-03-15"
    swatch = row(tree, "campaign", promo).data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(swatch, QColor)
    assert swatch.name() == views.index.campaigns[promo].colour.lower()
    douyin_flight = sample_plan.flight_ids[1]
    assert text("flight", douyin_flight, TreeColumn.CHANNEL) == "Douyin"
    assert text("flight", douyin_flight, TreeColumn.BUDGET) == "¥150,000.00"


def test_the_filter_box_and_pickers_narrow_the_tree_chinese_too(qtbot, views, sample_plan):
    chinese = add_chinese_campaign(views)
    tree = make_tree(qtbot, views)
    bar = tree.filter_bar
    brand, promo = (campaign_of(views, f) for f in sample_plan.flight_ids[:2])

    bar.text.setFocus()
    commit_from_input_method(bar.text, "爆发")  # how Chinese arrives: from the IME
    qtbot.waitUntil(lambda: campaigns_shown(tree) == [chinese.campaign_id])
    assert views.flight_filter.text == "爆发"
    assert flights_shown(tree, chinese.campaign_id) == [chinese.flight_ids[1]]
    assert tree.view.isExpanded(row(tree, "campaign", chinese.campaign_id))

    bar.text.clear()
    qtbot.keyClicks(bar.text, "wechat")  # a channel name, any case
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    assert campaigns_shown(tree) == [promo]
    assert flights_shown(tree, promo) == [sample_plan.flight_ids[2]]

    bar.text.clear()
    qtbot.keyClick(bar.text, Qt.Key.Key_Return)
    assert campaigns_shown(tree) == [promo, brand, chinese.campaign_id]
    bar.channel.setCurrentIndex(bar.channel.findText("天猫旗舰店"))
    assert views.flight_filter.channel_id == chinese.channel_id
    assert campaigns_shown(tree) == [chinese.campaign_id]

    bar.channel.setCurrentIndex(0)
    bar.status.setCurrentIndex(bar.status.findData("live"))
    assert campaigns_shown(tree) == [chinese.campaign_id]
    bar.status.setCurrentIndex(0)
    bar.objective.setCurrentIndex(bar.objective.findData("brand"))
    assert campaigns_shown(tree) == [brand]


def test_a_filter_set_elsewhere_shows_in_the_pickers(qtbot, views, sample_plan):
    tree = make_tree(qtbot, views)
    views.flight_filter.set_channel(sample_plan.channel_ids["Douyin"])
    views.flight_filter.set_text("spring")
    assert tree.filter_bar.channel.currentText() == "Douyin"
    assert tree.filter_bar.text.text() == "spring"
    views.document.run(channels.update_channel, sample_plan.channel_ids["Douyin"],
                       name="抖音")
    assert tree.filter_bar.channel.currentText() == "抖音"


def test_selection_is_shared_both_ways(qtbot, views, sample_plan):
    tree = make_tree(qtbot, views)
    first, second, _third = sample_plan.flight_ids
    promo = campaign_of(views, second)

    click(qtbot, tree, row(tree, "campaign", promo))
    assert views.selection.items == (("campaign", promo),)
    tree.view.expandAll()
    click(qtbot, tree, row(tree, "flight", second), CTRL)
    assert views.selection.items == (("campaign", promo), ("flight", second))
    assert views.selection.current == ("flight", second)

    tree.view.collapseAll()
    views.selection.select_flights([first], source="calendar")
    index = row(tree, "flight", first)
    assert tree.view.selectionModel().selectedRows() == [index]
    assert tree.view.isExpanded(index.parent())  # scrolled to, its campaign opened
    assert tree.view.currentIndex() == index


def test_double_click_asks_to_edit_the_row(qtbot, views, sample_plan):
    tree = make_tree(qtbot, views)
    brand = campaign_of(views, sample_plan.flight_ids[0])
    with qtbot.waitSignal(tree.edit_requested) as signal:
        double_click(qtbot, tree.view, row(tree, "campaign", brand))
    assert signal.args == ["campaign", brand]
    tree.view.expandAll()
    with qtbot.waitSignal(tree.edit_requested) as signal:
        double_click(qtbot, tree.view, row(tree, "flight", sample_plan.flight_ids[0]))
    assert signal.args == ["flight", sample_plan.flight_ids[0]]


def test_edits_made_elsewhere_update_rows_without_a_reset(qtbot, views, sample_plan):
    tree = make_tree(qtbot, views)
    resets: list[str] = []
    tree.model.modelReset.connect(lambda: resets.append("model"))
    tree.proxy.modelReset.connect(lambda: resets.append("proxy"))
    first, second, third = sample_plan.flight_ids
    brand, promo = campaign_of(views, first), campaign_of(views, second)
    run = views.document.run

    run(flights.update_flight, second, budget_minor=50_000_00)
    assert row(tree, "campaign", promo, TreeColumn.BUDGET).data() == "¥300,000.00"
    run(flights.resize_flight, third, flights.DateSpan(dt.date(2026, 2, 20),
                                                        dt.date(2026, 3, 5)))
    assert flights_shown(tree, promo) == [third, second]  # by start
    assert row(tree, "campaign", promo, TreeColumn.DATES).data() == "2026-02-20 – 2026-03-15"

    run(flights.update_flight, third, campaign_id=brand)  # moves under the other campaign
    assert flights_shown(tree, promo) == [second]
    assert flights_shown(tree, brand) == [third, first]

    new = run(campaigns.create_campaign, "Autumn launch", "brand").created_id
    assert campaigns_shown(tree) == [promo, new, brand]
    added = run(flights.add_flight, new, sample_plan.channel_ids["Tmall"], dt.date(2026, 9, 1),
                dt.date(2026, 9, 30), 10_000_00).created_id
    assert flights_shown(tree, new) == [added]
    run(campaigns.update_campaign, new, name="Zhongqiu")
    assert campaigns_shown(tree) == [promo, brand, new]

    run(campaigns.delete_campaign, promo)
    assert campaigns_shown(tree) == [brand, new]
    assert resets == []


def test_undo_of_a_deleted_campaign_brings_back_its_flights(qtbot, views, sample_plan):
    tree = make_tree(qtbot, views)
    promo = campaign_of(views, sample_plan.flight_ids[1])
    views.document.push(ServiceCommand(views.document, "Delete campaign",
                                       campaigns.delete_campaign, promo))
    assert promo not in campaigns_shown(tree)
    views.document.undo_stack.undo()
    assert sorted(flights_shown(tree, promo)) == sorted(sample_plan.flight_ids[1:])
