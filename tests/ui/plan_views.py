"""The shared GUI state the tree and the flights table are built on, over a real
plan file, without a main window: what a panel test needs and nothing more."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QWidget
from pytestqt.qtbot import QtBot

from planner.services import campaigns, channels, flights
from planner.storage.plan_file import open_plan
from tests.plan_dump import dump
from ui.document import PlanDocument
from ui.models.flight_filter import FlightFilter
from ui.models.plan_index import PlanIndex
from ui.selection import Selection


@dataclass
class Views:
    document: PlanDocument
    index: PlanIndex
    selection: Selection
    flight_filter: FlightFilter
    failures: list[str]

    def dump(self) -> dict:
        return dump(self.document.plan.db.conn)


@contextmanager
def open_views(path: Path, *, read_only: bool = False) -> Iterator[Views]:
    document = PlanDocument()
    index = PlanIndex(document)
    views = Views(document, index, Selection(index), FlightFilter(), [])
    document.failed.connect(views.failures.append)
    document.open(open_plan(path, read_only=read_only))
    try:
        yield views
    finally:
        document.close()


P = TypeVar("P", bound=QWidget)


def show_panel(qtbot: QtBot, views: Views,
               panel: Callable[[PlanDocument, PlanIndex, Selection, FlightFilter], P],
               width: int, height: int) -> P:
    """A panel over the shared state, shown at the given size and closed after the test."""
    widget = panel(views.document, views.index, views.selection, views.flight_filter)
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    return widget


@dataclass(frozen=True)
class ChinesePart:
    channel_id: str
    campaign_id: str
    flight_ids: list[str]


def add_chinese_campaign(views: Views) -> ChinesePart:
    """A live Double 11 campaign on a channel named in Chinese, with two flights."""
    run = views.document.run
    channel = run(channels.create_channel, "天猫旗舰店", "web_shop").created_id
    campaign = run(campaigns.create_campaign, "双十一大促", "promotion", status="live").created_id
    ids = [run(flights.add_flight, campaign, channel, dt.date(2026, 10, 20 + i),
               dt.date(2026, 11, 11), budget, name=name).created_id
           for i, (budget, name) in enumerate(((9_00, "预热"), (1_000_00, "爆发")))]
    return ChinesePart(channel, campaign, ids)


def row_point(view: QAbstractItemView, index: QModelIndex) -> QPoint:
    """Where to click on the cell of `index` (a view index)."""
    view.scrollTo(index)
    return view.visualRect(index).center()


def double_click(qtbot: QtBot, view: QAbstractItemView, index: QModelIndex) -> None:
    """As a hand does it: the first press picks the row, the second one double-clicks."""
    point = row_point(view, index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def ids_in_order(model: QAbstractItemModel, role: int, parent: QModelIndex | None = None
                 ) -> list[str]:
    parent = parent if parent is not None else QModelIndex()
    return [model.index(row, 0, parent).data(role) for row in range(model.rowCount(parent))]
